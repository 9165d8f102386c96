/* loy-enums.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enum-types.h"

G_BEGIN_DECLS

/* A value that the API sends as null (no stock limit, no expiry, no cost price). */
#define LOY_UNSET ((gint64) -1)

typedef enum
{
  LOY_REWARD_TYPE_PHYSICAL, /*< nick=PHYSICAL >*/
  LOY_REWARD_TYPE_DIGITAL,  /*< nick=DIGITAL >*/
} LoyRewardType;

/**
 * LoyKind:
 *
 * The kinds of record a #LoyStore lists; each maps to one domain #GType.
 * A `.ui` file names one by its nick: "reward", "code-group", …
 */
typedef enum
{
  LOY_KIND_REWARD,
  LOY_KIND_CAMPAIGN,
  LOY_KIND_CODE_GROUP,
  LOY_KIND_CONTACT,
  LOY_KIND_LEVEL,
  LOY_KIND_SEGMENT,
  LOY_KIND_SHOP,
  LOY_KIND_CODE,          /* the codes of one code group: LoyQuery.parent_uuid */
  LOY_KIND_LEDGER_ENTRY,  /* one contact's ledger: LoyQuery.parent_uuid, newest first */
  LOY_KIND_CONTACT_ATTRIBUTE, /* the attribute names contacts have, most common first */
  LOY_KIND_VOUCHER,       /* one promotion's vouchers: LoyQuery.parent_uuid, as the server lists them */
} LoyKind;

#define LOY_N_KINDS (LOY_KIND_VOUCHER + 1)

/**
 * LoyPlatform:
 *
 * Where a reward may be shown (seed 000, "Platform viewfilters"). A reward
 * whose filter names no platform is visible on both.
 */
typedef enum /*< flags >*/
{
  LOY_PLATFORM_BUSINESS_APP = 1 << 0, /*< nick=BUSINESS_APP >*/
  LOY_PLATFORM_CUSTOMER_APP = 1 << 1, /*< nick=CUSTOMER_APP >*/
} LoyPlatform;

#define LOY_PLATFORM_ANY (LOY_PLATFORM_BUSINESS_APP | LOY_PLATFORM_CUSTOMER_APP)

typedef enum
{
  LOY_LEDGER_ENTRY_TYPE_WELCOME,          /*< nick=WELCOME >*/
  LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION, /*< nick=CREDIT_RECEPTION >*/
  LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION, /*< nick=REWARD_RECEPTION >*/
  LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT,       /*< nick=ADJUSTMENT >*/
  LOY_LEDGER_ENTRY_TYPE_EXPIRY,           /*< nick=EXPIRY >*/
  LOY_LEDGER_ENTRY_TYPE_REVERSAL,         /*< nick=REVERSAL >*/
  LOY_LEDGER_ENTRY_TYPE_CAMPAIGN_PURCHASE, /*< nick=CAMPAIGN_PURCHASE >*/ /* a campaign's coupon bought */
  LOY_LEDGER_ENTRY_TYPE_CASHBACK,         /*< nick=CASHBACK >*/ /* points paid for an order */
} LoyLedgerEntryType;

#define LOY_N_LEDGER_ENTRY_TYPES (LOY_LEDGER_ENTRY_TYPE_CASHBACK + 1)

/**
 * LoyAttributeType:
 *
 * The type of a contact attribute's JSON values; a string in the form
 * YYYY-MM-DD that is a real date is a date.
 */
typedef enum
{
  LOY_ATTRIBUTE_TYPE_TEXT,    /*< nick=TEXT >*/
  LOY_ATTRIBUTE_TYPE_NUMBER,  /*< nick=NUMBER >*/
  LOY_ATTRIBUTE_TYPE_BOOLEAN, /*< nick=BOOLEAN >*/
  LOY_ATTRIBUTE_TYPE_DATE,    /*< nick=DATE >*/
} LoyAttributeType;

typedef enum
{
  LOY_CODE_STATUS_AVAILABLE, /*< nick=available >*/
  LOY_CODE_STATUS_ISSUED,    /*< nick=issued >*/
  LOY_CODE_STATUS_REVOKED,   /*< nick=revoked >*/ /* issued, then its redemption reversed */
} LoyCodeStatus;

/**
 * LoyCampaignType:
 *
 * What a reward campaign gives (CAMPAIGNS.md); the five coupon types come
 * first, so that a range check tells them apart.
 */
typedef enum
{
  LOY_CAMPAIGN_TYPE_DISCOUNT_CODE,            /*< nick=discount_code >*/
  LOY_CAMPAIGN_TYPE_VALUE_CODE,               /*< nick=value_code >*/
  LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE,       /*< nick=free_delivery_code >*/
  LOY_CAMPAIGN_TYPE_GIFT_CODE,                /*< nick=gift_code >*/
  LOY_CAMPAIGN_TYPE_EVENT_CODE,               /*< nick=event_code >*/
  LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE, /*< nick=percentage_discount_code >*/
  LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE,     /*< nick=custom_campaign_code >*/
  LOY_CAMPAIGN_TYPE_CASHBACK,                 /*< nick=cashback >*/
} LoyCampaignType;

#define LOY_N_CAMPAIGN_TYPES (LOY_CAMPAIGN_TYPE_CASHBACK + 1)

typedef enum
{
  LOY_TARGET_TYPE_NONE,    /*< nick=NONE >*/
  LOY_TARGET_TYPE_LEVEL,   /*< nick=LEVEL >*/
  LOY_TARGET_TYPE_SEGMENT, /*< nick=SEGMENT >*/
} LoyTargetType;

/**
 * LoyStoreCapabilities:
 *
 * What a backend can do. The UI hides or disables what is missing, so a
 * user is never offered an action the backend would refuse.
 */
typedef enum /*< flags >*/
{
  LOY_STORE_CAN_LIST_REWARDS    = 1 << 0,
  LOY_STORE_CAN_UPDATE_REWARDS  = 1 << 1,
  LOY_STORE_CAN_CREATE_REWARDS  = 1 << 2,
  LOY_STORE_CAN_DELETE_REWARDS  = 1 << 3,
  LOY_STORE_CAN_LIST_CAMPAIGNS  = 1 << 4,
  LOY_STORE_CAN_LIST_CODES      = 1 << 5,
  LOY_STORE_CAN_LIST_CONTACTS   = 1 << 6,
  LOY_STORE_CAN_LIST_LEVELS     = 1 << 7,
  LOY_STORE_CAN_LIST_SEGMENTS   = 1 << 8,
  LOY_STORE_CAN_LIST_SHOPS      = 1 << 9,
  LOY_STORE_CAN_SEARCH          = 1 << 10,
  LOY_STORE_CAN_MANAGE_CODES    = 1 << 11, /* import, generate */
  LOY_STORE_CAN_ENROLL_CONTACTS = 1 << 12,
  LOY_STORE_CAN_MANAGE_POINTS   = 1 << 13, /* award, redeem, adjust, reverse */
  LOY_STORE_CAN_LIST_LEDGER     = 1 << 14,
  LOY_STORE_CAN_EDIT_PROGRAM    = 1 << 15, /* program settings, levels, segments */
  LOY_STORE_CAN_SAVE_IMAGES     = 1 << 16, /* reward images kept in the program */
  LOY_STORE_CAN_EXPORT          = 1 << 17, /* loy_store_export_async() */
  LOY_STORE_CAN_OVERVIEW        = 1 << 18, /* loy_store_get_overview_async() */
  LOY_STORE_CAN_MANAGE_CAMPAIGNS = 1 << 19, /* create, update, delete, categories, buy,
                                             * purchases, cashback, reach */
  LOY_STORE_CAN_UPDATE_CONTACTS = 1 << 20, /* loy_store_update_contact_async() */
  LOY_STORE_CAN_PREVIEW_AWARDS  = 1 << 21, /* loy_store_preview_award_async() */
  LOY_STORE_CAN_WORK_OFFLINE    = 1 << 22, /* the data is on this computer */
  LOY_STORE_CAN_EXPIRE_POINTS   = 1 << 23, /* loy_store_expire_points_async() */
  LOY_STORE_CAN_INDEX_CONTACTS  = 1 << 24, /* loy_store_index_contacts_async(): search needs it */
  LOY_STORE_CAN_MANAGE_VOUCHERS = 1 << 25, /* a promotion's vouchers: list, create, find, redeem */
  LOY_STORE_CAN_FILTER_CONTACTS = 1 << 26, /* a contact query's level_uuid, segment_uuid, criteria */
  LOY_STORE_CAN_SORT_CONTACTS   = 1 << 27, /* contacts by name or balance; by date every store can */
} LoyStoreCapabilities;

const char  *loy_enum_to_nick   (GType       enum_type,
                                int         value);
gboolean     loy_enum_from_nick (GType       enum_type,
                                const char *nick,
                                int        *value);
GType        loy_kind_get_item_type (LoyKind kind);
LoyStoreCapabilities loy_kind_get_list_capability (LoyKind kind);

G_END_DECLS
