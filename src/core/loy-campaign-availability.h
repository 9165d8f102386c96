/* loy-campaign-availability.h — the one evaluator of what a contact can get
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-campaign.h"

G_BEGIN_DECLS

/**
 * LoyCampaignContext:
 *
 * What the evaluator needs to know about one contact, and about the
 * campaigns' sales, at one moment: filled by the store (or a test) once,
 * then used for every campaign. Reference counted.
 */
typedef struct _LoyCampaignContext LoyCampaignContext;

#define LOY_TYPE_CAMPAIGN_CONTEXT (loy_campaign_context_get_type ())

GType               loy_campaign_context_get_type     (void) G_GNUC_CONST;
/* @level_uuid: the contact's level, or NULL. */
LoyCampaignContext *loy_campaign_context_new          (gint64              balance,
                                                       const char         *level_uuid);
LoyCampaignContext *loy_campaign_context_ref          (LoyCampaignContext *context);
void                loy_campaign_context_unref        (LoyCampaignContext *context);
gint64              loy_campaign_context_get_balance  (LoyCampaignContext *context);
const char         *loy_campaign_context_get_level_uuid (LoyCampaignContext *context);
/* The contact is a member of segment @segment_uuid. */
void                loy_campaign_context_add_segment  (LoyCampaignContext *context,
                                                       const char         *segment_uuid);
gboolean            loy_campaign_context_in_segment   (LoyCampaignContext *context,
                                                       const char         *segment_uuid);
/* The name of a level or segment, for "Only for Gold, Silver"; a target
 * without a name is named by its UUID. */
void                loy_campaign_context_set_name     (LoyCampaignContext *context,
                                                       const char         *uuid,
                                                       const char         *name);
/* The sales of campaign @campaign_uuid: how often this contact and
 * everybody bought it, and how many codes its code group has left
 * (LOY_UNSET when not counted, or for a shared code). A campaign without
 * counts has sold nothing and is not short of codes. */
void                loy_campaign_context_set_counts   (LoyCampaignContext *context,
                                                       const char         *campaign_uuid,
                                                       gint64              contact_purchases,
                                                       gint64              total_purchases,
                                                       gint64              codes_left);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyCampaignContext, loy_campaign_context_unref)

/**
 * LoyAvailabilityReasonKind:
 *
 * Why a campaign is not listed or not available; a nick is the reason's
 * name in `--json` output (see loy_enum_to_nick()).
 */
typedef enum
{
  LOY_AVAILABILITY_REASON_INACTIVE,              /*< nick=inactive >*/
  LOY_AVAILABILITY_REASON_NOT_LISTED_YET,        /*< nick=not_listed_yet >*/
  LOY_AVAILABILITY_REASON_NO_LONGER_LISTED,      /*< nick=no_longer_listed >*/
  LOY_AVAILABILITY_REASON_NOT_STARTED,           /*< nick=not_started >*/
  LOY_AVAILABILITY_REASON_ENDED,                 /*< nick=ended >*/
  LOY_AVAILABILITY_REASON_NOT_IN_TARGET,         /*< nick=not_in_target >*/
  LOY_AVAILABILITY_REASON_LIMIT_REACHED,         /*< nick=limit_reached >*/
  LOY_AVAILABILITY_REASON_CONTACT_LIMIT_REACHED, /*< nick=contact_limit_reached >*/
  LOY_AVAILABILITY_REASON_NO_CODES_LEFT,         /*< nick=no_codes_left >*/
  LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS,     /*< nick=not_enough_points >*/
} LoyAvailabilityReasonKind;

/**
 * LoyAvailabilityReason:
 * @kind: which rule says no
 * @message: for a person, translated, dates in the time zone of the
 *   evaluation's now: "Ended on 24 Dec 2026, 23:59", "Only for Gold, Silver",
 *   "Needs 40 more points"
 */
typedef struct
{
  LoyAvailabilityReasonKind  kind;
  char                      *message;
} LoyAvailabilityReason;

/**
 * LoyAvailability:
 *
 * The evaluator's answer for one campaign and one contact at one moment.
 * Reference counted; immutable.
 */
typedef struct _LoyAvailability LoyAvailability;

#define LOY_TYPE_AVAILABILITY (loy_availability_get_type ())

GType            loy_availability_get_type          (void) G_GNUC_CONST;
LoyAvailability *loy_availability_ref               (LoyAvailability           *availability);
void             loy_availability_unref             (LoyAvailability           *availability);
LoyCampaign     *loy_availability_get_campaign      (LoyAvailability           *availability);
/* Shown in the contact's list of campaigns (perhaps dimmed, with the
 * reasons). Percentage discount codes are never listed. */
gboolean         loy_availability_get_listed        (LoyAvailability           *availability);
/* The contact can have it now: buy a coupon, see a custom campaign, pay
 * with cashback, be issued a percentage discount code. */
gboolean         loy_availability_get_available     (LoyAvailability           *availability);
/* Available, and of a type bought with points (a coupon type): cashback is
 * listed but paid at the till, and a custom campaign is only shown. */
gboolean         loy_availability_get_can_buy       (LoyAvailability           *availability);
/* Every reason against listing or availability, in the order of the
 * kinds; empty when listed (if the type is listed) and available.
 * Returns: (element-type LoyAvailabilityReason) (transfer none) */
GPtrArray       *loy_availability_get_reasons       (LoyAvailability           *availability);
gboolean         loy_availability_has_reason        (LoyAvailability           *availability,
                                                     LoyAvailabilityReasonKind  kind);
/* How many more points the contact needs; 0 when enough. */
gint64           loy_availability_get_points_needed (LoyAvailability           *availability);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyAvailability, loy_availability_unref)

/* The evaluator: every path (the contact's list, buying, cashback, the
 * reach count, loyctl) asks it. Inactive beats every date (seed 003).
 * Visibility decides the listing, and for the types got from the list
 * (coupons, custom) availability as well; cashback and percentage codes
 * are used at the till and against a purchase, so only the status,
 * activity and target count for them. */
LoyAvailability *loy_campaign_check_availability    (LoyCampaign               *campaign,
                                                     LoyCampaignContext        *context,
                                                     GDateTime                 *now);

G_END_DECLS
