/* test-loyctl.c — runs the built loyctl as a user would
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loyctl-test.h"

#define KRABBY_PATTY "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc"
#define UNKNOWN_UUID "00000000-0000-4000-8000-000000000000"

static void
create_demo (LoyctlTestFixture *fixture,
             const char        *db,
             const char        *seed)
{
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run (fixture, &run, "--db", db, "demo", "--contacts", "30", "--seed", seed, NULL);
  loyctl_assert_success (&run);
  g_assert_cmpstr (run.out, !=, "");
}

static JsonObject *
find_reward (JsonArray  *data,
             const char *title)
{
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *reward = json_array_get_object_element (data, i);

      if (g_strcmp0 (json_object_get_string_member (reward, "title"), title) == 0)
        return reward;
    }

  return NULL;
}

static void
test_rewards_list_json (LoyctlTestFixture *fixture,
                        gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) rewards = NULL;
  JsonObject *krabby;

  create_demo (fixture, fixture->db, "1");

  loyctl_run_db (fixture, &run, "--json", "rewards", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  rewards = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (rewards), >=, 4);

  krabby = find_reward (rewards, "Krabby Patty");
  g_assert_nonnull (krabby);
  g_assert_cmpstr (json_object_get_string_member (krabby, "uuid"), ==, KRABBY_PATTY);
  g_assert_cmpint (json_object_get_int_member (krabby, "required_credits"), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (krabby, "custom_attribute_one"), ==, "DEF");
  g_assert_cmpstr (json_object_get_string_member (krabby, "reward_type"), ==, "PHYSICAL");
  g_assert_true (json_object_get_boolean_member (krabby, "is_active"));
  g_assert_false (json_object_get_boolean_member (krabby, "pre_redeemable"));
  g_assert_true (json_object_get_null_member (krabby, "expiration_duration"));
  g_assert_true (json_object_get_null_member (krabby, "stock"));
  g_assert_true (json_object_has_member (krabby, "cost_price"));
  g_assert_nonnull (json_object_get_object_member (krabby, "media"));

  /* The table names the same reward. */
  loyctl_run_db (fixture, &run, "rewards", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, KRABBY_PATTY));
  g_assert_nonnull (strstr (run.out, "Krabby Patty"));
}

static void
test_rewards_show_unknown (LoyctlTestFixture *fixture,
                           gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };

  create_demo (fixture, fixture->db, "1");

  loyctl_run_db (fixture, &run, "rewards", "show", UNKNOWN_UUID, NULL);
  loyctl_assert_error (&run, UNKNOWN_UUID);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_usage_errors (LoyctlTestFixture *fixture,
                   gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };

  create_demo (fixture, fixture->db, "1");

  loyctl_run_db (fixture, &run, "rewards", "update", KRABBY_PATTY, "--required-credits", "abc",
                 NULL);
  loyctl_assert_usage_error (&run, "--required-credits");
  g_assert_nonnull (strstr (run.err, "abc"));

  loyctl_run (fixture, &run, NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run (fixture, &run, "frobnicate", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run (fixture, &run, "rewards", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (fixture, &run, "rewards", "show", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (fixture, &run, "rewards", "list", "extra", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (fixture, &run, "rewards", "list", "--bogus", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (fixture, &run, "rewards", "update", KRABBY_PATTY, NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (fixture, &run, "demo", "--contacts", "-5", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run (fixture, &run, "--remote", "not a url", "rewards", "list", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (fixture, &run, "--remote", "https://example.com", "rewards", "list", NULL);
  loyctl_assert_usage_error (&run, NULL);
}

static void
test_rewards_update (LoyctlTestFixture *fixture,
                     gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) reward = NULL;

  create_demo (fixture, fixture->db, "1");

  loyctl_run_db (fixture, &run, "rewards", "update", KRABBY_PATTY, "--title", "Krabby Patty Deluxe",
                 "--required-credits", "65", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (fixture, &run, "rewards", "show", KRABBY_PATTY, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  reward = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (reward, "title"), ==, "Krabby Patty Deluxe");
  g_assert_cmpint (json_object_get_int_member (reward, "required_credits"), ==, 65);
  g_assert_cmpstr (json_object_get_string_member (reward, "custom_attribute_one"), ==, "DEF");

  loyctl_run_db (fixture, &run, "rewards", "update", UNKNOWN_UUID, "--title", "Nothing", NULL);
  loyctl_assert_error (&run, NULL);
}

static void
test_demo_twice (LoyctlTestFixture *fixture,
                 gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };

  create_demo (fixture, fixture->db, "1");

  loyctl_run_db (fixture, &run, "demo", NULL);
  loyctl_assert_error (&run, fixture->db);
}

/* init starts an empty program that every list answers with nothing;
 * it refuses a database that holds one, and demo data may still go in. */
static void
test_init (LoyctlTestFixture *fixture,
           gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) created = NULL;
  static const char * const lists[][2] = {
    { "rewards", "list" }, { "contacts", "list" }, { "codes", "groups" },
  };

  loyctl_run_db (fixture, &run, "init", NULL);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Started an empty program in"));
  g_assert_true (g_file_test (fixture->db, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autoptr(JsonArray) items = NULL;

      loyctl_run_db (fixture, &run, "--json", lists[i][0], lists[i][1], NULL);
      loyctl_assert_success (&run);
      items = loyctl_run_parse_array (&run);
      g_assert_cmpuint (json_array_get_length (items), ==, 0);
    }

  loyctl_run_db (fixture, &run, "init", NULL);
  loyctl_assert_error (&run, "already holds a program");

  loyctl_run_db (fixture, &run, "--json", "demo", "--contacts", "3", NULL);
  loyctl_assert_success (&run);
  created = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (created, "contacts"), ==, 3);

  loyctl_run_db (fixture, &run, "init", NULL);
  loyctl_assert_error (&run, "already holds a program");
}

static void
test_bad_database (LoyctlTestFixture *fixture,
                   gconstpointer      data)
{
  g_autofree char *text_file = g_build_filename (fixture->tmpdir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run (fixture, &run, "--db", "/", "rewards", "list", NULL);
  loyctl_assert_error (&run, NULL);

  loyctl_run (fixture, &run, "--db", "/", "demo", NULL);
  loyctl_assert_error (&run, NULL);

  g_file_set_contents (text_file, "These are not the rows you are looking for.\n"
                                  "Nor is this a database header, at all.\n", -1, &error);
  g_assert_no_error (error);

  /* The error names the file, once. */
  loyctl_run (fixture, &run, "--db", text_file, "rewards", "list", NULL);
  loyctl_assert_error (&run, "not a database");
  g_assert_nonnull (strstr (run.err, text_file));
  g_assert_null (strstr (strstr (run.err, text_file) + 1, text_file));

  loyctl_run (fixture, &run, "--db", text_file, "demo", NULL);
  loyctl_assert_error (&run, text_file);

  /* Reading never creates a database by accident. */
  loyctl_run (fixture, &run, "--db", missing, "rewards", "list", NULL);
  loyctl_assert_error (&run, NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_remote_without_key (LoyctlTestFixture *fixture,
                         gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run (fixture, &run, "--remote", "https://api.example.com/api/v3/oauth/clients", "rewards",
              "list", NULL);
  loyctl_assert_error (&run, "LOYALTY_DESK_API_KEY");
}

static void
test_deterministic (LoyctlTestFixture *fixture,
                    gconstpointer      data)
{
  g_autofree char *other_db = g_build_filename (fixture->tmpdir, "other.db", NULL);
  g_auto(LoyctlRun) first = { 0 };
  g_auto(LoyctlRun) second = { 0 };

  create_demo (fixture, fixture->db, "7");
  create_demo (fixture, other_db, "7");

  loyctl_run_db (fixture, &first, "--json", "rewards", "list", NULL);
  loyctl_run (fixture, &second, "--db", other_db, "--json", "rewards", "list", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (first.out, ==, second.out);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    n++;

  return n;
}

/* Lists longer than one request's page come whole, in the table as in
 * JSON; a contact list stops at --limit and counts all below the table. */
static void
test_lists_paging (LoyctlTestFixture *fixture,
                   gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) rewards = NULL;
  g_autoptr(JsonArray) contacts = NULL;
  g_autoptr(JsonArray) groups = NULL;

  loyctl_run_db (fixture, &run, "demo", "--contacts", "230", "--rewards", "150", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (fixture, &run, "--json", "rewards", "list", NULL);
  loyctl_assert_success (&run);
  rewards = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (rewards), >, 150);

  loyctl_run_db (fixture, &run, "rewards", "list", NULL);
  loyctl_assert_success (&run);
  g_assert_cmpuint (count_lines (run.out), ==, 1 + json_array_get_length (rewards));

  loyctl_run_db (fixture, &run, "--json", "contacts", "list", "--limit", "150", NULL);
  loyctl_assert_success (&run);
  contacts = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 150);

  loyctl_run_db (fixture, &run, "contacts", "list", "--limit", "150", NULL);
  loyctl_assert_success (&run);
  g_assert_cmpuint (count_lines (run.out), ==, 1 + 150 + 1);
  g_assert_true (g_str_has_suffix (run.out, "\n150 of 230 contacts\n"));

  loyctl_run_db (fixture, &run, "contacts", "list", "--limit", "0", NULL);
  loyctl_assert_success (&run);
  g_assert_cmpstr (run.out, ==, "UUID  Name  Email  Balance  Level\n0 of 230 contacts\n");

  /* The table of code groups names each group the JSON lists. */
  loyctl_run_db (fixture, &run, "--json", "codes", "groups", NULL);
  loyctl_assert_success (&run);
  groups = loyctl_run_parse_array (&run);
  g_assert_cmpuint (json_array_get_length (groups), >, 0);

  loyctl_run_db (fixture, &run, "codes", "groups", NULL);
  loyctl_assert_success (&run);
  g_assert_cmpuint (count_lines (run.out), ==, 1 + json_array_get_length (groups));
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      g_assert_nonnull (strstr (run.out, json_object_get_string_member (group, "uuid")));
    }
}

/* The whole --json text of a new contact and of a ledger entry, byte for
 * byte (CLI.md is a contract): only the new uuids and times are taken
 * from the output. */
static void
test_golden_json (LoyctlTestFixture *fixture,
                  gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;
  g_autoptr(JsonObject) entry = NULL;
  g_autofree char *expected_contact = NULL;
  g_autofree char *expected_entry = NULL;
  g_autofree char *contact_uuid = NULL;
  JsonObject *balance;

  loyctl_run_db (fixture, &run, "init", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (fixture, &run, "--json", "contacts", "enroll", "--email", "amy@example.com",
                 "--first-name", "Amy \"A.\"", NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  contact_uuid = g_strdup (json_object_get_string_member (contact, "uuid"));
  balance = json_object_get_object_member (contact, "credit_balance");
  expected_contact = g_strdup_printf ("{\n"
                                      "  \"data\": {\n"
                                      "    \"uuid\": \"%s\",\n"
                                      "    \"email\": \"amy@example.com\",\n"
                                      "    \"first_name\": \"Amy \\\"A.\\\"\",\n"
                                      "    \"last_name\": \"\",\n"
                                      "    \"credit_balance\": {\n"
                                      "      \"balance\": %" G_GINT64_FORMAT "\n"
                                      "    },\n"
                                      "    \"level\": null,\n"
                                      "    \"next_expiry\": null,\n"
                                      "    \"attributes\": {},\n"
                                      "    \"created_at\": \"%s\"\n"
                                      "  },\n"
                                      "  \"meta\": {}\n"
                                      "}\n",
                                      contact_uuid,
                                      json_object_get_int_member (balance, "balance"),
                                      json_object_get_string_member (contact, "created_at"));
  g_assert_cmpstr (run.out, ==, expected_contact);

  loyctl_run_db (fixture, &run, "--json", "points", "adjust", contact_uuid, "25",
                 "--reason", "Kind words", NULL);
  loyctl_assert_success (&run);
  entry = loyctl_run_parse_object (&run);
  expected_entry = g_strdup_printf ("{\n"
                                    "  \"data\": {\n"
                                    "    \"uuid\": \"%s\",\n"
                                    "    \"contact_uuid\": \"%s\",\n"
                                    "    \"type\": \"ADJUSTMENT\",\n"
                                    "    \"credits\": 25,\n"
                                    "    \"reason\": \"Kind words\",\n"
                                    "    \"operator\": \"" LOYCTL_TEST_USER "\",\n"
                                    "    \"purchase_amount\": null,\n"
                                    "    \"reward\": null,\n"
                                    "    \"digital_reward_code\": null,\n"
                                    "    \"reverses_uuid\": null,\n"
                                    "    \"reversed\": false,\n"
                                    "    \"created_at\": \"%s\"\n"
                                    "  },\n"
                                    "  \"meta\": {}\n"
                                    "}\n",
                                    json_object_get_string_member (entry, "uuid"),
                                    contact_uuid,
                                    json_object_get_string_member (entry, "created_at"));
  g_assert_cmpstr (run.out, ==, expected_entry);
}

static void
test_help_version (LoyctlTestFixture *fixture,
                   gconstpointer      data)
{
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run (fixture, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "rewards list"));
  g_assert_nonnull (strstr (run.out, "--db"));

  loyctl_run (fixture, &run, "rewards", "update", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--required-credits"));

  loyctl_run (fixture, &run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "loyctl " PACKAGE_VERSION));
}

int
main (int   argc,
      char *argv[])
{
  loyctl_test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, LoyctlTestFixture, NULL, loyctl_test_fixture_setup, func, \
              loyctl_test_fixture_teardown)

  ADD_TEST ("/loyctl/rewards/list-json", test_rewards_list_json);
  ADD_TEST ("/loyctl/rewards/show-unknown", test_rewards_show_unknown);
  ADD_TEST ("/loyctl/rewards/update", test_rewards_update);
  ADD_TEST ("/loyctl/usage-errors", test_usage_errors);
  ADD_TEST ("/loyctl/demo/twice", test_demo_twice);
  ADD_TEST ("/loyctl/init", test_init);
  ADD_TEST ("/loyctl/demo/deterministic", test_deterministic);
  ADD_TEST ("/loyctl/bad-database", test_bad_database);
  ADD_TEST ("/loyctl/remote-without-key", test_remote_without_key);
  ADD_TEST ("/loyctl/lists/paging", test_lists_paging);
  ADD_TEST ("/loyctl/golden-json", test_golden_json);
  ADD_TEST ("/loyctl/help-version", test_help_version);

#undef ADD_TEST

  return g_test_run ();
}
