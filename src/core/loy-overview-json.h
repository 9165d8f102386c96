/* loy-overview-json.h — the overview as `loyctl report overview --json` writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-overview.h"

G_BEGIN_DECLS

/* {enrollments, active_contacts, points_issued, points_redeemed, points_expired,
 * points_outstanding, redemptions, redemption_cost, top_rewards: [{uuid, title,
 * redemptions, cost}], series: [{date, issued, redeemed, enrollments}]}: money
 * in currency units (null: no cost price), a step's date its first local
 * midnight in ISO 8601 with the offset. */
JsonNode     *loy_overview_to_json             (LoyOverview           *overview);

G_END_DECLS
