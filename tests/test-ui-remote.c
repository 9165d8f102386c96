/* test-ui-remote.c — the application on a Piggy account (the fake server):
 * find a contact by part of their name, award points, redeem a digital
 * reward and see its code, reverse it; a screenshot of each step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "campaigns/loy-campaigns-section.h"
#include "campaigns/loy-promotion-window.h"
#include "contacts/loy-adjust-dialog.h"
#include "contacts/loy-award-dialog.h"
#include "contacts/loy-code-dialog.h"
#include "contacts/loy-contact-history-page.h"
#include "contacts/loy-contact-window.h"
#include "contacts/loy-contacts-section.h"
#include "loy-application.h"
#include "loy-desk-shop.h"
#include "loy-fake-piggy.h"
#include "loy-preferences-window.h"
#include "loy-section-view.h"
#include "loy-task-bar.h"
#include "loy-toast-target.h"
#include "loy-ui-test.h"
#include "loy-window.h"
#include "program/loy-level-basis-bar.h"
#include "program/loy-level-editor.h"
#include "program/loy-levels-section.h"
#include "program/loy-program-page.h"
#include "rest/loy-rest-client.h"
#include "rest/loy-rest-store.h"
#include "test-ui-remote-fixture.h"

#define API_KEY       "ui-remote-key"
#define JELLYFISH_NET "6bfe1e50-b13a-49ab-85c9-98cd8b734da2"
#define CHUM_BUCKET   "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c"

static LoyWindow *window;
static char *database;
static LoyFakePiggy *piggy;
static LoyContactWindow *contact_window;

static gboolean
model_settled (gpointer data)
{
  LoyPagedModel *model = data;

  return loy_paged_model_get_loaded (model) && !loy_paged_model_get_loading (model);
}

static gboolean
contact_window_idle (gpointer data)
{
  return !loy_contact_window_get_busy (contact_window) &&
         model_settled (loy_contact_window_get_ledger (contact_window)) &&
         model_settled (loy_contact_window_get_rewards (contact_window));
}

static gboolean
contact_window_idle_but_history (gpointer data)
{
  return !loy_contact_window_get_busy (contact_window) &&
         model_settled (loy_contact_window_get_rewards (contact_window));
}

static gboolean
window_shows_balance (gpointer data)
{
  return contact_window_idle (NULL) &&
         loy_contact_get_balance (loy_contact_window_get_contact (contact_window)) == *(gint64 *) data;
}

static void
show_contact_page (const char *name)
{
  GtkWidget *stack = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), ADW_TYPE_VIEW_STACK, NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

/* With two shops, Preferences choose this desk's; the account's writes go there. */
static void
test_preferences_shop (void)
{
  GSettings *settings = loy_application_get_settings (loy_ui_test_get_app ());
  LoyPreferencesWindow *preferences = loy_preferences_window_new (LOY_DATA_SOURCE (loy_ui_test_get_app ()),
                                                                  GTK_WINDOW (window));
  g_autofree char *stored = NULL;
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                   LOY_TYPE_PREFERENCES_WINDOW, "shop_row"));

  gtk_window_present (GTK_WINDOW (preferences));
  loy_ui_test_wait_for (row_lists_shops, row, "the account's shops");
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpstr (stored = loy_desk_shop_dup_stored (settings, loy_fake_piggy_get_base_url (piggy)), ==, CHUM_BUCKET);
  loy_ui_test_wait_for (store_uses_shop, CHUM_BUCKET, "the store to use the shop chosen");
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "remote-preferences-shop");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* A label on show whose text has @data in it. */
static gboolean
label_says (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* Piggy cannot search by part of a name: the account's local index does. */
static void
test_find_by_name (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *entry = loy_section_view_get_search_entry (view);
  GtkWidget *column_view;

  gtk_editable_set_text (GTK_EDITABLE (entry), "andy ch");
  loy_ui_test_wait_for_rows (view, 1, "the search to find Sandy");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-contact-search");

  column_view = loy_ui_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_signal_emit_by_name (column_view, "activate", 0);
  contact_window = LOY_CONTACT_WINDOW (loy_ui_test_wait_for_toplevel (LOY_TYPE_CONTACT_WINDOW, NULL,
                                                                      "the contact's window"));
  g_assert_cmpstr (loy_contact_get_uuid (loy_contact_window_get_contact (contact_window)), ==,
                   LOY_FAKE_PIGGY_CONTACT_UUID);
  loy_ui_test_wait_for (contact_window_idle, NULL, "the contact's history and rewards");
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "remote-contact-window");
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
label_shows (gpointer data)
{
  GtkLabel *label = data;

  return g_strcmp0 (gtk_label_get_text (label), g_object_get_data (G_OBJECT (label), "expected")) == 0;
}

static void
wait_for_label (GtkLabel   *label,
                const char *expected,
                const char *what)
{
  g_object_set_data_full (G_OBJECT (label), "expected", g_strdup (expected), g_free);
  loy_ui_test_wait_for (label_shows, label, what);
}

static GtkLabel *
dialog_label (LoyAwardDialog *dialog,
              const char     *name)
{
  return GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_AWARD_DIALOG, name));
}

static GtkWidget *
template_widget (gpointer    widget,
                 GType       type,
                 const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The account's contacts are indexed as it connects, slowly here (every
 * answer held back): the bar counts them, a search meanwhile says it may
 * miss some, Cancel stops with what was read, and going on completes it. */
static void
test_index_progress (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION);
  GtkWidget *bar = template_widget (section, LOY_TYPE_CONTACTS_SECTION, "index_bar");
  GtkWidget *note = template_widget (section, LOY_TYPE_CONTACTS_SECTION, "index_note");
  GtkLabel *note_label = GTK_LABEL (template_widget (section, LOY_TYPE_CONTACTS_SECTION, "index_note_label"));
  GtkWidget *entry = loy_section_view_get_search_entry (view);

  wait_for_label (GTK_LABEL (template_widget (bar, LOY_TYPE_TASK_BAR, "label")),
                  "Indexing contacts… 100 of 251", "the first hundred contacts indexed");
  g_assert_true (gtk_widget_get_visible (bar));

  /* Newest first: of contact-00100 to 00199 the index has 00151 on, 49. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "contact-001");
  loy_ui_test_wait_for (widget_visible, note, "the note on incomplete results");
  g_assert_nonnull (strstr (gtk_label_get_text (note_label), "may be incomplete"));
  loy_ui_test_wait_for_rows (view, 49, "the indexed part found");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-contacts-indexing");

  g_signal_emit_by_name (template_widget (bar, LOY_TYPE_TASK_BAR, "cancel_button"), "clicked");
  loy_ui_test_wait_for (widget_hidden, bar, "the indexing to stop");
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_true (gtk_widget_get_visible (template_widget (section, LOY_TYPE_CONTACTS_SECTION, "index_button")));
  /* Stopped, a search reads what was indexed, and fills nothing behind its back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "contact-00");
  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "a search on the stopped index");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view))), <, 250);
  gtk_editable_set_text (GTK_EDITABLE (entry), "contact-001");
  loy_ui_test_wait_for_rows (view, 49, "the indexed part found again");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-contacts-index-stopped");

  /* Going on completes it, and the search on show is answered again, whole. */
  loy_fake_piggy_set_delay (piggy, 0);
  gtk_widget_activate_action (section, "contacts.index", NULL);
  g_assert_true (gtk_widget_get_visible (bar));
  loy_ui_test_wait_for (widget_hidden, bar, "the indexing to end");
  loy_ui_test_wait_for (widget_hidden, note, "the note to go");
  loy_ui_test_wait_for_rows (view, 100, "every match found");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* The server's rule is 2 credits a unit where the program (as read from the
 * account) would say 1: the preview is the server's, asked once typing
 * pauses, and a failed calculation says so without losing the amount. */
static void
test_award_purchase (void)
{
  gint64 balance = 85;
  g_autofree char *body = NULL;
  LoyAwardDialog *dialog;
  GtkWidget *amount;
  GtkLabel *preview, *preview_error;
  guint n_calculations;

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.award", NULL);
  dialog = LOY_AWARD_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_AWARD_DIALOG, NULL, "the award dialog"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            LOY_TYPE_AWARD_DIALOG,
                                                                            "basis_row")),
                              0);
  amount = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_AWARD_DIALOG,
                                                      "amount_entry"));
  preview = dialog_label (dialog, "preview_label");
  preview_error = dialog_label (dialog, "preview_error_label");

  /* A failed calculation: the line says why, the amount stays. */
  loy_fake_piggy_add_path_fault (piggy, "GET", "/credit-receptions/calculate", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  gtk_editable_set_text (GTK_EDITABLE (amount), "10");
  g_assert_cmpstr (gtk_label_get_text (preview), ==, "Calculating…");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-award-calculating");
  loy_ui_test_wait_for (widget_visible, preview_error, "the calculation's error");
  g_assert_nonnull (strstr (gtk_label_get_text (preview_error), "maintenance"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "10");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-award-calculation-failed");

  /* Typing on: one calculation for the amount it pauses at. */
  n_calculations = loy_fake_piggy_count_requests (piggy, "GET", "/credit-receptions/calculate");
  gtk_editable_set_text (GTK_EDITABLE (amount), "42");
  gtk_editable_set_text (GTK_EDITABLE (amount), "42.5");
  gtk_editable_set_text (GTK_EDITABLE (amount), "42.50");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (preview_error)));
  wait_for_label (preview, "= 85 points", "the server's calculation");
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "GET", "/credit-receptions/calculate"), ==,
                    n_calculations + 1);
  g_assert_cmpint (loy_award_dialog_get_points (dialog), ==, 85);
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-award");
  loy_ui_test_respond (GTK_WINDOW (dialog), "award");

  loy_ui_test_wait_for (window_shows_balance, &balance, "the award to be read back");
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 85);
  body = loy_fake_piggy_dup_last_write_body (piggy);
  g_assert_nonnull (strstr (body, CHUM_BUCKET));
  /* Read again after the award, the contact comes with its prepaid balance. */
  g_assert_nonnull (loy_ui_test_find_matching (GTK_WIDGET (contact_window), label_says, "12.50 prepaid"));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "remote-awarded");
}

static void
test_redeem_and_reverse (void)
{
  gint64 after_redeem = 85 - 25;
  gint64 after_reverse = 85;
  GtkWindow *confirmation;
  LoyCodeDialog *code_dialog;
  g_autoptr(LoyLedgerEntry) redemption = NULL;
  LoyPagedModel *ledger;

  show_contact_page ("rewards");
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "remote-rewards-claimable");
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.redeem", "s", JELLYFISH_NET);
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL, "the redeem confirmation");
  loy_ui_test_respond (confirmation, "redeem");

  code_dialog = LOY_CODE_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_DIALOG, NULL, "the code"));
  g_assert_cmpstr (loy_code_dialog_get_code (code_dialog), ==, "JELLY-0001");
  loy_ui_test_save_screenshot (GTK_WIDGET (code_dialog), "remote-code");
  loy_ui_test_respond (GTK_WINDOW (code_dialog), "close");
  loy_ui_test_wait_for (window_shows_balance, &after_redeem, "the redemption to be read back");

  show_contact_page ("history");
  ledger = loy_contact_window_get_ledger (contact_window);
  redemption = g_list_model_get_item (G_LIST_MODEL (ledger), 0);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (redemption), ==, LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION);

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.reverse", "s",
                              loy_ledger_entry_get_uuid (redemption));
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL, "the reverse confirmation");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (confirmation))),
                         "Changed her mind");
  loy_ui_test_save_screenshot (GTK_WIDGET (confirmation), "remote-reverse");
  loy_ui_test_respond (confirmation, "reverse");
  loy_ui_test_wait_for (window_shows_balance, &after_reverse, "the reversal to be read back");
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 85);

  /* Read back from the server, the history still knows what this session reversed. */
  loy_ui_test_wait_for (model_settled, ledger, "the history to be read again");
  {
    g_autoptr(LoyLedgerEntry) reversal = g_list_model_get_item (G_LIST_MODEL (ledger), 0);
    g_autoptr(LoyLedgerEntry) reversed = g_list_model_get_item (G_LIST_MODEL (ledger), 1);

    g_assert_cmpint (loy_ledger_entry_get_entry_type (reversal), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
    g_assert_true (loy_ledger_entry_get_reversed (reversed));
  }
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "remote-reversed");
}

/* The award dialog, opened, for @points fixed points and @note; the toasts
 * of earlier steps are gone first (an inactive window's toasts stay). */
static LoyAwardDialog *
open_award_for_points (const char *points,
                       const char *note)
{
  LoyAwardDialog *dialog;

  loy_toast_target_dismiss_all (LOY_TOAST_TARGET (template_widget (contact_window, LOY_TYPE_CONTACT_WINDOW,
                                                                   "toast_target")));
  loy_toast_target_dismiss_all (LOY_TOAST_TARGET (template_widget (window, LOY_TYPE_WINDOW, "toast_target")));

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.award", NULL);
  dialog = LOY_AWARD_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_AWARD_DIALOG, NULL, "the award dialog"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_widget (dialog, LOY_TYPE_AWARD_DIALOG, "basis_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (template_widget (dialog, LOY_TYPE_AWARD_DIALOG, "points_entry")), points);
  gtk_editable_set_text (GTK_EDITABLE (template_widget (dialog, LOY_TYPE_AWARD_DIALOG, "reason_row")), note);

  return dialog;
}

static guint
count_awards (void)
{
  return loy_fake_piggy_count_requests (piggy, "POST", "/credit-receptions");
}

/* The answer to an award is lost after the server applied it: the store
 * reads the history, finds it, and the window says it was awarded — sent
 * once, the points once. */
static void
test_award_lost_applied (void)
{
  gint64 balance = loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID) + 7;
  guint n_awards = count_awards ();
  LoyAwardDialog *dialog;

  loy_fake_piggy_add_path_fault (piggy, "POST", "/credit-receptions", LOY_FAKE_PIGGY_FAULT_DROP_APPLIED);
  dialog = open_award_for_points ("7", "");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  loy_ui_test_respond (GTK_WINDOW (dialog), "award");

  loy_ui_test_wait_for (window_shows_balance, &balance, "the award to be read back");
  loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), "Awarded 7 points");
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, balance);
  /* Done: the dialog is gone, not kept to be shown again. */
  g_assert_null (dialog);
}

/* The answer is lost before the server applied it (a 500): the history
 * shows no such award, and the dialog is back as typed, saying so inside. */
static void
test_award_lost_not_made (void)
{
  gint64 balance = loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID);
  guint n_awards = count_awards ();
  LoyAwardDialog *dialog;

  loy_fake_piggy_add_path_fault (piggy, "POST", "/credit-receptions", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR);
  dialog = open_award_for_points ("9", "Birthday");
  loy_ui_test_respond (GTK_WINDOW (dialog), "award");
  g_assert_null (loy_ui_test_get_toplevel (LOY_TYPE_AWARD_DIALOG, NULL));

  dialog = LOY_AWARD_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_AWARD_DIALOG, NULL, "the award dialog again"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not made"));
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (template_widget (dialog, LOY_TYPE_AWARD_DIALOG,
                                                                               "basis_row"))), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_widget (dialog, LOY_TYPE_AWARD_DIALOG,
                                                                         "points_entry"))), ==, "9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_widget (dialog, LOY_TYPE_AWARD_DIALOG,
                                                                         "reason_row"))), ==, "Birthday");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "award"));
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, balance);
  loy_ui_test_wait_for (contact_window_idle, NULL, "the window read again");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-award-not-made");

  /* Cancelled now, it goes for good. */
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
  g_assert_null (loy_ui_test_get_toplevel (LOY_TYPE_AWARD_DIALOG, NULL));
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
}

/* The answer is lost after the server applied it, and the history cannot
 * be read to find out: the dialog is not offered again (one click would
 * award twice), Check the History is, and shows the history read again. */
static void
test_award_outcome_unknown (void)
{
  gint64 balance = loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID) + 4;
  guint n_awards = count_awards ();
  AdwMessageDialog *question;
  GtkWidget *stack = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), ADW_TYPE_VIEW_STACK, NULL);

  show_contact_page ("rewards");
  loy_fake_piggy_add_path_fault (piggy, "POST", "/credit-receptions", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED);
  loy_fake_piggy_add_path_fault (piggy, "GET", "/loyalty-transactions", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  loy_ui_test_respond (GTK_WINDOW (open_award_for_points ("4", "")), "award");

  question = ADW_MESSAGE_DIALOG (loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL, "the question"));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Unknown Whether Awarded — Check the History");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "look at the history"));
  g_assert_true (adw_message_dialog_has_response (question, "check"));
  g_assert_false (adw_message_dialog_has_response (question, "award"));
  g_assert_null (loy_ui_test_get_toplevel (LOY_TYPE_AWARD_DIALOG, NULL));
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, balance);
  loy_ui_test_save_screenshot (GTK_WIDGET (question), "remote-award-unknown");

  loy_ui_test_respond (GTK_WINDOW (question), "check");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "history");
  loy_ui_test_wait_for (window_shows_balance, &balance, "the history read again");
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
}

/* Closed while an adjustment is on its way that is then not made: the
 * window is back, with the adjust dialog as typed, saying so. */
static void
test_adjust_window_closed_not_made (void)
{
  gint64 balance = loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID);
  guint n_awards = count_awards ();
  g_autofree char *reason = NULL;
  LoyAdjustDialog *dialog;

  loy_fake_piggy_set_delay (piggy, 500);
  loy_fake_piggy_add_path_fault (piggy, "POST", "/credit-receptions", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR);
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.adjust", NULL);
  dialog = LOY_ADJUST_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_ADJUST_DIALOG, NULL, "the adjust dialog"));
  loy_adjust_dialog_set_credits (dialog, 3);
  loy_adjust_dialog_set_reason (dialog, "Goodwill gesture");
  gtk_editable_set_text (GTK_EDITABLE (template_widget (dialog, LOY_TYPE_ADJUST_DIALOG, "operator_row")), "Pat");
  loy_ui_test_respond (GTK_WINDOW (dialog), "apply");
  gtk_window_close (GTK_WINDOW (contact_window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (contact_window)));

  dialog = LOY_ADJUST_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_ADJUST_DIALOG, NULL, "the adjust dialog again"));
  loy_fake_piggy_set_delay (piggy, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (contact_window)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (contact_window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not made"));
  g_assert_cmpint (loy_adjust_dialog_get_credits (dialog), ==, 3);
  reason = loy_adjust_dialog_dup_reason (dialog);
  g_assert_cmpstr (reason, ==, "Goodwill gesture");
  g_assert_null (loy_adjust_dialog_get_problem (dialog));
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, balance);
  loy_ui_test_wait_for (contact_window_idle, NULL, "the window read again");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-adjust-not-made");
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
}

/* The window closed while an award is on its way: the award is not
 * cancelled, is sent once, and the main window says what was awarded; the
 * contact opens again afterwards as usual. */
static void
test_award_window_closed (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION);
  g_autoptr(LoyContact) contact = g_object_ref (loy_contact_window_get_contact (contact_window));
  gint64 balance = loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID) + 5;
  guint n_awards = count_awards ();
  LoyAwardDialog *dialog;

  loy_fake_piggy_set_delay (piggy, 500);
  dialog = open_award_for_points ("5", "");
  loy_ui_test_respond (GTK_WINDOW (dialog), "award");
  gtk_window_close (GTK_WINDOW (contact_window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (contact_window)));

  g_object_add_weak_pointer (G_OBJECT (contact_window), (gpointer *) &contact_window);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &contact_window, "the window to go once written");
  loy_fake_piggy_set_delay (piggy, 0);
  loy_ui_test_wait_for_toast (GTK_WIDGET (window), "Sandy Cheeks: Awarded 5 points");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-awarded-window-closed");
  g_assert_cmpuint (count_awards (), ==, n_awards + 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, balance);

  contact_window = LOY_CONTACT_WINDOW (loy_contacts_section_open_contact (LOY_CONTACTS_SECTION (section), contact));
  loy_ui_test_wait_for (contact_window_idle, NULL, "the contact's window again");
}

/* A redemption answered 500 before it was made: the question again, for
 * the same reward, saying so; no code, the balance as it was. */
static void
test_redeem_not_made (void)
{
  gint64 balance = loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID);
  guint n_redemptions = loy_fake_piggy_count_requests (piggy, "POST", "/reward-receptions");
  GtkWindow *question;

  show_contact_page ("rewards");
  loy_fake_piggy_add_path_fault (piggy, "POST", "/reward-receptions", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR);
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.redeem", "s", JELLYFISH_NET);
  question = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL, "the redeem confirmation");
  loy_ui_test_respond (question, "redeem");

  question = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL, "the redeem confirmation again");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), "Redeem “"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), "not made"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (question), "redeem"));
  g_assert_null (loy_ui_test_get_toplevel (LOY_TYPE_CODE_DIALOG, NULL));
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "POST", "/reward-receptions"), ==, n_redemptions + 1);
  g_assert_cmpint (loy_fake_piggy_get_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID), ==, balance);
  loy_ui_test_respond (question, "cancel");
  loy_ui_test_wait_for (window_shows_balance, &balance, "the window read again");
}

static GtkWidget *
contact_window_child (const char *page,
                      GType       page_type,
                      const char *child)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (contact_window),
                                                                 LOY_TYPE_CONTACT_WINDOW, page));

  return GTK_WIDGET (gtk_widget_get_template_child (widget, page_type, child));
}

static gboolean
stack_shows (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), g_object_get_data (data, "expected")) == 0;
}

static void
wait_for_stack (GtkWidget  *stack,
                const char *name,
                const char *what)
{
  g_object_set_data_full (G_OBJECT (stack), "expected", g_strdup (name), g_free);
  loy_ui_test_wait_for (stack_shows, stack, what);
}

/* A read of the history that gave up after its retries says why, and Try
 * Again reads the history again, and nothing else of the window. */
static void
test_history_retry (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION);
  g_autoptr(LoyContact) contact = g_object_ref (loy_contact_window_get_contact (contact_window));
  GtkWidget *stack, *error_page;
  guint n_rewards, n_contacts, n_history;

  /* Too many requests, every time it is tried. */
  gtk_window_destroy (GTK_WINDOW (contact_window));
  loy_fake_piggy_set_retry_after (piggy, 0);
  for (guint i = 0; i < LOY_REST_CLIENT_READ_ATTEMPTS; i++)
    loy_fake_piggy_add_path_fault (piggy, "GET", "/loyalty-transactions", LOY_FAKE_PIGGY_FAULT_RATE_LIMITED);
  contact_window = LOY_CONTACT_WINDOW (loy_contacts_section_open_contact (LOY_CONTACTS_SECTION (section), contact));

  stack = contact_window_child ("history_page", LOY_TYPE_CONTACT_HISTORY_PAGE, "ledger_stack");
  wait_for_stack (stack, "error", "the history to give up");
  error_page = contact_window_child ("history_page", LOY_TYPE_CONTACT_HISTORY_PAGE, "error_page");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (loy_ui_test_find_descendant (error_page, ADW_TYPE_STATUS_PAGE, NULL))),
                            "too many requests"));
  loy_ui_test_wait_for (model_settled, loy_contact_window_get_rewards (contact_window), "the rewards");
  g_assert_null (loy_paged_model_get_error (loy_contact_window_get_rewards (contact_window)));
  loy_ui_test_wait_for (contact_window_idle_but_history, NULL, "the window to settle");
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "remote-history-failed");
  loy_fake_piggy_set_retry_after (piggy, 1);

  n_rewards = loy_fake_piggy_count_requests (piggy, "GET", "/rewards");
  n_contacts = loy_fake_piggy_count_requests (piggy, "GET", "/contacts");
  n_history = loy_fake_piggy_count_requests (piggy, "GET", "/loyalty-transactions");
  g_signal_emit_by_name (loy_ui_test_find_descendant (error_page, GTK_TYPE_BUTTON, NULL), "clicked");
  wait_for_stack (stack, "list", "the history read again");
  loy_ui_test_wait_for (contact_window_idle, NULL, "the history");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loy_contact_window_get_ledger (contact_window))), >, 0);
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "GET", "/loyalty-transactions"), >, n_history);
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "GET", "/rewards"), ==, n_rewards);
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "GET", "/contacts"), ==, n_contacts);
}

static gboolean
vouchers_read (gpointer data)
{
  return !g_str_equal (loy_promotion_window_get_state (data), "loading");
}

/* The account's promotions are its campaigns, in the server's pages. */
static void
test_campaigns (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");

  LoyCampaignsSection *section = LOY_CAMPAIGNS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                                 LOY_TYPE_CAMPAIGNS_SECTION));
  g_autoptr(LoyCampaign) second = NULL;
  GtkWindow *summary;
  GtkLabel *summary_label;

  loy_ui_test_wait_for_rows (view, 12, "the account's promotions");
  /* The API searches no campaigns and makes them as promotions only: no
   * search, and New Promotion… rather than the wizard. */
  g_assert_false (gtk_widget_is_visible (loy_section_view_get_search_entry (view)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                                   LOY_TYPE_CAMPAIGNS_SECTION,
                                                                                   "new_button"))));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                                  LOY_TYPE_CAMPAIGNS_SECTION,
                                                                                  "new_promotion_button"))));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-campaigns");

  /* A promotion opens to its page: what Piggy keeps of it, and its vouchers. */
  second = g_list_model_get_item (G_LIST_MODEL (loy_section_view_get_model (view)), 1);
  summary = loy_campaigns_section_open_campaign (section, second);
  g_assert_true (LOY_IS_PROMOTION_WINDOW (summary));
  summary_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (summary), LOY_TYPE_PROMOTION_WINDOW,
                                                            "summary_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (summary_label), "at most 100, per contact: 1"));
  loy_ui_test_wait_for (vouchers_read, summary, "the promotion's vouchers");
  g_assert_cmpstr (loy_promotion_window_get_state (LOY_PROMOTION_WINDOW (summary)), ==, "empty");
  loy_ui_test_save_screenshot (GTK_WIDGET (summary), "remote-campaign-summary");
  gtk_window_destroy (summary);
}

static gboolean
basis_shown (gpointer data)
{
  return loy_level_basis_bar_get_text (data) != NULL;
}

/* Piggy's tiers are read-only: the section says where they are managed and
 * offers neither New nor Save. */
static void
test_levels_read_only (void)
{
  LoySectionView *view;
  GtkWidget *section, *bar, *stack;
  g_autoptr(LoyLevel) tier = NULL;
  GtkWindow *editor;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "levels-segments");
  stack = loy_ui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "levels");
  view = loy_section_view_find (loy_window_get_visible_view (window));
  section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_LEVELS_SECTION);
  loy_ui_test_wait_for_rows (view, 3, "the account's tiers");

  bar = loy_ui_test_find_descendant (section, LOY_TYPE_LEVEL_BASIS_BAR, NULL);
  loy_ui_test_wait_for (basis_shown, bar, "the line above the tiers");
  g_assert_nonnull (strstr (loy_level_basis_bar_get_text (LOY_LEVEL_BASIS_BAR (bar)), "Piggy dashboard"));
  /* Nothing of the local rules is claimed for the account's tiers. */
  g_assert_null (strstr (loy_level_basis_bar_get_text (LOY_LEVEL_BASIS_BAR (bar)), "reached by"));
  g_assert_false (gtk_widget_is_visible (loy_ui_test_find_descendant (bar, GTK_TYPE_BUTTON, NULL)));
  g_assert_false (gtk_widget_is_visible (loy_ui_test_find_descendant (section, GTK_TYPE_BUTTON, "levels.new")));
  /* Ctrl+N neither. */
  gtk_widget_activate_action (section, "levels.new", NULL);
  g_assert_null (loy_ui_test_get_toplevel (LOY_TYPE_LEVEL_EDITOR, NULL));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-levels");

  tier = g_list_model_get_item (G_LIST_MODEL (loy_section_view_get_model (view)), 0);
  /* A tier has no threshold or count to show. */
  g_assert_cmpint (loy_level_get_threshold (tier), ==, LOY_UNSET);
  g_assert_cmpint (loy_level_get_n_contacts (tier), ==, LOY_UNSET);
  editor = loy_levels_section_open_editor (LOY_LEVELS_SECTION (section), G_OBJECT (tier));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                     LOY_TYPE_LEVEL_EDITOR,
                                                                                     "threshold_row"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                     LOY_TYPE_LEVEL_EDITOR,
                                                                                     "save_button"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                     LOY_TYPE_LEVEL_EDITOR,
                                                                                     "delete_group"))));
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "remote-level");
  gtk_window_destroy (editor);
}

/* The API has no expiry: neither Preferences nor the store offer it. */
static void
test_no_expiry (void)
{
  LoyPreferencesWindow *preferences = loy_preferences_window_new (LOY_DATA_SOURCE (loy_ui_test_get_app ()),
                                                                  GTK_WINDOW (window));
  GtkWidget *program_page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                       LOY_TYPE_PREFERENCES_WINDOW,
                                                                       "program_page"));

  g_assert_false (loy_store_can (loy_ui_test_get_store (), LOY_STORE_CAN_EXPIRE_POINTS));
  gtk_window_present (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (program_page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (program_page,
                                                                                     LOY_TYPE_PROGRAM_PAGE,
                                                                                     "expiry_group"))));
  /* Nor the local rules' fields, which the account does not have. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (program_page,
                                                                                     LOY_TYPE_PROGRAM_PAGE,
                                                                                     "earning_group"))));
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "remote-preferences-program");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!remote_test_init (&argc, &argv, "ui-remote"))
    return g_test_run ();

  piggy = loy_fake_piggy_new (API_KEY);
  loy_fake_piggy_add_contacts (piggy, 250);
  loy_fake_piggy_set_prepaid_balance (piggy, LOY_FAKE_PIGGY_CONTACT_UUID, 1250);
  loy_fake_piggy_add_shop (piggy, CHUM_BUCKET, "Chum Bucket");
  loy_fake_piggy_add_promotions (piggy, 12);
  loy_fake_piggy_set_credits_per_unit (piggy, 2);
  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  /* Slow answers while the contacts are first indexed (see test_index_progress()). */
  loy_fake_piggy_set_delay (piggy, 150);
  connect_remote_account (piggy, API_KEY);

  g_test_add_func ("/ui-remote/index-progress", test_index_progress);
  g_test_add_func ("/ui-remote/preferences-shop", test_preferences_shop);
  g_test_add_func ("/ui-remote/find-by-name", test_find_by_name);
  g_test_add_func ("/ui-remote/award-purchase", test_award_purchase);
  g_test_add_func ("/ui-remote/redeem-and-reverse", test_redeem_and_reverse);
  g_test_add_func ("/ui-remote/award-lost-applied", test_award_lost_applied);
  g_test_add_func ("/ui-remote/award-lost-not-made", test_award_lost_not_made);
  g_test_add_func ("/ui-remote/award-outcome-unknown", test_award_outcome_unknown);
  g_test_add_func ("/ui-remote/adjust-window-closed-not-made", test_adjust_window_closed_not_made);
  g_test_add_func ("/ui-remote/award-window-closed", test_award_window_closed);
  g_test_add_func ("/ui-remote/redeem-not-made", test_redeem_not_made);
  g_test_add_func ("/ui-remote/history-retry", test_history_retry);
  g_test_add_func ("/ui-remote/campaigns", test_campaigns);
  g_test_add_func ("/ui-remote/levels-read-only", test_levels_read_only);
  g_test_add_func ("/ui-remote/no-expiry", test_no_expiry);

  ret = g_test_run ();

  g_settings_reset (loy_application_get_settings (loy_ui_test_get_app ()), "remote-shops");
  loy_ui_test_stop_app (database);
  g_free (database);
  loy_fake_piggy_free (piggy);
  remote_test_clear ();
  return ret;
}
