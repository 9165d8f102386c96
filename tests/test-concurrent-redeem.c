/* test-concurrent-redeem.c — two processes redeem from one code group at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"
#include "test-concurrent.h"
#include "test-sqlite-fixture.h"

#define REDEMPTIONS_PER_CHILD 5000
#define POINTS_PER_CONTACT    300   /* 12,000 points in all */
#define N_CODES               8000  /* fewer than the attempts: the last ones run out */

static gboolean
redeem_once (LoyStore    *store,
             const char  *contact_uuid,
             const char  *reward_uuid,
             GError     **error)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;

  entry = loy_store_redeem_reward_sync (store, contact_uuid, reward_uuid, "child", NULL, error);

  return entry != NULL;
}

/* Each child redeems REDEMPTIONS_PER_CHILD times. */
static const TestConcurrentJob redeem_job = {
  .what = "Redemption",
  .attempts_per_child = REDEMPTIONS_PER_CHILD,
  .attempt = redeem_once,
  .outcomes = { "redeemed", "out of codes", "short of points", NULL },
  .refusals = { LOY_ERROR_OUT_OF_CODES, LOY_ERROR_INSUFFICIENT_BALANCE },
};

static char *
prepare_database (TestSqliteFixture *fixture)
{
  LoySqliteStore *store = fixture->store;
  g_autoptr(LoyReward) template = loy_reward_new ();
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  loy_reward_set_title (template, "Bubble Party Voucher");
  loy_reward_set_reward_type (template, LOY_REWARD_TYPE_DIGITAL);
  loy_reward_set_required_credits (template, 1);
  reward = loy_store_create_reward_sync (LOY_STORE (store), template, NULL, &error);
  g_assert_no_error (error);

  test_concurrent_enroll (LOY_STORE (store), "saver", POINTS_PER_CONTACT);

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
  g_autofree char *reward_uuid = NULL;
  g_autofree guint *totals = NULL;
  guint redeemed;
  guint out_of_codes;
  sqlite3 *raw;

  test_sqlite_fixture_setup (&fixture, NULL);
  reward_uuid = prepare_database (&fixture);

  totals = test_concurrent_run (&redeem_job, fixture.path, reward_uuid);
  redeemed = totals[0];
  out_of_codes = totals[1];

  /* More attempts than codes and points enough: every code went out. */
  g_assert_cmpuint (redeemed, ==, N_CODES);
  g_assert_cmpuint (out_of_codes, ==, TEST_CONCURRENT_CHILDREN * REDEMPTIONS_PER_CHILD - N_CODES);

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

  sqlite3_close (raw);

  /* Balances: never negative, always the sum of the ledger. */
  test_concurrent_assert_balances (fixture.path, TEST_CONCURRENT_CONTACTS * POINTS_PER_CONTACT - redeemed);

  test_sqlite_fixture_teardown (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  return test_concurrent_main (argc, argv, &redeem_job, "/ledger/concurrent-redeem", test_concurrent_redeem);
}
