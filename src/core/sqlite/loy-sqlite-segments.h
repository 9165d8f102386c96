/* loy-sqlite-segments.h — saving and deleting levels and segments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-segment.h"
#include "loy-store.h"

G_BEGIN_DECLS

gboolean         _loy_sqlite_delete_level           (sqlite3          *db,
                                                     const char       *uuid,
                                                     GError          **error);
gboolean         _loy_sqlite_delete_segment         (sqlite3          *db,
                                                     const char       *uuid,
                                                     GError          **error);

/* Fills in save_level and save_segment. */
void             _loy_sqlite_store_segments_iface_init (LoyStoreInterface *iface);

G_END_DECLS
