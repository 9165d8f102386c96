/* loy-campaign-category.h — one of the managed list of campaign categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_CATEGORY (loy_campaign_category_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignCategory, loy_campaign_category, LOY, CAMPAIGN_CATEGORY, GObject)

/* A new category has no UUID until the store saves it. */
LoyCampaignCategory *loy_campaign_category_new            (const char          *uuid,
                                                           const char          *name);
const char          *loy_campaign_category_get_uuid       (LoyCampaignCategory *self);
/* The name in the program's default language; required and unique. */
const char          *loy_campaign_category_get_name       (LoyCampaignCategory *self);
void                 loy_campaign_category_set_name       (LoyCampaignCategory *self,
                                                           const char          *name);
/* The name in another language, or NULL; setting NULL or "" removes it. */
const char          *loy_campaign_category_get_translation (LoyCampaignCategory *self,
                                                           const char          *language);
void                 loy_campaign_category_set_translation (LoyCampaignCategory *self,
                                                           const char          *language,
                                                           const char          *name);
/* The languages with a translation, sorted. */
char               **loy_campaign_category_dup_languages  (LoyCampaignCategory *self);
gboolean             loy_campaign_category_get_is_active  (LoyCampaignCategory *self);
void                 loy_campaign_category_set_is_active  (LoyCampaignCategory *self,
                                                           gboolean             is_active);
/* Lists show categories by this, then by name. */
gint64               loy_campaign_category_get_sort_order (LoyCampaignCategory *self);
void                 loy_campaign_category_set_sort_order (LoyCampaignCategory *self,
                                                           gint64               sort_order);

G_END_DECLS
