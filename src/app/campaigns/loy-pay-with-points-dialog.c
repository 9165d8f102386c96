/* loy-pay-with-points-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-format.h"
#include "loy-number-entry.h"
#include "loy-pay-with-points-dialog.h"

/* How long typing pauses before the store is asked for a quote. */
#define QUOTE_DELAY_MS 250

struct _LoyPayWithPointsDialog
{
  AdwMessageDialog  parent_instance;

  LoyStore         *store;
  LoyContact       *contact;
  LoyCashbackQuote *quote;
  GCancellable     *quoting;     /* the quote asked for last */
  guint             quote_source;

  /* Template widgets */
  LoyNumberEntry   *total_entry;
  LoyNumberEntry   *points_entry;
  AdwEntryRow      *reference_row;
  GtkLabel         *quote_label;
};

G_DEFINE_FINAL_TYPE (LoyPayWithPointsDialog, loy_pay_with_points_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
show_quote (LoyPayWithPointsDialog *self,
            LoyCashbackQuote       *quote,
            const char             *problem)
{
  g_clear_pointer (&self->quote, loy_cashback_quote_free);
  self->quote = quote;

  if (quote != NULL)
    {
      g_autofree char *points = loy_format_points (quote->points_used);
      g_autofree char *discount = loy_format_money (quote->discount_cents);
      g_autofree char *to_pay = loy_format_money (quote->to_pay_cents);
      g_autofree char *text = NULL;

      /* Translators: a cashback quote, "50 points take 100.00 off: 0.00 to pay" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point takes %s off: %s to pay",
                                           "%s points take %s off: %s to pay", quote->points_used),
                              points, discount, to_pay);
      gtk_label_set_text (self->quote_label, text);
    }
  else
    gtk_label_set_text (self->quote_label, problem);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "exchange",
                                           quote != NULL && quote->points_used > 0);
}

static void
quoted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoyPayWithPointsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LoyCashbackQuote *quote = loy_store_cashback_quote_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_quote (self, quote, error != NULL ? error->message : NULL);
}

static gboolean
ask_quote_cb (gpointer user_data)
{
  LoyPayWithPointsDialog *self = user_data;
  gint64 total, points;

  self->quote_source = 0;
  if (!loy_number_entry_get_value (self->total_entry, &total) ||
      !loy_number_entry_get_value (self->points_entry, &points))
    {
      const char *problem = loy_number_entry_get_problem (self->total_entry);

      show_quote (self, NULL, problem != NULL ? problem
                                              : loy_number_entry_get_problem (self->points_entry));
      return G_SOURCE_REMOVE;
    }

  g_cancellable_cancel (self->quoting);
  g_clear_object (&self->quoting);
  self->quoting = g_cancellable_new ();
  loy_store_cashback_quote_async (self->store, loy_contact_get_uuid (self->contact), total,
                                  points, self->quoting, quoted_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* The quote follows the typing, without a store call per key. */
static void
loy_pay_with_points_dialog_schedule_quote (LoyPayWithPointsDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "exchange", FALSE);
  g_clear_handle_id (&self->quote_source, g_source_remove);
  self->quote_source = g_timeout_add (QUOTE_DELAY_MS, ask_quote_cb, self);
}

static void
loy_pay_with_points_dialog_dispose (GObject *object)
{
  LoyPayWithPointsDialog *self = LOY_PAY_WITH_POINTS_DIALOG (object);

  g_clear_handle_id (&self->quote_source, g_source_remove);
  g_cancellable_cancel (self->quoting);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_PAY_WITH_POINTS_DIALOG);
  g_clear_object (&self->quoting);
  g_clear_pointer (&self->quote, loy_cashback_quote_free);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_pay_with_points_dialog_parent_class)->dispose (object);
}

static void
loy_pay_with_points_dialog_class_init (LoyPayWithPointsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_pay_with_points_dialog_dispose;

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-pay-with-points-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyPayWithPointsDialog, total_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyPayWithPointsDialog, points_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyPayWithPointsDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPayWithPointsDialog, quote_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_pay_with_points_dialog_schedule_quote);
}

static void
loy_pay_with_points_dialog_init (LoyPayWithPointsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyPayWithPointsDialog *
loy_pay_with_points_dialog_new (GtkWindow  *parent,
                                LoyStore   *store,
                                LoyContact *contact)
{
  LoyPayWithPointsDialog *self;

  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);

  self = g_object_new (LOY_TYPE_PAY_WITH_POINTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  return self;
}

const LoyCashbackQuote *
loy_pay_with_points_dialog_get_quote (LoyPayWithPointsDialog *self)
{
  g_return_val_if_fail (LOY_IS_PAY_WITH_POINTS_DIALOG (self), NULL);

  return self->quote;
}

/* The order reference typed, or %NULL for none. */
char *
loy_pay_with_points_dialog_dup_reference (LoyPayWithPointsDialog *self)
{
  g_autofree char *reference = NULL;

  g_return_val_if_fail (LOY_IS_PAY_WITH_POINTS_DIALOG (self), NULL);

  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  return *reference != '\0' ? g_steal_pointer (&reference) : NULL;
}
