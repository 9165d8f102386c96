/* loy-contact-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "campaigns/loy-contact-campaigns-page.h"
#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_WINDOW (loy_contact_window_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactWindow, loy_contact_window, LOY, CONTACT_WINDOW, AdwWindow)

LoyContactWindow *loy_contact_window_new         (GtkApplication   *application,
                                                  LoyStore         *store,
                                                  LoyContact       *contact);
/* The contact as last read from the store; replaced after every write. */
LoyContact       *loy_contact_window_get_contact (LoyContactWindow *self);
LoyPagedModel    *loy_contact_window_get_ledger  (LoyContactWindow *self);
LoyPagedModel    *loy_contact_window_get_rewards (LoyContactWindow *self);
LoyContactCampaignsPage *loy_contact_window_get_campaigns_page (LoyContactWindow *self);
/* TRUE while a write or a read-back is under way. */
gboolean          loy_contact_window_get_busy    (LoyContactWindow *self);

G_END_DECLS
