/* loy-campaign-type.c — the campaign types, the fields each uses, and those a campaign fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-campaign.h"
#include "loy-campaign-private.h"
#include "loy-domain-private.h"

#define COUPON_FIELDS (LOY_CAMPAIGN_FIELD_COST_IN_POINTS | LOY_CAMPAIGN_FIELD_LIMITS | \
                       LOY_CAMPAIGN_FIELD_COUPONS | LOY_CAMPAIGN_FIELD_VISIBILITY | \
                       LOY_CAMPAIGN_FIELD_DAYS)

static const struct
{
  const char        *label;
  const char        *description;
  LoyCampaignFields  fields;
} campaign_types[] = {
  [LOY_CAMPAIGN_TYPE_DISCOUNT_CODE] = {
    N_("Discount code"), N_("A percentage off, with a code from the campaign’s pool"),
    COUPON_FIELDS },
  [LOY_CAMPAIGN_TYPE_VALUE_CODE] = {
    N_("Value code"), N_("An amount of money off, with a code"), COUPON_FIELDS },
  [LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE] = {
    N_("Free delivery code"), N_("Free shipping, with a code"), COUPON_FIELDS },
  [LOY_CAMPAIGN_TYPE_GIFT_CODE] = {
    N_("Gift code"), N_("A physical gift; its code is a reference for the delivery"),
    COUPON_FIELDS },
  [LOY_CAMPAIGN_TYPE_EVENT_CODE] = {
    N_("Event code"), N_("An invitation to an event"), COUPON_FIELDS },
  [LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE] = {
    N_("Percentage discount code"), N_("A voucher worth a share of a purchase the contact made"),
    LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE | LOY_CAMPAIGN_FIELD_DAYS },
  [LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE] = {
    N_("Custom campaign"), N_("Anything else, shown to the contact with a QR code or a place"),
    LOY_CAMPAIGN_FIELD_VISIBILITY | LOY_CAMPAIGN_FIELD_CONNECT_TYPE },
  [LOY_CAMPAIGN_TYPE_CASHBACK] = {
    N_("Cashback"), N_("Points pay for an order at the till"),
    LOY_CAMPAIGN_FIELD_POINT_VALUE | LOY_CAMPAIGN_FIELD_VISIBILITY },
};

G_STATIC_ASSERT (G_N_ELEMENTS (campaign_types) == LOY_N_CAMPAIGN_TYPES);

const char *
loy_campaign_type_get_label (LoyCampaignType type)
{
  g_return_val_if_fail (type < LOY_N_CAMPAIGN_TYPES, NULL);

  return _(campaign_types[type].label);
}

const char *
loy_campaign_type_get_description (LoyCampaignType type)
{
  g_return_val_if_fail (type < LOY_N_CAMPAIGN_TYPES, NULL);

  return _(campaign_types[type].description);
}

gboolean
loy_campaign_type_is_coupon (LoyCampaignType type)
{
  return type <= LOY_CAMPAIGN_TYPE_EVENT_CODE;
}

LoyCampaignFields
loy_campaign_type_get_fields (LoyCampaignType type)
{
  g_return_val_if_fail (type < LOY_N_CAMPAIGN_TYPES, 0);

  return campaign_types[type].fields;
}

LoyCampaignFields
loy_campaign_get_filled_fields (LoyCampaign *self)
{
  LoyCampaignFields fields = 0;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  if (self->cost_in_points != 0)
    fields |= LOY_CAMPAIGN_FIELD_COST_IN_POINTS;
  if (self->point_value_cents != LOY_UNSET)
    fields |= LOY_CAMPAIGN_FIELD_POINT_VALUE;
  if (self->transaction_percentage != 0)
    fields |= LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE;
  if (self->limit != LOY_UNSET || self->limit_per_contact != LOY_UNSET)
    fields |= LOY_CAMPAIGN_FIELD_LIMITS;
  if (self->code_group_uuid != NULL || self->shared_code != NULL)
    fields |= LOY_CAMPAIGN_FIELD_COUPONS;
  if (!self->visibility_all_time)
    fields |= LOY_CAMPAIGN_FIELD_VISIBILITY;
  if (self->days_inactive != 0 || self->days_valid != 0)
    fields |= LOY_CAMPAIGN_FIELD_DAYS;
  if (self->connect_type != LOY_CONNECT_TYPE_UNSET)
    fields |= LOY_CAMPAIGN_FIELD_CONNECT_TYPE;

  return fields;
}

void
loy_campaign_clear_fields (LoyCampaign       *self,
                           LoyCampaignFields  fields)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS)
    loy_campaign_set_cost_in_points (self, 0);
  if (fields & LOY_CAMPAIGN_FIELD_POINT_VALUE)
    loy_campaign_set_point_value_cents (self, LOY_UNSET);
  if (fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE)
    loy_campaign_set_transaction_percentage (self, 0);
  if (fields & LOY_CAMPAIGN_FIELD_LIMITS)
    {
      loy_campaign_set_limit (self, LOY_UNSET);
      loy_campaign_set_limit_per_contact (self, LOY_UNSET);
    }
  if (fields & LOY_CAMPAIGN_FIELD_COUPONS)
    {
      loy_campaign_set_code_group_uuid (self, NULL);
      loy_campaign_set_shared_code (self, NULL);
    }
  if (fields & LOY_CAMPAIGN_FIELD_VISIBILITY)
    loy_campaign_set_visibility (self, TRUE, 0, 0);
  if (fields & LOY_CAMPAIGN_FIELD_DAYS)
    {
      loy_campaign_set_days_inactive (self, 0);
      loy_campaign_set_days_valid (self, 0);
    }
  if (fields & LOY_CAMPAIGN_FIELD_CONNECT_TYPE)
    loy_campaign_set_connect_type (self, LOY_CONNECT_TYPE_UNSET);

  g_object_thaw_notify (G_OBJECT (self));
}
