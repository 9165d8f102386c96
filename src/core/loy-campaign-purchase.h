/* loy-campaign-purchase.h — a campaign's coupon that a contact bought
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

/**
 * LoyPurchaseStatus:
 *
 * Where a purchase's coupon stands at a moment: waiting for its days
 * inactive to pass, usable, past its days valid, or cancelled.
 */
typedef enum
{
  LOY_PURCHASE_STATUS_INACTIVE,  /*< nick=inactive >*/
  LOY_PURCHASE_STATUS_ACTIVE,    /*< nick=active >*/
  LOY_PURCHASE_STATUS_EXPIRED,   /*< nick=expired >*/
  LOY_PURCHASE_STATUS_CANCELLED, /*< nick=cancelled >*/
} LoyPurchaseStatus;

/**
 * LoyDeliveryStatus:
 *
 * A gift's way to the contact; %LOY_DELIVERY_STATUS_NONE for coupons that
 * are not delivered.
 */
typedef enum
{
  LOY_DELIVERY_STATUS_NONE,      /*< nick=none >*/
  LOY_DELIVERY_STATUS_ORDERED,   /*< nick=ordered >*/
  LOY_DELIVERY_STATUS_SHIPPED,   /*< nick=shipped >*/
  LOY_DELIVERY_STATUS_DELIVERED, /*< nick=delivered >*/
  LOY_DELIVERY_STATUS_CANCELLED, /*< nick=cancelled >*/
} LoyDeliveryStatus;

#define LOY_TYPE_CAMPAIGN_PURCHASE (loy_campaign_purchase_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignPurchase, loy_campaign_purchase, LOY, CAMPAIGN_PURCHASE, GObject)

/* Times are Unix seconds; 0 for "not yet" (used, cancelled) or, for
 * active_to, "valid forever". */
LoyCampaignPurchase *loy_campaign_purchase_new                (const char          *uuid);
const char          *loy_campaign_purchase_get_uuid           (LoyCampaignPurchase *self);
const char          *loy_campaign_purchase_get_campaign_uuid  (LoyCampaignPurchase *self);
/* The campaign's name in its default language. */
const char          *loy_campaign_purchase_get_campaign_name  (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_campaign       (LoyCampaignPurchase *self,
                                                               const char          *uuid,
                                                               const char          *name,
                                                               LoyCampaignType      campaign_type);
LoyCampaignType      loy_campaign_purchase_get_campaign_type  (LoyCampaignPurchase *self);
const char          *loy_campaign_purchase_get_contact_uuid   (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_contact_uuid   (LoyCampaignPurchase *self,
                                                               const char          *uuid);
const char          *loy_campaign_purchase_get_code           (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_code           (LoyCampaignPurchase *self,
                                                               const char          *code);
gint64               loy_campaign_purchase_get_cost_in_points (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_cost_in_points (LoyCampaignPurchase *self,
                                                               gint64               cost);
/* The ledger entry that paid for it. */
const char          *loy_campaign_purchase_get_entry_uuid     (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_entry_uuid     (LoyCampaignPurchase *self,
                                                               const char          *uuid);
/* A percentage discount code's value in cents, and the purchase entry
 * (a credit reception) it was issued against; LOY_UNSET and %NULL for
 * the coupons bought with points. */
gint64               loy_campaign_purchase_get_value_cents    (LoyCampaignPurchase *self);
const char          *loy_campaign_purchase_get_source_entry_uuid (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_voucher        (LoyCampaignPurchase *self,
                                                               gint64               value_cents,
                                                               const char          *source_entry_uuid);
gint64               loy_campaign_purchase_get_created_at     (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_created_at     (LoyCampaignPurchase *self,
                                                               gint64               created_at);
gint64               loy_campaign_purchase_get_active_from    (LoyCampaignPurchase *self);
gint64               loy_campaign_purchase_get_active_to      (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_validity       (LoyCampaignPurchase *self,
                                                               gint64               active_from,
                                                               gint64               active_to);
gint64               loy_campaign_purchase_get_used_at        (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_used_at        (LoyCampaignPurchase *self,
                                                               gint64               used_at);
gint64               loy_campaign_purchase_get_cancelled_at   (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_cancelled_at   (LoyCampaignPurchase *self,
                                                               gint64               cancelled_at);
LoyDeliveryStatus    loy_campaign_purchase_get_delivery_status (LoyCampaignPurchase *self);
void                 loy_campaign_purchase_set_delivery_status (LoyCampaignPurchase *self,
                                                               LoyDeliveryStatus    status);
/* Computed from the times, so no job has to move it along (unlike Open
 * Loyalty's cron jobs). */
LoyPurchaseStatus    loy_campaign_purchase_get_status         (LoyCampaignPurchase *self,
                                                               gint64               now);
/* "Active", "Cancelled", …, translated. */
const char          *loy_purchase_status_get_label            (LoyPurchaseStatus    status);
const char          *loy_delivery_status_get_label            (LoyDeliveryStatus    status);

G_END_DECLS
