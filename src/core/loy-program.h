/* loy-program.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOY_TYPE_PROGRAM (loy_program_get_type ())

G_DECLARE_FINAL_TYPE (LoyProgram, loy_program, LOY, PROGRAM, GObject)

typedef enum
{
  LOY_ROUNDING_DOWN,    /*< nick=DOWN >*/
  LOY_ROUNDING_NEAREST, /*< nick=NEAREST >*/
  LOY_ROUNDING_UP,      /*< nick=UP >*/
} LoyRounding;

typedef enum
{
  LOY_LEVEL_BASIS_BALANCE,          /*< nick=BALANCE >*/ /* the current balance */
  LOY_LEVEL_BASIS_EARNED_IN_PERIOD, /*< nick=EARNED_IN_PERIOD >*/ /* points earned in the last level-period-months */
} LoyLevelBasis;

/**
 * LoyProgram:
 *
 * The loyalty program's rules: how points are earned, when they expire and
 * how levels are reached. One per store.
 */
LoyProgram    *loy_program_new                        (void);
/* Points per whole currency unit spent, e.g. 1 point per euro. */
gint64         loy_program_get_points_per_unit        (LoyProgram    *self);
void           loy_program_set_points_per_unit        (LoyProgram    *self,
                                                       gint64         points);
LoyRounding    loy_program_get_rounding               (LoyProgram    *self);
void           loy_program_set_rounding               (LoyProgram    *self,
                                                       LoyRounding    rounding);
gint64         loy_program_get_welcome_points         (LoyProgram    *self);
void           loy_program_set_welcome_points         (LoyProgram    *self,
                                                       gint64         points);
/* Fixed points for an action ("referral", "review", "social_share", …);
 * -1 when the action is unknown. */
gint64         loy_program_get_action_points          (LoyProgram    *self,
                                                       const char    *action);
void           loy_program_set_action_points          (LoyProgram    *self,
                                                       const char    *action,
                                                       gint64         points);
/* (transfer full): the configured actions, sorted. */
GStrv          loy_program_dup_actions                (LoyProgram    *self);
/* Months after which earned points expire; 0: never. */
guint          loy_program_get_expiry_months          (LoyProgram    *self);
void           loy_program_set_expiry_months          (LoyProgram    *self,
                                                       guint          months);
LoyLevelBasis  loy_program_get_level_basis            (LoyProgram    *self);
void           loy_program_set_level_basis            (LoyProgram    *self,
                                                       LoyLevelBasis  basis);
guint          loy_program_get_level_period_months    (LoyProgram    *self);
void           loy_program_set_level_period_months    (LoyProgram    *self,
                                                       guint          months);

/* What a remote account's loyalty program says of itself: its name, what
 * its points are called, what they are earned on; NULL locally. */
const char    *loy_program_get_name                   (LoyProgram    *self);
void           loy_program_set_name                   (LoyProgram    *self,
                                                       const char    *name);
const char    *loy_program_get_credit_name            (LoyProgram    *self);
void           loy_program_set_credit_name            (LoyProgram    *self,
                                                       const char    *credit_name);
const char    *loy_program_get_unit_label             (LoyProgram    *self);
void           loy_program_set_unit_label             (LoyProgram    *self,
                                                       const char    *unit_label);
/* FALSE when the store does not say what the rules above are (a remote
 * account's loyalty program): they are then only the defaults. */
gboolean       loy_program_get_rules_known            (LoyProgram    *self);
void           loy_program_set_rules_known            (LoyProgram    *self,
                                                       gboolean       rules_known);
/* Points for a purchase of @amount_cents under the earning rule. */
gint64         loy_program_points_for_amount          (LoyProgram    *self,
                                                       gint64         amount_cents);

G_END_DECLS
