/* loyctl-rewards.c — loyctl rewards list|show|update
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

static void
print_reward (LoyctlContext *context,
              LoyReward     *reward)
{
  g_autoptr(JsonNode) node = loy_reward_to_json (reward);

  loyctl_print_item (context, node);
}

static char *
format_stock (LoyReward *reward)
{
  gint64 stock = loy_reward_get_stock (reward);

  if (stock == LOY_UNSET)
    /* Translators: in the Stock column, for a reward without a stock limit */
    return g_strdup (_("unlimited"));

  return g_strdup_printf ("%" PRId64, stock);
}

static char *list_contact;
static char *list_platform;

static const GOptionEntry list_entries[] = {
  { "contact", 0, 0, G_OPTION_ARG_STRING, &list_contact,
    N_("Only rewards this contact can see now"), N_("UUID") },
  { "platform", 0, 0, G_OPTION_ARG_STRING, &list_platform,
    N_("Only rewards shown on this app: business or customer"), N_("APP") },
  { NULL }
};

static gboolean
parse_platform (const char   *text,
                LoyPlatform  *platform,
                GError      **error)
{
  if (g_strcmp0 (text, "business") == 0)
    *platform = LOY_PLATFORM_BUSINESS_APP;
  else if (g_strcmp0 (text, "customer") == 0)
    *platform = LOY_PLATFORM_CUSTOMER_APP;
  else
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("--platform must be “business” or “customer”, not “%s”"), text);
      return FALSE;
    }

  return TRUE;
}

static void
add_reward_row (LoyctlTable *table,
                gpointer     item)
{
  LoyReward *reward = item;
  g_autofree char *credits = g_strdup_printf ("%" PRId64,
                                              loy_reward_get_required_credits (reward));
  g_autofree char *stock = format_stock (reward);

  loyctl_table_add_row (table,
                        loy_reward_get_uuid (reward),
                        loy_reward_get_title (reward) ? loy_reward_get_title (reward) : "",
                        loy_enum_to_nick (LOY_TYPE_REWARD_TYPE, loy_reward_get_reward_type (reward)),
                        credits,
                        loy_reward_get_is_active (reward) ? _("yes") : _("no"),
                        stock,
                        NULL);
}

static gboolean
rewards_list (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyctlTable) table = NULL;

  if (list_platform != NULL && !parse_platform (list_platform, &query->platform, error))
    return FALSE;
  query->visible_to_contact = g_strdup (list_contact);
  /* The global --shop: the rewards shown in that shop. */
  query->shop_uuid = g_strdup (context->shop_uuid);

  /* Translators: column headers of "loyctl rewards list" */
  table = loyctl_table_new (_("UUID"), _("Title"), _("Type"), _("Credits"),
                            _("Active"), _("Stock"), NULL);

  return loyctl_print_query (context, query, table, add_reward_row,
                             (LoyctlSerializeFunc) loy_reward_to_json, error);
}

static gboolean
rewards_show (LoyctlContext  *context,
              char          **args,
              GError        **error)
{
  g_autoptr(LoyReward) reward = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  reward = LOY_REWARD (loy_store_lookup_sync (store, LOY_KIND_REWARD, args[0], NULL, error));
  if (reward == NULL)
    return FALSE;

  print_reward (context, reward);

  return TRUE;
}

static char *create_type;
static char *create_title;
static char *create_required_credits;

static const GOptionEntry create_entries[] = {
  { "type", 0, 0, G_OPTION_ARG_STRING, &create_type,
    N_("physical, or digital for a reward that hands out codes"), N_("TYPE") },
  { "title", 0, 0, G_OPTION_ARG_STRING, &create_title,
    N_("The reward's title"), N_("TITLE") },
  { "required-credits", 0, 0, G_OPTION_ARG_STRING, &create_required_credits,
    N_("Credits a contact needs to claim the reward"), N_("N") },
  { NULL }
};

static gboolean
rewards_create (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) created = NULL;
  LoyRewardType type;
  LoyStore *store;
  gint64 credits;

  if (create_type == NULL || create_title == NULL || create_required_credits == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("Give --type, --title and --required-credits"));
      return FALSE;
    }

  if (g_strcmp0 (create_type, "physical") == 0)
    type = LOY_REWARD_TYPE_PHYSICAL;
  else if (g_strcmp0 (create_type, "digital") == 0)
    type = LOY_REWARD_TYPE_DIGITAL;
  else
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("--type must be “physical” or “digital”, not “%s”"), create_type);
      return FALSE;
    }

  if (!loyctl_parse_number ("--required-credits", create_required_credits,
                            G_MAXINT32, &credits, error))
    return FALSE;

  loy_reward_set_reward_type (reward, type);
  loy_reward_set_title (reward, create_title);
  loy_reward_set_required_credits (reward, credits);

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  if (!(created = loy_store_create_reward_sync (store, reward, NULL, error)))
    return FALSE;

  print_reward (context, created);

  return TRUE;
}

static char *update_title;
static char *update_description;
static char *update_required_credits;

static const GOptionEntry update_entries[] = {
  { "title", 0, 0, G_OPTION_ARG_STRING, &update_title,
    N_("A new title"), N_("TITLE") },
  { "description", 0, 0, G_OPTION_ARG_STRING, &update_description,
    N_("A new description"), N_("TEXT") },
  { "required-credits", 0, 0, G_OPTION_ARG_STRING, &update_required_credits,
    N_("Credits a contact needs to claim the reward"), N_("N") },
  { NULL }
};

static gboolean
rewards_update (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyReward) reward = NULL;
  LoyStore *store;

  if (update_title != NULL)
    json_object_set_string_member (changes, "title", update_title);

  if (update_description != NULL)
    json_object_set_string_member (changes, "description", update_description);

  if (update_required_credits != NULL)
    {
      gint64 credits;

      if (!loyctl_parse_number ("--required-credits", update_required_credits,
                                G_MAXINT32, &credits, error))
        return FALSE;

      json_object_set_int_member (changes, "required_credits", credits);
    }

  if (json_object_get_size (changes) == 0)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("Nothing to change: give --title, --description or --required-credits"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)))
    return FALSE;

  reward = loy_store_update_reward_sync (store, args[0], changes, NULL, error);
  if (reward == NULL)
    return FALSE;

  print_reward (context, reward);

  return TRUE;
}

const LoyctlCommand loyctl_rewards_commands[] = {
  { "rewards", "list", NULL, 0, N_("List the rewards, or those a contact, app or shop shows"),
    list_entries, rewards_list },
  { "rewards", "show", N_("UUID"), 1, N_("Show one reward"), NULL, rewards_show },
  { "rewards", "create", NULL, 0, N_("Create a reward (a digital one gets its own code group)"),
    create_entries, rewards_create },
  { "rewards", "update", N_("UUID"), 1, N_("Change a reward's title, description or price in credits"),
    update_entries, rewards_update },
  { NULL }
};
