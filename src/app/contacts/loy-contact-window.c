/* loy-contact-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-confirm-dialog.h"
#include "loy-adjust-dialog.h"
#include "loy-award-dialog.h"
#include "loy-cashback-dialog.h"
#include "loy-code-dialog.h"
#include "loy-contact-details-page.h"
#include "loy-contact-history-page.h"
#include "loy-contact-rewards-page.h"
#include "campaigns/loy-contact-campaigns-page.h"
#include "loy-contact-window.h"
#include "loy-format.h"
#include "loy-operator.h"
#include "loy-toast-target.h"

/* One contact: the header (name, level, balance) and the support desk's
 * actions (award, adjust, redeem, reverse, pay with points) over the pages,
 * each a #LoyContactPage: the points history, the rewards the contact can
 * claim now, the campaigns and the contact's details. After every write the contact is read
 * back from the store and the pages read again what the write changed. */

struct _LoyContactWindow
{
  AdwWindow              parent_instance;

  LoyStore              *store;
  LoyContact            *contact;
  LoyProgram            *program;
  LoyReward             *redeeming;
  GCancellable          *cancellable;
  guint                  n_pending;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  LoyToastTarget        *toast_target;
  AdwAvatar             *avatar;
  GtkLabel              *name_label;
  GtkLabel              *email_label;
  GtkLabel              *level_label;
  GtkLabel              *balance_label;
  GtkLabel              *expiry_label;
  /* A remote account's prepaid balance, when the contact has one. */
  GtkLabel              *prepaid_label;
  GtkWidget             *actions_box;
  AdwViewStack          *view_stack;
  LoyContactHistoryPage *history_page;
  LoyContactRewardsPage *rewards_page;
  LoyContactCampaignsPage *campaigns_page;
  GtkWidget             *pay_button;
};

G_DEFINE_FINAL_TYPE (LoyContactWindow, loy_contact_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTACT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void loy_contact_window_reload (LoyContactWindow *self);

static gboolean
loy_contact_window_can (LoyContactWindow     *self,
                        LoyStoreCapabilities  capabilities)
{
  return loy_store_can (self->store, capabilities);
}

/* The pages are the view stack's children that are a #LoyContactPage. */
static GtkWidget *
skip_to_page (GtkWidget *child)
{
  while (child != NULL && !LOY_IS_CONTACT_PAGE (child))
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static GtkWidget *
first_page (LoyContactWindow *self)
{
  return skip_to_page (gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)));
}

static GtkWidget *
next_page (GtkWidget *page)
{
  return skip_to_page (gtk_widget_get_next_sibling (page));
}

static void
loy_contact_window_update_header (LoyContactWindow *self)
{
  LoyContact *contact = self->contact;
  const char *name = loy_contact_get_display_name (contact);
  const char *level = loy_contact_get_level_name (contact);
  g_autofree char *balance = loy_format_points (loy_contact_get_balance (contact));
  gint64 expiring = loy_contact_get_expiring_points (contact);
  gint64 prepaid = loy_contact_get_prepaid_balance_cents (contact);

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  gtk_label_set_text (self->email_label, loy_contact_get_email (contact));
  gtk_label_set_text (self->level_label, level != NULL ? level : "");
  gtk_widget_set_visible (GTK_WIDGET (self->level_label), level != NULL && level[0] != '\0');
  gtk_label_set_text (self->balance_label, balance);

  gtk_widget_set_visible (GTK_WIDGET (self->prepaid_label), prepaid != LOY_UNSET);
  if (prepaid != LOY_UNSET)
    {
      g_autofree char *money = loy_format_money (prepaid);
      /* Translators: under the points, the money a contact paid in ahead, e.g. "€12.50 prepaid" */
      g_autofree char *text = g_strdup_printf (_("%s prepaid"), money);

      gtk_label_set_text (self->prepaid_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->expiry_label), expiring > 0);
  if (expiring > 0)
    {
      g_autofree char *points = loy_format_points (expiring);
      g_autofree char *date = loy_format_unix_date (loy_contact_get_expiring_at (contact));
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s point expires on %s",
                                           "%s points expire on %s",
                                           expiring),
                              points, date);
      gtk_label_set_text (self->expiry_label, text);
    }

}

/* Pay with Points needs a cashback campaign available to the contact;
 * otherwise the button says why it is off. */
static void
loy_contact_window_update_pay (LoyContactWindow *self)
{
  const char *problem = loy_contact_campaigns_page_get_cashback_problem (self->campaigns_page);

  gtk_widget_set_visible (self->pay_button,
                          loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_CAMPAIGNS));
  gtk_widget_set_tooltip_text (self->pay_button, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.pay-with-points",
                                 problem == NULL && self->n_pending == 0);
}

static void
loy_contact_window_update_actions (LoyContactWindow *self)
{
  gboolean can_write = loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_POINTS) &&
                       self->n_pending == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.award",
                                 can_write && self->program != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.adjust", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.redeem", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.reverse", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.undo", can_write);
  loy_contact_window_update_pay (self);
}

static void
loy_contact_window_begin (LoyContactWindow *self)
{
  if (self->n_pending++ == 0)
    {
      loy_contact_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

static void
loy_contact_window_end (LoyContactWindow *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    {
      loy_contact_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

static void
loy_contact_window_toast (LoyContactWindow *self,
                          const char       *title)
{
  loy_toast_target_add_toast (self->toast_target, adw_toast_new (title));
}

static void
loy_contact_window_set_contact (LoyContactWindow *self,
                                LoyContact       *contact)
{
  if (!g_set_object (&self->contact, contact))
    return;

  loy_contact_window_update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT]);
}

static void
lookup_contact_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) contact = NULL;

  contact = loy_store_lookup_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (contact != NULL)
    {
      loy_contact_window_set_contact (self, LOY_CONTACT (contact));
      for (GtkWidget *page = first_page (self); page != NULL; page = next_page (page))
        loy_contact_page_show_contact (LOY_CONTACT_PAGE (page), self->contact);
    }
  else
    loy_contact_window_toast (self, error->message);

  loy_contact_window_end (self);
}

/* After a write: reads the contact again, which each page is then shown,
 * and has the pages read again what the write added to. */
static void
loy_contact_window_reload (LoyContactWindow *self)
{
  loy_contact_window_begin (self);
  loy_store_lookup_async (self->store, LOY_KIND_CONTACT, loy_contact_get_uuid (self->contact),
                          self->cancellable, lookup_contact_cb, g_object_ref (self));
  for (GtkWidget *page = first_page (self); page != NULL; page = next_page (page))
    loy_contact_page_reload (LOY_CONTACT_PAGE (page));
}

static void
get_program_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->program = loy_store_get_program_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->program == NULL)
    loy_contact_window_toast (self, error->message);

  loy_contact_window_update_actions (self);
}

/* Reports a failed write, or returns the written entry (transfer full). */
typedef LoyLedgerEntry *(*EntryFinishFunc) (LoyStore      *store,
                                            GAsyncResult  *result,
                                            GError       **error);

static LoyLedgerEntry *
loy_contact_window_finish_write (LoyContactWindow *self,
                                 EntryFinishFunc   finish,
                                 GAsyncResult     *result)
{
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *entry;

  entry = finish (self->store, result, &error);
  loy_contact_window_end (self);

  if (entry == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_contact_window_toast (self, error->message);
      return NULL;
    }

  loy_contact_window_reload (self);
  return entry;
}

static void
award_points_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autofree char *points = NULL;
  g_autofree char *title = NULL;
  gint64 credits;

  entry = loy_contact_window_finish_write (self, loy_store_award_points_finish, result);
  if (entry == NULL)
    return;

  credits = loy_ledger_entry_get_credits (entry);
  points = loy_format_points (credits);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Awarded %s point", "Awarded %s points",
                                        (gulong) credits),
                           points);
  loy_contact_window_toast (self, title);
}

static void
award_response_cb (LoyContactWindow *self,
                   const char       *response,
                   LoyAwardDialog   *dialog)
{
  g_autofree char *operator_name = loy_operator_dup_name ();
  LoyAward award;

  loy_award_dialog_get_award (dialog, &award);
  award.operator_name = operator_name;

  loy_contact_window_begin (self);
  loy_store_award_points_async (self->store, loy_contact_get_uuid (self->contact), &award,
                                self->cancellable, award_points_cb, g_object_ref (self));
}

/* A page wrote for the contact itself (a campaign bought, points paid). */
static void
loy_contact_window_reload_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  loy_contact_window_reload (LOY_CONTACT_WINDOW (widget));
}

static void
loy_contact_window_award_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);
  LoyAwardDialog *dialog = loy_award_dialog_new (GTK_WINDOW (self), self->store,
                                                 loy_contact_get_uuid (self->contact), self->program);

  g_signal_connect_object (dialog, "response::award", G_CALLBACK (award_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
adjust_points_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autofree char *points = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 credits;
  guint64 magnitude;

  entry = loy_contact_window_finish_write (self, loy_store_adjust_points_finish, result);
  if (entry == NULL)
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
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "contact.undo");
  adw_toast_set_action_target_value (toast,
                                     g_variant_new_string (loy_ledger_entry_get_uuid (entry)));
  loy_toast_target_add_toast (self->toast_target, toast);
}

static void
adjust_response_cb (LoyContactWindow *self,
                    const char       *response,
                    LoyAdjustDialog  *dialog)
{
  g_autofree char *reason = loy_adjust_dialog_dup_reason (dialog);
  g_autofree char *operator_name = loy_adjust_dialog_dup_operator_name (dialog);

  loy_operator_remember_name (operator_name);

  loy_contact_window_begin (self);
  loy_store_adjust_points_async (self->store, loy_contact_get_uuid (self->contact),
                                 loy_adjust_dialog_get_credits (dialog), reason, operator_name,
                                 self->cancellable, adjust_points_cb, g_object_ref (self));
}

static void
loy_contact_window_adjust_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);
  g_autofree char *operator_name = loy_operator_dup_name ();
  LoyAdjustDialog *dialog;

  dialog = loy_adjust_dialog_new (GTK_WINDOW (self), loy_contact_get_balance (self->contact),
                                  operator_name);
  g_signal_connect_object (dialog, "response::apply", G_CALLBACK (adjust_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reverse_entry_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(LoyLedgerEntry) entry = NULL;

  entry = loy_contact_window_finish_write (self, loy_store_reverse_entry_finish, result);
  if (entry == NULL)
    return;

  /* Short enough for a phone: the balance and the history show the points. */
  loy_contact_window_toast (self, _("Entry reversed"));
}

static void
loy_contact_window_reverse (LoyContactWindow *self,
                            const char       *entry_uuid,
                            const char       *reason)
{
  g_autofree char *operator_name = loy_operator_dup_name ();

  loy_contact_window_begin (self);
  loy_store_reverse_entry_async (self->store, entry_uuid, reason, operator_name,
                                 self->cancellable, reverse_entry_cb, g_object_ref (self));
}

/* The toast's Undo: the adjustment was just made, so no question first. */
static void
loy_contact_window_undo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  loy_contact_window_reverse (LOY_CONTACT_WINDOW (widget), g_variant_get_string (parameter, NULL),
                              _("Undone right away"));
}

static void
reverse_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LoyContactWindow *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason-entry");

  loy_contact_window_reverse (self, g_object_get_data (G_OBJECT (dialog), "entry-uuid"),
                              gtk_editable_get_text (reason));
}

/* A reversal says why: Reverse stays off until a reason is typed. */
static void
reverse_reason_changed_cb (AdwMessageDialog *dialog,
                           GtkEditable      *reason)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (reason)));

  adw_message_dialog_set_response_enabled (dialog, "reverse", text[0] != '\0');
}

/* Asks before reversing @entry, naming the code it revokes, if any. */
static void
loy_contact_window_confirm_reverse (LoyContactWindow *self,
                                    LoyLedgerEntry   *entry)
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
  dialog = loy_confirm_dialog_new (GTK_WINDOW (self), heading, body,
                                   "reverse", _("_Reverse"), ADW_RESPONSE_DESTRUCTIVE);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, kept in the history"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, reason);
  adw_message_dialog_set_response_enabled (dialog, "reverse", FALSE);
  g_signal_connect_object (reason, "changed", G_CALLBACK (reverse_reason_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (dialog), "reason-entry", reason);
  g_object_set_data_full (G_OBJECT (dialog), "entry-uuid",
                          g_strdup (loy_ledger_entry_get_uuid (entry)), g_free);
  g_signal_connect_object (dialog, "response::reverse", G_CALLBACK (reverse_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lookup_entry_to_reverse_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) entry = NULL;

  entry = loy_store_lookup_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_contact_window_end (self);
  if (entry == NULL)
    {
      loy_contact_window_toast (self, error->message);
      return;
    }

  loy_contact_window_confirm_reverse (self, LOY_LEDGER_ENTRY (entry));
}

/* The entry is read first, as the question names what the reversal undoes. */
static void
loy_contact_window_reverse_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);

  loy_contact_window_begin (self);
  loy_store_lookup_async (self->store, LOY_KIND_LEDGER_ENTRY, g_variant_get_string (parameter, NULL),
                          self->cancellable, lookup_entry_to_reverse_cb, g_object_ref (self));
}

/* The store's failure in terms of this reward; nothing was changed. */
static char *
describe_redeem_error (const GError *error,
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

static void
redeem_reward_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(LoyReward) reward = g_steal_pointer (&self->redeeming);
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = loy_contact_get_display_name (self->contact);
  const char *code;

  entry = loy_store_redeem_reward_finish (LOY_STORE (object), result, &error);
  loy_contact_window_end (self);

  if (entry == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = describe_redeem_error (error, reward);
      loy_contact_window_toast (self, message);
      /* What the contact can claim may have changed under us. */
      loy_paged_model_reload (loy_contact_rewards_page_get_rewards (self->rewards_page));
      return;
    }

  loy_contact_window_reload (self);

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

static void
redeem_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LoyContactWindow *self)
{
  g_autofree char *operator_name = loy_operator_dup_name ();

  /* Writes never overlap (the actions are off meanwhile), so one slot will do. */
  g_set_object (&self->redeeming, g_object_get_data (G_OBJECT (dialog), "reward"));

  loy_contact_window_begin (self);
  loy_store_redeem_reward_async (self->store, loy_contact_get_uuid (self->contact),
                                 loy_reward_get_uuid (self->redeeming), operator_name,
                                 self->cancellable, redeem_reward_cb, g_object_ref (self));
}

static void
loy_contact_window_redeem_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);
  g_autoptr(LoyReward) reward = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *cost_sentence = NULL;
  g_autofree char *after_sentence = NULL;
  g_autofree char *body = NULL;
  gint64 cost;
  gint64 after;
  gint64 missing;
  AdwMessageDialog *dialog;

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

  cost = loy_reward_get_required_credits (reward);
  after = loy_contact_get_balance (self->contact) - cost;
  cost_text = loy_format_points (cost);
  after_text = loy_format_points (after);
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

  dialog = loy_confirm_dialog_new (GTK_WINDOW (self), heading, body,
                                   "redeem", _("_Redeem"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "reward", g_steal_pointer (&reward), g_object_unref);
  g_signal_connect_object (dialog, "response::redeem", G_CALLBACK (redeem_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The toast names the order, as the history does. */
static void
cashback_exchanged_cb (LoyContactWindow *self,
                       LoyLedgerEntry   *entry)
{
  /* A toast's title is markup; the order reference is whatever the till typed. */
  g_autofree char *title = g_markup_escape_text (loy_ledger_entry_get_reason (entry), -1);

  loy_contact_window_reload (self);
  loy_contact_window_toast (self, title);
}

static void
loy_contact_window_pay_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);
  LoyCashbackDialog *dialog = loy_cashback_dialog_new (GTK_WINDOW (self), self->store,
                                                       self->contact);

  g_signal_connect_object (dialog, "exchanged", G_CALLBACK (cashback_exchanged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loy_contact_window_constructed (GObject *object)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  G_OBJECT_CLASS (loy_contact_window_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->contact != NULL);

  loy_contact_window_update_header (self);

  /* A page the store cannot fill is not shown. */
  for (GtkWidget *page = first_page (self); page != NULL; page = next_page (page))
    adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, page),
                                     loy_contact_page_setup (LOY_CONTACT_PAGE (page), self->store,
                                                             self->contact));

  g_signal_connect_object (self->campaigns_page, "notify::cashback-problem",
                           G_CALLBACK (loy_contact_window_update_pay), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->actions_box,
                          loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_POINTS));
  loy_contact_window_update_actions (self);

  if (loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_POINTS))
    loy_store_get_program_async (self->store, self->cancellable, get_program_cb,
                                 g_object_ref (self));
}

static void
loy_contact_window_dispose (GObject *object)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CONTACT_WINDOW);

  g_clear_object (&self->program);
  g_clear_object (&self->redeeming);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (loy_contact_window_parent_class)->dispose (object);
}

static void
loy_contact_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, loy_contact_window_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CONTACT:
      self->contact = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_window_class_init (LoyContactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loy_contact_window_constructed;
  object_class->dispose = loy_contact_window_dispose;
  object_class->get_property = loy_contact_window_get_property;
  object_class->set_property = loy_contact_window_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Set once at construction; replaced by the store's copy after each write. */
  properties [PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         LOY_TYPE_CONTACT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contact-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, toast_target);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, avatar);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, email_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, level_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, prepaid_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, rewards_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, campaigns_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, pay_button);

  gtk_widget_class_install_action (widget_class, "contact.reload", NULL,
                                   loy_contact_window_reload_action);
  gtk_widget_class_install_action (widget_class, "contact.award", NULL,
                                   loy_contact_window_award_action);
  gtk_widget_class_install_action (widget_class, "contact.adjust", NULL,
                                   loy_contact_window_adjust_action);
  gtk_widget_class_install_action (widget_class, "contact.redeem", "s",
                                   loy_contact_window_redeem_action);
  gtk_widget_class_install_action (widget_class, "contact.reverse", "s",
                                   loy_contact_window_reverse_action);
  gtk_widget_class_install_action (widget_class, "contact.undo", "s",
                                   loy_contact_window_undo_action);
  gtk_widget_class_install_action (widget_class, "contact.pay-with-points", NULL,
                                   loy_contact_window_pay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_contact_window_init (LoyContactWindow *self)
{
  self->cancellable = g_cancellable_new ();

  g_type_ensure (LOY_TYPE_CONTACT_DETAILS_PAGE);
  g_type_ensure (LOY_TYPE_CONTACT_HISTORY_PAGE);
  g_type_ensure (LOY_TYPE_CONTACT_REWARDS_PAGE);
  g_type_ensure (LOY_TYPE_CONTACT_CAMPAIGNS_PAGE);
  g_type_ensure (LOY_TYPE_TOAST_TARGET);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyContactWindow *
loy_contact_window_new (GtkApplication *application,
                        LoyStore       *store,
                        LoyContact     *contact)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);

  return g_object_new (LOY_TYPE_CONTACT_WINDOW,
                       "application", application,
                       "store", store,
                       "contact", contact,
                       NULL);
}

LoyContact *
loy_contact_window_get_contact (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return self->contact;
}

LoyPagedModel *
loy_contact_window_get_ledger (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return loy_contact_history_page_get_ledger (self->history_page);
}

LoyPagedModel *
loy_contact_window_get_rewards (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return loy_contact_rewards_page_get_rewards (self->rewards_page);
}

LoyContactCampaignsPage *
loy_contact_window_get_campaigns_page (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return self->campaigns_page;
}

gboolean
loy_contact_window_get_busy (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), FALSE);

  return self->n_pending > 0;
}
