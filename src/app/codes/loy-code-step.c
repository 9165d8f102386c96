/* loy-code-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-code-file.h"
#include "loy-code-generator.h"
#include "loy-code-step.h"
#include "loy-code-write.h"
#include "loy-format.h"
#include "loy-number-entry.h"

/* The one step for a thing's codes: the create-reward wizard and the code
 * group window (through the codes page), the reward editor and a campaign's
 * Limits & coupons page. Files are counted in a thread; pasted text a
 * moment after typing stops. Rewards and the group window write the codes
 * into a group source by source (loy-code-write.c); a new campaign takes
 * them all at once, in the transaction that makes its group. */

/* The largest number of codes generated in one go. */
#define MAX_GENERATE 1000000
#define PASTE_DELAY_MS 250
/* A pattern nearly full gives up after this many draws per code wanted
 * rather than spinning. */
#define DRAWS_PER_CODE 20

typedef struct
{
  GFile     *file;
  GtkWidget *row;
  guint64    codes;
  guint64    skipped;
  GStrv      kept;
  gboolean   counted;
} CodeFile;

struct _LoyCodeStep
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *files;
  GCancellable        *cancellable;
  GtkFileChooserNative *chooser;
  guint64              pasted;
  guint                paste_count_id;
  char                *problem;
  gboolean             keeps_codes;

  /* The group the codes are in once there is one, and the group as last read. */
  LoyStore            *store;
  char                *group_uuid;
  LoyCodeGroup        *group;
  GCancellable        *group_cancellable;

  /* Template widgets */
  AdwActionRow        *code_group_row;
  AdwEntryRow         *pattern_row;
  GtkWidget           *count_row;
  LoyNumberEntry      *count_entry;
  AdwExpanderRow      *files_row;
  AdwExpanderRow      *paste_row;
  GtkTextView         *paste_view;
  GtkLabel            *problem_label;
  GtkLabel            *count_label;
};

G_DEFINE_FINAL_TYPE (LoyCodeStep, loy_code_step, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_COUNT,
  PROP_PROBLEM,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  ADD_CODES,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
code_file_free (CodeFile *code_file)
{
  g_clear_object (&code_file->file);
  g_clear_pointer (&code_file->kept, g_strfreev);
  g_free (code_file);
}

/* The pattern to generate from, or NULL when the pattern row is empty. */
static char *
get_pattern (LoyCodeStep *self)
{
  g_autofree char *pattern = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row))));

  return pattern[0] != '\0' ? g_steal_pointer (&pattern) : NULL;
}

static guint
get_generate_count (LoyCodeStep *self)
{
  g_autofree char *pattern = get_pattern (self);
  gint64 count;

  return pattern != NULL && loy_number_entry_get_value (self->count_entry, &count) ? count : 0;
}

static char *
get_pasted_text (LoyCodeStep *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
loy_code_step_update (LoyCodeStep *self)
{
  g_autofree char *pattern = get_pattern (self);
  g_autofree char *count_text = NULL;
  g_autofree char *count_number = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *full_problem = NULL;
  const char *problem = NULL;
  const char *count_problem = NULL;
  gboolean problem_changed;
  gboolean sources = self->group_uuid == NULL;
  guint64 count;
  gint64 n_generate;

  if (pattern != NULL && !loy_number_entry_get_value (self->count_entry, &n_generate))
    {
      /* The field says why itself; elsewhere the problem names it. */
      count_problem = loy_number_entry_get_problem (self->count_entry);
    }
  else if (pattern != NULL)
    {
      g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new (pattern, &error);

      if (generator != NULL)
        loy_code_generator_check_count (generator, n_generate, 0, &error);
      if (error != NULL)
        problem = error->message;
    }

  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->pattern_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_row), "error");
  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), sources && problem != NULL);
  if (problem != NULL)
    full_problem = g_strdup (problem);
  else if (count_problem != NULL)
    /* Translators: why the number of codes to generate is refused */
    full_problem = g_strdup_printf (_("Codes to generate: %s"), count_problem);
  /* A group's codes are added in its window: nothing here to refuse. */
  if (!sources)
    g_clear_pointer (&full_problem, g_free);
  problem_changed = g_strcmp0 (full_problem, self->problem) != 0;
  /* Before counting: codes of an invalid pattern are not to be added. */
  g_free (self->problem);
  self->problem = g_steal_pointer (&full_problem);

  count = loy_code_step_get_count (self);
  count_number = loy_format_count (count);
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s code to add so far",
                                             "%s codes to add so far", count),
                                count_number);
  gtk_label_set_label (self->count_label, count_text);

  gtk_widget_set_visible (GTK_WIDGET (self->code_group_row), !sources);
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_row), sources);
  gtk_widget_set_visible (self->count_row, sources);
  gtk_widget_set_visible (GTK_WIDGET (self->files_row), sources);
  gtk_widget_set_visible (GTK_WIDGET (self->paste_row), sources);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), sources);

  if (problem_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROBLEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNT]);
}

/* Reading the codes of a file or of pasted text. */

typedef struct
{
  guint64      codes;
  guint64      skipped;
  GStrvBuilder *kept;
} Counts;

static void
counts_free (Counts *counts)
{
  g_clear_pointer (&counts->kept, g_strv_builder_unref);
  g_free (counts);
}

static void
count_codes (GInputStream  *input,
             Counts        *counts,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(LoyCodeFile) code_file = loy_code_file_new (input);
  LoyCodeLine line;

  while (loy_code_file_next (code_file, &line, cancellable, error))
    {
      if (line.kind != LOY_CODE_LINE_CODE)
        {
          counts->skipped++;
          continue;
        }
      counts->codes++;
      if (counts->kept != NULL)
        g_strv_builder_add (counts->kept, line.code);
    }
}

/* "12 codes", or "12 codes, 2 lines skipped". */
static char *
describe_counts (guint64 codes,
                 guint64 skipped)
{
  g_autofree char *codes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " code",
                                                              "%'" PRIu64 " codes", codes),
                                                 codes);
  g_autofree char *skipped_text = NULL;

  if (skipped == 0)
    return g_steal_pointer (&codes_text);

  skipped_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " line skipped",
                                               "%'" PRIu64 " lines skipped", skipped),
                                  skipped);
  /* Translators: the codes of a file or of pasted text, then the lines skipped,
   * as in "12 codes, 2 lines skipped" */
  return g_strdup_printf (_("%s, %s"), codes_text, skipped_text);
}

static void
count_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoyCodeStep *self = source_object;
  GFile *file = task_data;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  Counts *counts = g_new0 (Counts, 1);

  /* Set before the thread starts and not changed while it runs. */
  if (self->keeps_codes)
    counts->kept = g_strv_builder_new ();
  input = g_file_read (file, cancellable, &error);
  if (input != NULL)
    count_codes (G_INPUT_STREAM (input), counts, cancellable, &error);

  if (error != NULL)
    {
      counts_free (counts);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, counts, (GDestroyNotify) counts_free);
}

static void
file_counted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LoyCodeStep *self = LOY_CODE_STEP (object);
  CodeFile *code_file = user_data;
  g_autoptr(GError) error = NULL;
  Counts *counts = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      !g_ptr_array_find (self->files, code_file, NULL))
    {
      g_clear_pointer (&counts, counts_free);
      return;
    }

  code_file->counted = TRUE;
  if (counts == NULL)
    {
      subtitle = g_strdup (error->message);
      gtk_widget_add_css_class (code_file->row, "error");
    }
  else
    {
      code_file->codes = counts->codes;
      code_file->skipped = counts->skipped;
      if (counts->kept != NULL)
        code_file->kept = g_strv_builder_end (counts->kept);
      subtitle = describe_counts (counts->codes, counts->skipped);
      counts_free (counts);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (code_file->row), subtitle);
  loy_code_step_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
remove_file_cb (LoyCodeStep *self,
                GtkButton   *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->files->len; i++)
    {
      CodeFile *code_file = g_ptr_array_index (self->files, i);

      if (code_file->row == row)
        {
          adw_expander_row_remove (self->files_row, row);
          g_ptr_array_remove_index (self->files, i);
          break;
        }
    }
  adw_expander_row_set_expanded (self->files_row, self->files->len > 0);

  loy_code_step_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static gboolean
count_pasted_cb (gpointer data)
{
  LoyCodeStep *self = data;
  g_autoptr(GInputStream) input = NULL;
  g_autofree char *subtitle = NULL;
  Counts counts = { 0, 0, NULL };

  self->paste_count_id = 0;

  input = g_memory_input_stream_new_from_data (get_pasted_text (self), -1, g_free);
  /* Text in memory: reading it does not wait on anything. */
  count_codes (input, &counts, NULL, NULL);

  self->pasted = counts.codes;
  if (counts.codes + counts.skipped == 0)
    subtitle = g_strdup (_("One code per line"));
  else
    subtitle = describe_counts (counts.codes, counts.skipped);
  adw_expander_row_set_subtitle (self->paste_row, subtitle);

  loy_code_step_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  return G_SOURCE_REMOVE;
}

static void
paste_changed_cb (LoyCodeStep *self)
{
  gboolean was_busy = loy_code_step_get_busy (self);

  g_clear_handle_id (&self->paste_count_id, g_source_remove);
  self->paste_count_id = g_timeout_add (PASTE_DELAY_MS, count_pasted_cb, self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
chooser_response_cb (LoyCodeStep          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          loy_code_step_add_file (self, file);
        }
    }

  g_clear_object (&self->chooser);
}

static void
loy_code_step_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LoyCodeStep *self = LOY_CODE_STEP (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text and CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/csv");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Codes"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The code group, once there is one */

static void
show_code_group (LoyCodeStep *self)
{
  g_autofree char *available = NULL;
  g_autofree char *total = NULL;
  g_autofree char *subtitle = NULL;
  gint64 n_available;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code-step.add-codes",
                                 self->group != NULL && self->store != NULL &&
                                 loy_store_can (self->store, LOY_STORE_CAN_MANAGE_CODES));
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_group_row), "warning");
  if (self->group == NULL)
    {
      adw_action_row_set_subtitle (self->code_group_row, _("Reading the codes…"));
      return;
    }

  n_available = loy_code_group_get_available (self->group);
  available = loy_format_count (n_available);
  total = loy_format_count (loy_code_group_get_total (self->group));
  if (n_available == 0 && loy_code_group_get_reward_uuid (self->group) != NULL)
    subtitle = g_strdup_printf (_("No codes left of %s: nobody can get the reward until codes are added"),
                                total);
  else if (n_available == 0)
    subtitle = g_strdup_printf (_("No codes left of %s: nobody can get the campaign until codes are added"),
                                total);
  else
    /* Translators: codes not yet given out, then all the group's codes, as in "180 of 200 codes left" */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s code left", "%s of %s codes left",
                                             n_available),
                                available, total);
  adw_action_row_set_subtitle (self->code_group_row, subtitle);
  if (loy_code_group_is_low_on_stock (self->group))
    gtk_widget_add_css_class (GTK_WIDGET (self->code_group_row), "warning");
}

static void
code_group_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoyCodeStep *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_finish (LOY_STORE (object), result, &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CODE_STEP (user_data);
  if (group == NULL)
    {
      /* Translators: why the codes cannot be counted */
      subtitle = g_strdup_printf (_("Not read: %s"), error->message);
      adw_action_row_set_subtitle (self->code_group_row, subtitle);
      return;
    }

  g_set_object (&self->group, LOY_CODE_GROUP (group));
  show_code_group (self);
}

void
loy_code_step_reload (LoyCodeStep *self)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));

  if (self->store == NULL || self->group_uuid == NULL)
    return;

  /* The step is kept alive by nothing but its window: a read outlived by
   * it is cancelled in dispose. */
  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->group_cancellable);
  self->group_cancellable = g_cancellable_new ();
  loy_store_lookup_async (self->store, LOY_KIND_CODE_GROUP, self->group_uuid, self->group_cancellable,
                          code_group_read_cb, self);
}

static void
loy_code_step_add_codes_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LoyCodeStep *self = LOY_CODE_STEP (widget);

  g_return_if_fail (self->group != NULL);

  g_signal_emit (self, signals [ADD_CODES], 0, self->group);
}

static void
loy_code_step_dispose (GObject *object)
{
  LoyCodeStep *self = LOY_CODE_STEP (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->group_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->group_cancellable);
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->paste_count_id, g_source_remove);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CODE_STEP);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->group_uuid, g_free);
  g_clear_object (&self->group);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_code_step_parent_class)->dispose (object);
}

static void
loy_code_step_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LoyCodeStep *self = LOY_CODE_STEP (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint64 (value, loy_code_step_get_count (self));
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, loy_code_step_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_code_step_class_init (LoyCodeStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_code_step_dispose;
  object_class->get_property = loy_code_step_get_property;

  properties [PROP_COUNT] =
    g_param_spec_uint64 ("count", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [ADD_CODES] =
    g_signal_new ("add-codes",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_CODE_GROUP);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/codes/loy-code-step.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCodeStep, name)
  BIND (code_group_row);
  BIND (pattern_row);
  BIND (count_row);
  BIND (count_entry);
  BIND (files_row);
  BIND (paste_row);
  BIND (paste_view);
  BIND (problem_label);
  BIND (count_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, loy_code_step_update);

  gtk_widget_class_install_action (widget_class, "code-step.import", NULL, loy_code_step_import_action);
  gtk_widget_class_install_action (widget_class, "code-step.add-codes", NULL,
                                   loy_code_step_add_codes_action);
}

static void
loy_code_step_init (LoyCodeStep *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) code_file_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->paste_view), "changed",
                           G_CALLBACK (paste_changed_cb), self, G_CONNECT_SWAPPED);
  loy_number_entry_set_range (self->count_entry, 1, MAX_GENERATE);
  loy_number_entry_set_value (self->count_entry, 100);
  count_pasted_cb (self);
  show_code_group (self);
}

void
loy_code_step_set_store (LoyCodeStep *self,
                         LoyStore    *store)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));
  g_return_if_fail (LOY_IS_STORE (store));

  g_set_object (&self->store, store);
  show_code_group (self);
  loy_code_step_reload (self);
}

void
loy_code_step_set_code_group (LoyCodeStep *self,
                              const char  *uuid)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));

  g_free (self->group_uuid);
  self->group_uuid = g_strdup (uuid);
  g_clear_object (&self->group);
  show_code_group (self);
  loy_code_step_update (self);
  loy_code_step_reload (self);
}

void
loy_code_step_set_pattern (LoyCodeStep *self,
                           const char  *pattern)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));

  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), pattern ?: "");
}

void
loy_code_step_set_max_generate (LoyCodeStep *self,
                                guint        max_generate)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));

  loy_number_entry_set_range (self->count_entry, 1, max_generate);
  loy_code_step_update (self);
}

void
loy_code_step_set_keeps_codes (LoyCodeStep *self,
                               gboolean     keeps_codes)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));

  self->keeps_codes = !!keeps_codes;
}

void
loy_code_step_add_file (LoyCodeStep *self,
                        GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  CodeFile *code_file;
  GtkWidget *remove;

  g_return_if_fail (LOY_IS_CODE_STEP (self));
  g_return_if_fail (G_IS_FILE (file));

  code_file = g_new0 (CodeFile, 1);
  code_file->file = g_object_ref (file);
  code_file->row = adw_action_row_new ();
  name = g_file_get_basename (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code_file->row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (code_file->row), _("Counting codes…"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (code_file->row),
                             gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove File"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_file_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (code_file->row), remove);
  adw_expander_row_add_row (self->files_row, code_file->row);
  adw_expander_row_set_expanded (self->files_row, TRUE);
  g_ptr_array_add (self->files, code_file);

  task = g_task_new (self, self->cancellable, file_counted_cb, code_file);
  g_task_set_source_tag (task, loy_code_step_add_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, count_file_thread);

  loy_code_step_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

guint64
loy_code_step_get_count (LoyCodeStep *self)
{
  guint64 count;

  g_return_val_if_fail (LOY_IS_CODE_STEP (self), 0);

  if (self->group_uuid != NULL)
    return 0;

  count = self->pasted + (self->problem == NULL ? get_generate_count (self) : 0);
  for (guint i = 0; i < self->files->len; i++)
    count += ((CodeFile *) g_ptr_array_index (self->files, i))->codes;

  return count;
}

const char *
loy_code_step_get_problem (LoyCodeStep *self)
{
  g_return_val_if_fail (LOY_IS_CODE_STEP (self), NULL);

  return self->problem;
}

gboolean
loy_code_step_get_busy (LoyCodeStep *self)
{
  g_return_val_if_fail (LOY_IS_CODE_STEP (self), FALSE);

  if (self->paste_count_id != 0)
    return TRUE;

  for (guint i = 0; i < self->files->len; i++)
    if (!((CodeFile *) g_ptr_array_index (self->files, i))->counted)
      return TRUE;

  return FALSE;
}

char *
loy_code_step_describe (LoyCodeStep *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (LOY_IS_CODE_STEP (self), NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      CodeFile *code_file = g_ptr_array_index (self->files, i);
      g_autofree char *name = g_file_get_basename (code_file->file);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " code from %s",
                                                 "%'" PRIu64 " codes from %s", code_file->codes),
                              code_file->codes, name);
      g_string_append_c (text, '\n');
    }
  if (self->pasted > 0)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " code pasted",
                                                 "%'" PRIu64 " codes pasted", self->pasted),
                              self->pasted);
      g_string_append_c (text, '\n');
    }

  pattern = get_pattern (self);
  if (pattern != NULL && self->problem == NULL)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u code generated from %s",
                                                 "%'u codes generated from %s", get_generate_count (self)),
                              get_generate_count (self), pattern);
      g_string_append_c (text, '\n');
    }

  if (text->len == 0)
    g_string_append (text, _("None yet"));
  else
    g_string_truncate (text, text->len - 1);

  return g_string_free (text, FALSE);
}

void
loy_code_step_clear (LoyCodeStep *self)
{
  g_return_if_fail (LOY_IS_CODE_STEP (self));

  for (guint i = 0; i < self->files->len; i++)
    adw_expander_row_remove (self->files_row, ((CodeFile *) g_ptr_array_index (self->files, i))->row);
  g_ptr_array_set_size (self->files, 0);
  adw_expander_row_set_expanded (self->files_row, FALSE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->paste_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), "");
  g_clear_handle_id (&self->paste_count_id, g_source_remove);
  count_pasted_cb (self);
}

/* Adds @code to @builder unless @seen has it already. */
static void
add_once (GStrvBuilder *builder,
          GHashTable   *seen,
          const char   *code)
{
  if (g_hash_table_add (seen, g_strdup (code)))
    g_strv_builder_add (builder, code);
}

GStrv
loy_code_step_dup_codes (LoyCodeStep *self)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GInputStream) pasted = NULL;
  g_autoptr(LoyCodeFile) pasted_file = NULL;
  g_autoptr(LoyCodeGenerator) generator = NULL;
  g_autofree char *pattern = NULL;
  guint count;
  guint64 wanted;
  LoyCodeLine line;
  GStrv codes;

  g_return_val_if_fail (LOY_IS_CODE_STEP (self), NULL);
  g_return_val_if_fail (self->keeps_codes, NULL);

  if (self->group_uuid != NULL || self->problem != NULL || loy_code_step_get_busy (self))
    return NULL;

  /* The files', the pasted, then the generated codes; each once. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->files->len; i++)
    {
      CodeFile *code_file = g_ptr_array_index (self->files, i);

      for (guint j = 0; code_file->kept != NULL && code_file->kept[j] != NULL; j++)
        add_once (builder, seen, code_file->kept[j]);
    }

  pasted = g_memory_input_stream_new_from_data (get_pasted_text (self), -1, g_free);
  pasted_file = loy_code_file_new (pasted);
  while (loy_code_file_next (pasted_file, &line, NULL, NULL))
    if (line.kind == LOY_CODE_LINE_CODE)
      add_once (builder, seen, line.code);

  pattern = get_pattern (self);
  count = get_generate_count (self);
  wanted = g_hash_table_size (seen) + count;
  if (count > 0 && (generator = loy_code_generator_new (pattern, NULL)) == NULL)
    return NULL;
  /* A drawn code may be one of the others, or drawn before. */
  for (guint64 draws = 0; g_hash_table_size (seen) < wanted && draws < (guint64) count * DRAWS_PER_CODE; draws++)
    {
      const char *drawn = loy_code_generator_next (generator, NULL);

      if (drawn == NULL)
        return NULL;
      add_once (builder, seen, drawn);
    }
  if (g_hash_table_size (seen) < wanted)
    return NULL;

  codes = g_strv_builder_end (builder);
  if (codes[0] == NULL)
    g_clear_pointer (&codes, g_strfreev);

  return codes;
}

void
loy_code_step_write_async (LoyCodeStep         *self,
                           LoyStore            *store,
                           const char          *group_uuid,
                           LoyProgressFunc      progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autofree char *pasted = NULL;
  g_autofree char *pattern = NULL;

  g_return_if_fail (LOY_IS_CODE_STEP (self));

  for (guint i = 0; i < self->files->len; i++)
    g_ptr_array_add (files, ((CodeFile *) g_ptr_array_index (self->files, i))->file);
  if (self->pasted > 0)
    pasted = get_pasted_text (self);
  if (self->problem == NULL)
    pattern = get_pattern (self);

  loy_code_write_async (store, group_uuid, files, pasted, pattern, get_generate_count (self),
                        progress, progress_data, cancellable, callback, user_data);
}
