/* test-rest-account-fixture.c — the fake Piggy server and a LoyRestStore on
 * it, as each of the account's tests starts them, and the reads and writes
 * they all make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-test-dir.h"
#include "test-rest-account-fixture.h"

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = loy_fake_piggy_new (API_KEY);
  fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), API_KEY));
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_clear_pointer (&fixture->fake, loy_fake_piggy_free);
}

char *
rest_account_test_init (int    *argc,
                        char ***argv)
{
  char *cache = g_dir_make_tmp ("test-rest-account-XXXXXX", NULL);

  /* The contacts' index goes under $XDG_CACHE_HOME: a folder of the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (argc, argv, NULL);

  return cache;
}

int
rest_account_test_run (const char *cache)
{
  int status = g_test_run ();

  loy_test_remove_tree (cache);
  return status;
}

LoyPage *
query_ok (Fixture  *fixture,
          LoyQuery *query,
          guint     offset,
          guint     limit)
{
  g_autoptr(GError) error = NULL;
  LoyPage *page = loy_store_query_sync (fixture->store, query, offset, limit, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpuint (page->items->len, <=, limit);
  return page;
}

LoyLedgerEntry *
award_ok (Fixture *fixture,
          gint64   points,
          gint64   amount_cents)
{
  LoyAward award = { .points = points, .amount_cents = amount_cents };
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *entry = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_LEDGER_ENTRY (entry));
  return entry;
}
