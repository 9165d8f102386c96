/* loy-campaign-basic-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_BASIC_PAGE (loy_campaign_basic_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignBasicPage, loy_campaign_basic_page, LOY, CAMPAIGN_BASIC_PAGE,
                      AdwPreferencesPage)

/* A campaign's texts (name, descriptions, conditions, usage, brand) in
 * each of loy_campaign_get_languages(), one language shown at a time:
 * switching keeps what was typed in the others. Emits "changed". */
void        loy_campaign_basic_page_load                   (LoyCampaignBasicPage *self,
                                                            LoyCampaign          *campaign);
void        loy_campaign_basic_page_apply                  (LoyCampaignBasicPage *self,
                                                            LoyCampaign          *campaign);
/* The language shown ("nl"); setting one keeps what the others hold. */
const char *loy_campaign_basic_page_get_language           (LoyCampaignBasicPage *self);
void        loy_campaign_basic_page_set_language           (LoyCampaignBasicPage *self,
                                                            const char           *language);
/* Shows the default language, whose name is required. */
void        loy_campaign_basic_page_show_default_language  (LoyCampaignBasicPage *self);
/* Whether any text was typed, in any language. */
gboolean    loy_campaign_basic_page_has_input              (LoyCampaignBasicPage *self);
/* Whether the default language's name holds something. */
gboolean    loy_campaign_basic_page_has_name               (LoyCampaignBasicPage *self);
/* Where the page says why the default language's name is refused. */
GtkLabel   *loy_campaign_basic_page_get_name_problem_label (LoyCampaignBasicPage *self);

G_END_DECLS
