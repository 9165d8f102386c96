/* test-ledger.c — contacts and the points ledger on the local store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"
#include "test-sqlite-fixture.h"

#define OPERATOR "Sandy Cheeks"
#define UNKNOWN_UUID "00000000-0000-4000-8000-000000000000"

typedef struct
{
  TestSqliteFixture  base;
  LoyStore          *iface;
  sqlite3           *raw;     /* behind the store's back: counts, sums, backdating */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->iface = LOY_STORE (fixture->base.store);

  fixture->raw = test_sqlite_open_raw (fixture->base.path);
  test_sqlite_exec (fixture->raw,
                    "INSERT INTO levels (uuid, name, threshold) VALUES"
                    " ('level-bronze', 'Bronze', 0),"
                    " ('level-silver', 'Silver', 500),"
                    " ('level-gold', 'Gold', 2000)");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sqlite3_close (fixture->raw);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

static gint64
n_entries (Fixture *fixture)
{
  return test_sqlite_int (fixture->raw, "SELECT count(*) FROM ledger_entries");
}

static gint64
n_issued_codes (Fixture *fixture)
{
  return test_sqlite_int (fixture->raw, "SELECT count(*) FROM codes WHERE contact_id IS NOT NULL");
}

/* Every contact's cached balance is the sum of its ledger. */
static void
assert_balances_match_ledger (Fixture *fixture)
{
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                            "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                            " (SELECT coalesce (sum (credits), 0) FROM ledger_entries"
                            "  WHERE contact_id = c.id)"), ==, 0);
}

static LoyContact *
lookup_contact (Fixture    *fixture,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GObject *contact = loy_store_lookup_sync (fixture->iface, LOY_KIND_CONTACT, uuid, NULL, &error);

  g_assert_no_error (error);

  return LOY_CONTACT (contact);
}

static gint64
balance_of (Fixture    *fixture,
            const char *uuid)
{
  g_autoptr(LoyContact) contact = lookup_contact (fixture, uuid);

  return loy_contact_get_balance (contact);
}

static LoyContact *
enroll (Fixture    *fixture,
        const char *email,
        const char *first_name)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(GError) error = NULL;
  LoyContact *contact;

  loy_contact_set_email (template, email);
  loy_contact_set_first_name (template, first_name);
  contact = loy_store_enroll_contact_sync (fixture->iface, template, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contact);

  return contact;
}

static void
give_points (Fixture    *fixture,
             LoyContact *contact,
             gint64      points)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  LoyAward award = { .points = points, .operator_name = OPERATOR };

  entry = loy_store_award_points_sync (fixture->iface, loy_contact_get_uuid (contact), &award,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
}

static LoyReward *
create_reward (Fixture       *fixture,
               const char    *title,
               LoyRewardType  type,
               gint64         required_credits,
               gint64         stock)
{
  g_autoptr(LoyReward) template = loy_reward_new ();
  g_autoptr(GError) error = NULL;
  LoyReward *reward;

  loy_reward_set_title (template, title);
  loy_reward_set_reward_type (template, type);
  loy_reward_set_required_credits (template, required_credits);
  loy_reward_set_stock (template, stock);
  reward = loy_store_create_reward_sync (fixture->iface, template, NULL, &error);
  g_assert_no_error (error);

  return reward;
}

static void
add_codes (Fixture   *fixture,
           LoyReward *reward,
           guint      n_codes)
{
  for (guint i = 0; i < n_codes; i++)
    test_sqlite_exec (fixture->raw,
              "INSERT INTO codes (group_id, code) SELECT g.id, 'CODE-%u' FROM code_groups AS g"
              " JOIN rewards AS r ON r.id = g.reward_id WHERE r.uuid = '%s'",
              i, loy_reward_get_uuid (reward));
}

/* Adds a ledger entry dated @created_at, as if written back then. */
static void
backdate_entry (Fixture    *fixture,
                LoyContact *contact,
                const char *entry_type,
                gint64      credits,
                gint64      created_at)
{
  test_sqlite_exec (fixture->raw,
            "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits, created_at)"
            " SELECT lower (hex (randomblob (16))), id, '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
            " FROM contacts WHERE uuid = '%s'",
            entry_type, credits, created_at, loy_contact_get_uuid (contact));
}

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

static LoyPage *
query_ledger (Fixture    *fixture,
              const char *contact_uuid,
              guint       types)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->parent_uuid = g_strdup (contact_uuid);
  query->ledger_types = types;
  page = loy_store_query_sync (fixture->iface, query, 0, 100, NULL, &error);
  g_assert_no_error (error);

  return page;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

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

/* Levels */

static void
test_levels (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(LoyPage) credits = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = loy_contact_get_uuid (anna);

  give_points (fixture, anna, 450);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Silver");
  g_clear_object (&contact);

  give_points (fixture, anna, 1400);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Silver");
  g_clear_object (&contact);

  give_points (fixture, anna, 100);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Gold");
  g_clear_object (&contact);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, -1600, "Correction", OPERATOR,
                                        NULL, &error);
  g_assert_no_error (error);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpint (loy_contact_get_balance (contact), ==, 400);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Bronze");
  g_clear_object (&contact);

  /* By points earned in the last year, spending does not cost the level;
   * old points and reversed ones do not count. */
  credits = query_ledger (fixture, uuid, 1 << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  g_clear_object (&entry);
  entry = loy_store_reverse_entry_sync (fixture->iface,
                                        loy_ledger_entry_get_uuid (g_ptr_array_index (credits->items, 0)),
                                        NULL, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -100);
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 5000, loy_add_months (now_seconds (), -13));
  loy_program_set_level_basis (program, LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  loy_program_set_level_period_months (program, 12);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_level_basis (updated), ==, LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Silver");  /* 50 + 450 + 1400 */
  g_clear_object (&contact);

  g_clear_object (&updated);
  loy_program_set_level_basis (program, LOY_LEVEL_BASIS_BALANCE);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Gold");  /* 5300 */
}

static void
set_level_basis_earned (Fixture *fixture)
{
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GError) error = NULL;

  loy_program_set_level_basis (program, LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  loy_program_set_level_period_months (program, 12);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
}

/* The level the store has for @uuid, read behind its back. */
static char *
stored_level (Fixture    *fixture,
              const char *uuid)
{
  return test_sqlite_text (fixture->raw,
                           "SELECT l.name FROM contacts AS c JOIN levels AS l ON l.id = c.level_id"
                           " WHERE c.uuid = '%s'", uuid);
}

/* Levels by points earned in a year go stale as the year moves on, with no
 * write to the contact: expiring points, and opening the store, set them
 * again. A stale level stands in for a year gone by. */
static void
test_levels_stale (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  const char *uuid = loy_contact_get_uuid (anna);
  g_autoptr(LoySqliteStore) reopened = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GError) error = NULL;
  g_autofree char *level = NULL;
  gint64 written;

  give_points (fixture, anna, 500);
  set_level_basis_earned (fixture);
  level = stored_level (fixture, uuid);
  g_assert_cmpstr (level, ==, "Silver");
  g_clear_pointer (&level, g_free);

  test_sqlite_exec (fixture->raw, "UPDATE contacts SET level_id = (SELECT id FROM levels"
                                  " WHERE name = 'Gold')");
  written = loy_store_expire_points_sync (fixture->iface, now_seconds (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);
  level = stored_level (fixture, uuid);
  g_assert_cmpstr (level, ==, "Silver");
  g_clear_pointer (&level, g_free);

  /* A store's first job, whatever it is, sets them all again. */
  test_sqlite_exec (fixture->raw, "UPDATE contacts SET level_id = (SELECT id FROM levels"
                                  " WHERE name = 'Gold')");
  reopened = test_sqlite_store_open (fixture->base.path);
  page = loy_store_query_sync (LOY_STORE (reopened), query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_contact_get_level_name (g_ptr_array_index (page->items, 0)), ==, "Silver");
  test_assert_finalized (g_steal_pointer (&reopened));
}

/* Program */

static void
test_program (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(LoyProgram) reread = NULL;
  g_autoptr(LoyContact) anna = NULL;
  g_auto(GStrv) actions = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_get_program_sync (fixture->iface, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_welcome_points (program), ==, 50);
  g_assert_cmpint (loy_program_get_action_points (program, "referral"), ==, 100);

  loy_program_set_welcome_points (program, 25);
  loy_program_set_points_per_unit (program, 250);
  loy_program_set_rounding (program, LOY_ROUNDING_UP);
  loy_program_set_action_points (program, "referral", LOY_UNSET);
  loy_program_set_action_points (program, "newsletter", 5);
  loy_program_set_expiry_months (program, 24);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);

  reread = loy_store_get_program_sync (fixture->iface, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_welcome_points (reread), ==, 25);
  g_assert_cmpint (loy_program_get_points_per_unit (reread), ==, 250);
  g_assert_cmpint (loy_program_get_rounding (reread), ==, LOY_ROUNDING_UP);
  g_assert_cmpuint (loy_program_get_expiry_months (reread), ==, 24);
  actions = loy_program_dup_actions (reread);
  g_assert_cmpstrv (actions, ((const char * const[]) { "newsletter", "review", "social_share", NULL }));

  anna = enroll (fixture, "anna@example.com", "Anna");
  g_assert_cmpint (loy_contact_get_balance (anna), ==, 25);

  g_clear_object (&updated);
  loy_program_set_action_points (program, " ", 5);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
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
                                                LOY_STORE_CAN_LIST_LEDGER |
                                                LOY_STORE_CAN_EDIT_PROGRAM));
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

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
  ADD_TEST ("/ledger/redeem/physical", test_redeem_physical);
  ADD_TEST ("/ledger/redeem/digital", test_redeem_digital);
  ADD_TEST ("/ledger/redeem/together", test_redeem_together);
  ADD_TEST ("/ledger/adjust", test_adjust);
  ADD_TEST ("/ledger/reverse", test_reverse);
  ADD_TEST ("/ledger/reverse/stock", test_reverse_stock);
  ADD_TEST ("/ledger/reverse/code", test_reverse_code);
  ADD_TEST ("/ledger/levels", test_levels);
  ADD_TEST ("/ledger/levels/stale", test_levels_stale);
  ADD_TEST ("/ledger/program", test_program);
  ADD_TEST ("/ledger/expire/fifo", test_expire_fifo);
  ADD_TEST ("/ledger/expire/reversals", test_expire_reversals);
  ADD_TEST ("/ledger/expire/then-reverse", test_expire_then_reverse);
  ADD_TEST ("/ledger/mixed-sequence", test_mixed_sequence);

  return g_test_run ();
}
