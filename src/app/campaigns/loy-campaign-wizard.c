/* loy-campaign-wizard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-basic-page.h"
#include "loy-campaign-details-page.h"
#include "loy-campaign-labels-page.h"
#include "loy-campaign-limits-page.h"
#include "loy-campaign-schedule-page.h"
#include "loy-campaign-summary.h"
#include "loy-campaign-target-page.h"
#include "loy-campaign-wizard.h"
#include "loy-confirm-dialog.h"
#include "loy-discard-dialog.h"
#include "loy-enum-types.h"
#include "loy-error-bar.h"
#include "loy-task-bar.h"
#include "rewards/loy-reward-image-page.h"

/* The campaign is built from what the pages hold on every change and
 * checked by loy_campaign_validate(), so each field says why next to it
 * what the store would refuse. A field's problem shows once it holds
 * something, or once Next was pressed on its page; Next then stays and
 * says what is missing. */

static const char * const steps[] = { "type", "basic", "details", "labels", "brand", "target", "schedule", "limits",
                                      "summary" };

enum {
  STEP_TYPE,
  STEP_BASIC,
  STEP_DETAILS,
  STEP_LABELS,
  STEP_BRAND,
  STEP_TARGET,
  STEP_SCHEDULE,
  STEP_LIMITS,
  STEP_SUMMARY,
};

struct _LoyCampaignWizard
{
  AdwWindow         parent_instance;

  LoyStore         *store;
  /* The campaign being edited; NULL when creating one. */
  LoyCampaign      *original;
  LoyCampaignType   campaign_type;
  /* The type chosen while the question whether to clear what the current
   * one holds is open. */
  LoyCampaignType   asked_type;
  guint             step;
  /* Next was pressed on the page: its empty fields say what they need. */
  gboolean          attempted[G_N_ELEMENTS (steps)];
  GHashTable       *problem_labels; /* field → GtkLabel */

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkButton        *back_button;
  GtkButton        *next_button;
  LoyErrorBar      *error_bar;
  GtkStack         *stack;
  GtkFlowBox       *type_box;
  LoyCampaignBasicPage *basic_page;
  LoyCampaignDetailsPage *details_page;
  LoyCampaignLabelsPage *labels_page;
  LoyRewardImagePage *brand_page;
  LoyCampaignTargetPage *target_page;
  LoyCampaignSchedulePage *schedule_page;
  LoyCampaignLimitsPage *limits_page;
  AdwPreferencesGroup *summary_group;
  GtkListBox       *summary_list;
  LoyTaskBar       *task_bar;

  GtkToggleButton  *type_buttons[LOY_N_CAMPAIGN_TYPES];
};

G_DEFINE_FINAL_TYPE (LoyCampaignWizard, loy_campaign_wizard, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CREATED,
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const struct {
  const char *name;
  const char *title;
} step_titles[] = {
  { "type", N_("Campaign Type") },
  { "basic", N_("Basic Information") },
  { "details", N_("Details") },
  { "labels", N_("Labels & Categories") },
  { "brand", N_("Brand Image") },
  { "target", N_("Target") },
  { "schedule", N_("Activity & Visibility") },
  { "limits", N_("Limits & Coupons") },
  { "summary", N_("Summary") },
};

void loy_campaign_wizard_validate (LoyCampaignWizard *self);

/* What the pages do not show (other languages, images…) is kept
 * from the campaign being edited. */
static LoyCampaign *
copy_original (LoyCampaignWizard *self)
{
  g_autoptr(JsonNode) node = NULL;
  LoyCampaign *copy;

  if (self->original == NULL)
    return loy_campaign_new ();

  node = loy_campaign_to_json (self->original);
  copy = loy_campaign_from_json (node, NULL);
  loy_campaign_set_uuid (copy, loy_campaign_get_uuid (self->original));

  return copy;
}

static LoyCampaign *
build_campaign (LoyCampaignWizard *self)
{
  LoyCampaign *campaign = copy_original (self);

  loy_campaign_set_campaign_type (campaign, self->campaign_type);
  loy_campaign_basic_page_apply (self->basic_page, campaign);
  loy_campaign_details_page_apply (self->details_page, campaign);

  loy_campaign_labels_page_apply (self->labels_page, campaign);
  loy_campaign_set_brand_image (campaign, loy_reward_image_page_get_uri (self->brand_page));
  loy_campaign_target_page_apply (self->target_page, campaign);
  loy_campaign_schedule_page_apply (self->schedule_page, campaign);
  loy_campaign_limits_page_apply (self->limits_page, campaign);

  return campaign;
}

static guint
label_step (LoyCampaignWizard *self,
            GtkLabel          *label)
{
  if (label == loy_campaign_basic_page_get_name_problem_label (self->basic_page))
    return STEP_BASIC;
  if (label == loy_campaign_labels_page_get_problem_label (self->labels_page))
    return STEP_LABELS;
  if (label == loy_campaign_target_page_get_problem_label (self->target_page))
    return STEP_TARGET;
  if (label == loy_campaign_schedule_page_get_activity_label (self->schedule_page) ||
      label == loy_campaign_schedule_page_get_visibility_label (self->schedule_page))
    return STEP_SCHEDULE;
  if (label == loy_campaign_limits_page_get_limit_label (self->limits_page) ||
      label == loy_campaign_limits_page_get_per_contact_label (self->limits_page) ||
      label == loy_campaign_limits_page_get_codes_label (self->limits_page))
    return STEP_LIMITS;

  return STEP_DETAILS;
}

/* Whether the field next to @label holds something, so that its problem
 * shows before Next was pressed. */
static gboolean
label_has_input (LoyCampaignWizard *self,
                 GtkLabel          *label)
{
  if (label == loy_campaign_basic_page_get_name_problem_label (self->basic_page))
    return loy_campaign_basic_page_has_name (self->basic_page);
  if (label_step (self, label) >= STEP_TARGET)
    /* The rules only complain once a list was chosen or all time switched
     * off: say so at once. */
    return TRUE;

  return loy_campaign_details_page_label_has_input (self->details_page, label);
}

/* Why the page of @step cannot be left yet, or NULL. */
static char *
dup_step_problem (LoyCampaignWizard *self,
                  guint              step)
{
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) new_codes = NULL;

  if (step == STEP_TYPE)
    return NULL;

  if (step >= STEP_DETAILS)
    {
      char *problem = loy_campaign_details_page_dup_entry_problem (self->details_page);

      if (problem != NULL)
        return problem;
    }
  if (step >= STEP_BRAND && loy_reward_image_page_get_busy (self->brand_page))
    return g_strdup (_("The brand image is still being read"));
  if (step >= STEP_LIMITS)
    {
      char *problem = loy_campaign_limits_page_dup_problem (self->limits_page);

      if (problem != NULL)
        return problem;
    }

  campaign = build_campaign (self);
  new_codes = loy_campaign_limits_page_dup_new_codes (self->limits_page);
  problems = loy_campaign_validate (campaign, (const char * const *) new_codes);
  for (guint i = 0; i < problems->len; i++)
    {
      LoyFieldProblem *problem = g_ptr_array_index (problems, i);
      GtkLabel *label = g_hash_table_lookup (self->problem_labels, problem->field);

      if (label == NULL || label_step (self, label) <= step)
        return g_strdup (problem->message);
    }

  return NULL;
}

void
loy_campaign_wizard_validate (LoyCampaignWizard *self)
{
  g_autoptr(LoyCampaign) campaign = build_campaign (self);
  g_auto(GStrv) new_codes = loy_campaign_limits_page_dup_new_codes (self->limits_page);
  g_autoptr(GPtrArray) problems = loy_campaign_validate (campaign, (const char * const *) new_codes);
  g_autoptr(GHashTable) messages = g_hash_table_new (NULL, NULL);
  g_autofree char *step_problem = NULL;
  GHashTableIter iter;
  gpointer label;

  for (guint i = 0; i < problems->len; i++)
    {
      LoyFieldProblem *problem = g_ptr_array_index (problems, i);

      label = g_hash_table_lookup (self->problem_labels, problem->field);
      if (label != NULL && !g_hash_table_contains (messages, label))
        g_hash_table_insert (messages, label, problem->message);
    }

  g_hash_table_iter_init (&iter, self->problem_labels);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    {
      const char *entry_problem = loy_campaign_details_page_get_entry_problem (self->details_page, label);
      const char *message = g_hash_table_lookup (messages, label);
      gboolean shown;

      /* A refused number goes before the rules, which only saw a
       * stand-in; once edited a number entry says it below itself. */
      if (entry_problem != NULL)
        message = label_has_input (self, label) ? NULL : entry_problem;
      shown = message != NULL &&
              (self->attempted[label_step (self, label)] || label_has_input (self, label));

      gtk_label_set_label (label, shown ? message : NULL);
      gtk_widget_set_visible (GTK_WIDGET (label), shown);
    }

  step_problem = dup_step_problem (self, self->step);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), step_problem);
  /* What Next said is missing follows the fields as they are fixed. */
  if (self->attempted[self->step])
    {
      if (step_problem != NULL)
        loy_error_bar_show (self->error_bar, step_problem);
      else
        loy_error_bar_hide (self->error_bar);
    }
}

static void
show_type_fields (LoyCampaignWizard *self)
{
  LoyCampaignFields fields = loy_campaign_type_get_fields (self->campaign_type);

  loy_campaign_details_page_set_campaign_type (self->details_page, self->campaign_type);
  loy_campaign_limits_page_set_campaign_type (self->limits_page, self->campaign_type);
  loy_campaign_schedule_page_set_show_visibility (self->schedule_page,
                                                  fields & LOY_CAMPAIGN_FIELD_VISIBILITY);
  adw_window_title_set_title (self->window_title, loy_campaign_type_get_label (self->campaign_type));
}

static void
update_buttons (LoyCampaignWizard *self)
{
  gboolean busy = loy_task_bar_get_running (self->task_bar);
  g_autofree char *subtitle = NULL;

  /* An edited campaign keeps its type. */
  guint first_step = self->original != NULL ? STEP_BASIC : STEP_TYPE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", self->step > first_step && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->step > first_step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !busy);
  gtk_button_set_label (self->next_button,
                        self->step != STEP_SUMMARY ? _("_Next")
                        : self->original != NULL ? _("_Save") : _("_Create"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !busy);

  subtitle = g_strdup_printf (_("Step %u of %u: %s"), self->step + 1,
                              (guint) G_N_ELEMENTS (steps), _(step_titles[self->step].title));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
show_summary (LoyCampaignWizard *self)
{
  g_autoptr(LoyCampaign) campaign = build_campaign (self);
  g_autofree char *coupons = loy_campaign_limits_page_dup_coupons_summary (self->limits_page);

  loy_campaign_summary_fill (self->summary_list, campaign, loy_campaign_details_page_get_connect_label (self->details_page), coupons,
                             loy_reward_image_page_get_name (self->brand_page),
                             loy_campaign_target_page_get_reach (self->target_page),
                             loy_campaign_schedule_page_get_summary (self->schedule_page));
}

static void
go_to_step (LoyCampaignWizard *self,
            guint              step)
{
  self->step = step;
  if (step == STEP_SUMMARY)
    show_summary (self);

  gtk_stack_set_visible_child_name (self->stack, steps[step]);
  update_buttons (self);
  loy_campaign_wizard_validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEP]);
}

static void
campaign_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoyCampaignWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaign) created = loy_store_create_campaign_finish (LOY_STORE (object), result, &error);

  loy_task_bar_finish (self->task_bar);
  update_buttons (self);
  if (created == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  g_signal_emit (self, signals [CREATED], 0, created);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
campaign_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyCampaignWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaign) saved = loy_store_update_campaign_finish (LOY_STORE (object), result, &error);

  loy_task_bar_finish (self->task_bar);
  update_buttons (self);
  if (saved == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  g_signal_emit (self, signals [SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (LoyCampaignWizard *self)
{
  g_autoptr(JsonObject) changes = loy_campaign_wizard_dup_changes (self);
  g_autoptr(GCancellable) cancellable = NULL;

  if (json_object_get_size (changes) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  cancellable = loy_task_bar_start (self->task_bar, _("Saving the campaign…"));
  update_buttons (self);
  loy_store_update_campaign_async (self->store, loy_campaign_get_uuid (self->original), changes,
                                   cancellable, campaign_saved_cb, g_object_ref (self));
}

static void
loy_campaign_wizard_next_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LoyCampaignWizard *self = LOY_CAMPAIGN_WIZARD (widget);
  g_autofree char *problem = dup_step_problem (self, self->step);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_auto(GStrv) new_codes = NULL;

  if (problem != NULL)
    {
      /* The name it asks for is the default language's. */
      if (self->step == STEP_BASIC && !loy_campaign_basic_page_has_name (self->basic_page))
        loy_campaign_basic_page_show_default_language (self->basic_page);
      self->attempted[self->step] = TRUE;
      loy_campaign_wizard_validate (self);
      return;
    }

  loy_error_bar_hide (self->error_bar);
  if (self->step < STEP_SUMMARY)
    {
      go_to_step (self, self->step + 1);
      return;
    }

  if (self->original != NULL)
    {
      save (self);
      return;
    }

  campaign = build_campaign (self);
  new_codes = loy_campaign_limits_page_dup_new_codes (self->limits_page);
  cancellable = loy_task_bar_start (self->task_bar, _("Creating the campaign…"));
  update_buttons (self);
  loy_store_create_campaign_async (self->store, campaign, (const char * const *) new_codes, cancellable,
                                   campaign_created_cb, g_object_ref (self));
}

static void
loy_campaign_wizard_back_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LoyCampaignWizard *self = LOY_CAMPAIGN_WIZARD (widget);

  loy_error_bar_hide (self->error_bar);
  if (self->step > (self->original != NULL ? STEP_BASIC : STEP_TYPE))
    go_to_step (self, self->step - 1);
}

/* The field groups a change of type clears, as the question names them. */
static const struct {
  LoyCampaignFields field;
  const char *name;
} field_names[] = {
  { LOY_CAMPAIGN_FIELD_COST_IN_POINTS, N_("cost in points") },
  { LOY_CAMPAIGN_FIELD_POINT_VALUE, N_("point value") },
  { LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE, N_("percentage of the purchase") },
  { LOY_CAMPAIGN_FIELD_CONNECT_TYPE, N_("connect type") },
  { LOY_CAMPAIGN_FIELD_DAYS, N_("days before use and days valid") },
  { LOY_CAMPAIGN_FIELD_LIMITS, N_("limits") },
  { LOY_CAMPAIGN_FIELD_COUPONS, N_("coupons") },
  { LOY_CAMPAIGN_FIELD_VISIBILITY, N_("visibility dates") },
};

/* What the pages hold for the current type that @type has no field for. */
static LoyCampaignFields
dup_lost_fields (LoyCampaignWizard *self,
                 LoyCampaignType    type)
{
  g_autoptr(LoyCampaign) campaign = build_campaign (self);
  g_auto(GStrv) new_codes = loy_campaign_limits_page_dup_new_codes (self->limits_page);
  LoyCampaignFields filled = loy_campaign_get_filled_fields (campaign);

  if (new_codes != NULL)
    filled |= LOY_CAMPAIGN_FIELD_COUPONS;

  return filled & loy_campaign_type_get_fields (self->campaign_type) & ~loy_campaign_type_get_fields (type);
}

static void
set_campaign_type (LoyCampaignWizard *self,
                   LoyCampaignType    type,
                   LoyCampaignFields  cleared)
{
  loy_campaign_details_page_clear_fields (self->details_page, cleared);
  if (cleared & (LOY_CAMPAIGN_FIELD_LIMITS | LOY_CAMPAIGN_FIELD_COUPONS))
    {
      g_autoptr(LoyCampaign) blank = loy_campaign_new ();

      loy_campaign_limits_page_load (self->limits_page, blank);
    }
  if (cleared & LOY_CAMPAIGN_FIELD_VISIBILITY)
    {
      g_autoptr(LoyCampaign) campaign = build_campaign (self);

      loy_campaign_clear_fields (campaign, LOY_CAMPAIGN_FIELD_VISIBILITY);
      loy_campaign_schedule_page_load (self->schedule_page, campaign);
    }

  self->campaign_type = type;
  show_type_fields (self);
  loy_campaign_wizard_validate (self);
}

static void
switch_type_response_cb (AdwMessageDialog  *dialog,
                         const char        *response,
                         LoyCampaignWizard *self)
{
  if (g_str_equal (response, "switch"))
    {
      set_campaign_type (self, self->asked_type, dup_lost_fields (self, self->asked_type));
      return;
    }

  /* The card goes back to the type kept. */
  gtk_toggle_button_set_active (self->type_buttons[self->campaign_type], TRUE);
}

static void
type_toggled_cb (GtkToggleButton   *button,
                 LoyCampaignWizard *self)
{
  LoyCampaignType type = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "campaign-type"));
  LoyCampaignFields lost;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *list = NULL;
  g_autofree char *old_type = NULL;
  AdwMessageDialog *dialog;

  if (!gtk_toggle_button_get_active (button) || type == self->campaign_type)
    return;

  lost = dup_lost_fields (self, type);
  if (lost == 0)
    {
      set_campaign_type (self, type, 0);
      return;
    }

  names = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (lost & field_names[i].field)
      g_ptr_array_add (names, (gpointer) _(field_names[i].name));
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **) names->pdata);
  old_type = g_utf8_strdown (loy_campaign_type_get_label (self->campaign_type), -1);
  /* Translators: the campaign type chosen */
  heading = g_strdup_printf (_("Switch to %s?"), loy_campaign_type_get_label (type));
  /* Translators: the type left, then the fields that lose what they hold */
  body = g_strdup_printf (_("The %s details will be cleared: %s."), old_type, list);

  self->asked_type = type;
  dialog = loy_confirm_dialog_new (GTK_WINDOW (self), heading, body, "switch", _("_Switch"),
                                   ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (switch_type_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loy_campaign_wizard_choose_type_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LoyCampaignWizard *self = LOY_CAMPAIGN_WIZARD (widget);
  int type;

  if (!loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, g_variant_get_string (parameter, NULL), &type))
    g_return_if_reached ();

  gtk_toggle_button_set_active (self->type_buttons[type], TRUE);
}

static void
add_type_cards (LoyCampaignWizard *self)
{
  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (loy_campaign_type_get_label (type));
      GtkWidget *line = gtk_label_new (loy_campaign_type_get_description (type));

      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "campaign-type");
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (line, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (line), 30);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), line);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      loy_campaign_type_get_description (type), -1);

      if (type > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->type_buttons[0]);
      g_object_set_data (G_OBJECT (button), "campaign-type", GINT_TO_POINTER (type));
      g_signal_connect (button, "toggled", G_CALLBACK (type_toggled_cb), self);
      self->type_buttons[type] = GTK_TOGGLE_BUTTON (button);
      gtk_flow_box_append (self->type_box, button);
    }

  /* Seed 003: a new campaign starts as a discount code. */
  gtk_toggle_button_set_active (self->type_buttons[LOY_CAMPAIGN_TYPE_DISCOUNT_CODE], TRUE);
}

static gboolean
has_input (LoyCampaignWizard *self)
{
  if (self->original != NULL)
    {
      g_autoptr(JsonObject) changes = loy_campaign_wizard_dup_changes (self);

      return json_object_get_size (changes) > 0;
    }

  return self->step > STEP_BASIC || loy_campaign_basic_page_has_input (self->basic_page);
}

static gboolean
loy_campaign_wizard_close_request (GtkWindow *window)
{
  LoyCampaignWizard *self = LOY_CAMPAIGN_WIZARD (window);

  if (!has_input (self))
    return GTK_WINDOW_CLASS (loy_campaign_wizard_parent_class)->close_request (window);

  gtk_window_present (GTK_WINDOW (loy_discard_dialog_new (window,
                                                          self->original != NULL ? _("Discard Changes?")
                                                                                 : _("Discard Campaign?"),
                                                          _("What you entered is lost."))));

  return TRUE;
}

static void
loy_campaign_wizard_dispose (GObject *object)
{
  LoyCampaignWizard *self = LOY_CAMPAIGN_WIZARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_WIZARD);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_pointer (&self->problem_labels, g_hash_table_unref);

  G_OBJECT_CLASS (loy_campaign_wizard_parent_class)->dispose (object);
}

static void
loy_campaign_wizard_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoyCampaignWizard *self = LOY_CAMPAIGN_WIZARD (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_string (value, loy_campaign_wizard_get_step (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_wizard_class_init (LoyCampaignWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = loy_campaign_wizard_dispose;
  object_class->get_property = loy_campaign_wizard_get_property;
  window_class->close_request = loy_campaign_wizard_close_request;

  properties [PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_CAMPAIGN);
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_CAMPAIGN);

  g_type_ensure (LOY_TYPE_ERROR_BAR);
  g_type_ensure (LOY_TYPE_TASK_BAR);
  g_type_ensure (LOY_TYPE_CAMPAIGN_BASIC_PAGE);
  g_type_ensure (LOY_TYPE_CAMPAIGN_DETAILS_PAGE);
  g_type_ensure (LOY_TYPE_CAMPAIGN_LABELS_PAGE);
  g_type_ensure (LOY_TYPE_REWARD_IMAGE_PAGE);
  g_type_ensure (LOY_TYPE_CAMPAIGN_TARGET_PAGE);
  g_type_ensure (LOY_TYPE_CAMPAIGN_SCHEDULE_PAGE);
  g_type_ensure (LOY_TYPE_CAMPAIGN_LIMITS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-wizard.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCampaignWizard, name)
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (error_bar);
  BIND (stack);
  BIND (type_box);
  BIND (basic_page);
  BIND (details_page);
  BIND (labels_page);
  BIND (brand_page);
  BIND (target_page);
  BIND (schedule_page);
  BIND (limits_page);
  BIND (summary_group);
  BIND (summary_list);
  BIND (task_bar);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, loy_campaign_wizard_validate);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, loy_campaign_wizard_back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, loy_campaign_wizard_next_action);
  gtk_widget_class_install_action (widget_class, "wizard.choose-type", "s",
                                   loy_campaign_wizard_choose_type_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_campaign_wizard_init (LoyCampaignWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rules' field names ("--json" names) and the label below each field. */
  self->problem_labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (self->problem_labels, "name",
                       loy_campaign_basic_page_get_name_problem_label (self->basic_page));
  loy_campaign_details_page_add_problem_labels (self->details_page, self->problem_labels);
  g_hash_table_insert (self->problem_labels, "shared_code",
                       loy_campaign_limits_page_get_codes_label (self->limits_page));
  g_hash_table_insert (self->problem_labels, "codes",
                       loy_campaign_limits_page_get_codes_label (self->limits_page));
  g_hash_table_insert (self->problem_labels, "limit",
                       loy_campaign_limits_page_get_limit_label (self->limits_page));
  g_hash_table_insert (self->problem_labels, "limit_per_contact",
                       loy_campaign_limits_page_get_per_contact_label (self->limits_page));
  g_hash_table_insert (self->problem_labels, "activity",
                       loy_campaign_schedule_page_get_activity_label (self->schedule_page));
  g_hash_table_insert (self->problem_labels, "visibility",
                       loy_campaign_schedule_page_get_visibility_label (self->schedule_page));
  g_hash_table_insert (self->problem_labels, "labels",
                       loy_campaign_labels_page_get_problem_label (self->labels_page));
  g_hash_table_insert (self->problem_labels, "levels",
                       loy_campaign_target_page_get_problem_label (self->target_page));
  g_hash_table_insert (self->problem_labels, "segments",
                       loy_campaign_target_page_get_problem_label (self->target_page));

  loy_reward_image_page_set_texts (self->brand_page, _("Brand Image"),
                                   _("Optional. Shown with the brand’s name in the customer app: a PNG, JPEG or "
                                     "WebP image of at most 5 MB, kept in the program at most 1024 pixels wide "
                                     "or high."));
  add_type_cards (self);
  show_type_fields (self);
  go_to_step (self, STEP_TYPE);
}

LoyCampaignWizard *
loy_campaign_wizard_new (GtkWindow *parent,
                         LoyStore  *store)
{
  LoyCampaignWizard *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);

  self = g_object_new (LOY_TYPE_CAMPAIGN_WIZARD,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->store = g_object_ref (store);
  loy_campaign_target_page_set_store (self->target_page, store);
  loy_campaign_labels_page_set_store (self->labels_page, store);
  loy_reward_image_page_set_store (self->brand_page, store);
  loy_campaign_limits_page_set_store (self->limits_page, store);

  return self;
}

/* The pages show @campaign's fields. */
static void
load_campaign (LoyCampaignWizard *self,
               LoyCampaign       *campaign)
{
  gtk_toggle_button_set_active (self->type_buttons[loy_campaign_get_campaign_type (campaign)], TRUE);
  loy_campaign_basic_page_load (self->basic_page, campaign);
  loy_campaign_details_page_load (self->details_page, campaign);
  loy_campaign_labels_page_load (self->labels_page, campaign);
  loy_reward_image_page_show_uri (self->brand_page, loy_campaign_get_brand_image (campaign));
  loy_campaign_target_page_load (self->target_page, campaign);
  loy_campaign_schedule_page_load (self->schedule_page, campaign);
  loy_campaign_limits_page_load (self->limits_page, campaign);
}

LoyCampaignWizard *
loy_campaign_wizard_open (GtkWindow   *parent,
                          LoyStore    *store,
                          LoyCampaign *campaign)
{
  LoyCampaignWizard *self;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  self = loy_campaign_wizard_new (parent, store);
  self->original = g_object_ref (campaign);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Campaign"));
  adw_preferences_group_set_description (self->summary_group, _("Check the campaign, then save it."));
  load_campaign (self, campaign);
  go_to_step (self, STEP_BASIC);

  return self;
}

JsonObject *
loy_campaign_wizard_dup_changes (LoyCampaignWizard *self)
{
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *changes;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_WIZARD (self), NULL);
  g_return_val_if_fail (self->original != NULL, NULL);

  campaign = build_campaign (self);
  before = loy_campaign_to_json (self->original);
  after = loy_campaign_to_json (campaign);
  changes = json_object_new ();
  json_object_iter_init (&iter, json_node_get_object (after));
  while (json_object_iter_next (&iter, &member, &node))
    {
      JsonNode *old = json_object_get_member (json_node_get_object (before), member);

      if (old == NULL || !json_node_equal (old, node))
        json_object_set_member (changes, member, json_node_copy (node));
    }

  return changes;
}

const char *
loy_campaign_wizard_get_step (LoyCampaignWizard *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_WIZARD (self), NULL);

  return steps[self->step];
}

LoyCampaignType
loy_campaign_wizard_get_campaign_type (LoyCampaignWizard *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_WIZARD (self), 0);

  return self->campaign_type;
}
