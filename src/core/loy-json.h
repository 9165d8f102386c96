/* loy-json.h — the API's JSON shapes of every domain object, both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-campaign-json.h"
#include "loy-code-group.h"
#include "loy-contact.h"
#include "loy-ledger-entry.h"
#include "loy-reward.h"

G_BEGIN_DECLS

/* The field names are those of the seed documents (CLI.md). Writers give
 * every field, null when unset; money is a number of currency units and a
 * time ISO 8601 in UTC. Readers take any subset (the rest keep their
 * defaults) and fail with %LOY_ERROR_MALFORMED_RESPONSE naming the member
 * of a wrong type, as they read what a server sent. Campaigns have theirs
 * in loy-campaign-json.h. */

/* A time as the API writes it: ISO 8601 in UTC. */
char           *loy_json_format_time          (gint64           unix_seconds);

/* id, uuid, title, description, type and reward_type (the same), is_active
 * (read also as "active"), required_credits, media {type, value},
 * cost_price, stock, pre_redeemable, expiration_duration, code_group_uuid,
 * codes_available, view_filter; every other top-level key is a custom
 * attribute. */
JsonNode       *loy_reward_to_json            (LoyReward       *reward);
/* A reward without a "uuid" is refused. */
LoyReward      *loy_reward_from_json          (JsonNode        *node,
                                               GError         **error);
/* (element-type LoyReward): a JSON array of rewards. */
GPtrArray      *loy_rewards_from_json         (JsonNode        *node,
                                               GError         **error);
/* Whether @key names one of the reward's fields above, as opposed to a
 * custom attribute. */
gboolean        loy_reward_json_key_is_field  (const char      *key);

/* uuid, email, first_name, last_name, credit_balance {balance}, level
 * {uuid, name}, next_expiry {points, expires_at}, attributes, created_at. */
JsonNode       *loy_contact_to_json           (LoyContact      *contact);
LoyContact     *loy_contact_from_json         (JsonNode        *node,
                                               GError         **error);

/* uuid, contact_uuid, type, credits, reason, operator, purchase_amount,
 * reward {uuid, title}, digital_reward_code {code}, reverses_uuid,
 * reversed, created_at. */
JsonNode       *loy_ledger_entry_to_json      (LoyLedgerEntry  *entry);
LoyLedgerEntry *loy_ledger_entry_from_json    (JsonNode        *node,
                                               GError         **error);

/* uuid, reward_uuid, name, total, available, issued, issued_last_30_days,
 * low_stock_threshold; "issued" is total − available, so it is not read. */
JsonNode       *loy_code_group_to_json        (LoyCodeGroup    *group);
LoyCodeGroup   *loy_code_group_from_json      (JsonNode        *node,
                                               GError         **error);

G_END_DECLS
