/* loy-number-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOY_TYPE_NUMBER_ENTRY (loy_number_entry_get_type ())

G_DECLARE_FINAL_TYPE (LoyNumberEntry, loy_number_entry, LOY, NUMBER_ENTRY, GtkWidget)

/* The app's one field for points, counts and money. It reads what was
 * typed in the user's locale (loy_number_parse_whole/_money) between its
 * minimum and maximum, never rounds or clamps, and once the user has
 * edited it says below it why a value is refused. Its owner keeps its
 * action off while loy_number_entry_get_problem() is not %NULL. */

GtkWidget  *loy_number_entry_new          (void);
/* Shows @value as the locale writes it (empty for %LOY_UNSET in an
 * optional field); the field counts as not edited again. */
void        loy_number_entry_set_value    (LoyNumberEntry *self,
                                           gint64          value);
/* %FALSE while the text is refused; an optional field left empty gives
 * %LOY_UNSET. Money is in cents. */
gboolean    loy_number_entry_get_value    (LoyNumberEntry *self,
                                           gint64         *value);
/* Why the text is refused, or %NULL; shown once edited. */
const char *loy_number_entry_get_problem  (LoyNumberEntry *self);
/* The user changed the text since it was last set. */
gboolean    loy_number_entry_get_edited   (LoyNumberEntry *self);
void        loy_number_entry_set_range    (LoyNumberEntry *self,
                                           gint64          minimum,
                                           gint64          maximum);

G_END_DECLS
