/* loy-codes-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-code-step.h"
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
/* The ways of adding codes, and what they hold. */
LoyCodeStep      *loy_codes_page_get_step     (LoyCodesPage         *self);

/* A readable account of @summary: added, duplicates, invalid and the first skipped lines. */
char             *loy_codes_page_describe_summary (const LoyImportSummary *summary,
                                                   guint                   max_lines);
/* Shows what an import did at the top of the page, or hides it when @summary is NULL. */
void              loy_codes_page_show_result  (LoyCodesPage           *self,
                                               const LoyImportSummary *summary);

G_END_DECLS
