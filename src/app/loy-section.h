/* loy-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-section-view.h"

G_BEGIN_DECLS

#define LOY_TYPE_SECTION (loy_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (LoySection, loy_section, LOY, SECTION, GtkWidget)

/**
 * LoySectionClass:
 *
 * One area's section of the window (LoyRewardsSection, LoyContactsSection…),
 * as Sysprof's sections derive from SysprofSection: the subclass's template
 * holds the LoySectionView it hands over with loy_section_set_view(), and
 * the subclass adds the columns, buttons, actions and item activation. The
 * section takes the window's store and compact mode for its list, and hides
 * itself when the store cannot list the list's kind.
 */
struct _LoySectionClass
{
  GtkWidgetClass parent_class;
};

LoySectionView *loy_section_get_view    (LoySection     *self);
/* From the subclass's init, once, after its template is built. */
void            loy_section_set_view    (LoySection     *self,
                                         LoySectionView *view);
LoyStore       *loy_section_get_store   (LoySection     *self);
void            loy_section_set_store   (LoySection     *self,
                                         LoyStore       *store);
gboolean        loy_section_get_compact (LoySection     *self);
void            loy_section_set_compact (LoySection     *self,
                                         gboolean        compact);
/* Takes the record out of the list with an "Undo" toast, and deletes it
 * from the store once the toast has gone. */
void            loy_section_delete_with_undo (LoySection *self,
                                              const char *uuid,
                                              const char *name);

G_END_DECLS
