/* loy-ui-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"
#include "loy-number-entry.h"
#include "loy-ui-test.h"

#define WAIT_TIMEOUT_SECONDS 20

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
loy_ui_test_wait_for (LoyUiTestCondition  condition,
                      gpointer            data,
                      const char         *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (timeout_id);
}

static LoyApplication *app;

static void
test_no_display (void)
{
  g_test_skip ("No display to open the window on");
}

gboolean
loy_ui_test_init (int          *argc,
                  char       ***argv,
                  const char   *suite)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_autofree char *path = g_strdup_printf ("/%s/no-display", suite);

      g_test_add_func (path, test_no_display);
      return FALSE;
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  return TRUE;
}

gboolean
loy_ui_test_app_ready (gpointer data)
{
  return loy_application_get_store (app) != NULL || loy_application_get_error (app) != NULL;
}

LoyWindow *
loy_ui_test_start_app (const char *database)
{
  g_autoptr(GError) error = NULL;
  LoyWindow *window;

  g_assert_null (app);
  app = loy_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  loy_application_set_database_path (app, database);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = LOY_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  loy_ui_test_wait_for (loy_ui_test_app_ready, NULL, "the store to open");
  g_assert_no_error ((GError *) loy_application_get_error (app));

  return window;
}

LoyApplication *
loy_ui_test_get_app (void)
{
  return app;
}

LoyStore *
loy_ui_test_get_store (void)
{
  return loy_application_get_store (app);
}

void
loy_ui_test_stop_app (const char *database)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  loy_ui_test_remove_demo_database (database);
}

gboolean
loy_ui_test_pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
loy_ui_test_section_loaded (gpointer section_view)
{
  LoySectionView *view = section_view;
  LoyPagedModel *model = loy_section_view_get_model (view);

  return model != NULL &&
         loy_paged_model_get_loaded (model) &&
         !loy_paged_model_get_loading (model) &&
         !g_str_equal (loy_section_view_get_state (view), "loading");
}

GtkWidget *
loy_ui_test_find_matching (GtkWidget            *root,
                           LoyUiTestWidgetMatch  matches,
                           gconstpointer         data)
{
  if (matches (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = loy_ui_test_find_matching (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType       type;
  const char *action_name;
} TypeAndAction;

static gboolean
has_type_and_action (GtkWidget     *widget,
                     gconstpointer  data)
{
  const TypeAndAction *wanted = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type) &&
         (wanted->action_name == NULL ||
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                     wanted->action_name) == 0);
}

GtkWidget *
loy_ui_test_find_descendant (GtkWidget  *root,
                             GType       type,
                             const char *action_name)
{
  TypeAndAction wanted = { type, action_name };

  return loy_ui_test_find_matching (root, has_type_and_action, &wanted);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

void
loy_ui_test_clear_filters (LoySectionView *view)
{
  LoyFilterButton *filters = loy_section_view_get_filter_button (view);
  GtkWidget *menu_button;
  GtkWidget *clear;

  g_assert_nonnull (filters);
  menu_button = GTK_WIDGET (loy_filter_button_get_menu_button (filters));
  g_assert_true (loy_filter_button_get_filtered (filters));
  g_assert_true (gtk_widget_has_css_class (menu_button, "accent"));

  clear = loy_ui_test_find_matching (menu_button, is_button_labelled, "_Clear Filters");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_is_sensitive (clear));
  g_signal_emit_by_name (clear, "clicked");

  g_assert_false (loy_filter_button_get_filtered (filters));
  g_assert_false (gtk_widget_has_css_class (menu_button, "accent"));
  g_assert_false (gtk_widget_is_sensitive (clear));
}

/* The shortcut for @keyval with @modifiers of @widget or a descendant on
 * show, the deepest first, with the widget it belongs to. (A window also
 * lists its descendants' managed shortcuts, but cannot run them itself.) */
static GtkShortcut *
find_shortcut (GtkWidget        *widget,
               guint             keyval,
               GdkModifierType   modifiers,
               GtkWidget       **owner)
{
  g_autoptr(GListModel) controllers = NULL;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkShortcut *shortcut = find_shortcut (child, keyval, modifiers, owner);

      if (shortcut != NULL)
        return shortcut;
    }

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              *owner = widget;
              /* The controller keeps it. */
              return shortcut;
            }
        }
    }

  return NULL;
}

void
loy_ui_test_press_shortcut (GtkWidget       *window,
                            guint            keyval,
                            GdkModifierType  modifiers)
{
  GtkWidget *owner = NULL;
  GtkShortcut *shortcut = find_shortcut (window, keyval, modifiers, &owner);

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, owner,
                                               gtk_shortcut_get_arguments (shortcut)));
}

typedef struct
{
  LoySectionView *view;
  guint           n_rows;
} RowsWait;

static gboolean
section_has_rows (gpointer data)
{
  RowsWait *wait = data;

  return loy_ui_test_section_loaded (wait->view) &&
         g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (wait->view))) ==
         wait->n_rows;
}

void
loy_ui_test_wait_for_rows (LoySectionView *view,
                           guint           n_rows,
                           const char     *what)
{
  RowsWait wait = { view, n_rows };

  loy_ui_test_wait_for (section_has_rows, &wait, what);
}

LoySectionView *
loy_ui_test_show_section (LoyWindow  *window,
                          const char *section)
{
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section);
  g_assert_cmpstr (loy_window_get_section (window), ==, section);

  view = GTK_WIDGET (loy_section_view_find (loy_window_get_visible_view (window)));
  g_assert_true (LOY_IS_SECTION_VIEW (view));

  return LOY_SECTION_VIEW (view);
}

GtkWindow *
loy_ui_test_get_toplevel (GType      type,
                          GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      /* The list keeps the window alive. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          (parent == NULL || gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == parent) &&
          gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *parent;
} ToplevelWait;

static gboolean
toplevel_shown (gpointer data)
{
  ToplevelWait *wait = data;

  return loy_ui_test_get_toplevel (wait->type, wait->parent) != NULL;
}

GtkWindow *
loy_ui_test_wait_for_toplevel (GType       type,
                               GtkWindow  *parent,
                               const char *what)
{
  ToplevelWait wait = { type, parent };

  loy_ui_test_wait_for (toplevel_shown, &wait, what);

  return loy_ui_test_get_toplevel (type, parent);
}

void
loy_ui_test_respond (GtkWindow  *dialog,
                     const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
}

/* The widget libadwaita shows @toast with, or with any toast titled @title;
 * a toast on its way out no longer takes clicks and is passed over. */
static GtkWidget *
find_toast_widget (GtkWidget  *root,
                   AdwToast   *toast,
                   const char *title)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget") && gtk_widget_get_can_target (root))
    {
      g_autoptr(AdwToast) shown = NULL;

      g_object_get (root, "toast", &shown, NULL);
      if (shown == toast || (title != NULL && g_strcmp0 (adw_toast_get_title (shown), title) == 0))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_widget (child, toast, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *window;
  const char *title;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return find_toast_widget (wait->window, NULL, wait->title) != NULL;
}

AdwToast *
loy_ui_test_wait_for_toast (GtkWidget  *window,
                            const char *title)
{
  ToastWait wait = { window, title };
  g_autofree char *what = g_strdup_printf ("the toast “%s”", title);
  g_autoptr(AdwToast) toast = NULL;

  loy_ui_test_wait_for (toast_shown, &wait, what);
  g_object_get (find_toast_widget (window, NULL, title), "toast", &toast, NULL);

  /* The overlay keeps it while it is on show. */
  return toast;
}

void
loy_ui_test_click_toast_button (GtkWidget *window,
                                AdwToast  *toast)
{
  GtkWidget *toast_widget = find_toast_widget (window, toast, NULL);
  GtkWidget *button = NULL;

  g_assert_nonnull (toast_widget);
  for (GtkWidget *child = gtk_widget_get_first_child (toast_widget);
       child != NULL && button == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) &&
        g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)),
                   adw_toast_get_button_label (toast)) == 0)
      button = child;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
widget_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* @widget's window (with @popover, when not %NULL) as drawn, or %NULL
 * while it waits to be laid out again. */
static GskRenderNode *
snapshot_window (GtkWidget  *widget,
                 GtkPopover *popover,
                 int         width,
                 int         height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  if (popover != NULL)
    {
      g_autoptr(GdkPaintable) popover_paintable = gtk_widget_paintable_new (GTK_WIDGET (popover));
      GdkPopup *popup = GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)));
      double window_x, window_y, popover_x, popover_y;

      loy_ui_test_wait_for (widget_shown, popover, "a popover to show");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
      /* From the popup's place on its parent surface to the window's widget */
      gtk_native_get_surface_transform (gtk_widget_get_native (widget), &window_x, &window_y);
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (popup) + popover_x - window_x,
                                                    gdk_popup_get_position_y (popup) + popover_y - window_y));
      gdk_paintable_snapshot (popover_paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (GTK_WIDGET (popover)),
                              gtk_widget_get_height (GTK_WIDGET (popover)));
      gtk_snapshot_restore (snapshot);
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
save_screenshot (GtkWidget  *widget,
                 GtkPopover *popover,
                 const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  int width = 0, height = 0;

  loy_ui_test_wait_for (widget_shown, widget, "a window to show");
  /* A window that has just grown is laid out again once the display has
   * resized it, and draws nothing until then: the next frame will. */
  for (guint frame = 0; node == NULL && frame < 10; frame++)
    {
      gtk_test_widget_wait_for_draw (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      node = snapshot_window (widget, popover, width, height);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
loy_ui_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  save_screenshot (widget, NULL, name);
}

void
loy_ui_test_save_screenshot_with_popover (GtkWidget  *widget,
                                          GtkPopover *popover,
                                          const char *name)
{
  save_screenshot (widget, popover, name);
}

char *
loy_ui_test_create_demo_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("loy-test-ui-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "loyalty.db", NULL);

  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  loy_sqlite_store_populate_demo (store, &LOY_DEMO_OPTIONS_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return path;
}

void
loy_ui_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

void
loy_ui_test_remove_demo_database (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  loy_ui_test_remove_dir (dir);
}

const char *
loy_ui_test_shown_problem (GtkWidget *number_entry)
{
  GtkWidget *label = gtk_widget_get_last_child (number_entry);
  const char *problem = loy_number_entry_get_problem (LOY_NUMBER_ENTRY (number_entry));

  g_assert_true (GTK_IS_LABEL (label));
  if (!gtk_widget_get_visible (label))
    return NULL;

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, problem);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_first_child (number_entry), "error"));

  return problem;
}

typedef struct
{
  GtkWindow *chooser;
  GFile     *file;
} ChooserWait;

static gboolean
chooser_has_file (gpointer data)
{
  ChooserWait *wait = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (wait->chooser));

  return file != NULL && g_file_equal (file, wait->file);
}

void
loy_ui_test_choose_save_file (GtkWindow  *parent,
                              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChooserWait wait = { NULL, file };

  wait.chooser = loy_ui_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, parent,
                                                "the save dialog");
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (wait.chooser), file, &error);
  g_assert_no_error (error);
  /* As typed into its name entry: a whole path is taken as it stands. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (wait.chooser), path);

  /* It takes the name once it has listed the folder. */
  loy_ui_test_wait_for (chooser_has_file, &wait, "the dialog to take the file name");
  gtk_dialog_response (GTK_DIALOG (wait.chooser), GTK_RESPONSE_ACCEPT);
}
