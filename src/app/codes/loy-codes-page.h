/* loy-codes-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CODES_PAGE (loy_codes_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodesPage, loy_codes_page, LOY, CODES_PAGE, AdwPreferencesPage)

/* What the page says above the ways of adding codes. */
void              loy_codes_page_set_intro    (LoyCodesPage         *self,
                                               const char           *intro);
/* Whether to warn, on the page, that no codes have been added. */
void              loy_codes_page_set_warn_empty (LoyCodesPage       *self,
                                                 gboolean            warn_empty);
/* Adds a code file (one code per line, or the first column of a CSV file). */
void              loy_codes_page_add_file     (LoyCodesPage         *self,
                                               GFile                *file);
/* Codes to be added so far: the files' and the pasted codes, the count to generate. */
guint64           loy_codes_page_get_count    (LoyCodesPage         *self);
/* A sentence saying why the codes cannot be added yet, or NULL. */
const char       *loy_codes_page_get_problem  (LoyCodesPage         *self);
/* Whether files are still being read. */
gboolean          loy_codes_page_get_busy     (LoyCodesPage         *self);
/* A short readable list of what will be added ("100 generated from SPRING-####"). */
char             *loy_codes_page_describe     (LoyCodesPage         *self);
void              loy_codes_page_clear        (LoyCodesPage         *self);

/* Adds everything the page holds to the group, one source after the other. */
void              loy_codes_page_write_async  (LoyCodesPage         *self,
                                               LoyStore             *store,
                                               const char           *group_uuid,
                                               LoyProgressFunc       progress,
                                               gpointer              progress_data,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
LoyImportSummary *loy_codes_page_write_finish (LoyCodesPage         *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* A readable account of @summary: added, duplicates, invalid and the first skipped lines. */
char             *loy_codes_page_describe_summary (const LoyImportSummary *summary,
                                                   guint                   max_lines);
/* Shows what an import did at the top of the page, or hides it when @summary is NULL. */
void              loy_codes_page_show_result  (LoyCodesPage           *self,
                                               const LoyImportSummary *summary);

G_END_DECLS
