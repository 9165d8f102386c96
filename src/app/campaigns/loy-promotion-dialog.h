/* loy-promotion-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_PROMOTION_DIALOG (loy_promotion_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyPromotionDialog, loy_promotion_dialog, LOY, PROMOTION_DIALOG, AdwWindow)

/* New Promotion… on a Piggy account: the fields a promotion has (name,
 * description, voucher limit, limit per contact, days valid) and nothing
 * else, each refusal shown at its field and Create off until all are
 * valid. It creates the promotion itself, emits ::created with it as
 * stored and closes; a failure is shown in the dialog, what was typed kept. */
LoyPromotionDialog *loy_promotion_dialog_new (GtkWindow *parent,
                                              LoyStore  *store);

G_END_DECLS
