/* loy-paged-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "loy-store.h"

G_BEGIN_DECLS

#define LOY_TYPE_PAGED_MODEL (loy_paged_model_get_type ())

G_DECLARE_FINAL_TYPE (LoyPagedModel, loy_paged_model, LOY, PAGED_MODEL, GObject)

/**
 * LoyPagedModel:
 *
 * A #GListModel over a #LoyStore query that fetches rows lazily, one page
 * at a time, so a list of 200,000 contacts costs a count and the pages on
 * screen. A row whose page has not arrived yet is an empty placeholder
 * object of the same type; when the page arrives the model emits
 * ::items-changed for exactly those rows.
 *
 * Properties: #LoyPagedModel:loading while any fetch is under way,
 * #LoyPagedModel:error (a #GError or %NULL) for the last failure.
 */
LoyPagedModel  *loy_paged_model_new        (LoyStore       *store,
                                            const LoyQuery *query);
LoyStore       *loy_paged_model_get_store  (LoyPagedModel  *self);
const LoyQuery *loy_paged_model_get_query  (LoyPagedModel  *self);
/* Replaces the query (e.g. a new search text) and reloads from the first page. */
void            loy_paged_model_set_query  (LoyPagedModel  *self,
                                            const LoyQuery *query);
void            loy_paged_model_set_search (LoyPagedModel  *self,
                                            const char     *search);
/* Drops every cached page and counts again, e.g. after a write. */
void            loy_paged_model_reload     (LoyPagedModel  *self);
/* After a read that failed: asks again for the pages whose read failed
 * only (for all of it while nothing was read), keeping the rows read. */
void            loy_paged_model_retry      (LoyPagedModel  *self);
gboolean        loy_paged_model_get_loading (LoyPagedModel *self);
const GError   *loy_paged_model_get_error  (LoyPagedModel  *self);
/* TRUE once the first count has arrived, so "no items" is known, not pending. */
gboolean        loy_paged_model_get_loaded (LoyPagedModel  *self);
guint           loy_paged_model_get_page_size (LoyPagedModel *self);
/* TRUE for a row's stand-in while its page is on its way. */
gboolean        loy_paged_model_is_placeholder (gpointer      item);

G_END_DECLS
