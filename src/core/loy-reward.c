/* loy-reward.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-domain-private.h"
#include "loy-reward.h"

struct _LoyReward
{
  GObject        parent_instance;

  gint64         id;
  char          *uuid;
  char          *title;
  char          *description;
  LoyRewardType  reward_type;
  gint64         required_credits;
  char          *media_type;
  char          *media_value;
  gint64         cost_price_cents;
  gint64         stock;
  gint64         expiration_duration;
  JsonObject    *custom_attributes;
  LoyViewFilter *view_filter;
  char          *code_group_uuid;
  gint64         codes_available;
  guint          is_active : 1;
  guint          pre_redeemable : 1;
};

G_DEFINE_FINAL_TYPE (LoyReward, loy_reward, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_REWARD_TYPE,
  PROP_IS_ACTIVE,
  PROP_REQUIRED_CREDITS,
  PROP_MEDIA_TYPE,
  PROP_MEDIA_VALUE,
  PROP_COST_PRICE_CENTS,
  PROP_STOCK,
  PROP_PRE_REDEEMABLE,
  PROP_EXPIRATION_DURATION,
  PROP_CUSTOM_ATTRIBUTES,
  PROP_VIEW_FILTER,
  PROP_CODE_GROUP_UUID,
  PROP_CODES_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
view_filter_equal (const LoyViewFilter *a,
                   const LoyViewFilter *b)
{
  g_autoptr(JsonNode) a_json = NULL;
  g_autoptr(JsonNode) b_json = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  a_json = loy_view_filter_to_json (a);
  b_json = loy_view_filter_to_json (b);

  return json_node_equal (a_json, b_json);
}

static void
loy_reward_finalize (GObject *object)
{
  LoyReward *self = (LoyReward *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->media_value, g_free);
  g_clear_pointer (&self->custom_attributes, json_object_unref);
  g_clear_pointer (&self->view_filter, loy_view_filter_free);
  g_clear_pointer (&self->code_group_uuid, g_free);

  G_OBJECT_CLASS (loy_reward_parent_class)->finalize (object);
}

static void
loy_reward_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LoyReward *self = LOY_REWARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_REWARD_TYPE:
      g_value_set_enum (value, self->reward_type);
      break;

    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;

    case PROP_REQUIRED_CREDITS:
      g_value_set_int64 (value, self->required_credits);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_MEDIA_VALUE:
      g_value_set_string (value, self->media_value);
      break;

    case PROP_COST_PRICE_CENTS:
      g_value_set_int64 (value, self->cost_price_cents);
      break;

    case PROP_STOCK:
      g_value_set_int64 (value, self->stock);
      break;

    case PROP_PRE_REDEEMABLE:
      g_value_set_boolean (value, self->pre_redeemable);
      break;

    case PROP_EXPIRATION_DURATION:
      g_value_set_int64 (value, self->expiration_duration);
      break;

    case PROP_CUSTOM_ATTRIBUTES:
      g_value_set_boxed (value, self->custom_attributes);
      break;

    case PROP_VIEW_FILTER:
      g_value_set_boxed (value, self->view_filter);
      break;

    case PROP_CODE_GROUP_UUID:
      g_value_set_string (value, self->code_group_uuid);
      break;

    case PROP_CODES_AVAILABLE:
      g_value_set_int64 (value, self->codes_available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_reward_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LoyReward *self = LOY_REWARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      loy_reward_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      loy_reward_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      loy_reward_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      loy_reward_set_description (self, g_value_get_string (value));
      break;

    case PROP_REWARD_TYPE:
      loy_reward_set_reward_type (self, g_value_get_enum (value));
      break;

    case PROP_IS_ACTIVE:
      loy_reward_set_is_active (self, g_value_get_boolean (value));
      break;

    case PROP_REQUIRED_CREDITS:
      loy_reward_set_required_credits (self, g_value_get_int64 (value));
      break;

    case PROP_MEDIA_TYPE:
      loy_reward_set_media (self, g_value_get_string (value), self->media_value);
      break;

    case PROP_MEDIA_VALUE:
      loy_reward_set_media (self, self->media_type, g_value_get_string (value));
      break;

    case PROP_COST_PRICE_CENTS:
      loy_reward_set_cost_price_cents (self, g_value_get_int64 (value));
      break;

    case PROP_STOCK:
      loy_reward_set_stock (self, g_value_get_int64 (value));
      break;

    case PROP_PRE_REDEEMABLE:
      loy_reward_set_pre_redeemable (self, g_value_get_boolean (value));
      break;

    case PROP_EXPIRATION_DURATION:
      loy_reward_set_expiration_duration (self, g_value_get_int64 (value));
      break;

    case PROP_VIEW_FILTER:
      loy_reward_set_view_filter (self, g_value_get_boxed (value));
      break;

    case PROP_CODE_GROUP_UUID:
      loy_reward_set_code_group_uuid (self, g_value_get_string (value));
      break;

    case PROP_CODES_AVAILABLE:
      loy_reward_set_codes_available (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_reward_class_init (LoyRewardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_reward_finalize;
  object_class->get_property = loy_reward_get_property;
  object_class->set_property = loy_reward_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REWARD_TYPE] =
    g_param_spec_enum ("reward-type", NULL, NULL,
                       LOY_TYPE_REWARD_TYPE, LOY_REWARD_TYPE_PHYSICAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_IS_ACTIVE] =
    g_param_spec_boolean ("is-active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REQUIRED_CREDITS] =
    g_param_spec_int64 ("required-credits", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEDIA_VALUE] =
    g_param_spec_string ("media-value", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COST_PRICE_CENTS] =
    g_param_spec_int64 ("cost-price-cents", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STOCK] =
    g_param_spec_int64 ("stock", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PRE_REDEEMABLE] =
    g_param_spec_boolean ("pre-redeemable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXPIRATION_DURATION] =
    g_param_spec_int64 ("expiration-duration", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Notified whenever loy_reward_set_custom_attribute() changes a member. */
  properties [PROP_CUSTOM_ATTRIBUTES] =
    g_param_spec_boxed ("custom-attributes", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* NULL: visible to everyone, everywhere. */
  properties [PROP_VIEW_FILTER] =
    g_param_spec_boxed ("view-filter", NULL, NULL,
                        LOY_TYPE_VIEW_FILTER,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE_GROUP_UUID] =
    g_param_spec_string ("code-group-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODES_AVAILABLE] =
    g_param_spec_int64 ("codes-available", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_reward_init (LoyReward *self)
{
  self->reward_type = LOY_REWARD_TYPE_PHYSICAL;
  self->is_active = TRUE;
  self->cost_price_cents = LOY_UNSET;
  self->stock = LOY_UNSET;
  self->expiration_duration = LOY_UNSET;
  self->codes_available = LOY_UNSET;
  self->custom_attributes = json_object_new ();
}

LoyReward *
loy_reward_new (void)
{
  return g_object_new (LOY_TYPE_REWARD, NULL);
}

gint64
loy_reward_get_id (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), 0);

  return self->id;
}

void
loy_reward_set_id (LoyReward *self,
                   gint64     id)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
loy_reward_get_uuid (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->uuid;
}

void
loy_reward_set_uuid (LoyReward  *self,
                     const char *uuid)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_reward_get_title (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->title;
}

void
loy_reward_set_title (LoyReward  *self,
                      const char *title)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (_loy_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
loy_reward_get_description (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->description;
}

void
loy_reward_set_description (LoyReward  *self,
                            const char *description)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (_loy_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

LoyRewardType
loy_reward_get_reward_type (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), LOY_REWARD_TYPE_PHYSICAL);

  return self->reward_type;
}

void
loy_reward_set_reward_type (LoyReward     *self,
                            LoyRewardType  reward_type)
{
  g_return_if_fail (LOY_IS_REWARD (self));
  g_return_if_fail (reward_type == LOY_REWARD_TYPE_PHYSICAL ||
                    reward_type == LOY_REWARD_TYPE_DIGITAL);

  if (self->reward_type == reward_type)
    return;

  self->reward_type = reward_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REWARD_TYPE]);
}

gboolean
loy_reward_get_is_active (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), FALSE);

  return self->is_active;
}

void
loy_reward_set_is_active (LoyReward *self,
                          gboolean   is_active)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  is_active = !!is_active;

  if (self->is_active == is_active)
    return;

  self->is_active = is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_ACTIVE]);
}

gint64
loy_reward_get_required_credits (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), 0);

  return self->required_credits;
}

void
loy_reward_set_required_credits (LoyReward *self,
                                 gint64     required_credits)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (self->required_credits == required_credits)
    return;

  self->required_credits = required_credits;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUIRED_CREDITS]);
}

const char *
loy_reward_get_media_type (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->media_type;
}

const char *
loy_reward_get_media_value (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->media_value;
}

void
loy_reward_set_media (LoyReward  *self,
                      const char *media_type,
                      const char *media_value)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (_loy_set_str (&self->media_type, media_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEDIA_TYPE]);

  if (_loy_set_str (&self->media_value, media_value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEDIA_VALUE]);
}

gint64
loy_reward_get_cost_price_cents (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), LOY_UNSET);

  return self->cost_price_cents;
}

void
loy_reward_set_cost_price_cents (LoyReward *self,
                                 gint64     cents)
{
  g_return_if_fail (LOY_IS_REWARD (self));
  g_return_if_fail (cents >= LOY_UNSET);

  if (self->cost_price_cents == cents)
    return;

  self->cost_price_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COST_PRICE_CENTS]);
}

gint64
loy_reward_get_stock (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), LOY_UNSET);

  return self->stock;
}

void
loy_reward_set_stock (LoyReward *self,
                      gint64     stock)
{
  g_return_if_fail (LOY_IS_REWARD (self));
  g_return_if_fail (stock >= LOY_UNSET);

  if (self->stock == stock)
    return;

  self->stock = stock;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STOCK]);
}

gboolean
loy_reward_get_pre_redeemable (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), FALSE);

  return self->pre_redeemable;
}

void
loy_reward_set_pre_redeemable (LoyReward *self,
                               gboolean   pre_redeemable)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  pre_redeemable = !!pre_redeemable;

  if (self->pre_redeemable == pre_redeemable)
    return;

  self->pre_redeemable = pre_redeemable;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRE_REDEEMABLE]);
}

gint64
loy_reward_get_expiration_duration (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), LOY_UNSET);

  return self->expiration_duration;
}

void
loy_reward_set_expiration_duration (LoyReward *self,
                                    gint64     seconds)
{
  g_return_if_fail (LOY_IS_REWARD (self));
  g_return_if_fail (seconds >= LOY_UNSET);

  if (self->expiration_duration == seconds)
    return;

  self->expiration_duration = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPIRATION_DURATION]);
}

JsonObject *
loy_reward_get_custom_attributes (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->custom_attributes;
}

/* Stores a json_node_copy() of @value; a NULL @value removes @key. */
void
loy_reward_set_custom_attribute (LoyReward  *self,
                                 const char *key,
                                 JsonNode   *value)
{
  g_return_if_fail (LOY_IS_REWARD (self));
  g_return_if_fail (key != NULL);

  if (_loy_json_object_update_member (self->custom_attributes, key, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CUSTOM_ATTRIBUTES]);
}

const LoyViewFilter *
loy_reward_get_view_filter (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->view_filter;
}

/* Stores a copy of @filter; NULL or an empty filter clears it. */
void
loy_reward_set_view_filter (LoyReward           *self,
                            const LoyViewFilter *filter)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (filter != NULL && loy_view_filter_is_empty (filter))
    filter = NULL;

  if (view_filter_equal (self->view_filter, filter))
    return;

  g_clear_pointer (&self->view_filter, loy_view_filter_free);
  if (filter != NULL)
    self->view_filter = loy_view_filter_copy (filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_FILTER]);
}

const char *
loy_reward_get_code_group_uuid (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), NULL);

  return self->code_group_uuid;
}

void
loy_reward_set_code_group_uuid (LoyReward  *self,
                                const char *code_group_uuid)
{
  g_return_if_fail (LOY_IS_REWARD (self));

  if (_loy_set_str (&self->code_group_uuid, code_group_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE_GROUP_UUID]);
}

gint64
loy_reward_get_codes_available (LoyReward *self)
{
  g_return_val_if_fail (LOY_IS_REWARD (self), LOY_UNSET);

  return self->codes_available;
}

void
loy_reward_set_codes_available (LoyReward *self,
                                gint64     codes_available)
{
  g_return_if_fail (LOY_IS_REWARD (self));
  g_return_if_fail (codes_available >= LOY_UNSET);

  if (self->codes_available == codes_available)
    return;

  self->codes_available = codes_available;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODES_AVAILABLE]);
}
