/* loy-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-campaign.h"
#include "loy-domain-private.h"

struct _LoyCampaign
{
  GObject          parent_instance;

  char            *uuid;
  char            *name;
  LoyCampaignType  campaign_type;
  gint64           point_value_cents;
  LoyTargetType    target_type;
  gint64           active_from;
  gint64           active_to;
  guint            is_active : 1;
};

G_DEFINE_FINAL_TYPE (LoyCampaign, loy_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_CAMPAIGN_TYPE,
  PROP_IS_ACTIVE,
  PROP_POINT_VALUE_CENTS,
  PROP_TARGET_TYPE,
  PROP_ACTIVE_FROM,
  PROP_ACTIVE_TO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_campaign_finalize (GObject *object)
{
  LoyCampaign *self = (LoyCampaign *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (loy_campaign_parent_class)->finalize (object);
}

static void
loy_campaign_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LoyCampaign *self = LOY_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CAMPAIGN_TYPE:
      g_value_set_int (value, self->campaign_type);
      break;

    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;

    case PROP_POINT_VALUE_CENTS:
      g_value_set_int64 (value, self->point_value_cents);
      break;

    case PROP_TARGET_TYPE:
      g_value_set_int (value, self->target_type);
      break;

    case PROP_ACTIVE_FROM:
      g_value_set_int64 (value, self->active_from);
      break;

    case PROP_ACTIVE_TO:
      g_value_set_int64 (value, self->active_to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LoyCampaign *self = LOY_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_campaign_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      loy_campaign_set_name (self, g_value_get_string (value));
      break;

    case PROP_CAMPAIGN_TYPE:
      loy_campaign_set_campaign_type (self, g_value_get_int (value));
      break;

    case PROP_IS_ACTIVE:
      loy_campaign_set_is_active (self, g_value_get_boolean (value));
      break;

    case PROP_POINT_VALUE_CENTS:
      loy_campaign_set_point_value_cents (self, g_value_get_int64 (value));
      break;

    case PROP_TARGET_TYPE:
      loy_campaign_set_target_type (self, g_value_get_int (value));
      break;

    case PROP_ACTIVE_FROM:
      loy_campaign_set_active_window (self, g_value_get_int64 (value), self->active_to);
      break;

    case PROP_ACTIVE_TO:
      loy_campaign_set_active_window (self, self->active_from, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_class_init (LoyCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_campaign_finalize;
  object_class->get_property = loy_campaign_get_property;
  object_class->set_property = loy_campaign_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A LoyCampaignType. */
  properties [PROP_CAMPAIGN_TYPE] =
    g_param_spec_int ("campaign-type", NULL, NULL,
                      LOY_CAMPAIGN_TYPE_DISCOUNT_CODE, LOY_CAMPAIGN_TYPE_CASHBACK,
                      LOY_CAMPAIGN_TYPE_DISCOUNT_CODE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_ACTIVE] =
    g_param_spec_boolean ("is-active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_POINT_VALUE_CENTS] =
    g_param_spec_int64 ("point-value-cents", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A LoyTargetType. */
  properties [PROP_TARGET_TYPE] =
    g_param_spec_int ("target-type", NULL, NULL,
                      LOY_TARGET_TYPE_NONE, LOY_TARGET_TYPE_SEGMENT, LOY_TARGET_TYPE_NONE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTIVE_FROM] =
    g_param_spec_int64 ("active-from", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTIVE_TO] =
    g_param_spec_int64 ("active-to", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_campaign_init (LoyCampaign *self)
{
  self->campaign_type = LOY_CAMPAIGN_TYPE_DISCOUNT_CODE;
  self->is_active = TRUE;
  self->point_value_cents = LOY_UNSET;
  self->target_type = LOY_TARGET_TYPE_NONE;
}

LoyCampaign *
loy_campaign_new (void)
{
  return g_object_new (LOY_TYPE_CAMPAIGN, NULL);
}

const char *
loy_campaign_get_uuid (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->uuid;
}

void
loy_campaign_set_uuid (LoyCampaign *self,
                       const char  *uuid)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_campaign_get_name (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->name;
}

void
loy_campaign_set_name (LoyCampaign *self,
                       const char  *name)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

LoyCampaignType
loy_campaign_get_campaign_type (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);

  return self->campaign_type;
}

void
loy_campaign_set_campaign_type (LoyCampaign     *self,
                                LoyCampaignType  campaign_type)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (campaign_type >= LOY_CAMPAIGN_TYPE_DISCOUNT_CODE &&
                    campaign_type <= LOY_CAMPAIGN_TYPE_CASHBACK);

  if (self->campaign_type == campaign_type)
    return;

  self->campaign_type = campaign_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_TYPE]);
}

gboolean
loy_campaign_get_is_active (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), FALSE);

  return self->is_active;
}

void
loy_campaign_set_is_active (LoyCampaign *self,
                            gboolean     is_active)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  is_active = !!is_active;

  if (self->is_active == is_active)
    return;

  self->is_active = is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_ACTIVE]);
}

gint64
loy_campaign_get_point_value_cents (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->point_value_cents;
}

void
loy_campaign_set_point_value_cents (LoyCampaign *self,
                                    gint64       cents)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (cents >= LOY_UNSET);

  if (self->point_value_cents == cents)
    return;

  self->point_value_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POINT_VALUE_CENTS]);
}

LoyTargetType
loy_campaign_get_target_type (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_TARGET_TYPE_NONE);

  return self->target_type;
}

void
loy_campaign_set_target_type (LoyCampaign   *self,
                              LoyTargetType  target_type)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (target_type >= LOY_TARGET_TYPE_NONE &&
                    target_type <= LOY_TARGET_TYPE_SEGMENT);

  if (self->target_type == target_type)
    return;

  self->target_type = target_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET_TYPE]);
}

gint64
loy_campaign_get_active_from (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->active_from;
}

gint64
loy_campaign_get_active_to (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->active_to;
}

void
loy_campaign_set_active_window (LoyCampaign *self,
                                gint64       active_from,
                                gint64       active_to)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->active_from != active_from)
    {
      self->active_from = active_from;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE_FROM]);
    }

  if (self->active_to != active_to)
    {
      self->active_to = active_to;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE_TO]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
