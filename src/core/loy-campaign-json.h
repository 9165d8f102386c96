/* loy-campaign-json.h — campaigns and the evaluator's answers in `--json`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-campaign.h"
#include "loy-campaign-availability.h"
#include "loy-campaign-purchase.h"
#include "loy-cashback.h"

G_BEGIN_DECLS

/* Every field, in Open Loyalty's names (CLI.md): uuid, campaign_type, name,
 * default_language, translations {"en": {name, short_description,
 * conditions_description, usage_instruction, brand_name,
 * brand_description}}, active, more_information_link,
 * push_notification_text, cost_in_points, point_value, reward_value, tax,
 * tax_price_value, featured, public, transaction_percentage, days_inactive,
 * days_valid, connect_type, brand_image, labels [{key, value}], categories,
 * target ("level", "segment" or null), levels, segments, activity and
 * visibility {all_time, from, to}, limit, limit_per_contact (null:
 * unlimited), code_group_uuid, shared_code, created_at. Money is a number
 * of currency units, times ISO 8601 in UTC, anything unset null. */
JsonNode    *loy_campaign_to_json           (LoyCampaign       *campaign);
/* The reverse, for any subset of those members (the rest keep their
 * defaults; "name" sets the default language's name). A member of the
 * wrong type, money with more than two decimals or a time without a valid
 * ISO 8601 form fails with %LOY_ERROR_INVALID_INPUT naming the member.
 * Members it does not know are left alone. */
LoyCampaign *loy_campaign_from_json         (JsonNode          *node,
                                             GError           **error);

/* {uuid, name, campaign_type, listed, available, can_buy, points_needed,
 *  reasons: [{reason, message}]} */
JsonNode    *loy_availability_to_json       (LoyAvailability   *availability);
/* {campaign_uuid, point_value, order_total, points_used, discount, to_pay} */
JsonNode    *loy_cashback_quote_to_json     (LoyCashbackQuote  *quote);
/* {uuid, campaign_uuid, campaign_name, contact_uuid, code, cost_in_points,
 *  status (inactive, active, expired, cancelled — now), used, used_at,
 *  delivery_status, active_from, active_to, ledger_entry_uuid, created_at} */
JsonNode    *loy_campaign_purchase_to_json  (LoyCampaignPurchase *purchase);
/* [{field, message}] of loy_campaign_validate()'s @problems. */
JsonNode    *loy_field_problems_to_json     (GPtrArray         *problems);

G_END_DECLS
