/* test-ui-data-source.c — which store the real application opens: a new
 * database's first start, a file that cannot be opened, one from an older
 * version migrated with progress, one chosen in Preferences or handed over
 * by a second launch; a Piggy account connected, refused at start or
 * refused by Connect, each saying why. Pages are saved as screenshots
 * under tests/screenshots/ in the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "loy-api-key.h"
#include "loy-fake-piggy.h"
#include "overview/loy-overview-view.h"
#include "loy-preferences-window.h"
#include "test-ui-fixture.h"
#include "test-sqlite-fixture.h"
#include "sqlite/loy-sqlite-store.h"
#include "rest/loy-rest-store.h"

static gboolean
app_failed (gpointer data)
{
  return loy_application_get_error (app) != NULL;
}

static gboolean
app_awaiting_start (gpointer data)
{
  return loy_application_get_awaiting_start (app);
}

static const char *
main_page (void)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), LOY_TYPE_WINDOW,
                                                              "main_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* @kind's section shows no rows, and a page that says what to do first. */
static void
assert_section_empty (const char *section,
                      const char *first_step)
{
  LoySectionView *view = loy_ui_test_show_section (window, section);
  AdwStatusPage *empty_page;

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "an empty section");
  g_assert_null (loy_paged_model_get_error (loy_section_view_get_model (view)));
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "empty");
  empty_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                               LOY_TYPE_SECTION_VIEW,
                                                               "empty_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (empty_page), first_step));
}

/* A new database asks first: an empty program or demo data. An empty one
 * has the program's rules and nothing else, and each section says what to
 * do first; demo data fills the other. Preferences → New Program asks the
 * same of a new file and refuses one that holds a program. A file that
 * cannot be opened shows an error page instead of the sections. */
static void
test_first_run_and_error (void)
{
  g_autofree char *dir = g_dir_make_tmp ("loy-test-ui-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *demo = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *another = g_build_filename (dir, "another.db", NULL);
  g_autofree char *broken = g_build_filename (dir, "empty.db", "inside-a-file.db", NULL);
  g_autofree char *text_file = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  LoyPreferencesWindow *preferences;
  LoySectionView *view;
  AdwStatusPage *error_page;

  g_assert_nonnull (dir);

  loy_application_set_database_path (app, empty);
  loy_ui_test_wait_for (app_awaiting_start, NULL, "the first-start question");
  g_assert_null (loy_application_get_store (app));
  g_assert_cmpstr (main_page (), ==, "start");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot ("first-start");

  g_action_group_activate_action (G_ACTION_GROUP (app), "start-program",
                                  g_variant_new_string ("empty"));
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the empty program");
  g_assert_null (loy_application_get_error (app));
  g_assert_false (loy_application_get_awaiting_start (app));
  g_assert_cmpstr (main_page (), ==, "ready");
  program = loy_store_get_program_sync (loy_application_get_store (app), NULL, &error);
  g_assert_no_error (error);
  assert_section_empty ("rewards", "Create your first reward");
  save_screenshot ("first-start-empty-rewards");
  assert_section_empty ("contacts", "Enroll your first customer");
  assert_section_empty ("code-groups", "create a digital reward");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  loy_ui_test_wait_for (overview_loaded,
                        loy_ui_test_find_descendant (GTK_WIDGET (window), LOY_TYPE_OVERVIEW_VIEW,
                                                     NULL),
                        "the empty program's overview");
  save_screenshot ("first-start-empty-overview");

  /* Opened again, it is started: no question. */
  loy_application_set_database_path (app, demo);
  loy_ui_test_wait_for (app_awaiting_start, NULL, "the first-start question");
  loy_application_set_database_path (app, empty);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the empty program again");
  g_assert_false (loy_application_get_awaiting_start (app));

  loy_application_set_database_path (app, demo);
  loy_ui_test_wait_for (app_awaiting_start, NULL, "the first-start question");
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-program",
                                  g_variant_new_string ("demo"));
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the demo data");
  g_assert_null (loy_application_get_error (app));
  view = loy_ui_test_show_section (window, "rewards");
  assert_section_shows_records (view, 4);

  /* New Program in Preferences: never over a program, a new file asks. */
  preferences = loy_preferences_window_new (LOY_DATA_SOURCE (app), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  loy_preferences_window_new_program (preferences, demo);
  g_assert_false (loy_application_get_awaiting_start (app));
  loy_preferences_window_new_program (preferences, another);
  loy_ui_test_wait_for (app_awaiting_start, NULL, "the new program's question");
  g_assert_cmpstr (main_page (), ==, "start");

  loy_application_set_database_path (app, broken);
  loy_ui_test_wait_for (app_failed, NULL, "the store to fail");
  save_screenshot ("error");

  /* SQLite's "file is not a database" comes with the file it is about. */
  g_file_set_contents (text_file, "Not a database header, nor any rows, at all: just words.\n"
                                  "More words, so that the file is longer than a header.\n", -1, &error);
  g_assert_no_error (error);
  loy_application_set_database_path (app, text_file);
  loy_ui_test_wait_for (app_failed, NULL, "the text file to be refused");
  error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), LOY_TYPE_WINDOW,
                                                               "error_page"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), text_file));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "not a database"));
  save_screenshot ("error-not-a-database");
  g_unlink (text_file);

  loy_application_set_database_path (app, database);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the store to open again");
  g_assert_null (loy_application_get_error (app));
  loy_ui_test_remove_dir (dir);
}

/* Preferences of a remote account: the address and key rows. */
static void
test_preferences_remote (void)
{
  GSettings *settings = loy_application_get_settings (app);
  GtkWindow *preferences;

  g_settings_set_string (settings, "data-source", "remote");
  g_settings_set_string (settings, "remote-url", "https://api.example.com/api/v3/oauth/clients");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (preferences != GTK_WINDOW (window));
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "preferences-remote");
  gtk_window_destroy (preferences);

  g_settings_reset (settings, "data-source");
  g_settings_reset (settings, "remote-url");
  g_assert_nonnull (loy_application_get_store (app));
}

static gboolean
is_choose_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Choose…") == 0;
}

static gboolean
store_is_at (gpointer data)
{
  LoyStore *store = loy_application_get_store (app);

  return LOY_IS_SQLITE_STORE (store) &&
         g_strcmp0 (loy_sqlite_store_get_path (LOY_SQLITE_STORE (store)), data) == 0;
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* Choose… in Preferences opens the chosen file, and the row says which,
 * also when the app was started on another with --database. */
static void
test_preferences_choose_database (void)
{
  g_autofree char *other = loy_ui_test_create_demo_database ();
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  GSettings *settings = loy_application_get_settings (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *preferences;
  GtkWindow *chooser;
  AdwActionRow *database_row;

  g_assert_cmpstr (loy_application_get_database_path (app), ==, database);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = gtk_application_get_active_window (GTK_APPLICATION (app));
  database_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                LOY_TYPE_PREFERENCES_WINDOW,
                                                                "database_row"));
  g_assert_cmpstr (adw_action_row_get_subtitle (database_row), ==, database);

  g_signal_emit_by_name (loy_ui_test_find_matching (GTK_WIDGET (database_row), is_choose_button, NULL),
                         "clicked");
  chooser = loy_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (preferences),
                                           "the file chooser");
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), other_file, &error);
  g_assert_no_error (error);
  /* The chooser selects the file once it has listed its folder. */
  loy_ui_test_wait_for (chooser_has_file, chooser, "the chooser to select the file");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  loy_ui_test_wait_for (store_is_at, other, "the chosen database to open");
  g_assert_cmpstr (adw_action_row_get_subtitle (database_row), ==, other);
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "preferences-chosen-database");
  gtk_window_destroy (preferences);

  g_settings_reset (settings, "data-source");
  g_settings_reset (settings, "database-path");
  loy_application_set_database_path (app, database);
  loy_ui_test_wait_for (store_is_at, database, "the test database to open again");
  loy_ui_test_remove_demo_database (other);
}

static void
api_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *stored = user_data;
  g_autoptr(GError) error = NULL;

  *stored = loy_api_key_store_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
store_is_local (gpointer data)
{
  return LOY_IS_SQLITE_STORE (loy_application_get_store (app));
}

static gboolean
is_remote_note (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "needs the program’s local store") != NULL;
}

/* A remote account end to end: the key goes to the keyring, the app reads
 * it from there, and the sections show what the server serves. */
static void
test_remote_account (void)
{
  g_autoptr(LoyFakePiggy) piggy = loy_fake_piggy_new ("remote-test-key");
  const char *base_url = loy_fake_piggy_get_base_url (piggy);
  GSettings *settings = loy_application_get_settings (app);
  g_autofree char *authorization = NULL;
  gboolean stored = FALSE;
  LoySectionView *rewards;
  LoyPagedModel *model;

  loy_api_key_store_async (base_url, "remote-test-key", NULL, api_key_stored_cb, &stored);
  loy_ui_test_wait_for (flag_is_set, &stored, "the API key to be stored");

  g_settings_set_string (settings, "remote-url", base_url);
  g_settings_set_string (settings, "data-source", "remote");
  /* As Preferences do: the chosen source replaces the --database of the command line. */
  loy_application_set_database_path (app, NULL);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the remote account to connect");
  g_assert_no_error ((GError *) loy_application_get_error (app));
  g_assert_true (LOY_IS_REST_STORE (loy_application_get_store (app)));

  rewards = loy_ui_test_show_section (window, "rewards");
  assert_section_shows_records (rewards, 4);
  model = loy_section_view_get_model (rewards);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  authorization = loy_fake_piggy_dup_last_header (piggy, "Authorization");
  g_assert_cmpstr (authorization, ==, "Bearer remote-test-key");
  save_screenshot ("remote-rewards");

  /* The account's contacts, in the server's pages. */
  assert_section_shows_records (loy_ui_test_show_section (window, "contacts"), 1);
  save_screenshot ("remote-contacts");

  /* The API has no code groups: the section is not offered. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "code-groups");
  g_assert_cmpstr (loy_window_get_section (window), !=, "code-groups");
  /* …and the sidebar, where it would be, says why. */
  g_assert_true (gtk_widget_is_visible (code_groups_note ()));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (code_groups_note ())), "API has none"));
  save_screenshot ("remote-sidebar");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  loy_ui_test_wait_for (overview_loaded, loy_window_get_visible_view (window), "the overview's figures");
  /* What the API gives, and that the full overview needs the local store. */
  g_assert_null (loy_overview_view_get_overview (LOY_OVERVIEW_VIEW (loy_window_get_visible_view (window))));
  g_assert_nonnull (loy_ui_test_find_matching (loy_window_get_visible_view (window), is_remote_note,
                                               NULL));
  save_screenshot ("remote-overview");

  g_settings_reset (settings, "data-source");
  g_settings_reset (settings, "remote-url");
  loy_application_set_database_path (app, database);
  loy_ui_test_wait_for (store_is_local, NULL, "the local database to open again");
  assert_section_shows_records (loy_ui_test_show_section (window, "contacts"), 1);
}

/* A saved account whose key was revoked since is tried at start: the error
 * page says the key was refused, and Try Again, once the key is right,
 * opens the account. */
static void
test_saved_account_refused (void)
{
  g_autoptr(LoyFakePiggy) piggy = loy_fake_piggy_new ("the-new-key");
  const char *base_url = loy_fake_piggy_get_base_url (piggy);
  GSettings *settings = loy_application_get_settings (app);
  const GError *error;
  gboolean stored = FALSE;

  loy_api_key_store_async (base_url, "a-revoked-key", NULL, api_key_stored_cb, &stored);
  loy_ui_test_wait_for (flag_is_set, &stored, "the API key to be stored");

  g_settings_set_string (settings, "remote-url", base_url);
  g_settings_set_string (settings, "data-source", "remote");
  loy_application_set_database_path (app, NULL);
  loy_ui_test_wait_for (app_failed, NULL, "the account to be refused");
  error = loy_application_get_error (app);
  g_assert_error ((GError *) error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "API key was refused"));
  g_assert_null (strstr (error->message, "a-revoked-key"));
  g_assert_null (loy_application_get_store (app));
  g_assert_cmpstr (main_page (), ==, "error");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot ("remote-account-refused");

  stored = FALSE;
  loy_api_key_store_async (base_url, "the-new-key", NULL, api_key_stored_cb, &stored);
  loy_ui_test_wait_for (flag_is_set, &stored, "the new API key to be stored");
  g_action_group_activate_action (G_ACTION_GROUP (app), "reload", NULL);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the account to open on Try Again");
  g_assert_null (loy_application_get_error (app));
  g_assert_true (LOY_IS_REST_STORE (loy_application_get_store (app)));

  g_settings_reset (settings, "data-source");
  g_settings_reset (settings, "remote-url");
  loy_application_set_database_path (app, database);
  loy_ui_test_wait_for (store_is_local, NULL, "the local database to open again");
}

typedef struct
{
  LoyApplication *app;
  const char     *path;
} DatabaseWait;

static gboolean
app_store_is_at (gpointer data)
{
  DatabaseWait *wait = data;
  LoyStore *store = loy_application_get_store (wait->app);

  return LOY_IS_SQLITE_STORE (store) &&
         g_strcmp0 (loy_sqlite_store_get_path (LOY_SQLITE_STORE (store)), wait->path) == 0;
}

static gboolean
subprocess_done (gpointer data)
{
  return *(GSubprocess **) data == NULL;
}

static void
subprocess_waited_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GSubprocess **running = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error));
  g_assert_no_error (error);
  *running = NULL;
}

/* The instance a second launch finds on the session bus; in a process of
 * its own, as it needs a private bus. */
static void
second_launch_child (void)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(LoyApplication) primary = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = loy_ui_test_create_demo_database ();
  GSubprocess *running;
  DatabaseWait wait;

  g_test_dbus_up (bus);
  primary = loy_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_assert_true (g_application_register (G_APPLICATION (primary), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (primary)));
  loy_application_set_database_path (primary, database);
  g_application_activate (G_APPLICATION (primary));
  wait = (DatabaseWait) { primary, database };
  loy_ui_test_wait_for (app_store_is_at, &wait, "the first instance's database");

  /* The second launch hands its file over and ends. */
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                             g_getenv ("LOY_APP_BINARY"), "--database", other, NULL);
  g_assert_no_error (error);
  running = second;
  g_subprocess_wait_check_async (second, NULL, subprocess_waited_cb, &running);
  loy_ui_test_wait_for (subprocess_done, &running, "the second launch to end");

  wait.path = other;
  loy_ui_test_wait_for (app_store_is_at, &wait, "the first instance to open the second's file");
  g_assert_cmpstr (loy_application_get_database_path (primary), ==, other);
  loy_ui_test_remove_demo_database (other);
  /* The bus goes with this process. */
  exit (EXIT_SUCCESS);
}

/* In the store's opening thread: holds the migration (ten seconds at most)
 * while the window is looked at. */
static gboolean
hold_migration_cb (gpointer user_data)
{
  gint *held = user_data;

  for (guint i = 0; i < 10000 && g_atomic_int_get (held); i++)
    g_usleep (G_TIME_SPAN_MILLISECOND);

  return FALSE;
}

static gboolean
busy_fraction_shown (gpointer data)
{
  return loy_application_get_busy_fraction (app) > 0;
}

/* A database from an older version is migrated in a thread: meanwhile the
 * window draws, says the database is being updated and how far it is. */
static void
test_open_old_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("loy-test-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(GError) error = NULL;
  LoySqliteStore *store = test_sqlite_store_open (path);
  AdwStatusPage *busy_page;
  gint held = TRUE;
  sqlite3 *db;

  g_assert_true (loy_sqlite_store_populate_demo (store, &options, NULL, &error));
  g_assert_no_error (error);
  test_assert_finalized (store);
  db = test_sqlite_open_raw (path);
  test_sqlite_undo_rollups (db);
  sqlite3_close (db);

  /* Held in the second of the four steps that fill the rollups from the ledger. */
  test_sqlite_hook_statements ("SELECT date (created_at, 'unixepoch', 'localtime') AS d",
                               hold_migration_cb, &held);
  loy_application_set_database_path (app, path);
  busy_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), LOY_TYPE_WINDOW,
                                                              "busy_page"));
  g_assert_cmpstr (main_page (), ==, "busy");
  g_assert_cmpstr (adw_status_page_get_title (busy_page), ==, "Updating the program’s database…");
  loy_ui_test_wait_for (busy_fraction_shown, NULL, "the migration's progress");
  g_assert_cmpfloat (loy_application_get_busy_fraction (app), ==, 0.25);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                    LOY_TYPE_WINDOW,
                                                                                    "busy_progress"))));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  save_screenshot ("updating-database");
  g_assert_null (loy_application_get_store (app));

  g_atomic_int_set (&held, FALSE);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the migrated database");
  test_sqlite_hook_statements (NULL, NULL, NULL);
  g_assert_null (loy_application_get_error (app));
  g_assert_cmpstr (main_page (), ==, "ready");
  g_assert_cmpfloat (loy_application_get_busy_fraction (app), ==, -1);
  g_assert_false (loy_sqlite_store_needs_upgrade (path));

  loy_application_set_database_path (app, database);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the demo database again");
  loy_ui_test_remove_dir (dir);
}

/* A second launch with --database opens that file in the running instance. */
static void
test_second_launch (void)
{
  if (g_test_subprocess ())
    {
      second_launch_child ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gpointer
preferences_child (GtkWindow  *preferences,
                   const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (preferences), LOY_TYPE_PREFERENCES_WINDOW, name);
}

static gboolean
connect_finished (gpointer data)
{
  return !gtk_widget_get_visible (preferences_child (data, "connect_spinner"));
}

/* Types @url and @key, clicks Connect and waits until it is done trying;
 * returns the error shown below the rows, or %NULL. */
static const char *
try_connect (GtkWindow  *preferences,
             const char *url,
             const char *key)
{
  GtkWidget *button = preferences_child (preferences, "connect_button");
  GtkWidget *label = preferences_child (preferences, "connect_error_label");

  gtk_editable_set_text (preferences_child (preferences, "url_row"), url);
  gtk_editable_set_text (preferences_child (preferences, "key_row"), key);
  g_signal_emit_by_name (button, "clicked");
  loy_ui_test_wait_for (connect_finished, preferences, "Connect to try the account");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "C_onnect");
  g_assert_true (gtk_widget_is_sensitive (preferences_child (preferences, "url_row")));

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
assert_still_local (void)
{
  GSettings *settings = loy_application_get_settings (app);

  g_assert_true (LOY_IS_SQLITE_STORE (loy_application_get_store (app)));
  g_assert_cmpint (g_settings_get_enum (settings, "data-source"), ==, 0);
  g_assert_null (loy_application_get_error (app));
}

static gboolean
store_is_remote (gpointer data)
{
  return LOY_IS_REST_STORE (loy_application_get_store (app));
}

/* Connect tries the account first: a server that is not there, a refused
 * key, something that is not a Piggy API and an address that would send the
 * key unencrypted each say what failed, below the rows, and nothing
 * switches; Cancel stops a slow try; an account that answers is used. */
static void
test_connect_errors (void)
{
  g_autoptr(LoyFakePiggy) piggy = loy_fake_piggy_new ("connect-test-key");
  g_autofree char *not_piggy = NULL;
  g_autofree char *connected = NULL;
  GSettings *settings = loy_application_get_settings (app);
  GtkWindow *preferences;
  GtkWidget *button;
  const char *message;

  g_assert_true (store_is_local (NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LOY_IS_PREFERENCES_WINDOW (preferences));
  adw_combo_row_set_selected (preferences_child (preferences, "source_row"), 1);
  button = preferences_child (preferences, "connect_button");

  message = try_connect (preferences, "http://127.0.0.1:9/api", "x");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Could not reach the server: "));
  assert_still_local ();
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "preferences-connect-error");

  message = try_connect (preferences, loy_fake_piggy_get_base_url (piggy), "x");
  g_assert_cmpstr (message, ==,
                   "The API key was refused (Unauthenticated.): check that it is this "
                   "account’s key");
  assert_still_local ();

  loy_fake_piggy_set_response (piggy, 200, "{\"status\": \"ok\"}");
  message = try_connect (preferences, loy_fake_piggy_get_base_url (piggy), "connect-test-key");
  not_piggy = g_strdup_printf ("%s does not answer as a Piggy API: The server’s response has no "
                               "“data”", loy_fake_piggy_get_base_url (piggy));
  g_assert_cmpstr (message, ==, not_piggy);
  assert_still_local ();
  loy_fake_piggy_set_response (piggy, 0, NULL);

  /* Refused before anything is sent, in the words of the hint. */
  message = try_connect (preferences, "http://api.example.com/api", "connect-test-key");
  g_assert_cmpstr (message, ==,
                   "“http://api.example.com/api” would send the API key unencrypted: enter an "
                   "address starting with https:// (http:// is for a server on this computer "
                   "only)");
  g_assert_true (gtk_widget_has_css_class (preferences_child (preferences, "url_row"), "error"));
  assert_still_local ();

  /* A slow server: the spinner turns, Connect becomes Cancel and stops it. */
  loy_fake_piggy_set_delay (piggy, 5000);
  gtk_editable_set_text (preferences_child (preferences, "url_row"),
                         loy_fake_piggy_get_base_url (piggy));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_spinner_get_spinning (preferences_child (preferences, "connect_spinner")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Cancel");
  g_assert_false (gtk_widget_is_sensitive (preferences_child (preferences, "key_row")));
  g_assert_false (gtk_widget_get_visible (preferences_child (preferences, "connect_error_label")));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (connect_finished (preferences));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "C_onnect");
  g_assert_false (gtk_widget_get_visible (preferences_child (preferences, "connect_error_label")));
  assert_still_local ();
  loy_fake_piggy_set_delay (piggy, 0);

  /* The account answers: its key is kept and the application uses it. */
  g_assert_null (try_connect (preferences, loy_fake_piggy_get_base_url (piggy), "connect-test-key"));
  loy_ui_test_wait_for (store_is_remote, NULL, "the account to be used");
  g_assert_cmpstr (gtk_editable_get_text (preferences_child (preferences, "key_row")), ==, "");
  connected = g_strdup_printf ("Connected to %s", loy_fake_piggy_get_base_url (piggy));
  loy_ui_test_wait_for_toast (GTK_WIDGET (preferences), connected);
  gtk_window_destroy (preferences);

  g_settings_reset (settings, "data-source");
  g_settings_reset (settings, "remote-url");
  loy_application_set_database_path (app, database);
  loy_ui_test_wait_for (store_is_local, NULL, "the local database to open again");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_start (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/preferences-remote", test_preferences_remote);
  g_test_add_func ("/ui/remote-account", test_remote_account);
  g_test_add_func ("/ui/saved-account-refused", test_saved_account_refused);
  g_test_add_func ("/ui/connect-errors", test_connect_errors);
  g_test_add_func ("/ui/first-run-and-error", test_first_run_and_error);
  g_test_add_func ("/ui/open-old-database", test_open_old_database);
  g_test_add_func ("/ui/second-launch", test_second_launch);
  g_test_add_func ("/ui/preferences-choose-database", test_preferences_choose_database);

  return ui_test_run_and_stop ();
}
