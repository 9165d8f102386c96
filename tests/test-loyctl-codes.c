/* test-loyctl-codes.c — the built loyctl's codes and rewards create commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

static const char *loyctl_path;

typedef struct
{
  char *dir;
  char *db;
  char *group_uuid;
} Fixture;

/* Runs loyctl --db DB ARGS…; returns its exit status and output. */
static int
run (Fixture     *fixture,
     char       **out,
     char       **err,
     const char  *first_arg,
     ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", fixture->dir, TRUE);
  g_autoptr(GError) error = NULL;
  va_list args;
  int status;

  g_strv_builder_add_many (builder, loyctl_path, "--db", fixture->db, NULL);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static JsonObject *
parse_data (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (text, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (json_node_get_object (root), "data"));
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) reward = NULL;

  fixture->dir = g_dir_make_tmp ("loyctl-codes-XXXXXX", NULL);
  fixture->db = g_build_filename (fixture->dir, "loyalty.db", NULL);

  g_assert_cmpint (run (fixture, &out, &err, "demo", "--contacts", "5", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "--json", "rewards", "create", "--type", "digital",
                        "--title", "Spring voucher", "--required-credits", "50", NULL), ==, 0);
  reward = parse_data (out);
  g_assert_cmpstr (json_object_get_string_member (reward, "reward_type"), ==, "DIGITAL");
  g_assert_cmpint (json_object_get_int_member (reward, "codes_available"), ==, 0);
  fixture->group_uuid = g_strdup (json_object_get_string_member (reward, "code_group_uuid"));
  g_assert_nonnull (fixture->group_uuid);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->group_uuid);
}

static void
test_import_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\nBBB\nAAA\n\xFF\n\nCCC,x\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) summary = NULL;
  JsonArray *errors;

  g_assert_cmpint (run (fixture, &out, &err, "--json", "codes", "import", fixture->group_uuid, file, NULL),
                   ==, 0);
  summary = parse_data (out);
  g_assert_cmpint (json_object_get_int_member (summary, "added"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (summary, "duplicates"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "invalid"), ==, 1);
  errors = json_object_get_array_member (summary, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 0), "line"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 1), "line"), ==, 4);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (errors, 1), "reason"));
}

static void
test_import_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\nAAA\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "codes", "import", fixture->group_uuid, file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Added: 1\n"));
  g_assert_nonnull (strstr (out, "Duplicates: 1\n"));
  g_assert_nonnull (strstr (out, "Line 2: "));
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\n");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "codes", "import", "no-such-group", file, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "loyctl: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "codes", "import", fixture->group_uuid, missing, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "loyctl: "));
}

static void
test_generate_and_groups (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *groups;
  gboolean found = FALSE;

  g_assert_cmpint (run (fixture, &out, &err, "codes", "generate", fixture->group_uuid,
                        "--count", "20", "--pattern", "SP-##", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* 25 fit the pattern: 20 more do not. */
  g_assert_cmpint (run (fixture, &out, &err, "codes", "generate", fixture->group_uuid,
                        "--count", "20", "--pattern", "SP-##", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "room for only 5 more codes"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "codes", "generate", fixture->group_uuid,
                        "--count", "20", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "--json", "codes", "groups", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  groups = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "data");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      if (g_strcmp0 (json_object_get_string_member (group, "uuid"), fixture->group_uuid) != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (json_object_get_int_member (group, "total"), ==, 20);
      g_assert_cmpint (json_object_get_int_member (group, "available"), ==, 20);
      g_assert_cmpint (json_object_get_int_member (group, "issued"), ==, 0);
    }
  g_assert_true (found);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "BBB\n\"A,A\"\n");
  g_autofree char *csv = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "codes", "import", fixture->group_uuid, file, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "codes", "export", fixture->group_uuid, "--csv", csv, NULL),
                   ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "code,status,contact_uuid,issued_at\r\n"
                   "\"A,A\",available,,\r\n"
                   "BBB,available,,\r\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An exported file imports again: its header is skipped, every code known. */
  g_assert_cmpint (run (fixture, &out, &err, "codes", "import", fixture->group_uuid, csv, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Added: 0\nDuplicates: 2\nInvalid: 0\n"));
}

static void
test_rewards_list_filters (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "rewards", "list", "--platform", "customer", NULL), ==, 0);
  /* No codes yet: the new digital reward shows nowhere. */
  g_assert_null (strstr (out, "Spring voucher"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "rewards", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Spring voucher"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "rewards", "list", "--platform", "shop", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "rewards", "list", "--contact", "no-such-contact", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "loyctl: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (fixture, &out, &err, "rewards", "create", "--type", "magic",
                        "--title", "X", "--required-credits", "1", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, ==, 2);
  loyctl_path = argv[1];

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/loyctl/codes/import-json", test_import_json);
  ADD ("/loyctl/codes/import-text", test_import_text);
  ADD ("/loyctl/codes/import-errors", test_import_errors);
  ADD ("/loyctl/codes/generate-and-groups", test_generate_and_groups);
  ADD ("/loyctl/codes/export", test_export);
  ADD ("/loyctl/rewards/list-filters", test_rewards_list_filters);

#undef ADD

  return g_test_run ();
}
