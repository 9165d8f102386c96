/* test-ui-campaign-editor.c — the campaign wizard's and editor's pages: texts in several
 * languages, changing the type, activity and visibility to the minute in a time zone, driven
 * through the real window on a temporary demo database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "campaigns/loy-campaign-basic-page.h"
#include "campaigns/loy-campaign-limits-page.h"
#include "codes/loy-code-group-window.h"
#include "codes/loy-codes-page.h"
#include "campaigns/loy-campaign-schedule-page.h"
#include "loy-date-time-row.h"
#include "loy-error-bar.h"
#include "loy-task-bar.h"
#include "rewards/loy-reward-image-page.h"
#include "loy-campaign-test.h"

static LoyWindow *window;
static char *database;

static const char *
language_subtitle (LoyCampaignWizard *wizard)
{
  return adw_action_row_get_subtitle (loy_campaign_test_child (wizard, "language_row"));
}

static const char *
row_text (LoyCampaignWizard *wizard,
          const char        *name)
{
  return gtk_editable_get_text (loy_campaign_test_child (wizard, name));
}

/* The summary's row titled @title says @value. */
static void
check_summary_row (LoyCampaignWizard *wizard,
                   const char        *title,
                   const char        *value)
{
  GtkWidget *list = loy_campaign_test_child (wizard, "summary_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, value);
        return;
      }

  g_assert_not_reached ();
}

/* English required, Dutch typed next to it: switching keeps both, the
 * store has both, and the editor shows them again. */
static void
test_languages (void)
{
  static const char * const later_steps[] = { "details", "labels", "brand", "target", "schedule", "limits", "summary" };
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (section);
  LoyCampaignBasicPage *basic = loy_campaign_test_child (wizard, "basic_page");
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(LoyCampaign) edited = NULL;
  g_autoptr(JsonObject) changes = NULL;

  loy_campaign_test_next (wizard, "basic");
  g_assert_cmpstr (loy_campaign_basic_page_get_language (basic), ==, "en");
  g_assert_cmpstr (language_subtitle (wizard), ==, "Nothing typed yet");

  /* Dutch alone is not enough: Next shows the default language again. */
  loy_campaign_basic_page_set_language (basic, "nl");
  g_assert_cmpstr (adw_preferences_row_get_title (loy_campaign_test_child (wizard, "name_row")), ==,
                   "Name (optional)");
  loy_campaign_test_set_text (wizard, "name_row", "Winterkorting");
  loy_campaign_test_set_text (wizard, "short_description_row", "Tien procent in de winter");
  loy_campaign_test_set_text (wizard, "brand_name_row", "Koffiehuis");
  g_assert_cmpstr (language_subtitle (wizard), ==, "Filled in: Dutch");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-basic-dutch");
  loy_campaign_test_next (wizard, "basic");
  g_assert_cmpstr (loy_campaign_basic_page_get_language (basic), ==, "en");
  g_assert_cmpstr (row_text (wizard, "name_row"), ==, "");
  g_assert_cmpstr (loy_campaign_test_problem (wizard, "name_problem"), ==,
                   "Enter the name in English");

  loy_campaign_test_set_text (wizard, "name_row", "Winter discount");
  loy_campaign_test_set_text (wizard, "conditions_row", "One per visit");
  g_assert_null (loy_campaign_test_problem (wizard, "name_problem"));
  g_assert_cmpstr (language_subtitle (wizard), ==, "Filled in: English, Dutch");
  loy_campaign_basic_page_set_language (basic, "nl");
  g_assert_cmpstr (row_text (wizard, "name_row"), ==, "Winterkorting");
  g_assert_cmpstr (row_text (wizard, "short_description_row"), ==, "Tien procent in de winter");
  g_assert_cmpstr (row_text (wizard, "conditions_row"), ==, "");
  loy_campaign_basic_page_set_language (basic, "en");
  g_assert_cmpstr (row_text (wizard, "name_row"), ==, "Winter discount");
  g_assert_cmpstr (row_text (wizard, "conditions_row"), ==, "One per visit");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-basic");

  loy_campaign_test_next (wizard, "details");
  loy_campaign_test_set_text (wizard, "cost_entry", "10");
  loy_campaign_test_next (wizard, "labels");
  loy_campaign_test_next (wizard, "brand");
  loy_campaign_test_next (wizard, "target");
  loy_campaign_test_next (wizard, "schedule");
  loy_campaign_test_next (wizard, "limits");
  loy_campaign_test_set_text (wizard, "shared_code_row", "WINTER10");
  loy_campaign_test_next (wizard, "summary");
  check_summary_row (wizard, "Languages", "English, Dutch");
  loy_campaign_test_finish (wizard);

  campaign = loy_campaign_test_find ("Winter discount");
  g_assert_cmpstr (loy_campaign_get_text (campaign, "en", LOY_CAMPAIGN_TEXT_CONDITIONS), ==, "One per visit");
  g_assert_cmpstr (loy_campaign_get_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME), ==, "Winterkorting");
  g_assert_cmpstr (loy_campaign_get_text (campaign, "nl", LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION), ==,
                   "Tien procent in de winter");
  g_assert_cmpstr (loy_campaign_get_text (campaign, "nl", LOY_CAMPAIGN_TEXT_BRAND_NAME), ==, "Koffiehuis");
  g_assert_null (loy_campaign_get_text (campaign, "pl", LOY_CAMPAIGN_TEXT_NAME));

  /* The editor shows each language's texts; a Polish name is one change. */
  wizard = loy_campaigns_section_edit_campaign (section, campaign);
  basic = loy_campaign_test_child (wizard, "basic_page");
  g_assert_cmpstr (language_subtitle (wizard), ==, "Filled in: English, Dutch");
  g_assert_cmpstr (row_text (wizard, "name_row"), ==, "Winter discount");
  loy_campaign_basic_page_set_language (basic, "nl");
  g_assert_cmpstr (row_text (wizard, "name_row"), ==, "Winterkorting");
  g_assert_cmpstr (row_text (wizard, "brand_name_row"), ==, "Koffiehuis");
  loy_campaign_basic_page_set_language (basic, "pl");
  loy_campaign_test_set_text (wizard, "name_row", "Zimowa zniżka");
  changes = loy_campaign_wizard_dup_changes (wizard);
  g_assert_cmpuint (json_object_get_size (changes), ==, 1);
  g_assert_true (json_object_has_member (changes, "translations"));
  for (guint i = 0; i < G_N_ELEMENTS (later_steps); i++)
    loy_campaign_test_next (wizard, later_steps[i]);
  check_summary_row (wizard, "Languages", "English, Dutch, Polish");
  loy_campaign_test_finish (wizard);

  edited = loy_campaign_test_find ("Winter discount");
  g_assert_cmpstr (loy_campaign_get_text (edited, "pl", LOY_CAMPAIGN_TEXT_NAME), ==, "Zimowa zniżka");
  g_assert_cmpstr (loy_campaign_get_text (edited, "nl", LOY_CAMPAIGN_TEXT_NAME), ==, "Winterkorting");
}

static void
go_back_to (LoyCampaignWizard *wizard,
            const char        *step)
{
  while (g_strcmp0 (loy_campaign_wizard_get_step (wizard), step) != 0)
    gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.back", NULL);
}

/* Chooses the Cashback card over what a discount code holds: the question
 * names what would be cleared. */
static AdwMessageDialog *
ask_for_cashback (LoyCampaignWizard *wizard)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "cashback");
  dialog = ADW_MESSAGE_DIALOG (loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (wizard),
                                                              "the question"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Switch to Cashback?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "The discount code details will be cleared: cost in points, days before use and days "
                   "valid, coupons.");

  return dialog;
}

/* A discount code's cost, days and shared code: switching to Cashback
 * asks; Cancel keeps type and fields, Switch clears what Cashback has no
 * field for and keeps the rest. */
static void
test_switch_type (void)
{
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (section);
  static const char * const steps[] = { "labels", "brand", "target", "schedule", "limits" };
  GtkToggleButton *discount_card;
  AdwMessageDialog *dialog;

  loy_campaign_test_next (wizard, "basic");
  loy_campaign_test_set_text (wizard, "name_row", "Switched type");
  loy_campaign_test_next (wizard, "details");
  loy_campaign_test_set_text (wizard, "cost_entry", "25");
  loy_campaign_test_set_text (wizard, "days_valid_entry", "30");
  loy_campaign_test_set_text (wizard, "link_row", "https://example.com/switch");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    loy_campaign_test_next (wizard, steps[i]);
  loy_campaign_test_set_text (wizard, "shared_code_row", "SWITCH1");
  go_back_to (wizard, "type");

  dialog = ask_for_cashback (wizard);
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "campaign-wizard-switch-type");
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
  g_assert_cmpint (loy_campaign_wizard_get_campaign_type (wizard), ==, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  discount_card = GTK_TOGGLE_BUTTON (loy_ui_test_find_descendant (loy_campaign_test_child (wizard, "type_box"),
                                                                  GTK_TYPE_TOGGLE_BUTTON, NULL));
  g_assert_true (gtk_toggle_button_get_active (discount_card));
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "cost_entry")), ==, "25");
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "shared_code_row")), ==, "SWITCH1");

  dialog = ask_for_cashback (wizard);
  loy_ui_test_respond (GTK_WINDOW (dialog), "switch");
  g_assert_cmpint (loy_campaign_wizard_get_campaign_type (wizard), ==, LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_false (gtk_widget_get_visible (loy_campaign_test_child (wizard, "cost_group")));
  g_assert_true (gtk_widget_get_visible (loy_campaign_test_child (wizard, "point_value_group")));

  /* Back to a discount code: nothing of Cashback's to lose, no question,
   * and the cleared fields are empty; the link, shared by all, stays. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "discount_code");
  g_assert_null (loy_ui_test_get_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (wizard)));
  g_assert_cmpint (loy_campaign_wizard_get_campaign_type (wizard), ==, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "cost_entry")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "days_valid_entry")), ==, "0");
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "shared_code_row")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "link_row")), ==,
                   "https://example.com/switch");
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (wizard, "name_row")), ==, "Switched type");

  gtk_window_destroy (GTK_WINDOW (wizard));
}

static gint64
utc_unix (int year,
          int month,
          int day,
          int hour,
          int minute,
          int second)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (time);
}

static const char *
activity_problem (LoyCampaignWizard *wizard)
{
  return loy_campaign_test_shown_label (loy_campaign_schedule_page_get_activity_label (
                                          loy_campaign_test_child (wizard, "schedule_page")));
}

/* Days and times picked in Amsterdam are stored in UTC, one hour earlier
 * in December and two in June, the end's whole minute included; an end
 * before the start says so next to it; the editor shows local times. */
static void
test_schedule_times (void)
{
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (section);
  static const char * const steps[] = { "details", "labels", "brand", "target", "schedule" };
  LoyCampaignSchedulePage *schedule = loy_campaign_test_child (wizard, "schedule_page");
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(JsonObject) changes = NULL;
  gpointer from_button;

  g_assert_cmpstr (g_getenv ("TZ"), ==, "Europe/Amsterdam");
  loy_campaign_test_next (wizard, "basic");
  loy_campaign_test_set_text (wizard, "name_row", "Evening hours");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      loy_campaign_test_next (wizard, steps[i]);
      if (i == 0)
        loy_campaign_test_set_text (wizard, "cost_entry", "5");
    }

  gtk_switch_set_active (loy_campaign_test_child (wizard, "activity_all_time_switch"), FALSE);
  from_button = gtk_widget_get_template_child (loy_campaign_test_child (wizard, "activity_from_row"),
                                               LOY_TYPE_DATE_TIME_ROW, "date_button");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (from_button)), ==, "Choose…");
  loy_campaign_test_choose_time (wizard, "activity_from_row", 2026, 12, 5, 14, 30);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (from_button)), ==, "5 Dec 2026, 14:30");
  loy_campaign_test_choose_time (wizard, "activity_to_row", 2026, 12, 5, 9, 15);
  g_assert_cmpstr (activity_problem (wizard), ==, "The activity ends before it starts");
  loy_campaign_test_next (wizard, "schedule");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-schedule-time-invalid");
  loy_campaign_test_choose_time (wizard, "activity_to_row", 2026, 12, 24, 18, 0);
  g_assert_null (activity_problem (wizard));

  gtk_switch_set_active (loy_campaign_test_child (wizard, "visibility_all_time_switch"), FALSE);
  loy_campaign_test_choose_time (wizard, "visibility_from_row", 2026, 6, 1, 0, 0);
  loy_campaign_test_choose_time (wizard, "visibility_to_row", 2026, 12, 31, 23, 59);
  g_assert_cmpstr (loy_campaign_schedule_page_get_summary (schedule), ==,
                   "Listed 1 Jun–31 Dec; available 5 Dec 14:30–24 Dec 18:00");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-schedule-time");
  loy_campaign_test_next (wizard, "limits");
  loy_campaign_test_set_text (wizard, "shared_code_row", "EVENING");
  loy_campaign_test_next (wizard, "summary");
  loy_campaign_test_finish (wizard);

  campaign = loy_campaign_test_find ("Evening hours");
  g_assert_false (loy_campaign_get_activity_all_time (campaign));
  g_assert_cmpint (loy_campaign_get_active_from (campaign), ==, utc_unix (2026, 12, 5, 13, 30, 0));
  g_assert_cmpint (loy_campaign_get_active_to (campaign), ==, utc_unix (2026, 12, 24, 17, 0, 59));
  g_assert_cmpint (loy_campaign_get_visible_from (campaign), ==, utc_unix (2026, 5, 31, 22, 0, 0));
  g_assert_cmpint (loy_campaign_get_visible_to (campaign), ==, utc_unix (2026, 12, 31, 22, 59, 59));

  wizard = loy_campaigns_section_edit_campaign (section, campaign);
  from_button = gtk_widget_get_template_child (loy_campaign_test_child (wizard, "activity_from_row"),
                                               LOY_TYPE_DATE_TIME_ROW, "date_button");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (from_button)), ==, "5 Dec 2026, 14:30");
  g_assert_cmpstr (loy_campaign_schedule_page_get_summary (loy_campaign_test_child (wizard, "schedule_page")), ==,
                   "Listed 1 Jun–31 Dec; available 5 Dec 14:30–24 Dec 18:00");
  changes = loy_campaign_wizard_dup_changes (wizard);
  g_assert_cmpuint (json_object_get_size (changes), ==, 0);
  gtk_window_destroy (GTK_WINDOW (wizard));
}

static gboolean
image_checked (gpointer data)
{
  return !loy_reward_image_page_get_busy (data);
}

static gboolean
picture_shown (gpointer data)
{
  GtkWidget *picture = adw_message_dialog_get_extra_child (data);

  return picture != NULL && gtk_widget_get_visible (picture) &&
         gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

/* A small PNG file in the temporary directory; the caller frees its path. */
static char *
write_brand_png (void)
{
  guchar pixels[32 * 32 * 3];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "ui-campaign-brand.png", NULL);

  for (guint i = 0; i < sizeof pixels; i++)
    pixels[i] = i % 3 == 0 ? 0x1c : i % 3 == 1 ? 0x71 : 0xd8;
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (32, 32, GDK_MEMORY_R8G8B8, bytes, 32 * 3);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

/* The brand image is chosen with the reward image's page: kept in the
 * program, named in the summary, and shown again when editing. */
static void
test_brand_image (void)
{
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (section);
  static const char * const steps[] = { "target", "schedule", "limits" };
  g_autofree char *path = write_brand_png ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  LoyRewardImagePage *brand;
  GtkWindow *summary;

  loy_campaign_test_next (wizard, "basic");
  loy_campaign_test_set_text (wizard, "name_row", "Branded");
  loy_campaign_test_next (wizard, "details");
  loy_campaign_test_set_text (wizard, "cost_entry", "1");
  loy_campaign_test_next (wizard, "labels");
  loy_campaign_test_next (wizard, "brand");
  brand = loy_campaign_test_child (wizard, "brand_page");
  g_assert_null (loy_reward_image_page_get_uri (brand));
  loy_reward_image_page_set_file (brand, file);
  loy_ui_test_wait_for (image_checked, brand, "the brand image to be kept");
  g_assert_nonnull (loy_image_uri_get_uuid (loy_reward_image_page_get_uri (brand)));
  g_assert_cmpstr (loy_reward_image_page_get_name (brand), ==, "ui-campaign-brand.png");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-brand");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    loy_campaign_test_next (wizard, steps[i]);
  loy_campaign_test_set_text (wizard, "shared_code_row", "BRAND");
  loy_campaign_test_next (wizard, "summary");
  check_summary_row (wizard, "Brand image", "ui-campaign-brand.png");
  loy_campaign_test_finish (wizard);

  campaign = loy_campaign_test_find ("Branded");
  g_assert_nonnull (loy_image_uri_get_uuid (loy_campaign_get_brand_image (campaign)));
  image = loy_store_load_image_sync (loy_ui_test_get_store (), loy_campaign_get_brand_image (campaign), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (image), >, 0);

  /* The section's summary of the campaign shows the image. */
  summary = loy_campaigns_section_open_campaign (section, campaign);
  loy_ui_test_wait_for (picture_shown, summary, "the brand image in the summary");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (summary));
  loy_ui_test_save_screenshot (GTK_WIDGET (summary), "campaign-summary-brand");
  gtk_window_destroy (summary);

  wizard = loy_campaigns_section_edit_campaign (section, campaign);
  brand = loy_campaign_test_child (wizard, "brand_page");
  g_assert_cmpstr (loy_reward_image_page_get_uri (brand), ==, loy_campaign_get_brand_image (campaign));
  gtk_window_destroy (GTK_WINDOW (wizard));
  g_unlink (path);
}

/* The template child @name of @widget, built from the template of @type. */
static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);

  return child;
}

static LoyCodeGroup *
lookup_group (const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GObject *group = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CODE_GROUP, uuid, NULL, &error);

  g_assert_no_error (error);

  return LOY_CODE_GROUP (group);
}

/* The first @n codes of the group, one a line. */
static char *
dup_group_codes (const char *uuid,
                 guint       n)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  query->parent_uuid = g_strdup (uuid);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, n, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\n", loy_code_get_code (g_ptr_array_index (page->items, i)));

  return g_string_free (text, FALSE);
}

typedef struct
{
  GtkWidget  *row;
  const char *subtitle;
} RowSays;

static gboolean
row_says (gpointer data)
{
  RowSays *wait = data;

  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (wait->row)), wait->subtitle) == 0;
}

static gboolean
codes_ready (gpointer data)
{
  return !loy_code_step_get_busy (data);
}

static gboolean
codes_written (gpointer data)
{
  return loy_code_group_window_get_summary (data) != NULL && !loy_code_group_window_get_busy (data);
}

static gboolean
add_stopped (gpointer data)
{
  return !loy_code_group_window_get_busy (data);
}

/* Adds what @step holds from @group_window, and returns what the window says it did. */
static char *
add_codes (LoyCodeGroupWindow *group_window,
           LoyCodeStep        *step)
{
  loy_ui_test_wait_for (codes_ready, step, "the codes to be counted");
  gtk_widget_activate_action (GTK_WIDGET (group_window), "group.add-codes", NULL);
  loy_ui_test_wait_for (codes_written, group_window, "the codes to be added");

  return g_strdup (loy_code_group_window_get_summary (group_window));
}

/* An existing discount code campaign with codes of its own: the editor
 * says how many are left; Add Codes… opens the group's window, 20 codes
 * generated there are in the store and the page says so; pasting codes
 * the group has adds nothing and names their lines. */
static void
test_add_codes (void)
{
  static const char * const steps[] = { "details", "labels", "brand", "target", "schedule", "limits" };
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  g_autoptr(LoyCampaign) campaign = loy_campaign_test_find ("Welcome discount");
  const char *group_uuid = loy_campaign_get_code_group_uuid (campaign);
  g_autoptr(LoyCodeGroup) before = NULL;
  g_autoptr(LoyCodeGroup) after = NULL;
  g_autoptr(LoyCodeGroup) after_duplicates = NULL;
  g_autoptr(LoyCodeGroup) after_cancel = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *duplicate_summary = NULL;
  g_autofree char *expected_lines = NULL;
  LoyCampaignWizard *wizard;
  LoyCodeGroupWindow *group_window;
  LoyCodeStep *limits_step;
  LoyCodeStep *step;
  LoyErrorBar *error_bar;
  LoyTaskBar *task_bar;
  RowSays wait;

  g_assert_cmpint (loy_campaign_get_campaign_type (campaign), ==, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_assert_nonnull (group_uuid);
  before = lookup_group (group_uuid);
  g_assert_cmpint (loy_code_group_get_available (before), >, 0);

  wizard = loy_campaigns_section_edit_campaign (section, campaign);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    loy_campaign_test_next (wizard, steps[i]);
  limits_step = loy_campaign_test_child (wizard, "code_step");
  wait.row = template_child (limits_step, LOY_TYPE_CODE_STEP, "code_group_row");
  g_assert_true (gtk_widget_get_visible (wait.row));
  g_assert_false (gtk_widget_get_visible (template_child (limits_step, LOY_TYPE_CODE_STEP, "pattern_row")));
  wait.subtitle = g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " codes left",
                                   loy_code_group_get_available (before), loy_code_group_get_total (before));
  loy_ui_test_wait_for (row_says, &wait, "the codes left");
  g_free ((char *) wait.subtitle);

  gtk_widget_activate_action (GTK_WIDGET (limits_step), "code-step.add-codes", NULL);
  group_window = LOY_CODE_GROUP_WINDOW (loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_GROUP_WINDOW,
                                                                       GTK_WINDOW (wizard),
                                                                       "the code group window"));
  g_assert_cmpstr (loy_code_group_get_uuid (loy_code_group_window_get_group (group_window)), ==, group_uuid);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW,
                                                                          "view_stack")), ==, "add");
  step = loy_codes_page_get_step (template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW, "codes_page"));

  gtk_editable_set_text (template_child (step, LOY_TYPE_CODE_STEP, "pattern_row"), "WELCOME-XX-####");
  gtk_editable_set_text (template_child (step, LOY_TYPE_CODE_STEP, "count_entry"), "20");
  g_assert_cmpuint (loy_code_step_get_count (step), ==, 20);
  summary = add_codes (group_window, step);
  g_assert_cmpstr (summary, ==, "20 codes added, 0 duplicates skipped, 0 invalid lines skipped");
  after = lookup_group (group_uuid);
  g_assert_cmpint (loy_code_group_get_total (after), ==, loy_code_group_get_total (before) + 20);
  g_assert_cmpint (loy_code_group_get_available (after), ==, loy_code_group_get_available (before) + 20);
  wait.subtitle = g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " codes left",
                                   loy_code_group_get_available (after), loy_code_group_get_total (after));
  loy_ui_test_wait_for (row_says, &wait, "the page to count the codes added");
  loy_ui_test_save_screenshot (GTK_WIDGET (group_window), "campaign-editor-add-codes-window");
  loy_campaign_test_screenshots (wizard, "campaign-editor-codes-left");

  /* Two codes the group has already: skipped by line number, nothing added. */
  duplicates = dup_group_codes (group_uuid, 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (step, LOY_TYPE_CODE_STEP, "paste_view")),
                            duplicates, -1);
  loy_ui_test_wait_for (codes_ready, step, "the pasted codes to be counted");
  g_assert_cmpuint (loy_code_step_get_count (step), ==, 2);
  duplicate_summary = add_codes (group_window, step);
  g_test_message ("summary: %s", duplicate_summary);
  g_assert_true (g_str_has_prefix (duplicate_summary, "0 codes added, 2 duplicates skipped, 0 invalid lines skipped\n"
                                                      "Line 1: "));
  g_assert_nonnull (strstr (duplicate_summary, "\nLine 2: "));
  after_duplicates = lookup_group (group_uuid);
  g_assert_cmpint (loy_code_group_get_total (after_duplicates), ==, loy_code_group_get_total (after));
  loy_ui_test_wait_for (row_says, &wait, "the page to count the codes again");

  /* Cancel as the codes start to be added: the group keeps its count, in
   * the store and on the page, and the step keeps what it held for a retry. */
  gtk_editable_set_text (template_child (step, LOY_TYPE_CODE_STEP, "pattern_row"), "WELCOME-XXXX-######");
  gtk_editable_set_text (template_child (step, LOY_TYPE_CODE_STEP, "count_entry"), "50000");
  loy_ui_test_wait_for (codes_ready, step, "the codes to be counted");
  g_assert_cmpuint (loy_code_step_get_count (step), ==, 50000);
  error_bar = template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW, "error_bar");
  task_bar = template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW, "task_bar");
  gtk_widget_activate_action (GTK_WIDGET (group_window), "group.add-codes", NULL);
  g_assert_true (loy_code_group_window_get_busy (group_window));
  g_signal_emit_by_name (template_child (task_bar, LOY_TYPE_TASK_BAR, "cancel_button"), "clicked");
  loy_ui_test_wait_for (add_stopped, group_window, "the adding to stop");
  g_assert_cmpstr (loy_error_bar_get_message (error_bar), ==,
                   "Cancelled: the codes being added at that moment were not kept.");
  after_cancel = lookup_group (group_uuid);
  g_assert_cmpint (loy_code_group_get_total (after_cancel), ==, loy_code_group_get_total (after_duplicates));
  g_assert_cmpint (loy_code_group_get_available (after_cancel), ==,
                   loy_code_group_get_available (after_duplicates));
  g_assert_cmpuint (loy_code_step_get_count (step), ==, 50000);
  loy_ui_test_save_screenshot (GTK_WIDGET (group_window), "campaign-editor-add-codes-cancelled");
  loy_ui_test_wait_for (row_says, &wait, "the page to count the codes after the cancel");
  g_free ((char *) wait.subtitle);

  gtk_window_destroy (GTK_WINDOW (group_window));
  gtk_window_destroy (GTK_WINDOW (wizard));
}

/* (transfer full): a discount code campaign @name whose one code a new
 * contact has bought, so that its group has none left. */
static LoyCampaign *
create_sold_out_campaign (const char *name)
{
  static const char * const codes[] = { "LAST-1", NULL };
  LoyStore *store = loy_ui_test_get_store ();
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(GError) error = NULL;

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_cost_in_points (campaign, 0);
  created = loy_store_create_campaign_sync (store, campaign, codes, NULL, &error);
  g_assert_no_error (error);

  loy_contact_set_email (template, "last.code@example.com");
  loy_contact_set_first_name (template, "Lee");
  contact = loy_store_enroll_contact_sync (store, template, "Test", NULL, &error);
  g_assert_no_error (error);
  purchase = loy_store_buy_campaign_sync (store, loy_contact_get_uuid (contact), loy_campaign_get_uuid (created),
                                          "Test", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_purchase_get_code (purchase), ==, "LAST-1");

  return g_steal_pointer (&created);
}

/* A campaign's group with no codes left says so naming the campaign, not
 * a reward: in its window and on the editor's Limits & coupons page. */
static void
test_no_codes_left (void)
{
  static const char * const steps[] = { "details", "labels", "brand", "target", "schedule", "limits" };
  LoyCampaignsSection *section = loy_campaign_test_show_section (window);
  g_autoptr(LoyCampaign) campaign = create_sold_out_campaign ("Last code");
  g_autoptr(LoyCodeGroup) group = lookup_group (loy_campaign_get_code_group_uuid (campaign));
  LoyCodeGroupWindow *group_window;
  LoyCampaignWizard *wizard;
  LoyCodeStep *step;
  RowSays wait;

  g_assert_cmpint (loy_code_group_get_available (group), ==, 0);
  g_assert_cmpint (loy_code_group_get_total (group), ==, 1);
  g_assert_null (loy_code_group_get_reward_title (group));
  g_assert_cmpstr (loy_code_group_get_campaign_name (group), ==, "Last code");

  group_window = loy_code_group_window_new (GTK_WINDOW (window), loy_ui_test_get_store (), group);
  gtk_window_present (GTK_WINDOW (group_window));
  g_assert_cmpstr (gtk_label_get_label (template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW, "forecast_label")),
                   ==, "No codes left: contacts cannot get this campaign until you add codes.");
  g_assert_cmpstr (gtk_label_get_label (template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW, "reward_label")),
                   ==, "Codes of the campaign “Last code”");
  /* None left says more than "running low", which is not said beside it. */
  g_assert_true (loy_code_group_is_low_on_stock (group));
  g_assert_false (gtk_widget_get_visible (template_child (group_window, LOY_TYPE_CODE_GROUP_WINDOW,
                                                          "low_stock_label")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (group_window));
  loy_ui_test_save_screenshot (GTK_WIDGET (group_window), "code-group-campaign-empty");
  gtk_window_destroy (GTK_WINDOW (group_window));

  wizard = loy_campaigns_section_edit_campaign (section, campaign);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    loy_campaign_test_next (wizard, steps[i]);
  step = loy_campaign_test_child (wizard, "code_step");
  wait.row = template_child (step, LOY_TYPE_CODE_STEP, "code_group_row");
  wait.subtitle = "No codes left of 1: nobody can get the campaign until codes are added";
  loy_ui_test_wait_for (row_says, &wait, "the codes left");
  loy_campaign_test_screenshots (wizard, "campaign-editor-no-codes-left");
  gtk_window_destroy (GTK_WINDOW (wizard));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-campaign-editor"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);

  g_test_add_func ("/ui-campaign-editor/languages", test_languages);
  g_test_add_func ("/ui-campaign-editor/switch-type", test_switch_type);
  g_test_add_func ("/ui-campaign-editor/schedule-times", test_schedule_times);
  g_test_add_func ("/ui-campaign-editor/brand-image", test_brand_image);
  g_test_add_func ("/ui-campaign-editor/add-codes", test_add_codes);
  g_test_add_func ("/ui-campaign-editor/no-codes-left", test_no_codes_left);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
