/* loy-cashback-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CASHBACK_DIALOG (loy_cashback_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyCashbackDialog, loy_cashback_dialog, LOY, CASHBACK_DIALOG, AdwWindow)

/* Pay with Points at the till: the order total, optionally the points to
 * use and the order's reference; a quote from the store as they are typed,
 * and Exchange. A refusal stays in the dialog with what was typed; once
 * the store has taken the points, ::exchanged gives the ledger entry and
 * the dialog closes. */
LoyCashbackDialog      *loy_cashback_dialog_new         (GtkWindow         *parent,
                                                         LoyStore          *store,
                                                         LoyContact        *contact);
/* (nullable): the quote shown, which Exchange sends */
const LoyCashbackQuote *loy_cashback_dialog_get_quote   (LoyCashbackDialog *self);
/* (nullable): the refusal or error shown */
const char             *loy_cashback_dialog_get_problem (LoyCashbackDialog *self);
/* Waiting for a quote (or its pause) or an exchange. */
gboolean                loy_cashback_dialog_get_busy    (LoyCashbackDialog *self);

G_END_DECLS
