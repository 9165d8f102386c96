/* test-ui-remote-account.c — what a Piggy account (the fake server) offers
 * and says in the application: the contacts' filters it can apply, this
 * desk's shop kept per account, a refused key met at any time, and the
 * code groups it has none of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "contacts/loy-contacts-section.h"
#include "loy-application.h"
#include "loy-load-error-page.h"
#include "loy-desk-shop.h"
#include "loy-preferences-window.h"
#include "loy-section-view.h"
#include "loy-ui-test.h"
#include "loy-window.h"
#include "rest/loy-rest-store.h"
#include "test-ui-remote-fixture.h"

#define API_KEY     "ui-remote-account-key"
#define OTHER_KEY   "ui-remote-account-other-key"
#define CHUM_BUCKET "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c"

static LoyWindow *window;
static char *database;
/* The account of one shop, the fake's, switched to from the other */
static LoyFakePiggy *piggy;
/* The account connected first, of two shops: the fake's and the Chum Bucket */
static LoyFakePiggy *other;

static gboolean
model_settled (gpointer data)
{
  LoyPagedModel *model = data;

  return loy_paged_model_get_loaded (model) && !loy_paged_model_get_loading (model);
}

/* The API filters contacts by neither level nor segment and sorts them by
 * date only: the filters do not offer the rest, and say why. */
static void
test_contact_filters (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");
  LoyContactsSection *section = LOY_CONTACTS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                               LOY_TYPE_CONTACTS_SECTION));
  GtkDropDown *levels = loy_contacts_section_get_level_dropdown (section);
  GtkDropDown *segments = loy_contacts_section_get_segment_dropdown (section);
  GtkDropDown *sort = loy_contacts_section_get_sort_dropdown (section);
  GtkMenuButton *filters = loy_contacts_section_get_filter_button (section);

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the account's contacts");
  gtk_menu_button_popup (filters);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (levels)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (levels)), "cannot filter contacts by level"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (segments)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (segments)));
  /* Oldest and newest first alone; the tiers are not listed as choices. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (sort)), ==, 2);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (sort)), "date they joined"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (levels)), ==, 1);

  /* What is offered the API does. */
  gtk_drop_down_set_selected (sort, 1);
  g_assert_cmpstr (loy_paged_model_get_query (loy_section_view_get_model (view))->sort, ==, "-created_at");
  loy_ui_test_wait_for (model_settled, loy_section_view_get_model (view), "the newest contacts");
  g_assert_no_error (loy_paged_model_get_error (loy_section_view_get_model (view)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view))), >, 0);
  loy_ui_test_save_screenshot_with_popover (GTK_WIDGET (window), gtk_menu_button_get_popover (filters),
                                           "remote-contact-filters");
  gtk_drop_down_set_selected (sort, 0);
  gtk_menu_button_popdown (filters);
}

static AdwComboRow *
shop_row (GtkWindow *preferences)
{
  return ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences), LOY_TYPE_PREFERENCES_WINDOW,
                                                       "shop_row"));
}

static gboolean
row_lists_one_shop (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data)) &&
         g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (data))) == 1;
}

static GtkWindow *
open_preferences (AdwComboRow **row,
                  guint         n_shops)
{
  GtkWindow *preferences = GTK_WINDOW (loy_preferences_window_new (LOY_DATA_SOURCE (loy_ui_test_get_app ()),
                                                                   GTK_WINDOW (window)));

  gtk_window_present (preferences);
  *row = shop_row (preferences);
  loy_ui_test_wait_for (n_shops == 1 ? row_lists_one_shop : row_lists_shops, *row, "the account's shops");

  return preferences;
}

/* The desk's shop stored for @account, or NULL. */
static char *
stored_shop (LoyFakePiggy *account)
{
  return loy_desk_shop_dup_stored (loy_application_get_settings (loy_ui_test_get_app ()),
                                   loy_fake_piggy_get_base_url (account));
}

/* An account of two shops with none chosen shows none chosen, and says to
 * choose one; choosing the first stores it. */
static void
test_shop_none_stored (void)
{
  g_autofree char *stored = NULL;
  AdwComboRow *row;
  GtkWindow *preferences;

  g_assert_null (stored_shop (other));
  loy_ui_test_wait_for (store_uses_shop, NULL, "no shop to be used");
  preferences = open_preferences (&row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Choose a shop"));
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "remote-preferences-no-shop");

  adw_combo_row_set_selected (row, 0);
  g_assert_cmpstr (stored = stored_shop (other), ==, LOY_FAKE_PIGGY_SHOP_UUID);
  loy_ui_test_wait_for (store_uses_shop, LOY_FAKE_PIGGY_SHOP_UUID, "the first shop to be used");
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Choose a shop"));

  adw_combo_row_set_selected (row, 1);
  g_clear_pointer (&stored, g_free);
  g_assert_cmpstr (stored = stored_shop (other), ==, CHUM_BUCKET);
  loy_ui_test_wait_for (store_uses_shop, CHUM_BUCKET, "the second shop to be used");
  gtk_window_destroy (preferences);
}

/* Each account keeps its own shop: another account's is never sent to this
 * one, which has a shop alone, chosen by itself. */
static void
test_shop_per_account (void)
{
  GSettings *settings = loy_application_get_settings (loy_ui_test_get_app ());
  LoyAward award = { .points = 5, .reason = "Welcome back" };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *body = NULL;
  AdwComboRow *row;
  GtkWindow *preferences;

  /* As a desk that chose the other account's shop for this one. */
  loy_desk_shop_store (settings, loy_fake_piggy_get_base_url (piggy), CHUM_BUCKET);
  connect_remote_account (piggy, API_KEY);
  loy_ui_test_wait_for (store_uses_shop, NULL, "the stale shop to be ignored");
  preferences = open_preferences (&row, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "only shop"));
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "remote-preferences-only-shop");
  gtk_window_destroy (preferences);

  /* An award goes to this account's shop, not the stale one. */
  entry = loy_store_award_points_sync (loy_ui_test_get_store (), LOY_FAKE_PIGGY_CONTACT_UUID, &award, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  body = loy_fake_piggy_dup_last_write_body (piggy);
  g_assert_nonnull (strstr (body, LOY_FAKE_PIGGY_SHOP_UUID));
  g_assert_null (strstr (body, CHUM_BUCKET));

  /* Choosing for one account leaves the other's choice as it was. */
  g_assert_cmpstr (stored = stored_shop (other), ==, CHUM_BUCKET);
  loy_desk_shop_store (settings, loy_fake_piggy_get_base_url (piggy), LOY_FAKE_PIGGY_SHOP_UUID);
  loy_ui_test_wait_for (store_uses_shop, LOY_FAKE_PIGGY_SHOP_UUID, "this account's own shop");
  g_clear_pointer (&stored, g_free);
  g_assert_cmpstr (stored = stored_shop (other), ==, CHUM_BUCKET);

  /* And back: the other account's shop is as it was left. */
  connect_remote_account (other, OTHER_KEY);
  loy_ui_test_wait_for (store_uses_shop, CHUM_BUCKET, "the other account's shop");
  preferences = open_preferences (&row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  gtk_window_destroy (preferences);
  connect_remote_account (piggy, API_KEY);
  loy_ui_test_wait_for (store_uses_shop, LOY_FAKE_PIGGY_SHOP_UUID, "this account's shop again");
}

static gboolean
revealer_open (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static gboolean
view_shows_error (gpointer data)
{
  return g_strcmp0 (loy_section_view_get_state (data), "error") == 0;
}

/* The key refused after the account opened: a list's read says so with
 * Open Preferences beside Try Again, which opens Preferences, and the
 * window says it above every section until the account is opened again. */
static void
test_key_refused (void)
{
  GtkRevealer *bar = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), LOY_TYPE_WINDOW,
                                                                  "key_refused_bar"));
  LoyAward award = { .points = 5, .reason = "Refused" };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  LoySectionView *view;
  GtkWidget *error_page, *preferences_button, *retry_button;
  GtkWindow *preferences;

  g_assert_false (gtk_revealer_get_reveal_child (bar));
  loy_fake_piggy_set_response (piggy, 401, "{\"code\": 401, \"message\": \"Unauthenticated.\"}");
  view = loy_ui_test_show_section (window, "rewards");
  loy_ui_test_wait_for (view_shows_error, view, "the rewards' read to be refused");
  error_page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), LOY_TYPE_SECTION_VIEW, "error_page"));
  preferences_button = GTK_WIDGET (gtk_widget_get_template_child (error_page, LOY_TYPE_LOAD_ERROR_PAGE,
                                                                  "preferences_button"));
  g_assert_true (gtk_widget_is_visible (preferences_button));
  /* Beside Try Again, the first button */
  retry_button = loy_ui_test_find_descendant (error_page, GTK_TYPE_BUTTON, NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry_button)), ==, "_Try Again");
  g_assert_true (gtk_widget_is_visible (retry_button));
  loy_ui_test_wait_for (revealer_open, bar, "the line saying the key was refused");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-key-refused");

  g_signal_emit_by_name (preferences_button, "clicked");
  preferences = loy_ui_test_wait_for_toplevel (LOY_TYPE_PREFERENCES_WINDOW, NULL, "Preferences");
  gtk_window_destroy (preferences);

  /* Accepted again, Try Again reads the list, and the button goes with the error. */
  loy_fake_piggy_set_response (piggy, 0, NULL);
  g_signal_emit_by_name (retry_button, "clicked");
  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the rewards read again");
  g_assert_cmpstr (loy_section_view_get_state (view), ==, "list");
  g_assert_false (gtk_widget_get_visible (preferences_button));

  /* Another failure offers no Preferences. */
  loy_fake_piggy_set_response (piggy, 503, "{\"code\": 503, \"message\": \"Down for maintenance\"}");
  loy_section_view_reload (view);
  loy_ui_test_wait_for (view_shows_error, view, "the rewards' read to fail");
  g_assert_false (gtk_widget_get_visible (preferences_button));
  loy_fake_piggy_set_response (piggy, 0, NULL);
  loy_section_view_reload (view);
  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the rewards read once more");
  /* The line stays until the account is opened again, with a key. */
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  connect_remote_account (other, OTHER_KEY);
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  connect_remote_account (piggy, API_KEY);

  /* A write refused, as a dialog's would be, says so too. */
  gtk_revealer_set_reveal_child (bar, FALSE);
  loy_fake_piggy_set_response (piggy, 401, "{\"code\": 401, \"message\": \"Unauthenticated.\"}");
  entry = loy_store_award_points_sync (loy_ui_test_get_store (), LOY_FAKE_PIGGY_CONTACT_UUID, &award, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_null (entry);
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  loy_fake_piggy_set_response (piggy, 0, NULL);
}

/* Every section shows the account switched to, however often: the window
 * gives them its store (and closes without a warning after, which a
 * binding to it did not once the store had changed twice). */
static void
test_switch_accounts (void)
{
  LoyFakePiggy *accounts[] = { piggy, other };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      connect_remote_account (accounts[i], accounts[i] == piggy ? API_KEY : OTHER_KEY);
      g_assert_true (loy_section_view_get_store (loy_ui_test_show_section (window, "rewards")) ==
                     loy_ui_test_get_store ());
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!remote_test_init (&argc, &argv, "ui-remote-account"))
    return g_test_run ();

  piggy = loy_fake_piggy_new (API_KEY);
  other = loy_fake_piggy_new (OTHER_KEY);
  loy_fake_piggy_add_contacts (other, 30);
  loy_fake_piggy_add_shop (other, CHUM_BUCKET, "Chum Bucket");
  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  connect_remote_account (other, OTHER_KEY);

  g_test_add_func ("/ui-remote-account/switch-accounts", test_switch_accounts);
  g_test_add_func ("/ui-remote-account/contact-filters", test_contact_filters);
  g_test_add_func ("/ui-remote-account/shop-none-stored", test_shop_none_stored);
  g_test_add_func ("/ui-remote-account/shop-per-account", test_shop_per_account);
  g_test_add_func ("/ui-remote-account/key-refused", test_key_refused);

  ret = g_test_run ();

  g_settings_reset (loy_application_get_settings (loy_ui_test_get_app ()), "remote-shops");
  loy_ui_test_stop_app (database);
  g_free (database);
  loy_fake_piggy_free (piggy);
  loy_fake_piggy_free (other);
  remote_test_clear ();
  return ret;
}
