/* test-ui-remote-vouchers.c — a Piggy account's promotions and vouchers in
 * the application (the fake server): a promotion created with the fields
 * Piggy keeps, a refused field, a voucher made, found and redeemed for a
 * contact; a local program offers none of it. A screenshot of each step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "campaigns/loy-campaigns-section.h"
#include "campaigns/loy-promotion-dialog.h"
#include "campaigns/loy-promotion-window.h"
#include "campaigns/loy-voucher-create-dialog.h"
#include "campaigns/loy-voucher-redeem-dialog.h"
#include "contacts/loy-contact-chooser.h"
#include "loy-application.h"
#include "loy-desk-shop.h"
#include "loy-fake-piggy.h"
#include "loy-number-entry.h"
#include "loy-preferences-window.h"
#include "loy-section-view.h"
#include "loy-ui-test.h"
#include "loy-window.h"
#include "rest/loy-rest-store.h"
#include "test-ui-remote-fixture.h"

#define API_KEY "ui-remote-vouchers-key"
#define N_PROMOTIONS 3
#define N_VOUCHERS   25
/* The first of loy_fake_piggy_add_promotions()' */
#define PROMOTION_1  "a7000000-0000-4000-8000-000000000001"
/* The account's second shop, added for the redemptions */
#define CHUM_BUCKET  "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c"
/* loy_fake_piggy_add_contacts()' first, "Contact 00001" */
#define CONTACT_1    "c1000000-0000-4000-8000-000000000001"

static LoyWindow *window;
static char *database;
static LoyFakePiggy *piggy;
static LoyPromotionWindow *promotion_window;

/* The tests after the local program's run on the account, connected once. */
static void
use_account (void)
{
  if (!store_is_remote (NULL))
    connect_remote_account (piggy, API_KEY);
}

static LoyCampaignsSection *
show_campaigns (LoySectionView **view)
{
  *view = loy_ui_test_show_section (window, "campaigns");

  return LOY_CAMPAIGNS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (*view), LOY_TYPE_CAMPAIGNS_SECTION));
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

/* A local program has campaigns of its own: no promotions, no vouchers. */
static void
test_local_offers_none (void)
{
  LoySectionView *view = NULL;
  LoyCampaignsSection *section = show_campaigns (&view);

  g_assert_false (LOY_IS_REST_STORE (loy_ui_test_get_store ()));
  g_assert_false (loy_store_can (loy_ui_test_get_store (), LOY_STORE_CAN_MANAGE_VOUCHERS));
  g_assert_true (gtk_widget_get_visible (template_child (section, LOY_TYPE_CAMPAIGNS_SECTION, "new_button")));
  g_assert_false (gtk_widget_get_visible (template_child (section, LOY_TYPE_CAMPAIGNS_SECTION,
                                                          "new_promotion_button")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (loy_section_view_get_filter_button (view))));
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static gboolean
create_enabled (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (loy_ui_test_find_descendant (dialog, GTK_TYPE_BUTTON, "promotion.create"));
}

static gboolean
model_has_rows (gpointer data)
{
  LoySectionView *view = data;
  LoyPagedModel *model = loy_section_view_get_model (view);

  return model != NULL && loy_ui_test_section_loaded (view) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) == GPOINTER_TO_UINT (g_object_get_data (data, "rows"));
}

/* New Promotion… (Ctrl+N) asks for what Piggy keeps, refuses a limit per
 * contact above the voucher limit at its field, and the new promotion is
 * listed. */
static void
test_create_promotion (void)
{
  LoySectionView *view = NULL;
  LoyCampaignsSection *section = (use_account (), show_campaigns (&view));
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *body_text = NULL;
  g_autoptr(LoyCampaign) created = NULL;
  JsonObject *object;
  GtkWidget *dialog, *per_contact;
  guint writes;

  loy_ui_test_wait_for_rows (view, N_PROMOTIONS, "the account's promotions");
  g_assert_true (gtk_widget_get_visible (template_child (section, LOY_TYPE_CAMPAIGNS_SECTION,
                                                         "new_promotion_button")));
  g_assert_false (gtk_widget_get_visible (template_child (section, LOY_TYPE_CAMPAIGNS_SECTION, "new_button")));
  /* Piggy filters its promotions on nothing of these. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (loy_section_view_get_filter_button (view))));

  loy_ui_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  dialog = GTK_WIDGET (loy_ui_test_wait_for_toplevel (LOY_TYPE_PROMOTION_DIALOG, GTK_WINDOW (window),
                                                      "the new-promotion dialog"));
  g_assert_false (create_enabled (dialog));

  type_into (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "name_row"), "Spring  ");
  g_assert_true (create_enabled (dialog));
  type_into (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "name_row"), "  ");
  g_assert_false (create_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "name_problem")));

  type_into (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "name_row"), "Spring & summer");
  type_into (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "description_row"), "Ten off a basket");
  type_into (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "limit_entry"), "50");
  per_contact = template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "per_contact_entry");
  type_into (per_contact, "60");
  /* More per contact than in all: refused at its field, naming the limit. */
  g_assert_nonnull (loy_ui_test_shown_problem (per_contact));
  g_assert_nonnull (strstr (loy_ui_test_shown_problem (per_contact), "50"));
  g_assert_false (create_enabled (dialog));
  loy_ui_test_save_screenshot (dialog, "remote-promotion-refused");

  type_into (per_contact, "2");
  g_assert_null (loy_ui_test_shown_problem (per_contact));
  type_into (template_child (dialog, LOY_TYPE_PROMOTION_DIALOG, "days_entry"), "30");
  g_assert_true (create_enabled (dialog));
  loy_ui_test_save_screenshot (dialog, "remote-promotion-new");

  writes = loy_fake_piggy_get_n_writes (piggy);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (dialog, "promotion.create", NULL);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &dialog, "the promotion to be created");
  /* A toast's title is markup: the name's '&' comes escaped. */
  loy_ui_test_wait_for_toast (GTK_WIDGET (window), "Promotion “Spring &amp; summer” created");

  /* One POST /promotions, holding exactly the fields typed. */
  g_assert_cmpuint (loy_fake_piggy_get_n_writes (piggy), ==, writes + 1);
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "POST", "/promotions"), ==, 1);
  body_text = loy_fake_piggy_dup_last_write_body (piggy);
  body = json_from_string (body_text, NULL);
  object = json_node_get_object (body);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Spring & summer");
  g_assert_cmpstr (json_object_get_string_member (object, "description"), ==, "Ten off a basket");
  g_assert_cmpint (json_object_get_int_member (object, "voucher_limit"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (object, "limit_per_contact"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "expiration_duration"), ==, 30);

  /* The list read again holds it. */
  g_object_set_data (G_OBJECT (view), "rows", GUINT_TO_POINTER (N_PROMOTIONS + 1));
  loy_ui_test_wait_for (model_has_rows, view, "the new promotion in the list");
  created = g_list_model_get_item (G_LIST_MODEL (loy_section_view_get_model (view)), N_PROMOTIONS);
  g_assert_cmpstr (loy_campaign_get_name (created), ==, "Spring & summer");
  g_assert_cmpint (loy_campaign_get_limit (created), ==, 50);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "remote-promotion-listed");
}

static gboolean
vouchers_in_state (gpointer data)
{
  return g_str_equal (loy_promotion_window_get_state (promotion_window), data);
}

static void
wait_for_state (const char *state)
{
  g_autofree char *what = g_strdup_printf ("the vouchers' page “%s”", state);

  loy_ui_test_wait_for (vouchers_in_state, (gpointer) state, what);
}

static gboolean
all_vouchers_read (gpointer data)
{
  LoyPagedModel *vouchers = loy_promotion_window_get_vouchers (promotion_window);
  guint n = vouchers != NULL ? g_list_model_get_n_items (G_LIST_MODEL (vouchers)) : 0;

  if (n != GPOINTER_TO_UINT (data) || loy_paged_model_get_loading (vouchers))
    return FALSE;
  /* Touching the rows asks for their pages; done once none is a stand-in. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (vouchers), i);

      if (loy_paged_model_is_placeholder (item))
        return FALSE;
    }

  return TRUE;
}

/* A promotion's page lists its vouchers in the server's pages of 10; a read
 * can be stopped and read again, and one that failed says so with Try Again. */
static void
test_vouchers_listed (void)
{
  LoySectionView *view = NULL;
  LoyCampaignsSection *section = (use_account (), show_campaigns (&view));
  g_autoptr(LoyCampaign) promotion = NULL;
  g_autoptr(LoyVoucher) first = NULL;
  GtkWidget *retry;

  loy_fake_piggy_add_vouchers (piggy, PROMOTION_1, N_VOUCHERS);
  loy_ui_test_wait_for_rows (view, N_PROMOTIONS + 1, "the account's promotions");
  promotion = g_list_model_get_item (G_LIST_MODEL (loy_section_view_get_model (view)), 0);
  g_assert_cmpstr (loy_campaign_get_uuid (promotion), ==, PROMOTION_1);

  /* Slow answers: the read shows its progress and can be stopped. */
  loy_fake_piggy_set_delay (piggy, 3000);
  promotion_window = LOY_PROMOTION_WINDOW (loy_campaigns_section_open_campaign (section, promotion));
  g_object_add_weak_pointer (G_OBJECT (promotion_window), (gpointer *) &promotion_window);
  g_assert_cmpstr (loy_promotion_window_get_state (promotion_window), ==, "loading");
  loy_ui_test_save_screenshot (GTK_WIDGET (promotion_window), "remote-vouchers-reading");
  gtk_widget_activate_action (GTK_WIDGET (promotion_window), "promotion.stop-reading", NULL);
  g_assert_cmpstr (loy_promotion_window_get_state (promotion_window), ==, "stopped");
  g_assert_null (loy_promotion_window_get_vouchers (promotion_window));
  loy_fake_piggy_set_delay (piggy, 0);

  /* A read that fails says so; Try Again reads it. */
  loy_fake_piggy_add_path_fault (piggy, "GET", "/vouchers", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  gtk_widget_activate_action (GTK_WIDGET (promotion_window), "promotion.reload", NULL);
  wait_for_state ("error");
  loy_ui_test_save_screenshot (GTK_WIDGET (promotion_window), "remote-vouchers-failed");
  retry = loy_ui_test_find_descendant (template_child (promotion_window, LOY_TYPE_PROMOTION_WINDOW, "error_page"),
                                       GTK_TYPE_BUTTON, NULL);
  g_signal_emit_by_name (retry, "clicked");
  wait_for_state ("list");

  loy_ui_test_wait_for (all_vouchers_read, GUINT_TO_POINTER (N_VOUCHERS), "every voucher");
  /* Pages of 10, as the server gives them. */
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "GET", "/vouchers"), >=, 3);
  first = g_list_model_get_item (G_LIST_MODEL (loy_promotion_window_get_vouchers (promotion_window)), 0);
  g_assert_cmpstr (loy_voucher_get_code (first), ==, "VOUCHER-00001");
  g_assert_cmpint (loy_voucher_get_status (first), ==, LOY_VOUCHER_STATUS_ACTIVE);
  g_assert_cmpint (loy_voucher_get_redemptions_left (first), ==, 1);
  loy_ui_test_save_screenshot (GTK_WIDGET (promotion_window), "remote-vouchers");
}

static void
type_code_and_find (const char *code)
{
  GtkWindow *ask = loy_promotion_window_find_voucher (promotion_window);
  GtkWidget *row = loy_ui_test_find_descendant (GTK_WIDGET (ask), ADW_TYPE_ENTRY_ROW, NULL);

  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ask), "find"));
  type_into (row, code);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ask), "find"));
  loy_ui_test_respond (ask, "find");
}

static gboolean
found_dialog_shown (gpointer data)
{
  GtkWindow *dialog = loy_ui_test_get_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (promotion_window));

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), data) == 0;
}

static GtkWindow *
wait_for_found (const char *heading)
{
  loy_ui_test_wait_for (found_dialog_shown, (gpointer) heading, heading);

  return loy_ui_test_get_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (promotion_window));
}

/* Find Voucher… by code: its status, contact and redemptions left, or that
 * no voucher has the code. */
static void
test_find_voucher (void)
{
  g_autofree char *query = NULL;
  GtkWindow *found;
  const char *body;

  g_assert_nonnull (promotion_window);
  loy_fake_piggy_set_voucher_status (piggy, "VOUCHER-00004", "LOCKED");
  type_code_and_find ("  VOUCHER-00004 ");
  found = wait_for_found ("VOUCHER-00004");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (found));
  g_assert_nonnull (strstr (body, "Status: Locked"));
  g_assert_nonnull (strstr (body, "Contact: Anyone"));
  g_assert_nonnull (strstr (body, "Redemptions left: 1"));
  /* The server was asked for the code as typed, without its blanks. */
  query = loy_fake_piggy_dup_last_query (piggy);
  g_assert_cmpstr (query, ==, "code=VOUCHER-00004");
  loy_ui_test_save_screenshot (GTK_WIDGET (found), "remote-voucher-found");
  loy_ui_test_respond (found, "close");

  type_code_and_find ("NO-SUCH-CODE");
  found = wait_for_found ("No Voucher Found");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (found)), ==, "No voucher has this code.");
  loy_ui_test_respond (found, "close");
}

static JsonObject *
last_write_body (JsonNode **node)
{
  g_autofree char *text = loy_fake_piggy_dup_last_write_body (piggy);

  *node = json_from_string (text, NULL);
  g_assert_nonnull (*node);

  return json_node_get_object (*node);
}

static LoyVoucherCreateDialog *
open_create_dialog (void)
{
  GtkWindow *dialog = loy_promotion_window_create_vouchers (promotion_window);

  g_assert_true (LOY_IS_VOUCHER_CREATE_DIALOG (dialog));
  return LOY_VOUCHER_CREATE_DIALOG (dialog);
}

static GtkWidget *
create_dialog_child (LoyVoucherCreateDialog *dialog,
                     const char             *name)
{
  return template_child (dialog, LOY_TYPE_VOUCHER_CREATE_DIALOG, name);
}

static gboolean
create_dialog_refusing (gpointer data)
{
  GtkWindow *dialog = loy_ui_test_get_toplevel (LOY_TYPE_VOUCHER_CREATE_DIALOG, GTK_WINDOW (promotion_window));

  return dialog != NULL && gtk_widget_get_visible (create_dialog_child (LOY_VOUCHER_CREATE_DIALOG (dialog),
                                                                        "problem_label"));
}

/* Create Vouchers…: one with a code typed, the same code again refused
 * (the dialog back as typed, saying why), one made up, a batch. */
static void
test_create_vouchers (void)
{
  g_autoptr(JsonNode) node = NULL;
  LoyVoucherCreateDialog *dialog;
  JsonObject *body;
  const char *problem;
  guint n_vouchers = N_VOUCHERS;

  g_assert_nonnull (promotion_window);
  dialog = open_create_dialog ();
  type_into (create_dialog_child (dialog, "code_row"), " SPRING-0001 ");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-voucher-create");
  loy_ui_test_respond (GTK_WINDOW (dialog), "create");
  loy_ui_test_wait_for_toast (GTK_WIDGET (promotion_window), "Voucher “SPRING-0001” created");
  body = last_write_body (&node);
  g_assert_cmpstr (json_object_get_string_member (body, "promotion_uuid"), ==, PROMOTION_1);
  g_assert_cmpstr (json_object_get_string_member (body, "code"), ==, "SPRING-0001");
  g_assert_false (json_object_has_member (body, "contact_uuid"));
  n_vouchers++;
  loy_ui_test_wait_for (all_vouchers_read, GUINT_TO_POINTER (n_vouchers), "the new voucher listed");

  /* The same code again: the server refuses it, and the dialog says so. */
  dialog = open_create_dialog ();
  type_into (create_dialog_child (dialog, "code_row"), "SPRING-0001");
  loy_ui_test_respond (GTK_WINDOW (dialog), "create");
  loy_ui_test_wait_for (create_dialog_refusing, NULL, "the code refused");
  dialog = LOY_VOUCHER_CREATE_DIALOG (loy_ui_test_get_toplevel (LOY_TYPE_VOUCHER_CREATE_DIALOG,
                                                                GTK_WINDOW (promotion_window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (create_dialog_child (dialog, "code_row"))), ==,
                   "SPRING-0001");
  problem = gtk_label_get_text (GTK_LABEL (create_dialog_child (dialog, "problem_label")));
  g_assert_nonnull (strstr (problem, "already been taken"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-voucher-code-taken");

  /* Emptied: one is made up. */
  type_into (create_dialog_child (dialog, "code_row"), "");
  g_assert_false (gtk_widget_get_visible (create_dialog_child (dialog, "problem_label")));
  loy_ui_test_respond (GTK_WINDOW (dialog), "create");
  n_vouchers++;
  loy_ui_test_wait_for (all_vouchers_read, GUINT_TO_POINTER (n_vouchers), "the made-up voucher listed");
  g_clear_pointer (&node, json_node_unref);
  body = last_write_body (&node);
  g_assert_cmpuint (strlen (json_object_get_string_member (body, "code")), ==, 10);

  /* A batch: asked for, said to come later, there once read again. */
  dialog = open_create_dialog ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (create_dialog_child (dialog, "batch_check")), TRUE);
  g_assert_false (gtk_widget_get_sensitive (create_dialog_child (dialog, "code_row")));
  type_into (create_dialog_child (dialog, "quantity_entry"), "501");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  type_into (create_dialog_child (dialog, "quantity_entry"), "3");
  loy_ui_test_respond (GTK_WINDOW (dialog), "create");
  loy_ui_test_wait_for_toast (GTK_WIDGET (promotion_window),
                              "3 vouchers asked for: the server makes them in a while");
  g_clear_pointer (&node, json_node_unref);
  body = last_write_body (&node);
  g_assert_cmpint (json_object_get_int_member (body, "quantity"), ==, 3);
  g_assert_cmpuint (loy_fake_piggy_count_requests (piggy, "POST", "/vouchers/batch"), ==, 1);
  n_vouchers += 3;
  loy_ui_test_wait_for (all_vouchers_read, GUINT_TO_POINTER (n_vouchers), "the batch listed");
  loy_ui_test_save_screenshot (GTK_WIDGET (promotion_window), "remote-vouchers-batch");
}

/* Redeeming */

static gboolean
is_redeem_button_of (GtkWidget     *widget,
                     gconstpointer  position)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "promotion.redeem") != 0)
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_variant_get_uint32 (target) == GPOINTER_TO_UINT (position);
}

/* The Redeem… button of the voucher row at @position. */
static GtkWidget *
redeem_button (guint position)
{
  GtkWidget *view = template_child (promotion_window, LOY_TYPE_PROMOTION_WINDOW, "voucher_view");
  GtkWidget *button = loy_ui_test_find_matching (view, is_redeem_button_of, GUINT_TO_POINTER (position));

  g_assert_nonnull (button);
  return button;
}

static LoyVoucher *
voucher_at (guint position)
{
  return g_list_model_get_item (G_LIST_MODEL (loy_promotion_window_get_vouchers (promotion_window)), position);
}

static gboolean
row_read (gpointer data)
{
  LoyPagedModel *vouchers = loy_promotion_window_get_vouchers (promotion_window);
  g_autoptr(LoyVoucher) voucher = NULL;

  if (vouchers == NULL || loy_paged_model_get_loading (vouchers))
    return FALSE;
  voucher = voucher_at (GPOINTER_TO_UINT (data));
  return voucher != NULL && !loy_paged_model_is_placeholder (voucher);
}

/* Redeem… on the row of @code, as a click. */
static LoyVoucherRedeemDialog *
click_redeem (guint       position,
              const char *code)
{
  g_autoptr(LoyVoucher) voucher = NULL;
  GtkWidget *button;

  loy_ui_test_wait_for (row_read, GUINT_TO_POINTER (position), "the row read");
  voucher = voucher_at (position);
  button = redeem_button (position);

  g_assert_cmpstr (loy_voucher_get_code (voucher), ==, code);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  return LOY_VOUCHER_REDEEM_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_VOUCHER_REDEEM_DIALOG,
                                                                   GTK_WINDOW (promotion_window),
                                                                   "the redeem dialog"));
}

static GtkWidget *
redeem_dialog_child (LoyVoucherRedeemDialog *dialog,
                     const char             *name)
{
  return template_child (dialog, LOY_TYPE_VOUCHER_REDEEM_DIALOG, name);
}

static gboolean
search_found (gpointer data)
{
  GtkWidget *results = template_child (data, LOY_TYPE_CONTACT_CHOOSER, "results");

  return gtk_widget_get_visible (results) && gtk_widget_get_first_child (results) != NULL;
}

/* Types part of a contact's name into the dialog's search, then chooses
 * the one match. */
static void
choose_contact (LoyVoucherRedeemDialog *dialog,
                const char             *part,
                const char             *uuid)
{
  GtkWidget *chooser = redeem_dialog_child (dialog, "contact_chooser");
  GtkWidget *results = template_child (chooser, LOY_TYPE_CONTACT_CHOOSER, "results");
  GtkListBoxRow *row;

  type_into (template_child (chooser, LOY_TYPE_CONTACT_CHOOSER, "search_entry"), part);
  loy_ui_test_wait_for (search_found, chooser, "the contacts found");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 0);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 1));
  gtk_list_box_select_row (GTK_LIST_BOX (results), row);
  g_assert_nonnull (loy_voucher_redeem_dialog_get_contact (dialog));
  g_assert_cmpstr (loy_contact_get_uuid (loy_voucher_redeem_dialog_get_contact (dialog)), ==, uuid);
}

static gboolean
shop_shown (gpointer data)
{
  LoyVoucherRedeemDialog *dialog = data;
  const char *wanted = g_object_get_data (data, "shop");

  return g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (redeem_dialog_child (dialog, "shop_row"))),
                    wanted) == 0;
}

static void
wait_for_shop (LoyVoucherRedeemDialog *dialog,
               const char             *text)
{
  g_object_set_data_full (G_OBJECT (dialog), "shop", g_strdup (text), g_free);
  loy_ui_test_wait_for (shop_shown, dialog, text);
}

static gboolean
redeem_dialog_refusing (gpointer data)
{
  GtkWindow *dialog = loy_ui_test_get_toplevel (LOY_TYPE_VOUCHER_REDEEM_DIALOG, GTK_WINDOW (promotion_window));

  return dialog != NULL && gtk_widget_get_visible (redeem_dialog_child (LOY_VOUCHER_REDEEM_DIALOG (dialog),
                                                                        "problem_label"));
}

/* The dialog back after a failed write, as chosen: its contact and why. */
static LoyVoucherRedeemDialog *
wait_for_refusal (const char *contact_uuid,
                  const char *words)
{
  LoyVoucherRedeemDialog *dialog;
  const char *problem;

  loy_ui_test_wait_for (redeem_dialog_refusing, NULL, "the redemption refused");
  dialog = LOY_VOUCHER_REDEEM_DIALOG (loy_ui_test_get_toplevel (LOY_TYPE_VOUCHER_REDEEM_DIALOG,
                                                                GTK_WINDOW (promotion_window)));
  g_assert_cmpstr (loy_contact_get_uuid (loy_voucher_redeem_dialog_get_contact (dialog)), ==, contact_uuid);
  problem = gtk_label_get_text (GTK_LABEL (redeem_dialog_child (dialog, "problem_label")));
  if (strstr (problem, words) == NULL)
    g_error ("“%s” does not say “%s”", problem, words);

  return dialog;
}

/* The row of @position read again, as the server now has it. */
static gboolean
row_redeemed (gpointer data)
{
  g_autoptr(LoyVoucher) voucher = NULL;

  if (!row_read (data))
    return FALSE;
  voucher = voucher_at (GPOINTER_TO_UINT (data));
  return loy_voucher_get_status (voucher) == LOY_VOUCHER_STATUS_REDEEMED;
}

static void
wait_for_row_redeemed (guint position)
{
  g_autoptr(LoyVoucher) voucher = NULL;

  loy_ui_test_wait_for (row_redeemed, GUINT_TO_POINTER (position), "the row read again, redeemed");
  voucher = voucher_at (position);
  g_assert_cmpint (loy_voucher_get_redemptions_left (voucher), ==, 0);
  /* Redeem… is no longer offered on it. */
  g_assert_false (gtk_widget_get_visible (redeem_button (position)));
}

static void
assert_redeemed_at (const char *code,
                    const char *contact_uuid,
                    const char *shop_uuid)
{
  g_autofree char *contact = NULL;
  g_autofree char *shop = NULL;

  g_assert_true (loy_fake_piggy_get_voucher_redemption (piggy, code, &contact, &shop));
  g_assert_cmpstr (contact, ==, contact_uuid);
  g_assert_cmpstr (shop, ==, shop_uuid);
}

static void
assert_not_redeemed (const char *code)
{
  g_autofree char *contact = NULL;
  g_autofree char *shop = NULL;

  g_assert_false (loy_fake_piggy_get_voucher_redemption (piggy, code, &contact, &shop));
  g_assert_null (shop);
}

static guint
count_redemptions (void)
{
  return loy_fake_piggy_count_requests (piggy, "POST", "/vouchers/redeem");
}

/* Redeem… asks for the contact (found by part of a name in the account's
 * index) and names the desk's shop, or says none is chosen, with the way to
 * Preferences; a double click sends one redemption, at the desk's shop, and
 * the row is read again. */
static void
test_redeem_voucher (void)
{
  GSettings *settings = loy_application_get_settings (loy_ui_test_get_app ());
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(LoyVoucher) other = NULL;
  LoyVoucherRedeemDialog *dialog;
  GtkWindow *preferences;
  AdwComboRow *shop_row;
  g_autofree char *heading = NULL;
  g_autofree char *stored = NULL;
  JsonObject *body;
  guint sent;

  g_assert_nonnull (promotion_window);
  /* Two shops, none chosen yet: the dialog says so and cannot redeem. */
  loy_fake_piggy_add_shop (piggy, CHUM_BUCKET, "Chum Bucket");
  g_settings_reset (settings, "remote-shops");
  /* A locked voucher offers no Redeem…. */
  g_assert_false (gtk_widget_get_visible (redeem_button (3)));

  dialog = click_redeem (0, "VOUCHER-00001");
  g_object_get (dialog, "heading", &heading, NULL);
  g_assert_cmpstr (heading, ==, "Redeem Voucher “VOUCHER-00001”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“Promotion 1”"));
  wait_for_shop (dialog, "No shop is chosen for this desk: choose it in Preferences");
  g_assert_true (gtk_widget_get_visible (redeem_dialog_child (dialog, "preferences_button")));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (redeem_dialog_child (dialog, "preferences_button"))),
                   ==, "app.preferences");
  /* The way to Preferences works from the dialog. */
  g_assert_true (gtk_widget_is_sensitive (redeem_dialog_child (dialog, "preferences_button")));
  choose_contact (dialog, "andy", LOY_FAKE_PIGGY_CONTACT_UUID);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-voucher-redeem-no-shop");

  /* This desk's shop chosen in the Preferences it opens: shown at once. */
  g_signal_emit_by_name (redeem_dialog_child (dialog, "preferences_button"), "clicked");
  preferences = loy_ui_test_wait_for_toplevel (LOY_TYPE_PREFERENCES_WINDOW, NULL, "Preferences");
  shop_row = ADW_COMBO_ROW (template_child (preferences, LOY_TYPE_PREFERENCES_WINDOW, "shop_row"));
  loy_ui_test_wait_for (row_lists_shops, shop_row, "the account's shops");
  adw_combo_row_set_selected (shop_row, 1);
  stored = loy_desk_shop_dup_stored (settings, loy_fake_piggy_get_base_url (piggy));
  g_assert_cmpstr (stored, ==, CHUM_BUCKET);
  gtk_window_destroy (preferences);
  wait_for_shop (dialog, "Chum Bucket");
  g_assert_false (gtk_widget_get_visible (redeem_dialog_child (dialog, "preferences_button")));
  g_assert_cmpstr (loy_contact_get_uuid (loy_voucher_redeem_dialog_get_contact (dialog)), ==,
                   LOY_FAKE_PIGGY_CONTACT_UUID);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-voucher-redeem");

  /* A double click: two responses before the dialog goes. */
  sent = count_redemptions ();
  g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "redeem");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "redeem");
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  /* Meanwhile no other Redeem… can start a second write, and says why. */
  g_assert_false (gtk_widget_is_sensitive (redeem_button (1)));
  other = voucher_at (1);
  g_assert_null (loy_promotion_window_redeem_voucher (promotion_window, other));
  loy_ui_test_wait_for_toast (GTK_WIDGET (promotion_window), "A voucher is being written: redeem once it is done");
  loy_ui_test_wait_for_toast (GTK_WIDGET (promotion_window), "Voucher “VOUCHER-00001” redeemed for Sandy Cheeks");
  g_assert_cmpuint (count_redemptions (), ==, sent + 1);
  assert_redeemed_at ("VOUCHER-00001", LOY_FAKE_PIGGY_CONTACT_UUID, CHUM_BUCKET);
  body = last_write_body (&node);
  g_assert_cmpstr (json_object_get_string_member (body, "code"), ==, "VOUCHER-00001");
  g_assert_cmpstr (json_object_get_string_member (body, "contact_uuid"), ==, LOY_FAKE_PIGGY_CONTACT_UUID);
  g_assert_cmpstr (json_object_get_string_member (body, "shop_uuid"), ==, CHUM_BUCKET);

  wait_for_row_redeemed (0);
  g_assert_true (gtk_widget_is_sensitive (redeem_button (1)));
  loy_ui_test_save_screenshot (GTK_WIDGET (promotion_window), "remote-voucher-redeemed");
}

static gboolean
contact_chosen (gpointer data)
{
  return loy_voucher_redeem_dialog_get_contact (data) != NULL;
}

/* Refused by the server (used meanwhile, or another contact's): the dialog
 * again as chosen, in the server's words; nothing is sent again. */
static void
test_redeem_refused (void)
{
  LoyVoucherRedeemDialog *dialog;
  GtkWindow *found;
  guint sent = count_redemptions ();

  g_assert_nonnull (promotion_window);
  /* Used at another desk since the list was read: still offered here. */
  loy_fake_piggy_set_voucher_status (piggy, "VOUCHER-00002", "REDEEMED");
  dialog = click_redeem (1, "VOUCHER-00002");
  choose_contact (dialog, "00002", "c1000000-0000-4000-8000-000000000002");
  loy_ui_test_respond (GTK_WINDOW (dialog), "redeem");
  dialog = wait_for_refusal ("c1000000-0000-4000-8000-000000000002", "The voucher cannot be redeemed.");
  g_assert_cmpuint (count_redemptions (), ==, sent + 1);
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-voucher-redeem-refused");
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
  g_assert_cmpuint (count_redemptions (), ==, sent + 1);
  /* Read again, the row shows it used. */
  wait_for_row_redeemed (1);

  /* A voucher of Sandy's, for another contact. */
  loy_fake_piggy_set_voucher_contact (piggy, "VOUCHER-00003", LOY_FAKE_PIGGY_CONTACT_UUID);
  dialog = click_redeem (2, "VOUCHER-00003");
  choose_contact (dialog, "00001", CONTACT_1);
  loy_ui_test_respond (GTK_WINDOW (dialog), "redeem");
  dialog = wait_for_refusal (CONTACT_1, "another contact");
  g_assert_cmpuint (count_redemptions (), ==, sent + 2);
  assert_not_redeemed ("VOUCHER-00003");
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");

  /* Found, it says whose it is, and that contact is chosen at first. */
  type_code_and_find ("VOUCHER-00003");
  found = wait_for_found ("VOUCHER-00003");
  loy_ui_test_respond (found, "redeem");
  dialog = LOY_VOUCHER_REDEEM_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_VOUCHER_REDEEM_DIALOG,
                                                                     GTK_WINDOW (promotion_window),
                                                                     "the redeem dialog"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "It belongs to sandy@example.com."));
  loy_ui_test_wait_for (contact_chosen, dialog, "the voucher's contact chosen");
  g_assert_cmpstr (loy_contact_get_uuid (loy_voucher_redeem_dialog_get_contact (dialog)), ==,
                   LOY_FAKE_PIGGY_CONTACT_UUID);
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
  g_assert_cmpuint (count_redemptions (), ==, sent + 2);
}

/* An answer lost: the store reads the voucher and says what happened —
 * done, not done (the dialog again), or unknown with the way to check. */
static void
test_redeem_answer_lost (void)
{
  LoyVoucherRedeemDialog *dialog;
  GtkWindow *unknown;
  guint sent = count_redemptions ();

  g_assert_nonnull (promotion_window);
  /* Applied, the answer dropped: the voucher shows it done. */
  loy_fake_piggy_add_path_fault (piggy, "POST", "/vouchers/redeem", LOY_FAKE_PIGGY_FAULT_DROP_APPLIED);
  dialog = click_redeem (4, "VOUCHER-00005");
  choose_contact (dialog, "00003", "c1000000-0000-4000-8000-000000000003");
  loy_ui_test_respond (GTK_WINDOW (dialog), "redeem");
  loy_ui_test_wait_for_toast (GTK_WIDGET (promotion_window), "Voucher “VOUCHER-00005” redeemed for Contact 00003");
  g_assert_cmpuint (count_redemptions (), ==, sent + 1);
  assert_redeemed_at ("VOUCHER-00005", "c1000000-0000-4000-8000-000000000003", CHUM_BUCKET);
  wait_for_row_redeemed (4);

  /* Dropped before it was applied: not done, and it can be tried again. */
  loy_fake_piggy_add_path_fault (piggy, "POST", "/vouchers/redeem", LOY_FAKE_PIGGY_FAULT_DROP);
  dialog = click_redeem (5, "VOUCHER-00006");
  choose_contact (dialog, "00004", "c1000000-0000-4000-8000-000000000004");
  loy_ui_test_respond (GTK_WINDOW (dialog), "redeem");
  dialog = wait_for_refusal ("c1000000-0000-4000-8000-000000000004", "it was not redeemed");
  g_assert_cmpuint (count_redemptions (), ==, sent + 2);
  assert_not_redeemed ("VOUCHER-00006");
  wait_for_shop (dialog, "Chum Bucket");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "remote-voucher-redeem-not-done");
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");

  /* Applied, the answer dropped, and the voucher unreadable: unknown,
   * with the way to check it rather than to redeem it again. */
  loy_fake_piggy_add_path_fault (piggy, "POST", "/vouchers/redeem", LOY_FAKE_PIGGY_FAULT_DROP_APPLIED);
  loy_fake_piggy_add_path_fault (piggy, "GET", "/vouchers/find", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  dialog = click_redeem (6, "VOUCHER-00007");
  choose_contact (dialog, "00005", "c1000000-0000-4000-8000-000000000005");
  loy_ui_test_respond (GTK_WINDOW (dialog), "redeem");
  unknown = wait_for_found ("Unknown Whether Redeemed — Check the Voucher");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (unknown)), "could not be read"));
  g_assert_cmpuint (count_redemptions (), ==, sent + 3);
  g_assert_null (loy_ui_test_get_toplevel (LOY_TYPE_VOUCHER_REDEEM_DIALOG, GTK_WINDOW (promotion_window)));
  loy_ui_test_save_screenshot (GTK_WIDGET (unknown), "remote-voucher-redeem-unknown");
  loy_ui_test_respond (unknown, "check");
  /* Checking finds it redeemed, and offers no Redeem…. */
  unknown = wait_for_found ("VOUCHER-00007");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (unknown)), "Status: Redeemed"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (unknown), "redeem"));
  loy_ui_test_respond (unknown, "close");
  g_assert_cmpuint (count_redemptions (), ==, sent + 3);
}

/* Find Voucher… offers Redeem… for a voucher of the page's promotion that
 * can still be redeemed. */
static void
test_redeem_found (void)
{
  LoyVoucherRedeemDialog *dialog;
  GtkWindow *found;

  g_assert_nonnull (promotion_window);
  type_code_and_find ("VOUCHER-00008");
  found = wait_for_found ("VOUCHER-00008");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (found), "redeem"));
  loy_ui_test_respond (found, "redeem");
  dialog = LOY_VOUCHER_REDEEM_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_VOUCHER_REDEEM_DIALOG,
                                                                     GTK_WINDOW (promotion_window),
                                                                     "the redeem dialog"));
  g_assert_cmpstr (loy_voucher_get_code (loy_voucher_redeem_dialog_get_voucher (dialog)), ==, "VOUCHER-00008");
  wait_for_shop (dialog, "Chum Bucket");
  choose_contact (dialog, "00001", CONTACT_1);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem"));
  /* Another search drops the contact chosen from the last. */
  type_into (template_child (redeem_dialog_child (dialog, "contact_chooser"), LOY_TYPE_CONTACT_CHOOSER,
                             "search_entry"), "and");
  g_assert_null (loy_voucher_redeem_dialog_get_contact (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem"));
  choose_contact (dialog, "andy", LOY_FAKE_PIGGY_CONTACT_UUID);
  loy_ui_test_respond (GTK_WINDOW (dialog), "redeem");
  loy_ui_test_wait_for_toast (GTK_WIDGET (promotion_window), "Voucher “VOUCHER-00008” redeemed for Sandy Cheeks");
  assert_redeemed_at ("VOUCHER-00008", LOY_FAKE_PIGGY_CONTACT_UUID, CHUM_BUCKET);

  /* Found again, used: no Redeem…. */
  type_code_and_find ("VOUCHER-00008");
  found = wait_for_found ("VOUCHER-00008");
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (found), "redeem"));
  loy_ui_test_respond (found, "close");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!remote_test_init (&argc, &argv, "ui-remote-vouchers"))
    return g_test_run ();

  piggy = loy_fake_piggy_new (API_KEY);
  loy_fake_piggy_add_contacts (piggy, 5);
  loy_fake_piggy_add_promotions (piggy, N_PROMOTIONS);
  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);

  g_test_add_func ("/ui-remote-vouchers/local-offers-none", test_local_offers_none);
  g_test_add_func ("/ui-remote-vouchers/create-promotion", test_create_promotion);
  g_test_add_func ("/ui-remote-vouchers/vouchers-listed", test_vouchers_listed);
  g_test_add_func ("/ui-remote-vouchers/find-voucher", test_find_voucher);
  g_test_add_func ("/ui-remote-vouchers/create-vouchers", test_create_vouchers);
  g_test_add_func ("/ui-remote-vouchers/redeem-voucher", test_redeem_voucher);
  g_test_add_func ("/ui-remote-vouchers/redeem-refused", test_redeem_refused);
  g_test_add_func ("/ui-remote-vouchers/redeem-answer-lost", test_redeem_answer_lost);
  g_test_add_func ("/ui-remote-vouchers/redeem-found", test_redeem_found);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);
  loy_fake_piggy_free (piggy);
  remote_test_clear ();
  return ret;
}
