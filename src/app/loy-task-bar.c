/* loy-task-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-task-bar.h"

/* A long operation under way: what it does, how far it is, and Cancel. */

struct _LoyTaskBar
{
  GtkWidget       parent_instance;

  GCancellable   *cancellable;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (LoyTaskBar, loy_task_bar, GTK_TYPE_WIDGET)

static void
cancel_clicked_cb (LoyTaskBar *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_label_set_label (self->label, _("Cancelling…"));
}

static void
loy_task_bar_dispose (GObject *object)
{
  LoyTaskBar *self = LOY_TASK_BAR (object);

  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_TASK_BAR);

  G_OBJECT_CLASS (loy_task_bar_parent_class)->dispose (object);
}

static void
loy_task_bar_class_init (LoyTaskBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_task_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/loy-task-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyTaskBar, box);
  gtk_widget_class_bind_template_child (widget_class, LoyTaskBar, label);
  gtk_widget_class_bind_template_child (widget_class, LoyTaskBar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyTaskBar, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
loy_task_bar_init (LoyTaskBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GCancellable *
loy_task_bar_start (LoyTaskBar *self,
                    const char *text)
{
  g_return_val_if_fail (LOY_IS_TASK_BAR (self), NULL);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_label_set_label (self->label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  return g_object_ref (self->cancellable);
}

void
loy_task_bar_set_text (LoyTaskBar *self,
                       const char *text)
{
  g_return_if_fail (LOY_IS_TASK_BAR (self));

  if (self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable))
    gtk_label_set_label (self->label, text);
}

void
loy_task_bar_progress (guint64  done,
                       guint64  total,
                       gpointer data)
{
  LoyTaskBar *self = data;

  g_return_if_fail (LOY_IS_TASK_BAR (self));

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN ((double) done / total, 1.0));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

void
loy_task_bar_finish (LoyTaskBar *self)
{
  g_return_if_fail (LOY_IS_TASK_BAR (self));

  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

gboolean
loy_task_bar_get_running (LoyTaskBar *self)
{
  g_return_val_if_fail (LOY_IS_TASK_BAR (self), FALSE);

  return self->cancellable != NULL;
}
