/* loy-json-piggy.h — Piggy's own JSON shapes (PIGGY-API.md): contacts,
 * contact attributes, loyalty transactions, tiers, shops, the loyalty program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-contact.h"
#include "loy-contact-attribute.h"
#include "loy-ledger-entry.h"
#include "loy-level.h"
#include "loy-program.h"
#include "loy-shop.h"
#include "loy-store.h"
#include "loy-voucher.h"

G_BEGIN_DECLS

/* These read what a Piggy server sends, which differs from the shapes of
 * loy-json.h (those of the seed documents and loyctl's --json). Each takes
 * any subset of its members and fails with %LOY_ERROR_MALFORMED_RESPONSE
 * naming a member of the wrong type; a record without a "uuid" is refused.
 * The list readers take a JSON array of records. */

/* {uuid, email, created_at, credit_balance {balance}, attributes [{value,
 * attribute {name, …}}] or current_values {name: value}}: "firstname" and
 * "lastname" are the names, every other attribute but "email" is kept. */
LoyContact          *loy_piggy_contact_from_json            (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_contacts_from_json           (JsonNode      *node,
                                                             GError       **error);

/* {name, type, …}: number is a number, date and birth_date a date, boolean
 * yes/no, anything else text. The API does not count contacts: 0. */
LoyContactAttribute *loy_piggy_contact_attribute_from_json  (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_contact_attributes_from_json (JsonNode      *node,
                                                             GError       **error);

/* A loyalty transaction, by its "type": credit_reception (a negative one is
 * an adjustment; "unit_value" the purchase amount; a custom "reason" kept),
 * reward_reception and digital_reward_reception (title, reward or
 * digital_reward {uuid, title}, digital_reward_code {code}); contact {uuid}
 * and created_at. Another type is refused; the list reader leaves a %NULL
 * in its place (newer servers add kinds of transactions, such as gift card
 * ones), so that a page's rows keep the server's positions. */
LoyLedgerEntry      *loy_piggy_transaction_from_json        (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_transactions_from_json       (JsonNode      *node,
                                                             GError       **error);
/* Whether @node is a reward reception (so reversed at /reward-receptions). */
gboolean             loy_piggy_transaction_is_reward        (JsonNode      *node);

/* {uuid, name, description, position, media}: a level without a threshold
 * (LOY_UNSET). The list comes sorted by position. */
LoyLevel            *loy_piggy_tier_from_json               (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_tiers_from_json              (JsonNode      *node,
                                                             GError       **error);

/* {uuid, name, type: physical|web, reference}. */
LoyShop             *loy_piggy_shop_from_json               (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_shops_from_json              (JsonNode      *node,
                                                             GError       **error);

/* {uuid, name, description, voucher_limit, limit_per_contact,
 * expiration_duration, attributes}: a discount-code campaign whose limit is
 * the voucher limit and whose days valid the expiration duration (days);
 * null limits are unlimited, and it has no cost in points (LOY_UNSET). */
LoyCampaign         *loy_piggy_promotion_from_json          (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_promotions_from_json         (JsonNode      *node,
                                                             GError       **error);

/* {uuid, code, status, name, activation_date, expiration_date, redeemed_at,
 * is_redeemed, contact {uuid, email}, promotion {uuid, redemptions_per_voucher}}
 * (each but "uuid" and "code" optional; an unknown status is refused). The
 * redemptions left are "redemptions_left" when the server says, else none
 * for a used voucher and the promotion's redemptions per voucher for one
 * never used; otherwise not known. */
LoyVoucher          *loy_piggy_voucher_from_json            (JsonNode      *node,
                                                             GError       **error);
GPtrArray           *loy_piggy_vouchers_from_json           (JsonNode      *node,
                                                             GError       **error);
/* {uuid, type: "vouchers", quantity, status} of POST /vouchers/batch: the quantity. */
gboolean             loy_piggy_voucher_batch_from_json      (JsonNode      *node,
                                                             gint64        *quantity,
                                                             GError       **error);

/* {id, name, max_amount, custom_credit_name, unit {name, label, prefix}}. */
LoyProgram          *loy_piggy_loyalty_program_from_json    (JsonNode      *node,
                                                             GError       **error);

/* {balance_in_cents, balance} of /contacts/{uuid}/prepaid-balance: the cents. */
gboolean             loy_piggy_prepaid_balance_from_json    (JsonNode      *node,
                                                             gint64        *cents,
                                                             GError       **error);

/* {credits} of /credit-receptions/calculate. */
gboolean             loy_piggy_credits_from_json            (JsonNode      *node,
                                                             gint64        *credits,
                                                             GError       **error);

/* The body of POST /credit-receptions: {contact_uuid, shop_uuid} with
 * "unit_value" (the purchase amount, in currency units) or "credits", and
 * the reason as a custom "reason" attribute when there is one. An award by
 * action fails with %LOY_ERROR_NOT_SUPPORTED. */
JsonNode            *loy_piggy_credit_reception_to_json     (const char      *contact_uuid,
                                                             const char      *shop_uuid,
                                                             const LoyAward  *award,
                                                             GError         **error);

/* The body of PUT /contacts/{uuid}: {"attributes": {…}}, with the names of
 * loy-json.h's contacts ("first_name", "last_name") as Piggy's ("firstname",
 * "lastname"); "email", "uuid" and the balance cannot be changed there. */
JsonNode            *loy_piggy_contact_changes_to_json      (JsonObject    *changes,
                                                             GError       **error);

G_END_DECLS
