/* test-ledger.c — contacts and the points ledger on the local
 * store: the rules, enrolling, awards, adjustments, a mixed run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-ledger-fixture.h"

/* Rules */

static void
test_rules_email (void)
{
  static const char * const valid[] = { "anna@example.com", "a.b+c@mail.example.nl" };
  static const char * const invalid[] = {
    "", "anna", "@example.com", "anna@", "anna@example", "anna@@example.com",
    "an na@example.com", "anna@example..com", "anna@.example.com", "anna@example.com.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (loy_email_validate (valid[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (loy_email_validate (invalid[i], &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
    }
}

static void
test_rules_money (void)
{
  static const struct { const char *text; gint64 cents; } valid[] = {
    { "12.50", 1250 }, { "12,50", 1250 }, { "12", 1200 }, { "0.5", 50 }, { "0,05", 5 },
    { "1234567890123", 123456789012300 },
  };
  static const char * const invalid[] = {
    "", "12.", ".5", ",50", "12.505", "-5", "+5", "1,000.00", "12 50", "twelve", "12e3",
    " 12", "12.50 ", "12345678901234",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_true (loy_money_parse (valid[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, valid[i].cents);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_false (loy_money_parse (invalid[i], &cents, &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_cmpint (cents, ==, -1);
    }
}

static void
test_rules_fifo (void)
{
  const LoyPointsLot lots[] = { { 100, 1000 }, { 50, 2000 }, { 70, 3000 } };
  const LoyPointsMove moves[] = {
    { 100, FALSE }, { 50, FALSE }, { -30, FALSE }, { -90, TRUE }, { 70, FALSE }, { -40, FALSE },
  };
  gint64 points = 0;
  gint64 at = 0;

  /* 120 spent: the first lot is gone, 30 of the second are left. */
  g_assert_true (loy_points_next_expiry (lots, G_N_ELEMENTS (lots), 120, 12, &points, &at));
  g_assert_cmpint (points, ==, 30);
  g_assert_cmpint (at, ==, loy_add_months (2000, 12));

  g_assert_true (loy_points_next_expiry (lots, G_N_ELEMENTS (lots), 0, 1, &points, &at));
  g_assert_cmpint (points, ==, 100);
  g_assert_false (loy_points_next_expiry (lots, G_N_ELEMENTS (lots), 220, 12, &points, &at));
  g_assert_false (loy_points_next_expiry (lots, G_N_ELEMENTS (lots), 0, 0, &points, &at));

  /* 100 and 50 earned, 30 spent, 90 expired (the rest of the first lot and
   * 20 of the second), 70 earned, 40 spent. */
  g_assert_cmpint (loy_points_expired_from (moves, G_N_ELEMENTS (moves), 0), ==, 70);
  g_assert_cmpint (loy_points_expired_from (moves, G_N_ELEMENTS (moves), 1), ==, 20);
  g_assert_cmpint (loy_points_expired_from (moves, G_N_ELEMENTS (moves), 4), ==, 0);

  g_assert_cmpint (loy_points_expirable (150, 30), ==, 120);
  g_assert_cmpint (loy_points_expirable (150, 200), ==, 0);

  /* 31 January plus a month is the end of February. */
  g_assert_cmpint (loy_add_months (1706659200 /* 2024-01-31 */, 1), ==, 1709164800 /* 2024-02-29 */);
}

/* Enroll */

static void
test_enroll (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "  Anna@Example.com ", "Anna");
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) again = NULL;
  g_autoptr(LoyPage) ledger = NULL;
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *welcome;
  static const char * const bad_emails[] = { NULL, "", "   ", "anna", "anna@example" };

  g_assert_cmpstr (loy_contact_get_email (anna), ==, "Anna@Example.com");
  g_assert_cmpint (loy_contact_get_balance (anna), ==, 50);
  g_assert_cmpstr (loy_contact_get_level_name (anna), ==, "Bronze");

  ledger = query_ledger (fixture, loy_contact_get_uuid (anna), 0);
  g_assert_cmpuint (ledger->total, ==, 1);
  welcome = g_ptr_array_index (ledger->items, 0);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (welcome), ==, LOY_LEDGER_ENTRY_TYPE_WELCOME);
  g_assert_cmpint (loy_ledger_entry_get_credits (welcome), ==, 50);
  g_assert_cmpstr (loy_ledger_entry_get_operator (welcome), ==, OPERATOR);

  /* The same address in other letters is the same person. */
  loy_contact_set_email (template, "anna@EXAMPLE.com");
  again = loy_store_enroll_contact_sync (fixture->iface, template, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "A contact with this email exists"));
  g_assert_null (again);

  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      g_clear_error (&error);
      loy_contact_set_email (template, bad_emails[i]);
      again = loy_store_enroll_contact_sync (fixture->iface, template, OPERATOR, NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_null (again);
    }

  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (n_entries (fixture), ==, 1);
}

/* A failed duplicate check does not let the contact in as if the address were free. */
static void
test_enroll_check_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  test_sqlite_fail_statements ("SELECT 1 FROM contacts WHERE email");
  loy_contact_set_email (template, "anna@example.com");
  contact = loy_store_enroll_contact_sync (fixture->iface, template, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_DATABASE);
  g_assert_null (contact);
  test_sqlite_fail_statements (NULL);

  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (n_entries (fixture), ==, 0);
}

/* Award */

static void
test_award (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LoyContact) bob = enroll (fixture, "bob@example.com", "Bob");
  const char *uuid = loy_contact_get_uuid (bob);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  LoyAward by_amount = { .amount_cents = 1250, .operator_name = OPERATOR };
  LoyAward by_action = { .action = "referral" };
  LoyAward by_points = { .points = 7, .reason = "Birthday" };
  const LoyAward invalid[] = {
    { 0 },
    { .points = 5, .amount_cents = 500 },
    { .points = 5, .action = "review" },
    { .points = -5 },
    { .amount_cents = -100 },
    { .action = "dancing" },
  };

  entry = loy_store_award_points_sync (fixture->iface, uuid, &by_amount, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 12);
  g_assert_cmpint (loy_ledger_entry_get_purchase_amount_cents (entry), ==, 1250);
  g_assert_cmpstr (loy_ledger_entry_get_operator (entry), ==, OPERATOR);
  g_assert_cmpstr (loy_ledger_entry_get_contact_uuid (entry), ==, uuid);
  g_clear_object (&entry);

  entry = loy_store_award_points_sync (fixture->iface, uuid, &by_action, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 100);
  g_assert_cmpint (loy_ledger_entry_get_purchase_amount_cents (entry), ==, LOY_UNSET);
  g_clear_object (&entry);

  entry = loy_store_award_points_sync (fixture->iface, uuid, &by_points, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 7);
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Birthday");
  g_clear_object (&entry);

  g_assert_cmpint (balance_of (fixture, uuid), ==, 50 + 12 + 100 + 7);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_clear_error (&error);
      entry = loy_store_award_points_sync (fixture->iface, uuid, &invalid[i], NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_null (entry);
    }

  /* The unknown action's error lists the known ones. */
  g_assert_nonnull (strstr (error->message, "referral, review, social_share"));

  g_clear_error (&error);
  entry = loy_store_award_points_sync (fixture->iface, UNKNOWN_UUID, &by_points, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);

  g_assert_cmpint (balance_of (fixture, uuid), ==, 169);
  g_assert_cmpint (n_entries (fixture), ==, 4);
}

/* Points beyond what a balance holds are refused in words, not by SQLite. */
static void
test_award_overflow (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LoyContact) bob = enroll (fixture, "bob@example.com", "Bob");
  const char *uuid = loy_contact_get_uuid (bob);
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GError) error = NULL;
  const LoyAward awards[] = {
    { .points = G_MAXINT64 },
    { .amount_cents = 999999999999999 },  /* the most loy_money_parse() reads */
  };
  const gint64 adjustments[] = { G_MAXINT64, G_MININT64, G_MININT64 + 1 };

  program = loy_store_get_program_sync (fixture->iface, NULL, &error);
  g_assert_no_error (error);

  /* The program's own points are bounded, each with its own message. */
  loy_program_set_points_per_unit (program, 1000001);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "per unit of money"));
  g_clear_error (&error);
  loy_program_set_points_per_unit (program, 1000000);
  loy_program_set_welcome_points (program, 1000001);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Welcome points"));
  g_clear_error (&error);
  loy_program_set_welcome_points (program, 1000000);
  loy_program_set_action_points (program, "referral", 1000001);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "“referral”"));
  g_clear_error (&error);
  loy_program_set_action_points (program, "referral", 1000000);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (awards); i++)
    {
      g_autoptr(LoyLedgerEntry) entry = NULL;

      entry = loy_store_award_points_sync (fixture->iface, uuid, &awards[i], NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, "That is more points than a balance can hold");
      g_assert_null (entry);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      g_autoptr(LoyLedgerEntry) entry = NULL;

      entry = loy_store_adjust_points_sync (fixture->iface, uuid, adjustments[i], "Typo", OPERATOR,
                                            NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, "That is more points than a balance can hold");
      g_assert_null (entry);
      g_clear_error (&error);
    }

  g_assert_cmpint (balance_of (fixture, uuid), ==, 50);
  g_assert_cmpint (n_entries (fixture), ==, 1);
}

/* Adjust */

static void
test_adjust (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  const char *uuid = loy_contact_get_uuid (anna);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, -20, "  Double booking ", OPERATOR,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -20);
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Double booking");
  g_assert_cmpstr (loy_ledger_entry_get_operator (entry), ==, OPERATOR);
  g_assert_cmpint (loy_ledger_entry_get_created_at (entry), >=, now_seconds () - 60);
  g_assert_cmpint (balance_of (fixture, uuid), ==, 30);
  g_clear_object (&entry);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, -31, "Too much", OPERATOR,
                                        NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE);
  g_clear_error (&error);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, 10, " \t ", OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, 10, NULL, OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, 0, "Nothing", OPERATOR, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, 10, "Who?", NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  entry = loy_store_adjust_points_sync (fixture->iface, UNKNOWN_UUID, 10, "Gone", OPERATOR,
                                        NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);

  /* Taking everything is allowed; the balance is then exactly zero. */
  g_clear_error (&error);
  entry = loy_store_adjust_points_sync (fixture->iface, uuid, -30, "Closing", OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (balance_of (fixture, uuid), ==, 0);
  g_assert_cmpint (n_entries (fixture), ==, 3);
}

/* A mixed run over several contacts keeps every invariant. */
static void
test_mixed_sequence (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LoyReward) patty = create_reward (fixture, "Krabby Patty", LOY_REWARD_TYPE_PHYSICAL, 60, 40);
  g_autoptr(LoyReward) voucher = create_reward (fixture, "Voucher", LOY_REWARD_TYPE_DIGITAL, 80, LOY_UNSET);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  add_codes (fixture, voucher, 30);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *email = g_strdup_printf ("contact%u@example.com", i);

      g_ptr_array_add (contacts, enroll (fixture, email, "Contact"));
    }

  for (guint step = 0; step < 400; step++)
    {
      LoyContact *contact = g_ptr_array_index (contacts, g_rand_int_range (rand, 0, contacts->len));
      const char *uuid = loy_contact_get_uuid (contact);
      g_autoptr(LoyLedgerEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      LoyAward award = { .amount_cents = g_rand_int_range (rand, 1, 20000) };

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:
          entry = loy_store_award_points_sync (fixture->iface, uuid, &award, NULL, &error);
          break;
        case 1:
          entry = loy_store_redeem_reward_sync (fixture->iface, uuid, loy_reward_get_uuid (patty),
                                                OPERATOR, NULL, &error);
          break;
        case 2:
          entry = loy_store_redeem_reward_sync (fixture->iface, uuid, loy_reward_get_uuid (voucher),
                                                OPERATOR, NULL, &error);
          break;
        case 3:
          entry = loy_store_adjust_points_sync (fixture->iface, uuid, g_rand_int_range (rand, -100, 100),
                                                "Random", OPERATOR, NULL, &error);
          break;
        default:
          if (entries->len > 0)
            entry = loy_store_reverse_entry_sync (fixture->iface,
                                                  g_ptr_array_index (entries, g_rand_int_range (rand, 0, entries->len)),
                                                  NULL, OPERATOR, NULL, &error);
        }

      /* Refusals are expected; anything else is not. */
      if (error != NULL)
        g_assert_true (error->domain == LOY_ERROR && error->code != LOY_ERROR_DATABASE &&
                       error->code != LOY_ERROR_FAILED);
      if (entry != NULL)
        g_ptr_array_add (entries, g_strdup (loy_ledger_entry_get_uuid (entry)));
    }

  assert_balances_match_ledger (fixture);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT min (balance) FROM contacts"), >=, 0);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM contacts AS c WHERE c.level_id IS NOT"
                                     " (SELECT id FROM levels WHERE threshold <= c.balance"
                                     "  ORDER BY threshold DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM ledger_entries WHERE code_id IS NOT NULL"),
                   ==, n_issued_codes (fixture));
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT 40 - stock FROM rewards WHERE title = 'Krabby Patty'"), ==,
                   test_sqlite_int (fixture->raw, "SELECT count(*) FROM ledger_entries AS e"
                                     " JOIN rewards AS r ON r.id = e.reward_id"
                                     " WHERE r.title = 'Krabby Patty' AND NOT EXISTS"
                                     " (SELECT 1 FROM ledger_entries AS x WHERE x.reverses_id = e.id)"));
}

static void
test_capabilities (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (loy_store_can (fixture->iface, LOY_STORE_CAN_ENROLL_CONTACTS |
                                                LOY_STORE_CAN_MANAGE_POINTS |
                                                LOY_STORE_CAN_EXPIRE_POINTS |
                                                LOY_STORE_CAN_LIST_LEDGER |
                                                LOY_STORE_CAN_EDIT_PROGRAM));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/rules/email", test_rules_email);
  g_test_add_func ("/ledger/rules/money", test_rules_money);
  g_test_add_func ("/ledger/rules/fifo", test_rules_fifo);
  ADD_TEST ("/ledger/capabilities", test_capabilities);
  ADD_TEST ("/ledger/enroll", test_enroll);
  ADD_TEST ("/ledger/enroll/check-fails", test_enroll_check_fails);
  ADD_TEST ("/ledger/award", test_award);
  ADD_TEST ("/ledger/award/overflow", test_award_overflow);
  ADD_TEST ("/ledger/adjust", test_adjust);
  ADD_TEST ("/ledger/mixed-sequence", test_mixed_sequence);

  return g_test_run ();
}
