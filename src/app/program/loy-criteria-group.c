/* loy-criteria-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-criteria-group.h"
#include "loy-segment-criteria.h"

/* One group of a segment's criteria: a boxed list of conditions with "or"
 * between them, of which a contact must meet at least one. */

struct _LoyCriteriaGroup
{
  GtkWidget   parent_instance;

  GListModel *levels;
  GListModel *attributes;

  /* Template widgets */
  GtkWidget  *box;
  GtkWidget  *and_label;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (LoyCriteriaGroup, loy_criteria_group, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  GtkWidget *header;

  if (before == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  /* Translators: between two conditions of a group: either one will do */
  header = gtk_label_new (_("or"));
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
condition_changed_cb (LoyCriteriaGroup *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
condition_remove_cb (LoyCriteriaGroup *self,
                     LoyCriterionRow  *row)
{
  gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
loy_criteria_group_add_condition_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  LoyCriterionRow *row = loy_criteria_group_add_condition (LOY_CRITERIA_GROUP (widget), NULL);

  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
loy_criteria_group_dispose (GObject *object)
{
  LoyCriteriaGroup *self = LOY_CRITERIA_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CRITERIA_GROUP);

  g_clear_object (&self->levels);
  g_clear_object (&self->attributes);

  G_OBJECT_CLASS (loy_criteria_group_parent_class)->dispose (object);
}

static void
loy_criteria_group_class_init (LoyCriteriaGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_criteria_group_dispose;

  /**
   * LoyCriteriaGroup::changed:
   *
   * A condition was added, removed or edited.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-criteria-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCriteriaGroup, box);
  gtk_widget_class_bind_template_child (widget_class, LoyCriteriaGroup, and_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCriteriaGroup, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "group.add-condition", NULL,
                                   loy_criteria_group_add_condition_action);
}

static void
loy_criteria_group_init (LoyCriteriaGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, update_header_cb, NULL, NULL);
}

LoyCriteriaGroup *
loy_criteria_group_new (GListModel *levels,
                        GListModel *attributes)
{
  LoyCriteriaGroup *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (levels), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (attributes), NULL);

  self = g_object_new (LOY_TYPE_CRITERIA_GROUP, NULL);
  self->levels = g_object_ref (levels);
  self->attributes = g_object_ref (attributes);

  return self;
}

LoyCriterionRow *
loy_criteria_group_add_condition (LoyCriteriaGroup *self,
                                  JsonObject       *condition)
{
  LoyCriterionRow *row;

  g_return_val_if_fail (LOY_IS_CRITERIA_GROUP (self), NULL);

  row = loy_criterion_row_new (self->levels, self->attributes);
  if (condition != NULL)
    loy_criterion_row_set_condition (row, condition);

  g_signal_connect_object (row, "changed",
                           G_CALLBACK (condition_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove",
                           G_CALLBACK (condition_remove_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->list_box, GTK_WIDGET (row));
  g_signal_emit (self, signals [CHANGED], 0);

  return row;
}

guint
loy_criteria_group_get_n_conditions (LoyCriteriaGroup *self)
{
  guint n = 0;

  g_return_val_if_fail (LOY_IS_CRITERIA_GROUP (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += LOY_IS_CRITERION_ROW (child);

  return n;
}

gboolean
loy_criteria_group_is_complete (LoyCriteriaGroup *self)
{
  g_return_val_if_fail (LOY_IS_CRITERIA_GROUP (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LOY_IS_CRITERION_ROW (child) &&
        loy_criterion_row_get_problem (LOY_CRITERION_ROW (child)) != NULL)
      return FALSE;

  return TRUE;
}

void
loy_criteria_group_set_joined (LoyCriteriaGroup *self,
                               gboolean          joined)
{
  g_return_if_fail (LOY_IS_CRITERIA_GROUP (self));

  gtk_widget_set_visible (self->and_label, joined);
}

void
loy_criteria_group_build (LoyCriteriaGroup *self,
                          JsonNode         *criteria)
{
  gboolean first = TRUE;
  guint group = 0;

  g_return_if_fail (LOY_IS_CRITERIA_GROUP (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JsonObject *condition;

      if (!LOY_IS_CRITERION_ROW (child))
        continue;

      condition = loy_criterion_row_build_condition (LOY_CRITERION_ROW (child));
      if (first)
        group = loy_segment_criteria_add_group (criteria, condition);
      else
        loy_segment_criteria_add_condition (criteria, group, condition);
      first = FALSE;
    }
}
