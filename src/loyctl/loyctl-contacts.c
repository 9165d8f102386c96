/* loyctl-contacts.c — loyctl contacts list|search|show|enroll|ledger
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loyctl"

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

#define DEFAULT_LIMIT 50

static char *list_limit;
static char *list_level;
static char *list_segment;

static const GOptionEntry list_entries[] = {
  { "limit", 0, 0, G_OPTION_ARG_STRING, &list_limit,
    N_("Show at most N contacts (default 50)"), N_("N") },
  { "level", 0, 0, G_OPTION_ARG_STRING, &list_level,
    N_("Only members of this level"), N_("UUID") },
  { "segment", 0, 0, G_OPTION_ARG_STRING, &list_segment,
    N_("Only members of this segment"), N_("UUID") },
  { NULL }
};

static const GOptionEntry search_entries[] = {
  { "limit", 0, 0, G_OPTION_ARG_STRING, &list_limit,
    N_("Show at most N contacts (default 50)"), N_("N") },
  { NULL }
};

static void
add_contact_row (LoyctlTable *table,
                 gpointer     item)
{
  LoyContact *contact = item;
  g_autofree char *balance = g_strdup_printf ("%" PRId64, loy_contact_get_balance (contact));
  const char *email = loy_contact_get_email (contact);
  const char *level = loy_contact_get_level_name (contact);

  loyctl_table_add_row (table,
                        loy_contact_get_uuid (contact),
                        loy_contact_get_display_name (contact),
                        email ? email : "",
                        balance,
                        level ? level : "",
                        NULL);
}

/* Prints the first --limit contacts of @query, with a count below the
 * table. */
static gboolean
print_contacts (LoyctlContext  *context,
                LoyQuery       *query,
                GError        **error)
{
  g_autoptr(LoyctlTable) table = NULL;
  g_autoptr(LoyPage) page = NULL;
  gint64 limit = DEFAULT_LIMIT;

  if (list_limit != NULL && !loyctl_parse_number ("--limit", list_limit, G_MAXINT32, &limit, error))
    return FALSE;

  if (!(page = loyctl_query_sync (context, query, limit, error)))
    return FALSE;

  /* Translators: column headers of "loyctl contacts list" */
  table = loyctl_table_new (_("UUID"), _("Name"), _("Email"), _("Balance"), _("Level"), NULL);
  loyctl_print_items (context, page->items, table, add_contact_row,
                      (LoyctlSerializeFunc) loy_contact_to_json);

  if (!context->json)
    {
      /* Translators: below a list, e.g. "50 of 200000 contacts" */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u contact\n", "%u of %u contacts\n",
                            page->total),
               page->items->len, page->total);
    }

  return TRUE;
}

static gboolean
contacts_list (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);

  query->level_uuid = g_strdup (list_level);
  query->segment_uuid = g_strdup (list_segment);

  return print_contacts (context, query, error);
}

static gboolean
contacts_search (LoyctlContext  *context,
                 char          **args,
                 GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);

  query->search = g_strdup (args[0]);

  return print_contacts (context, query, error);
}

static gboolean
contacts_show (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(GObject) contact = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(contact = loy_store_lookup_sync (store, LOY_KIND_CONTACT, args[0], NULL, error)))
    return FALSE;

  node = loy_contact_to_json (LOY_CONTACT (contact));
  loyctl_print_item (context, node);

  return TRUE;
}

static char *enroll_email;
static char *enroll_first_name;
static char *enroll_last_name;

static const GOptionEntry enroll_entries[] = {
  { "email", 0, 0, G_OPTION_ARG_STRING, &enroll_email,
    N_("The new member's email address (required)"), N_("EMAIL") },
  { "first-name", 0, 0, G_OPTION_ARG_STRING, &enroll_first_name,
    N_("First name"), N_("NAME") },
  { "last-name", 0, 0, G_OPTION_ARG_STRING, &enroll_last_name,
    N_("Last name"), N_("NAME") },
  { NULL }
};

static gboolean
contacts_enroll (LoyctlContext  *context,
                 char          **args,
                 GError        **error)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (enroll_email == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("“contacts enroll” needs --email"));
      return FALSE;
    }

  loy_contact_set_email (template, enroll_email);
  loy_contact_set_first_name (template, enroll_first_name);
  loy_contact_set_last_name (template, enroll_last_name);

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(contact = loy_store_enroll_contact_sync (store, template, loyctl_get_operator (), NULL, error)))
    return FALSE;

  node = loy_contact_to_json (contact);
  loyctl_print_item (context, node);

  return TRUE;
}

static void
add_ledger_entry_row (LoyctlTable *table,
                      gpointer     item)
{
  LoyLedgerEntry *entry = item;
  g_autofree char *created_at = loy_json_format_time (loy_ledger_entry_get_created_at (entry));
  g_autofree char *credits = g_strdup_printf ("%+" PRId64,
                                              loy_ledger_entry_get_credits (entry));
  const char *reason = loy_ledger_entry_get_reason (entry);
  const char *operator_name = loy_ledger_entry_get_operator (entry);

  loyctl_table_add_row (table, created_at,
                        loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE,
                                          loy_ledger_entry_get_entry_type (entry)),
                        credits, reason ? reason : "", operator_name ? operator_name : "",
                        loy_ledger_entry_get_uuid (entry), NULL);
}

static gboolean
contacts_ledger (LoyctlContext  *context,
                 char          **args,
                 GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyctlTable) table = NULL;
  g_autoptr(GObject) contact = NULL;
  LoyStore *store;

  /* An unknown contact is an error, not an empty ledger. */
  if (!(store = loyctl_context_get_store (context, error)) ||
      !(contact = loy_store_lookup_sync (store, LOY_KIND_CONTACT, args[0], NULL, error)))
    return FALSE;

  query->parent_uuid = g_strdup (args[0]);

  /* Translators: column headers of "loyctl contacts ledger" */
  table = loyctl_table_new (_("Date"), _("Type"), _("Credits"), _("Reason"), _("Operator"),
                            _("UUID"), NULL);

  return loyctl_print_query (context, query, table, add_ledger_entry_row,
                             (LoyctlSerializeFunc) loy_ledger_entry_to_json, error);
}

const LoyctlCommand loyctl_contacts_commands[] = {
  { "contacts", "list", NULL, 0, N_("List contacts, optionally of one level or segment"),
    list_entries, contacts_list },
  { "contacts", "search", N_("QUERY"), 1, N_("Find contacts by name, email or UUID"),
    search_entries, contacts_search },
  { "contacts", "show", N_("UUID"), 1, N_("Show one contact with balance, level and next expiry"),
    NULL, contacts_show },
  { "contacts", "enroll", NULL, 0, N_("Add a member with the program's welcome points"),
    enroll_entries, contacts_enroll },
  { "contacts", "ledger", N_("UUID"), 1, N_("List every points entry of a contact, newest first"),
    NULL, contacts_ledger },
  { NULL }
};
