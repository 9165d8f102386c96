/* loy-campaign-schedule.c — when a campaign is listed and can be bought, and its status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-campaign.h"
#include "loy-campaign-private.h"
#include "loy-domain-private.h"

gboolean
loy_campaign_get_activity_all_time (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), TRUE);

  return self->activity_all_time;
}

gint64
loy_campaign_get_active_from (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->active_from;
}

gint64
loy_campaign_get_active_to (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->active_to;
}

void
loy_campaign_set_activity (LoyCampaign *self,
                           gboolean     all_time,
                           gint64       from,
                           gint64       to)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));
  _loy_campaign_set_boolean (self, &self->activity_all_time, all_time, PROP_ACTIVITY_ALL_TIME);
  _loy_campaign_set_int64 (self, &self->active_from, from, PROP_ACTIVE_FROM);
  _loy_campaign_set_int64 (self, &self->active_to, to, PROP_ACTIVE_TO);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
loy_campaign_get_visibility_all_time (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), TRUE);

  return self->visibility_all_time;
}

gint64
loy_campaign_get_visible_from (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->visible_from;
}

gint64
loy_campaign_get_visible_to (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->visible_to;
}

void
loy_campaign_set_visibility (LoyCampaign *self,
                             gboolean     all_time,
                             gint64       from,
                             gint64       to)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));
  _loy_campaign_set_boolean (self, &self->visibility_all_time, all_time, PROP_VISIBILITY_ALL_TIME);
  _loy_campaign_set_int64 (self, &self->visible_from, from, PROP_VISIBLE_FROM);
  _loy_campaign_set_int64 (self, &self->visible_to, to, PROP_VISIBLE_TO);
  g_object_thaw_notify (G_OBJECT (self));
}

LoyCampaignStatus
loy_campaign_get_status (LoyCampaign *self,
                         GDateTime   *now)
{
  gint64 now_seconds;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_CAMPAIGN_STATUS_INACTIVE);
  g_return_val_if_fail (now != NULL, LOY_CAMPAIGN_STATUS_INACTIVE);

  /* Status beats the dates (seed 003). */
  if (!self->is_active)
    return LOY_CAMPAIGN_STATUS_INACTIVE;

  if (self->activity_all_time)
    return LOY_CAMPAIGN_STATUS_ACTIVE;

  now_seconds = g_date_time_to_unix (now);
  if (now_seconds < self->active_from)
    return LOY_CAMPAIGN_STATUS_SCHEDULED;
  if (now_seconds > self->active_to)
    return LOY_CAMPAIGN_STATUS_ENDED;

  return LOY_CAMPAIGN_STATUS_ACTIVE;
}

const char *
loy_campaign_status_get_label (LoyCampaignStatus status)
{
  switch (status)
    {
    case LOY_CAMPAIGN_STATUS_ACTIVE:
      return C_("campaign status", "Active");
    case LOY_CAMPAIGN_STATUS_SCHEDULED:
      return C_("campaign status", "Scheduled");
    case LOY_CAMPAIGN_STATUS_ENDED:
      return C_("campaign status", "Ended");
    case LOY_CAMPAIGN_STATUS_INACTIVE:
      return C_("campaign status", "Inactive");
    default:
      g_return_val_if_reached (NULL);
    }
}
