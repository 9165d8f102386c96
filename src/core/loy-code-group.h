/* loy-code-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOY_TYPE_CODE_GROUP (loy_code_group_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeGroup, loy_code_group, LOY, CODE_GROUP, GObject)

LoyCodeGroup *loy_code_group_new                     (void);
const char   *loy_code_group_get_uuid                (LoyCodeGroup *self);
void          loy_code_group_set_uuid                (LoyCodeGroup *self,
                                                      const char   *uuid);
const char   *loy_code_group_get_name                (LoyCodeGroup *self);
void          loy_code_group_set_name                (LoyCodeGroup *self,
                                                      const char   *name);
const char   *loy_code_group_get_reward_uuid         (LoyCodeGroup *self);
void          loy_code_group_set_reward_uuid         (LoyCodeGroup *self,
                                                      const char   *reward_uuid);
/* The title of the reward whose codes these are; NULL for a campaign's group. */
const char   *loy_code_group_get_reward_title        (LoyCodeGroup *self);
void          loy_code_group_set_reward_title        (LoyCodeGroup *self,
                                                      const char   *reward_title);
/* The name, in its default language, of the campaign whose codes these
 * are; NULL for a reward's group. */
const char   *loy_code_group_get_campaign_name       (LoyCodeGroup *self);
void          loy_code_group_set_campaign_name       (LoyCodeGroup *self,
                                                      const char   *campaign_name);
gint64        loy_code_group_get_total               (LoyCodeGroup *self);
gint64        loy_code_group_get_available           (LoyCodeGroup *self);
gint64        loy_code_group_get_issued              (LoyCodeGroup *self);
void          loy_code_group_set_counts              (LoyCodeGroup *self,
                                                      gint64        total,
                                                      gint64        available);
gint64        loy_code_group_get_low_stock_threshold (LoyCodeGroup *self);
void          loy_code_group_set_low_stock_threshold (LoyCodeGroup *self,
                                                      gint64        threshold);
gboolean      loy_code_group_is_low_on_stock         (LoyCodeGroup *self);
gint64        loy_code_group_get_issued_last_30_days (LoyCodeGroup *self);
void          loy_code_group_set_issued_last_30_days (LoyCodeGroup *self,
                                                      gint64        issued);
GDateTime    *loy_code_group_forecast_empty_at       (LoyCodeGroup *self,
                                                      GDateTime    *now);

G_END_DECLS
