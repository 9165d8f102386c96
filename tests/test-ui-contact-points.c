/* test-ui-contact-points.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <locale.h>

#include "contacts/loy-adjust-dialog.h"
#include "contacts/loy-award-dialog.h"
#include "loy-section-view.h"

#include "test-ui-contacts-fixture.h"

/* A contact's points in the real application on a temporary demo database:
 * open the contact found by searching, award points for an action or
 * refuse bad input, adjust the balance and undo it from the toast. Each
 * step is saved as a screenshot under tests/screenshots/contact-*.png in
 * the build directory. */

static GtkWidget *undo_button;

static gboolean
undo_button_shown (gpointer data)
{
  undo_button = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), GTK_TYPE_BUTTON,
                                             "contact.undo");

  return undo_button != NULL && gtk_widget_get_mapped (undo_button);
}

/* An action worth more than a thousand points, to see them grouped; its
 * name comes after the demo's actions. */
static void
add_survey_action (void)
{
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_get_program_sync (loy_ui_test_get_store (), NULL, &error);
  g_assert_no_error (error);
  loy_program_set_action_points (program, "survey", 1500);
  updated = loy_store_update_program_sync (loy_ui_test_get_store (), program, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_action_points (updated, "survey"), ==, 1500);
}

/* Clicking the one row found opens the contact's window. */
static void
test_open (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *entry = loy_section_view_get_search_entry (view);
  GtkWidget *column_view;

  gtk_editable_set_text (GTK_EDITABLE (entry), contact_email);
  loy_ui_test_wait_for_rows (view, 1, "the search to find the contact");

  column_view = loy_ui_test_find_descendant (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  g_signal_emit_by_name (column_view, "activate", 0);

  contact_window = LOY_CONTACT_WINDOW (loy_ui_test_wait_for_toplevel (LOY_TYPE_CONTACT_WINDOW, NULL,
                                                                      "the contact's window"));
  g_assert_cmpstr (loy_contact_get_uuid (loy_contact_window_get_contact (contact_window)), ==,
                   contact_uuid);
  loy_ui_test_wait_for (contact_window_idle, NULL, "the contact's history and rewards");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loy_contact_window_get_ledger (contact_window))),
                    >, 0);
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-window");
}

static gboolean
window_shows_balance (gpointer data)
{
  const gint64 *balance = data;

  return contact_window_idle (NULL) &&
         loy_contact_get_balance (loy_contact_window_get_contact (contact_window)) == *balance;
}

/* Points for an action of the program: the choices read as names, and the
 * award is a credit reception of the program's points for it. */
static void
test_award_action (void)
{
  gint64 balance = store_balance ();
  LoyAwardDialog *dialog;
  GtkStringList *actions;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  gint64 expected;

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.award", NULL);
  dialog = LOY_AWARD_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_AWARD_DIALOG, NULL,
                                                            "the award dialog"));

  /* The demo program's actions, in order: referral, review, social_share;
   * then the survey added for these tests */
  actions = GTK_STRING_LIST (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                            LOY_TYPE_AWARD_DIALOG, "action_list"));
  g_assert_cmpstr (gtk_string_list_get_string (actions, 0), ==, "Referral (100 points)");
  g_assert_cmpstr (gtk_string_list_get_string (actions, 2), ==, "Social share (10 points)");

  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            LOY_TYPE_AWARD_DIALOG,
                                                                            "basis_row")),
                              2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            LOY_TYPE_AWARD_DIALOG,
                                                                            "action_row")),
                              1);
  expected = loy_award_dialog_get_points (dialog);
  g_assert_cmpint (expected, ==, 25);
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-award");
  loy_ui_test_respond (GTK_WINDOW (dialog), "award");

  balance += expected;
  loy_ui_test_wait_for (window_shows_balance, &balance, "the award to be read back");
  g_assert_cmpint (store_balance (), ==, balance);
  entry = store_newest_entry ();
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==,
                   LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 25);
}

typedef struct
{
  guint       basis;
  const char *typed;
  const char *problem;   /* NULL: accepted */
  gint64      points;    /* when accepted; -1: by the program's earning rule for cents */
  gint64      cents;
} AwardInput;

static void
check_award_inputs (const AwardInput *inputs,
                    guint             n_inputs,
                    const char       *screenshot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyProgram) program = loy_store_get_program_sync (loy_ui_test_get_store (), NULL, &error);
  LoyAwardDialog *dialog;
  AdwComboRow *basis_row;

  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.award", NULL);
  dialog = LOY_AWARD_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_AWARD_DIALOG, NULL,
                                                            "the award dialog"));
  basis_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_AWARD_DIALOG,
                                                            "basis_row"));

  /* Nothing typed yet: nothing said, and no award. */
  g_assert_null (loy_ui_test_shown_problem (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                           LOY_TYPE_AWARD_DIALOG,
                                                                           "amount_entry"))));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "award"));

  for (guint i = 0; i < n_inputs; i++)
    {
      GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                    LOY_TYPE_AWARD_DIALOG,
                                                                    inputs[i].basis == 0 ? "amount_entry"
                                                                                         : "points_entry"));
      LoyAward award;

      g_test_message ("typed %s", inputs[i].typed);
      adw_combo_row_set_selected (basis_row, inputs[i].basis);
      gtk_editable_set_text (GTK_EDITABLE (entry), inputs[i].typed);
      g_assert_cmpstr (loy_ui_test_shown_problem (entry), ==, inputs[i].problem);
      g_assert_cmpint (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "award"),
                       ==, inputs[i].problem == NULL);
      if (inputs[i].problem != NULL)
        {
          if (screenshot != NULL && i == 0)
            loy_ui_test_save_screenshot (GTK_WIDGET (dialog), screenshot);
          continue;
        }

      loy_award_dialog_get_award (dialog, &award);
      if (inputs[i].basis == 0)
        {
          g_assert_cmpint (award.amount_cents, ==, inputs[i].cents);
          g_assert_cmpint (loy_award_dialog_get_points (dialog), ==,
                           loy_program_points_for_amount (program, inputs[i].cents));
        }
      else
        {
          g_assert_cmpint (award.points, ==, inputs[i].points);
        }
    }

  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
}

/* What is typed is read as typed, or refused beside the field with Award
 * off: never clamped to the most allowed, zeroed or cut at the comma. */
static void
test_award_refused (void)
{
  static const AwardInput inputs[] = {
    { 0, "99999999999999", "Enter at most 1000000.00" },
    { 0, "abc", "“abc” is not an amount such as 12.50" },
    { 0, "-50", "Enter a number that is not negative" },
    { 0, "12.345", "Enter at most two decimals" },
    { 0, "", "Enter an amount" },
    { 0, "12,50", NULL, -1, 1250 },
    { 0, "2.50", NULL, -1, 250 },
    { 1, "abc", "“abc” is not a number such as 1250" },
    { 1, "0", "Enter at least 1" },
    { 1, "12.5", "Enter a whole number" },
    { 1, "1,500", NULL, 1500 },
  };

  check_award_inputs (inputs, G_N_ELEMENTS (inputs), "contact-award-refused");
}

/* The same in nl_NL, where the comma is the decimal mark. */
static void
test_award_refused_nl (void)
{
  static const AwardInput inputs[] = {
    { 0, "99999999999999", "Enter at most 1.000.000,00" },
    { 0, "abc", "“abc” is not an amount such as 12,50" },
    { 0, "12,50", NULL, -1, 1250 },
    { 0, "2.50", NULL, -1, 250 },
    { 0, "1.250", NULL, -1, 125000 },
    { 1, "1.500", NULL, 1500 },
    { 1, "12,5", "Enter a whole number" },
  };
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("No nl_NL.UTF-8 locale");
      return;
    }

  check_award_inputs (inputs, G_N_ELEMENTS (inputs), "contact-award-refused-nl");
  setlocale (LC_NUMERIC, numeric);
}

/* An action's points read grouped, as everywhere else in the app, in a
 * locale that groups them (the tests otherwise run in C.UTF-8). */
static void
test_award_grouped_points (void)
{
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  LoyAwardDialog *dialog;
  GtkStringList *actions;
  GtkLabel *preview_label;

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("No nl_NL.UTF-8 locale to group thousands in");
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.award", NULL);
  dialog = LOY_AWARD_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_AWARD_DIALOG, NULL,
                                                            "the award dialog"));
  actions = GTK_STRING_LIST (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                            LOY_TYPE_AWARD_DIALOG, "action_list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actions)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (actions, 3), ==, "Survey (1.500 points)");

  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            LOY_TYPE_AWARD_DIALOG,
                                                                            "basis_row")),
                              2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                            LOY_TYPE_AWARD_DIALOG,
                                                                            "action_row")),
                              3);
  g_assert_cmpint (loy_award_dialog_get_points (dialog), ==, 1500);
  preview_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                            LOY_TYPE_AWARD_DIALOG,
                                                            "preview_label"));
  g_assert_cmpstr (gtk_label_get_text (preview_label), ==, "= 1.500 points");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-award-grouped");

  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
  setlocale (LC_NUMERIC, numeric);
}

/* Nothing is wrong before the user edits anything, though Apply is off;
 * points that overdraw the balance are a problem as soon as they are typed;
 * an empty reason keeps Apply off; −10 with a reason changes the store's
 * balance; the toast's Undo writes a reversal and restores it. */
static void
test_adjust_and_undo (void)
{
  gint64 balance = store_balance ();
  LoyAdjustDialog *dialog;
  GtkWidget *problem_label;
  GtkWidget *credits_entry;
  g_autofree char *overdraft = g_strdup_printf ("%" PRId64, -(balance + 1));
  g_autoptr(LoyLedgerEntry) adjustment = NULL;
  g_autoptr(LoyLedgerEntry) reversal = NULL;

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.adjust", NULL);
  dialog = LOY_ADJUST_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_ADJUST_DIALOG, NULL,
                                                             "the adjust dialog"));
  problem_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                             LOY_TYPE_ADJUST_DIALOG,
                                                             "problem_label"));
  credits_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                            LOY_TYPE_ADJUST_DIALOG,
                                                            "credits_entry"));

  /* Just opened: no complaint yet, and nothing that can be applied */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_nonnull (loy_adjust_dialog_get_problem (dialog));
  g_assert_false (gtk_widget_get_visible (problem_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem_label)), ==, "");
  g_assert_false (gtk_widget_has_css_class (credits_entry, "error"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-adjust-opened");

  /* Read as typed */
  gtk_editable_set_text (GTK_EDITABLE (credits_entry), overdraft);
  g_assert_cmpint (loy_adjust_dialog_get_credits (dialog), ==, -(balance + 1));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_cmpstr (loy_adjust_dialog_get_problem (dialog), ==, "The balance cannot go below zero.");
  g_assert_true (gtk_widget_get_visible (problem_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem_label)), ==,
                   "The balance cannot go below zero.");
  g_assert_true (gtk_widget_has_css_class (problem_label, "error"));
  g_assert_true (gtk_widget_has_css_class (credits_entry, "error"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-adjust-overdraft");

  /* Text that is no whole number says why beside the field, not read as 0 or cut */
  gtk_editable_set_text (GTK_EDITABLE (credits_entry), "12,5");
  g_assert_cmpstr (loy_ui_test_shown_problem (credits_entry), ==, "Enter a whole number");
  g_assert_false (gtk_widget_get_visible (problem_label));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  gtk_editable_set_text (GTK_EDITABLE (credits_entry), "-");
  g_assert_cmpstr (loy_ui_test_shown_problem (credits_entry), ==, "“-” is not a number such as 1250");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-adjust-refused");

  /* Valid points: the untouched reason says nothing yet */
  loy_adjust_dialog_set_credits (dialog, -10);
  g_assert_false (gtk_widget_get_visible (problem_label));
  g_assert_false (gtk_widget_has_css_class (credits_entry, "error"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_nonnull (loy_adjust_dialog_get_problem (dialog));
  loy_adjust_dialog_set_reason (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  /* The problem reads as one, as in the other dialogs */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (problem_label)), ==,
                   loy_adjust_dialog_get_problem (dialog));
  g_assert_true (gtk_widget_get_visible (problem_label));
  g_assert_true (gtk_widget_has_css_class (problem_label, "error"));
  g_assert_false (gtk_widget_has_css_class (problem_label, "dim-label"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-adjust-no-reason");

  /* A common reason, from the menu beside the reason */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "adjust.use-reason", "s", "Goodwill gesture");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_null (loy_adjust_dialog_get_problem (dialog));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contact-adjust");
  loy_ui_test_respond (GTK_WINDOW (dialog), "apply");

  loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), "−10 points");
  loy_ui_test_wait_for (undo_button_shown, NULL, "the toast with Undo");
  loy_ui_test_wait_for (contact_window_idle, NULL, "the adjustment to be read back");
  g_assert_cmpint (store_balance (), ==, balance - 10);
  g_assert_cmpint (loy_contact_get_balance (loy_contact_window_get_contact (contact_window)), ==,
                   balance - 10);
  adjustment = store_newest_entry ();
  g_assert_cmpint (loy_ledger_entry_get_entry_type (adjustment), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_assert_cmpint (loy_ledger_entry_get_credits (adjustment), ==, -10);
  g_assert_cmpstr (loy_ledger_entry_get_reason (adjustment), ==, "Goodwill gesture");
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-adjusted");

  g_signal_emit_by_name (undo_button, "clicked");
  loy_ui_test_wait_for (window_shows_balance, &balance, "the undo to be read back");
  loy_ui_test_wait_for (contact_window_idle, NULL, "the history after the undo");
  g_assert_cmpint (store_balance (), ==, balance);
  reversal = store_newest_entry ();
  g_assert_cmpint (loy_ledger_entry_get_entry_type (reversal), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
  g_assert_cmpstr (loy_ledger_entry_get_reverses_uuid (reversal), ==,
                   loy_ledger_entry_get_uuid (adjustment));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-undone");
}

int
main (int   argc,
      char *argv[])
{
  if (!loy_ui_test_init (&argc, &argv, "ui-contact-points"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  start_app_with_contact ();
  add_survey_action ();

  g_test_add_func ("/ui-contacts/open", test_open);
  g_test_add_func ("/ui-contacts/award-action", test_award_action);
  g_test_add_func ("/ui-contacts/award-grouped-points", test_award_grouped_points);
  g_test_add_func ("/ui-contacts/award-refused", test_award_refused);
  g_test_add_func ("/ui-contacts/award-refused-nl", test_award_refused_nl);
  g_test_add_func ("/ui-contacts/adjust-and-undo", test_adjust_and_undo);

  return run_tests_and_stop ();
}
