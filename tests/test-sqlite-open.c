/* test-sqlite-open.c — opening a store in a thread: a migration that keeps
 * the main loop running, a file that is not a database, a cancelled one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sqlite/loy-sqlite-schema.h"
#include "test-sqlite-fixture.h"

/* The statement that fills the rollups in their migration. */
#define FILL_ROLLUPS_SQL "INSERT INTO rollup_days (day, enrollments)"

/* Demo data in a file moved back to the schema before the migration
 * that fills the overview's rollups from the whole ledger. */
static void
setup_old_version (TestSqliteFixture *fixture,
                   gconstpointer      data)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  sqlite3 *db;

  test_sqlite_fixture_setup (fixture, data);
  test_sqlite_fixture_populate (fixture, &options);
  test_assert_finalized (g_steal_pointer (&fixture->store));

  db = test_sqlite_open_raw (fixture->path);
  test_sqlite_undo_rollups (db);
  sqlite3_close (db);
}

static void
teardown (TestSqliteFixture *fixture,
          gconstpointer      data)
{
  test_sqlite_hook_statements (NULL, NULL, NULL);
  if (fixture->store == NULL)
    fixture->store = test_sqlite_store_open (fixture->path);
  test_sqlite_fixture_teardown (fixture, data);
}

static gint64
user_version (const char *path)
{
  sqlite3 *db = test_sqlite_open_raw (path);
  gint64 version = test_sqlite_int (db, "PRAGMA user_version");

  sqlite3_close (db);
  return version;
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **result_out = user_data;

  *result_out = g_object_ref (result);
}

typedef struct
{
  /* Each report as done * 100 + total, in the order they came. */
  GArray       *reports;
  /* Cancelled at the first report, when not NULL. */
  GCancellable *cancel_on_report;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;
  guint64 report = done * 100 + total;

  g_array_append_val (progress->reports, report);
  g_cancellable_cancel (progress->cancel_on_report);
}

static LoySqliteStore *
open_async (const char    *path,
            Progress      *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_sqlite_store_new_async (path, progress != NULL ? progress_cb : NULL, progress,
                              cancellable, store_opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return loy_sqlite_store_new_finish (result, error);
}

static gboolean
tick_cb (gpointer user_data)
{
  g_atomic_int_inc ((gint *) user_data);

  return G_SOURCE_CONTINUE;
}

/* In the migration's thread: waits (a few seconds at most) for the main
 * loop to run while the migration is under way. */
static gboolean
wait_for_tick_cb (gpointer user_data)
{
  gint *ticks = user_data;
  gint before = g_atomic_int_get (ticks);

  for (guint i = 0; i < 500 && g_atomic_int_get (ticks) == before; i++)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);

  g_atomic_int_set (ticks, g_atomic_int_get (ticks) == before ? -1000 : 1000);
  return FALSE;
}

static void
test_migrates_in_thread (TestSqliteFixture *fixture,
                         gconstpointer      data)
{
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (guint64));
  Progress progress = { reports, NULL };
  g_autoptr(GError) error = NULL;
  gint ticks = 0;
  guint tick_id;
  sqlite3 *db;

  g_assert_true (loy_sqlite_store_needs_upgrade (fixture->path));

  tick_id = g_timeout_add (1, tick_cb, &ticks);
  test_sqlite_hook_statements (FILL_ROLLUPS_SQL, wait_for_tick_cb, &ticks);
  fixture->store = open_async (fixture->path, &progress, NULL, &error);
  test_sqlite_hook_statements (NULL, NULL, NULL);
  g_source_remove (tick_id);

  /* The fill's four steps, in order, all before the store came. */
  g_assert_cmpuint (reports->len, ==, 4);
  for (guint i = 0; i < reports->len; i++)
    g_assert_cmpuint (g_array_index (reports, guint64, i), ==, i * 100 + 4);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_SQLITE_STORE (fixture->store));
  /* The main loop ran while the rollups were being filled. */
  g_assert_cmpint (ticks, >=, 1000);

  g_assert_cmpint (user_version (fixture->path), ==, LOY_SQLITE_SCHEMA_VERSION);
  g_assert_false (loy_sqlite_store_needs_upgrade (fixture->path));
  g_assert_true (loy_sqlite_store_has_program (fixture->store));
  db = test_sqlite_open_raw (fixture->path);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM rollup_days"), >, 1);
  g_assert_cmpint (test_sqlite_int (db, "SELECT count(*) FROM rollup_levels"), >, 0);
  sqlite3_close (db);
}

static void
test_not_a_database (TestSqliteFixture *fixture,
                     gconstpointer      data)
{
  g_autofree char *text_file = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (text_file,
                                      "Not a database header, nor any rows, at all: just words.\n"
                                      "More words, so that the file is longer than a header.\n",
                                      -1, NULL));
  g_assert_false (loy_sqlite_store_needs_upgrade (text_file));

  store = open_async (text_file, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, text_file));
  g_assert_nonnull (strstr (error->message, "not a database"));
  g_unlink (text_file);
}

/* In the migration's thread: cancels it midway through its longest statement. */
static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return FALSE;
}

static void
test_cancelled (TestSqliteFixture *fixture,
                gconstpointer      data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;

  test_sqlite_hook_statements (FILL_ROLLUPS_SQL, cancel_cb, cancellable);
  store = open_async (fixture->path, NULL, cancellable, &error);
  test_sqlite_hook_statements (NULL, NULL, NULL);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (store);
  /* The migration was rolled back, not left half done. */
  g_assert_cmpint (user_version (fixture->path), ==, LOY_SQLITE_ROLLUPS_VERSION - 1);
  g_assert_true (loy_sqlite_store_needs_upgrade (fixture->path));

  /* The file opens, and migrates, the next time. */
  g_clear_error (&error);
  fixture->store = open_async (fixture->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (loy_sqlite_store_has_program (fixture->store));
  g_assert_cmpint (user_version (fixture->path), ==, LOY_SQLITE_SCHEMA_VERSION);
}

/* In the migration's thread, at the last step: all four reports are sent. */
static gboolean
last_step_reached_cb (gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, TRUE);

  return FALSE;
}

/* Cancelled at its first report, an open delivers none of the reports
 * sent before, but not yet delivered. */
static void
test_no_progress_once_cancelled (TestSqliteFixture *fixture,
                                 gconstpointer      data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) reports = g_array_new (FALSE, FALSE, sizeof (guint64));
  Progress progress = { reports, cancellable };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint last_step_reached = FALSE;

  test_sqlite_hook_statements ("SELECT date (created_at, 'unixepoch', 'localtime', 'start of month')",
                               last_step_reached_cb, &last_step_reached);
  loy_sqlite_store_new_async (fixture->path, progress_cb, &progress, cancellable,
                              store_opened_cb, &result);
  while (!g_atomic_int_get (&last_step_reached))
    g_usleep (G_TIME_SPAN_MILLISECOND);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  store = loy_sqlite_store_new_finish (result, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (store);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpuint (g_array_index (reports, guint64, 0), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_OLD(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, setup_old_version, func, teardown)

  ADD_OLD ("/sqlite/open-async/migrates-in-thread", test_migrates_in_thread);
  ADD_OLD ("/sqlite/open-async/not-a-database", test_not_a_database);
  ADD_OLD ("/sqlite/open-async/cancelled", test_cancelled);
  ADD_OLD ("/sqlite/open-async/no-progress-once-cancelled", test_no_progress_once_cancelled);

#undef ADD_OLD

  return g_test_run ();
}
