/* loy-program-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-format.h"
#include "loy-number-entry.h"
#include "loy-program-page.h"

/* The "Program" page of the preferences: how contacts earn points, when the
 * points expire and how levels are reached. It reads the rules from the
 * store, and Save writes them back whole. A store that cannot change them
 * shows them greyed out, with the reason. */

struct _LoyProgramPage
{
  AdwPreferencesPage  parent_instance;

  LoyStore           *store;
  LoyProgram         *program;
  GCancellable       *cancellable;
  GHashTable         *action_entries; /* action name → LoyNumberEntry */
  gboolean            busy;
  gboolean            filling;

  /* Template widgets */
  AdwPreferencesGroup *intro_group;
  GtkSpinner          *spinner;
  GtkWidget           *save_button;
  GtkWidget           *earning_group;
  LoyNumberEntry      *points_per_unit_entry;
  AdwComboRow         *rounding_row;
  LoyNumberEntry      *welcome_entry;
  AdwPreferencesGroup *actions_group;
  GtkWidget           *expiry_group;
  GtkSwitch           *expires_switch;
  LoyNumberEntry      *expiry_entry;
  GtkWidget           *levels_group;
  AdwComboRow         *basis_row;
  GtkWidget           *period_row;
  LoyNumberEntry      *period_entry;
};

G_DEFINE_FINAL_TYPE (LoyProgramPage, loy_program_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The actions every program offers, in the order shown. */
static const struct {
  const char *action;
  const char *title;
} known_actions[] = {
  { "referral", N_("_Referral") },
  { "review", N_("Re_view") },
  { "social_share", N_("Social _share") },
};

/* The purchase of the rounding example, in cents. */
#define EXAMPLE_AMOUNT_CENTS 1250

static gboolean
loy_program_page_can_edit (LoyProgramPage *self)
{
  return self->store != NULL && loy_store_can (self->store, LOY_STORE_CAN_EDIT_PROGRAM);
}

static void
loy_program_page_set_busy (LoyProgramPage *self,
                           gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* A field in use refuses its text; it says why itself. */
static gboolean
loy_program_page_has_problem (LoyProgramPage *self)
{
  GHashTableIter iter;
  gpointer entry;

  if (loy_number_entry_get_problem (self->points_per_unit_entry) != NULL ||
      loy_number_entry_get_problem (self->welcome_entry) != NULL ||
      (gtk_switch_get_active (self->expires_switch) &&
       loy_number_entry_get_problem (self->expiry_entry) != NULL) ||
      (adw_combo_row_get_selected (self->basis_row) == LOY_LEVEL_BASIS_EARNED_IN_PERIOD &&
       loy_number_entry_get_problem (self->period_entry) != NULL))
    return TRUE;

  g_hash_table_iter_init (&iter, self->action_entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    if (loy_number_entry_get_problem (entry) != NULL)
      return TRUE;

  return FALSE;
}

/* What @entry holds; only read while loy_program_page_has_problem() is %FALSE. */
static gint64
get_entry_value (LoyNumberEntry *entry)
{
  gint64 value = 0;

  loy_number_entry_get_value (entry, &value);
  return value;
}

static void
loy_program_page_update_sensitivity (LoyProgramPage *self,
                                     gboolean        dirty)
{
  gboolean editable = loy_program_page_can_edit (self) && self->program != NULL && !self->busy;
  GtkWidget *groups[] = {
    self->earning_group, GTK_WIDGET (self->actions_group), self->expiry_group, self->levels_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], editable);

  gtk_widget_set_visible (self->save_button, loy_program_page_can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "program.save",
                                 editable && dirty && !loy_program_page_has_problem (self));
}

static void
loy_program_page_show_toast (LoyProgramPage *self,
                             const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static LoyRounding
loy_program_page_get_rounding (LoyProgramPage *self)
{
  return (LoyRounding) adw_combo_row_get_selected (self->rounding_row);
}

static void
loy_program_page_update_example (LoyProgramPage *self)
{
  g_autoptr(LoyProgram) example = loy_program_new ();
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 points;
  gint64 points_per_unit;

  if (!loy_number_entry_get_value (self->points_per_unit_entry, &points_per_unit))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rounding_row), NULL);
      return;
    }

  loy_program_set_points_per_unit (example, points_per_unit);
  loy_program_set_rounding (example, loy_program_page_get_rounding (self));
  points = loy_program_points_for_amount (example, EXAMPLE_AMOUNT_CENTS);

  amount = loy_format_money (EXAMPLE_AMOUNT_CENTS);
  /* Translators: an example of the earning rule, "12.50 spent → 12 points" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Example: %s spent → %'" PRId64 " point",
                                       "Example: %s spent → %'" PRId64 " points",
                                       (gulong) points),
                          amount, points);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rounding_row), text);
}

static void
value_changed_cb (LoyProgramPage *self)
{
  gtk_widget_set_visible (self->period_row,
                          adw_combo_row_get_selected (self->basis_row) ==
                          LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  loy_program_page_update_example (self);

  if (!self->filling)
    loy_program_page_update_sensitivity (self, TRUE);
}

static LoyNumberEntry *
loy_program_page_add_action_row (LoyProgramPage *self,
                                 const char     *action,
                                 const char     *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = loy_number_entry_new ();

  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  loy_number_entry_set_range (LOY_NUMBER_ENTRY (entry), 0, 1000000);
  loy_number_entry_set_value (LOY_NUMBER_ENTRY (entry), 0);
  g_signal_connect_object (entry, "changed",
                           G_CALLBACK (value_changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  adw_preferences_group_add (self->actions_group, row);

  g_hash_table_insert (self->action_entries, g_strdup (action), entry);

  return LOY_NUMBER_ENTRY (entry);
}

/* Shows @program's rules; actions the page does not know yet get a row named
 * after them. */
static void
loy_program_page_fill (LoyProgramPage *self,
                       LoyProgram     *program)
{
  g_auto(GStrv) actions = loy_program_dup_actions (program);
  guint expiry = loy_program_get_expiry_months (program);
  GHashTableIter iter;
  gpointer action, entry;

  self->filling = TRUE;

  loy_number_entry_set_value (self->points_per_unit_entry, loy_program_get_points_per_unit (program));
  adw_combo_row_set_selected (self->rounding_row, loy_program_get_rounding (program));
  loy_number_entry_set_value (self->welcome_entry, loy_program_get_welcome_points (program));

  for (guint i = 0; actions[i] != NULL; i++)
    if (!g_hash_table_contains (self->action_entries, actions[i]))
      loy_program_page_add_action_row (self, actions[i], actions[i]);

  g_hash_table_iter_init (&iter, self->action_entries);
  while (g_hash_table_iter_next (&iter, &action, &entry))
    loy_number_entry_set_value (entry, MAX (0, loy_program_get_action_points (program, action)));

  gtk_switch_set_active (self->expires_switch, expiry > 0);
  loy_number_entry_set_value (self->expiry_entry, expiry > 0 ? expiry : 12);

  adw_combo_row_set_selected (self->basis_row, loy_program_get_level_basis (program));
  loy_number_entry_set_value (self->period_entry, loy_program_get_level_period_months (program));

  self->filling = FALSE;
  value_changed_cb (self);
  loy_program_page_update_sensitivity (self, FALSE);
}

/* Applies the fields to @program. */
static void
loy_program_page_apply (LoyProgramPage *self,
                        LoyProgram     *program)
{
  GHashTableIter iter;
  gpointer action, entry;

  g_assert (!loy_program_page_has_problem (self));

  loy_program_set_points_per_unit (program, get_entry_value (self->points_per_unit_entry));
  loy_program_set_rounding (program, loy_program_page_get_rounding (self));
  loy_program_set_welcome_points (program, get_entry_value (self->welcome_entry));

  g_hash_table_iter_init (&iter, self->action_entries);
  while (g_hash_table_iter_next (&iter, &action, &entry))
    loy_program_set_action_points (program, action, get_entry_value (entry));

  loy_program_set_expiry_months (program,
                                 gtk_switch_get_active (self->expires_switch)
                                 ? get_entry_value (self->expiry_entry) : 0);
  loy_program_set_level_basis (program, adw_combo_row_get_selected (self->basis_row));
  if (adw_combo_row_get_selected (self->basis_row) == LOY_LEVEL_BASIS_EARNED_IN_PERIOD)
    loy_program_set_level_period_months (program, get_entry_value (self->period_entry));
}

static void
program_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyProgramPage) self = user_data;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_get_program_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_program_page_set_busy (self, FALSE);

  if (program == NULL)
    {
      adw_preferences_group_set_description (self->intro_group, error->message);
      loy_program_page_update_sensitivity (self, FALSE);
      return;
    }

  g_set_object (&self->program, program);
  loy_program_page_fill (self, program);
}

static void
program_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyProgramPage) self = user_data;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_update_program_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_program_page_set_busy (self, FALSE);

  if (program == NULL)
    {
      loy_program_page_show_toast (self, error->message);
      loy_program_page_update_sensitivity (self, TRUE);
      return;
    }

  g_set_object (&self->program, program);
  loy_program_page_fill (self, program);
  loy_program_page_show_toast (self, _("Program rules saved"));
}

static void
loy_program_page_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LoyProgramPage *self = LOY_PROGRAM_PAGE (widget);

  g_return_if_fail (self->program != NULL);

  loy_program_page_apply (self, self->program);
  loy_program_page_set_busy (self, TRUE);
  loy_program_page_update_sensitivity (self, FALSE);
  loy_store_update_program_async (self->store, self->program, self->cancellable,
                                  program_saved_cb, g_object_ref (self));
}

static void
loy_program_page_dispose (GObject *object)
{
  LoyProgramPage *self = LOY_PROGRAM_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_PROGRAM_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->program);
  g_clear_object (&self->store);
  g_clear_pointer (&self->action_entries, g_hash_table_unref);

  G_OBJECT_CLASS (loy_program_page_parent_class)->dispose (object);
}

static void
loy_program_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoyProgramPage *self = LOY_PROGRAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_program_page_class_init (LoyProgramPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_program_page_dispose;
  object_class->get_property = loy_program_page_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-program-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, intro_group);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, earning_group);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, points_per_unit_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, welcome_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, expiry_group);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, expires_switch);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, expiry_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, basis_row);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, LoyProgramPage, period_entry);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);

  gtk_widget_class_install_action (widget_class, "program.save", NULL,
                                   loy_program_page_save_action);
}

static void
loy_program_page_init (LoyProgramPage *self)
{
  self->action_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (known_actions); i++)
    loy_program_page_add_action_row (self, known_actions[i].action, _(known_actions[i].title));

  value_changed_cb (self);
  loy_program_page_update_sensitivity (self, FALSE);
}

void
loy_program_page_set_store (LoyProgramPage *self,
                            LoyStore       *store)
{
  g_return_if_fail (LOY_IS_PROGRAM_PAGE (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->program);
  loy_program_page_set_busy (self, FALSE);

  if (loy_program_page_can_edit (self))
    adw_preferences_group_set_description (self->intro_group,
                                           _("How contacts earn points, when the points expire "
                                             "and how levels are reached."));
  else
    adw_preferences_group_set_description (self->intro_group,
                                           _("The program’s rules cannot be changed with this "
                                             "data source: they are managed where the data "
                                             "lives."));

  /* Rules kept elsewhere are not read, so no fields stand for them; points
   * that cannot expire there have no expiry to set. */
  gtk_widget_set_visible (self->earning_group, loy_program_page_can_edit (self));
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), loy_program_page_can_edit (self));
  gtk_widget_set_visible (self->levels_group, loy_program_page_can_edit (self));
  gtk_widget_set_visible (self->expiry_group, loy_program_page_can_edit (self) &&
                                              loy_store_can (store, LOY_STORE_CAN_EXPIRE_POINTS));

  if (store != NULL && loy_program_page_can_edit (self))
    {
      self->cancellable = g_cancellable_new ();
      loy_program_page_set_busy (self, TRUE);
      loy_store_get_program_async (store, self->cancellable,
                                   program_loaded_cb, g_object_ref (self));
    }

  loy_program_page_update_sensitivity (self, FALSE);
}

gboolean
loy_program_page_get_busy (LoyProgramPage *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM_PAGE (self), FALSE);

  return self->busy;
}
