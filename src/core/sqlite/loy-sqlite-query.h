/* loy-sqlite-query.h — records found by kind and UUID, or by a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-contact.h"
#include "loy-reward.h"
#include "loy-store.h"

G_BEGIN_DECLS

/* The rowid of the @kind record @uuid, or 0 with LOY_ERROR_NOT_FOUND. */
gint64        _loy_sqlite_find_id              (sqlite3               *db,
                                                LoyKind                kind,
                                                const char            *uuid,
                                                GError               **error);
/* One record by kind and UUID, read with the same row readers as queries;
 * LOY_ERROR_NOT_FOUND when absent. */
GObject      *_loy_sqlite_lookup_record        (sqlite3               *db,
                                                LoyKind                kind,
                                                const char            *uuid,
                                                GError               **error);

/* The contact @uuid and its rowid, read once for a write. */
LoyContact   *_loy_sqlite_lookup_contact       (sqlite3               *db,
                                                const char            *uuid,
                                                gint64                *contact_id,
                                                GError               **error);
/* The reward @uuid without the count of its available codes (which reads
 * them all): codes_available is LOY_UNSET, so a redemption learns that no
 * code is left from its claim. */
LoyReward    *_loy_sqlite_lookup_reward_uncounted (sqlite3            *db,
                                                const char            *uuid,
                                                GError               **error);

/* The LOY_STORE_CAN_LIST_* of every kind a query can read. */
LoyStoreCapabilities _loy_sqlite_query_list_capabilities (void);

/* Query and lookup (loy-sqlite-query.c). */
void          _loy_sqlite_store_query_iface_init (LoyStoreInterface   *iface);

G_END_DECLS
