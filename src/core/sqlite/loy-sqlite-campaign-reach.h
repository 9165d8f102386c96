/* loy-sqlite-campaign-reach.h — how many contacts a campaign's target reaches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The contacts that loy_campaign_check_availability() finds in the target
 * of the LoyCampaign @campaign (which need not be saved), or -1 with @error;
 * a LoySqliteCountWorkFunc. */
gint64 _loy_sqlite_count_campaign_reach (sqlite3       *db,
                                         gpointer       campaign,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
