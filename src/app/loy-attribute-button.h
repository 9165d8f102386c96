/* loy-attribute-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_ATTRIBUTE_BUTTON (loy_attribute_button_get_type ())

G_DECLARE_FINAL_TYPE (LoyAttributeButton, loy_attribute_button, LOY, ATTRIBUTE_BUTTON, GtkWidget)

/* Fills @attributes (of LoyContactAttribute) with the contact attributes
 * @store knows, most common first; leaves it empty where the store cannot
 * list them, as a remote account. */
void        loy_attribute_button_load_attributes (LoyStore           *store,
                                                  GListStore         *attributes,
                                                  GCancellable       *cancellable);

/* @attributes: (element-type LoyContactAttribute): what the button offers;
 * with none it hides, and the name is typed. */
void        loy_attribute_button_set_attributes  (LoyAttributeButton *self,
                                                  GListModel         *attributes);
/* Whether date attributes come first, for a condition on a yearly date. */
void        loy_attribute_button_set_dates_first (LoyAttributeButton *self,
                                                  gboolean            dates_first);

G_END_DECLS
