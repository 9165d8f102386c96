/* test-sqlite-store.c — the local store's wiring: the shared store
 * suite, migrations, connections, cancelling, the statement cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sqlite/loy-sqlite-db.h"
#include "sqlite/loy-sqlite-worker.h"
#include "sqlite/loy-sqlite-schema.h"
#include "test-sqlite-fixture.h"
#include "test-store-common.h"

/* The shared store suite */

static void
common_setup (LoyStoreFixture *common)
{
  TestSqliteFixture *fixture = g_new0 (TestSqliteFixture, 1);

  test_sqlite_fixture_setup_demo (fixture, NULL);
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
/* A local program has code groups, not vouchers: it says so before and when asked. */
static void
test_no_vouchers (TestSqliteFixture *fixture,
                  gconstpointer      data)
{
  LoyStore *store = LOY_STORE (fixture->store);
  g_autoptr(LoyQuery) query = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyVoucher) voucher = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (loy_store_can (store, LOY_STORE_CAN_MANAGE_VOUCHERS));

  page = loy_store_list_vouchers_sync (store, "any", 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (page);
  g_clear_error (&error);

  query = loy_query_new (LOY_KIND_VOUCHER);
  query->parent_uuid = g_strdup ("any");
  page = loy_store_query_sync (store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (page);
  g_clear_error (&error);

  voucher = loy_store_redeem_voucher_sync (store, "CODE-1", NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (voucher);
}

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

static void
test_default_path (void)
{
  g_autofree char *path = loy_sqlite_store_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "loyalty-desk",
                                                "loyalty.db", NULL);

  g_assert_cmpstr (path, ==, expected);
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

/* A write of more than a checkpoint's worth of pages is copied from the
 * WAL into the database while the store stays open (by a thread of its
 * own, no longer in the write's commit). */
static void
test_wal_copied_back (TestSqliteFixture *fixture,
                      gconstpointer      data)
{
  LoyDemoOptions options = test_sqlite_demo_options;
  sqlite3 *db = NULL;
  gint64 deadline;
  gint64 wanted;
  GStatBuf file;

  /* Some 30 MiB of pages, more than the 16 MiB that start a copy. */
  options.n_contacts = 12000;
  test_sqlite_fixture_populate (fixture, &options);

  db = test_sqlite_open_raw (fixture->path);
  wanted = test_sqlite_int (db, "PRAGMA page_count") * test_sqlite_int (db, "PRAGMA page_size");
  g_assert_cmpint (wanted, >, 24 << 20);
  sqlite3_close (db);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  do
    {
      g_assert_cmpint (g_stat (fixture->path, &file), ==, 0);
      if (file.st_size >= wanted)
        break;
      g_usleep (10000);
    }
  while (g_get_monotonic_time () < deadline);
  g_assert_cmpint (file.st_size, >=, wanted);
}

/* Holds the worker in the first write's BEGIN until released. */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean holding;
  gboolean held;
  gboolean released;
} Gate;

static gboolean
hold_first_begin_cb (gpointer user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->mutex);
  if (!gate->held)
    {
      gate->held = gate->holding = TRUE;
      g_cond_broadcast (&gate->cond);
      while (!gate->released)
        g_cond_wait (&gate->cond, &gate->mutex);
    }
  g_mutex_unlock (&gate->mutex);

  return FALSE;
}

typedef struct
{
  GArray    *credits;  /* gint64, in the order the writes came back */
  GPtrArray *sources;  /* the source each came back in */
} Returns;

static void
adjusted_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Returns *returns = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyLedgerEntry) entry = loy_store_adjust_points_finish (LOY_STORE (object), result,
                                                                    &error);
  gint64 credits;

  g_assert_no_error (error);
  credits = loy_ledger_entry_get_credits (entry);
  g_array_append_val (returns->credits, credits);
  g_ptr_array_add (returns->sources, g_main_current_source ());
}

/* The writes that queued behind one another share a commit and come back
 * to their callers' context together, in one source, in their order. */
static void
test_shared_commit_returns (TestSqliteFixture *fixture,
                            gconstpointer      data)
{
  g_autoptr(LoyContact) contact = test_sqlite_first_contact (fixture->store);
  const char *uuid = loy_contact_get_uuid (contact);
  Returns returns = {
    g_array_new (FALSE, FALSE, sizeof (gint64)),
    g_ptr_array_new (),
  };
  Gate gate = { 0 };
  const guint n_queued = 8;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  test_sqlite_hook_statements ("BEGIN IMMEDIATE", hold_first_begin_cb, &gate);

  /* The first write alone, held in its transaction while the others queue. */
  loy_store_adjust_points_async (LOY_STORE (fixture->store), uuid, 100, "First", "test", NULL,
                                 adjusted_cb, &returns);
  g_mutex_lock (&gate.mutex);
  while (!gate.holding)
    g_cond_wait (&gate.cond, &gate.mutex);
  g_mutex_unlock (&gate.mutex);
  for (guint i = 1; i <= n_queued; i++)
    loy_store_adjust_points_async (LOY_STORE (fixture->store), uuid, i, "Queued", "test", NULL,
                                   adjusted_cb, &returns);
  g_mutex_lock (&gate.mutex);
  gate.released = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.mutex);

  while (returns.credits->len < n_queued + 1)
    g_main_context_iteration (NULL, TRUE);
  test_sqlite_hook_statements (NULL, NULL, NULL);

  g_assert_cmpint (g_array_index (returns.credits, gint64, 0), ==, 100);
  for (guint i = 1; i <= n_queued; i++)
    {
      GSource *source = g_ptr_array_index (returns.sources, i);

      g_assert_cmpint (g_array_index (returns.credits, gint64, i), ==, i);
      g_assert_true (source == g_ptr_array_index (returns.sources, 1));
    }

  g_array_unref (returns.credits);
  g_ptr_array_unref (returns.sources);
  g_cond_clear (&gate.cond);
  g_mutex_clear (&gate.mutex);
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

  TEST_SQLITE_ADD_EMPTY ("/sqlite/migrations", test_migrations);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/changed-signal", test_changed_signal);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/no-vouchers", test_no_vouchers);
  TEST_SQLITE_ADD_DEMO ("/sqlite/integrity", test_integrity);
  TEST_SQLITE_ADD_DEMO ("/sqlite/two-connections", test_two_connections);
  TEST_SQLITE_ADD_DEMO ("/sqlite/cancelled", test_cancelled);
  TEST_SQLITE_ADD_DEMO ("/sqlite/cancel-interrupts", test_cancel_interrupts);
  TEST_SQLITE_ADD_DEMO ("/sqlite/shared-commit-returns", test_shared_commit_returns);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/busy", test_busy);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/page-snapshot", test_page_snapshot);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/statement-cache", test_statement_cache);
  TEST_SQLITE_ADD_EMPTY ("/sqlite/wal-copied-back", test_wal_copied_back);

  return g_test_run ();
}
