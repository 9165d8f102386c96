/* loy-write-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-write-dialog.h"

void
loy_write_dialog_show_again (AdwMessageDialog *dialog,
                             const char       *problem)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (problem != NULL);

  /* The body, not a toast: the store's words are often too long for one,
   * and they stay beside what they are about. */
  adw_message_dialog_set_body (dialog, problem);
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "write-refused");
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
loy_outcome_unknown_dialog_new (GtkWindow  *parent,
                                const char *heading,
                                const char *message,
                                const char *check_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "check", check_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "check", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "check");
  adw_message_dialog_set_close_response (dialog, "close");

  return dialog;
}

