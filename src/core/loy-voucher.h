/* loy-voucher.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

/**
 * LoyVoucherStatus:
 *
 * Where a voucher of a Piggy promotion stands, in the API's words.
 */
typedef enum
{
  LOY_VOUCHER_STATUS_ACTIVE,      /*< nick=ACTIVE >*/
  LOY_VOUCHER_STATUS_REDEEMED,    /*< nick=REDEEMED >*/
  LOY_VOUCHER_STATUS_EXPIRED,     /*< nick=EXPIRED >*/
  LOY_VOUCHER_STATUS_DEACTIVATED, /*< nick=DEACTIVATED >*/
  LOY_VOUCHER_STATUS_INACTIVE,    /*< nick=INACTIVE >*/
  LOY_VOUCHER_STATUS_LOCKED,      /*< nick=LOCKED >*/
} LoyVoucherStatus;

#define LOY_TYPE_VOUCHER (loy_voucher_get_type ())

G_DECLARE_FINAL_TYPE (LoyVoucher, loy_voucher, LOY, VOUCHER, GObject)

/**
 * LoyVoucher:
 *
 * A code of a promotion (a remote account's coupon campaign): unlike a
 * #LoyCode of a code group it can expire, be locked or deactivated, belong
 * to a contact before it is used, and be used more than once.
 */
LoyVoucher       *loy_voucher_new                       (const char       *uuid,
                                                         const char       *code);
const char       *loy_voucher_get_uuid                  (LoyVoucher       *self);
const char       *loy_voucher_get_code                  (LoyVoucher       *self);
LoyVoucherStatus  loy_voucher_get_status                (LoyVoucher       *self);
void              loy_voucher_set_status                (LoyVoucher       *self,
                                                         LoyVoucherStatus  status);
/* The voucher's own name, or NULL. */
const char       *loy_voucher_get_name                  (LoyVoucher       *self);
void              loy_voucher_set_name                  (LoyVoucher       *self,
                                                         const char       *name);
const char       *loy_voucher_get_promotion_uuid        (LoyVoucher       *self);
void              loy_voucher_set_promotion_uuid        (LoyVoucher       *self,
                                                         const char       *promotion_uuid);
/* The contact it belongs to, or NULL for anyone's. */
const char       *loy_voucher_get_contact_uuid          (LoyVoucher       *self);
void              loy_voucher_set_contact_uuid          (LoyVoucher       *self,
                                                         const char       *contact_uuid);
const char       *loy_voucher_get_contact_email         (LoyVoucher       *self);
void              loy_voucher_set_contact_email         (LoyVoucher       *self,
                                                         const char       *contact_email);
/* Unix seconds; 0 when not set. */
gint64            loy_voucher_get_activates_at          (LoyVoucher       *self);
void              loy_voucher_set_activates_at          (LoyVoucher       *self,
                                                         gint64            unix_seconds);
gint64            loy_voucher_get_expires_at            (LoyVoucher       *self);
void              loy_voucher_set_expires_at            (LoyVoucher       *self,
                                                         gint64            unix_seconds);
/* When it was last redeemed; 0 for never. */
gint64            loy_voucher_get_redeemed_at           (LoyVoucher       *self);
void              loy_voucher_set_redeemed_at           (LoyVoucher       *self,
                                                         gint64            unix_seconds);
/* How many more times it can be redeemed; LOY_UNSET when not known. */
gint64            loy_voucher_get_redemptions_left      (LoyVoucher       *self);
void              loy_voucher_set_redemptions_left      (LoyVoucher       *self,
                                                         gint64            redemptions_left);
/* Whether its status lets it be redeemed now. */
gboolean          loy_voucher_is_redeemable             (LoyVoucher       *self);
/* A translated word for @status ("Active", "Redeemed", …). */
const char       *loy_voucher_status_to_string          (LoyVoucherStatus  status);
/* The status of the API's word (case-insensitive); FALSE for another. */
gboolean          loy_voucher_status_from_string        (const char       *text,
                                                         LoyVoucherStatus *status);

G_END_DECLS
