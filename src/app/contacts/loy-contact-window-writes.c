/* loy-contact-window-writes.c — the contact window's writes: award, adjust,
 * redeem and reverse, each told as it went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-adjust-dialog.h"
#include "loy-award-dialog.h"
#include "loy-code-dialog.h"
#include "loy-contact-questions.h"
#include "loy-contact-window-private.h"
#include "loy-format.h"
#include "loy-operator.h"
#include "loy-window.h"
#include "loy-write-dialog.h"

/* A write on its way for the contact on show. It is never cancelled:
 * closing the window would not take back what the server may have applied
 * already, and the lost-answer check that tells whether it was made runs
 * only for an answer lost, not for one given up on. So it holds the window,
 * and what was typed or chosen, until the store answers. */
typedef struct _WriteRequest WriteRequest;

/* The dialog of a write again, as @typed was answered, connected, not shown. */
typedef AdwMessageDialog *(*WriteDialogFunc) (LoyContactWindow *self,
                                              WriteRequest     *typed);

struct _WriteRequest
{
  LoyContactWindow *window;
  WriteDialogFunc   dialog_again;    /* NULL for a toast's Undo */
  const char       *unknown_heading; /* when whether it was made is not known */
  LoyAward          award;           /* its strings are these: */
  char             *action;
  char             *reason;
  gint64            credits;
  GObject          *item;            /* the reward redeemed, the entry reversed */
};

static WriteRequest *
write_request_new (LoyContactWindow *self,
                   WriteDialogFunc   dialog_again,
                   const char       *unknown_heading)
{
  WriteRequest *request = g_new0 (WriteRequest, 1);

  request->window = g_object_ref (self);
  request->dialog_again = dialog_again;
  request->unknown_heading = unknown_heading;

  self->writing = TRUE;
  loy_contact_window_begin (self);

  return request;
}

static void
write_request_free (WriteRequest *request)
{
  g_object_unref (request->window);
  g_free (request->action);
  g_free (request->reason);
  g_clear_object (&request->item);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteRequest, write_request_free)

static void
check_history_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  LoyContactWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  loy_contact_window_reload (self);
}

/* Whether the write of @request made @entry and the window is there to say
 * so; otherwise what happened instead has been told, where the agent can
 * act on it (@problem: why it failed, in the user's terms). */
static gboolean
write_request_done (WriteRequest   *request,
                    LoyLedgerEntry *entry,
                    const GError   *error,
                    const char     *problem)
{
  LoyContactWindow *self = request->window;
  AdwMessageDialog *dialog;

  self->writing = FALSE;
  /* Destroyed as the application quits: no one is left to tell. */
  if (self->contact == NULL)
    return FALSE;

  loy_contact_window_end (self);
  /* Made, not made, or maybe made: what shows is read again. */
  loy_contact_window_reload (self);
  if (entry != NULL)
    return TRUE;

  /* Closed while writing: something is left to do here, so it is back. */
  gtk_window_present (GTK_WINDOW (self));
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    {
      /* Not the dialog again: one click there would write it a second time. */
      dialog = loy_outcome_unknown_dialog_new (GTK_WINDOW (self), request->unknown_heading, problem,
                                               _("C_heck the History"));
      g_signal_connect_object (dialog, "response::check", G_CALLBACK (check_history_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (request->dialog_again != NULL)
    loy_write_dialog_show_again (request->dialog_again (self, request), problem);
  else
    {
      /* Only a toast's Undo writes without a dialog. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Not Undone"), NULL));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      loy_write_dialog_show_again (dialog, problem);
    }
  return FALSE;
}

/* Says @title (markup), with Undo of the entry @undo_uuid if not %NULL, in
 * the window. Closed while writing, the window goes now, and the main
 * window, where the agent has gone on, says it for this contact. */
static void
loy_contact_window_report (LoyContactWindow *self,
                           const char       *title,
                           const char       *undo_uuid)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkApplication *app;
  AdwToast *toast;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      toast = adw_toast_new (title);
      if (undo_uuid != NULL)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "contact.undo");
          adw_toast_set_action_target_value (toast, g_variant_new_string (undo_uuid));
        }
      loy_toast_target_add_toast (self->toast_target, toast);
      return;
    }

  name = g_markup_escape_text (loy_contact_get_display_name (self->contact), -1);
  /* Translators: in the main window, what was written for a contact whose
   * window was closed meanwhile, e.g. "Sandy Cheeks: Awarded 85 points" */
  text = g_strdup_printf (_("%s: %s"), name, title);
  app = gtk_window_get_application (GTK_WINDOW (self));
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (LOY_IS_WINDOW (l->data))
      loy_toast_target_show_from (loy_window_get_visible_view (l->data), adw_toast_new (text));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
award_points_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WriteRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autofree char *points = NULL;
  g_autofree char *title = NULL;
  gint64 credits;

  entry = loy_store_award_points_finish (LOY_STORE (object), result, &error);
  if (!write_request_done (request, entry, error, error != NULL ? error->message : NULL))
    return;

  credits = loy_ledger_entry_get_credits (entry);
  points = loy_format_points (credits);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Awarded %s point", "Awarded %s points",
                                        (gulong) credits),
                           points);
  loy_contact_window_report (request->window, title, NULL);
}

static void award_response_cb (LoyContactWindow *self,
                               const char       *response,
                               LoyAwardDialog   *dialog);

static AdwMessageDialog *
award_dialog_new (LoyContactWindow *self,
                  WriteRequest     *typed)
{
  LoyAwardDialog *dialog = loy_award_dialog_new (GTK_WINDOW (self), self->store,
                                                 loy_contact_get_uuid (self->contact), self->program);

  if (typed != NULL)
    loy_award_dialog_set_award (dialog, &typed->award);
  g_signal_connect_object (dialog, "response::award", G_CALLBACK (award_response_cb), self,
                           G_CONNECT_SWAPPED);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
award_response_cb (LoyContactWindow *self,
                   const char       *response,
                   LoyAwardDialog   *dialog)
{
  g_autofree char *operator_name = loy_operator_dup_name ();
  WriteRequest *request = write_request_new (self, award_dialog_new,
                                             _("Unknown Whether Awarded — Check the History"));
  LoyAward award;

  loy_award_dialog_get_award (dialog, &award);
  request->award = award;
  request->award.action = request->action = g_strdup (award.action);
  request->award.reason = request->reason = g_strdup (award.reason);
  award.operator_name = operator_name;
  loy_store_award_points_async (self->store, loy_contact_get_uuid (self->contact), &award,
                                NULL, award_points_cb, request);
}

void
loy_contact_window_award_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (award_dialog_new (LOY_CONTACT_WINDOW (widget), NULL)));
}

static void
adjust_points_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WriteRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autofree char *points = NULL;
  g_autofree char *title = NULL;
  gint64 credits;
  guint64 magnitude;

  entry = loy_store_adjust_points_finish (LOY_STORE (object), result, &error);
  if (!write_request_done (request, entry, error, error != NULL ? error->message : NULL))
    return;

  /* Just the signed amount: a toast's title does not wrap, and beside the
   * Undo button at phone width anything longer is cut off. */
  credits = loy_ledger_entry_get_credits (entry);
  magnitude = credits < 0 ? (guint64) 0 - (guint64) credits : (guint64) credits;
  points = loy_format_signed_points (credits);
  /* Translators: the toast after an adjustment of the balance, e.g. "−10 points"
   * or "+12,500 points"; keep it short, it sits beside an Undo button */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s point", "%s points",
                                        (gulong) magnitude),
                           points);
  loy_contact_window_report (request->window, title, loy_ledger_entry_get_uuid (entry));
}

static void adjust_response_cb (LoyContactWindow *self,
                                const char       *response,
                                LoyAdjustDialog  *dialog);

static AdwMessageDialog *
adjust_dialog_new (LoyContactWindow *self,
                   WriteRequest     *typed)
{
  g_autofree char *operator_name = loy_operator_dup_name ();
  LoyAdjustDialog *dialog;

  dialog = loy_adjust_dialog_new (GTK_WINDOW (self), loy_contact_get_balance (self->contact),
                                  operator_name);
  if (typed != NULL)
    {
      loy_adjust_dialog_set_credits (dialog, typed->credits);
      loy_adjust_dialog_set_reason (dialog, typed->reason);
    }
  g_signal_connect_object (dialog, "response::apply", G_CALLBACK (adjust_response_cb), self,
                           G_CONNECT_SWAPPED);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
adjust_response_cb (LoyContactWindow *self,
                    const char       *response,
                    LoyAdjustDialog  *dialog)
{
  g_autofree char *operator_name = loy_adjust_dialog_dup_operator_name (dialog);
  WriteRequest *request = write_request_new (self, adjust_dialog_new,
                                             _("Unknown Whether Adjusted — Check the History"));

  loy_operator_remember_name (operator_name);
  request->reason = loy_adjust_dialog_dup_reason (dialog);
  request->credits = loy_adjust_dialog_get_credits (dialog);
  loy_store_adjust_points_async (self->store, loy_contact_get_uuid (self->contact),
                                 request->credits, request->reason, operator_name,
                                 NULL, adjust_points_cb, request);
}

void
loy_contact_window_adjust_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (adjust_dialog_new (LOY_CONTACT_WINDOW (widget), NULL)));
}

static void
reverse_entry_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WriteRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;

  entry = loy_store_reverse_entry_finish (LOY_STORE (object), result, &error);
  if (!write_request_done (request, entry, error, error != NULL ? error->message : NULL))
    return;

  /* Short enough for a phone: the balance and the history show the points. */
  loy_contact_window_report (request->window, _("Entry reversed"), NULL);
}

static AdwMessageDialog *reverse_question_new (LoyContactWindow *self,
                                                WriteRequest     *typed);

/* Reverses the entry @entry_uuid for @reason, as asked about @asked
 * (%NULL for a toast's Undo). */
static void
loy_contact_window_reverse (LoyContactWindow *self,
                            const char       *entry_uuid,
                            const char       *reason,
                            LoyLedgerEntry   *asked)
{
  g_autofree char *operator_name = loy_operator_dup_name ();
  WriteRequest *request = write_request_new (self, asked != NULL ? reverse_question_new : NULL,
                                             _("Unknown Whether Reversed — Check the History"));

  request->reason = g_strdup (reason);
  g_set_object (&request->item, G_OBJECT (asked));
  loy_store_reverse_entry_async (self->store, entry_uuid, reason, operator_name,
                                 NULL, reverse_entry_cb, request);
}

/* The toast's Undo: the adjustment was just made, so no question first. */
void
loy_contact_window_undo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  loy_contact_window_reverse (LOY_CONTACT_WINDOW (widget), g_variant_get_string (parameter, NULL),
                              _("Undone right away"), NULL);
}

static void
reverse_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LoyContactWindow *self)
{
  LoyLedgerEntry *entry = loy_reverse_question_get_entry (dialog);

  loy_contact_window_reverse (self, loy_ledger_entry_get_uuid (entry),
                              loy_reverse_question_get_reason (dialog), entry);
}

/* The question about the entry @typed holds, with its reason if any. */
static AdwMessageDialog *
reverse_question_new (LoyContactWindow *self,
                      WriteRequest     *typed)
{
  AdwMessageDialog *dialog = loy_reverse_question_new (GTK_WINDOW (self), LOY_LEDGER_ENTRY (typed->item),
                                                       typed->reason);

  g_signal_connect_object (dialog, "response::reverse", G_CALLBACK (reverse_response_cb), self, 0);
  return dialog;
}

static void
lookup_entry_to_reverse_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  WriteRequest asked = { NULL };

  asked.item = loy_store_lookup_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_contact_window_end (self);
  if (asked.item == NULL)
    {
      loy_contact_window_toast (self, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (reverse_question_new (self, &asked)));
  g_object_unref (asked.item);
}

/* The entry is read first, as the question names what the reversal undoes. */
void
loy_contact_window_reverse_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);

  loy_contact_window_begin (self);
  loy_store_lookup_async (self->store, LOY_KIND_LEDGER_ENTRY, g_variant_get_string (parameter, NULL),
                          self->cancellable, lookup_entry_to_reverse_cb, g_object_ref (self));
}

static void
redeem_reward_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WriteRequest) request = user_data;
  LoyContactWindow *self = request->window;
  LoyReward *reward = LOY_REWARD (request->item);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  const char *name;
  const char *code;

  entry = loy_store_redeem_reward_finish (LOY_STORE (object), result, &error);
  if (error != NULL)
    problem = loy_redeem_question_describe_error (error, reward);
  if (!write_request_done (request, entry, error, problem))
    return;

  /* Closed while redeeming, it is back all the same: the reward or its
   * code is still to be handed over. */
  gtk_window_present (GTK_WINDOW (self));
  name = loy_contact_get_display_name (self->contact);
  code = loy_ledger_entry_get_code (entry);
  if (code != NULL)
    gtk_window_present (GTK_WINDOW (loy_code_dialog_new (GTK_WINDOW (self),
                                                         loy_reward_get_title (reward),
                                                         name, code)));
  else
    {
      g_autofree char *body = g_strdup_printf (_("Give “%s” to %s."),
                                               loy_reward_get_title (reward), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Hand Over the Reward"),
                                                  body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Done"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void redeem_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                LoyContactWindow *self);

/* The question about the reward @typed holds. */
static AdwMessageDialog *
redeem_question_new (LoyContactWindow *self,
                     WriteRequest     *typed)
{
  AdwMessageDialog *dialog = loy_redeem_question_new (GTK_WINDOW (self), LOY_REWARD (typed->item),
                                                      loy_contact_get_balance (self->contact));

  g_signal_connect_object (dialog, "response::redeem", G_CALLBACK (redeem_response_cb), self, 0);
  return dialog;
}

static void
redeem_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LoyContactWindow *self)
{
  g_autofree char *operator_name = loy_operator_dup_name ();
  WriteRequest *request = write_request_new (self, redeem_question_new,
                                             _("Unknown Whether Redeemed — Check the History"));

  request->item = g_object_ref (G_OBJECT (loy_redeem_question_get_reward (dialog)));
  loy_store_redeem_reward_async (self->store, loy_contact_get_uuid (self->contact),
                                 loy_reward_get_uuid (LOY_REWARD (request->item)), operator_name,
                                 NULL, redeem_reward_cb, request);
}

void
loy_contact_window_redeem_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);
  g_autoptr(LoyReward) reward = NULL;
  WriteRequest asked = { NULL };
  gint64 missing;

  reward = loy_contact_rewards_page_find_reward (self->rewards_page,
                                                 g_variant_get_string (parameter, NULL));
  if (reward == NULL)
    return;

  /* The store would refuse: say why now rather than ask first. */
  missing = loy_contact_rewards_page_get_missing (self->rewards_page, reward);
  if (missing > 0)
    {
      g_autofree char *missing_text = loy_format_points (missing);
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” needs %s more point",
                                              "“%s” needs %s more points",
                                              (gulong) missing),
                                 loy_reward_get_title (reward), missing_text);
      loy_contact_window_toast (self, message);
      return;
    }

  asked.item = G_OBJECT (reward);
  gtk_window_present (GTK_WINDOW (redeem_question_new (self, &asked)));
}
