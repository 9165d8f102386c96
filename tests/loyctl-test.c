/* loyctl-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "loyctl-test.h"
#include "loy-test-dir.h"

static const char *loyctl_path;

void
loyctl_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (*argc != 2)
    g_error ("usage: %s [TEST-OPTION…] PATH-TO-LOYCTL", (*argv)[0]);
  loyctl_path = (*argv)[1];
}

void
loyctl_test_fixture_setup (LoyctlTestFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-loyctl-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->tmpdir, "loyalty.db", NULL);
}

void
loyctl_test_fixture_teardown (LoyctlTestFixture *fixture,
                              gconstpointer      data)
{
  loy_test_remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->api_key, g_free);
}

void
loyctl_run_clear (LoyctlRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static char **
make_environment (LoyctlTestFixture *fixture)
{
  g_autofree char *keyring = g_build_filename (fixture->tmpdir, "keyring", NULL);
  char **env = g_get_environ ();

  /* Never touch the user's own database or keyring. */
  env = g_environ_setenv (env, "XDG_DATA_HOME", fixture->tmpdir, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", fixture->tmpdir, TRUE);
  env = g_environ_setenv (env, "SECRET_BACKEND", "file", TRUE);
  env = g_environ_setenv (env, "SECRET_FILE_TEST_PATH", keyring, TRUE);
  env = g_environ_setenv (env, "SECRET_FILE_TEST_PASSWORD", "test", TRUE);
  env = g_environ_setenv (env, "USER", LOYCTL_TEST_USER, TRUE);
  if (fixture->api_key != NULL)
    env = g_environ_setenv (env, "LOYALTY_DESK_API_KEY", fixture->api_key, TRUE);
  else
    env = g_environ_unsetenv (env, "LOYALTY_DESK_API_KEY");

  return env;
}

static void
run_argv (LoyctlTestFixture *fixture,
          LoyctlRun         *run,
          GStrvBuilder      *argv,
          const char        *first_arg,
          va_list            args)
{
  g_auto(GStrv) env = make_environment (fixture);
  g_auto(GStrv) strv = NULL;
  g_autoptr(GError) error = NULL;

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (argv, arg);
  strv = g_strv_builder_end (argv);

  loyctl_run_clear (run);
  g_spawn_sync (NULL, strv, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
}

void
loyctl_run (LoyctlTestFixture *fixture,
            LoyctlRun         *run,
            const char        *first_arg,
            ...)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  va_list args;

  g_strv_builder_add (argv, loyctl_path);
  va_start (args, first_arg);
  run_argv (fixture, run, argv, first_arg, args);
  va_end (args);
}

void
loyctl_run_db (LoyctlTestFixture *fixture,
               LoyctlRun         *run,
               const char        *first_arg,
               ...)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  va_list args;

  g_strv_builder_add_many (argv, loyctl_path, "--db", fixture->db, NULL);
  va_start (args, first_arg);
  run_argv (fixture, run, argv, first_arg, args);
  va_end (args);
}

void
loyctl_assert_success (LoyctlRun *run)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

void
loyctl_assert_error (LoyctlRun  *run,
                     const char *expected)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "loyctl: "));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
  if (expected != NULL)
    g_assert_nonnull (strstr (run->err, expected));
}

void
loyctl_assert_usage_error (LoyctlRun  *run,
                           const char *expected)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "loyctl: "));
  g_assert_nonnull (strstr (run->err, "--help"));
  if (expected != NULL)
    g_assert_nonnull (strstr (run->err, expected));
}

/* The envelope's "data", after checking its shape. */
static JsonNode *
parse_data (LoyctlRun *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (run->out, &error);
  JsonObject *envelope;

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  envelope = json_node_get_object (root);
  g_assert_true (json_object_has_member (envelope, "data"));
  g_assert_nonnull (json_object_get_object_member (envelope, "meta"));

  return json_node_ref (json_object_get_member (envelope, "data"));
}

JsonObject *
loyctl_run_parse_object (LoyctlRun *run)
{
  g_autoptr(JsonNode) data = parse_data (run);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (data));

  return json_node_dup_object (data);
}

JsonObject *
loyctl_run_parse_bare_object (LoyctlRun *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (run->out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_false (json_object_has_member (json_node_get_object (root), "data"));

  return json_node_dup_object (root);
}

JsonArray *
loyctl_run_parse_array (LoyctlRun *run)
{
  g_autoptr(JsonNode) data = parse_data (run);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (data));

  return json_node_dup_array (data);
}
