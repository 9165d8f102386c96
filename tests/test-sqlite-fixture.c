/* test-sqlite-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sqlite/loy-sqlite-schema.h"
#include "test-sqlite-fixture.h"

G_LOCK_DEFINE_STATIC (hooked);
static char *hooked_prefix;
static TestSqliteStatementHook hook_func;
static gpointer hook_data;
/* Whether the statement running is one to fail: read at every instruction. */
static gint failing_now;

/* At the start of each statement: the hook, if it is one to hook. */
static int
trace_statement_cb (unsigned  type,
                    void     *user_data,
                    void     *stmt,
                    void     *unused)
{
  TestSqliteStatementHook func = NULL;
  gpointer data = NULL;

  G_LOCK (hooked);
  if (hooked_prefix != NULL && g_str_has_prefix (sqlite3_sql (stmt), hooked_prefix))
    {
      func = hook_func;
      data = hook_data;
    }
  G_UNLOCK (hooked);

  /* Outside the lock: the hook may run statements of its own. */
  g_atomic_int_set (&failing_now, func != NULL && func (data));

  return 0;
}

/* Called every virtual machine instruction: non-zero interrupts. */
static int
progress_cb (void *user_data)
{
  return g_atomic_int_get (&failing_now);
}

static int
install_hooks (sqlite3                     *db,
               char                       **error_message,
               const sqlite3_api_routines  *api)
{
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_statement_cb, NULL);
  sqlite3_progress_handler (db, 1, progress_cb, NULL);

  return SQLITE_OK;
}

void
test_sqlite_hook_statements (const char              *sql_prefix,
                             TestSqliteStatementHook  hook,
                             gpointer                 user_data)
{
  G_LOCK (hooked);
  g_free (hooked_prefix);
  hooked_prefix = g_strdup (sql_prefix);
  hook_func = hook;
  hook_data = user_data;
  G_UNLOCK (hooked);
}

static gboolean
fail_cb (gpointer user_data)
{
  return TRUE;
}

void
test_sqlite_fail_statements (const char *sql_prefix)
{
  test_sqlite_hook_statements (sql_prefix, fail_cb, NULL);
}

LoySqliteStore *
test_sqlite_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  LoySqliteStore *store;

  /* Every connection opened from now on, the store's among them; a second
   * registration is a no-op. */
  sqlite3_auto_extension ((void (*) (void)) install_hooks);
  store = loy_sqlite_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_SQLITE_STORE (store));

  return store;
}

void
test_sqlite_fixture_setup (TestSqliteFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("loy-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data", "loyalty.db", NULL);
  fixture->store = test_sqlite_store_open (fixture->path);
}

void
test_sqlite_fixture_populate (TestSqliteFixture    *fixture,
                              const LoyDemoOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (loy_sqlite_store_populate_demo (fixture->store, options, NULL, &error));
  g_assert_no_error (error);
}

const LoyDemoOptions test_sqlite_demo_options = {
  .n_contacts = TEST_SQLITE_DEMO_CONTACTS,
  .n_rewards = 14,
  .n_codes = TEST_SQLITE_DEMO_CODES,
  .seed = 42,
};

void
test_sqlite_fixture_setup_demo (TestSqliteFixture *fixture,
                                gconstpointer      data)
{
  test_sqlite_fixture_setup (fixture, data);
  g_assert_true (loy_sqlite_store_is_empty (fixture->store));
  test_sqlite_fixture_populate (fixture, &test_sqlite_demo_options);
  g_assert_false (loy_sqlite_store_is_empty (fixture->store));
}

LoyPage *
test_sqlite_query (LoySqliteStore *store,
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

LoyContact *
test_sqlite_first_contact (LoySqliteStore *store)
{
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = test_sqlite_query (store, contacts, 0, 1);

  g_assert_cmpuint (page->total, ==, TEST_SQLITE_DEMO_CONTACTS);
  g_assert_cmpuint (page->items->len, ==, 1);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

void
test_assert_finalized (gpointer object)
{
  GWeakRef weak;
  GObject *alive;

  /* A worker thread may still hold the task that called back a moment
   * ago, and with it the object: give it time to let go. */
  g_weak_ref_init (&weak, object);
  g_object_unref (object);
  for (guint waited_ms = 0; (alive = g_weak_ref_get (&weak)) != NULL && waited_ms < 5000; waited_ms++)
    {
      g_object_unref (alive);
      g_usleep (1000);
    }
  g_assert_null (alive);
  g_weak_ref_clear (&weak);
}

void
test_sqlite_fixture_teardown (TestSqliteFixture *fixture,
                              gconstpointer      data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *data_dir = g_path_get_dirname (fixture->path);

  test_assert_finalized (g_steal_pointer (&fixture->store));
  test_sqlite_hook_statements (NULL, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (data_dir), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

sqlite3 *
test_sqlite_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

/* Prepares the SQL and steps to its first row. */
static sqlite3_stmt *
step_first_row (sqlite3    *db,
                const char *format,
                va_list     args)
{
  g_autofree char *sql = g_strdup_vprintf (format, args);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return stmt;
}

gint64
test_sqlite_int (sqlite3    *db,
                 const char *format,
                 ...)
{
  sqlite3_stmt *stmt;
  gint64 value;
  va_list args;

  va_start (args, format);
  stmt = step_first_row (db, format, args);
  va_end (args);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

char *
test_sqlite_text (sqlite3    *db,
                  const char *format,
                  ...)
{
  sqlite3_stmt *stmt;
  char *text;
  va_list args;

  va_start (args, format);
  stmt = step_first_row (db, format, args);
  va_end (args);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

void
test_sqlite_exec (sqlite3    *db,
                  const char *format,
                  ...)
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

void
test_sqlite_undo_rollups (sqlite3 *db)
{
  G_STATIC_ASSERT (LOY_SQLITE_SCHEMA_VERSION == 12);

  /* 10 and 12 run again as they are, over 8's bitmaps and trigger. */
  test_sqlite_exec (db,
                    /* 11 */
                    "DROP TRIGGER ledger_entries_balance;"
                    " ALTER TABLE contacts DROP COLUMN last_active_at;"
                    " CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries BEGIN"
                    "  UPDATE contacts SET balance = balance + new.credits WHERE id = new.contact_id;"
                    " END;"
                    /* 9 */
                    "DROP INDEX campaign_purchases_source;"
                    " DROP INDEX campaign_purchases_voucher_code;"
                    " ALTER TABLE campaign_purchases DROP COLUMN source_entry_id;"
                    " ALTER TABLE campaign_purchases DROP COLUMN value_cents;"
                    /* 8, the rollups' own: their rows and the level counts */
                    " DELETE FROM rollup_days; DELETE FROM rollup_reward_days;"
                    " DELETE FROM rollup_active_days;"
                    " DROP TRIGGER contacts_level_rollup_insert;"
                    " DROP TRIGGER contacts_level_rollup_update;"
                    " DROP TRIGGER contacts_level_rollup_delete;"
                    " DROP TABLE rollup_levels;"
                    " PRAGMA user_version = %d", LOY_SQLITE_ROLLUPS_VERSION - 1);
}
