/* bench-open-upgrade.c — how long the main loop stands still while a
 * database from the previous schema version is opened, on the main thread
 * (loy_sqlite_store_new(), as the window did) and in a thread
 * (loy_sqlite_store_new_async())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-open-upgrade DB
 *
 * DB is a database of this version, e.g. one `loyctl --db DB demo --contacts
 * 200000` made; it is left alone. For each way of opening, a copy of it is
 * moved back to the schema before the rollups' migration (which fills the
 * overview's rollups from the whole ledger) and opened while a 10 ms timeout
 * runs on the main loop: the longest gap between two of its ticks is how long
 * a window would have been frozen.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-schema.h"
#include "sqlite/loy-sqlite-store.h"
#include "test-sqlite-fixture.h"

#define TICK_MS 10

typedef struct
{
  GMainLoop      *loop;
  const char     *path;
  gint64          last_tick;
  gint64          longest_gap;
  LoySqliteStore *store;
  GError         *error;
} Run;

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
open_on_main_thread_cb (gpointer user_data)
{
  Run *run = user_data;

  run->store = loy_sqlite_store_new (run->path, &run->error);
  g_main_loop_quit (run->loop);

  return G_SOURCE_REMOVE;
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  run->store = loy_sqlite_store_new_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
open_in_thread_cb (gpointer user_data)
{
  Run *run = user_data;

  loy_sqlite_store_new_async (run->path, NULL, NULL, NULL, opened_cb, run);

  return G_SOURCE_REMOVE;
}

/* A copy of @db at the schema version before the rollups' migration. */
static gboolean
make_old_copy (const char  *db,
               const char  *copy,
               GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (db);
  g_autoptr(GFile) to = g_file_new_for_path (copy);
  sqlite3 *raw;

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;

  /* Back before the rollups' migration, which is what is timed. */
  raw = test_sqlite_open_raw (copy);
  test_sqlite_undo_rollups (raw);
  sqlite3_close (raw);

  return TRUE;
}

static gboolean
measure (const char  *db,
         const char  *copy,
         GSourceFunc  open_func,
         const char  *name,
         GError     **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = { .loop = loop, .path = copy };
  gint64 start;
  guint tick_id;

  if (!make_old_copy (db, copy, error))
    return FALSE;

  run.last_tick = start = g_get_monotonic_time ();
  tick_id = g_timeout_add (TICK_MS, tick_cb, &run);
  g_idle_add (open_func, &run);
  g_main_loop_run (loop);
  tick_cb (&run);
  g_source_remove (tick_id);

  if (run.store == NULL)
    {
      g_propagate_error (error, run.error);
      return FALSE;
    }

  g_print ("%-26s opened and migrated in %6.2f s; main loop stood still for at most %8.3f s\n",
           name, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
           run.longest_gap / (double) G_USEC_PER_SEC);
  g_object_unref (run.store);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (argc != 2)
    {
      g_printerr ("usage: %s DB\n", argv[0]);
      return EXIT_FAILURE;
    }

  dir = g_path_get_dirname (argv[1]);
  copy = g_build_filename (dir, "bench-open-upgrade.db", NULL);

  if (!measure (argv[1], copy, open_on_main_thread_cb, "loy_sqlite_store_new", &error) ||
      !measure (argv[1], copy, open_in_thread_cb, "loy_sqlite_store_new_async", &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (copy, suffixes[i], NULL);

      g_remove (file);
    }

  return EXIT_SUCCESS;
}
