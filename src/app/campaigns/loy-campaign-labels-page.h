/* loy-campaign-labels-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_LABELS_PAGE (loy_campaign_labels_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignLabelsPage, loy_campaign_labels_page, LOY, CAMPAIGN_LABELS_PAGE,
                      AdwPreferencesPage)

/* A campaign's labels (key and value rows added and removed) and its
 * categories, ticked from the managed list, where "New category…" adds one
 * through the store. Emits "changed". */
void      loy_campaign_labels_page_set_store         (LoyCampaignLabelsPage *self,
                                                      LoyStore              *store);
void      loy_campaign_labels_page_load              (LoyCampaignLabelsPage *self,
                                                      LoyCampaign           *campaign);
void      loy_campaign_labels_page_apply             (LoyCampaignLabelsPage *self,
                                                      LoyCampaign           *campaign);
void      loy_campaign_labels_page_add_label         (LoyCampaignLabelsPage *self,
                                                      const char            *key,
                                                      const char            *value);
/* Where the page says why the labels or a new category are refused. */
GtkLabel *loy_campaign_labels_page_get_problem_label (LoyCampaignLabelsPage *self);

G_END_DECLS
