/* test-loyctl-points.c — loyctl contacts and points, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "loyctl-test.h"

#define JELLYFISH_NET "6bfe1e50-b13a-49ab-85c9-98cd8b734da2"  /* digital, 25 credits */
#define UNKNOWN_UUID  "00000000-0000-4000-8000-000000000000"

typedef struct
{
  LoyctlTestFixture  base;
  char              *contact;   /* enrolled by the fixture: 50 welcome points */
} Fixture;

static gint64
balance_of (Fixture *fixture)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "show", fixture->contact, NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);

  return json_object_get_int_member (json_object_get_object_member (contact, "credit_balance"),
                                     "balance");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;

  loyctl_test_fixture_setup (&fixture->base, data);

  loyctl_run_db (&fixture->base, &run, "demo", "--contacts", "30", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "enroll", "--email",
                 "karen@example.com", "--first-name", "Karen", "--last-name", "Plankton", NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  fixture->contact = g_strdup (json_object_get_string_member (contact, "uuid"));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  loyctl_test_fixture_teardown (&fixture->base, data);
  g_free (fixture->contact);
}

static void
test_enroll_and_show (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "show", fixture->contact, NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==, "karen@example.com");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (contact, "credit_balance"),
                                               "balance"), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (contact, "level"),
                                                  "name"), ==, "Bronze");

  loyctl_run_db (&fixture->base, &run, "contacts", "enroll", "--email", "KAREN@example.com", NULL);
  loyctl_assert_error (&run, "A contact with this email exists");

  loyctl_run_db (&fixture->base, &run, "contacts", "enroll", "--email", "karen", NULL);
  loyctl_assert_error (&run, "not an email address");

  loyctl_run_db (&fixture->base, &run, "contacts", "enroll", NULL);
  loyctl_assert_usage_error (&run, "--email");

  loyctl_run_db (&fixture->base, &run, "contacts", "show", UNKNOWN_UUID, NULL);
  loyctl_assert_error (&run, UNKNOWN_UUID);
}

static void
test_list_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) contacts = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "list", "--limit", "5", NULL);
  loyctl_assert_success (&run);
  contacts = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 5);
  g_clear_pointer (&contacts, json_array_unref);

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "search", "plank", NULL);
  loyctl_assert_success (&run);
  contacts = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 0), "uuid"),
                   ==, fixture->contact);

  loyctl_run_db (&fixture->base, &run, "contacts", "list", "--limit", "many", NULL);
  loyctl_assert_usage_error (&run, "--limit");
}

static void
test_award (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) entry = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "points", "award", fixture->contact, "--amount",
                 "12,50", NULL);
  loyctl_assert_success (&run);
  entry = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (entry, "type"), ==, "CREDIT_RECEPTION");
  g_assert_cmpint (json_object_get_int_member (entry, "credits"), ==, 12);
  g_assert_cmpfloat (json_object_get_double_member (entry, "purchase_amount"), ==, 12.5);
  g_assert_cmpstr (json_object_get_string_member (entry, "operator"), ==, LOYCTL_TEST_USER);

  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, "--action", "referral",
                 NULL);
  loyctl_assert_success (&run);
  g_assert_cmpint (balance_of (fixture), ==, 50 + 12 + 100);

  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, "--amount", "12.505",
                 NULL);
  loyctl_assert_usage_error (&run, "12.505");
  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, "--amount", "1,000.00",
                 NULL);
  loyctl_assert_usage_error (&run, "amount of money");
  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, NULL);
  loyctl_assert_usage_error (&run, "exactly one");
  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, "--points", "5",
                 "--action", "review", NULL);
  loyctl_assert_usage_error (&run, "exactly one");
  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, "--action", "dancing",
                 NULL);
  loyctl_assert_error (&run, "referral, review, social_share");
  loyctl_run_db (&fixture->base, &run, "points", "award", UNKNOWN_UUID, "--points", "5", NULL);
  loyctl_assert_error (&run, UNKNOWN_UUID);

  g_assert_cmpint (balance_of (fixture), ==, 162);
}

static void
test_adjust (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) entry = NULL;

  /* A negative number is the adjustment, not an option. */
  loyctl_run_db (&fixture->base, &run, "--json", "points", "adjust", fixture->contact, "-20",
                 "--reason", "Double booking", NULL);
  loyctl_assert_success (&run);
  entry = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (entry, "credits"), ==, -20);
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "Double booking");
  g_assert_cmpstr (json_object_get_string_member (entry, "operator"), ==, LOYCTL_TEST_USER);
  g_assert_cmpint (balance_of (fixture), ==, 30);

  loyctl_run_db (&fixture->base, &run, "points", "adjust", fixture->contact, "-31", "--reason",
                 "Too much", NULL);
  loyctl_assert_error (&run, "has only 30");
  loyctl_run_db (&fixture->base, &run, "points", "adjust", fixture->contact, "10", "--reason",
                 "   ", NULL);
  loyctl_assert_error (&run, "reason");
  loyctl_run_db (&fixture->base, &run, "points", "adjust", fixture->contact, "10", NULL);
  loyctl_assert_usage_error (&run, "--reason");
  loyctl_run_db (&fixture->base, &run, "points", "adjust", fixture->contact, "ten", "--reason", "x",
                 NULL);
  loyctl_assert_usage_error (&run, "ten");
  loyctl_run_db (&fixture->base, &run, "points", "adjust", fixture->contact, "10", "--reasn", "x",
                 NULL);
  loyctl_assert_usage_error (&run, "--reasn");

  g_assert_cmpint (balance_of (fixture), ==, 30);
}

static void
test_redeem_reverse_ledger (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) redemption = NULL;
  g_autoptr(JsonObject) reversal = NULL;
  g_autoptr(JsonArray) ledger = NULL;
  JsonObject *code;
  const char *redemption_uuid;

  loyctl_run_db (&fixture->base, &run, "--json", "points", "redeem", fixture->contact,
                 JELLYFISH_NET, NULL);
  loyctl_assert_success (&run);
  redemption = loyctl_run_parse_object (&run);
  redemption_uuid = json_object_get_string_member (redemption, "uuid");
  g_assert_cmpstr (json_object_get_string_member (redemption, "type"), ==, "REWARD_RECEPTION");
  g_assert_cmpint (json_object_get_int_member (redemption, "credits"), ==, -25);
  code = json_object_get_object_member (redemption, "digital_reward_code");
  g_assert_nonnull (code);
  g_assert_cmpstr (json_object_get_string_member (code, "code"), !=, "");
  g_assert_cmpint (balance_of (fixture), ==, 25);

  loyctl_run_db (&fixture->base, &run, "points", "redeem", fixture->contact,
                 "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc" /* Krabby Patty, 50 */, NULL);
  loyctl_assert_error (&run, "needs 50 points");

  loyctl_run_db (&fixture->base, &run, "--json", "points", "reverse", redemption_uuid,
                 "--reason", "Wrong reward", NULL);
  loyctl_assert_success (&run);
  reversal = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (reversal, "credits"), ==, 25);
  g_assert_cmpstr (json_object_get_string_member (reversal, "reverses_uuid"), ==, redemption_uuid);
  g_assert_cmpint (balance_of (fixture), ==, 50);

  loyctl_run_db (&fixture->base, &run, "points", "reverse", redemption_uuid, NULL);
  loyctl_assert_error (&run, "already been reversed");

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "ledger", fixture->contact, NULL);
  loyctl_assert_success (&run);
  ledger = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (ledger), ==, 3);
  for (guint i = 0; i < json_array_get_length (ledger); i++)
    {
      JsonObject *entry = json_array_get_object_element (ledger, i);

      g_assert_true (json_object_has_member (entry, "type"));
      g_assert_true (json_object_has_member (entry, "credits"));
      g_assert_true (json_object_has_member (entry, "reason"));
      g_assert_true (json_object_has_member (entry, "operator"));
      g_assert_true (json_object_has_member (entry, "created_at"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ledger, 0), "type"),
                   ==, "REVERSAL");
  /* The reason given is the reversal's, in the history */
  g_assert_true (g_str_has_suffix (json_object_get_string_member (json_array_get_object_element (ledger, 0),
                                                                  "reason"),
                                   " — Wrong reward"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (ledger, 1), "reversed"));

  loyctl_run_db (&fixture->base, &run, "contacts", "ledger", fixture->contact, NULL);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "REWARD_RECEPTION"));
  g_assert_nonnull (strstr (run.out, "Wrong reward"));
  g_assert_nonnull (strstr (run.out, LOYCTL_TEST_USER));

  loyctl_run_db (&fixture->base, &run, "contacts", "ledger", UNKNOWN_UUID, NULL);
  loyctl_assert_error (&run, UNKNOWN_UUID);
}

static void
test_expire (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) result = NULL;

  /* The demo program's points expire after six months: a run expires what
   * came due since the demo's last monthly run, and a second one nothing. */
  loyctl_run_db (&fixture->base, &run, "--json", "points", "expire", NULL);
  loyctl_assert_success (&run);
  loyctl_run_db (&fixture->base, &run, "--json", "points", "expire", NULL);
  loyctl_assert_success (&run);
  result = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (result, "expiry_entries"), ==, 0);

  loyctl_run_db (&fixture->base, &run, "points", "expire", "--until", "2020-01-01", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "points", "expire", "--until", "2099-01-01", NULL);
  loyctl_assert_error (&run, "future");

  loyctl_run_db (&fixture->base, &run, "points", "expire", "--until", "yesterday", NULL);
  loyctl_assert_usage_error (&run, "yesterday");
}

/* Another program's write transaction outlasts loyctl's wait for it. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (fixture->base.db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  loyctl_run_db (&fixture->base, &run, "points", "award", fixture->contact, "--points", "5", NULL);
  loyctl_assert_error (&run, NULL);
  g_assert_cmpstr (run.err, ==,
                   "loyctl: Another program is writing to the database; try again in a moment\n");

  sqlite3_close (other);
  g_assert_cmpint (balance_of (fixture), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  loyctl_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/loyctl/contacts/enroll-show", test_enroll_and_show);
  ADD_TEST ("/loyctl/contacts/list-search", test_list_and_search);
  ADD_TEST ("/loyctl/points/award", test_award);
  ADD_TEST ("/loyctl/points/adjust", test_adjust);
  ADD_TEST ("/loyctl/points/redeem-reverse-ledger", test_redeem_reverse_ledger);
  ADD_TEST ("/loyctl/points/expire", test_expire);
  ADD_TEST ("/loyctl/points/busy", test_busy);

#undef ADD_TEST

  return g_test_run ();
}
