/* loy-segment-builder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-criteria-group.h"

G_BEGIN_DECLS

#define LOY_TYPE_SEGMENT_BUILDER (loy_segment_builder_get_type ())

G_DECLARE_FINAL_TYPE (LoySegmentBuilder, loy_segment_builder, LOY, SEGMENT_BUILDER, AdwWindow)

/* Edits @segment, or builds a new one when @segment is %NULL or has no UUID
 * yet. Emits ::changed after the store saved or deleted it. */
LoySegmentBuilder *loy_segment_builder_new            (LoyStore          *store,
                                                       LoySegment        *segment);
LoySegment        *loy_segment_builder_get_segment    (LoySegmentBuilder *self);
/* A new group of conditions, joined to the others by "and", with one
 * condition when @condition is given. */
LoyCriteriaGroup  *loy_segment_builder_add_group      (LoySegmentBuilder *self,
                                                       JsonObject        *condition);
/* (transfer full): the criteria the groups describe, valid or not. */
JsonNode          *loy_segment_builder_build_criteria (LoySegmentBuilder *self);
/* How many contacts match the criteria on show; -1 while counting or when
 * the criteria are not valid. */
gint64             loy_segment_builder_get_count      (LoySegmentBuilder *self);

G_END_DECLS
