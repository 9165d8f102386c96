/* test-sqlite-fixture.h — a store on a fresh database file, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-core.h"

G_BEGIN_DECLS

typedef struct
{
  char           *dir;
  char           *path;
  LoySqliteStore *store;
} TestSqliteFixture;

/* An empty, migrated database in a new temporary folder. */
void test_sqlite_fixture_setup    (TestSqliteFixture *fixture,
                                   gconstpointer      data);
/* Releases the store, asserting that it is finalized, and removes its files. */
void test_sqlite_fixture_teardown (TestSqliteFixture *fixture,
                                   gconstpointer      data);

G_END_DECLS
