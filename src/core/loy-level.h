/* loy-level.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOY_TYPE_LEVEL (loy_level_get_type ())

G_DECLARE_FINAL_TYPE (LoyLevel, loy_level, LOY, LEVEL, GObject)

LoyLevel   *loy_level_new             (void);
const char *loy_level_get_uuid        (LoyLevel   *self);
void        loy_level_set_uuid        (LoyLevel   *self,
                                       const char *uuid);
const char *loy_level_get_name        (LoyLevel   *self);
void        loy_level_set_name        (LoyLevel   *self,
                                       const char *name);
/* Points a contact needs to reach this level. */
gint64      loy_level_get_threshold   (LoyLevel   *self);
void        loy_level_set_threshold   (LoyLevel   *self,
                                       gint64      threshold);
gint64      loy_level_get_n_contacts  (LoyLevel   *self);
void        loy_level_set_n_contacts  (LoyLevel   *self,
                                       gint64      n_contacts);

G_END_DECLS
