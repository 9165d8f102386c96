/* test-ui-campaigns.c — the Campaigns section, driven through the real
 * window on a temporary demo database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "campaigns/loy-campaign-labels-page.h"
#include "campaigns/loy-campaign-limits-page.h"
#include "campaigns/loy-campaign-schedule-page.h"
#include "campaigns/loy-campaign-target-page.h"
#include "campaigns/loy-campaigns-section.h"
#include "campaigns/loy-contact-campaigns-page.h"
#include "codes/loy-code-step.h"
#include "contacts/loy-cashback-dialog.h"
#include "contacts/loy-code-dialog.h"
#include "contacts/loy-contact-window.h"
#include "loy-campaign-test.h"

static LoyWindow *window;
static char *database;

static LoyCampaignsSection *
get_section (LoySectionView *view)
{
  return LOY_CAMPAIGNS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                         LOY_TYPE_CAMPAIGNS_SECTION));
}

static gboolean
model_settled (gpointer data)
{
  LoyPagedModel *model = data;

  return loy_paged_model_get_loaded (model) && !loy_paged_model_get_loading (model);
}

static void
test_list_and_filters (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  LoyCampaignsSection *section = get_section (view);
  LoyPagedModel *model;

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the campaigns");
  model = loy_section_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  loy_ui_test_wait_for (model_settled, model, "the rows");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "campaigns-section");

  /* The type filter is the store's query. */
  gtk_drop_down_set_selected (loy_campaigns_section_get_type_dropdown (section),
                              1 + LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpuint (loy_paged_model_get_query (model)->campaign_types, ==,
                    1u << LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_ui_test_wait_for_rows (view, 2, "the cashback campaigns");

  gtk_drop_down_set_selected (loy_campaigns_section_get_type_dropdown (section), 0);
  gtk_drop_down_set_selected (loy_campaigns_section_get_status_dropdown (section), 2);
  g_assert_true (loy_paged_model_get_query (model)->only_inactive);
  loy_ui_test_wait_for_rows (view, 1, "the inactive campaigns");
  gtk_drop_down_set_selected (loy_campaigns_section_get_status_dropdown (section), 0);
  loy_ui_test_wait_for_rows (view, 10, "every campaign again");
}

static gboolean
body_counted (gpointer data)
{
  return strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (data)), "Reaches") != NULL;
}

static gboolean
campaign_inactive (gpointer data)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_test_find (data);

  return !loy_campaign_get_is_active (campaign);
}

static gboolean
campaign_active (gpointer data)
{
  return !campaign_inactive (data);
}

/* Export… in the section's menu writes every campaign, one row each after
 * the header, and says how many went where. */
static void
test_export (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("loy-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "campaigns.csv", NULL);
  g_autofree char *title = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, >, 1);

  gtk_widget_activate_action (GTK_WIDGET (get_section (view)), "campaigns.export", NULL);
  loy_ui_test_choose_save_file (GTK_WINDOW (window), path);
  title = g_strdup_printf ("%u campaigns exported to %s", page->total, path);
  loy_ui_test_wait_for_toast (GTK_WIDGET (window), title);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "uuid,name,campaign_type,active,"));
  g_assert_cmpuint (g_strv_length (lines), ==, page->total + 2);
  g_assert_cmpstr (lines[page->total + 1], ==, "");

  g_unlink (path);
  g_rmdir (dir);
}

/* The summary counts the contacts the target reaches, as the store does;
 * Deactivate has Undo. */
static void
test_summary_and_deactivate (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  g_autoptr(LoyCampaign) gift = loy_campaign_test_find ("Holiday gift box");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;
  GtkWindow *dialog;
  AdwToast *toast;
  gint64 reached;

  reached = loy_store_count_campaign_reach_sync (loy_ui_test_get_store (), gift, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reached, >, 0);

  dialog = loy_campaigns_section_open_campaign (get_section (view), gift);
  loy_ui_test_wait_for (body_counted, dialog, "the reach count");
  count = g_strdup_printf ("%" G_GINT64_FORMAT, reached);
  expected = g_strdup_printf ("Reaches %s contact", count);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), expected));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "campaign-summary");

  loy_ui_test_respond (dialog, "toggle");
  loy_ui_test_wait_for (campaign_inactive, (gpointer) "Holiday gift box", "the deactivation");
  toast = loy_ui_test_wait_for_toast (GTK_WIDGET (window), "“Holiday gift box” deactivated");
  loy_ui_test_click_toast_button (GTK_WIDGET (window), toast);
  loy_ui_test_wait_for (campaign_active, (gpointer) "Holiday gift box", "the undo");
}

static gboolean
campaign_gone (gpointer data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) page = NULL;

  query->search = g_strdup (data);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 10, NULL, NULL);

  return page != NULL && page->total == 0;
}

/* Delete: out of the list while Undo shows, refused with the reason once
 * bought, carried out otherwise. */
static void
test_delete (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  LoyPagedModel *model = loy_section_view_get_model (view);
  g_autoptr(LoyCampaign) bought = loy_campaign_test_find ("Welcome discount");
  g_autoptr(LoyCampaign) unbought = loy_campaign_test_find ("Birthday treat");
  GtkWindow *dialog;
  AdwToast *toast;

  dialog = loy_campaigns_section_open_campaign (get_section (view), unbought);
  loy_ui_test_respond (dialog, "delete");
  loy_ui_test_wait_for_rows (view, 9, "the campaign out of the list");
  toast = loy_ui_test_wait_for_toast (GTK_WIDGET (window), "“Birthday treat” deleted");
  loy_ui_test_click_toast_button (GTK_WIDGET (window), toast);
  loy_ui_test_wait_for_rows (view, 10, "the campaign back");

  dialog = loy_campaigns_section_open_campaign (get_section (view), bought);
  loy_ui_test_respond (dialog, "delete");
  toast = loy_ui_test_wait_for_toast (GTK_WIDGET (window), "“Welcome discount” deleted");
  adw_toast_dismiss (toast);
  loy_ui_test_wait_for_toast (GTK_WIDGET (window),
                              "Contacts have bought “Welcome discount” or paid with it, so it "
                              "cannot be deleted. Deactivate it instead.");
  loy_ui_test_wait_for_rows (view, 10, "the bought campaign back");

  dialog = loy_campaigns_section_open_campaign (get_section (view), unbought);
  loy_ui_test_respond (dialog, "delete");
  toast = loy_ui_test_wait_for_toast (GTK_WIDGET (window), "“Birthday treat” deleted");
  adw_toast_dismiss (toast);
  loy_ui_test_wait_for (campaign_gone, (gpointer) "Birthday treat", "the deletion");
  loy_ui_test_wait_for (model_settled, model, "the list");
}

/* The demo's richest contact: enough points for any coupon. */
static LoyContact *
richest_contact (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->sort = g_strdup ("-balance");
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

static gint64
balance_of (const char *uuid)
{
  g_autoptr(GObject) contact = NULL;
  g_autoptr(GError) error = NULL;

  contact = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CONTACT, uuid, NULL, &error);
  g_assert_no_error (error);

  return loy_contact_get_balance (LOY_CONTACT (contact));
}

static gboolean
page_loaded (gpointer data)
{
  LoyContactCampaignsPage *page = data;

  return loy_contact_campaigns_page_get_availabilities (page) != NULL &&
         loy_contact_campaigns_page_get_purchases (page) != NULL;
}

typedef struct
{
  LoyContactCampaignsPage *page;
  guint                    n_purchases;
} PurchaseCount;

static gboolean
purchases_are (gpointer data)
{
  PurchaseCount *count = data;
  GPtrArray *purchases = loy_contact_campaigns_page_get_purchases (count->page);

  return purchases != NULL && purchases->len == count->n_purchases;
}

static gboolean
first_purchase_cancelled (gpointer data)
{
  GPtrArray *purchases = loy_contact_campaigns_page_get_purchases (data);

  return purchases != NULL && purchases->len > 0 &&
         loy_campaign_purchase_get_cancelled_at (g_ptr_array_index (purchases, 0)) != 0;
}

static gboolean
quote_for (gpointer data)
{
  LoyCashbackDialog *dialog = data;
  const LoyCashbackQuote *quote = loy_cashback_dialog_get_quote (dialog);
  gint64 points = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "expected-points"));

  return quote != NULL && quote->points_used == points;
}

typedef struct
{
  const char *uuid;
  gint64      balance;
} ExpectedBalance;

static gboolean
balance_is (gpointer data)
{
  ExpectedBalance *expected = data;

  return balance_of (expected->uuid) == expected->balance;
}

/* Pay with Points: a live quote at the best rate the contact has (Gold:
 * 1 point = 0.08), then the exchange of the points chosen. */
static void
pay_with_points (LoyContactWindow *contact_window,
                 const char       *uuid)
{
  gint64 balance = balance_of (uuid);
  LoyCashbackDialog *dialog;
  const LoyCashbackQuote *quote;
  GtkWidget *total;
  GtkWidget *points;
  GtkWidget *reference;

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.pay-with-points", NULL);
  dialog = LOY_CASHBACK_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_CASHBACK_DIALOG,
                                                               GTK_WINDOW (contact_window),
                                                               "the Pay with Points dialog"));
  total = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_CASHBACK_DIALOG,
                                                     "total_entry"));
  points = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_CASHBACK_DIALOG,
                                                      "points_entry"));
  reference = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_CASHBACK_DIALOG,
                                                         "reference_row"));

  /* 100.00 at 0.08 a point: 1,250 points pay it all. */
  g_object_set_data (G_OBJECT (dialog), "expected-points", GINT_TO_POINTER (1250));
  gtk_editable_set_text (GTK_EDITABLE (total), "100");
  loy_ui_test_wait_for (quote_for, dialog, "the quote");
  quote = loy_cashback_dialog_get_quote (dialog);
  g_assert_cmpint (quote->point_value_cents, ==, 8);
  g_assert_cmpint (quote->discount_cents, ==, 10000);
  g_assert_cmpint (quote->to_pay_cents, ==, 0);

  g_object_set_data (G_OBJECT (dialog), "expected-points", GINT_TO_POINTER (20));
  gtk_editable_set_text (GTK_EDITABLE (points), "20");
  loy_ui_test_wait_for (quote_for, dialog, "the quote for 20 points");
  quote = loy_cashback_dialog_get_quote (dialog);
  g_assert_cmpint (quote->discount_cents, ==, 160);
  g_assert_cmpint (quote->to_pay_cents, ==, 9840);
  gtk_editable_set_text (GTK_EDITABLE (reference), "TILL-7");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-pay-with-points");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "cashback.exchange", NULL);
  loy_ui_test_wait_for (balance_is, &(ExpectedBalance) { uuid, balance - 20 }, "the points taken");
  loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), "Cashback: 1.60 off order TILL-7");
}

/* The contact window's Campaigns page: every listed campaign with its
 * reasons, Buy with the code shown, the purchase listed, Cancel asked and
 * the points back. */
static void
test_contact_page (void)
{
  g_autoptr(LoyContact) contact = richest_contact ();
  g_autoptr(LoyCampaign) welcome = loy_campaign_test_find ("Welcome discount");
  const char *uuid = loy_contact_get_uuid (contact);
  LoyContactWindow *contact_window;
  LoyContactCampaignsPage *page;
  GtkWidget *stack;
  GtkWindow *dialog;
  GtkWindow *code;
  GPtrArray *listed;
  PurchaseCount count;
  gint64 balance = balance_of (uuid);
  gboolean cashback_described = FALSE;

  contact_window = loy_contact_window_new (GTK_APPLICATION (loy_ui_test_get_app ()),
                                           loy_ui_test_get_store (), contact);
  gtk_window_present (GTK_WINDOW (contact_window));
  stack = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "campaigns");
  page = LOY_CONTACT_CAMPAIGNS_PAGE (loy_ui_test_find_descendant (GTK_WIDGET (contact_window),
                                                                  LOY_TYPE_CONTACT_CAMPAIGNS_PAGE,
                                                                  NULL));
  loy_ui_test_wait_for (page_loaded, page, "the contact's campaigns");

  /* The evaluator's answer for every campaign; percentage codes are never listed. */
  listed = loy_contact_campaigns_page_get_availabilities (page);
  g_assert_cmpuint (listed->len, ==, 9);
  for (guint i = 0; i < listed->len; i++)
    {
      LoyAvailability *answer = g_ptr_array_index (listed, i);

      if (loy_campaign_get_campaign_type (loy_availability_get_campaign (answer)) ==
          LOY_CAMPAIGN_TYPE_CASHBACK)
        cashback_described |= !loy_availability_get_can_buy (answer);
    }
  g_assert_true (cashback_described);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-campaigns");

  count.page = page;
  count.n_purchases = loy_contact_campaigns_page_get_purchases (page)->len + 1;
  dialog = loy_contact_campaigns_page_buy (page, loy_campaign_get_uuid (welcome));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "It costs 100 points"));
  loy_ui_test_respond (dialog, "buy");
  code = loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_DIALOG, GTK_WINDOW (contact_window),
                                        "the code");
  g_assert_true (g_str_has_prefix (loy_code_dialog_get_code (LOY_CODE_DIALOG (code)), "C1-"));
  loy_ui_test_save_screenshot (GTK_WIDGET (code), "contact-campaign-code");
  gtk_window_destroy (code);
  loy_ui_test_wait_for (purchases_are, &count, "the purchase listed");
  g_assert_cmpint (balance_of (uuid), ==, balance - 100);

  /* Cancelled: asked first, the points back. */
  gtk_widget_activate_action (GTK_WIDGET (page), "campaigns-page.cancel", "s",
                              loy_campaign_purchase_get_uuid (g_ptr_array_index (loy_contact_campaigns_page_get_purchases (page), 0)));
  dialog = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (contact_window),
                                          "the question");
  loy_ui_test_respond (dialog, "cancel-purchase");
  loy_ui_test_wait_for (first_purchase_cancelled, page, "the cancellation");
  g_assert_cmpint (balance_of (uuid), ==, balance);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-campaigns-cancelled");

  pay_with_points (contact_window, uuid);
  gtk_window_destroy (GTK_WINDOW (contact_window));
}

static gboolean
reach_counted (gpointer data)
{
  return loy_campaign_target_page_get_reach (data) != LOY_UNSET;
}

static gboolean
has_level_choice (gpointer data)
{
  return loy_ui_test_find_descendant (data, GTK_TYPE_CHECK_BUTTON, NULL) != NULL;
}

/* The count the page shows is the store's for the same target. */
static gint64
check_reach_shown (LoyCampaignWizard *wizard,
                   LoyTargetType      type,
                   const char        *uuid)
{
  LoyCampaignTargetPage *page = loy_campaign_test_child (wizard, "target_page");
  g_autoptr(LoyCampaign) target = loy_campaign_new ();
  const char *uuids[] = { uuid, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 reach;

  loy_ui_test_wait_for (reach_counted, page, "the reach count");
  loy_campaign_set_target_type (target, type);
  if (type == LOY_TARGET_TYPE_LEVEL)
    loy_campaign_set_level_uuids (target, uuids);
  reach = loy_store_count_campaign_reach_sync (loy_ui_test_get_store (), target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_target_page_get_reach (page), ==, reach);
  shown = g_strdup_printf ("%" G_GINT64_FORMAT, reach);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                   LOY_TYPE_CAMPAIGN_TARGET_PAGE,
                                                                                   "reach_label"))),
                   ==, shown);

  return reach;
}

static gint64
local_unix (int year,
            int month,
            int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, 0, 0, 0);

  return g_date_time_to_unix (time);
}

static const char *
schedule_problem (LoyCampaignSchedulePage *page)
{
  return loy_campaign_test_shown_label (loy_campaign_schedule_page_get_activity_label (page));
}

static gpointer
schedule_child (LoyCampaignSchedulePage *page,
                const char              *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), LOY_TYPE_CAMPAIGN_SCHEDULE_PAGE, name);
}

/* All time until switched off; then both ends, in order. */
static void
check_schedule (LoyCampaignWizard *wizard)
{
  LoyCampaignSchedulePage *page = loy_campaign_test_child (wizard, "schedule_page");

  g_assert_cmpstr (loy_campaign_schedule_page_get_summary (page), ==,
                   "Listed all the time; available at any time");
  gtk_switch_set_active (schedule_child (page, "activity_all_time_switch"), FALSE);
  loy_campaign_test_next (wizard, "schedule");
  g_assert_cmpstr (schedule_problem (page), ==,
                   "Choose when the activity starts and ends, or make it all time");
  loy_campaign_test_choose_time (wizard, "activity_from_row", 2026, 12, 5, 0, 0);
  loy_campaign_test_choose_time (wizard, "activity_to_row", 2026, 12, 1, 23, 59);
  g_assert_cmpstr (schedule_problem (page), ==, "The activity ends before it starts");
  loy_campaign_test_next (wizard, "schedule");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-schedule-invalid");
  loy_campaign_test_choose_time (wizard, "activity_to_row", 2026, 12, 24, 23, 59);
  g_assert_null (schedule_problem (page));
  g_assert_cmpstr (loy_campaign_schedule_page_get_summary (page), ==,
                   "Listed all the time; available 5 Dec–24 Dec");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-schedule");
}

static gpointer
limits_child (LoyCampaignWizard *wizard,
              const char        *name)
{
  return gtk_widget_get_template_child (loy_campaign_test_child (wizard, "limits_page"),
                                        LOY_TYPE_CAMPAIGN_LIMITS_PAGE, name);
}

/* @name of the Limits & coupons page's code step. */
static gpointer
step_child (LoyCampaignWizard *wizard,
            const char        *name)
{
  return gtk_widget_get_template_child (limits_child (wizard, "code_step"), LOY_TYPE_CODE_STEP, name);
}

static gboolean
category_saved (gpointer data)
{
  AdwEntryRow *row = data;

  return gtk_widget_get_sensitive (GTK_WIDGET (row)) && gtk_editable_get_text (GTK_EDITABLE (row))[0] == '\0';
}

/* Two labels, one of them blank first (refused), and a category made
 * there, ticked at once. */
static void
check_labels_and_categories (LoyCampaignWizard *wizard)
{
  LoyCampaignLabelsPage *page = loy_campaign_test_child (wizard, "labels_page");
  GtkLabel *problem = loy_campaign_labels_page_get_problem_label (page);
  gpointer new_category = gtk_widget_get_template_child (GTK_WIDGET (page), LOY_TYPE_CAMPAIGN_LABELS_PAGE,
                                                          "new_category_row");

  loy_campaign_labels_page_add_label (page, "Évènement", "Fête d’hiver ❄");
  gtk_widget_activate_action (GTK_WIDGET (page), "labels.add", NULL);
  loy_campaign_test_next (wizard, "labels");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_label (problem), ==, "Label 2 needs a key");
  /* Add Label put the focus in the new key. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (wizard))), "Region");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));

  gtk_editable_set_text (GTK_EDITABLE (new_category), "Winter fair");
  g_signal_emit_by_name (new_category, "apply");
  loy_ui_test_wait_for (category_saved, new_category, "the new category");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-labels");
}

/* @uuids are one category, named @name in the store. */
static void
check_category (const char * const *uuids,
                const char         *name)
{
  g_autoptr(GPtrArray) categories = loy_store_list_campaign_categories_sync (loy_ui_test_get_store (),
                                                                             NULL, NULL);
  guint i = 0;

  while (i < categories->len && g_strcmp0 (loy_campaign_category_get_name (categories->pdata[i]), name) != 0)
    i++;
  g_assert_cmpuint (i, <, categories->len);
  g_assert_cmpstr (uuids[0], ==, loy_campaign_category_get_uuid (categories->pdata[i]));
  g_assert_null (uuids[1]);
}

/* Ctrl+N opens the wizard on the type, Discount code chosen; a cashback
 * campaign needs a name and a point value, each field saying why. */
static void
test_wizard_cashback (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  g_autoptr(LoyCampaign) campaign = NULL;
  LoyCampaignWizard *wizard;
  gpointer point_value;
  gpointer target;
  GtkWidget *levels_group;
  GtkWidget *level_check;
  g_autofree char *level_uuid = NULL;
  gint64 everyone;

  loy_ui_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  wizard = LOY_CAMPAIGN_WIZARD (loy_ui_test_wait_for_toplevel (LOY_TYPE_CAMPAIGN_WIZARD,
                                                              GTK_WINDOW (window), "the wizard"));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard)));
  g_assert_cmpstr (loy_campaign_wizard_get_step (wizard), ==, "type");
  g_assert_cmpint (loy_campaign_wizard_get_campaign_type (wizard), ==, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_test_screenshots (wizard, "campaign-wizard-type");

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "cashback");
  g_assert_cmpint (loy_campaign_wizard_get_campaign_type (wizard), ==, LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_campaign_test_next (wizard, "basic");

  /* Next without a name stays, and the name says why. */
  g_assert_null (loy_campaign_test_problem (wizard, "name_problem"));
  loy_campaign_test_next (wizard, "basic");
  g_assert_cmpstr (loy_campaign_test_problem (wizard, "name_problem"), ==, "Enter the name in English");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-basic-missing");
  loy_campaign_test_set_text (wizard, "name_row", "Spring cashback");
  loy_campaign_test_set_text (wizard, "short_description_row", "Two for every point");
  g_assert_null (loy_campaign_test_problem (wizard, "name_problem"));
  loy_campaign_test_next (wizard, "details");

  /* Only the cashback rate among the type's fields */
  g_assert_true (gtk_widget_get_visible (loy_campaign_test_child (wizard, "point_value_group")));
  g_assert_false (gtk_widget_get_visible (loy_campaign_test_child (wizard, "cost_group")));
  loy_campaign_test_next (wizard, "details");
  /* Empty and not yet edited: the field says what it needs. */
  g_assert_cmpstr (loy_campaign_test_problem (wizard, "point_value_problem"), ==, "Enter an amount");
  loy_campaign_test_set_text (wizard, "link_row", "example.com/spring");
  g_assert_nonnull (loy_campaign_test_problem (wizard, "link_problem"));
  loy_campaign_test_next (wizard, "details");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-details-invalid");
  loy_campaign_test_set_text (wizard, "link_row", "https://example.com/spring");
  g_assert_null (loy_campaign_test_problem (wizard, "link_problem"));
  point_value = loy_campaign_test_child (wizard, "point_value_entry");
  gtk_editable_set_text (GTK_EDITABLE (point_value), "abc");
  g_assert_nonnull (loy_ui_test_shown_problem (point_value));
  loy_campaign_test_next (wizard, "details");
  gtk_editable_set_text (GTK_EDITABLE (point_value), "2.00");
  g_assert_null (loy_ui_test_shown_problem (point_value));
  g_assert_null (loy_campaign_test_problem (wizard, "point_value_problem"));
  loy_campaign_test_screenshots (wizard, "campaign-wizard-details");
  loy_campaign_test_next (wizard, "labels");
  check_labels_and_categories (wizard);
  loy_campaign_test_next (wizard, "brand");
  loy_campaign_test_next (wizard, "target");

  /* Everyone, then one level: the count follows, and a list needs a choice. */
  target = loy_campaign_test_child (wizard, "target_page");
  everyone = check_reach_shown (wizard, LOY_TARGET_TYPE_NONE, NULL);
  levels_group = GTK_WIDGET (gtk_widget_get_template_child (target, LOY_TYPE_CAMPAIGN_TARGET_PAGE,
                                                            "levels_group"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (target,
                                                                            LOY_TYPE_CAMPAIGN_TARGET_PAGE,
                                                                            "target_row")),
                              LOY_TARGET_TYPE_LEVEL);
  g_assert_true (gtk_widget_get_visible (levels_group));
  loy_campaign_test_next (wizard, "target");
  g_assert_cmpstr (gtk_label_get_label (loy_campaign_target_page_get_problem_label (target)), ==,
                   "Choose at least one level for the target");
  loy_ui_test_wait_for (has_level_choice, levels_group, "the levels");
  level_check = loy_ui_test_find_descendant (levels_group, GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (level_check), TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (loy_campaign_target_page_get_problem_label (target))));
  level_uuid = g_strdup (g_object_get_data (G_OBJECT (level_check), "uuid"));
  g_assert_cmpint (check_reach_shown (wizard, LOY_TARGET_TYPE_LEVEL, level_uuid), <, everyone);
  loy_campaign_test_screenshots (wizard, "campaign-wizard-target");
  loy_campaign_test_next (wizard, "schedule");
  check_schedule (wizard);
  loy_campaign_test_next (wizard, "limits");
  g_assert_true (gtk_widget_get_visible (limits_child (wizard, "no_limits_group")));
  g_assert_false (gtk_widget_get_visible (limits_child (wizard, "limit_group")));
  loy_campaign_test_next (wizard, "summary");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-summary");

  loy_campaign_test_finish (wizard);
  loy_ui_test_wait_for_toast (GTK_WIDGET (window), "Campaign “Spring cashback” created");
  campaign = loy_campaign_test_find ("Spring cashback");
  g_assert_cmpint (loy_campaign_get_campaign_type (campaign), ==, LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpint (loy_campaign_get_point_value_cents (campaign), ==, 200);
  g_assert_cmpstr (loy_campaign_get_text (campaign, "en", LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION), ==,
                   "Two for every point");
  g_assert_cmpstr (loy_campaign_get_more_information_link (campaign), ==, "https://example.com/spring");
  g_assert_true (loy_campaign_get_is_active (campaign));
  g_assert_cmpint (loy_campaign_get_target_type (campaign), ==, LOY_TARGET_TYPE_LEVEL);
  g_assert_cmpstr (loy_campaign_get_level_uuids (campaign)[0], ==, level_uuid);
  g_assert_null (loy_campaign_get_level_uuids (campaign)[1]);
  /* Both days included, in local time */
  g_assert_false (loy_campaign_get_activity_all_time (campaign));
  g_assert_cmpint (loy_campaign_get_active_from (campaign), ==, local_unix (2026, 12, 5));
  g_assert_cmpint (loy_campaign_get_active_to (campaign), ==, local_unix (2026, 12, 25) - 1);
  g_assert_true (loy_campaign_get_visibility_all_time (campaign));
  g_assert_true (loy_campaign_has_label (campaign, "Évènement", "Fête d’hiver ❄"));
  g_assert_true (loy_campaign_has_label (campaign, "Region", ""));
  g_assert_cmpuint (loy_campaign_get_labels (campaign)->len, ==, 2);
  check_category (loy_campaign_get_category_uuids (campaign), "Winter fair");
  (void) view;
}

/* A discount code, the default type: cost in points and a shared code;
 * closing with a name asks first. */
static void
test_wizard_discount_code (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (get_section (view));
  g_autoptr(LoyCampaign) campaign = NULL;
  GtkWindow *dialog;

  loy_campaign_test_next (wizard, "basic");
  loy_campaign_test_set_text (wizard, "name_row", "Ten off in spring");

  gtk_window_close (GTK_WINDOW (wizard));
  dialog = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (wizard), "the discard question");
  loy_ui_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (wizard)));

  loy_campaign_test_next (wizard, "details");
  g_assert_true (gtk_widget_get_visible (loy_campaign_test_child (wizard, "cost_group")));
  g_assert_false (gtk_widget_get_visible (loy_campaign_test_child (wizard, "point_value_group")));
  loy_campaign_test_set_text (wizard, "cost_entry", "50");
  loy_campaign_test_screenshots (wizard, "campaign-wizard-details-discount-code");
  loy_campaign_test_next (wizard, "labels");
  loy_campaign_test_next (wizard, "brand");
  loy_campaign_test_next (wizard, "target");
  loy_campaign_test_next (wizard, "schedule");
  loy_campaign_test_next (wizard, "limits");
  g_assert_true (gtk_widget_get_visible (limits_child (wizard, "coupons_group")));
  loy_campaign_test_next (wizard, "limits");
  g_assert_cmpstr (loy_campaign_test_shown_label (limits_child (wizard, "codes_problem")), ==,
                   "Add at least one code, or a shared code");
  gtk_editable_set_text (limits_child (wizard, "shared_code_row"), "SPRING10");
  g_assert_null (loy_campaign_test_shown_label (limits_child (wizard, "codes_problem")));
  loy_campaign_test_next (wizard, "summary");

  loy_campaign_test_finish (wizard);
  campaign = loy_campaign_test_find ("Ten off in spring");
  g_assert_cmpint (loy_campaign_get_campaign_type (campaign), ==, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_assert_cmpint (loy_campaign_get_cost_in_points (campaign), ==, 50);
  g_assert_cmpstr (loy_campaign_get_shared_code (campaign), ==, "SPRING10");
  g_assert_cmpint (loy_campaign_get_target_type (campaign), ==, LOY_TARGET_TYPE_NONE);
}

/* The available codes of @campaign's own code group. */
static gint64
available_codes (LoyCampaign *campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CODE_GROUP,
                                                    loy_campaign_get_code_group_uuid (campaign), NULL, &error);

  g_assert_no_error (error);
  return loy_code_group_get_available (LOY_CODE_GROUP (group));
}

/* A coupon campaign with both limits and codes of its own generated from
 * a pattern: the store makes its code group, holding them all. */
static void
test_wizard_limits_and_codes (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (get_section (view));
  g_autoptr(LoyCampaign) campaign = NULL;

  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "value_code");
  loy_campaign_test_next (wizard, "basic");
  loy_campaign_test_set_text (wizard, "name_row", "Twenty of a kind");
  loy_campaign_test_next (wizard, "details");
  loy_campaign_test_set_text (wizard, "cost_entry", "10");
  loy_campaign_test_next (wizard, "labels");
  loy_campaign_test_next (wizard, "brand");
  loy_campaign_test_next (wizard, "target");
  loy_campaign_test_next (wizard, "schedule");
  loy_campaign_test_next (wizard, "limits");
  g_assert_false (gtk_widget_get_visible (limits_child (wizard, "limit_row")));

  /* More per contact than in all is refused next to the field. */
  gtk_switch_set_active (limits_child (wizard, "limit_unlimited_switch"), FALSE);
  gtk_switch_set_active (limits_child (wizard, "per_contact_unlimited_switch"), FALSE);
  gtk_editable_set_text (limits_child (wizard, "limit_entry"), "3");
  gtk_editable_set_text (limits_child (wizard, "per_contact_entry"), "5");
  g_assert_cmpstr (loy_campaign_test_shown_label (limits_child (wizard, "per_contact_problem")), ==,
                   "The limit per contact (5) is more than the total limit (3)");
  loy_campaign_test_next (wizard, "limits");
  gtk_editable_set_text (limits_child (wizard, "limit_entry"), "100");
  gtk_editable_set_text (limits_child (wizard, "per_contact_entry"), "2");
  g_assert_null (loy_campaign_test_shown_label (limits_child (wizard, "per_contact_problem")));

  gtk_switch_set_active (limits_child (wizard, "own_codes_switch"), TRUE);
  g_assert_false (gtk_widget_get_visible (limits_child (wizard, "shared_code_row")));
  gtk_editable_set_text (step_child (wizard, "pattern_row"), "TWENTY-####");
  gtk_editable_set_text (step_child (wizard, "count_entry"), "20");
  g_assert_null (loy_campaign_test_shown_label (limits_child (wizard, "codes_problem")));
  loy_campaign_test_screenshots (wizard, "campaign-wizard-limits");
  loy_campaign_test_next (wizard, "summary");

  loy_campaign_test_finish (wizard);
  campaign = loy_campaign_test_find ("Twenty of a kind");
  g_assert_cmpint (loy_campaign_get_limit (campaign), ==, 100);
  g_assert_cmpint (loy_campaign_get_limit_per_contact (campaign), ==, 2);
  g_assert_null (loy_campaign_get_shared_code (campaign));
  g_assert_nonnull (loy_campaign_get_code_group_uuid (campaign));
  g_assert_cmpint (available_codes (campaign), ==, 20);
}

static gboolean
codes_counted (gpointer data)
{
  return !loy_code_step_get_busy (data);
}

/* Codes of its own from a file alone, its repeated line skipped. */
static void
test_wizard_codes_from_file (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  LoyCampaignWizard *wizard = loy_campaigns_section_new_campaign (get_section (view));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "ui-campaigns-codes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "FAIR-1\nFAIR-2\nFAIR-1\nFAIR-3\n", -1, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose-type", "s", "event_code");
  loy_campaign_test_next (wizard, "basic");
  loy_campaign_test_set_text (wizard, "name_row", "Fair tickets");
  loy_campaign_test_next (wizard, "details");
  loy_campaign_test_set_text (wizard, "cost_entry", "5");
  loy_campaign_test_next (wizard, "labels");
  loy_campaign_test_next (wizard, "brand");
  loy_campaign_test_next (wizard, "target");
  loy_campaign_test_next (wizard, "schedule");
  loy_campaign_test_next (wizard, "limits");
  gtk_switch_set_active (limits_child (wizard, "own_codes_switch"), TRUE);
  /* No pattern: none generated. */
  gtk_editable_set_text (step_child (wizard, "pattern_row"), "");
  loy_code_step_add_file (limits_child (wizard, "code_step"), file);
  loy_ui_test_wait_for (codes_counted, limits_child (wizard, "code_step"), "the file's codes");
  g_assert_cmpuint (loy_code_step_get_count (limits_child (wizard, "code_step")), ==, 3);
  loy_campaign_test_next (wizard, "summary");

  loy_campaign_test_finish (wizard);
  campaign = loy_campaign_test_find ("Fair tickets");
  g_assert_cmpint (available_codes (campaign), ==, 3);
  g_unlink (path);
}

/* The same pages open on a stored campaign; only what changed is sent,
 * and what the pages do not show is kept. */
static void
test_editor (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");
  g_autoptr(LoyCampaign) before = loy_campaign_test_find ("Spring cashback");
  g_autoptr(LoyCampaign) after = NULL;
  g_autoptr(JsonObject) unchanged = NULL;
  g_autoptr(JsonObject) changes = NULL;
  LoyCampaignWizard *editor = loy_campaigns_section_edit_campaign (get_section (view), before);

  g_assert_cmpstr (loy_campaign_wizard_get_step (editor), ==, "basic");
  g_assert_false (gtk_widget_get_visible (loy_campaign_test_child (editor, "back_button")));
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (editor, "name_row")), ==, "Spring cashback");
  unchanged = loy_campaign_wizard_dup_changes (editor);
  g_assert_cmpuint (json_object_get_size (unchanged), ==, 0);

  loy_campaign_test_set_text (editor, "name_row", "Spring cashback plus");
  loy_campaign_test_next (editor, "details");
  g_assert_cmpstr (gtk_editable_get_text (loy_campaign_test_child (editor, "point_value_entry")), ==, "2.00");
  loy_campaign_test_set_text (editor, "point_value_entry", "2.50");
  changes = loy_campaign_wizard_dup_changes (editor);
  g_assert_true (json_object_has_member (changes, "name"));
  g_assert_true (json_object_has_member (changes, "point_value"));
  g_assert_false (json_object_has_member (changes, "target"));
  g_assert_false (json_object_has_member (changes, "levels"));
  g_assert_false (json_object_has_member (changes, "activity"));
  g_assert_false (json_object_has_member (changes, "active"));
  loy_campaign_test_next (editor, "labels");
  loy_campaign_test_next (editor, "brand");
  loy_campaign_test_next (editor, "target");
  loy_ui_test_wait_for (reach_counted, loy_campaign_test_child (editor, "target_page"), "the reach count");
  loy_campaign_test_next (editor, "schedule");
  loy_campaign_test_next (editor, "limits");
  loy_campaign_test_next (editor, "summary");
  loy_campaign_test_screenshots (editor, "campaign-editor-summary");
  loy_campaign_test_finish (editor);

  loy_ui_test_wait_for_toast (GTK_WIDGET (window), "Campaign “Spring cashback plus” saved");
  after = loy_campaign_test_find ("Spring cashback plus");
  g_assert_cmpstr (loy_campaign_get_uuid (after), ==, loy_campaign_get_uuid (before));
  g_assert_cmpint (loy_campaign_get_point_value_cents (after), ==, 250);
  g_assert_cmpint (loy_campaign_get_target_type (after), ==, LOY_TARGET_TYPE_LEVEL);
  g_assert_cmpstr (loy_campaign_get_level_uuids (after)[0], ==, loy_campaign_get_level_uuids (before)[0]);
  g_assert_cmpint (loy_campaign_get_active_from (after), ==, loy_campaign_get_active_from (before));
}

static gboolean
narrower_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) < 361;
}

/* At phone width the folded window shows the section, not the sidebar. */
static void
test_narrow (void)
{
  LoySectionView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  loy_ui_test_wait_for (narrower_than, window, "the window to shrink");
  view = loy_ui_test_show_section (window, "campaigns");
  /* Folded, the window shows the sidebar until a section is chosen there. */
  adw_leaflet_navigate (ADW_LEAFLET (loy_ui_test_find_descendant (GTK_WIDGET (window),
                                                                  ADW_TYPE_LEAFLET, NULL)),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the campaigns");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "campaigns-section-narrow");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-campaigns"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);

  g_test_add_func ("/ui-campaigns/list-and-filters", test_list_and_filters);
  g_test_add_func ("/ui-campaigns/export", test_export);
  g_test_add_func ("/ui-campaigns/summary-and-deactivate", test_summary_and_deactivate);
  g_test_add_func ("/ui-campaigns/delete", test_delete);
  g_test_add_func ("/ui-campaigns/contact-page", test_contact_page);
  g_test_add_func ("/ui-campaigns/wizard-cashback", test_wizard_cashback);
  g_test_add_func ("/ui-campaigns/wizard-discount-code", test_wizard_discount_code);
  g_test_add_func ("/ui-campaigns/wizard-limits-and-codes", test_wizard_limits_and_codes);
  g_test_add_func ("/ui-campaigns/wizard-codes-from-file", test_wizard_codes_from_file);
  g_test_add_func ("/ui-campaigns/editor", test_editor);
  g_test_add_func ("/ui-campaigns/narrow", test_narrow);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
