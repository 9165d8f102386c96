/* loy-reward-advanced-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-reward-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_ADVANCED_PAGE (loy_reward_advanced_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardAdvancedPage, loy_reward_advanced_page, LOY, REWARD_ADVANCED_PAGE,
                      AdwPreferencesPage)

/* Adds a row for a custom attribute. */
void loy_reward_advanced_page_add_attribute (LoyRewardAdvancedPage *self,
                                             const char            *key,
                                             const char            *value);

G_END_DECLS
