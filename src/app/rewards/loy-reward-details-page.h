/* loy-reward-details-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-reward-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_DETAILS_PAGE (loy_reward_details_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardDetailsPage, loy_reward_details_page, LOY, REWARD_DETAILS_PAGE,
                      AdwPreferencesPage)

/* Whether the user has typed anything yet. */
gboolean loy_reward_details_page_has_input (LoyRewardDetailsPage *self);

G_END_DECLS
