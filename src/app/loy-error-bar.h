/* loy-error-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOY_TYPE_ERROR_BAR (loy_error_bar_get_type ())

G_DECLARE_FINAL_TYPE (LoyErrorBar, loy_error_bar, LOY, ERROR_BAR, GtkWidget)

/* A card above a window's content that says why something failed, until it
 * is hidden or the user closes it. */
void        loy_error_bar_show        (LoyErrorBar *self,
                                       const char  *message);
void        loy_error_bar_hide        (LoyErrorBar *self);
/* The message on show, or %NULL. */
const char *loy_error_bar_get_message (LoyErrorBar *self);

G_END_DECLS
