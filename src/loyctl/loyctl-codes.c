/* loyctl-codes.c — loyctl codes groups|import|generate|export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

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

/* Ends the progress line, then prints what came of the import or
 * generation: nothing when it failed (@summary is %NULL). */
static gboolean
report_summary (LoyctlContext    *context,
                LoyImportSummary *summary)
{
  loyctl_end_progress ();
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
                                         loyctl_progress_func (), _("Importing…"),
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
                                           loyctl_progress_func (), _("Generating…"),
                                           NULL, error);

  return report_summary (context, summary);
}

static char *export_csv;

static const GOptionEntry export_entries[] = {
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &export_csv,
    N_("Write the codes to FILE as CSV"), N_("FILE") },
  { NULL }
};

static gboolean
codes_export (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);

  export->uuid = g_strdup (args[0]);

  return loyctl_export_csv (context, export, export_csv, error);
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
