/* loy-query.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_QUERY (loy_query_get_type ())
#define LOY_TYPE_PAGE  (loy_page_get_type ())

/**
 * LoyQuery:
 * @kind: what to list
 * @search: free text matched by the store (title, name, email, uuid); %NULL for all
 * @level_uuid: contacts only: members of this level
 * @segment_uuid: contacts only: members of this segment
 * @sort: a field name, optionally prefixed with '-' for descending; %NULL for the
 *   backend's natural order
 * @parent_uuid: codes: the code group; ledger entries: the contact; vouchers: the
 *   promotion (required for all three)
 * @only_active: rewards, campaigns: leave out inactive records
 * @only_inactive: rewards, campaigns: leave out active records
 * @reward_types: rewards only: the reward types to list, as a mask of
 *   `1 << LoyRewardType`; 0 for all
 * @visible_to_contact: rewards only: those this contact can see and claim now,
 *   by loy_reward_check_visibility() (affordability is not part of visibility)
 * @platform: rewards only: visible on this platform; 0 for any
 * @shop_uuid: rewards only: visible in this shop; %NULL for any
 * @criteria: contacts only: members of a segment being edited, as its
 *   criteria JSON (see loy-segment-criteria.h); %NULL for none
 * @ledger_types: ledger entries only: the entry types to list, as a mask of
 *   `1 << LoyLedgerEntryType`; 0 for all
 * @campaign_types: campaigns only: the types to list, as a mask of
 *   `1 << LoyCampaignType`; 0 for all
 * @only_featured: campaigns only: those marked featured
 * @only_public: campaigns only: those marked public
 * @categories: campaigns only: those in any of the categories of these
 *   UUIDs or names; %NULL for any
 * @labels: campaigns only: those with every one of these labels, each "key"
 *   (any value) or "key=value"; %NULL for any
 *
 * What to list. Filtering and sorting are done by the store (SQL, query
 * parameters), never by loading every row.
 */
typedef struct
{
  LoyKind      kind;
  char        *search;
  char        *level_uuid;
  char        *segment_uuid;
  char        *sort;
  char        *parent_uuid;
  gboolean     only_active;
  gboolean     only_inactive;
  guint        reward_types;
  char        *visible_to_contact;
  LoyPlatform  platform;
  char        *shop_uuid;
  JsonNode    *criteria;
  guint        ledger_types;
  guint        campaign_types;
  gboolean     only_featured;
  gboolean     only_public;
  GStrv        categories;
  GStrv        labels;
  /* Records left out by UUID, such as one whose deletion waits behind an
   * Undo; not a filter for loy_query_has_filter(). */
  GStrv        exclude_uuids;
} LoyQuery;

/**
 * LoyPage:
 * @items: (element-type GObject): the records of this page, of loy_kind_get_item_type()
 * @total: how many records match the whole query
 */
typedef struct
{
  GPtrArray *items;
  guint      total;
} LoyPage;

GType     loy_query_get_type   (void) G_GNUC_CONST;
LoyQuery *loy_query_new        (LoyKind         kind);
LoyQuery *loy_query_copy       (const LoyQuery *query);
void      loy_query_free       (LoyQuery       *query);
gboolean  loy_query_has_search (const LoyQuery *query);
/* Whether @query leaves out records of its kind and parent: search text or
 * any filter, but not the sort order. */
gboolean  loy_query_has_filter (const LoyQuery *query);

GType     loy_page_get_type    (void) G_GNUC_CONST;
LoyPage  *loy_page_new         (guint           total);
LoyPage  *loy_page_copy        (const LoyPage  *page);
void      loy_page_free        (LoyPage        *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyQuery, loy_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyPage, loy_page_free)

G_END_DECLS
