/* loy-contacts-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-section.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACTS_SECTION (loy_contacts_section_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactsSection, loy_contacts_section, LOY, CONTACTS_SECTION, LoySection)

/* The Contacts section: the list with filters by level and segment and
 * the sort order (all done by the store), "Enroll Contact" where the
 * store can enroll, and a contact's window for a contact activated. */
/* Opens (or raises) the window of @contact. */
GtkWindow          *loy_contacts_section_open_contact   (LoyContactsSection *self,
                                                         LoyContact         *contact);
/* The level and segment choices are listed once the filter popover opens. */
GtkMenuButton      *loy_contacts_section_get_filter_button    (LoyContactsSection *self);
GtkDropDown        *loy_contacts_section_get_level_dropdown   (LoyContactsSection *self);
GtkDropDown        *loy_contacts_section_get_segment_dropdown (LoyContactsSection *self);
GtkDropDown        *loy_contacts_section_get_sort_dropdown    (LoyContactsSection *self);

G_END_DECLS
