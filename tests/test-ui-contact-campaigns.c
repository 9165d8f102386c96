/* test-ui-contact-campaigns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "contacts/loy-cashback-dialog.h"
#include "contacts/loy-code-dialog.h"
#include "campaigns/loy-contact-campaigns-page.h"
#include "campaigns/loy-percentage-code-dialog.h"
#include "contacts/loy-contact-window.h"
#include "loy-number-entry.h"
#include "loy-ui-test.h"

/* The support desk's side of the campaigns, through the real application on
 * a temporary demo database: a contact of 50 points buys a coupon from its
 * window's Campaigns page (the balance drops by its cost, the purchase and
 * its code are shown), cancels it (the points come back), and pays for an
 * order with points at seed 003's rate of 2.00 a point — after a refusal
 * because the rate changed, which keeps what was typed; and issues a
 * percentage discount code against one of the contact's purchases, the
 * value shown as the purchase is chosen. Each step is saved
 * under tests/screenshots/till-*.png in the build directory,
 * at full width and at 360 px. */

#define OPERATOR "Desk test"

static LoyWindow *window;
static char *database;
static char *contact_uuid;
static char *coupon_uuid;
static char *cashback_uuid;
static char *gift_uuid;
static LoyContactWindow *contact_window;
static LoyContactCampaignsPage *campaigns_page;

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

static char *
create_campaign (LoyCampaign        *campaign,
                 const char * const *codes)
{
  g_autoptr(LoyCampaign) owned = campaign;
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(GError) error = NULL;

  created = loy_store_create_campaign_sync (loy_ui_test_get_store (), owned, codes, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (loy_campaign_get_uuid (created));
}

static LoyCampaign *
new_cashback (const char *name,
              gint64      point_value_cents)
{
  LoyCampaign *campaign = loy_campaign_new ();

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_point_value_cents (campaign, point_value_cents);

  return campaign;
}

static void
set_campaign_active (const char *uuid,
                     gboolean    active)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyCampaign) updated = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_boolean_member (changes, "active", active);
  updated = loy_store_update_campaign_sync (loy_ui_test_get_store (), uuid, changes, NULL, &error);
  g_assert_no_error (error);
}

/* A new contact of seed 003's 50 points; a coupon of 30 points with two
 * codes; cashback at 2.00 a point, better than the demo's rates. */
static void
set_up_campaigns (void)
{
  static const char * const codes[] = { "DESK-1", "DESK-2", NULL };
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  LoyStore *store = loy_ui_test_get_store ();
  LoyCampaign *coupon = loy_campaign_new ();
  LoyCampaign *gift = loy_campaign_new ();
  static const char * const gift_codes[] = { "TOTE-1", NULL };

  loy_contact_set_email (template, "desk.campaigns@example.com");
  loy_contact_set_first_name (template, "Dana");
  loy_contact_set_last_name (template, "Desk & Co");
  contact = loy_store_enroll_contact_sync (store, template, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  contact_uuid = g_strdup (loy_contact_get_uuid (contact));
  if (loy_contact_get_balance (contact) != 50)
    {
      entry = loy_store_adjust_points_sync (store, contact_uuid,
                                            50 - loy_contact_get_balance (contact), "Start",
                                            OPERATOR, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (store_balance (), ==, 50);

  loy_campaign_set_campaign_type (coupon, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (coupon, "Coffee & cake");
  loy_campaign_set_cost_in_points (coupon, 30);
  coupon_uuid = create_campaign (coupon, codes);
  cashback_uuid = create_campaign (new_cashback ("Two euro a point", 200), NULL);

  loy_campaign_set_campaign_type (gift, LOY_CAMPAIGN_TYPE_GIFT_CODE);
  loy_campaign_set_name (gift, "Tote bag");
  loy_campaign_set_cost_in_points (gift, 10);
  gift_uuid = create_campaign (gift, gift_codes);
}

static gboolean
contact_window_idle (gpointer data)
{
  return !loy_contact_window_get_busy (contact_window) &&
         loy_contact_campaigns_page_get_availabilities (campaigns_page) != NULL &&
         loy_contact_campaigns_page_get_purchases (campaigns_page) != NULL;
}

static gboolean
window_shows_balance (gpointer data)
{
  const gint64 *balance = data;

  return contact_window_idle (NULL) &&
         loy_contact_get_balance (loy_contact_window_get_contact (contact_window)) == *balance;
}

static LoyAvailability *
find_availability (const char *campaign_uuid)
{
  GPtrArray *availabilities = loy_contact_campaigns_page_get_availabilities (campaigns_page);

  g_assert_nonnull (availabilities);
  for (guint i = 0; i < availabilities->len; i++)
    {
      LoyAvailability *availability = g_ptr_array_index (availabilities, i);

      if (g_str_equal (loy_campaign_get_uuid (loy_availability_get_campaign (availability)),
                       campaign_uuid))
        return availability;
    }

  return NULL;
}

static LoyCampaignPurchase *
newest_purchase (void)
{
  GPtrArray *purchases = loy_contact_campaigns_page_get_purchases (campaigns_page);

  g_assert_nonnull (purchases);
  g_assert_cmpuint (purchases->len, >, 0);

  return g_ptr_array_index (purchases, 0);
}

static gboolean
label_text_matches (GtkWidget     *widget,
                    gconstpointer  data)
{
  return (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data)) ||
         (ADW_IS_PREFERENCES_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0) ||
         (ADW_IS_ACTION_ROW (widget) &&
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), data) == 0);
}

/* A row or label showing @text, mapped. */
static GtkWidget *
find_shown (GtkWidget  *root,
            const char *text)
{
  GtkWidget *found = loy_ui_test_find_matching (root, label_text_matches, text);

  g_assert_nonnull (found);
  return found;
}

static gboolean
text_shown (gpointer data)
{
  return loy_ui_test_find_matching (GTK_WIDGET (campaigns_page), label_text_matches, data) != NULL;
}

/* The newest purchase is @data's (code, status): the page has read it back. */
typedef struct
{
  const char        *code;
  LoyPurchaseStatus  status;
} PurchaseShown;

static gboolean
purchase_shown (gpointer data)
{
  const PurchaseShown *expected = data;
  GPtrArray *purchases = loy_contact_campaigns_page_get_purchases (campaigns_page);
  LoyCampaignPurchase *newest;

  if (purchases == NULL || purchases->len == 0)
    return FALSE;

  newest = g_ptr_array_index (purchases, 0);
  return g_strcmp0 (loy_campaign_purchase_get_code (newest), expected->code) == 0 &&
         loy_campaign_purchase_get_status (newest, g_get_real_time () / G_USEC_PER_SEC) ==
           expected->status;
}

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

/* @widget's window at full width as @name, then at 360 px as @name-narrow. */
static void
save_both_widths (GtkWidget  *widget,
                  const char *name)
{
  GtkWindow *toplevel = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  int width;
  int height;

  gtk_window_get_default_size (toplevel, &width, &height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (toplevel));
  loy_ui_test_save_screenshot (GTK_WIDGET (toplevel), name);

  gtk_window_set_default_size (toplevel, 360, height);
  loy_ui_test_wait_for (narrower_than, toplevel, "the window to shrink");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (toplevel));
  loy_ui_test_save_screenshot (GTK_WIDGET (toplevel), narrow);

  gtk_window_set_default_size (toplevel, width, height);
  if (width > 800)
    loy_ui_test_wait_for (wider_than, toplevel, "the window to grow");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (toplevel));
}

static void
show_contact_page (const char *name)
{
  GtkWidget *stack = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), ADW_TYPE_VIEW_STACK,
                                                  NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

/* What the contact can get, what not and why, and cashback as a rate. */
static void
test_open (void)
{
  g_autoptr(GObject) contact = NULL;
  g_autoptr(GError) error = NULL;
  LoyAvailability *coupon;
  LoyAvailability *cashback;
  GtkWidget *pay_button;

  contact = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CONTACT, contact_uuid, NULL,
                                   &error);
  g_assert_no_error (error);
  contact_window = loy_contact_window_new (GTK_APPLICATION (loy_ui_test_get_app ()),
                                           loy_ui_test_get_store (), LOY_CONTACT (contact));
  g_object_add_weak_pointer (G_OBJECT (contact_window), (gpointer *) &contact_window);
  campaigns_page = loy_contact_window_get_campaigns_page (contact_window);
  gtk_window_set_default_size (GTK_WINDOW (contact_window), 1000, 900);
  gtk_window_present (GTK_WINDOW (contact_window));
  loy_ui_test_wait_for (contact_window_idle, NULL, "the contact's campaigns");
  show_contact_page ("campaigns");

  coupon = find_availability (coupon_uuid);
  g_assert_true (loy_availability_get_can_buy (coupon));
  find_shown (GTK_WIDGET (campaigns_page), "Discount code · 30 points");

  cashback = find_availability (cashback_uuid);
  g_assert_true (loy_availability_get_available (cashback));
  g_assert_false (loy_availability_get_can_buy (cashback));
  find_shown (GTK_WIDGET (campaigns_page),
              "1 point = 2.00 · up to 100.00 with your 50 points");

  /* The demo's welcome discount costs 100 points: dimmed, saying so. */
  for (guint i = 0; i < loy_contact_campaigns_page_get_availabilities (campaigns_page)->len; i++)
    {
      LoyAvailability *availability = g_ptr_array_index (loy_contact_campaigns_page_get_availabilities (campaigns_page), i);

      if (g_str_equal (loy_campaign_get_name (loy_availability_get_campaign (availability)),
                       "Welcome discount"))
        {
          const LoyAvailabilityReason *reason;
          GtkWidget *row;

          g_assert_true (loy_availability_get_listed (availability));
          g_assert_false (loy_availability_get_available (availability));
          reason = g_ptr_array_index (loy_availability_get_reasons (availability), 0);
          row = find_shown (GTK_WIDGET (campaigns_page), "Welcome discount");
          g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
          g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                    reason->message));
        }
    }

  g_assert_null (loy_contact_campaigns_page_get_cashback_problem (campaigns_page));
  pay_button = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), GTK_TYPE_BUTTON,
                                            "contact.pay-with-points");
  g_assert_nonnull (pay_button);
  g_assert_true (gtk_widget_get_mapped (pay_button));
  g_assert_true (gtk_widget_is_sensitive (pay_button));

  save_both_widths (GTK_WIDGET (contact_window), "till-campaigns");
}

/* Buy: a question naming the campaign, its cost and the balance after,
 * then the code claimed from the campaign's group, with its QR image. */
static void
test_buy (void)
{
  gint64 balance = 20;
  GtkWindow *confirmation;
  LoyCodeDialog *code_dialog;
  LoyCampaignPurchase *purchase;
  const char *body;

  gtk_widget_activate_action (GTK_WIDGET (campaigns_page), "campaigns-page.buy", "s", coupon_uuid);
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL,
                                                "the buy confirmation");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirmation)), ==,
                   "Buy “Coffee & cake”?");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirmation));
  g_assert_cmpstr (body, ==, "It costs 30 points; the balance after is 20 points.");
  loy_ui_test_save_screenshot (GTK_WIDGET (confirmation), "till-buy");
  loy_ui_test_respond (confirmation, "buy");

  code_dialog = LOY_CODE_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_DIALOG, NULL,
                                                                "the code bought"));
  g_assert_cmpstr (loy_code_dialog_get_code (code_dialog), ==, "DESK-1");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (code_dialog)), ==,
                   "Campaign Bought");
  loy_ui_test_save_screenshot (GTK_WIDGET (code_dialog), "till-code");
  loy_ui_test_respond (GTK_WINDOW (code_dialog), "close");

  loy_ui_test_wait_for (window_shows_balance, &balance, "the purchase to be read back");
  loy_ui_test_wait_for (purchase_shown, &(PurchaseShown) { "DESK-1", LOY_PURCHASE_STATUS_ACTIVE },
                        "the purchase listed");
  g_assert_cmpint (store_balance (), ==, 20);
  purchase = newest_purchase ();
  g_assert_cmpstr (loy_campaign_purchase_get_code (purchase), ==, "DESK-1");
  g_assert_cmpstr (loy_campaign_purchase_get_campaign_uuid (purchase), ==, coupon_uuid);
  find_shown (GTK_WIDGET (campaigns_page), "Coffee & cake");
  /* 20 points are worth 40.00 now. */
  loy_ui_test_wait_for (text_shown, "1 point = 2.00 · up to 40.00 with your 20 points",
                        "the cashback worth of 20 points");
  save_both_widths (GTK_WIDGET (contact_window), "till-bought");
}

/* Cancel asks first, says the points come back, and they do. */
static void
test_cancel (void)
{
  gint64 balance = 50;
  LoyCampaignPurchase *purchase = newest_purchase ();
  g_autofree char *uuid = g_strdup (loy_campaign_purchase_get_uuid (purchase));
  GtkWindow *confirmation;

  gtk_widget_activate_action (GTK_WIDGET (campaigns_page), "campaigns-page.cancel", "s", uuid);
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL,
                                                "the cancel confirmation");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirmation)), ==,
                   "The points go back to the contact, and the code, unless it was used, back to the campaign.");
  loy_ui_test_save_screenshot (GTK_WIDGET (confirmation), "till-cancel");
  loy_ui_test_respond (confirmation, "cancel-purchase");

  loy_ui_test_wait_for (window_shows_balance, &balance, "the cancellation to be read back");
  loy_ui_test_wait_for (purchase_shown, &(PurchaseShown) { "DESK-1", LOY_PURCHASE_STATUS_CANCELLED },
                        "the purchase cancelled");
  g_assert_cmpint (store_balance (), ==, 50);
  purchase = newest_purchase ();
  g_assert_cmpstr (loy_campaign_purchase_get_uuid (purchase), ==, uuid);
  g_assert_cmpint (loy_campaign_purchase_get_status (purchase, g_get_real_time () / G_USEC_PER_SEC),
                   ==, LOY_PURCHASE_STATUS_CANCELLED);
  save_both_widths (GTK_WIDGET (contact_window), "till-cancelled");
}

static gboolean
dialog_quoted (gpointer data)
{
  return !loy_cashback_dialog_get_busy (data) &&
         (loy_cashback_dialog_get_quote (data) != NULL ||
          loy_cashback_dialog_get_problem (data) != NULL);
}

static GtkWidget *
dialog_child (LoyCashbackDialog *dialog,
              const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), LOY_TYPE_CASHBACK_DIALOG,
                                                    name));
}

static void
type_into (LoyCashbackDialog *dialog,
           const char        *name,
           const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, name)), text);
}

static void
assert_quote (LoyCashbackDialog *dialog,
              gint64             points,
              gint64             discount,
              gint64             to_pay)
{
  const LoyCashbackQuote *quote;

  loy_ui_test_wait_for (dialog_quoted, dialog, "the quote");
  quote = loy_cashback_dialog_get_quote (dialog);
  g_assert_nonnull (quote);
  g_assert_cmpint (quote->points_used, ==, points);
  g_assert_cmpint (quote->discount_cents, ==, discount);
  g_assert_cmpint (quote->to_pay_cents, ==, to_pay);
}

/* Seed 003: 2.00 a point, 50 points, an order of 100.00 is paid in
 * full; 20 points take 40.00 off, 60.00 to pay. */
static void
test_pay_with_points (void)
{
  gint64 balance = 30;
  LoyCashbackDialog *dialog;
  GtkWidget *exchange_button;
  g_autofree char *better_uuid = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  LoyPagedModel *ledger;
  g_autoptr(LoyLedgerEntry) shown = NULL;

  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.pay-with-points", NULL);
  dialog = LOY_CASHBACK_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_CASHBACK_DIALOG, NULL,
                                                               "the Pay with Points dialog"));
  exchange_button = loy_ui_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                 "cashback.exchange");
  g_assert_nonnull (exchange_button);
  g_assert_false (gtk_widget_is_sensitive (exchange_button));

  type_into (dialog, "total_entry", "100");
  assert_quote (dialog, 50, 10000, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "to_pay_label"))), ==,
                   "0.00");
  save_both_widths (GTK_WIDGET (dialog), "till-quote");

  type_into (dialog, "points_entry", "20");
  assert_quote (dialog, 20, 4000, 6000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "discount_label"))), ==,
                   "40.00");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "to_pay_label"))), ==,
                   "60.00");
  /* No reference yet: nothing to exchange against. */
  g_assert_false (gtk_widget_is_sensitive (exchange_button));
  type_into (dialog, "reference_row", "ORDER-4711 & 12");
  g_assert_true (gtk_widget_is_sensitive (exchange_button));
  save_both_widths (GTK_WIDGET (dialog), "till-quote-part");

  /* A better rate starts between the quote and the exchange: refused, the
   * dialog keeps what was typed and quotes again at the new rate. */
  better_uuid = create_campaign (new_cashback ("Three euro a point", 300), NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "cashback.exchange", NULL);
  loy_ui_test_wait_for (dialog_quoted, dialog, "the exchange to be refused");
  g_assert_cmpstr (loy_cashback_dialog_get_problem (dialog), ==,
                   "The cashback rate changed since the quote; quote again");
  g_assert_cmpint (store_balance (), ==, 50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "points_entry"))),
                   ==, "20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "reference_row"))),
                   ==, "ORDER-4711 & 12");
  assert_quote (dialog, 20, 6000, 4000);
  save_both_widths (GTK_WIDGET (dialog), "till-rate-changed");

  /* That rate ends again; typed anew, the quote is seed 003's. */
  set_campaign_active (better_uuid, FALSE);
  type_into (dialog, "points_entry", "");
  type_into (dialog, "points_entry", "20");
  assert_quote (dialog, 20, 4000, 6000);
  g_assert_null (loy_cashback_dialog_get_problem (dialog));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "cashback.exchange", NULL);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &dialog, "the dialog to close");
  /* The toast's title is markup: the reference's "&" escaped. */
  loy_ui_test_wait_for_toast (GTK_WIDGET (contact_window),
                              "Cashback: 40.00 off order ORDER-4711 &amp; 12");
  loy_ui_test_wait_for (window_shows_balance, &balance, "the exchange to be read back");
  g_assert_cmpint (store_balance (), ==, 30);

  entry = store_newest_entry ();
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_CASHBACK);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -20);
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Cashback: 40.00 off order ORDER-4711 & 12");

  /* The history shows it, newest first. */
  show_contact_page ("history");
  ledger = loy_contact_window_get_ledger (contact_window);
  shown = g_list_model_get_item (G_LIST_MODEL (ledger), 0);
  g_assert_cmpstr (loy_ledger_entry_get_uuid (shown), ==, loy_ledger_entry_get_uuid (entry));
  find_shown (GTK_WIDGET (contact_window), "Cashback: 40.00 off order ORDER-4711 & 12");
  save_both_widths (GTK_WIDGET (contact_window), "till-paid");
}

static gboolean
cashback_gone (gpointer data)
{
  return contact_window_idle (NULL) &&
         loy_contact_campaigns_page_get_cashback_problem (campaigns_page) != NULL;
}

static gboolean
gift_shipped (gpointer data)
{
  LoyCampaignPurchase *newest;

  if (!contact_window_idle (NULL) || loy_contact_campaigns_page_get_purchases (campaigns_page)->len == 0)
    return FALSE;

  newest = g_ptr_array_index (loy_contact_campaigns_page_get_purchases (campaigns_page), 0);
  return loy_campaign_purchase_get_delivery_status (newest) == LOY_DELIVERY_STATUS_SHIPPED;
}

/* The purchases come last on the page: scrolled to, for the screenshot. */
static void
scroll_to_end (void)
{
  GtkWidget *scrolled = loy_ui_test_find_descendant (GTK_WIDGET (campaigns_page),
                                                     GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
}

/* A gift bought is ordered; the desk follows it to shipped. */
static void
test_gift_delivery (void)
{
  gint64 balance = 20;
  LoyCampaignPurchase *purchase;
  GtkWindow *confirmation;

  show_contact_page ("campaigns");
  loy_contact_campaigns_page_buy (campaigns_page, gift_uuid);
  confirmation = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL,
                                                "the gift's confirmation");
  loy_ui_test_respond (confirmation, "buy");
  loy_ui_test_respond (loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_DIALOG, NULL, "the gift's code"),
                       "close");
  loy_ui_test_wait_for (window_shows_balance, &balance, "the gift to be read back");
  loy_ui_test_wait_for (purchase_shown, &(PurchaseShown) { "TOTE-1", LOY_PURCHASE_STATUS_ACTIVE },
                        "the gift listed");
  purchase = newest_purchase ();
  g_assert_cmpint (loy_campaign_purchase_get_delivery_status (purchase), ==,
                   LOY_DELIVERY_STATUS_ORDERED);
  g_assert_nonnull (loy_ui_test_find_descendant (GTK_WIDGET (campaigns_page), GTK_TYPE_MENU_BUTTON,
                                                 NULL));

  gtk_widget_activate_action (GTK_WIDGET (campaigns_page), "campaigns-page.deliver", "(ss)",
                              loy_campaign_purchase_get_uuid (purchase), "shipped");
  loy_ui_test_wait_for (gift_shipped, NULL, "the gift shipped");
  find_shown (GTK_WIDGET (campaigns_page), "TOTE-1 · Active · Shipped");
  scroll_to_end ();
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "till-gift-shipped");
}

/* Without a cashback campaign for the contact, Pay with Points is off
 * and says why. */
static void
test_pay_unavailable (void)
{
  GPtrArray *availabilities = loy_contact_campaigns_page_get_availabilities (campaigns_page);
  g_autoptr(GPtrArray) cashback = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *pay_button;

  for (guint i = 0; i < availabilities->len; i++)
    {
      LoyCampaign *campaign = loy_availability_get_campaign (g_ptr_array_index (availabilities, i));

      if (loy_campaign_get_campaign_type (campaign) == LOY_CAMPAIGN_TYPE_CASHBACK)
        g_ptr_array_add (cashback, g_strdup (loy_campaign_get_uuid (campaign)));
    }
  for (guint i = 0; i < cashback->len; i++)
    set_campaign_active (g_ptr_array_index (cashback, i), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.reload", NULL);
  loy_ui_test_wait_for (cashback_gone, NULL, "the campaigns read again");

  pay_button = loy_ui_test_find_descendant (GTK_WIDGET (contact_window), GTK_TYPE_BUTTON,
                                            "contact.pay-with-points");
  g_assert_false (gtk_widget_is_sensitive (pay_button));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (pay_button),
                                   "No cashback campaign is available to this contact"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (contact_window));
  loy_ui_test_save_screenshot (GTK_WIDGET (contact_window), "till-no-cashback");
}

/* Percentage discount codes */

static char *
award_purchase (gint64 amount_cents)
{
  LoyAward award = { .amount_cents = amount_cents, .operator_name = OPERATOR };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = loy_store_award_points_sync (loy_ui_test_get_store (), contact_uuid, &award, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (loy_ledger_entry_get_uuid (entry));
}

static gboolean
entries_read (gpointer data)
{
  return loy_percentage_code_dialog_get_entry_uuid (data) != NULL;
}

/* Chooses the purchase @entry_uuid in the dialog, as a click would. */
static void
choose_entry (LoyPercentageCodeDialog *dialog,
              const char              *entry_uuid)
{
  GtkDropDown *dropdown = loy_percentage_code_dialog_get_entry_dropdown (dialog);
  guint n_items = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));

  for (guint i = 0; i < n_items; i++)
    {
      gtk_drop_down_set_selected (dropdown, i);
      if (g_strcmp0 (loy_percentage_code_dialog_get_entry_uuid (dialog), entry_uuid) == 0)
        return;
    }
  g_assert_not_reached ();
}

static LoyPercentageCodeDialog *
open_issue_dialog (const char *campaign_uuid)
{
  LoyPercentageCodeDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (campaigns_page), "campaigns-page.issue", "s", campaign_uuid);
  dialog = LOY_PERCENTAGE_CODE_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_PERCENTAGE_CODE_DIALOG,
                                                                      NULL, "the issue dialog"));
  loy_ui_test_wait_for (entries_read, dialog, "the contact's purchases");

  return dialog;
}

static gboolean
percentage_code_listed (gpointer data)
{
  GPtrArray *purchases = loy_contact_campaigns_page_get_purchases (campaigns_page);

  return contact_window_idle (NULL) && purchases->len > 0 &&
         g_strcmp0 (loy_campaign_purchase_get_source_entry_uuid (g_ptr_array_index (purchases, 0)),
                    data) == 0;
}

/* Issue…: the contact's purchases to choose from, the code's value live
 * (none for a purchase too small, Issue then off), the code with its QR
 * image, and the purchase listed with its worth; the same purchase again
 * says it has its code. */
static void
test_issue_percentage (void)
{
  LoyCampaign *campaign = loy_campaign_new ();
  g_autofree char *percentage_uuid = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *already = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  LoyPercentageCodeDialog *dialog;
  LoyCodeDialog *code_dialog;
  LoyCampaignPurchase *issued;
  GtkWidget *row;

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  loy_campaign_set_name (campaign, "Ten back");
  loy_campaign_set_transaction_percentage (campaign, 10);
  percentage_uuid = create_campaign (campaign, NULL);
  big = award_purchase (2500);
  small = award_purchase (400);
  show_contact_page ("campaigns");
  gtk_widget_activate_action (GTK_WIDGET (contact_window), "contact.reload", NULL);
  loy_ui_test_wait_for (text_shown, "Ten back", "the percentage campaign");

  row = find_shown (GTK_WIDGET (campaigns_page), "Ten back");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Percentage discount code · 10 % of a purchase");
  g_assert_nonnull (loy_ui_test_find_descendant (row, GTK_TYPE_BUTTON, "campaigns-page.issue"));

  dialog = open_issue_dialog (percentage_uuid);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Issue “Ten back”?");
  choose_entry (dialog, small);
  g_assert_cmpstr (loy_percentage_code_dialog_get_value_text (dialog), ==,
                   "10 % of this purchase is less than half a unit of money: "
                   "there is no voucher to issue");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "till-percentage-refused");

  choose_entry (dialog, big);
  g_assert_cmpstr (loy_percentage_code_dialog_get_value_text (dialog), ==, "Worth 3.00");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue"));
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "till-percentage");
  loy_ui_test_respond (GTK_WINDOW (dialog), "issue");

  code_dialog = LOY_CODE_DIALOG (loy_ui_test_wait_for_toplevel (LOY_TYPE_CODE_DIALOG, NULL,
                                                                "the code issued"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (code_dialog)), ==,
                   "Code Worth 3.00 Issued");
  loy_ui_test_save_screenshot (GTK_WIDGET (code_dialog), "till-percentage-code");
  loy_ui_test_respond (GTK_WINDOW (code_dialog), "close");

  loy_ui_test_wait_for (percentage_code_listed, big, "the code listed");
  issued = newest_purchase ();
  g_assert_cmpint (loy_campaign_purchase_get_value_cents (issued), ==, 300);
  stored = loy_store_list_campaign_purchases_sync (loy_ui_test_get_store (), percentage_uuid,
                                                   contact_uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (loy_campaign_purchase_get_code (g_ptr_array_index (stored, 0)), ==,
                   loy_campaign_purchase_get_code (issued));
  g_assert_cmpstr (loy_campaign_purchase_get_source_entry_uuid (g_ptr_array_index (stored, 0)), ==,
                   big);
  shown = g_strdup_printf ("%s · Active · worth 3.00", loy_campaign_purchase_get_code (issued));
  find_shown (GTK_WIDGET (campaigns_page), shown);
  save_both_widths (GTK_WIDGET (contact_window), "till-percentage-issued");

  dialog = open_issue_dialog (percentage_uuid);
  choose_entry (dialog, big);
  already = g_strdup_printf ("This purchase has a percentage discount code already: %s",
                             loy_campaign_purchase_get_code (issued));
  g_assert_cmpstr (loy_percentage_code_dialog_get_value_text (dialog), ==, already);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue"));
  loy_ui_test_respond (GTK_WINDOW (dialog), "cancel");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-contact-campaigns"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);
  set_up_campaigns ();

  g_test_add_func ("/ui-contact-campaigns/open", test_open);
  g_test_add_func ("/ui-contact-campaigns/buy", test_buy);
  g_test_add_func ("/ui-contact-campaigns/cancel", test_cancel);
  g_test_add_func ("/ui-contact-campaigns/pay-with-points", test_pay_with_points);
  g_test_add_func ("/ui-contact-campaigns/gift-delivery", test_gift_delivery);
  g_test_add_func ("/ui-contact-campaigns/pay-unavailable", test_pay_unavailable);
  g_test_add_func ("/ui-contact-campaigns/issue-percentage", test_issue_percentage);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);
  g_free (contact_uuid);
  g_free (coupon_uuid);
  g_free (cashback_uuid);
  g_free (gift_uuid);

  return ret;
}
