/* loy-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-enums.h"
#include "loy-campaign.h"
#include "loy-code.h"
#include "loy-code-group.h"
#include "loy-contact.h"
#include "loy-contact-attribute.h"
#include "loy-ledger-entry.h"
#include "loy-level.h"
#include "loy-reward.h"
#include "loy-segment.h"
#include "loy-shop.h"

/* The API's spelling of each value, indexed by the enum. */
static const char * const reward_type_names[] = {
  [LOY_REWARD_TYPE_PHYSICAL] = "PHYSICAL",
  [LOY_REWARD_TYPE_DIGITAL] = "DIGITAL",
};

/* Open Loyalty's names, as --json writes them. */
static const char * const campaign_type_names[] = {
  [LOY_CAMPAIGN_TYPE_DISCOUNT_CODE] = "discount_code",
  [LOY_CAMPAIGN_TYPE_VALUE_CODE] = "value_code",
  [LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE] = "free_delivery_code",
  [LOY_CAMPAIGN_TYPE_GIFT_CODE] = "gift_code",
  [LOY_CAMPAIGN_TYPE_EVENT_CODE] = "event_code",
  [LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE] = "percentage_discount_code",
  [LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE] = "custom_campaign_code",
  [LOY_CAMPAIGN_TYPE_CASHBACK] = "cashback",
};

static const char * const ledger_entry_type_names[] = {
  [LOY_LEDGER_ENTRY_TYPE_WELCOME] = "WELCOME",
  [LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION] = "CREDIT_RECEPTION",
  [LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION] = "REWARD_RECEPTION",
  [LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT] = "ADJUSTMENT",
  [LOY_LEDGER_ENTRY_TYPE_EXPIRY] = "EXPIRY",
  [LOY_LEDGER_ENTRY_TYPE_REVERSAL] = "REVERSAL",
};

static const char * const attribute_type_names[] = {
  [LOY_ATTRIBUTE_TYPE_TEXT] = "TEXT",
  [LOY_ATTRIBUTE_TYPE_NUMBER] = "NUMBER",
  [LOY_ATTRIBUTE_TYPE_BOOLEAN] = "BOOLEAN",
  [LOY_ATTRIBUTE_TYPE_DATE] = "DATE",
};

/* As in code exports: lower case. */
static const char * const code_status_names[] = {
  [LOY_CODE_STATUS_AVAILABLE] = "available",
  [LOY_CODE_STATUS_ISSUED] = "issued",
  [LOY_CODE_STATUS_REVOKED] = "revoked",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i], str) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
loy_reward_type_to_string (LoyRewardType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (reward_type_names), NULL);

  return reward_type_names[type];
}

gboolean
loy_reward_type_from_string (const char    *str,
                             LoyRewardType *type)
{
  guint value;

  if (!lookup_name (reward_type_names, G_N_ELEMENTS (reward_type_names), str, &value))
    return FALSE;

  *type = value;
  return TRUE;
}

const char *
loy_campaign_type_to_string (LoyCampaignType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (campaign_type_names), NULL);

  return campaign_type_names[type];
}

gboolean
loy_campaign_type_from_string (const char      *str,
                               LoyCampaignType *type)
{
  guint value;

  if (!lookup_name (campaign_type_names, G_N_ELEMENTS (campaign_type_names), str, &value))
    return FALSE;

  *type = value;
  return TRUE;
}

const char *
loy_code_status_to_string (LoyCodeStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (code_status_names), NULL);

  return code_status_names[status];
}

const char *
loy_ledger_entry_type_to_string (LoyLedgerEntryType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (ledger_entry_type_names), NULL);

  return ledger_entry_type_names[type];
}

gboolean
loy_ledger_entry_type_from_string (const char         *str,
                                   LoyLedgerEntryType *type)
{
  guint value;

  if (!lookup_name (ledger_entry_type_names, G_N_ELEMENTS (ledger_entry_type_names), str, &value))
    return FALSE;

  *type = value;
  return TRUE;
}

const char *
loy_attribute_type_to_string (LoyAttributeType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (attribute_type_names), NULL);

  return attribute_type_names[type];
}

gboolean
loy_attribute_type_from_string (const char       *str,
                                LoyAttributeType *type)
{
  guint value;

  if (!lookup_name (attribute_type_names, G_N_ELEMENTS (attribute_type_names), str, &value))
    return FALSE;

  *type = value;
  return TRUE;
}

GType
loy_kind_get_item_type (LoyKind kind)
{
  switch (kind)
    {
    case LOY_KIND_REWARD:     return LOY_TYPE_REWARD;
    case LOY_KIND_CAMPAIGN:   return LOY_TYPE_CAMPAIGN;
    case LOY_KIND_CODE_GROUP: return LOY_TYPE_CODE_GROUP;
    case LOY_KIND_CONTACT:    return LOY_TYPE_CONTACT;
    case LOY_KIND_LEVEL:      return LOY_TYPE_LEVEL;
    case LOY_KIND_SEGMENT:    return LOY_TYPE_SEGMENT;
    case LOY_KIND_SHOP:       return LOY_TYPE_SHOP;
    case LOY_KIND_CODE:       return LOY_TYPE_CODE;
    case LOY_KIND_LEDGER_ENTRY: return LOY_TYPE_LEDGER_ENTRY;
    case LOY_KIND_CONTACT_ATTRIBUTE: return LOY_TYPE_CONTACT_ATTRIBUTE;
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

LoyStoreCapabilities
loy_kind_get_list_capability (LoyKind kind)
{
  switch (kind)
    {
    case LOY_KIND_REWARD:     return LOY_STORE_CAN_LIST_REWARDS;
    case LOY_KIND_CAMPAIGN:   return LOY_STORE_CAN_LIST_CAMPAIGNS;
    case LOY_KIND_CODE_GROUP: return LOY_STORE_CAN_LIST_CODES;
    case LOY_KIND_CONTACT:    return LOY_STORE_CAN_LIST_CONTACTS;
    case LOY_KIND_LEVEL:      return LOY_STORE_CAN_LIST_LEVELS;
    case LOY_KIND_SEGMENT:    return LOY_STORE_CAN_LIST_SEGMENTS;
    case LOY_KIND_SHOP:       return LOY_STORE_CAN_LIST_SHOPS;
    case LOY_KIND_CODE:       return LOY_STORE_CAN_LIST_CODES;
    case LOY_KIND_LEDGER_ENTRY: return LOY_STORE_CAN_LIST_LEDGER;
    case LOY_KIND_CONTACT_ATTRIBUTE: return LOY_STORE_CAN_LIST_CONTACTS;
    default:
      g_return_val_if_reached (0);
    }
}
