/* test-ledger-redeem.c — redeeming rewards and reversing entries
 * on the local store, stock and codes included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-ledger-fixture.h"

/* Redeem */

static void
assert_redeem_fails (Fixture    *fixture,
                     const char *contact_uuid,
                     const char *reward_uuid,
                     int         code)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries = n_entries (fixture);
  gint64 issued = n_issued_codes (fixture);
  gint64 stock = test_sqlite_int (fixture->raw, "SELECT coalesce (sum (stock), 0) FROM rewards");
  gint64 balances = test_sqlite_int (fixture->raw, "SELECT sum (balance) FROM contacts");

  entry = loy_store_redeem_reward_sync (fixture->iface, contact_uuid, reward_uuid, OPERATOR,
                                        NULL, &error);
  g_assert_error (error, LOY_ERROR, code);
  g_assert_null (entry);

  /* Nothing changed. */
  g_assert_cmpint (n_entries (fixture), ==, entries);
  g_assert_cmpint (n_issued_codes (fixture), ==, issued);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT coalesce (sum (stock), 0) FROM rewards"), ==, stock);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT sum (balance) FROM contacts"), ==, balances);
}

static void
test_redeem_physical (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyReward) patty = create_reward (fixture, "Krabby Patty", LOY_REWARD_TYPE_PHYSICAL, 40, 1);
  g_autoptr(LoyReward) hat = create_reward (fixture, "Krusty Krab Hat", LOY_REWARD_TYPE_PHYSICAL, 500,
                                            LOY_UNSET);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  const char *anna_uuid = loy_contact_get_uuid (anna);

  give_points (fixture, anna, 100);

  entry = loy_store_redeem_reward_sync (fixture->iface, anna_uuid, loy_reward_get_uuid (patty),
                                        OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -40);
  g_assert_cmpstr (loy_ledger_entry_get_reward_uuid (entry), ==, loy_reward_get_uuid (patty));
  g_assert_cmpstr (loy_ledger_entry_get_reward_title (entry), ==, "Krabby Patty");
  g_assert_null (loy_ledger_entry_get_code (entry));
  g_assert_cmpint (balance_of (fixture, anna_uuid), ==, 110);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT stock FROM rewards WHERE title = 'Krabby Patty'"), ==, 0);

  assert_redeem_fails (fixture, anna_uuid, loy_reward_get_uuid (patty), LOY_ERROR_OUT_OF_STOCK);
  assert_redeem_fails (fixture, anna_uuid, loy_reward_get_uuid (hat), LOY_ERROR_INSUFFICIENT_BALANCE);
  assert_redeem_fails (fixture, anna_uuid, UNKNOWN_UUID, LOY_ERROR_NOT_FOUND);
  assert_redeem_fails (fixture, UNKNOWN_UUID, loy_reward_get_uuid (hat), LOY_ERROR_NOT_FOUND);

  g_clear_object (&entry);
  entry = loy_store_redeem_reward_sync (fixture->iface, anna_uuid, loy_reward_get_uuid (hat),
                                        OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE);
  g_assert_nonnull (strstr (error->message, "needs 500 points"));
  g_assert_nonnull (strstr (error->message, "has 110"));

  /* An inactive reward cannot be redeemed, however rich the contact. */
  give_points (fixture, anna, 1000);
  test_sqlite_exec (fixture->raw, "UPDATE rewards SET is_active = 0 WHERE title = 'Krusty Krab Hat'");
  assert_redeem_fails (fixture, anna_uuid, loy_reward_get_uuid (hat), LOY_ERROR_NOT_VISIBLE);

  assert_balances_match_ledger (fixture);
}

static void
test_redeem_digital (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyReward) voucher = create_reward (fixture, "Bubble Party Voucher",
                                                LOY_REWARD_TYPE_DIGITAL, 30, LOY_UNSET);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *anna_uuid = loy_contact_get_uuid (anna);

  add_codes (fixture, voucher, 2);
  give_points (fixture, anna, 100);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autoptr(GError) error = NULL;

      entry = loy_store_redeem_reward_sync (fixture->iface, anna_uuid,
                                            loy_reward_get_uuid (voucher), OPERATOR, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loy_ledger_entry_get_code (entry));
      g_assert_true (g_hash_table_add (codes, g_strdup (loy_ledger_entry_get_code (entry))));
    }

  g_assert_cmpint (n_issued_codes (fixture), ==, 2);
  g_assert_cmpint (balance_of (fixture, anna_uuid), ==, 150 - 60);
  assert_redeem_fails (fixture, anna_uuid, loy_reward_get_uuid (voucher), LOY_ERROR_OUT_OF_CODES);
  assert_balances_match_ledger (fixture);
}

/* Redemptions waiting together share one commit, each in a savepoint of
 * its own: a refusal undoes only its own redemption, and an error that
 * ends the whole transaction fails the redemptions it took with it. */

#define N_TOGETHER 9

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean opened;
} Gate;

/* Holds the store's worker until the gate opens. */
static gboolean
wait_at_gate_cb (gpointer user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->mutex);
  while (!gate->opened)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);

  return FALSE;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
test_redeem_together (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyReward) voucher = create_reward (fixture, "Bubble Party Voucher",
                                                LOY_REWARD_TYPE_DIGITAL, 10, LOY_UNSET);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GAsyncResult *results[N_TOGETHER + 1] = { NULL, };
  g_autoptr(GError) breaking_error = NULL;
  Gate gate = { .opened = FALSE };
  const char *anna_uuid = loy_contact_get_uuid (anna);
  guint n_redeemed = 0;

  add_codes (fixture, voucher, 6);
  give_points (fixture, anna, 5);   /* 55 with the welcome points: 5 redemptions */
  /* What SQLite answers a full disk with: the whole transaction rolled back. */
  test_sqlite_exec (fixture->raw,
                    "CREATE TRIGGER disk_full BEFORE INSERT ON ledger_entries"
                    " WHEN new.operator = 'Plankton' BEGIN"
                    "  SELECT RAISE (ROLLBACK, 'database or disk is full');"
                    " END");

  /* A level's lookup holds the store while the redemptions queue up
   * behind it, so that they run together. */
  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  test_sqlite_hook_statements ("SELECT t.uuid, t.name, t.threshold", wait_at_gate_cb, &gate);
  loy_store_lookup_async (fixture->iface, LOY_KIND_LEVEL, "level-bronze", NULL,
                          result_cb, &results[N_TOGETHER]);
  for (guint i = 0; i < N_TOGETHER; i++)
    loy_store_redeem_reward_async (fixture->iface, anna_uuid, loy_reward_get_uuid (voucher),
                                   i == 2 ? "Plankton" : OPERATOR, NULL, result_cb, &results[i]);
  g_mutex_lock (&gate.mutex);
  gate.opened = TRUE;
  g_cond_signal (&gate.cond);
  g_mutex_unlock (&gate.mutex);

  for (guint i = 0; i <= N_TOGETHER; i++)
    while (results[i] == NULL)
      g_main_context_iteration (NULL, TRUE);
  test_sqlite_hook_statements (NULL, NULL, NULL);

  /* The third fails, and the two before it go with the transaction; the
   * next five begin another and get five of the six codes; the last claims
   * the sixth and lacks the points for it. */
  g_assert_null (loy_store_redeem_reward_finish (fixture->iface, results[2], &breaking_error));
  g_assert_nonnull (breaking_error);
  g_assert_nonnull (strstr (breaking_error->message, "database or disk is full"));

  for (guint i = 0; i < N_TOGETHER; i++)
    {
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autoptr(GError) error = NULL;

      if (i == 2)
        continue;

      entry = loy_store_redeem_reward_finish (fixture->iface, results[i], &error);
      if (i < 2)
        {
          g_assert_error (error, breaking_error->domain, breaking_error->code);
          g_assert_cmpstr (error->message, ==, breaking_error->message);
        }
      else if (i < 8)
        {
          g_assert_no_error (error);
          g_assert_true (g_hash_table_add (codes, g_strdup (loy_ledger_entry_get_code (entry))));
          g_assert_cmpint (test_sqlite_int (fixture->raw,
                                            "SELECT count(*) FROM codes AS c"
                                            " JOIN contacts AS t ON t.id = c.contact_id"
                                            " WHERE c.code = '%s' AND t.uuid = '%s'",
                                            loy_ledger_entry_get_code (entry), anna_uuid), ==, 1);
          n_redeemed++;
        }
      else
        g_assert_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE);
    }

  for (guint i = 0; i <= N_TOGETHER; i++)
    g_clear_object (&results[i]);

  g_assert_cmpuint (n_redeemed, ==, 5);
  g_assert_cmpint (n_issued_codes (fixture), ==, 5);
  g_assert_cmpint (balance_of (fixture, anna_uuid), ==, 5);
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM ledger_entries"
                                    " WHERE entry_type = 'REWARD_RECEPTION'"), ==, 5);
  assert_balances_match_ledger (fixture);

  g_cond_clear (&gate.cond);
  g_mutex_clear (&gate.mutex);
}

/* Reverse */

static void
test_reverse (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyReward) patty = create_reward (fixture, "Krabby Patty", LOY_REWARD_TYPE_PHYSICAL, 40, 3);
  const char *uuid = loy_contact_get_uuid (anna);
  g_autoptr(LoyLedgerEntry) credit = NULL;
  g_autoptr(LoyLedgerEntry) redemption = NULL;
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(LoyLedgerEntry) refused = NULL;
  g_autoptr(LoyPage) ledger = NULL;
  g_autoptr(GError) error = NULL;
  LoyAward award = { .points = 100 };
  gint64 entries;

  credit = loy_store_award_points_sync (fixture->iface, uuid, &award, NULL, &error);
  g_assert_no_error (error);
  redemption = loy_store_redeem_reward_sync (fixture->iface, uuid, loy_reward_get_uuid (patty),
                                             OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (fixture, uuid), ==, 110);

  /* A refunded redemption gives the points back and the patty to the shelf. */
  reversal = loy_store_reverse_entry_sync (fixture->iface, loy_ledger_entry_get_uuid (redemption),
                                           "  Returned unopened ", OPERATOR, NULL, &error);
  g_assert_no_error (error);
  /* What it reverses, then why, trimmed */
  g_assert_true (g_str_has_prefix (loy_ledger_entry_get_reason (reversal), "Reverses: "));
  g_assert_true (g_str_has_suffix (loy_ledger_entry_get_reason (reversal), " — Returned unopened"));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (reversal), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
  g_assert_cmpint (loy_ledger_entry_get_credits (reversal), ==, 40);
  g_assert_cmpstr (loy_ledger_entry_get_reverses_uuid (reversal), ==,
                   loy_ledger_entry_get_uuid (redemption));
  g_assert_cmpint (balance_of (fixture, uuid), ==, 150);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT stock FROM rewards"), ==, 3);

  entries = n_entries (fixture);

  /* Only once, and never a reversal itself. */
  refused = loy_store_reverse_entry_sync (fixture->iface, loy_ledger_entry_get_uuid (redemption),
                                          NULL, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_clear_error (&error);
  refused = loy_store_reverse_entry_sync (fixture->iface, loy_ledger_entry_get_uuid (reversal),
                                          NULL, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_clear_error (&error);
  refused = loy_store_reverse_entry_sync (fixture->iface, UNKNOWN_UUID, NULL, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Taking back a credit that was already spent would go below zero. */
  g_clear_object (&refused);
  refused = loy_store_adjust_points_sync (fixture->iface, uuid, -100, "Spent", OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&refused);
  entries = n_entries (fixture);
  refused = loy_store_reverse_entry_sync (fixture->iface, loy_ledger_entry_get_uuid (credit),
                                          NULL, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE);
  g_assert_null (refused);
  g_assert_cmpint (n_entries (fixture), ==, entries);
  g_assert_cmpint (balance_of (fixture, uuid), ==, 50);

  /* The ledger, newest first, marks what was reversed. */
  ledger = query_ledger (fixture, uuid, 0);
  g_assert_cmpuint (ledger->total, ==, 5);
  for (guint i = 0; i < ledger->items->len; i++)
    {
      LoyLedgerEntry *entry = g_ptr_array_index (ledger->items, i);
      gboolean is_redemption = g_str_equal (loy_ledger_entry_get_uuid (entry),
                                            loy_ledger_entry_get_uuid (redemption));

      g_assert_cmpint (loy_ledger_entry_get_reversed (entry), ==, is_redemption);
      if (i > 0)
        g_assert_cmpint (loy_ledger_entry_get_created_at (entry), <=,
                         loy_ledger_entry_get_created_at (g_ptr_array_index (ledger->items, i - 1)));
    }
  g_assert_cmpint (loy_ledger_entry_get_entry_type (g_ptr_array_index (ledger->items, 0)), ==,
                   LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_clear_pointer (&ledger, loy_page_free);

  ledger = query_ledger (fixture, uuid, (1 << LOY_LEDGER_ENTRY_TYPE_REVERSAL) |
                                        (1 << LOY_LEDGER_ENTRY_TYPE_WELCOME));
  g_assert_cmpuint (ledger->total, ==, 2);

  assert_balances_match_ledger (fixture);
}

static LoyLedgerEntry *
redeem (Fixture    *fixture,
        const char *contact_uuid,
        LoyReward  *reward)
{
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *entry;

  entry = loy_store_redeem_reward_sync (fixture->iface, contact_uuid, loy_reward_get_uuid (reward),
                                        OPERATOR, NULL, &error);
  g_assert_no_error (error);

  return entry;
}

static void
reverse (Fixture        *fixture,
         LoyLedgerEntry *entry)
{
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(GError) error = NULL;

  reversal = loy_store_reverse_entry_sync (fixture->iface, loy_ledger_entry_get_uuid (entry),
                                           NULL, OPERATOR, NULL, &error);
  g_assert_no_error (error);
}

/* A reversal puts back only the stock its redemption took, whatever the
 * reward's stock became in between. */
static void
test_reverse_stock (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyReward) patty = create_reward (fixture, "Krabby Patty", LOY_REWARD_TYPE_PHYSICAL, 10,
                                              LOY_UNSET);
  g_autoptr(LoyLedgerEntry) unlimited = NULL;
  g_autoptr(LoyLedgerEntry) limited = NULL;
  const char *uuid = loy_contact_get_uuid (anna);

  unlimited = redeem (fixture, uuid, patty);
  test_sqlite_exec (fixture->raw, "UPDATE rewards SET stock = 5");
  limited = redeem (fixture, uuid, patty);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT stock FROM rewards"), ==, 4);

  reverse (fixture, unlimited);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT stock FROM rewards"), ==, 4);
  reverse (fixture, limited);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT stock FROM rewards"), ==, 5);
}

/* Reversing a digital redemption revokes its code: it keeps its contact,
 * never goes back to the pool, and lists as revoked. */
static void
test_reverse_code (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyReward) voucher = create_reward (fixture, "Bubble Party Voucher",
                                                LOY_REWARD_TYPE_DIGITAL, 30, LOY_UNSET);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyLedgerEntry) first = NULL;
  g_autoptr(LoyLedgerEntry) second = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = loy_contact_get_uuid (anna);
  gboolean found = FALSE;

  add_codes (fixture, voucher, 2);
  give_points (fixture, anna, 100);

  first = redeem (fixture, uuid, voucher);
  reverse (fixture, first);
  g_assert_cmpint (balance_of (fixture, uuid), ==, 150);
  g_assert_cmpint (n_issued_codes (fixture), ==, 1);
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM codes WHERE code = '%s'"
                                    " AND revoked_at IS NOT NULL",
                                    loy_ledger_entry_get_code (first)), ==, 1);

  /* The next redemption gets the other code, and then there is none. */
  second = redeem (fixture, uuid, voucher);
  g_assert_cmpstr (loy_ledger_entry_get_code (second), !=, loy_ledger_entry_get_code (first));
  assert_redeem_fails (fixture, uuid, loy_reward_get_uuid (voucher), LOY_ERROR_OUT_OF_CODES);

  query->parent_uuid = g_strdup (loy_reward_get_code_group_uuid (voucher));
  page = loy_store_query_sync (fixture->iface, query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 2);
  for (guint i = 0; i < page->items->len; i++)
    {
      LoyCode *code = g_ptr_array_index (page->items, i);
      gboolean revoked = g_strcmp0 (loy_code_get_code (code), loy_ledger_entry_get_code (first)) == 0;

      found |= revoked;
      g_assert_cmpint (loy_code_get_status (code), ==,
                       revoked ? LOY_CODE_STATUS_REVOKED : LOY_CODE_STATUS_ISSUED);
      g_assert_cmpstr (loy_code_get_contact_uuid (code), ==, uuid);
      g_assert_cmpint (loy_code_get_revoked_at (code) > 0, ==, revoked);
    }
  g_assert_true (found);
  assert_balances_match_ledger (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/ledger/redeem/physical", test_redeem_physical);
  ADD_TEST ("/ledger/redeem/digital", test_redeem_digital);
  ADD_TEST ("/ledger/redeem/together", test_redeem_together);
  ADD_TEST ("/ledger/reverse", test_reverse);
  ADD_TEST ("/ledger/reverse/stock", test_reverse_stock);
  ADD_TEST ("/ledger/reverse/code", test_reverse_code);

  return g_test_run ();
}
