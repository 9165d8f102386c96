/* test-overview.c — the program overview against figures worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-sqlite-fixture.h"

#define DAY ((gint64) 86400)

typedef struct
{
  TestSqliteFixture  base;
  LoyStore          *iface;
  sqlite3           *raw;
} Fixture;

/* Unix time of a local time in January 2026. */
static gint64
january (int day,
         int hour,
         int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2026, 1, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
add_contact (Fixture    *fixture,
             const char *uuid,
             const char *level_uuid,
             gint64      created_at)
{
  test_sqlite_exec (fixture->raw,
                    "INSERT INTO contacts (uuid, email, level_id, created_at)"
                    " VALUES ('%s', '%s@example.org', (SELECT id FROM levels WHERE uuid = '%s'),"
                    " %" G_GINT64_FORMAT ")",
                    uuid, uuid, level_uuid != NULL ? level_uuid : "", created_at);
}

/* An entry as if written at @created_at; @reward and @reverses are UUIDs or "". */
static void
add_entry (Fixture    *fixture,
           const char *uuid,
           const char *contact,
           const char *entry_type,
           gint64      credits,
           const char *reward,
           const char *reverses,
           gint64      created_at)
{
  test_sqlite_exec (fixture->raw,
                    "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits, reward_id,"
                    " reverses_id, created_at)"
                    " VALUES ('%s', (SELECT id FROM contacts WHERE uuid = '%s'), '%s',"
                    " %" G_GINT64_FORMAT ", (SELECT id FROM rewards WHERE uuid = '%s'),"
                    " (SELECT id FROM ledger_entries WHERE uuid = '%s'), %" G_GINT64_FORMAT ")",
                    uuid, contact, entry_type, credits, reward, reverses, created_at);
}

/* A code group of @n_codes, @n_recent of them issued in the last 30 days
 * and @n_old before. */
static void
add_code_group (Fixture    *fixture,
                const char *uuid,
                guint       n_codes,
                guint       n_recent,
                guint       n_old)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  test_sqlite_exec (fixture->raw,
                    "INSERT INTO code_groups (uuid, name, created_at) VALUES ('%s', '%s', 0)",
                    uuid, uuid);
  for (guint i = 0; i < n_codes; i++)
    {
      gint64 issued_at = i < n_recent ? now - (i + 1) * DAY
                         : i < n_recent + n_old ? now - 60 * DAY : LOY_UNSET;

      test_sqlite_exec (fixture->raw,
                        "INSERT INTO codes (group_id, code, contact_id, issued_at)"
                        " SELECT id, 'C%u', CASE WHEN %" G_GINT64_FORMAT " >= 0"
                        "  THEN (SELECT min (id) FROM contacts) END,"
                        " nullif (%" G_GINT64_FORMAT ", -1) FROM code_groups WHERE uuid = '%s'",
                        i, issued_at, issued_at, uuid);
    }
}

/* Contacts A (Bronze), B (Gold), C (Bronze) and D (no level) around the
 * week of 10–16 January 2026, local time; see each test for the sums. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->iface = LOY_STORE (fixture->base.store);
  fixture->raw = test_sqlite_open_raw (fixture->base.path);

  test_sqlite_exec (fixture->raw,
                    "INSERT INTO levels (uuid, name, threshold) VALUES"
                    " ('bronze', 'Bronze', 0), ('gold', 'Gold', 100);"
                    "INSERT INTO rewards (uuid, title, reward_type, required_credits,"
                    " cost_price_cents, created_at) VALUES"
                    " ('coffee', 'Coffee', 'PHYSICAL', 30, 45, 0),"
                    " ('mug', 'Mug', 'PHYSICAL', 50, NULL, 0);"
                    "INSERT INTO campaigns (uuid, name, default_language, campaign_type,"
                    " point_value_cents, created_at)"
                    " VALUES ('cash', 'Points for cash', 'en', 'cashback', 2, 0)");

  add_contact (fixture, "a", "bronze", january (9, 23, 30));   /* the week before */
  add_contact (fixture, "b", "gold", january (10, 0, 10));
  add_contact (fixture, "c", "bronze", january (16, 23, 59));
  add_contact (fixture, "d", NULL, january (17, 0, 0));        /* the week after */

  add_entry (fixture, "a1", "a", "CREDIT_RECEPTION", 100, "", "", january (9, 23, 59));
  add_entry (fixture, "a2", "a", "CREDIT_RECEPTION", 60, "", "", january (8, 12, 0));
  add_entry (fixture, "a3", "a", "REWARD_RECEPTION", -30, "coffee", "", january (10, 0, 1));
  /* Reverses a2 in the week, counted in the week before with a2. */
  add_entry (fixture, "a4", "a", "REVERSAL", -60, "", "a2", january (11, 9, 0));
  add_entry (fixture, "a5", "a", "EXPIRY", -20, "", "", january (15, 10, 0));

  add_entry (fixture, "b1", "b", "CREDIT_RECEPTION", 200, "", "", january (12, 12, 0));
  add_entry (fixture, "b2", "b", "REWARD_RECEPTION", -30, "coffee", "", january (12, 13, 0));
  add_entry (fixture, "b3", "b", "REWARD_RECEPTION", -50, "mug", "", january (13, 8, 0));
  /* Reverses b2 after the week: no redemption in it any more. */
  add_entry (fixture, "b4", "b", "REVERSAL", 30, "", "b2", january (20, 8, 0));

  add_entry (fixture, "c1", "c", "CREDIT_RECEPTION", 40, "", "", january (16, 23, 59));
  add_entry (fixture, "d1", "d", "CREDIT_RECEPTION", 10, "", "", january (17, 0, 0));

  add_code_group (fixture, "slow", 5, 1, 0);      /* 4 left, 1 in 30 days: 120 days */
  add_code_group (fixture, "fast", 10, 3, 2);     /* 5 left, 3 in 30 days: 50 days */
  add_code_group (fixture, "idle", 10, 0, 4);     /* nothing in 30 days: not running out */
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sqlite3_close (fixture->raw);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

static LoyOverview *
overview_of (Fixture *fixture,
             int      from_day,
             int      from_month,
             int      from_year,
             guint    n_days)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;
  LoyOverview *overview;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, from_day, from_month, from_year);
  to = from;
  g_date_add_days (&to, n_days);

  overview = loy_store_get_overview_sync (fixture->iface, &from, &to, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (overview);

  return overview;
}

static void
test_overview_week (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyOverview) overview = overview_of (fixture, 10, 1, 2026, 7);
  const LoyOverviewFigures *week = loy_overview_get_figures (overview);
  const LoyOverviewFigures *before = loy_overview_get_previous_figures (overview);
  GArray *rewards = loy_overview_get_top_rewards (overview);
  GArray *levels = loy_overview_get_levels (overview);
  GArray *series = loy_overview_get_series (overview);
  GPtrArray *groups = loy_overview_get_code_groups (overview);
  const LoyOverviewReward *reward;
  const LoyOverviewLevel *level;
  const LoyOverviewStep *step;

  g_assert_false (loy_overview_is_empty (overview));

  /* b at 00:10 and c at 23:59 joined in the week; a, at 23:30 the evening
   * before, and d, at midnight after it, did not. */
  g_assert_cmpint (week->enrollments, ==, 2);
  g_assert_cmpint (week->active_contacts, ==, 3);                 /* a, b, c */
  g_assert_cmpint (week->points_issued, ==, 200 + 40);
  g_assert_cmpint (week->points_redeemed, ==, 30 + 50);           /* b2 reversed */
  g_assert_cmpint (week->points_expired, ==, 20);
  g_assert_cmpint (week->redemptions, ==, 2);
  g_assert_cmpint (week->redemption_cost_cents, ==, 45);          /* the mug has no cost price */
  g_assert_cmpint (week->uncosted_redemptions, ==, 1);
  g_assert_cmpfloat_with_epsilon (loy_overview_figures_get_redemption_rate (week), 80.0 / 240.0,
                                  1e-9);

  /* a2 and its reversal a4 cancel out in the week before. */
  g_assert_cmpint (before->enrollments, ==, 1);
  g_assert_cmpint (before->active_contacts, ==, 1);
  g_assert_cmpint (before->points_issued, ==, 100);
  g_assert_cmpint (before->points_redeemed, ==, 0);
  g_assert_cmpint (before->redemptions, ==, 0);
  g_assert_cmpfloat (loy_overview_figures_get_redemption_rate (before), ==, 0);

  /* Outstanding: a 50, b 150, c 40, d 10, the sum of the balances. */
  g_assert_cmpint (loy_overview_get_points_outstanding (overview), ==, 250);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT sum (balance) FROM contacts"), ==, 250);
  g_assert_cmpint (loy_overview_get_outstanding_value_cents (overview), ==, 500);

  g_assert_cmpuint (rewards->len, ==, 2);
  reward = &g_array_index (rewards, LoyOverviewReward, 0);
  g_assert_cmpstr (reward->title, ==, "Coffee");
  g_assert_cmpint (reward->redemptions, ==, 1);
  g_assert_cmpint (reward->cost_cents, ==, 45);
  reward = &g_array_index (rewards, LoyOverviewReward, 1);
  g_assert_cmpstr (reward->uuid, ==, "mug");
  g_assert_cmpint (reward->redemptions, ==, 1);
  g_assert_cmpint (reward->cost_cents, ==, LOY_UNSET);

  g_assert_cmpuint (levels->len, ==, 3);
  level = &g_array_index (levels, LoyOverviewLevel, 0);
  g_assert_cmpstr (level->name, ==, "Bronze");
  g_assert_cmpint (level->contacts, ==, 2);
  level = &g_array_index (levels, LoyOverviewLevel, 1);
  g_assert_cmpstr (level->name, ==, "Gold");
  g_assert_cmpint (level->contacts, ==, 1);
  level = &g_array_index (levels, LoyOverviewLevel, 2);
  g_assert_null (level->uuid);
  g_assert_cmpint (level->contacts, ==, 1);

  /* Day by day, each day there even when nothing happened. */
  g_assert_cmpuint (loy_overview_get_step_days (overview), ==, 1);
  g_assert_cmpuint (series->len, ==, 7);
  step = &g_array_index (series, LoyOverviewStep, 0);
  g_assert_cmpint (g_date_get_day (&step->start), ==, 10);
  g_assert_cmpint (step->redeemed, ==, 30);
  g_assert_cmpint (step->enrollments, ==, 1);
  step = &g_array_index (series, LoyOverviewStep, 1);
  g_assert_cmpint (step->issued + step->redeemed + step->enrollments, ==, 0);
  step = &g_array_index (series, LoyOverviewStep, 2);
  g_assert_cmpint (step->issued, ==, 200);
  g_assert_cmpint (step->redeemed, ==, 0);
  step = &g_array_index (series, LoyOverviewStep, 6);
  g_assert_cmpint (g_date_get_day (&step->start), ==, 16);
  g_assert_cmpint (step->issued, ==, 40);
  g_assert_cmpint (step->enrollments, ==, 1);

  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstr (loy_code_group_get_uuid (g_ptr_array_index (groups, 0)), ==, "fast");
  g_assert_cmpfloat_with_epsilon (loy_overview_code_group_days_left (g_ptr_array_index (groups, 0)),
                                  50, 1e-9);
  g_assert_cmpstr (loy_code_group_get_uuid (g_ptr_array_index (groups, 1)), ==, "slow");
}

/* A period longer than a month goes by weeks from its first day. */
static void
test_overview_weekly_series (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoyOverview) overview = overview_of (fixture, 1, 1, 2026, 90);
  GArray *series = loy_overview_get_series (overview);
  const LoyOverviewStep *step;

  g_assert_cmpuint (loy_overview_get_step_days (overview), ==, 7);
  g_assert_cmpuint (series->len, ==, 13);
  /* 8–14 January: a2's 60 and its reversal, a1's 100, b1's 200. */
  step = &g_array_index (series, LoyOverviewStep, 1);
  g_assert_cmpint (g_date_get_day (&step->start), ==, 8);
  g_assert_cmpint (step->issued, ==, 300);
  g_assert_cmpint (step->redeemed, ==, 30 + 50);
  g_assert_cmpint (step->enrollments, ==, 2);
  step = &g_array_index (series, LoyOverviewStep, 2);
  g_assert_cmpint (step->issued, ==, 50);
  g_assert_cmpint (step->enrollments, ==, 2);

  g_assert_cmpint (loy_overview_get_figures (overview)->active_contacts, ==, 4);
}

static void
test_overview_empty_period (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LoyOverview) overview = overview_of (fixture, 1, 6, 2020, 30);
  GArray *series = loy_overview_get_series (overview);

  g_assert_true (loy_overview_is_empty (overview));
  g_assert_cmpuint (series->len, ==, 30);
  g_assert_cmpuint (loy_overview_get_top_rewards (overview)->len, ==, 0);
  g_assert_cmpfloat (loy_overview_figures_get_redemption_rate (loy_overview_get_figures (overview)),
                     ==, -1);
  /* What the program holds now does not depend on the period. */
  g_assert_cmpint (loy_overview_get_points_outstanding (overview), ==, 250);
}

static void
test_overview_backwards_period (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LoyOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 10, 1, 2026);
  to = from;

  overview = loy_store_get_overview_sync (fixture->iface, &from, &to, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (overview);
}

/* What a demo database holds, in one line to compare. */
static char *
demo_fingerprint (const char *path)
{
  sqlite3 *raw = test_sqlite_open_raw (path);
  char *fingerprint = test_sqlite_text (raw,
                                        "SELECT (SELECT count(*) || '/' || sum (credits) || '/'"
                                        "  || sum (created_at) || '/' || max (uuid) FROM ledger_entries)"
                                        " || ' ' || (SELECT group_concat (uuid || balance, ',')"
                                        "  FROM contacts)");

  sqlite3_close (raw);
  return fingerprint;
}

/* A year of demo history up to its end: the same for the same seed, with
 * enrollments, purchases, redemptions and expiry in the last 30 days. */
static void
test_overview_demo_year (void)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  TestSqliteFixture first, second;
  g_autoptr(LoyOverview) overview = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 3, 15, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_fingerprint = NULL, *second_fingerprint = NULL;
  const LoyOverviewFigures *month;
  sqlite3 *raw;
  GDate from, to;

  options.n_contacts = 400;
  options.end = g_date_time_to_unix (end);
  test_sqlite_fixture_setup (&first, NULL);
  test_sqlite_fixture_setup (&second, NULL);
  test_sqlite_fixture_populate (&first, &options);
  test_sqlite_fixture_populate (&second, &options);
  first_fingerprint = demo_fingerprint (first.path);
  second_fingerprint = demo_fingerprint (second.path);
  g_assert_cmpstr (first_fingerprint, ==, second_fingerprint);

  raw = test_sqlite_open_raw (first.path);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT max (created_at) FROM ledger_entries"), <,
                   options.end);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT min (created_at) FROM contacts"), >=,
                   options.end - 365 * DAY);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                                         " (SELECT sum (credits) FROM ledger_entries"
                                         "  WHERE contact_id = c.id)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM codes WHERE issued_at IS NOT NULL"
                                         " AND issued_at >= %" G_GINT64_FORMAT,
                                    options.end - 30 * DAY), >, 0);
  sqlite3_close (raw);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 13, 2, 2026);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 15, 3, 2026);
  overview = loy_store_get_overview_sync (LOY_STORE (first.store), &from, &to, NULL, &error);
  g_assert_no_error (error);
  month = loy_overview_get_figures (overview);
  g_assert_cmpint (month->enrollments, >, 0);
  g_assert_cmpint (month->active_contacts, >, month->enrollments);
  g_assert_cmpint (month->points_issued, >, 0);
  g_assert_cmpint (month->redemptions, >, 0);
  g_assert_cmpint (month->redemption_cost_cents, >, 0);
  g_assert_cmpint (month->points_expired, >, 0);

  test_sqlite_fixture_teardown (&second, NULL);
  test_sqlite_fixture_teardown (&first, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* UTC+1: local midnight is 23:00 UTC, so a day in UTC would put a3 and
   * b's enrollment in the week before. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/overview/week", Fixture, NULL, fixture_setup, test_overview_week,
              fixture_teardown);
  g_test_add ("/overview/weekly-series", Fixture, NULL, fixture_setup,
              test_overview_weekly_series, fixture_teardown);
  g_test_add ("/overview/empty-period", Fixture, NULL, fixture_setup, test_overview_empty_period,
              fixture_teardown);
  g_test_add ("/overview/backwards-period", Fixture, NULL, fixture_setup,
              test_overview_backwards_period, fixture_teardown);
  g_test_add_func ("/overview/demo-year", test_overview_demo_year);

  return g_test_run ();
}
