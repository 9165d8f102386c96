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

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
