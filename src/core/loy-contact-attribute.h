/* loy-contact-attribute.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_ATTRIBUTE (loy_contact_attribute_get_type ())

/**
 * LoyContactAttribute:
 *
 * A contact attribute that exists in the data (%LOY_KIND_CONTACT_ATTRIBUTE):
 * its name, the type of its values and how many contacts have it.
 */
G_DECLARE_FINAL_TYPE (LoyContactAttribute, loy_contact_attribute, LOY, CONTACT_ATTRIBUTE, GObject)

LoyContactAttribute *loy_contact_attribute_new            (const char          *name,
                                                           LoyAttributeType     value_type,
                                                           gint64               n_contacts);
const char          *loy_contact_attribute_get_name       (LoyContactAttribute *self);
LoyAttributeType     loy_contact_attribute_get_value_type (LoyContactAttribute *self);
gint64               loy_contact_attribute_get_n_contacts (LoyContactAttribute *self);

char                *loy_contact_attribute_dup_label      (const char          *name);

G_END_DECLS
