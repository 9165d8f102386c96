/* loy-campaign-private.h — LoyCampaign's instance, shared by the files that
 * implement it (loy-campaign.c and loy-campaign-*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-campaign.h"

G_BEGIN_DECLS

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
  gint64           n_sold;

  LoyCampaignType  campaign_type;
  LoyTargetType    target_type;
  LoyConnectType   connect_type;

  gboolean         is_active;
  gboolean         featured;
  gboolean         public;
  gboolean         activity_all_time;
  gboolean         visibility_all_time;
};

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

/* Filled by loy_campaign_class_init(). */
extern GParamSpec *_loy_campaign_properties [N_PROPS];

void _loy_campaign_notify          (LoyCampaign         *self,
                                     guint                prop_id);
/* Each notifies its property when the value changes. */
void _loy_campaign_set_int64        (LoyCampaign         *self,
                                     gint64              *field,
                                     gint64               value,
                                     guint                prop_id);
void _loy_campaign_set_boolean      (LoyCampaign         *self,
                                     gboolean            *field,
                                     gboolean             value,
                                     guint                prop_id);
/* Lists of UUIDs are never NULL, so that callers can walk them at once. */
void _loy_campaign_set_strv         (LoyCampaign         *self,
                                     char              ***field,
                                     const char * const  *value,
                                     guint                prop_id);
void _loy_campaign_translation_free (gpointer             translation);

G_END_DECLS
