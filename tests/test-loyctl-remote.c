/* test-loyctl-remote.c — loyctl --remote on a Piggy account (the fake server)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-fake-piggy.h"
#include "loyctl-test.h"

#define API_KEY       "loyctl-remote-key-2718"
#define SANDY         LOY_FAKE_PIGGY_CONTACT_UUID
#define JELLYFISH_NET "6bfe1e50-b13a-49ab-85c9-98cd8b734da2"
#define CHUM_BUCKET   "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c"

typedef struct
{
  LoyctlTestFixture  loyctl;
  LoyFakePiggy      *fake;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  loyctl_test_fixture_setup (&fixture->loyctl, data);
  fixture->loyctl.api_key = g_strdup (API_KEY);
  fixture->fake = loy_fake_piggy_new (API_KEY);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->fake, loy_fake_piggy_free);
  loyctl_test_fixture_teardown (&fixture->loyctl, data);
}

/* loyctl --remote URL ARGS… */
#define RUN(fixture, run, ...) \
  loyctl_run (&(fixture)->loyctl, (run), "--remote", loy_fake_piggy_get_base_url ((fixture)->fake), __VA_ARGS__, NULL)

static void
test_contacts (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) contacts = NULL;
  g_autoptr(JsonObject) sandy = NULL;
  g_autoptr(JsonObject) enrolled = NULL;
  g_autoptr(JsonArray) found = NULL;

  loy_fake_piggy_add_contacts (fixture->fake, 24);

  /* 15 of 25, across the server's pages of 10. */
  RUN (fixture, &run, "--json", "contacts", "list", "--limit", "15");
  loyctl_assert_success (&run);
  contacts = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 14), "email"), ==,
                   "contact-00014@example.com");

  RUN (fixture, &run, "--json", "contacts", "show", SANDY);
  loyctl_assert_success (&run);
  sandy = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (sandy, "first_name"), ==, "Sandy");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (sandy, "credit_balance"), "balance"),
                   ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (sandy, "level"), "name"),
                   ==, "Bronze");

  RUN (fixture, &run, "--json", "contacts", "enroll", "--email", "plankton@example.com",
       "--first-name", "Sheldon", "--last-name", "Plankton");
  loyctl_assert_success (&run);
  enrolled = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (enrolled, "last_name"), ==, "Plankton");

  /* An exact email is asked of the server. */
  RUN (fixture, &run, "--json", "contacts", "search", "plankton@example.com");
  loyctl_assert_success (&run);
  found = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 0), "uuid"), ==,
                   json_object_get_string_member (enrolled, "uuid"));

  /* Any part of a name, through the local index of the account's contacts. */
  RUN (fixture, &run, "--json", "contacts", "search", "plank");
  loyctl_assert_success (&run);
  g_clear_pointer (&found, json_array_unref);
  found = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 0), "email"), ==,
                   "plankton@example.com");
}

static void
test_points (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) award = NULL;
  g_autoptr(JsonObject) purchase = NULL;
  g_autoptr(JsonObject) redemption = NULL;
  g_autoptr(JsonObject) reversal = NULL;
  g_autoptr(JsonObject) adjustment = NULL;
  g_autoptr(JsonArray) ledger = NULL;
  const char *redemption_uuid;

  RUN (fixture, &run, "--json", "points", "award", SANDY, "--points", "40");
  loyctl_assert_success (&run);
  award = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (award, "credits"), ==, 40);
  g_assert_cmpstr (json_object_get_string_member (award, "type"), ==, "CREDIT_RECEPTION");

  RUN (fixture, &run, "--json", "points", "award", SANDY, "--amount", "10.40");
  loyctl_assert_success (&run);
  purchase = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (purchase, "credits"), ==, 10);
  g_assert_cmpfloat (json_object_get_double_member (purchase, "purchase_amount"), ==, 10.4);

  RUN (fixture, &run, "--json", "points", "redeem", SANDY, JELLYFISH_NET);
  loyctl_assert_success (&run);
  redemption = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (redemption, "digital_reward_code"),
                                                  "code"), ==, "JELLY-0001");
  redemption_uuid = json_object_get_string_member (redemption, "uuid");

  RUN (fixture, &run, "--json", "contacts", "ledger", SANDY);
  loyctl_assert_success (&run);
  ledger = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (ledger), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ledger, 0), "uuid"), ==,
                   redemption_uuid);

  /* The API finds an entry only through its contact. */
  RUN (fixture, &run, "points", "reverse", redemption_uuid);
  loyctl_assert_usage_error (&run, "--contact");

  RUN (fixture, &run, "--json", "points", "reverse", redemption_uuid, "--contact", SANDY);
  loyctl_assert_success (&run);
  reversal = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (reversal, "type"), ==, "REVERSAL");
  g_assert_cmpint (json_object_get_int_member (reversal, "credits"), ==, 25);
  g_assert_cmpstr (json_object_get_string_member (reversal, "reverses_uuid"), ==, redemption_uuid);

  RUN (fixture, &run, "--json", "points", "adjust", SANDY, "-5", "--reason", "Counted twice");
  loyctl_assert_success (&run);
  adjustment = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (adjustment, "type"), ==, "ADJUSTMENT");
  g_assert_cmpstr (json_object_get_string_member (adjustment, "reason"), ==, "Counted twice");
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 45);

  /* What the API cannot do says so. */
  RUN (fixture, &run, "points", "expire");
  loyctl_assert_error (&run, "Points cannot be expired on the account at");
  g_assert_nonnull (strstr (run.err, "its API has no expiry"));
  RUN (fixture, &run, "points", "award", SANDY, "--action", "review");
  loyctl_assert_error (&run, "no actions");
  RUN (fixture, &run, "campaigns", "issue-percentage", SANDY, "CAMPAIGN", "ENTRY");
  loyctl_assert_error (&run, "Percentage codes cannot be issued with the data source “");
  g_assert_nonnull (strstr (run.err, loy_fake_piggy_get_base_url (fixture->fake)));
  RUN (fixture, &run, "rewards", "create", "--type", "physical", "--title", "Kelp shake", "--required-credits", "10");
  loyctl_assert_error (&run, "Rewards cannot be created with the data source “");
}

static void
test_account (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) shops = NULL;
  g_autoptr(JsonArray) levels = NULL;
  g_autoptr(JsonObject) program = NULL;

  RUN (fixture, &run, "--json", "shops", "list");
  loyctl_assert_success (&run);
  shops = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (shops), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (shops, 0), "name"), ==,
                   "Krusty Krab");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (shops, 0), "type"), ==,
                   "physical");

  RUN (fixture, &run, "--json", "levels", "list");
  loyctl_assert_success (&run);
  levels = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (levels), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (levels, 2), "name"), ==, "Gold");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (levels, 2), "threshold"));

  RUN (fixture, &run, "levels", "list");
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Silver"));

  RUN (fixture, &run, "--json", "program", "show");
  loyctl_assert_success (&run);
  program = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (program, "name"), ==, "Bikini Bottom Rewards");
  g_assert_cmpstr (json_object_get_string_member (program, "credit_name"), ==, "Sand dollars");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (program, "actions")), ==, 0);
  /* Piggy does not say how points are earned, expire or reach tiers. */
  g_assert_true (json_object_get_null_member (program, "points_per_unit"));
  g_assert_true (json_object_get_null_member (program, "welcome_points"));
  g_assert_true (json_object_get_null_member (program, "level_basis"));

  RUN (fixture, &run, "rewards", "create", "--type", "physical", "--title", "Hat", "--required-credits", "5");
  loyctl_assert_error (&run, NULL);
}

static void
test_shop_option (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autofree char *body = NULL;

  loy_fake_piggy_add_shop (fixture->fake, CHUM_BUCKET, "Chum Bucket");

  RUN (fixture, &run, "points", "award", SANDY, "--points", "5");
  loyctl_assert_error (&run, "Chum Bucket (" CHUM_BUCKET ")");
  g_assert_cmpuint (loy_fake_piggy_get_n_writes (fixture->fake), ==, 0);

  /* A global option: anywhere on the line. */
  RUN (fixture, &run, "points", "award", SANDY, "--points", "5", "--shop", CHUM_BUCKET);
  loyctl_assert_success (&run);
  body = loy_fake_piggy_dup_last_body (fixture->fake);
  g_assert_nonnull (strstr (body, CHUM_BUCKET));

  /* And which rewards a shop shows. */
  RUN (fixture, &run, "--shop", CHUM_BUCKET, "rewards", "list");
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Krabby Patty"));
}

static void
test_wrong_key (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) found = NULL;

  /* The account's key fills the local index of its contacts. */
  RUN (fixture, &run, "--json", "contacts", "search", "sand");
  loyctl_assert_success (&run);
  found = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);

  g_free (fixture->loyctl.api_key);
  fixture->loyctl.api_key = g_strdup ("not-the-key-1618");

  RUN (fixture, &run, "contacts", "list");
  loyctl_assert_error (&run, "The API key was refused");
  g_assert_null (strstr (run.err, "not-the-key-1618"));
  g_assert_null (strstr (run.out, "not-the-key-1618"));

  /* Another key at the same address gets no contact from that index. */
  RUN (fixture, &run, "contacts", "search", "sand");
  loyctl_assert_error (&run, "The API key was refused");
  g_assert_null (strstr (run.out, "Sandy"));

  /* Nor does the account's own key once the account has replaced it. */
  g_free (fixture->loyctl.api_key);
  fixture->loyctl.api_key = g_strdup (API_KEY);
  loy_fake_piggy_set_api_key (fixture->fake, "replaced-key-1414");
  RUN (fixture, &run, "contacts", "search", "sand");
  loyctl_assert_error (&run, "The API key was refused");
  g_assert_null (strstr (run.out, "Sandy"));
}

/* Promotions are the account's campaigns, read through the same store ops. */
static void
test_campaigns (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) campaigns = NULL;
  g_autoptr(JsonObject) promotion = NULL;
  JsonObject *twelfth;

  loy_fake_piggy_add_promotions (fixture->fake, 14);

  RUN (fixture, &run, "--json", "campaigns", "list");
  loyctl_assert_success (&run);
  campaigns = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (campaigns), ==, 14);
  twelfth = json_array_get_object_element (campaigns, 11);
  g_assert_cmpstr (json_object_get_string_member (twelfth, "name"), ==, "Promotion 12");
  g_assert_cmpstr (json_object_get_string_member (twelfth, "campaign_type"), ==, "discount_code");

  RUN (fixture, &run, "--json", "campaigns", "show", "a7000000-0000-4000-8000-000000000002");
  loyctl_assert_success (&run);
  promotion = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (promotion, "name"), ==, "Promotion 2");
  g_assert_cmpint (json_object_get_int_member (promotion, "limit"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (promotion, "limit_per_contact"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (promotion, "days_valid"), ==, 30);

  /* Piggy filters no promotions: said, not answered with a wrong list. */
  RUN (fixture, &run, "campaigns", "list", "--type", "gift_code");
  loyctl_assert_error (&run, "without searching, filtering or sorting");

  RUN (fixture, &run, "campaigns", "show", "a7000000-0000-4000-8000-000000000099");
  loyctl_assert_error (&run, "Promotion not found");
}

#define PROMOTION "a7000000-0000-4000-8000-000000000001"

static void
test_vouchers (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) vouchers = NULL;
  g_autoptr(JsonObject) voucher = NULL;
  g_autoptr(JsonObject) batch = NULL;
  JsonObject *last;

  loy_fake_piggy_add_promotions (fixture->fake, 1);
  loy_fake_piggy_add_vouchers (fixture->fake, PROMOTION, 23);
  loy_fake_piggy_set_meta_shape (fixture->fake, LOY_FAKE_PIGGY_META_B);

  /* Every page of the server's, in shape B. */
  RUN (fixture, &run, "--json", "campaigns", "vouchers", PROMOTION);
  loyctl_assert_success (&run);
  vouchers = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (vouchers), ==, 23);
  last = json_array_get_object_element (vouchers, 22);
  g_assert_cmpstr (json_object_get_string_member (last, "code"), ==, "VOUCHER-00023");
  g_assert_cmpstr (json_object_get_string_member (last, "status"), ==, "ACTIVE");
  g_assert_cmpstr (json_object_get_string_member (last, "campaign_uuid"), ==, PROMOTION);
  g_assert_cmpint (json_object_get_int_member (last, "redemptions_left"), ==, 1);

  RUN (fixture, &run, "campaigns", "vouchers", PROMOTION);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "VOUCHER-00017"));

  RUN (fixture, &run, "--json", "campaigns", "voucher-create", PROMOTION, "--code", "KRUSTY-1", "--contact", SANDY);
  loyctl_assert_success (&run);
  voucher = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (voucher, "code"), ==, "KRUSTY-1");
  g_assert_cmpstr (json_object_get_string_member (voucher, "contact_uuid"), ==, SANDY);
  g_clear_pointer (&voucher, json_object_unref);

  RUN (fixture, &run, "--json", "campaigns", "voucher-create", PROMOTION, "--count", "5");
  loyctl_assert_success (&run);
  batch = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (batch, "quantity"), ==, 5);

  RUN (fixture, &run, "campaigns", "voucher-create", PROMOTION, "--count", "5", "--code", "X");
  g_assert_cmpint (run.status, ==, 2);

  RUN (fixture, &run, "campaigns", "voucher-create", PROMOTION, "--count", "600");
  loyctl_assert_error (&run, "between 1 and 500");

  RUN (fixture, &run, "--json", "campaigns", "voucher-redeem", "KRUSTY-1");
  loyctl_assert_success (&run);
  voucher = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (voucher, "status"), ==, "REDEEMED");
  g_assert_cmpint (json_object_get_int_member (voucher, "redemptions_left"), ==, 0);
  g_clear_pointer (&voucher, json_object_unref);

  RUN (fixture, &run, "campaigns", "voucher-redeem", "KRUSTY-1");
  loyctl_assert_error (&run, "cannot be redeemed");

  RUN (fixture, &run, "--json", "campaigns", "voucher-find", "KRUSTY-1");
  loyctl_assert_success (&run);
  voucher = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (voucher, "status"), ==, "REDEEMED");
  g_assert_cmpstr (json_object_get_string_member (voucher, "contact_email"), ==, LOY_FAKE_PIGGY_CONTACT_EMAIL);
  g_assert_false (json_node_is_null (json_object_get_member (voucher, "redeemed_at")) );

  /* contacts show has the prepaid balance too. */
  loy_fake_piggy_set_prepaid_balance (fixture->fake, SANDY, 705);
  RUN (fixture, &run, "--json", "contacts", "show", SANDY);
  loyctl_assert_success (&run);
  g_clear_pointer (&voucher, json_object_unref);
  voucher = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (voucher, "prepaid_balance"),
                                               "balance_in_cents"), ==, 705);

  /* A promotion is created with what it has; anything else is refused by name. */
  RUN (fixture, &run, "--json", "campaigns", "create", "--type", "discount_code", "--name", "Winter deal",
       "--description", "A free coffee", "--limit", "200", "--limit-per-contact", "2");
  loyctl_assert_success (&run);
  g_clear_pointer (&voucher, json_object_unref);
  voucher = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (voucher, "name"), ==, "Winter deal");
  g_assert_cmpint (json_object_get_int_member (voucher, "limit"), ==, 200);

  RUN (fixture, &run, "campaigns", "create", "--type", "discount_code", "--name", "Pricey",
       "--cost-in-points", "40");
  loyctl_assert_error (&run, "cost_in_points");

  RUN (fixture, &run, "campaigns", "voucher-find", "NOBODY-9");
  loyctl_assert_error (&run, "Voucher not found");
}

#define ADD(path, func) g_test_add ("/loyctl-remote/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  loyctl_test_init (&argc, &argv);

  ADD ("contacts", test_contacts);
  ADD ("points", test_points);
  ADD ("account", test_account);
  ADD ("campaigns", test_campaigns);
  ADD ("vouchers", test_vouchers);
  ADD ("shop-option", test_shop_option);
  ADD ("wrong-key", test_wrong_key);

  return g_test_run ();
}
