/* loy-contact-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_PAGE (loy_contact_page_get_type ())

G_DECLARE_INTERFACE (LoyContactPage, loy_contact_page, LOY, CONTACT_PAGE, GtkWidget)

/**
 * LoyContactPageInterface:
 * @setup: once, as the window opens: the store to read from and the contact;
 *   returns %FALSE when @store cannot list what the page shows, and the
 *   window then hides the page
 * @show_contact: (nullable): the contact as read back after a write; its
 *   balance, level and details may have changed
 * @reload: (nullable): a write for the contact went through: read again the
 *   lists a write adds to
 *
 * One tab of the contact window. The window keeps the header and the
 * support desk's actions (contact.award, contact.redeem, …); a page shows
 * what it lists and points its buttons at those actions. Every child of
 * the window's view stack that implements the interface is a page, so a
 * new tab is one more page file and one more stack page in the window's
 * template.
 */
struct _LoyContactPageInterface
{
  GTypeInterface parent_iface;

  gboolean (*setup)        (LoyContactPage *self,
                            LoyStore       *store,
                            LoyContact     *contact);
  void     (*show_contact) (LoyContactPage *self,
                            LoyContact     *contact);
  void     (*reload)       (LoyContactPage *self);
};

gboolean loy_contact_page_setup        (LoyContactPage *self,
                                        LoyStore       *store,
                                        LoyContact     *contact);
void     loy_contact_page_show_contact (LoyContactPage *self,
                                        LoyContact     *contact);
void     loy_contact_page_reload       (LoyContactPage *self);

G_END_DECLS
