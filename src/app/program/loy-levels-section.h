/* loy-levels-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-section.h"

G_BEGIN_DECLS

#define LOY_TYPE_LEVELS_SECTION (loy_levels_section_get_type ())

G_DECLARE_FINAL_TYPE (LoyLevelsSection, loy_levels_section, LOY, LEVELS_SECTION, LoySection)

/* The Levels tab: how contacts reach the levels, the levels with their
 * thresholds and members, "New Level", and a level's editor. */
GtkWindow      *loy_levels_section_open_editor (LoyLevelsSection *self,
                                                 GObject          *item);

G_END_DECLS
