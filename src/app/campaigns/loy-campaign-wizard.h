/* loy-campaign-wizard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_WIZARD (loy_campaign_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignWizard, loy_campaign_wizard, LOY, CAMPAIGN_WIZARD, AdwWindow)

/* Creating a campaign step by step (seed 003): type, basic information,
 * the details of that type, summary. Emits "created" with the campaign as
 * stored, then closes. */
LoyCampaignWizard *loy_campaign_wizard_new      (GtkWindow         *parent,
                                                 LoyStore          *store);
/* The same pages for @campaign, from Basic information on (its type
 * stays); Save sends the store only the fields changed, then emits
 * "saved" with the campaign as stored and closes. */
LoyCampaignWizard *loy_campaign_wizard_open     (GtkWindow         *parent,
                                                 LoyStore          *store,
                                                 LoyCampaign       *campaign);
/* The members of loy_campaign_to_json() that differ from the campaign
 * being edited: what Save sends. */
JsonObject        *loy_campaign_wizard_dup_changes (LoyCampaignWizard *self);
/* "type", "basic", "details", "target", "schedule" or "summary" */
const char        *loy_campaign_wizard_get_step (LoyCampaignWizard *self);
LoyCampaignType    loy_campaign_wizard_get_campaign_type (LoyCampaignWizard *self);

G_END_DECLS
