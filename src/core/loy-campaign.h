/* loy-campaign.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN (loy_campaign_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaign, loy_campaign, LOY, CAMPAIGN, GObject)

LoyCampaign     *loy_campaign_new                  (void);
const char      *loy_campaign_get_uuid             (LoyCampaign     *self);
void             loy_campaign_set_uuid             (LoyCampaign     *self,
                                                    const char      *uuid);
const char      *loy_campaign_get_name             (LoyCampaign     *self);
void             loy_campaign_set_name             (LoyCampaign     *self,
                                                    const char      *name);
LoyCampaignType  loy_campaign_get_campaign_type    (LoyCampaign     *self);
void             loy_campaign_set_campaign_type    (LoyCampaign     *self,
                                                    LoyCampaignType  campaign_type);
gboolean         loy_campaign_get_is_active        (LoyCampaign     *self);
void             loy_campaign_set_is_active        (LoyCampaign     *self,
                                                    gboolean         is_active);
/* Cashback: what one point is worth, in cents. LOY_UNSET for other types. */
gint64           loy_campaign_get_point_value_cents (LoyCampaign    *self);
void             loy_campaign_set_point_value_cents (LoyCampaign    *self,
                                                     gint64          cents);
LoyTargetType    loy_campaign_get_target_type      (LoyCampaign     *self);
void             loy_campaign_set_target_type      (LoyCampaign     *self,
                                                    LoyTargetType    target_type);
/* Unix seconds; 0 on both ends means "all time active". */
gint64           loy_campaign_get_active_from      (LoyCampaign     *self);
gint64           loy_campaign_get_active_to        (LoyCampaign     *self);
void             loy_campaign_set_active_window    (LoyCampaign     *self,
                                                    gint64           active_from,
                                                    gint64           active_to);

G_END_DECLS
