/* loy-sqlite-export.h — every list out as CSV, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

/* Exports as CSV (loy-sqlite-export.c). */
void _loy_sqlite_store_export_iface_init (LoyStoreInterface *iface);

G_END_DECLS
