/* loyctl-vouchers.c — loyctl campaigns vouchers, voucher-create,
 * voucher-find, voucher-redeem: a remote account's promotions' vouchers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loyctl"

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

/* The API's largest page of vouchers. */
#define LIST_PAGE_SIZE 100

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;

  if (unix_seconds <= 0)
    return g_strdup ("");

  time = g_date_time_new_from_unix_local (unix_seconds);
  return g_date_time_format_iso8601 (time);
}

static void
add_voucher_row (LoyctlTable *table,
                 gpointer     item)
{
  LoyVoucher *voucher = item;
  const char *email = loy_voucher_get_contact_email (voucher);
  gint64 left = loy_voucher_get_redemptions_left (voucher);
  g_autofree char *expires = format_time (loy_voucher_get_expires_at (voucher));
  g_autofree char *left_text = left != LOY_UNSET ? g_strdup_printf ("%" PRId64, left) : g_strdup ("");

  loyctl_table_add_row (table, loy_voucher_get_code (voucher),
                        loy_voucher_status_to_string (loy_voucher_get_status (voucher)),
                        email != NULL ? email : "", left_text, expires, NULL);
}

static void
print_voucher (LoyctlContext *context,
               LoyVoucher    *voucher)
{
  g_autoptr(JsonNode) node = loy_voucher_to_json (voucher);

  loyctl_print_item (context, node);
}

static gboolean
campaigns_vouchers (LoyctlContext  *context,
                    char          **args,
                    GError        **error)
{
  g_autoptr(GPtrArray) vouchers = g_ptr_array_new_with_free_func (g_object_unref);
  /* Translators: column headers of "loyctl campaigns vouchers" */
  g_autoptr(LoyctlTable) table = loyctl_table_new (_("Code"), _("Status"), _("Contact"),
                                                   _("Redemptions left"), _("Expires"), NULL);
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  for (;;)
    {
      g_autoptr(LoyPage) page = loy_store_list_vouchers_sync (store, args[0], vouchers->len, LIST_PAGE_SIZE,
                                                              NULL, error);

      if (page == NULL)
        return FALSE;

      guint n_read = page->items->len;

      g_ptr_array_extend_and_steal (vouchers, g_steal_pointer (&page->items));
      page->items = g_ptr_array_new ();
      if (n_read == 0 || vouchers->len >= page->total)
        break;
    }

  loyctl_print_items (context, vouchers, table, add_voucher_row, (LoyctlSerializeFunc) loy_voucher_to_json);
  return TRUE;
}

static char *create_code;
static char *create_contact;
static int create_count;

static const GOptionEntry create_entries[] = {
  { "code", 0, 0, G_OPTION_ARG_STRING, &create_code, N_("The voucher's code (else one is made up)"),
    N_("CODE") },
  { "contact", 0, 0, G_OPTION_ARG_STRING, &create_contact, N_("The contact the voucher is for"),
    N_("UUID") },
  { "count", 0, 0, G_OPTION_ARG_INT, &create_count,
    N_("Ask for this many vouchers at once, made later by the server (1 to 500)"), N_("N") },
  { NULL }
};

static gboolean
campaigns_voucher_create (LoyctlContext  *context,
                          char          **args,
                          GError        **error)
{
  g_autoptr(LoyVoucher) voucher = NULL;
  LoyStore *store;

  if (create_count != 0 && (create_code != NULL || create_contact != NULL))
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("--count makes vouchers for anyone, with codes of the server’s: "
                             "it takes no --code or --contact"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  if (create_count != 0)
    {
      gint64 asked;
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) node = NULL;

      if ((asked = loy_store_create_voucher_batch_sync (store, args[0], MAX (create_count, 0), NULL, error)) < 0)
        return FALSE;

      json_object_set_string_member (object, "campaign_uuid", args[0]);
      json_object_set_int_member (object, "quantity", asked);
      json_object_set_string_member (object, "status", "PENDING");
      node = json_node_init_object (json_node_alloc (), g_steal_pointer (&object));
      loyctl_print_item (context, node);
      return TRUE;
    }

  if (!(voucher = loy_store_create_voucher_sync (store, args[0], create_code, create_contact, NULL, error)))
    return FALSE;

  print_voucher (context, voucher);
  return TRUE;
}

static gboolean
campaigns_voucher_find (LoyctlContext  *context,
                        char          **args,
                        GError        **error)
{
  g_autoptr(LoyVoucher) voucher = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(voucher = loy_store_find_voucher_sync (store, args[0], NULL, error)))
    return FALSE;

  print_voucher (context, voucher);
  return TRUE;
}

static char *redeem_contact;

static const GOptionEntry redeem_entries[] = {
  { "contact", 0, 0, G_OPTION_ARG_STRING, &redeem_contact, N_("The contact who uses the voucher"),
    N_("UUID") },
  { NULL }
};

static gboolean
campaigns_voucher_redeem (LoyctlContext  *context,
                          char          **args,
                          GError        **error)
{
  g_autoptr(LoyVoucher) voucher = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(voucher = loy_store_redeem_voucher_sync (store, args[0], redeem_contact, NULL, error)))
    return FALSE;

  print_voucher (context, voucher);
  return TRUE;
}

const LoyctlCommand loyctl_vouchers_commands[] = {
  { "campaigns", "vouchers", N_("CAMPAIGN_UUID"), 1, N_("List a remote account's promotion's vouchers"),
    NULL, campaigns_vouchers },
  { "campaigns", "voucher-create", N_("CAMPAIGN_UUID"), 1,
    N_("Make a voucher of a promotion (--count N for a batch)"), create_entries, campaigns_voucher_create },
  { "campaigns", "voucher-find", N_("CODE"), 1, N_("Show a voucher: status, contact, redemptions left"),
    NULL, campaigns_voucher_find },
  { "campaigns", "voucher-redeem", N_("CODE"), 1, N_("Redeem a voucher at the desk's shop"),
    redeem_entries, campaigns_voucher_redeem },
  { NULL }
};
