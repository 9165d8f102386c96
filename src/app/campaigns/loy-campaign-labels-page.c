/* loy-campaign-labels-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-labels-page.h"

/* A label is a row of two entries and a remove button; a category a row
 * with a check. The categories the campaign has are ticked once the list
 * is read: until then they are kept as they came. */

struct _LoyCampaignLabelsPage
{
  AdwPreferencesPage   parent_instance;

  LoyStore            *store;
  GCancellable        *cancellable;
  GPtrArray           *label_rows;     /* GtkBox: key entry, value entry, button */
  GPtrArray           *category_checks;
  GStrv                pending_categories;
  gboolean             categories_listed;

  /* Template widgets */
  AdwPreferencesGroup *labels_group;
  AdwPreferencesGroup *categories_group;
  AdwEntryRow         *new_category_row;
  GtkLabel            *problem_label;
  /* Why the list was not read or a new category not made: the rules'
   * problem_label follows every change. */
  GtkLabel            *category_problem;
};

G_DEFINE_FINAL_TYPE (LoyCampaignLabelsPage, loy_campaign_labels_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
changed (LoyCampaignLabelsPage *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
show_problem (LoyCampaignLabelsPage *self,
              const char            *message)
{
  gtk_label_set_label (self->category_problem, message);
  gtk_widget_set_visible (GTK_WIDGET (self->category_problem), message != NULL);
}

static void
remove_label_cb (GtkWidget             *row,
                 GtkButton             *button)
{
  LoyCampaignLabelsPage *self = g_object_get_data (G_OBJECT (row), "page");

  g_ptr_array_remove (self->label_rows, row);
  adw_preferences_group_remove (self->labels_group, row);
  changed (self);
}

void
loy_campaign_labels_page_add_label (LoyCampaignLabelsPage *self,
                                    const char            *key,
                                    const char            *value)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *key_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  g_return_if_fail (LOY_IS_CAMPAIGN_LABELS_PAGE (self));

  gtk_entry_set_placeholder_text (GTK_ENTRY (key_entry), _("Name"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (key_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label name"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label value"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove Label"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_hexpand (key_entry, TRUE);
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (key_entry), 6);
  gtk_editable_set_width_chars (GTK_EDITABLE (value_entry), 6);
  gtk_editable_set_text (GTK_EDITABLE (key_entry), key ?: "");
  gtk_editable_set_text (GTK_EDITABLE (value_entry), value ?: "");
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_append (GTK_BOX (row), key_entry);
  gtk_box_append (GTK_BOX (row), value_entry);
  gtk_box_append (GTK_BOX (row), remove);
  g_object_set_data (G_OBJECT (row), "page", self);
  g_object_set_data (G_OBJECT (row), "key", key_entry);
  g_object_set_data (G_OBJECT (row), "value", value_entry);
  g_signal_connect_swapped (key_entry, "changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (value_entry, "changed", G_CALLBACK (changed), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_label_cb), row);
  g_ptr_array_add (self->label_rows, row);
  adw_preferences_group_add (self->labels_group, row);
  changed (self);
}

static void
add_label_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoyCampaignLabelsPage *self = LOY_CAMPAIGN_LABELS_PAGE (widget);
  GtkWidget *row;

  loy_campaign_labels_page_add_label (self, NULL, NULL);
  row = g_ptr_array_index (self->label_rows, self->label_rows->len - 1);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "key"));
}

static void
add_category (LoyCampaignLabelsPage *self,
              LoyCampaignCategory   *category,
              gboolean               active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *uuid = loy_campaign_category_get_uuid (category);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_campaign_category_get_name (category));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (uuid), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed), self);
  g_ptr_array_add (self->category_checks, check);
  adw_preferences_group_add (self->categories_group, row);
}

static void
categories_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = loy_store_list_campaign_categories_finish (LOY_STORE (object),
                                                                               result, &error);
  LoyCampaignLabelsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CAMPAIGN_LABELS_PAGE (user_data);
  if (categories == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  /* The new-category row stays last. */
  g_object_ref (self->new_category_row);
  adw_preferences_group_remove (self->categories_group, GTK_WIDGET (self->new_category_row));
  for (guint i = 0; i < categories->len; i++)
    {
      LoyCampaignCategory *category = g_ptr_array_index (categories, i);

      add_category (self, category,
                    self->pending_categories != NULL &&
                    g_strv_contains ((const char * const *) self->pending_categories,
                                     loy_campaign_category_get_uuid (category)));
    }
  adw_preferences_group_add (self->categories_group, GTK_WIDGET (self->new_category_row));
  g_object_unref (self->new_category_row);
  self->categories_listed = TRUE;
  changed (self);
}

static void
category_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaignCategory) category = loy_store_save_campaign_category_finish (LOY_STORE (object),
                                                                                    result, &error);
  LoyCampaignLabelsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CAMPAIGN_LABELS_PAGE (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_category_row), TRUE);
  if (category == NULL)
    {
      show_problem (self, error->message);
      return;
    }

  show_problem (self, NULL);
  g_object_ref (self->new_category_row);
  adw_preferences_group_remove (self->categories_group, GTK_WIDGET (self->new_category_row));
  add_category (self, category, TRUE);
  adw_preferences_group_add (self->categories_group, GTK_WIDGET (self->new_category_row));
  g_object_unref (self->new_category_row);
  gtk_editable_set_text (GTK_EDITABLE (self->new_category_row), "");
  changed (self);
}

static void
new_category_apply_cb (LoyCampaignLabelsPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_category_row))));
  g_autoptr(LoyCampaignCategory) category = NULL;

  if (name[0] == '\0')
    {
      show_problem (self, _("New category: enter a name"));
      return;
    }

  category = loy_campaign_category_new (NULL, name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_category_row), FALSE);
  loy_store_save_campaign_category_async (self->store, category, self->cancellable,
                                          category_saved_cb, self);
}

static void
loy_campaign_labels_page_dispose (GObject *object)
{
  LoyCampaignLabelsPage *self = LOY_CAMPAIGN_LABELS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_LABELS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->label_rows, g_ptr_array_unref);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);
  g_clear_pointer (&self->pending_categories, g_strfreev);

  G_OBJECT_CLASS (loy_campaign_labels_page_parent_class)->dispose (object);
}

static void
loy_campaign_labels_page_class_init (LoyCampaignLabelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_labels_page_dispose;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-labels-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelsPage, labels_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelsPage, categories_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelsPage, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelsPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelsPage, category_problem);
  gtk_widget_class_bind_template_callback (widget_class, new_category_apply_cb);
  gtk_widget_class_install_action (widget_class, "labels.add", NULL, add_label_action);
}

static void
loy_campaign_labels_page_init (LoyCampaignLabelsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->label_rows = g_ptr_array_new ();
  self->category_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loy_campaign_labels_page_set_store (LoyCampaignLabelsPage *self,
                                    LoyStore              *store)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_LABELS_PAGE (self));
  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  loy_store_list_campaign_categories_async (store, self->cancellable, categories_listed_cb, self);
}

void
loy_campaign_labels_page_load (LoyCampaignLabelsPage *self,
                               LoyCampaign           *campaign)
{
  GPtrArray *labels;

  g_return_if_fail (LOY_IS_CAMPAIGN_LABELS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  labels = loy_campaign_get_labels (campaign);
  for (guint i = 0; i < labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (labels, i);

      loy_campaign_labels_page_add_label (self, label->key, label->value);
    }

  g_strfreev (self->pending_categories);
  self->pending_categories = g_strdupv ((char **) loy_campaign_get_category_uuids (campaign));
  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      gtk_check_button_set_active (check, g_strv_contains ((const char * const *) self->pending_categories,
                                                           g_object_get_data (G_OBJECT (check), "uuid")));
    }
}

void
loy_campaign_labels_page_apply (LoyCampaignLabelsPage *self,
                                LoyCampaign           *campaign)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_campaign_label_free);
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();
  g_auto(GStrv) uuids = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN_LABELS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  for (guint i = 0; i < self->label_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->label_rows, i);
      g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (row, "key"))));
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (row, "value"))));

      g_ptr_array_add (labels, loy_campaign_label_new (key, value));
    }
  loy_campaign_set_labels (campaign, labels);

  /* Until the list is read, the campaign keeps the categories it had. */
  if (!self->categories_listed)
    return;

  for (guint i = 0; i < self->category_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (categories, g_object_get_data (G_OBJECT (check), "uuid"));
    }
  uuids = g_strv_builder_end (categories);
  loy_campaign_set_category_uuids (campaign, (const char * const *) uuids);
}

GtkLabel *
loy_campaign_labels_page_get_problem_label (LoyCampaignLabelsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LABELS_PAGE (self), NULL);

  return self->problem_label;
}
