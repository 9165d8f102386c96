/* loy-code-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-code-group.h"
#include "loy-domain-private.h"

struct _LoyCodeGroup
{
  GObject  parent_instance;

  char    *uuid;
  char    *name;
  char    *reward_uuid;
  char    *reward_title;
  char    *campaign_name;
  gint64   total;
  gint64   available;
  gint64   low_stock_threshold;
  gint64   issued_last_30_days;
};

G_DEFINE_FINAL_TYPE (LoyCodeGroup, loy_code_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_REWARD_UUID,
  PROP_REWARD_TITLE,
  PROP_CAMPAIGN_NAME,
  PROP_TOTAL,
  PROP_AVAILABLE,
  PROP_ISSUED,
  PROP_LOW_STOCK_THRESHOLD,
  PROP_LOW_ON_STOCK,
  PROP_ISSUED_LAST_30_DAYS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_code_group_finalize (GObject *object)
{
  LoyCodeGroup *self = (LoyCodeGroup *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->reward_uuid, g_free);
  g_clear_pointer (&self->reward_title, g_free);
  g_clear_pointer (&self->campaign_name, g_free);

  G_OBJECT_CLASS (loy_code_group_parent_class)->finalize (object);
}

static void
loy_code_group_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LoyCodeGroup *self = LOY_CODE_GROUP (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_REWARD_UUID:
      g_value_set_string (value, self->reward_uuid);
      break;

    case PROP_REWARD_TITLE:
      g_value_set_string (value, self->reward_title);
      break;

    case PROP_CAMPAIGN_NAME:
      g_value_set_string (value, self->campaign_name);
      break;

    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;

    case PROP_AVAILABLE:
      g_value_set_int64 (value, self->available);
      break;

    case PROP_ISSUED:
      g_value_set_int64 (value, loy_code_group_get_issued (self));
      break;

    case PROP_LOW_STOCK_THRESHOLD:
      g_value_set_int64 (value, self->low_stock_threshold);
      break;

    case PROP_LOW_ON_STOCK:
      g_value_set_boolean (value, loy_code_group_is_low_on_stock (self));
      break;

    case PROP_ISSUED_LAST_30_DAYS:
      g_value_set_int64 (value, self->issued_last_30_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_code_group_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LoyCodeGroup *self = LOY_CODE_GROUP (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_code_group_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      loy_code_group_set_name (self, g_value_get_string (value));
      break;

    case PROP_REWARD_UUID:
      loy_code_group_set_reward_uuid (self, g_value_get_string (value));
      break;

    case PROP_REWARD_TITLE:
      loy_code_group_set_reward_title (self, g_value_get_string (value));
      break;

    case PROP_CAMPAIGN_NAME:
      loy_code_group_set_campaign_name (self, g_value_get_string (value));
      break;

    case PROP_LOW_STOCK_THRESHOLD:
      loy_code_group_set_low_stock_threshold (self, g_value_get_int64 (value));
      break;

    case PROP_ISSUED_LAST_30_DAYS:
      loy_code_group_set_issued_last_30_days (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_code_group_class_init (LoyCodeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_code_group_finalize;
  object_class->get_property = loy_code_group_get_property;
  object_class->set_property = loy_code_group_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REWARD_UUID] =
    g_param_spec_string ("reward-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REWARD_TITLE] =
    g_param_spec_string ("reward-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAMPAIGN_NAME] =
    g_param_spec_string ("campaign-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The counts only change together, through loy_code_group_set_counts(),
   * so that available never exceeds total. */
  properties [PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AVAILABLE] =
    g_param_spec_int64 ("available", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ISSUED] =
    g_param_spec_int64 ("issued", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 turns the low-stock warning off. */
  properties [PROP_LOW_STOCK_THRESHOLD] =
    g_param_spec_int64 ("low-stock-threshold", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOW_ON_STOCK] =
    g_param_spec_boolean ("low-on-stock", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* How many codes went to contacts in the 30 days before the group was
   * read: the rate loy_code_group_forecast_empty_at() extrapolates. */
  properties [PROP_ISSUED_LAST_30_DAYS] =
    g_param_spec_int64 ("issued-last-30-days", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_code_group_init (LoyCodeGroup *self)
{
}

LoyCodeGroup *
loy_code_group_new (void)
{
  return g_object_new (LOY_TYPE_CODE_GROUP, NULL);
}

const char *
loy_code_group_get_uuid (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), NULL);

  return self->uuid;
}

void
loy_code_group_set_uuid (LoyCodeGroup *self,
                         const char   *uuid)
{
  g_return_if_fail (LOY_IS_CODE_GROUP (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_code_group_get_name (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), NULL);

  return self->name;
}

void
loy_code_group_set_name (LoyCodeGroup *self,
                         const char   *name)
{
  g_return_if_fail (LOY_IS_CODE_GROUP (self));

  if (_loy_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
loy_code_group_get_reward_uuid (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), NULL);

  return self->reward_uuid;
}

void
loy_code_group_set_reward_uuid (LoyCodeGroup *self,
                                const char   *reward_uuid)
{
  g_return_if_fail (LOY_IS_CODE_GROUP (self));

  if (_loy_set_str (&self->reward_uuid, reward_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REWARD_UUID]);
}

const char *
loy_code_group_get_reward_title (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), NULL);

  return self->reward_title;
}

void
loy_code_group_set_reward_title (LoyCodeGroup *self,
                                 const char   *reward_title)
{
  g_return_if_fail (LOY_IS_CODE_GROUP (self));

  if (_loy_set_str (&self->reward_title, reward_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REWARD_TITLE]);
}

const char *
loy_code_group_get_campaign_name (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), NULL);

  return self->campaign_name;
}

void
loy_code_group_set_campaign_name (LoyCodeGroup *self,
                                  const char   *campaign_name)
{
  g_return_if_fail (LOY_IS_CODE_GROUP (self));

  if (_loy_set_str (&self->campaign_name, campaign_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_NAME]);
}

gint64
loy_code_group_get_total (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), 0);

  return self->total;
}

gint64
loy_code_group_get_available (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), 0);

  return self->available;
}

gint64
loy_code_group_get_issued (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), 0);

  return self->total - self->available;
}

void
loy_code_group_set_counts (LoyCodeGroup *self,
                           gint64        total,
                           gint64        available)
{
  gint64 old_issued;
  gboolean was_low_on_stock;

  g_return_if_fail (LOY_IS_CODE_GROUP (self));
  g_return_if_fail (available >= 0);
  g_return_if_fail (available <= total);

  old_issued = loy_code_group_get_issued (self);
  was_low_on_stock = loy_code_group_is_low_on_stock (self);

  /* Listeners see both counts updated, whichever notify comes first. */
  g_object_freeze_notify (G_OBJECT (self));

  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
    }

  if (self->available != available)
    {
      self->available = available;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVAILABLE]);
    }

  if (loy_code_group_get_issued (self) != old_issued)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ISSUED]);

  if (loy_code_group_is_low_on_stock (self) != was_low_on_stock)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOW_ON_STOCK]);

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
loy_code_group_get_low_stock_threshold (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), 0);

  return self->low_stock_threshold;
}

void
loy_code_group_set_low_stock_threshold (LoyCodeGroup *self,
                                        gint64        threshold)
{
  gboolean was_low_on_stock;

  g_return_if_fail (LOY_IS_CODE_GROUP (self));
  g_return_if_fail (threshold >= 0);

  if (self->low_stock_threshold == threshold)
    return;

  was_low_on_stock = loy_code_group_is_low_on_stock (self);

  self->low_stock_threshold = threshold;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOW_STOCK_THRESHOLD]);
  if (loy_code_group_is_low_on_stock (self) != was_low_on_stock)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOW_ON_STOCK]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
loy_code_group_is_low_on_stock (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), FALSE);

  return self->low_stock_threshold > 0 && self->available < self->low_stock_threshold;
}

gint64
loy_code_group_get_issued_last_30_days (LoyCodeGroup *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), 0);

  return self->issued_last_30_days;
}

void
loy_code_group_set_issued_last_30_days (LoyCodeGroup *self,
                                        gint64        issued)
{
  g_return_if_fail (LOY_IS_CODE_GROUP (self));
  g_return_if_fail (issued >= 0);

  if (self->issued_last_30_days == issued)
    return;

  self->issued_last_30_days = issued;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ISSUED_LAST_30_DAYS]);
}

/**
 * loy_code_group_forecast_empty_at:
 * @self: a #LoyCodeGroup
 * @now: the time the counts were read
 *
 * When the group runs out of codes if they keep going at the rate of the
 * last 30 days: @now when none are left.
 *
 * Returns: (transfer full) (nullable): the moment the last code goes, or
 *   %NULL when no code went in the last 30 days (or the day lies beyond
 *   what #GDateTime holds)
 */
GDateTime *
loy_code_group_forecast_empty_at (LoyCodeGroup *self,
                                  GDateTime    *now)
{
  double seconds_left;

  g_return_val_if_fail (LOY_IS_CODE_GROUP (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (self->available == 0)
    return g_date_time_ref (now);

  if (self->issued_last_30_days == 0)
    return NULL;

  /* In floating point: available × 30 days in seconds overflows gint64
   * for very large groups. */
  seconds_left = (double) self->available * 30 * 24 * 60 * 60 / self->issued_last_30_days;
  if (seconds_left > (double) G_MAXINT64 / G_USEC_PER_SEC)
    return NULL;

  return g_date_time_add_seconds (now, seconds_left);
}
