/* loy-voucher-create-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-number-entry.h"
#include "loy-voucher-create-dialog.h"

struct _LoyVoucherCreateDialog
{
  AdwMessageDialog  parent_instance;

  /* The code the store refused, and why */
  char             *refused_code;
  char             *problem;

  /* Template widgets */
  AdwEntryRow      *code_row;
  GtkCheckButton   *batch_check;
  GtkWidget        *quantity_row;
  LoyNumberEntry   *quantity_entry;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (LoyVoucherCreateDialog, loy_voucher_create_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_stripped_code (LoyVoucherCreateDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
}

static void
loy_voucher_create_dialog_validate (LoyVoucherCreateDialog *self)
{
  gboolean batch = gtk_check_button_get_active (self->batch_check);
  g_autofree char *code = dup_stripped_code (self);
  /* The refusal stays while what it refused is unchanged. */
  gboolean refused = self->problem != NULL &&
                     (batch || g_strcmp0 (code, self->refused_code) == 0);
  gboolean valid = batch ? loy_number_entry_get_problem (self->quantity_entry) == NULL : TRUE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), !batch);
  gtk_widget_set_sensitive (self->quantity_row, batch);
  gtk_label_set_text (self->problem_label, refused ? self->problem : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), refused);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", valid);
}

static void
loy_voucher_create_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_VOUCHER_CREATE_DIALOG);

  G_OBJECT_CLASS (loy_voucher_create_dialog_parent_class)->dispose (object);
}

static void
loy_voucher_create_dialog_finalize (GObject *object)
{
  LoyVoucherCreateDialog *self = LOY_VOUCHER_CREATE_DIALOG (object);

  g_clear_pointer (&self->refused_code, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (loy_voucher_create_dialog_parent_class)->finalize (object);
}

static void
loy_voucher_create_dialog_class_init (LoyVoucherCreateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_voucher_create_dialog_dispose;
  object_class->finalize = loy_voucher_create_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-voucher-create-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherCreateDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherCreateDialog, batch_check);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherCreateDialog, quantity_row);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherCreateDialog, quantity_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherCreateDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_voucher_create_dialog_validate);
}

static void
loy_voucher_create_dialog_init (LoyVoucherCreateDialog *self)
{
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_number_entry_set_value (self->quantity_entry, 10);
  loy_voucher_create_dialog_validate (self);
}

LoyVoucherCreateDialog *
loy_voucher_create_dialog_new (GtkWindow  *parent,
                               const char *promotion_name)
{
  LoyVoucherCreateDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (promotion_name != NULL, NULL);

  self = g_object_new (LOY_TYPE_VOUCHER_CREATE_DIALOG, "transient-for", parent, NULL);
  /* Translators: %s is a promotion's name */
  body = g_strdup_printf (_("New vouchers of “%s”, for anyone."), promotion_name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  return self;
}

char *
loy_voucher_create_dialog_dup_code (LoyVoucherCreateDialog *self)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (LOY_IS_VOUCHER_CREATE_DIALOG (self), NULL);

  if (gtk_check_button_get_active (self->batch_check))
    return NULL;

  code = dup_stripped_code (self);
  return code[0] != '\0' ? g_steal_pointer (&code) : NULL;
}

guint
loy_voucher_create_dialog_get_quantity (LoyVoucherCreateDialog *self)
{
  gint64 quantity = 0;

  g_return_val_if_fail (LOY_IS_VOUCHER_CREATE_DIALOG (self), 0);

  if (!gtk_check_button_get_active (self->batch_check) ||
      !loy_number_entry_get_value (self->quantity_entry, &quantity))
    return 0;

  return quantity;
}

void
loy_voucher_create_dialog_set_typed (LoyVoucherCreateDialog *self,
                                     const char             *code,
                                     guint                   quantity,
                                     const char             *problem)
{
  g_return_if_fail (LOY_IS_VOUCHER_CREATE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code != NULL ? code : "");
  if (quantity > 0)
    {
      loy_number_entry_set_value (self->quantity_entry, quantity);
      gtk_check_button_set_active (self->batch_check, TRUE);
    }
  g_free (self->refused_code);
  self->refused_code = dup_stripped_code (self);
  g_free (self->problem);
  self->problem = g_strdup (problem);
  loy_voucher_create_dialog_validate (self);
}
