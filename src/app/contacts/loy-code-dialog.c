/* loy-code-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-code-dialog.h"
#include "loy-qr.h"

/* Pixels per QR module: large enough for a phone camera at arm's length. */
#define QR_MODULE_SIZE 6

struct _LoyCodeDialog
{
  AdwMessageDialog  parent_instance;

  char             *code;

  /* Template widgets */
  GtkPicture       *qr_picture;
  GtkLabel         *code_label;
  GtkButton        *copy_button;
};

G_DEFINE_FINAL_TYPE (LoyCodeDialog, loy_code_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
loy_code_dialog_copy_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LoyCodeDialog *self = LOY_CODE_DIALOG (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->code);
  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), _("Copied"));
}

static void
loy_code_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CODE_DIALOG);

  G_OBJECT_CLASS (loy_code_dialog_parent_class)->dispose (object);
}

static void
loy_code_dialog_finalize (GObject *object)
{
  LoyCodeDialog *self = LOY_CODE_DIALOG (object);

  g_free (self->code);

  G_OBJECT_CLASS (loy_code_dialog_parent_class)->finalize (object);
}

static void
loy_code_dialog_class_init (LoyCodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_code_dialog_dispose;
  object_class->finalize = loy_code_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-code-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCodeDialog, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeDialog, copy_button);

  gtk_widget_class_install_action (widget_class, "code.copy", NULL, loy_code_dialog_copy_action);
}

static void
loy_code_dialog_init (LoyCodeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyCodeDialog *
loy_code_dialog_new (GtkWindow  *parent,
                     const char *reward_title,
                     const char *contact_name,
                     const char *code)
{
  LoyCodeDialog *self;
  g_autofree char *body = NULL;
  g_autoptr(GdkTexture) qr = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  body = g_strdup_printf (_("Give %s the code for “%s”, or let them scan it."),
                          contact_name, reward_title);
  self = g_object_new (LOY_TYPE_CODE_DIALOG,
                       "transient-for", parent,
                       "body", body,
                       NULL);
  self->code = g_strdup (code);
  gtk_label_set_text (self->code_label, code);

  /* The code as text is what matters: without a QR image, show none. */
  qr = loy_qr_texture_new (code, QR_MODULE_SIZE, &error);
  if (qr == NULL)
    g_debug ("No QR image for the code: %s", error->message);
  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (qr));
  gtk_widget_set_visible (GTK_WIDGET (self->qr_picture), qr != NULL);

  return self;
}

const char *
loy_code_dialog_get_code (LoyCodeDialog *self)
{
  g_return_val_if_fail (LOY_IS_CODE_DIALOG (self), NULL);

  return self->code;
}

