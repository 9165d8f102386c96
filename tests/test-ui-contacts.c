/* test-ui-contacts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gstdio.h>

#include "contacts/loy-enroll-dialog.h"
#include "loy-format.h"
#include "loy-section-view.h"
#include "loy-segment-criteria.h"
#include "loy-task-bar.h"
#include "sqlite/loy-sqlite-store.h"

#include "test-ui-contacts-fixture.h"

/* The contacts section of the real application on a temporary demo
 * database: searching, counting, filtering and sorting the list, enrolling
 * from it, exporting it, and a contact short of a reward's points. Each
 * step is saved as a screenshot under tests/screenshots/contact-*.png in
 * the build directory. */

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
  /* The local store filters and sorts by all of them (a remote account may not). */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (loy_contacts_section_get_level_dropdown (section))));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (loy_contacts_section_get_level_dropdown (section))));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (loy_contacts_section_get_sort_dropdown (section))),
                    ==, 4);
  gtk_drop_down_set_selected (loy_contacts_section_get_level_dropdown (section), 1);
  gtk_drop_down_set_selected (loy_contacts_section_get_sort_dropdown (section), 3);
  g_assert_nonnull (loy_paged_model_get_query (model)->level_uuid);
  g_assert_cmpstr (loy_paged_model_get_query (model)->sort, ==, "-balance");
  loy_ui_test_wait_for (model_settled, model, "the level's contacts");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, n_all);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contact-filtered");

  /* Clear Filters drops the level and keeps the order, which filters nothing. */
  loy_ui_test_clear_filters (view);
  g_assert_cmpuint (gtk_drop_down_get_selected (loy_contacts_section_get_level_dropdown (section)), ==, 0);
  g_assert_null (loy_paged_model_get_query (model)->level_uuid);
  g_assert_cmpstr (loy_paged_model_get_query (model)->sort, ==, "-balance");
  loy_ui_test_wait_for (model_settled, model, "every contact again");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all);

  gtk_drop_down_set_selected (loy_contacts_section_get_sort_dropdown (section), 0);
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

/* At desktop width the enroll button shows its icon and label. */
static void
assert_shows_label (GtkWidget *button)
{
  GtkWidget *squeezer = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *content;

  g_assert_true (ADW_IS_SQUEEZER (squeezer));
  content = adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer));

  g_assert_true (ADW_IS_BUTTON_CONTENT (content));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)), ==, "_Enroll Contact…");
  g_assert_null (gtk_widget_get_tooltip_text (button));
}

/* Ctrl+N in the contacts enrolls one; at phone width the button is an icon,
 * which leaves the search its room, and its label the tooltip. */
static void
test_enroll_shortcut (void)
{
  LoyContactsSection *section = find_contacts_section ();
  GtkWidget *enroll_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                        LOY_TYPE_CONTACTS_SECTION,
                                                                        "enroll_button"));
  GtkWindow *dialog;

  assert_shows_label (enroll_button);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  loy_ui_test_wait_for (narrower_than, window, "the window to shrink");
  /* Folded, the window shows the sidebar until a section is chosen there. */
  adw_leaflet_navigate (ADW_LEAFLET (loy_ui_test_find_descendant (GTK_WIDGET (window),
                                                                  ADW_TYPE_LEAFLET, NULL)),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (enroll_button)), ==,
                   "contact-new-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (enroll_button), ==, "Enroll Contact…");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "contact-search-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  loy_ui_test_wait_for (wider_than, window, "the window to grow");
  assert_shows_label (enroll_button);

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
  if (!loy_ui_test_init (&argc, &argv, "ui-contacts"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  add_empty_segment (database);
  start_app_with_contact ();

  g_test_add_func ("/ui-contacts/search", test_search);
  g_test_add_func ("/ui-contacts/result-count", test_result_count);
  g_test_add_func ("/ui-contacts/filter-and-sort", test_filter_and_sort);
  g_test_add_func ("/ui-contacts/no-results", test_no_results);
  g_test_add_func ("/ui-contacts/enroll-shortcut", test_enroll_shortcut);
  g_test_add_func ("/ui-contacts/enroll-existing-email", test_enroll_existing_email);
  g_test_add_func ("/ui-contacts/export", test_export);
  g_test_add_func ("/ui-contacts/redeem-unaffordable", test_redeem_unaffordable);

  return run_tests_and_stop ();
}
