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
#include "loy-voucher.h"

/**
 * loy_enum_to_nick:
 * @enum_type: a GEnum type of the core
 * @value: one of its values
 *
 * Returns: the nick of @value: the API's and the database's spelling of it
 */
const char *
loy_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (enum_class, value);

  g_return_val_if_fail (enum_value != NULL, NULL);

  /* A static type's class, and so its nicks, live as long as the program. */
  return enum_value->value_nick;
}

/**
 * loy_enum_from_nick:
 * @enum_type: a GEnum type of the core
 * @nick: (nullable): a nick, in any case, as the API's values are read
 * @value: (out): where to put the value of @nick
 *
 * Returns: %TRUE if @nick is one of @enum_type's nicks
 */
gboolean
loy_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) enum_class = NULL;

  if (nick == NULL)
    return FALSE;

  enum_class = g_type_class_ref (enum_type);
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      if (g_ascii_strcasecmp (enum_class->values[i].value_nick, nick) == 0)
        {
          *value = enum_class->values[i].value;
          return TRUE;
        }
    }

  return FALSE;
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
    case LOY_KIND_VOUCHER:    return LOY_TYPE_VOUCHER;
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
    case LOY_KIND_VOUCHER:    return LOY_STORE_CAN_MANAGE_VOUCHERS;
    default:
      g_return_val_if_reached (0);
    }
}
