/* test-json.c — every kind's JSON read back into an equal object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-core.h"

/* Writes @node, reads it with @from_json, writes that again: a field
 * lost or changed either way shows as a difference of the two texts. */
static void
assert_round_trip (JsonNode  *node,
                   gpointer (*from_json) (JsonNode *, GError **),
                   JsonNode *(*to_json) (gpointer))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) read_back = from_json (node, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *expected = json_to_string (node, TRUE);
  g_autofree char *actual = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (read_back);
  again = to_json (read_back);
  actual = json_to_string (again, TRUE);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_true (json_node_equal (again, node));
}

static void
test_reward (void)
{
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) bare = loy_reward_new ();
  const char *shops[] = { "8d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a", NULL };
  LoyViewFilter filter = {
    .platforms = LOY_PLATFORM_CUSTOMER_APP,
    .shop_uuids = (GStrv) shops,
    .condition = LOY_CONDITION_EQUALS,
    .attribute = (char *) "city",
    .value = (char *) "Bikini Bottom",
  };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) bare_node = NULL;
  g_autoptr(JsonNode) flavour = json_node_init_string (json_node_alloc (), "salty");

  loy_reward_set_uuid (reward, "5f0c6a1e-2f8b-4d3a-9a51-7d2b1e0c4f10");
  loy_reward_set_title (reward, "Kelp shake");
  loy_reward_set_description (reward, "With \"extra\" kelp\n");
  loy_reward_set_reward_type (reward, LOY_REWARD_TYPE_DIGITAL);
  loy_reward_set_is_active (reward, FALSE);
  loy_reward_set_required_credits (reward, 120);
  loy_reward_set_media (reward, "image", "https://example.com/kelp.png");
  loy_reward_set_cost_price_cents (reward, 1999);
  loy_reward_set_stock (reward, 7);
  loy_reward_set_pre_redeemable (reward, TRUE);
  loy_reward_set_expiration_duration (reward, 3600);
  loy_reward_set_code_group_uuid (reward, "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e");
  loy_reward_set_codes_available (reward, 40);
  loy_reward_set_custom_attribute (reward, "flavour", flavour);
  loy_reward_set_view_filter (reward, &filter);

  node = loy_reward_to_json (reward);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "flavour"), ==,
                   "salty");
  assert_round_trip (node, (gpointer) loy_reward_from_json, (gpointer) loy_reward_to_json);

  /* Every unset field is null, and reads back unset. */
  loy_reward_set_uuid (bare, "u");
  bare_node = loy_reward_to_json (bare);
  g_assert_true (json_object_get_null_member (json_node_get_object (bare_node), "stock"));
  assert_round_trip (bare_node, (gpointer) loy_reward_from_json, (gpointer) loy_reward_to_json);
}

static void
test_contact (void)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) bare = loy_contact_new ();
  g_autoptr(JsonNode) birthday = json_node_init_string (json_node_alloc (), "1990-04-01");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) bare_node = NULL;

  loy_contact_set_uuid (contact, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
  loy_contact_set_email (contact, "sandy@example.com");
  loy_contact_set_first_name (contact, "Sandy");
  loy_contact_set_last_name (contact, "Cheeks");
  loy_contact_set_balance (contact, 250);
  loy_contact_set_level (contact, "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "Gold");
  loy_contact_set_next_expiry (contact, 40, 1798761600);
  loy_contact_set_attribute (contact, "date_of_birth", birthday);
  loy_contact_set_created_at (contact, 1767225600);

  node = loy_contact_to_json (contact);
  assert_round_trip (node, (gpointer) loy_contact_from_json, (gpointer) loy_contact_to_json);

  loy_contact_set_uuid (bare, "u");
  bare_node = loy_contact_to_json (bare);
  g_assert_true (json_object_get_null_member (json_node_get_object (bare_node), "level"));
  assert_round_trip (bare_node, (gpointer) loy_contact_from_json, (gpointer) loy_contact_to_json);
}

static void
test_ledger_entry (void)
{
  g_autoptr(LoyLedgerEntry) redemption = loy_ledger_entry_new ();
  g_autoptr(LoyLedgerEntry) purchase = loy_ledger_entry_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) purchase_node = NULL;

  loy_ledger_entry_set_uuid (redemption, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
  loy_ledger_entry_set_contact_uuid (redemption, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
  loy_ledger_entry_set_entry_type (redemption, LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION);
  loy_ledger_entry_set_credits (redemption, -120);
  loy_ledger_entry_set_operator (redemption, "sandy");
  loy_ledger_entry_set_reward (redemption, "5f0c6a1e-2f8b-4d3a-9a51-7d2b1e0c4f10", "Kelp shake");
  loy_ledger_entry_set_code (redemption, "KELP-0001");
  loy_ledger_entry_set_reversed (redemption, TRUE);
  loy_ledger_entry_set_created_at (redemption, 1767225600);

  node = loy_ledger_entry_to_json (redemption);
  assert_round_trip (node, (gpointer) loy_ledger_entry_from_json,
                     (gpointer) loy_ledger_entry_to_json);

  loy_ledger_entry_set_uuid (purchase, "3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f");
  loy_ledger_entry_set_contact_uuid (purchase, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
  loy_ledger_entry_set_credits (purchase, 12);
  loy_ledger_entry_set_reason (purchase, "Order 17");
  loy_ledger_entry_set_purchase_amount_cents (purchase, 1250);
  loy_ledger_entry_set_reverses_uuid (purchase, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
  loy_ledger_entry_set_created_at (purchase, 1767225601);

  purchase_node = loy_ledger_entry_to_json (purchase);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (purchase_node),
                                                    "purchase_amount"), ==, 12.5);
  assert_round_trip (purchase_node, (gpointer) loy_ledger_entry_from_json,
                     (gpointer) loy_ledger_entry_to_json);
}

static void
test_code_group (void)
{
  g_autoptr(LoyCodeGroup) group = loy_code_group_new ();
  g_autoptr(JsonNode) node = NULL;

  loy_code_group_set_uuid (group, "0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e");
  loy_code_group_set_reward_uuid (group, "5f0c6a1e-2f8b-4d3a-9a51-7d2b1e0c4f10");
  loy_code_group_set_name (group, "Kelp shake codes");
  loy_code_group_set_counts (group, 100, 40);
  loy_code_group_set_issued_last_30_days (group, 21);
  loy_code_group_set_low_stock_threshold (group, 15);

  node = loy_code_group_to_json (group);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "issued"), ==, 60);
  assert_round_trip (node, (gpointer) loy_code_group_from_json, (gpointer) loy_code_group_to_json);
}

/* A member of the wrong type is refused by name, not read as a default. */
static void
test_refused (void)
{
  static const struct {
    gpointer    from_json;
    const char *json;
    const char *member;
  } cases[] = {
    { loy_contact_from_json, "{\"uuid\": \"u\", \"email\": 5}", "email" },
    { loy_contact_from_json, "{\"uuid\": \"u\", \"credit_balance\": {\"balance\": \"9\"}}", "balance" },
    { loy_contact_from_json, "{\"uuid\": \"u\", \"created_at\": \"yesterday\"}", "created_at" },
    { loy_ledger_entry_from_json, "{\"uuid\": \"u\", \"type\": \"GIFT\"}", "type" },
    { loy_ledger_entry_from_json, "{\"uuid\": \"u\", \"purchase_amount\": 1.234}", "purchase_amount" },
    { loy_code_group_from_json, "{\"uuid\": \"u\", \"total\": true}", "total" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GObject *(*from_json) (JsonNode *, GError **) = cases[i].from_json;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = from_json (node, &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (object);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, cases[i].member));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/reward", test_reward);
  g_test_add_func ("/json/contact", test_contact);
  g_test_add_func ("/json/ledger-entry", test_ledger_entry);
  g_test_add_func ("/json/code-group", test_code_group);
  g_test_add_func ("/json/refused", test_refused);

  return g_test_run ();
}
