/* test-ledger-expiry.c — points expiring first in, first out on
 * the local store, and reversals around them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-ledger-fixture.h"

static void
set_expiry_months (Fixture *fixture,
                   guint    months)
{
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_get_program_sync (fixture->iface, NULL, &error);
  g_assert_no_error (error);
  loy_program_set_expiry_months (program, months);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loy_program_get_expiry_months (updated), ==, months);
}

/* Expiry */

static void
test_expire_fifo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyContact) bob = enroll (fixture, "bob@example.com", "Bob");
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyPage) expiries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = now_seconds ();
  gint64 written;

  /* Expiry off: nothing happens. */
  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);

  /* Anna: 100 two years ago, 50 eighteen months ago, 30 spent six months
   * ago (from the oldest points), the welcome points now. */
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 100, loy_add_months (now, -24));
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 50, loy_add_months (now, -18));
  backdate_entry (fixture, anna, "ADJUSTMENT", -30, loy_add_months (now, -6));

  /* Bob: 200 old points, all spent long ago. */
  backdate_entry (fixture, bob, "CREDIT_RECEPTION", 200, loy_add_months (now, -30));
  backdate_entry (fixture, bob, "ADJUSTMENT", -200, loy_add_months (now, -29));

  set_expiry_months (fixture, 12);

  contact = lookup_contact (fixture, loy_contact_get_uuid (anna));
  g_assert_cmpint (loy_contact_get_expiring_points (contact), ==, 70);
  g_assert_cmpint (loy_contact_get_expiring_at (contact), ==,
                   loy_add_months (loy_add_months (now, -24), 12));
  g_clear_object (&contact);

  written = loy_store_expire_points_sync (fixture->iface, now + 3600, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpint (written, ==, -1);
  g_clear_error (&error);

  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 1);

  contact = lookup_contact (fixture, loy_contact_get_uuid (anna));
  g_assert_cmpint (loy_contact_get_balance (contact), ==, 50);
  /* What is left are the welcome points, a year from now. */
  g_assert_cmpint (loy_contact_get_expiring_points (contact), ==, 50);
  g_assert_cmpint (loy_contact_get_expiring_at (contact), >=, loy_add_months (now, 12) - 60);
  g_clear_object (&contact);

  expiries = query_ledger (fixture, loy_contact_get_uuid (anna), 1 << LOY_LEDGER_ENTRY_TYPE_EXPIRY);
  g_assert_cmpuint (expiries->total, ==, 1);
  g_assert_cmpint (loy_ledger_entry_get_credits (g_ptr_array_index (expiries->items, 0)), ==, -120);

  /* Idempotent: the same or an earlier date writes nothing more. */
  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);
  written = loy_store_expire_points_sync (fixture->iface, loy_add_months (now, -3), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);

  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (bob)), ==, 50);
  assert_balances_match_ledger (fixture);
}

static void
test_expire_reversals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(LoyPage) ledger = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = now_seconds ();
  LoyLedgerEntry *expiry;
  gint64 written;

  /* An old credit that was taken back, and an old one that stays. */
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 80, loy_add_months (now, -20));
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 300, loy_add_months (now, -19));
  ledger = query_ledger (fixture, loy_contact_get_uuid (anna), 1 << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  reversal = loy_store_reverse_entry_sync (fixture->iface,
                                           loy_ledger_entry_get_uuid (g_ptr_array_index (ledger->items, 1)),
                                           NULL, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (reversal), ==, -80);
  g_clear_object (&reversal);
  g_clear_pointer (&ledger, loy_page_free);

  set_expiry_months (fixture, 12);

  /* The reversed credit neither expires nor shields the other from expiry. */
  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 1);
  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (anna)), ==, 50);

  /* Expired points given back by support are new points: they stay. */
  ledger = query_ledger (fixture, loy_contact_get_uuid (anna), 1 << LOY_LEDGER_ENTRY_TYPE_EXPIRY);
  expiry = g_ptr_array_index (ledger->items, 0);
  reversal = loy_store_reverse_entry_sync (fixture->iface, loy_ledger_entry_get_uuid (expiry),
                                           NULL, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (anna)), ==, 50 + 300);

  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);
  assert_balances_match_ledger (fixture);
}

/* Reversing an award whose points expired does not take them twice. */
static void
test_expire_then_reverse (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyContact) bob = enroll (fixture, "bob@example.com", "Bob");
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(LoyPage) credits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = now_seconds ();
  gint64 written;

  set_expiry_months (fixture, 12);

  /* Anna: 100 three years ago, 100 now; the old ones expire. */
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 100, loy_add_months (now, -36));
  give_points (fixture, anna, 100);
  /* Bob: 100 three years ago of which he spent 40; the other 60 expire. */
  backdate_entry (fixture, bob, "CREDIT_RECEPTION", 100, loy_add_months (now, -36));
  backdate_entry (fixture, bob, "ADJUSTMENT", -40, loy_add_months (now, -30));

  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 2);
  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (anna)), ==, 150);
  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (bob)), ==, 50);

  /* Nothing of Anna's old award is left to take back. */
  credits = query_ledger (fixture, loy_contact_get_uuid (anna),
                          1 << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  g_assert_cmpuint (credits->total, ==, 2);
  reversal = loy_store_reverse_entry_sync (fixture->iface,
                                           loy_ledger_entry_get_uuid (g_ptr_array_index (credits->items, 1)),
                                           NULL, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "These points have already expired");
  g_assert_null (reversal);
  g_clear_error (&error);
  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (anna)), ==, 150);
  g_clear_pointer (&credits, loy_page_free);

  /* Of Bob's, the 40 he spent are taken back, not the 60 that expired. */
  credits = query_ledger (fixture, loy_contact_get_uuid (bob),
                          1 << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  reversal = loy_store_reverse_entry_sync (fixture->iface,
                                           loy_ledger_entry_get_uuid (g_ptr_array_index (credits->items, 0)),
                                           NULL, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (reversal), ==, -40);
  g_assert_cmpstr (loy_ledger_entry_get_reason (reversal), ==,
                   "Reverses: CREDIT_RECEPTION, less 60 points that had expired");
  g_assert_cmpint (balance_of (fixture, loy_contact_get_uuid (bob)), ==, 10);

  /* The welcome points that are left are still Bob's next to expire. */
  contact = lookup_contact (fixture, loy_contact_get_uuid (bob));
  g_assert_cmpint (loy_contact_get_expiring_points (contact), ==, 10);

  written = loy_store_expire_points_sync (fixture->iface, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);
  assert_balances_match_ledger (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/ledger/expire/fifo", test_expire_fifo);
  ADD_TEST ("/ledger/expire/reversals", test_expire_reversals);
  ADD_TEST ("/ledger/expire/then-reverse", test_expire_then_reverse);

  return g_test_run ();
}
