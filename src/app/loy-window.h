/* loy-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-application.h"

G_BEGIN_DECLS

#define LOY_TYPE_WINDOW (loy_window_get_type ())

G_DECLARE_FINAL_TYPE (LoyWindow, loy_window, LOY, WINDOW, AdwApplicationWindow)

LoyWindow  *loy_window_new                 (LoyApplication *application);
/* The name of the section on show: overview, rewards, campaigns,
 * code-groups, contacts or levels-segments. */
const char *loy_window_get_section         (LoyWindow      *self);
void        loy_window_set_section         (LoyWindow      *self,
                                            const char     *section);
/* The view on show: a LoyOverviewView or a section such as
 * LoyRewardsSection (for levels and segments, the one whose tab is
 * selected); loy_section_view_find() gives a section's list. */
GtkWidget  *loy_window_get_visible_view    (LoyWindow      *self);
gboolean    loy_window_get_folded          (LoyWindow      *self);
G_END_DECLS
