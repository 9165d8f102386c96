/* loy-contact-campaigns-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "contacts/loy-contact-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_CAMPAIGNS_PAGE (loy_contact_campaigns_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactCampaignsPage, loy_contact_campaigns_page, LOY, CONTACT_CAMPAIGNS_PAGE, GtkBox)

/* The contact window's Campaigns tab: what the contact can get now (Buy,
 * or Issue for a percentage discount code against one of their purchases),
 * what not and why (dimmed), cashback's rate for them, and their
 * purchases with Mark Used and Cancel. */

/* (element-type LoyAvailability) (transfer none): the campaigns listed, or
 * %NULL before the first answer. */
GPtrArray *loy_contact_campaigns_page_get_availabilities (LoyContactCampaignsPage *self);
/* (element-type LoyCampaignPurchase) (transfer none), or %NULL */
GPtrArray *loy_contact_campaigns_page_get_purchases      (LoyContactCampaignsPage *self);
/* Why Pay with Points is off, or %NULL when a cashback campaign is
 * available to the contact (notified as "cashback-problem"). */
const char *loy_contact_campaigns_page_get_cashback_problem (LoyContactCampaignsPage *self);
/* Asks to buy @campaign_uuid: the confirmation, with the balance after. */
GtkWindow *loy_contact_campaigns_page_buy                (LoyContactCampaignsPage *self,
                                                          const char              *campaign_uuid);
/* Asks which purchase a percentage discount code of @campaign_uuid is
 * issued against, with its value live, then issues it. */
GtkWindow *loy_contact_campaigns_page_issue              (LoyContactCampaignsPage *self,
                                                          const char              *campaign_uuid);

G_END_DECLS
