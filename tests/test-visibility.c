/* test-visibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-visibility.h"

static GDateTime *
date (int year,
      int month,
      int day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, year, month, day, 12, 0, 0);
}

static LoyReward *
make_reward (LoyRewardType type)
{
  LoyReward *reward = loy_reward_new ();

  loy_reward_set_title (reward, "Coffee");
  loy_reward_set_reward_type (reward, type);
  loy_reward_set_is_active (reward, TRUE);
  loy_reward_set_stock (reward, LOY_UNSET);
  loy_reward_set_codes_available (reward, LOY_UNSET);

  return reward;
}

static LoyContact *
make_contact (const char *attribute,
              const char *value)
{
  LoyContact *contact = loy_contact_new ();

  if (attribute != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (node, value);
      loy_contact_set_attribute (contact, attribute, node);
    }

  return contact;
}

static void
set_birthday_window (LoyReward *reward,
                     guint      days_before,
                     guint      days_after)
{
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();

  filter->condition = LOY_CONDITION_DATE_WINDOW;
  filter->attribute = g_strdup ("date_of_birth");
  filter->days_before = days_before;
  filter->days_after = days_after;
  loy_reward_set_view_filter (reward, filter);
}

static LoyVisibility
check_on (LoyReward  *reward,
          LoyContact *contact,
          int         year,
          int         month,
          int         day)
{
  g_autoptr(GDateTime) at = date (year, month, day);

  return loy_reward_check_visibility (reward, contact, 0, NULL, at);
}

static void
test_defaults (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyContact) contact = make_contact (NULL, NULL);
  g_autoptr(GDateTime) at = date (2025, 6, 1);

  /* No filter: every platform, every shop, every contact. */
  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, 0, NULL, at), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (loy_reward_check_visibility (reward, contact, LOY_PLATFORM_CUSTOMER_APP,
                                                "shop-1", at), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_null (loy_visibility_describe (LOY_VISIBILITY_VISIBLE));
}

static void
test_inactive (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);

  loy_reward_set_is_active (reward, FALSE);
  g_assert_cmpint (check_on (reward, NULL, 2025, 6, 1), ==, LOY_VISIBILITY_INACTIVE);
  g_assert_nonnull (loy_visibility_describe (LOY_VISIBILITY_INACTIVE));
}

static void
test_platform (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(GDateTime) at = date (2025, 6, 1);

  filter->platforms = LOY_PLATFORM_BUSINESS_APP;
  loy_reward_set_view_filter (reward, filter);

  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, LOY_PLATFORM_BUSINESS_APP, NULL, at),
                   ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, LOY_PLATFORM_CUSTOMER_APP, NULL, at),
                   ==, LOY_VISIBILITY_WRONG_PLATFORM);
  /* Any platform asked: the business app will do. */
  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, 0, NULL, at),
                   ==, LOY_VISIBILITY_VISIBLE);

  /* platforms 0 means both. */
  filter->platforms = 0;
  loy_reward_set_view_filter (reward, filter);
  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, LOY_PLATFORM_CUSTOMER_APP, NULL, at),
                   ==, LOY_VISIBILITY_VISIBLE);
}

static void
test_shop (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(GDateTime) at = date (2025, 6, 1);
  const char *shops[] = { "shop-a", "shop-b", NULL };

  filter->shop_uuids = g_strdupv ((char **) shops);
  loy_reward_set_view_filter (reward, filter);

  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, 0, "shop-b", at),
                   ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, 0, "shop-c", at),
                   ==, LOY_VISIBILITY_WRONG_SHOP);
  g_assert_cmpint (loy_reward_check_visibility (reward, NULL, 0, NULL, at),
                   ==, LOY_VISIBILITY_VISIBLE);
}

static void
test_condition_values (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyContact) gold = make_contact ("tier", "gold");
  g_autoptr(LoyContact) silver = make_contact ("tier", "silver");
  g_autoptr(LoyContact) empty = make_contact ("tier", "");
  g_autoptr(LoyContact) without = make_contact (NULL, NULL);

  filter->condition = LOY_CONDITION_EQUALS;
  filter->attribute = g_strdup ("tier");
  filter->value = g_strdup ("gold");
  loy_reward_set_view_filter (reward, filter);
  g_assert_cmpint (check_on (reward, gold, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, silver, 2025, 1, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, without, 2025, 1, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
  /* Without a contact the condition cannot apply: some contacts see it. */
  g_assert_cmpint (check_on (reward, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);

  filter->condition = LOY_CONDITION_NOT_EQUALS;
  loy_reward_set_view_filter (reward, filter);
  g_assert_cmpint (check_on (reward, gold, 2025, 1, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, silver, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, without, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);

  filter->condition = LOY_CONDITION_IS_SET;
  loy_reward_set_view_filter (reward, filter);
  g_assert_cmpint (check_on (reward, silver, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, empty, 2025, 1, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, without, 2025, 1, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
}

static void
test_condition_number (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  /* Numbers compare as JSON writes them. */
  json_node_set_int (node, 3);
  loy_contact_set_attribute (contact, "visits", node);
  filter->condition = LOY_CONDITION_EQUALS;
  filter->attribute = g_strdup ("visits");
  filter->value = g_strdup ("3");
  loy_reward_set_view_filter (reward, filter);
  g_assert_cmpint (check_on (reward, contact, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
}

static void
test_birthday_window (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyContact) contact = make_contact ("date_of_birth", "1990-06-15");

  set_birthday_window (reward, 3, 2);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 11), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 12), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 15), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 17), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 18), ==, LOY_VISIBILITY_CONTACT_FILTER);

  /* Only the day itself with a window of 0 and 0. */
  set_birthday_window (reward, 0, 0);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 15), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2025, 6, 14), ==, LOY_VISIBILITY_CONTACT_FILTER);
}

static void
test_birthday_year_boundary (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyContact) january = make_contact ("date_of_birth", "1985-01-03");
  g_autoptr(LoyContact) december = make_contact ("date_of_birth", "1985-12-30");

  /* Born on 3 January, 7 days before: open from 27 December. */
  set_birthday_window (reward, 7, 0);
  g_assert_cmpint (check_on (reward, january, 2024, 12, 26), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, january, 2024, 12, 27), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, january, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, january, 2025, 1, 3), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, january, 2025, 1, 4), ==, LOY_VISIBILITY_CONTACT_FILTER);

  /* Born on 30 December, 5 days after: open until 4 January. */
  set_birthday_window (reward, 0, 5);
  g_assert_cmpint (check_on (reward, december, 2025, 1, 4), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, december, 2025, 1, 5), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, december, 2024, 12, 29), ==, LOY_VISIBILITY_CONTACT_FILTER);
}

static void
test_birthday_leap_day (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyContact) contact = make_contact ("date_of_birth", "2000-02-29");

  set_birthday_window (reward, 0, 0);
  /* Leap year: the day itself. */
  g_assert_cmpint (check_on (reward, contact, 2024, 2, 29), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2024, 2, 28), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, contact, 2024, 3, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
  /* Other years: 28 February. */
  g_assert_cmpint (check_on (reward, contact, 2025, 2, 28), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2025, 3, 1), ==, LOY_VISIBILITY_CONTACT_FILTER);
  g_assert_cmpint (check_on (reward, contact, 2100, 2, 28), ==, LOY_VISIBILITY_VISIBLE);

  set_birthday_window (reward, 1, 1);
  g_assert_cmpint (check_on (reward, contact, 2025, 3, 1), ==, LOY_VISIBILITY_VISIBLE);
  g_assert_cmpint (check_on (reward, contact, 2025, 3, 2), ==, LOY_VISIBILITY_CONTACT_FILTER);
}

static void
test_birthday_unreadable (void)
{
  const char *unreadable[] = { "", "15-06-1990", "1990-6-15", "1990-02-30", "1990-06-15T00:00",
                               " 1990-06-15", "199a-06-15" };
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);
  g_autoptr(LoyContact) without = make_contact (NULL, NULL);

  set_birthday_window (reward, 400, 400);
  g_assert_cmpint (check_on (reward, without, 2025, 6, 15), ==, LOY_VISIBILITY_CONTACT_FILTER);

  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      g_autoptr(LoyContact) contact = make_contact ("date_of_birth", unreadable[i]);

      g_test_message ("date of birth “%s”", unreadable[i]);
      g_assert_cmpint (check_on (reward, contact, 2025, 6, 15), ==, LOY_VISIBILITY_CONTACT_FILTER);
    }
}

static void
test_stock (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_PHYSICAL);

  loy_reward_set_stock (reward, 1);
  g_assert_cmpint (check_on (reward, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
  loy_reward_set_stock (reward, 0);
  g_assert_cmpint (check_on (reward, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_OUT_OF_STOCK);
  loy_reward_set_stock (reward, LOY_UNSET);
  g_assert_cmpint (check_on (reward, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
}

static void
test_codes_left (void)
{
  g_autoptr(LoyReward) digital = make_reward (LOY_REWARD_TYPE_DIGITAL);
  g_autoptr(LoyReward) physical = make_reward (LOY_REWARD_TYPE_PHYSICAL);

  loy_reward_set_codes_available (digital, 0);
  g_assert_cmpint (check_on (digital, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_OUT_OF_CODES);
  loy_reward_set_codes_available (digital, 5);
  g_assert_cmpint (check_on (digital, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
  /* Not known: shown, the redemption checks. */
  loy_reward_set_codes_available (digital, LOY_UNSET);
  g_assert_cmpint (check_on (digital, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);

  /* Codes do not matter to a physical reward. */
  loy_reward_set_codes_available (physical, 0);
  g_assert_cmpint (check_on (physical, NULL, 2025, 1, 1), ==, LOY_VISIBILITY_VISIBLE);
}

static void
test_order (void)
{
  g_autoptr(LoyReward) reward = make_reward (LOY_REWARD_TYPE_DIGITAL);
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyContact) contact = make_contact ("tier", "silver");
  g_autoptr(GDateTime) at = date (2025, 1, 1);
  const char *shops[] = { "shop-a", NULL };
  LoyVisibility expected[] = {
    LOY_VISIBILITY_INACTIVE, LOY_VISIBILITY_WRONG_PLATFORM, LOY_VISIBILITY_WRONG_SHOP,
    LOY_VISIBILITY_CONTACT_FILTER, LOY_VISIBILITY_OUT_OF_STOCK, LOY_VISIBILITY_OUT_OF_CODES,
    LOY_VISIBILITY_VISIBLE,
  };

  /* Every rule fails; lift them one at a time, in order. */
  filter->platforms = LOY_PLATFORM_BUSINESS_APP;
  filter->shop_uuids = g_strdupv ((char **) shops);
  filter->condition = LOY_CONDITION_EQUALS;
  filter->attribute = g_strdup ("tier");
  filter->value = g_strdup ("gold");
  loy_reward_set_view_filter (reward, filter);
  loy_reward_set_is_active (reward, FALSE);
  loy_reward_set_stock (reward, 0);
  loy_reward_set_codes_available (reward, 0);

  for (guint step = 0; step < G_N_ELEMENTS (expected); step++)
    {
      LoyVisibility visibility = loy_reward_check_visibility (reward, contact,
                                                              LOY_PLATFORM_CUSTOMER_APP,
                                                              "shop-b", at);

      g_assert_cmpint (visibility, ==, expected[step]);
      if (visibility != LOY_VISIBILITY_VISIBLE)
        g_assert_nonnull (loy_visibility_describe (visibility));

      switch (step)
        {
        case 0: loy_reward_set_is_active (reward, TRUE); break;
        case 1: filter->platforms = 0; break;
        case 2: g_clear_pointer (&filter->shop_uuids, g_strfreev); break;
        case 3: filter->condition = LOY_CONDITION_NONE; break;
        case 4: loy_reward_set_stock (reward, 3); break;
        case 5: loy_reward_set_codes_available (reward, 3); break;
        default: break;
        }
      loy_reward_set_view_filter (reward, filter);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/visibility/defaults", test_defaults);
  g_test_add_func ("/visibility/inactive", test_inactive);
  g_test_add_func ("/visibility/platform", test_platform);
  g_test_add_func ("/visibility/shop", test_shop);
  g_test_add_func ("/visibility/condition/values", test_condition_values);
  g_test_add_func ("/visibility/condition/number", test_condition_number);
  g_test_add_func ("/visibility/birthday/window", test_birthday_window);
  g_test_add_func ("/visibility/birthday/year-boundary", test_birthday_year_boundary);
  g_test_add_func ("/visibility/birthday/leap-day", test_birthday_leap_day);
  g_test_add_func ("/visibility/birthday/unreadable", test_birthday_unreadable);
  g_test_add_func ("/visibility/stock", test_stock);
  g_test_add_func ("/visibility/codes-left", test_codes_left);
  g_test_add_func ("/visibility/order", test_order);

  return g_test_run ();
}
