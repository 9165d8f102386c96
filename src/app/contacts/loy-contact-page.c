/* loy-contact-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-contact-page.h"

G_DEFINE_INTERFACE (LoyContactPage, loy_contact_page, GTK_TYPE_WIDGET)

static void
loy_contact_page_default_init (LoyContactPageInterface *iface)
{
}

gboolean
loy_contact_page_setup (LoyContactPage *self,
                        LoyStore       *store,
                        LoyContact     *contact)
{
  g_return_val_if_fail (LOY_IS_CONTACT_PAGE (self), FALSE);
  g_return_val_if_fail (LOY_IS_STORE (store), FALSE);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), FALSE);

  return LOY_CONTACT_PAGE_GET_IFACE (self)->setup (self, store, contact);
}

void
loy_contact_page_show_contact (LoyContactPage *self,
                               LoyContact     *contact)
{
  LoyContactPageInterface *iface;

  g_return_if_fail (LOY_IS_CONTACT_PAGE (self));
  g_return_if_fail (LOY_IS_CONTACT (contact));

  iface = LOY_CONTACT_PAGE_GET_IFACE (self);
  if (iface->show_contact != NULL)
    iface->show_contact (self, contact);
}

void
loy_contact_page_reload (LoyContactPage *self)
{
  LoyContactPageInterface *iface;

  g_return_if_fail (LOY_IS_CONTACT_PAGE (self));

  iface = LOY_CONTACT_PAGE_GET_IFACE (self);
  if (iface->reload != NULL)
    iface->reload (self);
}
