/* loy-reward-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_PAGE (loy_reward_page_get_type ())

G_DECLARE_INTERFACE (LoyRewardPage, loy_reward_page, LOY, REWARD_PAGE, GtkWidget)

/**
 * LoyRewardPageInterface:
 * @load: show the fields of @reward
 * @apply: write what the page holds into @reward
 *
 * One page of a reward's fields. The create-reward wizard shows the pages as
 * steps and the reward editor as tabs, so both edit a reward the same way.
 * The #LoyRewardPage:problem property says, in a sentence for the user, why
 * what the page holds cannot be saved yet; %NULL when it can.
 */
struct _LoyRewardPageInterface
{
  GTypeInterface parent_iface;

  void (*load)  (LoyRewardPage *self,
                 LoyReward     *reward);
  void (*apply) (LoyRewardPage *self,
                 LoyReward     *reward);
};

void        loy_reward_page_load        (LoyRewardPage *self,
                                         LoyReward     *reward);
void        loy_reward_page_apply       (LoyRewardPage *self,
                                         LoyReward     *reward);
const char *loy_reward_page_get_problem (LoyRewardPage *self);

G_END_DECLS
