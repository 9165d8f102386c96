/* loy-rewards-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-format.h"
#include "loy-rewards-section.h"
#include "loy-toast-target.h"

struct _LoyRewardsSection
{
  GtkWidget       parent_instance;


  /* Template widgets */
  LoySectionView  *view;
  LoyFilterButton *filters;
  GtkWidget       *new_button;
  GtkWidget       *menu_button;

  GtkDropDown     *type_dropdown;
  GtkDropDown     *status_dropdown;
};

/* The entries of the type and status dropdowns, in order */
enum { TYPE_ANY, TYPE_PHYSICAL, TYPE_DIGITAL };
enum { STATUS_ANY, STATUS_ACTIVE, STATUS_INACTIVE };

G_DEFINE_FINAL_TYPE (LoyRewardsSection, loy_rewards_section, LOY_TYPE_SECTION)

static char *
format_active (gboolean active)
{
  return g_strdup (active ? _("Active") : _("Inactive"));
}

static char *
reward_title (gpointer item)
{
  return g_strdup (loy_reward_get_title (item));
}

static char *
reward_type (gpointer item)
{
  switch (loy_reward_get_reward_type (item))
    {
    case LOY_REWARD_TYPE_PHYSICAL:
      return g_strdup (_("Physical"));
    case LOY_REWARD_TYPE_DIGITAL:
      return g_strdup (_("Digital"));
    default:
      g_assert_not_reached ();
    }
}

static char *
reward_points (gpointer item)
{
  return loy_format_points (loy_reward_get_required_credits (item));
}

static char *
reward_active (gpointer item)
{
  return format_active (loy_reward_get_is_active (item));
}

static gboolean
reward_inactive (gpointer item)
{
  return !loy_reward_get_is_active (item);
}

static char *
reward_stock (gpointer item)
{
  gint64 stock = loy_reward_get_stock (item);

  /* A digital reward lasts as long as its codes do. */
  if (loy_reward_get_reward_type (item) == LOY_REWARD_TYPE_DIGITAL)
    {
      gint64 codes = loy_reward_get_codes_available (item);
      g_autofree char *count = NULL;

      /* A data source that does not count them */
      if (codes == LOY_UNSET)
        return g_strdup ("—");

      count = loy_format_count (codes);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s code", "%s codes", codes), count);
    }

  if (stock == LOY_UNSET)
    return g_strdup (_("Unlimited"));

  return loy_format_count (stock);
}

static const LoyColumnSpec reward_columns[] = {
  { N_("Title"), reward_title, LOY_COLUMN_EXPAND },
  { N_("Type"), reward_type, LOY_COLUMN_SECONDARY },
  { N_("Points"), reward_points, LOY_COLUMN_NUMERIC },
  { N_("Active"), reward_active, LOY_COLUMN_SECONDARY, .dim = reward_inactive },
  { N_("Stock"), reward_stock, LOY_COLUMN_NUMERIC | LOY_COLUMN_SECONDARY },
  { NULL }
};

static GtkWindow *
get_window (LoyRewardsSection *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* @title is plain text (a store's message may hold a '<' or '&'). */
static void
add_toast (LoyRewardsSection *self,
           const char        *title,
           AdwToastPriority   priority)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, priority);
  loy_toast_target_show_from (GTK_WIDGET (self), toast);
}

/* Pushes the type and status chosen down to the store, as the list's query. */
static void
loy_rewards_section_apply_filters (LoyRewardsSection *self)
{
  LoyPagedModel *model = loy_section_view_get_model (self->view);
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
}

static void
reward_created_cb (LoyRewardsSection *self,
                   LoyReward         *reward,
                   guint64            codes_added)
{
  g_autofree char *title = NULL;

  if (codes_added > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reward created with %'" PRIu64 " code",
                                          "Reward created with %'" PRIu64 " codes", codes_added),
                             codes_added);

  add_toast (self, title != NULL ? title : _("Reward created"), ADW_TOAST_PRIORITY_NORMAL);
}

static void
delete_requested_cb (LoyRewardsSection *self,
                     LoyReward         *reward)
{
  loy_section_delete_with_undo (LOY_SECTION (self), loy_reward_get_uuid (reward),
                                loy_reward_get_title (reward));
}

static void
reward_activated_cb (LoyRewardsSection *self,
                     GObject           *item)
{
  loy_rewards_section_open_reward (self, LOY_REWARD (item));
}

/* The filters and "New Reward" belong to a store that can write rewards. */
static void
store_changed_cb (LoyRewardsSection *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);
  gboolean can_create = store != NULL && loy_store_can (store, LOY_STORE_CAN_CREATE_REWARDS);
  gboolean can_export = store != NULL && loy_store_can (store, LOY_STORE_CAN_EXPORT);

  gtk_widget_set_visible (GTK_WIDGET (self->filters), can_create);
  gtk_widget_set_visible (self->new_button, can_create);
  /* Ctrl+N too */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rewards.new", can_create);
  gtk_widget_set_visible (self->menu_button, can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rewards.export", can_export);
}

static void
loy_rewards_section_new_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  loy_rewards_section_new_reward (LOY_REWARDS_SECTION (widget));
}

static char *
describe_rewards (gint64 n_rewards)
{
  g_autofree char *count = loy_format_count (n_rewards);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s reward", "%s rewards", n_rewards), count);
}

static void
loy_rewards_section_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LoyRewardsSection *self = LOY_REWARDS_SECTION (widget);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_REWARDS);

  loy_section_view_export (self->view, export, _("Export Rewards"), _("rewards.csv"), describe_rewards);
}

static void
loy_rewards_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARDS_SECTION);

  G_OBJECT_CLASS (loy_rewards_section_parent_class)->dispose (object);
}

static void
loy_rewards_section_class_init (LoyRewardsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_rewards_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-rewards-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsSection, view);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsSection, filters);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsSection, new_button);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardsSection, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, loy_rewards_section_apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, reward_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, store_changed_cb);
  gtk_widget_class_install_action (widget_class, "rewards.new", NULL, loy_rewards_section_new_action);
  gtk_widget_class_install_action (widget_class, "rewards.export", NULL,
                                   loy_rewards_section_export_action);
}

static void
loy_rewards_section_init (LoyRewardsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_set_view (LOY_SECTION (self), self->view);

  self->type_dropdown =
    loy_filter_button_add_dropdown (self->filters, _("_Type"),
                                    (const char *[]) { _("All types"), _("Physical"), _("Digital"), NULL });
  self->status_dropdown =
    loy_filter_button_add_dropdown (self->filters, _("_Status"),
                                    (const char *[]) { _("Active or not"), _("Active"), _("Inactive"), NULL });

  loy_section_view_set_columns (self->view, reward_columns);
  loy_section_view_set_count_func (self->view, describe_rewards);
  store_changed_cb (self);
}

LoyRewardWizard *
loy_rewards_section_new_reward (LoyRewardsSection *self)
{
  LoyRewardWizard *wizard;

  g_return_val_if_fail (LOY_IS_REWARDS_SECTION (self), NULL);

  wizard = loy_reward_wizard_new (get_window (self), loy_section_view_get_store (self->view));
  g_signal_connect_object (wizard, "created", G_CALLBACK (reward_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));

  return wizard;
}

LoyRewardEditor *
loy_rewards_section_open_reward (LoyRewardsSection *self,
                                 LoyReward         *reward)
{
  LoyRewardEditor *editor;

  g_return_val_if_fail (LOY_IS_REWARDS_SECTION (self), NULL);
  g_return_val_if_fail (LOY_IS_REWARD (reward), NULL);

  editor = loy_reward_editor_new (get_window (self), loy_section_view_get_store (self->view), reward);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

GtkDropDown *
loy_rewards_section_get_type_dropdown (LoyRewardsSection *self)
{
  g_return_val_if_fail (LOY_IS_REWARDS_SECTION (self), NULL);

  return self->type_dropdown;
}

GtkDropDown *
loy_rewards_section_get_status_dropdown (LoyRewardsSection *self)
{
  g_return_val_if_fail (LOY_IS_REWARDS_SECTION (self), NULL);

  return self->status_dropdown;
}
