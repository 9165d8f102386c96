/* loy-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "loy-api-key.h"
#include "loy-application.h"
#include "loy-data-source.h"
#include "loy-desk-shop.h"
#include "loy-preferences-window.h"
#include "loy-window.h"
#include "sqlite/loy-sqlite-store.h"
#include "rest/loy-rest-store.h"

/* The values of the schema's DataSource enum. */
enum
{
  DATA_SOURCE_LOCAL,
  DATA_SOURCE_REMOTE,
};

struct _LoyApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  LoyStore       *store;
  GError         *error;
  char           *busy_message;
  /* How much of what busy_message says is done, 0 to 1, or -1 when not known. */
  double          busy_fraction;
  char           *database_path;
  GCancellable   *cancellable;
  /* A new database, waiting for the choice between an empty program and
   * demo data (app.start-program). */
  LoySqliteStore *unstarted;
  gboolean        demo_on_first_start;
};

static void data_source_iface_init (LoyDataSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyApplication, loy_application, ADW_TYPE_APPLICATION,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_DATA_SOURCE, data_source_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR,
  PROP_BUSY_MESSAGE,
  PROP_BUSY_FRACTION,
  PROP_AWAITING_START,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const LoyDemoOptions demo_options = LOY_DEMO_OPTIONS_DEFAULT;

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the local database file PATH"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill a new database with demo data without asking"), NULL },
  { NULL }
};

static void
loy_application_set_busy_fraction (LoyApplication *self,
                                   double          fraction)
{
  if (self->busy_fraction == fraction)
    return;

  self->busy_fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY_FRACTION]);
}

static void
loy_application_set_busy_message (LoyApplication *self,
                                  const char     *message)
{
  if (g_strcmp0 (self->busy_message, message) == 0)
    return;

  loy_application_set_busy_fraction (self, -1);

  g_free (self->busy_message);
  self->busy_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY_MESSAGE]);
}

static void
loy_application_take_error (LoyApplication *self,
                            GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
  loy_application_set_busy_message (self, NULL);
}

static void
desk_shops_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoyApplication) self = user_data;
  LoyRestStore *store = LOY_REST_STORE (object);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;
  gboolean has_stored;
  int found;

  page = loy_store_query_finish (LOY_STORE (store), result, &error);
  if (LOY_STORE (store) != self->store)
    return;

  url = g_settings_get_string (self->settings, "remote-url");
  stored = loy_desk_shop_dup_stored (self->settings, url);
  if (page == NULL)
    {
      /* Unread, the shop the desk chose is the best guess; a write says
       * if the account refuses it. */
      loy_rest_store_set_shop_uuid (store, stored);
      return;
    }

  /* Without one, the store finds the account's only shop itself at each
   * write, or says to choose one. */
  found = loy_desk_shop_find (page->items, stored);
  has_stored = found >= 0 && g_strcmp0 (loy_shop_get_uuid (page->items->pdata[found]), stored) == 0;
  loy_rest_store_set_shop_uuid (store, has_stored ? stored : NULL);
}

/* A remote account earns and redeems at this desk's shop, as Preferences
 * choose it for that account; one it does not have (any more) is never
 * sent. */
static void
loy_application_apply_desk_shop (LoyApplication *self)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);

  if (!LOY_IS_REST_STORE (self->store))
    return;

  loy_rest_store_set_shop_uuid (LOY_REST_STORE (self->store), NULL);
  loy_store_query_async (self->store, query, 0, 100, self->cancellable, desk_shops_listed_cb,
                         g_object_ref (self));
}

static void
loy_application_set_store (LoyApplication *self,
                           LoyStore       *store)
{
  if (g_set_object (&self->store, store))
    {
      loy_application_apply_desk_shop (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
    }
  if (store != NULL)
    loy_application_set_busy_message (self, NULL);
}

static void
loy_application_set_unstarted (LoyApplication *self,
                               LoySqliteStore *store)
{
  if (g_set_object (&self->unstarted, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AWAITING_START]);
  if (store != NULL)
    loy_application_set_busy_message (self, NULL);
}

static void
populate_demo_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LoySqliteStore *store = LOY_SQLITE_STORE (object);
  g_autoptr(LoyApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!loy_sqlite_store_populate_demo_finish (store, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_application_take_error (self, g_steal_pointer (&error));
      return;
    }

  loy_application_set_store (self, LOY_STORE (store));
}

static void
loy_application_start_demo (LoyApplication *self,
                            LoySqliteStore *store)
{
  loy_application_set_busy_message (self, _("Preparing demo data…"));
  loy_sqlite_store_populate_demo_async (store, &demo_options, self->cancellable,
                                        populate_demo_cb, g_object_ref (self));
}

static void
start_empty_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyApplication) self = user_data;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_update_program_finish (LOY_STORE (object), result, &error);
  if (program == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_application_take_error (self, g_steal_pointer (&error));
      return;
    }

  loy_application_set_store (self, LOY_STORE (object));
}

/* The answer to the first-start question: "empty" or "demo". */
static void
loy_application_start_program_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LoyApplication *self = user_data;
  const char *choice = g_variant_get_string (parameter, NULL);
  g_autoptr(LoySqliteStore) store = NULL;

  if (self->unstarted == NULL)
    return;

  store = g_object_ref (self->unstarted);
  loy_application_set_unstarted (self, NULL);

  if (g_str_equal (choice, "demo"))
    loy_application_start_demo (self, store);
  else
    {
      g_autoptr(LoyProgram) defaults = loy_program_new ();

      loy_application_set_busy_message (self, _("Starting the program…"));
      loy_store_update_program_async (LOY_STORE (store), defaults, self->cancellable,
                                      start_empty_cb, g_object_ref (self));
    }
}

static void
local_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyApplication) self = user_data;
  g_autoptr(LoySqliteStore) store = NULL;
  GError *error = NULL;

  if (!(store = loy_sqlite_store_new_finish (result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_error_free (error);
      else
        loy_application_take_error (self, error);
      return;
    }

  if (!loy_sqlite_store_has_program (store))
    {
      if (self->demo_on_first_start)
        loy_application_start_demo (self, store);
      else
        loy_application_set_unstarted (self, store);
      return;
    }

  loy_application_set_store (self, LOY_STORE (store));
}

static void
migration_progress_cb (guint64  done,
                       guint64  total,
                       gpointer user_data)
{
  loy_application_set_busy_fraction (user_data, (double) done / total);
}

/* Opened in a thread: a database from an older version is migrated first,
 * which on a big one takes tens of seconds of a responsive window. */
static void
loy_application_open_local (LoyApplication *self)
{
  g_autofree char *path = loy_application_dup_local_path (self);
  g_autofree char *dir = NULL;

  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);

  if (loy_sqlite_store_needs_upgrade (path))
    loy_application_set_busy_message (self, _("Updating the program’s database…"));
  loy_sqlite_store_new_async (path, migration_progress_cb, self, self->cancellable,
                              local_opened_cb, g_object_ref (self));
}

/* A saved account is tried before anything is shown of it, as Connect in
 * the preferences does: a server gone or a key revoked since says so, with
 * Try Again and the way to the preferences, instead of empty sections. */
static void
saved_account_checked_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(LoyApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!loy_rest_store_check_account_finish (LOY_REST_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_application_take_error (self, g_steal_pointer (&error));
      return;
    }

  loy_application_set_store (self, LOY_STORE (object));
}

static void
api_key_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *url = NULL;
  g_autofree char *message = NULL;
  g_autoptr(LoyRestStore) store = NULL;

  key = loy_api_key_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  url = g_settings_get_string (self->settings, "remote-url");

  if (error != NULL)
    {
      loy_application_take_error (self, g_steal_pointer (&error));
      return;
    }

  if (key == NULL || key[0] == '\0')
    {
      loy_application_take_error (self,
                                  g_error_new (LOY_ERROR, LOY_ERROR_UNAUTHORIZED,
                                               _("No API key for %s is stored in the keyring."),
                                               url));
      return;
    }

  store = loy_rest_store_new (url, key);
  /* Translators: %s is the address of a remote loyalty account */
  message = g_strdup_printf (_("Connecting to %s…"), url);
  loy_application_set_busy_message (self, message);
  loy_rest_store_check_account_async (store, self->cancellable, saved_account_checked_cb,
                                      g_object_ref (self));
}

static void
loy_application_open_remote (LoyApplication *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "remote-url");

  if (url[0] == '\0')
    {
      loy_application_take_error (self,
                                  g_error_new_literal (LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                                                       _("No remote account is set up yet.")));
      return;
    }

  loy_api_key_lookup_async (url, self->cancellable, api_key_lookup_cb, g_object_ref (self));
}

void
loy_application_reload_store (LoyApplication *self)
{
  g_return_if_fail (LOY_IS_APPLICATION (self));
  g_return_if_fail (self->settings != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  loy_application_set_busy_message (self, _("Opening the loyalty program…"));
  loy_application_set_store (self, NULL);
  loy_application_set_unstarted (self, NULL);
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
    }

  if (self->database_path != NULL ||
      g_settings_get_enum (self->settings, "data-source") == DATA_SOURCE_LOCAL)
    loy_application_open_local (self);
  else
    loy_application_open_remote (self);
}

/* Closing each window, rather than stopping the main loop, lets a window
 * carry out what its toasts still wait for (a deletion not undone); the
 * application ends with its last window. */
static void
loy_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GList *windows = NULL;

  /* Held, as closing one window may destroy those transient for it. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* Preferences, on their first page or the one named by @parameter
 * ("program", for the level basis bar's Change…). */
static void
loy_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LoyApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  LoyPreferencesWindow *preferences = loy_preferences_window_new (LOY_DATA_SOURCE (self), window);

  if (parameter != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                  g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
loy_application_shortcuts_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  LoyApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/loyaltydesk/LoyaltyDesk/"
                                           "loy-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_application (shortcuts, GTK_APPLICATION (self));
  gtk_window_present (shortcuts);
}

static void
loy_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  LoyApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application", self,
                        "modal", TRUE,
                        "application-name", _("Loyalty Desk"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Loyalty Desk developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* A second launch with --database, in the instance already running: its
 * window switches to that file, as Preferences would. */
static void
loy_application_open_database_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  LoyApplication *self = user_data;
  const char *path = g_variant_get_bytestring (parameter);

  if (g_strcmp0 (path, self->database_path) != 0)
    loy_application_set_database_path (self, path);
}

/* Try Again, when the program could not be opened. */
static void
loy_application_reload_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  loy_application_reload_store (user_data);
}

static const GActionEntry app_actions[] = {
  { "quit", loy_application_quit_action },
  { "open-database", loy_application_open_database_action, "ay" },
  { "preferences", loy_application_preferences_action },
  { "preferences-page", loy_application_preferences_action, "s" },
  { "shortcuts", loy_application_shortcuts_action },
  { "about", loy_application_about_action },
  { "start-program", loy_application_start_program_action, "s" },
  { "reload", loy_application_reload_action },
};

static int
loy_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LoyApplication *self = LOY_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *absolute = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      /* With a window already open, that instance is the one to switch:
       * this one only tells it and ends. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr (_("Could not open “%s” in Loyalty Desk: %s\n"), absolute, error->message);
          return EXIT_FAILURE;
        }

      if (g_application_get_is_remote (app))
        g_action_group_activate_action (G_ACTION_GROUP (app), "open-database",
                                        g_variant_new_bytestring (absolute));
      else
        {
          g_free (self->database_path);
          self->database_path = g_steal_pointer (&absolute);
        }
    }

  if (g_variant_dict_contains (options, "demo"))
    self->demo_on_first_start = TRUE;

  return G_APPLICATION_CLASS (loy_application_parent_class)->handle_local_options (app, options);
}

static void
loy_application_startup (GApplication *app)
{
  LoyApplication *self = LOY_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (loy_application_parent_class)->startup (app);

  self->settings = g_settings_new (SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::remote-shops",
                           G_CALLBACK (loy_application_apply_desk_shop), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
loy_application_activate (GApplication *app)
{
  LoyApplication *self = LOY_APPLICATION (app);
  GtkWindow *window;

  if (self->store == NULL && self->error == NULL && self->busy_message == NULL &&
      self->unstarted == NULL)
    loy_application_reload_store (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (loy_window_new (self));

  gtk_window_present (window);
}

static void
loy_application_shutdown (GApplication *app)
{
  LoyApplication *self = LOY_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (loy_application_parent_class)->shutdown (app);
}

static void
loy_application_dispose (GObject *object)
{
  LoyApplication *self = LOY_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->unstarted);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (loy_application_parent_class)->dispose (object);
}

static void
loy_application_finalize (GObject *object)
{
  LoyApplication *self = LOY_APPLICATION (object);

  g_clear_error (&self->error);
  g_clear_pointer (&self->busy_message, g_free);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (loy_application_parent_class)->finalize (object);
}

static void
loy_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LoyApplication *self = LOY_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_BUSY_MESSAGE:
      g_value_set_string (value, self->busy_message);
      break;

    case PROP_BUSY_FRACTION:
      g_value_set_double (value, self->busy_fraction);
      break;

    case PROP_AWAITING_START:
      g_value_set_boolean (value, self->unstarted != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* LoyDataSource, for Preferences */

static LoyStore *
data_source_get_store (LoyDataSource *source)
{
  return LOY_APPLICATION (source)->store;
}

static const GError *
data_source_get_error (LoyDataSource *source)
{
  return LOY_APPLICATION (source)->error;
}

static GSettings *
data_source_get_settings (LoyDataSource *source)
{
  return LOY_APPLICATION (source)->settings;
}

static char *
data_source_dup_local_path (LoyDataSource *source)
{
  return loy_application_dup_local_path (LOY_APPLICATION (source));
}

/* Preferences switch to the data source they have just written. */
static void
data_source_apply_settings (LoyDataSource *source)
{
  loy_application_set_database_path (LOY_APPLICATION (source), NULL);
}

static void
data_source_iface_init (LoyDataSourceInterface *iface)
{
  iface->get_store = data_source_get_store;
  iface->get_error = data_source_get_error;
  iface->get_settings = data_source_get_settings;
  iface->dup_local_path = data_source_dup_local_path;
  iface->apply_settings = data_source_apply_settings;
}

static void
loy_application_class_init (LoyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = loy_application_dispose;
  object_class->finalize = loy_application_finalize;
  object_class->get_property = loy_application_get_property;

  app_class->handle_local_options = loy_application_handle_local_options;
  app_class->startup = loy_application_startup;
  app_class->activate = loy_application_activate;
  app_class->shutdown = loy_application_shutdown;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY_MESSAGE] =
    g_param_spec_string ("busy-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY_FRACTION] =
    g_param_spec_double ("busy-fraction", NULL, NULL,
                         -1, 1, -1,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AWAITING_START] =
    g_param_spec_boolean ("awaiting-start", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_application_init (LoyApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  self->busy_fraction = -1;
}

LoyApplication *
loy_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LOY_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       /* The same for the .Devel build as for the stable one */
                       "resource-base-path", "/io/github/loyaltydesk/LoyaltyDesk",
                       NULL);
}

GSettings *
loy_application_get_settings (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), NULL);

  return self->settings;
}

LoyStore *
loy_application_get_store (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
loy_application_get_error (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), NULL);

  return self->error;
}

const char *
loy_application_get_busy_message (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), NULL);

  return self->busy_message;
}

double
loy_application_get_busy_fraction (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), -1);

  return self->busy_fraction;
}

gboolean
loy_application_get_awaiting_start (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), FALSE);

  return self->unstarted != NULL;
}

const char *
loy_application_get_database_path (LoyApplication *self)
{
  g_return_val_if_fail (LOY_IS_APPLICATION (self), NULL);

  return self->database_path;
}

void
loy_application_set_database_path (LoyApplication *self,
                                   const char     *path)
{
  g_return_if_fail (LOY_IS_APPLICATION (self));

  g_free (self->database_path);
  self->database_path = g_strdup (path);

  if (self->store != NULL || self->error != NULL || self->busy_message != NULL ||
      self->unstarted != NULL)
    loy_application_reload_store (self);
}

/**
 * loy_application_dup_local_path:
 *
 * The local database the application opens: the one of the command line,
 * else the one chosen in the settings, else the default one.
 */
char *
loy_application_dup_local_path (LoyApplication *self)
{
  g_autofree char *configured = NULL;

  g_return_val_if_fail (LOY_IS_APPLICATION (self), NULL);

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  configured = g_settings_get_string (self->settings, "database-path");
  if (configured[0] != '\0')
    return g_steal_pointer (&configured);

  return loy_sqlite_store_get_default_path ();
}
