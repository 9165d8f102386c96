/* loy-sqlite-overview.h — the program overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

void          _loy_sqlite_store_overview_iface_init (LoyStoreInterface *iface);

G_END_DECLS
