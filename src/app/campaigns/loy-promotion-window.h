/* loy-promotion-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_PROMOTION_WINDOW (loy_promotion_window_get_type ())

G_DECLARE_FINAL_TYPE (LoyPromotionWindow, loy_promotion_window, LOY, PROMOTION_WINDOW, AdwWindow)

/* A Piggy promotion's page: what Piggy keeps of it, and its vouchers in the
 * server's pages (code, status, contact, redemptions left), read with
 * progress and Cancel, a failed read saying why with Try Again. From it
 * vouchers are created (one, or a batch the server makes later), found by
 * code and redeemed for a contact at the desk's shop. */
LoyPromotionWindow *loy_promotion_window_new         (GtkWindow          *parent,
                                                      LoyStore           *store,
                                                      LoyCampaign        *promotion);
LoyCampaign        *loy_promotion_window_get_promotion (LoyPromotionWindow *self);
/* The vouchers on show, or %NULL while their read is stopped. */
LoyPagedModel      *loy_promotion_window_get_vouchers (LoyPromotionWindow *self);
/* The name of the vouchers' page on show: "list", "loading", "empty",
 * "stopped" or "error". */
const char         *loy_promotion_window_get_state    (LoyPromotionWindow *self);
/* Create Vouchers…: one (a code typed or made up) or a batch; a refusal
 * opens the dialog again as typed, saying why. */
GtkWindow          *loy_promotion_window_create_vouchers (LoyPromotionWindow *self);
/* Find Voucher… (Ctrl+F): asks for a code, then shows the voucher of it
 * (status, contact, redemptions left) or that none has it. */
GtkWindow          *loy_promotion_window_find_voucher (LoyPromotionWindow *self);
/* Redeem… (offered on a voucher row and a voucher found while it can still
 * be redeemed): asks for the contact, at the desk's shop, then sends the
 * redemption once and says how it went — done (the list read again),
 * refused or not done (the dialog again as chosen, with the store's words),
 * or not known (with the way to check the voucher). While another write
 * of the page is under way it says so and returns %NULL. */
GtkWindow          *loy_promotion_window_redeem_voucher (LoyPromotionWindow *self,
                                                        LoyVoucher         *voucher);

G_END_DECLS
