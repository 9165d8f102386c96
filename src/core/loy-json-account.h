/* loy-json-account.h — what an account is set up with (shops, levels, the
 * program's rules) as loyctl's --json writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-level.h"
#include "loy-program.h"
#include "loy-shop.h"

G_BEGIN_DECLS

/* uuid, name, type ("physical", "web" or null). */
JsonNode *loy_shop_to_json    (LoyShop    *shop);
/* uuid, name, threshold (null for a remote account's tiers, which have none). */
JsonNode *loy_level_to_json   (LoyLevel   *level);
/* name, credit_name, unit_label (a remote account's; null locally),
 * points_per_unit, rounding, welcome_points, actions {name: points},
 * expiry_months, level_basis, level_period_months. */
JsonNode *loy_program_to_json (LoyProgram *program);

G_END_DECLS
