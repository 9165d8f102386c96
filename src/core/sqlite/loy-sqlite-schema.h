/* loy-sqlite-schema.h — the schema: its version, its limits, migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "loy-enums.h"
#include "loy-sqlite-rollups.h"

G_BEGIN_DECLS

/* The schema version this build migrates to (PRAGMA user_version). */
#define LOY_SQLITE_SCHEMA_VERSION 12

/* The migration after which the overview's rollups are filled from the
 * ledger: the last that changes what they count (10 converts their bitmaps). */
#define LOY_SQLITE_ROLLUPS_VERSION 8

/* The migration that stores the active contacts' bitmaps as bytes. */
#define LOY_SQLITE_ACTIVE_BYTES_VERSION 10

/* Sets contacts.last_active_at from the ledger, for data written without
 * the triggers (migration 11, bulk demo data). */
#define LOY_SQLITE_FILL_LAST_ACTIVE_SQL \
  "UPDATE contacts SET last_active_at = (SELECT max (e.created_at) FROM ledger_entries AS e" \
  " WHERE e.contact_id = contacts.id AND e.entry_type <> 'EXPIRY')"

/* The most points one ledger entry may give or take, in the schema's CHECK
 * as well: far beyond any real award, and far enough below G_MAXINT64 that
 * balances built from such entries stay exact integers. A plain literal, so
 * that G_STRINGIFY() turns it into SQL. */
#define LOY_SQLITE_MAX_CREDITS 1000000000000000

/* Opens @path with the per-connection settings and migrates it, @step
 * (which may be %NULL) called along the longest migration's steps;
 * cancelling stops a migration and leaves the file as it was before it. */
sqlite3      *_loy_sqlite_open                 (const char            *path,
                                                LoySqliteStepFunc      step,
                                                gpointer               step_data,
                                                GCancellable          *cancellable,
                                                GError               **error);
/* TRUE when the database at @path is at an older schema version, so that
 * opening it runs migrations that may take long. Reads only its header. */
gboolean      _loy_sqlite_needs_upgrade        (const char            *path);

G_END_DECLS
