/* loy-campaign-limits-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "codes/loy-code-group-window.h"
#include "loy-campaign-limits-page.h"
#include "loy-code-file.h"
#include "loy-code-generator.h"
#include "loy-format.h"
#include "loy-number-entry.h"

/* The codes of the campaign's own are read from a file in a thread and
 * generated when the campaign is created (the store then makes its code group holding them). An edited
 * campaign's group says how many codes are left, and Add Codes… opens the group's window, whose
 * import, paste and generate write to the store at once. */

struct _LoyCampaignLimitsPage
{
  AdwPreferencesPage   parent_instance;

  LoyStore            *store;
  LoyCampaignType      campaign_type;
  /* The campaign being edited has a code group already: its uuid, and the
   * group as last read. */
  gboolean             has_code_group;
  char                *code_group_uuid;
  LoyCodeGroup        *code_group;
  GCancellable        *cancellable;
  /* The codes read from the chosen file, and the reading under way. */
  GStrv                file_codes;
  GCancellable        *import_cancellable;

  /* Template widgets */
  GtkWidget           *no_limits_group;
  GtkWidget           *limit_group;
  GtkWidget           *per_contact_group;
  GtkWidget           *coupons_group;
  GtkSwitch           *limit_unlimited_switch;
  GtkWidget           *limit_row;
  LoyNumberEntry      *limit_entry;
  GtkLabel            *limit_problem;
  GtkSwitch           *per_contact_unlimited_switch;
  GtkWidget           *per_contact_row;
  LoyNumberEntry      *per_contact_entry;
  GtkLabel            *per_contact_problem;
  GtkSwitch           *own_codes_switch;
  AdwEntryRow         *shared_code_row;
  AdwEntryRow         *pattern_row;
  GtkWidget           *count_row;
  LoyNumberEntry      *count_entry;
  GtkWidget           *import_row;
  GtkWidget           *code_group_row;
  GtkLabel            *codes_problem;
};

G_DEFINE_FINAL_TYPE (LoyCampaignLimitsPage, loy_campaign_limits_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void loy_campaign_limits_page_changed (LoyCampaignLimitsPage *self);

static gboolean
is_coupon (LoyCampaignLimitsPage *self)
{
  return loy_campaign_type_get_fields (self->campaign_type) & LOY_CAMPAIGN_FIELD_COUPONS;
}

static gboolean
generates_codes (LoyCampaignLimitsPage *self)
{
  return is_coupon (self) && gtk_switch_get_active (self->own_codes_switch) && !self->has_code_group;
}

void
loy_campaign_limits_page_changed (LoyCampaignLimitsPage *self)
{
  gboolean own = gtk_switch_get_active (self->own_codes_switch);

  gtk_widget_set_visible (self->limit_row, !gtk_switch_get_active (self->limit_unlimited_switch));
  gtk_widget_set_visible (self->per_contact_row,
                          !gtk_switch_get_active (self->per_contact_unlimited_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->shared_code_row), !own);
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_row), own && !self->has_code_group);
  gtk_widget_set_visible (self->count_row, own && !self->has_code_group);
  gtk_widget_set_visible (self->import_row, own && !self->has_code_group);
  gtk_widget_set_visible (self->code_group_row, own && self->has_code_group);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
read_codes_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) input = g_file_read (task_data, cancellable, &error);
  g_autoptr(LoyCodeFile) file = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  LoyCodeLine line;

  if (input == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  file = loy_code_file_new (G_INPUT_STREAM (input));
  while (loy_code_file_next (file, &line, cancellable, &error))
    if (line.kind == LOY_CODE_LINE_CODE)
      g_strv_builder_add (codes, line.code);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_strv_builder_end (codes), (GDestroyNotify) g_strfreev);
}

static void
codes_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoyCampaignLimitsPage *self = LOY_CAMPAIGN_LIMITS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->import_cancellable);
  if (codes == NULL)
    /* Translators: why the chosen file of codes cannot be read */
    subtitle = g_strdup_printf (_("Not read: %s"), error->message);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code from %s", "%u codes from %s",
                                             g_strv_length (codes)),
                                g_strv_length (codes), (char *) g_object_get_data (G_OBJECT (result), "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->import_row), subtitle);
  g_strfreev (self->file_codes);
  self->file_codes = g_steal_pointer (&codes);
  g_signal_emit (self, signals [CHANGED], 0);
}

void
loy_campaign_limits_page_import_file (LoyCampaignLimitsPage *self,
                                      GFile                 *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->import_row), _("Reading the codes…"));
  task = g_task_new (self, self->import_cancellable, codes_read_cb, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "name", g_file_get_basename (file), g_free);
  g_task_run_in_thread (task, read_codes_thread);
  g_signal_emit (self, signals [CHANGED], 0);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
import_response_cb (GtkNativeDialog       *dialog,
                    int                    response,
                    LoyCampaignLimitsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    loy_campaign_limits_page_import_file (self, file);
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Choose a File of Codes"),
                                                              GTK_WINDOW (gtk_widget_get_root (widget)),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN,
                                                              _("_Open"), NULL);

  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* The campaign's own code group */

static void
show_code_group (LoyCampaignLimitsPage *self)
{
  g_autofree char *available = NULL;
  g_autofree char *total = NULL;
  g_autofree char *subtitle = NULL;
  gint64 n_available;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "limits.add-codes",
                                 self->code_group != NULL &&
                                 loy_store_can (self->store, LOY_STORE_CAN_MANAGE_CODES));
  if (self->code_group == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->code_group_row), _("Reading the codes…"));
      return;
    }

  n_available = loy_code_group_get_available (self->code_group);
  available = loy_format_count (n_available);
  total = loy_format_count (loy_code_group_get_total (self->code_group));
  if (n_available == 0)
    subtitle = g_strdup_printf (_("No codes left of %s: nobody can get the campaign until codes are added"),
                                total);
  else
    /* Translators: codes not yet given out, then all the group's codes, as in "180 of 200 codes left" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s code left", "%s of %s codes left",
                                             n_available),
                                available, total);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->code_group_row), subtitle);
  if (loy_code_group_is_low_on_stock (self->code_group))
    gtk_widget_add_css_class (self->code_group_row, "warning");
  else
    gtk_widget_remove_css_class (self->code_group_row, "warning");
}

static void
code_group_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoyCampaignLimitsPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_finish (LOY_STORE (object), result, &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CAMPAIGN_LIMITS_PAGE (user_data);
  if (group == NULL)
    {
      /* Translators: why the campaign's codes cannot be counted */
      subtitle = g_strdup_printf (_("Not read: %s"), error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->code_group_row), subtitle);
      return;
    }

  g_set_object (&self->code_group, LOY_CODE_GROUP (group));
  show_code_group (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
read_code_group (LoyCampaignLimitsPage *self)
{
  if (self->store == NULL || self->code_group_uuid == NULL)
    return;

  /* The page is kept alive by nothing but its window: a read outlived by
   * it is cancelled in dispose. */
  loy_store_lookup_async (self->store, LOY_KIND_CODE_GROUP, self->code_group_uuid, self->cancellable,
                          code_group_read_cb, self);
}

static void
add_codes_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoyCampaignLimitsPage *self = LOY_CAMPAIGN_LIMITS_PAGE (widget);
  LoyCodeGroupWindow *window;

  g_return_if_fail (self->code_group != NULL);

  window = loy_code_group_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                      self->code_group);
  g_signal_connect_object (window, "changed", G_CALLBACK (read_code_group), self, G_CONNECT_SWAPPED);
  loy_code_group_window_show_add_codes (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
loy_campaign_limits_page_dispose (GObject *object)
{
  LoyCampaignLimitsPage *self = LOY_CAMPAIGN_LIMITS_PAGE (object);

  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_LIMITS_PAGE);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->code_group);
  g_clear_pointer (&self->code_group_uuid, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->file_codes, g_strfreev);

  G_OBJECT_CLASS (loy_campaign_limits_page_parent_class)->dispose (object);
}

static void
loy_campaign_limits_page_class_init (LoyCampaignLimitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_limits_page_dispose;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-limits-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCampaignLimitsPage, name)
  BIND (no_limits_group);
  BIND (limit_group);
  BIND (per_contact_group);
  BIND (coupons_group);
  BIND (limit_unlimited_switch);
  BIND (limit_row);
  BIND (limit_entry);
  BIND (limit_problem);
  BIND (per_contact_unlimited_switch);
  BIND (per_contact_row);
  BIND (per_contact_entry);
  BIND (per_contact_problem);
  BIND (own_codes_switch);
  BIND (shared_code_row);
  BIND (pattern_row);
  BIND (count_row);
  BIND (count_entry);
  BIND (import_row);
  BIND (code_group_row);
  BIND (codes_problem);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, loy_campaign_limits_page_changed);
  gtk_widget_class_install_action (widget_class, "limits.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "limits.add-codes", NULL, add_codes_action);
}

static void
loy_campaign_limits_page_init (LoyCampaignLimitsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_number_entry_set_value (self->count_entry, 100);
  loy_campaign_limits_page_changed (self);
}

void
loy_campaign_limits_page_set_store (LoyCampaignLimitsPage *self,
                                    LoyStore              *store)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (LOY_IS_STORE (store));

  g_set_object (&self->store, store);
  read_code_group (self);
}

void
loy_campaign_limits_page_set_campaign_type (LoyCampaignLimitsPage *self,
                                            LoyCampaignType        type)
{
  LoyCampaignFields fields = loy_campaign_type_get_fields (type);

  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));

  self->campaign_type = type;
  gtk_widget_set_visible (self->limit_group, fields & LOY_CAMPAIGN_FIELD_LIMITS);
  gtk_widget_set_visible (self->per_contact_group, fields & LOY_CAMPAIGN_FIELD_LIMITS);
  gtk_widget_set_visible (self->coupons_group, fields & LOY_CAMPAIGN_FIELD_COUPONS);
  gtk_widget_set_visible (self->no_limits_group,
                          !(fields & (LOY_CAMPAIGN_FIELD_LIMITS | LOY_CAMPAIGN_FIELD_COUPONS)));
  loy_campaign_limits_page_changed (self);
}

static void
load_limit (GtkSwitch      *unlimited_switch,
            LoyNumberEntry *entry,
            gint64          limit)
{
  gtk_switch_set_active (unlimited_switch, limit == LOY_UNSET);
  if (limit != LOY_UNSET)
    loy_number_entry_set_value (entry, limit);
}

void
loy_campaign_limits_page_load (LoyCampaignLimitsPage *self,
                               LoyCampaign           *campaign)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  self->has_code_group = loy_campaign_get_code_group_uuid (campaign) != NULL;
  g_free (self->code_group_uuid);
  self->code_group_uuid = g_strdup (loy_campaign_get_code_group_uuid (campaign));
  g_clear_object (&self->code_group);
  show_code_group (self);
  read_code_group (self);
  load_limit (self->limit_unlimited_switch, self->limit_entry, loy_campaign_get_limit (campaign));
  load_limit (self->per_contact_unlimited_switch, self->per_contact_entry,
              loy_campaign_get_limit_per_contact (campaign));
  gtk_switch_set_active (self->own_codes_switch, self->has_code_group);
  gtk_editable_set_text (GTK_EDITABLE (self->shared_code_row), loy_campaign_get_shared_code (campaign) ?: "");
  loy_campaign_limits_page_changed (self);
}

static gint64
limit_value (GtkSwitch      *unlimited_switch,
             LoyNumberEntry *entry)
{
  gint64 value;

  if (gtk_switch_get_active (unlimited_switch))
    return LOY_UNSET;

  /* A refused text keeps Next from going on; 0 lets the rules say so too. */
  return loy_number_entry_get_value (entry, &value) ? value : 0;
}

void
loy_campaign_limits_page_apply (LoyCampaignLimitsPage *self,
                                LoyCampaign           *campaign)
{
  LoyCampaignFields fields;

  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  fields = loy_campaign_type_get_fields (self->campaign_type);
  if (fields & LOY_CAMPAIGN_FIELD_LIMITS)
    {
      loy_campaign_set_limit (campaign, limit_value (self->limit_unlimited_switch, self->limit_entry));
      loy_campaign_set_limit_per_contact (campaign, limit_value (self->per_contact_unlimited_switch,
                                                                 self->per_contact_entry));
    }
  if (fields & LOY_CAMPAIGN_FIELD_COUPONS)
    {
      g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->shared_code_row))));

      /* Blank is "no code yet": the rules then ask for one. */
      if (gtk_switch_get_active (self->own_codes_switch) || code[0] == '\0')
        loy_campaign_set_shared_code (campaign, NULL);
      else
        loy_campaign_set_shared_code (campaign, code);
    }
}

static LoyCodeGenerator *
new_generator (LoyCampaignLimitsPage  *self,
               guint                  *count,
               GError                **error)
{
  g_autofree char *pattern = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row))));
  g_autoptr(LoyCodeGenerator) generator = NULL;
  gint64 value;

  if (!loy_number_entry_get_value (self->count_entry, &value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Codes to generate: %s"), loy_number_entry_get_problem (self->count_entry));
      return NULL;
    }
  generator = loy_code_generator_new (pattern, error);
  if (generator == NULL || !loy_code_generator_check_count (generator, value, 0, error))
    return NULL;

  *count = value;
  return g_steal_pointer (&generator);
}

GStrv
loy_campaign_limits_page_dup_new_codes (LoyCampaignLimitsPage *self)
{
  g_autoptr(LoyCodeGenerator) generator = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv new_codes;
  GHashTableIter iter;
  gpointer code;
  guint count = 0;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  if (!generates_codes (self) || (generator = new_generator (self, &count, NULL)) == NULL)
    return NULL;
  for (guint i = 0; self->file_codes != NULL && self->file_codes[i] != NULL; i++)
    g_strv_builder_add (builder, self->file_codes[i]);

  /* The generator may repeat a code; a pattern nearly full gives up after
   * a bounded number of draws rather than spinning. */
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint64 draws = 0; count > 0 && g_hash_table_size (codes) < count && draws < (guint64) count * 20; draws++)
    {
      const char *drawn = loy_code_generator_next (generator, NULL);

      if (drawn == NULL)
        return NULL;
      g_hash_table_add (codes, g_strdup (drawn));
    }
  if (g_hash_table_size (codes) < count)
    return NULL;

  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_strv_builder_add (builder, code);
  new_codes = g_strv_builder_end (builder);
  if (new_codes[0] == NULL)
    g_clear_pointer (&new_codes, g_strfreev);

  return new_codes;
}

char *
loy_campaign_limits_page_dup_coupons_summary (LoyCampaignLimitsPage *self)
{
  gint64 count;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  if (!gtk_switch_get_active (self->own_codes_switch))
    /* Translators: the campaign's one code for every buyer */
    return g_strdup_printf (_("Shared code %s"), gtk_editable_get_text (GTK_EDITABLE (self->shared_code_row)));
  if (self->has_code_group || !loy_number_entry_get_value (self->count_entry, &count))
    return g_strdup (_("Codes of its own"));

  if (self->file_codes != NULL)
    /* Translators: codes read from a file, then codes generated from a pattern */
    return g_strdup_printf (_("%u from a file, %u generated from %s"), g_strv_length (self->file_codes),
                            (guint) count, gtk_editable_get_text (GTK_EDITABLE (self->pattern_row)));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code generated from %s",
                                       "%u codes generated from %s", count),
                          (guint) count, gtk_editable_get_text (GTK_EDITABLE (self->pattern_row)));
}

char *
loy_campaign_limits_page_dup_problem (LoyCampaignLimitsPage *self)
{
  LoyNumberEntry *entries[] = { self->limit_entry, self->per_contact_entry };
  GtkSwitch *switches[] = { self->limit_unlimited_switch, self->per_contact_unlimited_switch };
  g_autoptr(LoyCodeGenerator) generator = NULL;
  g_autoptr(GError) error = NULL;
  guint count;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const char *problem = loy_number_entry_get_problem (entries[i]);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entries[i]), ADW_TYPE_PREFERENCES_ROW);

      if (problem != NULL && !gtk_switch_get_active (switches[i]) &&
          (loy_campaign_type_get_fields (self->campaign_type) & LOY_CAMPAIGN_FIELD_LIMITS))
        /* Translators: a field's name, then why its text is refused */
        return g_strdup_printf (_("%s: %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), problem);
    }

  if (generates_codes (self) && (generator = new_generator (self, &count, &error)) == NULL)
    return g_strdup (error->message);
  if (generates_codes (self) && self->import_cancellable != NULL)
    return g_strdup (_("Codes from a file: still reading the file"));

  return NULL;
}

GtkLabel *
loy_campaign_limits_page_get_limit_label (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return self->limit_problem;
}

GtkLabel *
loy_campaign_limits_page_get_per_contact_label (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return self->per_contact_problem;
}

GtkLabel *
loy_campaign_limits_page_get_codes_label (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return self->codes_problem;
}
