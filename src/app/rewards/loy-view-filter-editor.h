/* loy-view-filter-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-reward-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_VIEW_FILTER_EDITOR (loy_view_filter_editor_get_type ())

G_DECLARE_FINAL_TYPE (LoyViewFilterEditor, loy_view_filter_editor, LOY, VIEW_FILTER_EDITOR,
                      AdwPreferencesPage)

/* The store whose shops the "Stores" filter offers, and whose contacts'
 * attributes a condition suggests. */
void           loy_view_filter_editor_set_store  (LoyViewFilterEditor *self,
                                                  LoyStore            *store);
void           loy_view_filter_editor_set_filter (LoyViewFilterEditor *self,
                                                  const LoyViewFilter *filter);
/* Returns: (transfer full) (nullable): the filter, NULL for none at all */
LoyViewFilter *loy_view_filter_editor_get_filter (LoyViewFilterEditor *self);

G_END_DECLS
