/* loy-contact-chooser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_CHOOSER (loy_contact_chooser_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactChooser, loy_contact_chooser, LOY, CONTACT_CHOOSER, GtkBox)

/* A contact chosen by search as you type, through the store's contact search
 * (on a remote account, the local index of its contacts, as the Contacts
 * section searches): the first matches listed, one of them chosen; another
 * search drops the choice. #LoyContactChooser:contact is the one chosen, or
 * %NULL. */
void        loy_contact_chooser_set_store   (LoyContactChooser *self,
                                             LoyStore          *store);
LoyContact *loy_contact_chooser_get_contact (LoyContactChooser *self);
/* Shows @contact as chosen, alone in the list, as if searched for. */
void        loy_contact_chooser_set_contact (LoyContactChooser *self,
                                             LoyContact        *contact);

G_END_DECLS
