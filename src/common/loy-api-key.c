/* loy-api-key.c
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-api-key"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "loy-api-key.h"

#define ATTRIBUTE_BASE_URL "base-url"

static const SecretSchema *
loy_api_key_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.loyaltydesk.LoyaltyDesk.ApiKey",
    SECRET_SCHEMA_NONE,
    {
      { ATTRIBUTE_BASE_URL, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* Hands out plain g_free()-able memory and wipes libsecret's copy. */
static char *
take_secret (char *secret)
{
  char *key;

  if (secret == NULL)
    return NULL;

  key = g_strdup (secret);
  secret_password_free (secret);

  return key;
}

/* libsecret passes on what D-Bus says when no keyring answers ("Cannot
 * autolaunch D-Bus without X11 $DISPLAY", "GDBus.Error:org.freedesktop.DBus.
 * Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by
 * any .service files"), which tells a user nothing: say it in words. Its own
 * errors (a locked collection, a refused prompt) are kept. */
static GError *
describe_keyring_error (GError *error)
{
  if (error->domain == SECRET_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  g_debug ("No keyring: %s", error->message);
  g_error_free (error);

  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                              _("No keyring service is running, so the API key cannot be kept. "
                                "Start one (such as GNOME Keyring) and try again."));
}

static void
password_lookup_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *key;

  key = take_secret (secret_password_lookup_finish (result, &error));

  if (error != NULL)
    g_task_return_error (task, describe_keyring_error (g_steal_pointer (&error)));
  else
    g_task_return_pointer (task, key, g_free);
}

void
loy_api_key_lookup_async (const char          *base_url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_api_key_lookup_async);

  secret_password_lookup (loy_api_key_get_schema (),
                          cancellable,
                          password_lookup_cb,
                          g_steal_pointer (&task),
                          ATTRIBUTE_BASE_URL, base_url,
                          NULL);
}

char *
loy_api_key_lookup_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_api_key_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
loy_api_key_lookup_sync (const char    *base_url,
                         GCancellable  *cancellable,
                         GError       **error)
{
  GError *local_error = NULL;
  char *key;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  key = take_secret (secret_password_lookup_sync (loy_api_key_get_schema (),
                                                  cancellable,
                                                  &local_error,
                                                  ATTRIBUTE_BASE_URL, base_url,
                                                  NULL));
  if (local_error != NULL)
    g_propagate_error (error, describe_keyring_error (local_error));

  return key;
}

static void
password_store_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, describe_keyring_error (g_steal_pointer (&error)));
  else
    g_task_return_boolean (task, TRUE);
}

void
loy_api_key_store_async (const char          *base_url,
                         const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_api_key_store_async);

  /* Translators: the label of the keyring item; %s is the account's URL */
  label = g_strdup_printf (_("Loyalty Desk API key for %s"), base_url);

  secret_password_store (loy_api_key_get_schema (),
                         SECRET_COLLECTION_DEFAULT,
                         label,
                         key,
                         cancellable,
                         password_store_cb,
                         g_steal_pointer (&task),
                         ATTRIBUTE_BASE_URL, base_url,
                         NULL);
}

gboolean
loy_api_key_store_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_api_key_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
