/* loy-campaigns-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-campaign-category-filter.h"
#include "loy-campaign-label-filter.h"
#include "loy-campaign-wizard.h"
#include "loy-promotion-dialog.h"
#include "loy-section.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGNS_SECTION (loy_campaigns_section_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignsSection, loy_campaigns_section, LOY, CAMPAIGNS_SECTION, LoySection)

/* The Campaigns tab: the campaigns with their status, cost or rate and
 * limit, filtered by type, status, category and label; a campaign opens
 * to a summary with the contacts its target reaches, Deactivate/Activate
 * and Delete, each with Undo, and Edit…; New Campaign (Ctrl+N) opens the wizard. On a
 * Piggy account, New Promotion… (Ctrl+N) asks for a promotion's fields. */
GtkDropDown    *loy_campaigns_section_get_type_dropdown   (LoyCampaignsSection *self);
GtkDropDown    *loy_campaigns_section_get_status_dropdown (LoyCampaignsSection *self);
LoyCampaignCategoryFilter *loy_campaigns_section_get_category_filter (LoyCampaignsSection *self);
LoyCampaignLabelFilter    *loy_campaigns_section_get_label_filter    (LoyCampaignsSection *self);
/* The summary of @campaign, a dialog transient for the section's window;
 * a Piggy promotion's page (a #LoyPromotionWindow) on a Piggy account. */
GtkWindow      *loy_campaigns_section_open_campaign (LoyCampaignsSection *self,
                                                     LoyCampaign         *campaign);
/* The create-campaign wizard, transient for the section's window; a toast
 * says when it created one. */
LoyCampaignWizard *loy_campaigns_section_new_campaign (LoyCampaignsSection *self);
/* The new-promotion dialog of a Piggy account, transient for the section's
 * window; a toast says when it created one. */
LoyPromotionDialog *loy_campaigns_section_new_promotion (LoyCampaignsSection *self);
/* @campaign on the wizard's pages, to change and save. */
LoyCampaignWizard *loy_campaigns_section_edit_campaign (LoyCampaignsSection *self,
                                                        LoyCampaign         *campaign);

G_END_DECLS
