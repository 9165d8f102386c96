/* bench-campaigns.c — the availability of 1,000 campaigns for one contact,
 * as the contact window's Campaigns page asks for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "loy-core.h"

#define N_CAMPAIGNS 1000
#define N_LEVELS    5
#define N_SEGMENTS  20
#define N_PASSES    200
#define GOAL_MS     5.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static char *
numbered_uuid (guint kind,
               guint i)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", kind, i);
}

/* Every type, a third with windows around now (some over), targets by
 * level and segment, limits and sales: the evaluator takes every path. */
static GPtrArray *
make_campaigns (gint64              now,
                LoyCampaignContext *context)
{
  GPtrArray *campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < N_CAMPAIGNS; i++)
    {
      LoyCampaign *campaign = loy_campaign_new ();
      LoyCampaignType type = i % LOY_N_CAMPAIGN_TYPES;
      g_autofree char *uuid = numbered_uuid (0xca, i);
      g_autofree char *name = g_strdup_printf ("Campaign %u", i);
      g_autofree char *level = numbered_uuid (0x1e, g_rand_int_range (rand, 0, N_LEVELS));
      g_autofree char *segment = numbered_uuid (0x5e, g_rand_int_range (rand, 0, N_SEGMENTS));

      loy_campaign_set_uuid (campaign, uuid);
      loy_campaign_set_name (campaign, name);
      loy_campaign_set_campaign_type (campaign, type);
      loy_campaign_set_created_at (campaign, now - i * 60);
      loy_campaign_set_is_active (campaign, i % 10 != 0);
      loy_campaign_set_cost_in_points (campaign, g_rand_int_range (rand, 0, 2000));
      if (type == LOY_CAMPAIGN_TYPE_CASHBACK)
        loy_campaign_set_point_value_cents (campaign, g_rand_int_range (rand, 1, 500));
      if (i % 3 == 0)
        loy_campaign_set_activity (campaign, FALSE,
                                   now + g_rand_int_range (rand, -30, 10) * 86400,
                                   now + g_rand_int_range (rand, 10, 40) * 86400);
      if (i % 4 == 0)
        loy_campaign_set_visibility (campaign, FALSE,
                                     now + g_rand_int_range (rand, -30, 5) * 86400,
                                     now + g_rand_int_range (rand, 5, 40) * 86400);
      if (i % 5 == 1)
        {
          loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
          loy_campaign_set_level_uuids (campaign, (const char *[]) { level, NULL });
        }
      else if (i % 5 == 2)
        {
          loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_SEGMENT);
          loy_campaign_set_segment_uuids (campaign, (const char *[]) { segment, NULL });
        }
      if (i % 2 == 0)
        {
          loy_campaign_set_limit (campaign, 100);
          loy_campaign_set_limit_per_contact (campaign, 2);
        }
      loy_campaign_context_set_counts (context, uuid, g_rand_int_range (rand, 0, 3),
                                       g_rand_int_range (rand, 0, 120),
                                       g_rand_int_range (rand, 0, 50));

      g_ptr_array_add (campaigns, campaign);
    }

  g_rand_free (rand);
  return campaigns;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *level = numbered_uuid (0x1e, 2);
  g_autoptr(LoyCampaignContext) context = loy_campaign_context_new (800, level);
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_available = 0;
  guint n_listed = 0;
  gint64 start;
  double median;

  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_autofree char *uuid = numbered_uuid (0x1e, i);
      g_autofree char *name = g_strdup_printf ("Level %u", i);

      loy_campaign_context_set_name (context, uuid, name);
    }
  for (guint i = 0; i < N_SEGMENTS; i++)
    {
      g_autofree char *uuid = numbered_uuid (0x5e, i);
      g_autofree char *name = g_strdup_printf ("Segment %u", i);

      loy_campaign_context_set_name (context, uuid, name);
      if (i % 7 == 0)
        loy_campaign_context_add_segment (context, uuid);
    }

  campaigns = make_campaigns (g_date_time_to_unix (now), context);

  for (guint pass = 0; pass < N_PASSES; pass++)
    {
      g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_availability_unref);
      double ms;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < campaigns->len; i++)
        g_ptr_array_add (answers, loy_campaign_check_availability (g_ptr_array_index (campaigns, i),
                                                                   context, now));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);

      if (pass == 0)
        for (guint i = 0; i < answers->len; i++)
          {
            n_listed += loy_availability_get_listed (g_ptr_array_index (answers, i));
            n_available += loy_availability_get_available (g_ptr_array_index (answers, i));
          }
    }

  qsort (times->data, times->len, sizeof (double), compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  g_print ("availability of %u campaigns for one contact (%u listed, %u available): "
           "median %.3f ms, min %.3f ms, max %.3f ms over %u passes (goal < %.0f ms)\n",
           N_CAMPAIGNS, n_listed, n_available, median, g_array_index (times, double, 0),
           g_array_index (times, double, times->len - 1), N_PASSES, GOAL_MS);

  start = g_get_monotonic_time ();
  for (guint pass = 0; pass < N_PASSES; pass++)
    loy_cashback_find_campaign (campaigns, context, now, NULL);
  g_print ("cashback rate among the same campaigns: mean %.3f ms\n",
           (g_get_monotonic_time () - start) / 1000.0 / N_PASSES);

  return median < GOAL_MS ? EXIT_SUCCESS : EXIT_FAILURE;
}
