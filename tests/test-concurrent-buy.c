/* test-concurrent-buy.c — two processes buy from one campaign with a total
 * limit at once: never more sold than the limit, no code twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"
#include "test-sqlite-fixture.h"

#define N_CHILDREN         2
#define BUYS_PER_CHILD     1500
#define N_CONTACTS         40
#define POINTS_PER_CONTACT 1000  /* 40,000 points: enough for every try */
#define COST               10
#define LIMIT              1200  /* fewer than the tries and the codes */
#define N_CODES            2000

/* Child: buys BUYS_PER_CHILD times, round robin over the contacts, and
 * prints "bought sold_out". Any other error fails. */
static int
run_child (const char *path,
           const char *campaign_uuid,
           guint       child)
{
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) contacts = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[2] = { 0, };

  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  contacts = loy_store_query_sync (LOY_STORE (store), query, 0, N_CONTACTS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->items->len, ==, N_CONTACTS);

  for (guint i = 0; i < BUYS_PER_CHILD; i++)
    {
      LoyContact *contact = g_ptr_array_index (contacts->items, (i + child) % N_CONTACTS);
      g_autoptr(LoyCampaignPurchase) purchase = NULL;

      purchase = loy_store_buy_campaign_sync (LOY_STORE (store), loy_contact_get_uuid (contact),
                                              campaign_uuid, "child", NULL, &error);
      if (purchase != NULL)
        counts[0]++;
      else if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUT_OF_STOCK))
        counts[1]++;
      else
        g_error ("Purchase %u failed: %s", i, error->message);

      g_clear_error (&error);
    }

  g_print ("%u %u\n", counts[0], counts[1]);

  return 0;
}

static char *
prepare_database (TestSqliteFixture *fixture)
{
  LoyStore *store = LOY_STORE (fixture->store);
  g_autoptr(LoyCampaign) template = loy_campaign_new ();
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  loy_program_set_welcome_points (program, 0);
  updated = loy_store_update_program_sync (store, program, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CODES; i++)
    g_ptr_array_add (codes, g_strdup_printf ("LIMITED-%05u", i));
  g_ptr_array_add (codes, NULL);

  loy_campaign_set_campaign_type (template, LOY_CAMPAIGN_TYPE_VALUE_CODE);
  loy_campaign_set_name (template, "Limited edition");
  loy_campaign_set_cost_in_points (template, COST);
  loy_campaign_set_limit (template, LIMIT);
  campaign = loy_store_create_campaign_sync (store, template, (const char * const *) codes->pdata,
                                             NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autoptr(LoyContact) contact_template = loy_contact_new ();
      g_autoptr(LoyContact) contact = NULL;
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autofree char *email = g_strdup_printf ("buyer%u@example.com", i);
      LoyAward award = { .points = POINTS_PER_CONTACT };

      loy_contact_set_email (contact_template, email);
      contact = loy_store_enroll_contact_sync (store, contact_template, "test", NULL, &error);
      g_assert_no_error (error);
      entry = loy_store_award_points_sync (store, loy_contact_get_uuid (contact), &award, NULL,
                                           &error);
      g_assert_no_error (error);
    }

  return g_strdup (loy_campaign_get_uuid (campaign));
}

static void
test_concurrent_buy (void)
{
  TestSqliteFixture fixture = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *campaign_uuid = NULL;
  g_autofree char *integrity = NULL;
  GSubprocess *children[N_CHILDREN];
  guint bought = 0;
  sqlite3 *raw;

  g_assert_no_error (error);
  test_sqlite_fixture_setup (&fixture, NULL);
  campaign_uuid = prepare_database (&fixture);

  for (guint c = 0; c < N_CHILDREN; c++)
    {
      g_autofree char *index = g_strdup_printf ("%u", c);

      children[c] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      self, "--child", fixture.path, campaign_uuid, index, NULL);
      g_assert_no_error (error);
    }

  for (guint c = 0; c < N_CHILDREN; c++)
    {
      g_autofree char *out = NULL;
      guint counts[2];

      g_subprocess_communicate_utf8 (children[c], NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (children[c]));
      g_assert_cmpint (g_subprocess_get_exit_status (children[c]), ==, 0);
      g_assert_cmpint (sscanf (out, "%u %u", &counts[0], &counts[1]), ==, 2);
      g_assert_cmpuint (counts[0] + counts[1], ==, BUYS_PER_CHILD);
      g_test_message ("child %u: %u bought, %u sold out", c, counts[0], counts[1]);
      bought += counts[0];
      g_object_unref (children[c]);
    }

  /* Exactly the limit sold: more tries than it, points and codes enough. */
  g_assert_cmpuint (bought, ==, LIMIT);

  raw = test_sqlite_open_raw (fixture.path);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM campaign_purchases"), ==, LIMIT);
  /* No code twice: each purchase its own, each issued code one purchase's. */
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count (DISTINCT code_id) FROM campaign_purchases"),
                   ==, LIMIT);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM codes WHERE contact_id IS NOT NULL"),
                   ==, LIMIT);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM campaign_purchases AS p"
                                         " JOIN codes AS k ON k.id = p.code_id"
                                         " AND k.contact_id = p.contact_id AND k.code = p.code"),
                   ==, LIMIT);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM ledger_entries"
                                         " WHERE entry_type = 'CAMPAIGN_PURCHASE'"), ==, LIMIT);

  /* Balances: the sums of the ledger, the cost of what was sold taken. */
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                                         " (SELECT sum (credits) FROM ledger_entries"
                                         "  WHERE contact_id = c.id)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT sum (balance) FROM contacts"), ==,
                   N_CONTACTS * POINTS_PER_CONTACT - LIMIT * COST);

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

  g_test_add_func ("/campaigns/concurrent-buy", test_concurrent_buy);

  return g_test_run ();
}
