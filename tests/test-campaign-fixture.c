/* test-campaign-fixture.c — campaigns, times and a desk's context the campaign tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-campaign-fixture.h"

gint64
test_time_at (int    year,
              int    month,
              int    day,
              int    hour,
              int    minute,
              double offset_hours)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset ((gint32) (offset_hours * 3600));
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

GDateTime *
test_now_at (gint64 unix_seconds,
             double offset_hours)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset ((gint32) (offset_hours * 3600));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_to_timezone (utc, zone);
}

LoyCampaign *
test_campaign_new (LoyCampaignType  type,
                   const char      *uuid,
                   const char      *name)
{
  LoyCampaign *campaign = loy_campaign_new ();

  loy_campaign_set_uuid (campaign, uuid);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_campaign_type (campaign, type);

  return campaign;
}

LoyCampaign *
test_campaign_new_valid (LoyCampaignType type)
{
  LoyCampaign *campaign = test_campaign_new (type, "c0000000-0000-4000-8000-000000000001", "Summer");

  switch (type)
    {
    case LOY_CAMPAIGN_TYPE_CASHBACK:
      loy_campaign_set_point_value_cents (campaign, 200);
      break;

    case LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE:
      loy_campaign_set_transaction_percentage (campaign, 10);
      break;

    case LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE:
      loy_campaign_set_connect_type (campaign, LOY_CONNECT_TYPE_QR_CODE);
      break;

    default:
      g_assert_true (loy_campaign_type_is_coupon (type));
      loy_campaign_set_cost_in_points (campaign, 100);
      loy_campaign_set_shared_code (campaign, "SUMMER25");
    }

  return campaign;
}

LoyCampaignContext *
test_campaign_context_new (gint64 balance)
{
  LoyCampaignContext *context = loy_campaign_context_new (balance, SILVER);

  loy_campaign_context_set_name (context, GOLD, "Gold");
  loy_campaign_context_set_name (context, SILVER, "Silver");
  loy_campaign_context_set_name (context, VIPS, "VIPs");
  loy_campaign_context_add_segment (context, NEWCOMERS);

  return context;
}

LoyCampaign *
test_cashback_new (const char *uuid,
                   gint64      point_value_cents,
                   gint64      created_at)
{
  LoyCampaign *campaign = test_campaign_new (LOY_CAMPAIGN_TYPE_CASHBACK, uuid, uuid);

  loy_campaign_set_point_value_cents (campaign, point_value_cents);
  loy_campaign_set_created_at (campaign, created_at);

  return campaign;
}
