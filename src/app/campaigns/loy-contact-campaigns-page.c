/* loy-contact-campaigns-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "contacts/loy-code-dialog.h"
#include "contacts/loy-operator.h"
#include "loy-contact-campaigns-page.h"
#include "loy-format.h"
#include "loy-percentage-code-dialog.h"
#include "loy-toast-target.h"

/* What the evaluator says of every campaign for the contact, the listed
 * ones shown (those the contact cannot get dimmed, with every reason), and
 * the contact's purchases; writes ask the window to read the contact again
 * (contact.reload), which reloads this page too. */

struct _LoyContactCampaignsPage
{
  GtkBox          parent_instance;

  LoyStore       *store;
  LoyContact     *contact;
  GCancellable   *cancellable;
  GPtrArray      *availabilities;
  GPtrArray      *purchases;
  char           *cashback_problem;

  /* Template widgets */
  GtkListBox     *campaigns_list;
  GtkListBox     *purchases_list;
};

enum {
  PROP_0,
  PROP_CASHBACK_PROBLEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void contact_page_iface_init (LoyContactPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyContactCampaignsPage, loy_contact_campaigns_page, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_CONTACT_PAGE, contact_page_iface_init))

static void
show_toast (LoyContactCampaignsPage *self,
            const char              *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  loy_toast_target_show_from (GTK_WIDGET (self), adw_toast_new (markup));
}

static GtkWindow *
get_window (LoyContactCampaignsPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* "1 point = €2.00 · up to €100.00 with your 50 points" */
static char *
describe_cashback (LoyContactCampaignsPage *self,
                   LoyCampaign             *campaign)
{
  gint64 value = loy_campaign_get_point_value_cents (campaign);
  gint64 balance = loy_contact_get_balance (self->contact);
  g_autofree char *rate = loy_format_money (value);
  g_autofree char *most = loy_format_money (value * balance);
  g_autofree char *points = loy_format_points (balance);

  /* Translators: a cashback campaign for one contact, "1 point = €2.00 · up to €100.00 with your 50 points" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "1 point = %s · up to %s with your %s point",
                                       "1 point = %s · up to %s with your %s points", balance),
                          rate, most, points);
}

static char *
describe_campaign (LoyContactCampaignsPage *self,
                   LoyAvailability         *availability)
{
  LoyCampaign *campaign = loy_availability_get_campaign (availability);
  LoyCampaignType type = loy_campaign_get_campaign_type (campaign);
  GPtrArray *reasons = loy_availability_get_reasons (availability);
  g_autoptr(GString) text = g_string_new (loy_campaign_type_get_label (type));

  if (type == LOY_CAMPAIGN_TYPE_CASHBACK && loy_availability_get_available (availability))
    {
      g_autofree char *cashback = describe_cashback (self, campaign);

      g_string_printf (text, "%s", cashback);
    }
  else if (type == LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE)
    {
      /* Translators: a percentage discount code's share, "Percentage discount code · 10 % of a purchase" */
      g_string_printf (text, _("%s · %d %% of a purchase"), loy_campaign_type_get_label (type),
                       (int) loy_campaign_get_transaction_percentage (campaign));
    }
  else if (loy_campaign_type_is_coupon (type))
    {
      g_autofree char *points = loy_format_points (loy_campaign_get_cost_in_points (campaign));

      /* Translators: a campaign's type and cost, "Discount code · 100 points" */
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s · %s point", "%s · %s points",
                                          loy_campaign_get_cost_in_points (campaign)),
                       loy_campaign_type_get_label (type), points);
    }

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      g_string_append (text, i == 0 ? "\n" : "; ");
      g_string_append (text, reason->message);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_campaign_row (LoyContactCampaignsPage *self,
                     LoyAvailability         *availability)
{
  LoyCampaign *campaign = loy_availability_get_campaign (availability);
  g_autofree char *subtitle = describe_campaign (self, availability);
  GtkWidget *row = adw_action_row_new ();

  /* Names and reasons are the program's own text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_campaign_get_name (campaign));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!loy_availability_get_available (availability))
    gtk_widget_add_css_class (row, "dim-label");

  /* Cashback is paid at the till and a custom campaign only shown. */
  if (loy_availability_get_can_buy (availability))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Buy…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", loy_campaign_get_uuid (campaign));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "campaigns-page.buy");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  /* Issued at the till against one of the contact's purchases. */
  else if (loy_campaign_get_campaign_type (campaign) == LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE &&
           loy_availability_get_available (availability))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Issue…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", loy_campaign_get_uuid (campaign));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "campaigns-page.issue");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static char *
describe_purchase (LoyCampaignPurchase *purchase)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  LoyDeliveryStatus delivery = loy_campaign_purchase_get_delivery_status (purchase);
  g_autoptr(GString) text = g_string_new (loy_campaign_purchase_get_code (purchase));

  g_string_append (text, " · ");
  g_string_append (text, loy_purchase_status_get_label (loy_campaign_purchase_get_status (purchase, now)));
  if (loy_campaign_purchase_get_value_cents (purchase) != LOY_UNSET)
    {
      g_autofree char *value = loy_format_money (loy_campaign_purchase_get_value_cents (purchase));

      /* Translators: what a percentage discount code is worth, " · worth €3.00" */
      g_string_append_printf (text, _(" · worth %s"), value);
    }
  if (loy_campaign_purchase_get_used_at (purchase) != 0)
    {
      g_autofree char *date = loy_format_unix_date (loy_campaign_purchase_get_used_at (purchase));

      /* Translators: when a coupon was used, "used on 2 Dec 2026" */
      g_string_append_printf (text, _(" · used on %s"), date);
    }
  if (delivery != LOY_DELIVERY_STATUS_NONE)
    {
      g_string_append (text, " · ");
      g_string_append (text, loy_delivery_status_get_label (delivery));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
add_button (GtkWidget  *row,
            const char *label,
            const char *action,
            const char *uuid)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return button;
}

/* A menu of the gift's next delivery steps. */
static void
add_delivery_button (GtkWidget           *row,
                     LoyCampaignPurchase *purchase)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  for (LoyDeliveryStatus status = LOY_DELIVERY_STATUS_ORDERED;
       status <= LOY_DELIVERY_STATUS_DELIVERED; status++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (loy_delivery_status_get_label (status), NULL);

      if (status == loy_campaign_purchase_get_delivery_status (purchase))
        continue;
      g_menu_item_set_action_and_target_value (item, "campaigns-page.deliver",
                                               g_variant_new ("(ss)",
                                                              loy_campaign_purchase_get_uuid (purchase),
                                                              loy_enum_to_nick (LOY_TYPE_DELIVERY_STATUS,
                                                                                status)));
      g_menu_append_item (menu, item);
    }

  /* An icon: beside Mark Used and Cancel a label would not fit a phone. */
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "mail-send-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delivery"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delivery"), -1);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
create_purchase_row (LoyCampaignPurchase *purchase)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  LoyPurchaseStatus status = loy_campaign_purchase_get_status (purchase, now);
  g_autofree char *subtitle = describe_purchase (purchase);
  const char *uuid = loy_campaign_purchase_get_uuid (purchase);
  GtkWidget *row = adw_action_row_new ();

  /* Names and reasons are the program's own text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 loy_campaign_purchase_get_campaign_name (purchase));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (status == LOY_PURCHASE_STATUS_CANCELLED || status == LOY_PURCHASE_STATUS_EXPIRED)
    gtk_widget_add_css_class (row, "dim-label");

  if (status == LOY_PURCHASE_STATUS_ACTIVE && loy_campaign_purchase_get_used_at (purchase) == 0)
    add_button (row, _("Mark _Used"), "campaigns-page.mark-used", uuid);
  if (status != LOY_PURCHASE_STATUS_CANCELLED &&
      loy_campaign_purchase_get_campaign_type (purchase) == LOY_CAMPAIGN_TYPE_GIFT_CODE)
    add_delivery_button (row, purchase);
  if (status != LOY_PURCHASE_STATUS_CANCELLED)
    add_button (row, _("_Cancel…"), "campaigns-page.cancel", uuid);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_cashback_problem (LoyContactCampaignsPage *self,
                      const char              *problem)
{
  if (g_strcmp0 (self->cashback_problem, problem) == 0)
    return;

  g_free (self->cashback_problem);
  self->cashback_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CASHBACK_PROBLEM]);
}

/* Pay with Points needs a cashback campaign available to the contact;
 * otherwise the reasons against those listed say why. */
static void
update_cashback_problem (LoyContactCampaignsPage *self)
{
  g_autoptr(GString) reasons = g_string_new (_("No cashback campaign is available to this contact"));

  for (guint i = 0; i < self->availabilities->len; i++)
    {
      LoyAvailability *availability = g_ptr_array_index (self->availabilities, i);
      LoyCampaign *campaign = loy_availability_get_campaign (availability);
      GPtrArray *list = loy_availability_get_reasons (availability);

      if (loy_campaign_get_campaign_type (campaign) != LOY_CAMPAIGN_TYPE_CASHBACK ||
          !loy_availability_get_listed (availability))
        continue;

      if (loy_availability_get_available (availability))
        {
          set_cashback_problem (self, NULL);
          return;
        }

      for (guint j = 0; j < list->len; j++)
        {
          LoyAvailabilityReason *reason = g_ptr_array_index (list, j);

          g_string_append_printf (reasons, "\n%s: %s", loy_campaign_get_name (campaign),
                                  reason->message);
        }
    }

  set_cashback_problem (self, reasons->str);
}

static void
campaigns_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoyContactCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *answers = loy_store_check_campaigns_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answers == NULL)
    {
      set_cashback_problem (self, error->message);
      show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->availabilities, g_ptr_array_unref);
  self->availabilities = answers;
  update_cashback_problem (self);
  clear_list (self->campaigns_list);
  for (guint i = 0; i < answers->len; i++)
    {
      LoyAvailability *availability = g_ptr_array_index (answers, i);
      LoyCampaign *campaign = loy_availability_get_campaign (availability);

      /* A percentage code is never listed, but the till issues the ones the contact may have. */
      if (loy_availability_get_listed (availability) ||
          (loy_campaign_get_campaign_type (campaign) == LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE &&
           loy_availability_get_available (availability)))
        gtk_list_box_append (self->campaigns_list, create_campaign_row (self, availability));
    }
}

static void
purchases_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoyContactCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *purchases = loy_store_list_campaign_purchases_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (purchases == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->purchases, g_ptr_array_unref);
  self->purchases = purchases;
  clear_list (self->purchases_list);
  for (guint i = 0; i < purchases->len; i++)
    gtk_list_box_append (self->purchases_list, create_purchase_row (g_ptr_array_index (purchases, i)));
}

static void
loy_contact_campaigns_page_load (LoyContactCampaignsPage *self)
{
  const char *uuid = loy_contact_get_uuid (self->contact);

  loy_store_check_campaigns_async (self->store, uuid, self->cancellable, campaigns_checked_cb,
                                   g_object_ref (self));
  loy_store_list_campaign_purchases_async (self->store, NULL, uuid, self->cancellable,
                                           purchases_listed_cb, g_object_ref (self));
}

/* Writes */

static void
written_cb (LoyContactCampaignsPage *self,
            const GError            *error)
{
  if (error != NULL)
    show_toast (self, error->message);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "contact.reload", NULL);
}

static void
bought_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoyContactCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;

  purchase = loy_store_buy_campaign_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (purchase != NULL)
    {
      LoyCodeDialog *code = loy_code_dialog_new (get_window (self),
                                                 loy_campaign_purchase_get_campaign_name (purchase),
                                                 loy_contact_get_display_name (self->contact),
                                                 loy_campaign_purchase_get_code (purchase));

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (code), _("Campaign Bought"));
      gtk_window_present (GTK_WINDOW (code));
    }
  written_cb (self, error);
}

static void
buy_response_cb (AdwMessageDialog        *dialog,
                 const char              *response,
                 LoyContactCampaignsPage *self)
{
  g_autofree char *operator_name = NULL;

  if (!g_str_equal (response, "buy"))
    return;

  operator_name = loy_operator_dup_name ();
  loy_store_buy_campaign_async (self->store, loy_contact_get_uuid (self->contact),
                                g_object_get_data (G_OBJECT (dialog), "campaign-uuid"),
                                operator_name, self->cancellable, bought_cb, g_object_ref (self));
}

static LoyCampaign *
find_campaign (LoyContactCampaignsPage *self,
               const char              *uuid)
{
  for (guint i = 0; self->availabilities != NULL && i < self->availabilities->len; i++)
    {
      LoyCampaign *campaign = loy_availability_get_campaign (g_ptr_array_index (self->availabilities, i));

      if (g_strcmp0 (loy_campaign_get_uuid (campaign), uuid) == 0)
        return campaign;
    }

  return NULL;
}

GtkWindow *
loy_contact_campaigns_page_buy (LoyContactCampaignsPage *self,
                                const char              *campaign_uuid)
{
  LoyCampaign *campaign;
  g_autofree char *cost = NULL;
  g_autofree char *after = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  gint64 balance_after;
  GtkWidget *dialog;

  g_return_val_if_fail (LOY_IS_CONTACT_CAMPAIGNS_PAGE (self), NULL);
  campaign = find_campaign (self, campaign_uuid);
  g_return_val_if_fail (campaign != NULL, NULL);

  balance_after = loy_contact_get_balance (self->contact) - loy_campaign_get_cost_in_points (campaign);
  cost = loy_format_points (loy_campaign_get_cost_in_points (campaign));
  after = loy_format_points (balance_after);
  /* Translators: %s is a campaign's name */
  heading = g_strdup_printf (_("Buy “%s”?"), loy_campaign_get_name (campaign));
  /* Translators: "It costs 100 points; the balance after is 250 points." */
  body = g_strdup_printf (_("It costs %s points; the balance after is %s points."), cost, after);
  dialog = adw_message_dialog_new (get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "buy", _("_Buy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "buy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "buy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "campaign-uuid", g_strdup (campaign_uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (buy_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoyContactCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;

  purchase = loy_store_issue_percentage_code_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (purchase != NULL)
    {
      LoyCodeDialog *code = loy_code_dialog_new (get_window (self),
                                                 loy_campaign_purchase_get_campaign_name (purchase),
                                                 loy_contact_get_display_name (self->contact),
                                                 loy_campaign_purchase_get_code (purchase));
      g_autofree char *value = loy_format_money (loy_campaign_purchase_get_value_cents (purchase));
      g_autofree char *heading = NULL;

      /* Translators: "Code Worth €3.00 Issued" */
      heading = g_strdup_printf (_("Code Worth %s Issued"), value);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (code), heading);
      gtk_window_present (GTK_WINDOW (code));
    }
  written_cb (self, error);
}

static void
issue_response_cb (LoyPercentageCodeDialog *dialog,
                   const char              *response,
                   LoyContactCampaignsPage *self)
{
  g_autofree char *operator_name = NULL;

  if (!g_str_equal (response, "issue") || loy_percentage_code_dialog_get_entry_uuid (dialog) == NULL)
    return;

  operator_name = loy_operator_dup_name ();
  loy_store_issue_percentage_code_async (self->store, loy_contact_get_uuid (self->contact),
                                         loy_campaign_get_uuid (loy_percentage_code_dialog_get_campaign (dialog)),
                                         loy_percentage_code_dialog_get_entry_uuid (dialog),
                                         operator_name, self->cancellable, issued_cb,
                                         g_object_ref (self));
}

GtkWindow *
loy_contact_campaigns_page_issue (LoyContactCampaignsPage *self,
                                  const char              *campaign_uuid)
{
  LoyPercentageCodeDialog *dialog;
  LoyCampaign *campaign;

  g_return_val_if_fail (LOY_IS_CONTACT_CAMPAIGNS_PAGE (self), NULL);
  campaign = find_campaign (self, campaign_uuid);
  g_return_val_if_fail (campaign != NULL, NULL);

  dialog = loy_percentage_code_dialog_new (get_window (self), self->store, self->contact, campaign,
                                           self->purchases);
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
purchase_changed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoyContactCampaignsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;

  purchase = loy_store_update_campaign_purchase_finish (LOY_STORE (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    written_cb (self, error);
}

/* @member: "used", "cancelled" (TRUE) or "delivery_status" (@delivery, a nick) */
static void
change_purchase (LoyContactCampaignsPage *self,
                 const char              *uuid,
                 const char              *member,
                 const char              *delivery)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *operator_name = loy_operator_dup_name ();

  if (delivery != NULL)
    json_object_set_string_member (changes, member, delivery);
  else
    json_object_set_boolean_member (changes, member, TRUE);
  loy_store_update_campaign_purchase_async (self->store, uuid, changes, operator_name,
                                            self->cancellable, purchase_changed_cb,
                                            g_object_ref (self));
}

static void
buy_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  loy_contact_campaigns_page_buy (LOY_CONTACT_CAMPAIGNS_PAGE (widget),
                                  g_variant_get_string (parameter, NULL));
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  loy_contact_campaigns_page_issue (LOY_CONTACT_CAMPAIGNS_PAGE (widget),
                                    g_variant_get_string (parameter, NULL));
}

static void
mark_used_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  change_purchase (LOY_CONTACT_CAMPAIGNS_PAGE (widget), g_variant_get_string (parameter, NULL),
                   "used", NULL);
}

/* A gift on its way: ordered, shipped, delivered. */
static void
deliver_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *uuid;
  const char *status;

  g_variant_get (parameter, "(&s&s)", &uuid, &status);
  change_purchase (LOY_CONTACT_CAMPAIGNS_PAGE (widget), uuid, "delivery_status", status);
}

static void
cancel_response_cb (AdwMessageDialog        *dialog,
                    const char              *response,
                    LoyContactCampaignsPage *self)
{
  if (g_str_equal (response, "cancel-purchase"))
    change_purchase (self, g_object_get_data (G_OBJECT (dialog), "purchase-uuid"), "cancelled",
                     NULL);
}

/* Points come back and an unused code goes back to the pool: asked first. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LoyContactCampaignsPage *self = LOY_CONTACT_CAMPAIGNS_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_window (self), _("Cancel the Purchase?"),
                                   _("The points go back to the contact, and the code, "
                                     "unless it was used, back to the campaign."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "cancel-purchase", _("_Cancel Purchase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-purchase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "purchase-uuid",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* LoyContactPage */

static gboolean
loy_contact_campaigns_page_setup (LoyContactPage *page,
                                  LoyStore       *store,
                                  LoyContact     *contact)
{
  LoyContactCampaignsPage *self = LOY_CONTACT_CAMPAIGNS_PAGE (page);

  g_return_val_if_fail (self->store == NULL, FALSE);

  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);
  if (!loy_store_can (store, LOY_STORE_CAN_MANAGE_CAMPAIGNS))
    return FALSE;

  loy_contact_campaigns_page_load (self);
  return TRUE;
}

/* Balances decide what can be bought. */
static void
loy_contact_campaigns_page_show_contact (LoyContactPage *page,
                                         LoyContact     *contact)
{
  LoyContactCampaignsPage *self = LOY_CONTACT_CAMPAIGNS_PAGE (page);

  g_set_object (&self->contact, contact);
  loy_contact_campaigns_page_load (self);
}

static void
contact_page_iface_init (LoyContactPageInterface *iface)
{
  iface->setup = loy_contact_campaigns_page_setup;
  iface->show_contact = loy_contact_campaigns_page_show_contact;
}

static void
loy_contact_campaigns_page_dispose (GObject *object)
{
  LoyContactCampaignsPage *self = LOY_CONTACT_CAMPAIGNS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CONTACT_CAMPAIGNS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->availabilities, g_ptr_array_unref);
  g_clear_pointer (&self->purchases, g_ptr_array_unref);
  g_clear_pointer (&self->cashback_problem, g_free);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_contact_campaigns_page_parent_class)->dispose (object);
}

static void
loy_contact_campaigns_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  LoyContactCampaignsPage *self = LOY_CONTACT_CAMPAIGNS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASHBACK_PROBLEM:
      g_value_set_string (value, self->cashback_problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_campaigns_page_class_init (LoyContactCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_contact_campaigns_page_dispose;
  object_class->get_property = loy_contact_campaigns_page_get_property;

  properties [PROP_CASHBACK_PROBLEM] =
    g_param_spec_string ("cashback-problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-contact-campaigns-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactCampaignsPage, campaigns_list);
  gtk_widget_class_bind_template_child (widget_class, LoyContactCampaignsPage, purchases_list);
  gtk_widget_class_install_action (widget_class, "campaigns-page.buy", "s", buy_action);
  gtk_widget_class_install_action (widget_class, "campaigns-page.issue", "s", issue_action);
  gtk_widget_class_install_action (widget_class, "campaigns-page.mark-used", "s", mark_used_action);
  gtk_widget_class_install_action (widget_class, "campaigns-page.cancel", "s", cancel_action);
  gtk_widget_class_install_action (widget_class, "campaigns-page.deliver", "(ss)", deliver_action);
}

static void
loy_contact_campaigns_page_init (LoyContactCampaignsPage *self)
{
  GtkWidget *no_campaigns;
  GtkWidget *no_purchases;

  self->cancellable = g_cancellable_new ();
  /* Until the evaluator has answered, there is nothing to pay with. */
  self->cashback_problem = g_strdup (_("Looking for cashback campaigns…"));
  gtk_widget_init_template (GTK_WIDGET (self));

  no_campaigns = gtk_label_new (_("No campaigns for this contact now"));
  no_purchases = gtk_label_new (_("Nothing bought yet"));
  gtk_widget_add_css_class (no_campaigns, "dim-label");
  gtk_widget_add_css_class (no_purchases, "dim-label");
  gtk_widget_set_margin_top (no_campaigns, 12);
  gtk_widget_set_margin_bottom (no_campaigns, 12);
  gtk_widget_set_margin_top (no_purchases, 12);
  gtk_widget_set_margin_bottom (no_purchases, 12);
  gtk_list_box_set_placeholder (self->campaigns_list, no_campaigns);
  gtk_list_box_set_placeholder (self->purchases_list, no_purchases);
}

GPtrArray *
loy_contact_campaigns_page_get_availabilities (LoyContactCampaignsPage *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_CAMPAIGNS_PAGE (self), NULL);

  return self->availabilities;
}

GPtrArray *
loy_contact_campaigns_page_get_purchases (LoyContactCampaignsPage *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_CAMPAIGNS_PAGE (self), NULL);

  return self->purchases;
}

/* Why the contact cannot pay with points now, or %NULL when a cashback
 * campaign is available to them. */
const char *
loy_contact_campaigns_page_get_cashback_problem (LoyContactCampaignsPage *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_CAMPAIGNS_PAGE (self), NULL);

  return self->cashback_problem;
}
