/* loy-reward-wizard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "codes/loy-code-write.h"
#include "codes/loy-codes-page.h"
#include "loy-task-bar.h"
#include "loy-discard-dialog.h"
#include "loy-error-bar.h"
#include "loy-format.h"
#include "loy-reward-advanced-page.h"
#include "loy-reward-details-page.h"
#include "loy-reward-image-page.h"
#include "loy-reward-wizard.h"
#include "loy-view-filter-editor.h"

/* Creating a reward step by step (seed 000): physical or digital, title and
 * points, image, codes (digital only), view filters, advanced, summary. The
 * reward is written first, then its codes into the code group the store
 * made for it; if adding the codes fails, Create tries only the codes again. */

/* Below this width the row of steps is left out and the kinds stack up. */
#define NARROW_WIDTH 600

struct _LoyRewardWizard
{
  AdwWindow              parent_instance;

  LoyStore              *store;
  LoyRewardType          reward_type;
  GPtrArray             *steps;
  guint                  step;
  LoyReward             *created;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *back_button;
  GtkButton             *next_button;
  GtkBox                *step_box;
  GtkBox                *type_box;
  LoyErrorBar           *error_bar;
  GtkStack              *stack;
  GtkButton             *digital_button;
  LoyRewardDetailsPage  *details_page;
  LoyRewardImagePage    *image_page;
  LoyCodesPage          *codes_page;
  LoyViewFilterEditor   *filter_page;
  LoyRewardAdvancedPage *advanced_page;
  GtkListBox            *summary_list;
  LoyTaskBar            *task_bar;
};

G_DEFINE_FINAL_TYPE (LoyRewardWizard, loy_reward_wizard, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const struct {
  const char *name;
  const char *title;
} step_titles[] = {
  { "type", N_("Kind of Reward") },
  { "details", N_("Title and Points") },
  { "image", N_("Image") },
  { "codes", N_("Codes") },
  { "filters", N_("View Filters") },
  { "advanced", N_("Advanced") },
  { "summary", N_("Summary") },
};

static const char *
step_title (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_titles); i++)
    if (g_str_equal (step_titles[i].name, name))
      return _(step_titles[i].title);

  g_return_val_if_reached (NULL);
}

static GtkWidget *
get_step_widget (LoyRewardWizard *self)
{
  return gtk_stack_get_child_by_name (self->stack, g_ptr_array_index (self->steps, self->step));
}

static LoyCodeStep *
get_code_step (LoyRewardWizard *self)
{
  return loy_codes_page_get_step (self->codes_page);
}

static void
loy_reward_wizard_update (LoyRewardWizard *self)
{
  const char *name = g_ptr_array_index (self->steps, self->step);
  GtkWidget *page = get_step_widget (self);
  gboolean busy = loy_task_bar_get_running (self->task_bar);
  gboolean can_continue = !busy;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;
  int width, height;
  gboolean narrow;

  if (LOY_IS_REWARD_PAGE (page))
    can_continue = can_continue && loy_reward_page_get_problem (LOY_REWARD_PAGE (page)) == NULL;
  if (page == GTK_WIDGET (self->image_page))
    can_continue = can_continue && !loy_reward_image_page_get_busy (self->image_page);
  if (page == GTK_WIDGET (self->codes_page))
    can_continue = can_continue &&
                   loy_code_step_get_problem (get_code_step (self)) == NULL &&
                   !loy_code_step_get_busy (get_code_step (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->step > 0 && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 can_continue && !g_str_equal (name, "type"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !g_str_equal (name, "type"));
  gtk_button_set_label (self->next_button,
                        !g_str_equal (name, "summary") ? _("_Next")
                        : self->created != NULL ? _("_Add Codes") : _("_Create"));

  /* The step indicator: every step after the choice of kind. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_box))) != NULL)
    gtk_box_remove (self->step_box, child);
  /* When narrow the subtitle's "Step N of M" does: the row of steps would not fit. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  gtk_widget_set_visible (GTK_WIDGET (self->step_box), self->step > 0 && !narrow);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->type_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  for (guint i = 1; i < self->steps->len; i++)
    {
      GtkWidget *label = gtk_label_new (step_title (g_ptr_array_index (self->steps, i)));

      if (i > 1)
        {
          GtkWidget *separator = gtk_image_new_from_icon_name ("go-next-symbolic");

          gtk_widget_add_css_class (separator, "dim-label");
          gtk_box_append (self->step_box, separator);
        }
      if (i == self->step)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->step_box, label);
    }

  if (self->step > 0)
    subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step, self->steps->len - 1,
                                step_title (name));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static LoyReward *
build_reward (LoyRewardWizard *self)
{
  LoyReward *reward = loy_reward_new ();
  LoyRewardPage *pages[] = {
    LOY_REWARD_PAGE (self->details_page), LOY_REWARD_PAGE (self->image_page),
    LOY_REWARD_PAGE (self->filter_page), LOY_REWARD_PAGE (self->advanced_page),
  };

  loy_reward_set_reward_type (reward, self->reward_type);
  loy_reward_set_is_active (reward, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    loy_reward_page_apply (pages[i], reward);

  return reward;
}

static void
add_summary_row (LoyRewardWizard *self,
                 const char      *title,
                 const char      *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->summary_list, row);
}

static char *
describe_contact_filter (const LoyViewFilter *filter)
{
  g_autofree char *attribute = NULL;

  if (filter != NULL && filter->attribute != NULL)
    attribute = loy_contact_attribute_dup_label (filter->attribute);

  switch (filter != NULL ? filter->condition : LOY_CONDITION_NONE)
    {
    case LOY_CONDITION_NONE:
      return g_strdup (_("Every contact"));
    case LOY_CONDITION_EQUALS:
      return g_strdup_printf (_("Contacts whose “%s” is “%s”"), attribute, filter->value);
    case LOY_CONDITION_NOT_EQUALS:
      return g_strdup_printf (_("Contacts whose “%s” is not “%s”"), attribute, filter->value);
    case LOY_CONDITION_IS_SET:
      return g_strdup_printf (_("Contacts who have “%s”"), attribute);
    case LOY_CONDITION_DATE_WINDOW:
      {
        g_autofree char *before = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day before",
                                                                "%u days before", filter->days_before),
                                                   filter->days_before);
        g_autofree char *after = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day after",
                                                               "%u days after", filter->days_after),
                                                  filter->days_after);

        /* Translators: "From 7 days before to 3 days after each year’s “Date of birth”" */
        return g_strdup_printf (_("From %s to %s each year’s “%s”"), before, after, attribute);
      }
    default:
      g_assert_not_reached ();
    }
}

static void
show_summary (LoyRewardWizard *self)
{
  g_autoptr(LoyReward) reward = build_reward (self);
  const LoyViewFilter *filter = loy_reward_get_view_filter (reward);
  g_autofree char *points = loy_format_points (loy_reward_get_required_credits (reward));
  g_autofree char *contacts = describe_contact_filter (filter);
  g_autofree char *shops = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *expiry = NULL;
  g_autoptr(GString) attributes = g_string_new (NULL);
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);

  add_summary_row (self, _("Kind"), self->reward_type == LOY_REWARD_TYPE_DIGITAL
                                      ? _("Digital reward") : _("Physical reward"));
  add_summary_row (self, _("Title"), loy_reward_get_title (reward));
  add_summary_row (self, _("Required points"), points);
  add_summary_row (self, _("Description"), loy_reward_get_description (reward) ?: _("None"));

  add_summary_row (self, _("Image"), loy_reward_image_page_get_name (self->image_page) ?: _("None"));

  if (self->reward_type == LOY_REWARD_TYPE_DIGITAL)
    {
      g_autofree char *codes = loy_code_step_describe (get_code_step (self));

      add_summary_row (self, _("Codes"), codes);
    }

  add_summary_row (self, _("Shown to"), contacts);
  add_summary_row (self, _("Platform"),
                   filter == NULL || filter->platforms == 0 || filter->platforms == LOY_PLATFORM_ANY
                     ? _("Both apps")
                     : filter->platforms == LOY_PLATFORM_BUSINESS_APP ? _("Business app only")
                                                                       : _("Customer app only"));
  if (filter != NULL && filter->shop_uuids != NULL && filter->shop_uuids[0] != NULL)
    {
      guint n = g_strv_length (filter->shop_uuids);

      shops = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen store", "%u chosen stores", n), n);
    }
  add_summary_row (self, _("Stores"), shops ?: _("All stores"));

  if (loy_reward_get_cost_price_cents (reward) != LOY_UNSET)
    cost = loy_format_money (loy_reward_get_cost_price_cents (reward));
  add_summary_row (self, _("Cost price"), cost ?: _("None"));

  if (loy_reward_get_stock (reward) != LOY_UNSET)
    stock = loy_format_count (loy_reward_get_stock (reward));
  add_summary_row (self, _("Stock"), stock ?: _("Unlimited"));
  add_summary_row (self, _("Pre-redeemable"), loy_reward_get_pre_redeemable (reward) ? _("Yes") : _("No"));

  if (loy_reward_get_expiration_duration (reward) != LOY_UNSET)
    {
      guint days = loy_reward_get_expiration_duration (reward) / 86400;

      expiry = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day after claiming",
                                             "%u days after claiming", days), days);
    }
  add_summary_row (self, _("Claimed rewards expire"), expiry ?: _("Never"));

  json_object_iter_init (&iter, loy_reward_get_custom_attributes (reward));
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (attributes->len > 0)
        g_string_append_c (attributes, '\n');
      g_string_append_printf (attributes, "%s: %s", key,
                              JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                                ? json_node_get_string (node) : "…");
    }
  add_summary_row (self, _("Custom attributes"), attributes->len > 0 ? attributes->str : _("None"));
}

static void
go_to_step (LoyRewardWizard *self,
            guint            step)
{
  self->step = step;
  if (g_str_equal (g_ptr_array_index (self->steps, step), "summary"))
    show_summary (self);

  gtk_stack_set_visible_child_name (self->stack, g_ptr_array_index (self->steps, step));
  loy_reward_wizard_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEP]);
}

static void
set_busy (LoyRewardWizard *self,
          gboolean         busy)
{
  if (!busy)
    loy_task_bar_finish (self->task_bar);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);
  loy_reward_wizard_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
finish (LoyRewardWizard *self,
        guint64          codes_added)
{
  set_busy (self, FALSE);
  g_signal_emit (self, signals [CREATED], 0, self->created, codes_added);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
codes_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyRewardWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = loy_code_write_finish (result, &error);

  if (summary == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The reward was created, but its codes were not added: %s "
                                   "Choose Add Codes to try again."),
                                 error->message);
      set_busy (self, FALSE);
      loy_error_bar_show (self->error_bar, message);
      return;
    }

  finish (self, summary->added);
}

static void
write_codes (LoyRewardWizard *self,
             GCancellable    *cancellable)
{
  loy_task_bar_set_text (self->task_bar, _("Adding codes…"));
  loy_code_step_write_async (get_code_step (self), self->store,
                             loy_reward_get_code_group_uuid (self->created),
                             loy_task_bar_progress, self->task_bar, cancellable,
                             codes_written_cb, g_object_ref (self));
}

static void
reward_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyRewardWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = NULL;

  self->created = loy_store_create_reward_finish (LOY_STORE (object), result, &error);
  if (self->created == NULL)
    {
      set_busy (self, FALSE);
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  if (self->reward_type == LOY_REWARD_TYPE_DIGITAL &&
      loy_code_step_get_count (get_code_step (self)) > 0 &&
      loy_reward_get_code_group_uuid (self->created) != NULL)
    {
      cancellable = loy_task_bar_start (self->task_bar, _("Adding codes…"));
      write_codes (self, cancellable);
    }
  else
    finish (self, 0);
}

static void
create (LoyRewardWizard *self)
{
  g_autoptr(GCancellable) cancellable = NULL;

  loy_error_bar_hide (self->error_bar);

  if (self->created != NULL)
    {
      cancellable = loy_task_bar_start (self->task_bar, _("Adding codes…"));
      set_busy (self, TRUE);
      write_codes (self, cancellable);
    }
  else
    {
      g_autoptr(LoyReward) reward = build_reward (self);

      cancellable = loy_task_bar_start (self->task_bar, _("Creating the reward…"));
      set_busy (self, TRUE);
      loy_store_create_reward_async (self->store, reward, cancellable,
                                     reward_created_cb, g_object_ref (self));
    }
}

static void
loy_reward_wizard_next_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LoyRewardWizard *self = LOY_REWARD_WIZARD (widget);

  if (self->step + 1 < self->steps->len)
    go_to_step (self, self->step + 1);
  else
    create (self);
}

static void
loy_reward_wizard_back_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LoyRewardWizard *self = LOY_REWARD_WIZARD (widget);

  if (self->step > 0)
    go_to_step (self, self->step - 1);
}

static void
loy_reward_wizard_choose_type_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LoyRewardWizard *self = LOY_REWARD_WIZARD (widget);
  int type;

  if (!loy_enum_from_nick (LOY_TYPE_REWARD_TYPE, g_variant_get_string (parameter, NULL), &type))
    g_return_if_reached ();

  self->reward_type = type;
  g_ptr_array_set_size (self->steps, 0);
  g_ptr_array_add (self->steps, "type");
  g_ptr_array_add (self->steps, "details");
  g_ptr_array_add (self->steps, "image");
  if (type == LOY_REWARD_TYPE_DIGITAL)
    g_ptr_array_add (self->steps, "codes");
  g_ptr_array_add (self->steps, "filters");
  g_ptr_array_add (self->steps, "advanced");
  g_ptr_array_add (self->steps, "summary");

  adw_window_title_set_title (self->window_title,
                              type == LOY_REWARD_TYPE_DIGITAL ? _("New Digital Reward")
                                                              : _("New Reward"));
  go_to_step (self, 1);
}

static gboolean
has_input (LoyRewardWizard *self)
{
  return loy_reward_details_page_has_input (self->details_page) ||
         loy_reward_image_page_get_uri (self->image_page) != NULL ||
         loy_code_step_get_count (get_code_step (self)) > 0 ||
         self->step > 1;
}

static gboolean
loy_reward_wizard_close_request (GtkWindow *window)
{
  LoyRewardWizard *self = LOY_REWARD_WIZARD (window);

  /* Once the reward is stored, only its codes are left to add. */
  if (self->created != NULL || !has_input (self))
    return GTK_WINDOW_CLASS (loy_reward_wizard_parent_class)->close_request (window);

  gtk_window_present (GTK_WINDOW (loy_discard_dialog_new (window, _("Discard Reward?"),
                                                          _("What you entered is lost."))));

  return TRUE;
}

static void
loy_reward_wizard_dispose (GObject *object)
{
  LoyRewardWizard *self = LOY_REWARD_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARD_WIZARD);
  g_clear_object (&self->store);
  g_clear_object (&self->created);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_reward_wizard_parent_class)->dispose (object);
}

static void
loy_reward_wizard_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoyRewardWizard *self = LOY_REWARD_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_string (value, loy_reward_wizard_get_step (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, loy_reward_wizard_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_reward_wizard_class_init (LoyRewardWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = loy_reward_wizard_dispose;
  object_class->get_property = loy_reward_wizard_get_property;
  window_class->close_request = loy_reward_wizard_close_request;

  properties [PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, LOY_TYPE_REWARD, G_TYPE_UINT64);

  g_type_ensure (LOY_TYPE_ERROR_BAR);
  g_type_ensure (LOY_TYPE_REWARD_DETAILS_PAGE);
  g_type_ensure (LOY_TYPE_REWARD_IMAGE_PAGE);
  g_type_ensure (LOY_TYPE_CODES_PAGE);
  g_type_ensure (LOY_TYPE_VIEW_FILTER_EDITOR);
  g_type_ensure (LOY_TYPE_REWARD_ADVANCED_PAGE);
  g_type_ensure (LOY_TYPE_TASK_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-reward-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, step_box);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, type_box);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, error_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, digital_button);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, details_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, image_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, codes_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, filter_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, advanced_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, summary_list);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardWizard, task_bar);
  gtk_widget_class_bind_template_callback (widget_class, loy_reward_wizard_update);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, loy_reward_wizard_back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, loy_reward_wizard_next_action);
  gtk_widget_class_install_action (widget_class, "wizard.choose-type", "s",
                                   loy_reward_wizard_choose_type_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_reward_wizard_init (LoyRewardWizard *self)
{
  self->steps = g_ptr_array_new ();
  g_ptr_array_add (self->steps, "type");

  gtk_widget_init_template (GTK_WIDGET (self));

  loy_codes_page_set_intro (self->codes_page,
                            _("A code group named after the reward is created automatically. "
                              "Each code is handed out once, so load enough of them; "
                              "you can add more at any time."));
  loy_codes_page_set_warn_empty (self->codes_page, TRUE);
  g_signal_connect_object (get_code_step (self), "notify::problem", G_CALLBACK (loy_reward_wizard_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (get_code_step (self), "notify::busy", G_CALLBACK (loy_reward_wizard_update), self,
                           G_CONNECT_SWAPPED);
  loy_reward_wizard_update (self);
}

LoyRewardWizard *
loy_reward_wizard_new (GtkWindow *parent,
                       LoyStore  *store)
{
  LoyRewardWizard *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);

  self = g_object_new (LOY_TYPE_REWARD_WIZARD,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->store = g_object_ref (store);
  loy_view_filter_editor_set_store (self->filter_page, store);
  loy_reward_image_page_set_store (self->image_page, store);
  /* Codes need a store that can add them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->digital_button),
                            loy_store_can (store, LOY_STORE_CAN_MANAGE_CODES));

  return self;
}

const char *
loy_reward_wizard_get_step (LoyRewardWizard *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_WIZARD (self), NULL);

  return g_ptr_array_index (self->steps, self->step);
}

gboolean
loy_reward_wizard_get_busy (LoyRewardWizard *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_WIZARD (self), FALSE);

  return loy_task_bar_get_running (self->task_bar);
}
