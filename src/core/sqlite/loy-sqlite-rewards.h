/* loy-sqlite-rewards.h — reward writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-store.h"

G_BEGIN_DECLS

/* Deletes the reward @uuid; LOY_ERROR_CONFLICT while history refers to it. */
gboolean _loy_sqlite_delete_reward           (sqlite3            *db,
                                              const char         *uuid,
                                              GError            **error);
/* Create and update (loy-sqlite-rewards.c). */
void     _loy_sqlite_store_rewards_iface_init (LoyStoreInterface *iface);

G_END_DECLS
