/* loy-discard-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-discard-dialog.h"

struct _LoyDiscardDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (LoyDiscardDialog, loy_discard_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
loy_discard_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  /* Destroyed, not closed, so it does not ask again; and only once this
   * dialog, which is transient for it, has gone. */
  if (g_str_equal (response, "discard") && parent != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (parent), g_object_unref);
}

static void
loy_discard_dialog_class_init (LoyDiscardDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  dialog_class->response = loy_discard_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/loy-discard-dialog.ui");
}

static void
loy_discard_dialog_init (LoyDiscardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyDiscardDialog *
loy_discard_dialog_new (GtkWindow  *parent,
                        const char *heading,
                        const char *body)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  return g_object_new (LOY_TYPE_DISCARD_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
}
