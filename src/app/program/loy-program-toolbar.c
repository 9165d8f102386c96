/* loy-program-toolbar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-level-editor.h"
#include "loy-program-toolbar.h"
#include "loy-segment-builder.h"

/* Beside the search of the levels or the segments: the button for a new
 * record, shown only when the store can change the program. It also opens
 * the editor of a record activated in the list, read-only when the store
 * cannot change it. */

struct _LoyProgramToolbar
{
  GtkWidget       parent_instance;

  /* The section holds this toolbar, so it outlives it; the window holds
   * both sections. */
  LoySectionView *view;
  LoySectionView *dependent;

  /* Template widgets */
  GtkButton      *new_button;
};

G_DEFINE_FINAL_TYPE (LoyProgramToolbar, loy_program_toolbar, GTK_TYPE_WIDGET)

static void
store_changed_cb (LoyProgramToolbar *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);

  gboolean can_edit = store != NULL && loy_store_can (store, LOY_STORE_CAN_EDIT_PROGRAM);

  gtk_widget_set_visible (GTK_WIDGET (self->new_button), can_edit);
  /* Ctrl+N too */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "toolbar.new", can_edit);
}

static void
item_activated_cb (LoyProgramToolbar *self,
                   GObject           *item)
{
  loy_program_toolbar_open_editor (self, item);
}

static void
loy_program_toolbar_new_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  loy_program_toolbar_open_editor (LOY_PROGRAM_TOOLBAR (widget), NULL);
}

static void
loy_program_toolbar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_PROGRAM_TOOLBAR);

  G_OBJECT_CLASS (loy_program_toolbar_parent_class)->dispose (object);
}

static void
loy_program_toolbar_class_init (LoyProgramToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_program_toolbar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-program-toolbar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyProgramToolbar, new_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "toolbar.new", NULL,
                                   loy_program_toolbar_new_action);
}

static void
loy_program_toolbar_init (LoyProgramToolbar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyProgramToolbar *
loy_program_toolbar_new (LoySectionView *view,
                         LoySectionView *dependent)
{
  LoyProgramToolbar *self;
  LoyKind kind;

  g_return_val_if_fail (LOY_IS_SECTION_VIEW (view), NULL);
  g_return_val_if_fail (!dependent || LOY_IS_SECTION_VIEW (dependent), NULL);

  kind = loy_section_view_get_kind (view);
  g_return_val_if_fail (kind == LOY_KIND_LEVEL || kind == LOY_KIND_SEGMENT, NULL);

  self = g_object_new (LOY_TYPE_PROGRAM_TOOLBAR, NULL);
  self->view = view;
  self->dependent = dependent;
  gtk_button_set_label (self->new_button,
                        kind == LOY_KIND_LEVEL ? _("_New Level") : _("_New Segment"));

  g_signal_connect_object (view, "item-activated",
                           G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::store",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  store_changed_cb (self);

  return self;
}

GtkWindow *
loy_program_toolbar_open_editor (LoyProgramToolbar *self,
                                 GObject           *item)
{
  LoyStore *store;
  GtkWindow *editor;

  g_return_val_if_fail (LOY_IS_PROGRAM_TOOLBAR (self), NULL);

  store = loy_section_view_get_store (self->view);
  g_return_val_if_fail (store != NULL, NULL);

  if (loy_section_view_get_kind (self->view) == LOY_KIND_LEVEL)
    editor = GTK_WINDOW (loy_level_editor_new (store, item != NULL ? LOY_LEVEL (item) : NULL));
  else
    editor = GTK_WINDOW (loy_segment_builder_new (store, item != NULL ? LOY_SEGMENT (item) : NULL));

  gtk_window_set_transient_for (editor, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (editor, "changed", G_CALLBACK (loy_section_view_reload), self->view,
                           G_CONNECT_SWAPPED);
  if (self->dependent != NULL)
    g_signal_connect_object (editor, "changed", G_CALLBACK (loy_section_view_reload),
                             self->dependent, G_CONNECT_SWAPPED);
  gtk_window_present (editor);

  return editor;
}
