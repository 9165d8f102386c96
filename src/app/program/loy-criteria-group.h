/* loy-criteria-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-criterion-row.h"

G_BEGIN_DECLS

#define LOY_TYPE_CRITERIA_GROUP (loy_criteria_group_get_type ())

G_DECLARE_FINAL_TYPE (LoyCriteriaGroup, loy_criteria_group, LOY, CRITERIA_GROUP, GtkWidget)

/* @levels: (element-type LoyLevel): the levels conditions can name;
 * @attributes: (element-type LoyContactAttribute): the contact attributes
 * they suggest. */
LoyCriteriaGroup *loy_criteria_group_new            (GListModel       *levels,
                                                     GListModel       *attributes);
/* Adds a condition showing @condition, or a new balance condition when
 * @condition is %NULL. */
LoyCriterionRow  *loy_criteria_group_add_condition  (LoyCriteriaGroup *self,
                                                     JsonObject       *condition);
guint             loy_criteria_group_get_n_conditions (LoyCriteriaGroup *self);
/* Whether every condition is complete; the others show what they need. */
gboolean          loy_criteria_group_is_complete    (LoyCriteriaGroup *self);
/* Whether the group says "and" above itself, joining it to the one before. */
void              loy_criteria_group_set_joined     (LoyCriteriaGroup *self,
                                                     gboolean          joined);
/* Appends this group and its conditions to @criteria. */
void              loy_criteria_group_build          (LoyCriteriaGroup *self,
                                                     JsonNode         *criteria);

G_END_DECLS
