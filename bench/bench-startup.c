/* bench-startup.c — cold start of the app to its first frame on 200,000 contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

/* Starts `loyalty-desk --database PATH` a few times with
 * LOYALTY_DESK_EXIT_AFTER_FIRST_FRAME=1 (see loy-window.c), which makes the
 * app print the CLOCK_MONOTONIC time of its first painted frame and its peak
 * memory (VmHWM), then quit. The time to the first frame is counted from
 * just before the process is spawned. The database is made once, next to
 * this program, and kept for later runs. Needs a display: run it under
 * xvfb-run (see bench/meson.build). */

#define N_CONTACTS 200000
#define N_RUNS     5
#define GOAL_SECONDS 0.5

typedef struct
{
  double  seconds;
  gint64  peak_kib;
} StartupRun;

static gboolean
ensure_database (const char  *path,
                 GError     **error)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GTimer) timer = NULL;

  if (!(store = loy_sqlite_store_new (path, error)))
    return FALSE;
  if (!loy_sqlite_store_is_empty (store))
    return TRUE;

  timer = g_timer_new ();
  options.n_contacts = N_CONTACTS;
  if (!loy_sqlite_store_populate_demo (store, &options, NULL, error))
    return FALSE;
  g_print ("demo database with %d contacts made in %.1f s: %s\n",
           N_CONTACTS, g_timer_elapsed (timer, NULL), path);

  return TRUE;
}

/* The value after @key in the app's report, or -1. */
static gint64
report_value (const char *report,
              const char *key)
{
  const char *found = strstr (report, key);

  return found != NULL ? g_ascii_strtoll (found + strlen (key), NULL, 10) : -1;
}

static gboolean
run_app (const char  *program,
         const char  *database,
         StartupRun  *run,
         GError     **error)
{
  const char *argv[] = { program, "--database", database, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LOYALTY_DESK_EXIT_AFTER_FIRST_FRAME",
                                         "1", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 started, first_frame;
  int status;

  started = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s", program, err != NULL ? err : "");
      return FALSE;
    }

  first_frame = report_value (out, "first-frame-us:");
  if (first_frame < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The app reported no first frame:\n%s%s", out, err);
      return FALSE;
    }

  run->seconds = (first_frame - started) / (double) G_USEC_PER_SEC;
  run->peak_kib = report_value (out, "VmHWM:");

  return TRUE;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const StartupRun *run_a = a;
  const StartupRun *run_b = b;

  return (run_a->seconds > run_b->seconds) - (run_a->seconds < run_b->seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  StartupRun runs[N_RUNS];
  const StartupRun *median;

  if (argc != 3)
    {
      g_printerr ("usage: %s PATH-TO-LOYALTY-DESK DATABASE\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("SKIP: no display; run under xvfb-run\n");
      return 77;
    }

  if (!ensure_database (argv[2], &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  /* One start to warm the disk cache: "cold" is a new process, not a cold disk. */
  for (int i = -1; i < N_RUNS; i++)
    {
      StartupRun run;

      if (!run_app (argv[1], argv[2], &run, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      if (i < 0)
        continue;

      runs[i] = run;
      g_print ("run %d: first frame after %.3f s, peak memory %.1f MiB\n",
               i + 1, run.seconds, run.peak_kib / 1024.0);
    }

  qsort (runs, N_RUNS, sizeof runs[0], compare_runs);
  median = &runs[N_RUNS / 2];
  g_print ("start-up to first frame on %d contacts: median %.3f s (min %.3f, max %.3f), "
           "peak memory %.1f MiB; goal < %.1f s: %s\n",
           N_CONTACTS, median->seconds, runs[0].seconds, runs[N_RUNS - 1].seconds,
           median->peak_kib / 1024.0, GOAL_SECONDS,
           median->seconds < GOAL_SECONDS ? "met" : "MISSED");

  return median->seconds < GOAL_SECONDS ? EXIT_SUCCESS : EXIT_FAILURE;
}
