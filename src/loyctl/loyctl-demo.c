/* loyctl-demo.c — loyctl init and loyctl demo: a new program, empty or with demo data
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

static char *demo_contacts;
static char *demo_rewards;
static char *demo_codes;
static char *demo_seed;

static const GOptionEntry demo_entries[] = {
  { "contacts", 0, 0, G_OPTION_ARG_STRING, &demo_contacts,
    N_("Contacts to create (default 250)"), N_("N") },
  { "rewards", 0, 0, G_OPTION_ARG_STRING, &demo_rewards,
    N_("Rewards to create besides the examples (default 12)"), N_("N") },
  { "codes", 0, 0, G_OPTION_ARG_STRING, &demo_codes,
    N_("Codes per digital reward (default 40)"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_STRING, &demo_seed,
    N_("Random seed: the same seed gives the same data (default 1)"), N_("S") },
  { NULL }
};

static gboolean
parse_count (const char  *option,
             const char  *text,
             guint       *count,
             GError     **error)
{
  gint64 number;

  if (text == NULL)
    return TRUE;

  if (!loyctl_parse_number (option, text, G_MAXUINT32, &number, error))
    return FALSE;

  *count = number;
  return TRUE;
}

static gboolean
demo_run (LoyctlContext  *context,
          char          **args,
          GError        **error)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(LoySqliteStore) store = NULL;
  g_autoptr(GTimer) timer = NULL;
  gint64 seed = options.seed;
  double seconds;

  if (!parse_count ("--contacts", demo_contacts, &options.n_contacts, error) ||
      !parse_count ("--rewards", demo_rewards, &options.n_rewards, error) ||
      !parse_count ("--codes", demo_codes, &options.n_codes, error))
    return FALSE;

  if (demo_seed != NULL &&
      !loyctl_parse_number ("--seed", demo_seed, G_MAXUINT32, &seed, error))
    return FALSE;
  options.seed = seed;

  if (!(store = loyctl_context_create_local (context, error)))
    return FALSE;

  if (!loy_sqlite_store_is_empty (store))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("%s already holds data; demo data goes into a new or empty database only"),
                   loy_sqlite_store_get_path (store));
      return FALSE;
    }

  timer = g_timer_new ();
  if (!loy_sqlite_store_populate_demo (store, &options, NULL, error))
    return FALSE;
  seconds = g_timer_elapsed (timer, NULL);

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "path", loy_sqlite_store_get_path (store));
      json_object_set_int_member (object, "contacts", options.n_contacts);
      json_object_set_int_member (object, "rewards", options.n_rewards);
      json_object_set_int_member (object, "codes", options.n_codes);
      json_object_set_int_member (object, "seed", options.seed);
      json_object_set_double_member (object, "seconds", seconds);
      json_node_take_object (node, object);
      loyctl_print_envelope (node);
    }
  else
    {
      g_autofree char *seed_text = g_strdup_printf ("%" PRIu64, options.seed);

      /* Translators: the first %s is a file name, the last %s the random seed */
      g_print (_("Created %s with %u contacts, %u rewards besides the examples "
                 "and %u codes per digital reward (seed %s) in %.2f s\n"),
               loy_sqlite_store_get_path (store),
               options.n_contacts, options.n_rewards, options.n_codes,
               seed_text, seconds);
    }

  return TRUE;
}

static gboolean
init_run (LoyctlContext  *context,
          char          **args,
          GError        **error)
{
  g_autoptr(LoySqliteStore) store = NULL;

  if (!(store = loyctl_context_create_local (context, error)))
    return FALSE;

  if (loy_sqlite_store_has_program (store))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("%s already holds a program; a new one goes into a new or empty database"),
                   loy_sqlite_store_get_path (store));
      return FALSE;
    }

  if (!loy_sqlite_store_start_program (store, error))
    return FALSE;

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "path", loy_sqlite_store_get_path (store));
      json_node_take_object (node, object);
      loyctl_print_envelope (node);
    }
  else
    g_print (_("Started an empty program in %s\n"), loy_sqlite_store_get_path (store));

  return TRUE;
}

const LoyctlCommand loyctl_demo_commands[] = {
  { NULL, "init", NULL, 0, N_("Start a new, empty program in a new database"), NULL, init_run },
  { NULL, "demo", NULL, 0, N_("Fill a new database with demo data"), demo_entries, demo_run },
  { NULL }
};
