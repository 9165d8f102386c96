/* loy-sqlite-demo-campaigns.h — the demo's campaigns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Campaigns of every type around @end (today) with labels, categories,
 * targets (@gold_level_id, @segment_id), codes and some purchases by the
 * contacts already there, inside the demo's transaction: the same for a
 * @seed and an @end. */
gboolean _loy_sqlite_demo_add_campaigns (sqlite3  *db,
                                         guint64   seed,
                                         gint64    end,
                                         gint64    gold_level_id,
                                         gint64    segment_id,
                                         GError  **error);

G_END_DECLS
