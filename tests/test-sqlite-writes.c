/* test-sqlite-writes.c — rewards created and deleted on the local
 * store, and its append-only ledger and balances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sqlite-fixture.h"
#include "test-store-common.h"

static LoyReward *
create_reward (LoySqliteStore *store,
               const char     *title,
               LoyRewardType   reward_type,
               gint64          required_credits,
               GError        **error)
{
  g_autoptr(LoyReward) reward = loy_reward_new ();

  loy_reward_set_title (reward, title);
  loy_reward_set_reward_type (reward, reward_type);
  loy_reward_set_required_credits (reward, required_credits);
  loy_reward_set_stock (reward, 12);

  return loy_store_create_reward_sync (LOY_STORE (store), reward, NULL, error);
}

static guint
count_code_groups_named (LoySqliteStore *store,
                         const char     *name)
{
  g_autoptr(LoyQuery) groups = loy_query_new (LOY_KIND_CODE_GROUP);
  g_autoptr(LoyPage) page = NULL;
  guint count = 0;

  groups->search = g_strdup (name);
  page = test_sqlite_query (store, groups, 0, 100);
  for (guint i = 0; i < page->items->len; i++)
    count += g_str_equal (loy_code_group_get_name (g_ptr_array_index (page->items, i)), name);

  return count;
}

static void
assert_reward_absent (LoySqliteStore *store,
                      const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = loy_store_lookup_sync (LOY_STORE (store), LOY_KIND_REWARD, uuid,
                                                     NULL, &error);

  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, uuid));
  g_assert_null (object);
}

static void
test_create_delete (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(LoyReward) physical = NULL;
  g_autoptr(LoyReward) digital = NULL;
  g_autoptr(LoyReward) invalid = NULL;
  g_autoptr(GObject) found = NULL;
  g_autoptr(GError) error = NULL;

  physical = create_reward (fixture->store, "Sandy's Karate Lesson", LOY_REWARD_TYPE_PHYSICAL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (loy_reward_get_uuid (physical)));
  g_assert_cmpstr (loy_reward_get_title (physical), ==, "Sandy's Karate Lesson");
  g_assert_cmpint (loy_reward_get_stock (physical), ==, 12);
  g_assert_cmpint (loy_reward_get_cost_price_cents (physical), ==, LOY_UNSET);
  g_assert_cmpuint (count_code_groups_named (fixture->store, "Sandy's Karate Lesson"), ==, 0);

  digital = create_reward (fixture->store, "Bubble Party Voucher", LOY_REWARD_TYPE_DIGITAL, 35, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_reward_get_reward_type (digital), ==, LOY_REWARD_TYPE_DIGITAL);
  g_assert_cmpuint (count_code_groups_named (fixture->store, "Bubble Party Voucher"), ==, 1);

  found = loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD,
                                 loy_reward_get_uuid (digital), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_reward_get_required_credits (LOY_REWARD (found)), ==, 35);

  /* Its code group knows which reward it serves, by UUID and by title. */
  {
    g_autoptr(GObject) group = loy_store_lookup_sync (LOY_STORE (fixture->store),
                                                      LOY_KIND_CODE_GROUP,
                                                      loy_reward_get_code_group_uuid (LOY_REWARD (found)),
                                                      NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (loy_code_group_get_reward_uuid (LOY_CODE_GROUP (group)), ==,
                     loy_reward_get_uuid (digital));
    g_assert_cmpstr (loy_code_group_get_reward_title (LOY_CODE_GROUP (group)), ==,
                     "Bubble Party Voucher");
  }

  invalid = create_reward (fixture->store, "  ", LOY_REWARD_TYPE_PHYSICAL, 10, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (invalid);
  g_clear_error (&error);
  invalid = create_reward (fixture->store, "Negative", LOY_REWARD_TYPE_PHYSICAL, -1, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (invalid);
  g_clear_error (&error);

  g_assert_true (loy_store_delete_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD,
                                               loy_reward_get_uuid (physical), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loy_store_delete_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD,
                                               loy_reward_get_uuid (digital), NULL, &error));
  g_assert_no_error (error);
  assert_reward_absent (fixture->store, loy_reward_get_uuid (physical));
  assert_reward_absent (fixture->store, loy_reward_get_uuid (digital));
  g_assert_cmpuint (count_code_groups_named (fixture->store, "Bubble Party Voucher"), ==, 0);

  g_assert_false (loy_store_delete_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD,
                                                loy_reward_get_uuid (digital), NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
}

static void
assert_delete_conflicts (LoySqliteStore *store,
                         const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) still_there = NULL;

  g_assert_false (loy_store_delete_sync (LOY_STORE (store), LOY_KIND_REWARD, uuid, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_clear_error (&error);

  still_there = loy_store_lookup_sync (LOY_STORE (store), LOY_KIND_REWARD, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (still_there);
}

static void
test_delete_conflict (TestSqliteFixture *fixture,
                      gconstpointer      data)
{
  sqlite3 *db = test_sqlite_open_raw (fixture->path);

  /* A contact who received a Krabby Patty. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits,"
                                 " reward_id, created_at)"
                                 " SELECT 'a6c0b2f4-9a35-4d0c-8e1e-1c2f3a4b5c6d', c.id,"
                                 "  'REWARD_RECEPTION', -50, r.id, 1700000000"
                                 " FROM contacts AS c, rewards AS r"
                                 " WHERE r.uuid = '" SEED_REWARD_KRABBY_PATTY "'"
                                 " AND c.balance >= 50 LIMIT 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  assert_delete_conflicts (fixture->store, SEED_REWARD_KRABBY_PATTY);
  /* The demo hands out Jellyfish Net codes. */
  assert_delete_conflicts (fixture->store, SEED_REWARD_JELLYFISH_NET);
}

static void
test_ledger_append_only (TestSqliteFixture *fixture,
                         gconstpointer      data)
{
  static const char * const statements[] = {
    "UPDATE ledger_entries SET credits = credits + 1000 WHERE id = 1",
    "DELETE FROM ledger_entries WHERE id = 1",
    "DELETE FROM ledger_entries",
  };
  sqlite3 *db = test_sqlite_open_raw (fixture->path);
  gint64 n_entries = test_sqlite_int (db, "SELECT count(*) FROM ledger_entries");

  g_assert_cmpint (n_entries, >, TEST_SQLITE_DEMO_CONTACTS);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_assert_cmpint (sqlite3_exec (db, statements[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
    }
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM ledger_entries"), ==, n_entries);

  /* An overdraft is refused by the balance CHECK, through the ledger trigger. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits,"
                                 " created_at) SELECT 'b6c0b2f4-9a35-4d0c-8e1e-1c2f3a4b5c6d', id,"
                                 " 'ADJUSTMENT', -balance - 1, 1700000000 FROM contacts LIMIT 1",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

static void
test_balances (TestSqliteFixture *fixture,
               gconstpointer      data)
{
  sqlite3 *db = test_sqlite_open_raw (fixture->path);

  g_assert_cmpint (test_sqlite_int (db,
                              "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                              " (SELECT coalesce (sum (credits), 0) FROM ledger_entries"
                              "  WHERE contact_id = c.id)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (db,
                              "SELECT count(*) FROM contacts AS c WHERE c.level_id IS NOT"
                              " (SELECT id FROM levels WHERE threshold <= c.balance"
                              "  ORDER BY threshold DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM contacts WHERE id NOT IN"
                                  " (SELECT contact_id FROM ledger_entries WHERE entry_type = 'WELCOME')"),
                   ==, 0);
  /* Every issued code has its reward reception or campaign purchase. */
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM codes WHERE contact_id IS NOT NULL"), >, 0);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM codes AS k WHERE contact_id IS NOT NULL"
                                  " AND NOT EXISTS (SELECT 1 FROM ledger_entries AS e"
                                  "  WHERE e.code_id = k.id AND e.contact_id = k.contact_id"
                                  "  AND e.entry_type IN ('REWARD_RECEPTION', 'CAMPAIGN_PURCHASE'))"),
                   ==, 0);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(DISTINCT lower (email)) FROM contacts"), ==, TEST_SQLITE_DEMO_CONTACTS);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST_SQLITE_ADD_DEMO ("/sqlite/rewards/create-delete", test_create_delete);
  TEST_SQLITE_ADD_DEMO ("/sqlite/rewards/delete-conflict", test_delete_conflict);
  TEST_SQLITE_ADD_DEMO ("/sqlite/ledger/append-only", test_ledger_append_only);
  TEST_SQLITE_ADD_DEMO ("/sqlite/ledger/balances", test_balances);

  return g_test_run ();
}
