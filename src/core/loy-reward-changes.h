/* loy-reward-changes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-reward.h"

G_BEGIN_DECLS

/* Shared validation of an update, so both backends refuse the same input
 * with the same message: field types, positive required_credits, non-empty title. */
gboolean loy_reward_changes_validate (JsonObject  *changes,
                                      GError     **error);
/* Applies validated @changes to @reward (custom attributes included). */
void     loy_reward_apply_changes    (LoyReward   *reward,
                                      JsonObject  *changes);

G_END_DECLS
