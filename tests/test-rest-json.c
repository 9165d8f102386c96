/* test-rest-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "loy-json.h"
#include "rest/loy-rest-json.h"

static LoyReward *
reward_from_string (const char  *json,
                    GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return loy_reward_from_json (node, error);
}

static void
test_cost_price (void)
{
  static const struct {
    const char *json;
    gint64      cents;
  } cases[] = {
    { "{\"uuid\": \"u\", \"cost_price\": 5}", 500 },
    { "{\"uuid\": \"u\", \"cost_price\": 19.99}", 1999 },
    { "{\"uuid\": \"u\", \"cost_price\": 0.125}", 13 },
    { "{\"uuid\": \"u\", \"cost_price\": 0}", 0 },
    { "{\"uuid\": \"u\", \"cost_price\": null}", LOY_UNSET },
    { "{\"uuid\": \"u\"}", LOY_UNSET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LoyReward) reward = reward_from_string (cases[i].json, &error);

      g_assert_no_error (error);
      g_assert_cmpint (loy_reward_get_cost_price_cents (reward), ==, cases[i].cents);
    }
}

static void
test_aliases_and_nulls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyReward) reward = NULL;

  reward = reward_from_string ("{\"uuid\": \"u\", \"active\": false, \"type\": \"DIGITAL\","
                               " \"required_credits\": 25.0, \"media\": null, \"title\": null,"
                               " \"stock\": 3, \"expiration_duration\": null, \"id\": null,"
                               " \"nested\": {\"a\": [1, 2]}}",
                               &error);
  g_assert_no_error (error);
  g_assert_false (loy_reward_get_is_active (reward));
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 25);
  g_assert_null (loy_reward_get_media_type (reward));
  g_assert_null (loy_reward_get_media_value (reward));
  g_assert_null (loy_reward_get_title (reward));
  g_assert_cmpint (loy_reward_get_stock (reward), ==, 3);
  g_assert_cmpint (loy_reward_get_expiration_duration (reward), ==, LOY_UNSET);
  g_assert_cmpint (loy_reward_get_id (reward), ==, 0);
  g_assert_true (json_object_has_member (loy_reward_get_custom_attributes (reward), "nested"));
  g_assert_cmpuint (json_object_get_size (loy_reward_get_custom_attributes (reward)), ==, 1);
}

static void
test_refused (void)
{
  static const char * const cases[] = {
    "{\"uuid\": \"u\", \"required_credits\": 2.5}",
    "{\"uuid\": \"u\", \"required_credits\": 1e300}",
    "{\"uuid\": \"u\", \"cost_price\": -1}",
    "{\"uuid\": \"u\", \"cost_price\": 1e300}",
    "{\"uuid\": \"u\", \"id\": -4}",
    "{\"uuid\": \"\"}",
    "{\"uuid\": null}",
    "{\"uuid\": \"u\", \"title\": [\"a\"]}",
    "{\"uuid\": \"u\", \"pre_redeemable\": \"yes\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LoyReward) reward = reward_from_string (cases[i], &error);

      g_test_message ("case %u: %s", i, cases[i]);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
      g_assert_null (reward);
    }
}

static void
test_envelope_total (void)
{
  static const struct {
    const char *json;
    gboolean    has_total;
    guint       total;
  } cases[] = {
    { "{\"data\": [], \"meta\": {\"total\": 12}}", TRUE, 12 },
    { "{\"data\": [], \"meta\": {}}", FALSE, 0 },
    { "{\"data\": []}", FALSE, 0 },
    { "{\"data\": [], \"meta\": []}", FALSE, 0 },
    { "{\"data\": [], \"meta\": {\"total\": \"12\"}}", FALSE, 0 },
    { "{\"data\": [], \"meta\": {\"total\": -1}}", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) envelope = loy_rest_parse_envelope (body, &error);
      guint total = 0;

      g_assert_no_error (error);
      g_assert_cmpint (loy_rest_envelope_get_total (json_node_get_object (envelope), &total), ==,
                       cases[i].has_total);
      g_assert_cmpuint (total, ==, cases[i].total);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rest-json/cost-price", test_cost_price);
  g_test_add_func ("/rest-json/aliases-and-nulls", test_aliases_and_nulls);
  g_test_add_func ("/rest-json/refused", test_refused);
  g_test_add_func ("/rest-json/envelope-total", test_envelope_total);

  return g_test_run ();
}
