/* loy-adjust-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOY_TYPE_ADJUST_DIALOG (loy_adjust_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyAdjustDialog, loy_adjust_dialog, LOY, ADJUST_DIALOG, AdwMessageDialog)

/* Asks for a signed number of points, a reason and who adjusts; responds
 * "apply" (enabled only once all three are valid) or "cancel". */
LoyAdjustDialog *loy_adjust_dialog_new               (GtkWindow       *parent,
                                                      gint64           balance,
                                                      const char      *operator_name);
/* The points as the field reads, even typed and not yet taken in by the spin
 * button; 0 while that is not a whole number. */
gint64           loy_adjust_dialog_get_credits       (LoyAdjustDialog *self);
void             loy_adjust_dialog_set_credits       (LoyAdjustDialog *self,
                                                      gint64           credits);
/* The reason as typed, without surrounding blanks. */
char            *loy_adjust_dialog_dup_reason        (LoyAdjustDialog *self);
void             loy_adjust_dialog_set_reason        (LoyAdjustDialog *self,
                                                      const char      *reason);
char            *loy_adjust_dialog_dup_operator_name (LoyAdjustDialog *self);
/* Why "apply" is disabled, or %NULL when the adjustment can be applied. */
const char      *loy_adjust_dialog_get_problem       (LoyAdjustDialog *self);

G_END_DECLS
