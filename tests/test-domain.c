/* test-domain.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "loy-core.h"
#include "loy-segment-criteria.h"

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
test_reward_view_filter (void)
{
  LoyReward *reward = loy_reward_new ();
  g_autoptr(GPtrArray) log = watch_notify (reward);
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyViewFilter) empty = loy_view_filter_new ();
  g_autoptr(LoyViewFilter) read_back = NULL;

  g_assert_null (loy_reward_get_view_filter (reward));
  g_assert_null (loy_reward_get_code_group_uuid (reward));
  g_assert_cmpint (loy_reward_get_codes_available (reward), ==, LOY_UNSET);

  filter->platforms = LOY_PLATFORM_CUSTOMER_APP;
  loy_reward_set_view_filter (reward, filter);
  assert_notified (log, "view-filter", NULL);

  /* The reward keeps a copy of its own. */
  g_assert_true (loy_reward_get_view_filter (reward) != filter);
  g_assert_cmpint (loy_reward_get_view_filter (reward)->platforms, ==, LOY_PLATFORM_CUSTOMER_APP);

  loy_reward_set_view_filter (reward, filter);
  assert_notified (log, NULL);

  filter->platforms = LOY_PLATFORM_ANY;
  g_object_set (reward, "view-filter", filter, NULL);
  assert_notified (log, "view-filter", NULL);
  g_object_get (reward, "view-filter", &read_back, NULL);
  g_assert_cmpint (read_back->platforms, ==, LOY_PLATFORM_ANY);

  /* An empty filter means what NULL means. */
  loy_reward_set_view_filter (reward, empty);
  assert_notified (log, "view-filter", NULL);
  g_assert_null (loy_reward_get_view_filter (reward));
  loy_reward_set_view_filter (reward, NULL);
  assert_notified (log, NULL);

  g_signal_handlers_disconnect_by_func (reward, notify_cb, log);

  assert_set_notifies_once (reward, "code-group-uuid", "7d4c6e1a-5b2f-4a39-9e80-1c2d3e4f5a6b");
  assert_set_notifies_once (reward, "codes-available", (gint64) 0);

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
test_contact_next_expiry (void)
{
  LoyContact *contact = loy_contact_new ();
  g_autoptr(GPtrArray) log = NULL;

  g_assert_cmpint (loy_contact_get_expiring_points (contact), ==, 0);
  g_assert_cmpint (loy_contact_get_expiring_at (contact), ==, 0);

  assert_set_notifies_once (contact, "expiring-points", (gint64) 120);
  assert_set_notifies_once (contact, "expiring-at", (gint64) 1735689600);

  log = watch_notify (contact);

  loy_contact_set_next_expiry (contact, 120, 1735689600);
  assert_notified (log, NULL);

  loy_contact_set_next_expiry (contact, 80, 1735689600);
  assert_notified (log, "expiring-points", NULL);

  loy_contact_set_next_expiry (contact, 0, 0);
  assert_notified (log, "expiring-points", "expiring-at", NULL);
  g_assert_cmpint (loy_contact_get_expiring_points (contact), ==, 0);
  g_assert_cmpint (loy_contact_get_expiring_at (contact), ==, 0);

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

  /* From all time to a window, and back: the dates stay. */
  loy_campaign_set_activity (campaign, FALSE, 1719792000, 1725148800);
  assert_notified (log, "activity-all-time", NULL);
  loy_campaign_set_activity (campaign, TRUE, 1719792000, 1725148800);
  assert_notified (log, "activity-all-time", NULL);
  g_assert_cmpint (loy_campaign_get_active_from (campaign), ==, 1719792000);
  loy_campaign_set_activity (campaign, TRUE, 0, 1725148800);
  assert_notified (log, "active-from", NULL);

  g_assert_finalize_object (campaign);
}

static void
test_segment_criteria (void)
{
  LoySegment *segment = loy_segment_new ();
  g_autoptr(GPtrArray) log = watch_notify (segment);
  g_autoptr(JsonNode) criteria = json_from_string ("{\"min_visits\": 2}", NULL);
  g_autoptr(JsonNode) criteria_again = json_from_string ("{\"min_visits\": 2}", NULL);
  g_autoptr(JsonNode) empty = json_from_string ("{}", NULL);
  g_autoptr(JsonNode) read_back = NULL;
  JsonNode *stored;

  stored = loy_segment_get_criteria (segment);
  g_assert_nonnull (stored);
  g_assert_true (json_node_equal (stored, empty));

  loy_segment_set_criteria (segment, criteria);
  assert_notified (log, "criteria", NULL);
  g_assert_true (loy_segment_get_criteria (segment) != criteria);
  g_assert_true (json_node_equal (loy_segment_get_criteria (segment), criteria));

  loy_segment_set_criteria (segment, criteria_again);
  assert_notified (log, NULL);

  g_object_get (segment, "criteria", &read_back, NULL);
  g_assert_true (json_node_equal (read_back, criteria));

  /* NULL stores the empty object, never NULL. */
  loy_segment_set_criteria (segment, NULL);
  assert_notified (log, "criteria", NULL);
  g_assert_true (json_node_equal (loy_segment_get_criteria (segment), empty));
  loy_segment_set_criteria (segment, empty);
  assert_notified (log, NULL);

  g_assert_finalize_object (segment);
}

static void
test_code_issue (void)
{
  LoyCode *code = loy_code_new ();
  g_autoptr(GPtrArray) log = NULL;

  g_assert_null (loy_code_get_uuid (code));
  g_assert_null (loy_code_get_code (code));
  g_assert_null (loy_code_get_group_uuid (code));
  g_assert_cmpint (loy_code_get_status (code), ==, LOY_CODE_STATUS_AVAILABLE);
  g_assert_null (loy_code_get_contact_uuid (code));
  g_assert_null (loy_code_get_contact_name (code));
  g_assert_cmpint (loy_code_get_issued_at (code), ==, 0);

  assert_set_notifies_once (code, "uuid", "7d4c6e1a-5b2f-4a39-9e80-1c2d3e4f5a6b/KRABBY-0001");
  assert_set_notifies_once (code, "code", "KRABBY-0001");
  assert_set_notifies_once (code, "group-uuid", "7d4c6e1a-5b2f-4a39-9e80-1c2d3e4f5a6b");

  log = watch_notify (code);

  loy_code_set_issued (code, "1f0a3b9c-2d4e-4f60-8a7b-9c0d1e2f3a4b", "Sandy Cheeks", 1700000000);
  assert_notified (log, "status", "contact-uuid", "contact-name", "issued-at", NULL);
  g_assert_cmpint (loy_code_get_status (code), ==, LOY_CODE_STATUS_ISSUED);
  g_assert_cmpstr (loy_code_get_contact_name (code), ==, "Sandy Cheeks");
  g_assert_cmpint (loy_code_get_issued_at (code), ==, 1700000000);

  loy_code_set_issued (code, "1f0a3b9c-2d4e-4f60-8a7b-9c0d1e2f3a4b", "Sandy Cheeks", 1700000000);
  assert_notified (log, NULL);

  /* A renamed contact leaves the status alone. */
  loy_code_set_issued (code, "1f0a3b9c-2d4e-4f60-8a7b-9c0d1e2f3a4b", "Sandy", 1700000000);
  assert_notified (log, "contact-name", NULL);

  /* Available again: nothing of the issue stays behind. */
  loy_code_set_issued (code, NULL, "Sandy", 1700000000);
  assert_notified (log, "status", "contact-uuid", "contact-name", "issued-at", NULL);
  g_assert_cmpint (loy_code_get_status (code), ==, LOY_CODE_STATUS_AVAILABLE);
  g_assert_null (loy_code_get_contact_name (code));
  g_assert_cmpint (loy_code_get_issued_at (code), ==, 0);

  g_assert_finalize_object (code);
}

static void
test_ledger_entry_notify (void)
{
  LoyLedgerEntry *entry = loy_ledger_entry_new ();
  g_autoptr(GPtrArray) log = NULL;

  g_assert_null (loy_ledger_entry_get_uuid (entry));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_WELCOME);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 0);
  g_assert_cmpint (loy_ledger_entry_get_purchase_amount_cents (entry), ==, LOY_UNSET);
  g_assert_null (loy_ledger_entry_get_reverses_uuid (entry));
  g_assert_false (loy_ledger_entry_get_reversed (entry));
  g_assert_cmpint (loy_ledger_entry_get_created_at (entry), ==, 0);

  assert_set_notifies_once (entry, "uuid", "0b1c2d3e-0000-4000-8000-000000000005");
  assert_set_notifies_once (entry, "contact-uuid", "1f0a3b9c-2d4e-4f60-8a7b-9c0d1e2f3a4b");
  assert_set_notifies_once (entry, "entry-type", LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  assert_set_notifies_once (entry, "credits", (gint64) -25);
  assert_set_notifies_once (entry, "reason", "Birthday treat");
  assert_set_notifies_once (entry, "operator", "loyctl");
  assert_set_notifies_once (entry, "reward-uuid", "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc");
  assert_set_notifies_once (entry, "reward-title", "Kelp Shake Deluxe");
  assert_set_notifies_once (entry, "code", "KRABBY-0001");
  assert_set_notifies_once (entry, "purchase-amount-cents", (gint64) 1250);
  assert_set_notifies_once (entry, "reverses-uuid", "0b1c2d3e-0000-4000-8000-000000000004");
  assert_set_notifies_once (entry, "reversed", TRUE);
  assert_set_notifies_once (entry, "created-at", (gint64) 1700000000);

  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -25);
  g_assert_cmpstr (loy_ledger_entry_get_operator (entry), ==, "loyctl");

  log = watch_notify (entry);

  loy_ledger_entry_set_reward (entry, "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc", "Kelp Fries");
  assert_notified (log, "reward-title", NULL);
  loy_ledger_entry_set_reward (entry, NULL, NULL);
  assert_notified (log, "reward-uuid", "reward-title", NULL);

  loy_ledger_entry_set_purchase_amount_cents (entry, LOY_UNSET);
  assert_notified (log, "purchase-amount-cents", NULL);

  /* A boolean setter compares truth values, not integers. */
  loy_ledger_entry_set_reversed (entry, 2);
  assert_notified (log, NULL);

  g_assert_finalize_object (entry);
}

static void
test_program_defaults (void)
{
  LoyProgram *program = loy_program_new ();
  g_auto(GStrv) actions = NULL;
  const char * const expected_actions[] = { "referral", "review", "social_share", NULL };

  g_assert_cmpint (loy_program_get_points_per_unit (program), ==, 1);
  g_assert_cmpint (loy_program_get_rounding (program), ==, LOY_ROUNDING_DOWN);
  g_assert_cmpint (loy_program_get_welcome_points (program), ==, 50);
  g_assert_cmpuint (loy_program_get_expiry_months (program), ==, 0);
  g_assert_cmpint (loy_program_get_level_basis (program), ==, LOY_LEVEL_BASIS_BALANCE);
  g_assert_cmpuint (loy_program_get_level_period_months (program), ==, 12);

  g_assert_cmpint (loy_program_get_action_points (program, "referral"), ==, 100);
  g_assert_cmpint (loy_program_get_action_points (program, "review"), ==, 25);
  g_assert_cmpint (loy_program_get_action_points (program, "social_share"), ==, 10);
  g_assert_cmpint (loy_program_get_action_points (program, "jellyfishing"), ==, -1);

  actions = loy_program_dup_actions (program);
  g_assert_cmpstrv (actions, expected_actions);

  g_assert_finalize_object (program);
}

static void
test_program_notify (void)
{
  LoyProgram *program = loy_program_new ();
  g_autoptr(GPtrArray) log = NULL;
  g_auto(GStrv) actions = NULL;
  const char * const expected_actions[] = { "birthday", "referral", "social_share", NULL };

  assert_set_notifies_once (program, "points-per-unit", (gint64) 10);
  assert_set_notifies_once (program, "rounding", LOY_ROUNDING_NEAREST);
  assert_set_notifies_once (program, "welcome-points", (gint64) 0);
  assert_set_notifies_once (program, "expiry-months", 24u);
  assert_set_notifies_once (program, "level-basis", LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  assert_set_notifies_once (program, "level-period-months", 6u);

  log = watch_notify (program);

  loy_program_set_action_points (program, "birthday", 30);
  loy_program_set_action_points (program, "referral", 150);
  loy_program_set_action_points (program, "review", LOY_UNSET);
  assert_notified (log, NULL);

  g_assert_cmpint (loy_program_get_action_points (program, "birthday"), ==, 30);
  g_assert_cmpint (loy_program_get_action_points (program, "referral"), ==, 150);
  g_assert_cmpint (loy_program_get_action_points (program, "review"), ==, -1);

  actions = loy_program_dup_actions (program);
  g_assert_cmpstrv (actions, expected_actions);

  g_assert_finalize_object (program);
}

static void
test_program_points_for_amount (void)
{
  static const struct {
    gint64       points_per_unit;
    LoyRounding  rounding;
    gint64       amount_cents;
    gint64       points;
  } cases[] = {
    { 1, LOY_ROUNDING_DOWN, 0, 0 },
    { 1, LOY_ROUNDING_DOWN, 1, 0 },
    { 1, LOY_ROUNDING_DOWN, 99, 0 },
    { 1, LOY_ROUNDING_DOWN, 100, 1 },
    { 1, LOY_ROUNDING_DOWN, 1999, 19 },
    { 1, LOY_ROUNDING_DOWN, -500, 0 },
    { 1, LOY_ROUNDING_NEAREST, 0, 0 },
    { 1, LOY_ROUNDING_NEAREST, 1, 0 },
    { 1, LOY_ROUNDING_NEAREST, 49, 0 },
    { 1, LOY_ROUNDING_NEAREST, 50, 1 },
    { 1, LOY_ROUNDING_NEAREST, 99, 1 },
    { 1, LOY_ROUNDING_NEAREST, 149, 1 },
    { 1, LOY_ROUNDING_NEAREST, 150, 2 },
    { 1, LOY_ROUNDING_NEAREST, -150, 0 },
    { 1, LOY_ROUNDING_UP, 0, 0 },
    { 1, LOY_ROUNDING_UP, 1, 1 },
    { 1, LOY_ROUNDING_UP, 99, 1 },
    { 1, LOY_ROUNDING_UP, 100, 1 },
    { 1, LOY_ROUNDING_UP, 101, 2 },
    { 1, LOY_ROUNDING_UP, -1, 0 },
    /* Several points per unit: the fraction is of the product. */
    { 3, LOY_ROUNDING_DOWN, 1050, 31 },
    { 3, LOY_ROUNDING_NEAREST, 1050, 32 },
    { 3, LOY_ROUNDING_UP, 1001, 31 },
    { 150, LOY_ROUNDING_DOWN, 1, 1 },
    { 150, LOY_ROUNDING_NEAREST, 1, 2 },
    { 0, LOY_ROUNDING_UP, 12345, 0 },
    /* Large amounts stay exact. */
    { 1, LOY_ROUNDING_DOWN, G_MAXINT64, G_MAXINT64 / 100 },
    { 1, LOY_ROUNDING_UP, G_MAXINT64, G_MAXINT64 / 100 + 1 },
    { 7, LOY_ROUNDING_DOWN, G_GINT64_CONSTANT (1000000000000000), G_GINT64_CONSTANT (70000000000000) },
    { 99, LOY_ROUNDING_NEAREST, G_GINT64_CONSTANT (99999999999999999), G_GINT64_CONSTANT (98999999999999999) },
    { G_MAXINT64, LOY_ROUNDING_DOWN, 1, G_MAXINT64 / 100 },
    { G_MAXINT64, LOY_ROUNDING_UP, 1, G_MAXINT64 / 100 + 1 },
    { G_MAXINT64, LOY_ROUNDING_DOWN, 100, G_MAXINT64 },
    /* Beyond G_MAXINT64 the result saturates. */
    { 1000, LOY_ROUNDING_DOWN, G_MAXINT64, G_MAXINT64 },
    { G_MAXINT64, LOY_ROUNDING_UP, G_MAXINT64, G_MAXINT64 },
  };
  LoyProgram *program = loy_program_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      loy_program_set_points_per_unit (program, cases[i].points_per_unit);
      loy_program_set_rounding (program, cases[i].rounding);
      g_test_message ("%" G_GINT64_FORMAT " cents at %" G_GINT64_FORMAT " per unit, rounding %d",
                      cases[i].amount_cents, cases[i].points_per_unit, cases[i].rounding);
      g_assert_cmpint (loy_program_points_for_amount (program, cases[i].amount_cents),
                       ==, cases[i].points);
    }

  g_assert_finalize_object (program);
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

static void
test_query_has_filter (void)
{
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyQuery) ledger = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyQuery) copy = NULL;

  /* An order is no filter, nor is an empty search. */
  contacts->sort = g_strdup ("-balance");
  contacts->search = g_strdup ("");
  g_assert_false (loy_query_has_filter (contacts));

  contacts->segment_uuid = g_strdup ("5f0c1e4a-0000-4000-8000-000000000001");
  g_assert_true (loy_query_has_filter (contacts));
  copy = loy_query_copy (contacts);
  g_assert_true (loy_query_has_filter (copy));

  /* Whose history is the list itself; a type of entry narrows it. */
  ledger->parent_uuid = g_strdup ("5f0c1e4a-0000-4000-8000-000000000002");
  g_assert_false (loy_query_has_filter (ledger));
  ledger->ledger_types = 1 << LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;
  g_assert_true (loy_query_has_filter (ledger));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/domain/reward/defaults", test_reward_defaults);
  g_test_add_func ("/domain/reward/notify", test_reward_notify);
  g_test_add_func ("/domain/reward/custom-attributes", test_reward_custom_attributes);
  g_test_add_func ("/domain/reward/view-filter", test_reward_view_filter);
  g_test_add_func ("/domain/contact/display-name", test_contact_display_name);
  g_test_add_func ("/domain/contact/notify", test_contact_notify);
  g_test_add_func ("/domain/contact/next-expiry", test_contact_next_expiry);
  g_test_add_func ("/domain/code-group/counts", test_code_group_counts);
  g_test_add_func ("/domain/level/notify", test_level_notify);
  g_test_add_func ("/domain/segment/notify", test_segment_notify);
  g_test_add_func ("/domain/segment/criteria", test_segment_criteria);
  g_test_add_func ("/domain/code/issue", test_code_issue);
  g_test_add_func ("/domain/ledger-entry/notify", test_ledger_entry_notify);
  g_test_add_func ("/domain/program/defaults", test_program_defaults);
  g_test_add_func ("/domain/program/notify", test_program_notify);
  g_test_add_func ("/domain/program/points-for-amount", test_program_points_for_amount);
  g_test_add_func ("/domain/campaign/notify", test_campaign_notify);
  g_test_add_func ("/domain/shop/construct", test_shop_construct);
  g_test_add_func ("/domain/query/has-filter", test_query_has_filter);

  return g_test_run ();
}
