/* loy-campaign-details-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_DETAILS_PAGE (loy_campaign_details_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignDetailsPage, loy_campaign_details_page, LOY, CAMPAIGN_DETAILS_PAGE,
                      AdwPreferencesPage)

/* A campaign's status, link, push text, featured and public, and the
 * fields only its type uses (cost, point value, percentage, connect type,
 * days): the others are hidden and not applied. Emits "changed". */
void        loy_campaign_details_page_set_campaign_type  (LoyCampaignDetailsPage *self,
                                                          LoyCampaignType         type);
void        loy_campaign_details_page_load               (LoyCampaignDetailsPage *self,
                                                          LoyCampaign            *campaign);
void        loy_campaign_details_page_apply              (LoyCampaignDetailsPage *self,
                                                          LoyCampaign            *campaign);
/* Empties the type fields of @fields (LOY_CAMPAIGN_FIELD_COST_IN_POINTS…). */
void        loy_campaign_details_page_clear_fields       (LoyCampaignDetailsPage *self,
                                                          LoyCampaignFields       fields);
/* Maps the rules' field names ("cost_in_points") to the labels below the
 * page's fields, in @labels. */
void        loy_campaign_details_page_add_problem_labels (LoyCampaignDetailsPage *self,
                                                          GHashTable             *labels);
/* Whether the field above @label, one of the page's, holds something. */
gboolean    loy_campaign_details_page_label_has_input    (LoyCampaignDetailsPage *self,
                                                          GtkLabel               *label);
/* Why the number entry above @label refuses its text, or NULL. */
const char *loy_campaign_details_page_get_entry_problem  (LoyCampaignDetailsPage *self,
                                                          GtkLabel               *label);
/* The text a shown number entry refuses, naming its field; or NULL. */
char       *loy_campaign_details_page_dup_entry_problem  (LoyCampaignDetailsPage *self);
/* The connect type as chosen ("QR code"), for the summary. */
const char *loy_campaign_details_page_get_connect_label  (LoyCampaignDetailsPage *self);

G_END_DECLS
