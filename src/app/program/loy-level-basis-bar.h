/* loy-level-basis-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_LEVEL_BASIS_BAR (loy_level_basis_bar_get_type ())

G_DECLARE_FINAL_TYPE (LoyLevelBasisBar, loy_level_basis_bar, LOY, LEVEL_BASIS_BAR, GtkWidget)

void        loy_level_basis_bar_set_store (LoyLevelBasisBar *self,
                                           LoyStore         *store);
/* What the bar says, or %NULL before the program has loaded. */
const char *loy_level_basis_bar_get_text  (LoyLevelBasisBar *self);

G_END_DECLS
