/* loy-codes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-code-file.h"
#include "loy-code-generator.h"
#include "loy-codes-page.h"
#include "loy-format.h"
#include "loy-number-entry.h"

/* The ways to add codes to a group: code files, pasted codes and codes
 * generated from a pattern. The page gathers them and adds them in one go;
 * the create-reward wizard and the code group window both use it. */

/* The largest number of codes generated in one go. */
#define MAX_GENERATE 1000000
/* The most skipped lines the result lists; the count says how many more. */
#define RESULT_LINES 200

typedef struct
{
  GFile     *file;
  GtkWidget *row;
  guint64    codes;
  guint64    skipped;
  gboolean   counted;
} CodeFile;

struct _LoyCodesPage
{
  AdwPreferencesPage  parent_instance;

  GPtrArray          *files;
  GCancellable       *cancellable;
  GtkFileChooserNative *chooser;
  guint64             pasted;
  guint               paste_count_id;
  char               *problem;
  gboolean            warn_empty;

  /* Template widgets */
  AdwPreferencesGroup *result_group;
  GtkLabel           *added_label;
  GtkLabel           *duplicates_label;
  GtkLabel           *invalid_label;
  AdwExpanderRow     *skipped_row;
  GtkLabel           *skipped_label;
  AdwPreferencesGroup *intro_group;
  GtkLabel           *count_label;
  GtkLabel           *empty_label;
  AdwPreferencesGroup *files_group;
  GtkListBox         *file_list;
  GtkTextView        *paste_view;
  GtkLabel           *paste_label;
  AdwEntryRow        *pattern_row;
  LoyNumberEntry     *count_entry;
  GtkLabel           *problem_label;
};

G_DEFINE_FINAL_TYPE (LoyCodesPage, loy_codes_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_COUNT,
  PROP_PROBLEM,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
code_file_free (CodeFile *code_file)
{
  g_clear_object (&code_file->file);
  g_free (code_file);
}

/* The pattern to generate from, or NULL when the pattern row is empty. */
static char *
get_pattern (LoyCodesPage *self)
{
  g_autofree char *pattern = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row))));

  return pattern[0] != '\0' ? g_steal_pointer (&pattern) : NULL;
}

static guint
get_generate_count (LoyCodesPage *self)
{
  g_autofree char *pattern = get_pattern (self);
  gint64 count;

  return pattern != NULL && loy_number_entry_get_value (self->count_entry, &count) ? count : 0;
}

static void
loy_codes_page_update (LoyCodesPage *self)
{
  g_autofree char *pattern = get_pattern (self);
  g_autofree char *count_text = NULL;
  g_autofree char *count_number = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem = NULL;
  const char *count_problem = NULL;
  gboolean problem_changed;
  guint64 count;
  gint64 n_generate;

  if (pattern != NULL && !loy_number_entry_get_value (self->count_entry, &n_generate))
    {
      /* The field says why itself. */
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
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  problem = problem ?: count_problem;
  problem_changed = g_strcmp0 (problem, self->problem) != 0;
  /* Before counting: codes of an invalid pattern are not to be added. */
  g_free (self->problem);
  self->problem = g_strdup (problem);

  count = loy_codes_page_get_count (self);
  count_number = loy_format_count (count);
  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s code to add so far",
                                             "%s codes to add so far", count),
                                count_number);
  gtk_label_set_label (self->count_label, count_text);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->warn_empty && count == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->file_list), self->files->len > 0);

  if (problem_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROBLEM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COUNT]);
}

/* Counting the codes of a file, off the main thread. */

typedef struct
{
  guint64 codes;
  guint64 skipped;
} Counts;

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
      if (line.kind == LOY_CODE_LINE_CODE)
        counts->codes++;
      else
        counts->skipped++;
    }
}

/* "12 codes", or "12 codes, 2 lines skipped". */
static char *
describe_counts (const Counts *counts)
{
  g_autofree char *codes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " code",
                                                         "%'" PRIu64 " codes", counts->codes),
                                            counts->codes);
  g_autofree char *skipped = NULL;

  if (counts->skipped == 0)
    return g_steal_pointer (&codes);

  skipped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " line skipped",
                                          "%'" PRIu64 " lines skipped", counts->skipped),
                             counts->skipped);
  /* Translators: the codes of a file or of pasted text, then the lines skipped,
   * as in "12 codes, 2 lines skipped" */
  return g_strdup_printf (_("%s, %s"), codes, skipped);
}

static void
count_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  Counts *counts = g_new0 (Counts, 1);

  input = g_file_read (file, cancellable, &error);
  if (input != NULL)
    count_codes (G_INPUT_STREAM (input), counts, cancellable, &error);

  if (error != NULL)
    {
      g_free (counts);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, counts, g_free);
}

static void
file_counted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LoyCodesPage *self = LOY_CODES_PAGE (object);
  CodeFile *code_file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree Counts *counts = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      !g_ptr_array_find (self->files, code_file, NULL))
    return;

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
      subtitle = describe_counts (counts);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (code_file->row), subtitle);
  loy_codes_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
remove_file_cb (LoyCodesPage *self,
                GtkButton    *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->files->len; i++)
    {
      CodeFile *code_file = g_ptr_array_index (self->files, i);

      if (code_file->row == row)
        {
          gtk_list_box_remove (self->file_list, row);
          g_ptr_array_remove_index (self->files, i);
          break;
        }
    }

  loy_codes_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static gboolean
count_pasted_cb (gpointer data)
{
  LoyCodesPage *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autofree char *label = NULL;
  Counts counts = { 0, 0 };

  self->paste_count_id = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  input = g_memory_input_stream_new_from_data (g_steal_pointer (&text), -1, g_free);
  /* Text in memory: reading it does not wait on anything. */
  count_codes (input, &counts, NULL, NULL);

  self->pasted = counts.codes;
  label = describe_counts (&counts);
  gtk_label_set_label (self->paste_label, label);

  loy_codes_page_update (self);

  return G_SOURCE_REMOVE;
}

static void
paste_changed_cb (LoyCodesPage *self)
{
  g_clear_handle_id (&self->paste_count_id, g_source_remove);
  self->paste_count_id = g_timeout_add (250, count_pasted_cb, self);
}

static void
chooser_response_cb (LoyCodesPage         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          loy_codes_page_add_file (self, file);
        }
    }

  g_clear_object (&self->chooser);
}

static void
loy_codes_page_import_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LoyCodesPage *self = LOY_CODES_PAGE (widget);
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

static void
loy_codes_page_dispose (GObject *object)
{
  LoyCodesPage *self = LOY_CODES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->paste_count_id, g_source_remove);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CODES_PAGE);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (loy_codes_page_parent_class)->dispose (object);
}

static void
loy_codes_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LoyCodesPage *self = LOY_CODES_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint64 (value, loy_codes_page_get_count (self));
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, loy_codes_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_codes_page_class_init (LoyCodesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_codes_page_dispose;
  object_class->get_property = loy_codes_page_get_property;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/codes/loy-codes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, added_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, invalid_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, skipped_row);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, intro_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, files_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, file_list);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, paste_view);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, paste_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, count_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_codes_page_update);

  gtk_widget_class_install_action (widget_class, "codes.import", NULL, loy_codes_page_import_action);
}

static void
loy_codes_page_init (LoyCodesPage *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) code_file_free);
  self->cancellable = g_cancellable_new ();

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->paste_view), "changed",
                           G_CALLBACK (paste_changed_cb), self, G_CONNECT_SWAPPED);
  loy_number_entry_set_range (self->count_entry, 1, MAX_GENERATE);
  loy_number_entry_set_value (self->count_entry, 100);
  loy_codes_page_update (self);
}

void
loy_codes_page_set_intro (LoyCodesPage *self,
                          const char   *intro)
{
  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  adw_preferences_group_set_description (self->intro_group, intro);
}

void
loy_codes_page_set_warn_empty (LoyCodesPage *self,
                               gboolean      warn_empty)
{
  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  self->warn_empty = !!warn_empty;
  loy_codes_page_update (self);
}

void
loy_codes_page_add_file (LoyCodesPage *self,
                         GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  CodeFile *code_file;
  GtkWidget *remove;

  g_return_if_fail (LOY_IS_CODES_PAGE (self));
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
  gtk_list_box_append (self->file_list, code_file->row);
  g_ptr_array_add (self->files, code_file);

  task = g_task_new (self, self->cancellable, file_counted_cb, code_file);
  g_task_set_source_tag (task, loy_codes_page_add_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, count_file_thread);

  loy_codes_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

guint64
loy_codes_page_get_count (LoyCodesPage *self)
{
  guint64 count;

  g_return_val_if_fail (LOY_IS_CODES_PAGE (self), 0);

  count = self->pasted + (self->problem == NULL ? get_generate_count (self) : 0);
  for (guint i = 0; i < self->files->len; i++)
    count += ((CodeFile *) g_ptr_array_index (self->files, i))->codes;

  return count;
}

const char *
loy_codes_page_get_problem (LoyCodesPage *self)
{
  g_return_val_if_fail (LOY_IS_CODES_PAGE (self), NULL);

  return self->problem;
}

gboolean
loy_codes_page_get_busy (LoyCodesPage *self)
{
  g_return_val_if_fail (LOY_IS_CODES_PAGE (self), FALSE);

  if (self->paste_count_id != 0)
    return TRUE;

  for (guint i = 0; i < self->files->len; i++)
    if (!((CodeFile *) g_ptr_array_index (self->files, i))->counted)
      return TRUE;

  return FALSE;
}

char *
loy_codes_page_describe (LoyCodesPage *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *pattern = NULL;

  g_return_val_if_fail (LOY_IS_CODES_PAGE (self), NULL);

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
loy_codes_page_clear (LoyCodesPage *self)
{
  GtkWidget *child;

  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->file_list))) != NULL)
    gtk_list_box_remove (self->file_list, child);
  g_ptr_array_set_size (self->files, 0);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->paste_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), "");
  count_pasted_cb (self);
  g_clear_handle_id (&self->paste_count_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* Writing: each source in turn, adding up what the store reports. */

typedef enum
{
  STEP_FILE,
  STEP_PASTE,
  STEP_GENERATE,
} StepKind;

typedef struct
{
  StepKind  kind;
  GFile    *file;
  char     *text;
  guint     count;
} Step;

typedef struct
{
  LoyStore         *store;
  char             *group_uuid;
  GArray           *steps;
  guint             next;
  LoyImportSummary *summary;
  LoyProgressFunc   progress;
  gpointer          progress_data;
  guint64           done_before;
  guint64           done;
} Write;

static void
step_clear (Step *step)
{
  g_clear_object (&step->file);
  g_clear_pointer (&step->text, g_free);
}

static void
write_free (Write *write)
{
  g_clear_object (&write->store);
  g_free (write->group_uuid);
  g_array_unref (write->steps);
  g_clear_pointer (&write->summary, loy_import_summary_free);
  g_free (write);
}

static void write_next_step (GTask *task);

static void
write_progress_cb (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  Write *write = user_data;

  write->done = done;
  if (write->progress != NULL)
    write->progress (write->done_before + done, total > 0 ? write->done_before + total : 0,
                     write->progress_data);
}

static void
step_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Write *write = g_task_get_task_data (task);
  Step *step = &g_array_index (write->steps, Step, write->next - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = NULL;

  if (step->kind == STEP_GENERATE)
    summary = loy_store_generate_codes_finish (LOY_STORE (object), result, &error);
  else
    summary = loy_store_import_codes_finish (LOY_STORE (object), result, &error);

  if (summary == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  write->summary->added += summary->added;
  write->summary->duplicates += summary->duplicates;
  write->summary->invalid += summary->invalid;
  for (guint i = 0; summary->errors != NULL && i < summary->errors->len; i++)
    {
      LoyImportError *line = g_ptr_array_index (summary->errors, i);

      loy_import_summary_add_error (write->summary, line->line, line->reason);
    }

  write->done_before += write->done;
  write->done = 0;
  write_next_step (g_steal_pointer (&task));
}

static void
file_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Write *write = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) input = g_file_read_finish (G_FILE (object), result, &error);

  if (input == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  loy_store_import_codes_async (write->store, write->group_uuid, G_INPUT_STREAM (input),
                                write_progress_cb, write, g_task_get_cancellable (task),
                                step_written_cb, g_object_ref (task));
}

static void
write_next_step (GTask *task)
{
  Write *write = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Step *step;

  if (write->next == write->steps->len)
    {
      g_task_return_pointer (task, g_steal_pointer (&write->summary),
                             (GDestroyNotify) loy_import_summary_free);
      g_object_unref (task);
      return;
    }

  step = &g_array_index (write->steps, Step, write->next++);
  switch (step->kind)
    {
    case STEP_FILE:
      g_file_read_async (step->file, G_PRIORITY_DEFAULT, cancellable, file_opened_cb, task);
      break;

    case STEP_PASTE:
      {
        g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_strdup (step->text),
                                                                             -1, g_free);

        loy_store_import_codes_async (write->store, write->group_uuid, input,
                                      write_progress_cb, write, cancellable,
                                      step_written_cb, task);
      }
      break;

    case STEP_GENERATE:
      {
        g_autofree char *pattern = g_strdup (step->text);

        loy_store_generate_codes_async (write->store, write->group_uuid, pattern, step->count,
                                        write_progress_cb, write, cancellable,
                                        step_written_cb, task);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
loy_codes_page_write_async (LoyCodesPage        *self,
                            LoyStore            *store,
                            const char          *group_uuid,
                            LoyProgressFunc      progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *pattern = NULL;
  Write *write;

  g_return_if_fail (LOY_IS_CODES_PAGE (self));
  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (group_uuid != NULL);

  write = g_new0 (Write, 1);
  write->store = g_object_ref (store);
  write->group_uuid = g_strdup (group_uuid);
  write->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (write->steps, (GDestroyNotify) step_clear);
  write->summary = loy_import_summary_new ();
  write->progress = progress;
  write->progress_data = progress_data;

  for (guint i = 0; i < self->files->len; i++)
    {
      Step step = { STEP_FILE, g_object_ref (((CodeFile *) g_ptr_array_index (self->files, i))->file) };

      g_array_append_val (write->steps, step);
    }

  buffer = gtk_text_view_get_buffer (self->paste_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (self->pasted > 0)
    {
      Step step = { STEP_PASTE, NULL, gtk_text_buffer_get_text (buffer, &start, &end, FALSE) };

      g_array_append_val (write->steps, step);
    }

  pattern = get_pattern (self);
  if (pattern != NULL && self->problem == NULL)
    {
      Step step = { STEP_GENERATE, NULL, g_steal_pointer (&pattern), get_generate_count (self) };

      g_array_append_val (write->steps, step);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_codes_page_write_async);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);

  write_next_step (g_steal_pointer (&task));
}

LoyImportSummary *
loy_codes_page_write_finish (LoyCodesPage  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (LOY_IS_CODES_PAGE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The skipped lines, "Line 3: Already in this group", one a line, at most @max_lines. */
static char *
describe_skipped_lines (const LoyImportSummary *summary,
                        guint                   max_lines)
{
  GString *text = g_string_new (NULL);
  guint n_errors = summary->errors != NULL ? summary->errors->len : 0;

  for (guint i = 0; i < MIN (n_errors, max_lines); i++)
    {
      LoyImportError *line = g_ptr_array_index (summary->errors, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Line %'" PRIu64 ": %s"), line->line, line->reason);
    }
  if (n_errors > max_lines)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more skipped line",
                                                 "and %u more skipped lines", n_errors - max_lines),
                              n_errors - max_lines);
    }

  return g_string_free (text, FALSE);
}

char *
loy_codes_page_describe_summary (const LoyImportSummary *summary,
                                 guint                   max_lines)
{
  g_autofree char *added = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *invalid = NULL;
  g_autofree char *lines = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " code added",
                                        "%'" PRIu64 " codes added", summary->added),
                           summary->added);
  duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " duplicate skipped",
                                             "%'" PRIu64 " duplicates skipped", summary->duplicates),
                                summary->duplicates);
  invalid = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " invalid line skipped",
                                          "%'" PRIu64 " invalid lines skipped", summary->invalid),
                             summary->invalid);
  lines = describe_skipped_lines (summary, max_lines);

  /* Translators: what an import did, as in "3 codes added, 1 duplicate skipped,
   * 1 invalid line skipped", then the skipped lines, one a line */
  return g_strdup_printf (lines[0] != '\0' ? _("%s, %s, %s\n%s") : _("%s, %s, %s"),
                          added, duplicates, invalid, lines);
}

void
loy_codes_page_show_result (LoyCodesPage           *self,
                            const LoyImportSummary *summary)
{
  g_autofree char *added = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *invalid = NULL;
  g_autofree char *lines = NULL;
  guint n_errors;

  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  if (summary == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
      return;
    }

  added = loy_format_count (summary->added);
  duplicates = loy_format_count (summary->duplicates);
  invalid = loy_format_count (summary->invalid);
  gtk_label_set_label (self->added_label, added);
  gtk_label_set_label (self->duplicates_label, duplicates);
  gtk_label_set_label (self->invalid_label, invalid);

  n_errors = summary->errors != NULL ? summary->errors->len : 0;
  lines = describe_skipped_lines (summary, RESULT_LINES);
  gtk_label_set_label (self->skipped_label, lines);
  adw_expander_row_set_expanded (self->skipped_row, n_errors > 0 && n_errors <= 10);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_row), n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}
