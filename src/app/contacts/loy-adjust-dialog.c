/* loy-adjust-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-adjust-dialog.h"
#include "loy-format.h"

struct _LoyAdjustDialog
{
  AdwMessageDialog  parent_instance;

  gint64            balance;
  const char       *problem;

  /* Template widgets */
  GtkSpinButton    *credits_spin;
  AdwEntryRow      *reason_row;
  AdwEntryRow      *operator_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (LoyAdjustDialog, loy_adjust_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Keeps "apply" off, with the reason shown, until the adjustment is valid. */
static void
loy_adjust_dialog_validate (LoyAdjustDialog *self)
{
  gint64 credits = loy_adjust_dialog_get_credits (self);
  g_autofree char *reason = dup_stripped_text (self->reason_row);
  g_autofree char *operator_name = dup_stripped_text (self->operator_row);

  if (credits == 0)
    self->problem = _("Enter the points to add, or a negative number to take away.");
  else if (self->balance + credits < 0)
    self->problem = _("The balance cannot go below zero.");
  else if (reason[0] == '\0')
    self->problem = _("Enter a reason: it is kept in the contact's history.");
  else if (operator_name[0] == '\0')
    self->problem = _("Enter your name: it is kept in the contact's history.");
  else
    self->problem = NULL;

  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->problem != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           self->problem == NULL);
}

static void
loy_adjust_dialog_use_reason_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  loy_adjust_dialog_set_reason (LOY_ADJUST_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
loy_adjust_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_ADJUST_DIALOG);

  G_OBJECT_CLASS (loy_adjust_dialog_parent_class)->dispose (object);
}

static void
loy_adjust_dialog_class_init (LoyAdjustDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_adjust_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-adjust-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, credits_spin);
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_adjust_dialog_validate);

  gtk_widget_class_install_action (widget_class, "adjust.use-reason", "s",
                                   loy_adjust_dialog_use_reason_action);
}

static void
loy_adjust_dialog_init (LoyAdjustDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyAdjustDialog *
loy_adjust_dialog_new (GtkWindow  *parent,
                       gint64      balance,
                       const char *operator_name)
{
  LoyAdjustDialog *self;
  g_autofree char *body = NULL;
  g_autofree char *points = loy_format_points (balance);

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The balance is now %s point.",
                                       "The balance is now %s points.",
                                       (gulong) balance),
                          points);
  self = g_object_new (LOY_TYPE_ADJUST_DIALOG,
                       "transient-for", parent,
                       "body", body,
                       NULL);
  self->balance = balance;
  gtk_editable_set_text (GTK_EDITABLE (self->operator_row),
                         operator_name != NULL ? operator_name : "");
  loy_adjust_dialog_validate (self);

  return self;
}

gint64
loy_adjust_dialog_get_credits (LoyAdjustDialog *self)
{
  g_return_val_if_fail (LOY_IS_ADJUST_DIALOG (self), 0);

  return (gint64) gtk_spin_button_get_value (self->credits_spin);
}

void
loy_adjust_dialog_set_credits (LoyAdjustDialog *self,
                               gint64           credits)
{
  g_return_if_fail (LOY_IS_ADJUST_DIALOG (self));

  gtk_spin_button_set_value (self->credits_spin, (double) credits);
}

char *
loy_adjust_dialog_dup_reason (LoyAdjustDialog *self)
{
  g_return_val_if_fail (LOY_IS_ADJUST_DIALOG (self), NULL);

  return dup_stripped_text (self->reason_row);
}

void
loy_adjust_dialog_set_reason (LoyAdjustDialog *self,
                              const char      *reason)
{
  g_return_if_fail (LOY_IS_ADJUST_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
}

char *
loy_adjust_dialog_dup_operator_name (LoyAdjustDialog *self)
{
  g_return_val_if_fail (LOY_IS_ADJUST_DIALOG (self), NULL);

  return dup_stripped_text (self->operator_row);
}

const char *
loy_adjust_dialog_get_problem (LoyAdjustDialog *self)
{
  g_return_val_if_fail (LOY_IS_ADJUST_DIALOG (self), NULL);

  return self->problem;
}
