/* loy-level-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_LEVEL_EDITOR (loy_level_editor_get_type ())

G_DECLARE_FINAL_TYPE (LoyLevelEditor, loy_level_editor, LOY, LEVEL_EDITOR, AdwWindow)

/* Edits @level, or creates a new level when @level is %NULL. Emits
 * ::changed after the store saved or deleted it. */
LoyLevelEditor *loy_level_editor_new       (LoyStore       *store,
                                            LoyLevel       *level);
LoyLevel       *loy_level_editor_get_level (LoyLevelEditor *self);

G_END_DECLS
