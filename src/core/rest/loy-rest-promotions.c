/* loy-rest-promotions.c — a Piggy account's promotions, as coupon campaigns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-json-piggy.h"
#include "loy-rest-ops.h"
#include "loy-rest-pages.h"

void
loy_rest_promotions_query_async (LoyStore            *store,
                                 LoyRestClient       *client,
                                 const LoyQuery      *query,
                                 guint                offset,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (query->kind == LOY_KIND_CAMPAIGN);

  /* GET /promotions takes nothing but its page. */
  if (loy_query_has_search (query) || loy_query_has_filter (query) || query->sort != NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_promotions_query_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               _("The server lists its promotions in its own order, "
                                 "without searching, filtering or sorting"));
      return;
    }

  loy_rest_pages_query_async (store, client, "/promotions", loy_piggy_promotions_from_json,
                              offset, limit, cancellable, callback, user_data);
}

static void
promotion_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyCampaign *campaign;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(campaign = loy_piggy_promotion_from_json (loy_rest_envelope_get_data (envelope), &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, campaign, g_object_unref);
}

void
loy_rest_promotions_lookup_async (LoyStore            *store,
                                  LoyRestClient       *client,
                                  const char          *uuid,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *path = loy_rest_path_for ("promotions", uuid);

  g_task_set_source_tag (task, loy_rest_promotions_lookup_async);
  loy_rest_client_request_async (client, "GET", path, NULL, cancellable,
                                 promotion_cb, g_steal_pointer (&task));
}
