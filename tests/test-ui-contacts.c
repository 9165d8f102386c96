/* test-ui-contacts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "contacts/loy-adjust-dialog.h"
#include "contacts/loy-award-dialog.h"
#include "contacts/loy-code-dialog.h"
#include "contacts/loy-contact-details-page.h"
#include "contacts/loy-contact-history-page.h"
#include "contacts/loy-contact-window.h"
#include "contacts/loy-contacts-section.h"
#include "contacts/loy-enroll-dialog.h"
#include "loy-application.h"
#include "loy-format.h"
#include "loy-number-entry.h"
#include "loy-section-view.h"
#include "loy-segment-criteria.h"
#include "loy-task-bar.h"
#include "loy-ui-test.h"
#include "loy-window.h"
#include "sqlite/loy-sqlite-store.h"

/* The support desk's path through the real application on a temporary
 * demo database: find a contact by searching, open it, adjust the balance
 * and undo it from the toast, redeem a digital reward and see its code.
 * Each step is saved as a screenshot under tests/screenshots/contact-*.png
 * in the build directory. */

static LoyWindow *window;
static char *database;
/* The contact the steps work on, and its window once opened */
static char *contact_uuid;
static char *contact_email;
static LoyContactWindow *contact_window;

static gboolean
model_settled (gpointer data)
{
  LoyPagedModel *model = data;

  return loy_paged_model_get_loaded (model) && !loy_paged_model_get_loading (model);
}

/* @data: a contact window, or %NULL for the one the steps work on */
static gboolean
contact_window_idle (gpointer data)
{
  LoyContactWindow *contact = data != NULL ? data : contact_window;

  return !loy_contact_window_get_busy (contact) &&
         model_settled (loy_contact_window_get_ledger (contact)) &&
         model_settled (loy_contact_window_get_rewards (contact));
}

static GtkWidget *undo_button;

static gboolean
undo_button_shown (gpointer data)
{
  undo_button = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), GTK_TYPE_BUTTON,
                                             "contact.undo");

  return undo_button != NULL && gtk_widget_get_mapped (undo_button);
}

static gint64
store_balance (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) contact = NULL;

  contact = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CONTACT, contact_uuid, NULL,
                                   &error);
  g_assert_no_error (error);

  return loy_contact_get_balance (LOY_CONTACT (contact));
}

/* (transfer full): the contact's newest ledger entry, as the store has it. */
static LoyLedgerEntry *
store_newest_entry (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->parent_uuid = g_strdup (contact_uuid);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

/* The richest contact of the demo: enough points to adjust and redeem. */
static void
choose_contact (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  LoyContact *contact;

  query->sort = g_strdup ("-balance");
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);

  contact = g_ptr_array_index (page->items, 0);
  g_assert_cmpint (loy_contact_get_balance (contact), >=, 100);
  contact_uuid = g_strdup (loy_contact_get_uuid (contact));
  contact_email = g_strdup (loy_contact_get_email (contact));
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

static void
test_search (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *entry = loy_section_view_get_search_entry (view);
  LoyPagedModel *model;

  /* The list is asked for once the section is first shown. */
  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the contacts");
  model = loy_section_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), contact_email);
  loy_ui_test_wait_for_rows (view, 1, "the search to narrow the contacts");
  g_assert_cmpstr (loy_paged_model_get_query (model)->search, ==, contact_email);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contact-search");
}

static gboolean
label_shows (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
label_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* A search says how many contacts it found, under the search; it matches
 * any part of a name ("walski" finds the demo's Kowalskis). */
static void
test_result_count (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  GtkWidget *entry = loy_section_view_get_search_entry (view);
  LoyPagedModel *model = loy_section_view_get_model (view);
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                LOY_TYPE_SECTION_VIEW,
                                                                "result_count_label"));
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  loy_ui_test_wait_for (model_settled, model, "every contact");
  g_assert_false (gtk_widget_get_visible (label));

  query->search = g_strdup ("walski");
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, >, 1);
  g_assert_cmpstr (loy_contact_get_last_name (g_ptr_array_index (page->items, 0)), ==, "Kowalski");
  expected = g_strdup_printf ("%u contacts", page->total);

  gtk_editable_set_text (GTK_EDITABLE (entry), "walski");
  loy_ui_test_wait_for (label_shows, label, "the count of contacts found");
  loy_ui_test_wait_for (model_settled, model, "the contacts found");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, page->total);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contacts-search-count");

  /* One contact is one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), contact_email);
  loy_ui_test_wait_for_rows (view, 1, "the search to find one contact");
  loy_ui_test_wait_for (model_settled, model, "the one contact");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "1 contact");

  /* No search, no count. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  loy_ui_test_wait_for (label_hidden, label, "the count to go");
}

static gboolean
dropdown_has_choices (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (data)) > 1;
}

/* Level filter and sort order go into the store's query. */
static void
test_filter_and_sort (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  LoyContactsSection *section;
  LoyPagedModel *model = loy_section_view_get_model (view);
  GtkWidget *entry = loy_section_view_get_search_entry (view);
  guint n_all;

  section = LOY_CONTACTS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION));
  g_assert_nonnull (section);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  loy_ui_test_wait_for (model_settled, model, "the search to be cleared");
  n_all = g_list_model_get_n_items (G_LIST_MODEL (model));

  /* Choice 1 is the first level the store listed, once asked. */
  gtk_menu_button_popup (loy_contacts_section_get_filter_button (section));
  loy_ui_test_wait_for (dropdown_has_choices, loy_contacts_section_get_level_dropdown (section), "the levels");
  gtk_drop_down_set_selected (loy_contacts_section_get_level_dropdown (section), 1);
  gtk_drop_down_set_selected (loy_contacts_section_get_sort_dropdown (section), 3);
  g_assert_nonnull (loy_paged_model_get_query (model)->level_uuid);
  g_assert_cmpstr (loy_paged_model_get_query (model)->sort, ==, "-balance");
  loy_ui_test_wait_for (model_settled, model, "the level's contacts");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, n_all);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contact-filtered");

  gtk_drop_down_set_selected (loy_contacts_section_get_level_dropdown (section), 0);
  gtk_drop_down_set_selected (loy_contacts_section_get_sort_dropdown (section), 0);
  g_assert_null (loy_paged_model_get_query (model)->level_uuid);
  g_assert_null (loy_paged_model_get_query (model)->sort);
  gtk_menu_button_popdown (loy_contacts_section_get_filter_button (section));
}

/* The position of @name among @dropdown's strings. */
static guint
dropdown_find (GtkDropDown *dropdown,
               const char  *name)
{
  GListModel *choices = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), name))
      return i;

  g_error ("No choice “%s”", name);
}

/* Every demo segment has members: one that nobody reaches, in the
 * database before the app opens it. */
static void
add_empty_segment (const char *path)
{
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(LoySegment) nobody = loy_segment_new ();
  g_autoptr(LoySegment) saved = NULL;
  g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
  g_autoptr(GError) error = NULL;

  store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_balance (1000000000, LOY_UNSET));
  loy_segment_set_name (nobody, "Billionaires");
  loy_segment_set_criteria (nobody, criteria);
  saved = loy_store_save_segment_sync (LOY_STORE (store), nobody, NULL, &error);
  g_assert_no_error (error);
}

/* A filter that matches no one says so, rather than that there are no contacts. */
static void
test_no_results (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  LoyPagedModel *model = loy_section_view_get_model (view);
  LoyContactsSection *section;
  GtkDropDown *segments;
  AdwStatusPage *empty_page;
  g_autoptr(LoyQuery) members = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  section = LOY_CONTACTS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION));
  segments = loy_contacts_section_get_segment_dropdown (section);
  gtk_menu_button_popup (loy_contacts_section_get_filter_button (section));
  loy_ui_test_wait_for (dropdown_has_choices, segments, "the segments");

  /* add_empty_segment()'s segment */
  gtk_drop_down_set_selected (segments, dropdown_find (segments, "Billionaires"));
  members->segment_uuid = g_strdup (loy_paged_model_get_query (model)->segment_uuid);
  page = loy_store_query_sync (loy_ui_test_get_store (), members, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 0);

  loy_ui_test_wait_for (model_settled, model, "the segment's members");
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "empty");
  empty_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                               LOY_TYPE_SECTION_VIEW, "empty_page"));
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==, "No Results");
  gtk_menu_button_popdown (loy_contacts_section_get_filter_button (section));
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contact-no-results");

  gtk_drop_down_set_selected (segments, 0);
  loy_ui_test_wait_for (model_settled, model, "every contact");
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "list");
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

typedef struct
{
  LoyPagedModel *model;
  guint          ledger_types;
} QueryWait;

static gboolean
model_has_query (gpointer data)
{
  QueryWait *wait = data;

  return model_settled (wait->model) &&
         loy_paged_model_get_query (wait->model)->ledger_types == wait->ledger_types;
}

/* Showing one type of entry asks the store for that type only. */
static void
test_history_filter (void)
{
  LoyPagedModel *ledger = loy_contact_window_get_ledger (contact_window);
  GtkDropDown *dropdown = GTK_DROP_DOWN (loy_ui_test_find_descendant (GTK_WIDGET (contact_window),
                                                                      GTK_TYPE_DROP_DOWN, NULL));
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  QueryWait wait = { ledger, 1u << LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT };
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (ledger));
  guint n_items;

  /* Item 0 is "All entries"; then the types in their order. */
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (dropdown, 1 + LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  loy_ui_test_wait_for (model_has_query, &wait, "the adjustments");

  query->parent_uuid = g_strdup (contact_uuid);
  query->ledger_types = 1u << LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 0, NULL, &error);
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (ledger));
  g_assert_cmpuint (n_items, ==, page->total);
  g_assert_cmpuint (n_items, >=, 1);
  g_assert_cmpuint (n_items, <, n_all);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LoyLedgerEntry) entry = g_list_model_get_item (G_LIST_MODEL (ledger), i);

      g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
    }
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-history-adjustments");

  gtk_drop_down_set_selected (dropdown, 0);
  wait.ledger_types = 0;
  loy_ui_test_wait_for (model_has_query, &wait, "all entries");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ledger)), ==, n_all);
}

/* @contact's tab @name: history, rewards or details */
static void
show_contact_page_of (LoyContactWindow *contact,
                      const char       *name)
{
  GtkWidget *stack = loy_ui_test_find_descendant (GTK_WIDGET (contact), ADW_TYPE_VIEW_STACK, NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

static void
show_contact_page (const char *name)
{
  show_contact_page_of (contact_window, name);
}

/* Export… over the history writes the contact's entries, all of them
 * whichever type the list shows, and says how many and where. */
static void
test_history_export (void)
{
  GtkWidget *history = loy_ui_test_find_descendant (GTK_WIDGET (contact_window),
                                                    LOY_TYPE_CONTACT_HISTORY_PAGE, NULL);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("loy-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.csv", NULL);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  query->parent_uuid = g_strdup (contact_uuid);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, >, 1);

  show_contact_page ("history");
  gtk_widget_activate_action (history, "history.export", NULL);
  loy_ui_test_choose_save_file (GTK_WINDOW (contact_window), path);
  count = loy_format_count (page->total);
  title = g_strdup_printf ("%s entries exported to %s", count, path);
  loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), title);
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-history-exported");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "uuid,contact_uuid,"));
  g_assert_cmpuint (g_strv_length (lines), ==, page->total + 2);
  for (guint i = 1; i <= page->total; i++)
    g_assert_nonnull (strstr (lines[i], contact_uuid));

  g_unlink (path);
  g_rmdir (dir);
}

/* Redeeming a digital reward issues a code and shows it. */
static void
test_redeem_digital (void)
{
  LoyPagedModel *rewards = loy_contact_window_get_rewards (contact_window);
  gint64 balance = store_balance ();
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  GtkWindow *confirmation;
  LoyCodeDialog *code_dialog;

  show_contact_page ("rewards");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rewards)); i++)
    {
      g_autoptr(LoyReward) candidate = g_list_model_get_item (G_LIST_MODEL (rewards), i);

      if (loy_reward_get_reward_type (candidate) == LOY_REWARD_TYPE_DIGITAL &&
          loy_reward_get_required_credits (candidate) <= balance)
        {
          reward = g_steal_pointer (&candidate);
          break;
        }
    }
  g_assert_nonnull (reward);
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-rewards");

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.redeem", "s",
                              loy_reward_get_uuid (reward));
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL,
                                                "the redeem confirmation");
  loy_ui_test_save_screenshot (GTK_WIDGET (confirmation), "contact-redeem");
  loy_ui_test_respond (GTK_WINDOW (confirmation), "redeem");

  code_dialog = LOY_CODE_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_DIALOG, NULL,
                                                                "the code"));
  loy_ui_test_wait_for (contact_window_idle, NULL, "the redemption to be read back");
  entry = store_newest_entry ();
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==,
                   LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION);
  g_assert_nonnull (loy_ledger_entry_get_code (entry));
  g_assert_cmpstr (loy_code_dialog_get_code (code_dialog), ==, loy_ledger_entry_get_code (entry));
  g_assert_cmpint (store_balance (), ==, balance - loy_reward_get_required_credits (reward));
  loy_ui_test_save_screenshot (GTK_WIDGET (code_dialog), "contact-code");

  loy_ui_test_respond (GTK_WINDOW (code_dialog), "close");
  show_contact_page ("history");
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-redeemed");
}

/* Reversing that redemption says, before it is done, that its code stops
 * working, and then the store has the code revoked. */
static void
test_reverse_redemption (void)
{
  g_autoptr(LoyLedgerEntry) redemption = store_newest_entry ();
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(GObject) reward = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  const char *code = loy_ledger_entry_get_code (redemption);
  gint64 balance = store_balance ();
  g_autofree char *points = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (loy_ledger_entry_get_credits (redemption)));
  const char *heading;
  GtkWindow *confirmation;

  g_assert_nonnull (code);
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.reverse", "s",
                              loy_ledger_entry_get_uuid (redemption));
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL,
                                                "the reverse confirmation");
  expected = g_strdup_printf ("The code %s will stop working.", code);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirmation)),
                            expected));
  /* The question names the entry and its points, and asks why. */
  heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirmation));
  g_assert_true (g_str_has_prefix (heading, "Reverse “"));
  g_assert_nonnull (strstr (heading, " points on "));
  g_assert_nonnull (strstr (heading, points));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (confirmation), "reverse"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (confirmation))),
                         "Wrong size");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (confirmation), "reverse"));
  loy_ui_test_save_screenshot (GTK_WIDGET (confirmation), "contact-reverse-code");
  loy_ui_test_respond (confirmation, "reverse");
  loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), "Entry reversed");
  loy_ui_test_wait_for (contact_window_idle, NULL, "the reversal to be read back");

  reversal = store_newest_entry ();
  /* The reason is the reversal's own, in the history. */
  g_assert_true (g_str_has_suffix (loy_ledger_entry_get_reason (reversal), " — Wrong size"));
  g_assert_cmpstr (loy_ledger_entry_get_reverses_uuid (reversal), ==,
                   loy_ledger_entry_get_uuid (redemption));
  g_assert_cmpint (store_balance (), ==, balance - loy_ledger_entry_get_credits (redemption));

  reward = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_REWARD,
                                  loy_ledger_entry_get_reward_uuid (redemption), NULL, &error);
  g_assert_no_error (error);
  query->parent_uuid = g_strdup (loy_reward_get_code_group_uuid (LOY_REWARD (reward)));
  query->search = g_strdup (code);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);
  g_assert_cmpint (loy_code_get_status (g_ptr_array_index (page->items, 0)), ==,
                   LOY_CODE_STATUS_REVOKED);
}

static LoyContactsSection *
find_contacts_section (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");

  return LOY_CONTACTS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION));
}

/* (A window's frame counts in its default size, not in its width.) */
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

/* Ctrl+N in the contacts enrolls one; at phone width the button is an icon,
 * which leaves the search its room. */
static void
test_enroll_shortcut (void)
{
  LoyContactsSection *section = find_contacts_section ();
  GtkWidget *enroll_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                        LOY_TYPE_CONTACTS_SECTION,
                                                                        "enroll_button"));
  GtkWindow *dialog;

  g_assert_nonnull (gtk_button_get_label (GTK_BUTTON (enroll_button)));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  loy_ui_test_wait_for (narrower_than, window, "the window to shrink");
  /* Folded, the window shows the sidebar until a section is chosen there. */
  adw_leaflet_navigate (ADW_LEAFLET (loy_ui_test_find_descendant (GTK_WIDGET (window),
                                                                  ADW_TYPE_LEAFLET, NULL)),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (enroll_button)), ==,
                   "contact-new-symbolic");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contact-search-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  loy_ui_test_wait_for (wider_than, window, "the window to grow");
  g_assert_nonnull (gtk_button_get_label (GTK_BUTTON (enroll_button)));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  dialog = loy_ui_test_wait_for_toplevel (LOY_TYPE_ENROLL_DIALOG, GTK_WINDOW (window),
                                          "the enroll dialog");
  loy_ui_test_respond (dialog, "cancel");
}

static GtkWidget *
enroll_dialog_child (GtkWindow  *dialog,
                     const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_ENROLL_DIALOG, name));
}

static gboolean
contact_window_is_open (gpointer uuid)
{
  GtkWindow *contact_window = loy_ui_test_get_toplevel (LOY_TYPE_CONTACT_WINDOW, NULL);

  return contact_window != NULL &&
         g_strcmp0 (loy_contact_get_uuid (loy_contact_window_get_contact (LOY_CONTACT_WINDOW (contact_window))),
                    uuid) == 0;
}

static gboolean
is_shown_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* @above ends where @below begins or higher up, and both are inside @window. */
static void
assert_above (GtkWidget *window,
              GtkWidget *above,
              GtkWidget *below)
{
  graphene_rect_t upper, lower;

  g_assert_nonnull (below);
  g_assert_true (gtk_widget_compute_bounds (above, window, &upper));
  g_assert_true (gtk_widget_compute_bounds (below, window, &lower));
  g_assert_cmpfloat (upper.origin.y, >=, 0);
  g_assert_cmpfloat (upper.origin.y + upper.size.height, <=, lower.origin.y);
  g_assert_cmpfloat (lower.origin.y + lower.size.height, <=, gtk_widget_get_height (window));
}

/* Enrolling an address that is taken keeps the dialog and what was typed,
 * says why at the email field and offers the contact who has it. */
static void
test_enroll_existing_email (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  LoyContact *existing;
  GtkWindow *dialog;
  GtkWidget *email_row;
  GtkWidget *problem_label;
  GtkWidget *open_button;
  GtkWindow *contact_window;

  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  existing = g_ptr_array_index (page->items, 0);

  loy_ui_test_show_section (window, "contacts");
  gtk_widget_activate_action (GTK_WIDGET (find_contacts_section ()), "contacts.enroll", NULL);
  dialog = loy_ui_test_wait_for_toplevel (LOY_TYPE_ENROLL_DIALOG, GTK_WINDOW (window),
                                          "the enroll dialog");
  email_row = enroll_dialog_child (dialog, "email_row");
  problem_label = enroll_dialog_child (dialog, "problem_label");
  gtk_editable_set_text (GTK_EDITABLE (email_row), loy_contact_get_email (existing));
  gtk_editable_set_text (GTK_EDITABLE (enroll_dialog_child (dialog, "first_name_row")), "Kept");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  loy_ui_test_respond (dialog, "enroll");
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &dialog, "the dialog to close");

  dialog = loy_ui_test_wait_for_toplevel (LOY_TYPE_ENROLL_DIALOG, GTK_WINDOW (window),
                                          "the dialog to come back");
  email_row = enroll_dialog_child (dialog, "email_row");
  problem_label = enroll_dialog_child (dialog, "problem_label");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, loy_contact_get_email (existing));
  g_assert_true (gtk_widget_get_visible (problem_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (problem_label)), "exists"));
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (enroll_dialog_child (dialog, "first_name_row"))),
                   ==, "Kept");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "enroll"));
  open_button = enroll_dialog_child (dialog, "open_existing_button");
  g_assert_true (gtk_widget_get_visible (open_button));
  g_assert_true (gtk_widget_is_sensitive (open_button));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  /* Nothing drawn over the message: it, the button and the responses
   * one below the other, all inside the dialog */
  assert_above (GTK_WIDGET (dialog), problem_label, open_button);
  assert_above (GTK_WIDGET (dialog), open_button,
                loy_ui_test_find_matching (GTK_WIDGET (dialog), is_shown_button_labelled, "_Cancel"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "contacts-enroll-taken");

  /* Another address is a new question. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "someone.else@example.com");
  g_assert_false (gtk_widget_get_visible (problem_label));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "enroll"));
  g_assert_false (gtk_widget_get_visible (open_button));
  gtk_editable_set_text (GTK_EDITABLE (email_row), loy_contact_get_email (existing));

  g_assert_true (gtk_widget_get_visible (open_button));
  g_signal_emit_by_name (open_button, "clicked");
  loy_ui_test_wait_for (contact_window_is_open, (gpointer) loy_contact_get_uuid (existing),
                        "the existing contact's window");
  contact_window = loy_ui_test_get_toplevel (LOY_TYPE_CONTACT_WINDOW, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  gtk_window_destroy (contact_window);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The action row titled @title among @root's descendants. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return loy_ui_test_find_matching (root, is_row_titled, title);
}

/* A contact short of a reward's points: the row says how many, its Redeem
 * cannot be pressed, and the action refuses before asking anything. */
static void
test_redeem_unaffordable (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyReward) reward = NULL;
  g_autofree char *toast = NULL;
  LoyContact *poor;
  LoyContactWindow *poor_window;
  LoyPagedModel *rewards;
  GtkWidget *row;
  GtkWidget *button;
  gint64 missing;

  query->sort = g_strdup ("balance");
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  poor = g_ptr_array_index (page->items, 0);

  poor_window = LOY_CONTACT_WINDOW (loy_contacts_section_open_contact (find_contacts_section (),
                                                                      poor));
  loy_ui_test_wait_for (contact_window_idle, poor_window, "the poor contact's rewards");
  rewards = loy_contact_window_get_rewards (poor_window);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (rewards)); i > 0 && reward == NULL; i--)
    {
      g_autoptr(LoyReward) candidate = g_list_model_get_item (G_LIST_MODEL (rewards), i - 1);

      if (loy_reward_get_required_credits (candidate) > loy_contact_get_balance (poor))
        reward = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (reward);
  missing = loy_reward_get_required_credits (reward) - loy_contact_get_balance (poor);

  show_contact_page_of (poor_window, "rewards");
  loy_ui_test_save_screenshot (GTK_WIDGET (poor_window), "contact-rewards-unaffordable");
  row = find_row (GTK_WIDGET (poor_window), loy_reward_get_title (reward));
  g_assert_nonnull (row);
  button = loy_ui_test_find_descendant (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_false (gtk_widget_is_sensitive (button));

  gtk_widget_activate_action (GTK_WIDGET (poor_window), "contact.redeem", "s",
                              loy_reward_get_uuid (reward));
  toast = g_strdup_printf ("“%s” needs %" PRId64 " more points", loy_reward_get_title (reward),
                           missing);
  loy_ui_test_wait_for_toast (GTK_WIDGET (poor_window), toast);
  g_assert_null (loy_ui_test_get_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (poor_window)));

  gtk_window_destroy (GTK_WINDOW (poor_window));
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The row titled @title among @root's descendants shows @value. */
static void
assert_row_shows (GtkWidget  *root,
                  const char *title,
                  const char *value)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  g_assert_nonnull (loy_ui_test_find_matching (row, is_label_reading, value));
}

/* The details: since when, every attribute by its label, the identifier —
 * each once, after the writes that read the contact back. */
static void
test_details (void)
{
  LoyContact *contact = loy_contact_window_get_contact (contact_window);
  JsonObject *attributes = loy_contact_get_attributes (contact);
  g_autoptr(GList) members = json_object_get_members (attributes);
  g_autofree char *since = loy_format_unix_date (loy_contact_get_created_at (contact));
  GtkWidget *page = loy_ui_test_find_descendant (GTK_WIDGET (contact_window),
                                                 LOY_TYPE_CONTACT_DETAILS_PAGE, NULL);
  GtkWidget *list = loy_ui_test_find_descendant (page, GTK_TYPE_LIST_BOX, NULL);
  guint n_rows = 0;

  show_contact_page ("details");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  g_assert_true (gtk_widget_get_mapped (list));

  g_assert_cmpint (loy_contact_get_created_at (contact), >, 0);
  assert_row_shows (page, "Member since", since);
  /* The demo's contacts have attributes */
  g_assert_nonnull (members);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *label = loy_contact_attribute_dup_label (l->data);

      g_assert_nonnull (find_row (page, label));
    }
  assert_row_shows (page, "Identifier", contact_uuid);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, g_list_length (members) + 2);
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-details");
}

static gboolean
is_toast_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL;
}

/* The label reading @text in a toast on show among @root's descendants, or %NULL. */
static GtkLabel *
find_toast_label (GtkWidget  *root,
                  const char *text)
{
  return GTK_LABEL (loy_ui_test_find_matching (root, is_toast_label, text));
}

/* At phone width a long name wraps rather than being cut, with all of it in
 * the tooltip should it ever need more than four lines; and the toast after
 * a reversal fits whole. */
static void
check_narrow_long_name (void)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  LoyContactWindow *long_window;
  GtkLabel *name_label;
  GtkLabel *toast_label;
  GtkWindow *confirmation;
  PangoLayout *layout;

  loy_contact_set_email (template, "maximiliana@example.com");
  loy_contact_set_first_name (template, "Maximiliana");
  loy_contact_set_last_name (template, "Van der Berghe-Oosterhuis");
  contact = loy_store_enroll_contact_sync (loy_ui_test_get_store (), template, "test", NULL,
                                           &error);
  g_assert_no_error (error);

  long_window = LOY_CONTACT_WINDOW (loy_contacts_section_open_contact (find_contacts_section (),
                                                                      contact));
  gtk_window_set_default_size (GTK_WINDOW (long_window), 360, 720);
  loy_ui_test_wait_for (narrower_than, long_window, "the long name's window to shrink");
  loy_ui_test_wait_for (contact_window_idle, long_window, "the long name's history");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (long_window));

  name_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (long_window),
                                                         LOY_TYPE_CONTACT_WINDOW, "name_label"));
  g_assert_cmpstr (gtk_label_get_text (name_label), ==,
                   "Maximiliana Van der Berghe-Oosterhuis");
  g_assert_true (gtk_label_get_wrap (name_label));
  g_assert_cmpint (gtk_label_get_ellipsize (name_label), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (name_label)), ==,
                   "Maximiliana Van der Berghe-Oosterhuis");
  layout = gtk_label_get_layout (name_label);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);
  g_assert_false (pango_layout_is_ellipsized (layout));

  /* Its welcome points, given back */
  query->parent_uuid = g_strdup (loy_contact_get_uuid (contact));
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (long_window), "contact.reverse", "s",
                              loy_ledger_entry_get_uuid (g_ptr_array_index (page->items, 0)));
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (long_window),
                                                "the reverse confirmation");
  loy_ui_test_respond (confirmation, "reverse");
  loy_ui_test_wait_for_toast (GTK_WIDGET (long_window), "Entry reversed");
  loy_ui_test_wait_for (contact_window_idle, long_window, "the reversal to be read back");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (long_window));
  toast_label = find_toast_label (GTK_WIDGET (long_window), "Entry reversed");
  g_assert_nonnull (toast_label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (toast_label)));
  loy_ui_test_save_screenshot (GTK_WIDGET (long_window), "contact-window-narrow-long-name");

  gtk_window_destroy (GTK_WINDOW (long_window));
}

/* Adjusts the balance by @credits through the dialog: the toast reads @title,
 * whole beside its Undo button, which is then pressed. */
static void
check_narrow_adjustment_toast (gint64      credits,
                               const char *title,
                               const char *screenshot)
{
  gint64 balance = store_balance ();
  LoyAdjustDialog *dialog;
  AdwToast *toast;
  AdwToast *reversed;
  GtkLabel *toast_label;

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.adjust", NULL);
  dialog = LOY_ADJUST_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_ADJUST_DIALOG, NULL,
                                                             "the adjust dialog"));
  loy_adjust_dialog_set_credits (dialog, credits);
  loy_adjust_dialog_set_reason (dialog, "Goodwill gesture");
  g_assert_null (loy_adjust_dialog_get_problem (dialog));
  loy_ui_test_respond (GTK_WINDOW (dialog), "apply");

  toast = loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), title);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  loy_ui_test_wait_for (contact_window_idle, NULL, "the adjustment to be read back");
  g_assert_cmpint (store_balance (), ==, balance + credits);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  toast_label = find_toast_label (GTK_WIDGET (contact_window), title);
  g_assert_nonnull (toast_label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (toast_label)));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), screenshot);

  loy_ui_test_click_toast_button (GTK_WIDGET (contact_window), toast);
  reversed = loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window), "Entry reversed");
  loy_ui_test_wait_for (contact_window_idle, NULL, "the undo to be read back");
  g_assert_cmpint (store_balance (), ==, balance);
  /* So that the next toast shows at once, not after this one's timeout */
  adw_toast_dismiss (reversed);
}

/* At phone width the history is a list of entries, not a cut-off table, and
 * the toast after an adjustment, with its Undo button, is not cut off. */
static void
test_narrow (void)
{
  GtkWidget *history = loy_ui_test_find_descendant (GTK_WIDGET (contact_window),
                                                    LOY_TYPE_CONTACT_HISTORY_PAGE, NULL);
  GtkWidget *table = GTK_WIDGET (gtk_widget_get_template_child (history,
                                                                LOY_TYPE_CONTACT_HISTORY_PAGE,
                                                                "ledger_view"));
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (history,
                                                               LOY_TYPE_CONTACT_HISTORY_PAGE,
                                                               "ledger_list"));
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  int minimum;

  show_contact_page ("history");
  gtk_widget_measure (GTK_WIDGET (contact_window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (contact_window), 360, 720);
  loy_ui_test_wait_for (narrower_than, contact_window, "the window to shrink");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_false (gtk_widget_get_mapped (table));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "contact-window-narrow");

  check_narrow_adjustment_toast (-10, "−10 points", "contact-adjusted-narrow");
  /* The widest amount a desk would type, grouped (the tests otherwise run in C.UTF-8) */
  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") != NULL)
    {
      check_narrow_adjustment_toast (12500, "+12.500 points", "contact-adjusted-narrow-large");
      setlocale (LC_NUMERIC, numeric);
    }
  else
    {
      check_narrow_adjustment_toast (12500, "+12500 points", "contact-adjusted-narrow-large");
    }

  gtk_window_set_default_size (GTK_WINDOW (contact_window), 820, 720);
  loy_ui_test_wait_for (wider_than, contact_window, "the window to grow");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  g_assert_true (gtk_widget_get_mapped (table));

  check_narrow_long_name ();
}

static gboolean
task_bar_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Cancel as soon as the task bar offers it, before the store has written a row. */
static void
cancel_when_shown_cb (GtkWidget  *task_bar,
                      GParamSpec *pspec,
                      gboolean   *cancelled)
{
  if (!gtk_widget_get_visible (task_bar) || *cancelled)
    return;

  *cancelled = TRUE;
  g_signal_emit_by_name (gtk_widget_get_template_child (task_bar, LOY_TYPE_TASK_BAR, "cancel_button"),
                         "clicked");
}

/* Export… in the Contacts menu writes every contact (a header, then a row
 * each, RFC 4180 lines) and says how many and where; Cancel leaves no file. */
static void
test_export (void)
{
  LoyContactsSection *section = find_contacts_section ();
  /* The export's bar is the list's (the section has one of its own for an account's index). */
  GtkWidget *task_bar = loy_ui_test_find_descendant (GTK_WIDGET (loy_section_view_find (GTK_WIDGET (section))),
                                                     LOY_TYPE_TASK_BAR, NULL);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("loy-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "contacts.csv", NULL);
  g_autofree char *cancelled = g_build_filename (dir, "cancelled.csv", NULL);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDir) left = NULL;
  gboolean cancel_clicked = FALSE;

  g_assert_no_error (error);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (section), "contacts.export", NULL);
  loy_ui_test_choose_save_file (GTK_WINDOW (window), path);
  count = loy_format_count (page->total);
  title = g_strdup_printf ("%s contacts exported to %s", count, path);
  loy_ui_test_wait_for_toast (GTK_WIDGET (window), title);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contacts-exported");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "uuid,email,first_name,last_name,balance,level,attributes,created_at");
  /* The header, a line per contact, and nothing after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, page->total + 2);
  g_assert_cmpstr (lines[page->total + 1], ==, "");

  /* Cancelled as it starts: neither the file nor its partial copy is left. */
  g_signal_connect (task_bar, "notify::visible", G_CALLBACK (cancel_when_shown_cb), &cancel_clicked);
  gtk_widget_activate_action (GTK_WIDGET (section), "contacts.export", NULL);
  loy_ui_test_choose_save_file (GTK_WINDOW (window), cancelled);
  loy_ui_test_wait_for (flag_set, &cancel_clicked, "the export to start");
  loy_ui_test_wait_for (task_bar_hidden, task_bar, "the export to stop");
  g_signal_handlers_disconnect_by_func (task_bar, cancel_when_shown_cb, &cancel_clicked);
  loy_ui_test_wait_for_toast (GTK_WIDGET (window), "Export cancelled");
  left = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (left), ==, "contacts.csv");
  g_assert_null (g_dir_read_name (left));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-contacts"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  add_empty_segment (database);
  window = loy_ui_test_start_app (database);
  choose_contact ();
  add_survey_action ();

  g_test_add_func ("/ui-contacts/search", test_search);
  g_test_add_func ("/ui-contacts/result-count", test_result_count);
  g_test_add_func ("/ui-contacts/filter-and-sort", test_filter_and_sort);
  g_test_add_func ("/ui-contacts/no-results", test_no_results);
  g_test_add_func ("/ui-contacts/enroll-shortcut", test_enroll_shortcut);
  g_test_add_func ("/ui-contacts/enroll-existing-email", test_enroll_existing_email);
  g_test_add_func ("/ui-contacts/export", test_export);
  g_test_add_func ("/ui-contacts/redeem-unaffordable", test_redeem_unaffordable);
  g_test_add_func ("/ui-contacts/open", test_open);
  g_test_add_func ("/ui-contacts/award-action", test_award_action);
  g_test_add_func ("/ui-contacts/award-grouped-points", test_award_grouped_points);
  g_test_add_func ("/ui-contacts/award-refused", test_award_refused);
  g_test_add_func ("/ui-contacts/award-refused-nl", test_award_refused_nl);
  g_test_add_func ("/ui-contacts/adjust-and-undo", test_adjust_and_undo);
  g_test_add_func ("/ui-contacts/history-filter", test_history_filter);
  g_test_add_func ("/ui-contacts/history-export", test_history_export);
  g_test_add_func ("/ui-contacts/redeem-digital", test_redeem_digital);
  g_test_add_func ("/ui-contacts/reverse-redemption", test_reverse_redemption);
  g_test_add_func ("/ui-contacts/details", test_details);
  g_test_add_func ("/ui-contacts/narrow", test_narrow);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);
  g_free (contact_uuid);
  g_free (contact_email);

  return ret;
}
