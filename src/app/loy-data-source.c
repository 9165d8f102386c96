/* loy-data-source.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-data-source.h"
#include "rest/loy-rest-store.h"
#include "sqlite/loy-sqlite-store.h"

G_DEFINE_INTERFACE (LoyDataSource, loy_data_source, GTK_TYPE_APPLICATION)

static void
loy_data_source_default_init (LoyDataSourceInterface *iface)
{
}

LoyStore *
loy_data_source_get_store (LoyDataSource *self)
{
  g_return_val_if_fail (LOY_IS_DATA_SOURCE (self), NULL);

  return LOY_DATA_SOURCE_GET_IFACE (self)->get_store (self);
}

const GError *
loy_data_source_get_error (LoyDataSource *self)
{
  g_return_val_if_fail (LOY_IS_DATA_SOURCE (self), NULL);

  return LOY_DATA_SOURCE_GET_IFACE (self)->get_error (self);
}

GSettings *
loy_data_source_get_settings (LoyDataSource *self)
{
  g_return_val_if_fail (LOY_IS_DATA_SOURCE (self), NULL);

  return LOY_DATA_SOURCE_GET_IFACE (self)->get_settings (self);
}

char *
loy_data_source_dup_local_path (LoyDataSource *self)
{
  g_return_val_if_fail (LOY_IS_DATA_SOURCE (self), NULL);

  return LOY_DATA_SOURCE_GET_IFACE (self)->dup_local_path (self);
}

void
loy_data_source_apply_settings (LoyDataSource *self)
{
  g_return_if_fail (LOY_IS_DATA_SOURCE (self));

  LOY_DATA_SOURCE_GET_IFACE (self)->apply_settings (self);
}

static void
new_program_store_opened_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoySqliteStore) store = NULL;
  GError *error = NULL;

  if (!(store = loy_sqlite_store_new_finish (result, &error)))
    g_task_return_error (task, error);
  else if (loy_sqlite_store_has_program (store))
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_CONFLICT,
                             _("%s already holds a program; choose a new file name"),
                             (const char *) g_task_get_task_data (task));
  else
    g_task_return_pointer (task, g_strdup (g_task_get_task_data (task)), g_free);
}

/**
 * loy_data_source_check_new_program_path_async:
 *
 * Whether a new program may go into @path: a file that is not a database,
 * or that already holds a program, is never overwritten. Opened in a
 * thread, as a database from an older version is migrated first.
 */
void
loy_data_source_check_new_program_path_async (const char          *path,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_data_source_check_new_program_path_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  loy_sqlite_store_new_async (path, NULL, NULL, cancellable, new_program_store_opened_cb, task);
}

/* Returns the path checked, or %NULL with why it may not take a program. */
char *
loy_data_source_check_new_program_path_finish (GAsyncResult  *result,
                                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * loy_data_source_check_account_url:
 *
 * Whether @url can be a remote account's address (https, or http on this
 * computer), with the reason when not.
 */
gboolean
loy_data_source_check_account_url (const char  *url,
                                   GError     **error)
{
  return loy_rest_store_check_base_url (url, error);
}

static void
account_tried_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!loy_rest_store_check_account_finish (LOY_REST_STORE (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * loy_data_source_try_account_async:
 *
 * Tries the remote account at @url with @key before anything switches to
 * it; fails with what went wrong (unreachable, a refused key, not the API).
 */
void
loy_data_source_try_account_async (const char          *url,
                                   const char          *key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new (url, key);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, loy_data_source_try_account_async);
  loy_rest_store_check_account_async (store, cancellable, account_tried_cb, task);
}

gboolean
loy_data_source_try_account_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
