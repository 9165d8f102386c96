/* test-concurrent-buy.c — two processes buy from one campaign with a total
 * limit at once: never more sold than the limit, no code twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"
#include "test-concurrent.h"
#include "test-sqlite-fixture.h"

#define BUYS_PER_CHILD     1500
#define POINTS_PER_CONTACT 1000  /* 40,000 points: enough for every try */
#define COST               10
#define LIMIT              1200  /* fewer than the tries and the codes */
#define N_CODES            2000

static gboolean
buy_once (LoyStore    *store,
          const char  *contact_uuid,
          const char  *campaign_uuid,
          GError     **error)
{
  g_autoptr(LoyCampaignPurchase) purchase = NULL;

  purchase = loy_store_buy_campaign_sync (store, contact_uuid, campaign_uuid, "child", NULL, error);

  return purchase != NULL;
}

/* Each child buys BUYS_PER_CHILD times. */
static const TestConcurrentJob buy_job = {
  .what = "Purchase",
  .attempts_per_child = BUYS_PER_CHILD,
  .attempt = buy_once,
  .outcomes = { "bought", "sold out", NULL },
  .refusals = { LOY_ERROR_OUT_OF_STOCK },
};

static char *
prepare_database (TestSqliteFixture *fixture)
{
  LoyStore *store = LOY_STORE (fixture->store);
  g_autoptr(LoyCampaign) template = loy_campaign_new ();
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

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

  test_concurrent_enroll (store, "buyer", POINTS_PER_CONTACT);

  return g_strdup (loy_campaign_get_uuid (campaign));
}

static void
test_concurrent_buy (void)
{
  TestSqliteFixture fixture = { NULL };
  g_autofree char *campaign_uuid = NULL;
  g_autofree guint *totals = NULL;
  guint bought;
  sqlite3 *raw;

  test_sqlite_fixture_setup (&fixture, NULL);
  campaign_uuid = prepare_database (&fixture);

  totals = test_concurrent_run (&buy_job, fixture.path, campaign_uuid);
  bought = totals[0];

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

  sqlite3_close (raw);

  /* Balances: the sums of the ledger, the cost of what was sold taken. */
  test_concurrent_assert_balances (fixture.path, TEST_CONCURRENT_CONTACTS * POINTS_PER_CONTACT - LIMIT * COST);

  test_sqlite_fixture_teardown (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  return test_concurrent_main (argc, argv, &buy_job, "/campaigns/concurrent-buy", test_concurrent_buy);
}
