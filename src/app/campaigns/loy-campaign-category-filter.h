/* loy-campaign-category-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_CATEGORY_FILTER (loy_campaign_category_filter_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignCategoryFilter, loy_campaign_category_filter, LOY, CAMPAIGN_CATEGORY_FILTER, GtkWidget)

GtkWidget *loy_campaign_category_filter_new         (void);
/* Lists @store's categories again, keeping those ticked that still exist. */
void       loy_campaign_category_filter_load        (LoyCampaignCategoryFilter *self,
                                                     LoyStore                  *store);
/* The UUIDs of the categories ticked, for LoyQuery.categories; %NULL for none. */
GStrv      loy_campaign_category_filter_dup_uuids   (LoyCampaignCategoryFilter *self);
/* Their names, "Webshop, In store"; %NULL for none. */
char      *loy_campaign_category_filter_dup_summary (LoyCampaignCategoryFilter *self);
/* Nothing ticked, without ::changed. */
void       loy_campaign_category_filter_clear       (LoyCampaignCategoryFilter *self);

G_END_DECLS
