/* loy-reward.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-enums.h"
#include "loy-view-filter.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD (loy_reward_get_type ())

G_DECLARE_FINAL_TYPE (LoyReward, loy_reward, LOY, REWARD, GObject)

LoyReward     *loy_reward_new                   (void);
gint64         loy_reward_get_id                (LoyReward     *self);
void           loy_reward_set_id                (LoyReward     *self,
                                                 gint64         id);
const char    *loy_reward_get_uuid              (LoyReward     *self);
void           loy_reward_set_uuid              (LoyReward     *self,
                                                 const char    *uuid);
const char    *loy_reward_get_title             (LoyReward     *self);
void           loy_reward_set_title             (LoyReward     *self,
                                                 const char    *title);
const char    *loy_reward_get_description       (LoyReward     *self);
void           loy_reward_set_description       (LoyReward     *self,
                                                 const char    *description);
LoyRewardType  loy_reward_get_reward_type       (LoyReward     *self);
void           loy_reward_set_reward_type       (LoyReward     *self,
                                                 LoyRewardType  reward_type);
gboolean       loy_reward_get_is_active         (LoyReward     *self);
void           loy_reward_set_is_active         (LoyReward     *self,
                                                 gboolean       is_active);
gint64         loy_reward_get_required_credits  (LoyReward     *self);
void           loy_reward_set_required_credits  (LoyReward     *self,
                                                 gint64         required_credits);
/* media: {"type": "image", "value": URL or local file URI} */
const char    *loy_reward_get_media_type        (LoyReward     *self);
const char    *loy_reward_get_media_value       (LoyReward     *self);
void           loy_reward_set_media             (LoyReward     *self,
                                                 const char    *media_type,
                                                 const char    *media_value);
/* Money is held in cents; LOY_UNSET when the API says null. */
gint64         loy_reward_get_cost_price_cents  (LoyReward     *self);
void           loy_reward_set_cost_price_cents  (LoyReward     *self,
                                                 gint64         cents);
/* LOY_UNSET: no stock limit. */
gint64         loy_reward_get_stock             (LoyReward     *self);
void           loy_reward_set_stock             (LoyReward     *self,
                                                 gint64         stock);
gboolean       loy_reward_get_pre_redeemable    (LoyReward     *self);
void           loy_reward_set_pre_redeemable    (LoyReward     *self,
                                                 gboolean       pre_redeemable);
/* Seconds; LOY_UNSET: never expires. */
gint64         loy_reward_get_expiration_duration (LoyReward   *self);
void           loy_reward_set_expiration_duration (LoyReward   *self,
                                                   gint64       seconds);
/* Custom attributes arrive from the API as extra top-level keys. Never NULL. */
JsonObject    *loy_reward_get_custom_attributes (LoyReward     *self);
void           loy_reward_set_custom_attribute  (LoyReward     *self,
                                                 const char    *key,
                                                 JsonNode      *value);
/* Who may see the reward, where (seed 000 "View filters"); NULL: everyone, everywhere. */
const LoyViewFilter *loy_reward_get_view_filter (LoyReward           *self);
void           loy_reward_set_view_filter       (LoyReward           *self,
                                                 const LoyViewFilter *filter);
/* Digital rewards: the code group codes are claimed from, and how many are left
 * (LOY_UNSET for a physical reward or when the backend does not say). */
const char    *loy_reward_get_code_group_uuid   (LoyReward     *self);
void           loy_reward_set_code_group_uuid   (LoyReward     *self,
                                                 const char    *code_group_uuid);
gint64         loy_reward_get_codes_available   (LoyReward     *self);
void           loy_reward_set_codes_available   (LoyReward     *self,
                                                 gint64         codes_available);

G_END_DECLS
