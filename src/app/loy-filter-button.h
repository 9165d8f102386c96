/* loy-filter-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOY_TYPE_FILTER_BUTTON (loy_filter_button_get_type ())

G_DECLARE_FINAL_TYPE (LoyFilterButton, loy_filter_button, LOY, FILTER_BUTTON, GtkWidget)

/* A row of the popover: @label (with a mnemonic) beside a dropdown of
 * @choices (strings), the first of which is "any": Clear Filters chooses
 * it again. ::changed follows the choice. */
GtkDropDown   *loy_filter_button_add_dropdown    (LoyFilterButton    *self,
                                                  const char         *label,
                                                  const char * const *choices);
/* A row with a widget of the section's own, which says what it filters on
 * with loy_filter_button_set_row_summary() and empties it on ::cleared;
 * or that filters nothing, such as the list's order, which Clear Filters
 * leaves as it is. */
void           loy_filter_button_add_row         (LoyFilterButton    *self,
                                                  const char         *label,
                                                  GtkWidget          *widget);
/* What @widget's row filters on now, in words ("Food, Drinks"), or %NULL
 * for nothing. */
void           loy_filter_button_set_row_summary (LoyFilterButton    *self,
                                                  GtkWidget          *widget,
                                                  const char         *summary);
/* Whether a row filters on anything. */
gboolean       loy_filter_button_get_filtered    (LoyFilterButton    *self);
/* Every row that filters, as "Type: Cashback · Category: Food", or %NULL. */
const char    *loy_filter_button_get_summary     (LoyFilterButton    *self);
/* Every row back to "any": ::cleared, then ::changed once. */
void           loy_filter_button_clear           (LoyFilterButton    *self);
GtkMenuButton *loy_filter_button_get_menu_button (LoyFilterButton    *self);

G_END_DECLS
