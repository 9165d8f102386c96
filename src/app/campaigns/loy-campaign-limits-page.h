/* loy-campaign-limits-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_LIMITS_PAGE (loy_campaign_limits_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignLimitsPage, loy_campaign_limits_page, LOY, CAMPAIGN_LIMITS_PAGE,
                      AdwPreferencesPage)

/* How many times a campaign can be got, in all and by one contact, each
 * either a number or unlimited; for coupon types the coupons: one shared
 * code, or codes of the campaign's own from the code step (when editing,
 * the codes left in its group, and Add Codes… to add more). Emits
 * "changed". */
/* The store the campaign's own code group is read from and added to. */
void      loy_campaign_limits_page_set_store         (LoyCampaignLimitsPage *self,
                                                      LoyStore              *store);
void      loy_campaign_limits_page_set_campaign_type (LoyCampaignLimitsPage *self,
                                                      LoyCampaignType        type);
void      loy_campaign_limits_page_load             (LoyCampaignLimitsPage *self,
                                                      LoyCampaign           *campaign);
void      loy_campaign_limits_page_apply            (LoyCampaignLimitsPage *self,
                                                      LoyCampaign           *campaign);
/* The codes to generate for a new code group of the campaign, or NULL. */
GStrv     loy_campaign_limits_page_dup_new_codes    (LoyCampaignLimitsPage *self);
/* "Shared code SPRING10", "20 generated from TWENTY-####"… for the summary. */
char     *loy_campaign_limits_page_dup_coupons_summary (LoyCampaignLimitsPage *self);
/* A number or a pattern of the page that is refused, naming its field; or NULL. */
char     *loy_campaign_limits_page_dup_problem      (LoyCampaignLimitsPage *self);
/* Where the page says why the limit, the limit per contact or the coupons are refused. */
GtkLabel *loy_campaign_limits_page_get_limit_label  (LoyCampaignLimitsPage *self);
GtkLabel *loy_campaign_limits_page_get_per_contact_label (LoyCampaignLimitsPage *self);
GtkLabel *loy_campaign_limits_page_get_codes_label  (LoyCampaignLimitsPage *self);

G_END_DECLS
