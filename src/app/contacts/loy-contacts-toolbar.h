/* loy-contacts-toolbar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-section-view.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACTS_TOOLBAR (loy_contacts_toolbar_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactsToolbar, loy_contacts_toolbar, LOY, CONTACTS_TOOLBAR, GtkWidget)

/* The Contacts section's own controls, for beside its search: filters by
 * level and segment and the sort order (all done by the store), and
 * "Enroll Contact" where the store can enroll. It also opens a contact's
 * window when the section activates one. */
LoyContactsToolbar *loy_contacts_toolbar_new            (LoySectionView     *section_view);
/* Opens (or raises) the window of @contact. */
GtkWindow          *loy_contacts_toolbar_open_contact   (LoyContactsToolbar *self,
                                                         LoyContact         *contact);
/* The level and segment choices are listed once the filter popover opens. */
GtkMenuButton      *loy_contacts_toolbar_get_filter_button    (LoyContactsToolbar *self);
GtkDropDown        *loy_contacts_toolbar_get_level_dropdown   (LoyContactsToolbar *self);
GtkDropDown        *loy_contacts_toolbar_get_segment_dropdown (LoyContactsToolbar *self);
GtkDropDown        *loy_contacts_toolbar_get_sort_dropdown    (LoyContactsToolbar *self);

G_END_DECLS
