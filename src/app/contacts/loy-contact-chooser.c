/* loy-contact-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-contact-chooser.h"

/* A few matches to choose from: more means the search is too vague. */
#define MAX_RESULTS 6

struct _LoyContactChooser
{
  GtkBox          parent_instance;

  LoyStore       *store;
  LoyContact     *contact;
  GCancellable   *cancellable;   /* the search under way */
  /* Set while the list is refilled, which chooses nothing. */
  gboolean        filling;
  /* What loy_contact_chooser_set_contact() put in the entry: no search. */
  char           *chosen_text;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkLabel       *status_label;
  GtkListBox     *results;
};

G_DEFINE_FINAL_TYPE (LoyContactChooser, loy_contact_chooser, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_status (LoyContactChooser *self,
            const char        *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
choose (LoyContactChooser *self,
        LoyContact        *contact)
{
  if (g_set_object (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT]);
}

static GtkWidget *
create_row (LoyContact *contact)
{
  GtkWidget *row = adw_action_row_new ();
  const char *email = loy_contact_get_email (contact);

  /* Names and addresses are the merchant's data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_contact_get_display_name (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email != NULL ? email : "");
  g_object_set_data_full (G_OBJECT (row), "contact", g_object_ref (contact), g_object_unref);

  return row;
}

/* The list holds @contacts, the chosen one selected if among them. */
static void
show_contacts (LoyContactChooser *self,
               GPtrArray         *contacts)
{
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);

  for (guint i = 0; i < contacts->len; i++)
    {
      LoyContact *contact = contacts->pdata[i];
      GtkWidget *row = create_row (contact);

      gtk_list_box_append (self->results, row);
      if (self->contact != NULL &&
          g_strcmp0 (loy_contact_get_uuid (contact), loy_contact_get_uuid (self->contact)) == 0)
        gtk_list_box_select_row (self->results, GTK_LIST_BOX_ROW (row));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results), contacts->len > 0);
  self->filling = FALSE;
}

static void
row_selected_cb (LoyContactChooser *self,
                 GtkListBoxRow     *row)
{
  if (self->filling || row == NULL)
    return;

  choose (self, g_object_get_data (G_OBJECT (row), "contact"));
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LoyContactChooser) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_finish (LOY_STORE (object), result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (page == NULL)
    {
      set_status (self, error->message);
      return;
    }

  show_contacts (self, page->items);
  if (page->items->len == 0)
    /* Translators: %s is what was typed in a contact search */
    text = g_strdup_printf (_("No contact matches “%s”"), gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else if (page->total > page->items->len)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The first %u match of %u: type more to narrow the search",
                                         "The first %u matches of %u: type more to narrow the search",
                                         page->items->len),
                            page->items->len, page->total);
  set_status (self, text);
}

/* Another search: what was chosen goes with the list it was chosen from. */
static void
text_changed_cb (LoyContactChooser *self)
{
  g_autoptr(GPtrArray) none = NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->chosen_text) == 0)
    return;

  g_clear_pointer (&self->chosen_text, g_free);
  choose (self, NULL);
  none = g_ptr_array_new ();
  show_contacts (self, none);
}

static void
search_changed_cb (LoyContactChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(LoyQuery) query = NULL;
  g_autoptr(GPtrArray) none = NULL;

  /* The entry says itself which contact is chosen: nothing to search. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->chosen_text) == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (text[0] == '\0' || self->store == NULL)
    {
      none = g_ptr_array_new ();
      show_contacts (self, none);
      set_status (self, _("Type part of a name or an email address"));
      return;
    }

  query = loy_query_new (LOY_KIND_CONTACT);
  query->search = g_steal_pointer (&text);
  self->cancellable = g_cancellable_new ();
  set_status (self, _("Searching…"));
  loy_store_query_async (self->store, query, 0, MAX_RESULTS, self->cancellable, found_cb, g_object_ref (self));
}

static void
loy_contact_chooser_dispose (GObject *object)
{
  LoyContactChooser *self = LOY_CONTACT_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CONTACT_CHOOSER);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chosen_text, g_free);

  G_OBJECT_CLASS (loy_contact_chooser_parent_class)->dispose (object);
}

static void
loy_contact_chooser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoyContactChooser *self = LOY_CONTACT_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_chooser_class_init (LoyContactChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_contact_chooser_dispose;
  object_class->get_property = loy_contact_chooser_get_property;

  properties [PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         LOY_TYPE_CONTACT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contact-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyContactChooser, status_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactChooser, results);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
loy_contact_chooser_init (LoyContactChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_status (self, _("Type part of a name or an email address"));
}

void
loy_contact_chooser_set_store (LoyContactChooser *self,
                               LoyStore          *store)
{
  g_return_if_fail (LOY_IS_CONTACT_CHOOSER (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  g_set_object (&self->store, store);
  search_changed_cb (self);
}

LoyContact *
loy_contact_chooser_get_contact (LoyContactChooser *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_CHOOSER (self), NULL);

  return self->contact;
}

void
loy_contact_chooser_set_contact (LoyContactChooser *self,
                                 LoyContact        *contact)
{
  g_autoptr(GPtrArray) alone = g_ptr_array_new ();

  g_return_if_fail (LOY_IS_CONTACT_CHOOSER (self));
  g_return_if_fail (LOY_IS_CONTACT (contact));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  choose (self, contact);
  g_free (self->chosen_text);
  self->chosen_text = g_strdup (loy_contact_get_display_name (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), self->chosen_text);
  g_ptr_array_add (alone, contact);
  show_contacts (self, alone);
  set_status (self, NULL);
}
