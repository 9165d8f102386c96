/* loy-sqlite-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "loy-sqlite-db.h"
#include "loy-sqlite-store.h"
#include "loy-sqlite-worker.h"

G_BEGIN_DECLS

/* The schema version this build migrates to (PRAGMA user_version). */
#define LOY_SQLITE_SCHEMA_VERSION 4

/* The most points one ledger entry may give or take, in the schema's CHECK
 * as well: far beyond any real award, and far enough below G_MAXINT64 that
 * balances built from such entries stay exact integers. A plain literal, so
 * that G_STRINGIFY() turns it into SQL. */
#define LOY_SQLITE_MAX_CREDITS 1000000000000000

/* A campaign type as the campaigns table writes it; NULL for a type the
 * table cannot hold yet. */
const char   *_loy_sqlite_campaign_type_to_column (LoyCampaignType   type);
gboolean      _loy_sqlite_campaign_type_from_column (const char      *text,
                                                   LoyCampaignType *type);

/* Opens @path with the per-connection settings and migrates it. */
sqlite3      *_loy_sqlite_open                 (const char            *path,
                                                GError               **error);

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

/* Code import and generation, code group changes (loy-sqlite-codes.c). */
void          _loy_sqlite_store_codes_iface_init (LoyStoreInterface   *iface);

/* Runs in the caller's thread with the connection held. */
gboolean      _loy_sqlite_populate_demo        (sqlite3               *db,
                                                const LoyDemoOptions  *options,
                                                GCancellable          *cancellable,
                                                GError               **error);

G_END_DECLS
