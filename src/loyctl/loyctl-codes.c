/* loyctl-codes.c — loyctl codes groups|import|generate|export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "loy-csv.h"
#include "loyctl-private.h"

/* Skipped lines printed for a person; --json lists every one. */
#define MAX_ERRORS_SHOWN 10

static void
add_code_group_row (LoyctlTable *table,
                    gpointer     item)
{
  LoyCodeGroup *group = item;
  g_autofree char *total = g_strdup_printf ("%" PRId64, loy_code_group_get_total (group));
  g_autofree char *available = g_strdup_printf ("%" PRId64,
                                                loy_code_group_get_available (group));
  g_autofree char *issued = g_strdup_printf ("%" PRId64, loy_code_group_get_issued (group));
  const char *reward_uuid = loy_code_group_get_reward_uuid (group);

  loyctl_table_add_row (table,
                        loy_code_group_get_uuid (group),
                        reward_uuid ? reward_uuid : "",
                        loy_code_group_get_name (group),
                        total, available, issued,
                        NULL);
}

static gboolean
codes_groups (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE_GROUP);
  g_autoptr(LoyctlTable) table = NULL;

  /* Translators: column headers of "loyctl codes groups" */
  table = loyctl_table_new (_("UUID"), _("Reward"), _("Name"), _("Total"),
                            _("Available"), _("Issued"), NULL);

  return loyctl_print_query (context, query, table, add_code_group_row,
                             (LoyctlSerializeFunc) loy_code_group_to_json, error);
}

/* On a terminal, a line that counts up while the work goes on. */
static void
show_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  const char *what = user_data;

  if (total > 0)
    g_printerr ("\r%s %3u%%", what, (guint) (done * 100 / total));
  else
    g_printerr ("\r%s %" PRIu64, what, done);
}

static LoyProgressFunc
progress_func_for_terminal (void)
{
  return isatty (STDERR_FILENO) ? show_progress_cb : NULL;
}

static void
end_progress_line (void)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r\033[K");
}

/* Ends the progress line, then prints what came of the import or
 * generation: nothing when it failed (@summary is %NULL). */
static gboolean
report_summary (LoyctlContext    *context,
                LoyImportSummary *summary)
{
  end_progress_line ();
  if (summary == NULL)
    return FALSE;

  if (context->json)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonObject) object = json_object_new ();
      JsonArray *errors = json_array_new ();

      for (guint i = 0; i < summary->errors->len; i++)
        {
          LoyImportError *skipped = g_ptr_array_index (summary->errors, i);
          JsonObject *item = json_object_new ();

          json_object_set_int_member (item, "line", skipped->line);
          json_object_set_string_member (item, "reason", skipped->reason);
          json_array_add_object_element (errors, item);
        }

      json_object_set_int_member (object, "added", summary->added);
      json_object_set_int_member (object, "duplicates", summary->duplicates);
      json_object_set_int_member (object, "invalid", summary->invalid);
      json_object_set_array_member (object, "errors", errors);
      node = json_node_init_object (json_node_alloc (), object);
      /* The summary is no record of the API: CLI.md gives it bare. */
      loyctl_print_json (node);
      return TRUE;
    }

  g_print (_("Added: %" PRIu64 "\n"), summary->added);
  g_print (_("Duplicates: %" PRIu64 "\n"), summary->duplicates);
  g_print (_("Invalid: %" PRIu64 "\n"), summary->invalid);

  for (guint i = 0; i < MIN (summary->errors->len, MAX_ERRORS_SHOWN); i++)
    {
      LoyImportError *skipped = g_ptr_array_index (summary->errors, i);

      g_print (_("Line %" PRIu64 ": %s\n"), skipped->line, skipped->reason);
    }

  if (summary->errors->len > MAX_ERRORS_SHOWN)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "… and %u more skipped line (--json lists them all)\n",
                          "… and %u more skipped lines (--json lists them all)\n",
                          summary->errors->len - MAX_ERRORS_SHOWN),
             summary->errors->len - MAX_ERRORS_SHOWN);

  return TRUE;
}

static gboolean
codes_import (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[1]);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(LoyImportSummary) summary = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  if (!(input = g_file_read (file, NULL, error)))
    return FALSE;

  summary = loy_store_import_codes_sync (store, args[0], G_INPUT_STREAM (input),
                                         progress_func_for_terminal (), _("Importing…"),
                                         NULL, error);

  return report_summary (context, summary);
}

static char *generate_count;
static char *generate_pattern;

static const GOptionEntry generate_entries[] = {
  { "count", 0, 0, G_OPTION_ARG_STRING, &generate_count,
    N_("How many codes to add"), N_("N") },
  { "pattern", 0, 0, G_OPTION_ARG_STRING, &generate_pattern,
    N_("The codes' shape: # a digit, X a letter, anything else as is (e.g. SPRING-####-XXXX)"),
    N_("PATTERN") },
  { NULL }
};

static gboolean
codes_generate (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(LoyImportSummary) summary = NULL;
  LoyStore *store;
  gint64 count;

  if (generate_count == NULL || generate_pattern == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give both --count and --pattern"));
      return FALSE;
    }

  if (!loyctl_parse_number ("--count", generate_count, G_MAXUINT32, &count, error))
    return FALSE;

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  summary = loy_store_generate_codes_sync (store, args[0], generate_pattern, count,
                                           progress_func_for_terminal (), _("Generating…"),
                                           NULL, error);

  return report_summary (context, summary);
}

static char *export_csv;

static const GOptionEntry export_entries[] = {
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &export_csv,
    N_("Write the codes to FILE as CSV"), N_("FILE") },
  { NULL }
};

static GStrv
code_row (GObject  *item,
          gpointer  user_data)
{
  LoyCode *code = LOY_CODE (item);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  LoyCodeStatus status = loy_code_get_status (code);
  gboolean issued = status != LOY_CODE_STATUS_AVAILABLE;
  g_autofree char *issued_text = issued ? loy_json_format_time (loy_code_get_issued_at (code)) : NULL;

  g_strv_builder_add (row, loy_code_get_code (code));
  g_strv_builder_add (row, loy_enum_to_nick (LOY_TYPE_CODE_STATUS, status));
  g_strv_builder_add (row, issued ? loy_code_get_contact_uuid (code) : "");
  g_strv_builder_add (row, issued_text != NULL ? issued_text : "");

  return g_strv_builder_end (row);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
codes_export (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  static const char * const header[] = { "code", "status", "contact_uuid", "issued_at", NULL };
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GObject) group = NULL;
  LoyStore *store;
  gint64 n_rows;

  if (export_csv == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give the file to write with --csv FILE"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  /* Check the group first, so a wrong UUID leaves no empty file behind. */
  if (!(group = loy_store_lookup_sync (store, LOY_KIND_CODE_GROUP, args[0], NULL, error)))
    return FALSE;

  /* Written beside the file and moved over it when complete. */
  file = g_file_new_for_commandline_arg (export_csv);
  if (!(output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error)))
    return FALSE;

  query->parent_uuid = g_strdup (args[0]);
  loy_csv_export_async (store, query, header, code_row, NULL, G_OUTPUT_STREAM (output),
                        progress_func_for_terminal (), _("Exporting…"),
                        NULL, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  end_progress_line ();

  n_rows = loy_csv_export_finish (result, error);
  if (n_rows < 0)
    {
      /* Closing a cancelled replace throws the partial file away. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (output), NULL, error))
    return FALSE;

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "exported", n_rows);
      json_object_set_string_member (object, "file", export_csv);
      json_node_take_object (node, object);
      loyctl_print_envelope (node);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Exported %" PRId64 " code to %s\n",
                          "Exported %" PRId64 " codes to %s\n",
                          n_rows),
             n_rows, export_csv);

  return TRUE;
}

const LoyctlCommand loyctl_codes_commands[] = {
  { "codes", "groups", NULL, 0, N_("List the code groups with their counts"), NULL, codes_groups },
  { "codes", "import", N_("GROUP_UUID FILE"), 2,
    N_("Add the codes of a file (one per line, or the first column of a CSV file) to a group"),
    NULL, codes_import },
  { "codes", "generate", N_("GROUP_UUID"), 1, N_("Add random codes of a pattern to a group"),
    generate_entries, codes_generate },
  { "codes", "export", N_("GROUP_UUID"), 1, N_("Write a group's codes to a CSV file"),
    export_entries, codes_export },
  { NULL }
};
