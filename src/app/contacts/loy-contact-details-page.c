/* loy-contact-details-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <inttypes.h>

#include "loy-contact-details-page.h"
#include "loy-format.h"

/* What the program knows of the contact: since when they are a member,
 * their attributes by name, and their identifier. */

struct _LoyContactDetailsPage
{
  GtkBox              parent_instance;

  /* Template widgets */
  GtkListBox         *attributes_list;
};

static void contact_page_iface_init (LoyContactPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyContactDetailsPage, loy_contact_details_page, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_CONTACT_PAGE, contact_page_iface_init))

/* Dates as dates, booleans as Yes/No, numbers with grouping. */
static char *
attribute_value (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");

  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      return json_generator_to_data (generator, NULL);
    }

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%'" PRId64, json_node_get_int (node));

  if (type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%'.2f", json_node_get_double (node));

  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      /* A date alone is that day wherever the desk is, not midnight in UTC. */
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (midnight, local);
      g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (text, NULL);

      if (date != NULL)
        return loy_format_date (date);
      if (date_time != NULL)
        return loy_format_date (date_time);
      return g_strdup (text);
    }

  return g_strdup ("");
}

static void
add_attribute_row (GtkListBox *list,
                   const char *title,
                   const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

static void
loy_contact_details_page_show_contact (LoyContactPage *page,
                                       LoyContact     *contact)
{
  LoyContactDetailsPage *self = LOY_CONTACT_DETAILS_PAGE (page);
  JsonObject *attributes = loy_contact_get_attributes (contact);
  g_autoptr(GList) members = json_object_get_members (attributes);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attributes_list))) != NULL)
    gtk_list_box_remove (self->attributes_list, child);

  if (loy_contact_get_created_at (contact) > 0)
    {
      g_autofree char *since = loy_format_unix_date (loy_contact_get_created_at (contact));

      add_attribute_row (self->attributes_list, _("Member since"), since);
    }

  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *title = loy_contact_attribute_dup_label (l->data);
      g_autofree char *value = attribute_value (json_object_get_member (attributes, l->data));

      add_attribute_row (self->attributes_list, title, value);
    }

  add_attribute_row (self->attributes_list, _("Identifier"), loy_contact_get_uuid (contact));
}

/* Every store has the contact itself to show. */
static gboolean
loy_contact_details_page_setup (LoyContactPage *page,
                                LoyStore       *store,
                                LoyContact     *contact)
{
  loy_contact_details_page_show_contact (page, contact);

  return TRUE;
}

static void
contact_page_iface_init (LoyContactPageInterface *iface)
{
  iface->setup = loy_contact_details_page_setup;
  iface->show_contact = loy_contact_details_page_show_contact;
}

static void
loy_contact_details_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CONTACT_DETAILS_PAGE);

  G_OBJECT_CLASS (loy_contact_details_page_parent_class)->dispose (object);
}

static void
loy_contact_details_page_class_init (LoyContactDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_contact_details_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contact-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactDetailsPage, attributes_list);
}

static void
loy_contact_details_page_init (LoyContactDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
