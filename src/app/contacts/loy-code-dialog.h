/* loy-code-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOY_TYPE_CODE_DIALOG (loy_code_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeDialog, loy_code_dialog, LOY, CODE_DIALOG, AdwMessageDialog)

/* Shows the code issued for a digital reward, as text and as a QR image,
 * with a button that copies it. */
LoyCodeDialog *loy_code_dialog_new      (GtkWindow     *parent,
                                         const char    *reward_title,
                                         const char    *contact_name,
                                         const char    *code);
const char    *loy_code_dialog_get_code (LoyCodeDialog *self);

G_END_DECLS
