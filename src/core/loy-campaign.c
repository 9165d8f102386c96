/* loy-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-campaign.h"
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

static const char * const languages[] = { "en", "nl", "pl", NULL };

typedef struct
{
  char *texts[LOY_N_CAMPAIGN_TEXTS];
} Translation;

struct _LoyCampaign
{
  GObject          parent_instance;

  char            *uuid;
  char            *default_language;
  GHashTable      *translations;  /* language → Translation */
  char            *more_information_link;
  char            *push_text;
  char            *brand_image;
  char            *code_group_uuid;
  char            *shared_code;
  GPtrArray       *labels;
  char           **category_uuids;
  char           **level_uuids;
  char           **segment_uuids;

  gint64           created_at;
  gint64           cost_in_points;
  gint64           point_value_cents;
  gint64           reward_value_cents;
  gint64           tax_rate;
  gint64           tax_value_cents;
  gint64           transaction_percentage;
  gint64           days_inactive;
  gint64           days_valid;
  gint64           active_from;
  gint64           active_to;
  gint64           visible_from;
  gint64           visible_to;
  gint64           limit;
  gint64           limit_per_contact;

  LoyCampaignType  campaign_type;
  LoyTargetType    target_type;
  LoyConnectType   connect_type;

  gboolean         is_active;
  gboolean         featured;
  gboolean         public;
  gboolean         activity_all_time;
  gboolean         visibility_all_time;
};

G_DEFINE_FINAL_TYPE (LoyCampaign, loy_campaign, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (LoyCampaignLabel, loy_campaign_label,
                     loy_campaign_label_copy, loy_campaign_label_free)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CAMPAIGN_TYPE,
  PROP_CREATED_AT,
  PROP_DEFAULT_LANGUAGE,
  PROP_NAME,
  PROP_IS_ACTIVE,
  PROP_MORE_INFORMATION_LINK,
  PROP_PUSH_TEXT,
  PROP_COST_IN_POINTS,
  PROP_POINT_VALUE_CENTS,
  PROP_REWARD_VALUE_CENTS,
  PROP_TAX_RATE,
  PROP_TAX_VALUE_CENTS,
  PROP_FEATURED,
  PROP_PUBLIC,
  PROP_TRANSACTION_PERCENTAGE,
  PROP_DAYS_INACTIVE,
  PROP_DAYS_VALID,
  PROP_CONNECT_TYPE,
  PROP_BRAND_IMAGE,
  PROP_LABELS,
  PROP_CATEGORY_UUIDS,
  PROP_TARGET_TYPE,
  PROP_LEVEL_UUIDS,
  PROP_SEGMENT_UUIDS,
  PROP_ACTIVITY_ALL_TIME,
  PROP_ACTIVE_FROM,
  PROP_ACTIVE_TO,
  PROP_VISIBILITY_ALL_TIME,
  PROP_VISIBLE_FROM,
  PROP_VISIBLE_TO,
  PROP_LIMIT,
  PROP_LIMIT_PER_CONTACT,
  PROP_CODE_GROUP_UUID,
  PROP_SHARED_CODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

LoyCampaignLabel *
loy_campaign_label_new (const char *key,
                        const char *value)
{
  LoyCampaignLabel *label = g_new0 (LoyCampaignLabel, 1);

  g_return_val_if_fail (key != NULL, NULL);

  label->key = g_strdup (key);
  label->value = g_strdup (value != NULL ? value : "");

  return label;
}

LoyCampaignLabel *
loy_campaign_label_copy (const LoyCampaignLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return loy_campaign_label_new (label->key, label->value);
}

void
loy_campaign_label_free (LoyCampaignLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->key);
  g_free (label->value);
  g_free (label);
}

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

const char * const *
loy_campaign_get_languages (void)
{
  return languages;
}

static void
translation_free (gpointer data)
{
  Translation *translation = data;

  for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    g_free (translation->texts[i]);
  g_free (translation);
}

static void
set_int64 (LoyCampaign *self,
           gint64      *field,
           gint64       value,
           guint        prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_boolean (LoyCampaign *self,
             gboolean    *field,
             gboolean     value,
             guint        prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

/* Lists of UUIDs are never NULL, so that callers can walk them at once. */
static void
set_strv (LoyCampaign         *self,
          char              ***field,
          const char * const  *value,
          guint                prop_id)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (g_strv_equal ((const char * const *) *field, value))
    return;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

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
  self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, translation_free);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAMPAIGN_TYPE]);
}

const char *
loy_campaign_get_default_language (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->default_language;
}

void
loy_campaign_set_default_language (LoyCampaign *self,
                                   const char  *language)
{
  g_autofree char *old_name = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (language != NULL && language[0] != '\0');

  old_name = g_strdup (loy_campaign_get_name (self));
  if (!_loy_set_str (&self->default_language, language))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEFAULT_LANGUAGE]);
  if (g_strcmp0 (old_name, loy_campaign_get_name (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
loy_campaign_get_text (LoyCampaign     *self,
                       const char      *language,
                       LoyCampaignText  text)
{
  Translation *translation;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (text < LOY_N_CAMPAIGN_TEXTS, NULL);

  translation = g_hash_table_lookup (self->translations, language);

  return translation != NULL ? translation->texts[text] : NULL;
}

static gboolean
translation_is_empty (Translation *translation)
{
  for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    if (translation->texts[i] != NULL)
      return FALSE;

  return TRUE;
}

void
loy_campaign_set_text (LoyCampaign     *self,
                       const char      *language,
                       LoyCampaignText  text,
                       const char      *value)
{
  Translation *translation;

  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (language != NULL && language[0] != '\0');
  g_return_if_fail (text < LOY_N_CAMPAIGN_TEXTS);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  translation = g_hash_table_lookup (self->translations, language);
  if (translation == NULL)
    {
      if (value == NULL)
        return;

      translation = g_new0 (Translation, 1);
      g_hash_table_insert (self->translations, g_strdup (language), translation);
    }

  if (!_loy_set_str (&translation->texts[text], value))
    return;

  if (translation_is_empty (translation))
    g_hash_table_remove (self->translations, language);

  if (text == LOY_CAMPAIGN_TEXT_NAME && g_str_equal (language, self->default_language))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
loy_campaign_dup_languages (LoyCampaign *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->translations, &n_keys);
  g_qsort_with_data (keys, n_keys, sizeof (char *), compare_strings, NULL);

  return g_strdupv ((char **) keys);
}

const char *
loy_campaign_get_name (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return loy_campaign_get_text (self, self->default_language, LOY_CAMPAIGN_TEXT_NAME);
}

void
loy_campaign_set_name (LoyCampaign *self,
                       const char  *name)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  loy_campaign_set_text (self, self->default_language, LOY_CAMPAIGN_TEXT_NAME, name);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECT_TYPE]);
}

GPtrArray *
loy_campaign_get_labels (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->labels;
}

static gboolean
labels_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      LoyCampaignLabel *label_a = g_ptr_array_index (a, i);
      LoyCampaignLabel *label_b = g_ptr_array_index (b, i);

      if (!g_str_equal (label_a->key, label_b->key) || !g_str_equal (label_a->value, label_b->value))
        return FALSE;
    }

  return TRUE;
}

void
loy_campaign_set_labels (LoyCampaign *self,
                         GPtrArray   *labels)
{
  g_autoptr(GPtrArray) empty = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (labels == NULL)
    labels = empty = g_ptr_array_new ();

  if (labels_equal (self->labels, labels))
    return;

  g_ptr_array_set_size (self->labels, 0);
  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (self->labels, loy_campaign_label_copy (g_ptr_array_index (labels, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABELS]);
}

void
loy_campaign_add_label (LoyCampaign *self,
                        const char  *key,
                        const char  *value)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (key != NULL);

  g_ptr_array_add (self->labels, loy_campaign_label_new (key, value));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABELS]);
}

gboolean
loy_campaign_has_label (LoyCampaign *self,
                        const char  *key,
                        const char  *value)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (self->labels, i);

      if (g_str_equal (label->key, key) && (value == NULL || g_str_equal (label->value, value)))
        return TRUE;
    }

  return FALSE;
}

const char * const *
loy_campaign_get_category_uuids (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return (const char * const *) self->category_uuids;
}

void
loy_campaign_set_category_uuids (LoyCampaign        *self,
                                 const char * const *uuids)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  set_strv (self, &self->category_uuids, uuids, PROP_CATEGORY_UUIDS);
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
  g_return_if_fail (target_type <= LOY_TARGET_TYPE_SEGMENT);

  if (self->target_type == target_type)
    return;

  self->target_type = target_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TARGET_TYPE]);
}

const char * const *
loy_campaign_get_level_uuids (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return (const char * const *) self->level_uuids;
}

void
loy_campaign_set_level_uuids (LoyCampaign        *self,
                              const char * const *uuids)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  set_strv (self, &self->level_uuids, uuids, PROP_LEVEL_UUIDS);
}

const char * const *
loy_campaign_get_segment_uuids (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return (const char * const *) self->segment_uuids;
}

void
loy_campaign_set_segment_uuids (LoyCampaign        *self,
                                const char * const *uuids)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  set_strv (self, &self->segment_uuids, uuids, PROP_SEGMENT_UUIDS);
}

gboolean
loy_campaign_get_activity_all_time (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), TRUE);

  return self->activity_all_time;
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
loy_campaign_set_activity (LoyCampaign *self,
                           gboolean     all_time,
                           gint64       from,
                           gint64       to)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_boolean (self, &self->activity_all_time, all_time, PROP_ACTIVITY_ALL_TIME);
  set_int64 (self, &self->active_from, from, PROP_ACTIVE_FROM);
  set_int64 (self, &self->active_to, to, PROP_ACTIVE_TO);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
loy_campaign_get_visibility_all_time (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), TRUE);

  return self->visibility_all_time;
}

gint64
loy_campaign_get_visible_from (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->visible_from;
}

gint64
loy_campaign_get_visible_to (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), 0);

  return self->visible_to;
}

void
loy_campaign_set_visibility (LoyCampaign *self,
                             gboolean     all_time,
                             gint64       from,
                             gint64       to)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_boolean (self, &self->visibility_all_time, all_time, PROP_VISIBILITY_ALL_TIME);
  set_int64 (self, &self->visible_from, from, PROP_VISIBLE_FROM);
  set_int64 (self, &self->visible_to, to, PROP_VISIBLE_TO);
  g_object_thaw_notify (G_OBJECT (self));
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

LoyCampaignStatus
loy_campaign_get_status (LoyCampaign *self,
                         GDateTime   *now)
{
  gint64 now_seconds;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_CAMPAIGN_STATUS_INACTIVE);
  g_return_val_if_fail (now != NULL, LOY_CAMPAIGN_STATUS_INACTIVE);

  /* Status beats the dates (seed 003). */
  if (!self->is_active)
    return LOY_CAMPAIGN_STATUS_INACTIVE;

  if (self->activity_all_time)
    return LOY_CAMPAIGN_STATUS_ACTIVE;

  now_seconds = g_date_time_to_unix (now);
  if (now_seconds < self->active_from)
    return LOY_CAMPAIGN_STATUS_SCHEDULED;
  if (now_seconds > self->active_to)
    return LOY_CAMPAIGN_STATUS_ENDED;

  return LOY_CAMPAIGN_STATUS_ACTIVE;
}

const char *
loy_campaign_status_get_label (LoyCampaignStatus status)
{
  switch (status)
    {
    case LOY_CAMPAIGN_STATUS_ACTIVE:
      return C_("campaign status", "Active");
    case LOY_CAMPAIGN_STATUS_SCHEDULED:
      return C_("campaign status", "Scheduled");
    case LOY_CAMPAIGN_STATUS_ENDED:
      return C_("campaign status", "Ended");
    case LOY_CAMPAIGN_STATUS_INACTIVE:
      return C_("campaign status", "Inactive");
    default:
      g_return_val_if_reached (NULL);
    }
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
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MORE_INFORMATION_LINK]);
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
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUSH_TEXT]);
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
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BRAND_IMAGE]);
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
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE_GROUP_UUID]);
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
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHARED_CODE]);
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

  set_int64 (self, &self->created_at, created_at, PROP_CREATED_AT);
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

  set_int64 (self, &self->cost_in_points, cost_in_points, PROP_COST_IN_POINTS);
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

  set_int64 (self, &self->point_value_cents, point_value_cents, PROP_POINT_VALUE_CENTS);
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

  set_int64 (self, &self->reward_value_cents, reward_value_cents, PROP_REWARD_VALUE_CENTS);
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

  set_int64 (self, &self->tax_rate, tax_rate, PROP_TAX_RATE);
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

  set_int64 (self, &self->tax_value_cents, tax_value_cents, PROP_TAX_VALUE_CENTS);
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

  set_int64 (self, &self->transaction_percentage, transaction_percentage, PROP_TRANSACTION_PERCENTAGE);
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

  set_int64 (self, &self->days_inactive, days_inactive, PROP_DAYS_INACTIVE);
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

  set_int64 (self, &self->days_valid, days_valid, PROP_DAYS_VALID);
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

  set_int64 (self, &self->limit, limit, PROP_LIMIT);
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

  set_int64 (self, &self->limit_per_contact, limit_per_contact, PROP_LIMIT_PER_CONTACT);
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

  set_boolean (self, &self->is_active, is_active, PROP_IS_ACTIVE);
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

  set_boolean (self, &self->featured, featured, PROP_FEATURED);
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

  set_boolean (self, &self->public, public_, PROP_PUBLIC);
}
