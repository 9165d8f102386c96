/* test-rest-reads.c — reading a Piggy account: a history holding kinds of
 * transactions the desk does not show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "loy-fake-piggy.h"

#define API_KEY "test-key-7d41e0"
#define SANDY   LOY_FAKE_PIGGY_CONTACT_UUID

typedef struct
{
  LoyFakePiggy *fake;
  LoyStore     *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = loy_fake_piggy_new (API_KEY);
  fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), API_KEY));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_clear_pointer (&fixture->fake, loy_fake_piggy_free);
}

static void
award (Fixture *fixture,
       gint64   points)
{
  LoyAward award = { .points = points };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
}

static LoyPage *
query_history (Fixture *fixture,
               guint    offset,
               guint    limit)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->parent_uuid = g_strdup (SANDY);
  page = loy_store_query_sync (fixture->store, query, offset, limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

/* The history */

/* 24 points received, 1 to 24, with a gift card transaction among them
 * (newest first: the fifth of the server's list, on its first page of 10). */
static void
add_history_with_giftcard (Fixture *fixture)
{
  for (guint i = 1; i <= 20; i++)
    award (fixture, i);
  loy_fake_piggy_add_giftcard_transaction (fixture->fake, SANDY, 2500);
  for (guint i = 21; i <= 24; i++)
    award (fixture, i);
}

/* A transaction of a kind the desk does not show is no end of the history. */
static void
test_history_whole (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyPage) whole = NULL;

  add_history_with_giftcard (fixture);

  whole = query_history (fixture, 0, 100);
  g_assert_cmpuint (whole->items->len, ==, 24);
  g_assert_cmpuint (whole->total, ==, 24);
  for (guint i = 0; i < whole->items->len; i++)
    g_assert_cmpint (loy_ledger_entry_get_credits (g_ptr_array_index (whole->items, i)), ==, 24 - i);
}

/* Read in ranges, as a list reads it, each entry comes once and in order. */
static void
test_history_in_ranges (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint64 total = G_MAXUINT64;

  add_history_with_giftcard (fixture);

  while (entries->len < total)
    {
      g_autoptr(LoyPage) page = query_history (fixture, entries->len, 7);

      g_assert_cmpuint (page->items->len, >, 0);
      g_assert_cmpuint (page->items->len, <=, 7);
      total = page->total;
      for (guint i = 0; i < page->items->len; i++)
        g_ptr_array_add (entries, g_object_ref (g_ptr_array_index (page->items, i)));
    }

  g_assert_cmpuint (total, ==, 24);
  g_assert_cmpuint (entries->len, ==, 24);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (loy_ledger_entry_get_credits (g_ptr_array_index (entries, i)), ==, 24 - i);
}

#define ADD(path, func) g_test_add ("/rest-reads/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("test-rest-reads-XXXXXX", NULL);
  int status;

  /* What the desk keeps of the history goes under $XDG_CACHE_HOME. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("history/whole", test_history_whole);
  ADD ("history/in-ranges", test_history_in_ranges);

  status = g_test_run ();
  return status;
}
