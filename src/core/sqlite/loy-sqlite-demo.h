/* loy-sqlite-demo.h — demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-sqlite-store.h"

G_BEGIN_DECLS

/* Runs in the caller's thread with the connection held. */
gboolean      _loy_sqlite_populate_demo        (sqlite3               *db,
                                                const LoyDemoOptions  *options,
                                                GCancellable          *cancellable,
                                                GError               **error);

G_END_DECLS
