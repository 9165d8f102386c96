/* loy-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

/* The fields of one CSV row for @item, in header order: as many as the
 * header has, "" for an empty field. */
typedef GStrv (*LoyCsvRowFunc) (GObject  *item,
                                gpointer  user_data);

/* Appends @field to @row, quoted as RFC 4180 asks when it holds a comma, a
 * quote or a line break. */
void      loy_csv_append_field  (GString            *row,
                                 const char         *field);

/* Writes every record of @query, page by page, as CSV (header first, CRLF
 * line ends) to @output: members of a segment, the codes of a group. Progress
 * counts rows, with the query's total as it was at the last page read.
 *
 * Records are read in pages of the query's order, so a record added or
 * removed during the export may be left out or written twice. @output is
 * neither flushed nor closed. When the export fails or is cancelled, the
 * rows written so far stay in @output: deleting a half-written file is the
 * caller's job. */
void      loy_csv_export_async  (LoyStore           *store,
                                 const LoyQuery     *query,
                                 const char * const *header,
                                 LoyCsvRowFunc       row_func,
                                 gpointer            row_data,
                                 GOutputStream      *output,
                                 LoyProgressFunc     progress,
                                 gpointer            progress_data,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data);
/* The number of rows written (header not counted), or -1 with @error set. */
gint64    loy_csv_export_finish (GAsyncResult       *result,
                                 GError            **error);

G_END_DECLS
