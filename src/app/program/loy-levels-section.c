/* loy-levels-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-level-basis-bar.h"
#include "loy-level-editor.h"
#include "loy-format.h"
#include "loy-levels-section.h"

struct _LoyLevelsSection
{
  GtkWidget       parent_instance;

  /* Template widgets */
  LoySectionView *view;
  GtkWidget      *new_button;
};

G_DEFINE_FINAL_TYPE (LoyLevelsSection, loy_levels_section, LOY_TYPE_SECTION)

static char *
level_name (gpointer item)
{
  return g_strdup (loy_level_get_name (item));
}

/* A remote account's tiers have neither a threshold nor a count: blank, not a number. */
static char *
level_threshold (gpointer item)
{
  gint64 threshold = loy_level_get_threshold (item);

  return threshold != LOY_UNSET ? loy_format_points (threshold) : g_strdup ("");
}

static char *
level_members (gpointer item)
{
  gint64 n_contacts = loy_level_get_n_contacts (item);

  return n_contacts != LOY_UNSET ? loy_format_count (n_contacts) : g_strdup ("");
}

static const LoyColumnSpec level_columns[] = {
  { N_("Name"), level_name, LOY_COLUMN_EXPAND },
  { N_("Threshold"), level_threshold, LOY_COLUMN_NUMERIC },
  { N_("Members"), level_members, LOY_COLUMN_NUMERIC },
  { NULL }
};

/* "New Level" and Ctrl+N are there when the store can change the program. */
static void
store_changed_cb (LoyLevelsSection *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);
  gboolean can_edit = store != NULL && loy_store_can (store, LOY_STORE_CAN_EDIT_PROGRAM);

  gtk_widget_set_visible (self->new_button, can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "levels.new", can_edit);
}

static void
item_activated_cb (LoyLevelsSection *self,
                   GObject          *item)
{
  loy_levels_section_open_editor (self, item);
}

static void
loy_levels_section_new_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  loy_levels_section_open_editor (LOY_LEVELS_SECTION (widget), NULL);
}

static void
loy_levels_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_LEVELS_SECTION);

  G_OBJECT_CLASS (loy_levels_section_parent_class)->dispose (object);
}

static void
loy_levels_section_class_init (LoyLevelsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_levels_section_dispose;


  g_type_ensure (LOY_TYPE_LEVEL_BASIS_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-levels-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyLevelsSection, view);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelsSection, new_button);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_changed_cb);
  gtk_widget_class_install_action (widget_class, "levels.new", NULL,
                                   loy_levels_section_new_action);
}

static void
loy_levels_section_init (LoyLevelsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_set_view (LOY_SECTION (self), self->view);

  loy_section_view_set_columns (self->view, level_columns);
  store_changed_cb (self);
}

/* The editor of @item, or of a new one for %NULL; read-only where the
 * store cannot change the program. */
GtkWindow *
loy_levels_section_open_editor (LoyLevelsSection *self,
                                GObject          *item)
{
  LoyStore *store;
  GtkWindow *editor;

  g_return_val_if_fail (LOY_IS_LEVELS_SECTION (self), NULL);

  store = loy_section_view_get_store (self->view);
  g_return_val_if_fail (store != NULL, NULL);

  editor = GTK_WINDOW (loy_level_editor_new (store, item != NULL ? LOY_LEVEL (item) : NULL));
  gtk_window_set_transient_for (editor, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (editor);

  return editor;
}
