/* loy-campaign-label-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_LABEL_FILTER (loy_campaign_label_filter_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignLabelFilter, loy_campaign_label_filter, LOY, CAMPAIGN_LABEL_FILTER, GtkWidget)

GtkWidget *loy_campaign_label_filter_new         (void);
/* Lists the labels @store's campaigns have again, to choose from. */
void       loy_campaign_label_filter_load        (LoyCampaignLabelFilter *self,
                                                  LoyStore               *store);
/* The labels added, each "key" or "key=value", for LoyQuery.labels; %NULL for none. */
GStrv      loy_campaign_label_filter_dup_labels  (LoyCampaignLabelFilter *self);
/* "event = christmas, tier"; %NULL for none. */
char      *loy_campaign_label_filter_dup_summary (LoyCampaignLabelFilter *self);
/* None added, without ::changed. */
void       loy_campaign_label_filter_clear       (LoyCampaignLabelFilter *self);

G_END_DECLS
