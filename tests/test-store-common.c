/* test-store-common.c — the store tests every backend must pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-store-common.h"

#define UNKNOWN_UUID "00000000-0000-4000-8000-000000000000"

typedef void (*StoreTestBody) (LoyStore *store);

typedef struct
{
  LoyStoreFixtureFunc setup;
  LoyStoreFixtureFunc teardown;
  StoreTestBody       body;
} StoreTest;

/* Each test gets a fresh store from the backend's setup. */
static void
run_store_test (gconstpointer data)
{
  const StoreTest *test = data;
  LoyStoreFixture fixture = { NULL, NULL };

  test->setup (&fixture);
  g_assert_true (LOY_IS_STORE (fixture.store));

  test->body (fixture.store);

  test->teardown (&fixture);
}

static LoyPage *
query_rewards (LoyStore *store,
               guint     offset,
               guint     limit)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  page = loy_store_query_sync (store, query, offset, limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpuint (page->items->len, <=, limit);

  return page;
}

/* Every reward of the store, page by page, keyed by UUID. */
static GHashTable *
collect_rewards (LoyStore *store)
{
  GHashTable *rewards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint total = G_MAXUINT;

  for (guint offset = 0; offset < total; )
    {
      g_autoptr(LoyPage) page = query_rewards (store, offset, 50);

      total = page->total;
      g_assert_cmpuint (page->items->len, >, 0);
      for (guint i = 0; i < page->items->len; i++)
        {
          LoyReward *reward = g_ptr_array_index (page->items, i);

          g_assert_true (LOY_IS_REWARD (reward));
          g_hash_table_insert (rewards, (gpointer) loy_reward_get_uuid (reward), g_object_ref (reward));
        }
      offset += page->items->len;
    }

  g_assert_cmpuint (g_hash_table_size (rewards), ==, total);

  return rewards;
}

static LoyReward *
lookup_reward (LoyStore   *store,
               const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GObject *object = loy_store_lookup_sync (store, LOY_KIND_REWARD, uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_REWARD (object));

  return LOY_REWARD (object);
}

static const char *
get_custom_string (LoyReward  *reward,
                   const char *key)
{
  return json_object_get_string_member_with_default (loy_reward_get_custom_attributes (reward),
                                                     key, NULL);
}

static void
test_list_rewards (LoyStore *store)
{
  g_autoptr(GHashTable) rewards = collect_rewards (store);
  LoyReward *reward;

  g_assert_cmpuint (g_hash_table_size (rewards), >=, 4);

  reward = g_hash_table_lookup (rewards, SEED_REWARD_KRABBY_PATTY);
  g_assert_nonnull (reward);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Krabby Patty");
  g_assert_cmpstr (loy_reward_get_description (reward), ==,
                   "Choice between Kelp Shake, Coral Bits or Barnacle Chips");
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_PHYSICAL);
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 50);
  g_assert_true (loy_reward_get_is_active (reward));
  g_assert_false (loy_reward_get_pre_redeemable (reward));
  g_assert_cmpint (loy_reward_get_expiration_duration (reward), ==, LOY_UNSET);
  g_assert_cmpstr (get_custom_string (reward, "custom_attribute_one"), ==, "DEF");
  g_assert_cmpstr (get_custom_string (reward, "custom_attribute_two"), ==, "456");

  reward = g_hash_table_lookup (rewards, SEED_REWARD_JELLYFISH_NET);
  g_assert_nonnull (reward);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Jellyfish Net");
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 25);
  g_assert_cmpstr (loy_reward_get_media_value (reward), ==,
                   "https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce");
  g_assert_cmpstr (get_custom_string (reward, "custom_attribute_one"), ==, "ABC");

  reward = g_hash_table_lookup (rewards, SEED_REWARD_KELP_SHAKE_DELUXE);
  g_assert_nonnull (reward);
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 75);
  g_assert_true (loy_reward_get_pre_redeemable (reward));
  g_assert_cmpint (loy_reward_get_expiration_duration (reward), ==, 6307200);
  g_assert_cmpstr (get_custom_string (reward, "custom_attribute_two"), ==, "789");

  reward = g_hash_table_lookup (rewards, SEED_REWARD_KRUSTY_KRAB_HAT);
  g_assert_nonnull (reward);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Krusty Krab Hat");
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 150);
}

static void
test_paging (LoyStore *store)
{
  g_autoptr(LoyPage) first = query_rewards (store, 0, 2);
  g_autoptr(LoyPage) second = query_rewards (store, 2, 2);
  g_autoptr(LoyPage) both = query_rewards (store, 0, 4);

  g_assert_cmpuint (first->total, >=, 4);
  g_assert_cmpuint (second->total, ==, first->total);
  g_assert_cmpuint (both->total, ==, first->total);
  g_assert_cmpuint (first->items->len, ==, 2);
  g_assert_cmpuint (second->items->len, ==, 2);
  g_assert_cmpuint (both->items->len, ==, 4);

  /* The two pages are disjoint and together make the larger page. */
  for (guint i = 0; i < 4; i++)
    {
      LoyPage *page = i < 2 ? first : second;
      LoyReward *reward = g_ptr_array_index (page->items, i % 2);

      g_assert_cmpstr (loy_reward_get_uuid (reward), ==,
                       loy_reward_get_uuid (g_ptr_array_index (both->items, i)));
    }
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      g_assert_cmpstr (loy_reward_get_uuid (g_ptr_array_index (first->items, i)), !=,
                       loy_reward_get_uuid (g_ptr_array_index (second->items, j)));
}

static void
test_lookup (LoyStore *store)
{
  g_autoptr(LoyReward) reward = lookup_reward (store, SEED_REWARD_KELP_SHAKE_DELUXE);
  g_autoptr(GObject) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (loy_reward_get_uuid (reward), ==, SEED_REWARD_KELP_SHAKE_DELUXE);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Kelp Shake Deluxe");
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_PHYSICAL);
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 75);
  g_assert_cmpstr (get_custom_string (reward, "custom_attribute_one"), ==, "GHI");

  missing = loy_store_lookup_sync (store, LOY_KIND_REWARD, UNKNOWN_UUID, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_update (LoyStore *store)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(LoyReward) stored = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (changes, "title", "Krabby Patty Supreme");
  json_object_set_int_member (changes, "required_credits", 60);
  json_object_set_string_member (changes, "custom_attribute_one", "XYZ");

  updated = loy_store_update_reward_sync (store, SEED_REWARD_KRABBY_PATTY, changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (LOY_IS_REWARD (updated));
  g_assert_cmpstr (loy_reward_get_uuid (updated), ==, SEED_REWARD_KRABBY_PATTY);
  g_assert_cmpstr (loy_reward_get_title (updated), ==, "Krabby Patty Supreme");
  g_assert_cmpint (loy_reward_get_required_credits (updated), ==, 60);
  g_assert_cmpstr (get_custom_string (updated, "custom_attribute_one"), ==, "XYZ");

  stored = lookup_reward (store, SEED_REWARD_KRABBY_PATTY);
  g_assert_cmpstr (loy_reward_get_title (stored), ==, "Krabby Patty Supreme");
  g_assert_cmpint (loy_reward_get_required_credits (stored), ==, 60);
  g_assert_cmpstr (get_custom_string (stored, "custom_attribute_one"), ==, "XYZ");
  /* What the update did not name stays as it was. */
  g_assert_cmpstr (get_custom_string (stored, "custom_attribute_two"), ==, "456");
  g_assert_cmpstr (loy_reward_get_description (stored), ==,
                   "Choice between Kelp Shake, Coral Bits or Barnacle Chips");
  g_assert_cmpint (loy_reward_get_reward_type (stored), ==, LOY_REWARD_TYPE_PHYSICAL);
}

static void
assert_update_refused (LoyStore   *store,
                       const char *key,
                       JsonNode   *value)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(LoyReward) stored = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_member (changes, key, value);
  /* A valid change beside the invalid one must not be applied either. */
  json_object_set_string_member (changes, "description", "Should not be stored");

  updated = loy_store_update_reward_sync (store, SEED_REWARD_KRABBY_PATTY, changes, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (updated);

  stored = lookup_reward (store, SEED_REWARD_KRABBY_PATTY);
  g_assert_cmpstr (loy_reward_get_title (stored), ==, "Krabby Patty");
  g_assert_cmpint (loy_reward_get_required_credits (stored), ==, 50);
  g_assert_cmpstr (loy_reward_get_description (stored), ==,
                   "Choice between Kelp Shake, Coral Bits or Barnacle Chips");
}

static void
test_update_invalid (LoyStore *store)
{
  assert_update_refused (store, "required_credits", json_node_init_int (json_node_alloc (), -5));
  assert_update_refused (store, "title", json_node_init_string (json_node_alloc (), ""));
}

/* Contacts and points */

static LoyContact *
enroll (LoyStore   *store,
        const char *email,
        const char *first_name,
        const char *last_name)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(GError) error = NULL;
  LoyContact *enrolled;

  loy_contact_set_email (contact, email);
  loy_contact_set_first_name (contact, first_name);
  loy_contact_set_last_name (contact, last_name);

  enrolled = loy_store_enroll_contact_sync (store, contact, "desk", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (LOY_IS_CONTACT (enrolled));
  g_assert_nonnull (loy_contact_get_uuid (enrolled));

  return enrolled;
}

static LoyContact *
lookup_contact (LoyStore   *store,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GObject *object = loy_store_lookup_sync (store, LOY_KIND_CONTACT, uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_CONTACT (object));

  return LOY_CONTACT (object);
}

static gint64
get_balance (LoyStore   *store,
             const char *uuid)
{
  g_autoptr(LoyContact) contact = lookup_contact (store, uuid);

  return loy_contact_get_balance (contact);
}

static LoyPage *
query_history (LoyStore   *store,
               const char *contact_uuid)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->parent_uuid = g_strdup (contact_uuid);
  page = loy_store_query_sync (store, query, 0, 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);

  return page;
}

static void
test_enroll_and_find (LoyStore *store)
{
  g_autoptr(LoyContact) enrolled = enroll (store, "patrick.star@example.com", "Patrick", "Star");
  g_autoptr(LoyContact) stored = lookup_contact (store, loy_contact_get_uuid (enrolled));
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) found = NULL;
  g_autoptr(GObject) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (loy_contact_get_email (enrolled), ==, "patrick.star@example.com");
  g_assert_cmpstr (loy_contact_get_first_name (stored), ==, "Patrick");
  g_assert_cmpstr (loy_contact_get_last_name (stored), ==, "Star");
  g_assert_cmpstr (loy_contact_get_uuid (stored), ==, loy_contact_get_uuid (enrolled));

  /* An exact email finds the contact on every backend. */
  query->search = g_strdup ("patrick.star@example.com");
  found = loy_store_query_sync (store, query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->total, ==, 1);
  g_assert_cmpstr (loy_contact_get_uuid (g_ptr_array_index (found->items, 0)), ==,
                   loy_contact_get_uuid (enrolled));

  missing = loy_store_lookup_sync (store, LOY_KIND_CONTACT, UNKNOWN_UUID, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_award_redeem_reverse (LoyStore *store)
{
  g_autoptr(LoyContact) contact = enroll (store, "squidward@example.com", "Squidward", "Tentacles");
  const char *uuid = loy_contact_get_uuid (contact);
  LoyAward award = { .points = 60 };
  gint64 start = get_balance (store, uuid);
  g_autoptr(LoyLedgerEntry) credit = NULL;
  g_autoptr(LoyLedgerEntry) redemption = NULL;
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(LoyPage) history = NULL;
  g_autoptr(GError) error = NULL;

  credit = loy_store_award_points_sync (store, uuid, &award, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (credit), ==, LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  g_assert_cmpint (loy_ledger_entry_get_credits (credit), ==, 60);
  g_assert_cmpstr (loy_ledger_entry_get_contact_uuid (credit), ==, uuid);
  g_assert_cmpint (get_balance (store, uuid), ==, start + 60);

  redemption = loy_store_redeem_reward_sync (store, uuid, SEED_REWARD_KRABBY_PATTY, "desk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (redemption), ==, LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION);
  g_assert_cmpint (loy_ledger_entry_get_credits (redemption), ==, -50);
  g_assert_cmpstr (loy_ledger_entry_get_reward_uuid (redemption), ==, SEED_REWARD_KRABBY_PATTY);
  g_assert_cmpint (get_balance (store, uuid), ==, start + 10);

  /* Newest first, with both writes. */
  history = query_history (store, uuid);
  g_assert_cmpuint (history->items->len, >=, 2);
  g_assert_cmpstr (loy_ledger_entry_get_uuid (g_ptr_array_index (history->items, 0)), ==,
                   loy_ledger_entry_get_uuid (redemption));
  g_assert_cmpstr (loy_ledger_entry_get_uuid (g_ptr_array_index (history->items, 1)), ==,
                   loy_ledger_entry_get_uuid (credit));

  reversal = loy_store_reverse_entry_sync (store, loy_ledger_entry_get_uuid (redemption), "Wrong size",
                                           "desk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (reversal), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
  g_assert_cmpint (loy_ledger_entry_get_credits (reversal), ==, 50);
  g_assert_cmpstr (loy_ledger_entry_get_reverses_uuid (reversal), ==, loy_ledger_entry_get_uuid (redemption));
  g_assert_cmpint (get_balance (store, uuid), ==, start + 60);
}

static void
test_adjust (LoyStore *store)
{
  g_autoptr(LoyContact) contact = enroll (store, "gary@example.com", "Gary", NULL);
  const char *uuid = loy_contact_get_uuid (contact);
  LoyAward award = { .points = 30 };
  g_autoptr(LoyLedgerEntry) credit = NULL;
  g_autoptr(LoyLedgerEntry) adjustment = NULL;
  g_autoptr(LoyLedgerEntry) refused = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  credit = loy_store_award_points_sync (store, uuid, &award, NULL, &error);
  g_assert_no_error (error);
  start = get_balance (store, uuid);

  adjustment = loy_store_adjust_points_sync (store, uuid, -10, "Counted twice", "desk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (adjustment), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_assert_cmpint (loy_ledger_entry_get_credits (adjustment), ==, -10);
  g_assert_cmpstr (loy_ledger_entry_get_reason (adjustment), ==, "Counted twice");
  g_assert_cmpint (get_balance (store, uuid), ==, start - 10);

  /* Without a reason, nothing is written. */
  refused = loy_store_adjust_points_sync (store, uuid, -5, " ", "desk", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (refused);
  g_assert_cmpint (get_balance (store, uuid), ==, start - 10);
}

/* Every contact of the store, page by page with small pages (a remote
 * account's own pages are larger and ignore the limit), keyed by UUID. */
static GHashTable *
collect_contacts (LoyStore *store)
{
  GHashTable *contacts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  guint total = G_MAXUINT;

  for (guint offset = 0; offset < total; )
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LoyPage) page = loy_store_query_sync (store, query, offset, 3, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->items->len, >, 0);
      g_assert_cmpuint (page->items->len, <=, 3);
      g_assert_true (total == G_MAXUINT || page->total == total);
      total = page->total;
      for (guint i = 0; i < page->items->len; i++)
        {
          LoyContact *contact = g_ptr_array_index (page->items, i);

          g_assert_true (LOY_IS_CONTACT (contact));
          /* Each contact on exactly one page. */
          g_assert_false (g_hash_table_contains (contacts, loy_contact_get_uuid (contact)));
          g_hash_table_insert (contacts, (gpointer) loy_contact_get_uuid (contact), g_object_ref (contact));
        }
      offset += page->items->len;
    }

  g_assert_cmpuint (g_hash_table_size (contacts), ==, total);

  return contacts;
}

static void
test_list_contacts (LoyStore *store)
{
  static const char * const names[] = { "Pearl", "Plankton", "Karen", "Larry", "Mrs Puff" };
  g_autoptr(GHashTable) before = collect_contacts (store);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) enrolled = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("listed-%u@example.com", i);

      g_ptr_array_add (enrolled, enroll (store, email, names[i], NULL));
    }

  after = collect_contacts (store);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before) + G_N_ELEMENTS (names));
  for (guint i = 0; i < enrolled->len; i++)
    {
      LoyContact *contact = g_hash_table_lookup (after, loy_contact_get_uuid (enrolled->pdata[i]));

      g_assert_nonnull (contact);
      g_assert_cmpstr (loy_contact_get_first_name (contact), ==, names[i]);
      g_assert_cmpstr (loy_contact_get_email (contact), ==, loy_contact_get_email (enrolled->pdata[i]));
    }
}

/* Every record of @kind listed is found by its UUID, the same. */
static void
assert_listed_are_found (LoyStore    *store,
                         LoyKind      kind,
                         const char *(*get_uuid) (gpointer),
                         const char *(*get_name) (gpointer))
{
  g_autoptr(LoyQuery) query = loy_query_new (kind);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = loy_store_query_sync (store, query, 0, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, >, 0);
  g_assert_cmpuint (page->total, ==, page->items->len);

  for (guint i = 0; i < page->items->len; i++)
    {
      gpointer listed = page->items->pdata[i];
      g_autoptr(GObject) found = loy_store_lookup_sync (store, kind, get_uuid (listed), NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (get_uuid (found), ==, get_uuid (listed));
      g_assert_cmpstr (get_name (found), ==, get_name (listed));
      g_assert_cmpstr (get_name (found), !=, "");
    }
}

static void
test_levels_and_shops (LoyStore *store)
{
  assert_listed_are_found (store, LOY_KIND_LEVEL,
                           (gpointer) loy_level_get_uuid, (gpointer) loy_level_get_name);
  assert_listed_are_found (store, LOY_KIND_SHOP,
                           (gpointer) loy_shop_get_uuid, (gpointer) loy_shop_get_name);
}

static void
test_contact_attributes (LoyStore *store)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT_ATTRIBUTE);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = loy_store_query_sync (store, query, 0, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, >, 0);

  for (guint i = 0; i < page->items->len; i++)
    {
      LoyContactAttribute *attribute = page->items->pdata[i];

      g_assert_true (LOY_IS_CONTACT_ATTRIBUTE (attribute));
      g_assert_cmpstr (loy_contact_attribute_get_name (attribute), !=, "");
    }
}

static void
test_program (LoyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyProgram) program = loy_store_get_program_sync (store, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_PROGRAM (program));
}

void
loy_store_tests_add_common (const char          *backend,
                            LoyStoreFixtureFunc  setup,
                            LoyStoreFixtureFunc  teardown)
{
  static const struct
  {
    const char    *name;
    StoreTestBody  body;
  } tests[] = {
    { "list-rewards", test_list_rewards },
    { "paging", test_paging },
    { "lookup", test_lookup },
    { "update", test_update },
    { "update-invalid", test_update_invalid },
    { "enroll-and-find", test_enroll_and_find },
    { "award-redeem-reverse", test_award_redeem_reverse },
    { "adjust", test_adjust },
    { "list-contacts", test_list_contacts },
    { "levels-and-shops", test_levels_and_shops },
    { "contact-attributes", test_contact_attributes },
    { "program", test_program },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/%s/%s", backend, tests[i].name);
      StoreTest *test = g_new0 (StoreTest, 1);

      test->setup = setup;
      test->teardown = teardown;
      test->body = tests[i].body;
      g_test_add_data_func_full (path, test, run_store_test, g_free);
    }
}
