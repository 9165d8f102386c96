/* loy-voucher-redeem-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_VOUCHER_REDEEM_DIALOG (loy_voucher_redeem_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyVoucherRedeemDialog, loy_voucher_redeem_dialog, LOY, VOUCHER_REDEEM_DIALOG,
                      AdwMessageDialog)

/* Redeem… of a voucher: names its code and promotion, asks for the contact
 * it is redeemed for (found by search) and shows the desk's shop, with the
 * way to Preferences while none is chosen. The "redeem" response is enabled
 * once a contact is chosen and the shop is known. A voucher of a contact
 * has that contact chosen at first. */
LoyVoucherRedeemDialog *loy_voucher_redeem_dialog_new         (GtkWindow              *parent,
                                                               LoyStore               *store,
                                                               LoyVoucher             *voucher,
                                                               const char             *promotion_name);
LoyVoucher             *loy_voucher_redeem_dialog_get_voucher (LoyVoucherRedeemDialog *self);
/* The contact chosen, or %NULL. */
LoyContact             *loy_voucher_redeem_dialog_get_contact (LoyVoucherRedeemDialog *self);
/* Fills the dialog in as chosen before, with why the store refused it or
 * did not redeem it. */
void                    loy_voucher_redeem_dialog_set_chosen  (LoyVoucherRedeemDialog *self,
                                                               LoyContact             *contact,
                                                               const char             *problem);

G_END_DECLS
