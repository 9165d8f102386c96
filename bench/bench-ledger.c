/* bench-ledger.c — search as you type, redemptions and adjustments on
 * 200,000 contacts, through the store API as the app and loyctl use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

#define N_CONTACTS      200000
#define N_REDEMPTIONS   5000
#define N_ADJUSTMENTS   5000
#define PAGE_SIZE       50
#define KEYSTROKE_GOAL_MS 16.0
#define REDEEM_GOAL_PER_S 5000.0

static const char * const typed_names[] = {
  "anna", "lucas", "sophie", "mohamed", "jansen", "de vries", "nguyen", "fatima", "priya", "okafor",
  /* Any part of a name, not its start */
  "walski", "ansen",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static LoyPage *
search_contacts (LoyStore   *store,
                 const char *text)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->search = g_strdup (text);
  page = loy_store_query_sync (store, query, 0, PAGE_SIZE, NULL, &error);
  if (page == NULL)
    g_error ("Search for “%s” failed: %s", text, error->message);

  return page;
}

/* The CPU time of the process, all threads, in ms: on a shared machine
 * what a keystroke costs, while the wall time also counts the waits for
 * a core. */
static double
cpu_time_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Every prefix of every name, as typed: one query per keystroke. */
static void
bench_search (LoyStore *store)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  double total = 0;

  for (guint n = 0; n < G_N_ELEMENTS (typed_names); n++)
    {
      for (gsize length = 1; typed_names[n][length - 1] != '\0'; length++)
        {
          g_autofree char *typed = g_strndup (typed_names[n], length);
          g_autoptr(LoyPage) page = NULL;
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_time_ms ();
          double ms, cpu_ms;

          page = search_contacts (store, typed);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          cpu_ms = cpu_time_ms () - cpu_start;
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
          total += ms;
          g_print ("  %-10s %6u matches  %7.2f ms (CPU %.2f ms)\n", typed, page->total, ms, cpu_ms);
        }
    }

  qsort (times->data, times->len, sizeof (double), compare_doubles);
  g_print ("search keystroke (first page of %u + total): median %.2f ms, max %.2f ms, "
           "mean %.2f ms over %u keystrokes (goal < %.0f ms)\n",
           PAGE_SIZE, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1), total / times->len, times->len,
           KEYSTROKE_GOAL_MS);
  qsort (cpu_times->data, cpu_times->len, sizeof (double), compare_doubles);
  g_print ("search keystroke CPU time: median %.2f ms, max %.2f ms\n",
           g_array_index (cpu_times, double, cpu_times->len / 2),
           g_array_index (cpu_times, double, cpu_times->len - 1));
}

/* The @n contacts with the most points. */
static GPtrArray *
richest_contacts (LoyStore *store,
                  guint     n)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->sort = g_strdup ("-balance");
  page = loy_store_query_sync (store, query, 0, n, NULL, &error);
  g_assert_no_error (error);

  return g_ptr_array_ref (page->items);
}

static LoyReward *
create_cheap_reward (LoyStore      *store,
                     const char    *title,
                     LoyRewardType  type)
{
  g_autoptr(LoyReward) template = loy_reward_new ();
  g_autoptr(GError) error = NULL;
  LoyReward *reward;

  loy_reward_set_title (template, title);
  loy_reward_set_reward_type (template, type);
  loy_reward_set_required_credits (template, 1);
  reward = loy_store_create_reward_sync (store, template, NULL, &error);
  g_assert_no_error (error);

  return reward;
}

static void
add_codes (const char *path,
           LoyReward  *reward,
           guint       n_codes)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                         "  WHERE i < %u)"
                         " INSERT INTO codes (group_id, code)"
                         " SELECT g.id, printf ('BENCH-%%06d', i) FROM n, code_groups AS g"
                         " JOIN rewards AS r ON r.id = g.reward_id WHERE r.uuid = '%s'",
                         n_codes, loy_reward_get_uuid (reward));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* The demo's one large transaction is still in the WAL: copy it into the
   * database now, or the first timed redemptions would pay for it. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Many tills at once: IN_FLIGHT redemptions are always under way, so the
 * store's worker never waits for a caller to ask again, and those waiting
 * together share a commit (each still all or nothing). This is the
 * store's throughput; bench_redeem() is one caller's latency. */
#define IN_FLIGHT 16

typedef struct
{
  LoyStore  *store;
  GPtrArray *contacts;
  LoyReward *reward;
  guint      started;
  guint      finished;
} Tills;

static void redeem_next (Tills *tills);

static void
redeemed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Tills *tills = user_data;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_redeem_reward_finish (LOY_STORE (object), result, &error);
  g_assert_no_error (error);
  tills->finished++;
  redeem_next (tills);
}

static void
redeem_next (Tills *tills)
{
  LoyContact *contact;

  if (tills->started == N_REDEMPTIONS)
    return;

  contact = g_ptr_array_index (tills->contacts, tills->started++ % tills->contacts->len);
  loy_store_redeem_reward_async (tills->store, loy_contact_get_uuid (contact),
                                 loy_reward_get_uuid (tills->reward), "bench", NULL,
                                 redeemed_cb, tills);
}

static void
bench_redeem_concurrently (LoyStore   *store,
                           GPtrArray  *contacts,
                           LoyReward  *reward,
                           const char *label)
{
  Tills tills = { store, contacts, reward, 0, 0 };
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_time_ms ();
  double seconds, cpu_ms;

  for (guint i = 0; i < IN_FLIGHT; i++)
    redeem_next (&tills);
  while (tills.finished < N_REDEMPTIONS)
    g_main_context_iteration (NULL, TRUE);

  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  cpu_ms = cpu_time_ms () - cpu_start;
  /* The CPU time too: on a shared machine the wall time also counts the waits for a core. */
  g_print ("redemptions (%s, %u tills at once): %u in %.2f s = %.0f/s (goal ≥ %.0f/s), "
           "CPU %.0f µs each\n",
           label, IN_FLIGHT, N_REDEMPTIONS, seconds, N_REDEMPTIONS / seconds, REDEEM_GOAL_PER_S,
           cpu_ms * 1000 / N_REDEMPTIONS);
}

static void
bench_redeem (LoyStore   *store,
              GPtrArray  *contacts,
              LoyReward  *reward,
              const char *label)
{
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint i = 0; i < N_REDEMPTIONS; i++)
    {
      LoyContact *contact = g_ptr_array_index (contacts, i % contacts->len);
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autoptr(GError) error = NULL;

      entry = loy_store_redeem_reward_sync (store, loy_contact_get_uuid (contact),
                                            loy_reward_get_uuid (reward), "bench", NULL, &error);
      g_assert_no_error (error);
    }

  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_print ("redemptions (%s, one till waiting for each): %u in %.2f s = %.0f/s, %.0f µs each\n",
           label, N_REDEMPTIONS, seconds, N_REDEMPTIONS / seconds,
           seconds * G_USEC_PER_SEC / N_REDEMPTIONS);
}

static void
bench_adjust (LoyStore  *store,
              GPtrArray *contacts)
{
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint i = 0; i < N_ADJUSTMENTS; i++)
    {
      LoyContact *contact = g_ptr_array_index (contacts, i % contacts->len);
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autoptr(GError) error = NULL;

      entry = loy_store_adjust_points_sync (store, loy_contact_get_uuid (contact),
                                            i % 2 == 0 ? 5 : -5, "Benchmark", "bench",
                                            NULL, &error);
      g_assert_no_error (error);
    }

  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_print ("adjustments: %u in %.2f s = %.0f/s, %.0f µs each\n",
           N_ADJUSTMENTS, seconds, N_ADJUSTMENTS / seconds,
           seconds * G_USEC_PER_SEC / N_ADJUSTMENTS);
}

/* Makes the demo database at @path unless it is there from a run before. */
static void
make_demo (const char *path)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean kept = g_file_test (path, G_FILE_TEST_EXISTS);
  gint64 start = g_get_monotonic_time ();

  /* Opening a kept database brings it to this version's schema. */
  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  options.n_contacts = N_CONTACTS;
  if (!kept && !loy_sqlite_store_populate_demo (store, &options, NULL, &error))
    g_error ("Could not create the demo database: %s", error->message);
  g_print ("%s database with %u contacts: %.1f s\n", kept ? "kept" : "demo", N_CONTACTS,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static void
copy_database (const char *from,
               const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    g_error ("Could not copy the demo database: %s", error->message);
}

/* With a path, the demo database is made there once and kept, and each
 * run writes to a copy of it: runs start alike and take seconds, not the
 * minutes of the demo data. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-ledger-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(LoyReward) digital = NULL;
  g_autoptr(LoyReward) physical = NULL;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  path = g_build_filename (dir, "loyalty.db", NULL);
  if (argc > 1)
    {
      make_demo (argv[1]);
      copy_database (argv[1], path);
    }
  else
    make_demo (path);
  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);

  bench_search (LOY_STORE (store));
  /* The demo's history spends and expires points, so some contacts have
   * none; the 1,000 richest pay 1 point a redemption without running short. */
  contacts = richest_contacts (LOY_STORE (store), 1000);
  digital = create_cheap_reward (LOY_STORE (store), "Bench voucher", LOY_REWARD_TYPE_DIGITAL);
  physical = create_cheap_reward (LOY_STORE (store), "Bench patty", LOY_REWARD_TYPE_PHYSICAL);
  add_codes (path, digital, 2 * N_REDEMPTIONS);

  bench_redeem (LOY_STORE (store), contacts, digital, "digital");
  bench_redeem (LOY_STORE (store), contacts, physical, "physical");
  bench_redeem_concurrently (LOY_STORE (store), contacts, digital, "digital");
  bench_redeem_concurrently (LOY_STORE (store), contacts, physical, "physical");
  bench_adjust (LOY_STORE (store), contacts);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
