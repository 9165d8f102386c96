/* loy-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-api-key.h"
#include "loy-desk-shop.h"
#include "loy-preferences-window.h"
#include "program/loy-program-page.h"

/* The rows of the source combo row, in the order of the schema's DataSource enum. */
enum
{
  SOURCE_LOCAL,
  SOURCE_REMOTE,
};

struct _LoyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  /* While Connect tries an account; %NULL otherwise. */
  GCancellable         *connect_cancellable;
  /* Cancelled with the window: the check of a new program's file. */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              awaiting_store;

  /* Template widgets */
  AdwComboRow          *source_row;
  GtkWidget            *local_group;
  AdwActionRow         *database_row;
  GtkWidget            *remote_group;
  GtkWidget            *connect_button;
  GtkSpinner           *connect_spinner;
  GtkLabel             *connect_error_label;
  AdwEntryRow          *url_row;
  AdwPasswordEntryRow  *key_row;
  AdwComboRow          *shop_row;
  GtkStringList        *shop_names;
  LoyProgramPage       *program_page;

  /* (element-type LoyShop): the remote account's shops, as shop_names lists them. */
  GPtrArray            *shops;
  /* Set while the shops are put in the row, which is no choice of the user's. */
  gboolean              filling_shops;
};

G_DEFINE_FINAL_TYPE (LoyPreferencesWindow, loy_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static LoyDataSource *
loy_preferences_window_get_source (LoyPreferencesWindow *self)
{
  return LOY_DATA_SOURCE (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
loy_preferences_window_show_message (LoyPreferencesWindow *self,
                                     const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
loy_preferences_window_update_database_row (LoyPreferencesWindow *self)
{
  g_autofree char *path = loy_data_source_dup_local_path (loy_preferences_window_get_source (self));

  adw_action_row_set_subtitle (self->database_row, path);
}

/* Switches the application to the data source now in the settings. */
static void
loy_preferences_window_apply (LoyPreferencesWindow *self)
{
  self->awaiting_store = TRUE;
  loy_data_source_apply_settings (loy_preferences_window_get_source (self));
}

static void
store_changed_cb (LoyPreferencesWindow *self,
                  GParamSpec           *pspec,
                  LoyDataSource        *source)
{
  const GError *error = loy_data_source_get_error (source);
  LoyStore *store = loy_data_source_get_store (source);

  if (!self->awaiting_store || (error == NULL && store == NULL))
    return;

  self->awaiting_store = FALSE;

  if (error != NULL)
    loy_preferences_window_show_message (self, error->message);
  else
    {
      g_autofree char *description = loy_store_get_description (store);
      g_autofree char *message = g_strdup_printf (_("Connected to %s"), description);

      loy_preferences_window_show_message (self, message);
    }
}

/* The file in use changes with the settings and with a --database of the
 * command line (which a choice here replaces): the row follows each switch. */
static void
database_changed_cb (LoyPreferencesWindow *self,
                     GParamSpec           *pspec,
                     LoyDataSource        *source)
{
  loy_preferences_window_update_database_row (self);
}

/* This desk's shop: a remote account earns and redeems at one of its shops. */

static void
update_shop_subtitle (LoyPreferencesWindow *self)
{
  const char *subtitle;

  if (self->shops->len == 1)
    subtitle = _("The account’s only shop");
  else if (adw_combo_row_get_selected (self->shop_row) == GTK_INVALID_LIST_POSITION)
    subtitle = _("Choose a shop: none is chosen for this desk yet");
  else
    subtitle = _("Where points are earned and rewards redeemed");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->shop_row), subtitle);
}

static void
shops_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LoyPreferencesWindow *self = user_data;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;
  int chosen;

  /* Not held: closing the window cancels the query, and then self is gone. */
  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (page == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->shop_row), error->message);
      return;
    }

  url = g_settings_get_string (self->settings, "remote-url");
  stored = loy_desk_shop_dup_stored (self->settings, url);
  chosen = loy_desk_shop_find (page->items, stored);
  self->filling_shops = TRUE;
  g_clear_pointer (&self->shops, g_ptr_array_unref);
  self->shops = g_ptr_array_ref (page->items);
  gtk_string_list_splice (self->shop_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shop_names)), NULL);
  for (guint i = 0; i < self->shops->len; i++)
    gtk_string_list_append (self->shop_names, loy_shop_get_name (self->shops->pdata[i]));
  /* None stored, or one the account does not have: none is shown chosen,
   * and choosing any, the first too, stores it. */
  adw_combo_row_set_selected (self->shop_row, chosen >= 0 ? (guint) chosen : GTK_INVALID_LIST_POSITION);
  self->filling_shops = FALSE;

  /* The only shop is chosen by itself. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->shop_row), self->shops->len > 1);
  update_shop_subtitle (self);
  gtk_widget_set_visible (GTK_WIDGET (self->shop_row), self->shops->len > 0);
}

static void
shop_store_changed_cb (LoyPreferencesWindow *self,
                       GParamSpec           *pspec,
                       LoyDataSource        *source)
{
  LoyStore *store = loy_data_source_get_store (source);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  gboolean remote = store != NULL && !loy_store_can (store, LOY_STORE_CAN_WORK_OFFLINE) &&
                    loy_store_can (store, LOY_STORE_CAN_LIST_SHOPS);

  gtk_widget_set_visible (GTK_WIDGET (self->shop_row), FALSE);
  if (remote)
    loy_store_query_async (store, query, 0, 100, self->cancellable, shops_listed_cb, self);
}

static void
shop_selected_cb (LoyPreferencesWindow *self,
                  GParamSpec           *pspec,
                  AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *url = NULL;

  if (self->filling_shops || self->shops == NULL || selected >= self->shops->len)
    return;

  url = g_settings_get_string (self->settings, "remote-url");
  loy_desk_shop_store (self->settings, url, loy_shop_get_uuid (self->shops->pdata[selected]));
  update_shop_subtitle (self);
}

static void
program_store_changed_cb (LoyPreferencesWindow *self,
                          GParamSpec           *pspec,
                          LoyDataSource        *source)
{
  loy_program_page_set_store (self->program_page, loy_data_source_get_store (source));
}

static void
source_selected_cb (LoyPreferencesWindow *self,
                    GParamSpec           *pspec,
                    AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);

  gtk_widget_set_visible (self->local_group, selected == SOURCE_LOCAL);
  gtk_widget_set_visible (self->remote_group, selected == SOURCE_REMOTE);

  /* A remote account needs its address and key first: Connect applies it. */
  if (selected == SOURCE_LOCAL &&
      g_settings_get_enum (self->settings, "data-source") != SOURCE_LOCAL)
    {
      g_settings_set_enum (self->settings, "data-source", SOURCE_LOCAL);
      loy_preferences_window_apply (self);
    }
}

static void
loy_preferences_window_open_database (LoyPreferencesWindow *self,
                                      const char           *path)
{
  g_settings_set_string (self->settings, "database-path", path);
  g_settings_set_enum (self->settings, "data-source", SOURCE_LOCAL);
  loy_preferences_window_apply (self);
}

static void
chooser_response_cb (LoyPreferencesWindow *self,
                     int                   response,
                     GtkNativeDialog      *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        loy_preferences_window_open_database (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
new_program_response_cb (LoyPreferencesWindow *self,
                         int                   response,
                         GtkNativeDialog      *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        loy_preferences_window_new_program (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
loy_preferences_window_show_chooser (LoyPreferencesWindow *self,
                                     GtkFileChooserAction  action,
                                     const char           *title,
                                     const char           *accept_label,
                                     GCallback             response_cb)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Loyalty Desk databases"));
  gtk_file_filter_add_suffix (filter, "db");

  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                               accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("loyalty.db"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_clicked_cb (LoyPreferencesWindow *self,
                   GtkButton            *button)
{
  loy_preferences_window_show_chooser (self, GTK_FILE_CHOOSER_ACTION_OPEN,
                                       _("Choose a Database File"), _("_Open"),
                                       G_CALLBACK (chooser_response_cb));
}

static void
new_program_clicked_cb (LoyPreferencesWindow *self,
                        GtkButton            *button)
{
  loy_preferences_window_show_chooser (self, GTK_FILE_CHOOSER_ACTION_SAVE,
                                       _("New Program"), _("C_reate"),
                                       G_CALLBACK (new_program_response_cb));
}

static void
new_program_path_checked_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(LoyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = loy_data_source_check_new_program_path_finish (result, &error);

  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_preferences_window_show_message (self, error->message);
      return;
    }

  loy_preferences_window_open_database (self, path);
  gtk_window_close (GTK_WINDOW (self));
}

/* A program goes into a new database (or an empty one): a database that
 * holds a program is never overwritten. The main window then asks how to
 * start it. */
void
loy_preferences_window_new_program (LoyPreferencesWindow *self,
                                    const char           *path)
{
  g_return_if_fail (LOY_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (path != NULL);

  loy_data_source_check_new_program_path_async (path, self->cancellable,
                                                new_program_path_checked_cb,
                                                g_object_ref (self));
}

static char *
loy_preferences_window_dup_url (LoyPreferencesWindow *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
}

static void
loy_preferences_window_apply_remote (LoyPreferencesWindow *self,
                                     const char           *url)
{
  g_settings_set_string (self->settings, "remote-url", url);
  g_settings_set_enum (self->settings, "data-source", SOURCE_REMOTE);
  loy_preferences_window_apply (self);
}

/* Shows why Connect failed below the rows (a toast would cut it off), or
 * hides it for %NULL. */
static void
loy_preferences_window_show_connect_error (LoyPreferencesWindow *self,
                                           const char           *message)
{
  gtk_label_set_text (self->connect_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->connect_error_label), message != NULL);
}

/* While an account is tried the rows keep what is tried, and Connect
 * becomes Cancel. */
static void
loy_preferences_window_set_connecting (LoyPreferencesWindow *self,
                                       gboolean              connecting)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->source_row), GTK_WIDGET (self->url_row), GTK_WIDGET (self->key_row),
  };

  if (connecting)
    {
      g_assert (self->connect_cancellable == NULL);
      self->connect_cancellable = g_cancellable_new ();
    }
  else
    {
      g_clear_object (&self->connect_cancellable);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], !connecting);

  gtk_widget_set_visible (GTK_WIDGET (self->connect_spinner), connecting);
  gtk_spinner_set_spinning (self->connect_spinner, connecting);
  gtk_button_set_label (GTK_BUTTON (self->connect_button),
                        connecting ? _("_Cancel") : _("C_onnect"));
  if (connecting)
    gtk_widget_remove_css_class (self->connect_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->connect_button, "suggested-action");
}

/* Ends a try that failed, saying why; a cancelled one already ended. */
static void
loy_preferences_window_connect_failed (LoyPreferencesWindow *self,
                                       const GError         *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_preferences_window_set_connecting (self, FALSE);
  loy_preferences_window_show_connect_error (self, error->message);
}

static void
api_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (!loy_api_key_store_finish (result, &error))
    {
      loy_preferences_window_connect_failed (self, error);
      return;
    }

  loy_preferences_window_set_connecting (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");

  url = loy_preferences_window_dup_url (self);
  loy_preferences_window_apply_remote (self, url);
}

/* The account answered: a typed key goes to the keyring, then the
 * application switches to the account. */
static void
account_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LoyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *key;

  if (!loy_data_source_try_account_finish (result, &error))
    {
      loy_preferences_window_connect_failed (self, error);
      return;
    }

  url = loy_preferences_window_dup_url (self);
  key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  if (key[0] != '\0')
    {
      loy_api_key_store_async (url, key, self->connect_cancellable,
                               api_key_stored_cb, g_object_ref (self));
      return;
    }

  loy_preferences_window_set_connecting (self, FALSE);
  loy_preferences_window_apply_remote (self, url);
}

static void
loy_preferences_window_check_account (LoyPreferencesWindow *self,
                                      const char           *url,
                                      const char           *key)
{
  loy_data_source_try_account_async (url, key, self->connect_cancellable,
                                     account_checked_cb, g_object_ref (self));
}

static void
stored_key_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = loy_api_key_lookup_finish (result, &error);
  g_autofree char *url = NULL;

  if (error != NULL)
    {
      loy_preferences_window_connect_failed (self, error);
      return;
    }

  url = loy_preferences_window_dup_url (self);
  if (key == NULL || key[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("No API key for %s is stored yet: enter it"),
                                                  url);

      loy_preferences_window_set_connecting (self, FALSE);
      loy_preferences_window_show_connect_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      return;
    }

  loy_preferences_window_check_account (self, url, key);
}

/* Connect tries the account before anything switches to it; clicked while
 * trying, it cancels. */
static void
connect_clicked_cb (LoyPreferencesWindow *self,
                    GtkButton            *button)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;

  if (self->connect_cancellable != NULL)
    {
      g_cancellable_cancel (self->connect_cancellable);
      loy_preferences_window_set_connecting (self, FALSE);
      return;
    }

  url = loy_preferences_window_dup_url (self);
  if (!loy_data_source_check_account_url (url, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      loy_preferences_window_show_connect_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  loy_preferences_window_show_connect_error (self, NULL);

  loy_preferences_window_set_connecting (self, TRUE);
  key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  if (key[0] != '\0')
    loy_preferences_window_check_account (self, url, key);
  else
    loy_api_key_lookup_async (url, self->connect_cancellable,
                              stored_key_found_cb, g_object_ref (self));
}

static void
loy_preferences_window_dispose (GObject *object)
{
  LoyPreferencesWindow *self = LOY_PREFERENCES_WINDOW (object);

  /* Its callbacks, cancelled, leave the widgets alone. */
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->shops, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_preferences_window_parent_class)->dispose (object);
}

static void
loy_preferences_window_class_init (LoyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_preferences_window_dispose;

  g_type_ensure (LOY_TYPE_PROGRAM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, source_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, local_group);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, remote_group);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, connect_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, connect_error_label);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, shop_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, shop_names);
  gtk_widget_class_bind_template_child (widget_class, LoyPreferencesWindow, program_page);
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_program_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, shop_selected_cb);
}

static void
loy_preferences_window_init (LoyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

LoyPreferencesWindow *
loy_preferences_window_new (LoyDataSource *source,
                            GtkWindow      *parent)
{
  LoyPreferencesWindow *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (LOY_IS_DATA_SOURCE (source), NULL);
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (LOY_TYPE_PREFERENCES_WINDOW,
                       "application", source,
                       "transient-for", parent,
                       NULL);

  self->settings = g_object_ref (loy_data_source_get_settings (source));
  url = g_settings_get_string (self->settings, "remote-url");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  loy_preferences_window_update_database_row (self);

  adw_combo_row_set_selected (self->source_row,
                              g_settings_get_enum (self->settings, "data-source"));
  source_selected_cb (self, NULL, self->source_row);

  g_signal_connect_object (source, "notify::store",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::error",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::store",
                           G_CALLBACK (program_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::store",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::error",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::store",
                           G_CALLBACK (shop_store_changed_cb), self, G_CONNECT_SWAPPED);
  program_store_changed_cb (self, NULL, source);
  shop_store_changed_cb (self, NULL, source);

  return self;
}
