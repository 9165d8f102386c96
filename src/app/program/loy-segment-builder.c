/* loy-segment-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-attribute-button.h"
#include "loy-confirm-dialog.h"
#include "loy-export-task.h"
#include "loy-format.h"
#include "loy-segment-builder.h"
#include "loy-segment-criteria.h"
#include "loy-toast-target.h"

/* A window to build a segment: its name, description and groups of
 * conditions. While the conditions change it counts the matching contacts
 * (after a short pause, so typing does not query on every key) and says in
 * one line who they are. The members can be exported to a CSV file. */

#define COUNT_DELAY_MS 300
#define MAX_LEVELS     100

struct _LoySegmentBuilder
{
  AdwWindow             parent_instance;

  LoyStore             *store;
  LoySegment           *segment;
  GListStore           *levels;
  GListStore           *attributes;       /* LoyContactAttribute */
  GHashTable           *level_names;      /* level UUID → name */
  GCancellable         *cancellable;      /* levels and writes; cancelled on close */
  GCancellable         *count_cancellable;
  guint                 count_timeout_id;
  gint64                count;
  gboolean              busy;

  /* Template widgets */
  GtkWidget            *save_button;
  GtkSpinner           *save_spinner;
  LoyToastTarget       *toast_target;
  AdwEntryRow          *name_row;
  AdwEntryRow          *description_row;
  GtkWidget            *groups_box;
  GtkWidget            *everyone_label;
  LoyTaskBar           *task_bar;
  GtkWidget            *delete_button;
  GtkWidget            *count_icon;
  GtkSpinner           *count_spinner;
  GtkLabel             *count_label;
  GtkLabel             *summary_label;
};

G_DEFINE_FINAL_TYPE (LoySegmentBuilder, loy_segment_builder, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void loy_segment_builder_schedule_count (LoySegmentBuilder *self);

static gboolean
loy_segment_builder_can_edit (LoySegmentBuilder *self)
{
  return loy_store_can (self->store, LOY_STORE_CAN_EDIT_PROGRAM);
}

static char *
loy_segment_builder_dup_name (LoySegmentBuilder *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static void
loy_segment_builder_show_toast (LoySegmentBuilder *self,
                                const char        *message)
{
  loy_toast_target_add_toast (self->toast_target, adw_toast_new (message));
}

/* Every condition complete; each incomplete one says what it needs. */
static gboolean
loy_segment_builder_is_complete (LoySegmentBuilder *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->groups_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!loy_criteria_group_is_complete (LOY_CRITERIA_GROUP (child)))
      return FALSE;

  return TRUE;
}

static void
loy_segment_builder_update_actions (LoySegmentBuilder *self)
{
  g_autofree char *name = loy_segment_builder_dup_name (self);
  gboolean editable = loy_segment_builder_can_edit (self) && !self->busy;
  gboolean exporting = loy_task_bar_get_running (self->task_bar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "builder.save",
                                 editable && name[0] != '\0' &&
                                 loy_segment_builder_is_complete (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "builder.delete",
                                 editable && loy_segment_get_uuid (self->segment) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "builder.add-group", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "builder.export",
                                 !exporting && self->count >= 0);
  gtk_widget_set_sensitive (self->groups_box, editable);
  gtk_spinner_set_spinning (self->save_spinner, self->busy);
}

static void
loy_segment_builder_set_busy (LoySegmentBuilder *self,
                              gboolean           busy)
{
  self->busy = busy;
  loy_segment_builder_update_actions (self);
}

static void
loy_segment_builder_show_count (LoySegmentBuilder *self,
                                const char        *count,
                                const char        *summary,
                                gboolean           is_error)
{
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->summary_label, summary);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
}

static void
loy_segment_builder_set_counting (LoySegmentBuilder *self,
                                  gboolean           counting)
{
  gtk_widget_set_visible (GTK_WIDGET (self->count_spinner), counting);
  gtk_spinner_set_spinning (self->count_spinner, counting);
  gtk_widget_set_visible (self->count_icon, !counting);
}

static void
contacts_counted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoySegmentBuilder) self = user_data;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  g_autofree char *count = NULL;

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->count_cancellable);
  loy_segment_builder_set_counting (self, FALSE);

  if (page == NULL)
    {
      loy_segment_builder_show_count (self, _("Could not count the members"), error->message, TRUE);
      return;
    }

  total = g_strdup_printf ("%'u", page->total);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s contact matches",
                                        "%s contacts match",
                                        page->total),
                           total);
  gtk_label_set_text (self->count_label, count);
  self->count = page->total;
  loy_segment_builder_update_actions (self);
}

static gboolean
count_timeout_cb (gpointer user_data)
{
  LoySegmentBuilder *self = user_data;
  g_autoptr(JsonNode) criteria = loy_segment_builder_build_criteria (self);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autofree char *summary = NULL;

  self->count_timeout_id = 0;

  if (!loy_segment_builder_is_complete (self))
    {
      loy_segment_builder_show_count (self, _("Some conditions are not complete"),
                                      _("Each marked condition says what it needs."), TRUE);
      return G_SOURCE_REMOVE;
    }

  if (loy_segment_criteria_get_n_groups (criteria) == 0)
    summary = g_strdup (_("Every contact"));
  else
    summary = loy_segment_criteria_summarize (criteria, self->level_names);
  loy_segment_builder_show_count (self, _("Counting contacts…"), summary, FALSE);

  query->criteria = g_steal_pointer (&criteria);
  self->count_cancellable = g_cancellable_new ();
  loy_segment_builder_set_counting (self, TRUE);
  loy_store_query_async (self->store, query, 0, 0, self->count_cancellable,
                         contacts_counted_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* Forgets the last count and counts again once the edits pause. */
static void
loy_segment_builder_schedule_count (LoySegmentBuilder *self)
{
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  loy_segment_builder_set_counting (self, FALSE);

  self->count = -1;
  loy_segment_builder_update_actions (self);

  g_clear_handle_id (&self->count_timeout_id, g_source_remove);
  self->count_timeout_id = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
}

/* The first group stands alone; each further one is joined by "and". */
static void
loy_segment_builder_update_groups (LoySegmentBuilder *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->groups_box);

  gtk_widget_set_visible (self->everyone_label, child == NULL);
  gtk_widget_set_visible (self->groups_box, child != NULL);

  for (gboolean first = TRUE; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      loy_criteria_group_set_joined (LOY_CRITERIA_GROUP (child), !first);
      first = FALSE;
    }
}

static void
group_changed_cb (LoySegmentBuilder *self,
                  LoyCriteriaGroup  *group)
{
  if (loy_criteria_group_get_n_conditions (group) == 0)
    {
      gtk_box_remove (GTK_BOX (self->groups_box), GTK_WIDGET (group));
      loy_segment_builder_update_groups (self);
    }

  loy_segment_builder_schedule_count (self);
}

static void
name_changed_cb (LoySegmentBuilder *self)
{
  loy_segment_builder_update_actions (self);
}

static void
levels_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoySegmentBuilder) self = user_data;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (page == NULL)
    {
      loy_segment_builder_show_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      LoyLevel *level = g_ptr_array_index (page->items, i);

      g_hash_table_insert (self->level_names,
                           g_strdup (loy_level_get_uuid (level)),
                           g_strdup (loy_level_get_name (level)));
    }
  g_list_store_splice (self->levels, 0, 0, page->items->pdata, page->items->len);

  /* The summary names the levels now. */
  loy_segment_builder_schedule_count (self);
}

static void
loy_segment_builder_finish_write (LoySegmentBuilder *self,
                                  const GError      *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_segment_builder_set_busy (self, FALSE);

  if (error != NULL)
    {
      loy_segment_builder_show_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals [CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
segment_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoySegmentBuilder) self = user_data;
  g_autoptr(LoySegment) segment = NULL;
  g_autoptr(GError) error = NULL;

  segment = loy_store_save_segment_finish (LOY_STORE (object), result, &error);
  if (segment != NULL)
    g_set_object (&self->segment, segment);

  loy_segment_builder_finish_write (self, error);
}

static void
loy_segment_builder_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LoySegmentBuilder *self = LOY_SEGMENT_BUILDER (widget);
  g_autoptr(JsonNode) criteria = loy_segment_builder_build_criteria (self);
  g_autoptr(LoySegment) segment = loy_segment_new ();
  g_autofree char *name = loy_segment_builder_dup_name (self);

  loy_segment_set_uuid (segment, loy_segment_get_uuid (self->segment));
  loy_segment_set_name (segment, name);
  loy_segment_set_description (segment,
                               gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  loy_segment_set_criteria (segment, criteria);

  loy_segment_builder_set_busy (self, TRUE);
  loy_store_save_segment_async (self->store, segment, self->cancellable,
                                segment_saved_cb, g_object_ref (self));
}

static void
segment_deleted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LoySegmentBuilder) self = user_data;
  g_autoptr(GError) error = NULL;

  loy_store_delete_finish (LOY_STORE (object), result, &error);
  loy_segment_builder_finish_write (self, error);
}

static void
delete_response_cb (LoySegmentBuilder *self,
                    const char        *response,
                    AdwMessageDialog  *dialog)
{
  if (!g_str_equal (response, "delete"))
    return;

  loy_segment_builder_set_busy (self, TRUE);
  loy_store_delete_async (self->store, LOY_KIND_SEGMENT, loy_segment_get_uuid (self->segment),
                          self->cancellable, segment_deleted_cb, g_object_ref (self));
}

static void
loy_segment_builder_delete_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LoySegmentBuilder *self = LOY_SEGMENT_BUILDER (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("Delete “%s”?"), loy_segment_get_name (self->segment));
  dialog = loy_confirm_dialog_new (GTK_WINDOW (self), heading,
                                   _("Its contacts stay in the program; only the segment "
                                     "is removed."),
                                   "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loy_segment_builder_add_group_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  loy_segment_builder_add_group (LOY_SEGMENT_BUILDER (widget), NULL);
}

/* Export: the members of the criteria as they stand, saved or not. */

static char *
describe_members (gint64 n_members)
{
  g_autofree char *count = loy_format_count (n_members);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members", n_members), count);
}

static void
loy_segment_builder_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LoySegmentBuilder *self = LOY_SEGMENT_BUILDER (widget);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_SEGMENT_MEMBERS);
  g_autofree char *name = loy_segment_builder_dup_name (self);
  g_autofree char *file_name = g_strdup_printf ("%s.csv", name[0] != '\0' ? name : _("segment"));

  export->criteria = loy_segment_builder_build_criteria (self);
  loy_export_task_start (self->task_bar, self->store, export, _("Export Members"), file_name,
                         describe_members);
}

static void
loy_segment_builder_dispose (GObject *object)
{
  LoySegmentBuilder *self = LOY_SEGMENT_BUILDER (object);

  g_clear_handle_id (&self->count_timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->count_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_SEGMENT_BUILDER);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_object (&self->levels);
  g_clear_object (&self->attributes);
  g_clear_pointer (&self->level_names, g_hash_table_unref);
  g_clear_object (&self->segment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_segment_builder_parent_class)->dispose (object);
}

static void
loy_segment_builder_class_init (LoySegmentBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_segment_builder_dispose;

  /**
   * LoySegmentBuilder::changed:
   *
   * The store saved or deleted the segment.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LOY_TYPE_TASK_BAR);
  g_type_ensure (LOY_TYPE_TOAST_TARGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-segment-builder.ui");
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, save_button);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, toast_target);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, name_row);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, description_row);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, everyone_label);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, task_bar);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, count_icon);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, count_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, count_label);
  gtk_widget_class_bind_template_child (widget_class, LoySegmentBuilder, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, loy_segment_builder_update_actions);

  gtk_widget_class_install_action (widget_class, "builder.save", NULL,
                                   loy_segment_builder_save_action);
  gtk_widget_class_install_action (widget_class, "builder.delete", NULL,
                                   loy_segment_builder_delete_action);
  gtk_widget_class_install_action (widget_class, "builder.add-group", NULL,
                                   loy_segment_builder_add_group_action);
  gtk_widget_class_install_action (widget_class, "builder.export", NULL,
                                   loy_segment_builder_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "builder.save", NULL);
}

static void
loy_segment_builder_init (LoySegmentBuilder *self)
{
  self->cancellable = g_cancellable_new ();
  self->levels = g_list_store_new (LOY_TYPE_LEVEL);
  self->attributes = g_list_store_new (LOY_TYPE_CONTACT_ATTRIBUTE);
  self->level_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->count = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

LoySegmentBuilder *
loy_segment_builder_new (LoyStore   *store,
                         LoySegment *segment)
{
  LoySegmentBuilder *self;
  g_autoptr(LoyQuery) levels_query = loy_query_new (LOY_KIND_LEVEL);
  JsonNode *criteria;
  gboolean exists;
  gboolean can_edit;

  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (!segment || LOY_IS_SEGMENT (segment), NULL);

  self = g_object_new (LOY_TYPE_SEGMENT_BUILDER, NULL);
  self->store = g_object_ref (store);
  self->segment = segment != NULL ? g_object_ref (segment) : loy_segment_new ();
  exists = loy_segment_get_uuid (self->segment) != NULL;
  can_edit = loy_segment_builder_can_edit (self);

  gtk_window_set_title (GTK_WINDOW (self),
                        !exists ? _("New Segment") : can_edit ? _("Edit Segment") : _("Segment"));
  if (loy_segment_get_name (self->segment) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), loy_segment_get_name (self->segment));
  if (loy_segment_get_description (self->segment) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                           loy_segment_get_description (self->segment));
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), can_edit);
  gtk_editable_set_editable (GTK_EDITABLE (self->description_row), can_edit);
  gtk_widget_set_visible (self->save_button, can_edit);
  gtk_widget_set_visible (self->delete_button, exists && can_edit);

  criteria = loy_segment_get_criteria (self->segment);
  for (guint i = 0; i < loy_segment_criteria_get_n_groups (criteria); i++)
    {
      JsonArray *conditions = loy_segment_criteria_get_group (criteria, i);
      guint n_conditions = json_array_get_length (conditions);
      LoyCriteriaGroup *group;

      if (n_conditions == 0)
        continue;

      group = loy_segment_builder_add_group (self, json_array_get_object_element (conditions, 0));
      for (guint j = 1; j < n_conditions; j++)
        loy_criteria_group_add_condition (group, json_array_get_object_element (conditions, j));
    }

  loy_segment_builder_update_groups (self);
  loy_segment_builder_schedule_count (self);

  loy_store_query_async (store, levels_query, 0, MAX_LEVELS, self->cancellable,
                         levels_loaded_cb, g_object_ref (self));
  loy_attribute_button_load_attributes (store, self->attributes, self->cancellable);

  return self;
}

LoySegment *
loy_segment_builder_get_segment (LoySegmentBuilder *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT_BUILDER (self), NULL);

  return self->segment;
}

LoyCriteriaGroup *
loy_segment_builder_add_group (LoySegmentBuilder *self,
                               JsonObject        *condition)
{
  LoyCriteriaGroup *group;

  g_return_val_if_fail (LOY_IS_SEGMENT_BUILDER (self), NULL);

  group = loy_criteria_group_new (G_LIST_MODEL (self->levels), G_LIST_MODEL (self->attributes));
  gtk_box_append (GTK_BOX (self->groups_box), GTK_WIDGET (group));
  loy_criteria_group_add_condition (group, condition);
  g_signal_connect_object (group, "changed",
                           G_CALLBACK (group_changed_cb), self, G_CONNECT_SWAPPED);

  loy_segment_builder_update_groups (self);
  loy_segment_builder_schedule_count (self);

  return group;
}

JsonNode *
loy_segment_builder_build_criteria (LoySegmentBuilder *self)
{
  JsonNode *criteria;

  g_return_val_if_fail (LOY_IS_SEGMENT_BUILDER (self), NULL);

  criteria = loy_segment_criteria_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (self->groups_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    loy_criteria_group_build (LOY_CRITERIA_GROUP (child), criteria);

  return criteria;
}

gint64
loy_segment_builder_get_count (LoySegmentBuilder *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT_BUILDER (self), -1);

  return self->count;
}
