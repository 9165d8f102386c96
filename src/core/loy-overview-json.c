/* loy-overview-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-json-private.h"
#include "loy-overview-json.h"

static char *
format_local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date),
                                                         g_date_get_month (date),
                                                         g_date_get_day (date), 0, 0, 0);

  return g_date_time_format (midnight, "%Y-%m-%dT%H:%M:%S%:z");
}

static JsonArray *
top_rewards_to_json (LoyOverview *overview)
{
  GArray *rewards = loy_overview_get_top_rewards (overview);
  JsonArray *array = json_array_sized_new (rewards->len);

  for (guint i = 0; i < rewards->len; i++)
    {
      const LoyOverviewReward *reward = &g_array_index (rewards, LoyOverviewReward, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "uuid", reward->uuid);
      json_object_set_string_member (object, "title", reward->title);
      json_object_set_int_member (object, "redemptions", reward->redemptions);
      _loy_json_set_money (object, "cost", reward->cost_cents);
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonArray *
series_to_json (LoyOverview *overview)
{
  GArray *series = loy_overview_get_series (overview);
  JsonArray *array = json_array_sized_new (series->len);

  for (guint i = 0; i < series->len; i++)
    {
      const LoyOverviewStep *step = &g_array_index (series, LoyOverviewStep, i);
      JsonObject *object = json_object_new ();

      g_autofree char *date = format_local_midnight (&step->start);

      json_object_set_string_member (object, "date", date);
      json_object_set_int_member (object, "issued", step->issued);
      json_object_set_int_member (object, "redeemed", step->redeemed);
      json_object_set_int_member (object, "enrollments", step->enrollments);
      json_array_add_object_element (array, object);
    }

  return array;
}

JsonNode *
loy_overview_to_json (LoyOverview *overview)
{
  const LoyOverviewFigures *figures;
  JsonNode *node;
  JsonObject *object;

  g_return_val_if_fail (LOY_IS_OVERVIEW (overview), NULL);

  figures = loy_overview_get_figures (overview);
  object = json_object_new ();
  json_object_set_int_member (object, "enrollments", figures->enrollments);
  json_object_set_int_member (object, "active_contacts", figures->active_contacts);
  json_object_set_int_member (object, "points_issued", figures->points_issued);
  json_object_set_int_member (object, "points_redeemed", figures->points_redeemed);
  json_object_set_int_member (object, "points_expired", figures->points_expired);
  json_object_set_int_member (object, "points_outstanding",
                              loy_overview_get_points_outstanding (overview));
  json_object_set_int_member (object, "redemptions", figures->redemptions);
  _loy_json_set_money (object, "redemption_cost", figures->redemption_cost_cents);
  json_object_set_array_member (object, "top_rewards", top_rewards_to_json (overview));
  json_object_set_array_member (object, "series", series_to_json (overview));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}
