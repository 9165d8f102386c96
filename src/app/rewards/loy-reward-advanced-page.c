/* loy-reward-advanced-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-number-entry.h"
#include "loy-reward-advanced-page.h"

/* Cost price, stock, pre-redeeming, expiry and custom attributes. */

struct _LoyRewardAdvancedPage
{
  AdwPreferencesPage  parent_instance;

  /* The loaded attributes, so one left as it was keeps its JSON type. */
  JsonObject         *loaded_attributes;
  /* The loaded expiry in seconds, kept while its days are not edited. */
  gint64              loaded_expiry;
  char               *problem;

  /* Template widgets */
  LoyNumberEntry     *cost_entry;
  GtkSwitch          *unlimited_switch;
  AdwActionRow       *stock_row;
  LoyNumberEntry     *stock_entry;
  GtkSwitch          *pre_redeemable_switch;
  GtkSwitch          *expires_switch;
  AdwActionRow       *expiry_row;
  LoyNumberEntry     *expiry_entry;
  GtkListBox         *attribute_list;
  GtkLabel           *problem_label;
};

static void reward_page_iface_init (LoyRewardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyRewardAdvancedPage, loy_reward_advanced_page,
                               ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_REWARD_PAGE, reward_page_iface_init))

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

/* Whole days, rounded up: an expiry of part of a day still shows as one. */
static gint64
expiry_days (gint64 seconds)
{
  return (seconds + 86399) / 86400;
}

/* A loaded expiry is kept to the second until its days are edited. */
static gint64
get_expiry (LoyRewardAdvancedPage *self)
{
  gint64 days;

  if (!gtk_switch_get_active (self->expires_switch))
    return LOY_UNSET;
  if (self->loaded_expiry != LOY_UNSET && !loy_number_entry_get_edited (self->expiry_entry))
    return self->loaded_expiry;
  if (!loy_number_entry_get_value (self->expiry_entry, &days))
    return LOY_UNSET;

  return days * 86400;
}

/* The first field in use that refuses its text; it says why itself. */
static const char *
get_field_problem (LoyRewardAdvancedPage *self)
{
  const char *problem = loy_number_entry_get_problem (self->cost_entry);

  if (problem == NULL && !gtk_switch_get_active (self->unlimited_switch))
    problem = loy_number_entry_get_problem (self->stock_entry);
  if (problem == NULL && gtk_switch_get_active (self->expires_switch))
    problem = loy_number_entry_get_problem (self->expiry_entry);

  return problem;
}

static void
loy_reward_advanced_page_update (LoyRewardAdvancedPage *self)
{
  const char *problem = NULL;
  const char *field_problem = get_field_problem (self);
  GHashTable *keys = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_set_sensitive (GTK_WIDGET (self->stock_row), !gtk_switch_get_active (self->unlimited_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->expiry_row), gtk_switch_get_active (self->expires_switch));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attribute_list));
       row != NULL && problem == NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *key = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "key-entry"));

      if (key[0] == '\0')
        problem = _("Every custom attribute needs a name");
      else if (!g_hash_table_add (keys, (gpointer) key))
        problem = _("Two custom attributes have the same name");
    }
  g_hash_table_unref (keys);
  gtk_widget_set_visible (GTK_WIDGET (self->attribute_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->attribute_list)) != NULL);

  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);

  problem = field_problem ?: problem;
  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify (G_OBJECT (self), "problem");
    }
}

static void
remove_attribute_cb (LoyRewardAdvancedPage *self,
                     GtkButton             *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->attribute_list, row);
  loy_reward_advanced_page_update (self);
}

static void
loy_reward_advanced_page_add_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  loy_reward_advanced_page_add_attribute (LOY_REWARD_ADVANCED_PAGE (widget), "", "");
}

static char *
node_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  return json_to_string (node, FALSE);
}

static void
loy_reward_advanced_page_load (LoyRewardPage *page,
                               LoyReward     *reward)
{
  LoyRewardAdvancedPage *self = LOY_REWARD_ADVANCED_PAGE (page);
  gint64 cost = loy_reward_get_cost_price_cents (reward);
  gint64 stock = loy_reward_get_stock (reward);
  gint64 expiry = loy_reward_get_expiration_duration (reward);
  JsonObject *attributes = loy_reward_get_custom_attributes (reward);
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  GtkWidget *child;

  loy_number_entry_set_value (self->cost_entry, cost);
  gtk_switch_set_active (self->unlimited_switch, stock == LOY_UNSET);
  loy_number_entry_set_value (self->stock_entry, stock == LOY_UNSET ? 0 : stock);
  gtk_switch_set_active (self->pre_redeemable_switch, loy_reward_get_pre_redeemable (reward));
  /* Zero days is a value of its own: claimed rewards expire at once. */
  self->loaded_expiry = expiry;
  gtk_switch_set_active (self->expires_switch, expiry != LOY_UNSET);
  loy_number_entry_set_value (self->expiry_entry, expiry == LOY_UNSET ? 30 : expiry_days (expiry));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attribute_list))) != NULL)
    gtk_list_box_remove (self->attribute_list, child);

  g_clear_pointer (&self->loaded_attributes, json_object_unref);
  self->loaded_attributes = json_object_ref (attributes);

  json_object_iter_init (&iter, attributes);
  while (json_object_iter_next (&iter, &key, &node))
    {
      g_autofree char *text = node_to_text (node);

      loy_reward_advanced_page_add_attribute (self, key, text);
    }

  loy_reward_advanced_page_update (self);
}

static void
loy_reward_advanced_page_apply (LoyRewardPage *page,
                                LoyReward     *reward)
{
  LoyRewardAdvancedPage *self = LOY_REWARD_ADVANCED_PAGE (page);
  gint64 cost = LOY_UNSET;
  gint64 stock = LOY_UNSET;

  /* A refused field keeps Save off; apply is then only a comparison. */
  loy_number_entry_get_value (self->cost_entry, &cost);
  if (!gtk_switch_get_active (self->unlimited_switch))
    loy_number_entry_get_value (self->stock_entry, &stock);
  loy_reward_set_cost_price_cents (reward, cost);
  loy_reward_set_stock (reward, stock);
  loy_reward_set_pre_redeemable (reward, gtk_switch_get_active (self->pre_redeemable_switch));
  loy_reward_set_expiration_duration (reward, get_expiry (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attribute_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *key = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "key-entry"));
      const char *value = gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "value-entry"));
      JsonNode *loaded = NULL;
      g_autofree char *loaded_text = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (key[0] == '\0')
        continue;

      if (self->loaded_attributes != NULL)
        loaded = json_object_get_member (self->loaded_attributes, key);
      if (loaded != NULL)
        loaded_text = node_to_text (loaded);

      if (loaded != NULL && g_str_equal (loaded_text, value))
        node = json_node_copy (loaded);
      else
        node = json_node_init_string (json_node_alloc (), value);

      loy_reward_set_custom_attribute (reward, key, node);
    }
}

static void
reward_page_iface_init (LoyRewardPageInterface *iface)
{
  iface->load = loy_reward_advanced_page_load;
  iface->apply = loy_reward_advanced_page_apply;
}

static void
loy_reward_advanced_page_dispose (GObject *object)
{
  LoyRewardAdvancedPage *self = LOY_REWARD_ADVANCED_PAGE (object);

  g_clear_pointer (&self->loaded_attributes, json_object_unref);
  g_clear_pointer (&self->problem, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARD_ADVANCED_PAGE);

  G_OBJECT_CLASS (loy_reward_advanced_page_parent_class)->dispose (object);
}

static void
loy_reward_advanced_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LoyRewardAdvancedPage *self = LOY_REWARD_ADVANCED_PAGE (object);

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
loy_reward_advanced_page_class_init (LoyRewardAdvancedPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_reward_advanced_page_dispose;
  object_class->get_property = loy_reward_advanced_page_get_property;

  g_object_class_override_property (object_class, PROP_PROBLEM, "problem");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-reward-advanced-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, cost_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, unlimited_switch);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, stock_row);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, stock_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, pre_redeemable_switch);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, expires_switch);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, expiry_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, attribute_list);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardAdvancedPage, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_reward_advanced_page_update);

  gtk_widget_class_install_action (widget_class, "advanced.add-attribute", NULL,
                                   loy_reward_advanced_page_add_action);
}

static void
loy_reward_advanced_page_init (LoyRewardAdvancedPage *self)
{
  self->loaded_expiry = LOY_UNSET;
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_number_entry_set_value (self->stock_entry, 0);
  loy_number_entry_set_value (self->expiry_entry, 30);
  loy_reward_advanced_page_update (self);
}

void
loy_reward_advanced_page_add_attribute (LoyRewardAdvancedPage *self,
                                        const char            *key,
                                        const char            *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *key_entry = gtk_entry_new ();
  GtkWidget *value_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_if_fail (LOY_IS_REWARD_ADVANCED_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (key_entry), key);
  gtk_entry_set_placeholder_text (GTK_ENTRY (key_entry), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (value_entry), value);
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_widget_set_hexpand (key_entry, TRUE);
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove Attribute"));
  gtk_widget_add_css_class (remove, "flat");

  gtk_box_append (GTK_BOX (box), key_entry);
  gtk_box_append (GTK_BOX (box), value_entry);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "key-entry", key_entry);
  g_object_set_data (G_OBJECT (row), "value-entry", value_entry);

  g_signal_connect_object (key_entry, "changed",
                           G_CALLBACK (loy_reward_advanced_page_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked",
                           G_CALLBACK (remove_attribute_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_append (self->attribute_list, row);
  loy_reward_advanced_page_update (self);
}
