/* test-domain-enums.c — the enums' nicks: the API's and the database's spellings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "loy-segment-criteria.h"

/* The enums the API or the database spells: each value's nick is that
 * spelling, byte for byte. */
static void
test_enums_spellings (void)
{
  static const struct {
    GType       (*get_type) (void);
    int          value;
    const char  *nick;
  } spellings[] = {
    { loy_reward_type_get_type, LOY_REWARD_TYPE_PHYSICAL, "PHYSICAL" },
    { loy_reward_type_get_type, LOY_REWARD_TYPE_DIGITAL, "DIGITAL" },
    /* Open Loyalty's campaign types; the sqlite backend keeps its own older spellings. */
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE, "discount_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_VALUE_CODE, "value_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE, "free_delivery_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_GIFT_CODE, "gift_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_EVENT_CODE, "event_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE, "percentage_discount_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE, "custom_campaign_code" },
    { loy_campaign_type_get_type, LOY_CAMPAIGN_TYPE_CASHBACK, "cashback" },
    /* As code exports write them */
    { loy_code_status_get_type, LOY_CODE_STATUS_AVAILABLE, "available" },
    { loy_code_status_get_type, LOY_CODE_STATUS_ISSUED, "issued" },
    { loy_code_status_get_type, LOY_CODE_STATUS_REVOKED, "revoked" },
    { loy_target_type_get_type, LOY_TARGET_TYPE_NONE, "NONE" },
    { loy_target_type_get_type, LOY_TARGET_TYPE_LEVEL, "LEVEL" },
    { loy_target_type_get_type, LOY_TARGET_TYPE_SEGMENT, "SEGMENT" },
    { loy_ledger_entry_type_get_type, LOY_LEDGER_ENTRY_TYPE_WELCOME, "WELCOME" },
    { loy_ledger_entry_type_get_type, LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION, "CREDIT_RECEPTION" },
    { loy_ledger_entry_type_get_type, LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION, "REWARD_RECEPTION" },
    { loy_ledger_entry_type_get_type, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT, "ADJUSTMENT" },
    { loy_ledger_entry_type_get_type, LOY_LEDGER_ENTRY_TYPE_EXPIRY, "EXPIRY" },
    { loy_ledger_entry_type_get_type, LOY_LEDGER_ENTRY_TYPE_REVERSAL, "REVERSAL" },
    { loy_attribute_type_get_type, LOY_ATTRIBUTE_TYPE_TEXT, "TEXT" },
    { loy_attribute_type_get_type, LOY_ATTRIBUTE_TYPE_NUMBER, "NUMBER" },
    { loy_attribute_type_get_type, LOY_ATTRIBUTE_TYPE_BOOLEAN, "BOOLEAN" },
    { loy_attribute_type_get_type, LOY_ATTRIBUTE_TYPE_DATE, "DATE" },
    { loy_rounding_get_type, LOY_ROUNDING_DOWN, "DOWN" },
    { loy_rounding_get_type, LOY_ROUNDING_NEAREST, "NEAREST" },
    { loy_rounding_get_type, LOY_ROUNDING_UP, "UP" },
    { loy_level_basis_get_type, LOY_LEVEL_BASIS_BALANCE, "BALANCE" },
    { loy_level_basis_get_type, LOY_LEVEL_BASIS_EARNED_IN_PERIOD, "EARNED_IN_PERIOD" },
    { loy_condition_type_get_type, LOY_CONDITION_EQUALS, "EQUALS" },
    { loy_condition_type_get_type, LOY_CONDITION_NOT_EQUALS, "NOT_EQUALS" },
    { loy_condition_type_get_type, LOY_CONDITION_IS_SET, "IS_SET" },
    { loy_condition_type_get_type, LOY_CONDITION_DATE_WINDOW, "DATE_WINDOW" },
    { loy_attribute_op_get_type, LOY_ATTRIBUTE_OP_EQUALS, "equals" },
    { loy_attribute_op_get_type, LOY_ATTRIBUTE_OP_NOT_EQUALS, "not_equals" },
    { loy_attribute_op_get_type, LOY_ATTRIBUTE_OP_CONTAINS, "contains" },
    { loy_attribute_op_get_type, LOY_ATTRIBUTE_OP_IS_SET, "is_set" },
    /* The reasons of `--json` availability */
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_INACTIVE, "inactive" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_NOT_LISTED_YET, "not_listed_yet" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_NO_LONGER_LISTED, "no_longer_listed" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_NOT_STARTED, "not_started" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_ENDED, "ended" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_NOT_IN_TARGET, "not_in_target" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_LIMIT_REACHED, "limit_reached" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_CONTACT_LIMIT_REACHED, "contact_limit_reached" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_NO_CODES_LEFT, "no_codes_left" },
    { loy_availability_reason_kind_get_type, LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS, "not_enough_points" },
    /* What loy-window.ui names its sections by */
    { loy_kind_get_type, LOY_KIND_REWARD, "reward" },
    { loy_kind_get_type, LOY_KIND_CODE_GROUP, "code-group" },
  };
  g_autoptr(GFlagsClass) platforms = g_type_class_ref (LOY_TYPE_PLATFORM);

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      int value = -1;

      g_assert_cmpstr (loy_enum_to_nick (spellings[i].get_type (), spellings[i].value),
                       ==, spellings[i].nick);
      g_assert_true (loy_enum_from_nick (spellings[i].get_type (), spellings[i].nick, &value));
      g_assert_cmpint (value, ==, spellings[i].value);
    }

  g_assert_cmpuint (g_flags_get_value_by_nick (platforms, "BUSINESS_APP")->value,
                    ==, LOY_PLATFORM_BUSINESS_APP);
  g_assert_cmpuint (g_flags_get_value_by_nick (platforms, "CUSTOMER_APP")->value,
                    ==, LOY_PLATFORM_CUSTOMER_APP);
}

/* Every nick of every enum reads back as its value, in any case as the
 * API's values always were; anything else reads as nothing. */
static void
test_enums_round_trip (void)
{
  GType enum_types[] = {
    LOY_TYPE_ATTRIBUTE_OP, LOY_TYPE_ATTRIBUTE_TYPE, LOY_TYPE_AVAILABILITY_REASON_KIND,
    LOY_TYPE_CAMPAIGN_STATUS,
    LOY_TYPE_CAMPAIGN_TEXT, LOY_TYPE_CAMPAIGN_TYPE, LOY_TYPE_CODE_LINE_KIND,
    LOY_TYPE_CONNECT_TYPE, LOY_TYPE_CODE_STATUS, LOY_TYPE_CONDITION_TYPE,
    LOY_TYPE_ERROR, LOY_TYPE_KIND, LOY_TYPE_LEDGER_ENTRY_TYPE, LOY_TYPE_LEVEL_BASIS,
    LOY_TYPE_REWARD_TYPE, LOY_TYPE_ROUNDING, LOY_TYPE_TARGET_TYPE, LOY_TYPE_VISIBILITY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (enum_types); i++)
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_types[i]);
      int value = -1;

      g_assert_cmpuint (enum_class->n_values, >, 1);
      for (guint j = 0; j < enum_class->n_values; j++)
        {
          const GEnumValue *enum_value = &enum_class->values[j];
          g_autofree char *lower = g_ascii_strdown (enum_value->value_nick, -1);
          g_autofree char *upper = g_ascii_strup (enum_value->value_nick, -1);

          g_assert_cmpstr (loy_enum_to_nick (enum_types[i], enum_value->value),
                           ==, enum_value->value_nick);

          value = -1;
          g_assert_true (loy_enum_from_nick (enum_types[i], enum_value->value_nick, &value));
          g_assert_cmpint (value, ==, enum_value->value);

          value = -1;
          g_assert_true (loy_enum_from_nick (enum_types[i], lower, &value));
          g_assert_cmpint (value, ==, enum_value->value);

          value = -1;
          g_assert_true (loy_enum_from_nick (enum_types[i], upper, &value));
          g_assert_cmpint (value, ==, enum_value->value);
        }

      value = -1;
      g_assert_false (loy_enum_from_nick (enum_types[i], "NO_SUCH_VALUE", &value));
      g_assert_false (loy_enum_from_nick (enum_types[i], "", &value));
      g_assert_false (loy_enum_from_nick (enum_types[i], NULL, &value));
      g_assert_cmpint (value, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/domain/enums/spellings", test_enums_spellings);
  g_test_add_func ("/domain/enums/round-trip", test_enums_round_trip);

  return g_test_run ();
}
