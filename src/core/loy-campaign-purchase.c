/* loy-campaign-purchase.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-campaign-purchase.h"

struct _LoyCampaignPurchase
{
  GObject            parent_instance;

  char              *uuid;
  char              *campaign_uuid;
  char              *campaign_name;
  LoyCampaignType    campaign_type;
  char              *contact_uuid;
  char              *code;
  char              *entry_uuid;
  char              *source_entry_uuid;
  gint64             cost_in_points;
  gint64             value_cents;
  gint64             created_at;
  gint64             active_from;
  gint64             active_to;
  gint64             used_at;
  gint64             cancelled_at;
  LoyDeliveryStatus  delivery_status;
};

G_DEFINE_FINAL_TYPE (LoyCampaignPurchase, loy_campaign_purchase, G_TYPE_OBJECT)

/* Whether *@str changed to a copy of @value (g_set_str() is GLib 2.76). */
static gboolean
replace_str (char       **str,
             const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

enum {
  PROP_0,
  PROP_UUID,
  PROP_CAMPAIGN_NAME,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_campaign_purchase_finalize (GObject *object)
{
  LoyCampaignPurchase *self = (LoyCampaignPurchase *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->campaign_uuid, g_free);
  g_clear_pointer (&self->campaign_name, g_free);
  g_clear_pointer (&self->contact_uuid, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->entry_uuid, g_free);
  g_clear_pointer (&self->source_entry_uuid, g_free);

  G_OBJECT_CLASS (loy_campaign_purchase_parent_class)->finalize (object);
}

static void
loy_campaign_purchase_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LoyCampaignPurchase *self = LOY_CAMPAIGN_PURCHASE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CAMPAIGN_NAME:
      g_value_set_string (value, self->campaign_name);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_purchase_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LoyCampaignPurchase *self = LOY_CAMPAIGN_PURCHASE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_purchase_class_init (LoyCampaignPurchaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_campaign_purchase_finalize;
  object_class->get_property = loy_campaign_purchase_get_property;
  object_class->set_property = loy_campaign_purchase_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAMPAIGN_NAME] =
    g_param_spec_string ("campaign-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_campaign_purchase_init (LoyCampaignPurchase *self)
{
  self->value_cents = LOY_UNSET;
}

LoyCampaignPurchase *
loy_campaign_purchase_new (const char *uuid)
{
  return g_object_new (LOY_TYPE_CAMPAIGN_PURCHASE, "uuid", uuid, NULL);
}

const char *
loy_campaign_purchase_get_uuid (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->uuid;
}

const char *
loy_campaign_purchase_get_campaign_uuid (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->campaign_uuid;
}

const char *
loy_campaign_purchase_get_campaign_name (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->campaign_name;
}

LoyCampaignType
loy_campaign_purchase_get_campaign_type (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);

  return self->campaign_type;
}

void
loy_campaign_purchase_set_campaign (LoyCampaignPurchase *self,
                                    const char          *uuid,
                                    const char          *name,
                                    LoyCampaignType      campaign_type)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  replace_str (&self->campaign_uuid, uuid);
  self->campaign_type = campaign_type;
  if (replace_str (&self->campaign_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_NAME]);
}

const char *
loy_campaign_purchase_get_contact_uuid (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->contact_uuid;
}

void
loy_campaign_purchase_set_contact_uuid (LoyCampaignPurchase *self,
                                        const char          *uuid)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  replace_str (&self->contact_uuid, uuid);
}

const char *
loy_campaign_purchase_get_code (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->code;
}

void
loy_campaign_purchase_set_code (LoyCampaignPurchase *self,
                                const char          *code)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  if (replace_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

gint64
loy_campaign_purchase_get_cost_in_points (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), 0);

  return self->cost_in_points;
}

void
loy_campaign_purchase_set_cost_in_points (LoyCampaignPurchase *self,
                                          gint64               cost)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->cost_in_points = cost;
}

const char *
loy_campaign_purchase_get_entry_uuid (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->entry_uuid;
}

void
loy_campaign_purchase_set_entry_uuid (LoyCampaignPurchase *self,
                                      const char          *uuid)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  replace_str (&self->entry_uuid, uuid);
}

gint64
loy_campaign_purchase_get_value_cents (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), LOY_UNSET);

  return self->value_cents;
}

const char *
loy_campaign_purchase_get_source_entry_uuid (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), NULL);

  return self->source_entry_uuid;
}

void
loy_campaign_purchase_set_voucher (LoyCampaignPurchase *self,
                                   gint64               value_cents,
                                   const char          *source_entry_uuid)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->value_cents = value_cents;
  replace_str (&self->source_entry_uuid, source_entry_uuid);
}

gint64
loy_campaign_purchase_get_created_at (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), 0);

  return self->created_at;
}

void
loy_campaign_purchase_set_created_at (LoyCampaignPurchase *self,
                                      gint64               created_at)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->created_at = created_at;
}

gint64
loy_campaign_purchase_get_active_from (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), 0);

  return self->active_from;
}

gint64
loy_campaign_purchase_get_active_to (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), 0);

  return self->active_to;
}

void
loy_campaign_purchase_set_validity (LoyCampaignPurchase *self,
                                    gint64               active_from,
                                    gint64               active_to)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->active_from = active_from;
  self->active_to = active_to;
}

gint64
loy_campaign_purchase_get_used_at (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), 0);

  return self->used_at;
}

void
loy_campaign_purchase_set_used_at (LoyCampaignPurchase *self,
                                   gint64               used_at)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->used_at = used_at;
}

gint64
loy_campaign_purchase_get_cancelled_at (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), 0);

  return self->cancelled_at;
}

void
loy_campaign_purchase_set_cancelled_at (LoyCampaignPurchase *self,
                                        gint64               cancelled_at)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->cancelled_at = cancelled_at;
}

LoyDeliveryStatus
loy_campaign_purchase_get_delivery_status (LoyCampaignPurchase *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), LOY_DELIVERY_STATUS_NONE);

  return self->delivery_status;
}

void
loy_campaign_purchase_set_delivery_status (LoyCampaignPurchase *self,
                                           LoyDeliveryStatus    status)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self));

  self->delivery_status = status;
}

LoyPurchaseStatus
loy_campaign_purchase_get_status (LoyCampaignPurchase *self,
                                  gint64               now)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (self), LOY_PURCHASE_STATUS_CANCELLED);

  if (self->cancelled_at != 0)
    return LOY_PURCHASE_STATUS_CANCELLED;
  if (now < self->active_from)
    return LOY_PURCHASE_STATUS_INACTIVE;
  if (self->active_to != 0 && now > self->active_to)
    return LOY_PURCHASE_STATUS_EXPIRED;

  return LOY_PURCHASE_STATUS_ACTIVE;
}

const char *
loy_purchase_status_get_label (LoyPurchaseStatus status)
{
  switch (status)
    {
    case LOY_PURCHASE_STATUS_INACTIVE:
      /* Translators: a coupon bought that cannot be used yet */
      return _("Not active yet");
    case LOY_PURCHASE_STATUS_ACTIVE:
      return _("Active");
    case LOY_PURCHASE_STATUS_EXPIRED:
      return _("Expired");
    case LOY_PURCHASE_STATUS_CANCELLED:
      return _("Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
loy_delivery_status_get_label (LoyDeliveryStatus status)
{
  switch (status)
    {
    case LOY_DELIVERY_STATUS_NONE:
      return "";
    case LOY_DELIVERY_STATUS_ORDERED:
      /* Translators: a gift's delivery */
      return _("Ordered");
    case LOY_DELIVERY_STATUS_SHIPPED:
      return _("Shipped");
    case LOY_DELIVERY_STATUS_DELIVERED:
      return _("Delivered");
    case LOY_DELIVERY_STATUS_CANCELLED:
      /* Translators: a gift's delivery */
      return C_("delivery", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}
