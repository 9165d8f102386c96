/* test-sqlite-demo.c — demo data in the local store: the same
 * seed gives the same database, async and cancelled fills, what it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sqlite/loy-sqlite-db.h"
#include "test-sqlite-fixture.h"
#include "test-store-common.h"

/* Every row of @sql, one line each, for comparing databases. */
static char *
raw_dump (sqlite3    *db,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, i));
      g_string_append_c (dump, '\n');
    }

  return g_string_free (dump, FALSE);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static char *
dump_demo (const char *path)
{
  sqlite3 *db = test_sqlite_open_raw (path);
  g_autofree char *rewards = raw_dump (db, "SELECT * FROM rewards ORDER BY id");
  g_autofree char *contacts = raw_dump (db, "SELECT * FROM contacts ORDER BY id");
  g_autofree char *ledger = raw_dump (db, "SELECT * FROM ledger_entries ORDER BY id");
  g_autofree char *codes = raw_dump (db, "SELECT * FROM codes ORDER BY id");
  g_autofree char *campaigns = raw_dump (db, "SELECT * FROM campaigns ORDER BY id");

  sqlite3_close (db);

  return g_strconcat (rewards, contacts, ledger, codes, campaigns, NULL);
}

static void
test_demo_deterministic (TestSqliteFixture *fixture,
                         gconstpointer      data)
{
  TestSqliteFixture same_seed = { NULL };
  TestSqliteFixture other_seed = { NULL };
  LoyDemoOptions other_options = test_sqlite_demo_options;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *same_dump = NULL;
  g_autofree char *other_dump = NULL;

  test_sqlite_fixture_setup_demo (&same_seed, NULL);
  test_sqlite_fixture_setup (&other_seed, NULL);
  other_options.seed++;
  test_sqlite_fixture_populate (&other_seed, &other_options);

  dump = dump_demo (fixture->path);
  same_dump = dump_demo (same_seed.path);
  other_dump = dump_demo (other_seed.path);

  g_assert_cmpuint (strlen (dump), >, 10000);
  g_assert_cmpstr (dump, ==, same_dump);
  g_assert_cmpstr (dump, !=, other_dump);

  /* Demo data only goes into an empty database. */
  g_assert_false (loy_sqlite_store_populate_demo (fixture->store, &test_sqlite_demo_options, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);

  test_sqlite_fixture_teardown (&same_seed, NULL);
  test_sqlite_fixture_teardown (&other_seed, NULL);
}

static void
test_demo_async_cancelled (TestSqliteFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  loy_sqlite_store_populate_demo_async (fixture->store, &test_sqlite_demo_options, cancellable,
                                        store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (loy_sqlite_store_populate_demo_finish (fixture->store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (loy_sqlite_store_is_empty (fixture->store));
}

static void
test_demo_async (TestSqliteFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyContact) contact = NULL;

  loy_sqlite_store_populate_demo_async (fixture->store, &test_sqlite_demo_options, NULL,
                                        store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (loy_sqlite_store_populate_demo_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  contact = test_sqlite_first_contact (fixture->store);
}

static void
test_demo_content (TestSqliteFixture *fixture,
                   gconstpointer      data)
{
  static const struct { LoyKind kind; guint total; } expected[] = {
    { LOY_KIND_SHOP, 3 },
    { LOY_KIND_LEVEL, 3 },
    { LOY_KIND_SEGMENT, 3 },
    { LOY_KIND_CAMPAIGN, 10 },
    { LOY_KIND_CONTACT, TEST_SQLITE_DEMO_CONTACTS },
    { LOY_KIND_REWARD, 4 + 14 },
  };
  g_autoptr(LoyQuery) groups = loy_query_new (LOY_KIND_CODE_GROUP);
  g_autoptr(LoyQuery) campaigns = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) group_page = test_sqlite_query (fixture->store, groups, 0, 100);
  g_autoptr(LoyPage) campaign_page = test_sqlite_query (fixture->store, campaigns, 0, 100);
  LoyStoreCapabilities capabilities = loy_store_get_capabilities (LOY_STORE (fixture->store));
  g_autofree char *description = loy_store_get_description (LOY_STORE (fixture->store));
  guint cashback_with_value = 0;
  guint types_seen = 0;
  gboolean jellyfish_seen = FALSE;
  guint n_campaign_groups = 0;

  g_assert_cmpstr (description, ==, fixture->path);
  g_assert_true (capabilities & loy_kind_get_list_capability (LOY_KIND_CODE_GROUP));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (capabilities & loy_kind_get_list_capability (expected[i].kind));
  g_assert_true (loy_store_can (LOY_STORE (fixture->store),
                                LOY_STORE_CAN_CREATE_REWARDS | LOY_STORE_CAN_UPDATE_REWARDS |
                                LOY_STORE_CAN_DELETE_REWARDS | LOY_STORE_CAN_SEARCH));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(LoyQuery) all = loy_query_new (expected[i].kind);
      g_autoptr(LoyPage) page = test_sqlite_query (fixture->store, all, 0, 1000);

      g_assert_cmpuint (page->total, ==, expected[i].total);
      g_assert_cmpuint (page->items->len, ==, expected[i].total);
      for (guint j = 0; j < page->items->len; j++)
        g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (page->items, j),
                                                   loy_kind_get_item_type (expected[i].kind)));
    }

  /* One group per digital reward, named after it, with some codes handed out. */
  g_assert_cmpuint (group_page->total, >=, 2);
  for (guint i = 0; i < group_page->items->len; i++)
    {
      LoyCodeGroup *group = g_ptr_array_index (group_page->items, i);
      g_autoptr(LoyReward) reward = NULL;
      g_autoptr(GError) error = NULL;

      /* The coupon campaigns' own groups. */
      if (loy_code_group_get_reward_uuid (group) == NULL)
        {
          n_campaign_groups++;
          continue;
        }

      reward = LOY_REWARD (loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD,
                                                  loy_code_group_get_reward_uuid (group), NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
      g_assert_cmpstr (loy_code_group_get_name (group), ==, loy_reward_get_title (reward));
      g_assert_cmpint (loy_code_group_get_total (group), ==, TEST_SQLITE_DEMO_CODES);
      g_assert_cmpint (loy_code_group_get_available (group), <=, TEST_SQLITE_DEMO_CODES);
      g_assert_cmpint (loy_code_group_get_available (group), >=,
                       TEST_SQLITE_DEMO_CODES - TEST_SQLITE_DEMO_CODES / 4);
      jellyfish_seen |= g_str_equal (loy_reward_get_uuid (reward), SEED_REWARD_JELLYFISH_NET);
    }
  g_assert_true (jellyfish_seen);
  g_assert_cmpuint (n_campaign_groups, ==, 4);

  for (guint i = 0; i < campaign_page->items->len; i++)
    {
      LoyCampaign *campaign = g_ptr_array_index (campaign_page->items, i);

      types_seen |= 1 << loy_campaign_get_campaign_type (campaign);
      if (loy_campaign_get_campaign_type (campaign) == LOY_CAMPAIGN_TYPE_CASHBACK)
        {
          g_assert_cmpint (loy_campaign_get_point_value_cents (campaign), >, 0);
          cashback_with_value++;
        }
      else
        g_assert_cmpint (loy_campaign_get_point_value_cents (campaign), ==, LOY_UNSET);
    }
  g_assert_cmpuint (types_seen, ==, (1 << LOY_N_CAMPAIGN_TYPES) - 1);
  g_assert_cmpuint (cashback_with_value, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST_SQLITE_ADD_DEMO ("/sqlite/demo/deterministic", test_demo_deterministic);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/demo/async", test_demo_async);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/demo/async-cancelled", test_demo_async_cancelled);
  TEST_SQLITE_ADD_DEMO ("/sqlite/demo/content", test_demo_content);

  return g_test_run ();
}
