/* loy-segment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LOY_TYPE_SEGMENT (loy_segment_get_type ())

G_DECLARE_FINAL_TYPE (LoySegment, loy_segment, LOY, SEGMENT, GObject)

LoySegment *loy_segment_new              (void);
const char *loy_segment_get_uuid         (LoySegment *self);
void        loy_segment_set_uuid         (LoySegment *self,
                                          const char *uuid);
const char *loy_segment_get_name         (LoySegment *self);
void        loy_segment_set_name         (LoySegment *self,
                                          const char *name);
const char *loy_segment_get_description  (LoySegment *self);
void        loy_segment_set_description  (LoySegment *self,
                                          const char *description);
gint64      loy_segment_get_n_contacts   (LoySegment *self);
void        loy_segment_set_n_contacts   (LoySegment *self,
                                          gint64      n_contacts);
/* The membership rules (see loy-segment-criteria.h); never NULL. */
JsonNode   *loy_segment_get_criteria     (LoySegment *self);
void        loy_segment_set_criteria     (LoySegment *self,
                                          JsonNode   *criteria);

G_END_DECLS
