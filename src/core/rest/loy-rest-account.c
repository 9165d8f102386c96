/* loy-rest-account.c — what a Piggy account is set up with: tiers (the
 * levels), shops and the loyalty program, all read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-json-piggy.h"
#include "loy-rest-ops.h"

typedef struct
{
  LoyKind  kind;
  guint    offset;
  guint    limit;
  /* For a lookup; NULL for a query. */
  char    *uuid;
} ListRequest;

static void
list_request_free (ListRequest *request)
{
  g_free (request->uuid);
  g_free (request);
}

/* Tiers and shops come as whole arrays. */
static GPtrArray *
read_list (LoyKind    kind,
           JsonNode  *data,
           GError   **error)
{
  if (kind == LOY_KIND_LEVEL)
    return loy_piggy_tiers_from_json (data, error);

  return loy_piggy_shops_from_json (data, error);
}

static const char *
get_uuid (GObject *record)
{
  if (LOY_IS_LEVEL (record))
    return loy_level_get_uuid (LOY_LEVEL (record));

  return loy_shop_get_uuid (LOY_SHOP (record));
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListRequest *request = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(records = read_list (request->kind, loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (request->uuid != NULL)
    {
      for (guint i = 0; i < records->len; i++)
        if (g_strcmp0 (get_uuid (records->pdata[i]), request->uuid) == 0)
          {
            g_task_return_pointer (task, g_object_ref (records->pdata[i]), g_object_unref);
            return;
          }

      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                               request->kind == LOY_KIND_LEVEL ? _("The account has no tier %s")
                                                               : _("The account has no shop %s"),
                               request->uuid);
      return;
    }

  page = loy_page_new (records->len);
  for (guint i = request->offset; i < records->len && i - request->offset < request->limit; i++)
    g_ptr_array_add (page->items, g_object_ref (records->pdata[i]));

  g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
}

static void
fetch_list (LoyStore            *store,
            LoyRestClient       *client,
            ListRequest         *request,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) list_request_free);

  loy_rest_client_request_async (client, "GET", request->kind == LOY_KIND_LEVEL ? "/tiers" : "/shops",
                                 NULL, cancellable, list_cb, g_steal_pointer (&task));
}

static gboolean
check_query (const LoyQuery  *query,
             GError         **error)
{
  if (loy_query_has_filter (query) || query->sort != NULL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           query->kind == LOY_KIND_LEVEL
                           ? _("The server lists its tiers whole, without searching, filtering or sorting")
                           : _("The server lists its shops whole, without searching, filtering or sorting"));
      return FALSE;
    }

  return TRUE;
}

void
loy_rest_account_query_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const LoyQuery      *query,
                              guint                offset,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  ListRequest *request;

  g_return_if_fail (query->kind == LOY_KIND_LEVEL || query->kind == LOY_KIND_SHOP);

  if (!check_query (query, &error))
    {
      g_task_report_error (store, callback, user_data, loy_rest_account_query_async,
                           g_steal_pointer (&error));
      return;
    }

  request = g_new0 (ListRequest, 1);
  request->kind = query->kind;
  request->offset = offset;
  request->limit = limit;
  fetch_list (store, client, request, loy_rest_account_query_async, cancellable, callback, user_data);
}

void
loy_rest_account_lookup_async (LoyStore            *store,
                               LoyRestClient       *client,
                               LoyKind              kind,
                               const char          *uuid,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ListRequest *request;

  g_return_if_fail (kind == LOY_KIND_LEVEL || kind == LOY_KIND_SHOP);

  /* The API has GET /shops/{uuid} but no tier by UUID: both lists are
   * short, so both are looked up in theirs. */
  request = g_new0 (ListRequest, 1);
  request->kind = kind;
  request->uuid = g_strdup (uuid);
  fetch_list (store, client, request, loy_rest_account_lookup_async, cancellable, callback, user_data);
}

static void
program_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyProgram *program;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(program = loy_piggy_loyalty_program_from_json (loy_rest_envelope_get_data (envelope), &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, program, g_object_unref);
}

void
loy_rest_account_get_program_async (LoyStore            *store,
                                    LoyRestClient       *client,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, loy_rest_account_get_program_async);
  loy_rest_client_request_async (client, "GET", "/loyalty-program", NULL, cancellable,
                                 program_cb, g_steal_pointer (&task));
}

/* The desk's shop */

static void
shops_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) shops = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = NULL;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(shops = loy_piggy_shops_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (shops->len == 1)
    {
      g_task_return_pointer (task, g_strdup (loy_shop_get_uuid (shops->pdata[0])), g_free);
      return;
    }

  if (shops->len == 0)
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                               _("The account has no shop to earn and redeem points at"));
      return;
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < shops->len; i++)
    g_string_append_printf (names, "%s%s (%s)", i > 0 ? ", " : "",
                            loy_shop_get_name (shops->pdata[i]), loy_shop_get_uuid (shops->pdata[i]));

  g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           /* Translators: %s lists the shops, as "Krusty Krab (UUID), Chum Bucket (UUID)" */
                           _("Choose this desk’s shop first; the account has %s"), names->str);
}

void
loy_rest_account_find_shop_async (LoyRestClient       *client,
                                  const char          *shop_uuid,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, loy_rest_account_find_shop_async);

  if (shop_uuid != NULL && shop_uuid[0] != '\0')
    {
      g_task_return_pointer (task, g_strdup (shop_uuid), g_free);
      return;
    }

  loy_rest_client_request_async (client, "GET", "/shops", NULL, cancellable,
                                 shops_cb, g_steal_pointer (&task));
}

char *
loy_rest_account_find_shop_finish (LoyRestClient  *client,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
