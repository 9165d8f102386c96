/* test-rest-reads.c — reading a Piggy account: a history holding kinds of
 * transactions the desk does not show, reads that time out, a 429 that
 * says when to come back with a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "loy-fake-piggy.h"
#include "loy-test-dir.h"

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

/* Reads that time out */

/* A read without an answer in time is sent again, as one whose connection dropped. */
static void
test_read_timeout_retried (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  g_autoptr(GError) error = NULL;

  loy_rest_store_set_timeout (LOY_REST_STORE (fixture->store), 1);
  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_STALL_APPLIED);

  shops = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shops->total, ==, 1);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/shops"), ==, 2);
}

/* A read that never answers in time fails as a timeout, once every attempt did. */
static void
test_read_timeout_gives_up (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  g_autoptr(GError) error = NULL;

  loy_rest_store_set_timeout (LOY_REST_STORE (fixture->store), 1);
  for (guint i = 0; i < LOY_REST_STORE_READ_ATTEMPTS; i++)
    loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_STALL_APPLIED);

  shops = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_TIMEOUT);
  g_assert_cmpstr (error->message, ==, "The server did not answer within 1 second");
  g_assert_null (shops);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/shops"), ==,
                    LOY_REST_STORE_READ_ATTEMPTS);
}

/* A write without an answer in time is never sent again: the history
 * tells that it happened. */
static void
test_write_timeout_once (Fixture       *fixture,
                         gconstpointer  data)
{
  LoyAward points = { .points = 5 };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  loy_rest_store_set_timeout (LOY_REST_STORE (fixture->store), 1);
  loy_fake_piggy_add_fault (fixture->fake, "POST", LOY_FAKE_PIGGY_FAULT_STALL_APPLIED);

  entry = loy_store_award_points_sync (fixture->store, SANDY, &points, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 5);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/credit-receptions"), ==, 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 5);
}

/* Retry-After as an HTTP date */

static void
test_retry_after_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Two seconds ahead, to the second: at least one from now. */
  loy_fake_piggy_set_retry_after (fixture->fake, 2);
  loy_fake_piggy_set_retry_after_as_date (fixture->fake, TRUE);
  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_RATE_LIMITED);

  shops = loy_store_query_sync (fixture->store, query, 0, 10, NULL, NULL);
  g_assert_nonnull (shops);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/shops"), ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
}

/* A date further off than the desk waits fails the read at once, saying when. */
static void
test_retry_after_date_far (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_set_retry_after (fixture->fake, 600);
  loy_fake_piggy_set_retry_after_as_date (fixture->fake, TRUE);
  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_RATE_LIMITED);

  shops = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NETWORK);
  /* 599 or 600, as the date is to the second. */
  g_assert_true (g_str_has_prefix (error->message, "The server is receiving too many requests: try again in 599 seconds") ||
                 g_str_has_prefix (error->message, "The server is receiving too many requests: try again in 600 seconds"));
  g_assert_null (shops);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/shops"), ==, 1);
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
  ADD ("timeout/read-retried", test_read_timeout_retried);
  ADD ("timeout/read-gives-up", test_read_timeout_gives_up);
  ADD ("timeout/write-once", test_write_timeout_once);
  ADD ("retry-after/date", test_retry_after_date);
  ADD ("retry-after/date-far", test_retry_after_date_far);

  status = g_test_run ();
  loy_test_remove_tree (cache);
  return status;
}
