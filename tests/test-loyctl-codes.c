/* test-loyctl-codes.c — the built loyctl's codes and rewards create commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "loyctl-test.h"

typedef struct
{
  LoyctlTestFixture  base;
  char              *reward_uuid;
  char              *group_uuid;
} Fixture;

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->base.tmpdir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) reward = NULL;

  loyctl_test_fixture_setup (&fixture->base, data);

  loyctl_run_db (&fixture->base, &run, "demo", "--contacts", "5", NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "--json", "rewards", "create", "--type", "digital",
                 "--title", "Spring voucher", "--required-credits", "50", NULL);
  loyctl_assert_success (&run);
  reward = loyctl_run_parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (reward, "reward_type"), ==, "DIGITAL");
  g_assert_cmpint (json_object_get_int_member (reward, "codes_available"), ==, 0);
  fixture->reward_uuid = g_strdup (json_object_get_string_member (reward, "uuid"));
  fixture->group_uuid = g_strdup (json_object_get_string_member (reward, "code_group_uuid"));
  g_assert_nonnull (fixture->group_uuid);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  loyctl_test_fixture_teardown (&fixture->base, data);
  g_free (fixture->reward_uuid);
  g_free (fixture->group_uuid);
}

static void
test_import_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\nBBB\nAAA\n\xFF\n\nCCC,x\n");
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) summary = NULL;
  JsonArray *errors;

  loyctl_run_db (&fixture->base, &run, "--json", "codes", "import", fixture->group_uuid, file,
                 NULL);
  loyctl_assert_success (&run);
  /* The summary's shape is CLI.md's: {"added","duplicates","invalid","errors"} */
  summary = loyctl_run_parse_bare_object (&run);
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
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\nAAA\n BBB \nCC CC\n");
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run_db (&fixture->base, &run, "codes", "import", fixture->group_uuid, file, NULL);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Added: 2\n"));
  g_assert_nonnull (strstr (run.out, "Duplicates: 1\n"));
  g_assert_nonnull (strstr (run.out, "Line 2: "));
  /* A space inside a code is refused, and the report says so. */
  g_assert_nonnull (strstr (run.out, "Line 4: Contains a space\n"));
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\n");
  g_autofree char *missing = g_build_filename (fixture->base.tmpdir, "missing.txt", NULL);
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run_db (&fixture->base, &run, "codes", "import", "no-such-group", file, NULL);
  loyctl_assert_error (&run, NULL);

  loyctl_run_db (&fixture->base, &run, "codes", "import", fixture->group_uuid, missing, NULL);
  loyctl_assert_error (&run, NULL);
}

static void
test_generate_and_groups (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonArray) groups = NULL;
  gboolean found = FALSE;

  loyctl_run_db (&fixture->base, &run, "codes", "generate", fixture->group_uuid, "--count", "20",
                 "--pattern", "SP-##", NULL);
  loyctl_assert_success (&run);

  /* 25 fit the pattern: 20 more do not. */
  loyctl_run_db (&fixture->base, &run, "codes", "generate", fixture->group_uuid, "--count", "20",
                 "--pattern", "SP-##", NULL);
  loyctl_assert_error (&run, "room for only 5 more codes");

  loyctl_run_db (&fixture->base, &run, "codes", "generate", fixture->group_uuid, "--count", "20",
                 NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (&fixture->base, &run, "--json", "codes", "groups", NULL);
  loyctl_assert_success (&run);
  groups = loyctl_run_parse_array (&run);
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
  g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run_db (&fixture->base, &run, "codes", "import", fixture->group_uuid, file, NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "codes", "export", fixture->group_uuid, "--csv", csv, NULL);
  loyctl_assert_success (&run);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "code,status,contact_uuid,issued_at\r\n"
                   "\"A,A\",available,,\r\n"
                   "BBB,available,,\r\n");

  /* An exported file imports again: its header is skipped, every code known. */
  loyctl_run_db (&fixture->base, &run, "codes", "import", fixture->group_uuid, csv, NULL);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Added: 0\nDuplicates: 2\nInvalid: 0\n"));
}

/* A code whose redemption was reversed exports as revoked, still with its
 * contact: it was seen and stops working, it does not go back. */
static void
test_export_revoked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *file = write_file (fixture, "codes.txt", "AAA\n");
  g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;
  g_autoptr(JsonObject) redemption = NULL;
  const char *contact_uuid;

  loyctl_run_db (&fixture->base, &run, "codes", "import", fixture->group_uuid, file, NULL);
  loyctl_assert_success (&run);
  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "enroll", "--email",
                 "revoked@example.com", NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  contact_uuid = json_object_get_string_member (contact, "uuid");
  loyctl_run_db (&fixture->base, &run, "points", "adjust", contact_uuid, "100", "--reason", "Test",
                 NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "--json", "points", "redeem", contact_uuid,
                 fixture->reward_uuid, NULL);
  loyctl_assert_success (&run);
  redemption = loyctl_run_parse_object (&run);
  loyctl_run_db (&fixture->base, &run, "points", "reverse",
                 json_object_get_string_member (redemption, "uuid"), NULL);
  loyctl_assert_success (&run);

  loyctl_run_db (&fixture->base, &run, "codes", "export", fixture->group_uuid, "--csv", csv, NULL);
  loyctl_assert_success (&run);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  expected = g_strdup_printf ("code,status,contact_uuid,issued_at\r\nAAA,revoked,%s,",
                              contact_uuid);
  g_assert_true (g_str_has_prefix (contents, expected));
}

/* Every kind through `loyctl export`: a header, then the records. */
static void
test_export_kinds (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->base.tmpdir, "kind.csv", NULL);
  g_autofree char *codes = write_file (fixture, "codes.txt", "=SUM(1)\nBBB\n");
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) contact = NULL;
  const char *contact_uuid;
  const struct {
    const char *kind;
    const char *header;
  } kinds[] = {
    { "rewards", "uuid,title,description,reward_type,active,required_credits,cost_price,stock,created_at\r\n" },
    { "campaigns", "uuid,name,campaign_type,active,cost_in_points,point_value,target_type,active_from,active_to,limit,"
                   "limit_per_contact,labels,created_at\r\n" },
    { "contacts", "uuid,email,first_name,last_name,balance,level,attributes,created_at\r\n" },
    { "ledger", "uuid,contact_uuid,entry_type,credits,reason,operator,reward_uuid,reward_title,code,purchase_amount,reverses_uuid,created_at\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(JsonObject) result = NULL;

      loyctl_run_db (&fixture->base, &run, "--json", "export", kinds[i].kind, "--csv", csv, NULL);
      loyctl_assert_success (&run);
      result = loyctl_run_parse_object (&run);
      g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, kinds[i].header));
      /* As many rows as it says, each ended by CRLF (the demo has no line
       * breaks in its fields). */
      g_assert_cmpint (json_object_get_int_member (result, "exported"), ==,
                       g_strv_length (g_strsplit (contents, "\r\n", -1)) - 2);
      g_assert_cmpint (json_object_get_int_member (result, "exported"), >, 0);
    }

  loyctl_run_db (&fixture->base, &run, "codes", "import", fixture->group_uuid, codes, NULL);
  loyctl_assert_success (&run);
  loyctl_run_db (&fixture->base, &run, "export", "codes", "--group", fixture->group_uuid,
                 "--csv", csv, NULL);
  loyctl_assert_success (&run);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==,
                     "code,status,contact_uuid,issued_at\r\n"
                     "'=SUM(1),available,,\r\n"
                     "BBB,available,,\r\n");
  }

  /* One contact's ledger, in a period. */
  loyctl_run_db (&fixture->base, &run, "--json", "contacts", "enroll", "--email", "p@example.com", NULL);
  loyctl_assert_success (&run);
  contact = loyctl_run_parse_object (&run);
  contact_uuid = json_object_get_string_member (contact, "uuid");
  loyctl_run_db (&fixture->base, &run, "points", "adjust", contact_uuid, "25", "--reason", "Test", NULL);
  loyctl_assert_success (&run);
  loyctl_run_db (&fixture->base, &run, "--json", "export", "ledger", "--contact", contact_uuid,
                 "--from", "2000-01-01", "--csv", csv, NULL);
  loyctl_assert_success (&run);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, ",adjustment,25,Test,"));
  }
  loyctl_run_db (&fixture->base, &run, "--json", "export", "ledger", "--contact", contact_uuid,
                 "--to", "2000-01-01", "--csv", csv, NULL);
  loyctl_assert_success (&run);
  {
    g_autoptr(JsonObject) result = loyctl_run_parse_object (&run);

    g_assert_cmpint (json_object_get_int_member (result, "exported"), ==, 0);
  }

  /* Wrong usage is exit status 2; an unknown group leaves no file. */
  loyctl_run_db (&fixture->base, &run, "export", "coupons", "--csv", csv, NULL);
  loyctl_assert_usage_error (&run, NULL);
  loyctl_run_db (&fixture->base, &run, "export", "codes", "--csv", csv, NULL);
  loyctl_assert_usage_error (&run, "--group");
  loyctl_run_db (&fixture->base, &run, "export", "contacts", "--group", "x", "--csv", csv, NULL);
  loyctl_assert_usage_error (&run, "--group");
  loyctl_run_db (&fixture->base, &run, "export", "ledger", "--from", "yesterday", "--csv", csv, NULL);
  loyctl_assert_usage_error (&run, "--from");
  loyctl_run_db (&fixture->base, &run, "export", "rewards", NULL);
  loyctl_assert_usage_error (&run, "--csv");

  g_assert_cmpint (g_unlink (csv), ==, 0);
  loyctl_run_db (&fixture->base, &run, "export", "codes", "--group", "no-such-group", "--csv", csv, NULL);
  loyctl_assert_error (&run, NULL);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
}

static void
test_rewards_list_filters (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(LoyctlRun) run = { 0 };

  loyctl_run_db (&fixture->base, &run, "rewards", "list", "--platform", "customer", NULL);
  loyctl_assert_success (&run);
  /* No codes yet: the new digital reward shows nowhere. */
  g_assert_null (strstr (run.out, "Spring voucher"));

  loyctl_run_db (&fixture->base, &run, "rewards", "list", NULL);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Spring voucher"));

  loyctl_run_db (&fixture->base, &run, "rewards", "list", "--platform", "shop", NULL);
  loyctl_assert_usage_error (&run, NULL);

  loyctl_run_db (&fixture->base, &run, "rewards", "list", "--contact", "no-such-contact", NULL);
  loyctl_assert_error (&run, NULL);

  loyctl_run_db (&fixture->base, &run, "rewards", "create", "--type", "magic", "--title", "X",
                 "--required-credits", "1", NULL);
  loyctl_assert_usage_error (&run, NULL);
}

int
main (int   argc,
      char *argv[])
{
  loyctl_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/loyctl/codes/import-json", test_import_json);
  ADD ("/loyctl/codes/import-text", test_import_text);
  ADD ("/loyctl/codes/import-errors", test_import_errors);
  ADD ("/loyctl/codes/generate-and-groups", test_generate_and_groups);
  ADD ("/loyctl/codes/export", test_export);
  ADD ("/loyctl/codes/export-revoked", test_export_revoked);
  ADD ("/loyctl/export/kinds", test_export_kinds);
  ADD ("/loyctl/rewards/list-filters", test_rewards_list_filters);

#undef ADD

  return g_test_run ();
}
