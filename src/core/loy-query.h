/* loy-query.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

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
 *
 * What to list. Filtering and sorting are done by the store (SQL, query
 * parameters), never by loading every row.
 */
typedef struct
{
  LoyKind  kind;
  char    *search;
  char    *level_uuid;
  char    *segment_uuid;
  char    *sort;
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

GType     loy_page_get_type    (void) G_GNUC_CONST;
LoyPage  *loy_page_new         (guint           total);
LoyPage  *loy_page_copy        (const LoyPage  *page);
void      loy_page_free        (LoyPage        *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyQuery, loy_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyPage, loy_page_free)

G_END_DECLS
