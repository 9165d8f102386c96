/* loy-figure-card.h — one of the Overview's figures: its value, what it is,
 * and how it changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOY_TYPE_FIGURE_CARD (loy_figure_card_get_type ())

G_DECLARE_FINAL_TYPE (LoyFigureCard, loy_figure_card, LOY, FIGURE_CARD, GtkWidget)

GtkWidget  *loy_figure_card_new        (const char    *caption);
/* @value as shown, and a line under it (the change, a money value), or NULL. */
void        loy_figure_card_set        (LoyFigureCard *self,
                                        const char    *value,
                                        const char    *note);
const char *loy_figure_card_get_value  (LoyFigureCard *self);
const char *loy_figure_card_get_note   (LoyFigureCard *self);

/* "+12 % on the period before", "No change", "Up from none": @value against @previous. */
char       *loy_figure_card_format_change (gint64      value,
                                           gint64      previous);

G_END_DECLS
