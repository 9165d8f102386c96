/* loy-reward-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_EDITOR (loy_reward_editor_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardEditor, loy_reward_editor, LOY, REWARD_EDITOR, AdwWindow)

/* Emits ::changed (LoyReward *reward) after each write, and ::delete-requested
 * (LoyReward *reward) as it closes for the reward to be deleted. A digital
 * reward's Codes page says how many are left and adds more. */
LoyRewardEditor *loy_reward_editor_new           (GtkWindow       *parent,
                                                  LoyStore        *store,
                                                  LoyReward       *reward);
/* Returns: (transfer full): the fields that differ from the stored reward, as
 * update_reward takes them */
JsonObject      *loy_reward_editor_get_changes   (LoyRewardEditor *self);
gboolean         loy_reward_editor_get_busy      (LoyRewardEditor *self);

G_END_DECLS
