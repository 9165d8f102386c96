/* test-sqlite-fixture.h — a store on a fresh database file, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

G_BEGIN_DECLS

typedef struct
{
  char           *dir;
  char           *path;
  LoySqliteStore *store;
} TestSqliteFixture;

/* An empty, migrated database in a folder that did not exist before (the
 * store creates it), inside a new temporary folder. */
void            test_sqlite_fixture_setup    (TestSqliteFixture    *fixture,
                                              gconstpointer         data);
/* Fills the fixture's store with demo data. */
void            test_sqlite_fixture_populate (TestSqliteFixture    *fixture,
                                              const LoyDemoOptions *options);

/* The demo the store's own tests fill a database with. */
#define TEST_SQLITE_DEMO_CONTACTS 400
#define TEST_SQLITE_DEMO_CODES    12
extern const LoyDemoOptions test_sqlite_demo_options;

/* test_sqlite_fixture_setup(), then that demo. */
void            test_sqlite_fixture_setup_demo (TestSqliteFixture *fixture,
                                                gconstpointer      data);

/* A test on an empty database, or on the demo. */
#define TEST_SQLITE_ADD_EMPTY(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, test_sqlite_fixture_setup, func, \
              test_sqlite_fixture_teardown)
#define TEST_SQLITE_ADD_DEMO(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, test_sqlite_fixture_setup_demo, func, \
              test_sqlite_fixture_teardown)

/* @limit items of @query from @offset, which must succeed. */
LoyPage        *test_sqlite_query              (LoySqliteStore    *store,
                                                LoyQuery          *query,
                                                guint              offset,
                                                guint              limit);
/* The demo's first contact in the default order. */
LoyContact     *test_sqlite_first_contact      (LoySqliteStore    *store);

/* Releases the store, asserting that it is finalized, and removes its files. */
void            test_sqlite_fixture_teardown (TestSqliteFixture    *fixture,
                                              gconstpointer         data);

/* A store on @path, which must open. */
LoySqliteStore *test_sqlite_store_open       (const char           *path);
/* Drops the caller's reference to @object and asserts it is finalized. */
void            test_assert_finalized        (gpointer              object);

/* A connection of its own to @path, to look and write behind the store's back. */
sqlite3        *test_sqlite_open_raw         (const char           *path);
/* The first column of the first row of the SQL, which must return one. */
gint64          test_sqlite_int              (sqlite3              *db,
                                              const char           *format,
                                              ...) G_GNUC_PRINTF (2, 3);
char           *test_sqlite_text             (sqlite3              *db,
                                              const char           *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* Returns TRUE to make the statement fail. */
typedef gboolean (*TestSqliteStatementHook)  (gpointer              user_data);

/* Calls @hook as each statement whose SQL starts with @sql_prefix begins
 * on a connection opened since the first test_sqlite_store_open() (in that
 * connection's thread), to act between two statements; when it returns TRUE
 * the statement fails (SQLITE_INTERRUPT) as a disk or memory error would.
 * A NULL prefix stops it. */
void            test_sqlite_hook_statements  (const char              *sql_prefix,
                                              TestSqliteStatementHook  hook,
                                              gpointer                 user_data);
/* Makes every statement whose SQL starts with @sql_prefix fail; NULL stops it. */
void            test_sqlite_fail_statements  (const char           *sql_prefix);
/* Runs SQL that must succeed. */
void            test_sqlite_exec             (sqlite3              *db,
                                              const char           *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* Takes a migrated database back to the version before the rollups'
 * migration (LOY_SQLITE_ROLLUPS_VERSION), undoing it and those after it,
 * so that the next open fills the rollups from the ledger again. */
void            test_sqlite_undo_rollups     (sqlite3              *db);

G_END_DECLS
