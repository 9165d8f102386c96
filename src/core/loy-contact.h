/* loy-contact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT (loy_contact_get_type ())

G_DECLARE_FINAL_TYPE (LoyContact, loy_contact, LOY, CONTACT, GObject)

LoyContact *loy_contact_new                (void);
const char *loy_contact_get_uuid           (LoyContact *self);
void        loy_contact_set_uuid           (LoyContact *self,
                                            const char *uuid);
const char *loy_contact_get_email          (LoyContact *self);
void        loy_contact_set_email          (LoyContact *self,
                                            const char *email);
const char *loy_contact_get_first_name     (LoyContact *self);
void        loy_contact_set_first_name     (LoyContact *self,
                                            const char *first_name);
const char *loy_contact_get_last_name      (LoyContact *self);
void        loy_contact_set_last_name      (LoyContact *self,
                                            const char *last_name);
/* "First Last", or the email when both names are empty. Owned by @self. */
const char *loy_contact_get_display_name   (LoyContact *self);
gint64      loy_contact_get_balance        (LoyContact *self);
void        loy_contact_set_balance        (LoyContact *self,
                                            gint64      balance);
const char *loy_contact_get_level_uuid     (LoyContact *self);
const char *loy_contact_get_level_name     (LoyContact *self);
void        loy_contact_set_level          (LoyContact *self,
                                            const char *level_uuid,
                                            const char *level_name);
/* Unix time in seconds, 0 when unknown. */
gint64      loy_contact_get_created_at     (LoyContact *self);
void        loy_contact_set_created_at     (LoyContact *self,
                                            gint64      created_at);
/* Typed contact attributes (birth date, ...). Never NULL. */
JsonObject *loy_contact_get_attributes     (LoyContact *self);
void        loy_contact_set_attribute      (LoyContact *self,
                                            const char *key,
                                            JsonNode   *value);
/* The points that expire next and when (unix seconds); 0 and 0 when none do. */
gint64      loy_contact_get_expiring_points (LoyContact *self);
gint64      loy_contact_get_expiring_at    (LoyContact *self);
void        loy_contact_set_next_expiry    (LoyContact *self,
                                            gint64      points,
                                            gint64      expiring_at);
/* Money paid in ahead (a remote account's prepaid balance), in cents;
 * LOY_UNSET where there is none. */
gint64      loy_contact_get_prepaid_balance_cents (LoyContact *self);
void        loy_contact_set_prepaid_balance_cents (LoyContact *self,
                                                   gint64      cents);

G_END_DECLS
