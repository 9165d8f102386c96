/* loy-voucher-redeem-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "contacts/loy-contact-chooser.h"
#include "loy-voucher-redeem-dialog.h"
#include "rest/loy-rest-store.h"

/* An account has a few shops, not a catalogue of them. */
#define MAX_SHOPS 100

struct _LoyVoucherRedeemDialog
{
  AdwMessageDialog   parent_instance;

  LoyStore          *store;
  LoyVoucher        *voucher;
  GCancellable      *cancellable;   /* the dialog's reads */
  gboolean           shop_known;
  /* The contact the store refused, and why */
  char              *refused_contact_uuid;
  char              *problem;

  /* Template widgets */
  LoyContactChooser *contact_chooser;
  AdwActionRow      *shop_row;
  GtkWidget         *preferences_button;
  GtkLabel          *problem_label;
};

G_DEFINE_FINAL_TYPE (LoyVoucherRedeemDialog, loy_voucher_redeem_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
loy_voucher_redeem_dialog_validate (LoyVoucherRedeemDialog *self)
{
  LoyContact *contact = loy_contact_chooser_get_contact (self->contact_chooser);
  /* The refusal stays while what it refused is unchanged. */
  gboolean refused = self->problem != NULL && contact != NULL &&
                     g_strcmp0 (loy_contact_get_uuid (contact), self->refused_contact_uuid) == 0;

  gtk_label_set_text (self->problem_label, refused ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), refused);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "redeem",
                                           contact != NULL && self->shop_known);
}

/* The desk's shop */

static void
show_shop (LoyVoucherRedeemDialog *self,
           const char             *text,
           gboolean                known,
           gboolean                to_preferences)
{
  adw_action_row_set_subtitle (self->shop_row, text);
  gtk_widget_set_visible (self->preferences_button, to_preferences);
  self->shop_known = known;
  loy_voucher_redeem_dialog_validate (self);
}

static LoyShop *
find_shop (GPtrArray  *shops,
           const char *uuid)
{
  for (guint i = 0; i < shops->len; i++)
    if (g_strcmp0 (loy_shop_get_uuid (shops->pdata[i]), uuid) == 0)
      return shops->pdata[i];

  return NULL;
}

/* The store redeems at the shop Preferences chose, or at the account's only
 * one; with several and none chosen it would refuse, so the dialog says so
 * first. */
static void
shops_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyVoucherRedeemDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_finish (LOY_STORE (object), result, &error);
  const char *chosen = LOY_IS_REST_STORE (self->store) ? loy_rest_store_get_shop_uuid (LOY_REST_STORE (self->store))
                                                       : NULL;
  LoyShop *shop;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (page == NULL)
    /* A chosen shop is redeemed at all the same, as the store knows it. */
    show_shop (self, error->message, chosen != NULL, FALSE);
  else if (chosen != NULL)
    show_shop (self, (shop = find_shop (page->items, chosen)) != NULL ? loy_shop_get_name (shop) : chosen, TRUE, FALSE);
  else if (page->items->len == 1)
    {
      /* Translators: %s is a shop's name */
      g_autofree char *text = g_strdup_printf (_("%s, the account’s only shop"),
                                               loy_shop_get_name (page->items->pdata[0]));

      show_shop (self, text, TRUE, FALSE);
    }
  else if (page->items->len == 0)
    show_shop (self, _("The account has no shop to redeem at"), FALSE, FALSE);
  else
    show_shop (self, _("No shop is chosen for this desk: choose it in Preferences"), FALSE, TRUE);
}

static void
read_shops (LoyVoucherRedeemDialog *self)
{
  g_autoptr(LoyQuery) shops = loy_query_new (LOY_KIND_SHOP);

  loy_store_query_async (self->store, shops, 0, MAX_SHOPS, self->cancellable, shops_listed_cb,
                         g_object_ref (self));
}

/* A voucher of a contact */

static void
owner_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyVoucherRedeemDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) contact = loy_store_lookup_finish (LOY_STORE (object), result, &error);

  /* Not found: the search is there to choose one. */
  if (contact == NULL)
    return;

  /* Chosen meanwhile by hand. */
  if (loy_contact_chooser_get_contact (self->contact_chooser) == NULL)
    loy_contact_chooser_set_contact (self->contact_chooser, LOY_CONTACT (contact));
}

/* The dialog */

static void
loy_voucher_redeem_dialog_dispose (GObject *object)
{
  LoyVoucherRedeemDialog *self = LOY_VOUCHER_REDEEM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_VOUCHER_REDEEM_DIALOG);
  g_clear_object (&self->voucher);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_voucher_redeem_dialog_parent_class)->dispose (object);
}

static void
loy_voucher_redeem_dialog_finalize (GObject *object)
{
  LoyVoucherRedeemDialog *self = LOY_VOUCHER_REDEEM_DIALOG (object);

  g_clear_pointer (&self->refused_contact_uuid, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (loy_voucher_redeem_dialog_parent_class)->finalize (object);
}

static void
loy_voucher_redeem_dialog_class_init (LoyVoucherRedeemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_voucher_redeem_dialog_dispose;
  object_class->finalize = loy_voucher_redeem_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-voucher-redeem-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherRedeemDialog, contact_chooser);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherRedeemDialog, shop_row);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherRedeemDialog, preferences_button);
  gtk_widget_class_bind_template_child (widget_class, LoyVoucherRedeemDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_voucher_redeem_dialog_validate);
}

static void
loy_voucher_redeem_dialog_init (LoyVoucherRedeemDialog *self)
{
  g_type_ensure (LOY_TYPE_CONTACT_CHOOSER);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkApplication *
find_application (GtkWindow *window)
{
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (gtk_window_get_application (window) != NULL)
      return gtk_window_get_application (window);

  return NULL;
}

static char *
describe_voucher (LoyVoucher *voucher,
                  const char *promotion_name)
{
  const char *owner = loy_voucher_get_contact_email (voucher) != NULL ? loy_voucher_get_contact_email (voucher)
                                                                      : loy_voucher_get_contact_uuid (voucher);
  /* Translators: %s is a promotion's name */
  g_autofree char *body = g_strdup_printf (_("A voucher of the promotion “%s”, redeemed for the contact "
                                             "chosen here at this desk’s shop."),
                                           promotion_name);

  if (owner == NULL)
    return g_steal_pointer (&body);

  /* Translators: the sentence above, then a contact's email address */
  return g_strdup_printf (_("%s It belongs to %s."), body, owner);
}

LoyVoucherRedeemDialog *
loy_voucher_redeem_dialog_new (GtkWindow  *parent,
                               LoyStore   *store,
                               LoyVoucher *voucher,
                               const char *promotion_name)
{
  LoyVoucherRedeemDialog *self;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_VOUCHER (voucher), NULL);
  g_return_val_if_fail (promotion_name != NULL, NULL);

  self = g_object_new (LOY_TYPE_VOUCHER_REDEEM_DIALOG, "transient-for", parent, NULL);
  /* The application's actions (Preferences) are the dialog's too. */
  gtk_window_set_application (GTK_WINDOW (self), find_application (parent));
  self->store = g_object_ref (store);
  self->voucher = g_object_ref (voucher);

  /* Translators: %s is a voucher's code */
  heading = g_strdup_printf (_("Redeem Voucher “%s”?"), loy_voucher_get_code (voucher));
  body = describe_voucher (voucher, promotion_name);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  loy_contact_chooser_set_store (self->contact_chooser, store);
  /* Chosen in Preferences meanwhile, the shop is shown anew. */
  if (LOY_IS_REST_STORE (store))
    g_signal_connect_object (store, "notify::shop-uuid", G_CALLBACK (read_shops), self, G_CONNECT_SWAPPED);
  read_shops (self);
  if (loy_voucher_get_contact_uuid (voucher) != NULL)
    loy_store_lookup_async (store, LOY_KIND_CONTACT, loy_voucher_get_contact_uuid (voucher), self->cancellable,
                            owner_found_cb, g_object_ref (self));

  return self;
}

LoyVoucher *
loy_voucher_redeem_dialog_get_voucher (LoyVoucherRedeemDialog *self)
{
  g_return_val_if_fail (LOY_IS_VOUCHER_REDEEM_DIALOG (self), NULL);

  return self->voucher;
}

LoyContact *
loy_voucher_redeem_dialog_get_contact (LoyVoucherRedeemDialog *self)
{
  g_return_val_if_fail (LOY_IS_VOUCHER_REDEEM_DIALOG (self), NULL);

  return loy_contact_chooser_get_contact (self->contact_chooser);
}

void
loy_voucher_redeem_dialog_set_chosen (LoyVoucherRedeemDialog *self,
                                      LoyContact             *contact,
                                      const char             *problem)
{
  g_return_if_fail (LOY_IS_VOUCHER_REDEEM_DIALOG (self));
  g_return_if_fail (LOY_IS_CONTACT (contact));

  g_free (self->refused_contact_uuid);
  self->refused_contact_uuid = g_strdup (loy_contact_get_uuid (contact));
  g_free (self->problem);
  self->problem = g_strdup (problem);
  loy_contact_chooser_set_contact (self->contact_chooser, contact);
  loy_voucher_redeem_dialog_validate (self);
}
