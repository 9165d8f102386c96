/* test-campaigns.c — the campaign model: types, properties,
 * texts, labels, status, and its JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "test-campaign-fixture.h"

/* Types */

static void
test_type_names (void)
{
  static const char * const names[] = {
    "discount_code", "value_code", "free_delivery_code", "gift_code", "event_code",
    "percentage_discount_code", "custom_campaign_code", "cashback",
  };

  g_assert_cmpuint (G_N_ELEMENTS (names), ==, LOY_N_CAMPAIGN_TYPES);
  for (guint i = 0; i < LOY_N_CAMPAIGN_TYPES; i++)
    {
      int type;

      g_assert_cmpstr (loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE, i), ==, names[i]);
      g_assert_true (loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, names[i], &type));
      g_assert_cmpint (type, ==, i);
      g_assert_nonnull (loy_campaign_type_get_label (i));
      g_assert_nonnull (loy_campaign_type_get_description (i));
      g_assert_cmpint (loy_campaign_type_is_coupon (i), ==, i <= LOY_CAMPAIGN_TYPE_EVENT_CODE);
    }

  g_assert_false (loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, "gift_card", &(int) { 0 }));
  g_assert_cmpstr (loy_campaign_type_get_label (LOY_CAMPAIGN_TYPE_EVENT_CODE), ==, "Event code");
}

/* CAMPAIGNS.md, "Which fields each type uses". */
static void
test_type_fields (void)
{
  LoyCampaignFields coupon = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_GIFT_CODE);
  LoyCampaignFields cashback = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_CASHBACK);
  LoyCampaignFields percentage = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  LoyCampaignFields custom = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE);

  g_assert_cmpint (coupon, ==, LOY_CAMPAIGN_FIELD_COST_IN_POINTS | LOY_CAMPAIGN_FIELD_LIMITS |
                               LOY_CAMPAIGN_FIELD_COUPONS | LOY_CAMPAIGN_FIELD_VISIBILITY |
                               LOY_CAMPAIGN_FIELD_DAYS);
  for (LoyCampaignType type = 0; type <= LOY_CAMPAIGN_TYPE_EVENT_CODE; type++)
    g_assert_cmpint (loy_campaign_type_get_fields (type), ==, coupon);
  g_assert_cmpint (cashback, ==, LOY_CAMPAIGN_FIELD_POINT_VALUE | LOY_CAMPAIGN_FIELD_VISIBILITY);
  g_assert_cmpint (percentage, ==, LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE | LOY_CAMPAIGN_FIELD_DAYS);
  g_assert_cmpint (custom, ==, LOY_CAMPAIGN_FIELD_VISIBILITY | LOY_CAMPAIGN_FIELD_CONNECT_TYPE);
}

/* The model */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup (pspec->name));
}

/* Every property: a new value notifies it, and only it, once; reads back;
 * and setting it again notifies nothing. */
static void
test_properties_notify (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify_cb), log);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (campaign), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 35);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      g_autoptr(GPtrArray) labels = NULL;
      static const char * const uuids[] = { GOLD, NULL };

      g_value_init (&value, pspec->value_type);
      if (pspec->value_type == G_TYPE_STRING)
        g_value_set_string (&value, "pl");
      else if (pspec->value_type == G_TYPE_INT64)
        g_value_set_int64 (&value, 7);
      else if (pspec->value_type == G_TYPE_INT)
        g_value_set_int (&value, G_PARAM_SPEC_INT (pspec)->maximum);
      else if (pspec->value_type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          g_value_set_enum (&value, enum_class->values[enum_class->n_values - 1].value);
        }
      else if (pspec->value_type == G_TYPE_STRV)
        g_value_set_boxed (&value, uuids);
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        {
          labels = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_campaign_label_free);
          g_ptr_array_add (labels, loy_campaign_label_new ("Event", "Verjaardag 🎂"));
          g_value_set_boxed (&value, labels);
        }
      else
        g_assert_not_reached ();

      g_object_set_property (G_OBJECT (campaign), pspec->name, &value);
      g_assert_cmpuint (log->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (log, 0), ==, pspec->name);
      g_ptr_array_set_size (log, 0);

      g_value_init (&read, pspec->value_type);
      g_object_get_property (G_OBJECT (campaign), pspec->name, &read);
      if (pspec->value_type == G_TYPE_STRING)
        g_assert_cmpstr (g_value_get_string (&read), ==, "pl");
      else if (pspec->value_type == G_TYPE_STRV)
        g_assert_true (g_strv_equal (g_value_get_boxed (&read), uuids));
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        g_assert_cmpuint (((GPtrArray *) g_value_get_boxed (&read))->len, ==, 1);
      else
        g_assert_true (g_param_values_cmp (pspec, &value, &read) == 0);

      g_object_set_property (G_OBJECT (campaign), pspec->name, &value);
      g_assert_cmpuint (log->len, ==, 0);
    }
}

static void
test_texts (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) languages = NULL;

  g_assert_true (g_strv_equal (loy_campaign_get_languages (), (const char *[]) { "en", "nl", "pl", NULL }));
  g_assert_cmpstr (loy_campaign_get_default_language (campaign), ==, "en");

  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify_cb), log);
  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, "Zomerkorting");
  loy_campaign_set_text (campaign, "pl", LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION, "Zniżka łódzka");
  /* Only the default language's name is the "name" property. */
  g_assert_cmpuint (log->len, ==, 0);
  loy_campaign_set_text (campaign, "en", LOY_CAMPAIGN_TEXT_NAME, "Summer discount");
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (loy_campaign_get_name (campaign), ==, "Summer discount");

  languages = loy_campaign_dup_languages (campaign);
  g_assert_true (g_strv_equal ((const char * const *) languages,
                               (const char *[]) { "en", "nl", "pl", NULL }));
  g_assert_cmpstr (loy_campaign_get_text (campaign, "pl", LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION), ==,
                   "Zniżka łódzka");
  g_assert_null (loy_campaign_get_text (campaign, "pl", LOY_CAMPAIGN_TEXT_NAME));

  /* A shop whose default language is Dutch. */
  g_ptr_array_set_size (log, 0);
  loy_campaign_set_default_language (campaign, "nl");
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (loy_campaign_get_name (campaign), ==, "Zomerkorting");

  /* An emptied language is gone. */
  loy_campaign_set_text (campaign, "pl", LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION, "");
  g_clear_pointer (&languages, g_strfreev);
  languages = loy_campaign_dup_languages (campaign);
  g_assert_true (g_strv_equal ((const char * const *) languages, (const char *[]) { "en", "nl", NULL }));
}

static void
test_labels (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();

  loy_campaign_add_label (campaign, "Event", "Birthday");
  loy_campaign_add_label (campaign, "Wydarzenie", "Urodziny żółw");
  g_assert_cmpuint (loy_campaign_get_labels (campaign)->len, ==, 2);
  g_assert_true (loy_campaign_has_label (campaign, "Event", NULL));
  g_assert_true (loy_campaign_has_label (campaign, "Wydarzenie", "Urodziny żółw"));
  g_assert_false (loy_campaign_has_label (campaign, "Event", "Wedding"));
  g_assert_false (loy_campaign_has_label (campaign, "event", NULL));

  loy_campaign_set_labels (campaign, NULL);
  g_assert_cmpuint (loy_campaign_get_labels (campaign)->len, ==, 0);
  g_assert_nonnull (loy_campaign_get_category_uuids (campaign));
  g_assert_null (loy_campaign_get_category_uuids (campaign)[0]);
}

static void
test_filled_fields (void)
{
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  LoyCampaignFields unused_by_cashback;

  loy_campaign_set_limit (campaign, 100);
  loy_campaign_set_days_valid (campaign, 30);
  loy_campaign_set_visibility (campaign, FALSE, test_time_at (2026, 12, 1, 0, 0, 1), test_time_at (2026, 12, 31, 0, 0, 1));

  /* Switching to cashback would clear the cost, limits, codes and days,
   * but not the visibility window, which cashback uses too. */
  unused_by_cashback = loy_campaign_get_filled_fields (campaign) &
                       ~loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpint (unused_by_cashback, ==, LOY_CAMPAIGN_FIELD_COST_IN_POINTS | LOY_CAMPAIGN_FIELD_LIMITS |
                                           LOY_CAMPAIGN_FIELD_COUPONS | LOY_CAMPAIGN_FIELD_DAYS);

  loy_campaign_clear_fields (campaign, unused_by_cashback);
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpint (loy_campaign_get_filled_fields (campaign), ==, LOY_CAMPAIGN_FIELD_VISIBILITY);
  g_assert_cmpint (loy_campaign_get_cost_in_points (campaign), ==, 0);
  g_assert_cmpint (loy_campaign_get_limit (campaign), ==, LOY_UNSET);
  g_assert_null (loy_campaign_get_shared_code (campaign));
  g_assert_cmpint (loy_campaign_get_days_valid (campaign), ==, 0);
}

static void
test_status (void)
{
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  /* 5–24 Dec in Amsterdam (UTC+1): the last minute of the 24th is in. */
  gint64 from = test_time_at (2026, 12, 5, 0, 0, 1);
  gint64 to = test_time_at (2026, 12, 24, 23, 59, 1);
  g_autoptr(GDateTime) before = test_now_at (from - 1, 1);
  g_autoptr(GDateTime) start = test_now_at (from, 1);
  g_autoptr(GDateTime) end = test_now_at (to, 1);
  g_autoptr(GDateTime) after = test_now_at (to + 1, 1);

  g_assert_cmpint (loy_campaign_get_status (campaign, before), ==, LOY_CAMPAIGN_STATUS_ACTIVE);

  loy_campaign_set_activity (campaign, FALSE, from, to);
  g_assert_cmpint (loy_campaign_get_status (campaign, before), ==, LOY_CAMPAIGN_STATUS_SCHEDULED);
  g_assert_cmpint (loy_campaign_get_status (campaign, start), ==, LOY_CAMPAIGN_STATUS_ACTIVE);
  g_assert_cmpint (loy_campaign_get_status (campaign, end), ==, LOY_CAMPAIGN_STATUS_ACTIVE);
  g_assert_cmpint (loy_campaign_get_status (campaign, after), ==, LOY_CAMPAIGN_STATUS_ENDED);
  g_assert_cmpstr (loy_campaign_status_get_label (LOY_CAMPAIGN_STATUS_SCHEDULED), ==, "Scheduled");

  /* Inactive beats the dates. */
  loy_campaign_set_is_active (campaign, FALSE);
  g_assert_cmpint (loy_campaign_get_status (campaign, start), ==, LOY_CAMPAIGN_STATUS_INACTIVE);
  g_assert_cmpint (loy_campaign_get_status (campaign, after), ==, LOY_CAMPAIGN_STATUS_INACTIVE);
}

/* JSON */

static LoyCampaign *
new_full_campaign (void)
{
  LoyCampaign *campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);

  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, "Zomer");
  loy_campaign_set_text (campaign, "pl", LOY_CAMPAIGN_TEXT_USAGE_INSTRUCTIONS, "Pokaż kod przy kasie");
  loy_campaign_set_text (campaign, "en", LOY_CAMPAIGN_TEXT_CONDITIONS, "One per order");
  loy_campaign_set_more_information_link (campaign, "https://shop.example/summer");
  loy_campaign_set_push_text (campaign, "Your summer code is ready");
  loy_campaign_set_reward_value_cents (campaign, 2550);
  loy_campaign_set_tax_rate (campaign, 21);
  loy_campaign_set_tax_value_cents (campaign, 443);
  loy_campaign_set_featured (campaign, TRUE);
  loy_campaign_set_public (campaign, TRUE);
  loy_campaign_set_days_inactive (campaign, 1);
  loy_campaign_set_days_valid (campaign, 30);
  loy_campaign_add_label (campaign, "Event", "Verjaardag");
  loy_campaign_set_category_uuids (campaign, (const char *[]) { "ca7e0000-0000-4000-8000-000000000001", NULL });
  loy_campaign_set_brand_image (campaign, "file:///srv/brand.png");
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, SILVER, NULL });
  loy_campaign_set_activity (campaign, FALSE, test_time_at (2026, 12, 5, 0, 0, 1), test_time_at (2026, 12, 24, 23, 59, 1));
  loy_campaign_set_visibility (campaign, FALSE, test_time_at (2026, 12, 1, 0, 0, 1), test_time_at (2026, 12, 31, 0, 0, 1));
  loy_campaign_set_limit (campaign, 500);
  loy_campaign_set_created_at (campaign, test_time_at (2026, 11, 20, 9, 30, 0));

  return campaign;
}

static void
test_json_round_trip (void)
{
  g_autoptr(LoyCampaign) campaign = new_full_campaign ();
  g_autoptr(JsonNode) node = loy_campaign_to_json (campaign);
  g_autoptr(LoyCampaign) read = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (node);
  JsonObject *activity = json_object_get_object_member (object, "activity");

  g_assert_cmpstr (json_object_get_string_member (object, "campaign_type"), ==, "discount_code");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Summer");
  g_assert_true (json_object_get_boolean_member (object, "active"));
  g_assert_cmpint (json_object_get_int_member (object, "cost_in_points"), ==, 100);
  /* Money as numbers of currency units. */
  g_assert_cmpfloat (json_object_get_double_member (object, "reward_value"), ==, 25.5);
  g_assert_cmpfloat (json_object_get_double_member (object, "tax_price_value"), ==, 4.43);
  g_assert_true (json_object_get_null_member (object, "point_value"));
  g_assert_cmpint (json_object_get_int_member (object, "tax"), ==, 21);
  g_assert_cmpstr (json_object_get_string_member (object, "target"), ==, "level");
  g_assert_false (json_object_get_boolean_member (activity, "all_time"));
  g_assert_cmpstr (json_object_get_string_member (activity, "from"), ==, "2026-12-04T23:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (activity, "to"), ==, "2026-12-24T22:59:00Z");
  g_assert_cmpint (json_object_get_int_member (object, "limit"), ==, 500);
  /* Unlimited is null. */
  g_assert_true (json_object_get_null_member (object, "limit_per_contact"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (object, "translations"), "pl"), "usage_instruction"),
                   ==, "Pokaż kod przy kasie");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "labels"), 0), "value"), ==, "Verjaardag");

  read = loy_campaign_from_json (node, &error);
  g_assert_no_error (error);
  again = loy_campaign_to_json (read);
  g_assert_true (json_node_equal (node, again));
}

static void
test_json_read_subset (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"campaign_type\": \"cashback\", \"name\": \"Points for cash\","
                                               " \"point_value\": 2.5, \"limit\": null,"
                                               " \"segments\": [\"" VIPS "\"], \"target\": \"segment\","
                                               " \"visibility\": {\"all_time\": false,"
                                               "  \"from\": \"2026-12-24T00:00:00+01:00\","
                                               "  \"to\": \"2026-12-31T00:00:00+01:00\"}}", NULL);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = loy_campaign_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_get_campaign_type (campaign), ==, LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpstr (loy_campaign_get_name (campaign), ==, "Points for cash");
  g_assert_cmpint (loy_campaign_get_point_value_cents (campaign), ==, 250);
  g_assert_cmpint (loy_campaign_get_limit (campaign), ==, LOY_UNSET);
  g_assert_cmpint (loy_campaign_get_target_type (campaign), ==, LOY_TARGET_TYPE_SEGMENT);
  g_assert_cmpstr (loy_campaign_get_segment_uuids (campaign)[0], ==, VIPS);
  g_assert_false (loy_campaign_get_visibility_all_time (campaign));
  g_assert_cmpint (loy_campaign_get_visible_from (campaign), ==, test_time_at (2026, 12, 24, 0, 0, 1));
  /* Defaults for the rest. */
  g_assert_true (loy_campaign_get_is_active (campaign));
  g_assert_true (loy_campaign_get_activity_all_time (campaign));
}

static void
test_json_read_errors (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "A campaign must be a JSON object" },
    { "{\"campaign_type\": \"gift_card\"}", "“gift_card” is not a campaign type" },
    { "{\"cost_in_points\": \"ten\"}", "“cost_in_points” must be a whole number or null" },
    { "{\"cost_in_points\": 1.5}", "“cost_in_points” must be a whole number or null" },
    { "{\"point_value\": 2.555}", "“point_value” must be an amount of money with at most two decimals" },
    { "{\"point_value\": \"2\"}", "“point_value” must be an amount of money or null" },
    { "{\"active\": 1}", "“active” must be true or false" },
    { "{\"activity\": {\"all_time\": false, \"from\": \"24 Dec\"}}",
      "“from” must be a time in ISO 8601, such as 2026-12-24T00:00:00+01:00" },
    { "{\"activity\": true}", "“activity” must be an object" },
    { "{\"levels\": [1]}", "“levels” must be a list of strings" },
    { "{\"labels\": [{\"value\": \"x\"}]}", "“labels” must be a list of {\"key\", \"value\"}" },
    { "{\"target\": \"everyone\"}", "“target” must be “level”, “segment” or null" },
    { "{\"connect_type\": \"nfc\"}", "“connect_type” must be “none”, “qr_code”, “geolocation” or null" },
    { "{\"translations\": {\"nl\": \"Zomer\"}}",
      "“translations” must be an object of languages, each an object of texts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (node);
      g_assert_null (loy_campaign_from_json (node, &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_json_availability_and_quote (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (60);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(LoyCampaign) cashback = test_cashback_new ("c1", 200, 1);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);
  g_autoptr(JsonNode) node = loy_availability_to_json (availability);
  g_autoptr(LoyCashbackQuote) quote = loy_cashback_quote (cashback, 50, 10000, 20, NULL);
  g_autoptr(JsonNode) quote_node = loy_cashback_quote_to_json (quote);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) problems_node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quote_text = NULL;

  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"uuid\":\"c0000000-0000-4000-8000-000000000001\",\"name\":\"Summer\","
                   "\"campaign_type\":\"discount_code\",\"listed\":true,\"available\":false,"
                   "\"can_buy\":false,\"points_needed\":40,\"reasons\":[{\"reason\":\"not_enough_points\","
                   "\"message\":\"Needs 40 more points\"}]}");

  quote_text = json_to_string (quote_node, FALSE);
  g_assert_cmpstr (quote_text, ==,
                   "{\"campaign_uuid\":\"c1\",\"point_value\":2,\"order_total\":100,"
                   "\"points_used\":20,\"discount\":40,\"to_pay\":60}");

  loy_campaign_set_cost_in_points (campaign, -1);
  problems = loy_campaign_validate (campaign, NULL);
  problems_node = loy_field_problems_to_json (problems);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_node_get_array (problems_node), 0), "field"), ==, "cost_in_points");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/type/names", test_type_names);
  g_test_add_func ("/campaigns/type/fields", test_type_fields);
  g_test_add_func ("/campaigns/model/properties-notify", test_properties_notify);
  g_test_add_func ("/campaigns/model/texts", test_texts);
  g_test_add_func ("/campaigns/model/labels", test_labels);
  g_test_add_func ("/campaigns/model/filled-fields", test_filled_fields);
  g_test_add_func ("/campaigns/model/status", test_status);
  g_test_add_func ("/campaigns/json/round-trip", test_json_round_trip);
  g_test_add_func ("/campaigns/json/read-subset", test_json_read_subset);
  g_test_add_func ("/campaigns/json/read-errors", test_json_read_errors);
  g_test_add_func ("/campaigns/json/availability-and-quote", test_json_availability_and_quote);

  return g_test_run ();
}
