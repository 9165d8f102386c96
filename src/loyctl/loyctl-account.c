/* loyctl-account.c — loyctl shops list, levels list, program show: what the
 * program or account is set up with (on a remote account, read-only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loyctl"

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

static void
add_shop_row (LoyctlTable *table,
              gpointer     item)
{
  LoyShop *shop = item;
  const char *type = loy_shop_get_shop_type (shop);

  loyctl_table_add_row (table, loy_shop_get_uuid (shop), loy_shop_get_name (shop),
                        type != NULL ? type : "", NULL);
}

static gboolean
shops_list (LoyctlContext  *context,
            char          **args,
            GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  /* Translators: column headers of "loyctl shops list" */
  g_autoptr(LoyctlTable) table = loyctl_table_new (_("UUID"), _("Name"), _("Type"), NULL);

  return loyctl_print_query (context, query, table, add_shop_row,
                             (LoyctlSerializeFunc) loy_shop_to_json, error);
}

static void
add_level_row (LoyctlTable *table,
               gpointer     item)
{
  LoyLevel *level = item;
  g_autofree char *threshold = loy_level_get_threshold (level) == LOY_UNSET
                               ? g_strdup ("—")
                               : g_strdup_printf ("%" PRId64, loy_level_get_threshold (level));

  loyctl_table_add_row (table, loy_level_get_uuid (level), loy_level_get_name (level), threshold, NULL);
}

static gboolean
levels_list (LoyctlContext  *context,
             char          **args,
             GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEVEL);
  /* Translators: column headers of "loyctl levels list" */
  g_autoptr(LoyctlTable) table = loyctl_table_new (_("UUID"), _("Name"), _("Threshold"), NULL);

  return loyctl_print_query (context, query, table, add_level_row,
                             (LoyctlSerializeFunc) loy_level_to_json, error);
}

static gboolean
program_show (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(program = loy_store_get_program_sync (store, NULL, error)))
    return FALSE;

  node = loy_program_to_json (program);
  loyctl_print_item (context, node);

  return TRUE;
}

const LoyctlCommand loyctl_account_commands[] = {
  { "shops", "list", NULL, 0, N_("List the shops (on a remote account, where points are earned)"),
    NULL, shops_list },
  { "levels", "list", NULL, 0, N_("List the levels (on a remote account, its tiers)"),
    NULL, levels_list },
  { "program", "show", NULL, 0, N_("Show the program’s rules (on a remote account, its loyalty program)"),
    NULL, program_show },
  { NULL }
};
