/* loy-json-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-json"

#include "config.h"

#include "loy-enums.h"
#include "loy-json-account.h"
#include "loy-json-private.h"

JsonNode *
loy_shop_to_json (LoyShop *shop)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (LOY_IS_SHOP (shop), NULL);

  json_object_set_string_member (object, "uuid", loy_shop_get_uuid (shop));
  _loy_json_set_string_or_null (object, "name", loy_shop_get_name (shop));
  _loy_json_set_string_or_null (object, "type", loy_shop_get_shop_type (shop));

  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
loy_level_to_json (LoyLevel *level)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (LOY_IS_LEVEL (level), NULL);

  _loy_json_set_string_or_null (object, "uuid", loy_level_get_uuid (level));
  _loy_json_set_string_or_null (object, "name", loy_level_get_name (level));
  _loy_json_set_int_or_null (object, "threshold", loy_level_get_threshold (level));

  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
loy_program_to_json (LoyProgram *program)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_auto(GStrv) actions = NULL;
  JsonObject *action_points = json_object_new ();

  g_return_val_if_fail (LOY_IS_PROGRAM (program), NULL);

  _loy_json_set_string_or_null (object, "name", loy_program_get_name (program));
  _loy_json_set_string_or_null (object, "credit_name", loy_program_get_credit_name (program));
  _loy_json_set_string_or_null (object, "unit_label", loy_program_get_unit_label (program));
  json_object_set_int_member (object, "points_per_unit", loy_program_get_points_per_unit (program));
  json_object_set_string_member (object, "rounding",
                                 loy_enum_to_nick (LOY_TYPE_ROUNDING, loy_program_get_rounding (program)));
  json_object_set_int_member (object, "welcome_points", loy_program_get_welcome_points (program));

  actions = loy_program_dup_actions (program);
  for (guint i = 0; actions[i] != NULL; i++)
    json_object_set_int_member (action_points, actions[i], loy_program_get_action_points (program, actions[i]));
  json_object_set_object_member (object, "actions", action_points);

  json_object_set_int_member (object, "expiry_months", loy_program_get_expiry_months (program));
  json_object_set_string_member (object, "level_basis",
                                 loy_enum_to_nick (LOY_TYPE_LEVEL_BASIS, loy_program_get_level_basis (program)));
  json_object_set_int_member (object, "level_period_months", loy_program_get_level_period_months (program));

  /* Rules the store does not say are null, not the defaults. */
  if (!loy_program_get_rules_known (program))
    {
      static const char * const rules[] = { "points_per_unit", "rounding", "welcome_points",
                                            "expiry_months", "level_basis", "level_period_months" };

      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        json_object_set_null_member (object, rules[i]);
    }

  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
loy_voucher_to_json (LoyVoucher *voucher)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (LOY_IS_VOUCHER (voucher), NULL);

  json_object_set_string_member (object, "uuid", loy_voucher_get_uuid (voucher));
  json_object_set_string_member (object, "code", loy_voucher_get_code (voucher));
  json_object_set_string_member (object, "status",
                                 loy_enum_to_nick (LOY_TYPE_VOUCHER_STATUS, loy_voucher_get_status (voucher)));
  _loy_json_set_string_or_null (object, "name", loy_voucher_get_name (voucher));
  _loy_json_set_string_or_null (object, "campaign_uuid", loy_voucher_get_promotion_uuid (voucher));
  _loy_json_set_string_or_null (object, "contact_uuid", loy_voucher_get_contact_uuid (voucher));
  _loy_json_set_string_or_null (object, "contact_email", loy_voucher_get_contact_email (voucher));
  _loy_json_set_time_or_null (object, "activates_at", loy_voucher_get_activates_at (voucher));
  _loy_json_set_time_or_null (object, "expires_at", loy_voucher_get_expires_at (voucher));
  _loy_json_set_time_or_null (object, "redeemed_at", loy_voucher_get_redeemed_at (voucher));
  _loy_json_set_int_or_null (object, "redemptions_left", loy_voucher_get_redemptions_left (voucher));

  return json_node_init_object (json_node_alloc (), object);
}
