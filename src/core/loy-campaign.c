/* loy-campaign.c
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

G_DEFINE_FINAL_TYPE (LoyCampaign, loy_campaign, G_TYPE_OBJECT)

static void
loy_campaign_finalize (GObject *object)
{
  LoyCampaign *self = (LoyCampaign *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->default_language, g_free);
  g_clear_pointer (&self->translations, g_hash_table_unref);
  g_clear_pointer (&self->more_information_link, g_free);
  g_clear_pointer (&self->push_text, g_free);
  g_clear_pointer (&self->brand_image, g_free);
  g_clear_pointer (&self->code_group_uuid, g_free);
  g_clear_pointer (&self->shared_code, g_free);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->category_uuids, g_strfreev);
  g_clear_pointer (&self->level_uuids, g_strfreev);
  g_clear_pointer (&self->segment_uuids, g_strfreev);

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
    case PROP_CAMPAIGN_TYPE:
      g_value_set_enum (value, self->campaign_type);
      break;

    case PROP_DEFAULT_LANGUAGE:
      g_value_set_string (value, self->default_language);
      break;

    case PROP_NAME:
      g_value_set_string (value, loy_campaign_get_name (self));
      break;

    case PROP_CONNECT_TYPE:
      g_value_set_enum (value, self->connect_type);
      break;

    case PROP_LABELS:
      g_value_set_boxed (value, self->labels);
      break;

    case PROP_CATEGORY_UUIDS:
      g_value_set_boxed (value, self->category_uuids);
      break;

    case PROP_TARGET_TYPE:
      g_value_set_enum (value, self->target_type);
      break;

    case PROP_LEVEL_UUIDS:
      g_value_set_boxed (value, self->level_uuids);
      break;

    case PROP_SEGMENT_UUIDS:
      g_value_set_boxed (value, self->segment_uuids);
      break;

    case PROP_ACTIVITY_ALL_TIME:
      g_value_set_boolean (value, self->activity_all_time);
      break;

    case PROP_ACTIVE_FROM:
      g_value_set_int64 (value, self->active_from);
      break;

    case PROP_ACTIVE_TO:
      g_value_set_int64 (value, self->active_to);
      break;

    case PROP_VISIBILITY_ALL_TIME:
      g_value_set_boolean (value, self->visibility_all_time);
      break;

    case PROP_VISIBLE_FROM:
      g_value_set_int64 (value, self->visible_from);
      break;

    case PROP_VISIBLE_TO:
      g_value_set_int64 (value, self->visible_to);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_MORE_INFORMATION_LINK:
      g_value_set_string (value, self->more_information_link);
      break;

    case PROP_PUSH_TEXT:
      g_value_set_string (value, self->push_text);
      break;

    case PROP_BRAND_IMAGE:
      g_value_set_string (value, self->brand_image);
      break;

    case PROP_CODE_GROUP_UUID:
      g_value_set_string (value, self->code_group_uuid);
      break;

    case PROP_SHARED_CODE:
      g_value_set_string (value, self->shared_code);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_COST_IN_POINTS:
      g_value_set_int64 (value, self->cost_in_points);
      break;

    case PROP_POINT_VALUE_CENTS:
      g_value_set_int64 (value, self->point_value_cents);
      break;

    case PROP_REWARD_VALUE_CENTS:
      g_value_set_int64 (value, self->reward_value_cents);
      break;

    case PROP_TAX_RATE:
      g_value_set_int64 (value, self->tax_rate);
      break;

    case PROP_TAX_VALUE_CENTS:
      g_value_set_int64 (value, self->tax_value_cents);
      break;

    case PROP_TRANSACTION_PERCENTAGE:
      g_value_set_int64 (value, self->transaction_percentage);
      break;

    case PROP_DAYS_INACTIVE:
      g_value_set_int64 (value, self->days_inactive);
      break;

    case PROP_DAYS_VALID:
      g_value_set_int64 (value, self->days_valid);
      break;

    case PROP_LIMIT:
      g_value_set_int64 (value, self->limit);
      break;

    case PROP_LIMIT_PER_CONTACT:
      g_value_set_int64 (value, self->limit_per_contact);
      break;

    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;

    case PROP_FEATURED:
      g_value_set_boolean (value, self->featured);
      break;

    case PROP_PUBLIC:
      g_value_set_boolean (value, self->public);
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
    case PROP_CAMPAIGN_TYPE:
      loy_campaign_set_campaign_type (self, g_value_get_enum (value));
      break;

    case PROP_DEFAULT_LANGUAGE:
      loy_campaign_set_default_language (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      loy_campaign_set_name (self, g_value_get_string (value));
      break;

    case PROP_CONNECT_TYPE:
      loy_campaign_set_connect_type (self, g_value_get_enum (value));
      break;

    case PROP_LABELS:
      loy_campaign_set_labels (self, g_value_get_boxed (value));
      break;

    case PROP_CATEGORY_UUIDS:
      loy_campaign_set_category_uuids (self, g_value_get_boxed (value));
      break;

    case PROP_TARGET_TYPE:
      loy_campaign_set_target_type (self, g_value_get_enum (value));
      break;

    case PROP_LEVEL_UUIDS:
      loy_campaign_set_level_uuids (self, g_value_get_boxed (value));
      break;

    case PROP_SEGMENT_UUIDS:
      loy_campaign_set_segment_uuids (self, g_value_get_boxed (value));
      break;

    case PROP_ACTIVITY_ALL_TIME:
      loy_campaign_set_activity (self, g_value_get_boolean (value),
                                 self->active_from, self->active_to);
      break;

    case PROP_ACTIVE_FROM:
      loy_campaign_set_activity (self, self->activity_all_time,
                                 g_value_get_int64 (value), self->active_to);
      break;

    case PROP_ACTIVE_TO:
      loy_campaign_set_activity (self, self->activity_all_time,
                                 self->active_from, g_value_get_int64 (value));
      break;

    case PROP_VISIBILITY_ALL_TIME:
      loy_campaign_set_visibility (self, g_value_get_boolean (value),
                                   self->visible_from, self->visible_to);
      break;

    case PROP_VISIBLE_FROM:
      loy_campaign_set_visibility (self, self->visibility_all_time,
                                   g_value_get_int64 (value), self->visible_to);
      break;

    case PROP_VISIBLE_TO:
      loy_campaign_set_visibility (self, self->visibility_all_time,
                                   self->visible_from, g_value_get_int64 (value));
      break;

    case PROP_UUID:
      loy_campaign_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_MORE_INFORMATION_LINK:
      loy_campaign_set_more_information_link (self, g_value_get_string (value));
      break;

    case PROP_PUSH_TEXT:
      loy_campaign_set_push_text (self, g_value_get_string (value));
      break;

    case PROP_BRAND_IMAGE:
      loy_campaign_set_brand_image (self, g_value_get_string (value));
      break;

    case PROP_CODE_GROUP_UUID:
      loy_campaign_set_code_group_uuid (self, g_value_get_string (value));
      break;

    case PROP_SHARED_CODE:
      loy_campaign_set_shared_code (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      loy_campaign_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_COST_IN_POINTS:
      loy_campaign_set_cost_in_points (self, g_value_get_int64 (value));
      break;

    case PROP_POINT_VALUE_CENTS:
      loy_campaign_set_point_value_cents (self, g_value_get_int64 (value));
      break;

    case PROP_REWARD_VALUE_CENTS:
      loy_campaign_set_reward_value_cents (self, g_value_get_int64 (value));
      break;

    case PROP_TAX_RATE:
      loy_campaign_set_tax_rate (self, g_value_get_int64 (value));
      break;

    case PROP_TAX_VALUE_CENTS:
      loy_campaign_set_tax_value_cents (self, g_value_get_int64 (value));
      break;

    case PROP_TRANSACTION_PERCENTAGE:
      loy_campaign_set_transaction_percentage (self, g_value_get_int64 (value));
      break;

    case PROP_DAYS_INACTIVE:
      loy_campaign_set_days_inactive (self, g_value_get_int64 (value));
      break;

    case PROP_DAYS_VALID:
      loy_campaign_set_days_valid (self, g_value_get_int64 (value));
      break;

    case PROP_LIMIT:
      loy_campaign_set_limit (self, g_value_get_int64 (value));
      break;

    case PROP_LIMIT_PER_CONTACT:
      loy_campaign_set_limit_per_contact (self, g_value_get_int64 (value));
      break;

    case PROP_IS_ACTIVE:
      loy_campaign_set_is_active (self, g_value_get_boolean (value));
      break;

    case PROP_FEATURED:
      loy_campaign_set_featured (self, g_value_get_boolean (value));
      break;

    case PROP_PUBLIC:
      loy_campaign_set_public (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Numbers take any value, so that an editor can hold what the user typed
 * and loy_campaign_validate() can say what is wrong with it. */
static GParamSpec *
int64_param (const char *name,
             gint64      default_value)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, default_value, PARAM_FLAGS);
}

static void
loy_campaign_class_init (LoyCampaignClass *klass)
{
  GParamSpec **properties = _loy_campaign_properties;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_campaign_finalize;
  object_class->get_property = loy_campaign_get_property;
  object_class->set_property = loy_campaign_set_property;

  properties [PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, PARAM_FLAGS);
  properties [PROP_CAMPAIGN_TYPE] =
    g_param_spec_enum ("campaign-type", NULL, NULL,
                       LOY_TYPE_CAMPAIGN_TYPE, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE, PARAM_FLAGS);
  properties [PROP_CREATED_AT] = int64_param ("created-at", 0);
  properties [PROP_DEFAULT_LANGUAGE] =
    g_param_spec_string ("default-language", NULL, NULL, "en", PARAM_FLAGS);
  /* The name in the default language. */
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, PARAM_FLAGS);
  properties [PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, TRUE, PARAM_FLAGS);
  properties [PROP_MORE_INFORMATION_LINK] =
    g_param_spec_string ("more-information-link", NULL, NULL, NULL, PARAM_FLAGS);
  properties [PROP_PUSH_TEXT] = g_param_spec_string ("push-text", NULL, NULL, NULL, PARAM_FLAGS);
  properties [PROP_COST_IN_POINTS] = int64_param ("cost-in-points", 0);
  properties [PROP_POINT_VALUE_CENTS] = int64_param ("point-value-cents", LOY_UNSET);
  properties [PROP_REWARD_VALUE_CENTS] = int64_param ("reward-value-cents", LOY_UNSET);
  properties [PROP_TAX_RATE] = int64_param ("tax-rate", LOY_UNSET);
  properties [PROP_TAX_VALUE_CENTS] = int64_param ("tax-value-cents", LOY_UNSET);
  properties [PROP_FEATURED] = g_param_spec_boolean ("featured", NULL, NULL, FALSE, PARAM_FLAGS);
  properties [PROP_PUBLIC] = g_param_spec_boolean ("public", NULL, NULL, FALSE, PARAM_FLAGS);
  properties [PROP_TRANSACTION_PERCENTAGE] = int64_param ("transaction-percentage", 0);
  properties [PROP_DAYS_INACTIVE] = int64_param ("days-inactive", 0);
  properties [PROP_DAYS_VALID] = int64_param ("days-valid", 0);
  properties [PROP_CONNECT_TYPE] =
    g_param_spec_enum ("connect-type", NULL, NULL,
                       LOY_TYPE_CONNECT_TYPE, LOY_CONNECT_TYPE_UNSET, PARAM_FLAGS);
  properties [PROP_BRAND_IMAGE] = g_param_spec_string ("brand-image", NULL, NULL, NULL, PARAM_FLAGS);
  /* (element-type LoyCampaignLabel) */
  properties [PROP_LABELS] =
    g_param_spec_boxed ("labels", NULL, NULL, G_TYPE_PTR_ARRAY, PARAM_FLAGS);
  properties [PROP_CATEGORY_UUIDS] =
    g_param_spec_boxed ("category-uuids", NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
  properties [PROP_TARGET_TYPE] =
    g_param_spec_enum ("target-type", NULL, NULL,
                       LOY_TYPE_TARGET_TYPE, LOY_TARGET_TYPE_NONE, PARAM_FLAGS);
  properties [PROP_LEVEL_UUIDS] =
    g_param_spec_boxed ("level-uuids", NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
  properties [PROP_SEGMENT_UUIDS] =
    g_param_spec_boxed ("segment-uuids", NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
  properties [PROP_ACTIVITY_ALL_TIME] =
    g_param_spec_boolean ("activity-all-time", NULL, NULL, TRUE, PARAM_FLAGS);
  properties [PROP_ACTIVE_FROM] = int64_param ("active-from", 0);
  properties [PROP_ACTIVE_TO] = int64_param ("active-to", 0);
  properties [PROP_VISIBILITY_ALL_TIME] =
    g_param_spec_boolean ("visibility-all-time", NULL, NULL, TRUE, PARAM_FLAGS);
  properties [PROP_VISIBLE_FROM] = int64_param ("visible-from", 0);
  properties [PROP_VISIBLE_TO] = int64_param ("visible-to", 0);
  properties [PROP_LIMIT] = int64_param ("limit", LOY_UNSET);
  properties [PROP_LIMIT_PER_CONTACT] = int64_param ("limit-per-contact", LOY_UNSET);
  properties [PROP_CODE_GROUP_UUID] =
    g_param_spec_string ("code-group-uuid", NULL, NULL, NULL, PARAM_FLAGS);
  properties [PROP_SHARED_CODE] = g_param_spec_string ("shared-code", NULL, NULL, NULL, PARAM_FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_campaign_init (LoyCampaign *self)
{
  static const char * const empty[] = { NULL };

  self->default_language = g_strdup ("en");
  self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              _loy_campaign_translation_free);
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_campaign_label_free);
  self->category_uuids = g_strdupv ((char **) empty);
  self->level_uuids = g_strdupv ((char **) empty);
  self->segment_uuids = g_strdupv ((char **) empty);
  self->campaign_type = LOY_CAMPAIGN_TYPE_DISCOUNT_CODE;
  self->target_type = LOY_TARGET_TYPE_NONE;
  self->connect_type = LOY_CONNECT_TYPE_UNSET;
  self->point_value_cents = LOY_UNSET;
  self->reward_value_cents = LOY_UNSET;
  self->tax_rate = LOY_UNSET;
  self->tax_value_cents = LOY_UNSET;
  self->limit = LOY_UNSET;
  self->limit_per_contact = LOY_UNSET;
  self->n_sold = LOY_UNSET;
  self->is_active = TRUE;
  self->activity_all_time = TRUE;
  self->visibility_all_time = TRUE;
}

LoyCampaign *
loy_campaign_new (void)
{
  return g_object_new (LOY_TYPE_CAMPAIGN, NULL);
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
  g_return_if_fail (campaign_type < LOY_N_CAMPAIGN_TYPES);

  if (self->campaign_type == campaign_type)
    return;

  self->campaign_type = campaign_type;
  _loy_campaign_notify (self, PROP_CAMPAIGN_TYPE);
}

LoyConnectType
loy_campaign_get_connect_type (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_CONNECT_TYPE_UNSET);

  return self->connect_type;
}

void
loy_campaign_set_connect_type (LoyCampaign    *self,
                               LoyConnectType  connect_type)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (connect_type <= LOY_CONNECT_TYPE_GEOLOCATION);

  if (self->connect_type == connect_type)
    return;

  self->connect_type = connect_type;
  _loy_campaign_notify (self, PROP_CONNECT_TYPE);
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
    _loy_campaign_notify (self, PROP_UUID);
}

const char *
loy_campaign_get_more_information_link (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->more_information_link;
}

void
loy_campaign_set_more_information_link (LoyCampaign *self,
                                        const char  *more_information_link)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->more_information_link, more_information_link))
    _loy_campaign_notify (self, PROP_MORE_INFORMATION_LINK);
}

const char *
loy_campaign_get_push_text (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->push_text;
}

void
loy_campaign_set_push_text (LoyCampaign *self,
                            const char  *push_text)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->push_text, push_text))
    _loy_campaign_notify (self, PROP_PUSH_TEXT);
}

const char *
loy_campaign_get_brand_image (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->brand_image;
}

void
loy_campaign_set_brand_image (LoyCampaign *self,
                              const char  *brand_image)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->brand_image, brand_image))
    _loy_campaign_notify (self, PROP_BRAND_IMAGE);
}

const char *
loy_campaign_get_code_group_uuid (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->code_group_uuid;
}

void
loy_campaign_set_code_group_uuid (LoyCampaign *self,
                                  const char  *code_group_uuid)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->code_group_uuid, code_group_uuid))
    _loy_campaign_notify (self, PROP_CODE_GROUP_UUID);
}

const char *
loy_campaign_get_shared_code (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->shared_code;
}

void
loy_campaign_set_shared_code (LoyCampaign *self,
                              const char  *shared_code)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (_loy_set_str (&self->shared_code, shared_code))
    _loy_campaign_notify (self, PROP_SHARED_CODE);
}

gint64
loy_campaign_get_created_at (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->created_at;
}

void
loy_campaign_set_created_at (LoyCampaign *self,
                             gint64       created_at)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->created_at, created_at, PROP_CREATED_AT);
}

gint64
loy_campaign_get_cost_in_points (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->cost_in_points;
}

void
loy_campaign_set_cost_in_points (LoyCampaign *self,
                                 gint64       cost_in_points)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->cost_in_points, cost_in_points, PROP_COST_IN_POINTS);
}

gint64
loy_campaign_get_point_value_cents (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->point_value_cents;
}

void
loy_campaign_set_point_value_cents (LoyCampaign *self,
                                    gint64       point_value_cents)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self,
                           &self->point_value_cents,
                           point_value_cents,
                           PROP_POINT_VALUE_CENTS);
}

gint64
loy_campaign_get_reward_value_cents (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->reward_value_cents;
}

void
loy_campaign_set_reward_value_cents (LoyCampaign *self,
                                     gint64       reward_value_cents)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self,
                           &self->reward_value_cents,
                           reward_value_cents,
                           PROP_REWARD_VALUE_CENTS);
}

gint64
loy_campaign_get_tax_rate (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->tax_rate;
}

void
loy_campaign_set_tax_rate (LoyCampaign *self,
                           gint64       tax_rate)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->tax_rate, tax_rate, PROP_TAX_RATE);
}

gint64
loy_campaign_get_tax_value_cents (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->tax_value_cents;
}

void
loy_campaign_set_tax_value_cents (LoyCampaign *self,
                                  gint64       tax_value_cents)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->tax_value_cents, tax_value_cents, PROP_TAX_VALUE_CENTS);
}

gint64
loy_campaign_get_transaction_percentage (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->transaction_percentage;
}

void
loy_campaign_set_transaction_percentage (LoyCampaign *self,
                                         gint64       transaction_percentage)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self,
                           &self->transaction_percentage,
                           transaction_percentage,
                           PROP_TRANSACTION_PERCENTAGE);
}

gint64
loy_campaign_get_days_inactive (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->days_inactive;
}

void
loy_campaign_set_days_inactive (LoyCampaign *self,
                                gint64       days_inactive)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->days_inactive, days_inactive, PROP_DAYS_INACTIVE);
}

gint64
loy_campaign_get_days_valid (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->days_valid;
}

void
loy_campaign_set_days_valid (LoyCampaign *self,
                             gint64       days_valid)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->days_valid, days_valid, PROP_DAYS_VALID);
}

gint64
loy_campaign_get_limit (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->limit;
}

void
loy_campaign_set_limit (LoyCampaign *self,
                        gint64       limit)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self, &self->limit, limit, PROP_LIMIT);
}

gint64
loy_campaign_get_limit_per_contact (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->limit_per_contact;
}

void
loy_campaign_set_limit_per_contact (LoyCampaign *self,
                                    gint64       limit_per_contact)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_int64 (self,
                           &self->limit_per_contact,
                           limit_per_contact,
                           PROP_LIMIT_PER_CONTACT);
}

gint64
loy_campaign_get_n_sold (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_UNSET);

  return self->n_sold;
}

void
loy_campaign_set_n_sold (LoyCampaign *self,
                         gint64       n_sold)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  self->n_sold = n_sold;
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

  _loy_campaign_set_boolean (self, &self->is_active, is_active, PROP_IS_ACTIVE);
}

gboolean
loy_campaign_get_featured (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), FALSE);

  return self->featured;
}

void
loy_campaign_set_featured (LoyCampaign *self,
                           gboolean     featured)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_boolean (self, &self->featured, featured, PROP_FEATURED);
}

gboolean
loy_campaign_get_public (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), FALSE);

  return self->public;
}

void
loy_campaign_set_public (LoyCampaign *self,
                         gboolean     public_)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_boolean (self, &self->public, public_, PROP_PUBLIC);
}
