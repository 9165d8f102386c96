/* loy-criterion-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-attribute-button.h"
#include "loy-criterion-row.h"
#include "loy-number-entry.h"
#include "loy-segment-criteria.h"

/* One condition of a segment's criteria: its kind, chosen from a drop-down,
 * and the fields of that kind. */

/* The kinds, in the order of the type drop-down; also the stack's page names. */
static const char * const condition_types[] = {
  "balance", "level", "attribute", "last_activity", "earned",
};

struct _LoyCriterionRow
{
  GtkListBoxRow       parent_instance;

  GListModel         *levels;
  GHashTable         *selected_levels;   /* level UUIDs */
  char               *problem;
  gboolean            filling;

  /* Template widgets */
  GtkDropDown        *type_dropdown;
  GtkStack           *fields_stack;
  GtkCheckButton     *balance_min_check;
  LoyNumberEntry     *balance_min_entry;
  GtkCheckButton     *balance_max_check;
  LoyNumberEntry     *balance_max_entry;
  GtkFlowBox         *levels_box;
  GtkEditable        *attribute_entry;
  LoyAttributeButton *attribute_button;
  GtkDropDown        *op_dropdown;
  GtkWidget          *value_entry;
  LoyNumberEntry     *activity_days_entry;
  LoyNumberEntry     *earned_points_entry;
  LoyNumberEntry     *earned_days_entry;
  GtkLabel           *problem_label;
};

G_DEFINE_FINAL_TYPE (LoyCriterionRow, loy_criterion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The first number field the chosen condition uses that refuses its text. */
static const char *
get_field_problem (LoyCriterionRow *self)
{
  const char *problem = NULL;

  switch (gtk_drop_down_get_selected (self->type_dropdown))
    {
    case 0:
      if (gtk_check_button_get_active (self->balance_min_check))
        problem = loy_number_entry_get_problem (self->balance_min_entry);
      if (problem == NULL && gtk_check_button_get_active (self->balance_max_check))
        problem = loy_number_entry_get_problem (self->balance_max_entry);
      return problem;

    case 3:
      return loy_number_entry_get_problem (self->activity_days_entry);

    case 4:
      return loy_number_entry_get_problem (self->earned_points_entry)
             ?: loy_number_entry_get_problem (self->earned_days_entry);

    default:
      return NULL;
    }
}

/* What @entry holds; read only while get_field_problem() is %NULL. */
static gint64
get_entry_value (LoyNumberEntry *entry)
{
  gint64 value = 0;

  loy_number_entry_get_value (entry, &value);
  return value;
}

/* An incomplete condition is marked, and says what it needs; a refused
 * number says why beside its field. */
static void
loy_criterion_row_validate (LoyCriterionRow *self)
{
  const char *field_problem = get_field_problem (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->problem, g_free);
  if (field_problem != NULL)
    {
      self->problem = g_strdup (field_problem);
    }
  else
    {
      g_autoptr(JsonObject) condition = loy_criterion_row_build_condition (self);

      if (!loy_segment_condition_validate (condition, &error))
        self->problem = g_strdup (error->message);
    }

  gtk_label_set_text (self->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  if (self->problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
loy_criterion_row_emit_changed (LoyCriterionRow *self)
{
  loy_criterion_row_validate (self);
  if (!self->filling)
    g_signal_emit (self, signals [CHANGED], 0);
}

static void
field_changed_cb (LoyCriterionRow *self)
{
  gtk_widget_set_visible (self->value_entry,
                          gtk_drop_down_get_selected (self->op_dropdown) != LOY_ATTRIBUTE_OP_IS_SET);
  loy_criterion_row_emit_changed (self);
}

static void
attribute_chosen_cb (LoyCriterionRow *self,
                     const char      *name)
{
  gtk_editable_set_text (self->attribute_entry, name);
}

static void
type_selected_cb (LoyCriterionRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  if (selected < G_N_ELEMENTS (condition_types))
    gtk_stack_set_visible_child_name (self->fields_stack, condition_types[selected]);

  loy_criterion_row_emit_changed (self);
}

static void
level_toggled_cb (LoyCriterionRow *self,
                  GtkCheckButton  *check)
{
  const char *uuid = g_object_get_data (G_OBJECT (check), "loy-level-uuid");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected_levels, g_strdup (uuid));
  else
    g_hash_table_remove (self->selected_levels, uuid);

  loy_criterion_row_emit_changed (self);
}

/* One check button per level, ticked for the levels of the condition. */
static void
levels_changed_cb (LoyCriterionRow *self)
{
  GtkWidget *child;
  guint n_levels = g_list_model_get_n_items (self->levels);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->levels_box))) != NULL)
    gtk_flow_box_remove (self->levels_box, child);

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(LoyLevel) level = g_list_model_get_item (self->levels, i);
      const char *uuid = loy_level_get_uuid (level);
      GtkWidget *check = gtk_check_button_new_with_label (loy_level_get_name (level));

      g_object_set_data_full (G_OBJECT (check), "loy-level-uuid", g_strdup (uuid), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->selected_levels, uuid));
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (level_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->levels_box, check);
    }
}

static void
loy_criterion_row_remove_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  g_signal_emit (widget, signals [REMOVE], 0);
}

static void
loy_criterion_row_dispose (GObject *object)
{
  LoyCriterionRow *self = LOY_CRITERION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CRITERION_ROW);

  g_clear_object (&self->levels);
  g_clear_pointer (&self->selected_levels, g_hash_table_unref);

  G_OBJECT_CLASS (loy_criterion_row_parent_class)->dispose (object);
}

static void
loy_criterion_row_finalize (GObject *object)
{
  LoyCriterionRow *self = LOY_CRITERION_ROW (object);

  g_free (self->problem);

  G_OBJECT_CLASS (loy_criterion_row_parent_class)->finalize (object);
}

static void
loy_criterion_row_class_init (LoyCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_criterion_row_dispose;
  object_class->finalize = loy_criterion_row_finalize;

  /**
   * LoyCriterionRow::changed:
   *
   * A field of the condition changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LoyCriterionRow::remove:
   *
   * The user asked to remove the condition.
   */
  signals [REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LOY_TYPE_ATTRIBUTE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, fields_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, balance_min_check);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, balance_min_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, balance_max_check);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, balance_max_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, levels_box);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, attribute_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, attribute_button);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, op_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, activity_days_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, earned_points_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, earned_days_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCriterionRow, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, attribute_chosen_cb);

  gtk_widget_class_install_action (widget_class, "condition.remove", NULL,
                                   loy_criterion_row_remove_action);
}

static void
loy_criterion_row_init (LoyCriterionRow *self)
{
  self->selected_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_number_entry_set_value (self->balance_min_entry, 100);
  loy_number_entry_set_value (self->balance_max_entry, 1000);
  loy_number_entry_set_value (self->activity_days_entry, 30);
  loy_number_entry_set_value (self->earned_points_entry, 100);
  loy_number_entry_set_value (self->earned_days_entry, 90);
}

LoyCriterionRow *
loy_criterion_row_new (GListModel *levels,
                       GListModel *attributes)
{
  LoyCriterionRow *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (levels), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (attributes), NULL);

  self = g_object_new (LOY_TYPE_CRITERION_ROW, NULL);
  self->levels = g_object_ref (levels);
  loy_attribute_button_set_attributes (self->attribute_button, attributes);
  g_signal_connect_object (levels, "items-changed",
                           G_CALLBACK (levels_changed_cb), self, G_CONNECT_SWAPPED);
  levels_changed_cb (self);
  loy_criterion_row_validate (self);

  return self;
}

static gint64
get_int_member (JsonObject *object,
                const char *name,
                gint64      fallback)
{
  return json_object_has_member (object, name) ? json_object_get_int_member (object, name)
                                               : fallback;
}

void
loy_criterion_row_set_condition (LoyCriterionRow *self,
                                 JsonObject      *condition)
{
  const char *type;

  g_return_if_fail (LOY_IS_CRITERION_ROW (self));
  g_return_if_fail (condition != NULL);

  type = json_object_get_string_member_with_default (condition, "type", "");
  self->filling = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (condition_types); i++)
    if (g_str_equal (type, condition_types[i]))
      gtk_drop_down_set_selected (self->type_dropdown, i);

  if (g_str_equal (type, "balance"))
    {
      /* An open bound keeps its field's value, ready for when it is ticked. */
      gtk_check_button_set_active (self->balance_min_check, json_object_has_member (condition, "min"));
      if (json_object_has_member (condition, "min"))
        loy_number_entry_set_value (self->balance_min_entry, get_int_member (condition, "min", 0));
      gtk_check_button_set_active (self->balance_max_check, json_object_has_member (condition, "max"));
      if (json_object_has_member (condition, "max"))
        loy_number_entry_set_value (self->balance_max_entry, get_int_member (condition, "max", 0));
    }
  else if (g_str_equal (type, "level") && json_object_has_member (condition, "levels"))
    {
      JsonArray *levels = json_object_get_array_member (condition, "levels");

      g_hash_table_remove_all (self->selected_levels);
      for (guint i = 0; levels != NULL && i < json_array_get_length (levels); i++)
        {
          const char *uuid = json_array_get_string_element (levels, i);

          if (uuid != NULL)
            g_hash_table_add (self->selected_levels, g_strdup (uuid));
        }
      levels_changed_cb (self);
    }
  else if (g_str_equal (type, "attribute"))
    {
      const char *nick = json_object_get_string_member_with_default (condition, "op", "");
      g_autoptr(GEnumClass) ops = g_type_class_ref (LOY_TYPE_ATTRIBUTE_OP);
      GEnumValue *op = g_enum_get_value_by_nick (ops, nick);

      gtk_editable_set_text (self->attribute_entry,
                             json_object_get_string_member_with_default (condition, "attribute", ""));
      /* The drop-down lists the ops in the enum's order. */
      if (op != NULL)
        gtk_drop_down_set_selected (self->op_dropdown, op->value);
      gtk_editable_set_text (GTK_EDITABLE (self->value_entry),
                             json_object_get_string_member_with_default (condition, "value", ""));
    }
  else if (g_str_equal (type, "last_activity"))
    loy_number_entry_set_value (self->activity_days_entry,
                                get_int_member (condition, "within_days", 30));
  else if (g_str_equal (type, "earned"))
    {
      loy_number_entry_set_value (self->earned_points_entry, get_int_member (condition, "min", 0));
      loy_number_entry_set_value (self->earned_days_entry,
                                  get_int_member (condition, "within_days", 90));
    }

  self->filling = FALSE;
  field_changed_cb (self);
}

const char *
loy_criterion_row_get_problem (LoyCriterionRow *self)
{
  g_return_val_if_fail (LOY_IS_CRITERION_ROW (self), NULL);

  return self->problem;
}

JsonObject *
loy_criterion_row_build_condition (LoyCriterionRow *self)
{
  g_return_val_if_fail (LOY_IS_CRITERION_ROW (self), NULL);

  switch (gtk_drop_down_get_selected (self->type_dropdown))
    {
    case 0:
      return loy_segment_condition_new_balance (
               gtk_check_button_get_active (self->balance_min_check)
               ? get_entry_value (self->balance_min_entry) : LOY_UNSET,
               gtk_check_button_get_active (self->balance_max_check)
               ? get_entry_value (self->balance_max_entry) : LOY_UNSET);

    case 1:
      {
        g_autofree const char **uuids = NULL;

        uuids = (const char **) g_hash_table_get_keys_as_array (self->selected_levels, NULL);
        return loy_segment_condition_new_level (uuids);
      }

    case 2:
      return loy_segment_condition_new_attribute (gtk_editable_get_text (self->attribute_entry),
                                                  gtk_drop_down_get_selected (self->op_dropdown),
                                                  gtk_editable_get_text (GTK_EDITABLE (self->value_entry)));

    case 3:
      return loy_segment_condition_new_last_activity (
               get_entry_value (self->activity_days_entry));

    case 4:
      return loy_segment_condition_new_earned (
               get_entry_value (self->earned_points_entry),
               get_entry_value (self->earned_days_entry));

    default:
      g_assert_not_reached ();
    }
}
