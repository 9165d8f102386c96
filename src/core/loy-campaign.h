/* loy-campaign.h — a reward campaign: what a contact gets for points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

/**
 * LoyCampaignText:
 *
 * The texts a campaign has in each language.
 */
typedef enum
{
  LOY_CAMPAIGN_TEXT_NAME,
  LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION,
  LOY_CAMPAIGN_TEXT_CONDITIONS,
  LOY_CAMPAIGN_TEXT_USAGE_INSTRUCTIONS,
  LOY_CAMPAIGN_TEXT_BRAND_NAME,
  LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION,
} LoyCampaignText;

#define LOY_N_CAMPAIGN_TEXTS (LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION + 1)

/**
 * LoyConnectType:
 *
 * How a custom campaign reaches the contact. %LOY_CONNECT_TYPE_UNSET is
 * "not chosen yet", which validation refuses for a custom campaign.
 */
typedef enum
{
  LOY_CONNECT_TYPE_UNSET,       /*< nick=unset >*/
  LOY_CONNECT_TYPE_NONE,        /*< nick=none >*/
  LOY_CONNECT_TYPE_QR_CODE,     /*< nick=qr_code >*/
  LOY_CONNECT_TYPE_GEOLOCATION, /*< nick=geolocation >*/
} LoyConnectType;

/**
 * LoyCampaignFields:
 *
 * The groups of fields that only some types use (CAMPAIGNS.md, "Which
 * fields each type uses"); every other field belongs to every type.
 */
typedef enum /*< flags >*/
{
  LOY_CAMPAIGN_FIELD_COST_IN_POINTS         = 1 << 0,
  LOY_CAMPAIGN_FIELD_POINT_VALUE            = 1 << 1,
  LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE = 1 << 2,
  LOY_CAMPAIGN_FIELD_LIMITS                 = 1 << 3, /* limit, limit per contact */
  LOY_CAMPAIGN_FIELD_COUPONS                = 1 << 4, /* code group or shared code */
  LOY_CAMPAIGN_FIELD_VISIBILITY             = 1 << 5,
  LOY_CAMPAIGN_FIELD_DAYS                   = 1 << 6, /* days inactive, days valid */
  LOY_CAMPAIGN_FIELD_CONNECT_TYPE           = 1 << 7,
} LoyCampaignFields;

/**
 * LoyCampaignStatus:
 *
 * The status shown in the campaign list: inactive whatever the dates,
 * else where now falls in the activity window.
 */
typedef enum
{
  LOY_CAMPAIGN_STATUS_ACTIVE,
  LOY_CAMPAIGN_STATUS_SCHEDULED,
  LOY_CAMPAIGN_STATUS_ENDED,
  LOY_CAMPAIGN_STATUS_INACTIVE,
} LoyCampaignStatus;

/**
 * LoyCampaignLabel:
 * @key: the label's name ("Event")
 * @value: its value ("Birthday"), may be empty
 */
typedef struct
{
  char *key;
  char *value;
} LoyCampaignLabel;

#define LOY_TYPE_CAMPAIGN_LABEL (loy_campaign_label_get_type ())

GType             loy_campaign_label_get_type (void) G_GNUC_CONST;
LoyCampaignLabel *loy_campaign_label_new      (const char             *key,
                                               const char             *value);
LoyCampaignLabel *loy_campaign_label_copy     (const LoyCampaignLabel *label);
void              loy_campaign_label_free     (LoyCampaignLabel       *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyCampaignLabel, loy_campaign_label_free)

/* The type's name for a person ("Discount code"), translated. */
const char        *loy_campaign_type_get_label        (LoyCampaignType  type);
/* One line on what the type gives, for the editor's type cards. */
const char        *loy_campaign_type_get_description  (LoyCampaignType  type);
/* A discount, value, free delivery, gift or event code: bought with points
 * for a code. */
gboolean           loy_campaign_type_is_coupon        (LoyCampaignType  type);
/* The optional field groups @type uses. */
LoyCampaignFields  loy_campaign_type_get_fields       (LoyCampaignType  type);
/* The languages a campaign's texts can be written in, the default first:
 * "en", "nl", "pl". */
const char * const *loy_campaign_get_languages        (void);
/* The language's name for a person ("Dutch" for "nl"), translated; an
 * unknown code as it is. */
const char        *loy_campaign_language_get_label    (const char      *language);

#define LOY_TYPE_CAMPAIGN (loy_campaign_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaign, loy_campaign, LOY, CAMPAIGN, GObject)

/* Money is in cents; LOY_UNSET for "not given". Times are Unix seconds,
 * so UTC; both ends of a window are inclusive. Limits: LOY_UNSET is
 * unlimited. */
LoyCampaign     *loy_campaign_new                        (void);

const char      *loy_campaign_get_uuid                   (LoyCampaign     *self);
void             loy_campaign_set_uuid                   (LoyCampaign     *self,
                                                          const char      *uuid);
LoyCampaignType  loy_campaign_get_campaign_type          (LoyCampaign     *self);
/* Leaves the other type's fields as they are: see
 * loy_campaign_get_filled_fields() and loy_campaign_clear_fields(). */
void             loy_campaign_set_campaign_type          (LoyCampaign     *self,
                                                          LoyCampaignType  campaign_type);
gint64           loy_campaign_get_created_at             (LoyCampaign     *self);
void             loy_campaign_set_created_at             (LoyCampaign     *self,
                                                          gint64           created_at);

/* Texts. The default language ("en" unless set) is the one whose name is
 * required, and the one the "name" property reads and writes. */
const char      *loy_campaign_get_default_language       (LoyCampaign     *self);
void             loy_campaign_set_default_language       (LoyCampaign     *self,
                                                          const char      *language);
const char      *loy_campaign_get_text                   (LoyCampaign     *self,
                                                          const char      *language,
                                                          LoyCampaignText  text);
/* A NULL or empty @value removes the text. */
void             loy_campaign_set_text                   (LoyCampaign     *self,
                                                          const char      *language,
                                                          LoyCampaignText  text,
                                                          const char      *value);
/* The languages with at least one text, sorted. */
char           **loy_campaign_dup_languages              (LoyCampaign     *self);
const char      *loy_campaign_get_name                   (LoyCampaign     *self);
void             loy_campaign_set_name                   (LoyCampaign     *self,
                                                          const char      *name);

/* Details */
gboolean         loy_campaign_get_is_active              (LoyCampaign     *self);
void             loy_campaign_set_is_active              (LoyCampaign     *self,
                                                          gboolean         is_active);
const char      *loy_campaign_get_more_information_link  (LoyCampaign     *self);
void             loy_campaign_set_more_information_link  (LoyCampaign     *self,
                                                          const char      *link);
const char      *loy_campaign_get_push_text              (LoyCampaign     *self);
void             loy_campaign_set_push_text              (LoyCampaign     *self,
                                                          const char      *push_text);
gint64           loy_campaign_get_cost_in_points         (LoyCampaign     *self);
void             loy_campaign_set_cost_in_points         (LoyCampaign     *self,
                                                          gint64           cost_in_points);
/* Cashback: what one point is worth. */
gint64           loy_campaign_get_point_value_cents      (LoyCampaign     *self);
void             loy_campaign_set_point_value_cents      (LoyCampaign     *self,
                                                          gint64           cents);
gint64           loy_campaign_get_reward_value_cents     (LoyCampaign     *self);
void             loy_campaign_set_reward_value_cents     (LoyCampaign     *self,
                                                          gint64           cents);
/* Whole percent, LOY_UNSET when none applies. */
gint64           loy_campaign_get_tax_rate               (LoyCampaign     *self);
void             loy_campaign_set_tax_rate               (LoyCampaign     *self,
                                                          gint64           tax_rate);
gint64           loy_campaign_get_tax_value_cents        (LoyCampaign     *self);
void             loy_campaign_set_tax_value_cents        (LoyCampaign     *self,
                                                          gint64           cents);
gboolean         loy_campaign_get_featured               (LoyCampaign     *self);
void             loy_campaign_set_featured               (LoyCampaign     *self,
                                                          gboolean         featured);
gboolean         loy_campaign_get_public                 (LoyCampaign     *self);
void             loy_campaign_set_public                 (LoyCampaign     *self,
                                                          gboolean         public_);
/* Percentage discount code: the share of the purchase, 1–100; 0 unset. */
gint64           loy_campaign_get_transaction_percentage (LoyCampaign     *self);
void             loy_campaign_set_transaction_percentage (LoyCampaign     *self,
                                                          gint64           percentage);
/* Issued coupons: days before one can be used, and how long it is valid
 * then (0: forever). */
gint64           loy_campaign_get_days_inactive          (LoyCampaign     *self);
void             loy_campaign_set_days_inactive          (LoyCampaign     *self,
                                                          gint64           days);
gint64           loy_campaign_get_days_valid             (LoyCampaign     *self);
void             loy_campaign_set_days_valid             (LoyCampaign     *self,
                                                          gint64           days);
LoyConnectType   loy_campaign_get_connect_type           (LoyCampaign     *self);
void             loy_campaign_set_connect_type           (LoyCampaign     *self,
                                                          LoyConnectType   connect_type);
/* A file: URI or http(s) URL of a PNG, JPEG or WebP image, or NULL. */
const char      *loy_campaign_get_brand_image            (LoyCampaign     *self);
void             loy_campaign_set_brand_image            (LoyCampaign     *self,
                                                          const char      *uri);

/* Labels and categories */
/* (element-type LoyCampaignLabel) (transfer none) */
GPtrArray       *loy_campaign_get_labels                 (LoyCampaign     *self);
/* Copies @labels (element-type LoyCampaignLabel), or clears with NULL. */
void             loy_campaign_set_labels                 (LoyCampaign     *self,
                                                          GPtrArray       *labels);
void             loy_campaign_add_label                  (LoyCampaign     *self,
                                                          const char      *key,
                                                          const char      *value);
/* Whether a label has @key and, unless @value is NULL, @value too. */
gboolean         loy_campaign_has_label                  (LoyCampaign     *self,
                                                          const char      *key,
                                                          const char      *value);
/* The UUIDs of the campaign's categories: never NULL. */
const char * const *loy_campaign_get_category_uuids      (LoyCampaign     *self);
void             loy_campaign_set_category_uuids         (LoyCampaign     *self,
                                                          const char * const *uuids);

/* Target: everyone (%LOY_TARGET_TYPE_NONE), contacts at one of the levels,
 * or members of any of the segments. */
LoyTargetType    loy_campaign_get_target_type            (LoyCampaign     *self);
void             loy_campaign_set_target_type            (LoyCampaign     *self,
                                                          LoyTargetType    target_type);
const char * const *loy_campaign_get_level_uuids         (LoyCampaign     *self);
void             loy_campaign_set_level_uuids            (LoyCampaign     *self,
                                                          const char * const *uuids);
const char * const *loy_campaign_get_segment_uuids       (LoyCampaign     *self);
void             loy_campaign_set_segment_uuids          (LoyCampaign     *self,
                                                          const char * const *uuids);

/* Activity (when it can be got) and visibility (when it is listed). When
 * @all_time is set the dates are kept but not used, so that switching it
 * back and forth in an editor loses nothing. */
gboolean         loy_campaign_get_activity_all_time      (LoyCampaign     *self);
gint64           loy_campaign_get_active_from            (LoyCampaign     *self);
gint64           loy_campaign_get_active_to              (LoyCampaign     *self);
void             loy_campaign_set_activity               (LoyCampaign     *self,
                                                          gboolean         all_time,
                                                          gint64           from,
                                                          gint64           to);
gboolean         loy_campaign_get_visibility_all_time    (LoyCampaign     *self);
gint64           loy_campaign_get_visible_from           (LoyCampaign     *self);
gint64           loy_campaign_get_visible_to             (LoyCampaign     *self);
void             loy_campaign_set_visibility             (LoyCampaign     *self,
                                                          gboolean         all_time,
                                                          gint64           from,
                                                          gint64           to);

/* Limits, independent of each other: LOY_UNSET is unlimited. */
gint64           loy_campaign_get_limit                  (LoyCampaign     *self);
void             loy_campaign_set_limit                  (LoyCampaign     *self,
                                                          gint64           limit);
gint64           loy_campaign_get_limit_per_contact      (LoyCampaign     *self);
void             loy_campaign_set_limit_per_contact      (LoyCampaign     *self,
                                                          gint64           limit);

/* How many were bought and not cancelled, as the store counted when it
 * read the campaign; LOY_UNSET when not counted. */
gint64           loy_campaign_get_n_sold                 (LoyCampaign     *self);
void             loy_campaign_set_n_sold                 (LoyCampaign     *self,
                                                          gint64           n_sold);

/* Coupons: the campaign's own code group, or one code for everybody. */
const char      *loy_campaign_get_code_group_uuid        (LoyCampaign     *self);
void             loy_campaign_set_code_group_uuid        (LoyCampaign     *self,
                                                          const char      *uuid);
const char      *loy_campaign_get_shared_code            (LoyCampaign     *self);
void             loy_campaign_set_shared_code            (LoyCampaign     *self,
                                                          const char      *code);

/* The optional field groups that hold something other than their
 * default; with loy_campaign_type_get_fields() an editor knows what a
 * change of type would clear. */
LoyCampaignFields loy_campaign_get_filled_fields         (LoyCampaign     *self);
/* Puts the fields of @fields back to their defaults. */
void             loy_campaign_clear_fields               (LoyCampaign     *self,
                                                          LoyCampaignFields fields);

/* Active / Scheduled / Ended / Inactive at @now. */
LoyCampaignStatus loy_campaign_get_status                (LoyCampaign     *self,
                                                          GDateTime       *now);
/* The status as the campaign list shows it ("Scheduled"), translated. */
const char      *loy_campaign_status_get_label           (LoyCampaignStatus status);

G_END_DECLS
