/* test-ui-reward-list.c — the rewards list: its type and status filters
 * as the store's query, a deletion the store refuses, and one carried out
 * as the window closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-ui-rewards-fixture.h"

static char *database;

/* Contacts received it: the store refuses, the toast says why, and the
 * reward is listed again. */
static void
test_delete_refused (void)
{
  static const char *received = "6bfe1e50-b13a-49ab-85c9-98cd8b734da2";
  guint n_rewards;
  LoySectionView *rewards = show_rewards (&n_rewards);

  adw_toast_dismiss (delete_from_editor (received));
  loy_ui_test_wait_for_toast (GTK_WIDGET (window),
                              "Contacts have already received this reward, so it cannot be deleted. "
                              "Deactivate it instead.");
  loy_ui_test_wait_for_rows (rewards, n_rewards, "the rewards with the one not deleted");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "rewards-delete-refused");
  g_assert_false (reward_gone ((gpointer) received));
}

/* A deletion still waiting on its toast is carried out when the window closes. */
static void
test_delete_on_close (void)
{
  g_autoptr(LoyReward) reward = create_reward ("Paper Hat");
  g_autofree char *uuid = g_strdup (loy_reward_get_uuid (reward));

  delete_from_editor (uuid);
  g_assert_false (reward_gone (uuid));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (window);
  loy_ui_test_wait_for (reward_gone, uuid, "the reward to be deleted as the window closed");
}

typedef struct
{
  LoySectionView *view;
  guint           reward_types;
  gboolean        only_inactive;
} FilterWait;

static gboolean
list_filtered (gpointer data)
{
  FilterWait *wait = data;
  LoyPagedModel *model = loy_section_view_get_model (wait->view);
  const LoyQuery *query;

  /* The list is made when the section is first shown. */
  if (model == NULL)
    return FALSE;

  query = loy_paged_model_get_query (model);
  return query->reward_types == wait->reward_types &&
         query->only_inactive == wait->only_inactive &&
         loy_ui_test_section_loaded (wait->view);
}

/* The list's type and status filters go to the store as the query: the
 * rows on show are those of that type and status, all of them. */
static void
test_type_status_filter (void)
{
  LoyRewardsSection *section = get_section ();
  LoySectionView *view = loy_ui_test_show_section (window, "rewards");
  GtkDropDown *type_dropdown = loy_rewards_section_get_type_dropdown (section);
  GtkDropDown *status_dropdown = loy_rewards_section_get_status_dropdown (section);
  FilterWait wait = { view, 0, FALSE };
  g_autoptr(LoyQuery) expected_query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) expected = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *count_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), LOY_TYPE_SECTION_VIEW,
                                                                      "result_count_label"));
  g_autofree char *count = NULL;
  GListModel *model;
  guint n_all;

  loy_ui_test_wait_for (list_filtered, &wait, "the rewards");
  g_assert_false (gtk_widget_get_visible (count_label));
  n_all = g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view)));

  gtk_drop_down_set_selected (type_dropdown, 2);
  gtk_drop_down_set_selected (status_dropdown, 2);
  wait = (FilterWait) { view, 1 << LOY_REWARD_TYPE_DIGITAL, TRUE };
  loy_ui_test_wait_for (list_filtered, &wait, "the inactive digital rewards");

  expected_query->reward_types = 1 << LOY_REWARD_TYPE_DIGITAL;
  expected_query->only_inactive = TRUE;
  expected = loy_store_query_sync (loy_ui_test_get_store (), expected_query, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->total, >, 0);

  model = G_LIST_MODEL (loy_section_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->total);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LoyReward) reward = g_list_model_get_item (model, i);

      g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
      g_assert_false (loy_reward_get_is_active (reward));
    }
  /* Counted under the search */
  count = g_strdup_printf (expected->total == 1 ? "%u reward" : "%u rewards", expected->total);
  g_assert_true (gtk_widget_get_visible (count_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label)), ==, count);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "rewards-filtered");

  /* The button is highlighted and names the filters; Clear Filters sets both back. */
  g_assert_cmpstr (loy_filter_button_get_summary (loy_section_view_get_filter_button (view)), ==,
                   "Type: Digital · Status: Inactive");
  loy_ui_test_clear_filters (view);
  g_assert_cmpuint (gtk_drop_down_get_selected (type_dropdown), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (status_dropdown), ==, 0);
  wait = (FilterWait) { view, 0, FALSE };
  loy_ui_test_wait_for (list_filtered, &wait, "every reward again");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view))), ==, n_all);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-reward-list"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_test_add_func ("/ui-rewards/type-status-filter", test_type_status_filter);
  g_test_add_func ("/ui-rewards/delete-refused", test_delete_refused);
  /* Last: it closes the window. */
  g_test_add_func ("/ui-rewards/delete-on-close", test_delete_on_close);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
