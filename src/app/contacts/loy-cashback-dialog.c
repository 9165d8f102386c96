/* loy-cashback-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-cashback-dialog.h"
#include "loy-format.h"
#include "loy-number-entry.h"
#include "loy-operator.h"

/* A quote is asked for once typing pauses this long. */
#define QUOTE_DELAY_MS 300

struct _LoyCashbackDialog
{
  AdwWindow         parent_instance;

  LoyStore         *store;
  LoyContact       *contact;
  LoyCashbackQuote *quote;
  char             *problem;
  GCancellable     *quote_cancellable;
  GCancellable     *cancellable;
  guint             quote_timeout_id;
  gboolean          quoting;
  gboolean          exchanging;

  /* Template widgets */
  AdwPreferencesGroup *order_group;
  LoyNumberEntry   *total_entry;
  LoyNumberEntry   *points_entry;
  AdwEntryRow      *reference_row;
  GtkLabel         *points_label;
  GtkLabel         *discount_label;
  GtkLabel         *to_pay_label;
  GtkSpinner       *spinner;
  GtkLabel         *status_label;
};

G_DEFINE_FINAL_TYPE (LoyCashbackDialog, loy_cashback_dialog, ADW_TYPE_WINDOW)

enum {
  EXCHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static char *
dup_reference (LoyCashbackDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
}

static void
set_problem (LoyCashbackDialog *self,
             const char        *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
}

/* The quote's figures, what is missing or wrong, and whether Exchange can go. */
static void
loy_cashback_dialog_update (LoyCashbackDialog *self)
{
  g_autofree char *reference = dup_reference (self);
  gboolean waiting = self->quoting || self->exchanging || self->quote_timeout_id != 0;
  const char *status;

  if (self->quote != NULL)
    {
      g_autofree char *points = loy_format_points (self->quote->points_used);
      g_autofree char *discount = loy_format_money (self->quote->discount_cents);
      g_autofree char *to_pay = loy_format_money (self->quote->to_pay_cents);

      gtk_label_set_text (self->points_label, points);
      gtk_label_set_text (self->discount_label, discount);
      gtk_label_set_text (self->to_pay_label, to_pay);
    }
  else
    {
      gtk_label_set_text (self->points_label, "—");
      gtk_label_set_text (self->discount_label, "—");
      gtk_label_set_text (self->to_pay_label, "—");
    }

  if (self->problem != NULL)
    status = self->problem;
  else if (self->exchanging)
    status = _("Taking the points…");
  else if (waiting)
    status = _("Quoting…");
  else if (self->quote == NULL)
    status = _("Type the order total for a quote.");
  else if (reference[0] == '\0')
    status = _("Type the order reference to exchange the points.");
  else
    status = _("Exchange takes the points and gives the discount.");

  gtk_label_set_text (self->status_label, status);
  if (self->problem != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), waiting);
  gtk_spinner_set_spinning (self->spinner, waiting);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cashback.exchange",
                                 self->quote != NULL && !waiting && reference[0] != '\0');
}

static void
cashback_quote_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyCashbackDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LoyCashbackQuote *quote;

  quote = loy_store_cashback_quote_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->quoting = FALSE;
  g_clear_object (&self->quote_cancellable);
  /* A refused exchange's message stays until something is typed. */
  if (quote != NULL)
    self->quote = quote;
  else
    set_problem (self, error->message);

  loy_cashback_dialog_update (self);
}

static void
loy_cashback_dialog_quote (LoyCashbackDialog *self)
{
  gint64 total;
  gint64 points;

  if (!loy_number_entry_get_value (self->total_entry, &total) ||
      !loy_number_entry_get_value (self->points_entry, &points))
    {
      /* The field says what is wrong with it, once typed in. */
      loy_cashback_dialog_update (self);
      return;
    }

  self->quoting = TRUE;
  self->quote_cancellable = g_cancellable_new ();
  loy_store_cashback_quote_async (self->store, loy_contact_get_uuid (self->contact), total, points,
                                  self->quote_cancellable, cashback_quote_cb, g_object_ref (self));
  loy_cashback_dialog_update (self);
}

static gboolean
quote_timeout_cb (gpointer user_data)
{
  LoyCashbackDialog *self = user_data;

  self->quote_timeout_id = 0;
  loy_cashback_dialog_quote (self);

  return G_SOURCE_REMOVE;
}

static void
loy_cashback_dialog_forget_quote (LoyCashbackDialog *self)
{
  g_cancellable_cancel (self->quote_cancellable);
  g_clear_object (&self->quote_cancellable);
  g_clear_pointer (&self->quote, loy_cashback_quote_free);
  self->quoting = FALSE;
}

/* The total or the points changed: the quote shown is no longer theirs. */
static void
loy_cashback_dialog_schedule_quote (LoyCashbackDialog *self)
{
  loy_cashback_dialog_forget_quote (self);
  set_problem (self, NULL);

  g_clear_handle_id (&self->quote_timeout_id, g_source_remove);
  self->quote_timeout_id = g_timeout_add (QUOTE_DELAY_MS, quote_timeout_cb, self);
  loy_cashback_dialog_update (self);
}

static void
cashback_exchange_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoyCashbackDialog) self = user_data;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_cashback_exchange_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->exchanging = FALSE;
  if (entry != NULL)
    {
      g_signal_emit (self, signals [EXCHANGED], 0, entry);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Nothing was taken. What was typed stays; a rate that moved is quoted
   * again at once, so the new figures are there to accept. */
  set_problem (self, error->message);
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_CONFLICT))
    {
      loy_cashback_dialog_forget_quote (self);
      loy_cashback_dialog_quote (self);
    }
  loy_cashback_dialog_update (self);
}

static void
loy_cashback_dialog_exchange_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LoyCashbackDialog *self = LOY_CASHBACK_DIALOG (widget);
  g_autofree char *reference = dup_reference (self);
  g_autofree char *operator_name = loy_operator_dup_name ();

  g_return_if_fail (self->quote != NULL);

  set_problem (self, NULL);
  self->exchanging = TRUE;
  loy_store_cashback_exchange_async (self->store, loy_contact_get_uuid (self->contact),
                                     self->quote, reference, operator_name, self->cancellable,
                                     cashback_exchange_cb, g_object_ref (self));
  loy_cashback_dialog_update (self);
}

static void
loy_cashback_dialog_dispose (GObject *object)
{
  LoyCashbackDialog *self = LOY_CASHBACK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->quote_cancellable);
  g_clear_handle_id (&self->quote_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CASHBACK_DIALOG);

  g_clear_pointer (&self->quote, loy_cashback_quote_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_object (&self->quote_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_cashback_dialog_parent_class)->dispose (object);
}

static void
loy_cashback_dialog_class_init (LoyCashbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_cashback_dialog_dispose;

  /**
   * LoyCashbackDialog::exchanged:
   * @entry: the ledger entry that took the points
   */
  signals [EXCHANGED] =
    g_signal_new ("exchanged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_LEDGER_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-cashback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, order_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, total_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, points_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, points_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, discount_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, to_pay_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyCashbackDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_cashback_dialog_schedule_quote);
  gtk_widget_class_bind_template_callback (widget_class, loy_cashback_dialog_update);

  gtk_widget_class_install_action (widget_class, "cashback.exchange", NULL,
                                   loy_cashback_dialog_exchange_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_cashback_dialog_init (LoyCashbackDialog *self)
{
  self->cancellable = g_cancellable_new ();

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_cashback_dialog_update (self);
}

LoyCashbackDialog *
loy_cashback_dialog_new (GtkWindow  *parent,
                         LoyStore   *store,
                         LoyContact *contact)
{
  LoyCashbackDialog *self;
  gint64 balance = loy_contact_get_balance (contact);
  g_autofree char *points = loy_format_points (balance);
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);

  self = g_object_new (LOY_TYPE_CASHBACK_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  /* Translators: in Pay with Points, "Amara Kowalski has 50 points" */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s has %s point", "%s has %s points",
                                              (gulong) balance),
                                 loy_contact_get_display_name (contact), points);
  /* The group's description is markup; the name is not. */
  escaped = g_markup_escape_text (description, -1);
  adw_preferences_group_set_description (self->order_group, escaped);

  return self;
}

const LoyCashbackQuote *
loy_cashback_dialog_get_quote (LoyCashbackDialog *self)
{
  g_return_val_if_fail (LOY_IS_CASHBACK_DIALOG (self), NULL);

  return self->quote;
}

const char *
loy_cashback_dialog_get_problem (LoyCashbackDialog *self)
{
  g_return_val_if_fail (LOY_IS_CASHBACK_DIALOG (self), NULL);

  return self->problem;
}

gboolean
loy_cashback_dialog_get_busy (LoyCashbackDialog *self)
{
  g_return_val_if_fail (LOY_IS_CASHBACK_DIALOG (self), FALSE);

  return self->quoting || self->exchanging || self->quote_timeout_id != 0;
}
