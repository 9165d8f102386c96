/* loy-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-query.h"

G_DEFINE_BOXED_TYPE (LoyQuery, loy_query, loy_query_copy, loy_query_free)
G_DEFINE_BOXED_TYPE (LoyPage, loy_page, loy_page_copy, loy_page_free)

LoyQuery *
loy_query_new (LoyKind kind)
{
  LoyQuery *query = g_new0 (LoyQuery, 1);

  query->kind = kind;

  return query;
}

LoyQuery *
loy_query_copy (const LoyQuery *query)
{
  LoyQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = loy_query_new (query->kind);
  copy->search = g_strdup (query->search);
  copy->level_uuid = g_strdup (query->level_uuid);
  copy->segment_uuid = g_strdup (query->segment_uuid);
  copy->sort = g_strdup (query->sort);
  copy->parent_uuid = g_strdup (query->parent_uuid);
  copy->only_active = query->only_active;
  copy->only_inactive = query->only_inactive;
  copy->reward_types = query->reward_types;
  copy->visible_to_contact = g_strdup (query->visible_to_contact);
  copy->platform = query->platform;
  copy->shop_uuid = g_strdup (query->shop_uuid);
  copy->criteria = query->criteria ? json_node_copy (query->criteria) : NULL;
  copy->ledger_types = query->ledger_types;
  copy->campaign_types = query->campaign_types;
  copy->only_featured = query->only_featured;
  copy->only_public = query->only_public;
  copy->categories = g_strdupv (query->categories);
  copy->labels = g_strdupv (query->labels);
  copy->exclude_uuids = g_strdupv (query->exclude_uuids);

  return copy;
}

void
loy_query_free (LoyQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->search);
  g_free (query->level_uuid);
  g_free (query->segment_uuid);
  g_free (query->sort);
  g_free (query->parent_uuid);
  g_free (query->visible_to_contact);
  g_free (query->shop_uuid);
  g_clear_pointer (&query->criteria, json_node_unref);
  g_strfreev (query->categories);
  g_strfreev (query->labels);
  g_strfreev (query->exclude_uuids);
  g_free (query);
}

gboolean
loy_query_has_search (const LoyQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  return query->search != NULL && query->search[0] != '\0';
}

/* Search text or any filter leaves records out; the order and the parent
 * (whose codes, whose history) do not. Records left out by UUID are not
 * asked for by the user: an empty list without them is empty, not "No Results". */
gboolean
loy_query_has_filter (const LoyQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);

  return loy_query_has_search (query) ||
         query->level_uuid != NULL ||
         query->segment_uuid != NULL ||
         query->only_active ||
         query->only_inactive ||
         query->reward_types != 0 ||
         query->visible_to_contact != NULL ||
         query->platform != 0 ||
         query->shop_uuid != NULL ||
         query->criteria != NULL ||
         query->ledger_types != 0 ||
         query->campaign_types != 0 ||
         query->only_featured ||
         query->only_public ||
         (query->categories != NULL && query->categories[0] != NULL) ||
         (query->labels != NULL && query->labels[0] != NULL);
}

LoyPage *
loy_page_new (guint total)
{
  LoyPage *page = g_new0 (LoyPage, 1);

  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  page->total = total;

  return page;
}

LoyPage *
loy_page_copy (const LoyPage *page)
{
  LoyPage *copy;

  g_return_val_if_fail (page != NULL, NULL);

  copy = loy_page_new (page->total);
  for (guint i = 0; i < page->items->len; i++)
    g_ptr_array_add (copy->items, g_object_ref (g_ptr_array_index (page->items, i)));

  return copy;
}

void
loy_page_free (LoyPage *page)
{
  if (page == NULL)
    return;

  g_ptr_array_unref (page->items);
  g_free (page);
}
