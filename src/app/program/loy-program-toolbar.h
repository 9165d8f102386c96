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
 * "New Segment", and an editor for each record opened there. @dependent,
 * if not %NULL, is a section whose rows follow @view's records (the
 * segments' member counts follow the levels): it reloads with @view. */
LoyProgramToolbar *loy_program_toolbar_new         (LoySectionView    *view,
                                                    LoySectionView    *dependent);
/* Opens the editor of @item (a #LoyLevel or #LoySegment), or of a new
 * record when @item is %NULL; the section (and its dependent) reloads
 * after it saves. */
GtkWindow         *loy_program_toolbar_open_editor (LoyProgramToolbar *self,
                                                    GObject           *item);

G_END_DECLS
