/* loy-adjust-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-adjust-dialog.h"
#include "loy-format.h"
#include "loy-number-entry.h"

struct _LoyAdjustDialog
{
  AdwMessageDialog  parent_instance;

  gint64            balance;
  const char       *problem;
  /* Which fields the user has edited: a field's problem shows only then. */
  gboolean          credits_edited;
  gboolean          reason_edited;
  gboolean          operator_edited;

  /* Template widgets */
  LoyNumberEntry   *credits_entry;
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

/* The points as typed; 0 while the field refuses its text. */
static gint64
parse_credits (LoyAdjustDialog *self)
{
  gint64 credits;

  return loy_number_entry_get_value (self->credits_entry, &credits) ? credits : 0;
}

/* The error style on @widget if it is the one whose problem shows. */
static void
set_error_style (GtkWidget *widget,
                 GtkWidget *shown_widget)
{
  if (widget == shown_widget)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* Keeps "apply" off until the adjustment is valid. The first problem in a
 * field the user has edited shows, in the error style, there and beneath;
 * untouched fields say nothing, as the disabled button says enough. */
static void
loy_adjust_dialog_validate (LoyAdjustDialog *self)
{
  gint64 credits = parse_credits (self);
  g_autofree char *reason = dup_stripped_text (self->reason_row);
  g_autofree char *operator_name = dup_stripped_text (self->operator_row);
  const char *credits_problem = NULL;
  const char *reason_problem = NULL;
  const char *operator_problem = NULL;
  const char *shown = NULL;
  GtkWidget *shown_widget = NULL;
  /* Text that is no number says why beside the field itself. */
  gboolean refused = loy_number_entry_get_problem (self->credits_entry) != NULL;

  if (credits == 0)
    credits_problem = _("Enter the points to add, or a negative number to take away.");
  else if (self->balance + credits < 0)
    credits_problem = _("The balance cannot go below zero.");
  if (reason[0] == '\0')
    reason_problem = _("Enter a reason: it is kept in the contact's history.");
  if (operator_name[0] == '\0')
    operator_problem = _("Enter your name: it is kept in the contact's history.");

  self->problem = credits_problem != NULL ? credits_problem
                : reason_problem != NULL ? reason_problem
                : operator_problem;

  if (credits_problem != NULL && self->credits_edited && refused)
    {
      /* Said beside the field, which is styled already. */
    }
  else if (credits_problem != NULL && self->credits_edited)
    {
      shown = credits_problem;
      shown_widget = GTK_WIDGET (self->credits_entry);
    }
  else if (reason_problem != NULL && self->reason_edited)
    {
      shown = reason_problem;
      shown_widget = GTK_WIDGET (self->reason_row);
    }
  else if (operator_problem != NULL && self->operator_edited)
    {
      shown = operator_problem;
      shown_widget = GTK_WIDGET (self->operator_row);
    }

  gtk_label_set_text (self->problem_label, shown != NULL ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), shown != NULL);
  set_error_style (GTK_WIDGET (self->credits_entry), shown_widget);
  set_error_style (GTK_WIDGET (self->reason_row), shown_widget);
  set_error_style (GTK_WIDGET (self->operator_row), shown_widget);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           self->problem == NULL);
}

static void
field_edited_cb (LoyAdjustDialog *self,
                 GtkWidget       *field)
{
  if (field == GTK_WIDGET (self->credits_entry))
    self->credits_edited = TRUE;
  else if (field == GTK_WIDGET (self->reason_row))
    self->reason_edited = TRUE;
  else
    self->operator_edited = TRUE;

  loy_adjust_dialog_validate (self);
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
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, credits_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAdjustDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, field_edited_cb);

  gtk_widget_class_install_action (widget_class, "adjust.use-reason", "s",
                                   loy_adjust_dialog_use_reason_action);
}

static void
loy_adjust_dialog_init (LoyAdjustDialog *self)
{
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
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
  /* Filled in for the user, not by them */
  self->credits_edited = FALSE;
  self->reason_edited = FALSE;
  self->operator_edited = FALSE;
  loy_adjust_dialog_validate (self);

  return self;
}

gint64
loy_adjust_dialog_get_credits (LoyAdjustDialog *self)
{
  g_return_val_if_fail (LOY_IS_ADJUST_DIALOG (self), 0);

  return parse_credits (self);
}

void
loy_adjust_dialog_set_credits (LoyAdjustDialog *self,
                               gint64           credits)
{
  g_return_if_fail (LOY_IS_ADJUST_DIALOG (self));

  loy_number_entry_set_value (self->credits_entry, credits);
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
