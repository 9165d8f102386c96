/* loy-segments-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-segment-builder.h"
#include "loy-format.h"
#include "loy-segments-section.h"

struct _LoySegmentsSection
{
  GtkWidget       parent_instance;

  /* Template widgets */
  LoySectionView *view;
  GtkWidget      *new_button;
};

G_DEFINE_FINAL_TYPE (LoySegmentsSection, loy_segments_section, LOY_TYPE_SECTION)

static char *
segment_name (gpointer item)
{
  return g_strdup (loy_segment_get_name (item));
}

static char *
segment_description (gpointer item)
{
  return g_strdup (loy_segment_get_description (item));
}

static char *
segment_members (gpointer item)
{
  return loy_format_count (loy_segment_get_n_contacts (item));
}

static const LoyColumnSpec segment_columns[] = {
  { N_("Name"), segment_name, LOY_COLUMN_EXPAND },
  { N_("Description"), segment_description, LOY_COLUMN_EXPAND | LOY_COLUMN_SECONDARY },
  { N_("Members"), segment_members, LOY_COLUMN_NUMERIC },
  { NULL }
};

/* "New Segment" and Ctrl+N are there when the store can change the program. */
static void
store_changed_cb (LoySegmentsSection *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);
  gboolean can_edit = store != NULL && loy_store_can (store, LOY_STORE_CAN_EDIT_PROGRAM);

  gtk_widget_set_visible (self->new_button, can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "segments.new", can_edit);
}

static void
item_activated_cb (LoySegmentsSection *self,
                   GObject            *item)
{
  loy_segments_section_open_editor (self, item);
}

static void
loy_segments_section_new_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  loy_segments_section_open_editor (LOY_SEGMENTS_SECTION (widget), NULL);
}

static void
loy_segments_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_SEGMENTS_SECTION);

  G_OBJECT_CLASS (loy_segments_section_parent_class)->dispose (object);
}

static void
loy_segments_section_class_init (LoySegmentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_segments_section_dispose;



  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-segments-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LoySegmentsSection, view);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentsSection, new_button);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_changed_cb);
  gtk_widget_class_install_action (widget_class, "segments.new", NULL,
                                   loy_segments_section_new_action);
}

static void
loy_segments_section_init (LoySegmentsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_set_view (LOY_SECTION (self), self->view);

  loy_section_view_set_columns (self->view, segment_columns);
  store_changed_cb (self);
}

/* The editor of @item, or of a new one for %NULL; read-only where the
 * store cannot change the program. */
GtkWindow *
loy_segments_section_open_editor (LoySegmentsSection *self,
                                  GObject            *item)
{
  LoyStore *store;
  GtkWindow *editor;

  g_return_val_if_fail (LOY_IS_SEGMENTS_SECTION (self), NULL);

  store = loy_section_view_get_store (self->view);
  g_return_val_if_fail (store != NULL, NULL);

  editor = GTK_WINDOW (loy_segment_builder_new (store, item != NULL ? LOY_SEGMENT (item) : NULL));
  gtk_window_set_transient_for (editor, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (editor);

  return editor;
}
