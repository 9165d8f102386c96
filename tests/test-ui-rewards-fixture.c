/* test-ui-rewards-fixture.c — the window the rewards tests drive, and the
 * steps more than one of them takes in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rewards/loy-reward-image-page.h"
#include "test-ui-rewards-fixture.h"

LoyWindow *window;

gpointer
template_child (gpointer    widget,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  g_assert_nonnull (child);
  return child;
}

LoyRewardsSection *
get_section (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "rewards");
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_REWARDS_SECTION);

  g_assert_nonnull (section);
  /* "New Reward" and the filters are there: the store can create rewards. */
  g_assert_true (gtk_widget_get_visible (template_child (section, "new_button")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (loy_section_view_get_filter_button (view))));

  return LOY_REWARDS_SECTION (section);
}

void
set_text (gpointer    widget,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (widget, name)), text);
}

gboolean
image_checked (gpointer data)
{
  return !loy_reward_image_page_get_busy (data);
}

gboolean
reward_gone (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     data, NULL, &error);

  if (reward != NULL)
    return FALSE;

  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  return TRUE;
}

GtkWindow *
wait_for_delete_question (LoyRewardEditor *editor,
                          LoyReward       *reward)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CODE_GROUP,
                                                    loy_reward_get_code_group_uuid (reward),
                                                    NULL, &error);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWindow *dialog;

  g_assert_no_error (error);
  g_assert_cmpint (loy_code_group_get_available (LOY_CODE_GROUP (group)), >, 1);

  dialog = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor),
                                          "the question before deleting a digital reward");
  heading = g_strdup_printf ("Delete “%s”?", loy_reward_get_title (reward));
  body = g_strdup_printf ("The reward goes, and its code group “%s” with %'" G_GINT64_FORMAT
                          " unused codes.",
                          loy_code_group_get_name (LOY_CODE_GROUP (group)),
                          loy_code_group_get_available (LOY_CODE_GROUP (group)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");

  return dialog;
}

AdwToast *
delete_from_editor (const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     uuid, NULL, &error);
  g_autofree char *title = NULL;
  LoyRewardEditor *editor;

  g_assert_no_error (error);
  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor)));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  if (loy_reward_get_code_group_uuid (LOY_REWARD (reward)) != NULL)
    loy_ui_test_respond (wait_for_delete_question (editor, LOY_REWARD (reward)), "delete");
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the editor to close");

  title = g_strdup_printf ("“%s” deleted", loy_reward_get_title (LOY_REWARD (reward)));

  return loy_ui_test_wait_for_toast (GTK_WIDGET (window), title);
}

LoySectionView *
show_rewards (guint *n_rewards)
{
  LoySectionView *rewards = loy_ui_test_show_section (window, "rewards");

  loy_ui_test_wait_for (loy_ui_test_section_loaded, rewards, "the rewards");
  *n_rewards = g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (rewards)));

  return rewards;
}

LoyReward *
create_reward (const char *title)
{
  g_autoptr(LoyReward) draft = loy_reward_new ();
  g_autoptr(GError) error = NULL;
  LoyReward *reward;

  loy_reward_set_title (draft, title);
  loy_reward_set_required_credits (draft, 5);
  reward = loy_store_create_reward_sync (loy_ui_test_get_store (), draft, NULL, &error);
  g_assert_no_error (error);

  return reward;
}
