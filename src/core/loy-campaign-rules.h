/* loy-campaign-rules.h — what makes a campaign valid, and the value of a
 * percentage discount code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-campaign.h"

G_BEGIN_DECLS

/**
 * LoyFieldProblem:
 * @field: the field's name in `--json` ("name", "activity",
 *   "limit_per_contact", "point_value", "transaction_percentage",
 *   "cost_in_points", "tax", "codes", "shared_code", "more_information_link",
 *   "connect_type", …), so that an editor puts @message next to it
 * @message: what is wrong, translated, naming the field
 */
typedef struct
{
  char *field;
  char *message;
} LoyFieldProblem;

#define LOY_TYPE_FIELD_PROBLEM (loy_field_problem_get_type ())

GType            loy_field_problem_get_type (void) G_GNUC_CONST;
LoyFieldProblem *loy_field_problem_copy     (const LoyFieldProblem *problem);
void             loy_field_problem_free     (LoyFieldProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyFieldProblem, loy_field_problem_free)

/* Every problem with @campaign for its type (CAMPAIGNS.md), in the order
 * of the editor's pages; an empty array when it is valid. @new_codes are
 * the codes about to be added to its code group (NULL for none): a coupon
 * campaign needs a code group, new codes or a shared code, and new codes
 * must be non-blank and unique. Whether the name is unique among
 * campaigns is the store's check.
 * Returns: (element-type LoyFieldProblem) (transfer full) */
GPtrArray       *loy_campaign_validate                 (LoyCampaign        *campaign,
                                                        const char * const *new_codes);
/* As loy_campaign_validate(), for a caller that refuses or accepts as a
 * whole (the store, loyctl): %LOY_ERROR_INVALID_INPUT with every problem
 * in one line. */
gboolean         loy_campaign_check                    (LoyCampaign        *campaign,
                                                        const char * const *new_codes,
                                                        GError            **error);

/* A percentage discount code's value for a purchase of @purchase_cents:
 * round(purchase × percentage / 100) in whole currency units (half away
 * from zero), in cents. %LOY_ERROR_INVALID_INPUT when that is 0 or the
 * campaign is of another type. */
gboolean         loy_campaign_compute_percentage_value (LoyCampaign        *campaign,
                                                        gint64              purchase_cents,
                                                        gint64             *value_cents,
                                                        GError            **error);

G_END_DECLS
