/* loy-contact-questions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-confirm-dialog.h"
#include "loy-contact-history-page.h"
#include "loy-contact-questions.h"
#include "loy-format.h"

AdwMessageDialog *
loy_redeem_question_new (GtkWindow *parent,
                         LoyReward *reward,
                         gint64     balance)
{
  gint64 cost = loy_reward_get_required_credits (reward);
  gint64 after = balance - cost;
  g_autofree char *cost_text = loy_format_points (cost);
  g_autofree char *after_text = loy_format_points (after);
  g_autofree char *heading = NULL;
  g_autofree char *cost_sentence = NULL;
  g_autofree char *after_sentence = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (LOY_IS_REWARD (reward), NULL);

  heading = g_strdup_printf (_("Redeem “%s”?"), loy_reward_get_title (reward));
  cost_sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "It costs %s point.", "It costs %s points.",
                                                (gulong) cost),
                                   cost_text);
  after_sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The balance after is %s point.",
                                                 "The balance after is %s points.",
                                                 (gulong) after),
                                    after_text);
  body = g_strconcat (cost_sentence, " ", after_sentence, NULL);

  dialog = loy_confirm_dialog_new (parent, heading, body,
                                   "redeem", _("_Redeem"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "reward", g_object_ref (reward), g_object_unref);

  return dialog;
}

LoyReward *
loy_redeem_question_get_reward (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "reward");
}

char *
loy_redeem_question_describe_error (const GError *error,
                                    LoyReward    *reward)
{
  const char *title = loy_reward_get_title (reward);

  if (error->domain != LOY_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case LOY_ERROR_INSUFFICIENT_BALANCE:
      return g_strdup_printf (_("Not enough points for “%s”"), title);
    case LOY_ERROR_OUT_OF_CODES:
      return g_strdup_printf (_("No codes left for “%s”"), title);
    case LOY_ERROR_OUT_OF_STOCK:
      return g_strdup_printf (_("“%s” is out of stock"), title);
    case LOY_ERROR_NOT_VISIBLE:
      return g_strdup_printf (_("“%s” is not available to this contact"), title);
    default:
      return g_strdup (error->message);
    }
}

/* A reversal says why: Reverse stays off until a reason is typed. */
static void
reverse_reason_changed_cb (AdwMessageDialog *dialog,
                           GtkEditable      *reason)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "reverse", text[0] != '\0');
}

AdwMessageDialog *
loy_reverse_question_new (GtkWindow      *parent,
                          LoyLedgerEntry *entry,
                          const char     *reason_text)
{
  const char *code = loy_ledger_entry_get_code (entry);
  gint64 credits = loy_ledger_entry_get_credits (entry);
  g_autofree char *points = loy_format_signed_points (credits);
  g_autofree char *date = loy_format_unix_date (loy_ledger_entry_get_created_at (entry));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *reason;

  if (code != NULL)
    body = g_strdup_printf (_("A counter-entry gives its points back to the balance. "
                              "The code %s will stop working. "
                              "The entry itself stays in the history."),
                            code);
  else
    body = g_strdup (_("A counter-entry takes its points back out of the balance "
                       "(or puts them back). The entry itself stays in the history."));

  /* Translators: “Reverse “Purchase” of +120 points on 3 Nov 2026?” */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reverse “%s” of %s point on %s?",
                                          "Reverse “%s” of %s points on %s?", ABS (credits)),
                             loy_contact_history_page_type_name (loy_ledger_entry_get_entry_type (entry)),
                             points, date);
  dialog = loy_confirm_dialog_new (parent, heading, body,
                                   "reverse", _("_Reverse"), ADW_RESPONSE_DESTRUCTIVE);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, kept in the history"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, reason);
  adw_message_dialog_set_response_enabled (dialog, "reverse", FALSE);
  g_signal_connect_object (reason, "changed", G_CALLBACK (reverse_reason_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  if (reason_text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (reason), reason_text);
  g_object_set_data_full (G_OBJECT (dialog), "entry", g_object_ref (entry), g_object_unref);

  return dialog;
}

LoyLedgerEntry *
loy_reverse_question_get_entry (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "entry");
}

const char *
loy_reverse_question_get_reason (AdwMessageDialog *dialog)
{
  return gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
}
