/* test-concurrent.c — copies of a test program hitting one database at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sqlite/loy-sqlite-store.h"
#include "test-concurrent.h"
#include "test-sqlite-fixture.h"

static int
run_child (char                   **argv,
           const TestConcurrentJob *job)
{
  const char *path = argv[2];
  const char *target_uuid = argv[3];
  guint child = g_ascii_strtoull (argv[4], NULL, 10);
  guint n_outcomes = g_strv_length ((char **) job->outcomes);
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) contacts = NULL;
  g_autoptr(GString) printed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint counts[G_N_ELEMENTS (job->outcomes)] = { 0, };

  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  contacts = loy_store_query_sync (LOY_STORE (store), query, 0, TEST_CONCURRENT_CONTACTS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->items->len, ==, TEST_CONCURRENT_CONTACTS);

  for (guint i = 0; i < job->attempts_per_child; i++)
    {
      LoyContact *contact = g_ptr_array_index (contacts->items, (i + child) % TEST_CONCURRENT_CONTACTS);
      guint outcome = 0;

      if (!job->attempt (LOY_STORE (store), loy_contact_get_uuid (contact), target_uuid, &error))
        {
          while (++outcome < n_outcomes && !g_error_matches (error, LOY_ERROR, job->refusals[outcome - 1]))
            ;
          if (outcome == n_outcomes)
            g_error ("%s %u failed: %s", job->what, i, error->message);
        }
      counts[outcome]++;
      g_clear_error (&error);
    }

  for (guint o = 0; o < n_outcomes; o++)
    g_string_append_printf (printed, "%s%u", o > 0 ? " " : "", counts[o]);
  g_print ("%s\n", printed->str);

  return 0;
}

int
test_concurrent_main (int                      argc,
                      char                   **argv,
                      const TestConcurrentJob *job,
                      const char              *test_path,
                      GTestFunc                test)
{
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv, job);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func (test_path, test);

  return g_test_run ();
}

void
test_concurrent_enroll (LoyStore   *store,
                        const char *email_prefix,
                        gint64      points)
{
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GError) error = NULL;

  /* Points come from awards, not welcome gifts. */
  loy_program_set_welcome_points (program, 0);
  updated = loy_store_update_program_sync (store, program, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < TEST_CONCURRENT_CONTACTS; i++)
    {
      g_autoptr(LoyContact) contact_template = loy_contact_new ();
      g_autoptr(LoyContact) contact = NULL;
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autofree char *email = g_strdup_printf ("%s%u@example.com", email_prefix, i);
      LoyAward award = { .points = points };

      loy_contact_set_email (contact_template, email);
      contact = loy_store_enroll_contact_sync (store, contact_template, "test", NULL, &error);
      g_assert_no_error (error);
      entry = loy_store_award_points_sync (store, loy_contact_get_uuid (contact), &award, NULL,
                                           &error);
      g_assert_no_error (error);
    }
}

guint *
test_concurrent_run (const TestConcurrentJob *job,
                     const char              *path,
                     const char              *target_uuid)
{
  guint n_outcomes = g_strv_length ((char **) job->outcomes);
  guint *totals = g_new0 (guint, n_outcomes);
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  GSubprocess *children[TEST_CONCURRENT_CHILDREN];

  g_assert_no_error (error);

  for (guint c = 0; c < TEST_CONCURRENT_CHILDREN; c++)
    {
      g_autofree char *index = g_strdup_printf ("%u", c);

      children[c] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      self, "--child", path, target_uuid, index, NULL);
      g_assert_no_error (error);
    }

  for (guint c = 0; c < TEST_CONCURRENT_CHILDREN; c++)
    {
      g_autofree char *out = NULL;
      g_auto(GStrv) counts = NULL;
      g_autoptr(GString) message = g_string_new (NULL);
      guint attempts = 0;

      g_subprocess_communicate_utf8 (children[c], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (children[c]));
      g_assert_cmpint (g_subprocess_get_exit_status (children[c]), ==, 0);

      counts = g_strsplit (g_strstrip (out), " ", -1);
      g_assert_cmpuint (g_strv_length (counts), ==, n_outcomes);
      for (guint o = 0; o < n_outcomes; o++)
        {
          guint64 count;

          g_assert_true (g_ascii_string_to_unsigned (counts[o], 10, 0, G_MAXUINT, &count, NULL));
          g_string_append_printf (message, "%s%" G_GUINT64_FORMAT " %s", o > 0 ? ", " : "", count,
                                  job->outcomes[o]);
          totals[o] += count;
          attempts += count;
        }
      g_assert_cmpuint (attempts, ==, job->attempts_per_child);
      g_test_message ("child %u: %s", c, message->str);
      g_object_unref (children[c]);
    }

  return totals;
}

void
test_concurrent_assert_balances (const char *path,
                                 gint64      total_points)
{
  sqlite3 *raw = test_sqlite_open_raw (path);
  g_autofree char *integrity = NULL;

  g_assert_cmpint (test_sqlite_int (raw, "SELECT min (balance) FROM contacts"), >=, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                                         " (SELECT sum (credits) FROM ledger_entries"
                                         "  WHERE contact_id = c.id)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT sum (balance) FROM contacts"), ==, total_points);

  integrity = test_sqlite_text (raw, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (raw);
}
