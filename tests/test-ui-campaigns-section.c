/* test-ui-campaigns-section.c — the Campaigns section's list: the Reach
 * column as the store counts it, the category and label filters as the
 * store's query, clearing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "campaigns/loy-campaigns-section.h"
#include "loy-campaign-test.h"

static LoyWindow *window;
static char *database;

static gboolean
label_shows (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The text of the last column (Reach) in the row that shows @name. */
static const char *
reach_shown (LoySectionView *view,
             const char     *name)
{
  GtkWidget *row = loy_ui_test_find_matching (GTK_WIDGET (view), label_shows, name);
  GtkWidget *label;

  while (row != NULL && g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0)
    row = gtk_widget_get_parent (row);
  g_assert_nonnull (row);

  label = gtk_widget_get_last_child (row);
  while (label != NULL && !GTK_IS_LABEL (label))
    label = gtk_widget_get_first_child (label);
  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

typedef struct
{
  LoySectionView *view;
  const char     *name;
  const char     *expected;
} ReachWait;

static gboolean
reach_is (gpointer data)
{
  ReachWait *wait = data;

  return g_strcmp0 (reach_shown (wait->view, wait->name), wait->expected) == 0;
}

/* The Reach column of @name shows what the store counts, once counted. */
static void
assert_reach (LoySectionView *view,
              const char     *name)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_test_find (name);
  g_autoptr(GError) error = NULL;
  gint64 reached = loy_store_count_campaign_reach_sync (loy_ui_test_get_store (), campaign,
                                                        NULL, &error);
  g_autofree char *expected = NULL;
  ReachWait wait = { view, name, NULL };

  g_assert_no_error (error);
  g_assert_cmpint (reached, >, 0);
  expected = g_strdup_printf ("%'" G_GINT64_FORMAT, reached);
  wait.expected = expected;
  loy_ui_test_wait_for (reach_is, &wait, "the campaign's reach");
}

static void
test_reach_column (void)
{
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  LoySectionView *view = loy_section_view_find (GTK_WIDGET (section));
  g_autoptr(LoyCampaign) gold = loy_campaign_test_find ("Holiday gift box");
  g_autoptr(LoyCampaign) everyone = loy_campaign_test_find ("Welcome discount");
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaign) everyone_count = NULL;

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the campaigns");
  g_assert_cmpint (loy_campaign_get_target_type (gold), ==, LOY_TARGET_TYPE_LEVEL);
  g_assert_cmpint (loy_campaign_get_target_type (everyone), ==, LOY_TARGET_TYPE_NONE);

  assert_reach (view, "Holiday gift box");
  assert_reach (view, "Welcome discount");

  /* Everyone is every contact; a level fewer. */
  page = loy_store_query_sync (loy_ui_test_get_store (), contacts, 0, 1, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *all = g_strdup_printf ("%'u", page->total);

    g_assert_cmpstr (reach_shown (view, "Welcome discount"), ==, all);
    g_assert_cmpstr (reach_shown (view, "Holiday gift box"), !=, all);
  }
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "campaigns-reach");
}

/* The filters */

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gboolean
categories_listed (gpointer filter)
{
  return loy_ui_test_find_matching (filter, is_check_labelled, "In store") != NULL;
}

static gpointer
label_filter_child (LoyCampaignLabelFilter *filter,
                    const char             *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (filter), LOY_TYPE_CAMPAIGN_LABEL_FILTER,
                                                  name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
labels_listed (gpointer filter)
{
  return g_list_model_get_n_items (G_LIST_MODEL (label_filter_child (filter, "keys"))) > 1;
}

/* Ticks or unticks a category, as a click on its check does. */
static void
tick_category (LoyCampaignCategoryFilter *filter,
               const char                *name,
               gboolean                   ticked)
{
  GtkWidget *check = loy_ui_test_find_matching (GTK_WIDGET (filter), is_check_labelled, name);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ticked);
}

static void
choose (GtkDropDown *dropdown,
        const char  *choice)
{
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), choice) == 0)
      {
        g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dropdown)));
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  g_error ("No choice “%s”", choice);
}

/* Chooses @key and @value (NULL: any) and presses Add. */
static void
add_label (LoyCampaignLabelFilter *filter,
           const char             *key,
           const char             *value)
{
  GtkWidget *add = label_filter_child (filter, "add_button");

  choose (label_filter_child (filter, "key_dropdown"), key);
  if (value != NULL)
    choose (label_filter_child (filter, "value_dropdown"), value);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Presses the remove button of a label added. */
static void
remove_label (LoyCampaignLabelFilter *filter,
              const char             *text)
{
  g_autofree char *tooltip = g_strdup_printf ("Remove “%s”", text);
  GtkWidget *remove = loy_ui_test_find_matching (GTK_WIDGET (filter), is_button_with_tooltip, tooltip);

  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
}

static gboolean
strv_equal (GStrv       strv,
            const char *joined)
{
  g_autofree char *listed = strv != NULL ? g_strjoinv (",", strv) : NULL;

  return g_strcmp0 (listed, joined) == 0;
}

typedef struct
{
  LoySectionView *view;
  const char     *categories;  /* UUIDs, joined by commas */
  const char     *labels;
} QueryWait;

static gboolean
query_loaded (gpointer data)
{
  QueryWait *wait = data;
  const LoyQuery *query = loy_paged_model_get_query (loy_section_view_get_model (wait->view));

  return strv_equal (query->categories, wait->categories) &&
         strv_equal (query->labels, wait->labels) &&
         loy_ui_test_section_loaded (wait->view);
}

/* The list's query has the categories and labels given, and the rows on
 * show are the store's for that query: all of them, none else. Returns
 * how many. */
static guint
assert_rows_of (LoySectionView *view,
                const char     *categories,
                const char     *labels)
{
  QueryWait wait = { view, categories, labels };
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model;

  loy_ui_test_wait_for (query_loaded, &wait, "the filtered campaigns");
  query->categories = categories != NULL ? g_strsplit (categories, ",", -1) : NULL;
  query->labels = labels != NULL ? g_strsplit (labels, ",", -1) : NULL;
  expected = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1000, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < expected->items->len; i++)
    g_hash_table_add (uuids, (gpointer) loy_campaign_get_uuid (g_ptr_array_index (expected->items, i)));

  model = G_LIST_MODEL (loy_section_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->total);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LoyCampaign) campaign = g_list_model_get_item (model, i);

      g_assert_true (g_hash_table_contains (uuids, loy_campaign_get_uuid (campaign)));
    }

  return expected->total;
}

static char *
category_uuid (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = loy_store_list_campaign_categories_sync (loy_ui_test_get_store (),
                                                                             NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < categories->len; i++)
    if (g_str_equal (loy_campaign_category_get_name (g_ptr_array_index (categories, i)), name))
      return g_strdup (loy_campaign_category_get_uuid (g_ptr_array_index (categories, i)));

  g_error ("No category “%s”", name);
}

static gboolean
narrower_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) < 361;
}

static gboolean
wider_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 800;
}

/* The window with the filters open, at full width and at 360 px. */
static void
save_filters_screenshots (LoySectionView *view,
                          const char     *name)
{
  GtkMenuButton *button = loy_filter_button_get_menu_button (loy_section_view_get_filter_button (view));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  loy_ui_test_save_screenshot_with_popover (GTK_WIDGET (window), popover, name);

  gtk_menu_button_popdown (button);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, height);
  loy_ui_test_wait_for (narrower_than, window, "the window to shrink");
  /* Folded, the window shows the sidebar until a section is chosen there. */
  adw_leaflet_navigate (ADW_LEAFLET (loy_ui_test_find_descendant (GTK_WIDGET (window),
                                                                  ADW_TYPE_LEAFLET, NULL)),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_menu_button_popup (button);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_save_screenshot_with_popover (GTK_WIDGET (window), popover, narrow);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (popover)), <=, 360);

  gtk_menu_button_popdown (button);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  loy_ui_test_wait_for (wider_than, window, "the window to grow");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_menu_button_popup (button);
}

/* A category and labels chosen in the filters are the store's query, the
 * rows those of that query; an empty list names the filters and clears
 * them. */
static void
test_category_label_filters (void)
{
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  LoySectionView *view = loy_section_view_find (GTK_WIDGET (section));
  LoyFilterButton *filters = loy_section_view_get_filter_button (view);
  LoyCampaignCategoryFilter *categories = loy_campaigns_section_get_category_filter (section);
  LoyCampaignLabelFilter *labels = loy_campaigns_section_get_label_filter (section);
  g_autofree char *in_store = category_uuid ("In store");
  g_autofree char *seasonal = category_uuid ("Seasonal");
  GtkWidget *count_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), LOY_TYPE_SECTION_VIEW,
                                                                      "result_count_label"));
  g_autofree char *expected_count = NULL;
  GtkWidget *empty_page;
  guint n_all, n_in_store, n_paying, n_gold;

  n_all = assert_rows_of (view, NULL, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (filters)));

  /* Listed as the popover opens */
  gtk_menu_button_popup (loy_filter_button_get_menu_button (filters));
  loy_ui_test_wait_for (categories_listed, categories, "the categories");
  loy_ui_test_wait_for (labels_listed, labels, "the labels in use");

  tick_category (categories, "In store", TRUE);
  n_in_store = assert_rows_of (view, in_store, NULL);
  g_assert_cmpuint (n_in_store, <, n_all);

  add_label (labels, "payment", NULL);
  n_paying = assert_rows_of (view, in_store, "payment");
  g_assert_cmpuint (n_paying, <, n_in_store);

  /* ANDed */
  add_label (labels, "tier", "gold");
  n_gold = assert_rows_of (view, in_store, "payment,tier=gold");
  g_assert_cmpuint (n_gold, >, 0);
  g_assert_cmpuint (n_gold, <, n_paying);
  /* Counted under the search, as the rows are */
  expected_count = g_strdup_printf (n_gold == 1 ? "%u campaign" : "%u campaigns", n_gold);
  g_assert_true (gtk_widget_get_visible (count_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label)), ==, expected_count);
  g_assert_cmpstr (loy_filter_button_get_summary (filters), ==,
                   "Category: In store · Label: payment, tier = gold");
  save_filters_screenshots (view, "campaigns-filters");

  /* Each label removable */
  remove_label (labels, "payment");
  assert_rows_of (view, in_store, "tier=gold");

  /* Nothing in Seasonal is paid for with points: the empty list says which
   * filters hide everything, and clears them. */
  remove_label (labels, "tier = gold");
  add_label (labels, "payment", NULL);
  tick_category (categories, "In store", FALSE);
  tick_category (categories, "Seasonal", TRUE);
  g_assert_cmpuint (assert_rows_of (view, seasonal, "payment"), ==, 0);
  gtk_menu_button_popdown (loy_filter_button_get_menu_button (filters));
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "empty");
  empty_page = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (view), LOY_TYPE_SECTION_VIEW, "empty_page");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty_page)), ==,
                   "Nothing matches the filters Category: Seasonal · Label: payment.");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "campaigns-filtered-empty");

  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (view), LOY_TYPE_SECTION_VIEW,
                                                        "clear_filters_button"), "clicked");
  g_assert_false (loy_filter_button_get_filtered (filters));
  g_assert_cmpuint (assert_rows_of (view, NULL, NULL), ==, n_all);
  g_assert_false (gtk_widget_get_visible (count_label));
  g_assert_null (loy_campaign_category_filter_dup_uuids (categories));
  g_assert_null (loy_campaign_label_filter_dup_labels (labels));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-campaigns-section"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);

  g_test_add_func ("/ui-campaigns-section/reach-column", test_reach_column);
  g_test_add_func ("/ui-campaigns-section/category-label-filters", test_category_label_filters);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
