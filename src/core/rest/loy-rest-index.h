/* loy-rest-index.h — a local index of a remote account's contacts, for the
 * search Piggy's API cannot do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"
#include "loy-rest-client.h"

G_BEGIN_DECLS

typedef struct _LoyRestIndex LoyRestIndex;

/* The index's file is the account's loy_rest_cache_path() "contacts": it
 * holds the contacts' UUID, email, names, balance and enrolment time. */
/* Opens the file; its schema is set up in the index's thread, where all
 * its SQLite work runs, in the order asked, each result returned in the
 * context that asked for it. */
LoyRestIndex *loy_rest_index_open         (const char     *path,
                                           GError        **error);
/* Waits for the work asked of the index. */
void          loy_rest_index_free         (LoyRestIndex   *self);

/* When it was last filled to the end, in unix seconds, or 0 when never. */
void          loy_rest_index_read_filled_at_async  (LoyRestIndex         *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gint64        loy_rest_index_read_filled_at_finish (GAsyncResult         *result,
                                                    GError              **error);

/* Adds or replaces one contact, such as one just enrolled. */
void          loy_rest_index_add_async    (LoyRestIndex         *self,
                                           LoyContact           *contact,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* Replaces the row of @contact, as just read, when the index holds it: one
 * it lacks is left to a fill, whose end it would otherwise mistake. */
void          loy_rest_index_update_async (LoyRestIndex         *self,
                                           LoyContact           *contact,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean      loy_rest_index_write_finish (GAsyncResult         *result,
                                           GError              **error);

/* Contacts whose name or email holds @text (SQLite FTS5 trigrams; text of
 * fewer than three characters is matched by LIKE), newest first, as a
 * page of @offset, @limit with the total. */
void          loy_rest_index_search_async  (LoyRestIndex         *self,
                                            const char           *text,
                                            guint                 offset,
                                            guint                 limit,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
LoyPage      *loy_rest_index_search_finish (GAsyncResult         *result,
                                            GError              **error);

/* Reads the account's contacts newest first, a page at a time, into the
 * index (one transaction a page), and stops at the first page the index
 * already holds whole: the first fill reads every contact (going on where
 * a cancelled one stopped), later ones only the contacts enrolled since.
 * @progress counts contacts read of the account's total. The result is
 * how many contacts the index holds, -1 on failure; its source object
 * @client. */
void          loy_rest_index_fill_async   (LoyRestIndex         *self,
                                           LoyRestClient        *client,
                                           LoyProgressFunc       progress,
                                           gpointer              progress_data,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gint64        loy_rest_index_fill_finish  (LoyRestClient        *client,
                                           GAsyncResult         *result,
                                           GError              **error);
gboolean      loy_rest_index_is_filling   (LoyRestIndex         *self);
/* Paused: the user stopped a fill, so a search reads what the index holds
 * rather than fill it first, until a fill is asked for again. */
gboolean      loy_rest_index_get_paused   (LoyRestIndex         *self);
void          loy_rest_index_set_paused   (LoyRestIndex         *self,
                                           gboolean              paused);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyRestIndex, loy_rest_index_free)

G_END_DECLS
