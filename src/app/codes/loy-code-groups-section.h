/* loy-code-groups-section.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-code-group-window.h"
#include "loy-section.h"

G_BEGIN_DECLS

#define LOY_TYPE_CODE_GROUPS_SECTION (loy_code_groups_section_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeGroupsSection, loy_code_groups_section, LOY, CODE_GROUPS_SECTION, LoySection)

/* The Code Groups section: each digital reward's group of codes, with how
 * many are left and when they run out; a group activated opens its window. */
LoyCodeGroupWindow *loy_code_groups_section_open_group (LoyCodeGroupsSection *self,
                                                        LoyCodeGroup         *group);

G_END_DECLS
