/* loy-load-error-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_LOAD_ERROR_PAGE (loy_load_error_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyLoadErrorPage, loy_load_error_page, LOY, LOAD_ERROR_PAGE, GtkWidget)

/* Why a list's read gave up (its #LoyPagedModel:error), under a title such
 * as "Could Not Load the History", with Try Again, which reads again the
 * pages of that list that failed and nothing else; and, when the key was
 * refused, Open Preferences. */
LoyPagedModel *loy_load_error_page_get_model (LoyLoadErrorPage *self);
void           loy_load_error_page_set_model (LoyLoadErrorPage *self,
                                              LoyPagedModel    *model);

G_END_DECLS
