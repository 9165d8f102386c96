/* loy-promotion-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-column-spec.h"
#include "loy-error-bar.h"
#include "loy-format.h"
#include "loy-load-error-page.h"
#include "loy-promotion-window.h"
#include "loy-task-bar.h"
#include "loy-toast-target.h"
#include "loy-voucher-create-dialog.h"
#include "loy-voucher-redeem-dialog.h"
#include "loy-write-dialog.h"

struct _LoyPromotionWindow
{
  AdwWindow           parent_instance;

  LoyStore           *store;
  LoyCampaign        *promotion;
  LoyPagedModel      *vouchers;      /* NULL while their read is stopped */
  GCancellable       *cancellable;   /* the window's reads, cancelled when it goes */
  guint               n_writes;      /* under way: Create Vouchers… and Redeem… wait for them */

  /* Template widgets */
  AdwWindowTitle     *window_title;
  LoyErrorBar        *error_bar;
  LoyTaskBar         *task_bar;
  GtkLabel           *summary_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkColumnView      *voucher_view;
  GtkSingleSelection *selection;
  LoyLoadErrorPage   *error_page;
};

G_DEFINE_FINAL_TYPE (LoyPromotionWindow, loy_promotion_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROMOTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The voucher's columns */

static char *
voucher_code (gpointer item)
{
  return g_strdup (loy_voucher_get_code (item));
}

static char *
voucher_status (gpointer item)
{
  return g_strdup (loy_voucher_status_to_string (loy_voucher_get_status (item)));
}

/* Its contact's email, or that it is anyone's. */
static char *
voucher_contact (gpointer item)
{
  const char *email = loy_voucher_get_contact_email (item);

  if (email != NULL)
    return g_strdup (email);
  if (loy_voucher_get_contact_uuid (item) != NULL)
    return g_strdup (loy_voucher_get_contact_uuid (item));
  /* Translators: a voucher that belongs to no contact yet */
  return g_strdup (_("Anyone"));
}

static char *
voucher_redemptions_left (gpointer item)
{
  gint64 left = loy_voucher_get_redemptions_left (item);

  return left == LOY_UNSET ? g_strdup ("—") : loy_format_count (left);
}

static char *
voucher_expires (gpointer item)
{
  gint64 expires_at = loy_voucher_get_expires_at (item);

  return expires_at == 0 ? g_strdup ("—") : loy_format_unix_date (expires_at);
}

static gboolean
voucher_not_redeemable (gpointer item)
{
  return !loy_voucher_is_redeemable (item);
}

static const LoyColumnSpec voucher_columns[] = {
  { N_("Code"), voucher_code, LOY_COLUMN_EXPAND, .dim = voucher_not_redeemable },
  { N_("Status"), voucher_status, 0, .dim = voucher_not_redeemable },
  { N_("Contact"), voucher_contact, LOY_COLUMN_TOOLTIP },
  { N_("Redemptions Left"), voucher_redemptions_left, LOY_COLUMN_NUMERIC },
  { N_("Expires"), voucher_expires, 0 },
  { NULL }
};

/* What Piggy keeps of a promotion, in a few lines. */
static char *
describe_promotion (LoyCampaign *promotion)
{
  const char *description = loy_campaign_get_text (promotion, loy_campaign_get_default_language (promotion),
                                                   LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION);
  gint64 limit = loy_campaign_get_limit (promotion);
  gint64 per_contact = loy_campaign_get_limit_per_contact (promotion);
  gint64 days = loy_campaign_get_days_valid (promotion);
  g_autoptr(GString) text = g_string_new (description != NULL && description[0] != '\0'
                                          ? description : _("No description"));
  g_autofree char *limit_text = limit != LOY_UNSET ? loy_format_count (limit) : g_strdup (_("unlimited"));
  g_autofree char *per_contact_text = per_contact != LOY_UNSET ? loy_format_count (per_contact)
                                                               : g_strdup (_("unlimited"));

  g_string_append_c (text, '\n');
  /* Translators: a promotion's limits, "Vouchers: at most 500, per contact: 1" */
  g_string_append_printf (text, _("Vouchers: at most %s, per contact: %s"), limit_text, per_contact_text);
  g_string_append_c (text, '\n');
  if (days > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "A voucher is valid %u day once made",
                                               "A voucher is valid %u days once made", days), (guint) days);
  else
    g_string_append (text, _("A voucher is valid until it is used"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @title is plain text (a store's message may hold a '<' or '&'). */
static void
add_toast (LoyPromotionWindow *self,
           const char         *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  loy_toast_target_show_from (GTK_WIDGET (self->stack), toast);
}

/* Reading the vouchers */

static const char *
get_state (LoyPromotionWindow *self)
{
  if (self->vouchers == NULL)
    return "stopped";
  if (loy_paged_model_get_error (self->vouchers) != NULL)
    return "error";
  if (!loy_paged_model_get_loaded (self->vouchers))
    return "loading";
  if (g_list_model_get_n_items (G_LIST_MODEL (self->vouchers)) == 0)
    return loy_paged_model_get_loading (self->vouchers) ? "loading" : "empty";
  return "list";
}

static void
loy_promotion_window_update_state (LoyPromotionWindow *self)
{
  const char *state = get_state (self);

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (state, "loading"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "promotion.stop-reading", g_str_equal (state, "loading"));
}

static void
loy_promotion_window_update_actions (LoyPromotionWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "promotion.create-vouchers", self->n_writes == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "promotion.redeem", self->n_writes == 0);
  loy_promotion_window_update_state (self);
}

static void
read_vouchers (LoyPromotionWindow *self)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_VOUCHER);

  query->parent_uuid = g_strdup (loy_campaign_get_uuid (self->promotion));
  g_clear_object (&self->vouchers);
  self->vouchers = loy_paged_model_new (self->store, query);
  g_signal_connect_object (self->vouchers, "items-changed",
                           G_CALLBACK (loy_promotion_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vouchers, "notify::loading",
                           G_CALLBACK (loy_promotion_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vouchers, "notify::error",
                           G_CALLBACK (loy_promotion_window_update_state), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->vouchers));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  loy_load_error_page_set_model (self->error_page, self->vouchers);
  loy_promotion_window_update_actions (self);
}

static void
loy_promotion_window_reload_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (widget);

  loy_error_bar_hide (self->error_bar);
  read_vouchers (self);
}

/* Cancel: the read stops (the model goes, and its fetches with it) until
 * Read Again. */
static void
loy_promotion_window_stop_reading_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (widget);

  gtk_single_selection_set_model (self->selection, NULL);
  loy_load_error_page_set_model (self->error_page, NULL);
  g_clear_object (&self->vouchers);
  loy_promotion_window_update_actions (self);
}

/* The list read again after a write, as far as it was read. */
static void
refresh_vouchers (LoyPromotionWindow *self)
{
  if (self->vouchers != NULL)
    loy_paged_model_reload (self->vouchers);
  else
    read_vouchers (self);
}

static void
end_write (LoyPromotionWindow *self)
{
  self->n_writes--;
  refresh_vouchers (self);
  loy_promotion_window_update_actions (self);
}

/* Creating vouchers */

/* What was typed, until the store has answered. */
typedef struct
{
  LoyPromotionWindow *window;
  char               *code;
  guint               quantity;
} CreateRequest;

static void
create_request_free (CreateRequest *request)
{
  g_object_unref (request->window);
  g_free (request->code);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateRequest, create_request_free)

static GtkWindow *show_create_dialog (LoyPromotionWindow *self,
                                      const char         *code,
                                      guint               quantity,
                                      const char         *problem);

/* Refused, not made or not known to be made: the dialog again, as typed,
 * saying why in the store's words. */
static void
create_failed (CreateRequest *request,
               const GError  *error)
{
  show_create_dialog (request->window, request->code, request->quantity, error->message);
}

static void
voucher_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CreateRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyVoucher) voucher = loy_store_create_voucher_finish (LOY_STORE (object), result, &error);
  g_autofree char *title = NULL;

  end_write (request->window);
  if (voucher == NULL)
    {
      create_failed (request, error);
      return;
    }

  /* Translators: %s is a voucher's code */
  title = g_strdup_printf (_("Voucher “%s” created"), loy_voucher_get_code (voucher));
  add_toast (request->window, title);
}

static void
batch_asked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CreateRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 quantity = loy_store_create_voucher_batch_finish (LOY_STORE (object), result, &error);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  end_write (request->window);
  if (quantity < 0)
    {
      create_failed (request, error);
      return;
    }

  /* The server makes them later: they appear once the list is read again. */
  count = loy_format_count (quantity);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s voucher asked for: the server makes it in a while",
                                        "%s vouchers asked for: the server makes them in a while", quantity),
                           count);
  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Refresh"));
  adw_toast_set_action_name (toast, "promotion.reload");
  loy_toast_target_show_from (GTK_WIDGET (request->window->stack), toast);
}

static void
create_response_cb (LoyVoucherCreateDialog *dialog,
                    const char             *response,
                    LoyPromotionWindow     *self)
{
  CreateRequest *request;
  const char *promotion_uuid = loy_campaign_get_uuid (self->promotion);

  if (!g_str_equal (response, "create"))
    return;

  request = g_new0 (CreateRequest, 1);
  request->window = g_object_ref (self);
  request->code = loy_voucher_create_dialog_dup_code (dialog);
  request->quantity = loy_voucher_create_dialog_get_quantity (dialog);

  /* A write is not cancelled: closing the window does not take it back. */
  self->n_writes++;
  loy_promotion_window_update_actions (self);
  if (request->quantity > 0)
    loy_store_create_voucher_batch_async (self->store, promotion_uuid, request->quantity, NULL,
                                          batch_asked_cb, request);
  else
    loy_store_create_voucher_async (self->store, promotion_uuid, request->code, NULL, NULL,
                                    voucher_created_cb, request);
}

static GtkWindow *
show_create_dialog (LoyPromotionWindow *self,
                    const char         *code,
                    guint               quantity,
                    const char         *problem)
{
  LoyVoucherCreateDialog *dialog = loy_voucher_create_dialog_new (GTK_WINDOW (self),
                                                                  loy_campaign_get_name (self->promotion));

  if (problem != NULL)
    loy_voucher_create_dialog_set_typed (dialog, code, quantity, problem);
  g_signal_connect_object (dialog, "response", G_CALLBACK (create_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

GtkWindow *
loy_promotion_window_create_vouchers (LoyPromotionWindow *self)
{
  g_return_val_if_fail (LOY_IS_PROMOTION_WINDOW (self), NULL);

  return show_create_dialog (self, NULL, 0, NULL);
}

static void
loy_promotion_window_create_vouchers_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  loy_promotion_window_create_vouchers (LOY_PROMOTION_WINDOW (widget));
}

/* Finding a voucher by code */

static char *
describe_voucher (LoyVoucher *voucher)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *contact = voucher_contact (voucher);
  g_autofree char *left = voucher_redemptions_left (voucher);
  g_autofree char *expires = voucher_expires (voucher);

  /* Translators: lines describing a voucher found by its code */
  g_string_append_printf (text, _("Status: %s"), loy_voucher_status_to_string (loy_voucher_get_status (voucher)));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Contact: %s"), contact);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Redemptions left: %s"), left);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Expires: %s"), expires);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
found_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   LoyPromotionWindow *self)
{
  loy_promotion_window_redeem_voucher (self, g_object_get_data (G_OBJECT (dialog), "voucher"));
}

/* With a @redeemable voucher of this promotion, Redeem… is offered too. */
static void
show_found (LoyPromotionWindow *self,
            const char         *heading,
            const char         *body,
            LoyVoucher         *redeemable)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (redeemable != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "redeem", _("_Redeem…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "redeem", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "redeem", self->n_writes == 0);
      g_object_set_data_full (G_OBJECT (dialog), "voucher", g_object_ref (redeemable), g_object_unref);
      g_signal_connect_object (dialog, "response::redeem", G_CALLBACK (found_response_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
voucher_found_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyPromotionWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyVoucher) voucher = loy_store_find_voucher_finish (LOY_STORE (object), result, &error);
  g_autofree char *body = NULL;
  gboolean of_promotion;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_task_bar_finish (self->task_bar);
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_FOUND))
    {
      show_found (self, _("No Voucher Found"), _("No voucher has this code."), NULL);
      return;
    }
  if (voucher == NULL)
    {
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  body = describe_voucher (voucher);
  of_promotion = g_strcmp0 (loy_voucher_get_promotion_uuid (voucher), loy_campaign_get_uuid (self->promotion)) == 0;
  if (!of_promotion)
    {
      g_autofree char *lines = g_steal_pointer (&body);

      body = g_strconcat (lines, "\n", _("It belongs to another promotion."), NULL);
    }
  show_found (self, loy_voucher_get_code (voucher), body,
              of_promotion && loy_voucher_is_redeemable (voucher) ? voucher : NULL);
}

static void
find_voucher_by_code (LoyPromotionWindow *self,
                      const char         *code)
{
  g_autofree char *text = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  loy_error_bar_hide (self->error_bar);
  /* Translators: %s is a voucher's code */
  text = g_strdup_printf (_("Finding the voucher “%s”…"), code);
  cancellable = loy_task_bar_start (self->task_bar, text);
  /* Closing the window stops it too. */
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel), cancellable,
                           G_CONNECT_SWAPPED);
  loy_store_find_voucher_async (self->store, code, cancellable, voucher_found_cb, g_object_ref (self));
}

static void
find_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  LoyPromotionWindow *self)
{
  GtkEditable *code_row = g_object_get_data (G_OBJECT (dialog), "code-row");
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (code_row)));

  if (g_str_equal (response, "find"))
    find_voucher_by_code (self, code);
}

static void
find_code_changed_cb (GtkEditable      *code_row,
                      AdwMessageDialog *dialog)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (code_row)));

  adw_message_dialog_set_response_enabled (dialog, "find", code[0] != '\0');
}

GtkWindow *
loy_promotion_window_find_voucher (LoyPromotionWindow *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *code_row = adw_entry_row_new ();

  g_return_val_if_fail (LOY_IS_PROMOTION_WINDOW (self), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Find Voucher"),
                                                       _("A voucher of any promotion of the account, by its code.")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code_row), _("_Code"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (code_row), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), code_row);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "code-row", code_row);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "find", _("_Find"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "find", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "find", FALSE);
  adw_message_dialog_set_default_response (dialog, "find");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (code_row, "changed", G_CALLBACK (find_code_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (find_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (code_row);

  return GTK_WINDOW (dialog);
}

static void
loy_promotion_window_find_voucher_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  loy_promotion_window_find_voucher (LOY_PROMOTION_WINDOW (widget));
}

/* Redeeming a voucher */

/* What was chosen, until the store has answered. */
typedef struct
{
  LoyPromotionWindow *window;
  LoyVoucher         *voucher;
  LoyContact         *contact;
} RedeemRequest;

static void
redeem_request_free (RedeemRequest *request)
{
  g_object_unref (request->window);
  g_object_unref (request->voucher);
  g_object_unref (request->contact);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedeemRequest, redeem_request_free)

static GtkWindow *show_redeem_dialog (LoyPromotionWindow *self,
                                      LoyVoucher         *voucher,
                                      LoyContact         *contact,
                                      const char         *problem);

static void
unknown_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     LoyPromotionWindow *self)
{
  find_voucher_by_code (self, g_object_get_data (G_OBJECT (dialog), "code"));
}

/* The answer was lost and the voucher could not be read to find out: asking
 * to redeem it again could redeem it twice, so the way on is to look. */
static void
show_outcome_unknown (LoyPromotionWindow *self,
                      const char         *code,
                      const char         *message)
{
  AdwMessageDialog *dialog = loy_outcome_unknown_dialog_new (GTK_WINDOW (self),
                                                             _("Unknown Whether Redeemed — Check the Voucher"),
                                                             message, _("C_heck the Voucher"));

  g_object_set_data_full (G_OBJECT (dialog), "code", g_strdup (code), g_free);
  g_signal_connect_object (dialog, "response::check", G_CALLBACK (unknown_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
voucher_redeemed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RedeemRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyVoucher) voucher = loy_store_redeem_voucher_finish (LOY_STORE (object), result, &error);
  const char *code = loy_voucher_get_code (request->voucher);
  g_autofree char *title = NULL;

  /* The list is read again: the row's status and redemptions left as the
   * server now has them. */
  end_write (request->window);
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    {
      show_outcome_unknown (request->window, code, error->message);
      return;
    }
  /* Refused, or shown not to have happened: the dialog again as chosen. */
  if (voucher == NULL)
    {
      show_redeem_dialog (request->window, request->voucher, request->contact, error->message);
      return;
    }

  /* Translators: a voucher's code, then a contact's name */
  title = g_strdup_printf (_("Voucher “%s” redeemed for %s"), loy_voucher_get_code (voucher),
                           loy_contact_get_display_name (request->contact));
  add_toast (request->window, title);
}

static void
redeem_response_cb (LoyVoucherRedeemDialog *dialog,
                    const char             *response,
                    LoyPromotionWindow     *self)
{
  RedeemRequest *request;

  /* One answer per dialog: the write is sent once however often it is asked. */
  g_signal_handlers_disconnect_by_func (dialog, redeem_response_cb, self);

  request = g_new0 (RedeemRequest, 1);
  request->window = g_object_ref (self);
  request->voucher = g_object_ref (loy_voucher_redeem_dialog_get_voucher (dialog));
  request->contact = g_object_ref (loy_voucher_redeem_dialog_get_contact (dialog));

  /* A write is not cancelled: closing the window does not take it back. */
  self->n_writes++;
  loy_promotion_window_update_actions (self);
  loy_store_redeem_voucher_async (self->store, loy_voucher_get_code (request->voucher),
                                  loy_contact_get_uuid (request->contact), NULL,
                                  voucher_redeemed_cb, request);
}

static GtkWindow *
show_redeem_dialog (LoyPromotionWindow *self,
                    LoyVoucher         *voucher,
                    LoyContact         *contact,
                    const char         *problem)
{
  LoyVoucherRedeemDialog *dialog = loy_voucher_redeem_dialog_new (GTK_WINDOW (self), self->store, voucher,
                                                                  loy_campaign_get_name (self->promotion));

  if (contact != NULL)
    loy_voucher_redeem_dialog_set_chosen (dialog, contact, problem);
  g_signal_connect_object (dialog, "response::redeem", G_CALLBACK (redeem_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

GtkWindow *
loy_promotion_window_redeem_voucher (LoyPromotionWindow *self,
                                     LoyVoucher         *voucher)
{
  g_return_val_if_fail (LOY_IS_PROMOTION_WINDOW (self), NULL);
  g_return_val_if_fail (LOY_IS_VOUCHER (voucher), NULL);

  /* Another write under way may be this voucher's. */
  if (self->n_writes > 0)
    {
      add_toast (self, _("A voucher is being written: redeem once it is done"));
      return NULL;
    }

  return show_redeem_dialog (self, voucher, NULL, NULL);
}

/* Redeem… of the row at the position @parameter. */
static void
loy_promotion_window_redeem_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (widget);
  g_autoptr(GObject) item = NULL;

  if (self->vouchers == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->vouchers), g_variant_get_uint32 (parameter));
  if (item != NULL && !loy_paged_model_is_placeholder (item) && loy_voucher_is_redeemable (LOY_VOUCHER (item)))
    loy_promotion_window_redeem_voucher (self, LOY_VOUCHER (item));
}

/* The vouchers' last column: Redeem… on each that can still be redeemed. */
static void
redeem_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Redeem…"));

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  /* A target before the action, which takes one; each row sets its own. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "promotion.redeem");
  gtk_list_item_set_child (list_item, button);
}

static void
redeem_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  gpointer voucher = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", gtk_list_item_get_position (list_item));
  gtk_widget_set_visible (button, !loy_paged_model_is_placeholder (voucher) && loy_voucher_is_redeemable (voucher));
}

static void
append_redeem_column (GtkColumnView *view)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (redeem_cell_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (redeem_cell_bind_cb), NULL);
  column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (view, column);
}

/* The window */

static void
loy_promotion_window_constructed (GObject *object)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (object);
  g_autofree char *summary = describe_promotion (self->promotion);

  G_OBJECT_CLASS (loy_promotion_window_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), loy_campaign_get_name (self->promotion));
  adw_window_title_set_title (self->window_title, loy_campaign_get_name (self->promotion));
  gtk_label_set_text (self->summary_label, summary);
  read_vouchers (self);
}

static void
loy_promotion_window_dispose (GObject *object)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_PROMOTION_WINDOW);
  g_clear_object (&self->vouchers);
  g_clear_object (&self->promotion);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_promotion_window_parent_class)->dispose (object);
}

static void
loy_promotion_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PROMOTION:
      g_value_set_object (value, self->promotion);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_promotion_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LoyPromotionWindow *self = LOY_PROMOTION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PROMOTION:
      self->promotion = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_promotion_window_class_init (LoyPromotionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = loy_promotion_window_constructed;
  object_class->dispose = loy_promotion_window_dispose;
  object_class->get_property = loy_promotion_window_get_property;
  object_class->set_property = loy_promotion_window_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROMOTION] =
    g_param_spec_object ("promotion", NULL, NULL,
                         LOY_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-promotion-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, task_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, voucher_view);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, loy_promotion_window_update_actions);

  gtk_widget_class_install_action (widget_class, "promotion.reload", NULL, loy_promotion_window_reload_action);
  gtk_widget_class_install_action (widget_class, "promotion.stop-reading", NULL,
                                   loy_promotion_window_stop_reading_action);
  gtk_widget_class_install_action (widget_class, "promotion.create-vouchers", NULL,
                                   loy_promotion_window_create_vouchers_action);
  gtk_widget_class_install_action (widget_class, "promotion.find-voucher", NULL,
                                   loy_promotion_window_find_voucher_action);
  gtk_widget_class_install_action (widget_class, "promotion.redeem", "u", loy_promotion_window_redeem_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "promotion.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "promotion.find-voucher", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
loy_promotion_window_init (LoyPromotionWindow *self)
{
  g_type_ensure (LOY_TYPE_ERROR_BAR);
  g_type_ensure (LOY_TYPE_LOAD_ERROR_PAGE);
  g_type_ensure (LOY_TYPE_TASK_BAR);
  g_type_ensure (LOY_TYPE_TOAST_TARGET);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_column_spec_append_columns (voucher_columns, self->voucher_view, NULL);
  append_redeem_column (self->voucher_view);
}

LoyPromotionWindow *
loy_promotion_window_new (GtkWindow   *parent,
                          LoyStore    *store,
                          LoyCampaign *promotion)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CAMPAIGN (promotion), NULL);

  return g_object_new (LOY_TYPE_PROMOTION_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "promotion", promotion,
                       NULL);
}

LoyCampaign *
loy_promotion_window_get_promotion (LoyPromotionWindow *self)
{
  g_return_val_if_fail (LOY_IS_PROMOTION_WINDOW (self), NULL);

  return self->promotion;
}

LoyPagedModel *
loy_promotion_window_get_vouchers (LoyPromotionWindow *self)
{
  g_return_val_if_fail (LOY_IS_PROMOTION_WINDOW (self), NULL);

  return self->vouchers;
}

const char *
loy_promotion_window_get_state (LoyPromotionWindow *self)
{
  g_return_val_if_fail (LOY_IS_PROMOTION_WINDOW (self), NULL);

  return get_state (self);
}
