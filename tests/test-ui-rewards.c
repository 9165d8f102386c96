/* test-ui-rewards.c — the create-reward wizard end to end on a temporary
 * demo database, and the reward it makes followed on: a digital reward with
 * an image, 100 generated codes, a birthday filter and the customer app
 * only; what the store holds afterwards; validation; the question before
 * discarding; the code group window's import summary; the editor saving
 * one changed field and asking before discarding edits; deleting with
 * Undo. Every step is saved as a screenshot under tests/screenshots/ in
 * the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "codes/loy-code-group-window.h"
#include "codes/loy-code-groups-section.h"
#include "codes/loy-codes-page.h"
#include "loy-ui-test.h"
#include "rewards/loy-reward-advanced-page.h"
#include "rewards/loy-reward-image-page.h"
#include "rewards/loy-rewards-section.h"
#include "rewards/loy-view-filter-editor.h"
#include "test-ui-rewards-fixture.h"

static char *database;
static char *tmp_dir;
static char *created_uuid;

static LoyCodeGroupsSection *
get_code_groups_section (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "code-groups");

  return LOY_CODE_GROUPS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                           LOY_TYPE_CODE_GROUPS_SECTION));
}

static const char *
label_text (gpointer    widget,
            const char *name)
{
  GtkLabel *label = template_child (widget, name);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

static gboolean
next_enabled (LoyRewardWizard *wizard)
{
  return gtk_widget_get_sensitive (template_child (wizard, "next_button"));
}

static void
next_step (LoyRewardWizard *wizard,
           const char      *expected)
{
  g_assert_true (next_enabled (wizard));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpstr (loy_reward_wizard_get_step (wizard), ==, expected);
}

static char *
write_png (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar pixels[64 * 48 * 3];
  char *path = g_build_filename (tmp_dir, "voucher.png", NULL);

  for (guint i = 0; i < sizeof pixels; i += 3)
    {
      pixels[i] = 0xe6;
      pixels[i + 1] = (i / 3) % 64 < 32 ? 0x61 : 0xc0;
      pixels[i + 2] = 0x00;
    }
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (64, 48, GDK_MEMORY_R8G8B8, bytes, 64 * 3);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static gboolean
codes_counted (gpointer data)
{
  return !loy_code_step_get_busy (data);
}

static void
reward_created_cb (LoyRewardWizard *wizard,
                   LoyReward       *reward,
                   guint64          codes_added)
{
  g_assert_cmpuint (codes_added, ==, 100);
  created_uuid = g_strdup (loy_reward_get_uuid (reward));
}

/* Title and points are required; points a positive whole number, or the
 * field says why not. */
static void
check_details_validation (LoyRewardWizard *wizard)
{
  static const struct {
    const char *typed;
    const char *problem;
  } bad_points[] = {
    { "0", "Enter at least 1" },
    { "-5", "Enter at least 1" },
    { "12.5", "Enter a whole number" },
    { "ten", "“ten” is not a number such as 1250" },
    { "999999999999999999999", "Enter at most 1000000000" },
  };
  gpointer details = template_child (wizard, "details_page");

  g_assert_false (next_enabled (wizard));
  g_assert_cmpstr (label_text (details, "problem_label"), ==, "Enter a title for the reward");
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-details-empty");

  set_text (details, "title_row", "Birthday Voucher");
  g_assert_false (next_enabled (wizard));
  g_assert_cmpstr (label_text (details, "problem_label"), ==,
                   "Enter the points a contact needs to claim the reward");

  for (guint i = 0; i < G_N_ELEMENTS (bad_points); i++)
    {
      set_text (details, "points_entry", bad_points[i].typed);
      g_assert_false (next_enabled (wizard));
      g_assert_cmpstr (loy_ui_test_shown_problem (template_child (details, "points_entry")), ==,
                       bad_points[i].problem);
      g_assert_null (label_text (details, "problem_label"));
      if (i == 3)
        loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-details-invalid");
    }

  set_text (details, "title_row", "   ");
  set_text (details, "points_entry", "150");
  g_assert_false (next_enabled (wizard));

  set_text (details, "title_row", "Birthday Voucher");
  g_assert_true (next_enabled (wizard));
  g_assert_null (label_text (details, "problem_label"));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-details");
}

/* Closing with something entered asks first; Keep Editing keeps it all. */
static void
check_close_asks (LoyRewardWizard *wizard)
{
  GtkWindow *dialog;

  gtk_window_close (GTK_WINDOW (wizard));
  dialog = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (wizard),
                                          "the question before discarding");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Discard Reward?");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "wizard-discard");

  loy_ui_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));
  g_assert_cmpstr (loy_reward_wizard_get_step (wizard), ==, "details");
}

static gboolean
is_row_with_subtitle (GtkWidget     *widget,
                      gconstpointer  subtitle)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static void
test_wizard (void)
{
  LoyRewardsSection *section = get_section ();
  LoyRewardWizard *wizard = loy_rewards_section_new_reward (section);
  g_autofree char *png = write_png ();
  g_autofree char *text = write_file ("notes.txt", "not an image\n");
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autofree char *image_uri = NULL;
  g_autoptr(GBytes) image_bytes = NULL;
  g_autoptr(GdkTexture) image_texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) found = NULL;
  g_autoptr(GObject) group = NULL;
  gpointer image, codes, step, filters, advanced;
  const LoyViewFilter *filter;
  LoyReward *reward;

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  g_signal_connect (wizard, "created", G_CALLBACK (reward_created_cb), NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard)));
  g_assert_cmpstr (loy_reward_wizard_get_step (wizard), ==, "type");
  /* The first page has nothing to go back to. */
  g_assert_false (gtk_widget_get_visible (template_child (wizard, "back_button")));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-type");

  /* At phone width the kinds stack up and the row of steps is left to the subtitle. */
  gtk_window_set_default_size (GTK_WINDOW (wizard), 360, 720);
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-type-narrow");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 360);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "DIGITAL");
  g_assert_false (gtk_widget_get_visible (template_child (wizard, "step_box")));
  g_assert_true (gtk_widget_get_visible (template_child (wizard, "back_button")));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-details-narrow");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 360);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  gtk_window_set_default_size (GTK_WINDOW (wizard), 680, 760);

  /* Title and required points */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "DIGITAL");
  g_assert_cmpstr (loy_reward_wizard_get_step (wizard), ==, "details");
  check_details_validation (wizard);
  check_close_asks (wizard);

  /* Image: a file that is not an image is refused with a reason */
  next_step (wizard, "image");
  image = template_child (wizard, "image_page");
  loy_reward_image_page_set_file (image, text_file);
  loy_ui_test_wait_for (image_checked, image, "the text file to be checked");
  g_assert_null (loy_reward_image_page_get_uri (image));
  g_assert_nonnull (label_text (image, "message_label"));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-image-refused");

  loy_reward_image_page_set_file (image, png_file);
  loy_ui_test_wait_for (image_checked, image, "the image to be checked");
  /* Copied into the program at once, under the file's name */
  image_uri = g_strdup (loy_reward_image_page_get_uri (image));
  g_assert_nonnull (loy_image_uri_get_uuid (image_uri));
  g_assert_cmpstr (loy_reward_image_page_get_name (image), ==, "voucher.png");
  g_assert_null (label_text (image, "message_label"));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-image");

  /* Codes: none yet is allowed but warned about; a pattern too small for the count is not */
  next_step (wizard, "codes");
  codes = template_child (wizard, "codes_page");
  step = loy_codes_page_get_step (codes);
  g_assert_nonnull (label_text (codes, "empty_label"));
  g_assert_true (next_enabled (wizard));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-codes-empty");

  /* A count that is not one is refused as typed, not read as 1. */
  set_text (step, "pattern_row", "BDAY-XXXX-####");
  set_text (step, "count_entry", "abc");
  g_assert_cmpstr (loy_ui_test_shown_problem (template_child (step, "count_entry")), ==,
                   "“abc” is not a number such as 1250");
  g_assert_nonnull (loy_code_step_get_problem (step));
  g_assert_false (next_enabled (wizard));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-codes-count-refused");
  set_text (step, "count_entry", "0");
  g_assert_cmpstr (loy_ui_test_shown_problem (template_child (step, "count_entry")), ==, "Enter at least 1");
  g_assert_false (next_enabled (wizard));

  set_text (step, "count_entry", "100");
  g_assert_null (loy_ui_test_shown_problem (template_child (step, "count_entry")));
  set_text (step, "pattern_row", "BDAY-#");
  g_assert_nonnull (loy_code_step_get_problem (step));
  g_assert_nonnull (label_text (step, "problem_label"));
  g_assert_false (next_enabled (wizard));

  set_text (step, "pattern_row", "BDAY-XXXX-####");
  g_assert_null (loy_code_step_get_problem (step));
  loy_ui_test_wait_for (codes_counted, step, "the codes to be counted");
  g_assert_cmpuint (loy_code_step_get_count (step), ==, 100);
  g_assert_null (label_text (codes, "empty_label"));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-codes");

  /* View filters: around the date of birth, customer app only */
  next_step (wizard, "filters");
  filters = template_child (wizard, "filter_page");
  adw_combo_row_set_selected (template_child (filters, "condition_row"), LOY_CONDITION_DATE_WINDOW);
  /* A yearly date starts out as the date of birth; without an attribute there is no going on. */
  g_assert_cmpstr (gtk_editable_get_text (template_child (filters, "attribute_row")), ==,
                   "date_of_birth");
  g_assert_true (next_enabled (wizard));
  set_text (filters, "attribute_row", "");
  g_assert_false (next_enabled (wizard));
  g_assert_nonnull (label_text (filters, "problem_label"));
  set_text (filters, "attribute_row", "date_of_birth");
  /* More days than a year is refused, not cut to 366. */
  set_text (filters, "days_before_entry", "999");
  g_assert_cmpstr (loy_ui_test_shown_problem (template_child (filters, "days_before_entry")), ==,
                   "Enter at most 366");
  g_assert_false (next_enabled (wizard));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-filters-days-refused");
  set_text (filters, "days_before_entry", "7");
  set_text (filters, "days_after_entry", "7");
  adw_combo_row_set_selected (template_child (filters, "platform_row"), 2);
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-filters");

  /* Advanced, and Back keeps what was entered */
  next_step (wizard, "advanced");
  advanced = template_child (wizard, "advanced_page");
  set_text (advanced, "cost_entry", "abc");
  g_assert_cmpstr (loy_ui_test_shown_problem (template_child (advanced, "cost_entry")), ==,
                   "“abc” is not an amount such as 12.50");
  g_assert_false (next_enabled (wizard));
  set_text (advanced, "stock_entry", "-50");
  gtk_switch_set_active (template_child (advanced, "unlimited_switch"), FALSE);
  g_assert_cmpstr (loy_ui_test_shown_problem (template_child (advanced, "stock_entry")), ==,
                   "Enter a number that is not negative");
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-advanced-refused");
  gtk_switch_set_active (template_child (advanced, "unlimited_switch"), TRUE);
  set_text (advanced, "cost_entry", "4,50");
  g_assert_true (next_enabled (wizard));
  loy_reward_advanced_page_add_attribute (advanced, "sku", "BD-2024");
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-advanced");

  next_step (wizard, "summary");
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), "wizard-summary");
  /* The attribute reads as words there, not as its stored name. */
  g_assert_nonnull (loy_ui_test_find_matching (GTK_WIDGET (wizard), is_row_with_subtitle,
                                               "From 7 days before to 7 days after each year’s "
                                               "“Date of birth”"));
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
  g_assert_cmpstr (loy_reward_wizard_get_step (wizard), ==, "filters");
  g_assert_cmpstr (gtk_editable_get_text (template_child (filters, "attribute_row")), ==, "date_of_birth");
  next_step (wizard, "advanced");
  g_assert_cmpstr (gtk_editable_get_text (template_child (advanced, "cost_entry")), ==, "4,50");
  next_step (wizard, "summary");

  /* Create: the reward, then its 100 codes; the wizard closes */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &wizard,
                        "the wizard to create the reward and close");
  g_assert_nonnull (created_uuid);

  found = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD, created_uuid, NULL,
                                 &error);
  g_assert_no_error (error);
  reward = LOY_REWARD (found);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Birthday Voucher");
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 150);
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
  g_assert_true (loy_reward_get_is_active (reward));
  g_assert_cmpstr (loy_reward_get_media_type (reward), ==, "image");
  g_assert_cmpstr (loy_reward_get_media_value (reward), ==, image_uri);
  /* The program has the image, not the file. */
  g_assert_cmpint (g_unlink (png), ==, 0);
  image_bytes = loy_store_load_image_sync (loy_ui_test_get_store (), image_uri, NULL, &error);
  g_assert_no_error (error);
  image_texture = gdk_texture_new_from_bytes (image_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (image_texture), ==, 64);
  g_assert_cmpint (gdk_texture_get_height (image_texture), ==, 48);
  g_assert_cmpint (loy_reward_get_cost_price_cents (reward), ==, 450);
  g_assert_cmpint (loy_reward_get_stock (reward), ==, LOY_UNSET);
  g_assert_cmpstr (json_object_get_string_member (loy_reward_get_custom_attributes (reward), "sku"),
                   ==, "BD-2024");

  filter = loy_reward_get_view_filter (reward);
  g_assert_nonnull (filter);
  g_assert_cmpint (filter->platforms, ==, LOY_PLATFORM_CUSTOMER_APP);
  g_assert_cmpint (filter->condition, ==, LOY_CONDITION_DATE_WINDOW);
  g_assert_cmpstr (filter->attribute, ==, "date_of_birth");
  g_assert_cmpuint (filter->days_before, ==, 7);
  g_assert_cmpuint (filter->days_after, ==, 7);
  g_assert_true (filter->shop_uuids == NULL || filter->shop_uuids[0] == NULL);

  g_assert_nonnull (loy_reward_get_code_group_uuid (reward));
  group = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CODE_GROUP,
                                 loy_reward_get_code_group_uuid (reward), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_code_group_get_name (LOY_CODE_GROUP (group)), ==, "Birthday Voucher");
  g_assert_cmpint (loy_code_group_get_total (LOY_CODE_GROUP (group)), ==, 100);
  g_assert_cmpint (loy_code_group_get_available (LOY_CODE_GROUP (group)), ==, 100);
}

/* A physical reward skips the codes step. */
static void
test_wizard_physical_steps (void)
{
  LoyRewardWizard *wizard = loy_rewards_section_new_reward (get_section ());

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "PHYSICAL");
  set_text (template_child (wizard, "details_page"), "title_row", "Tote Bag");
  set_text (template_child (wizard, "details_page"), "points_entry", "40");
  next_step (wizard, "image");
  next_step (wizard, "filters");

  /* Discarding closes without writing. */
  gtk_window_close (GTK_WINDOW (wizard));
  loy_ui_test_respond (loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (wizard),
                                                     "the question before discarding"),
                       "discard");
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &wizard, "the wizard to close");
}

static gboolean
window_has_summary (gpointer data)
{
  return loy_code_group_window_get_summary (data) != NULL &&
         !loy_code_group_window_get_busy (data);
}

static gboolean
group_has_total (gpointer data)
{
  return g_str_equal (gtk_label_get_label (template_child (data, "total_label")), "103");
}

/* The first page of codes has arrived (not placeholders). */
static gboolean
codes_listed (gpointer data)
{
  GListModel *model = gtk_single_selection_get_model (template_child (data, "selection"));
  g_autoptr(LoyCode) first = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;

  first = g_list_model_get_item (model, 0);

  return loy_code_get_uuid (first) != NULL;
}

static gboolean
qr_shown (gpointer data)
{
  return gtk_picture_get_paintable (template_child (data, "qr_picture")) != NULL;
}

/* Importing a file with a duplicate and an invalid line. */
static void
test_code_group_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     created_uuid, NULL, &error);
  g_autoptr(GObject) group = NULL;
  g_autofree char *long_code = g_strnfill (200, 'Z');
  g_autofree char *contents = g_strdup_printf ("BDAY-EXTRA-1\nBDAY-EXTRA-2\nBDAY-EXTRA-1\n%s\nBDAY-EXTRA-3\n",
                                               long_code);
  g_autofree char *path = write_file ("codes.txt", contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LoyCodeGroupWindow *group_window;
  gpointer codes_page;
  const char *summary;
  g_autofree char *export_dir = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *toast_title = NULL;
  g_autofree char *exported = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  group = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CODE_GROUP,
                                 loy_reward_get_code_group_uuid (LOY_REWARD (reward)), NULL, &error);
  g_assert_no_error (error);

  group_window = loy_code_groups_section_open_group (get_code_groups_section (), LOY_CODE_GROUP (group));
  g_object_add_weak_pointer (G_OBJECT (group_window), (gpointer *) &group_window);
  /* The window says which group it shows, in its title and above the counts. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (group_window)), ==,
                   loy_code_group_get_name (LOY_CODE_GROUP (group)));
  g_assert_cmpstr (label_text (group_window, "name_label"), ==,
                   loy_code_group_get_name (LOY_CODE_GROUP (group)));
  g_assert_nonnull (label_text (group_window, "reward_label"));
  g_assert_false (gtk_widget_has_css_class (template_child (group_window, "qr_label"), "monospace"));
  g_assert_cmpstr (gtk_label_get_label (template_child (group_window, "available_label")), ==, "100");
  g_assert_cmpstr (gtk_label_get_label (template_child (group_window, "forecast_label")), ==,
                   "No codes redeemed in the last 30 days");
  loy_ui_test_wait_for (codes_listed, group_window, "the group's codes");
  gtk_single_selection_set_selected (template_child (group_window, "selection"), 0);
  loy_ui_test_wait_for (qr_shown, group_window, "the selected code's QR image");
  loy_ui_test_save_screenshot (GTK_WIDGET (group_window), "codes-group");
  g_assert_true (gtk_widget_has_css_class (template_child (group_window, "qr_label"), "monospace"));

  /* A refused warning threshold says why beside it, and is not saved: no
   * write keeps the window alive once it is closed below. */
  set_text (group_window, "threshold_entry", "-3");
  g_assert_cmpstr (loy_ui_test_shown_problem (template_child (group_window, "threshold_entry")), ==,
                   "Enter a number that is not negative");

  /* At phone width the QR image goes under the list, which keeps the whole width. */
  gtk_window_set_default_size (GTK_WINDOW (group_window), 360, 760);
  g_assert_cmpint (gtk_orientable_get_orientation (template_child (group_window, "codes_box")), ==,
                   GTK_ORIENTATION_VERTICAL);
  loy_ui_test_save_screenshot (GTK_WIDGET (group_window), "codes-group-narrow");
  g_assert_cmpint (gtk_widget_get_width (template_child (group_window, "column_view")), >=, 300);
  gtk_window_set_default_size (GTK_WINDOW (group_window), 900, 760);

  adw_view_stack_set_visible_child_name (template_child (group_window, "view_stack"), "add");
  codes_page = template_child (group_window, "codes_page");
  loy_code_step_add_file (loy_codes_page_get_step (codes_page), file);
  loy_ui_test_wait_for (codes_counted, loy_codes_page_get_step (codes_page), "the file's codes to be counted");
  g_assert_cmpuint (loy_code_step_get_count (loy_codes_page_get_step (codes_page)), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (group_window), "group.add-codes", NULL);
  loy_ui_test_wait_for (window_has_summary, group_window, "the import summary");
  summary = loy_code_group_window_get_summary (group_window);
  g_test_message ("summary: %s", summary);
  g_assert_true (g_str_has_prefix (summary, "3 codes added, 1 duplicate skipped, 1 invalid line skipped"));
  g_assert_nonnull (strstr (summary, "Line 3:"));
  g_assert_nonnull (strstr (summary, "Line 4: Longer than 128 characters"));
  /* The result shows on the page, the skipped lines selectable. */
  g_assert_true (gtk_widget_get_visible (template_child (codes_page, "result_group")));
  g_assert_cmpstr (label_text (codes_page, "added_label"), ==, "3");
  g_assert_cmpstr (label_text (codes_page, "duplicates_label"), ==, "1");
  g_assert_cmpstr (label_text (codes_page, "invalid_label"), ==, "1");
  g_assert_nonnull (strstr (label_text (codes_page, "skipped_label"), "Line 4: Longer than 128 characters"));
  loy_ui_test_wait_for (group_has_total, group_window, "the counts to be read again");
  loy_ui_test_save_screenshot (GTK_WIDGET (group_window), "codes-group-import");

  /* Export… writes the group's 103 codes and says so, naming the file. */
  export_dir = g_dir_make_tmp ("loy-export-XXXXXX", &error);
  g_assert_no_error (error);
  export_path = g_build_filename (export_dir, "codes.csv", NULL);
  gtk_widget_activate_action (GTK_WIDGET (group_window), "group.export", NULL);
  loy_ui_test_choose_save_file (GTK_WINDOW (group_window), export_path);
  toast_title = g_strdup_printf ("103 codes exported to %s", export_path);
  loy_ui_test_wait_for_toast (GTK_WIDGET (group_window), toast_title);
  g_file_get_contents (export_path, &exported, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (exported, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "code,status,contact_uuid,issued_at");
  g_assert_cmpuint (g_strv_length (lines), ==, 103 + 2);
  g_assert_false (loy_code_group_window_get_busy (group_window));
  g_unlink (export_path);
  g_rmdir (export_dir);

  gtk_window_destroy (GTK_WINDOW (group_window));
  g_assert_null (group_window);
}

/* The editor sends only what changed. */
static void
test_editor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     created_uuid, NULL, &error);
  g_autoptr(GObject) saved = NULL;
  g_autoptr(JsonObject) changes = NULL;
  LoyRewardEditor *editor;

  g_assert_no_error (error);
  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* Save stays off while the reward's image is being checked. */
  loy_ui_test_wait_for (image_checked, template_child (editor, "image_page"),
                        "the reward's image to be checked");

  changes = loy_reward_editor_get_changes (editor);
  g_assert_cmpuint (json_object_get_size (changes), ==, 0);
  g_clear_pointer (&changes, json_object_unref);
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "rewards-editor");

  /* At phone width the tabs move to a bar at the bottom; no allocation warnings. */
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  g_assert_true (adw_view_switcher_bar_get_reveal (template_child (editor, "switcher_bar")));
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "rewards-editor-narrow");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (editor), 860, 760);
  g_assert_false (adw_view_switcher_bar_get_reveal (template_child (editor, "switcher_bar")));

  set_text (template_child (editor, "details_page"), "title_row", "Birthday Treat");
  changes = loy_reward_editor_get_changes (editor);
  g_assert_cmpuint (json_object_get_size (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (changes, "title"), ==, "Birthday Treat");

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the editor to save and close");

  saved = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD, created_uuid, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_reward_get_title (LOY_REWARD (saved)), ==, "Birthday Treat");
  g_assert_cmpint (loy_reward_get_required_credits (LOY_REWARD (saved)), ==, 150);
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The titles of @list_box's rows, one line each, and the first row's subtitle. */
static char *
list_titles (GtkWidget   *list_box,
             const char **first_subtitle)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  *first_subtitle = NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (list_box);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_string_append_printf (titles, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      if (*first_subtitle == NULL)
        *first_subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* The contact attribute of a condition is offered from the contacts' own,
 * with their types, dates first around a yearly date; a click fills it in. */
static void
test_view_filter_attributes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     created_uuid, NULL, &error);
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(JsonNode) city = json_from_string ("\"Utrecht\"", NULL);
  g_autoptr(JsonNode) member_since = json_from_string ("\"2024-01-05\"", NULL);
  g_autoptr(LoyViewFilter) filter = NULL;
  g_autofree char *titles = NULL;
  const char *subtitle;
  LoyRewardEditor *editor;
  LoyViewFilterEditor *filters;
  GtkWidget *button;
  GtkWidget *menu_button;
  GtkWidget *list_box;
  GtkWidget *row;

  g_assert_no_error (error);

  /* Besides the demo contacts' date_of_birth: a rarer date and a text. */
  loy_contact_set_email (template, "attributes@example.com");
  loy_contact_set_attribute (template, "city", city);
  loy_contact_set_attribute (template, "member_since", member_since);
  contact = loy_store_enroll_contact_sync (loy_ui_test_get_store (), template, "test", NULL, &error);
  g_assert_no_error (error);

  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  adw_view_stack_set_visible_child_name (template_child (editor, "view_stack"), "filters");
  filters = template_child (editor, "filter_page");
  button = template_child (filters, "attribute_button");
  loy_ui_test_wait_for (widget_visible, button, "the contact attributes to load");
  menu_button = loy_ui_test_find_descendant (button, GTK_TYPE_MENU_BUTTON, NULL);
  list_box = loy_ui_test_find_descendant (button, GTK_TYPE_LIST_BOX, NULL);

  /* The reward shows around the date of birth: dates first, then by how common. */
  g_assert_cmpint (adw_combo_row_get_selected (template_child (filters, "condition_row")), ==,
                   LOY_CONDITION_DATE_WINDOW);
  titles = list_titles (list_box, &subtitle);
  g_assert_cmpstr (titles, ==, "date_of_birth\nmember_since\ncity\n");
  g_assert_true (g_str_has_prefix (subtitle, "Date · "));
  g_assert_true (g_str_has_suffix (subtitle, " contacts"));

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "rewards-view-filter");
  loy_ui_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                               "rewards-view-filter-attributes");

  /* Another condition: by how common only; choosing fills the condition. */
  adw_combo_row_set_selected (template_child (filters, "condition_row"), LOY_CONDITION_EQUALS);
  g_clear_pointer (&titles, g_free);
  titles = list_titles (list_box, &subtitle);
  g_assert_cmpstr (titles, ==, "date_of_birth\ncity\nmember_since\n");
  row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (list_box));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Text · 1 contact");
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (gtk_editable_get_text (template_child (filters, "attribute_row")), ==, "city");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)))));

  set_text (filters, "value_row", "Utrecht");
  filter = loy_view_filter_editor_get_filter (filters);
  g_assert_cmpint (filter->condition, ==, LOY_CONDITION_EQUALS);
  g_assert_cmpstr (filter->attribute, ==, "city");
  g_assert_cmpstr (filter->value, ==, "Utrecht");

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Closing with unsaved edits asks first: Cancel keeps them, Discard drops them. */
static void
test_editor_discard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     created_uuid, NULL, &error);
  g_autoptr(GObject) stored = NULL;
  gpointer details;
  LoyRewardEditor *editor;
  GtkWindow *dialog;

  g_assert_no_error (error);

  /* Nothing changed: no question. */
  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  loy_ui_test_wait_for (image_checked, template_child (editor, "image_page"),
                        "the reward's image to be checked");
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_null (loy_ui_test_get_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor)));
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the unchanged editor to close");

  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  loy_ui_test_wait_for (image_checked, template_child (editor, "image_page"),
                        "the reward's image to be checked");
  details = template_child (editor, "details_page");
  set_text (details, "points_entry", "175");

  gtk_window_close (GTK_WINDOW (editor));
  dialog = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor),
                                          "the question before discarding");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Discard Changes?");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "rewards-editor-discard");
  loy_ui_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (template_child (details, "points_entry")), ==, "175");

  gtk_window_close (GTK_WINDOW (editor));
  loy_ui_test_respond (loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor),
                                                     "the question before discarding"),
                       "discard");
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the editor to close without saving");

  stored = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD, created_uuid, NULL,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_reward_get_required_credits (LOY_REWARD (stored)), ==, 150);
}

/* A digital reward asks first, naming its code group and unused codes;
 * Cancel keeps the editor open and the reward listed and stored. */
static void
test_delete_question (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                                     created_uuid, NULL, &error);
  guint n_rewards;
  LoySectionView *rewards = show_rewards (&n_rewards);
  LoyRewardEditor *editor;
  GtkWindow *dialog;

  g_assert_no_error (error);
  editor = loy_rewards_section_open_reward (get_section (), LOY_REWARD (reward));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  dialog = wait_for_delete_question (editor, LOY_REWARD (reward));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "rewards-delete-codes");

  loy_ui_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor)));
  loy_ui_test_wait_for_rows (rewards, n_rewards, "the rewards with the one kept");
  g_assert_false (reward_gone (created_uuid));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* While the toast shows, the reward is out of the list; Undo keeps it:
 * nothing is deleted, even once the toast has gone, and it is listed again. */
static void
test_delete_undo (void)
{
  guint n_rewards;
  LoySectionView *rewards = show_rewards (&n_rewards);
  AdwToast *toast = delete_from_editor (created_uuid);

  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  loy_ui_test_wait_for_rows (rewards, n_rewards - 1, "the rewards without the one being deleted");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "rewards-deleted");
  g_assert_false (reward_gone (created_uuid));

  loy_ui_test_click_toast_button (GTK_WIDGET (window), toast);
  loy_ui_test_wait_for_rows (rewards, n_rewards, "the rewards with the one kept");
  g_assert_false (reward_gone (created_uuid));
}

/* Without Undo, the reward is deleted once the toast goes, and the list is read again. */
static void
test_delete (void)
{
  guint n_rewards;
  LoySectionView *rewards = show_rewards (&n_rewards);

  adw_toast_dismiss (delete_from_editor (created_uuid));
  loy_ui_test_wait_for (reward_gone, created_uuid, "the reward to be deleted");
  loy_ui_test_wait_for_rows (rewards, n_rewards - 1, "the rewards without the deleted one");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-rewards"))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("loy-test-ui-rewards-XXXXXX", &error);
  g_assert_no_error (error);
  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_test_add_func ("/ui-rewards/wizard", test_wizard);
  g_test_add_func ("/ui-rewards/wizard-physical-steps", test_wizard_physical_steps);
  g_test_add_func ("/ui-rewards/code-group-import", test_code_group_import);
  g_test_add_func ("/ui-rewards/editor", test_editor);
  g_test_add_func ("/ui-rewards/view-filter-attributes", test_view_filter_attributes);
  g_test_add_func ("/ui-rewards/editor-discard", test_editor_discard);
  g_test_add_func ("/ui-rewards/delete-question", test_delete_question);
  g_test_add_func ("/ui-rewards/delete-undo", test_delete_undo);
  g_test_add_func ("/ui-rewards/delete", test_delete);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  loy_ui_test_remove_dir (tmp_dir);
  g_free (database);
  g_free (tmp_dir);
  g_free (created_uuid);

  return ret;
}
