/* test-loyctl-campaigns.c — loyctl levels, segments, campaigns and
 * cashback, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loyctl-test.h"

typedef struct
{
  LoyctlTestFixture  base;
  char              *contact;   /* enrolled by the fixture: 50 welcome points */
  char              *gold;      /* the demo's top level */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;
  g_autoptr(JsonArray) levels = NULL;

  loyctl_test_fixture_setup (&fixture->base, data);

  loyctl_run_db (&fixture->base, &run, "demo", "--contacts", "30", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "enroll", "--email",
                 "karen@example.com", NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  fixture->contact = g_strdup (json_object_get_string_member (contact, "uuid"));

  loyctl_run_db (&fixture->base, &run, "--json", "levels", "list", NULL);
  loyctl_assert_success (&run);
  levels = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (levels), ==, 3);
  fixture->gold = g_strdup (json_object_get_string_member (json_array_get_object_element (levels, 2),
                                                           "uuid"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (levels, 2),
                                               "threshold"), ==, 2000);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  loyctl_test_fixture_teardown (&fixture->base, data);
  g_free (fixture->contact);
  g_free (fixture->gold);
}

/* How many campaigns "campaigns list" prints with the options given (up to
 * four words; the first NULL ends them). */
static guint
count_listed (Fixture    *fixture,
              const char *arg1,
              const char *arg2,
              const char *arg3,
              const char *arg4)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) listed = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "list", arg1, arg2, arg3, arg4, NULL);
  loyctl_assert_success (&run);
  listed = loyctl_run_parse_array (&run);

  return json_array_get_length (listed);
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) segments = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "segments", "list", NULL);
  loyctl_assert_success (&run);
  segments = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (segments), ==, 3);
  g_assert_true (json_object_has_member (json_array_get_object_element (segments, 0), "members"));

  /* The demo has every type; filters are ANDed. */
  g_assert_cmpuint (count_listed (fixture, NULL, NULL, NULL, NULL), ==, 10);
  g_assert_cmpuint (count_listed (fixture, "--type", "cashback", NULL, NULL), ==, 2);
  g_assert_cmpuint (count_listed (fixture, "--label", "event", NULL, NULL), ==, 5);
  g_assert_cmpuint (count_listed (fixture, "--label", "event=christmas", "--label", "tier=gold"), ==, 1);
  g_assert_cmpuint (count_listed (fixture, "--label", "event=christmas", "--label", "tier=silver"), ==, 0);
  g_assert_cmpuint (count_listed (fixture, "--category", "Seasonal", NULL, NULL), ==, 2);

  loyctl_run_db (&fixture->base, &run, "campaigns", "list", "--type", "gift_card", NULL);
  loyctl_assert_usage_error (&run, "“gift_card” is no campaign type");
}

static void
test_create_buy_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) campaign = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autoptr(JsonObject) purchase = NULL;
  g_autoptr(JsonArray) answers = NULL;
  g_autofree char *codes = g_build_filename (fixture->base.tmpdir, "codes.txt", NULL);
  const char *uuid;
  gboolean seen = FALSE;

  g_assert_true (g_file_set_contents (codes, "KAREN-1\n\nKAREN-2\n", -1, NULL));
  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "create", "--type", "discount_code",
                 "--name", "Krusty deal", "--cost-in-points", "20", "--limit-per-contact", "1",
                 "--label", "event=launch", "--codes", codes, NULL);
  loyctl_assert_success (&run);
  campaign = loyctl_run_parse_object (&run);
  uuid = json_object_get_string_member (campaign, "uuid");
  g_assert_cmpstr (json_object_get_string_member (campaign, "campaign_type"), ==, "discount_code");
  g_assert_cmpint (json_object_get_int_member (campaign, "cost_in_points"), ==, 20);
  g_assert_nonnull (json_object_get_string_member (campaign, "code_group_uuid"));

  /* Bad input: one line, exit 1, nothing changed. */
  loyctl_run_db (&fixture->base, &run, "campaigns", "update", uuid, "--limit", "0", NULL);
  loyctl_assert_error (&run, "limit");
  loyctl_run_db (&fixture->base, &run, "campaigns", "create", "--type", "cashback",
                 "--name", "Krusty deal", "--point-value", "1", NULL);
  loyctl_assert_error (&run, "Another campaign is already called “Krusty deal”");
  loyctl_run_db (&fixture->base, &run, "campaigns", "update", uuid, "--active-from", "2026-01-01",
                 NULL);
  loyctl_assert_usage_error (&run, "Give both --active-from and --active-to");

  /* Changed fields only. */
  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "update", uuid, "--name", "Krusty",
                 "--language", "nl", NULL);
  loyctl_assert_success (&run);
  updated = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (updated, "name"), ==, "Krusty deal");
  g_assert_cmpint (json_object_get_int_member (updated, "cost_in_points"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (updated, "translations"),
                                                                                 "nl"),
                                                  "name"), ==, "Krusty");

  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "available", fixture->contact, NULL);
  loyctl_assert_success (&run);
  answers = loyctl_run_parse_array (&run);
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *answer = json_array_get_object_element (answers, i);

      if (g_str_equal (json_object_get_string_member (answer, "uuid"), uuid))
        {
          g_assert_true (json_object_get_boolean_member (answer, "can_buy"));
          seen = TRUE;
        }
    }
  g_assert_true (seen);

  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "buy", fixture->contact, uuid, NULL);
  loyctl_assert_success (&run);
  purchase = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (purchase, "campaign_uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (purchase, "code"), ==, "KAREN-1");
  g_assert_cmpint (json_object_get_int_member (purchase, "cost_in_points"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (purchase, "status"), ==, "active");

  loyctl_run_db (&fixture->base, &run, "campaigns", "buy", fixture->contact, uuid, NULL);
  loyctl_assert_error (&run, "“Krusty deal” cannot be bought: Bought 1 time already");

  loyctl_run_db (&fixture->base, &run, "campaigns", "delete", uuid, NULL);
  loyctl_assert_error (&run, "cannot be deleted. Deactivate it instead.");
  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "update", uuid, "--inactive", NULL);
  loyctl_assert_success (&run);
}

/* Seed 003: 1 point = 2.00; 50 points pay an order of 100.00; 20 of
 * them take 40.00 off. */
static void
test_cashback (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) quote = NULL;
  g_autoptr(JsonObject) exchanged = NULL;
  g_autoptr(JsonObject) contact = NULL;

  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "create", "--type", "cashback",
                 "--name", "Two a point", "--point-value", "2", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "--json", "cashback", "quote", fixture->contact,
                 "--order-total", "100", NULL);
  loyctl_assert_success (&run);
  quote = loyctl_run_parse_object (&run);
  g_assert_cmpfloat (json_object_get_double_member (quote, "point_value"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (quote, "points_used"), ==, 50);
  g_assert_cmpfloat (json_object_get_double_member (quote, "discount"), ==, 100);
  g_assert_cmpfloat (json_object_get_double_member (quote, "to_pay"), ==, 0);

  loyctl_run_db (&fixture->base, &run, "--json", "cashback", "exchange", fixture->contact,
                 "--order-total", "100", "--points", "20", "--order-ref", "SEED-003", NULL);
  loyctl_assert_success (&run);
  exchanged = loyctl_run_parse_object (&run);
  g_assert_cmpfloat (json_object_get_double_member (exchanged, "discount"), ==, 40);
  g_assert_cmpfloat (json_object_get_double_member (exchanged, "to_pay"), ==, 60);
  g_assert_nonnull (json_object_get_string_member (exchanged, "ledger_entry_uuid"));

  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "show", fixture->contact, NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (contact, "credit_balance"),
                                               "balance"), ==, 30);

  loyctl_run_db (&fixture->base, &run, "cashback", "quote", fixture->contact, NULL);
  loyctl_assert_usage_error (&run, "Give --order-total");
  loyctl_run_db (&fixture->base, &run, "cashback", "quote", fixture->contact, "--order-total",
                 "ten", NULL);
  loyctl_assert_usage_error (&run, "--order-total");
}

/* 10 % of a purchase of 25.00 is 2.50: a code worth 3; once per purchase. */
static void
test_issue_percentage (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) campaign = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(JsonObject) issued = NULL;
  g_autofree char *message = NULL;
  const char *uuid;
  const char *entry_uuid;

  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "create", "--type",
                 "percentage_discount_code", "--name", "Ten back", "--percentage", "10", NULL);
  loyctl_assert_success (&run);
  campaign = loyctl_run_parse_object (&run);
  uuid = json_object_get_string_member (campaign, "uuid");

  loyctl_run_db (&fixture->base, &run, "--json", "points", "award", fixture->contact, "--amount",
                 "25.00", NULL);
  loyctl_assert_success (&run);
  entry = loyctl_run_parse_object (&run);
  entry_uuid = json_object_get_string_member (entry, "uuid");

  loyctl_run_db (&fixture->base, &run, "--json", "campaigns", "issue-percentage", fixture->contact,
                 uuid, entry_uuid, NULL);
  loyctl_assert_success (&run);
  issued = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (issued, "campaign_uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (issued, "source_entry_uuid"), ==, entry_uuid);
  g_assert_cmpfloat (json_object_get_double_member (issued, "value"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (issued, "cost_in_points"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (issued, "status"), ==, "active");
  g_assert_cmpuint (strlen (json_object_get_string_member (issued, "code")), ==, 14);

  message = g_strdup_printf ("This purchase has a percentage discount code already: %s",
                             json_object_get_string_member (issued, "code"));
  loyctl_run_db (&fixture->base, &run, "campaigns", "issue-percentage", fixture->contact, uuid,
                 entry_uuid, NULL);
  loyctl_assert_error (&run, message);

  loyctl_run_db (&fixture->base, &run, "campaigns", "issue-percentage", fixture->contact, uuid, NULL);
  loyctl_assert_usage_error (&run, "ENTRY_UUID");
}

int
main (int   argc,
      char *argv[])
{
  loyctl_test_init (&argc, &argv);

  g_test_add ("/loyctl/campaigns/lists", Fixture, NULL, fixture_setup, test_lists,
              fixture_teardown);
  g_test_add ("/loyctl/campaigns/create-buy-delete", Fixture, NULL, fixture_setup,
              test_create_buy_delete, fixture_teardown);
  g_test_add ("/loyctl/campaigns/cashback", Fixture, NULL, fixture_setup, test_cashback,
              fixture_teardown);
  g_test_add ("/loyctl/campaigns/issue-percentage", Fixture, NULL, fixture_setup,
              test_issue_percentage, fixture_teardown);

  return g_test_run ();
}
