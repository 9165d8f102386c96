/* loyctl-export.c — loyctl export KIND --csv FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

gboolean
loyctl_export_csv (LoyctlContext  *context,
                   LoyExport      *export,
                   const char     *path,
                   GError        **error)
{
  g_autoptr(GFile) file = NULL;
  LoyStore *store;
  gint64 n_rows;

  if (path == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give the file to write with --csv FILE"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  file = g_file_new_for_commandline_arg (path);
  n_rows = loy_store_export_to_file_sync (store, export, file, loyctl_progress_func (),
                                          _("Exporting…"), NULL, error);
  loyctl_end_progress ();
  if (n_rows < 0)
    return FALSE;

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "exported", n_rows);
      json_object_set_string_member (object, "file", path);
      json_node_take_object (node, object);
      loyctl_print_envelope (node);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Exported %" PRId64 " row to %s\n",
                          "Exported %" PRId64 " rows to %s\n",
                          n_rows),
             n_rows, path);

  return TRUE;
}

static char *export_csv;
static char *export_group;
static char *export_contact;
static char *export_segment;
static char *export_from;
static char *export_to;

static const GOptionEntry export_entries[] = {
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &export_csv,
    N_("Write to FILE as CSV"), N_("FILE") },
  { "group", 0, 0, G_OPTION_ARG_STRING, &export_group,
    N_("codes: the code group"), N_("UUID") },
  { "contact", 0, 0, G_OPTION_ARG_STRING, &export_contact,
    N_("ledger: one contact's entries only"), N_("UUID") },
  { "segment", 0, 0, G_OPTION_ARG_STRING, &export_segment,
    N_("segment-members: the segment"), N_("UUID") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &export_from,
    N_("ledger: entries from DATE on"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &export_to,
    N_("ledger: entries before DATE"), N_("DATE") },
  { NULL }
};

/* Refuses @option given to a kind it is not for. */
static gboolean
check_option_unused (const char     *value,
                     const char     *option,
                     LoyExportKind   kind,
                     GError        **error)
{
  if (value == NULL)
    return TRUE;

  g_set_error (error, LOYCTL_USAGE_ERROR, 0, _("%s is not an option of “export %s”"),
               option, loy_enum_to_nick (LOY_TYPE_EXPORT_KIND, kind));
  return FALSE;
}

static gboolean
export_run (LoyctlContext  *context,
            char          **args,
            GError        **error)
{
  g_autoptr(LoyExport) export = NULL;
  int kind;

  if (!loy_enum_from_nick (LOY_TYPE_EXPORT_KIND, args[0], &kind))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("Cannot export “%s”: choose rewards, campaigns, contacts, ledger, codes or segment-members"),
                   args[0]);
      return FALSE;
    }

  export = loy_export_new (kind);

  if (kind == LOY_EXPORT_CODES)
    export->uuid = g_strdup (export_group);
  else if (kind == LOY_EXPORT_LEDGER)
    export->uuid = g_strdup (export_contact);
  else if (kind == LOY_EXPORT_SEGMENT_MEMBERS)
    export->uuid = g_strdup (export_segment);

  if ((kind != LOY_EXPORT_CODES && !check_option_unused (export_group, "--group", kind, error)) ||
      (kind != LOY_EXPORT_LEDGER && !check_option_unused (export_contact, "--contact", kind, error)) ||
      (kind != LOY_EXPORT_SEGMENT_MEMBERS && !check_option_unused (export_segment, "--segment", kind, error)) ||
      (kind != LOY_EXPORT_LEDGER && !check_option_unused (export_from, "--from", kind, error)) ||
      (kind != LOY_EXPORT_LEDGER && !check_option_unused (export_to, "--to", kind, error)))
    return FALSE;

  if (kind == LOY_EXPORT_CODES && export_group == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give the code group with --group UUID"));
      return FALSE;
    }
  if (kind == LOY_EXPORT_SEGMENT_MEMBERS && export_segment == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give the segment with --segment UUID"));
      return FALSE;
    }

  if ((export_from != NULL && !loyctl_parse_date ("--from", export_from, &export->from, error)) ||
      (export_to != NULL && !loyctl_parse_date ("--to", export_to, &export->to, error)))
    return FALSE;

  if (export->from != 0 && export->to != 0 && export->to <= export->from)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("--to must come after --from"));
      return FALSE;
    }

  return loyctl_export_csv (context, export, export_csv, error);
}

const LoyctlCommand loyctl_export_commands[] = {
  { NULL, "export", N_("KIND"), 1,
    N_("Write a list to a CSV file: rewards, campaigns, contacts, ledger, codes or segment-members"),
    export_entries, export_run },
  { NULL }
};
