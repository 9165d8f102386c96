/* loy-view-filter-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-attribute-button.h"
#include "loy-number-entry.h"
#include "loy-view-filter-editor.h"

/* A reward's view filters (who sees it, on which app, in which shops). */

/* The store's shops, at most this many (a chain of shops, not a catalogue). */
#define MAX_SHOPS 500

enum {
  PLATFORM_BOTH,
  PLATFORM_BUSINESS,
  PLATFORM_CUSTOMER,
};

enum {
  SHOPS_ALL,
  SHOPS_CHOSEN,
};

struct _LoyViewFilterEditor
{
  AdwPreferencesPage  parent_instance;

  LoyStore           *store;
  GCancellable       *cancellable;
  GHashTable         *chosen_shops;
  GListStore         *attributes;
  char               *problem;

  /* Template widgets */
  AdwComboRow        *condition_row;
  AdwEntryRow        *attribute_row;
  LoyAttributeButton *attribute_button;
  AdwEntryRow        *value_row;
  AdwActionRow       *days_before_row;
  LoyNumberEntry     *days_before_entry;
  AdwActionRow       *days_after_row;
  LoyNumberEntry     *days_after_entry;
  AdwComboRow        *platform_row;
  AdwComboRow        *shops_row;
  GtkListBox         *shop_list;
  GtkLabel           *problem_label;
};

static void reward_page_iface_init (LoyRewardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyViewFilterEditor, loy_view_filter_editor,
                               ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_REWARD_PAGE, reward_page_iface_init))

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
loy_view_filter_editor_update (LoyViewFilterEditor *self)
{
  LoyConditionType condition = adw_combo_row_get_selected (self->condition_row);
  gboolean chosen_shops = adw_combo_row_get_selected (self->shops_row) == SHOPS_CHOSEN;
  g_autofree char *attribute = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->attribute_row))));
  const char *problem = NULL;
  const char *field_problem = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->attribute_row), condition != LOY_CONDITION_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->value_row),
                          condition == LOY_CONDITION_EQUALS || condition == LOY_CONDITION_NOT_EQUALS);
  gtk_widget_set_visible (GTK_WIDGET (self->days_before_row), condition == LOY_CONDITION_DATE_WINDOW);
  gtk_widget_set_visible (GTK_WIDGET (self->days_after_row), condition == LOY_CONDITION_DATE_WINDOW);
  gtk_widget_set_visible (GTK_WIDGET (self->shop_list), chosen_shops);

  if (condition != LOY_CONDITION_NONE && attribute[0] == '\0')
    problem = _("Enter the contact attribute the condition reads, such as date_of_birth");
  else if (chosen_shops && g_hash_table_size (self->chosen_shops) == 0)
    problem = _("Choose at least one store, or show the reward in all stores");

  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);

  /* The days say themselves why they are refused. */
  if (condition == LOY_CONDITION_DATE_WINDOW)
    field_problem = loy_number_entry_get_problem (self->days_before_entry)
                    ?: loy_number_entry_get_problem (self->days_after_entry);
  problem = problem ?: field_problem;
  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify (G_OBJECT (self), "problem");
    }
}

/* The contact attribute of a birthday, the yearly date most rewards are
 * shown around (seed: "based on the attribute date of birth"). */
#define BIRTHDAY_ATTRIBUTE "date_of_birth"

/* The most common date attribute the contacts have, else the birthday's. */
static const char *
get_default_date_attribute (LoyViewFilterEditor *self)
{
  guint n_attributes = g_list_model_get_n_items (G_LIST_MODEL (self->attributes));

  for (guint i = 0; i < n_attributes; i++)
    {
      g_autoptr(LoyContactAttribute) attribute = NULL;

      attribute = g_list_model_get_item (G_LIST_MODEL (self->attributes), i);
      if (loy_contact_attribute_get_value_type (attribute) == LOY_ATTRIBUTE_TYPE_DATE)
        return loy_contact_attribute_get_name (attribute);
    }

  return BIRTHDAY_ATTRIBUTE;
}

static void
condition_changed_cb (LoyViewFilterEditor *self)
{
  GtkEditable *attribute = GTK_EDITABLE (self->attribute_row);
  gboolean date_window = adw_combo_row_get_selected (self->condition_row) == LOY_CONDITION_DATE_WINDOW;

  loy_attribute_button_set_dates_first (self->attribute_button, date_window);
  if (date_window && gtk_editable_get_text (attribute)[0] == '\0')
    gtk_editable_set_text (attribute, get_default_date_attribute (self));

  loy_view_filter_editor_update (self);
}

static void
attribute_chosen_cb (LoyViewFilterEditor *self,
                     const char          *name)
{
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_row), name);
}

static void
shop_toggled_cb (LoyViewFilterEditor *self,
                 GtkCheckButton      *check)
{
  const char *uuid = g_object_get_data (G_OBJECT (check), "shop-uuid");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen_shops, g_strdup (uuid));
  else
    g_hash_table_remove (self->chosen_shops, uuid);

  loy_view_filter_editor_update (self);
}

static void
shops_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyViewFilterEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_finish (LOY_STORE (object), result, &error);
  GtkWidget *child;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->shop_list))) != NULL)
    gtk_list_box_remove (self->shop_list, child);

  if (page == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Could not list the stores"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->shop_list, row);
      return;
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      LoyShop *shop = g_ptr_array_index (page->items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_shop_get_name (shop));
      g_object_set_data_full (G_OBJECT (check), "shop-uuid",
                              g_strdup (loy_shop_get_uuid (shop)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (self->chosen_shops, loy_shop_get_uuid (shop)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_object (check, "toggled", G_CALLBACK (shop_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->shop_list, row);
    }
}

static void
loy_view_filter_editor_load (LoyRewardPage *page,
                             LoyReward     *reward)
{
  loy_view_filter_editor_set_filter (LOY_VIEW_FILTER_EDITOR (page),
                                     loy_reward_get_view_filter (reward));
}

static void
loy_view_filter_editor_apply (LoyRewardPage *page,
                              LoyReward     *reward)
{
  g_autoptr(LoyViewFilter) filter = loy_view_filter_editor_get_filter (LOY_VIEW_FILTER_EDITOR (page));

  loy_reward_set_view_filter (reward, filter);
}

static void
reward_page_iface_init (LoyRewardPageInterface *iface)
{
  iface->load = loy_view_filter_editor_load;
  iface->apply = loy_view_filter_editor_apply;
}

static void
loy_view_filter_editor_dispose (GObject *object)
{
  LoyViewFilterEditor *self = LOY_VIEW_FILTER_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chosen_shops, g_hash_table_unref);
  g_clear_object (&self->attributes);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_VIEW_FILTER_EDITOR);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (loy_view_filter_editor_parent_class)->dispose (object);
}

static void
loy_view_filter_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LoyViewFilterEditor *self = LOY_VIEW_FILTER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_view_filter_editor_class_init (LoyViewFilterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_view_filter_editor_dispose;
  object_class->get_property = loy_view_filter_editor_get_property;

  g_object_class_override_property (object_class, PROP_PROBLEM, "problem");

  g_type_ensure (LOY_TYPE_ATTRIBUTE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-view-filter-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, condition_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, attribute_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, attribute_button);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, days_before_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, days_before_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, days_after_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, days_after_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, platform_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, shops_row);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, shop_list);
  gtk_widget_class_bind_template_child (widget_class, LoyViewFilterEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_view_filter_editor_update);
  gtk_widget_class_bind_template_callback (widget_class, condition_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, attribute_chosen_cb);
}

static void
loy_view_filter_editor_init (LoyViewFilterEditor *self)
{
  self->cancellable = g_cancellable_new ();
  self->chosen_shops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->attributes = g_list_store_new (LOY_TYPE_CONTACT_ATTRIBUTE);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_number_entry_set_value (self->days_before_entry, 0);
  loy_number_entry_set_value (self->days_after_entry, 0);
  loy_attribute_button_set_attributes (self->attribute_button, G_LIST_MODEL (self->attributes));
  loy_view_filter_editor_update (self);
}

void
loy_view_filter_editor_set_store (LoyViewFilterEditor *self,
                                  LoyStore            *store)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);

  g_return_if_fail (LOY_IS_VIEW_FILTER_EDITOR (self));
  g_return_if_fail (LOY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->shops_row), loy_store_can (store, LOY_STORE_CAN_LIST_SHOPS));
  if (loy_store_can (store, LOY_STORE_CAN_LIST_SHOPS))
    loy_store_query_async (store, query, 0, MAX_SHOPS, self->cancellable,
                           shops_loaded_cb, g_object_ref (self));
  loy_attribute_button_load_attributes (store, self->attributes, self->cancellable);
}

void
loy_view_filter_editor_set_filter (LoyViewFilterEditor *self,
                                   const LoyViewFilter *filter)
{
  guint platform = PLATFORM_BOTH;
  gboolean has_shops;

  g_return_if_fail (LOY_IS_VIEW_FILTER_EDITOR (self));

  has_shops = filter != NULL && filter->shop_uuids != NULL && filter->shop_uuids[0] != NULL;
  g_hash_table_remove_all (self->chosen_shops);
  for (guint i = 0; has_shops && filter->shop_uuids[i] != NULL; i++)
    g_hash_table_add (self->chosen_shops, g_strdup (filter->shop_uuids[i]));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->shop_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      const char *uuid = check != NULL ? g_object_get_data (G_OBJECT (check), "shop-uuid") : NULL;

      if (uuid != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     g_hash_table_contains (self->chosen_shops, uuid));
    }

  if (filter != NULL && filter->platforms == LOY_PLATFORM_BUSINESS_APP)
    platform = PLATFORM_BUSINESS;
  else if (filter != NULL && filter->platforms == LOY_PLATFORM_CUSTOMER_APP)
    platform = PLATFORM_CUSTOMER;

  adw_combo_row_set_selected (self->platform_row, platform);
  adw_combo_row_set_selected (self->shops_row, has_shops ? SHOPS_CHOSEN : SHOPS_ALL);
  adw_combo_row_set_selected (self->condition_row, filter != NULL ? filter->condition : LOY_CONDITION_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_row),
                         filter != NULL && filter->attribute != NULL ? filter->attribute : "");
  gtk_editable_set_text (GTK_EDITABLE (self->value_row),
                         filter != NULL && filter->value != NULL ? filter->value : "");
  loy_number_entry_set_value (self->days_before_entry, filter != NULL ? filter->days_before : 0);
  loy_number_entry_set_value (self->days_after_entry, filter != NULL ? filter->days_after : 0);

  loy_view_filter_editor_update (self);
}

LoyViewFilter *
loy_view_filter_editor_get_filter (LoyViewFilterEditor *self)
{
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autofree char *attribute = NULL;

  g_return_val_if_fail (LOY_IS_VIEW_FILTER_EDITOR (self), NULL);

  switch (adw_combo_row_get_selected (self->platform_row))
    {
    case PLATFORM_BUSINESS:
      filter->platforms = LOY_PLATFORM_BUSINESS_APP;
      break;
    case PLATFORM_CUSTOMER:
      filter->platforms = LOY_PLATFORM_CUSTOMER_APP;
      break;
    default:
      filter->platforms = 0;
    }

  if (adw_combo_row_get_selected (self->shops_row) == SHOPS_CHOSEN &&
      g_hash_table_size (self->chosen_shops) > 0)
    {
      guint n_shops;
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (self->chosen_shops, &n_shops);

      /* In a stable order, so an unchanged choice compares equal. */
      g_qsort_with_data (keys, n_shops, sizeof (gpointer), compare_strings, NULL);
      filter->shop_uuids = g_strdupv ((GStrv) keys);
    }

  filter->condition = adw_combo_row_get_selected (self->condition_row);
  if (filter->condition != LOY_CONDITION_NONE)
    {
      attribute = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->attribute_row))));
      filter->attribute = g_steal_pointer (&attribute);
    }
  if (filter->condition == LOY_CONDITION_EQUALS || filter->condition == LOY_CONDITION_NOT_EQUALS)
    filter->value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row)));
  if (filter->condition == LOY_CONDITION_DATE_WINDOW)
    {
      gint64 days;

      /* A refused day count keeps Save and Next off; its filter is not used. */
      if (loy_number_entry_get_value (self->days_before_entry, &days))
        filter->days_before = days;
      if (loy_number_entry_get_value (self->days_after_entry, &days))
        filter->days_after = days;
    }

  if (loy_view_filter_is_empty (filter))
    return NULL;

  return g_steal_pointer (&filter);
}
