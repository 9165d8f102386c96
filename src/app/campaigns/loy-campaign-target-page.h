/* loy-campaign-target-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_TARGET_PAGE (loy_campaign_target_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignTargetPage, loy_campaign_target_page, LOY, CAMPAIGN_TARGET_PAGE,
                      AdwPreferencesPage)

/* Who a campaign is for: everyone, contacts at any of the chosen levels or
 * members of any of the chosen segments, with the contacts that reaches
 * counted by the store a moment after each change. Emits "changed". */
void      loy_campaign_target_page_set_store         (LoyCampaignTargetPage *self,
                                                      LoyStore              *store);
void      loy_campaign_target_page_load              (LoyCampaignTargetPage *self,
                                                      LoyCampaign           *campaign);
void      loy_campaign_target_page_apply             (LoyCampaignTargetPage *self,
                                                      LoyCampaign           *campaign);
/* Where the page says why its choice is refused. */
GtkLabel *loy_campaign_target_page_get_problem_label (LoyCampaignTargetPage *self);
/* The contacts reached by the choice as it is, or LOY_UNSET while
 * counting (the "reach" property). */
gint64    loy_campaign_target_page_get_reach         (LoyCampaignTargetPage *self);

G_END_DECLS
