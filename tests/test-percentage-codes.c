/* test-percentage-codes.c — percentage discount codes in the local store:
 * issued against one of the contact's purchases, worth a share of it in
 * whole units, once per purchase, all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "loy-core.h"
#include "test-sqlite-fixture.h"

#define OPERATOR "Test till"

typedef struct
{
  TestSqliteFixture  base;
  LoyStore          *store;
  sqlite3           *raw;
  char              *campaign;   /* 10 % of a purchase, valid 30 days */
  char              *ann;
  char              *bob;
} Fixture;

static char *
enroll (Fixture    *fixture,
        const char *email)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  loy_contact_set_email (template, email);
  contact = loy_store_enroll_contact_sync (fixture->store, template, OPERATOR, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (loy_contact_get_uuid (contact));
}

/* A credit reception for a purchase of @amount_cents; returns its UUID. */
static char *
award_purchase (Fixture    *fixture,
                const char *contact,
                gint64      amount_cents)
{
  LoyAward award = { .amount_cents = amount_cents, .operator_name = OPERATOR };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_award_points_sync (fixture->store, contact, &award, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (loy_ledger_entry_get_uuid (entry));
}

static char *
create_percentage (Fixture    *fixture,
                   const char *name,
                   gint64      percentage)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(GError) error = NULL;

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_transaction_percentage (campaign, percentage);
  loy_campaign_set_days_valid (campaign, 30);
  created = loy_store_create_campaign_sync (fixture->store, campaign, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (loy_campaign_get_uuid (created));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->store = LOY_STORE (fixture->base.store);
  fixture->raw = test_sqlite_open_raw (fixture->base.path);
  fixture->campaign = create_percentage (fixture, "Ten back", 10);
  fixture->ann = enroll (fixture, "ann@example.com");
  fixture->bob = enroll (fixture, "bob@example.com");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  test_sqlite_fail_statements (NULL);
  sqlite3_close (fixture->raw);
  g_free (fixture->campaign);
  g_free (fixture->ann);
  g_free (fixture->bob);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

static LoyCampaignPurchase *
issue (Fixture     *fixture,
       const char  *contact,
       const char  *campaign,
       const char  *entry,
       GError     **error)
{
  return loy_store_issue_percentage_code_sync (fixture->store, contact, campaign, entry, OPERATOR,
                                               NULL, error);
}

static gint64
n_entries (Fixture *fixture)
{
  return test_sqlite_int (fixture->raw, "SELECT count(*) FROM ledger_entries");
}

static gint64
n_purchases (Fixture *fixture)
{
  return test_sqlite_int (fixture->raw, "SELECT count(*) FROM campaign_purchases");
}

/* Refused with @code and @message, and nothing written. */
static void
assert_refused (Fixture    *fixture,
                const char *contact,
                const char *campaign,
                const char *entry,
                int         code,
                const char *message)
{
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries = n_entries (fixture);
  gint64 purchases = n_purchases (fixture);

  purchase = issue (fixture, contact, campaign, entry, &error);
  g_assert_error (error, LOY_ERROR, code);
  g_assert_null (purchase);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);

  g_assert_cmpint (n_entries (fixture), ==, entries);
  g_assert_cmpint (n_purchases (fixture), ==, purchases);
}

/* 10 % of 25.00 is 2.50, which rounds to 3 whole units; no points move;
 * the ledger names the campaign and the code; the purchase knows its
 * source entry and its value, and lists with the contact's. */
static void
test_issue (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *entry = award_purchase (fixture, fixture->ann, 2500);
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(GPtrArray) purchases = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *integrity = NULL;
  gint64 balance = test_sqlite_int (fixture->raw, "SELECT balance FROM contacts WHERE uuid = '%s'",
                                    fixture->ann);
  const char *code;

  purchase = issue (fixture, fixture->ann, fixture->campaign, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_value_cents (purchase), ==, 300);
  g_assert_cmpstr (loy_campaign_purchase_get_source_entry_uuid (purchase), ==, entry);
  g_assert_cmpint (loy_campaign_purchase_get_cost_in_points (purchase), ==, 0);
  g_assert_cmpint (loy_campaign_purchase_get_campaign_type (purchase), ==,
                   LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  g_assert_cmpstr (loy_campaign_purchase_get_contact_uuid (purchase), ==, fixture->ann);
  g_assert_cmpint (loy_campaign_purchase_get_used_at (purchase), ==, 0);
  /* Days valid from now */
  g_assert_cmpint (loy_campaign_purchase_get_active_to (purchase) -
                   loy_campaign_purchase_get_active_from (purchase), ==, 30 * 24 * 60 * 60);

  code = loy_campaign_purchase_get_code (purchase);
  g_assert_true (g_regex_match_simple ("^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$", code, 0, 0));

  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT balance FROM contacts WHERE uuid = '%s'",
                                    fixture->ann), ==, balance);
  reason = test_sqlite_text (fixture->raw, "SELECT reason FROM ledger_entries"
                                           " WHERE uuid = '%s' AND credits = 0"
                                           " AND entry_type = 'CAMPAIGN_PURCHASE'",
                             loy_campaign_purchase_get_entry_uuid (purchase));
  g_assert_true (g_str_has_prefix (reason, "Ten back, code "));
  g_assert_true (g_str_has_suffix (reason, code));

  json = loy_campaign_purchase_to_json (purchase);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (json), "value"), ==, 3.0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "source_entry_uuid"),
                   ==, entry);

  purchases = loy_store_list_campaign_purchases_sync (fixture->store, NULL, fixture->ann, NULL,
                                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purchases->len, ==, 1);
  g_assert_cmpstr (loy_campaign_purchase_get_code (g_ptr_array_index (purchases, 0)), ==, code);
  g_assert_cmpint (loy_campaign_purchase_get_value_cents (g_ptr_array_index (purchases, 0)), ==, 300);
  g_assert_cmpstr ((integrity = test_sqlite_text (fixture->raw, "PRAGMA integrity_check")), ==, "ok");
}

/* Whole units, half away from zero: 10 % of 24.99 is 2.499, so 2; of
 * 4.99 it is 0.499, which is nothing and refused. */
static void
test_rounding (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *down = award_purchase (fixture, fixture->ann, 2499);
  g_autofree char *exact = award_purchase (fixture, fixture->ann, 12000);
  g_autofree char *nothing = award_purchase (fixture, fixture->ann, 499);
  g_autoptr(LoyCampaignPurchase) first = NULL;
  g_autoptr(LoyCampaignPurchase) second = NULL;
  g_autoptr(GError) error = NULL;

  first = issue (fixture, fixture->ann, fixture->campaign, down, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_value_cents (first), ==, 200);

  second = issue (fixture, fixture->ann, fixture->campaign, exact, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_value_cents (second), ==, 1200);
  g_assert_cmpstr (loy_campaign_purchase_get_code (first), !=, loy_campaign_purchase_get_code (second));

  assert_refused (fixture, fixture->ann, fixture->campaign, nothing, LOY_ERROR_INVALID_INPUT,
                  "10 % of this purchase is less than half a unit of money: "
                  "there is no voucher to issue");
}

/* One code per purchase: the same entry again is refused, naming the code
 * it has, also by another percentage campaign; once that code is
 * cancelled, the purchase may have a new one. */
static void
test_same_entry_twice (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *entry = award_purchase (fixture, fixture->ann, 5000);
  g_autofree char *other = create_percentage (fixture, "Five back", 5);
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(LoyCampaignPurchase) cancelled = NULL;
  g_autoptr(LoyCampaignPurchase) again = NULL;
  g_autoptr(JsonObject) cancel = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  purchase = issue (fixture, fixture->ann, fixture->campaign, entry, &error);
  g_assert_no_error (error);

  message = g_strdup_printf ("This purchase has a percentage discount code already: %s",
                             loy_campaign_purchase_get_code (purchase));
  assert_refused (fixture, fixture->ann, fixture->campaign, entry, LOY_ERROR_CONFLICT, message);
  assert_refused (fixture, fixture->ann, other, entry, LOY_ERROR_CONFLICT, message);

  json_object_set_boolean_member (cancel, "cancelled", TRUE);
  cancelled = loy_store_update_campaign_purchase_sync (fixture->store,
                                                       loy_campaign_purchase_get_uuid (purchase),
                                                       cancel, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_cancelled_at (cancelled), !=, 0);

  again = issue (fixture, fixture->ann, other, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_value_cents (again), ==, 300);   /* 5 % of 50.00 is 2.50 */
}

/* Only the contact's own purchases that stand, of a percentage campaign
 * that is available to them: each refusal says why, and writes nothing. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *entry = award_purchase (fixture, fixture->ann, 5000);
  g_autofree char *reversed = award_purchase (fixture, fixture->ann, 5000);
  g_autofree char *adjustment = NULL;
  g_autofree char *message = NULL;
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(LoyLedgerEntry) adjusted = NULL;
  g_autoptr(LoyCampaign) coupon = loy_campaign_new ();
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(LoyCampaign) deactivated = NULL;
  g_autoptr(JsonObject) inactive = json_object_new ();
  g_autoptr(GError) error = NULL;
  static const char * const codes[] = { "C-1", NULL };

  assert_refused (fixture, fixture->bob, fixture->campaign, entry, LOY_ERROR_INVALID_INPUT, NULL);
  assert_refused (fixture, fixture->ann, fixture->campaign, "no-such-entry", LOY_ERROR_NOT_FOUND,
                  "There is no ledger entry with UUID “no-such-entry”");

  adjusted = loy_store_adjust_points_sync (fixture->store, fixture->ann, 10, "Goodwill", OPERATOR,
                                           NULL, &error);
  g_assert_no_error (error);
  adjustment = g_strdup (loy_ledger_entry_get_uuid (adjusted));
  message = g_strdup_printf ("The ledger entry “%s” is not a purchase: a percentage discount code "
                             "is issued against points received for a purchase", adjustment);
  assert_refused (fixture, fixture->ann, fixture->campaign, adjustment, LOY_ERROR_INVALID_INPUT,
                  message);

  reversal = loy_store_reverse_entry_sync (fixture->store, reversed, "Refund", OPERATOR, NULL, &error);
  g_assert_no_error (error);
  assert_refused (fixture, fixture->ann, fixture->campaign, reversed, LOY_ERROR_CONFLICT, NULL);

  loy_campaign_set_campaign_type (coupon, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (coupon, "Coupon");
  loy_campaign_set_cost_in_points (coupon, 0);
  created = loy_store_create_campaign_sync (fixture->store, coupon, codes, NULL, &error);
  g_assert_no_error (error);
  assert_refused (fixture, fixture->ann, loy_campaign_get_uuid (created), entry,
                  LOY_ERROR_INVALID_INPUT, "“Coupon” is not a percentage discount campaign");

  /* The evaluator's reasons: status beats everything. */
  json_object_set_boolean_member (inactive, "active", FALSE);
  deactivated = loy_store_update_campaign_sync (fixture->store, fixture->campaign, inactive, NULL,
                                                &error);
  g_assert_no_error (error);
  assert_refused (fixture, fixture->ann, fixture->campaign, entry, LOY_ERROR_NOT_VISIBLE, NULL);
}

/* A write that fails after the ledger entry was written leaves neither
 * the entry nor the code behind; the same issue then succeeds. */
static void
test_atomic (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *entry = award_purchase (fixture, fixture->ann, 5000);
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entries = n_entries (fixture);

  test_sqlite_fail_statements ("INSERT INTO campaign_purchases");
  purchase = issue (fixture, fixture->ann, fixture->campaign, entry, &error);
  test_sqlite_fail_statements (NULL);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_DATABASE);
  g_assert_null (purchase);
  g_assert_cmpint (n_entries (fixture), ==, entries);
  g_assert_cmpint (n_purchases (fixture), ==, 0);

  g_clear_error (&error);
  purchase = issue (fixture, fixture->ann, fixture->campaign, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_entries (fixture), ==, entries + 1);
  g_assert_cmpint (n_purchases (fixture), ==, 1);
}

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GPtrArray *outcomes = user_data;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  GError *error = NULL;

  purchase = loy_store_issue_percentage_code_finish (LOY_STORE (object), result, &error);
  g_ptr_array_add (outcomes, error);
}

/* Two tills (two stores, two connections) issue against one purchase at
 * once: one gets the code, the other is told the purchase has one. */
static void
test_two_tills (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *entry = award_purchase (fixture, fixture->ann, 5000);
  g_autoptr(LoySqliteStore) other = test_sqlite_store_open (fixture->base.path);
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new ();
  LoyStore *tills[] = { fixture->store, LOY_STORE (other) };
  guint n_failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tills); i++)
    loy_store_issue_percentage_code_async (tills[i], fixture->ann, fixture->campaign, entry,
                                           OPERATOR, NULL, issued_cb, outcomes);
  while (outcomes->len < G_N_ELEMENTS (tills))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < outcomes->len; i++)
    {
      GError *error = g_ptr_array_index (outcomes, i);

      if (error != NULL)
        {
          g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
          g_error_free (error);
          n_failed++;
        }
    }
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpint (n_purchases (fixture), ==, 1);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM ledger_entries"
                                                  " WHERE entry_type = 'CAMPAIGN_PURCHASE'"), ==, 1);
  test_assert_finalized (g_steal_pointer (&other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/percentage-codes/issue", Fixture, NULL, fixture_setup, test_issue, fixture_teardown);
  g_test_add ("/percentage-codes/rounding", Fixture, NULL, fixture_setup, test_rounding,
              fixture_teardown);
  g_test_add ("/percentage-codes/same-entry-twice", Fixture, NULL, fixture_setup,
              test_same_entry_twice, fixture_teardown);
  g_test_add ("/percentage-codes/refusals", Fixture, NULL, fixture_setup, test_refusals,
              fixture_teardown);
  g_test_add ("/percentage-codes/atomic", Fixture, NULL, fixture_setup, test_atomic,
              fixture_teardown);
  g_test_add ("/percentage-codes/two-tills", Fixture, NULL, fixture_setup, test_two_tills,
              fixture_teardown);

  return g_test_run ();
}
