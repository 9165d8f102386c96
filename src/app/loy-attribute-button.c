/* loy-attribute-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-attribute-button.h"

/* A button beside the field of a contact attribute's name: its popover
 * lists the attributes contacts have, with their type and how many have
 * each, and a click on one fills the field. The name can still be typed:
 * a condition may read an attribute no contact has yet. */

/* More names than a merchant scrolls through; the most common come first. */
#define MAX_ATTRIBUTES 200

struct _LoyAttributeButton
{
  GtkWidget         parent_instance;

  GtkSortListModel *sorted;
  gboolean          dates_first;

  /* Template widgets */
  GtkWidget        *menu_button;
  GtkPopover       *popover;
  GtkListBox       *list_box;
};

G_DEFINE_FINAL_TYPE (LoyAttributeButton, loy_attribute_button, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
get_type_label (LoyAttributeType type)
{
  switch (type)
    {
    case LOY_ATTRIBUTE_TYPE_NUMBER:  return _("Number");
    case LOY_ATTRIBUTE_TYPE_BOOLEAN: return _("Yes or no");
    case LOY_ATTRIBUTE_TYPE_DATE:    return _("Date");
    case LOY_ATTRIBUTE_TYPE_TEXT:
    default:                         return _("Text");
    }
}

/* The store's order (most common, then by name), dates first when asked. */
static int
compare_attributes (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  LoyAttributeButton *self = user_data;
  LoyContactAttribute *attribute_a = LOY_CONTACT_ATTRIBUTE ((gpointer) a);
  LoyContactAttribute *attribute_b = LOY_CONTACT_ATTRIBUTE ((gpointer) b);
  gint64 n_a = loy_contact_attribute_get_n_contacts (attribute_a);
  gint64 n_b = loy_contact_attribute_get_n_contacts (attribute_b);

  if (self->dates_first)
    {
      gboolean date_a = loy_contact_attribute_get_value_type (attribute_a) == LOY_ATTRIBUTE_TYPE_DATE;
      gboolean date_b = loy_contact_attribute_get_value_type (attribute_b) == LOY_ATTRIBUTE_TYPE_DATE;

      if (date_a != date_b)
        return date_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }

  if (n_a != n_b)
    return n_a > n_b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return gtk_ordering_from_cmpfunc (g_strcmp0 (loy_contact_attribute_get_name (attribute_a),
                                               loy_contact_attribute_get_name (attribute_b)));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LoyContactAttribute *attribute = item;
  gint64 n_contacts = loy_contact_attribute_get_n_contacts (attribute);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  /* Translators: a contact attribute's type and how many contacts have it,
   * e.g. "Date · 1,200 contacts" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s · %'" PRId64 " contact",
                                           "%s · %'" PRId64 " contacts", n_contacts),
                              get_type_label (loy_contact_attribute_get_value_type (attribute)),
                              n_contacts);

  /* Names are the merchant's data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_contact_attribute_get_name (attribute));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
row_activated_cb (LoyAttributeButton *self,
                  GtkListBoxRow      *row)
{
  g_autoptr(LoyContactAttribute) attribute = NULL;

  attribute = g_list_model_get_item (G_LIST_MODEL (self->sorted), gtk_list_box_row_get_index (row));
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals [CHOSEN], 0, loy_contact_attribute_get_name (attribute));
}

static void
items_changed_cb (LoyAttributeButton *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self),
                          g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) > 0);
}

static void
loy_attribute_button_dispose (GObject *object)
{
  LoyAttributeButton *self = LOY_ATTRIBUTE_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_ATTRIBUTE_BUTTON);
  g_clear_object (&self->sorted);

  G_OBJECT_CLASS (loy_attribute_button_parent_class)->dispose (object);
}

static void
loy_attribute_button_class_init (LoyAttributeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_attribute_button_dispose;

  /**
   * LoyAttributeButton::chosen:
   * @name: the attribute's name
   *
   * The user chose a known attribute.
   */
  signals [CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-attribute-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyAttributeButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoyAttributeButton, popover);
  gtk_widget_class_bind_template_child (widget_class, LoyAttributeButton, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
loy_attribute_button_init (LoyAttributeButton *self)
{
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_attributes, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row, NULL, NULL);
}

static void
attributes_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GListStore) attributes = user_data;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  /* Suggestions are a help, not the point: without them the name is typed. */
  if (!(page = loy_store_query_finish (LOY_STORE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No contact attributes to suggest: %s", error->message);
      return;
    }

  g_list_store_splice (attributes, 0, g_list_model_get_n_items (G_LIST_MODEL (attributes)),
                       page->items->pdata, page->items->len);
}

void
loy_attribute_button_load_attributes (LoyStore     *store,
                                      GListStore   *attributes,
                                      GCancellable *cancellable)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT_ATTRIBUTE);

  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (G_IS_LIST_STORE (attributes));

  if (!loy_store_can (store, loy_kind_get_list_capability (LOY_KIND_CONTACT_ATTRIBUTE)))
    return;

  loy_store_query_async (store, query, 0, MAX_ATTRIBUTES, cancellable,
                         attributes_loaded_cb, g_object_ref (attributes));
}

void
loy_attribute_button_set_attributes (LoyAttributeButton *self,
                                     GListModel         *attributes)
{
  g_return_if_fail (LOY_IS_ATTRIBUTE_BUTTON (self));
  g_return_if_fail (!attributes || G_IS_LIST_MODEL (attributes));

  gtk_sort_list_model_set_model (self->sorted, attributes);
}

void
loy_attribute_button_set_dates_first (LoyAttributeButton *self,
                                      gboolean            dates_first)
{
  g_return_if_fail (LOY_IS_ATTRIBUTE_BUTTON (self));

  if (self->dates_first == !!dates_first)
    return;

  self->dates_first = !!dates_first;
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->sorted), GTK_SORTER_CHANGE_DIFFERENT);
}
