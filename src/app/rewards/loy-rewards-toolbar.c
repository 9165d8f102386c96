/* loy-rewards-toolbar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-rewards-toolbar.h"
#include "loy-window.h"

struct _LoyRewardsToolbar
{
  GtkWidget       parent_instance;

  LoySectionView *rewards;
  LoySectionView *code_groups;
  GCancellable   *cancellable;

  /* Template widgets */
  GtkButton      *new_button;
};

G_DEFINE_FINAL_TYPE (LoyRewardsToolbar, loy_rewards_toolbar, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (LoyRewardsToolbar *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->rewards)));
}

static void
add_toast (LoyRewardsToolbar *self,
           const char        *title)
{
  GtkWindow *window = get_window (self);

  if (LOY_IS_WINDOW (window))
    loy_window_add_toast (LOY_WINDOW (window), adw_toast_new (title));
}

static void
reload_sections (LoyRewardsToolbar *self)
{
  LoySectionView *views[] = { self->rewards, self->code_groups };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (loy_section_view_get_model (views[i]) != NULL)
      loy_paged_model_reload (loy_section_view_get_model (views[i]));
}

static void
update_visibility (LoyRewardsToolbar *self)
{
  LoyStore *store = loy_section_view_get_store (self->rewards);

  gtk_widget_set_visible (GTK_WIDGET (self),
                          store != NULL && loy_store_can (store, LOY_STORE_CAN_CREATE_REWARDS));
}

static void
reward_created_cb (LoyRewardsToolbar *self,
                   LoyReward         *reward,
                   guint64            codes_added)
{
  g_autofree char *title = NULL;

  if (codes_added > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reward created with %'" G_GUINT64_FORMAT " code",
                                          "Reward created with %'" G_GUINT64_FORMAT " codes", codes_added),
                             codes_added);

  add_toast (self, title != NULL ? title : _("Reward created"));
  reload_sections (self);
}

static void
reward_changed_cb (LoyRewardsToolbar *self,
                   LoyReward         *reward)
{
  if (reward == NULL)
    add_toast (self, _("Reward deleted"));
  reload_sections (self);
}

static void
code_group_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoyRewardsToolbar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (group == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  loy_rewards_toolbar_open_code_group (self, LOY_CODE_GROUP (group));
}

static void
open_code_group_cb (LoyRewardsToolbar *self,
                    const char        *uuid)
{
  loy_store_lookup_async (loy_section_view_get_store (self->rewards), LOY_KIND_CODE_GROUP, uuid,
                          self->cancellable, code_group_found_cb, g_object_ref (self));
}

static void
reward_activated_cb (LoyRewardsToolbar *self,
                     GObject           *item)
{
  loy_rewards_toolbar_open_reward (self, LOY_REWARD (item));
}

static void
code_group_activated_cb (LoyRewardsToolbar *self,
                         GObject           *item)
{
  loy_rewards_toolbar_open_code_group (self, LOY_CODE_GROUP (item));
}

static void
loy_rewards_toolbar_new_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  loy_rewards_toolbar_new_reward (LOY_REWARDS_TOOLBAR (widget));
}

static void
loy_rewards_toolbar_dispose (GObject *object)
{
  LoyRewardsToolbar *self = LOY_REWARDS_TOOLBAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARDS_TOOLBAR);
  g_clear_weak_pointer (&self->rewards);
  g_clear_weak_pointer (&self->code_groups);

  G_OBJECT_CLASS (loy_rewards_toolbar_parent_class)->dispose (object);
}

static void
loy_rewards_toolbar_class_init (LoyRewardsToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_rewards_toolbar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-rewards-toolbar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsToolbar, new_button);
  gtk_widget_class_install_action (widget_class, "rewards.new", NULL, loy_rewards_toolbar_new_action);
}

static void
loy_rewards_toolbar_init (LoyRewardsToolbar *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyRewardsToolbar *
loy_rewards_toolbar_new (LoySectionView *rewards,
                         LoySectionView *code_groups)
{
  LoyRewardsToolbar *self;

  g_return_val_if_fail (LOY_IS_SECTION_VIEW (rewards), NULL);
  g_return_val_if_fail (LOY_IS_SECTION_VIEW (code_groups), NULL);

  self = g_object_new (LOY_TYPE_REWARDS_TOOLBAR, NULL);
  g_set_weak_pointer (&self->rewards, rewards);
  g_set_weak_pointer (&self->code_groups, code_groups);

  g_signal_connect_object (rewards, "item-activated", G_CALLBACK (reward_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (code_groups, "item-activated", G_CALLBACK (code_group_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rewards, "notify::store", G_CALLBACK (update_visibility), self,
                           G_CONNECT_SWAPPED);
  update_visibility (self);

  return self;
}

LoyRewardWizard *
loy_rewards_toolbar_new_reward (LoyRewardsToolbar *self)
{
  LoyRewardWizard *wizard;

  g_return_val_if_fail (LOY_IS_REWARDS_TOOLBAR (self), NULL);

  wizard = loy_reward_wizard_new (get_window (self), loy_section_view_get_store (self->rewards));
  g_signal_connect_object (wizard, "created", G_CALLBACK (reward_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));

  return wizard;
}

LoyRewardEditor *
loy_rewards_toolbar_open_reward (LoyRewardsToolbar *self,
                                 LoyReward         *reward)
{
  LoyRewardEditor *editor;

  g_return_val_if_fail (LOY_IS_REWARDS_TOOLBAR (self), NULL);
  g_return_val_if_fail (LOY_IS_REWARD (reward), NULL);

  editor = loy_reward_editor_new (get_window (self), loy_section_view_get_store (self->rewards), reward);
  g_signal_connect_object (editor, "changed", G_CALLBACK (reward_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-code-group", G_CALLBACK (open_code_group_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

LoyCodeGroupWindow *
loy_rewards_toolbar_open_code_group (LoyRewardsToolbar *self,
                                     LoyCodeGroup      *group)
{
  LoyCodeGroupWindow *window;

  g_return_val_if_fail (LOY_IS_REWARDS_TOOLBAR (self), NULL);
  g_return_val_if_fail (LOY_IS_CODE_GROUP (group), NULL);

  window = loy_code_group_window_new (get_window (self), loy_section_view_get_store (self->code_groups),
                                      group);
  g_signal_connect_object (window, "changed", G_CALLBACK (reload_sections), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}
