/* loy-sqlite-program.h — the program's rules: levels and expiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-contact.h"
#include "loy-program.h"
#include "loy-store.h"

G_BEGIN_DECLS

/* The ledger as points matched first-in, first-out see it: an entry and
 * its reversal cancel out as if neither had happened (a refunded
 * redemption gives back the very points it took), and a lot reversed in
 * part keeps the points expiry took from it; but expired points restored
 * by a reversal are a new lot. Columns: id, contact_id, created_at,
 * credits (net of the reversal) and expired (an expiry that stands). */
#define FIFO_ENTRIES \
  "(SELECT e.id, e.contact_id, e.created_at," \
  "  e.credits + CASE WHEN e.entry_type = 'EXPIRY' THEN 0 ELSE" \
  "   coalesce ((SELECT r.credits FROM ledger_entries AS r WHERE r.reverses_id = e.id), 0)" \
  "  END AS credits," \
  "  e.entry_type = 'EXPIRY'" \
  "   AND NOT EXISTS (SELECT 1 FROM ledger_entries AS r WHERE r.reverses_id = e.id) AS expired" \
  " FROM ledger_entries AS e" \
  " WHERE e.reverses_id IS NULL" \
  "  OR (SELECT o.entry_type FROM ledger_entries AS o WHERE o.id = e.reverses_id) = 'EXPIRY')"

gint64        _loy_sqlite_now_seconds          (void);
LoyProgram   *_loy_sqlite_read_program         (sqlite3               *db,
                                                GError               **error);
/* Sets the level of contact @contact_id, or of every contact when it is 0,
 * by @program's level basis. */
gboolean      _loy_sqlite_program_update_levels (sqlite3              *db,
                                                 LoyProgram           *program,
                                                 gint64                contact_id,
                                                 GError              **error);
/* Levels by points earned in a period move with the calendar: sets every
 * contact's, inside the caller's transaction (nothing to do by balance). */
gboolean      _loy_sqlite_program_refresh_levels (sqlite3             *db,
                                                  LoyProgram          *program,
                                                  GError             **error);
/* Sets @contact's next expiry from its ledger and the program. */
gboolean      _loy_sqlite_fill_next_expiry     (sqlite3               *db,
                                                LoyContact            *contact,
                                                GError               **error);
/* Sets the level of contact @contact_id, or of every contact when it is 0,
 * by the program's level basis, inside the caller's transaction. */
gboolean      _loy_sqlite_update_levels        (sqlite3               *db,
                                                gint64                 contact_id,
                                                GError               **error);

/* Sets every contact's level again when the program's levels go by points
 * earned in a period, which moves with the calendar; in a transaction of
 * its own. */
gboolean      _loy_sqlite_refresh_levels       (sqlite3               *db,
                                                GError               **error);

/* Replaces the program's rules, in the caller's transaction. */
gboolean      _loy_sqlite_write_program        (sqlite3               *db,
                                                LoyProgram            *program,
                                                GError               **error);

/* Reading and replacing the program (loy-sqlite-program.c). */
void          _loy_sqlite_store_program_iface_init (LoyStoreInterface *iface);

G_END_DECLS
