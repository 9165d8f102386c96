/* test-rest-faults.c — what a user meets when a Piggy account's server
 * fails: reads retried after a 429 or a dropped connection, maintenance, a
 * refused key, and writes whose answer was lost, said to have happened or
 * not as the history shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-rest-account-fixture.h"

static void
test_read_recovers_after_429 (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  gint64 start = g_get_monotonic_time ();

  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_RATE_LIMITED);
  shops = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (shops->total, ==, 1);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/shops"), ==, 2);
  /* Retry-After: 1 */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
}

static void
test_read_gives_up (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_set_retry_after (fixture->fake, 0);
  for (guint i = 0; i < LOY_REST_STORE_READ_ATTEMPTS; i++)
    loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_RATE_LIMITED);

  shops = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, "The server is receiving too many requests: try again in a minute");
  g_assert_null (shops);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/shops"), ==,
                    LOY_REST_STORE_READ_ATTEMPTS);
}

static void
test_read_recovers_after_drop (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEVEL);
  g_autoptr(LoyPage) tiers = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_DROP);
  tiers = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (tiers->total, ==, 3);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/tiers"), ==, 2);
}

static void
test_maintenance (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GObject) contact = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  contact = loy_store_lookup_sync (fixture->store, LOY_KIND_CONTACT, SANDY, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==, "The service is down for maintenance");
  g_assert_null (contact);
}

static void
test_wrong_key (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake),
                                                      "wrong-key-31415");
  LoyAward award = { .points = 5 };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  loy_rest_store_set_shop_uuid (store, LOY_FAKE_PIGGY_SHOP_UUID);
  entry = loy_store_award_points_sync (LOY_STORE (store), SANDY, &award, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_true (g_str_has_prefix (error->message, "The API key was refused"));
  g_assert_null (strstr (error->message, "wrong-key-31415"));
  g_assert_null (entry);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/credit-receptions"), ==, 1);
}

typedef struct
{
  LoyFakePiggyFault fault;
  gboolean          happened;
} WriteFault;

static const WriteFault write_faults[] = {
  { LOY_FAKE_PIGGY_FAULT_SERVER_ERROR, FALSE },
  { LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED, TRUE },
  { LOY_FAKE_PIGGY_FAULT_DROP, FALSE },
  { LOY_FAKE_PIGGY_FAULT_DROP_APPLIED, TRUE },
};

/* A write answered 500 or cut off is sent once; the history says whether
 * it happened, and the store says which. */
static void
test_award_answer_lost (Fixture       *fixture,
                        gconstpointer  data)
{
  const WriteFault *fault = data;
  LoyAward award = { .points = 7 };
  g_autoptr(LoyLedgerEntry) earlier = award_ok (fixture, 7, 0);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", fault->fault);
  entry = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);

  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/credit-receptions"), ==, 2);
  if (fault->happened)
    {
      g_assert_no_error (error);
      g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 7);
      /* The new entry, not the earlier one of the same size. */
      g_assert_cmpstr (loy_ledger_entry_get_uuid (entry), !=, loy_ledger_entry_get_uuid (earlier));
      g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 14);
    }
  else
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE);
      g_assert_null (entry);
      g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 7);
    }
}

static void
test_redeem_answer_lost (Fixture       *fixture,
                         gconstpointer  data)
{
  const WriteFault *fault = data;
  g_autoptr(LoyLedgerEntry) credit = award_ok (fixture, 30, 0);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", fault->fault);
  entry = loy_store_redeem_reward_sync (fixture->store, SANDY, JELLYFISH_NET, "desk", NULL, &error);

  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/reward-receptions"), ==, 1);
  if (fault->happened)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (loy_ledger_entry_get_code (entry), ==, "JELLY-0001");
      g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 5);
    }
  else
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE);
      g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 30);
    }
}

static void
test_reverse_answer_lost (Fixture       *fixture,
                          gconstpointer  data)
{
  const WriteFault *fault = data;
  g_autoptr(LoyLedgerEntry) credit = award_ok (fixture, 30, 0);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", fault->fault);
  entry = loy_store_reverse_entry_sync (fixture->store, loy_ledger_entry_get_uuid (credit), NULL, "desk",
                                        NULL, &error);

  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/credit-receptions/"), ==, 1);
  if (fault->happened)
    {
      g_assert_no_error (error);
      g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
      g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -30);
      g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 0);
    }
  else
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE);
      g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 30);
    }
}

static void
test_enroll_answer_lost (Fixture       *fixture,
                         gconstpointer  data)
{
  const WriteFault *fault = data;
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(GError) error = NULL;

  loy_contact_set_email (contact, "larry@example.com");
  loy_fake_piggy_add_fault (fixture->fake, "POST", fault->fault);
  enrolled = loy_store_enroll_contact_sync (fixture->store, contact, "desk", NULL, &error);

  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/contacts"), ==, 1);
  if (fault->happened)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (loy_contact_get_email (enrolled), ==, "larry@example.com");
    }
  else
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE);
      g_assert_null (enrolled);
    }
}

/* The history cannot be read either: the outcome stays unknown, and says so. */
static void
test_outcome_unknown (Fixture       *fixture,
                      gconstpointer  data)
{
  LoyAward award = { .points = 7 };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED);
  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  loy_rest_store_set_shop_uuid (LOY_REST_STORE (fixture->store), LOY_FAKE_PIGGY_SHOP_UUID);
  entry = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);

  g_assert_error (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "history could not be read"));
  g_assert_null (entry);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/credit-receptions"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const fault_names[] = { "500", "500-applied", "dropped", "dropped-applied" };

  g_autofree char *cache = rest_account_test_init (&argc, &argv);

  ADD ("fault/read-recovers-after-429", test_read_recovers_after_429);
  ADD ("fault/read-gives-up", test_read_gives_up);
  ADD ("fault/read-recovers-after-drop", test_read_recovers_after_drop);
  ADD ("fault/maintenance", test_maintenance);
  ADD ("fault/wrong-key", test_wrong_key);
  ADD ("fault/outcome-unknown", test_outcome_unknown);

  for (guint i = 0; i < G_N_ELEMENTS (write_faults); i++)
    {
      g_autofree char *award = g_strdup_printf ("/rest-account/fault/award-%s", fault_names[i]);
      g_autofree char *redeem = g_strdup_printf ("/rest-account/fault/redeem-%s", fault_names[i]);
      g_autofree char *reverse = g_strdup_printf ("/rest-account/fault/reverse-%s", fault_names[i]);
      g_autofree char *enroll = g_strdup_printf ("/rest-account/fault/enroll-%s", fault_names[i]);

      g_test_add (award, Fixture, &write_faults[i], fixture_setup, test_award_answer_lost, fixture_teardown);
      g_test_add (redeem, Fixture, &write_faults[i], fixture_setup, test_redeem_answer_lost, fixture_teardown);
      g_test_add (reverse, Fixture, &write_faults[i], fixture_setup, test_reverse_answer_lost, fixture_teardown);
      g_test_add (enroll, Fixture, &write_faults[i], fixture_setup, test_enroll_answer_lost, fixture_teardown);
    }

  return rest_account_test_run (cache);
}
