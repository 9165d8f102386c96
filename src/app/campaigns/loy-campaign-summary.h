/* loy-campaign-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

/* Fills @list (a boxed list) with a row for each field of @campaign that
 * its type uses; @connect_type, @coupons, @brand_image (its name, NULL: none), @reach (LOY_UNSET: not counted yet) and
 * @schedule as the editor's pages show them. */
void loy_campaign_summary_fill (GtkListBox  *list,
                                LoyCampaign *campaign,
                                const char  *connect_type,
                                const char  *coupons,
                                const char  *brand_image,
                                gint64       reach,
                                const char  *schedule);

G_END_DECLS
