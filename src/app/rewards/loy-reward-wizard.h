/* loy-reward-wizard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_WIZARD (loy_reward_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardWizard, loy_reward_wizard, LOY, REWARD_WIZARD, AdwWindow)

/* Emits ::created (LoyReward *reward, guint64 codes_added) before it closes. */
LoyRewardWizard *loy_reward_wizard_new      (GtkWindow       *parent,
                                             LoyStore        *store);
/* The name of the step on show: "type", "details", "image", "codes",
 * "filters", "advanced" or "summary". */
const char      *loy_reward_wizard_get_step (LoyRewardWizard *self);
/* Whether the reward is being written. */
gboolean         loy_reward_wizard_get_busy (LoyRewardWizard *self);

G_END_DECLS
