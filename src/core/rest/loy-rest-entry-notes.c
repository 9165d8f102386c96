/* loy-rest-entry-notes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-enums.h"
#include "loy-error.h"
#include "loy-rest-cache.h"
#include "loy-rest-entry-notes.h"

struct _LoyRestEntryNotes
{
  sqlite3      *db;
  sqlite3_stmt *keep;
  sqlite3_stmt *apply;
};

/* The kind is the entry type's nick, which outlives a reordered enum. */
static const char schema[] =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA busy_timeout = 2000;"
  "CREATE TABLE IF NOT EXISTS entry_notes ("
  "  uuid TEXT PRIMARY KEY,"
  "  entry_type TEXT,"
  "  reverses_uuid TEXT,"
  "  reversed INTEGER NOT NULL DEFAULT 0,"
  "  reason TEXT"
  ") STRICT;";

LoyRestEntryNotes *
loy_rest_entry_notes_open (const char  *path,
                           GError     **error)
{
  g_autoptr(LoyRestEntryNotes) self = g_new0 (LoyRestEntryNotes, 1);

  if (!(self->db = loy_rest_cache_open (path, schema, error)))
    return NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO entry_notes (uuid, entry_type, reverses_uuid, reversed, reason)"
                          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (uuid) DO UPDATE SET"
                          " entry_type = coalesce (excluded.entry_type, entry_type),"
                          " reverses_uuid = coalesce (excluded.reverses_uuid, reverses_uuid),"
                          " reversed = max (excluded.reversed, reversed),"
                          " reason = coalesce (excluded.reason, reason)",
                          -1, &self->keep, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT entry_type, reverses_uuid, reversed, reason FROM entry_notes WHERE uuid = ?",
                          -1, &self->apply, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("Could not open “%s”: %s"), path, sqlite3_errmsg (self->db));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
loy_rest_entry_notes_free (LoyRestEntryNotes *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->keep);
  sqlite3_finalize (self->apply);
  sqlite3_close (self->db);
  g_free (self);
}

gboolean
loy_rest_entry_notes_keep (LoyRestEntryNotes  *self,
                           LoyLedgerEntry     *entry,
                           GError            **error)
{
  LoyLedgerEntryType entry_type = loy_ledger_entry_get_entry_type (entry);
  gboolean known_kind = entry_type == LOY_LEDGER_ENTRY_TYPE_REVERSAL ||
                        entry_type == LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;
  int status;

  g_return_val_if_fail (loy_ledger_entry_get_uuid (entry) != NULL, FALSE);

  if (!known_kind && loy_ledger_entry_get_reverses_uuid (entry) == NULL &&
      !loy_ledger_entry_get_reversed (entry) && loy_ledger_entry_get_reason (entry) == NULL)
    return TRUE;

  sqlite3_bind_text (self->keep, 1, loy_ledger_entry_get_uuid (entry), -1, SQLITE_TRANSIENT);
  if (known_kind)
    sqlite3_bind_text (self->keep, 2, loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, entry_type), -1,
                       SQLITE_STATIC);
  sqlite3_bind_text (self->keep, 3, loy_ledger_entry_get_reverses_uuid (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (self->keep, 4, loy_ledger_entry_get_reversed (entry));
  sqlite3_bind_text (self->keep, 5, loy_ledger_entry_get_reason (entry), -1, SQLITE_TRANSIENT);
  status = sqlite3_step (self->keep);
  sqlite3_reset (self->keep);
  sqlite3_clear_bindings (self->keep);

  if (status != SQLITE_DONE)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("What this desk wrote could not be kept: %s"), sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

gboolean
loy_rest_entry_notes_apply (LoyRestEntryNotes *self,
                            LoyLedgerEntry    *entry)
{
  gboolean found = FALSE;

  sqlite3_bind_text (self->apply, 1, loy_ledger_entry_get_uuid (entry), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (self->apply) == SQLITE_ROW)
    {
      const char *nick = (const char *) sqlite3_column_text (self->apply, 0);
      int entry_type;

      found = TRUE;
      if (nick != NULL && loy_enum_from_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, nick, &entry_type))
        loy_ledger_entry_set_entry_type (entry, entry_type);
      if (sqlite3_column_type (self->apply, 1) != SQLITE_NULL)
        loy_ledger_entry_set_reverses_uuid (entry, (const char *) sqlite3_column_text (self->apply, 1));
      if (sqlite3_column_int (self->apply, 2))
        loy_ledger_entry_set_reversed (entry, TRUE);
      if (loy_ledger_entry_get_reason (entry) == NULL && sqlite3_column_type (self->apply, 3) != SQLITE_NULL)
        loy_ledger_entry_set_reason (entry, (const char *) sqlite3_column_text (self->apply, 3));
    }
  sqlite3_reset (self->apply);
  sqlite3_clear_bindings (self->apply);
  return found;
}
