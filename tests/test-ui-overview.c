/* test-ui-overview.c — the Overview on a demo program: switching periods, a
 * chart's highlighted value by pointer and keyboard, exports, light and dark
 * style and phone width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "loy-application.h"
#include "loy-ui-test.h"
#include "loy-window.h"
#include "overview/loy-chart.h"
#include "overview/loy-figure-card.h"
#include "overview/loy-overview-view.h"

static LoyWindow *window;
static LoyOverviewView *view;
static char *database;

static gboolean
overview_loaded (gpointer data)
{
  return !loy_overview_view_get_loading (data) && loy_overview_view_get_overview (data) != NULL;
}

static GtkDropDown *
period_choice (void)
{
  return GTK_DROP_DOWN (loy_ui_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL));
}

/* Chooses a period and waits for its overview. */
static LoyOverview *
choose_period (guint position)
{
  gtk_drop_down_set_selected (period_choice (), position);
  loy_ui_test_wait_for (overview_loaded, view, "the period's overview");

  return loy_overview_view_get_overview (view);
}

static LoyChart *
chart (const char *name)
{
  return LOY_CHART (loy_overview_view_get_chart (view, name));
}

/* Scrolls the page to show the first chart's top, with the last figures above it. */
static void
scroll_to_charts (void)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (loy_ui_test_find_descendant (GTK_WIDGET (view),
                                                                                 GTK_TYPE_SCROLLED_WINDOW,
                                                                                 NULL));
  GtkWidget *points = GTK_WIDGET (chart ("points"));
  graphene_point_t top;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_point (points, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), top.y - 260);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
scroll_to_top (void)
{
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (loy_ui_test_find_descendant (GTK_WIDGET (view),
                                                                                 GTK_TYPE_SCROLLED_WINDOW,
                                                                                 NULL));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
}

/* The whole page, scrolled out of sight or not, on the window's background. */
static void
save_page (const char *name)
{
  GtkWidget *page = loy_ui_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_CLAMP, NULL);
  int width, height;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GtkSnapshot *snapshot;
  GdkRGBA background;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  width = gtk_widget_get_width (page);
  height = gtk_widget_get_height (page);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (page),
                                                 "window_bg_color", &background));
  G_GNUC_END_IGNORE_DEPRECATIONS

  paintable = gtk_widget_paintable_new (page);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
is_figure_card (GtkWidget     *widget,
                gconstpointer  caption)
{
  return LOY_IS_FIGURE_CARD (widget) && GTK_IS_LABEL (gtk_widget_get_first_child (widget)) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (widget))), caption);
}

/* The sum of a column of the chart's CSV (after its header). */
static gint64
sum_of_column (LoyChart *source,
               guint     column)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 sum = 0;

  g_assert_true (loy_chart_write_csv (source, output, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (output, NULL, NULL));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      sum += g_ascii_strtoll (fields[column], NULL, 10);
    }

  return sum;
}

static void
test_figures (void)
{
  LoyOverview *overview = choose_period (1);
  const LoyOverviewFigures *figures = loy_overview_get_figures (overview);
  LoyFigureCard *card;
  g_autofree char *issued = g_strdup_printf ("%" G_GINT64_FORMAT, figures->points_issued);
  g_autofree char *change = loy_figure_card_format_change (figures->points_issued,
                                                           loy_overview_get_previous_figures (overview)->points_issued);

  /* The demo's last 30 days are a busy month. */
  g_assert_cmpuint (loy_overview_get_n_days (overview), ==, 30);
  g_assert_false (loy_overview_is_empty (overview));
  g_assert_cmpint (figures->redemptions, >, 0);

  card = LOY_FIGURE_CARD (loy_ui_test_find_matching (GTK_WIDGET (view), is_figure_card, "Points issued"));
  g_assert_nonnull (card);
  g_assert_cmpstr (loy_figure_card_get_value (card), ==, issued);
  g_assert_cmpstr (loy_figure_card_get_note (card), ==, change);

  g_assert_cmpuint (loy_chart_get_n_categories (chart ("points")), ==, 30);
  /* New contacts by week: 30 days are 4 weeks and 2 days, every day counted once. */
  g_assert_cmpuint (loy_chart_get_n_categories (chart ("enrollments")), ==, 5);
  g_assert_cmpint (sum_of_column (chart ("enrollments"), 1), ==, figures->enrollments);
  g_assert_cmpuint (loy_chart_get_n_categories (chart ("levels")), ==,
                    loy_overview_get_levels (overview)->len);
  g_assert_cmpuint (loy_chart_get_n_categories (chart ("rewards")), ==,
                    loy_overview_get_top_rewards (overview)->len);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart ("points"))));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "overview-30-days");
  scroll_to_charts ();
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "overview-charts");
  scroll_to_top ();
  save_page ("overview-page");
}

/* The first and last day's calendars, in their popovers. */
static void
collect_calendars (GtkWidget    *widget,
                   GtkCalendar **calendars,
                   guint        *n_calendars)
{
  if (GTK_IS_CALENDAR (widget) && *n_calendars < 2)
    calendars[(*n_calendars)++] = GTK_CALENDAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_calendars (child, calendars, n_calendars);
}

static void
test_period_switch (void)
{
  LoyOverview *overview = choose_period (0);
  GtkWidget *empty_page;
  GtkCalendar *calendars[2];
  guint n_calendars = 0;
  g_autoptr(GDateTime) first = g_date_time_new_local (2020, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_local (2020, 3, 31, 0, 0, 0);
  GtkWidget *calendar_button;

  g_assert_cmpuint (loy_overview_get_n_days (overview), ==, 7);
  g_assert_cmpuint (loy_chart_get_n_categories (chart ("points")), ==, 7);

  /* 90 days go by week. */
  overview = choose_period (2);
  g_assert_cmpuint (loy_overview_get_n_days (overview), ==, 90);
  g_assert_cmpuint (loy_overview_get_step_days (overview), ==, 7);
  g_assert_cmpuint (loy_chart_get_n_categories (chart ("points")), ==, 13);
  g_assert_cmpuint (loy_chart_get_n_categories (chart ("enrollments")), ==, 13);

  /* A custom range starts as the period shown; a month long before the
   * demo's history is empty, and says so. */
  overview = choose_period (4);
  g_assert_cmpuint (loy_overview_get_n_days (overview), ==, 90);
  calendar_button = loy_ui_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_true (gtk_widget_get_visible (calendar_button));
  collect_calendars (GTK_WIDGET (view), calendars, &n_calendars);
  g_assert_cmpuint (n_calendars, ==, 2);
  gtk_calendar_select_day (calendars[0], first);
  gtk_calendar_select_day (calendars[1], last);
  g_signal_emit_by_name (calendars[0], "day-selected");
  g_signal_emit_by_name (calendars[1], "day-selected");
  loy_ui_test_wait_for (overview_loaded, view, "the custom range's overview");
  overview = loy_overview_view_get_overview (view);
  g_assert_cmpuint (loy_overview_get_n_days (overview), ==, 31);
  g_assert_true (loy_overview_is_empty (overview));

  empty_page = loy_ui_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_true (gtk_widget_get_visible (empty_page));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (chart ("points"))));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "overview-empty");

  overview = choose_period (3);
  g_assert_false (gtk_widget_get_visible (empty_page));
  g_assert_cmpuint (loy_overview_get_n_days (overview), >=, 1);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
}

/* The pointer over a column shows its values; the arrow keys move on. */
static void
test_hover (void)
{
  LoyOverview *overview = choose_period (1);
  LoyChart *points = chart ("points");
  GArray *series = loy_overview_get_series (overview);
  const LoyOverviewStep *last = &g_array_index (series, LoyOverviewStep, series->len - 1);
  const LoyOverviewStep *before = &g_array_index (series, LoyOverviewStep, series->len - 2);
  int width = gtk_widget_get_width (GTK_WIDGET (points));
  int height = gtk_widget_get_height (GTK_WIDGET (points));
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  gboolean handled = FALSE;
  char day[32];

  g_assert_cmpint (loy_chart_get_index_at (points, width - 2, height / 2.0), ==, series->len - 1);
  g_signal_emit_by_name (find_controller (GTK_WIDGET (points), GTK_TYPE_EVENT_CONTROLLER_MOTION),
                         "motion", (double) width - 2, height / 2.0);
  g_assert_cmpint (loy_chart_get_highlight (points), ==, series->len - 1);

  g_date_strftime (day, sizeof day, "%e %b %Y", &last->start);
  expected = g_strdup_printf ("%s: Issued %" G_GINT64_FORMAT ", Redeemed %" G_GINT64_FORMAT,
                              g_strstrip (day), last->issued, last->redeemed);
  shown = loy_chart_dup_highlight_text (points);
  g_assert_cmpstr (shown, ==, expected);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshots", "overview-hover.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (loy_chart_save_png (points, file, &error));
    g_assert_no_error (error);
  }

  /* Focusable, and the keys move the highlight. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (points)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (points)));
  g_signal_emit_by_name (find_controller (GTK_WIDGET (points), GTK_TYPE_EVENT_CONTROLLER_KEY),
                         "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_cmpint (loy_chart_get_highlight (points), ==, series->len - 2);
  g_clear_pointer (&shown, g_free);
  shown = loy_chart_dup_highlight_text (points);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Redeemed %" G_GINT64_FORMAT, before->redeemed);
  g_assert_true (g_str_has_suffix (shown, expected));

  g_signal_emit_by_name (find_controller (GTK_WIDGET (points), GTK_TYPE_EVENT_CONTROLLER_MOTION),
                         "leave");
  g_assert_cmpint (loy_chart_get_highlight (points), ==, -1);
  g_assert_null (loy_chart_dup_highlight_text (points));
}

static void
test_export (void)
{
  LoyOverview *overview = choose_period (1);
  g_autofree char *dir = g_dir_make_tmp ("loy-test-export-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "points.png", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "rewards.csv", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *rewards = loy_overview_get_top_rewards (overview);
  const LoyOverviewReward *top = &g_array_index (rewards, LoyOverviewReward, 0);
  g_autofree char *first_row = NULL;

  g_assert_true (loy_chart_save_png (chart ("points"), png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (chart ("points"))));

  output = g_file_replace (csv, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (loy_chart_write_csv (chart ("rewards"), G_OUTPUT_STREAM (output), &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (output), NULL, NULL));
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Top rewards,Redemptions,Cost");
  g_assert_cmpuint (g_strv_length (lines), ==, rewards->len + 2);  /* and the empty after the last */
  first_row = g_strdup_printf ("%s,%" G_GINT64_FORMAT ",", top->title, top->redemptions);
  g_assert_true (g_str_has_prefix (lines[1], first_row));

  g_remove (png_path);
  g_remove (csv_path);
  g_rmdir (dir);
}

static gboolean
window_width_is (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) == GPOINTER_TO_INT (data);
}

static gboolean
is_label_overview (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), "Overview");
}

static gboolean
is_sidebar_overview_row (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (widget) &&
         loy_ui_test_find_matching (widget, is_label_overview, NULL) != NULL;
}

static gboolean
view_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         gtk_widget_get_width (GTK_WIDGET (view)) <= 360;
}

static void
test_dark_and_narrow (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  choose_period (1);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  scroll_to_charts ();
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "overview-dark");
  scroll_to_top ();
  save_page ("overview-page-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  loy_ui_test_wait_for (window_width_is, GINT_TO_POINTER (360), "the window at 360 px");
  /* Folded, the window shows the sidebar until a section is chosen from it. */
  g_assert_true (gtk_widget_activate (loy_ui_test_find_matching (GTK_WIDGET (window),
                                                                 is_sidebar_overview_row, NULL)));
  loy_ui_test_wait_for (view_shown, NULL, "the overview in the folded window");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  scroll_to_charts ();
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "overview-narrow");
  scroll_to_top ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart ("points"))), <=, 360);
  save_page ("overview-page-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-overview"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  view = LOY_OVERVIEW_VIEW (loy_window_get_visible_view (window));
  loy_ui_test_wait_for (overview_loaded, view, "the overview");

  g_test_add_func ("/ui-overview/figures", test_figures);
  g_test_add_func ("/ui-overview/period-switch", test_period_switch);
  g_test_add_func ("/ui-overview/hover", test_hover);
  g_test_add_func ("/ui-overview/export", test_export);
  g_test_add_func ("/ui-overview/dark-and-narrow", test_dark_and_narrow);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
