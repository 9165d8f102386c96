/* test-domain.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "loy-core.h"

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup (pspec->name));
}

static GPtrArray *
watch_notify (gpointer object)
{
  GPtrArray *log = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), log);
  return log;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Asserts that exactly the NULL-terminated list of properties was notified,
 * each once, in any order, then empties @log. */
static void
assert_notified (GPtrArray  *log,
                 const char *first_name,
                 ...)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (expected, (gpointer)name);
  va_end (args);

  g_ptr_array_sort (expected, compare_names);
  g_ptr_array_sort (log, compare_names);

  g_assert_cmpuint (log->len, ==, expected->len);
  for (guint i = 0; i < log->len; i++)
    g_assert_cmpstr (g_ptr_array_index (log, i), ==, g_ptr_array_index (expected, i));

  g_ptr_array_set_size (log, 0);
}

/* Sets @property_name to the value that follows (which must differ from the
 * current one): it must notify once, read back equal, and setting the same
 * value again must not notify. */
static void
assert_set_notifies_once (gpointer    object,
                          const char *property_name,
                          ...)
{
  g_autoptr(GPtrArray) log = watch_notify (object);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) read_back = G_VALUE_INIT;
  g_autofree char *collect_error = NULL;
  GParamSpec *pspec;
  va_list args;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property_name);
  g_assert_nonnull (pspec);

  va_start (args, property_name);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &collect_error);
  va_end (args);
  g_assert_null (collect_error);

  g_object_set_property (object, property_name, &value);
  assert_notified (log, property_name, NULL);

  g_value_init (&read_back, pspec->value_type);
  g_object_get_property (object, property_name, &read_back);
  g_assert_cmpint (g_param_values_cmp (pspec, &value, &read_back), ==, 0);

  g_object_set_property (object, property_name, &value);
  assert_notified (log, NULL);

  g_signal_handlers_disconnect_by_func (object, notify_cb, log);
}

static void
test_reward_defaults (void)
{
  LoyReward *reward = loy_reward_new ();

  g_assert_cmpint (loy_reward_get_id (reward), ==, 0);
  g_assert_null (loy_reward_get_uuid (reward));
  g_assert_null (loy_reward_get_title (reward));
  g_assert_null (loy_reward_get_description (reward));
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_PHYSICAL);
  g_assert_true (loy_reward_get_is_active (reward));
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 0);
  g_assert_null (loy_reward_get_media_type (reward));
  g_assert_null (loy_reward_get_media_value (reward));
  g_assert_cmpint (loy_reward_get_cost_price_cents (reward), ==, LOY_UNSET);
  g_assert_cmpint (loy_reward_get_stock (reward), ==, LOY_UNSET);
  g_assert_false (loy_reward_get_pre_redeemable (reward));
  g_assert_cmpint (loy_reward_get_expiration_duration (reward), ==, LOY_UNSET);
  g_assert_nonnull (loy_reward_get_custom_attributes (reward));
  g_assert_cmpuint (json_object_get_size (loy_reward_get_custom_attributes (reward)), ==, 0);

  g_assert_finalize_object (reward);
}

static void
test_reward_notify (void)
{
  LoyReward *reward = loy_reward_new ();
  g_autoptr(GPtrArray) log = NULL;

  assert_set_notifies_once (reward, "id", (gint64) 3);
  assert_set_notifies_once (reward, "uuid", "539483d0-fab4-40db-add5-2ec65ef12901");
  assert_set_notifies_once (reward, "title", "Kelp Shake Deluxe");
  assert_set_notifies_once (reward, "description", "Choice between Kelp Fries or Coral Shake");
  assert_set_notifies_once (reward, "reward-type", LOY_REWARD_TYPE_DIGITAL);
  assert_set_notifies_once (reward, "is-active", FALSE);
  assert_set_notifies_once (reward, "required-credits", (gint64) 75);
  assert_set_notifies_once (reward, "media-type", "image");
  assert_set_notifies_once (reward, "media-value", "https://example.com/kelp.jpg");
  assert_set_notifies_once (reward, "cost-price-cents", (gint64) 250);
  assert_set_notifies_once (reward, "stock", (gint64) 0);
  assert_set_notifies_once (reward, "pre-redeemable", TRUE);
  assert_set_notifies_once (reward, "expiration-duration", (gint64) 6307200);

  /* The typed setters agree with the properties. */
  g_assert_cmpint (loy_reward_get_id (reward), ==, 3);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Kelp Shake Deluxe");
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
  g_assert_false (loy_reward_get_is_active (reward));
  g_assert_cmpint (loy_reward_get_stock (reward), ==, 0);
  g_assert_cmpint (loy_reward_get_expiration_duration (reward), ==, 6307200);

  log = watch_notify (reward);

  /* Back to "no limit": null in the API. */
  loy_reward_set_stock (reward, LOY_UNSET);
  assert_notified (log, "stock", NULL);

  /* A boolean setter compares truth values, not integers. */
  loy_reward_set_pre_redeemable (reward, 2);
  assert_notified (log, NULL);

  loy_reward_set_media (reward, "image", "https://example.com/kelp.jpg");
  assert_notified (log, NULL);
  loy_reward_set_media (reward, "video", "https://example.com/kelp.webm");
  assert_notified (log, "media-type", "media-value", NULL);
  loy_reward_set_media (reward, NULL, NULL);
  assert_notified (log, "media-type", "media-value", NULL);
  g_assert_null (loy_reward_get_media_type (reward));
  g_assert_null (loy_reward_get_media_value (reward));

  g_assert_finalize_object (reward);
}

static void
test_reward_custom_attributes (void)
{
  LoyReward *reward = loy_reward_new ();
  g_autoptr(GPtrArray) log = watch_notify (reward);
  JsonObject *attributes = loy_reward_get_custom_attributes (reward);
  g_autoptr(JsonNode) abc = json_node_init_string (json_node_alloc (), "ABC");
  g_autoptr(JsonNode) abc_again = json_node_init_string (json_node_alloc (), "ABC");
  g_autoptr(JsonNode) number = json_node_init_int (json_node_alloc (), 123);

  loy_reward_set_custom_attribute (reward, "custom_attribute_one", abc);
  assert_notified (log, "custom-attributes", NULL);
  g_assert_cmpstr (json_object_get_string_member (attributes, "custom_attribute_one"), ==, "ABC");

  loy_reward_set_custom_attribute (reward, "custom_attribute_one", abc_again);
  assert_notified (log, NULL);

  loy_reward_set_custom_attribute (reward, "custom_attribute_one", number);
  assert_notified (log, "custom-attributes", NULL);
  g_assert_cmpint (json_object_get_int_member (attributes, "custom_attribute_one"), ==, 123);
  g_assert_cmpuint (json_object_get_size (attributes), ==, 1);

  loy_reward_set_custom_attribute (reward, "custom_attribute_one", NULL);
  assert_notified (log, "custom-attributes", NULL);
  g_assert_false (json_object_has_member (attributes, "custom_attribute_one"));
  g_assert_true (loy_reward_get_custom_attributes (reward) == attributes);

  loy_reward_set_custom_attribute (reward, "custom_attribute_one", NULL);
  assert_notified (log, NULL);

  g_assert_finalize_object (reward);
}

static void
test_contact_display_name (void)
{
  LoyContact *contact = loy_contact_new ();
  g_autoptr(GPtrArray) log = watch_notify (contact);

  g_assert_null (loy_contact_get_display_name (contact));

  loy_contact_set_email (contact, "sandy@example.com");
  assert_notified (log, "email", "display-name", NULL);
  g_assert_cmpstr (loy_contact_get_display_name (contact), ==, "sandy@example.com");

  loy_contact_set_first_name (contact, " Sandy ");
  assert_notified (log, "first-name", "display-name", NULL);
  g_assert_cmpstr (loy_contact_get_display_name (contact), ==, "Sandy");

  loy_contact_set_last_name (contact, "Cheeks");
  assert_notified (log, "last-name", "display-name", NULL);
  g_assert_cmpstr (loy_contact_get_display_name (contact), ==, "Sandy Cheeks");

  /* The email no longer shows, so changing it leaves the display name alone. */
  loy_contact_set_email (contact, "sandy@treedome.example");
  assert_notified (log, "email", NULL);

  loy_contact_set_first_name (contact, "");
  assert_notified (log, "first-name", "display-name", NULL);
  g_assert_cmpstr (loy_contact_get_display_name (contact), ==, "Cheeks");

  /* Whitespace alone is no name. */
  loy_contact_set_last_name (contact, "  ");
  assert_notified (log, "last-name", "display-name", NULL);
  g_assert_cmpstr (loy_contact_get_display_name (contact), ==, "sandy@treedome.example");

  g_assert_finalize_object (contact);
}

static void
test_contact_notify (void)
{
  LoyContact *contact = loy_contact_new ();
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(JsonNode) birth_date = json_node_init_string (json_node_alloc (), "1990-04-01");

  assert_set_notifies_once (contact, "uuid", "1f0a3b9c-2d4e-4f60-8a7b-9c0d1e2f3a4b");
  assert_set_notifies_once (contact, "balance", (gint64) 420);
  assert_set_notifies_once (contact, "level-uuid", "b3c1d7e2-0000-4000-8000-000000000001");
  assert_set_notifies_once (contact, "level-name", "Gold");
  assert_set_notifies_once (contact, "created-at", (gint64) 1700000000);

  log = watch_notify (contact);

  loy_contact_set_level (contact, "b3c1d7e2-0000-4000-8000-000000000001", "Platinum");
  assert_notified (log, "level-name", NULL);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Platinum");

  loy_contact_set_attribute (contact, "birth_date", birth_date);
  assert_notified (log, "attributes", NULL);
  g_assert_cmpstr (json_object_get_string_member (loy_contact_get_attributes (contact), "birth_date"),
                   ==, "1990-04-01");
  loy_contact_set_attribute (contact, "birth_date", NULL);
  assert_notified (log, "attributes", NULL);
  g_assert_cmpuint (json_object_get_size (loy_contact_get_attributes (contact)), ==, 0);

  g_assert_finalize_object (contact);
}

static void
test_code_group_counts (void)
{
  LoyCodeGroup *group = loy_code_group_new ();
  g_autoptr(GPtrArray) log = watch_notify (group);

  g_assert_cmpint (loy_code_group_get_issued (group), ==, 0);
  g_assert_false (loy_code_group_is_low_on_stock (group));

  loy_code_group_set_counts (group, 100, 80);
  assert_notified (log, "total", "available", "issued", NULL);
  g_assert_cmpint (loy_code_group_get_total (group), ==, 100);
  g_assert_cmpint (loy_code_group_get_available (group), ==, 80);
  g_assert_cmpint (loy_code_group_get_issued (group), ==, 20);

  loy_code_group_set_counts (group, 100, 80);
  assert_notified (log, NULL);

  /* Twenty more codes imported, none issued since. */
  loy_code_group_set_counts (group, 120, 100);
  assert_notified (log, "total", "available", NULL);
  g_assert_cmpint (loy_code_group_get_issued (group), ==, 20);

  /* Without a threshold a group is never low, not even when empty. */
  loy_code_group_set_counts (group, 120, 0);
  assert_notified (log, "available", "issued", NULL);
  g_assert_false (loy_code_group_is_low_on_stock (group));

  loy_code_group_set_low_stock_threshold (group, 10);
  assert_notified (log, "low-stock-threshold", "low-on-stock", NULL);
  g_assert_true (loy_code_group_is_low_on_stock (group));

  /* At the threshold is not below it. */
  loy_code_group_set_counts (group, 120, 10);
  assert_notified (log, "available", "issued", "low-on-stock", NULL);
  g_assert_false (loy_code_group_is_low_on_stock (group));

  loy_code_group_set_counts (group, 120, 9);
  assert_notified (log, "available", "issued", "low-on-stock", NULL);
  g_assert_true (loy_code_group_is_low_on_stock (group));

  loy_code_group_set_low_stock_threshold (group, 0);
  assert_notified (log, "low-stock-threshold", "low-on-stock", NULL);
  g_assert_false (loy_code_group_is_low_on_stock (group));

  g_signal_handlers_disconnect_by_func (group, notify_cb, log);

  assert_set_notifies_once (group, "uuid", "7d4c6e1a-5b2f-4a39-9e80-1c2d3e4f5a6b");
  assert_set_notifies_once (group, "name", "Krabby Patty codes");
  assert_set_notifies_once (group, "reward-uuid", "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc");

  g_assert_finalize_object (group);
}

static void
test_level_notify (void)
{
  LoyLevel *level = loy_level_new ();

  assert_set_notifies_once (level, "uuid", "b3c1d7e2-0000-4000-8000-000000000001");
  assert_set_notifies_once (level, "name", "Gold");
  assert_set_notifies_once (level, "threshold", (gint64) 500);
  assert_set_notifies_once (level, "n-contacts", (gint64) 42);

  g_assert_cmpstr (loy_level_get_name (level), ==, "Gold");
  g_assert_cmpint (loy_level_get_threshold (level), ==, 500);

  g_assert_finalize_object (level);
}

static void
test_segment_notify (void)
{
  LoySegment *segment = loy_segment_new ();

  assert_set_notifies_once (segment, "uuid", "c9e8d7f6-0000-4000-8000-000000000002");
  assert_set_notifies_once (segment, "name", "Regulars");
  assert_set_notifies_once (segment, "description", "Visited at least twice a month");
  assert_set_notifies_once (segment, "n-contacts", (gint64) 17);

  g_assert_cmpstr (loy_segment_get_description (segment), ==, "Visited at least twice a month");
  g_assert_cmpint (loy_segment_get_n_contacts (segment), ==, 17);

  g_assert_finalize_object (segment);
}

static void
test_campaign_notify (void)
{
  LoyCampaign *campaign = loy_campaign_new ();
  g_autoptr(GPtrArray) log = NULL;

  g_assert_true (loy_campaign_get_is_active (campaign));
  g_assert_cmpint (loy_campaign_get_point_value_cents (campaign), ==, LOY_UNSET);
  g_assert_cmpint (loy_campaign_get_target_type (campaign), ==, LOY_TARGET_TYPE_NONE);
  g_assert_cmpint (loy_campaign_get_active_from (campaign), ==, 0);
  g_assert_cmpint (loy_campaign_get_active_to (campaign), ==, 0);

  assert_set_notifies_once (campaign, "uuid", "e1f2a3b4-0000-4000-8000-000000000003");
  assert_set_notifies_once (campaign, "name", "Summer cashback");
  assert_set_notifies_once (campaign, "campaign-type", LOY_CAMPAIGN_TYPE_CASHBACK);
  assert_set_notifies_once (campaign, "is-active", FALSE);
  assert_set_notifies_once (campaign, "point-value-cents", (gint64) 5);
  assert_set_notifies_once (campaign, "target-type", LOY_TARGET_TYPE_SEGMENT);
  assert_set_notifies_once (campaign, "active-from", (gint64) 1719792000);
  assert_set_notifies_once (campaign, "active-to", (gint64) 1725148800);

  g_assert_cmpint (loy_campaign_get_campaign_type (campaign), ==, LOY_CAMPAIGN_TYPE_CASHBACK);

  log = watch_notify (campaign);

  /* Back to "all time active". */
  loy_campaign_set_active_window (campaign, 0, 0);
  assert_notified (log, "active-from", "active-to", NULL);
  loy_campaign_set_active_window (campaign, 0, 1725148800);
  assert_notified (log, "active-to", NULL);

  g_assert_finalize_object (campaign);
}

static void
test_shop_construct (void)
{
  LoyShop *shop = loy_shop_new ("a1b2c3d4-0000-4000-8000-000000000004", "Krusty Krab");
  g_autofree char *name = NULL;
  GParamSpec *pspec;

  g_assert_cmpstr (loy_shop_get_uuid (shop), ==, "a1b2c3d4-0000-4000-8000-000000000004");
  g_assert_cmpstr (loy_shop_get_name (shop), ==, "Krusty Krab");

  g_object_get (shop, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Krusty Krab");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (shop), "uuid");
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);

  g_assert_finalize_object (shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/domain/reward/defaults", test_reward_defaults);
  g_test_add_func ("/domain/reward/notify", test_reward_notify);
  g_test_add_func ("/domain/reward/custom-attributes", test_reward_custom_attributes);
  g_test_add_func ("/domain/contact/display-name", test_contact_display_name);
  g_test_add_func ("/domain/contact/notify", test_contact_notify);
  g_test_add_func ("/domain/code-group/counts", test_code_group_counts);
  g_test_add_func ("/domain/level/notify", test_level_notify);
  g_test_add_func ("/domain/segment/notify", test_segment_notify);
  g_test_add_func ("/domain/campaign/notify", test_campaign_notify);
  g_test_add_func ("/domain/shop/construct", test_shop_construct);

  return g_test_run ();
}
