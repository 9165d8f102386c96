/* loy-campaign-reach.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CAMPAIGN_REACH (loy_campaign_reach_get_type ())

G_DECLARE_FINAL_TYPE (LoyCampaignReach, loy_campaign_reach, LOY, CAMPAIGN_REACH, GObject)

/* A count its store does not make (a Piggy account), or one that failed. */
#define LOY_CAMPAIGN_REACH_UNKNOWN G_MININT64

/**
 * LoyCampaignReach:
 *
 * How many contacts each listed campaign targets: counted by the store off
 * the main thread, one campaign at a time as its row comes into view (so
 * that the list's own pages never wait behind a queue of counts), kept per
 * campaign until the store changes, and shown in a column. While it is not
 * active (the list out of sight) nothing new is counted.
 *
 * ::counted (uuid) is emitted as a campaign's count arrives, and with a
 * %NULL uuid when every count was dropped to be made again.
 */
LoyCampaignReach    *loy_campaign_reach_new        (void);
void                 loy_campaign_reach_set_store  (LoyCampaignReach *self,
                                                    LoyStore         *store);
void                 loy_campaign_reach_set_active (LoyCampaignReach *self,
                                                    gboolean          active);
/* The contacts @campaign reaches; LOY_UNSET while it is counted (asked for
 * now if it was not), LOY_CAMPAIGN_REACH_UNKNOWN when it cannot be. */
gint64               loy_campaign_reach_lookup     (LoyCampaignReach *self,
                                                    LoyCampaign      *campaign);
/* Stops waiting for the count of @uuid if it has not started. */
void                 loy_campaign_reach_forget     (LoyCampaignReach *self,
                                                    const char       *uuid);
/* A "Reach" column whose cells show the count, or a placeholder while it
 * is made. */
GtkColumnViewColumn *loy_campaign_reach_new_column (LoyCampaignReach *self);

G_END_DECLS
