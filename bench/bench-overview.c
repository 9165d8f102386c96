/* bench-overview.c — the program overview on 200,000 contacts and their
 * year of demo history, against the sqlite3 shell scanning the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes the demo database (or opens the one made before at DB), then times loy_store_get_overview_sync() for the
 * periods the Overview offers (the median of 20 runs each, after one to warm
 * the cache), and, in the same run, the sqlite3 shell computing the same
 * period's sums straight from the ledger for the longest one. Prints each
 * time, the goal (under 50 ms) and the shell's time over ours, and checks
 * that both got the same figures.
 *
 *   bench-overview [N_CONTACTS [DB]] (default 200000 and a temporary file); needs
 *   sqlite3 on PATH. A DB made on another day has its history end then.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

#define N_RUNS 20
#define GOAL_MS 50.0

/* The period's sums as the ledger has them (points spent on campaigns are
 * redeemed too), reversals on their original's day; %1$ and %2$ are the period's first and last unix second + 1. */
#define SHELL_SQL \
  "SELECT (SELECT count(*) FROM contacts WHERE created_at >= %1$" G_GINT64_FORMAT \
  "   AND created_at < %2$" G_GINT64_FORMAT ")," \
  " (SELECT count (DISTINCT contact_id) FROM ledger_entries WHERE created_at >= %1$" \
  G_GINT64_FORMAT " AND created_at < %2$" G_GINT64_FORMAT ")," \
  " sum (CASE WHEN kind IN ('CREDIT_RECEPTION', 'WELCOME') OR (kind = 'ADJUSTMENT' AND kind_credits > 0)" \
  "   THEN credits ELSE 0 END)," \
  " sum (CASE WHEN kind IN ('REWARD_RECEPTION', 'CAMPAIGN_PURCHASE', 'CASHBACK') THEN -credits" \
  "   ELSE 0 END)," \
  " sum (CASE WHEN kind = 'EXPIRY' THEN -credits ELSE 0 END)," \
  " sum (CASE WHEN kind = 'REWARD_RECEPTION' THEN CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END" \
  "   ELSE 0 END)," \
  " (SELECT sum (balance) FROM contacts)" \
  " FROM (SELECT e.credits, e.reverses_id, coalesce (o.entry_type, e.entry_type) AS kind," \
  "   coalesce (o.credits, e.credits) AS kind_credits, coalesce (o.created_at, e.created_at) AS kind_at" \
  "   FROM ledger_entries AS e LEFT JOIN ledger_entries AS o ON o.id = e.reverses_id)" \
  " WHERE kind_at >= %1$" G_GINT64_FORMAT " AND kind_at < %2$" G_GINT64_FORMAT ";"

static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (time);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of N_RUNS overviews of [@from, @to), in ms. */
static double
time_overview (LoyStore     *store,
               const GDate  *from,
               const GDate  *to,
               LoyOverview **last)
{
  double times[N_RUNS];

  g_clear_object (last);
  *last = loy_store_get_overview_sync (store, from, to, NULL, NULL);
  g_assert_nonnull (*last);

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(LoyOverview) overview = NULL;
      gint64 start = g_get_monotonic_time ();

      overview = loy_store_get_overview_sync (store, from, to, NULL, NULL);
      g_assert_nonnull (overview);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

/* The shell's time for the period's sums, in ms, and the sums. */
static double
time_shell (const char *db_path,
            gint64      from,
            gint64      to,
            char      **output)
{
  g_autofree char *sql = g_strdup_printf (SHELL_SQL, from, to);
  const char *argv[] = { "sqlite3", db_path, sql, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, output, NULL,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 failed");

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  guint n_contacts = argc > 1 ? atoi (argv[1]) : 200000;
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(LoyOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shell_output = NULL;
  g_autofree char *ours = NULL;
  gboolean kept;
  const LoyOverviewFigures *figures;
  static const guint period_days[] = { 7, 30, 90, 365 };
  double longest_ms = 0, shell_ms, worst_ms = 0;
  GDate today, tomorrow;
  gint64 start;

  if (argc > 2)
    {
      db_path = g_strdup (argv[2]);
    }
  else
    {
      dir = g_dir_make_tmp ("bench-overview-XXXXXX", NULL);
      db_path = g_build_filename (dir, "loyalty.db", NULL);
    }
  kept = g_file_test (db_path, G_FILE_TEST_EXISTS);

  start = g_get_monotonic_time ();
  store = loy_sqlite_store_new (db_path, &error);
  g_assert_no_error (error);
  if (!kept)
    {
      options.n_contacts = n_contacts;
      g_assert_true (loy_sqlite_store_populate_demo (store, &options, NULL, &error));
      g_assert_no_error (error);
    }
  g_print ("%s: %u contacts, a year of history, in %.1f s\n",
           kept ? "opened" : "demo data", n_contacts,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  tomorrow = today;
  g_date_add_days (&tomorrow, 1);

  for (guint i = 0; i <= G_N_ELEMENTS (period_days); i++)
    {
      GDate from = tomorrow;
      double ms;

      /* Last, this year. */
      if (i < G_N_ELEMENTS (period_days))
        g_date_subtract_days (&from, period_days[i]);
      else
        g_date_set_dmy (&from, 1, 1, g_date_get_year (&today));

      ms = time_overview (LOY_STORE (store), &from, &tomorrow, &overview);
      worst_ms = MAX (worst_ms, ms);
      g_print ("overview of %3u days (and the %u before): %6.2f ms\n",
               g_date_days_between (&from, &tomorrow), g_date_days_between (&from, &tomorrow), ms);
      if (i == G_N_ELEMENTS (period_days) - 1)
        longest_ms = ms;
    }
  g_print ("slowest period: %.2f ms (goal: under %.0f ms)\n", worst_ms, GOAL_MS);

  /* The year again, for the figures the shell is checked against. */
  {
    GDate from = tomorrow;

    g_date_subtract_days (&from, 365);
    longest_ms = time_overview (LOY_STORE (store), &from, &tomorrow, &overview);
    shell_ms = time_shell (db_path, local_midnight (&from), local_midnight (&tomorrow),
                           &shell_output);
  }

  figures = loy_overview_get_figures (overview);
  ours = g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%"
                          G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%"
                          G_GINT64_FORMAT "\n",
                          figures->enrollments, figures->active_contacts, figures->points_issued,
                          figures->points_redeemed, figures->points_expired, figures->redemptions,
                          loy_overview_get_points_outstanding (overview));
  g_assert_cmpstr (ours, ==, shell_output);

  g_print ("365 days: ours %.2f ms (both periods, series, levels, top rewards, code groups),"
           " sqlite3 shell %.0f ms (the period's sums alone)\n", longest_ms, shell_ms);
  g_print ("  the shell's time / ours: %.0fx (goal: above 1x)\n", shell_ms / longest_ms);

  g_clear_object (&overview);
  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_remove (db_path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }

  return 0;
}
