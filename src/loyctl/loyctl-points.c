/* loyctl-points.c — loyctl points award|adjust|redeem|reverse|expire
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loyctl"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "loyctl-private.h"

static void
print_entry (LoyctlContext  *context,
             LoyLedgerEntry *entry)
{
  g_autoptr(JsonNode) node = loy_ledger_entry_to_json (entry);

  loyctl_print_item (context, node);
}

static char *award_amount;
static char *award_points;
static char *award_action;
static char *award_reason;

static const GOptionEntry award_entries[] = {
  { "amount", 0, 0, G_OPTION_ARG_STRING, &award_amount,
    N_("Points for a purchase of this amount, by the earning rule"), N_("MONEY") },
  { "points", 0, 0, G_OPTION_ARG_STRING, &award_points,
    N_("A fixed number of points"), N_("N") },
  { "action", 0, 0, G_OPTION_ARG_STRING, &award_action,
    N_("The points of one of the program's actions (referral, review, …)"), N_("NAME") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &award_reason,
    N_("A note for the ledger"), N_("TEXT") },
  { NULL }
};

static gboolean
points_award (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;
  LoyAward award = {
    .action = award_action,
    .reason = award_reason,
    .operator_name = loyctl_get_operator (),
  };
  LoyStore *store;

  if ((award_amount != NULL) + (award_points != NULL) + (award_action != NULL) != 1)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("Give exactly one of --amount, --points and --action"));
      return FALSE;
    }

  if (award_amount != NULL && !loy_money_parse (award_amount, &award.amount_cents, &local_error))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0, "--amount: %s", local_error->message);
      return FALSE;
    }

  if (award_points != NULL &&
      !loyctl_parse_number ("--points", award_points, G_MAXINT32, &award.points, error))
    return FALSE;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(entry = loy_store_award_points_sync (store, args[0], &award, NULL, error)))
    return FALSE;

  print_entry (context, entry);

  return TRUE;
}

static char *adjust_reason;

static const GOptionEntry adjust_entries[] = {
  { "reason", 0, 0, G_OPTION_ARG_STRING, &adjust_reason,
    N_("Why the balance changes (required)"), N_("TEXT") },
  { NULL }
};

static gboolean
points_adjust (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  LoyStore *store;
  gint64 credits;

  if (!g_ascii_string_to_signed (args[1], 10, -G_MAXINT32, G_MAXINT32, &credits, NULL))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("The adjustment needs a whole number of points such as 50 or -50, not “%s”"),
                   args[1]);
      return FALSE;
    }

  if (adjust_reason == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("“points adjust” needs --reason"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(entry = loy_store_adjust_points_sync (store, args[0], credits, adjust_reason,
                                              loyctl_get_operator (), NULL, error)))
    return FALSE;

  print_entry (context, entry);

  return TRUE;
}

static gboolean
points_redeem (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(entry = loy_store_redeem_reward_sync (store, args[0], args[1], loyctl_get_operator (),
                                              NULL, error)))
    return FALSE;

  print_entry (context, entry);

  return TRUE;
}

static char *reverse_reason;
static char *reverse_contact;

static const GOptionEntry reverse_entries[] = {
  { "reason", 0, 0, G_OPTION_ARG_STRING, &reverse_reason,
    N_("Why the entry is undone, kept with the counter-entry"), N_("TEXT") },
  { "contact", 0, 0, G_OPTION_ARG_STRING, &reverse_contact,
    N_("Whose entry it is (required on a remote account)"), N_("UUID") },
  { NULL }
};

/* A remote account finds an entry only in its contact's history: reading
 * it tells the store what the entry is. */
static gboolean
read_contact_history (LoyctlContext  *context,
                      const char     *entry_uuid,
                      GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) history = NULL;

  query->parent_uuid = g_strdup (reverse_contact);
  if (!(history = loyctl_query_sync (context, query, G_MAXUINT, error)))
    return FALSE;

  for (guint i = 0; i < history->items->len; i++)
    if (g_strcmp0 (loy_ledger_entry_get_uuid (history->items->pdata[i]), entry_uuid) == 0)
      return TRUE;

  g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
               _("Entry %s is not in the history of contact %s"), entry_uuid, reverse_contact);
  return FALSE;
}

static gboolean
points_reverse (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  LoyStore *store;

  if (context->remote_url != NULL && reverse_contact == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("On a remote account “points reverse” needs --contact UUID: the API "
                             "finds an entry only through its contact’s history"));
      return FALSE;
    }

  if (reverse_contact != NULL && !read_contact_history (context, args[0], error))
    return FALSE;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(entry = loy_store_reverse_entry_sync (store, args[0], reverse_reason, loyctl_get_operator (),
                                              NULL, error)))
    return FALSE;

  print_entry (context, entry);

  return TRUE;
}

static char *expire_until;

static const GOptionEntry expire_entries[] = {
  { "until", 0, 0, G_OPTION_ARG_STRING, &expire_until,
    N_("Expire as of the start of this day, YYYY-MM-DD, or an ISO 8601 time (default: now)"),
    N_("DATE") },
  { NULL }
};

static gboolean
points_expire (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 until = g_get_real_time () / G_USEC_PER_SEC;
  LoyStore *store;
  gint64 n_written;

  if (expire_until != NULL && !loyctl_parse_date ("--until", expire_until, &until, error))
    return FALSE;

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  if (!loy_store_can (store, LOY_STORE_CAN_EXPIRE_POINTS))
    {
      g_autofree char *where = loy_store_get_description (store);

      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                   _("Points cannot be expired on the account at %s: its API has no expiry; "
                     "points expire only in a local program"),
                   where);
      return FALSE;
    }

  n_written = loy_store_expire_points_sync (store, until, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "expiry_entries", n_written);
      json_node_take_object (node, object);
      loyctl_print_envelope (node);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Points expired for %" PRId64 " contact\n",
                            "Points expired for %" PRId64 " contacts\n", n_written),
               n_written);
    }

  return TRUE;
}

const LoyctlCommand loyctl_points_commands[] = {
  { "points", "award", N_("CONTACT_UUID"), 1,
    N_("Give points for a purchase (--amount), an action (--action) or a number (--points)"),
    award_entries, points_award },
  { "points", "adjust", N_("CONTACT_UUID N"), 2,
    N_("Add or take (negative N) points, with a reason"), adjust_entries, points_adjust },
  { "points", "redeem", N_("CONTACT_UUID REWARD_UUID"), 2,
    N_("Spend a contact's points on a reward"), NULL, points_redeem },
  { "points", "reverse", N_("ENTRY_UUID"), 1,
    N_("Undo a ledger entry with a counter-entry, and why (--reason)"), reverse_entries,
    points_reverse },
  { "points", "expire", NULL, 0,
    N_("Expire points older than the program's expiry period"), expire_entries, points_expire },
  { NULL }
};
