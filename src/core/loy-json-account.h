/* loy-json-account.h — what an account is set up with (shops, levels, the
 * program's rules) and a promotion's vouchers, as loyctl's --json writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-level.h"
#include "loy-program.h"
#include "loy-shop.h"
#include "loy-voucher.h"

G_BEGIN_DECLS

/* uuid, name, type ("physical", "web" or null). */
JsonNode *loy_shop_to_json    (LoyShop    *shop);
/* uuid, name, threshold (null for a remote account's tiers, which have none). */
JsonNode *loy_level_to_json   (LoyLevel   *level);
/* name, credit_name, unit_label (a remote account's; null locally),
 * points_per_unit, rounding, welcome_points, actions {name: points},
 * expiry_months, level_basis, level_period_months. */
JsonNode *loy_program_to_json (LoyProgram *program);

/* uuid, code, status (the API's: "ACTIVE", "REDEEMED", …), name,
 * campaign_uuid (its promotion), contact_uuid, contact_email, activates_at,
 * expires_at, redeemed_at, redemptions_left (null when not known). */
JsonNode *loy_voucher_to_json (LoyVoucher *voucher);

G_END_DECLS
