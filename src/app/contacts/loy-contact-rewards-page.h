/* loy-contact-rewards-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-contact-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_REWARDS_PAGE (loy_contact_rewards_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactRewardsPage, loy_contact_rewards_page, LOY, CONTACT_REWARDS_PAGE,
                      GtkBox)

LoyPagedModel *loy_contact_rewards_page_get_rewards (LoyContactRewardsPage *self);
LoyReward     *loy_contact_rewards_page_find_reward (LoyContactRewardsPage *self,
                                                     const char            *uuid);
gint64         loy_contact_rewards_page_get_missing (LoyContactRewardsPage *self,
                                                     LoyReward             *reward);

G_END_DECLS
