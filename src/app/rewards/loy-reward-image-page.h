/* loy-reward-image-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"
#include "loy-reward-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_REWARD_IMAGE_PAGE (loy_reward_image_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyRewardImagePage, loy_reward_image_page, LOY, REWARD_IMAGE_PAGE,
                      AdwPreferencesPage)

/* The largest image a reward takes. */
#define LOY_REWARD_IMAGE_MAX_SIZE LOY_IMAGE_MAX_FILE_SIZE

/* Where chosen images go; one that cannot keep them (a remote account) says so. */
void        loy_reward_image_page_set_store (LoyRewardImagePage *self,
                                             LoyStore           *store);

/* Shows the image of @uri ("loy-image:UUID", file: or http(s)), or none
 * for NULL; what loading a reward does with its media value. */
void        loy_reward_image_page_show_uri  (LoyRewardImagePage *self,
                                             const char         *uri);
/* The group's title and description, for an image that is not a reward's. */
void        loy_reward_image_page_set_texts (LoyRewardImagePage *self,
                                             const char         *title,
                                             const char         *description);
/* Checks @file (type, size) and shows it; what the file chooser calls. */
void        loy_reward_image_page_set_file  (LoyRewardImagePage *self,
                                             GFile              *file);
/* What the image is called: the chosen file's name, or NULL for none. */
const char *loy_reward_image_page_get_name  (LoyRewardImagePage *self);
/* The image's URI ("loy-image:UUID" once chosen), or NULL for none. */
const char *loy_reward_image_page_get_uri   (LoyRewardImagePage *self);
/* Whether a chosen file is still being checked. */
gboolean    loy_reward_image_page_get_busy  (LoyRewardImagePage *self);

G_END_DECLS
