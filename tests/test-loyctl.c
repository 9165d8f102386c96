/* test-loyctl.c — runs the built loyctl as a user would
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define KRABBY_PATTY "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc"
#define UNKNOWN_UUID "00000000-0000-4000-8000-000000000000"

static const char *loyctl_path;

typedef struct
{
  char *tmpdir;
  char *db;
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

static char **
make_environment (Fixture *fixture)
{
  g_autofree char *keyring = g_build_filename (fixture->tmpdir, "keyring", NULL);
  char **env = g_get_environ ();

  /* Never touch the user's own database or keyring. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", fixture->tmpdir, TRUE);
  env = g_environ_setenv (env, "SECRET_BACKEND", "file", TRUE);
  env = g_environ_setenv (env, "SECRET_FILE_TEST_PATH", keyring, TRUE);
  env = g_environ_setenv (env, "SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  env = g_environ_unsetenv (env, "LOYALTY_DESK_API_KEY");

  return env;
}

/* Runs loyctl with the NULL-terminated arguments. */
static void
run_loyctl (Fixture    *fixture,
            Run        *run,
            const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = make_environment (fixture);
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) loyctl_path);
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

/* An error the user can act on: exit status 1 and one line on stderr. */
static void
assert_one_line_error (Run *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "loyctl: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
}

static void
assert_usage_error (Run *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "loyctl: "));
  g_assert_nonnull (strstr (run->err, "--help"));
}

static void
create_demo (Fixture    *fixture,
             const char *db,
             const char *seed)
{
  g_auto(Run) run = { 0 };

  run_loyctl (fixture, &run, "--db", db, "demo", "--contacts", "30", "--seed", seed, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, !=, "");
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_true (json_object_has_member (json_node_get_object (root), "data"));
  g_assert_nonnull (json_object_get_object_member (json_node_get_object (root), "meta"));

  return json_node_copy (root);
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
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-loyctl-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "loyalty.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      g_autofree char *child_path = g_file_get_path (child);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child_path);
      else
        g_unlink (child_path);
    }

  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->db, g_free);
}

static void
test_rewards_list_json (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rewards;
  JsonObject *krabby;

  create_demo (fixture, fixture->db, "1");

  run_loyctl (fixture, &run, "--db", fixture->db, "--json", "rewards", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  rewards = json_object_get_array_member (json_node_get_object (root), "data");
  g_assert_nonnull (rewards);
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
  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, KRABBY_PATTY));
  g_assert_nonnull (strstr (run.out, "Krabby Patty"));
}

static void
test_rewards_show_unknown (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  create_demo (fixture, fixture->db, "1");

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "show", UNKNOWN_UUID, NULL);
  assert_one_line_error (&run);
  g_assert_nonnull (strstr (run.err, UNKNOWN_UUID));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  create_demo (fixture, fixture->db, "1");

  run_loyctl (fixture, &run, "--db", fixture->db,
              "rewards", "update", KRABBY_PATTY, "--required-credits", "abc", NULL);
  assert_usage_error (&run);
  g_assert_nonnull (strstr (run.err, "--required-credits"));
  g_assert_nonnull (strstr (run.err, "abc"));

  run_loyctl (fixture, &run, NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "frobnicate", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "rewards", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "show", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "list", "extra", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "list", "--bogus", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "update", KRABBY_PATTY, NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--db", fixture->db, "demo", "--contacts", "-5", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--remote", "not a url", "rewards", "list", NULL);
  assert_usage_error (&run);

  run_loyctl (fixture, &run, "--db", fixture->db, "--remote", "https://example.com",
              "rewards", "list", NULL);
  assert_usage_error (&run);
}

static void
test_rewards_update (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *reward;

  create_demo (fixture, fixture->db, "1");

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "update", KRABBY_PATTY,
              "--title", "Krabby Patty Deluxe", "--required-credits", "65", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "show", KRABBY_PATTY, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  reward = json_object_get_object_member (json_node_get_object (root), "data");
  g_assert_cmpstr (json_object_get_string_member (reward, "title"), ==, "Krabby Patty Deluxe");
  g_assert_cmpint (json_object_get_int_member (reward, "required_credits"), ==, 65);
  g_assert_cmpstr (json_object_get_string_member (reward, "custom_attribute_one"), ==, "DEF");

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "update", UNKNOWN_UUID,
              "--title", "Nothing", NULL);
  assert_one_line_error (&run);
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  create_demo (fixture, fixture->db, "1");

  run_loyctl (fixture, &run, "--db", fixture->db, "demo", NULL);
  assert_one_line_error (&run);
  g_assert_nonnull (strstr (run.err, fixture->db));
}

static void
test_bad_database (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text_file = g_build_filename (fixture->tmpdir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  run_loyctl (fixture, &run, "--db", "/", "rewards", "list", NULL);
  assert_one_line_error (&run);

  run_loyctl (fixture, &run, "--db", "/", "demo", NULL);
  assert_one_line_error (&run);

  g_file_set_contents (text_file, "These are not the rows you are looking for.\n"
                                  "Nor is this a database header, at all.\n", -1, &error);
  g_assert_no_error (error);

  run_loyctl (fixture, &run, "--db", text_file, "rewards", "list", NULL);
  assert_one_line_error (&run);

  run_loyctl (fixture, &run, "--db", text_file, "demo", NULL);
  assert_one_line_error (&run);

  /* Reading never creates a database by accident. */
  run_loyctl (fixture, &run, "--db", missing, "rewards", "list", NULL);
  assert_one_line_error (&run);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_remote_without_key (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_loyctl (fixture, &run, "--remote", "https://api.example.com/api/v3/oauth/clients",
              "rewards", "list", NULL);
  assert_one_line_error (&run);
  g_assert_nonnull (strstr (run.err, "LOYALTY_DESK_API_KEY"));
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other_db = g_build_filename (fixture->tmpdir, "other.db", NULL);
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };

  create_demo (fixture, fixture->db, "7");
  create_demo (fixture, other_db, "7");

  run_loyctl (fixture, &first, "--db", fixture->db, "--json", "rewards", "list", NULL);
  run_loyctl (fixture, &second, "--db", other_db, "--json", "rewards", "list", NULL);
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
test_lists_paging (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  guint n_rewards;

  run_loyctl (fixture, &run, "--db", fixture->db, "demo", "--contacts", "230", "--rewards", "150",
              NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_loyctl (fixture, &run, "--db", fixture->db, "--json", "rewards", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  n_rewards = json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                   "data"));
  g_assert_cmpuint (n_rewards, >, 150);
  g_clear_pointer (&root, json_node_unref);

  run_loyctl (fixture, &run, "--db", fixture->db, "rewards", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1 + n_rewards);

  run_loyctl (fixture, &run, "--db", fixture->db, "--json", "contacts", "list", "--limit", "150",
              NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  items = json_object_get_array_member (json_node_get_object (root), "data");
  g_assert_cmpuint (json_array_get_length (items), ==, 150);

  run_loyctl (fixture, &run, "--db", fixture->db, "contacts", "list", "--limit", "150", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1 + 150 + 1);
  g_assert_true (g_str_has_suffix (run.out, "\n150 of 230 contacts\n"));

  run_loyctl (fixture, &run, "--db", fixture->db, "contacts", "list", "--limit", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "UUID  Name  Email  Balance  Level\n0 of 230 contacts\n");

  /* The table of code groups names each group the JSON lists. */
  run_loyctl (fixture, &run, "--db", fixture->db, "--json", "codes", "groups", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse_json (run.out);
  items = json_object_get_array_member (json_node_get_object (root), "data");
  g_assert_cmpuint (json_array_get_length (items), >, 0);

  run_loyctl (fixture, &run, "--db", fixture->db, "codes", "groups", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1 + json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    g_assert_nonnull (strstr (run.out, json_object_get_string_member (json_array_get_object_element (items, i),
                                                                      "uuid")));
}

static void
test_help_version (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_loyctl (fixture, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "rewards list"));
  g_assert_nonnull (strstr (run.out, "--db"));

  run_loyctl (fixture, &run, "rewards", "update", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--required-credits"));

  run_loyctl (fixture, &run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "loyctl " PACKAGE_VERSION));
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

  ADD_TEST ("/loyctl/rewards/list-json", test_rewards_list_json);
  ADD_TEST ("/loyctl/rewards/show-unknown", test_rewards_show_unknown);
  ADD_TEST ("/loyctl/rewards/update", test_rewards_update);
  ADD_TEST ("/loyctl/usage-errors", test_usage_errors);
  ADD_TEST ("/loyctl/demo/twice", test_demo_twice);
  ADD_TEST ("/loyctl/demo/deterministic", test_deterministic);
  ADD_TEST ("/loyctl/bad-database", test_bad_database);
  ADD_TEST ("/loyctl/remote-without-key", test_remote_without_key);
  ADD_TEST ("/loyctl/lists/paging", test_lists_paging);
  ADD_TEST ("/loyctl/help-version", test_help_version);

#undef ADD_TEST

  return g_test_run ();
}
