/* loy-campaign-label-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-label-filter.h"

/* The Label row of the campaign list's filters: a key from the labels the
 * campaigns have (listed by the store each time the filters open), a value
 * of that key or any, and Add. Every label added must be one of a listed
 * campaign's; each is a line with its own remove button. */

struct _LoyCampaignLabelFilter
{
  GtkWidget      parent_instance;

  GCancellable  *cancellable;
  GPtrArray     *in_use;  /* LoyCampaignLabel, by key then value */
  GPtrArray     *added;   /* "key" or "key=value", %NULL-terminated */

  /* Template widgets */
  GtkWidget     *content;
  GtkDropDown   *key_dropdown;
  GtkStringList *keys;
  GtkDropDown   *value_dropdown;
  GtkStringList *values;
  GtkWidget     *add_button;
  GtkBox        *added_box;
};

G_DEFINE_FINAL_TYPE (LoyCampaignLabelFilter, loy_campaign_label_filter, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* "key" or "key = value", as a line and in the summary */
static char *
describe_label (const char *label)
{
  g_auto(GStrv) key_value = g_strsplit (label, "=", 2);

  if (key_value[1] == NULL)
    return g_strdup (key_value[0]);

  /* Translators: a label filter, "event = christmas" */
  return g_strdup_printf (_("%s = %s"), key_value[0], key_value[1]);
}

/* The choice @position of @dropdown, 0 being "any". */
static const char *
chosen (GtkDropDown   *dropdown,
        GtkStringList *list)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (list, position);
}

static void
key_chosen_cb (LoyCampaignLabelFilter *self)
{
  const char *key = chosen (self->key_dropdown, self->keys);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  g_strv_builder_add (builder, _("Any value"));
  for (guint i = 0; key != NULL && i < self->in_use->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (self->in_use, i);

      if (g_str_equal (label->key, key) && label->value[0] != '\0')
        g_strv_builder_add (builder, label->value);
    }
  values = g_strv_builder_end (builder);
  gtk_string_list_splice (self->values, 0, g_list_model_get_n_items (G_LIST_MODEL (self->values)),
                          (const char * const *) values);
  gtk_drop_down_set_selected (self->value_dropdown, 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->value_dropdown), g_strv_length (values) > 1);
  gtk_widget_set_sensitive (self->add_button, key != NULL);
}

static gboolean
is_added (LoyCampaignLabelFilter *self,
          const char             *label)
{
  for (guint i = 0; i < self->added->len; i++)
    if (g_str_equal (g_ptr_array_index (self->added, i), label))
      return TRUE;

  return FALSE;
}

static void
remove_clicked_cb (GtkWidget *line)
{
  LoyCampaignLabelFilter *self = g_object_get_data (G_OBJECT (line), "filter");

  g_ptr_array_remove (self->added, g_object_get_data (G_OBJECT (line), "label"));
  gtk_box_remove (self->added_box, line);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
add_line (LoyCampaignLabelFilter *self,
          char                   *label)
{
  g_autofree char *text = describe_label (label);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  /* Translators: %s is a label filter, "event = christmas" */
  remove_label = g_strdup_printf (_("Remove “%s”"), text);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), remove);
  g_object_set_data (G_OBJECT (line), "filter", self);
  g_object_set_data (G_OBJECT (line), "label", label);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), line);
  gtk_box_append (self->added_box, line);
}

static void
add_clicked_cb (LoyCampaignLabelFilter *self)
{
  const char *key = chosen (self->key_dropdown, self->keys);
  const char *value = chosen (self->value_dropdown, self->values);
  g_autofree char *label = NULL;

  if (key == NULL)
    return;

  label = value != NULL ? g_strconcat (key, "=", value, NULL) : g_strdup (key);
  gtk_drop_down_set_selected (self->key_dropdown, 0);
  if (is_added (self, label))
    return;

  g_ptr_array_add (self->added, label);
  add_line (self, g_steal_pointer (&label));
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
labels_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = loy_store_list_campaign_labels_finish (LOY_STORE (object), result,
                                                                       &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  LoyCampaignLabelFilter *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CAMPAIGN_LABEL_FILTER (user_data);
  g_clear_pointer (&self->in_use, g_ptr_array_unref);
  self->in_use = labels != NULL ? g_ptr_array_ref (labels) : g_ptr_array_new ();

  if (labels == NULL)
    g_strv_builder_add (builder, error->message);
  else if (labels->len == 0)
    g_strv_builder_add (builder, _("No campaign has labels"));
  else
    g_strv_builder_add (builder, _("Choose a label"));
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (labels, i);
      LoyCampaignLabel *previous = i > 0 ? g_ptr_array_index (labels, i - 1) : NULL;

      /* Listed by key: each key once. */
      if (previous == NULL || !g_str_equal (previous->key, label->key))
        g_strv_builder_add (builder, label->key);
    }
  keys = g_strv_builder_end (builder);
  gtk_string_list_splice (self->keys, 0, g_list_model_get_n_items (G_LIST_MODEL (self->keys)),
                          (const char * const *) keys);
  gtk_drop_down_set_selected (self->key_dropdown, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_dropdown), g_strv_length (keys) > 1);
}

static void
loy_campaign_label_filter_dispose (GObject *object)
{
  LoyCampaignLabelFilter *self = LOY_CAMPAIGN_LABEL_FILTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CAMPAIGN_LABEL_FILTER);
  g_clear_pointer (&self->in_use, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_campaign_label_filter_parent_class)->dispose (object);
}

static void
loy_campaign_label_filter_class_init (LoyCampaignLabelFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_label_filter_dispose;

  /* A label added or removed */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-label-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, content);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, key_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, keys);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, value_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, values);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, add_button);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignLabelFilter, added_box);
  gtk_widget_class_bind_template_callback (widget_class, key_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loy_campaign_label_filter_init (LoyCampaignLabelFilter *self)
{
  self->in_use = g_ptr_array_new ();
  self->added = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (self->keys, _("Listing the labels…"));
  key_chosen_cb (self);
}

GtkWidget *
loy_campaign_label_filter_new (void)
{
  return g_object_new (LOY_TYPE_CAMPAIGN_LABEL_FILTER, NULL);
}

void
loy_campaign_label_filter_load (LoyCampaignLabelFilter *self,
                                LoyStore               *store)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_LABEL_FILTER (self));
  g_return_if_fail (LOY_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  loy_store_list_campaign_labels_async (store, self->cancellable, labels_listed_cb, self);
}

GStrv
loy_campaign_label_filter_dup_labels (LoyCampaignLabelFilter *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LABEL_FILTER (self), NULL);

  return self->added->len > 0 ? g_strdupv ((char **) self->added->pdata) : NULL;
}

char *
loy_campaign_label_filter_dup_summary (LoyCampaignLabelFilter *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_val_if_fail (LOY_IS_CAMPAIGN_LABEL_FILTER (self), NULL);

  if (self->added->len == 0)
    return NULL;

  for (guint i = 0; i < self->added->len; i++)
    {
      g_autofree char *text = describe_label (g_ptr_array_index (self->added, i));

      if (i > 0)
        /* Translators: between the labels a list is filtered on, "event = christmas, tier" */
        g_string_append (summary, _(", "));
      g_string_append (summary, text);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}

void
loy_campaign_label_filter_clear (LoyCampaignLabelFilter *self)
{
  GtkWidget *line;

  g_return_if_fail (LOY_IS_CAMPAIGN_LABEL_FILTER (self));

  while ((line = gtk_widget_get_first_child (GTK_WIDGET (self->added_box))) != NULL)
    gtk_box_remove (self->added_box, line);
  g_ptr_array_set_size (self->added, 0);
}
