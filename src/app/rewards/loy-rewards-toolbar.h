/* loy-rewards-toolbar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "codes/loy-code-group-window.h"
#include "loy-reward-editor.h"
#include "loy-reward-wizard.h"
#include "loy-section-view.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARDS_TOOLBAR (loy_rewards_toolbar_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardsToolbar, loy_rewards_toolbar, LOY, REWARDS_TOOLBAR, GtkWidget)

/* The Rewards section's "New Reward" button, where the store can create
 * rewards. It opens the editor of a reward and the window of a code group
 * when their sections activate one, and reloads both sections after a write. */
LoyRewardsToolbar  *loy_rewards_toolbar_new             (LoySectionView    *rewards,
                                                         LoySectionView    *code_groups);
LoyRewardWizard    *loy_rewards_toolbar_new_reward      (LoyRewardsToolbar *self);
LoyRewardEditor    *loy_rewards_toolbar_open_reward     (LoyRewardsToolbar *self,
                                                         LoyReward         *reward);
LoyCodeGroupWindow *loy_rewards_toolbar_open_code_group (LoyRewardsToolbar *self,
                                                         LoyCodeGroup      *group);

G_END_DECLS
