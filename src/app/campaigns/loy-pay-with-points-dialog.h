/* loy-pay-with-points-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_PAY_WITH_POINTS_DIALOG (loy_pay_with_points_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyPayWithPointsDialog, loy_pay_with_points_dialog, LOY, PAY_WITH_POINTS_DIALOG, AdwMessageDialog)

/* Cashback at the till: the order total (and the points, if not as many as
 * are useful) give a live quote from the store, asked as typing pauses;
 * its owner exchanges the quote on ::response "exchange". */
LoyPayWithPointsDialog *loy_pay_with_points_dialog_new       (GtkWindow              *parent,
                                                              LoyStore               *store,
                                                              LoyContact             *contact);
/* The quote on show, or %NULL while there is none. */
const LoyCashbackQuote *loy_pay_with_points_dialog_get_quote (LoyPayWithPointsDialog *self);
char                   *loy_pay_with_points_dialog_dup_reference (LoyPayWithPointsDialog *self);

G_END_DECLS
