/* bench-export.c — our streaming CSV export against `sqlite3 -csv`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a fresh database with N codes in one group (and, second, M demo
 * contacts), then times loy_store_export_to_file_sync() of them and the
 * sqlite3 shell writing the same rows and columns as CSV to a file. Prints
 * both times, our speed as a share of the shell's, and how much the
 * process's peak memory grew during our export (VmHWM, reset before it).
 *
 *   bench-export [N_CODES] [N_CONTACTS] (default 1000000 200000); needs sqlite3 on PATH
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

/* The shell's SELECT for the same rows and columns as our export (the
 * codes' one a format for the group's UUID). */
#define SHELL_CODES_SQL \
  "SELECT t.code AS code," \
  " CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked' WHEN t.contact_id IS NULL THEN 'available'" \
  " ELSE 'issued' END AS status, c.uuid AS contact_uuid," \
  " strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', t.issued_at, 'unixepoch') AS issued_at" \
  " FROM codes AS t LEFT JOIN contacts AS c ON c.id = t.contact_id" \
  " WHERE t.group_id = (SELECT id FROM code_groups WHERE uuid = '%s') ORDER BY t.code;"

#define SHELL_CONTACTS_SQL \
  "SELECT t.uuid AS uuid, t.email AS email, t.first_name AS first_name, t.last_name AS last_name," \
  " t.balance AS balance, l.name AS level, t.attributes AS attributes," \
  " strftime ('%Y-%m-%dT%H:%M:%SZ', t.created_at, 'unixepoch') AS created_at" \
  " FROM contacts AS t LEFT JOIN levels AS l ON l.id = t.level_id ORDER BY t.id;"

/* A field of /proc/self/status, in KiB. */
static guint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (field) + 1, NULL, 10);
}

/* Resets VmHWM to the current RSS (Linux 4.0 and later). */
static void
reset_peak_memory (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static double
time_our_export (LoySqliteStore  *store,
                 const LoyExport *export,
                 const char      *path,
                 gint64           expected_rows,
                 guint64         *peak_growth_kib)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint64 rss_before;
  gint64 start;
  gint64 n_rows;

  reset_peak_memory ();
  rss_before = read_status_kib ("VmRSS:");
  start = g_get_monotonic_time ();
  n_rows = loy_store_export_to_file_sync (LOY_STORE (store), export, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, expected_rows);
  *peak_growth_kib = read_status_kib ("VmHWM:") - MIN (rss_before, read_status_kib ("VmHWM:"));

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
time_shell_export (const char *db_path,
                   const char *sql,
                   const char *path)
{
  g_autofree char *command = g_strdup_printf ("sqlite3 -csv -header '%s' \"%s\" > '%s'", db_path, sql, path);
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("sqlite3 -csv failed");

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

static void
report (const char *what,
        guint       n_rows,
        double      ours,
        double      shell,
        guint64     peak_growth_kib,
        const char *our_path,
        const char *shell_path)
{
  g_print ("%s: %u rows\n", what, n_rows);
  g_print ("  loy_store_export:   %.2f s (%.0f rows/s, %" G_GUINT64_FORMAT " bytes)\n",
           ours, n_rows / ours, file_size (our_path));
  g_print ("  sqlite3 -csv:       %.2f s (%.0f rows/s, %" G_GUINT64_FORMAT " bytes)\n",
           shell, n_rows / shell, file_size (shell_path));
  g_print ("  our speed / shell's: %.2fx (goal: at least 0.50x)\n", shell / ours);
  g_print ("  peak memory growth during our export: %.1f MiB\n", peak_growth_kib / 1024.0);
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
  g_autofree char *dir = g_dir_make_tmp ("bench-export-XXXXXX", NULL);
  guint n_codes = argc > 1 ? atoi (argv[1]) : 1000000;
  guint n_contacts = argc > 2 ? atoi (argv[2]) : 200000;
  g_autofree char *codes_db = g_build_filename (dir, "codes.db", NULL);
  g_autofree char *contacts_db = g_build_filename (dir, "contacts.db", NULL);
  g_autofree char *ours = g_build_filename (dir, "ours.csv", NULL);
  g_autofree char *shell = g_build_filename (dir, "shell.csv", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LoySqliteStore) store = loy_sqlite_store_new (codes_db, &error);
    g_autoptr(LoyReward) reward = loy_reward_new ();
    g_autoptr(LoyReward) created = NULL;
    g_autoptr(LoyImportSummary) generated = NULL;
    g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);
    g_autofree char *sql = NULL;
    double our_time, shell_time;
    guint64 growth;

    g_assert_no_error (error);
    loy_reward_set_title (reward, "Benchmark voucher");
    loy_reward_set_reward_type (reward, LOY_REWARD_TYPE_DIGITAL);
    loy_reward_set_required_credits (reward, 10);
    created = loy_store_create_reward_sync (LOY_STORE (store), reward, NULL, &error);
    g_assert_no_error (error);
    generated = loy_store_generate_codes_sync (LOY_STORE (store), loy_reward_get_code_group_uuid (created),
                                               "XXXX-XXXX-XXXX", n_codes, NULL, NULL, NULL, &error);
    g_assert_no_error (error);

    export->uuid = g_strdup (loy_reward_get_code_group_uuid (created));
    sql = g_strdup_printf (SHELL_CODES_SQL, export->uuid);
    our_time = time_our_export (store, export, ours, n_codes, &growth);
    shell_time = time_shell_export (codes_db, sql, shell);
    report ("codes of one group", n_codes, our_time, shell_time, growth, ours, shell);
  }

  {
    g_autoptr(LoySqliteStore) store = loy_sqlite_store_new (contacts_db, &error);
    g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CONTACTS);
    LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
    g_autoptr(LoyPage) page = NULL;
    g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
    double our_time, shell_time;
    guint64 growth;

    g_assert_no_error (error);
    options.n_contacts = n_contacts;
    g_assert_true (loy_sqlite_store_populate_demo (store, &options, NULL, &error));
    g_assert_no_error (error);
    page = loy_store_query_sync (LOY_STORE (store), query, 0, 1, NULL, &error);
    g_assert_no_error (error);

    our_time = time_our_export (store, export, ours, page->total, &growth);
    shell_time = time_shell_export (contacts_db, SHELL_CONTACTS_SQL, shell);
    report ("contacts", page->total, our_time, shell_time, growth, ours, shell);
  }

  remove_dir (dir);

  return 0;
}
