/* loy-segment-criteria.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

/*
 * A segment's members are the contacts that meet its criteria, a JSON
 * object of groups of conditions:
 *
 *   {"groups": [{"any": [condition, …]}, …]}
 *
 * A contact must meet every group (AND), and a group by meeting any one of
 * its conditions (OR). Without groups ("{}" or no "groups") every contact is
 * a member. The conditions:
 *
 *   {"type": "balance", "min": 500, "max": 999}         either bound optional
 *   {"type": "level", "levels": ["<uuid>", …]}          in any of these levels
 *   {"type": "attribute", "attribute": "city",
 *    "op": "equals" | "not_equals" | "contains" | "is_set", "value": "Amsterdam"}
 *   {"type": "last_activity", "within_days": 30}        a ledger entry in the last
 *                                                       30 days (expiry does not count)
 *   {"type": "earned", "min": 200, "within_days": 90}   at least 200 points earned
 *                                                       (welcome points, credit
 *                                                       receptions, positive adjustments;
 *                                                       not reversed) in the last 90 days
 *
 * Attribute values compare as text, ignoring ASCII case; "not_equals" also
 * matches contacts without the attribute.
 *
 * The UI builds and edits criteria with the functions below; the JSON is
 * what the store keeps, so anything these functions make is valid.
 */

typedef enum
{
  LOY_ATTRIBUTE_OP_EQUALS,     /*< nick=equals >*/
  LOY_ATTRIBUTE_OP_NOT_EQUALS, /*< nick=not_equals >*/
  LOY_ATTRIBUTE_OP_CONTAINS,   /*< nick=contains >*/
  LOY_ATTRIBUTE_OP_IS_SET,     /*< nick=is_set >*/
} LoyAttributeOp;

/* Criteria without groups: every contact. */
JsonNode   *loy_segment_criteria_new               (void);

/* LOY_ERROR_INVALID_INPUT naming the group, the condition and what is wrong. */
gboolean    loy_segment_criteria_validate          (JsonNode            *criteria,
                                                    GError             **error);

guint       loy_segment_criteria_get_n_groups      (JsonNode            *criteria);
/* The conditions of group @group (its "any" array), owned by @criteria. */
JsonArray  *loy_segment_criteria_get_group         (JsonNode            *criteria,
                                                    guint                group);
/* Appends a new group holding @condition (taking it); returns the group's index. */
guint       loy_segment_criteria_add_group         (JsonNode            *criteria,
                                                    JsonObject          *condition);
/* Adds @condition (taking it) to @group as one more alternative. */
void        loy_segment_criteria_add_condition     (JsonNode            *criteria,
                                                    guint                group,
                                                    JsonObject          *condition);
/* Removes condition @index of @group; a group left empty goes too. */
void        loy_segment_criteria_remove_condition  (JsonNode            *criteria,
                                                    guint                group,
                                                    guint                index);

/* LOY_ERROR_INVALID_INPUT saying what is wrong with one condition. */
gboolean    loy_segment_condition_validate          (JsonObject         *condition,
                                                     GError            **error);

/* LOY_UNSET for an open bound. */
JsonObject *loy_segment_condition_new_balance       (gint64              min,
                                                     gint64              max);
JsonObject *loy_segment_condition_new_level         (const char * const *level_uuids);
/* @value is ignored for LOY_ATTRIBUTE_OP_IS_SET. */
JsonObject *loy_segment_condition_new_attribute     (const char         *attribute,
                                                     LoyAttributeOp      op,
                                                     const char         *value);
JsonObject *loy_segment_condition_new_last_activity (guint               within_days);
JsonObject *loy_segment_condition_new_earned        (gint64              min,
                                                     guint               within_days);

/* One line for people: "Balance ≥ 500 and (level Gold or city is Amsterdam)".
 * @level_names maps level UUIDs to names (may be NULL); a level it lacks
 * shows as deleted. @criteria must be valid. */
char       *loy_segment_criteria_summarize          (JsonNode           *criteria,
                                                     GHashTable         *level_names);
/* One valid condition for people, "City is Amsterdam": a row of the builder. */
char       *loy_segment_condition_describe          (JsonObject         *condition,
                                                     GHashTable         *level_names);

G_END_DECLS
