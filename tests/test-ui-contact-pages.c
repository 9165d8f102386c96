/* test-ui-contact-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "contacts/loy-adjust-dialog.h"
#include "contacts/loy-code-dialog.h"
#include "contacts/loy-contact-details-page.h"
#include "contacts/loy-contact-history-page.h"
#include "loy-format.h"

#include "test-ui-contacts-fixture.h"

/* A contact's window in the real application on a temporary demo database,
 * page by page: the history filtered and exported, a digital reward
 * redeemed and the redemption reversed, the details, and all of it at
 * phone width. Each step is saved as a screenshot under
 * tests/screenshots/contact-*.png in the build directory. */

/* The history filter needs an adjustment among the contact's entries: one,
 * as an operator would make it. */
static void
add_adjustment (void)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_adjust_points_sync (loy_ui_test_get_store (), contact_uuid, 25,
                                        "Goodwill", "Support desk", NULL, &error);
  g_assert_no_error (error);
}

/* Opens the window of the contact the steps work on, from the section. */
static void
open_chosen_contact (void)
{
  g_autoptr(LoyContact) contact = store_contact ();

  contact_window = LOY_CONTACT_WINDOW (loy_contacts_section_open_contact (find_contacts_section (),
                                                                         contact));
  loy_ui_test_wait_for (contact_window_idle, NULL, "the contact's history and rewards");
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

int
main (int   argc,
      char *argv[])
{
  if (!loy_ui_test_init (&argc, &argv, "ui-contact-pages"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  start_app_with_contact ();
  add_adjustment ();
  open_chosen_contact ();

  g_test_add_func ("/ui-contacts/history-filter", test_history_filter);
  g_test_add_func ("/ui-contacts/history-export", test_history_export);
  g_test_add_func ("/ui-contacts/redeem-digital", test_redeem_digital);
  g_test_add_func ("/ui-contacts/reverse-redemption", test_reverse_redemption);
  g_test_add_func ("/ui-contacts/details", test_details);
  g_test_add_func ("/ui-contacts/narrow", test_narrow);

  return run_tests_and_stop ();
}
