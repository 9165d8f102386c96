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
 * responds "enroll" or "cancel", and after loy_enroll_dialog_show_taken()
 * also "open-existing", from a button beside the message. */
LoyEnrollDialog *loy_enroll_dialog_new         (GtkWindow       *parent);
void             loy_enroll_dialog_set_email   (LoyEnrollDialog *self,
                                                const char      *email);
/* (transfer full): a contact to enroll, from the fields. */
LoyContact      *loy_enroll_dialog_dup_contact (LoyEnrollDialog *self);
void             loy_enroll_dialog_set_contact (LoyEnrollDialog *self,
                                                LoyContact      *contact);
void             loy_enroll_dialog_show_taken  (LoyEnrollDialog *self,
                                                const char      *message);

G_END_DECLS
