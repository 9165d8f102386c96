/* loy-enroll-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_ENROLL_DIALOG (loy_enroll_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyEnrollDialog, loy_enroll_dialog, LOY, ENROLL_DIALOG, AdwMessageDialog)

/* Asks for a new member's email (required, checked as typed) and names;
 * responds "enroll" or "cancel". */
LoyEnrollDialog *loy_enroll_dialog_new         (GtkWindow       *parent);
void             loy_enroll_dialog_set_email   (LoyEnrollDialog *self,
                                                const char      *email);
/* (transfer full): a contact to enroll, from the fields. */
LoyContact      *loy_enroll_dialog_dup_contact (LoyEnrollDialog *self);

G_END_DECLS
