/* loyctl-contacts.c — loyctl contacts list|search|show|enroll|ledger
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loyctl"

#include "config.h"

#include "loyctl-private.h"

/* Rows fetched per request while paging through a ledger */
#define PAGE_SIZE 100
#define DEFAULT_LIMIT 50

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format_iso8601 (time);
}

static void
set_time_member (JsonObject *object,
                 const char *name,
                 gint64      unix_seconds)
{
  g_autofree char *text = format_time (unix_seconds);

  json_object_set_string_member (object, name, text);
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, value);
}

JsonNode *
loyctl_contact_to_json (LoyContact *contact)
{
  JsonObject *object = json_object_new ();
  JsonObject *credit_balance = json_object_new ();

  json_object_set_string_member (object, "uuid", loy_contact_get_uuid (contact));
  set_string_or_null (object, "email", loy_contact_get_email (contact));
  set_string_or_null (object, "first_name", loy_contact_get_first_name (contact));
  set_string_or_null (object, "last_name", loy_contact_get_last_name (contact));

  json_object_set_int_member (credit_balance, "balance", loy_contact_get_balance (contact));
  json_object_set_object_member (object, "credit_balance", credit_balance);

  if (loy_contact_get_level_uuid (contact) != NULL)
    {
      JsonObject *level = json_object_new ();

      json_object_set_string_member (level, "uuid", loy_contact_get_level_uuid (contact));
      json_object_set_string_member (level, "name", loy_contact_get_level_name (contact));
      json_object_set_object_member (object, "level", level);
    }
  else
    {
      json_object_set_null_member (object, "level");
    }

  if (loy_contact_get_expiring_points (contact) > 0)
    {
      JsonObject *expiry = json_object_new ();

      json_object_set_int_member (expiry, "points", loy_contact_get_expiring_points (contact));
      set_time_member (expiry, "expires_at", loy_contact_get_expiring_at (contact));
      json_object_set_object_member (object, "next_expiry", expiry);
    }
  else
    {
      json_object_set_null_member (object, "next_expiry");
    }

  json_object_set_object_member (object, "attributes",
                                 json_object_ref (loy_contact_get_attributes (contact)));
  set_time_member (object, "created_at", loy_contact_get_created_at (contact));

  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
loyctl_ledger_entry_to_json (LoyLedgerEntry *entry)
{
  JsonObject *object = json_object_new ();
  gint64 purchase = loy_ledger_entry_get_purchase_amount_cents (entry);

  json_object_set_string_member (object, "uuid", loy_ledger_entry_get_uuid (entry));
  json_object_set_string_member (object, "contact_uuid", loy_ledger_entry_get_contact_uuid (entry));
  json_object_set_string_member (object, "type",
                                 loy_ledger_entry_type_to_string (loy_ledger_entry_get_entry_type (entry)));
  json_object_set_int_member (object, "credits", loy_ledger_entry_get_credits (entry));
  set_string_or_null (object, "reason", loy_ledger_entry_get_reason (entry));
  set_string_or_null (object, "operator", loy_ledger_entry_get_operator (entry));

  if (purchase == LOY_UNSET)
    json_object_set_null_member (object, "purchase_amount");
  else
    json_object_set_double_member (object, "purchase_amount", purchase / 100.0);

  if (loy_ledger_entry_get_reward_uuid (entry) != NULL)
    {
      JsonObject *reward = json_object_new ();

      json_object_set_string_member (reward, "uuid", loy_ledger_entry_get_reward_uuid (entry));
      json_object_set_string_member (reward, "title", loy_ledger_entry_get_reward_title (entry));
      json_object_set_object_member (object, "reward", reward);
    }
  else
    {
      json_object_set_null_member (object, "reward");
    }

  if (loy_ledger_entry_get_code (entry) != NULL)
    {
      JsonObject *code = json_object_new ();

      json_object_set_string_member (code, "code", loy_ledger_entry_get_code (entry));
      json_object_set_object_member (object, "digital_reward_code", code);
    }
  else
    {
      json_object_set_null_member (object, "digital_reward_code");
    }

  set_string_or_null (object, "reverses_uuid", loy_ledger_entry_get_reverses_uuid (entry));
  json_object_set_boolean_member (object, "reversed", loy_ledger_entry_get_reversed (entry));
  set_time_member (object, "created_at", loy_ledger_entry_get_created_at (entry));

  return json_node_init_object (json_node_alloc (), object);
}

static void
print_json_or_object (LoyctlContext *context,
                      JsonNode      *node)
{
  if (context->json)
    loyctl_print_envelope (node);
  else
    loyctl_print_object (json_node_get_object (node));
}

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

/* Prints the first page of @query: a table with a count, or JSON with
 * the total in "meta". */
static gboolean
print_contacts (LoyctlContext  *context,
                LoyQuery       *query,
                GError        **error)
{
  g_autoptr(LoyctlTable) table = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(JsonArray) data = json_array_new ();
  gint64 limit = DEFAULT_LIMIT;
  LoyStore *store;

  if (list_limit != NULL && !loyctl_parse_number ("--limit", list_limit, G_MAXINT32, &limit, error))
    return FALSE;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(page = loy_store_query_sync (store, query, 0, limit, NULL, error)))
    return FALSE;

  /* Translators: column headers of "loyctl contacts list" */
  table = loyctl_table_new (_("UUID"), _("Name"), _("Email"), _("Balance"), _("Level"), NULL);

  for (guint i = 0; i < page->items->len; i++)
    {
      LoyContact *contact = g_ptr_array_index (page->items, i);
      g_autofree char *balance = g_strdup_printf ("%" G_GINT64_FORMAT, loy_contact_get_balance (contact));

      json_array_add_element (data, loyctl_contact_to_json (contact));
      loyctl_table_add_row (table,
                            loy_contact_get_uuid (contact),
                            loy_contact_get_display_name (contact),
                            loy_contact_get_email (contact) ? loy_contact_get_email (contact) : "",
                            balance,
                            loy_contact_get_level_name (contact) ? loy_contact_get_level_name (contact) : "",
                            NULL);
    }

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), data);

      loyctl_print_envelope (node);
    }
  else
    {
      loyctl_table_print (table);
      /* Translators: below a list, e.g. "50 of 200000 contacts" */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u of %u contact\n", "%u of %u contacts\n", page->total),
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

  node = loyctl_contact_to_json (LOY_CONTACT (contact));
  print_json_or_object (context, node);

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

  node = loyctl_contact_to_json (contact);
  print_json_or_object (context, node);

  return TRUE;
}

static gboolean
contacts_ledger (LoyctlContext  *context,
                 char          **args,
                 GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(JsonArray) data = json_array_new ();
  g_autoptr(LoyctlTable) table = NULL;
  g_autoptr(GObject) contact = NULL;
  LoyStore *store;
  guint offset = 0;
  guint total;

  /* An unknown contact is an error, not an empty ledger. */
  if (!(store = loyctl_context_get_store (context, error)) ||
      !(contact = loy_store_lookup_sync (store, LOY_KIND_CONTACT, args[0], NULL, error)))
    return FALSE;

  query->parent_uuid = g_strdup (args[0]);

  /* Translators: column headers of "loyctl contacts ledger" */
  table = loyctl_table_new (_("Date"), _("Type"), _("Credits"), _("Reason"), _("Operator"),
                            _("UUID"), NULL);

  do
    {
      g_autoptr(LoyPage) page = loy_store_query_sync (store, query, offset, PAGE_SIZE, NULL, error);

      if (page == NULL)
        return FALSE;

      for (guint i = 0; i < page->items->len; i++)
        {
          LoyLedgerEntry *entry = g_ptr_array_index (page->items, i);
          g_autofree char *created_at = format_time (loy_ledger_entry_get_created_at (entry));
          g_autofree char *credits = g_strdup_printf ("%+" G_GINT64_FORMAT,
                                                      loy_ledger_entry_get_credits (entry));
          const char *reason = loy_ledger_entry_get_reason (entry);
          const char *operator_name = loy_ledger_entry_get_operator (entry);

          json_array_add_element (data, loyctl_ledger_entry_to_json (entry));
          loyctl_table_add_row (table, created_at,
                                loy_ledger_entry_type_to_string (loy_ledger_entry_get_entry_type (entry)),
                                credits, reason ? reason : "", operator_name ? operator_name : "",
                                loy_ledger_entry_get_uuid (entry), NULL);
        }

      total = page->total;
      offset += page->items->len;

      if (page->items->len == 0)
        break;
    }
  while (offset < total);

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), data);

      loyctl_print_envelope (node);
    }
  else
    {
      loyctl_table_print (table);
    }

  return TRUE;
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
