/* test-loyctl-report.c — loyctl report overview, as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "loyctl-test.h"

static char *
run_uuid (LoyctlTestFixture *fixture,
          const char        *first_arg,
          ...)
{
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list va;

  g_ptr_array_add (args, "--json");
  va_start (va, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (va, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (va);

  /* loyctl_run_db() takes its arguments one by one: at most 10 here. */
  g_assert_cmpuint (args->len, <=, 10);
  g_ptr_array_set_size (args, 10);
  loyctl_run_db (fixture, &run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                 args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8],
                 args->pdata[9], NULL);
  loyctl_assert_success (&run);
  object = loyctl_run_parse_object (&run);

  return g_strdup (json_object_get_string_member (object, "uuid"));
}

static void
test_report_overview (LoyctlTestFixture *fixture,
                      gconstpointer      data)
{
  static const char * const members[] = {
    "enrollments", "active_contacts", "points_issued", "points_redeemed", "points_expired",
    "points_outstanding", "redemptions", "redemption_cost", "top_rewards", "series", NULL
  };
  g_auto(LoyctlRun) run = { 0 };
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GList) names = NULL;
  g_autofree char *anna = NULL, *bob = NULL, *coffee = NULL, *entry = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%dT00:00:00%:z");
  JsonArray *top_rewards, *series;
  JsonObject *top, *last;
  guint i = 0;

  loyctl_run_db (fixture, &run, "init", NULL);
  loyctl_assert_success (&run);

  anna = run_uuid (fixture, "contacts", "enroll", "--email", "anna@example.org", NULL);
  bob = run_uuid (fixture, "contacts", "enroll", "--email", "bob@example.org", NULL);
  coffee = run_uuid (fixture, "rewards", "create", "--type", "physical", "--title", "Coffee",
                     "--required-credits", "30", NULL);
  g_free (run_uuid (fixture, "points", "award", anna, "--points", "100", NULL));
  g_free (run_uuid (fixture, "points", "redeem", anna, coffee, NULL));
  entry = run_uuid (fixture, "points", "redeem", anna, coffee, NULL);
  /* A reversed redemption is no redemption. */
  g_free (run_uuid (fixture, "points", "reverse", entry, NULL));

  loyctl_run_db (fixture, &run, "--json", "report", "overview", NULL);
  loyctl_assert_success (&run);
  report = loyctl_run_parse_object (&run);

  /* Exactly these members, in this order. */
  names = json_object_get_members (report);
  for (GList *l = names; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, members[i]);
  g_assert_null (members[i]);

  /* The welcome points of two contacts are issued too. */
  g_assert_cmpint (json_object_get_int_member (report, "enrollments"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "active_contacts"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "points_issued"), ==, 100 + 2 * 50);
  g_assert_cmpint (json_object_get_int_member (report, "points_redeemed"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (report, "points_expired"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "points_outstanding"), ==, 170);
  g_assert_cmpint (json_object_get_int_member (report, "redemptions"), ==, 1);
  /* The reward has no cost price: nothing known to cost. */
  g_assert_cmpint (json_object_get_int_member (report, "redemption_cost"), ==, 0);

  top_rewards = json_object_get_array_member (report, "top_rewards");
  g_assert_cmpuint (json_array_get_length (top_rewards), ==, 1);
  top = json_array_get_object_element (top_rewards, 0);
  g_assert_cmpstr (json_object_get_string_member (top, "uuid"), ==, coffee);
  g_assert_cmpstr (json_object_get_string_member (top, "title"), ==, "Coffee");
  g_assert_cmpint (json_object_get_int_member (top, "redemptions"), ==, 1);
  g_assert_true (json_object_get_null_member (top, "cost"));

  /* The last 30 days by day, ending today. */
  series = json_object_get_array_member (report, "series");
  g_assert_cmpuint (json_array_get_length (series), ==, 30);
  last = json_array_get_object_element (series, 29);
  g_assert_cmpstr (json_object_get_string_member (last, "date"), ==, today);
  g_assert_cmpint (json_object_get_int_member (last, "issued"), ==, 200);
  g_assert_cmpint (json_object_get_int_member (last, "redeemed"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (last, "enrollments"), ==, 2);
  g_assert_cmpint (json_object_get_size (last), ==, 4);

  /* A period in the past has nothing in it; the outstanding points are now's. */
  loyctl_run_db (fixture, &run, "--json", "report", "overview", "--from", "2020-01-01", "--to",
                 "2020-03-01", NULL);
  loyctl_assert_success (&run);
  g_clear_pointer (&report, json_object_unref);
  report = loyctl_run_parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (report, "points_issued"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (report, "points_outstanding"), ==, 170);
  /* 60 days by week */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "series")), ==, 9);

  loyctl_run_db (fixture, &run, "report", "overview", NULL);
  loyctl_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Coffee"));

  loyctl_run_db (fixture, &run, "report", "overview", "--from", "2020-03-01", "--to",
                 "2020-01-01", NULL);
  loyctl_assert_usage_error (&run, "--to must come after --from");
  loyctl_run_db (fixture, &run, "report", "overview", "--from", "last week", NULL);
  loyctl_assert_usage_error (&run, "--from");
}

int
main (int   argc,
      char *argv[])
{
  loyctl_test_init (&argc, &argv);

  g_test_add ("/loyctl/report/overview", LoyctlTestFixture, NULL, loyctl_test_fixture_setup,
              test_report_overview, loyctl_test_fixture_teardown);

  return g_test_run ();
}
