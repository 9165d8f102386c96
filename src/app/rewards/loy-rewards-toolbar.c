/* loy-rewards-toolbar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
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
  GtkMenuButton  *filter_button;
  GtkDropDown    *type_dropdown;
  GtkDropDown    *status_dropdown;
  GtkButton      *new_button;
};

/* The entries of the type and status dropdowns, in order */
enum { TYPE_ANY, TYPE_PHYSICAL, TYPE_DIGITAL };
enum { STATUS_ANY, STATUS_ACTIVE, STATUS_INACTIVE };

G_DEFINE_FINAL_TYPE (LoyRewardsToolbar, loy_rewards_toolbar, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (LoyRewardsToolbar *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self->rewards)));
}

/* @title is plain text (a store's message may hold a '<' or '&'). */
static void
add_toast (LoyRewardsToolbar *self,
           const char        *title,
           AdwToastPriority   priority)
{
  GtkWindow *window = get_window (self);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast;

  if (!LOY_IS_WINDOW (window))
    return;

  toast = adw_toast_new (markup);
  adw_toast_set_priority (toast, priority);
  loy_window_add_toast (LOY_WINDOW (window), toast);
}

static void
reload_sections (LoyRewardsToolbar *self)
{
  LoySectionView *views[] = { self->rewards, self->code_groups };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    loy_section_view_reload (views[i]);
}

/* Pushes the type and status chosen down to the store, as the list's query. */
static void
loy_rewards_toolbar_apply_filters (LoyRewardsToolbar *self)
{
  LoyPagedModel *model = self->rewards != NULL ? loy_section_view_get_model (self->rewards) : NULL;
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autoptr(LoyQuery) query = NULL;
  guint reward_types;

  if (model == NULL)
    return;

  query = loy_query_copy (loy_paged_model_get_query (model));
  reward_types = type == TYPE_PHYSICAL ? 1u << LOY_REWARD_TYPE_PHYSICAL
               : type == TYPE_DIGITAL ? 1u << LOY_REWARD_TYPE_DIGITAL
               : 0;
  if (query->reward_types == reward_types &&
      query->only_active == (status == STATUS_ACTIVE) &&
      query->only_inactive == (status == STATUS_INACTIVE))
    return;

  query->reward_types = reward_types;
  query->only_active = status == STATUS_ACTIVE;
  query->only_inactive = status == STATUS_INACTIVE;
  loy_paged_model_set_query (model, query);

  /* Show at a glance that the list is narrowed. */
  if (type != TYPE_ANY || status != STATUS_ANY)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
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
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reward created with %'" PRIu64 " code",
                                          "Reward created with %'" PRIu64 " codes", codes_added),
                             codes_added);

  add_toast (self, title != NULL ? title : _("Reward created"), ADW_TOAST_PRIORITY_NORMAL);
  reload_sections (self);
}

/* A deletion waiting for its toast to go: carried out only if Undo was not
 * clicked. The application is held until the store has answered, so closing
 * the last window does not cut it short. */
typedef struct
{
  LoyRewardsToolbar *toolbar;
  GApplication      *application;
  LoyStore          *store;
  char              *uuid;
  gboolean           undone;
} PendingDeletion;

static void
pending_deletion_free (PendingDeletion *deletion)
{
  g_clear_weak_pointer (&deletion->toolbar);
  g_application_release (deletion->application);
  g_object_unref (deletion->application);
  g_object_unref (deletion->store);
  g_free (deletion->uuid);
  g_free (deletion);
}

/* While its toast shows, the reward is out of the list. */
static void
set_reward_hidden (PendingDeletion *deletion,
                   gboolean         hidden)
{
  if (deletion->toolbar != NULL && deletion->toolbar->rewards != NULL)
    loy_section_view_set_record_hidden (deletion->toolbar->rewards, deletion->uuid, hidden);
}

static void
undo_clicked_cb (AdwToast        *toast,
                 PendingDeletion *deletion)
{
  deletion->undone = TRUE;
  set_reward_hidden (deletion, FALSE);
}

static void
reward_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PendingDeletion *deletion = user_data;
  g_autoptr(GError) error = NULL;

  if (!loy_store_delete_finish (LOY_STORE (object), result, &error))
    {
      set_reward_hidden (deletion, FALSE);
      /* It answers what was just asked, so it goes before older toasts;
       * with the window gone, there is no one left to tell but the log. */
      if (deletion->toolbar != NULL && deletion->toolbar->rewards != NULL)
        add_toast (deletion->toolbar, error->message, ADW_TOAST_PRIORITY_HIGH);
      else
        g_warning ("The reward %s was not deleted: %s", deletion->uuid, error->message);
    }
  else if (deletion->toolbar != NULL && deletion->toolbar->rewards != NULL)
    {
      /* Gone, it may stay left out of the list. */
      reload_sections (deletion->toolbar);
    }

  pending_deletion_free (deletion);
}

static void
delete_toast_dismissed_cb (AdwToast        *toast,
                           PendingDeletion *deletion)
{
  g_signal_handlers_disconnect_by_data (toast, deletion);

  if (deletion->undone)
    {
      pending_deletion_free (deletion);
      return;
    }

  loy_store_delete_async (deletion->store, LOY_KIND_REWARD, deletion->uuid, NULL,
                          reward_deleted_cb, deletion);
}

static void
delete_requested_cb (LoyRewardsToolbar *self,
                     LoyReward         *reward)
{
  GtkWindow *window = get_window (self);
  g_autofree char *title = g_markup_escape_text (loy_reward_get_title (reward), -1);
  PendingDeletion *deletion;
  AdwToast *toast;

  g_return_if_fail (LOY_IS_WINDOW (window));

  deletion = g_new0 (PendingDeletion, 1);
  g_set_weak_pointer (&deletion->toolbar, self);
  deletion->application = G_APPLICATION (g_object_ref (gtk_window_get_application (window)));
  g_application_hold (deletion->application);
  deletion->store = g_object_ref (loy_section_view_get_store (self->rewards));
  deletion->uuid = g_strdup (loy_reward_get_uuid (reward));

  /* Translators: %s is the title of a reward */
  toast = adw_toast_new_format (_("“%s” deleted"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), deletion);
  g_signal_connect (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), deletion);
  loy_window_add_toast (LOY_WINDOW (window), toast);
  set_reward_hidden (deletion, TRUE);
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
      add_toast (self, error->message, ADW_TOAST_PRIORITY_NORMAL);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-rewards-toolbar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsToolbar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsToolbar, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsToolbar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsToolbar, new_button);
  gtk_widget_class_bind_template_callback (widget_class, loy_rewards_toolbar_apply_filters);
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
  /* A list made later (first shown, another store) gets the filters chosen. */
  g_signal_connect_object (rewards, "notify::model", G_CALLBACK (loy_rewards_toolbar_apply_filters),
                           self, G_CONNECT_SWAPPED);
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
  g_signal_connect_object (editor, "changed", G_CALLBACK (reload_sections), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
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
