/* loy-rewards-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-reward-editor.h"
#include "loy-reward-wizard.h"
#include "loy-section.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARDS_SECTION (loy_rewards_section_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardsSection, loy_rewards_section, LOY, REWARDS_SECTION, LoySection)

/* The Rewards section: the list with its filters by type and status, "New
 * Reward" where the store can create rewards, the editor of a reward
 * activated in the list, and deletion behind an Undo toast. */
/* The filters' dropdowns, for tests */
GtkDropDown     *loy_rewards_section_get_type_dropdown   (LoyRewardsSection *self);
GtkDropDown     *loy_rewards_section_get_status_dropdown (LoyRewardsSection *self);
LoyRewardWizard *loy_rewards_section_new_reward  (LoyRewardsSection *self);
LoyRewardEditor *loy_rewards_section_open_reward (LoyRewardsSection *self,
                                                  LoyReward         *reward);

G_END_DECLS
