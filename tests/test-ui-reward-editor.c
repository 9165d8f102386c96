/* test-ui-reward-editor.c — a reward's editor on the demo rewards: it shows
 * what is stored, in English and Dutch number formats; the image page on a
 * remote account; a refused save; a digital reward's codes left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "codes/loy-code-group-window.h"
#include "loy-error-bar.h"
#include "rest/loy-rest-store.h"
#include "rewards/loy-reward-advanced-page.h"
#include "rewards/loy-reward-image-page.h"
#include "test-ui-rewards-fixture.h"

static char *database;

/* The stored record of reward @uuid, column by column with each value's
 * type, read from the database file itself. */
static char *
stored_record (const char *uuid)
{
  g_autoptr(GString) record = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM rewards WHERE uuid = ?", -1, &statement, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  for (int i = 0; i < sqlite3_column_count (statement); i++)
    g_string_append_printf (record, "%s=%d:%s\n", sqlite3_column_name (statement, i),
                            sqlite3_column_type (statement, i),
                            (const char *) sqlite3_column_text (statement, i) ?: "");
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&record), FALSE);
}

static GStrv
stored_reward_uuids (void)
{
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid FROM rewards ORDER BY id", -1, &statement, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_strv_builder_add (uuids, (const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return g_strv_builder_end (uuids);
}

static LoyRewardEditor *
open_stored_reward (const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     uuid, NULL, &error);
  LoyRewardEditor *editor;

  g_assert_no_error (error);
  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  loy_ui_test_wait_for (image_checked, template_child (editor, "image_page"),
                        "the reward's image to be checked");

  return editor;
}

/* The Advanced page tells apart no value, zero and a value. */
static void
check_advanced_shows (LoyRewardEditor *editor,
                      LoyReward       *reward)
{
  gpointer advanced = template_child (editor, "advanced_page");
  gint64 stock = loy_reward_get_stock (reward);
  gint64 expiry = loy_reward_get_expiration_duration (reward);
  gint64 cost = loy_reward_get_cost_price_cents (reward);

  g_assert_cmpint (gtk_switch_get_active (template_child (advanced, "unlimited_switch")), ==,
                   stock == LOY_UNSET);
  if (stock != LOY_UNSET)
    {
      g_autofree char *text = loy_number_format_whole (NULL, stock);

      g_assert_cmpstr (gtk_editable_get_text (template_child (advanced, "stock_entry")), ==, text);
    }
  g_assert_cmpint (gtk_switch_get_active (template_child (advanced, "expires_switch")), ==,
                   expiry != LOY_UNSET);
  if (expiry != LOY_UNSET)
    {
      g_autofree char *text = loy_number_format_whole (NULL, (expiry + 86399) / 86400);

      g_assert_cmpstr (gtk_editable_get_text (template_child (advanced, "expiry_entry")), ==, text);
    }
  g_assert_cmpint (gtk_editable_get_text (template_child (advanced, "cost_entry"))[0] == '\0', ==,
                   cost == LOY_UNSET);
}

/* Every stored reward's editor shows what is stored: opened and closed, it
 * asks nothing; opened and saved, the stored record stays byte for byte
 * the same. */
static void
check_untouched_editors (void)
{
  g_auto(GStrv) uuids = stored_reward_uuids ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (uuids), ==, 16);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autofree char *before = stored_record (uuids[i]);
      g_autofree char *after = NULL;
      g_autoptr(JsonObject) changes = NULL;
      g_autoptr(JsonNode) changes_node = NULL;
      g_autofree char *changes_text = NULL;
      g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                         uuids[i], NULL, &error);
      LoyRewardEditor *editor;

      g_assert_no_error (error);
      editor = open_stored_reward (uuids[i]);
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      check_advanced_shows (editor, LOY_REWARD (reward));
      changes = loy_reward_editor_get_changes (editor);
      changes_node = json_node_init_object (json_node_alloc (), changes);
      changes_text = json_to_string (changes_node, FALSE);
      g_test_message ("%s: %s", uuids[i], changes_text);
      g_assert_cmpstr (changes_text, ==, "{}");

      gtk_window_close (GTK_WINDOW (editor));
      g_assert_null (loy_ui_test_get_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor)));
      loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the untouched editor to close");

      editor = open_stored_reward (uuids[i]);
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
      loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the untouched editor to save");

      after = stored_record (uuids[i]);
      g_assert_cmpstr (after, ==, before);
    }
}

/* The demo rewards, the last one also with zero cost, zero stock and an
 * expiry of an hour, which the page shows as a day but keeps; the one
 * before with a cost and stock in the thousands. */
static void
test_editor_untouched (void)
{
  g_auto(GStrv) uuids = stored_reward_uuids ();
  guint n_uuids = g_strv_length (uuids);
  g_autoptr(JsonObject) edge_values = json_object_new ();
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_int_member (edge_values, "cost_price", 0);
  json_object_set_int_member (edge_values, "stock", 0);
  json_object_set_int_member (edge_values, "expiration_duration", 3600);
  updated = loy_store_update_reward_sync (loy_ui_test_get_store (), uuids[n_uuids - 1], edge_values,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_reward_get_expiration_duration (updated), ==, 3600);
  g_clear_object (&updated);

  /* Values that group thousands, to be read back as shown. */
  g_clear_pointer (&edge_values, json_object_unref);
  edge_values = json_object_new ();
  json_object_set_double_member (edge_values, "cost_price", 12345.67);
  json_object_set_int_member (edge_values, "stock", 2500);
  updated = loy_store_update_reward_sync (loy_ui_test_get_store (), uuids[n_uuids - 2], edge_values,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_reward_get_cost_price_cents (updated), ==, 1234567);

  check_untouched_editors ();
}

/* The same where the comma is the decimal mark and the point groups. */
static void
test_editor_untouched_nl (void)
{
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("No nl_NL.UTF-8 locale");
      return;
    }

  check_untouched_editors ();
  setlocale (LC_NUMERIC, numeric);
}

/* On a remote account the image page says that the API cannot upload
 * images, and offers no file to choose. */
static void
test_image_remote (void)
{
  g_autoptr(LoyRestStore) remote = loy_rest_store_new ("http://127.0.0.1:9/api", "key");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  LoyRewardImagePage *page = g_object_new (LOY_TYPE_REWARD_IMAGE_PAGE, NULL);
  GtkWidget *remote_label;

  gtk_window_set_default_size (window, 600, 560);
  gtk_window_set_child (window, GTK_WIDGET (page));
  loy_reward_image_page_set_store (page, LOY_STORE (remote));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  remote_label = template_child (page, "remote_label");
  g_assert_true (gtk_widget_get_visible (remote_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (remote_label)),
                            "cannot upload images"));
  g_assert_false (gtk_widget_is_sensitive (loy_ui_test_find_descendant (GTK_WIDGET (page),
                                                                       GTK_TYPE_BUTTON,
                                                                       "image.choose")));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "reward-image-remote");

  gtk_window_destroy (window);
}

static gboolean
editor_idle (gpointer data)
{
  return !loy_reward_editor_get_busy (data);
}

/* A refused save shows the store's reason above the pages, until closed. */
static void
test_editor_error (void)
{
  g_autoptr(LoyReward) reward = create_reward ("Paper Boat");
  g_autoptr(GError) error = NULL;
  LoyRewardEditor *editor = loy_rewards_section_open_reward (get_section (), reward);
  LoyErrorBar *bar = template_child (editor, "error_bar");

  g_assert_null (loy_error_bar_get_message (bar));

  /* Deleted elsewhere (say, by loyctl) while the editor is open */
  loy_store_delete_sync (loy_ui_test_get_store (), LOY_KIND_REWARD, loy_reward_get_uuid (reward),
                         NULL, &error);
  g_assert_no_error (error);
  set_text (template_child (editor, "details_page"), "title_row", "Paper Ship");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  loy_ui_test_wait_for (editor_idle, editor, "the save to be refused");
  g_assert_nonnull (loy_error_bar_get_message (bar));
  g_test_message ("error: %s", loy_error_bar_get_message (bar));
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "rewards-editor-error");

  gtk_widget_activate_action (GTK_WIDGET (bar), "error-bar.close", NULL);
  g_assert_null (loy_error_bar_get_message (bar));
  gtk_window_destroy (GTK_WINDOW (editor));
}

typedef struct
{
  GtkWidget *row;
  char      *subtitle;
} RowSays;

/* The row's subtitle is the one wanted. */
static gboolean
row_says (gpointer data)
{
  RowSays *wait = data;

  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (wait->row)), wait->subtitle) == 0;
}

/* A digital reward's Codes page: the codes left in its group as the store
 * counts them, and Add Codes… opening the group's window to add more. */
static void
test_editor_codes (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GObject) group = NULL;
  g_autoptr(GError) error = NULL;
  LoyRewardEditor *editor;
  LoyReward *reward;
  gpointer step;
  GtkWindow *group_window;
  RowSays wait;

  query->search = g_strdup ("Cinema Ticket");
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);
  reward = g_ptr_array_index (page->items, 0);
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
  group = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CODE_GROUP,
                                 loy_reward_get_code_group_uuid (reward), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_code_group_get_total (LOY_CODE_GROUP (group)), >,
                   loy_code_group_get_available (LOY_CODE_GROUP (group)));

  editor = open_stored_reward (loy_reward_get_uuid (reward));
  adw_view_stack_set_visible_child_name (template_child (editor, "view_stack"), "codes");
  step = template_child (editor, "code_step");
  wait.row = GTK_WIDGET (gtk_widget_get_template_child (step, LOY_TYPE_CODE_STEP, "code_group_row"));
  g_assert_true (gtk_widget_get_visible (wait.row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (step, LOY_TYPE_CODE_STEP,
                                                                                     "pattern_row"))));
  wait.subtitle = g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " codes left",
                                   loy_code_group_get_available (LOY_CODE_GROUP (group)),
                                   loy_code_group_get_total (LOY_CODE_GROUP (group)));
  loy_ui_test_wait_for (row_says, &wait, "the codes left");
  g_free (wait.subtitle);
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "reward-editor-codes");

  gtk_widget_activate_action (GTK_WIDGET (step), "code-step.add-codes", NULL);
  group_window = loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_GROUP_WINDOW, GTK_WINDOW (editor),
                                                "the code group window");
  g_assert_cmpstr (loy_code_group_get_uuid (loy_code_group_window_get_group (LOY_CODE_GROUP_WINDOW (group_window))),
                   ==, loy_code_group_get_uuid (LOY_CODE_GROUP (group)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (template_child (group_window, "view_stack")), ==, "add");
  gtk_window_destroy (group_window);
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-reward-editor"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* First: the demo rewards alone. */
  g_test_add_func ("/ui-rewards/editor-untouched", test_editor_untouched);
  g_test_add_func ("/ui-rewards/editor-untouched-nl", test_editor_untouched_nl);
  g_test_add_func ("/ui-rewards/image-remote", test_image_remote);
  g_test_add_func ("/ui-rewards/editor-error", test_editor_error);
  g_test_add_func ("/ui-rewards/editor-codes", test_editor_codes);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
