/* bench-import.c — our code import against the sqlite3 shell's bulk insert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes N random codes to a file, then times importing it into an empty
 * code group with loy_store_import_codes(), and the sqlite3 shell loading
 * the same file into the same table in a fresh database made by our
 * schema, the fastest way it can: ".import" into a staging table, then one
 * INSERT … SELECT … ORDER BY code (in the order of the (group_id, code)
 * index), in one transaction. Prints both times and our speed as a share
 * of the shell's.
 *
 *   bench-import [N] (default 1000000); needs sqlite3 on PATH
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "loy-code-generator.h"
#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

static char *
write_codes (const char *dir,
             guint       n_codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new ("XXXX-XXXX-XXXX", &error);
  char *path = g_build_filename (dir, "codes.txt", NULL);
  FILE *file = fopen (path, "w");

  g_assert_no_error (error);
  g_assert_nonnull (file);

  /* 20¹² possible codes: a repeat among a million is a one in 8000 chance. */
  for (guint i = 0; i < n_codes; i++)
    {
      fputs (loy_code_generator_next (generator, &error), file);
      fputc ('\n', file);
    }
  g_assert_cmpint (fclose (file), ==, 0);

  return path;
}

/* A fresh database made by our schema, with one digital reward; returns
 * its code group. */
static LoySqliteStore *
create_store (const char  *path,
              char       **group_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoySqliteStore) store = loy_sqlite_store_new (path, &error);
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) created = NULL;

  g_assert_no_error (error);
  loy_reward_set_title (reward, "Benchmark voucher");
  loy_reward_set_reward_type (reward, LOY_REWARD_TYPE_DIGITAL);
  loy_reward_set_required_credits (reward, 10);
  created = loy_store_create_reward_sync (LOY_STORE (store), reward, NULL, &error);
  g_assert_no_error (error);

  *group_uuid = g_strdup (loy_reward_get_code_group_uuid (created));
  return g_steal_pointer (&store);
}

static double
time_our_import (const char *dir,
                 const char *codes_path,
                 guint       n_codes)
{
  g_autofree char *db_path = g_build_filename (dir, "ours.db", NULL);
  g_autofree char *group_uuid = NULL;
  g_autoptr(LoySqliteStore) store = create_store (db_path, &group_uuid);
  g_autoptr(GFile) file = g_file_new_for_path (codes_path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, NULL);
  g_autoptr(LoyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  summary = loy_store_import_codes_sync (LOY_STORE (store), group_uuid, G_INPUT_STREAM (input),
                                         NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->added + summary->duplicates, ==, n_codes);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
time_shell_import (const char *dir,
                   const char *codes_path)
{
  g_autofree char *db_path = g_build_filename (dir, "shell.db", NULL);
  g_autofree char *group_uuid = NULL;
  g_autofree char *import = g_strdup_printf (".import --csv --schema temp '%s' staging", codes_path);
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 start;
  /* The same page cache as our import uses, so the two compare code, not settings. */
  const char *import_argv[] = {
    "sqlite3", "-cmd", "PRAGMA cache_size = -131072", db_path,
    "BEGIN; CREATE TEMP TABLE staging (code TEXT NOT NULL);",
    import,
    "INSERT INTO codes (group_id, code) SELECT 1, code FROM temp.staging WHERE true"
    " ORDER BY code ON CONFLICT (group_id, code) DO NOTHING; COMMIT;",
    NULL
  };

  g_object_unref (create_store (db_path, &group_uuid));

  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) import_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 bulk insert failed: %s", standard_error);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  guint n_codes = argc > 1 ? atoi (argv[1]) : 1000000;
  g_autofree char *codes_path = write_codes (dir, n_codes);
  double ours = time_our_import (dir, codes_path, n_codes);
  double shell = time_shell_import (dir, codes_path);

  g_print ("codes:                %u\n", n_codes);
  g_print ("loy_store_import:     %.2f s (%.0f codes/s)\n", ours, n_codes / ours);
  g_print ("sqlite3 sorted bulk:  %.2f s (%.0f codes/s)\n", shell, n_codes / shell);
  g_print ("our speed / shell's:  %.2fx (goal: at least 0.80x)\n", shell / ours);

  remove_dir (dir);

  return 0;
}
