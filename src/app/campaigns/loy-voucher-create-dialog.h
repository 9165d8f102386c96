/* loy-voucher-create-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOY_TYPE_VOUCHER_CREATE_DIALOG (loy_voucher_create_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyVoucherCreateDialog, loy_voucher_create_dialog, LOY, VOUCHER_CREATE_DIALOG,
                      AdwMessageDialog)

/* Create Vouchers… of a promotion: one voucher, with a code typed or one
 * made up, or a batch of up to 500 that the server makes later. The
 * "create" response is enabled only for a valid choice. */
LoyVoucherCreateDialog *loy_voucher_create_dialog_new          (GtkWindow              *parent,
                                                                const char             *promotion_name);
/* The code typed, without blanks; %NULL for one made up (or a batch). */
char                   *loy_voucher_create_dialog_dup_code     (LoyVoucherCreateDialog *self);
/* How many vouchers the batch asks for; 0 for one voucher. */
guint                   loy_voucher_create_dialog_get_quantity (LoyVoucherCreateDialog *self);
/* Fills the dialog in as typed before, with why the store refused it. */
void                    loy_voucher_create_dialog_set_typed    (LoyVoucherCreateDialog *self,
                                                                const char             *code,
                                                                guint                   quantity,
                                                                const char             *problem);

G_END_DECLS
