/* loy-segments-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-section.h"

G_BEGIN_DECLS

#define LOY_TYPE_SEGMENTS_SECTION (loy_segments_section_get_type ())

G_DECLARE_FINAL_TYPE (LoySegmentsSection, loy_segments_section, LOY, SEGMENTS_SECTION, LoySection)

/* The Segments tab: the segments with their member counts, "New
 * Segment", and a segment's builder. */
GtkWindow      *loy_segments_section_open_editor (LoySegmentsSection *self,
                                                 GObject            *item);

G_END_DECLS
