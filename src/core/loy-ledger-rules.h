/* loy-ledger-rules.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @email looks like a deliverable address (one "@", a dotted
 * domain, no spaces); LOY_ERROR_INVALID_INPUT saying what is wrong otherwise. */
gboolean loy_email_validate        (const char  *email,
                                    GError     **error);

/* Parses an amount of money as a person types it, "12.50", "12,50" or
 * "12", into cents; LOY_ERROR_INVALID_INPUT for anything else (signs,
 * thousands separators, more than two decimals, letters). */
gboolean loy_money_parse           (const char  *text,
                                    gint64      *cents,
                                    GError     **error);

/* @time plus @months calendar months (negative: back), in unix seconds,
 * clamped to the end of a shorter month. */
gint64   loy_add_months            (gint64       time,
                                    int          months);

/**
 * LoyPointsLot:
 * @credits: points earned at once (positive)
 * @created_at: when, in unix seconds
 *
 * Points earned together, which expire together.
 */
typedef struct
{
  gint64 credits;
  gint64 created_at;
} LoyPointsLot;

/* Points are spent first-in, first-out: whatever a contact spent, lost or
 * had taken (@spent, all of it, whenever it happened) comes off the oldest
 * points first. Of the points earned up to a cutoff, what is left to expire
 * is therefore what they add up to beyond @spent. */
gint64   loy_points_expirable      (gint64       earned_until_cutoff,
                                    gint64       spent);

/* The points that expire next from @lots (oldest first) after @spent came
 * off them, and when (the lot's date plus @expiry_months). FALSE when
 * nothing is left to expire or points never expire. */
gboolean loy_points_next_expiry    (const LoyPointsLot *lots,
                                    gsize               n_lots,
                                    gint64              spent,
                                    guint               expiry_months,
                                    gint64             *points,
                                    gint64             *expiring_at);

/**
 * LoyPointsMove:
 * @credits: points earned (positive) or spent, lost or taken (negative)
 * @expiry: whether they were taken because they expired
 *
 * One entry of a contact's points, for following where points went.
 */
typedef struct
{
  gint64   credits;
  gboolean expiry;
} LoyPointsMove;

/* Of the points earned by @moves[@lot], how many expiry took. @moves are a
 * contact's, oldest first; each loss takes the oldest points left when it
 * happens, first-in, first-out as above. */
gint64   loy_points_expired_from   (const LoyPointsMove *moves,
                                    gsize                n_moves,
                                    gsize                lot);

G_END_DECLS
