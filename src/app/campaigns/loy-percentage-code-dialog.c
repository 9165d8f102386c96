/* loy-percentage-code-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-format.h"
#include "loy-percentage-code-dialog.h"

/* The newest purchases are the ones a till issues codes for. */
#define MAX_ENTRIES 100

struct _LoyPercentageCodeDialog
{
  AdwMessageDialog  parent_instance;

  LoyCampaign      *campaign;
  GPtrArray        *purchases;    /* the contact's campaign purchases */
  GPtrArray        *entries;      /* LoyLedgerEntry, in the dropdown's order */
  GCancellable     *cancellable;
  char             *value_text;

  /* Template widgets */
  GtkDropDown      *entry_dropdown;
  GtkLabel         *value_label;
};

G_DEFINE_FINAL_TYPE (LoyPercentageCodeDialog, loy_percentage_code_dialog, ADW_TYPE_MESSAGE_DIALOG)

static LoyLedgerEntry *
get_selected_entry (LoyPercentageCodeDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->entry_dropdown);

  if (self->entries == NULL || selected >= self->entries->len)
    return NULL;

  return g_ptr_array_index (self->entries, selected);
}

/* The code a purchase has already, or %NULL: a cancelled one frees it. */
static const char *
find_issued_code (LoyPercentageCodeDialog *self,
                  const char              *entry_uuid)
{
  for (guint i = 0; self->purchases != NULL && i < self->purchases->len; i++)
    {
      LoyCampaignPurchase *purchase = g_ptr_array_index (self->purchases, i);

      if (g_strcmp0 (loy_campaign_purchase_get_source_entry_uuid (purchase), entry_uuid) == 0 &&
          loy_campaign_purchase_get_cancelled_at (purchase) == 0)
        return loy_campaign_purchase_get_code (purchase);
    }

  return NULL;
}

static void
set_value_text (LoyPercentageCodeDialog *self,
                const char              *text,
                gboolean                 can_issue)
{
  g_free (self->value_text);
  self->value_text = g_strdup (text);
  gtk_label_set_text (self->value_label, text);
  if (can_issue)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "issue", can_issue);
}

/* What the chosen purchase gives, by the core's rule, as it changes. */
static void
update_value (LoyPercentageCodeDialog *self)
{
  LoyLedgerEntry *entry = get_selected_entry (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *issued;
  gint64 value_cents;

  if (entry == NULL)
    return;

  if ((issued = find_issued_code (self, loy_ledger_entry_get_uuid (entry))) != NULL)
    {
      /* Translators: %s is the code a purchase was given before */
      text = g_strdup_printf (_("This purchase has a percentage discount code already: %s"), issued);
      set_value_text (self, text, FALSE);
    }
  else if (!loy_campaign_compute_percentage_value (self->campaign,
                                                   loy_ledger_entry_get_purchase_amount_cents (entry),
                                                   &value_cents, &error))
    set_value_text (self, error->message, FALSE);
  else
    {
      g_autofree char *value = loy_format_money (value_cents);

      /* Translators: what a percentage discount code is worth, "Worth €3.00" */
      text = g_strdup_printf (_("Worth %s"), value);
      set_value_text (self, text, TRUE);
    }
}

/* "2 Dec 2026 · €25.00" */
static char *
describe_entry (LoyLedgerEntry *entry)
{
  g_autofree char *date = loy_format_unix_date (loy_ledger_entry_get_created_at (entry));
  g_autofree char *amount = loy_format_money (loy_ledger_entry_get_purchase_amount_cents (entry));

  /* Translators: a purchase to issue a code against, "2 Dec 2026 · €25.00" */
  return g_strdup_printf (_("%s · %s"), date, amount);
}

static void
entries_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_finish (LOY_STORE (object), result, &error);
  g_autoptr(GtkStringList) labels = NULL;
  LoyPercentageCodeDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_PERCENTAGE_CODE_DIALOG (user_data);
  if (page == NULL)
    {
      set_value_text (self, error->message, FALSE);
      return;
    }

  /* Purchases that stand: a refunded one gives nothing. */
  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < page->items->len; i++)
    {
      LoyLedgerEntry *entry = g_ptr_array_index (page->items, i);
      g_autofree char *label = NULL;

      if (loy_ledger_entry_get_purchase_amount_cents (entry) == LOY_UNSET ||
          loy_ledger_entry_get_reversed (entry))
        continue;

      g_ptr_array_add (self->entries, g_object_ref (entry));
      label = describe_entry (entry);
      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (self->entry_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry_dropdown), self->entries->len > 0);
  if (self->entries->len == 0)
    set_value_text (self, _("The contact has no purchases to issue a code against: award points "
                            "for a purchase first"), FALSE);
  else
    update_value (self);
}

static void
loy_percentage_code_dialog_dispose (GObject *object)
{
  LoyPercentageCodeDialog *self = LOY_PERCENTAGE_CODE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_PERCENTAGE_CODE_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->purchases, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_percentage_code_dialog_parent_class)->dispose (object);
}

static void
loy_percentage_code_dialog_finalize (GObject *object)
{
  LoyPercentageCodeDialog *self = LOY_PERCENTAGE_CODE_DIALOG (object);

  g_free (self->value_text);

  G_OBJECT_CLASS (loy_percentage_code_dialog_parent_class)->finalize (object);
}

static void
loy_percentage_code_dialog_class_init (LoyPercentageCodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_percentage_code_dialog_dispose;
  object_class->finalize = loy_percentage_code_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-percentage-code-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyPercentageCodeDialog, entry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyPercentageCodeDialog, value_label);
  gtk_widget_class_bind_template_callback (widget_class, update_value);
}

static void
loy_percentage_code_dialog_init (LoyPercentageCodeDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyPercentageCodeDialog *
loy_percentage_code_dialog_new (GtkWindow   *parent,
                                LoyStore    *store,
                                LoyContact  *contact,
                                LoyCampaign *campaign,
                                GPtrArray   *purchases)
{
  LoyPercentageCodeDialog *self;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  /* Translators: %s is a campaign's name */
  heading = g_strdup_printf (_("Issue “%s”?"), loy_campaign_get_name (campaign));
  /* Translators: "A code worth 10 % of one of Anna Smit's purchases, in whole units." */
  body = g_strdup_printf (_("A code worth %d %% of one of %s’s purchases, in whole units."),
                          (int) loy_campaign_get_transaction_percentage (campaign),
                          loy_contact_get_display_name (contact));
  self = g_object_new (LOY_TYPE_PERCENTAGE_CODE_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->campaign = g_object_ref (campaign);
  self->purchases = purchases != NULL ? g_ptr_array_ref (purchases) : NULL;

  query->parent_uuid = g_strdup (loy_contact_get_uuid (contact));
  query->ledger_types = 1u << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION;
  loy_store_query_async (store, query, 0, MAX_ENTRIES, self->cancellable, entries_listed_cb, self);

  return self;
}

LoyCampaign *
loy_percentage_code_dialog_get_campaign (LoyPercentageCodeDialog *self)
{
  g_return_val_if_fail (LOY_IS_PERCENTAGE_CODE_DIALOG (self), NULL);

  return self->campaign;
}

const char *
loy_percentage_code_dialog_get_entry_uuid (LoyPercentageCodeDialog *self)
{
  LoyLedgerEntry *entry;

  g_return_val_if_fail (LOY_IS_PERCENTAGE_CODE_DIALOG (self), NULL);

  entry = get_selected_entry (self);
  return entry != NULL ? loy_ledger_entry_get_uuid (entry) : NULL;
}

GtkDropDown *
loy_percentage_code_dialog_get_entry_dropdown (LoyPercentageCodeDialog *self)
{
  g_return_val_if_fail (LOY_IS_PERCENTAGE_CODE_DIALOG (self), NULL);

  return self->entry_dropdown;
}

const char *
loy_percentage_code_dialog_get_value_text (LoyPercentageCodeDialog *self)
{
  g_return_val_if_fail (LOY_IS_PERCENTAGE_CODE_DIALOG (self), NULL);

  return self->value_text;
}
