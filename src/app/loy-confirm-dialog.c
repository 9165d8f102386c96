/* loy-confirm-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-confirm-dialog.h"

AdwMessageDialog *
loy_confirm_dialog_new (GtkWindow             *parent,
                        const char            *heading,
                        const char            *body,
                        const char            *response_id,
                        const char            *response_label,
                        AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (response_id != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    response_id, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response_id, appearance);
  adw_message_dialog_set_default_response (dialog,
                                           appearance == ADW_RESPONSE_DESTRUCTIVE
                                             ? "cancel" : response_id);
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}
