/* test-ui.c — the real application's window on a temporary demo database:
 * every section shows the store's records, search goes through the store,
 * the primary menu's windows open, and the window folds at phone width
 * (which store it opens is test-ui-data-source.c). Each visited page is
 * saved as a screenshot under tests/screenshots/ in the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "overview/loy-overview-view.h"
#include "test-ui-fixture.h"

static gboolean
window_width_is (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) == GPOINTER_TO_INT (data);
}

/* Every section of the window, shown or not. */
static void
collect_sections (GtkWidget *widget,
                  GPtrArray *sections)
{
  if (LOY_IS_SECTION_VIEW (widget))
    g_ptr_array_add (sections, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_sections (child, sections);
}

static void
test_overview (void)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  GtkWidget *view;

  /* The window opens on the overview: no section has asked the store for
   * its records yet (a segment's member count scans every contact). */
  collect_sections (GTK_WIDGET (window), sections);
  g_assert_cmpuint (sections->len, ==, 6);
  for (guint i = 0; i < sections->len; i++)
    g_assert_null (loy_section_view_get_model (g_ptr_array_index (sections, i)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  view = loy_window_get_visible_view (window);
  g_assert_true (LOY_IS_OVERVIEW_VIEW (view));

  loy_ui_test_wait_for (overview_loaded, view, "the overview's figures");
  save_screenshot ("overview");
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
label_reads (gpointer data)
{
  GtkLabel *label = data;

  return g_strcmp0 (gtk_label_get_text (label), g_object_get_data (G_OBJECT (label), "expected")) == 0;
}

/* A write anywhere shows in the overview's counts at once. */
static void
test_overview_refresh (void)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GtkWidget *caption;
  GtkLabel *number;
  guint64 before;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview");
  view = loy_window_get_visible_view (window);
  loy_ui_test_wait_for (overview_loaded, view, "the overview's figures");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  caption = loy_ui_test_find_matching (view, is_label_with_text, "Contacts");
  g_assert_nonnull (caption);
  number = GTK_LABEL (gtk_widget_get_prev_sibling (caption));
  before = g_ascii_strtoull (gtk_label_get_text (number), NULL, 10);
  g_assert_cmpuint (before, >, 0);

  loy_contact_set_email (contact, "overview.refresh@example.com");
  enrolled = loy_store_enroll_contact_sync (loy_application_get_store (app), contact, "Tester",
                                            NULL, &error);
  g_assert_no_error (error);

  g_object_set_data_full (G_OBJECT (number), "expected",
                          g_strdup_printf ("%" G_GUINT64_FORMAT, before + 1), g_free);
  loy_ui_test_wait_for (label_reads, number, "the contacts count to go up");
  save_screenshot ("overview-refreshed");
}

static void
test_sections (void)
{
  static const struct {
    const char *section;
    guint       min_rows;
  } sections[] = {
    { "rewards", 4 },
    { "campaigns", 1 },
    { "code-groups", 1 },
    { "contacts", 1 },
    { "levels-segments", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      LoySectionView *view = loy_ui_test_show_section (window, sections[i].section);

      assert_section_shows_records (view, sections[i].min_rows);
      save_screenshot (sections[i].section);
    }
  /* Every section is there: no line says one is missing. */
  g_assert_false (gtk_widget_get_visible (code_groups_note ()));
}

static void
test_segments (void)
{
  LoySectionView *levels = loy_ui_test_show_section (window, "levels-segments");
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (levels), ADW_TYPE_VIEW_STACK);
  GtkWidget *view;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "segments");
  view = GTK_WIDGET (loy_section_view_find (loy_window_get_visible_view (window)));
  g_assert_true (LOY_IS_SECTION_VIEW (view));
  g_assert_cmpint (loy_section_view_get_kind (LOY_SECTION_VIEW (view)), ==, LOY_KIND_SEGMENT);

  assert_section_shows_records (LOY_SECTION_VIEW (view), 1);
  save_screenshot ("segments");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "levels");
}

static void
test_search (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "rewards");
  GtkWidget *entry = loy_section_view_get_search_entry (view);
  guint n_all;

  assert_section_shows_records (view, 4);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_is_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Krabby");
  loy_ui_test_wait_for_rows (view, 1, "the search to narrow the rewards");
  g_assert_true (loy_query_has_search (
                   loy_paged_model_get_query (loy_section_view_get_model (view))));
  save_screenshot ("rewards-search");

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such reward anywhere");
  loy_ui_test_wait_for_rows (view, 0, "the search to find nothing");
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "empty");
  save_screenshot ("rewards-no-results");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  loy_ui_test_wait_for_rows (view, n_all, "the search to be cleared");
}

/* A digital reward's stock in the list is the codes it has left. */
static void
test_digital_stock (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "rewards");
  LoyPagedModel *model;
  guint n_digital = 0;

  assert_section_shows_records (view, 4);
  model = loy_section_view_get_model (view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint i = 0; i < MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), 8); i++)
    {
      g_autoptr(LoyReward) reward = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *expected = NULL;

      if (loy_reward_get_reward_type (reward) != LOY_REWARD_TYPE_DIGITAL)
        continue;

      g_assert_cmpint (loy_reward_get_codes_available (reward), >=, 0);
      expected = g_strdup_printf ("%" G_GINT64_FORMAT " codes", loy_reward_get_codes_available (reward));
      g_assert_nonnull (loy_ui_test_find_matching (GTK_WIDGET (view), is_label_with_text, expected));
      n_digital++;
    }

  g_assert_cmpuint (n_digital, >, 0);
  save_screenshot ("rewards-digital-stock");
}

static void
test_phone_width (void)
{
  LoySectionView *view;

  g_assert_false (loy_window_get_folded (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  loy_ui_test_wait_for (window_width_is, GINT_TO_POINTER (360), "the window to shrink");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (loy_window_get_folded (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  save_screenshot ("phone-sidebar");

  view = loy_ui_test_show_section (window, "rewards");
  assert_section_shows_records (view, 4);
  g_assert_true (loy_section_view_get_compact (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  save_screenshot ("phone-rewards");

  /* The columns hidden at this width are a line under the name. */
  view = loy_ui_test_show_section (window, "contacts");
  assert_section_shows_records (view, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  {
    g_autoptr(LoyContact) contact = g_list_model_get_item (G_LIST_MODEL (loy_section_view_get_model (view)), 0);
    const char *level = loy_contact_get_level_name (contact);
    g_autofree char *subtitle = level != NULL
                                ? g_strdup_printf ("%s · %s", loy_contact_get_email (contact), level)
                                : g_strdup (loy_contact_get_email (contact));

    g_assert_nonnull (loy_ui_test_find_matching (GTK_WIDGET (view), is_label_with_text, subtitle));
  }
  save_screenshot ("phone-contacts");
}

/* The windows of the primary menu open (their templates load) and close. */
static void
test_menu_windows (void)
{
  static const char *actions[] = { "preferences", "shortcuts", "about" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *opened;

      g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
      opened = gtk_application_get_active_window (GTK_APPLICATION (app));
      g_assert_true (opened != GTK_WINDOW (window));
      g_assert_true (gtk_window_get_transient_for (opened) == GTK_WINDOW (window));

      loy_ui_test_save_screenshot (GTK_WIDGET (opened), actions[i]);
      gtk_window_destroy (opened);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_start (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/ui/overview", test_overview);
  g_test_add_func ("/ui/overview-refresh", test_overview_refresh);
  g_test_add_func ("/ui/sections", test_sections);
  g_test_add_func ("/ui/segments", test_segments);
  g_test_add_func ("/ui/search", test_search);
  g_test_add_func ("/ui/digital-stock", test_digital_stock);
  g_test_add_func ("/ui/menu-windows", test_menu_windows);
  g_test_add_func ("/ui/phone-width", test_phone_width);

  return ui_test_run_and_stop ();
}
