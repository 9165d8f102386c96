/* test-sqlite-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "sqlite/loy-sqlite-db.h"
#include "sqlite/loy-sqlite-worker.h"
#include "sqlite/loy-sqlite-schema.h"
#include "test-sqlite-fixture.h"
#include "test-store-common.h"

#define N_CONTACTS 400
#define N_CODES    12

static const LoyDemoOptions demo_options = {
  .n_contacts = N_CONTACTS,
  .n_rewards = 14,
  .n_codes = N_CODES,
  .seed = 42,
};

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

static void
setup_demo (TestSqliteFixture *fixture,
            gconstpointer      data)
{
  test_sqlite_fixture_setup (fixture, data);
  g_assert_true (loy_sqlite_store_is_empty (fixture->store));
  test_sqlite_fixture_populate (fixture, &demo_options);
  g_assert_false (loy_sqlite_store_is_empty (fixture->store));
}

/* The shared store suite */

static void
common_setup (LoyStoreFixture *common)
{
  TestSqliteFixture *fixture = g_new0 (TestSqliteFixture, 1);

  setup_demo (fixture, NULL);
  common->store = LOY_STORE (fixture->store);
  common->backend_data = fixture;
}

static void
common_teardown (LoyStoreFixture *common)
{
  TestSqliteFixture *fixture = common->backend_data;

  test_sqlite_fixture_teardown (fixture, NULL);
  g_free (fixture);
}

/* Helpers */

static LoyPage *
query (LoySqliteStore *store,
       LoyQuery       *query,
       guint           offset,
       guint           limit)
{
  g_autoptr(GError) error = NULL;
  LoyPage *page = loy_store_query_sync (LOY_STORE (store), query, offset, limit, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);

  return page;
}

static LoyPage *
search_contacts (LoySqliteStore *store,
                 const char     *search)
{
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);

  contacts->search = g_strdup (search);

  return query (store, contacts, 0, 1000);
}

static gboolean
page_has_contact (LoyPage    *page,
                  const char *uuid)
{
  for (guint i = 0; i < page->items->len; i++)
    if (g_str_equal (loy_contact_get_uuid (g_ptr_array_index (page->items, i)), uuid))
      return TRUE;

  return FALSE;
}

static LoyContact *
first_contact (LoySqliteStore *store)
{
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = query (store, contacts, 0, 1);

  g_assert_cmpuint (page->total, ==, N_CONTACTS);
  g_assert_cmpuint (page->items->len, ==, 1);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

/* SQLite-specific tests */

static void
test_migrations (TestSqliteFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(LoySqliteStore) again = NULL;
  sqlite3 *db = test_sqlite_open_raw (fixture->path);
  g_autofree char *journal_mode = test_sqlite_text (db, "PRAGMA journal_mode");
  gint64 n_objects = test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema");

  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, LOY_SQLITE_SCHEMA_VERSION);
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_true (loy_sqlite_store_is_empty (fixture->store));
  g_assert_cmpstr (loy_sqlite_store_get_path (fixture->store), ==, fixture->path);

  /* Opening a migrated file again changes nothing. */
  again = test_sqlite_store_open (fixture->path);
  g_assert_cmpint (test_sqlite_int (db, "PRAGMA user_version"), ==, LOY_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema"), ==, n_objects);
  g_assert_true (loy_sqlite_store_is_empty (again));
  test_assert_finalized (g_steal_pointer (&again));

  /* A file from a future version is refused, not damaged. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LoySqliteStore) future = loy_sqlite_store_new (fixture->path, &error);

    g_assert_error (error, LOY_ERROR, LOY_ERROR_DATABASE);
    g_assert_nonnull (strstr (error->message, fixture->path));
    g_assert_null (future);
  }

  sqlite3_close (db);
}

static void
count_emission (guint *n_emissions)
{
  (*n_emissions)++;
}

/* Each write that succeeds says so once, for the views to refresh; one that
 * is refused says nothing. */
static void
test_changed_signal (TestSqliteFixture *fixture,
                     gconstpointer      data)
{
  LoyStore *store = LOY_STORE (fixture->store);
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(LoyContact) again = NULL;
  g_autoptr(LoyLedgerEntry) adjustment = NULL;
  g_autoptr(LoyLevel) level = loy_level_new ();
  g_autoptr(LoyLevel) saved = NULL;
  g_autoptr(GError) error = NULL;
  guint n_emissions = 0;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_emission), &n_emissions);

  loy_contact_set_email (contact, "changed@example.com");
  enrolled = loy_store_enroll_contact_sync (store, contact, "Tester", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, ==, 1);

  again = loy_store_enroll_contact_sync (store, contact, "Tester", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_null (again);
  g_assert_cmpuint (n_emissions, ==, 1);
  g_clear_error (&error);

  adjustment = loy_store_adjust_points_sync (store, loy_contact_get_uuid (enrolled), 25, "Test",
                                             "Tester", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, ==, 2);

  /* An expiry run that wrote no entry changed nothing. */
  g_assert_cmpint (loy_store_expire_points_sync (store, g_get_real_time () / G_USEC_PER_SEC,
                                                 NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, ==, 2);

  /* A delete returns a boolean: FALSE and nothing said when refused, TRUE and "changed" when done. */
  loy_level_set_name (level, "Silver");
  loy_level_set_threshold (level, 100);
  saved = loy_store_save_level_sync (store, level, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, ==, 3);

  g_assert_false (loy_store_delete_sync (store, LOY_KIND_CONTACT, loy_contact_get_uuid (enrolled),
                                         NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpuint (n_emissions, ==, 3);

  g_assert_true (loy_store_delete_sync (store, LOY_KIND_LEVEL, loy_level_get_uuid (saved), NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, ==, 4);

  g_signal_handlers_disconnect_by_func (store, count_emission, &n_emissions);
}

/* All rewards of the demo, by type and status, as the list shows them. */
static GPtrArray *
query_rewards (TestSqliteFixture *fixture,
               guint              reward_types,
               gboolean           only_active,
               gboolean           only_inactive)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->reward_types = reward_types;
  query->only_active = only_active;
  query->only_inactive = only_inactive;
  page = loy_store_query_sync (LOY_STORE (fixture->store), query, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, page->items->len);

  return g_ptr_array_ref (page->items);
}

/* Rewards filtered by type and by status in SQL: each filter keeps exactly
 * the records that match, and together they keep what both do. */
static void
test_reward_type_status_filter (TestSqliteFixture *fixture,
                                gconstpointer      data)
{
  g_autoptr(GPtrArray) all = query_rewards (fixture, 0, FALSE, FALSE);
  g_autoptr(GPtrArray) digital = query_rewards (fixture, 1 << LOY_REWARD_TYPE_DIGITAL, FALSE, FALSE);
  g_autoptr(GPtrArray) physical = query_rewards (fixture, 1 << LOY_REWARD_TYPE_PHYSICAL, FALSE, FALSE);
  g_autoptr(GPtrArray) inactive = query_rewards (fixture, 0, FALSE, TRUE);
  g_autoptr(GPtrArray) active = query_rewards (fixture, 0, TRUE, FALSE);
  g_autoptr(GPtrArray) inactive_digital = query_rewards (fixture, 1 << LOY_REWARD_TYPE_DIGITAL,
                                                         FALSE, TRUE);
  guint n_inactive_digital = 0;

  g_assert_cmpuint (digital->len, >, 0);
  g_assert_cmpuint (physical->len, >, 0);
  g_assert_cmpuint (inactive->len, >, 0);
  g_assert_cmpuint (digital->len + physical->len, ==, all->len);
  g_assert_cmpuint (active->len + inactive->len, ==, all->len);

  for (guint i = 0; i < digital->len; i++)
    g_assert_cmpint (loy_reward_get_reward_type (g_ptr_array_index (digital, i)), ==,
                     LOY_REWARD_TYPE_DIGITAL);
  for (guint i = 0; i < physical->len; i++)
    g_assert_cmpint (loy_reward_get_reward_type (g_ptr_array_index (physical, i)), ==,
                     LOY_REWARD_TYPE_PHYSICAL);
  for (guint i = 0; i < inactive->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (inactive, i);

      g_assert_false (loy_reward_get_is_active (reward));
      if (loy_reward_get_reward_type (reward) == LOY_REWARD_TYPE_DIGITAL)
        n_inactive_digital++;
    }
  for (guint i = 0; i < active->len; i++)
    g_assert_true (loy_reward_get_is_active (g_ptr_array_index (active, i)));

  g_assert_cmpuint (inactive_digital->len, ==, n_inactive_digital);
  for (guint i = 0; i < inactive_digital->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (inactive_digital, i);

      g_assert_false (loy_reward_get_is_active (reward));
      g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
    }
}

static void
test_default_path (void)
{
  g_autofree char *path = loy_sqlite_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "loyalty-desk",
                                                "loyalty.db", NULL);

  g_assert_cmpstr (path, ==, expected);
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
  LoyDemoOptions other_options = demo_options;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *same_dump = NULL;
  g_autofree char *other_dump = NULL;

  setup_demo (&same_seed, NULL);
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
  g_assert_false (loy_sqlite_store_populate_demo (fixture->store, &demo_options, NULL, &error));
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
  loy_sqlite_store_populate_demo_async (fixture->store, &demo_options, cancellable,
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

  loy_sqlite_store_populate_demo_async (fixture->store, &demo_options, NULL,
                                        store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (loy_sqlite_store_populate_demo_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  contact = first_contact (fixture->store);
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
    { LOY_KIND_CONTACT, N_CONTACTS },
    { LOY_KIND_REWARD, 4 + 14 },
  };
  g_autoptr(LoyQuery) groups = loy_query_new (LOY_KIND_CODE_GROUP);
  g_autoptr(LoyQuery) campaigns = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) group_page = query (fixture->store, groups, 0, 100);
  g_autoptr(LoyPage) campaign_page = query (fixture->store, campaigns, 0, 100);
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
      g_autoptr(LoyPage) page = query (fixture->store, all, 0, 1000);

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
      g_assert_cmpint (loy_code_group_get_total (group), ==, N_CODES);
      g_assert_cmpint (loy_code_group_get_available (group), <=, N_CODES);
      g_assert_cmpint (loy_code_group_get_available (group), >=, N_CODES - N_CODES / 4);
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

/* Whether @text contains @needle, ignoring case and accents as the index does. */
static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *ascii_text = g_str_to_ascii (text, "C");
  g_autofree char *ascii_needle = g_str_to_ascii (needle, "C");
  g_autofree char *folded_text = g_ascii_strdown (ascii_text, -1);
  g_autofree char *folded_needle = g_ascii_strdown (ascii_needle, -1);

  return strstr (folded_text, folded_needle) != NULL;
}

static void
test_contact_search (TestSqliteFixture *fixture,
                     gconstpointer      data)
{
  static const char * const awkward[] = {
    "\"", "'", "a\"b", "\"\"\"", "AND", "OR NOT", "NEAR(", "*", "-", "^x", "first_name:", "(",
    ")", "%", "_", "\\", "{}", "'; DROP TABLE contacts; --", "💚", "   ", "a*b", "NOT a",
  };
  g_autoptr(LoyContact) contact = first_contact (fixture->store);
  const char *first_name = loy_contact_get_first_name (contact);
  const char *last_name = loy_contact_get_last_name (contact);
  g_autofree char *first_prefix = g_utf8_substring (first_name, 0, 2);
  g_autofree char *last_word = g_strdup (strrchr (last_name, ' ') ? strrchr (last_name, ' ') + 1
                                                                   : last_name);
  g_autofree char *last_prefix = g_utf8_substring (last_word, 0, 3);
  g_autofree char *typed = g_strdup_printf ("%s %s", first_prefix, last_prefix);
  g_autofree char *email_start = g_strndup (loy_contact_get_email (contact), 5);

  /* As typed in a search field: the beginnings of the first and last name. */
  {
    g_autoptr(LoyPage) page = search_contacts (fixture->store, typed);

    g_assert_true (page_has_contact (page, loy_contact_get_uuid (contact)));
    g_assert_cmpuint (page->total, <, N_CONTACTS);
    for (guint i = 0; i < page->items->len; i++)
      {
        LoyContact *found = g_ptr_array_index (page->items, i);
        g_autofree char *text = g_strdup_printf ("%s %s %s", loy_contact_get_first_name (found),
                                                 loy_contact_get_last_name (found),
                                                 loy_contact_get_email (found));

        /* The index ignores case and accents. */
        g_assert_true (contains_folded (text, last_prefix));
      }
  }

  /* The whole address, its beginning, and the UUID. */
  {
    g_autoptr(LoyPage) by_email = search_contacts (fixture->store, loy_contact_get_email (contact));
    g_autoptr(LoyPage) by_email_start = search_contacts (fixture->store, email_start);
    g_autoptr(LoyPage) by_uuid = search_contacts (fixture->store, loy_contact_get_uuid (contact));

    g_assert_true (page_has_contact (by_email, loy_contact_get_uuid (contact)));
    g_assert_true (page_has_contact (by_email_start, loy_contact_get_uuid (contact)));
    g_assert_cmpuint (by_uuid->total, ==, 1);
    g_assert_true (page_has_contact (by_uuid, loy_contact_get_uuid (contact)));
  }

  /* Nothing a user types is an SQL or FTS syntax error. */
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autoptr(LoyPage) page = search_contacts (fixture->store, awkward[i]);

      g_assert_cmpuint (page->total, <=, N_CONTACTS);
    }

  /* A contact added after the demo is indexed too, accents folded. */
  {
    sqlite3 *db = test_sqlite_open_raw (fixture->path);
    g_autoptr(LoyPage) page = NULL;

    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO contacts (uuid, email, first_name, last_name, created_at)"
                                   " VALUES ('0b7e5f4e-2d7a-4c1e-9a57-3f1c2b4d5e6f', 'zoe@example.com',"
                                   " 'Zoë', 'Lefèvre-Ångström', 1700000000)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);

    page = search_contacts (fixture->store, "zoe ANGS");
    g_assert_true (page_has_contact (page, "0b7e5f4e-2d7a-4c1e-9a57-3f1c2b4d5e6f"));
  }

  /* Any part of a name, an address or a phone number, however the number
   * was written or typed; and still the start of a word for one or two
   * characters, accents folded. */
  {
    static const char * const kowalski[] = {
      "walski", "WALSK", "owa", "amara kowal", "am walski", "nowski.example", "5678", "45678",
      "06-1234-5678", "06 1234 5678", "+31 (0)6 1234", "Ko", "am ko", "A",
    };
    static const char * const not_kowalski[] = { "walskx", "al", "78", "kowalskis", "+31 6 1234" };
    sqlite3 *db = test_sqlite_open_raw (fixture->path);
    const char *uuid = "3c0d5e9a-7b1f-4d2e-8a6c-9e4f1b2d3c4a";

    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO contacts (uuid, email, first_name, last_name,"
                                   " attributes, created_at)"
                                   " VALUES ('3c0d5e9a-7b1f-4d2e-8a6c-9e4f1b2d3c4a',"
                                   " 'amara@nowski.example', 'Amara', 'Kowalski',"
                                   " '{\"phone\": \"+31 (0)6 1234 5678\"}', 1700000000)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

    for (guint i = 0; i < G_N_ELEMENTS (kowalski); i++)
      {
        g_autoptr(LoyPage) page = search_contacts (fixture->store, kowalski[i]);

        if (!page_has_contact (page, uuid))
          g_error ("“%s” does not find Amara Kowalski", kowalski[i]);
      }
    for (guint i = 0; i < G_N_ELEMENTS (not_kowalski); i++)
      {
        g_autoptr(LoyPage) page = search_contacts (fixture->store, not_kowalski[i]);

        if (page_has_contact (page, uuid))
          g_error ("“%s” finds Amara Kowalski", not_kowalski[i]);
      }

    /* A new number, or a new name, is what is found from then on. */
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE contacts SET last_name = 'Nowak',"
                                   " attributes = '{\"phone\": \"020 555 0199\"}'"
                                   " WHERE uuid = '3c0d5e9a-7b1f-4d2e-8a6c-9e4f1b2d3c4a'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    {
      g_autoptr(LoyPage) old_name = search_contacts (fixture->store, "walski");
      g_autoptr(LoyPage) old_number = search_contacts (fixture->store, "45678");
      g_autoptr(LoyPage) new_name = search_contacts (fixture->store, "owak");
      g_autoptr(LoyPage) new_number = search_contacts (fixture->store, "5550199");

      g_assert_false (page_has_contact (old_name, uuid));
      g_assert_false (page_has_contact (old_number, uuid));
      g_assert_true (page_has_contact (new_name, uuid));
      g_assert_true (page_has_contact (new_number, uuid));
    }
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts_trigram (contacts_trigram)"
                                       " VALUES ('integrity-check')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  /* A name that is nobody's. */
  {
    g_autoptr(LoyPage) page = search_contacts (fixture->store, "Zyxwvut");

    g_assert_cmpuint (page->total, ==, 0);
    g_assert_cmpuint (page->items->len, ==, 0);
  }
}

/* A reward whose deletion waits behind an Undo is left out of the list,
 * its page and its count; codes have no UUIDs to leave out by. */
static void
test_exclude (TestSqliteFixture *fixture,
              gconstpointer      data)
{
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyQuery) codes = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) all = query (fixture->store, rewards, 0, 100);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) none = NULL;
  g_autoptr(GError) error = NULL;
  const char *excluded[] = { SEED_REWARD_KRABBY_PATTY, SEED_REWARD_KRUSTY_KRAB_HAT, NULL };

  rewards->exclude_uuids = g_strdupv ((char **) excluded);
  g_assert_false (loy_query_has_filter (rewards));
  page = query (fixture->store, rewards, 0, 100);
  g_assert_cmpuint (page->total, ==, all->total - 2);
  g_assert_cmpuint (page->items->len, ==, all->items->len - 2);
  for (guint i = 0; i < page->items->len; i++)
    g_assert_false (g_strv_contains (excluded,
                                     loy_reward_get_uuid (g_ptr_array_index (page->items, i))));

  /* With a search, the count comes from another table: still left out. */
  rewards->search = g_strdup ("krab");
  g_clear_pointer (&page, loy_page_free);
  page = query (fixture->store, rewards, 0, 100);
  g_assert_cmpuint (page->total, ==, 0);

  codes->parent_uuid = g_strdup ("no-such-group");
  codes->exclude_uuids = g_strdupv ((char **) excluded);
  none = loy_store_query_sync (LOY_STORE (fixture->store), codes, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (none);
}

static void
test_reward_search (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);

  rewards->search = g_strdup ("krab");
  {
    g_autoptr(LoyPage) page = query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, ==, 2);  /* Krabby Patty, Krusty Krab Hat */
  }

  /* LIKE wildcards in the input are plain characters. */
  g_free (rewards->search);
  rewards->search = g_strdup ("%");
  {
    g_autoptr(LoyPage) page = query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, >=, 1);
    for (guint i = 0; i < page->items->len; i++)
      g_assert_nonnull (strchr (loy_reward_get_title (g_ptr_array_index (page->items, i)), '%'));
  }

  g_free (rewards->search);
  rewards->search = g_strdup ("_");
  {
    g_autoptr(LoyPage) page = query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, ==, 0);
  }

  g_free (rewards->search);
  rewards->search = g_strdup (SEED_REWARD_KRUSTY_KRAB_HAT);
  {
    g_autoptr(LoyPage) page = query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, ==, 1);
  }
}

static void
test_level_filter (TestSqliteFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(LoyQuery) levels = loy_query_new (LOY_KIND_LEVEL);
  g_autoptr(LoyPage) level_page = query (fixture->store, levels, 0, 10);
  guint sum = 0;

  g_assert_cmpuint (level_page->total, ==, 3);
  g_assert_cmpstr (loy_level_get_name (g_ptr_array_index (level_page->items, 0)), ==, "Bronze");
  g_assert_cmpstr (loy_level_get_name (g_ptr_array_index (level_page->items, 2)), ==, "Gold");

  for (guint i = 0; i < level_page->items->len; i++)
    {
      LoyLevel *level = g_ptr_array_index (level_page->items, i);
      LoyLevel *next = i + 1 < level_page->items->len ? g_ptr_array_index (level_page->items, i + 1) : NULL;
      g_autoptr(LoyQuery) members = loy_query_new (LOY_KIND_CONTACT);
      g_autoptr(LoyPage) page = NULL;

      members->level_uuid = g_strdup (loy_level_get_uuid (level));
      page = query (fixture->store, members, 0, N_CONTACTS);

      g_assert_cmpint (page->total, ==, loy_level_get_n_contacts (level));
      g_assert_cmpuint (page->items->len, ==, page->total);
      for (guint j = 0; j < page->items->len; j++)
        {
          LoyContact *contact = g_ptr_array_index (page->items, j);

          g_assert_cmpstr (loy_contact_get_level_uuid (contact), ==, loy_level_get_uuid (level));
          g_assert_cmpstr (loy_contact_get_level_name (contact), ==, loy_level_get_name (level));
          g_assert_cmpint (loy_contact_get_balance (contact), >=, loy_level_get_threshold (level));
          if (next != NULL)
            g_assert_cmpint (loy_contact_get_balance (contact), <, loy_level_get_threshold (next));
        }
      sum += page->total;
    }

  g_assert_cmpuint (sum, ==, N_CONTACTS);
}

static void
test_segment_filter (TestSqliteFixture *fixture,
                     gconstpointer      data)
{
  g_autoptr(LoyQuery) segments = loy_query_new (LOY_KIND_SEGMENT);
  g_autoptr(LoyPage) segment_page = query (fixture->store, segments, 0, 10);
  gboolean some_members = FALSE;

  g_assert_cmpuint (segment_page->total, ==, 3);
  for (guint i = 0; i < segment_page->items->len; i++)
    {
      LoySegment *segment = g_ptr_array_index (segment_page->items, i);
      g_autoptr(LoyQuery) members = loy_query_new (LOY_KIND_CONTACT);
      g_autoptr(LoyPage) page = NULL;

      members->segment_uuid = g_strdup (loy_segment_get_uuid (segment));
      page = query (fixture->store, members, 0, 5);
      g_assert_cmpint (page->total, ==, loy_segment_get_n_contacts (segment));
      g_assert_cmpint (page->total, <, N_CONTACTS);
      some_members |= page->total > 0;

      /* "Big spenders": 1,000 points or more. */
      if (g_str_equal (loy_segment_get_name (segment), "Big spenders"))
        for (guint j = 0; j < page->items->len; j++)
          g_assert_cmpint (loy_contact_get_balance (g_ptr_array_index (page->items, j)), >=, 1000);
    }
  g_assert_true (some_members);
}

static void
assert_sorted (LoySqliteStore *store,
               const char     *sort,
               int             direction)
{
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;

  rewards->sort = g_strdup (sort);
  page = query (store, rewards, 0, 100);
  g_assert_cmpuint (page->items->len, ==, page->total);

  for (guint i = 1; i < page->items->len; i++)
    {
      gint64 previous = loy_reward_get_required_credits (g_ptr_array_index (page->items, i - 1));
      gint64 current = loy_reward_get_required_credits (g_ptr_array_index (page->items, i));

      g_assert_cmpint ((current - previous) * direction, >=, 0);
    }
}

static void
test_sort (TestSqliteFixture *fixture,
           gconstpointer      data)
{
  static const char * const refused[] = {
    "bogus", "-", "", "title; DROP TABLE rewards", "required_credits DESC", "--title", "t.id",
  };
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) by_balance = NULL;

  assert_sorted (fixture->store, "required_credits", 1);
  assert_sorted (fixture->store, "-required_credits", -1);

  contacts->sort = g_strdup ("-balance");
  by_balance = query (fixture->store, contacts, 0, 20);
  for (guint i = 1; i < by_balance->items->len; i++)
    g_assert_cmpint (loy_contact_get_balance (g_ptr_array_index (by_balance->items, i - 1)), >=,
                     loy_contact_get_balance (g_ptr_array_index (by_balance->items, i)));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
      g_autoptr(LoyPage) page = NULL;
      g_autoptr(GError) error = NULL;

      /* An empty sort means the natural order. */
      if (refused[i][0] == '\0')
        continue;

      rewards->sort = g_strdup (refused[i]);
      page = loy_store_query_sync (LOY_STORE (fixture->store), rewards, 0, 10, NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_null (page);
    }
}

/* The UUIDs of @contacts read page by page from offset 0, as a scrolled
 * list reads them, in one string. */
static char *
read_uuids_by_page (LoySqliteStore *store,
                    LoyQuery       *contacts,
                    guint           page_size)
{
  GString *uuids = g_string_new (NULL);
  guint total = G_MAXUINT;

  for (guint offset = 0; offset < total; offset += page_size)
    {
      g_autoptr(LoyPage) page = query (store, contacts, offset, page_size);

      total = page->total;
      g_assert_cmpuint (page->items->len, ==, MIN (page_size, total - offset));
      for (guint i = 0; i < page->items->len; i++)
        g_string_append_printf (uuids, "%s\n",
                                loy_contact_get_uuid (g_ptr_array_index (page->items, i)));
    }

  return g_string_free (uuids, FALSE);
}

/* A page deep in the list is found by its ids first: in every sort order,
 * with a search or a filter, pages of any size read the same rows in the
 * same order as the whole list in one page. */
static void
test_deep_pages (TestSqliteFixture *fixture,
                 gconstpointer      data)
{
  static const char * const sorts[] = {
    NULL, "first_name", "-first_name", "last_name", "email", "-email", "balance", "-balance",
    "created_at", "-created_at",
  };
  static const char * const searches[] = { NULL, "an", "de vries" };
  g_autoptr(LoyContact) contact = first_contact (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (searches); j++)
      for (guint level = 0; level < 2; level++)
        {
          g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
          g_autofree char *whole = NULL;
          g_autofree char *paged = NULL;

          contacts->sort = g_strdup (sorts[i]);
          contacts->search = g_strdup (searches[j]);
          if (level)
            contacts->level_uuid = g_strdup (loy_contact_get_level_uuid (contact));

          whole = read_uuids_by_page (fixture->store, contacts, N_CONTACTS);
          paged = read_uuids_by_page (fixture->store, contacts, 7);
          g_assert_cmpstr (paged, ==, whole);
          g_assert_cmpuint (strlen (whole), >, 0);
        }
}

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
  page = query (store, groups, 0, 100);
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

  g_assert_cmpint (n_entries, >, N_CONTACTS);
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
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(DISTINCT lower (email)) FROM contacts"), ==, N_CONTACTS);
  sqlite3_close (db);
}

static void
test_integrity (TestSqliteFixture *fixture,
                gconstpointer      data)
{
  sqlite3 *db = test_sqlite_open_raw (fixture->path);
  g_autofree char *integrity = test_sqlite_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts_trigram (contacts_trigram)"
                                     " VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (db);
}

static void
update_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyReward) reward = loy_store_update_reward_finish (LOY_STORE (source), result, &error);
  guint *n_pending = user_data;

  g_assert_no_error (error);
  g_assert_nonnull (reward);
  (*n_pending)--;
}

static void
test_two_connections (TestSqliteFixture *fixture,
                      gconstpointer      data)
{
  g_autoptr(LoySqliteStore) other = test_sqlite_store_open (fixture->path);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(GObject) seen = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pending = 0;

  g_assert_false (loy_sqlite_store_is_empty (other));

  json_object_set_string_member (changes, "title", "Krabby Patty Deluxe");
  updated = loy_store_update_reward_sync (LOY_STORE (fixture->store), SEED_REWARD_KRABBY_PATTY,
                                          changes, NULL, &error);
  g_assert_no_error (error);

  seen = loy_store_lookup_sync (LOY_STORE (other), LOY_KIND_REWARD, SEED_REWARD_KRABBY_PATTY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_reward_get_title (LOY_REWARD (seen)), ==, "Krabby Patty Deluxe");

  /* Writers on both connections at once wait for each other; none fails. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(JsonObject) credits = json_object_new ();

      json_object_set_int_member (credits, "required_credits", 10 + i);
      loy_store_update_reward_async (LOY_STORE (i % 2 ? other : fixture->store),
                                     SEED_REWARD_KELP_SHAKE_DELUXE, credits, NULL,
                                     update_done_cb, &n_pending);
      n_pending++;
    }
  while (n_pending > 0)
    g_main_context_iteration (NULL, TRUE);

  test_assert_finalized (g_steal_pointer (&other));
}

/* Whether the connection has a statement for @sql, in use or kept. */
static gboolean
has_statement (sqlite3    *db,
               const char *sql)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (db, stmt))
    if (g_str_equal (sqlite3_sql (stmt), sql))
      return TRUE;

  return FALSE;
}

static void
run_cached (sqlite3    *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoySqliteCachedStmt) stmt = _loy_sqlite_prepare_cached (db, sql, &error);

  g_assert_no_error (error);
  g_assert_true (_loy_sqlite_step_done (stmt, &error));
}

/* A full statement cache makes room for new statements by dropping the one
 * unused the longest, not the new ones. */
static void
test_statement_cache (TestSqliteFixture *fixture,
                      gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = _loy_sqlite_open (fixture->path, NULL, NULL, NULL, &error);
  guint n_kept;

  g_assert_no_error (error);

  /* Far more texts than the cache holds, the first used all along. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %u", i);

      run_cached (db, "SELECT 'often'");
      run_cached (db, sql);
      g_assert_true (has_statement (db, sql));
    }

  g_assert_true (has_statement (db, "SELECT 'often'"));
  g_assert_false (has_statement (db, "SELECT 0"));
  n_kept = 0;
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (db, stmt))
    n_kept++;
  g_assert_cmpuint (n_kept, ==, 64);

  _loy_sqlite_close (db);
}

static gboolean
add_shop_cb (gpointer user_data)
{
  test_sqlite_exec (user_data,
                    "INSERT INTO shops (uuid, name, created_at)"
                    " VALUES (lower (hex (randomblob (16))), 'Bikini Bottom', 0)");

  return FALSE;
}

static LoyPage *
query_shops (TestSqliteFixture *fixture)
{
  g_autoptr(LoyQuery) shops = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  page = loy_store_query_sync (LOY_STORE (fixture->store), shops, 0, 100, NULL, &error);
  g_assert_no_error (error);

  return page;
}

/* A page and its total come from one snapshot, even when another program
 * writes between the count and the rows; and the next query sees that. */
static void
test_page_snapshot (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  sqlite3 *raw = test_sqlite_open_raw (fixture->path);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) next = NULL;

  add_shop_cb (raw);
  add_shop_cb (raw);
  test_sqlite_hook_statements ("SELECT t.uuid, t.name FROM shops", add_shop_cb, raw);
  page = query_shops (fixture);
  test_sqlite_hook_statements (NULL, NULL, NULL);
  g_assert_cmpuint (page->total, ==, 2);
  g_assert_cmpuint (page->items->len, ==, 2);

  next = query_shops (fixture);
  g_assert_cmpuint (next->total, ==, 3);
  g_assert_cmpuint (next->items->len, ==, 3);
  sqlite3_close (raw);
}

/* A write that waited out the busy timeout behind another program's
 * transaction says so in words a user can act on. */
static void
test_busy (TestSqliteFixture *fixture,
           gconstpointer      data)
{
  sqlite3 *raw = test_sqlite_open_raw (fixture->path);
  g_autoptr(GError) error = NULL;

  test_sqlite_exec (raw, "BEGIN IMMEDIATE");
  g_assert_cmpint (loy_store_expire_points_sync (LOY_STORE (fixture->store),
                                                 g_get_real_time () / G_USEC_PER_SEC,
                                                 NULL, &error), ==, -1);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "Another program is writing to the database; try again in a moment");
  test_sqlite_exec (raw, "ROLLBACK");
  sqlite3_close (raw);
}

static void
test_cancelled (TestSqliteFixture *fixture,
                gconstpointer      data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  page = loy_store_query_sync (LOY_STORE (fixture->store), rewards, 0, 10, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (page);
}

/* A query that would never end on its own. */
static gpointer
run_endless_query (sqlite3       *db,
                   gpointer       input,
                   GCancellable  *cancellable,
                   GError       **error)
{
  static const char sql[] =
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count (*) FROM n";

  if (!_loy_sqlite_begin_read (db, error))
    return NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _loy_sqlite_set_error (error, db);
      _loy_sqlite_rollback (db);
      return NULL;
    }

  return input;
}

static void
endless_query_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (g_task_propagate_pointer (G_TASK (result), error));
  g_assert_nonnull (*error);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

/* Cancelling a job stops its statement where it is: the connection is free
 * for the next job at once, not when the scan would have ended. */
static void
test_cancel_interrupts (TestSqliteFixture *fixture,
                        gconstpointer      data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  _loy_sqlite_store_run_async (fixture->store, run_endless_query, fixture, NULL, NULL,
                               test_cancel_interrupts, cancellable,
                               endless_query_done_cb, &error);
  g_timeout_add (50, cancel_cb, cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_error (&error);
  page = loy_store_query_sync (LOY_STORE (fixture->store), rewards, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  loy_store_tests_add_common ("sqlite", common_setup, common_teardown);

  g_test_add_func ("/sqlite/default-path", test_default_path);

#define ADD_EMPTY(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, test_sqlite_fixture_setup, func, \
              test_sqlite_fixture_teardown)
#define ADD_DEMO(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, setup_demo, func, test_sqlite_fixture_teardown)

  ADD_EMPTY ("/sqlite/migrations", test_migrations);
  ADD_EMPTY ("/sqlite/changed-signal", test_changed_signal);
  ADD_DEMO ("/sqlite/demo/deterministic", test_demo_deterministic);
  ADD_EMPTY ("/sqlite/demo/async", test_demo_async);
  ADD_EMPTY ("/sqlite/demo/async-cancelled", test_demo_async_cancelled);
  ADD_DEMO ("/sqlite/demo/content", test_demo_content);
  ADD_DEMO ("/sqlite/search/contacts", test_contact_search);
  ADD_DEMO ("/sqlite/search/rewards", test_reward_search);
  ADD_DEMO ("/sqlite/filter/reward-type-status", test_reward_type_status_filter);
  ADD_DEMO ("/sqlite/filter/exclude", test_exclude);
  ADD_DEMO ("/sqlite/filter/level", test_level_filter);
  ADD_DEMO ("/sqlite/filter/segment", test_segment_filter);
  ADD_DEMO ("/sqlite/sort", test_sort);
  ADD_DEMO ("/sqlite/deep-pages", test_deep_pages);
  ADD_DEMO ("/sqlite/rewards/create-delete", test_create_delete);
  ADD_DEMO ("/sqlite/rewards/delete-conflict", test_delete_conflict);
  ADD_DEMO ("/sqlite/ledger/append-only", test_ledger_append_only);
  ADD_DEMO ("/sqlite/ledger/balances", test_balances);
  ADD_DEMO ("/sqlite/integrity", test_integrity);
  ADD_DEMO ("/sqlite/two-connections", test_two_connections);
  ADD_DEMO ("/sqlite/cancelled", test_cancelled);
  ADD_DEMO ("/sqlite/cancel-interrupts", test_cancel_interrupts);
  ADD_EMPTY ("/sqlite/busy", test_busy);
  ADD_EMPTY ("/sqlite/page-snapshot", test_page_snapshot);
  ADD_EMPTY ("/sqlite/statement-cache", test_statement_cache);

#undef ADD_EMPTY
#undef ADD_DEMO

  return g_test_run ();
}
