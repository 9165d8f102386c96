/* loy-enroll-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-enroll-dialog.h"

struct _LoyEnrollDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *email_row;
  AdwEntryRow      *first_name_row;
  AdwEntryRow      *last_name_row;
  GtkLabel         *problem_label;
  GtkWidget        *open_existing_button;

  /* The address the store refused as taken, and why */
  char             *taken_email;
  char             *taken_message;
};

G_DEFINE_FINAL_TYPE (LoyEnrollDialog, loy_enroll_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* One "@" with something before it, a dotted domain after it, no blanks.
 * The store checks again, and for uniqueness. */
static gboolean
email_looks_valid (const char *email)
{
  return g_regex_match_simple ("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$", email, 0, 0);
}

static void
loy_enroll_dialog_validate (LoyEnrollDialog *self)
{
  g_autofree char *email = dup_stripped_text (self->email_row);
  gboolean taken = self->taken_email != NULL && g_str_equal (email, self->taken_email);
  gboolean valid = email_looks_valid (email) && !taken;
  /* Say nothing about an empty field: the disabled button says enough. */
  gboolean complain = !valid && email[0] != '\0';

  gtk_label_set_text (self->problem_label,
                      taken ? self->taken_message
                            : _("Enter an email address such as name@example.com."));
  gtk_widget_set_visible (self->open_existing_button, taken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "enroll.open-existing", taken);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), complain);
  if (complain)
    gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "error");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "enroll", valid);
}

/* Answers as a response would: "open-existing", and the dialog goes. */
static void
loy_enroll_dialog_open_existing_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (widget), "open-existing");
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
loy_enroll_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_ENROLL_DIALOG);

  G_OBJECT_CLASS (loy_enroll_dialog_parent_class)->dispose (object);
}

static void
loy_enroll_dialog_finalize (GObject *object)
{
  LoyEnrollDialog *self = LOY_ENROLL_DIALOG (object);

  g_clear_pointer (&self->taken_email, g_free);
  g_clear_pointer (&self->taken_message, g_free);

  G_OBJECT_CLASS (loy_enroll_dialog_parent_class)->finalize (object);
}

static void
loy_enroll_dialog_class_init (LoyEnrollDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_enroll_dialog_dispose;
  object_class->finalize = loy_enroll_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-enroll-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyEnrollDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, LoyEnrollDialog, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, LoyEnrollDialog, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, LoyEnrollDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LoyEnrollDialog, open_existing_button);
  gtk_widget_class_bind_template_callback (widget_class, loy_enroll_dialog_validate);

  gtk_widget_class_install_action (widget_class, "enroll.open-existing", NULL,
                                   loy_enroll_dialog_open_existing_action);
}

static void
loy_enroll_dialog_init (LoyEnrollDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_enroll_dialog_validate (self);
}

LoyEnrollDialog *
loy_enroll_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LOY_TYPE_ENROLL_DIALOG, "transient-for", parent, NULL);
}

void
loy_enroll_dialog_set_email (LoyEnrollDialog *self,
                             const char      *email)
{
  g_return_if_fail (LOY_IS_ENROLL_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email != NULL ? email : "");
}

LoyContact *
loy_enroll_dialog_dup_contact (LoyEnrollDialog *self)
{
  LoyContact *contact;
  g_autofree char *email = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *last_name = NULL;

  g_return_val_if_fail (LOY_IS_ENROLL_DIALOG (self), NULL);

  email = dup_stripped_text (self->email_row);
  first_name = dup_stripped_text (self->first_name_row);
  last_name = dup_stripped_text (self->last_name_row);

  contact = loy_contact_new ();
  loy_contact_set_email (contact, email);
  loy_contact_set_first_name (contact, first_name[0] != '\0' ? first_name : NULL);
  loy_contact_set_last_name (contact, last_name[0] != '\0' ? last_name : NULL);

  return contact;
}

/**
 * loy_enroll_dialog_show_taken:
 * @self: a #LoyEnrollDialog
 * @message: why the store refused the address
 *
 * After the store refused the address as another contact's: shows @message
 * at the email field, keeps Enroll off while the address is unchanged, and
 * offers, beside the message, the contact who has it (the "open-existing"
 * response).
 */
void
loy_enroll_dialog_show_taken (LoyEnrollDialog *self,
                              const char      *message)
{
  g_return_if_fail (LOY_IS_ENROLL_DIALOG (self));
  g_return_if_fail (message != NULL);

  g_free (self->taken_email);
  self->taken_email = dup_stripped_text (self->email_row);
  g_free (self->taken_message);
  self->taken_message = g_strdup (message);

  loy_enroll_dialog_validate (self);
}

/* Fills the fields in from @contact, as typed before. */
void
loy_enroll_dialog_set_contact (LoyEnrollDialog *self,
                               LoyContact      *contact)
{
  const char *first_name;
  const char *last_name;

  g_return_if_fail (LOY_IS_ENROLL_DIALOG (self));
  g_return_if_fail (LOY_IS_CONTACT (contact));

  first_name = loy_contact_get_first_name (contact);
  last_name = loy_contact_get_last_name (contact);
  loy_enroll_dialog_set_email (self, loy_contact_get_email (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->first_name_row), first_name != NULL ? first_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->last_name_row), last_name != NULL ? last_name : "");
}
