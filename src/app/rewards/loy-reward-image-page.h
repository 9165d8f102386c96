/* loy-reward-image-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-reward-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_IMAGE_PAGE (loy_reward_image_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardImagePage, loy_reward_image_page, LOY, REWARD_IMAGE_PAGE,
                      AdwPreferencesPage)

/* The largest image a reward takes. */
#define LOY_REWARD_IMAGE_MAX_SIZE (5 * 1024 * 1024)

/* Checks @file (type, size) and shows it; what the file chooser calls. */
void        loy_reward_image_page_set_file  (LoyRewardImagePage *self,
                                             GFile              *file);
/* The image's URI, or NULL for none. */
const char *loy_reward_image_page_get_uri   (LoyRewardImagePage *self);
/* Whether a chosen file is still being checked. */
gboolean    loy_reward_image_page_get_busy  (LoyRewardImagePage *self);

G_END_DECLS
