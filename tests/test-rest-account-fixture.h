/* test-rest-account-fixture.h — the fake Piggy server and a LoyRestStore on
 * it, as each of the account's tests starts them, and the reads and writes
 * they all make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "loy-fake-piggy.h"

G_BEGIN_DECLS

#define API_KEY "test-key-7d41e0"
#define JELLYFISH_NET "6bfe1e50-b13a-49ab-85c9-98cd8b734da2"
#define SANDY LOY_FAKE_PIGGY_CONTACT_UUID

typedef struct
{
  LoyFakePiggy *fake;
  LoyStore     *store;
} Fixture;

void            fixture_setup      (Fixture       *fixture,
                                    gconstpointer  data);
/* Fails unless the store is finalized with it. */
void            fixture_teardown   (Fixture       *fixture,
                                    gconstpointer  data);

/* Adds the test @func at /rest-account/@path. */
#define ADD(path, func) g_test_add ("/rest-account/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

/* g_test_init(), with $XDG_CACHE_HOME (the contacts' index, the notes of
 * what the desk wrote) in a temporary folder of the test's own; returns
 * that folder. */
char           *rest_account_test_init (int    *argc,
                                        char ***argv);
/* Runs the tests added and removes @cache; returns what g_test_run() did. */
int             rest_account_test_run  (const char *cache);

/* (transfer full): rows @offset to @offset + @limit of @query, which
 * must succeed. */
LoyPage        *query_ok           (Fixture       *fixture,
                                    LoyQuery      *query,
                                    guint          offset,
                                    guint          limit);
/* (transfer full): Sandy's entry for @points or @amount_cents, which must
 * be awarded. */
LoyLedgerEntry *award_ok           (Fixture       *fixture,
                                    gint64         points,
                                    gint64         amount_cents);

G_END_DECLS
