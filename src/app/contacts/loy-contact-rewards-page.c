/* loy-contact-rewards-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-contact-rewards-page.h"
#include "loy-format.h"
#include "loy-load-error-page.h"

/* The rewards the contact can see now, cheapest first, each with what it
 * costs, whether the balance covers it and a button for the window's
 * contact.redeem. */

struct _LoyContactRewardsPage
{
  GtkBox              parent_instance;

  LoyStore           *store;
  LoyContact         *contact;
  LoyPagedModel      *rewards;

  /* Template widgets */
  GtkStack           *rewards_stack;
  GtkListBox         *rewards_list;
  LoyLoadErrorPage   *error_page;
};

static void contact_page_iface_init (LoyContactPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyContactRewardsPage, loy_contact_rewards_page, GTK_TYPE_BOX,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_CONTACT_PAGE, contact_page_iface_init))

static GtkWidget *
create_reward_row_cb (gpointer item,
                      gpointer user_data)
{
  LoyContactRewardsPage *self = user_data;
  LoyReward *reward = item;
  GtkWidget *row = adw_action_row_new ();
  gint64 cost = loy_reward_get_required_credits (reward);
  gint64 missing;
  g_autofree char *points = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  GtkWidget *status_label;
  GtkWidget *button;

  /* Its page is on its way: the row fills in when it arrives. */
  if (loy_paged_model_is_placeholder (reward))
    return row;

  missing = loy_contact_rewards_page_get_missing (self, reward);
  points = loy_format_points (cost);
  if (loy_reward_get_reward_type (reward) == LOY_REWARD_TYPE_DIGITAL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s point · Digital", "%s points · Digital",
                                             (gulong) cost),
                                points);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s point · Physical", "%s points · Physical",
                                             (gulong) cost),
                                points);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_reward_get_title (reward));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (missing > 0)
    {
      g_autofree char *missing_text = loy_format_points (missing);

      status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Needs %s more point", "Needs %s more points",
                                             (gulong) missing),
                                missing_text);
    }
  else
    status = g_strdup (_("Affordable"));

  status_label = gtk_label_new (status);
  gtk_widget_add_css_class (status_label, missing > 0 ? "dim-label" : "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);

  if (loy_store_can (self->store, LOY_STORE_CAN_MANAGE_POINTS))
    {
      button = gtk_button_new_with_mnemonic (_("_Redeem…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* An enabled action would make the button sensitive again: an
       * unaffordable reward's button has none. */
      if (missing > 0)
        gtk_widget_set_sensitive (button, FALSE);
      else
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                            loy_reward_get_uuid (reward));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "contact.redeem");
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
loy_contact_rewards_page_update_state (LoyContactRewardsPage *self)
{
  gboolean empty = loy_paged_model_get_loaded (self->rewards) &&
                   !loy_paged_model_get_loading (self->rewards) &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->rewards)) == 0;

  /* A read that gave up says why, with Try Again for this list alone. */
  gtk_stack_set_visible_child_name (self->rewards_stack,
                                    loy_paged_model_get_error (self->rewards) != NULL ? "error"
                                    : empty ? "empty" : "list");
}

static gboolean
loy_contact_rewards_page_setup (LoyContactPage *page,
                                LoyStore       *store,
                                LoyContact     *contact)
{
  LoyContactRewardsPage *self = LOY_CONTACT_REWARDS_PAGE (page);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);

  g_return_val_if_fail (self->rewards == NULL, FALSE);

  self->store = g_object_ref (store);
  self->contact = g_object_ref (contact);

  query->visible_to_contact = g_strdup (loy_contact_get_uuid (contact));
  query->sort = g_strdup ("required_credits");
  self->rewards = loy_paged_model_new (store, query);
  gtk_list_box_bind_model (self->rewards_list, G_LIST_MODEL (self->rewards),
                           create_reward_row_cb, self, NULL);
  g_signal_connect_object (self->rewards, "items-changed",
                           G_CALLBACK (loy_contact_rewards_page_update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rewards, "notify::loading",
                           G_CALLBACK (loy_contact_rewards_page_update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rewards, "notify::error",
                           G_CALLBACK (loy_contact_rewards_page_update_state), self,
                           G_CONNECT_SWAPPED);
  loy_load_error_page_set_model (self->error_page, self->rewards);

  return loy_store_can (store, LOY_STORE_CAN_LIST_REWARDS);
}

/* Affordability depends on the balance just read. */
static void
loy_contact_rewards_page_show_contact (LoyContactPage *page,
                                       LoyContact     *contact)
{
  LoyContactRewardsPage *self = LOY_CONTACT_REWARDS_PAGE (page);

  g_set_object (&self->contact, contact);
  loy_paged_model_reload (self->rewards);
}

static void
contact_page_iface_init (LoyContactPageInterface *iface)
{
  iface->setup = loy_contact_rewards_page_setup;
  iface->show_contact = loy_contact_rewards_page_show_contact;
}

static void
loy_contact_rewards_page_dispose (GObject *object)
{
  LoyContactRewardsPage *self = LOY_CONTACT_REWARDS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CONTACT_REWARDS_PAGE);
  g_clear_object (&self->rewards);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_contact_rewards_page_parent_class)->dispose (object);
}

static void
loy_contact_rewards_page_class_init (LoyContactRewardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_contact_rewards_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-contact-rewards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyContactRewardsPage, rewards_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyContactRewardsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LoyContactRewardsPage, rewards_list);
}

static void
loy_contact_rewards_page_init (LoyContactRewardsPage *self)
{
  g_type_ensure (LOY_TYPE_LOAD_ERROR_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the rewards listed; %NULL before setup */
LoyPagedModel *
loy_contact_rewards_page_get_rewards (LoyContactRewardsPage *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_REWARDS_PAGE (self), NULL);

  return self->rewards;
}

/* Returns: (transfer full) (nullable): the listed reward with @uuid */
LoyReward *
loy_contact_rewards_page_find_reward (LoyContactRewardsPage *self,
                                      const char            *uuid)
{
  guint n_items;

  g_return_val_if_fail (LOY_IS_CONTACT_REWARDS_PAGE (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->rewards));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LoyReward) reward = g_list_model_get_item (G_LIST_MODEL (self->rewards), i);

      if (g_strcmp0 (loy_reward_get_uuid (reward), uuid) == 0)
        return g_steal_pointer (&reward);
    }

  return NULL;
}

/* The points the contact still needs for @reward; 0 when it is affordable. */
gint64
loy_contact_rewards_page_get_missing (LoyContactRewardsPage *self,
                                      LoyReward             *reward)
{
  gint64 missing;

  g_return_val_if_fail (LOY_IS_CONTACT_REWARDS_PAGE (self), 0);
  g_return_val_if_fail (LOY_IS_REWARD (reward), 0);

  missing = loy_reward_get_required_credits (reward) - loy_contact_get_balance (self->contact);

  return MAX (0, missing);
}
