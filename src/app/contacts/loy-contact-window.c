/* loy-contact-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-cashback-dialog.h"
#include "loy-contact-details-page.h"
#include "loy-contact-history-page.h"
#include "loy-contact-rewards-page.h"
#include "campaigns/loy-contact-campaigns-page.h"
#include "loy-contact-window-private.h"
#include "loy-format.h"
#include "loy-toast-target.h"

/* One contact: the header (name, level, balance) and the support desk's
 * actions (award, adjust, redeem, reverse, pay with points) over the pages,
 * each a #LoyContactPage: the points history, the rewards the contact can
 * claim now, the campaigns and the contact's details. After every write the contact is read
 * back from the store and the pages read again what the write changed; the
 * writes themselves are in loy-contact-window-writes.c. */

G_DEFINE_FINAL_TYPE (LoyContactWindow, loy_contact_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONTACT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
loy_contact_window_can (LoyContactWindow     *self,
                        LoyStoreCapabilities  capabilities)
{
  return loy_store_can (self->store, capabilities);
}

/* The pages are the view stack's children that are a #LoyContactPage. */
static GtkWidget *
skip_to_page (GtkWidget *child)
{
  while (child != NULL && !LOY_IS_CONTACT_PAGE (child))
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static GtkWidget *
first_page (LoyContactWindow *self)
{
  return skip_to_page (gtk_widget_get_first_child (GTK_WIDGET (self->view_stack)));
}

static GtkWidget *
next_page (GtkWidget *page)
{
  return skip_to_page (gtk_widget_get_next_sibling (page));
}

static void
loy_contact_window_update_header (LoyContactWindow *self)
{
  LoyContact *contact = self->contact;
  const char *name = loy_contact_get_display_name (contact);
  const char *level = loy_contact_get_level_name (contact);
  g_autofree char *balance = loy_format_points (loy_contact_get_balance (contact));
  gint64 expiring = loy_contact_get_expiring_points (contact);
  gint64 prepaid = loy_contact_get_prepaid_balance_cents (contact);

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
  gtk_label_set_text (self->email_label, loy_contact_get_email (contact));
  gtk_label_set_text (self->level_label, level != NULL ? level : "");
  gtk_widget_set_visible (GTK_WIDGET (self->level_label), level != NULL && level[0] != '\0');
  gtk_label_set_text (self->balance_label, balance);

  gtk_widget_set_visible (GTK_WIDGET (self->prepaid_label), prepaid != LOY_UNSET);
  if (prepaid != LOY_UNSET)
    {
      g_autofree char *money = loy_format_money (prepaid);
      /* Translators: under the points, the money a contact paid in ahead, e.g. "€12.50 prepaid" */
      g_autofree char *text = g_strdup_printf (_("%s prepaid"), money);

      gtk_label_set_text (self->prepaid_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->expiry_label), expiring > 0);
  if (expiring > 0)
    {
      g_autofree char *points = loy_format_points (expiring);
      g_autofree char *date = loy_format_unix_date (loy_contact_get_expiring_at (contact));
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s point expires on %s",
                                           "%s points expire on %s",
                                           expiring),
                              points, date);
      gtk_label_set_text (self->expiry_label, text);
    }

}

/* Pay with Points needs a cashback campaign available to the contact;
 * otherwise the button says why it is off. */
static void
loy_contact_window_update_pay (LoyContactWindow *self)
{
  const char *problem = loy_contact_campaigns_page_get_cashback_problem (self->campaigns_page);

  gtk_widget_set_visible (self->pay_button,
                          loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_CAMPAIGNS));
  gtk_widget_set_tooltip_text (self->pay_button, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.pay-with-points",
                                 problem == NULL && self->n_pending == 0);
}

static void
loy_contact_window_update_actions (LoyContactWindow *self)
{
  gboolean can_write = loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_POINTS) &&
                       self->n_pending == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.award",
                                 can_write && self->program != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.adjust", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.redeem", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.reverse", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.undo", can_write);
  loy_contact_window_update_pay (self);
}

void
loy_contact_window_begin (LoyContactWindow *self)
{
  if (self->n_pending++ == 0)
    {
      loy_contact_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

void
loy_contact_window_end (LoyContactWindow *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    {
      loy_contact_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
    }
}

void
loy_contact_window_toast (LoyContactWindow *self,
                          const char       *title)
{
  loy_toast_target_add_toast (self->toast_target, adw_toast_new (title));
}

static void
loy_contact_window_set_contact (LoyContactWindow *self,
                                LoyContact       *contact)
{
  if (!g_set_object (&self->contact, contact))
    return;

  loy_contact_window_update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT]);
}

static void
lookup_contact_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) contact = NULL;

  contact = loy_store_lookup_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (contact != NULL)
    {
      loy_contact_window_set_contact (self, LOY_CONTACT (contact));
      for (GtkWidget *page = first_page (self); page != NULL; page = next_page (page))
        loy_contact_page_show_contact (LOY_CONTACT_PAGE (page), self->contact);
    }
  else
    loy_contact_window_toast (self, error->message);

  loy_contact_window_end (self);
}

/* After a write: reads the contact again, which each page is then shown,
 * and has the pages read again what the write added to. */
void
loy_contact_window_reload (LoyContactWindow *self)
{
  loy_contact_window_begin (self);
  loy_store_lookup_async (self->store, LOY_KIND_CONTACT, loy_contact_get_uuid (self->contact),
                          self->cancellable, lookup_contact_cb, g_object_ref (self));
  for (GtkWidget *page = first_page (self); page != NULL; page = next_page (page))
    loy_contact_page_reload (LOY_CONTACT_PAGE (page));
}

static void
get_program_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->program = loy_store_get_program_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->program == NULL)
    loy_contact_window_toast (self, error->message);

  loy_contact_window_update_actions (self);
}

/* A page wrote for the contact itself (a campaign bought, points paid). */
static void
loy_contact_window_reload_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  loy_contact_window_reload (LOY_CONTACT_WINDOW (widget));
}

/* The toast names the order, as the history does. */
static void
cashback_exchanged_cb (LoyContactWindow *self,
                       LoyLedgerEntry   *entry)
{
  /* A toast's title is markup; the order reference is whatever the till typed. */
  g_autofree char *title = g_markup_escape_text (loy_ledger_entry_get_reason (entry), -1);

  loy_contact_window_reload (self);
  loy_contact_window_toast (self, title);
}

static void
loy_contact_window_pay_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (widget);
  LoyCashbackDialog *dialog = loy_cashback_dialog_new (GTK_WINDOW (self), self->store,
                                                       self->contact);

  g_signal_connect_object (dialog, "exchanged", G_CALLBACK (cashback_exchanged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loy_contact_window_constructed (GObject *object)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  G_OBJECT_CLASS (loy_contact_window_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->contact != NULL);

  loy_contact_window_update_header (self);

  /* A page the store cannot fill is not shown. */
  for (GtkWidget *page = first_page (self); page != NULL; page = next_page (page))
    adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack, page),
                                     loy_contact_page_setup (LOY_CONTACT_PAGE (page), self->store,
                                                             self->contact));

  g_signal_connect_object (self->campaigns_page, "notify::cashback-problem",
                           G_CALLBACK (loy_contact_window_update_pay), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->actions_box,
                          loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_POINTS));
  loy_contact_window_update_actions (self);

  if (loy_contact_window_can (self, LOY_STORE_CAN_MANAGE_POINTS))
    loy_store_get_program_async (self->store, self->cancellable, get_program_cb,
                                 g_object_ref (self));
}

/* An agent who closes the window has moved on to the next customer and
 * expects it to go, neither waiting nor taking back points the server may
 * have written already. So a write under way goes on with the window
 * hidden: once done, the window goes and the main window says so; refused,
 * not made or not known to be made, the window is back with what is left
 * to do. */
static gboolean
loy_contact_window_close_request (GtkWindow *window)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (window);

  if (self->writing)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (loy_contact_window_parent_class)->close_request (window);
}

static void
loy_contact_window_dispose (GObject *object)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CONTACT_WINDOW);

  g_clear_object (&self->program);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (loy_contact_window_parent_class)->dispose (object);
}

static void
loy_contact_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, loy_contact_window_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LoyContactWindow *self = LOY_CONTACT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CONTACT:
      self->contact = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_window_class_init (LoyContactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = loy_contact_window_constructed;
  object_class->dispose = loy_contact_window_dispose;
  object_class->get_property = loy_contact_window_get_property;
  object_class->set_property = loy_contact_window_set_property;
  window_class->close_request = loy_contact_window_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Set once at construction; replaced by the store's copy after each write. */
  properties [PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         LOY_TYPE_CONTACT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contact-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, toast_target);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, avatar);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, email_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, level_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, prepaid_label);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, rewards_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, campaigns_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactWindow, pay_button);

  gtk_widget_class_install_action (widget_class, "contact.reload", NULL,
                                   loy_contact_window_reload_action);
  gtk_widget_class_install_action (widget_class, "contact.award", NULL,
                                   loy_contact_window_award_action);
  gtk_widget_class_install_action (widget_class, "contact.adjust", NULL,
                                   loy_contact_window_adjust_action);
  gtk_widget_class_install_action (widget_class, "contact.redeem", "s",
                                   loy_contact_window_redeem_action);
  gtk_widget_class_install_action (widget_class, "contact.reverse", "s",
                                   loy_contact_window_reverse_action);
  gtk_widget_class_install_action (widget_class, "contact.undo", "s",
                                   loy_contact_window_undo_action);
  gtk_widget_class_install_action (widget_class, "contact.pay-with-points", NULL,
                                   loy_contact_window_pay_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_contact_window_init (LoyContactWindow *self)
{
  self->cancellable = g_cancellable_new ();

  g_type_ensure (LOY_TYPE_CONTACT_DETAILS_PAGE);
  g_type_ensure (LOY_TYPE_CONTACT_HISTORY_PAGE);
  g_type_ensure (LOY_TYPE_CONTACT_REWARDS_PAGE);
  g_type_ensure (LOY_TYPE_CONTACT_CAMPAIGNS_PAGE);
  g_type_ensure (LOY_TYPE_TOAST_TARGET);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyContactWindow *
loy_contact_window_new (GtkApplication *application,
                        LoyStore       *store,
                        LoyContact     *contact)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);

  return g_object_new (LOY_TYPE_CONTACT_WINDOW,
                       "application", application,
                       "store", store,
                       "contact", contact,
                       NULL);
}

LoyContact *
loy_contact_window_get_contact (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return self->contact;
}

LoyPagedModel *
loy_contact_window_get_ledger (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return loy_contact_history_page_get_ledger (self->history_page);
}

LoyPagedModel *
loy_contact_window_get_rewards (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return loy_contact_rewards_page_get_rewards (self->rewards_page);
}

LoyContactCampaignsPage *
loy_contact_window_get_campaigns_page (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), NULL);

  return self->campaigns_page;
}

gboolean
loy_contact_window_get_busy (LoyContactWindow *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_WINDOW (self), FALSE);

  return self->n_pending > 0;
}
