/* loy-contacts-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-contact-window.h"
#include "loy-contacts-section.h"
#include "loy-enroll-dialog.h"
#include "loy-format.h"
#include "loy-operator.h"
#include "loy-task-bar.h"
#include "loy-toast-target.h"

/* Levels and segments are few; one page holds them all. */
#define MAX_CHOICES 200

/* LoyQuery.sort for each entry of the sort dropdown, in order: a store
 * that cannot sort contacts has the first N_DATE_ORDERS alone. */
static const char * const sort_keys[] = { NULL, "-created_at", "first_name", "-balance" };
#define N_DATE_ORDERS 2

struct _LoyContactsSection
{
  GtkWidget       parent_instance;

  LoyStore       *store;
  GPtrArray      *level_uuids;
  GPtrArray      *segment_uuids;
  GCancellable   *cancellable;
  /* The choices are listed when the popover first opens, not at start-up:
   * a segment's member count is a query over every contact. */
  gboolean        choices_loaded;
  /* A store whose search reads a local index of its contacts (a remote
   * account) has it filled as it comes, with progress and Cancel. */
  GCancellable   *index_cancellable;
  gboolean        index_complete;
  char           *index_error;

  /* Template widgets */
  LoySectionView  *view;
  LoyFilterButton *filters;
  GtkWidget       *enroll_button;
  GtkWidget       *menu_button;
  LoyTaskBar      *index_bar;
  GtkWidget       *index_note;
  GtkLabel        *index_note_label;
  GtkWidget       *index_button;

  GtkDropDown     *level_dropdown;
  GtkStringList   *level_list;
  GtkDropDown     *segment_dropdown;
  GtkStringList   *segment_list;
  GtkDropDown     *sort_dropdown;
  GtkStringList   *sort_list;
};

G_DEFINE_FINAL_TYPE (LoyContactsSection, loy_contacts_section, LOY_TYPE_SECTION)

static char *
contact_name (gpointer item)
{
  return g_strdup (loy_contact_get_display_name (item));
}

static char *
contact_email (gpointer item)
{
  return g_strdup (loy_contact_get_email (item));
}

static char *
contact_level (gpointer item)
{
  return g_strdup (loy_contact_get_level_name (item));
}

static char *
contact_balance (gpointer item)
{
  return loy_format_points (loy_contact_get_balance (item));
}

static const LoyColumnSpec contact_columns[] = {
  { N_("Name"), contact_name, LOY_COLUMN_EXPAND },
  { N_("Email"), contact_email, LOY_COLUMN_EXPAND | LOY_COLUMN_SECONDARY },
  { N_("Level"), contact_level, LOY_COLUMN_SECONDARY },
  { N_("Balance"), contact_balance, LOY_COLUMN_NUMERIC },
  { NULL }
};

/* How many contacts a search or filter found, under the search */
static char *
describe_contacts (gint64 n_contacts)
{
  g_autofree char *count = loy_format_count (n_contacts);

  return g_strdup_printf (ngettext ("%s contact", "%s contacts", n_contacts), count);
}

/* The UUID behind a dropdown's choice; choice 0 is "All …". */
static const char *
choice_uuid (GtkDropDown *dropdown,
             GPtrArray   *uuids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > uuids->len)
    return NULL;

  return g_ptr_array_index (uuids, selected - 1);
}

/* Pushes the filters and the order down to the section's query. */
static void
loy_contacts_section_apply (LoyContactsSection *self)
{
  LoyPagedModel *model = loy_section_view_get_model (self->view);
  g_autoptr(LoyQuery) query = NULL;
  const char *level_uuid = choice_uuid (self->level_dropdown, self->level_uuids);
  const char *segment_uuid = choice_uuid (self->segment_dropdown, self->segment_uuids);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  const char *sort_key = sort < G_N_ELEMENTS (sort_keys) ? sort_keys[sort] : NULL;

  if (model == NULL)
    return;

  query = loy_query_copy (loy_paged_model_get_query (model));
  if (g_strcmp0 (query->level_uuid, level_uuid) == 0 &&
      g_strcmp0 (query->segment_uuid, segment_uuid) == 0 &&
      g_strcmp0 (query->sort, sort_key) == 0)
    return;

  g_free (query->level_uuid);
  query->level_uuid = g_strdup (level_uuid);
  g_free (query->segment_uuid);
  query->segment_uuid = g_strdup (segment_uuid);
  g_free (query->sort);
  query->sort = g_strdup (sort_key);
  loy_paged_model_set_query (model, query);
}

typedef struct
{
  LoyContactsSection *self;
  GtkStringList      *list;
  GPtrArray          *uuids;
} ChoicesLoad;

static void
choices_query_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChoicesLoad *load = user_data;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the levels or segments: %s", error->message);
    }
  else
    {
      for (guint i = 0; i < page->items->len; i++)
        {
          GObject *item = g_ptr_array_index (page->items, i);
          g_autofree char *uuid = NULL;
          g_autofree char *name = NULL;

          g_object_get (item, "uuid", &uuid, "name", &name, NULL);
          g_ptr_array_add (load->uuids, g_steal_pointer (&uuid));
          gtk_string_list_append (load->list, name);
        }
    }

  g_object_unref (load->self);
  g_free (load);
}

static void
loy_contacts_section_load_choices (LoyContactsSection *self,
                                   LoyKind             kind,
                                   GtkStringList      *list,
                                   GPtrArray          *uuids,
                                   GtkDropDown        *dropdown)
{
  g_autoptr(LoyQuery) query = loy_query_new (kind);
  ChoicesLoad *load;
  gboolean can_list = self->store != NULL &&
                      loy_store_can (self->store, loy_kind_get_list_capability (kind) |
                                                  LOY_STORE_CAN_FILTER_CONTACTS);

  if (!can_list)
    return;

  load = g_new0 (ChoicesLoad, 1);
  load->self = g_object_ref (self);
  load->list = list;
  load->uuids = uuids;
  loy_store_query_async (self->store, query, 0, MAX_CHOICES, self->cancellable,
                         choices_query_cb, load);
}

static void
filter_popover_shown_cb (LoyContactsSection *self)
{
  if (self->choices_loaded)
    return;

  self->choices_loaded = TRUE;
  loy_contacts_section_load_choices (self, LOY_KIND_LEVEL, self->level_list, self->level_uuids,
                                     self->level_dropdown);
  loy_contacts_section_load_choices (self, LOY_KIND_SEGMENT, self->segment_list,
                                     self->segment_uuids, self->segment_dropdown);
}

/* Says what a search may miss while the index is not complete, or why it
 * could not be filled; offers to go on when it is not filling. */
static void
loy_contacts_section_update_index_note (LoyContactsSection *self)
{
  GtkWidget *entry = loy_section_view_get_search_entry (self->view);
  gboolean searching = gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0';
  gboolean running = self->index_cancellable != NULL;
  gboolean indexes = self->store != NULL && loy_store_can (self->store, LOY_STORE_CAN_INDEX_CONTACTS);
  g_autofree char *text = NULL;

  if (!indexes || self->index_complete)
    text = NULL;
  else if (self->index_error != NULL)
    text = g_strdup_printf (_("The contacts could not all be indexed, so a search may miss some: %s"),
                            self->index_error);
  else if (searching)
    text = g_strdup (_("Search results may be incomplete: not every contact is indexed yet."));
  else if (!running)
    text = g_strdup (_("Not every contact is indexed: a search may miss some."));

  gtk_label_set_text (self->index_note_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->index_note, text != NULL);
  gtk_widget_set_visible (self->index_button, !running);
}

static void
index_progress_cb (guint64  done,
                   guint64  total,
                   gpointer data)
{
  LoyContactsSection *self = data;
  g_autofree char *done_text = loy_format_count (done);
  g_autofree char *total_text = loy_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: the contacts read into the search's index so far, e.g. "Indexing contacts… 1,200 of 10,000" */
  text = g_strdup_printf (_("Indexing contacts… %s of %s"), done_text, total_text);
  loy_task_bar_set_text (self->index_bar, text);
  loy_task_bar_progress (done, total, self->index_bar);
}

static void
index_contacts_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyContactsSection) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = loy_section_view_get_search_entry (self->view);

  loy_store_index_contacts_finish (LOY_STORE (object), result, &error);
  /* The fill of a store since replaced: the new one has the bar. */
  if (LOY_STORE (object) != self->store)
    return;

  g_clear_object (&self->index_cancellable);
  loy_task_bar_finish (self->index_bar);

  if (error == NULL)
    {
      self->index_complete = TRUE;
      /* A search on show was answered from part of the index. */
      if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
        loy_section_view_reload (self->view);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->index_error = g_strdup (error->message);

  loy_contacts_section_update_index_note (self);
}

static void
loy_contacts_section_start_index (LoyContactsSection *self)
{
  if (self->index_cancellable != NULL)
    return;

  self->index_complete = FALSE;
  g_clear_pointer (&self->index_error, g_free);
  self->index_cancellable = loy_task_bar_start (self->index_bar, _("Indexing contacts…"));
  loy_store_index_contacts_async (self->store, index_progress_cb, self, self->index_cancellable,
                                  index_contacts_cb, g_object_ref (self));
  loy_contacts_section_update_index_note (self);
}

static void
loy_contacts_section_index_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  loy_contacts_section_start_index (LOY_CONTACTS_SECTION (widget));
}

static void
loy_contacts_section_stop_index (LoyContactsSection *self)
{
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  loy_task_bar_finish (self->index_bar);
}

/* What the store cannot filter or sort by is not offered, and the control
 * says why. */
static void
loy_contacts_section_offer_filters (LoyContactsSection *self)
{
  LoyStore *store = self->store;
  gboolean can_filter = store != NULL && loy_store_can (store, LOY_STORE_CAN_FILTER_CONTACTS);
  gboolean can_sort = store != NULL && loy_store_can (store, LOY_STORE_CAN_SORT_CONTACTS);
  const char *by_name_or_balance[] = { _("Name"), _("Highest balance"), NULL };
  guint n_orders = g_list_model_get_n_items (G_LIST_MODEL (self->sort_list));

  gtk_widget_set_sensitive (GTK_WIDGET (self->level_dropdown),
                            can_filter && loy_store_can (store, LOY_STORE_CAN_LIST_LEVELS));
  gtk_widget_set_sensitive (GTK_WIDGET (self->segment_dropdown),
                            can_filter && loy_store_can (store, LOY_STORE_CAN_LIST_SEGMENTS));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->level_dropdown),
                               can_filter ? NULL : _("This account’s API cannot filter contacts by level"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->segment_dropdown),
                               can_filter ? NULL : _("This account’s API cannot filter contacts by segment"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_dropdown),
                               can_sort ? NULL : _("This account’s API sorts contacts by the date they joined only"));

  if (can_sort == (n_orders > N_DATE_ORDERS))
    return;
  if (!can_sort && gtk_drop_down_get_selected (self->sort_dropdown) >= N_DATE_ORDERS)
    gtk_drop_down_set_selected (self->sort_dropdown, 0);
  gtk_string_list_splice (self->sort_list, N_DATE_ORDERS, n_orders - N_DATE_ORDERS,
                          can_sort ? by_name_or_balance : NULL);
}

static void
store_changed_cb (LoyContactsSection *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);
  GtkPopover *popover;

  if (!g_set_object (&self->store, store))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The old store's levels and segments mean nothing to the new one. */
  gtk_drop_down_set_selected (self->level_dropdown, 0);
  gtk_drop_down_set_selected (self->segment_dropdown, 0);
  gtk_string_list_splice (self->level_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->level_list)) - 1, NULL);
  gtk_string_list_splice (self->segment_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->segment_list)) - 1, NULL);
  g_ptr_array_set_size (self->level_uuids, 0);
  g_ptr_array_set_size (self->segment_uuids, 0);
  self->choices_loaded = FALSE;
  popover = gtk_menu_button_get_popover (loy_filter_button_get_menu_button (self->filters));
  if (gtk_widget_get_visible (GTK_WIDGET (popover)))
    filter_popover_shown_cb (self);

  loy_contacts_section_offer_filters (self);

  gboolean can_enroll = store != NULL && loy_store_can (store, LOY_STORE_CAN_ENROLL_CONTACTS);

  gtk_widget_set_visible (self->enroll_button, can_enroll);
  /* Ctrl+N too */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.enroll", can_enroll);
  gtk_widget_set_visible (GTK_WIDGET (self->filters), store != NULL);

  gboolean can_export = store != NULL && loy_store_can (store, LOY_STORE_CAN_EXPORT);

  gtk_widget_set_visible (self->menu_button, can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.export", can_export);

  loy_contacts_section_stop_index (self);
  if (store != NULL && loy_store_can (store, LOY_STORE_CAN_INDEX_CONTACTS))
    loy_contacts_section_start_index (self);
  loy_contacts_section_update_index_note (self);
}

GtkWindow *
loy_contacts_section_open_contact (LoyContactsSection *self,
                                   LoyContact         *contact)
{
  GtkApplication *app;
  GList *windows;
  LoyContactWindow *window;

  g_return_val_if_fail (LOY_IS_CONTACTS_SECTION (self), NULL);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  app = gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  windows = app != NULL ? gtk_application_get_windows (app) : NULL;

  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (LOY_IS_CONTACT_WINDOW (l->data) &&
          g_strcmp0 (loy_contact_get_uuid (loy_contact_window_get_contact (l->data)),
                     loy_contact_get_uuid (contact)) == 0)
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }

  window = loy_contact_window_new (app, self->store, contact);
  gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
item_activated_cb (LoyContactsSection *self,
                   GObject            *item)
{
  loy_contacts_section_open_contact (self, LOY_CONTACT (item));
}

/* An enrolment under way, with what was typed: if the store refuses, the
 * dialog comes back with all of it. */
typedef struct
{
  LoyContactsSection *self;
  LoyContact         *contact;
} EnrollRequest;

static EnrollRequest *
enroll_request_new (LoyContactsSection *self,
                    LoyEnrollDialog    *dialog)
{
  EnrollRequest *request = g_new0 (EnrollRequest, 1);

  request->self = g_object_ref (self);
  request->contact = loy_enroll_dialog_dup_contact (dialog);

  return request;
}

static void
enroll_request_free (EnrollRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->contact);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EnrollRequest, enroll_request_free)

static void loy_contacts_section_show_enroll_dialog (LoyContactsSection *self,
                                                     LoyContact         *typed,
                                                     const char         *taken_message);

static void
enroll_contact_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EnrollRequest) request = user_data;
  LoyContactsSection *self = request->self;
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  contact = loy_store_enroll_contact_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_CONFLICT))
    {
      loy_contacts_section_show_enroll_dialog (self, request->contact, error->message);
      return;
    }

  if (contact == NULL)
    {
      loy_toast_target_show_from (GTK_WIDGET (self), adw_toast_new (error->message));
      loy_contacts_section_show_enroll_dialog (self, request->contact, NULL);
      return;
    }

  title = g_strdup_printf (_("%s enrolled"), loy_contact_get_display_name (contact));
  loy_toast_target_show_from (GTK_WIDGET (self), adw_toast_new (title));

  loy_contacts_section_open_contact (self, contact);
}

static void
existing_contact_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(EnrollRequest) request = user_data;
  const char *email = loy_contact_get_email (request->contact);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The search matches more than the address itself. */
  for (guint i = 0; page != NULL && i < page->items->len; i++)
    {
      LoyContact *contact = g_ptr_array_index (page->items, i);

      if (g_ascii_strcasecmp (loy_contact_get_email (contact), email) == 0)
        {
          loy_contacts_section_open_contact (request->self, contact);
          return;
        }
    }

  loy_toast_target_show_from (GTK_WIDGET (request->self),
                              adw_toast_new (error != NULL ? error->message
                                                           : _("The contact with this email was not found")));
}

static void
enroll_response_cb (LoyContactsSection *self,
                    const char         *response,
                    LoyEnrollDialog    *dialog)
{
  EnrollRequest *request;

  if (g_str_equal (response, "cancel"))
    return;

  request = enroll_request_new (self, dialog);

  if (g_str_equal (response, "open-existing"))
    {
      g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);

      query->search = g_strdup (loy_contact_get_email (request->contact));
      loy_store_query_async (self->store, query, 0, 50, self->cancellable,
                             existing_contact_cb, request);
    }
  else
    {
      g_autofree char *operator_name = loy_operator_dup_name ();

      loy_store_enroll_contact_async (self->store, request->contact, operator_name,
                                      self->cancellable, enroll_contact_cb, request);
    }
}

/* The enroll dialog, filled in with @typed if not %NULL, showing that the
 * store refused its address with @taken_message if not %NULL. */
static void
loy_contacts_section_show_enroll_dialog (LoyContactsSection *self,
                                         LoyContact         *typed,
                                         const char         *taken_message)
{
  LoyEnrollDialog *dialog = loy_enroll_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));

  if (typed != NULL)
    loy_enroll_dialog_set_contact (dialog, typed);
  else
    {
      GtkWidget *search_entry = loy_section_view_get_search_entry (self->view);
      const char *search = gtk_editable_get_text (GTK_EDITABLE (search_entry));

      /* Searched for an address and found no one: that is who to enroll. */
      if (strchr (search, '@') != NULL)
        loy_enroll_dialog_set_email (dialog, search);
    }

  if (taken_message != NULL)
    loy_enroll_dialog_show_taken (dialog, taken_message);

  g_signal_connect_object (dialog, "response", G_CALLBACK (enroll_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loy_contacts_section_enroll_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  loy_contacts_section_show_enroll_dialog (LOY_CONTACTS_SECTION (widget), NULL, NULL);
}

/* With their balance, level and attributes */
static void
loy_contacts_section_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LoyContactsSection *self = LOY_CONTACTS_SECTION (widget);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CONTACTS);

  loy_section_view_export (self->view, export, _("Export Contacts"), _("contacts.csv"),
                           describe_contacts);
}

static void
loy_contacts_section_dispose (GObject *object)
{
  LoyContactsSection *self = LOY_CONTACTS_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CONTACTS_SECTION);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_contacts_section_parent_class)->dispose (object);
}

static void
loy_contacts_section_finalize (GObject *object)
{
  LoyContactsSection *self = LOY_CONTACTS_SECTION (object);

  g_ptr_array_unref (self->level_uuids);
  g_ptr_array_unref (self->segment_uuids);
  g_free (self->index_error);

  G_OBJECT_CLASS (loy_contacts_section_parent_class)->finalize (object);
}

static void
loy_contacts_section_class_init (LoyContactsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_contacts_section_dispose;
  object_class->finalize = loy_contacts_section_finalize;



  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contacts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, view);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, filters);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, enroll_button);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, index_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, index_note);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, index_note_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactsSection, index_button);
  gtk_widget_class_bind_template_callback (widget_class, loy_contacts_section_apply);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);

  gtk_widget_class_install_action (widget_class, "contacts.enroll", NULL,
                                   loy_contacts_section_enroll_action);
  gtk_widget_class_install_action (widget_class, "contacts.export", NULL,
                                   loy_contacts_section_export_action);
  gtk_widget_class_install_action (widget_class, "contacts.index", NULL,
                                   loy_contacts_section_index_action);

  g_type_ensure (LOY_TYPE_TASK_BAR);
}

static void
loy_contacts_section_init (LoyContactsSection *self)
{
  self->level_uuids = g_ptr_array_new_with_free_func (g_free);
  self->segment_uuids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_set_view (LOY_SECTION (self), self->view);

  /* The levels and segments are listed after "All …" when the filters open. */
  self->level_dropdown = loy_filter_button_add_dropdown (self->filters, _("_Level"),
                                                         (const char *[]) { _("All levels"), NULL });
  self->level_list = GTK_STRING_LIST (gtk_drop_down_get_model (self->level_dropdown));
  self->segment_dropdown = loy_filter_button_add_dropdown (self->filters, _("_Segment"),
                                                           (const char *[]) { _("All segments"), NULL });
  self->segment_list = GTK_STRING_LIST (gtk_drop_down_get_model (self->segment_dropdown));
  /* The order is no filter: Clear Filters keeps it. */
  self->sort_list = gtk_string_list_new ((const char *[]) { _("Oldest first"), _("Newest first"), NULL });
  self->sort_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->sort_list), NULL));
  g_signal_connect_object (self->sort_dropdown, "notify::selected",
                           G_CALLBACK (loy_contacts_section_apply), self, G_CONNECT_SWAPPED);
  loy_filter_button_add_row (self->filters, _("S_ort by"), GTK_WIDGET (self->sort_dropdown));

  loy_section_view_set_columns (self->view, contact_columns);
  loy_section_view_set_count_func (self->view, describe_contacts);
  g_signal_connect_object (loy_section_view_get_search_entry (self->view), "search-changed",
                           G_CALLBACK (loy_contacts_section_update_index_note), self,
                           G_CONNECT_SWAPPED);
  store_changed_cb (self);
}

GtkMenuButton *
loy_contacts_section_get_filter_button (LoyContactsSection *self)
{
  g_return_val_if_fail (LOY_IS_CONTACTS_SECTION (self), NULL);

  return loy_filter_button_get_menu_button (self->filters);
}

GtkDropDown *
loy_contacts_section_get_level_dropdown (LoyContactsSection *self)
{
  g_return_val_if_fail (LOY_IS_CONTACTS_SECTION (self), NULL);

  return self->level_dropdown;
}

GtkDropDown *
loy_contacts_section_get_segment_dropdown (LoyContactsSection *self)
{
  g_return_val_if_fail (LOY_IS_CONTACTS_SECTION (self), NULL);

  return self->segment_dropdown;
}

GtkDropDown *
loy_contacts_section_get_sort_dropdown (LoyContactsSection *self)
{
  g_return_val_if_fail (LOY_IS_CONTACTS_SECTION (self), NULL);

  return self->sort_dropdown;
}
