/* loy-criterion-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CRITERION_ROW (loy_criterion_row_get_type ())

G_DECLARE_FINAL_TYPE (LoyCriterionRow, loy_criterion_row, LOY, CRITERION_ROW, GtkListBoxRow)

/* @levels: (element-type LoyLevel): the levels to choose from;
 * @attributes: (element-type LoyContactAttribute): the contact attributes
 * to suggest. */
LoyCriterionRow *loy_criterion_row_new             (GListModel      *levels,
                                                    GListModel      *attributes);
/* Shows @condition (see loy-segment-criteria.h) in the fields. */
void             loy_criterion_row_set_condition   (LoyCriterionRow *self,
                                                    JsonObject      *condition);
/* What the condition still needs, or %NULL when it is complete. */
const char      *loy_criterion_row_get_problem     (LoyCriterionRow *self);
/* (transfer full): the condition the fields describe, valid or not. */
JsonObject      *loy_criterion_row_build_condition (LoyCriterionRow *self);

G_END_DECLS
