/* test-campaigns-availability.c — whether a campaign is available to a
 * contact now, and why not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "test-campaign-fixture.h"

/* The kinds of @availability's reasons, comma-separated. */
static char *
reason_kinds (LoyAvailability *availability)
{
  GPtrArray *reasons = loy_availability_get_reasons (availability);
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      g_string_append_printf (kinds, "%s%s", i > 0 ? "," : "",
                              loy_enum_to_nick (LOY_TYPE_AVAILABILITY_REASON_KIND, reason->kind));
    }

  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static const char *
reason_message (LoyAvailability           *availability,
                LoyAvailabilityReasonKind  kind)
{
  GPtrArray *reasons = loy_availability_get_reasons (availability);

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      if (reason->kind == kind)
        return reason->message;
    }

  g_assert_not_reached ();
}

/* Availability */

static void
test_available_plain (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (500);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);

  g_assert_true (loy_availability_get_campaign (availability) == campaign);
  g_assert_true (loy_availability_get_listed (availability));
  g_assert_true (loy_availability_get_available (availability));
  g_assert_true (loy_availability_get_can_buy (availability));
  g_assert_cmpuint (loy_availability_get_reasons (availability)->len, ==, 0);
  g_assert_cmpint (loy_availability_get_points_needed (availability), ==, 0);
}

/* Seed 003: "Status of the Reward campaign has higher priority than time
 * boundaries". */
static void
test_available_status_beats_windows (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (500);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  gint64 now_seconds = test_time_at (2026, 12, 10, 12, 0, 0);
  g_autoptr(GDateTime) now = test_now_at (now_seconds, 0);
  g_autoptr(LoyAvailability) inside = NULL;
  g_autoptr(LoyAvailability) outside = NULL;
  g_autofree char *kinds = NULL;

  loy_campaign_set_is_active (campaign, FALSE);
  loy_campaign_set_activity (campaign, FALSE, now_seconds - 3600, now_seconds + 3600);
  inside = loy_campaign_check_availability (campaign, context, now);
  g_assert_false (loy_availability_get_available (inside));
  g_assert_false (loy_availability_get_listed (inside));
  kinds = reason_kinds (inside);
  g_assert_cmpstr (kinds, ==, "inactive");
  g_assert_cmpstr (reason_message (inside, LOY_AVAILABILITY_REASON_INACTIVE), ==,
                   "The campaign is inactive");

  /* Every reason, not the first. */
  loy_campaign_set_activity (campaign, FALSE, now_seconds + 60, now_seconds + 3600);
  outside = loy_campaign_check_availability (campaign, context, now);
  g_clear_pointer (&kinds, g_free);
  kinds = reason_kinds (outside);
  g_assert_cmpstr (kinds, ==, "inactive,not_started");
}

/* A window ending at midnight in Amsterdam (UTC+1), seen from there and
 * from New York (UTC−5): the same instant decides, and each reads the
 * date in its own time. */
static void
test_available_windows_time_zones (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (500);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_GIFT_CODE);
  gint64 from = test_time_at (2026, 12, 5, 0, 0, 1);
  gint64 to = test_time_at (2026, 12, 24, 23, 59, 1) + 59;
  struct
  {
    gint64      when;
    double      offset;
    gboolean    available;
    const char *kinds;
    const char *message;
  } cases[] = {
    { from - 1, 1, FALSE, "not_started", "Starts on 5 Dec 2026, 00:00" },
    { from - 1, -5, FALSE, "not_started", "Starts on 4 Dec 2026, 18:00" },
    { from, 1, TRUE, "", NULL },
    { to, 1, TRUE, "", NULL },
    { to, -5, TRUE, "", NULL },
    { to + 1, 1, FALSE, "ended", "Ended on 24 Dec 2026, 23:59" },
    { to + 1, -5, FALSE, "ended", "Ended on 24 Dec 2026, 17:59" },
    { to + 1, 0, FALSE, "ended", "Ended on 24 Dec 2026, 22:59" },
  };

  loy_campaign_set_activity (campaign, FALSE, from, to);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = test_now_at (cases[i].when, cases[i].offset);
      g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);
      g_autofree char *kinds = reason_kinds (availability);

      g_assert_cmpint (loy_availability_get_available (availability), ==, cases[i].available);
      /* Outside the activity but inside the visibility: listed, dimmed. */
      g_assert_true (loy_availability_get_listed (availability));
      g_assert_cmpstr (kinds, ==, cases[i].kinds);
      if (cases[i].message != NULL)
        g_assert_cmpstr (((LoyAvailabilityReason *) g_ptr_array_index (loy_availability_get_reasons (availability), 0))->message,
                         ==, cases[i].message);
    }
}

static void
test_available_visibility (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (500);
  g_autoptr(LoyCampaign) coupon = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_EVENT_CODE);
  g_autoptr(LoyCampaign) cashback = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_CASHBACK);
  gint64 listed_from = test_time_at (2026, 12, 1, 0, 0, 0);
  gint64 listed_to = test_time_at (2026, 12, 31, 0, 0, 0);
  g_autoptr(GDateTime) early = test_now_at (listed_from - 60, 0);
  g_autoptr(GDateTime) late = test_now_at (listed_to + 60, 0);
  g_autoptr(LoyAvailability) coupon_early = NULL;
  g_autoptr(LoyAvailability) coupon_late = NULL;
  g_autoptr(LoyAvailability) cashback_early = NULL;
  g_autofree char *kinds = NULL;

  loy_campaign_set_visibility (coupon, FALSE, listed_from, listed_to);
  loy_campaign_set_visibility (cashback, FALSE, listed_from, listed_to);

  /* A coupon that is not listed cannot be bought. */
  coupon_early = loy_campaign_check_availability (coupon, context, early);
  g_assert_false (loy_availability_get_listed (coupon_early));
  g_assert_false (loy_availability_get_available (coupon_early));
  kinds = reason_kinds (coupon_early);
  g_assert_cmpstr (kinds, ==, "not_listed_yet");
  g_assert_cmpstr (reason_message (coupon_early, LOY_AVAILABILITY_REASON_NOT_LISTED_YET), ==,
                   "Listed from 1 Dec 2026, 00:00");

  coupon_late = loy_campaign_check_availability (coupon, context, late);
  g_assert_true (loy_availability_has_reason (coupon_late, LOY_AVAILABILITY_REASON_NO_LONGER_LISTED));
  g_assert_cmpstr (reason_message (coupon_late, LOY_AVAILABILITY_REASON_NO_LONGER_LISTED), ==,
                   "Listed until 31 Dec 2026, 00:00");

  /* Cashback is used at the till: its listing does not decide its rate. */
  cashback_early = loy_campaign_check_availability (cashback, context, early);
  g_assert_false (loy_availability_get_listed (cashback_early));
  g_assert_true (loy_availability_get_available (cashback_early));
}

static void
test_available_target (void)
{
  g_autoptr(LoyCampaignContext) silver = test_campaign_context_new (500);
  g_autoptr(LoyCampaignContext) nobody = loy_campaign_context_new (500, NULL);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) gold_only = NULL;
  g_autoptr(LoyAvailability) gold_silver = NULL;
  g_autoptr(LoyAvailability) no_level = NULL;
  g_autoptr(LoyAvailability) vips = NULL;
  g_autoptr(LoyAvailability) newcomers = NULL;

  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, BRONZE, NULL });
  gold_only = loy_campaign_check_availability (campaign, silver, now);
  g_assert_false (loy_availability_get_available (gold_only));
  /* Listed, so the contact sees what it takes. */
  g_assert_true (loy_availability_get_listed (gold_only));
  /* A level without a name in the context is named by its UUID. */
  g_assert_cmpstr (reason_message (gold_only, LOY_AVAILABILITY_REASON_NOT_IN_TARGET), ==,
                   "Only for Gold, " BRONZE);

  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, SILVER, NULL });
  gold_silver = loy_campaign_check_availability (campaign, silver, now);
  g_assert_true (loy_availability_get_available (gold_silver));
  no_level = loy_campaign_check_availability (campaign, nobody, now);
  g_assert_false (loy_availability_get_available (no_level));

  /* Segments: a member of any of them. The segment list wins over the
   * level list for a segment target. */
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_SEGMENT);
  loy_campaign_set_segment_uuids (campaign, (const char *[]) { VIPS, NULL });
  vips = loy_campaign_check_availability (campaign, silver, now);
  g_assert_false (loy_availability_get_available (vips));
  g_assert_cmpstr (reason_message (vips, LOY_AVAILABILITY_REASON_NOT_IN_TARGET), ==,
                   "Only for members of VIPs");

  loy_campaign_set_segment_uuids (campaign, (const char *[]) { VIPS, NEWCOMERS, NULL });
  newcomers = loy_campaign_check_availability (campaign, silver, now);
  g_assert_true (loy_availability_get_available (newcomers));
  g_assert_true (loy_campaign_context_in_segment (silver, NEWCOMERS));
}

static void
test_available_limits_codes_points (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (60);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);
  const char *uuid = loy_campaign_get_uuid (campaign);
  g_autoptr(LoyAvailability) everything = NULL;
  g_autoptr(LoyAvailability) below = NULL;
  g_autoptr(LoyAvailability) shared = NULL;
  g_autofree char *kinds = NULL;

  /* Cost 100, the contact has 60: 40 more. */
  loy_campaign_set_limit (campaign, 50);
  loy_campaign_set_limit_per_contact (campaign, 2);
  loy_campaign_set_shared_code (campaign, NULL);
  loy_campaign_set_code_group_uuid (campaign, "c0de0000-0000-4000-8000-000000000001");
  loy_campaign_context_set_counts (context, uuid, 2, 50, 0);

  everything = loy_campaign_check_availability (campaign, context, now);
  kinds = reason_kinds (everything);
  g_assert_cmpstr (kinds, ==, "limit_reached,contact_limit_reached,no_codes_left,not_enough_points");
  g_assert_true (loy_availability_get_listed (everything));
  g_assert_false (loy_availability_get_available (everything));
  g_assert_false (loy_availability_get_can_buy (everything));
  g_assert_cmpint (loy_availability_get_points_needed (everything), ==, 40);
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS), ==,
                   "Needs 40 more points");
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_LIMIT_REACHED), ==,
                   "Sold out: the limit of 50 purchases is reached");
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_CONTACT_LIMIT_REACHED), ==,
                   "Bought 2 times already, the limit per contact");
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_NO_CODES_LEFT), ==,
                   "No codes left");

  /* One below each limit, one code left, and exactly enough points. */
  loy_campaign_context_set_counts (context, uuid, 1, 49, 1);
  loy_campaign_set_cost_in_points (campaign, 60);
  below = loy_campaign_check_availability (campaign, context, now);
  g_assert_true (loy_availability_get_can_buy (below));

  /* A shared code never runs out. */
  loy_campaign_context_set_counts (context, uuid, 1, 49, 0);
  loy_campaign_set_code_group_uuid (campaign, NULL);
  loy_campaign_set_shared_code (campaign, "WINTER");
  shared = loy_campaign_check_availability (campaign, context, now);
  g_assert_true (loy_availability_get_can_buy (shared));
}

static void
test_available_one_point_short (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (99);
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);

  g_assert_cmpstr (reason_message (availability, LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS), ==,
                   "Needs 1 more point");
}

static void
test_available_by_type (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (0);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);

  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    {
      g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (type);
      g_autoptr(LoyAvailability) availability = NULL;

      /* The limits and cost of a coupon do not apply to other types. */
      loy_campaign_set_limit (campaign, 1);
      loy_campaign_context_set_counts (context, loy_campaign_get_uuid (campaign), 1, 1, 0);
      if (!loy_campaign_type_is_coupon (type))
        loy_campaign_set_cost_in_points (campaign, 1000);

      availability = loy_campaign_check_availability (campaign, context, now);
      g_assert_cmpint (loy_availability_get_listed (availability), ==,
                       type != LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
      g_assert_cmpint (loy_availability_get_available (availability), ==,
                       !loy_campaign_type_is_coupon (type));
      /* Cashback is listed without Buy; a custom campaign is only shown. */
      g_assert_false (loy_availability_get_can_buy (availability));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/availability/plain", test_available_plain);
  g_test_add_func ("/campaigns/availability/status-beats-windows", test_available_status_beats_windows);
  g_test_add_func ("/campaigns/availability/windows-time-zones", test_available_windows_time_zones);
  g_test_add_func ("/campaigns/availability/visibility", test_available_visibility);
  g_test_add_func ("/campaigns/availability/target", test_available_target);
  g_test_add_func ("/campaigns/availability/limits-codes-points", test_available_limits_codes_points);
  g_test_add_func ("/campaigns/availability/one-point-short", test_available_one_point_short);
  g_test_add_func ("/campaigns/availability/by-type", test_available_by_type);

  return g_test_run ();
}
