/* loy-contact-details-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-contact-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_DETAILS_PAGE (loy_contact_details_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactDetailsPage, loy_contact_details_page, LOY, CONTACT_DETAILS_PAGE,
                      GtkBox)

G_END_DECLS
