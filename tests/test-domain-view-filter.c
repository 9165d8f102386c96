/* test-domain-view-filter.c — a view filter read from and written as the API's JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"

static void
assert_json_equal (JsonNode   *node,
                   const char *expected_json)
{
  g_autoptr(JsonNode) expected = json_from_string (expected_json, NULL);
  g_autofree char *actual_json = json_to_string (node, FALSE);

  g_assert_nonnull (expected);
  if (!json_node_equal (node, expected))
    g_error ("%s is not %s", actual_json, expected_json);
}

static LoyViewFilter *
view_filter_from_string (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);

  return loy_view_filter_from_json (node, error);
}

static void
test_view_filter_empty (void)
{
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyViewFilter) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) null_node = json_node_init_null (json_node_alloc ());
  g_autoptr(GError) error = NULL;
  const char * const no_shops[] = { NULL };

  g_assert_true (loy_view_filter_is_empty (filter));
  g_assert_cmpint (filter->platforms, ==, 0);
  g_assert_null (filter->shop_uuids);
  g_assert_cmpint (filter->condition, ==, LOY_CONDITION_NONE);

  node = loy_view_filter_to_json (filter);
  assert_json_equal (node, "{}");

  /* An empty shop list is no shop restriction. */
  filter->shop_uuids = g_strdupv ((char **) no_shops);
  g_assert_true (loy_view_filter_is_empty (filter));
  g_clear_pointer (&node, json_node_unref);
  node = loy_view_filter_to_json (filter);
  assert_json_equal (node, "{}");

  filter->condition = LOY_CONDITION_IS_SET;
  g_assert_false (loy_view_filter_is_empty (filter));
  filter->condition = LOY_CONDITION_NONE;
  filter->platforms = LOY_PLATFORM_BUSINESS_APP;
  g_assert_false (loy_view_filter_is_empty (filter));

  copy = loy_view_filter_from_json (null_node, &error);
  g_assert_no_error (error);
  g_assert_true (loy_view_filter_is_empty (copy));
  g_clear_pointer (&copy, loy_view_filter_free);

  copy = view_filter_from_string ("{\"platforms\": null, \"shops\": null, \"contact\": null}", &error);
  g_assert_no_error (error);
  g_assert_true (loy_view_filter_is_empty (copy));
  g_clear_pointer (&copy, loy_view_filter_free);

  copy = view_filter_from_string ("{\"platforms\": [], \"shops\": []}", &error);
  g_assert_no_error (error);
  g_assert_true (loy_view_filter_is_empty (copy));
}

static void
test_view_filter_round_trip (void)
{
  static const char * const documents[] = {
    "{\"platforms\": [\"BUSINESS_APP\", \"CUSTOMER_APP\"]}",
    "{\"platforms\": [\"CUSTOMER_APP\"],"
    " \"shops\": [\"a1b2c3d4-0000-4000-8000-000000000004\", \"a1b2c3d4-0000-4000-8000-000000000005\"]}",
    "{\"contact\": {\"type\": \"EQUALS\", \"attribute\": \"city\", \"value\": \"Bikini Bottom\"}}",
    "{\"contact\": {\"type\": \"NOT_EQUALS\", \"attribute\": \"city\", \"value\": \"\"}}",
    "{\"contact\": {\"type\": \"IS_SET\", \"attribute\": \"phone\"}}",
    "{\"platforms\": [\"CUSTOMER_APP\"],"
    " \"contact\": {\"type\": \"DATE_WINDOW\", \"attribute\": \"date_of_birth\","
    "             \"days_before\": 7, \"days_after\": 366}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(LoyViewFilter) filter = NULL;
      g_autoptr(LoyViewFilter) copy = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonNode) copy_node = NULL;
      g_autoptr(GError) error = NULL;

      filter = view_filter_from_string (documents[i], &error);
      g_assert_no_error (error);
      g_assert_false (loy_view_filter_is_empty (filter));

      node = loy_view_filter_to_json (filter);
      assert_json_equal (node, documents[i]);

      copy = loy_view_filter_copy (filter);
      g_assert_true (copy->shop_uuids == NULL || copy->shop_uuids != filter->shop_uuids);
      g_assert_true (copy->attribute == NULL || copy->attribute != filter->attribute);
      copy_node = loy_view_filter_to_json (copy);
      assert_json_equal (copy_node, documents[i]);
    }
}

static void
test_view_filter_fields (void)
{
  g_autoptr(LoyViewFilter) filter = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char * const shops[] = { "a1b2c3d4-0000-4000-8000-000000000004", NULL };

  /* Irrelevant members are not kept; days default to 0. */
  filter = view_filter_from_string ("{\"platforms\": [\"CUSTOMER_APP\", \"CUSTOMER_APP\"],"
                                    " \"shops\": [\"a1b2c3d4-0000-4000-8000-000000000004\"],"
                                    " \"contact\": {\"type\": \"DATE_WINDOW\","
                                    "               \"attribute\": \"date_of_birth\","
                                    "               \"value\": \"ignored\", \"days_after\": null},"
                                    " \"unknown\": true}",
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (filter->platforms, ==, LOY_PLATFORM_CUSTOMER_APP);
  g_assert_cmpstrv (filter->shop_uuids, shops);
  g_assert_cmpint (filter->condition, ==, LOY_CONDITION_DATE_WINDOW);
  g_assert_cmpstr (filter->attribute, ==, "date_of_birth");
  g_assert_null (filter->value);
  g_assert_cmpuint (filter->days_before, ==, 0);
  g_assert_cmpuint (filter->days_after, ==, 0);

  node = loy_view_filter_to_json (filter);
  assert_json_equal (node,
                     "{\"platforms\": [\"CUSTOMER_APP\"],"
                     " \"shops\": [\"a1b2c3d4-0000-4000-8000-000000000004\"],"
                     " \"contact\": {\"type\": \"DATE_WINDOW\", \"attribute\": \"date_of_birth\","
                     "               \"days_before\": 0, \"days_after\": 0}}");
}

static void
test_view_filter_errors (void)
{
  /* Each invalid document and a word its message must name. */
  static const struct {
    const char *json;
    const char *named;
  } cases[] = {
    { "[]", "object" },
    { "\"BUSINESS_APP\"", "object" },
    { "{\"platforms\": \"BUSINESS_APP\"}", "platforms" },
    { "{\"platforms\": [1]}", "platforms" },
    { "{\"platforms\": [\"TABLET_APP\"]}", "TABLET_APP" },
    { "{\"platforms\": [\"business_app\"]}", "business_app" },
    { "{\"shops\": {}}", "shops" },
    { "{\"shops\": [42]}", "shops" },
    { "{\"shops\": [\"\"]}", "shops" },
    { "{\"contact\": \"EQUALS\"}", "contact" },
    { "{\"contact\": {}}", "type" },
    { "{\"contact\": {\"type\": 3, \"attribute\": \"city\"}}", "type" },
    { "{\"contact\": {\"type\": \"NONE\", \"attribute\": \"city\"}}", "NONE" },
    { "{\"contact\": {\"type\": \"CONTAINS\", \"attribute\": \"city\"}}", "CONTAINS" },
    { "{\"contact\": {\"type\": \"IS_SET\"}}", "attribute" },
    { "{\"contact\": {\"type\": \"IS_SET\", \"attribute\": \"\"}}", "attribute" },
    { "{\"contact\": {\"type\": \"IS_SET\", \"attribute\": null}}", "attribute" },
    { "{\"contact\": {\"type\": \"EQUALS\", \"attribute\": \"city\"}}", "value" },
    { "{\"contact\": {\"type\": \"NOT_EQUALS\", \"attribute\": \"city\", \"value\": 5}}", "value" },
    { "{\"contact\": {\"type\": \"DATE_WINDOW\", \"attribute\": \"date_of_birth\","
      " \"days_before\": -1}}", "days_before" },
    { "{\"contact\": {\"type\": \"DATE_WINDOW\", \"attribute\": \"date_of_birth\","
      " \"days_after\": 367}}", "days_after" },
    { "{\"contact\": {\"type\": \"DATE_WINDOW\", \"attribute\": \"date_of_birth\","
      " \"days_before\": 1.5}}", "days_before" },
    { "{\"contact\": {\"type\": \"DATE_WINDOW\", \"attribute\": \"date_of_birth\","
      " \"days_after\": \"7\"}}", "days_after" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoyViewFilter) filter = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].json);
      filter = view_filter_from_string (cases[i].json, &error);
      g_assert_null (filter);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/domain/view-filter/empty", test_view_filter_empty);
  g_test_add_func ("/domain/view-filter/round-trip", test_view_filter_round_trip);
  g_test_add_func ("/domain/view-filter/fields", test_view_filter_fields);
  g_test_add_func ("/domain/view-filter/errors", test_view_filter_errors);

  return g_test_run ();
}
