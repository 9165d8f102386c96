/* loy-cashback.h — paying for an order with points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-campaign-availability.h"

G_BEGIN_DECLS

/**
 * LoyCashbackQuote:
 * @campaign_uuid: the cashback campaign whose rate applies
 * @point_value_cents: what one point is worth
 * @order_total_cents: the order, before the discount
 * @points_used: the points the exchange takes
 * @discount_cents: what they take off the order
 * @to_pay_cents: what is left to pay
 *
 * What an exchange of points for an order would do (`--json`:
 * campaign_uuid, point_value, points_used, discount, to_pay).
 */
typedef struct
{
  char   *campaign_uuid;
  gint64  point_value_cents;
  gint64  order_total_cents;
  gint64  points_used;
  gint64  discount_cents;
  gint64  to_pay_cents;
} LoyCashbackQuote;

#define LOY_TYPE_CASHBACK_QUOTE (loy_cashback_quote_get_type ())

GType             loy_cashback_quote_get_type  (void) G_GNUC_CONST;
LoyCashbackQuote *loy_cashback_quote_copy      (const LoyCashbackQuote *quote);
void              loy_cashback_quote_free      (LoyCashbackQuote       *quote);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyCashbackQuote, loy_cashback_quote_free)

/* The cashback campaign among @campaigns (element-type LoyCampaign; other
 * types are skipped) available to the contact of @context at @now with the
 * best point value; of equal ones the one created first. %LOY_ERROR_NOT_FOUND
 * with the reason when there is none.
 * Returns: (transfer none) */
LoyCampaign      *loy_cashback_find_campaign   (GPtrArray              *campaigns,
                                                LoyCampaignContext     *context,
                                                GDateTime              *now,
                                                GError                **error);

/* The quote for an order of @order_total_cents paid with the points of a
 * contact holding @balance at @campaign's rate, using @requested_points or,
 * with LOY_UNSET, as many as are useful:
 *   points_used = min (requested, balance, ceil (order_total / point_value))
 *   discount    = min (points_used × point_value, order_total)
 *   to_pay      = order_total − discount
 * Amounts are whole cents, as the point value is, so the product is exact:
 * the only rounding is the last point, which counts in full and covers
 * whatever is left of the order (the discount never exceeds the order).
 * %LOY_ERROR_INVALID_INPUT for an order total below 1 cent, a negative
 * number of points, or a campaign that is not cashback. */
LoyCashbackQuote *loy_cashback_quote           (LoyCampaign            *campaign,
                                                gint64                  balance,
                                                gint64                  order_total_cents,
                                                gint64                  requested_points,
                                                GError                **error);

/* For an exchange: whether @current, computed inside the exchange's
 * transaction, still is the @quoted one the till showed; else
 * %LOY_ERROR_CONFLICT, "The cashback rate changed…" (another campaign or
 * point value) or "The contact's points changed…". */
gboolean          loy_cashback_quote_confirm   (const LoyCashbackQuote *quoted,
                                                const LoyCashbackQuote *current,
                                                GError                **error);

G_END_DECLS
