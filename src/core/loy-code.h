/* loy-code.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_CODE (loy_code_get_type ())

G_DECLARE_FINAL_TYPE (LoyCode, loy_code, LOY, CODE, GObject)

/**
 * LoyCode:
 *
 * One single-use code of a code group. Issued codes carry the contact they
 * went to and when.
 */
LoyCode       *loy_code_new                  (void);
/* Codes have no UUID of their own in the API; the store uses "GROUP/CODE". */
const char    *loy_code_get_uuid             (LoyCode    *self);
void           loy_code_set_uuid             (LoyCode    *self,
                                              const char *uuid);
const char    *loy_code_get_code             (LoyCode    *self);
void           loy_code_set_code             (LoyCode    *self,
                                              const char *code);
const char    *loy_code_get_group_uuid       (LoyCode    *self);
void           loy_code_set_group_uuid       (LoyCode    *self,
                                              const char *group_uuid);
LoyCodeStatus  loy_code_get_status           (LoyCode    *self);
const char    *loy_code_get_contact_uuid     (LoyCode    *self);
const char    *loy_code_get_contact_name     (LoyCode    *self);
/* Unix seconds; 0 while available. */
gint64         loy_code_get_issued_at        (LoyCode    *self);
/* Unix seconds; 0 unless its redemption was reversed. */
gint64         loy_code_get_revoked_at       (LoyCode    *self);
void           loy_code_set_revoked_at       (LoyCode    *self,
                                              gint64      revoked_at);
/* Marks the code issued to a contact; NULL @contact_uuid makes it available. */
void           loy_code_set_issued           (LoyCode    *self,
                                              const char *contact_uuid,
                                              const char *contact_name,
                                              gint64      issued_at);

G_END_DECLS
