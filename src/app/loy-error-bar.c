/* loy-error-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-error-bar.h"

struct _LoyErrorBar
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (LoyErrorBar, loy_error_bar, GTK_TYPE_WIDGET)

static void
loy_error_bar_close_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  loy_error_bar_hide (LOY_ERROR_BAR (widget));
}

static void
loy_error_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_ERROR_BAR);

  G_OBJECT_CLASS (loy_error_bar_parent_class)->dispose (object);
}

static void
loy_error_bar_class_init (LoyErrorBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_error_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/loy-error-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyErrorBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, LoyErrorBar, label);

  gtk_widget_class_install_action (widget_class, "error-bar.close", NULL,
                                   loy_error_bar_close_action);
}

static void
loy_error_bar_init (LoyErrorBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loy_error_bar_show (LoyErrorBar *self,
                    const char  *message)
{
  g_return_if_fail (LOY_IS_ERROR_BAR (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_label (self->label, message);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/* The label keeps its text while the revealer closes, so it does not
 * collapse before it is out of sight. */
void
loy_error_bar_hide (LoyErrorBar *self)
{
  g_return_if_fail (LOY_IS_ERROR_BAR (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

const char *
loy_error_bar_get_message (LoyErrorBar *self)
{
  g_return_val_if_fail (LOY_IS_ERROR_BAR (self), NULL);

  return gtk_revealer_get_reveal_child (self->revealer) ? gtk_label_get_label (self->label) : NULL;
}
