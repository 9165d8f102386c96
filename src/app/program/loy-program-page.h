/* loy-program-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_PROGRAM_PAGE (loy_program_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyProgramPage, loy_program_page, LOY, PROGRAM_PAGE, AdwPreferencesPage)

void     loy_program_page_set_store   (LoyProgramPage *self,
                                       LoyStore       *store);
/* TRUE while the program's rules are being read or saved. */
gboolean loy_program_page_get_busy    (LoyProgramPage *self);

G_END_DECLS
