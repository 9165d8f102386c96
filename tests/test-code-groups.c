/* test-code-groups.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-code-group.h"

static LoyCodeGroup *
make_group (gint64 total,
            gint64 available,
            gint64 issued_last_30_days)
{
  LoyCodeGroup *group = loy_code_group_new ();

  loy_code_group_set_counts (group, total, available);
  loy_code_group_set_issued_last_30_days (group, issued_last_30_days);

  return group;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notifies)
{
  (*n_notifies)++;
}

static void
test_issued_last_30_days (void)
{
  LoyCodeGroup *group = loy_code_group_new ();
  guint n_notifies = 0;
  gint64 issued = -1;

  g_signal_connect (group, "notify::issued-last-30-days", G_CALLBACK (count_notify_cb), &n_notifies);

  g_assert_cmpint (loy_code_group_get_issued_last_30_days (group), ==, 0);
  loy_code_group_set_issued_last_30_days (group, 12);
  loy_code_group_set_issued_last_30_days (group, 12);
  g_assert_cmpuint (n_notifies, ==, 1);

  g_object_get (group, "issued-last-30-days", &issued, NULL);
  g_assert_cmpint (issued, ==, 12);

  g_assert_finalize_object (group);
}

static void
test_forecast (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2025, 3, 1, 10, 0, 0);
  g_autoptr(LoyCodeGroup) group = make_group (100, 60, 30);
  g_autoptr(GDateTime) empty_at = NULL;

  /* 30 in 30 days is one a day: 60 left last 60 days. */
  empty_at = loy_code_group_forecast_empty_at (group, now);
  g_assert_nonnull (empty_at);
  g_assert_cmpint (g_date_time_difference (empty_at, now), ==, 60 * G_TIME_SPAN_DAY);
}

static void
test_forecast_fractional (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2025, 12, 20, 0, 0, 0);
  g_autoptr(LoyCodeGroup) group = make_group (1000, 10, 90);
  g_autoptr(GDateTime) empty_at = loy_code_group_forecast_empty_at (group, now);

  /* Three a day: 10 left last 3⅓ days, into the next day's morning. */
  g_assert_cmpint (g_date_time_difference (empty_at, now), ==, 10 * G_TIME_SPAN_DAY / 3);
  g_assert_cmpint (g_date_time_get_day_of_month (empty_at), ==, 23);
}

static void
test_forecast_no_recent_use (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LoyCodeGroup) group = make_group (100, 60, 0);

  g_assert_null (loy_code_group_forecast_empty_at (group, now));
}

static void
test_forecast_empty (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LoyCodeGroup) unused = make_group (0, 0, 0);
  g_autoptr(LoyCodeGroup) used_up = make_group (10, 0, 10);
  g_autoptr(GDateTime) unused_at = loy_code_group_forecast_empty_at (unused, now);
  g_autoptr(GDateTime) used_up_at = loy_code_group_forecast_empty_at (used_up, now);

  /* Nothing left is empty now, whatever the rate. */
  g_assert_true (g_date_time_equal (unused_at, now));
  g_assert_true (g_date_time_equal (used_up_at, now));
}

static void
test_forecast_far_future (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(LoyCodeGroup) group = make_group (G_MAXINT64 / 2, G_MAXINT64 / 2, 1);

  /* Beyond year 9999: no date to give. */
  g_assert_null (loy_code_group_forecast_empty_at (group, now));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/code-group/issued-last-30-days", test_issued_last_30_days);
  g_test_add_func ("/code-group/forecast", test_forecast);
  g_test_add_func ("/code-group/forecast-fractional", test_forecast_fractional);
  g_test_add_func ("/code-group/forecast-no-recent-use", test_forecast_no_recent_use);
  g_test_add_func ("/code-group/forecast-empty", test_forecast_empty);
  g_test_add_func ("/code-group/forecast-far-future", test_forecast_far_future);

  return g_test_run ();
}
