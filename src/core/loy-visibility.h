/* loy-visibility.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-contact.h"
#include "loy-reward.h"

G_BEGIN_DECLS

/**
 * LoyVisibility:
 *
 * Whether a reward shows, and if not, the first rule that hides it, in the
 * order the rules are checked.
 */
typedef enum
{
  LOY_VISIBILITY_VISIBLE,
  LOY_VISIBILITY_INACTIVE,
  LOY_VISIBILITY_WRONG_PLATFORM,
  LOY_VISIBILITY_WRONG_SHOP,
  LOY_VISIBILITY_CONTACT_FILTER,
  LOY_VISIBILITY_OUT_OF_STOCK,
  LOY_VISIBILITY_OUT_OF_CODES,
} LoyVisibility;

/* Is @reward visible to @contact (NULL: anyone) on @platform (0: any) in the
 * shop @shop_uuid (NULL: any) at @at? Active flag first, then platform, shop,
 * contact filter, stock and codes left. Affordability is not visibility. */
LoyVisibility  loy_reward_check_visibility (LoyReward   *reward,
                                            LoyContact  *contact,
                                            LoyPlatform  platform,
                                            const char  *shop_uuid,
                                            GDateTime   *at);
/* A sentence for the user saying why a reward is hidden; NULL when visible. */
const char    *loy_visibility_describe     (LoyVisibility visibility);

G_END_DECLS
