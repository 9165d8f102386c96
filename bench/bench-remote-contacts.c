/* bench-remote-contacts.c — a 10,000-contact Piggy account from a server
 * on this computer that answers in pages of 10 whatever the limit, through
 * the store as the app and loyctl use it: the first 100 contacts, the
 * local index filled, and search keystrokes on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "loy-core.h"
#include "loy-fake-piggy.h"
#include "rest/loy-rest-store.h"

#define N_CONTACTS   10000
#define FIRST_ROWS   100
#define N_RUNS       10
#define GOAL_MS      300.0
#define KEYSTROKE_GOAL_MS 16.0

static const char * const typed[] = { "c", "co", "con", "0", "00", "004", "0042", "00421", "sandy", "example" };
#define API_KEY      "bench-key"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The milliseconds from asking to having the rows, of a store that has
 * not seen the account before (so it learns the page size too). */
static double
first_rows_ms (LoyFakePiggy *fake,
               guint         offset)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new (loy_fake_piggy_get_base_url (fake), API_KEY);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  page = loy_store_query_sync (LOY_STORE (store), query, offset, FIRST_ROWS, NULL, &error);
  if (page == NULL)
    g_error ("The query failed: %s", error->message);
  if (page->items->len != FIRST_ROWS || page->total != N_CONTACTS + 1)
    g_error ("%u rows of %u, not %u of %u", page->items->len, page->total, FIRST_ROWS, N_CONTACTS + 1);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
median_of (LoyFakePiggy *fake,
           guint         offset,
           double       *worst)
{
  double times[N_RUNS];

  for (guint i = 0; i < N_RUNS; i++)
    times[i] = first_rows_ms (fake, offset);

  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  *worst = times[N_RUNS - 1];
  return times[N_RUNS / 2];
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }

  g_remove (path);
}

static LoyPage *
search (LoyStore   *store,
        const char *text)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->search = g_strdup (text);
  page = loy_store_query_sync (store, query, 0, 50, NULL, &error);
  if (page == NULL)
    g_error ("The search for \"%s\" failed: %s", text, error->message);

  return page;
}

/* The first search fills the index; then each keystroke is a search. */
static gboolean
bench_index (LoyFakePiggy *fake)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new (loy_fake_piggy_get_base_url (fake), API_KEY);
  g_autoptr(LoyPage) first = NULL;
  double times[G_N_ELEMENTS (typed)];
  gint64 start = g_get_monotonic_time ();
  double fill_ms;

  first = search (LOY_STORE (store), "sandy");
  fill_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("index of %u contacts filled (and searched): %.0f ms\n", N_CONTACTS + 1, fill_ms);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(LoyPage) page = NULL;

      start = g_get_monotonic_time ();
      page = search (LOY_STORE (store), typed[i]);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_print ("  \"%s\": %u matches, %.2f ms\n", typed[i], page->total, times[i]);
    }

  qsort (times, G_N_ELEMENTS (typed), sizeof (double), compare_doubles);
  g_print ("search keystroke on the index: median %.2f ms, worst %.2f ms (goal < %.0f ms)\n",
           times[G_N_ELEMENTS (typed) / 2], times[G_N_ELEMENTS (typed) - 1], KEYSTROKE_GOAL_MS);

  return times[G_N_ELEMENTS (typed) - 1] < KEYSTROKE_GOAL_MS;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("bench-remote-contacts-XXXXXX", NULL);
  g_autoptr(LoyFakePiggy) fake = NULL;
  guint before;
  double first, deep, worst_first, worst_deep;
  gboolean index_ok;

  /* The index goes into a folder of the benchmark's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  fake = loy_fake_piggy_new (API_KEY);

  loy_fake_piggy_add_contacts (fake, N_CONTACTS);

  before = loy_fake_piggy_get_n_requests (fake);
  first_rows_ms (fake, 0);
  g_print ("requests for the first %u rows: %u (pages of 10)\n", FIRST_ROWS,
           loy_fake_piggy_get_n_requests (fake) - before);

  first = median_of (fake, 0, &worst_first);
  deep = median_of (fake, N_CONTACTS / 2, &worst_deep);
  g_print ("first %u of %u contacts: median %.1f ms, worst %.1f ms (goal < %.0f ms)\n",
           FIRST_ROWS, N_CONTACTS, first, worst_first, GOAL_MS);
  g_print ("%u contacts from row %u: median %.1f ms, worst %.1f ms\n",
           FIRST_ROWS, N_CONTACTS / 2, deep, worst_deep);

  index_ok = bench_index (fake);

  remove_tree (cache);

  return first < GOAL_MS && index_ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
