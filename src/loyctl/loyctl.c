/* loyctl.c — the command-line companion of Loyalty Desk
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loyctl"

#include "config.h"

#include <errno.h>
#include <inttypes.h>

#include "loy-api-key.h"
#include "loy-i18n.h"
#include "loyctl-private.h"
#include "rest/loy-rest-store.h"

#define API_KEY_VARIABLE "LOYALTY_DESK_API_KEY"
/* Rows fetched per request while paging through a list */
#define PAGE_SIZE 100

enum {
  EXIT_ERROR = 1,
  EXIT_USAGE = 2,
};

/* Each area of the program adds its array here. */
static const LoyctlCommand *command_tables[] = {
  loyctl_demo_commands,
  loyctl_rewards_commands,
  loyctl_campaigns_commands,
  loyctl_vouchers_commands,
  loyctl_codes_commands,
  loyctl_contacts_commands,
  loyctl_points_commands,
  loyctl_report_commands,
  loyctl_export_commands,
  loyctl_account_commands,
};

static LoyctlContext context;
static gboolean show_help;
static gboolean show_version;

static const GOptionEntry global_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &context.db_path,
    N_("Use the local database at PATH (default: the app's own)"), N_("PATH") },
  { "remote", 0, 0, G_OPTION_ARG_STRING, &context.remote_url,
    N_("Use the account at this API base URL; the key comes from "
       "LOYALTY_DESK_API_KEY or the keyring"), N_("URL") },
  { "shop", 0, 0, G_OPTION_ARG_STRING, &context.shop_uuid,
    N_("The shop: what rewards list shows, where a remote account's points are earned and "
       "redeemed (not needed when the account has one)"), N_("UUID") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &context.json,
    N_("Print machine-readable JSON"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &show_version,
    N_("Print the version and exit"), NULL },
  { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help,
    N_("Show help"), NULL },
  { NULL }
};

G_DEFINE_QUARK (loyctl-usage-error-quark, loyctl_usage_error)

const char *
loyctl_get_operator (void)
{
  const char *user = g_getenv ("USER");

  return user != NULL && user[0] != '\0' ? user : g_get_user_name ();
}

gboolean
loyctl_parse_number (const char  *option,
                     const char  *text,
                     gint64       max,
                     gint64      *number,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_ascii_string_to_signed (text, 10, 0, max, number, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    {
      g_autofree char *max_text = g_strdup_printf ("%" PRId64, max);

      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("%s needs a number from 0 to %s, not “%s”"), option, max_text, text);
    }
  else
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("%s needs a whole number, not “%s”"), option, text);
    }

  return FALSE;
}

static char *
get_local_path (LoyctlContext *self)
{
  if (self->db_path != NULL)
    return g_strdup (self->db_path);

  return loy_sqlite_store_get_default_path ();
}

static LoySqliteStore *
open_local (const char  *path,
            GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("%s is a folder, not a database file"), path);
      return NULL;
    }

  /* The store's errors name the file. */
  return loy_sqlite_store_new (path, error);
}

LoySqliteStore *
loyctl_context_create_local (LoyctlContext  *self,
                             GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;

  if (self->remote_url != NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("This command works on a local database only: use --db, not --remote"));
      return NULL;
    }

  path = get_local_path (self);
  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  return open_local (path, error);
}

static LoyStore *
open_remote (const char  *url,
             const char  *shop_uuid,
             GError     **error)
{
  LoyRestStore *store;
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *key = g_strdup (g_getenv (API_KEY_VARIABLE));

  if (key == NULL || key[0] == '\0')
    {
      g_clear_pointer (&key, g_free);
      key = loy_api_key_lookup_sync (url, NULL, &keyring_error);
    }

  if (key == NULL)
    {
      if (keyring_error != NULL)
        g_set_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED,
                     _("No API key for %s: set %s (the keyring is unavailable: %s)"),
                     url, API_KEY_VARIABLE, keyring_error->message);
      else
        g_set_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED,
                     _("No API key for %s: set %s or save the key in Loyalty Desk"),
                     url, API_KEY_VARIABLE);
      return NULL;
    }

  store = loy_rest_store_new (url, key);
  loy_rest_store_set_shop_uuid (store, shop_uuid);

  return LOY_STORE (store);
}

LoyStore *
loyctl_context_get_store (LoyctlContext  *self,
                          GError        **error)
{
  g_autofree char *path = NULL;

  if (self->store != NULL)
    return self->store;

  if (self->remote_url != NULL)
    {
      self->store = open_remote (self->remote_url, self->shop_uuid, error);
      return self->store;
    }

  path = get_local_path (self);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                   _("No database at %s: start a program with “loyctl --db %s init” "
                     "(or “demo” for demo data)"), path, path);
      return NULL;
    }

  self->store = (LoyStore *) open_local (path, error);

  return self->store;
}

LoyPage *
loyctl_query_sync (LoyctlContext  *self,
                   LoyQuery       *query,
                   guint           limit,
                   GError        **error)
{
  g_autoptr(LoyPage) result = loy_page_new (0);
  LoyStore *store;

  if (!(store = loyctl_context_get_store (self, error)))
    return NULL;

  /* The first request is made even for a limit of 0: it brings the total. */
  do
    {
      guint offset = result->items->len;
      g_autoptr(LoyPage) page = NULL;

      page = loy_store_query_sync (store, query, offset, MIN (PAGE_SIZE, limit - offset),
                                   NULL, error);
      if (page == NULL)
        return NULL;

      result->total = page->total;
      for (guint i = 0; i < page->items->len; i++)
        g_ptr_array_add (result->items, g_object_ref (g_ptr_array_index (page->items, i)));

      /* Rows deleted meanwhile can leave the total out of reach. */
      if (page->items->len == 0)
        break;
    }
  while (result->items->len < MIN (limit, result->total));

  return g_steal_pointer (&result);
}

static void
loyctl_context_clear (LoyctlContext *self)
{
  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->remote_url, g_free);
  g_clear_pointer (&self->shop_uuid, g_free);
}

static gboolean
validate_global_options (LoyctlContext  *self,
                         GError        **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (self->remote_url == NULL)
    return TRUE;

  if (self->db_path != NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("--db and --remote cannot be used together"));
      return FALSE;
    }

  uri = g_uri_parse (self->remote_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("--remote needs an http or https URL, not “%s”"), self->remote_url);
      return FALSE;
    }

  return TRUE;
}

static char *
command_words (const LoyctlCommand *command)
{
  if (command->group != NULL)
    return g_strdup_printf ("%s %s", command->group, command->name);

  return g_strdup (command->name);
}

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const LoyctlCommand *command = command_tables[t]; command->name != NULL; command++)
      {
        g_autofree char *words = command_words (command);
        g_autofree char *usage = NULL;

        usage = command->parameters != NULL
              ? g_strdup_printf ("%s %s", words, _(command->parameters))
              : g_steal_pointer (&words);
        g_string_append_printf (text, "\n  %-24s %s", usage, _(command->summary));
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
is_group (const char *word)
{
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const LoyctlCommand *command = command_tables[t]; command->name != NULL; command++)
      if (g_strcmp0 (command->group, word) == 0)
        return TRUE;

  return FALSE;
}

/* Finds the command named by the first one or two words of @args and
 * says how many words it used. */
static const LoyctlCommand *
find_command (char     **args,
              guint     *n_words,
              GError   **error)
{
  g_autoptr(GString) names = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const LoyctlCommand *command = command_tables[t]; command->name != NULL; command++)
      {
        if (command->group == NULL && g_strcmp0 (command->name, args[0]) == 0)
          {
            *n_words = 1;
            return command;
          }

        if (command->group != NULL && args[1] != NULL &&
            g_strcmp0 (command->group, args[0]) == 0 &&
            g_strcmp0 (command->name, args[1]) == 0)
          {
            *n_words = 2;
            return command;
          }
      }

  if (!is_group (args[0]))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0, _("Unknown command “%s”"), args[0]);
      return NULL;
    }

  names = g_string_new (NULL);
  for (guint t = 0; t < G_N_ELEMENTS (command_tables); t++)
    for (const LoyctlCommand *command = command_tables[t]; command->name != NULL; command++)
      if (g_strcmp0 (command->group, args[0]) == 0)
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", command->name);

  if (args[1] == NULL)
    g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                 _("“%s” needs a subcommand: %s"), args[0], names->str);
  else
    g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                 _("Unknown subcommand “%s %s”; try one of: %s"), args[0], args[1], names->str);

  return NULL;
}

static GOptionContext *
create_option_context (const char *parameters,
                       const char *summary)
{
  GOptionContext *option_context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (option_context, FALSE);
  g_option_context_set_summary (option_context, summary);

  return option_context;
}

static void
add_option_group (GOptionContext     *option_context,
                  const char         *name,
                  const char         *title,
                  const GOptionEntry *entries)
{
  GOptionGroup *group = g_option_group_new (name, title, title, NULL, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  g_option_context_add_group (option_context, group);
}

static int
report_error (const char *hint_command,
              GError     *error)
{
  g_strdelimit (error->message, "\r\n", ' ');
  g_printerr ("loyctl: %s\n", error->message);

  if (error->domain == LOYCTL_USAGE_ERROR || error->domain == G_OPTION_ERROR)
    {
      g_autofree char *hint = g_strdup_printf ("loyctl %s%s--help",
                                               hint_command ? hint_command : "",
                                               hint_command ? " " : "");

      /* Translators: %s is a command line such as “loyctl rewards --help” */
      g_printerr (_("Try “%s” for more information.\n"), hint);
      return EXIT_USAGE;
    }

  return EXIT_ERROR;
}

/* "-50" is an argument (points adjust UUID -50), never an option. */
static gboolean
is_negative_number (const char *word)
{
  return word[0] == '-' && g_ascii_isdigit (word[1]) &&
         g_ascii_string_to_signed (word, 10, G_MININT64, 0, NULL, NULL);
}

/* Options are parsed leaving unknown ones in place, so that negative
 * numbers survive as arguments; any other unknown option is an error.
 * What follows "--" is arguments only, and the "--" itself goes. */
static gboolean
check_unknown_options (char    **argv,
                       GError  **error)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        {
          g_free (argv[i]);
          memmove (&argv[i], &argv[i + 1], (g_strv_length (argv + i + 1) + 1) * sizeof (char *));
          return TRUE;
        }

      if (argv[i][0] == '-' && argv[i][1] != '\0' && !is_negative_number (argv[i]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                       _("Unknown option %s"), argv[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* Parses the command's own options from @args (the words after the
 * command) and runs it. */
static int
run_command (const LoyctlCommand  *command,
             char                **args)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = command_words (command);
  g_autofree char *parameters = NULL;
  g_auto(GStrv) argv = NULL;
  guint n_args;

  parameters = command->parameters != NULL
             ? g_strdup_printf ("%s %s", words, _(command->parameters))
             : g_strdup (words);
  option_context = create_option_context (parameters, _(command->summary));
  if (command->entries != NULL)
    add_option_group (option_context, "command", _("Options:"), command->entries);

  /* Listed in the command's help; already parsed from the command line. */
  add_option_group (option_context, "global", _("Global Options:"), global_entries);

  if (show_help)
    {
      g_autofree char *help = g_option_context_get_help (option_context, FALSE, NULL);

      g_print ("%s", help);
      return EXIT_SUCCESS;
    }

  argv = g_strdupv (args);
  g_option_context_set_ignore_unknown_options (option_context, TRUE);
  if (!g_option_context_parse_strv (option_context, &argv, &error) ||
      !check_unknown_options (argv, &error))
    return report_error (words, error);

  n_args = g_strv_length (argv) - 1;
  if (n_args < command->n_args)
    g_set_error (&error, LOYCTL_USAGE_ERROR, 0,
                 _("“%s” needs %s"), words, _(command->parameters));
  else if (n_args > command->n_args)
    g_set_error (&error, LOYCTL_USAGE_ERROR, 0,
                 _("Unexpected argument “%s”"), argv[1 + command->n_args]);

  if (error != NULL || !command->run (&context, argv + 1, &error))
    return report_error (words, error);

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *commands = NULL;
  g_auto(GStrv) args = NULL;
  const LoyctlCommand *command;
  guint n_words;
  int status;

  loy_i18n_init ();
  g_set_prgname ("loyctl");

  /* Global options may appear anywhere; the rest is left for the command. */
  option_context = create_option_context (_("COMMAND [ARGUMENT…]"),
                                          _("Run a loyalty program from the command line."));
  g_option_context_add_main_entries (option_context, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_ignore_unknown_options (option_context, TRUE);
  commands = describe_commands ();
  g_option_context_set_description (option_context, commands);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (option_context, &args, &error) ||
      !validate_global_options (&context, &error))
    return report_error (NULL, error);

  if (show_version)
    {
      g_print ("loyctl %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  command = args[1] != NULL ? find_command (args + 1, &n_words, &error) : NULL;

  if (command == NULL && show_help)
    {
      g_autofree char *help = g_option_context_get_help (option_context, TRUE, NULL);

      g_print ("%s", help);
      return EXIT_SUCCESS;
    }

  if (command == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, LOYCTL_USAGE_ERROR, 0, _("No command given"));
      return report_error (NULL, error);
    }

  /* The command sees the program name followed by its own words. */
  status = run_command (command, args + n_words);

  loyctl_context_clear (&context);

  return status;
}
