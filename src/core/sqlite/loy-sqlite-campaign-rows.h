/* loy-sqlite-campaign-rows.h — campaigns, their purchases and categories
 * as rows: the columns, the readers, the list filters and the evaluator's
 * context for a contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-campaign.h"
#include "loy-campaign-availability.h"
#include "loy-query.h"

G_BEGIN_DECLS

/* A campaign's row and, as JSON, its texts, labels, categories, levels and
 * segments, read by _loy_sqlite_read_campaign(). */
#define CAMPAIGN_COLUMNS \
  "t.uuid, t.campaign_type, t.default_language, t.is_active, t.more_information_link," \
  " t.push_text, t.cost_in_points, t.point_value_cents, t.reward_value_cents, t.tax_rate," \
  " t.tax_value_cents, t.featured, t.public, t.transaction_percentage, t.days_inactive," \
  " t.days_valid, t.connect_type, t.brand_image, t.target_type, t.activity_all_time," \
  " t.active_from, t.active_to, t.visibility_all_time, t.visible_from, t.visible_to," \
  " t.purchase_limit, t.limit_per_contact, g.uuid, t.shared_code, t.created_at," \
  " (SELECT json_group_object (x.language, json_array (x.name, x.short_description," \
  "   x.conditions, x.usage_instructions, x.brand_name, x.brand_description))" \
  "  FROM campaign_texts AS x WHERE x.campaign_id = t.id)," \
  " (SELECT json_group_array (json_array (l.key, l.value)) FROM campaign_labels AS l" \
  "  WHERE l.campaign_id = t.id)," \
  " (SELECT json_group_array (k.uuid) FROM campaign_category_links AS cl" \
  "  JOIN campaign_categories AS k ON k.id = cl.category_id WHERE cl.campaign_id = t.id)," \
  " (SELECT json_group_array (v.uuid) FROM campaign_levels AS cv" \
  "  JOIN levels AS v ON v.id = cv.level_id WHERE cv.campaign_id = t.id)," \
  " (SELECT json_group_array (s.uuid) FROM campaign_segments AS cs" \
  "  JOIN segments AS s ON s.id = cs.segment_id WHERE cs.campaign_id = t.id)," \
  " (SELECT count(*) FROM campaign_purchases AS p WHERE p.campaign_id = t.id" \
  "  AND p.cancelled_at IS NULL)"
#define CAMPAIGN_FROM "campaigns AS t LEFT JOIN code_groups AS g ON g.id = t.code_group_id"
/* A campaign's name in any language, or its UUID. */
#define CAMPAIGN_SEARCH \
  "(EXISTS (SELECT 1 FROM campaign_texts AS x WHERE x.campaign_id = t.id" \
  "  AND x.name LIKE :pattern ESCAPE '\\') OR t.uuid = :search)"

#define CAMPAIGN_PURCHASE_COLUMNS \
  "p.uuid, c.uuid, c.name, c.campaign_type, k.uuid, p.code, p.cost_in_points, e.uuid," \
  " p.created_at, p.active_from, p.active_to, p.used_at, p.cancelled_at, p.delivery_status," \
  " p.value_cents, s.uuid"
#define CAMPAIGN_PURCHASE_FROM \
  "campaign_purchases AS p JOIN campaigns AS c ON c.id = p.campaign_id" \
  " JOIN contacts AS k ON k.id = p.contact_id JOIN ledger_entries AS e ON e.id = p.entry_id" \
  " LEFT JOIN ledger_entries AS s ON s.id = p.source_entry_id"

#define CAMPAIGN_CATEGORY_COLUMNS "t.uuid, t.name, t.translations, t.is_active, t.sort_order"

GObject  *_loy_sqlite_read_campaign          (sqlite3_stmt    *stmt);
GObject  *_loy_sqlite_read_campaign_purchase (sqlite3_stmt    *stmt);
GObject  *_loy_sqlite_read_campaign_category (sqlite3_stmt    *stmt);

/* The conditions of a campaigns @query's filters (type, active, featured,
 * public, category, labels) on the campaign aliased "t", added to
 * @conditions; their values are bound by _loy_sqlite_campaign_filters_bind(). */
void      _loy_sqlite_campaign_filters_add   (const LoyQuery  *query,
                                              GPtrArray       *conditions);
void      _loy_sqlite_campaign_filters_bind  (const LoyQuery  *query,
                                              sqlite3_stmt    *stmt);

/* Every campaign, oldest first (element-type LoyCampaign). */
GPtrArray *_loy_sqlite_read_campaigns        (sqlite3         *db,
                                              GError         **error);
/* What the evaluator knows of contact @contact_id: balance, level, the
 * segments of @campaigns' targets the contact is a member of, the names of
 * levels and segments, and every campaign's sales. */
LoyCampaignContext *_loy_sqlite_campaign_context_new (sqlite3     *db,
                                                      gint64       contact_id,
                                                      GPtrArray   *campaigns,
                                                      GError     **error);

G_END_DECLS
