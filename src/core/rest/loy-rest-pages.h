/* loy-rest-pages.h — a range of a paged list, whatever page size the server keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-query.h"
#include "loy-rest-client.h"

G_BEGIN_DECLS

/* Reads the records of a page's "data" (a JSON array). */
typedef GPtrArray *(*LoyRestPageReader) (JsonNode  *data,
                                         GError   **error);

/* Rows [@offset, @offset + @limit) of the paged list at @path (which
 * already has its "?" and filters, e.g. "/loyalty-transactions?contact_uuid=…"),
 * as a #LoyPage with the list's total, fetching as few pages as it can.
 *
 * Piggy answers in pages of its own size whatever "limit" asks for, and
 * says so in "meta" in one of three shapes — or not at all. The reader asks
 * for pages of the size the list was last seen to have, learns the size
 * from "meta" (or from a full first page that is not the last), and when
 * the server's pages are not those it asked for, asks again for the pages
 * that hold the range. The total comes from "meta": "total", else from
 * "last_page" and the last page's rows, else from where the list ends.
 *
 * A %NULL item of @reader's is a row the desk does not show (such as a
 * gift card's transaction in a history): it counts for the server's pages,
 * not in the range or the total, as far as the list has been seen.
 *
 * The source object of the result is @source (a #LoyStore). */
void     loy_rest_pages_query_async  (gpointer              source,
                                      LoyRestClient        *client,
                                      const char           *path,
                                      LoyRestPageReader     reader,
                                      guint                 offset,
                                      guint                 limit,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
LoyPage *loy_rest_pages_query_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
