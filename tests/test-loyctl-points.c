/* test-loyctl-points.c — loyctl contacts and points, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define JELLYFISH_NET "6bfe1e50-b13a-49ab-85c9-98cd8b734da2"  /* digital, 25 credits */
#define UNKNOWN_UUID  "00000000-0000-4000-8000-000000000000"

static const char *loyctl_path;

typedef struct
{
  char *tmpdir;
  char *db;
  char *contact;   /* enrolled by the fixture: 50 welcome points */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs loyctl --db DB with the NULL-terminated arguments. */
static void
run_loyctl (Fixture    *fixture,
            Run        *run,
            const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list args;

  env = g_environ_setenv (env, "XDG_DATA_HOME", fixture->tmpdir, TRUE);
  env = g_environ_setenv (env, "USER", "sandy", TRUE);
  env = g_environ_unsetenv (env, "LOYALTY_DESK_API_KEY");

  g_ptr_array_add (argv, (char *) loyctl_path);
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

static void
assert_success (Run *run)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

/* An error the user can act on: exit status 1 and one line on stderr. */
static void
assert_one_line_error (Run        *run,
                       const char *expected)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "loyctl: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
  g_assert_nonnull (strstr (run->err, expected));
}

static void
assert_usage_error (Run        *run,
                    const char *expected)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "loyctl: "));
  g_assert_nonnull (strstr (run->err, "--help"));
  g_assert_nonnull (strstr (run->err, expected));
}

/* The "data" of the JSON envelope in @run's output, as an object. */
static JsonObject *
parse_data (Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (json_object_get_object_member (root, "meta"));

  return json_object_ref (json_object_get_object_member (root, "data"));
}

static JsonArray *
parse_data_array (Run *run)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);

  return json_array_ref (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                       "data"));
}

static gint64
balance_of (Fixture *fixture)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;

  run_loyctl (fixture, &run, "--json", "contacts", "show", fixture->contact, NULL);
  assert_success (&run);
  contact = parse_data (&run);

  return json_object_get_int_member (json_object_get_object_member (contact, "credit_balance"),
                                     "balance");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-loyctl-points-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "loyalty.db", NULL);

  run_loyctl (fixture, &run, "demo", "--contacts", "30", NULL);
  assert_success (&run);

  run_loyctl (fixture, &run, "--json", "contacts", "enroll", "--email", "karen@example.com",
              "--first-name", "Karen", "--last-name", "Plankton", NULL);
  assert_success (&run);
  contact = parse_data (&run);
  fixture->contact = g_strdup (json_object_get_string_member (contact, "uuid"));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->db, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->db);
  g_free (fixture->contact);
}

static void
test_enroll_and_show (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;

  run_loyctl (fixture, &run, "--json", "contacts", "show", fixture->contact, NULL);
  assert_success (&run);
  contact = parse_data (&run);
  g_assert_cmpstr (json_object_get_string_member (contact, "email"), ==, "karen@example.com");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (contact, "credit_balance"),
                                               "balance"), ==, 50);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (contact, "level"),
                                                  "name"), ==, "Bronze");

  run_loyctl (fixture, &run, "contacts", "enroll", "--email", "KAREN@example.com", NULL);
  assert_one_line_error (&run, "A contact with this email exists");

  run_loyctl (fixture, &run, "contacts", "enroll", "--email", "karen", NULL);
  assert_one_line_error (&run, "not an email address");

  run_loyctl (fixture, &run, "contacts", "enroll", NULL);
  assert_usage_error (&run, "--email");

  run_loyctl (fixture, &run, "contacts", "show", UNKNOWN_UUID, NULL);
  assert_one_line_error (&run, UNKNOWN_UUID);
}

static void
test_list_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) contacts = NULL;

  run_loyctl (fixture, &run, "--json", "contacts", "list", "--limit", "5", NULL);
  assert_success (&run);
  contacts = parse_data_array (&run);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 5);
  g_clear_pointer (&contacts, json_array_unref);

  run_loyctl (fixture, &run, "--json", "contacts", "search", "plank", NULL);
  assert_success (&run);
  contacts = parse_data_array (&run);
  g_assert_cmpuint (json_array_get_length (contacts), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contacts, 0), "uuid"),
                   ==, fixture->contact);

  run_loyctl (fixture, &run, "contacts", "list", "--limit", "many", NULL);
  assert_usage_error (&run, "--limit");
}

static void
test_award (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) entry = NULL;

  run_loyctl (fixture, &run, "--json", "points", "award", fixture->contact, "--amount", "12,50", NULL);
  assert_success (&run);
  entry = parse_data (&run);
  g_assert_cmpstr (json_object_get_string_member (entry, "type"), ==, "CREDIT_RECEPTION");
  g_assert_cmpint (json_object_get_int_member (entry, "credits"), ==, 12);
  g_assert_cmpfloat (json_object_get_double_member (entry, "purchase_amount"), ==, 12.5);
  g_assert_cmpstr (json_object_get_string_member (entry, "operator"), ==, "sandy");

  run_loyctl (fixture, &run, "points", "award", fixture->contact, "--action", "referral", NULL);
  assert_success (&run);
  g_assert_cmpint (balance_of (fixture), ==, 50 + 12 + 100);

  run_loyctl (fixture, &run, "points", "award", fixture->contact, "--amount", "12.505", NULL);
  assert_usage_error (&run, "12.505");
  run_loyctl (fixture, &run, "points", "award", fixture->contact, "--amount", "1,000.00", NULL);
  assert_usage_error (&run, "amount of money");
  run_loyctl (fixture, &run, "points", "award", fixture->contact, NULL);
  assert_usage_error (&run, "exactly one");
  run_loyctl (fixture, &run, "points", "award", fixture->contact, "--points", "5", "--action", "review", NULL);
  assert_usage_error (&run, "exactly one");
  run_loyctl (fixture, &run, "points", "award", fixture->contact, "--action", "dancing", NULL);
  assert_one_line_error (&run, "referral, review, social_share");
  run_loyctl (fixture, &run, "points", "award", UNKNOWN_UUID, "--points", "5", NULL);
  assert_one_line_error (&run, UNKNOWN_UUID);

  g_assert_cmpint (balance_of (fixture), ==, 162);
}

static void
test_adjust (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) entry = NULL;

  /* A negative number is the adjustment, not an option. */
  run_loyctl (fixture, &run, "--json", "points", "adjust", fixture->contact, "-20",
              "--reason", "Double booking", NULL);
  assert_success (&run);
  entry = parse_data (&run);
  g_assert_cmpint (json_object_get_int_member (entry, "credits"), ==, -20);
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "Double booking");
  g_assert_cmpstr (json_object_get_string_member (entry, "operator"), ==, "sandy");
  g_assert_cmpint (balance_of (fixture), ==, 30);

  run_loyctl (fixture, &run, "points", "adjust", fixture->contact, "-31", "--reason", "Too much", NULL);
  assert_one_line_error (&run, "has only 30");
  run_loyctl (fixture, &run, "points", "adjust", fixture->contact, "10", "--reason", "   ", NULL);
  assert_one_line_error (&run, "reason");
  run_loyctl (fixture, &run, "points", "adjust", fixture->contact, "10", NULL);
  assert_usage_error (&run, "--reason");
  run_loyctl (fixture, &run, "points", "adjust", fixture->contact, "ten", "--reason", "x", NULL);
  assert_usage_error (&run, "ten");
  run_loyctl (fixture, &run, "points", "adjust", fixture->contact, "10", "--reasn", "x", NULL);
  assert_usage_error (&run, "--reasn");

  g_assert_cmpint (balance_of (fixture), ==, 30);
}

static void
test_redeem_reverse_ledger (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) redemption = NULL;
  g_autoptr(JsonObject) reversal = NULL;
  g_autoptr(JsonArray) ledger = NULL;
  JsonObject *code;
  const char *redemption_uuid;

  run_loyctl (fixture, &run, "--json", "points", "redeem", fixture->contact, JELLYFISH_NET, NULL);
  assert_success (&run);
  redemption = parse_data (&run);
  redemption_uuid = json_object_get_string_member (redemption, "uuid");
  g_assert_cmpstr (json_object_get_string_member (redemption, "type"), ==, "REWARD_RECEPTION");
  g_assert_cmpint (json_object_get_int_member (redemption, "credits"), ==, -25);
  code = json_object_get_object_member (redemption, "digital_reward_code");
  g_assert_nonnull (code);
  g_assert_cmpstr (json_object_get_string_member (code, "code"), !=, "");
  g_assert_cmpint (balance_of (fixture), ==, 25);

  run_loyctl (fixture, &run, "points", "redeem", fixture->contact,
              "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc" /* Krabby Patty, 50 */, NULL);
  assert_one_line_error (&run, "needs 50 points");

  run_loyctl (fixture, &run, "--json", "points", "reverse", redemption_uuid, NULL);
  assert_success (&run);
  reversal = parse_data (&run);
  g_assert_cmpint (json_object_get_int_member (reversal, "credits"), ==, 25);
  g_assert_cmpstr (json_object_get_string_member (reversal, "reverses_uuid"), ==, redemption_uuid);
  g_assert_cmpint (balance_of (fixture), ==, 50);

  run_loyctl (fixture, &run, "points", "reverse", redemption_uuid, NULL);
  assert_one_line_error (&run, "already been reversed");

  run_loyctl (fixture, &run, "--json", "contacts", "ledger", fixture->contact, NULL);
  assert_success (&run);
  ledger = parse_data_array (&run);
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
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (ledger, 1), "reversed"));

  run_loyctl (fixture, &run, "contacts", "ledger", fixture->contact, NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "REWARD_RECEPTION"));
  g_assert_nonnull (strstr (run.out, "sandy"));

  run_loyctl (fixture, &run, "contacts", "ledger", UNKNOWN_UUID, NULL);
  assert_one_line_error (&run, UNKNOWN_UUID);
}

static void
test_expire (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) result = NULL;

  /* The program's points never expire until it says so. */
  run_loyctl (fixture, &run, "--json", "points", "expire", NULL);
  assert_success (&run);
  result = parse_data (&run);
  g_assert_cmpint (json_object_get_int_member (result, "expiry_entries"), ==, 0);

  run_loyctl (fixture, &run, "points", "expire", "--until", "2020-01-01", NULL);
  assert_success (&run);

  run_loyctl (fixture, &run, "points", "expire", "--until", "2099-01-01", NULL);
  assert_one_line_error (&run, "future");

  run_loyctl (fixture, &run, "points", "expire", "--until", "yesterday", NULL);
  assert_usage_error (&run, "yesterday");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s [TEST-OPTION…] PATH-TO-LOYCTL", argv[0]);
  loyctl_path = argv[1];

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/loyctl/contacts/enroll-show", test_enroll_and_show);
  ADD_TEST ("/loyctl/contacts/list-search", test_list_and_search);
  ADD_TEST ("/loyctl/points/award", test_award);
  ADD_TEST ("/loyctl/points/adjust", test_adjust);
  ADD_TEST ("/loyctl/points/redeem-reverse-ledger", test_redeem_reverse_ledger);
  ADD_TEST ("/loyctl/points/expire", test_expire);

#undef ADD_TEST

  return g_test_run ();
}
