/* loy-toast-target.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOY_TYPE_TOAST_TARGET (loy_toast_target_get_type ())

G_DECLARE_FINAL_TYPE (LoyToastTarget, loy_toast_target, LOY, TOAST_TARGET, GtkWidget)

/* Where the widgets inside it show their toasts: an AdwToastOverlay around
 * its child that also remembers the toasts on show or waiting. */
GtkWidget *loy_toast_target_get_child   (LoyToastTarget *self);
void       loy_toast_target_set_child   (LoyToastTarget *self,
                                         GtkWidget      *child);
/* Takes @toast. */
void       loy_toast_target_add_toast   (LoyToastTarget *self,
                                         AdwToast       *toast);
/* Dismisses every toast now, so an action one carries out on ::dismissed
 * (a deletion behind Undo) is not lost when the window closes. */
void       loy_toast_target_dismiss_all (LoyToastTarget *self);
/* Takes @toast and shows it in the toast target around @widget; FALSE (and
 * the toast dropped) when @widget is not inside one. */
gboolean   loy_toast_target_show_from   (GtkWidget      *widget,
                                         AdwToast       *toast);

G_END_DECLS
