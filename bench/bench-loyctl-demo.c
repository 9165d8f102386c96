/* bench-loyctl-demo.c — how long loyctl takes to build a large demo database
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Runs loyctl with @args and returns the seconds it took, exiting on failure. */
static double
time_loyctl (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed: %s\n%s", args[1], error->message, err ? err : "");
      exit (EXIT_FAILURE);
    }

  return g_timer_elapsed (timer, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  const char *contacts = argc > 2 ? argv[2] : "200000";
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-LOYCTL [CONTACTS]\n", argv[0]);
      return EXIT_FAILURE;
    }

  if (!(tmpdir = g_dir_make_tmp ("bench-loyctl-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  db = g_build_filename (tmpdir, "loyalty.db", NULL);

  g_print ("demo --contacts %s: %.2f s\n", contacts,
           time_loyctl ((const char *[]) { argv[1], "--db", db, "demo", "--contacts", contacts, NULL }));
  g_print ("rewards list --json: %.3f s\n",
           time_loyctl ((const char *[]) { argv[1], "--db", db, "--json", "rewards", "list", NULL }));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);

  return EXIT_SUCCESS;
}
