/* loy-program-toolbar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-section-view.h"

G_BEGIN_DECLS

#define LOY_TYPE_PROGRAM_TOOLBAR (loy_program_toolbar_get_type ())

G_DECLARE_FINAL_TYPE (LoyProgramToolbar, loy_program_toolbar, LOY, PROGRAM_TOOLBAR, GtkWidget)

/* The actions of the levels or the segments section @view: "New Level" or
 * "New Segment", and an editor for each record opened there. */
LoyProgramToolbar *loy_program_toolbar_new         (LoySectionView    *view);
/* Opens the editor of @item (a #LoyLevel or #LoySegment), or of a new
 * record when @item is %NULL; the section reloads after it saves. */
GtkWindow         *loy_program_toolbar_open_editor (LoyProgramToolbar *self,
                                                    GObject           *item);

G_END_DECLS
