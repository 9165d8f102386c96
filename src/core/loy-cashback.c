/* loy-cashback.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-cashback.h"
#include "loy-error.h"

/* No order is bigger than this (10^13 currency units), so no product
 * below overflows. */
#define MAX_ORDER_CENTS ((gint64) 1000000000000000)

G_DEFINE_BOXED_TYPE (LoyCashbackQuote, loy_cashback_quote,
                     loy_cashback_quote_copy, loy_cashback_quote_free)

LoyCashbackQuote *
loy_cashback_quote_copy (const LoyCashbackQuote *quote)
{
  LoyCashbackQuote *copy;

  g_return_val_if_fail (quote != NULL, NULL);

  copy = g_memdup2 (quote, sizeof *quote);
  copy->campaign_uuid = g_strdup (quote->campaign_uuid);

  return copy;
}

void
loy_cashback_quote_free (LoyCashbackQuote *quote)
{
  if (quote == NULL)
    return;

  g_free (quote->campaign_uuid);
  g_free (quote);
}

/* Whether @a beats @b: a better rate, or the same one and older. */
static gboolean
is_better (LoyCampaign *a,
           LoyCampaign *b)
{
  gint64 value_a = loy_campaign_get_point_value_cents (a);
  gint64 value_b = loy_campaign_get_point_value_cents (b);

  if (value_a != value_b)
    return value_a > value_b;

  if (loy_campaign_get_created_at (a) != loy_campaign_get_created_at (b))
    return loy_campaign_get_created_at (a) < loy_campaign_get_created_at (b);

  /* Made in the same second: the UUID keeps the choice stable. */
  return g_strcmp0 (loy_campaign_get_uuid (a), loy_campaign_get_uuid (b)) < 0;
}

LoyCampaign *
loy_cashback_find_campaign (GPtrArray           *campaigns,
                            LoyCampaignContext  *context,
                            GDateTime           *now,
                            GError             **error)
{
  LoyCampaign *best = NULL;
  guint n_cashback = 0;

  g_return_val_if_fail (campaigns != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; i < campaigns->len; i++)
    {
      LoyCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autoptr(LoyAvailability) availability = NULL;

      if (loy_campaign_get_campaign_type (campaign) != LOY_CAMPAIGN_TYPE_CASHBACK ||
          loy_campaign_get_point_value_cents (campaign) <= 0)
        continue;

      n_cashback++;
      availability = loy_campaign_check_availability (campaign, context, now);
      if (loy_availability_get_available (availability) &&
          (best == NULL || is_better (campaign, best)))
        best = campaign;
    }

  if (best == NULL)
    g_set_error_literal (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                         n_cashback == 0
                           ? _("There is no cashback campaign")
                           : _("No cashback campaign is available to this contact now"));

  return best;
}

LoyCashbackQuote *
loy_cashback_quote (LoyCampaign  *campaign,
                    gint64        balance,
                    gint64        order_total_cents,
                    gint64        requested_points,
                    GError      **error)
{
  LoyCashbackQuote *quote;
  gint64 point_value;
  gint64 points_useful;
  gint64 points_used;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  point_value = loy_campaign_get_point_value_cents (campaign);
  if (loy_campaign_get_campaign_type (campaign) != LOY_CAMPAIGN_TYPE_CASHBACK || point_value <= 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not a cashback campaign with a point value"),
                   loy_campaign_get_name (campaign));
      return NULL;
    }

  if (order_total_cents < 1 || order_total_cents > MAX_ORDER_CENTS)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Enter an order total of more than 0"));
      return NULL;
    }

  if (requested_points < 0 && requested_points != LOY_UNSET)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The points to use cannot be negative"));
      return NULL;
    }

  /* ceil (order / point value): the last point may be worth more than
   * what is left of the order. */
  points_useful = (order_total_cents + point_value - 1) / point_value;
  points_used = MIN (MAX (balance, 0), points_useful);
  if (requested_points != LOY_UNSET)
    points_used = MIN (points_used, requested_points);

  quote = g_new0 (LoyCashbackQuote, 1);
  quote->campaign_uuid = g_strdup (loy_campaign_get_uuid (campaign));
  quote->point_value_cents = point_value;
  quote->order_total_cents = order_total_cents;
  quote->points_used = points_used;
  quote->discount_cents = MIN (points_used * point_value, order_total_cents);
  quote->to_pay_cents = order_total_cents - quote->discount_cents;

  return quote;
}

gboolean
loy_cashback_quote_confirm (const LoyCashbackQuote  *quoted,
                            const LoyCashbackQuote  *current,
                            GError                 **error)
{
  g_return_val_if_fail (quoted != NULL, FALSE);
  g_return_val_if_fail (current != NULL, FALSE);

  if (g_strcmp0 (quoted->campaign_uuid, current->campaign_uuid) != 0 ||
      quoted->point_value_cents != current->point_value_cents)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("The cashback rate changed since the quote; quote again"));
      return FALSE;
    }

  if (quoted->order_total_cents != current->order_total_cents ||
      quoted->points_used != current->points_used ||
      quoted->discount_cents != current->discount_cents)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("The contact’s points changed since the quote; quote again"));
      return FALSE;
    }

  return TRUE;
}
