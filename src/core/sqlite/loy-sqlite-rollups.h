/* loy-sqlite-rollups.h — the overview's rollups: filling them, counting
 * the active contacts of a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* rollup_active_days holds a bitmap of this many contacts per row, in
 * this many bytes (this many hex digits up to schema version 9). Plain
 * literals, so that G_STRINGIFY() makes SQL. */
#define LOY_SQLITE_ACTIVE_CHUNK_SHIFT 11
#define LOY_SQLITE_ACTIVE_CHUNK_SIZE 2048
#define LOY_SQLITE_ACTIVE_CHUNK_BYTES 256
#define LOY_SQLITE_ACTIVE_CHUNK_NIBBLES 512

/* How rollup_active_days holds a bitmap: bit b of a chunk is bit b % 8 of
 * byte b / 8; up to schema version 9 it was hex text, bit b % 4 of digit b / 4. */
typedef enum
{
  LOY_SQLITE_ACTIVE_AS_HEX,
  LOY_SQLITE_ACTIVE_AS_BYTES,
} LoySqliteActiveLayout;

/* The first local day (YYYY-MM-DD) of the day, the week from Monday and
 * the month of unix time @t, an SQL expression. */
#define LOY_SQLITE_DAY_OF(t) "date (" t ", 'unixepoch', 'localtime')"
#define LOY_SQLITE_WEEK_OF(t) "date (" t ", 'unixepoch', 'localtime', '-6 days', 'weekday 1')"
#define LOY_SQLITE_MONTH_OF(t) "date (" t ", 'unixepoch', 'localtime', 'start of month')"
/* The same from a local day @d (YYYY-MM-DD), which needs no time zone. */
#define LOY_SQLITE_WEEK_OF_DAY(d) "date (" d ", '-6 days', 'weekday 1')"
#define LOY_SQLITE_MONTH_OF_DAY(d) "date (" d ", 'start of month')"

/* Called before each step of a long fill (@done of @total steps, of
 * similar length), in the thread that fills. */
typedef void (*LoySqliteStepFunc) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* Computes every rollup again from the contacts and the ledger, for data
 * written without the triggers (a migration, bulk demo data), the bitmaps
 * in @layout. Runs in the caller's transaction; @step may be %NULL. */
gboolean      _loy_sqlite_fill_rollups         (sqlite3               *db,
                                                LoySqliteActiveLayout  layout,
                                                LoySqliteStepFunc      step,
                                                gpointer               step_data,
                                                GError               **error);

/* Copies the hex bitmaps of rollup_active_days_v8 into rollup_active_days
 * as bytes, in the caller's transaction. */
gboolean      _loy_sqlite_convert_active_hex   (sqlite3               *db,
                                                GError               **error);

/* How many contacts have an entry dated in the local days [@from, @to). */
gboolean      _loy_sqlite_count_active         (sqlite3               *db,
                                                const GDate           *from,
                                                const GDate           *to,
                                                gint64                *n_active,
                                                GError               **error);

G_END_DECLS
