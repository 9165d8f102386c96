/* loy-campaign-schedule-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_SCHEDULE_PAGE (loy_campaign_schedule_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignSchedulePage, loy_campaign_schedule_page, LOY, CAMPAIGN_SCHEDULE_PAGE,
                      AdwPreferencesPage)

/* When a campaign can be got (activity) and when it is listed
 * (visibility): all time, or from a day and time to another in local
 * time, both included; a line sums them up. Emits "changed". */
void      loy_campaign_schedule_page_set_show_visibility (LoyCampaignSchedulePage *self,
                                                          gboolean                 show);
void      loy_campaign_schedule_page_load                (LoyCampaignSchedulePage *self,
                                                          LoyCampaign             *campaign);
void      loy_campaign_schedule_page_apply               (LoyCampaignSchedulePage *self,
                                                          LoyCampaign             *campaign);
/* Where the page says why the activity or the visibility is refused. */
GtkLabel *loy_campaign_schedule_page_get_activity_label  (LoyCampaignSchedulePage *self);
GtkLabel *loy_campaign_schedule_page_get_visibility_label (LoyCampaignSchedulePage *self);
/* "Listed 1 Dec–31 Dec; available 5 Dec–24 Dec" for what the page holds. */
const char *loy_campaign_schedule_page_get_summary       (LoyCampaignSchedulePage *self);

G_END_DECLS
