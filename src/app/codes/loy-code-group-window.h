/* loy-code-group-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-code-step.h"
#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CODE_GROUP_WINDOW (loy_code_group_window_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeGroupWindow, loy_code_group_window, LOY, CODE_GROUP_WINDOW, AdwWindow)

/* Emits ::changed after each write to the group. */
LoyCodeGroupWindow *loy_code_group_window_new       (GtkWindow          *parent,
                                                     LoyStore           *store,
                                                     LoyCodeGroup       *group);
LoyCodeGroup       *loy_code_group_window_get_group (LoyCodeGroupWindow *self);
/* Shows the page for adding codes: import, paste, generate. */
void                loy_code_group_window_show_add_codes (LoyCodeGroupWindow *self);
/* For @step's Add Codes…: opens @group's window on that page, in front of
 * @step's window; @step counts the group's codes again after each write. */
LoyCodeGroupWindow *loy_code_group_window_open_for_step (LoyCodeStep  *step,
                                                         LoyStore     *store,
                                                         LoyCodeGroup *group);
/* Whether codes are being added or exported. */
gboolean            loy_code_group_window_get_busy  (LoyCodeGroupWindow *self);
/* The account of the last codes added, or NULL. */
const char         *loy_code_group_window_get_summary (LoyCodeGroupWindow *self);

G_END_DECLS
