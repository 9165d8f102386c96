/* test-concurrent-redeem.c — two processes redeem from one code group at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"
#include "test-sqlite-fixture.h"

#define N_CHILDREN            2
#define REDEMPTIONS_PER_CHILD 5000
#define N_CONTACTS            40
#define POINTS_PER_CONTACT    300   /* 12,000 points in all */
#define N_CODES               8000  /* fewer than the attempts: the last ones run out */

/* Child: redeems REDEMPTIONS_PER_CHILD times, round robin over the contacts,
 * and prints "redeemed out_of_codes insufficient". Any other error fails. */
static int
run_child (const char *path,
           const char *reward_uuid,
           guint       child)
{
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) contacts = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[3] = { 0, };

  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  contacts = loy_store_query_sync (LOY_STORE (store), query, 0, N_CONTACTS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->items->len, ==, N_CONTACTS);

  for (guint i = 0; i < REDEMPTIONS_PER_CHILD; i++)
    {
      LoyContact *contact = g_ptr_array_index (contacts->items, (i + child) % N_CONTACTS);
      g_autoptr(LoyLedgerEntry) entry = NULL;

      entry = loy_store_redeem_reward_sync (LOY_STORE (store), loy_contact_get_uuid (contact),
                                            reward_uuid, "child", NULL, &error);
      if (entry != NULL)
        counts[0]++;
      else if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUT_OF_CODES))
        counts[1]++;
      else if (g_error_matches (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE))
        counts[2]++;
      else
        g_error ("Redemption %u failed: %s", i, error->message);

      g_clear_error (&error);
    }

  g_print ("%u %u %u\n", counts[0], counts[1], counts[2]);

  return 0;
}

static char *
prepare_database (TestSqliteFixture *fixture)
{
  LoySqliteStore *store = fixture->store;
  g_autoptr(LoyReward) template = loy_reward_new ();
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  sqlite3 *raw;

  /* Points come from awards, not welcome gifts. */
  loy_program_set_welcome_points (program, 0);
  updated = loy_store_update_program_sync (LOY_STORE (store), program, NULL, &error);
  g_assert_no_error (error);

  loy_reward_set_title (template, "Bubble Party Voucher");
  loy_reward_set_reward_type (template, LOY_REWARD_TYPE_DIGITAL);
  loy_reward_set_required_credits (template, 1);
  reward = loy_store_create_reward_sync (LOY_STORE (store), template, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autoptr(LoyContact) contact_template = loy_contact_new ();
      g_autoptr(LoyContact) contact = NULL;
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autofree char *email = g_strdup_printf ("saver%u@example.com", i);
      LoyAward award = { .points = POINTS_PER_CONTACT };

      loy_contact_set_email (contact_template, email);
      contact = loy_store_enroll_contact_sync (LOY_STORE (store), contact_template, "test", NULL, &error);
      g_assert_no_error (error);
      entry = loy_store_award_points_sync (LOY_STORE (store), loy_contact_get_uuid (contact), &award,
                                           NULL, &error);
      g_assert_no_error (error);
    }

  raw = test_sqlite_open_raw (fixture->path);
  test_sqlite_exec (raw,
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                    "  WHERE i < %d)"
                    " INSERT INTO codes (group_id, code)"
                    " SELECT (SELECT id FROM code_groups), printf ('BUBBLE-%%05d', i) FROM n",
                    N_CODES);
  sqlite3_close (raw);

  return g_strdup (loy_reward_get_uuid (reward));
}

static void
test_concurrent_redeem (void)
{
  TestSqliteFixture fixture = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *reward_uuid = NULL;
  GSubprocess *children[N_CHILDREN];
  guint redeemed = 0;
  guint out_of_codes = 0;
  sqlite3 *raw;
  g_autofree char *integrity = NULL;

  g_assert_no_error (error);
  test_sqlite_fixture_setup (&fixture, NULL);
  reward_uuid = prepare_database (&fixture);

  for (guint c = 0; c < N_CHILDREN; c++)
    {
      g_autofree char *index = g_strdup_printf ("%u", c);

      children[c] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      self, "--child", fixture.path, reward_uuid, index, NULL);
      g_assert_no_error (error);
    }

  for (guint c = 0; c < N_CHILDREN; c++)
    {
      g_autofree char *out = NULL;
      guint counts[3];

      g_subprocess_communicate_utf8 (children[c], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (children[c]));
      g_assert_cmpint (g_subprocess_get_exit_status (children[c]), ==, 0);
      g_assert_cmpint (sscanf (out, "%u %u %u", &counts[0], &counts[1], &counts[2]), ==, 3);
      g_assert_cmpuint (counts[0] + counts[1] + counts[2], ==, REDEMPTIONS_PER_CHILD);
      g_test_message ("child %u: %u redeemed, %u out of codes, %u short of points",
                      c, counts[0], counts[1], counts[2]);
      redeemed += counts[0];
      out_of_codes += counts[1];
      g_object_unref (children[c]);
    }

  /* More attempts than codes and points enough: every code went out. */
  g_assert_cmpuint (redeemed, ==, N_CODES);
  g_assert_cmpuint (out_of_codes, ==, N_CHILDREN * REDEMPTIONS_PER_CHILD - N_CODES);

  raw = test_sqlite_open_raw (fixture.path);

  /* No code issued twice, none lost. */
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) - count (DISTINCT code_id) FROM ledger_entries"
                                 " WHERE code_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM ledger_entries WHERE entry_type = 'REWARD_RECEPTION'"),
                   ==, redeemed);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM codes WHERE contact_id IS NOT NULL"), ==, redeemed);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM codes AS k JOIN ledger_entries AS e"
                                 " ON e.code_id = k.id AND e.contact_id = k.contact_id"), ==, redeemed);
  g_assert_cmpint (redeemed + test_sqlite_int (raw, "SELECT count(*) FROM codes WHERE contact_id IS NULL"),
                   ==, N_CODES);

  /* Balances: never negative, always the sum of the ledger. */
  g_assert_cmpint (test_sqlite_int (raw, "SELECT min (balance) FROM contacts"), >=, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                                 " (SELECT sum (credits) FROM ledger_entries WHERE contact_id = c.id)"),
                   ==, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT sum (balance) FROM contacts"), ==,
                   N_CONTACTS * POINTS_PER_CONTACT - redeemed);

  integrity = test_sqlite_text (raw, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (raw);

  test_sqlite_fixture_teardown (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], g_ascii_strtoull (argv[4], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/concurrent-redeem", test_concurrent_redeem);

  return g_test_run ();
}
