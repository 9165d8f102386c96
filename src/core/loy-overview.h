/* loy-overview.h — what the program did in a period, and what it holds now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-code-group.h"

G_BEGIN_DECLS

/**
 * LoyOverviewFigures:
 * @enrollments: contacts who joined
 * @active_contacts: contacts with any ledger entry
 * @points_issued: points given: purchases, welcome points, positive adjustments
 * @points_redeemed: points spent on rewards
 * @points_expired: points that expired
 * @redemptions: rewards redeemed
 * @redemption_cost_cents: the cost prices of the rewards redeemed, of those that have one
 * @uncosted_redemptions: redemptions of rewards without a cost price, left out of the cost
 *
 * A period's figures. A reversal counts on the day of the entry it
 * reverses, so a reversed redemption is no redemption.
 */
typedef struct
{
  gint64 enrollments;
  gint64 active_contacts;
  gint64 points_issued;
  gint64 points_redeemed;
  gint64 points_expired;
  gint64 redemptions;
  gint64 redemption_cost_cents;
  gint64 uncosted_redemptions;
} LoyOverviewFigures;

/* Points redeemed per point issued; -1 when none were issued. */
double        loy_overview_figures_get_redemption_rate (const LoyOverviewFigures *figures);

/* A series' step: a day for periods up to LOY_OVERVIEW_MAX_DAILY_DAYS, else a week. */
#define LOY_OVERVIEW_MAX_DAILY_DAYS 31

typedef struct
{
  GDate  start;         /* the first day of the step, local */
  gint64 issued;
  gint64 redeemed;
  gint64 enrollments;
} LoyOverviewStep;

typedef struct
{
  char   *uuid;         /* NULL: contacts without a level */
  char   *name;
  gint64  contacts;
} LoyOverviewLevel;

typedef struct
{
  char   *uuid;
  char   *title;
  gint64  redemptions;
  gint64  cost_cents;   /* LOY_UNSET: the reward has no cost price */
} LoyOverviewReward;

/* How many rewards and code groups an overview lists at most. */
#define LOY_OVERVIEW_TOP_REWARDS 10
#define LOY_OVERVIEW_CODE_GROUPS 5

#define LOY_TYPE_OVERVIEW (loy_overview_get_type ())

G_DECLARE_FINAL_TYPE (LoyOverview, loy_overview, LOY, OVERVIEW, GObject)

/* An overview of [@from, @to), local days, with zero figures and a series
 * of zero steps, for a backend to fill in. */
LoyOverview  *loy_overview_new                      (const GDate               *from,
                                                     const GDate               *to);

void          loy_overview_get_period               (LoyOverview               *self,
                                                     GDate                     *from,
                                                     GDate                     *to);
guint         loy_overview_get_n_days               (LoyOverview               *self);
/* The period of the same length before this one. */
void          loy_overview_get_previous_period      (LoyOverview               *self,
                                                     GDate                     *from,
                                                     GDate                     *to);

const LoyOverviewFigures *loy_overview_get_figures  (LoyOverview               *self);
const LoyOverviewFigures *loy_overview_get_previous_figures (LoyOverview       *self);
void          loy_overview_set_figures              (LoyOverview               *self,
                                                     const LoyOverviewFigures  *figures,
                                                     const LoyOverviewFigures  *previous);
/* Whether nothing happened in the period: no entry, no enrollment. */
gboolean      loy_overview_is_empty                 (LoyOverview               *self);

/* All balances together, now, and their money value (LOY_UNSET when the
 * program gives points none). */
gint64        loy_overview_get_points_outstanding   (LoyOverview               *self);
gint64        loy_overview_get_outstanding_value_cents (LoyOverview            *self);
void          loy_overview_set_outstanding          (LoyOverview               *self,
                                                     gint64                     points,
                                                     gint64                     value_cents);

/* Days per step of the series: 1 or 7. */
guint         loy_overview_get_step_days            (LoyOverview               *self);
/* Of LoyOverviewStep, covering the period. */
GArray       *loy_overview_get_series               (LoyOverview               *self);
/* Adds a day's figures to the step holding @day; days outside the period are ignored. */
void          loy_overview_add_day                  (LoyOverview               *self,
                                                     const GDate               *day,
                                                     gint64                     issued,
                                                     gint64                     redeemed,
                                                     gint64                     enrollments);

/* Of LoyOverviewLevel, in the order added (levels by threshold). */
GArray       *loy_overview_get_levels               (LoyOverview               *self);
void          loy_overview_add_level                (LoyOverview               *self,
                                                     const char                *uuid,
                                                     const char                *name,
                                                     gint64                     contacts);

/* Of LoyOverviewReward, most redeemed first. */
GArray       *loy_overview_get_top_rewards          (LoyOverview               *self);
void          loy_overview_add_top_reward           (LoyOverview               *self,
                                                     const char                *uuid,
                                                     const char                *title,
                                                     gint64                     redemptions,
                                                     gint64                     cost_cents);

/* Of LoyCodeGroup: groups still issuing codes, those that run out soonest first. */
GPtrArray    *loy_overview_get_code_groups          (LoyOverview               *self);
void          loy_overview_add_code_group           (LoyOverview               *self,
                                                     LoyCodeGroup              *group);
/* Days until @group has no codes left at the rate of the last 30 days;
 * -1 when it issued none in them. */
double        loy_overview_code_group_days_left     (LoyCodeGroup              *group);

G_END_DECLS
