/* test-campaign-fixture.h — campaigns, times and a desk's context the campaign tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-core.h"

G_BEGIN_DECLS

/* Levels and segments the campaigns target. */
#define GOLD "0b8a0d0e-0000-4000-8000-000000000001"
#define SILVER "0b8a0d0e-0000-4000-8000-000000000002"
#define BRONZE "0b8a0d0e-0000-4000-8000-000000000003"
#define VIPS "5e6a0000-0000-4000-8000-000000000001"
#define NEWCOMERS "5e6a0000-0000-4000-8000-000000000002"

/* Unix seconds of a wall-clock time @offset_hours east of UTC. */
gint64              test_time_at              (int              year,
                                               int              month,
                                               int              day,
                                               int              hour,
                                               int              minute,
                                               double           offset_hours);
/* "Now" at @unix_seconds, as seen @offset_hours east of UTC. */
GDateTime          *test_now_at               (gint64           unix_seconds,
                                               double           offset_hours);

LoyCampaign        *test_campaign_new         (LoyCampaignType  type,
                                               const char      *uuid,
                                               const char      *name);
/* A valid campaign of @type, with only what the type requires. */
LoyCampaign        *test_campaign_new_valid   (LoyCampaignType  type);
/* A cashback campaign worth @point_value_cents a point. */
LoyCampaign        *test_cashback_new         (const char      *uuid,
                                               gint64           point_value_cents,
                                               gint64           created_at);

/* A Silver contact with @balance points, in the Newcomers segment; Gold,
 * Silver and VIPs have their names. */
LoyCampaignContext *test_campaign_context_new (gint64           balance);

G_END_DECLS
