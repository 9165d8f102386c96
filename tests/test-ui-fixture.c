/* test-ui-fixture.c — the real application and window on a temporary demo
 * database, as the window's tests and the data source's tests start them,
 * and the checks both make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "overview/loy-overview-view.h"
#include "test-ui-fixture.h"

LoyApplication *app;
LoyWindow *window;
char *database;

gboolean
ui_test_start (int    *argc,
               char ***argv)
{
  g_autofree char *icons = NULL;

  if (!loy_ui_test_init (argc, argv, "ui"))
    return FALSE;

  /* The application's icon, as it will be installed */
  icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  icons);

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  app = loy_ui_test_get_app ();

  return TRUE;
}

int
ui_test_run_and_stop (void)
{
  int ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}

gboolean
overview_loaded (gpointer data)
{
  return !loy_overview_view_get_loading (data);
}

void
save_screenshot (const char *name)
{
  loy_ui_test_save_screenshot (GTK_WIDGET (window), name);
}

void
assert_section_shows_records (LoySectionView *view,
                              guint           min_rows)
{
  LoyPagedModel *model;

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "a section's records");

  model = loy_section_view_get_model (view);
  g_assert_null (loy_paged_model_get_error (model));
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, min_rows);
}

/* The line under the sections that says the code groups are missing */
GtkWidget *
code_groups_note (void)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LOY_TYPE_WINDOW, "code_groups_note"));
}
