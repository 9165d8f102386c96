/* loy-discard-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOY_TYPE_DISCARD_DIALOG (loy_discard_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyDiscardDialog, loy_discard_dialog, LOY, DISCARD_DIALOG, AdwMessageDialog)

/* Asks before @parent closes with what the user entered: the "discard"
 * response destroys @parent, "cancel" leaves it as it is. */
LoyDiscardDialog *loy_discard_dialog_new (GtkWindow  *parent,
                                          const char *heading,
                                          const char *body);

G_END_DECLS
