/* loy-rest-promotions.c — a Piggy account's promotions, as coupon campaigns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-campaign-json.h"
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

/* Creating: a promotion has a name, a description, a voucher limit, a limit
 * per contact and a number of days its vouchers are valid — nothing else. */

/* The first member of @campaign's JSON that a promotion cannot keep, or NULL. */
static char *
find_field_promotions_lack (LoyCampaign *campaign)
{
  const char *language = loy_campaign_get_languages ()[0];
  g_autoptr(LoyCampaign) promotion = loy_campaign_new ();
  g_autoptr(JsonNode) wanted = NULL;
  g_autoptr(JsonNode) possible = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *possible_object;

  loy_campaign_set_uuid (promotion, loy_campaign_get_uuid (campaign));
  loy_campaign_set_campaign_type (promotion, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_cost_in_points (promotion, loy_campaign_get_cost_in_points (campaign) > 0
                                              ? LOY_UNSET : loy_campaign_get_cost_in_points (campaign));
  loy_campaign_set_name (promotion, loy_campaign_get_name (campaign));
  loy_campaign_set_text (promotion, language, LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION,
                         loy_campaign_get_text (campaign, language, LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION));
  loy_campaign_set_limit (promotion, loy_campaign_get_limit (campaign));
  loy_campaign_set_limit_per_contact (promotion, loy_campaign_get_limit_per_contact (campaign));
  loy_campaign_set_days_valid (promotion, loy_campaign_get_days_valid (campaign));

  wanted = loy_campaign_to_json (campaign);
  possible = loy_campaign_to_json (promotion);
  possible_object = json_node_get_object (possible);
  members = json_object_get_members (json_node_get_object (wanted));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (wanted), l->data);
      JsonNode *kept = json_object_get_member (possible_object, l->data);

      if (kept == NULL || !json_node_equal (value, kept))
        return g_strdup (l->data);
    }

  return NULL;
}

static void
promotion_created_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyCampaign *campaign;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  /* Promotions cannot be found by name: a lost answer stays unknown. */
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                             _("%s: look at the campaigns before creating it again"), error->message);
  else if (envelope == NULL ||
           !(campaign = loy_piggy_promotion_from_json (loy_rest_envelope_get_data (envelope), &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, campaign, g_object_unref);
}

static void
set_count_member (JsonObject *object,
                  const char *member,
                  gint64      count)
{
  if (count > 0)
    json_object_set_int_member (object, member, count);
}

void
loy_rest_promotions_create_async (LoyStore            *store,
                                  LoyRestClient       *client,
                                  LoyCampaign         *campaign,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  const char *language = loy_campaign_get_languages ()[0];
  const char *name = loy_campaign_get_name (campaign);
  const char *description = loy_campaign_get_text (campaign, language, LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION);
  g_autofree char *lacking = NULL;
  g_autofree char *stripped_name = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  GTask *task;

  if (loy_campaign_get_campaign_type (campaign) != LOY_CAMPAIGN_TYPE_DISCOUNT_CODE)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_promotions_create_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               _("A Piggy account’s campaigns are promotions of discount codes (vouchers): "
                                 "it cannot create other types"));
      return;
    }

  if (stripped_name == NULL || stripped_name[0] == '\0')
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_promotions_create_async,
                               LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("A promotion needs a name"));
      return;
    }

  if ((lacking = find_field_promotions_lack (campaign)) != NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_promotions_create_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is a field's name, such as “levels” */
                               _("A Piggy promotion has no “%s”: it keeps a name, a description, a voucher "
                                 "limit, a limit per contact and the days its vouchers are valid"),
                               lacking);
      return;
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_promotions_create_async);

  object = json_object_new ();
  json_object_set_string_member (object, "name", stripped_name);
  /* The API requires a description, if only an empty one. */
  json_object_set_string_member (object, "description", description != NULL ? description : "");
  set_count_member (object, "voucher_limit", loy_campaign_get_limit (campaign));
  set_count_member (object, "limit_per_contact", loy_campaign_get_limit_per_contact (campaign));
  set_count_member (object, "expiration_duration", loy_campaign_get_days_valid (campaign));
  body = json_node_init_object (json_node_alloc (), object);

  loy_rest_client_request_async (client, "POST", "/promotions", body, cancellable,
                                 promotion_created_cb, task);
}
