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
#include "sqlite/loy-sqlite-worker.h"

/* Its SQLite work runs in a thread of its own, in the order asked: another
 * program holding the file makes it wait, never the main loop. */
struct _LoyRestEntryNotes
{
  LoySqliteWorker *worker;
  sqlite3         *db;
};

/* The kind is the entry type's nick, which outlives a reordered enum. The
 * busy timeout comes first: the journal's setting waits for the file too. */
static const char schema[] =
  "PRAGMA busy_timeout = 2000;"
  "PRAGMA journal_mode = WAL;"
  "CREATE TABLE IF NOT EXISTS entry_notes ("
  "  uuid TEXT PRIMARY KEY,"
  "  entry_type TEXT,"
  "  reverses_uuid TEXT,"
  "  reversed INTEGER NOT NULL DEFAULT 0,"
  "  reason TEXT"
  ") STRICT;";

/* What is kept of one entry, away from the entry itself, which the main
 * thread may change while the note waits for the file. */
typedef struct
{
  char     *uuid;
  char     *entry_type;
  char     *reverses_uuid;
  gboolean  reversed;
  char     *reason;
} Note;

static void
note_free (Note *note)
{
  /* A recall's NULL: nothing was kept of that entry. */
  if (note == NULL)
    return;

  g_free (note->uuid);
  g_free (note->entry_type);
  g_free (note->reverses_uuid);
  g_free (note->reason);
  g_free (note);
}

/* The schema, in the notes' thread before its first job. */
static gboolean
set_up_schema (sqlite3  *db,
               GError  **error)
{
  if (sqlite3_exec (db, schema, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("What this desk wrote could not be kept: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

LoyRestEntryNotes *
loy_rest_entry_notes_open (const char  *path,
                           GError     **error)
{
  g_autoptr(LoyRestEntryNotes) self = g_new0 (LoyRestEntryNotes, 1);

  if (!(self->db = loy_rest_cache_open (path, NULL, error)))
    return NULL;

  self->worker = _loy_sqlite_worker_new (self->db, set_up_schema);
  return g_steal_pointer (&self);
}

void
loy_rest_entry_notes_free (LoyRestEntryNotes *self)
{
  if (self == NULL)
    return;

  /* Once the notes waiting are kept. */
  g_clear_pointer (&self->worker, _loy_sqlite_worker_free);
  sqlite3_close (self->db);
  g_free (self);
}

static gboolean
keep_work (sqlite3       *db,
           gpointer       input,
           GCancellable  *cancellable,
           GError       **error)
{
  Note *note = input;
  sqlite3_stmt *keep = NULL;
  int status = SQLITE_ERROR;

  if (sqlite3_prepare_v2 (db,
                          "INSERT INTO entry_notes (uuid, entry_type, reverses_uuid, reversed, reason)"
                          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (uuid) DO UPDATE SET"
                          " entry_type = coalesce (excluded.entry_type, entry_type),"
                          " reverses_uuid = coalesce (excluded.reverses_uuid, reverses_uuid),"
                          " reversed = max (excluded.reversed, reversed),"
                          " reason = coalesce (excluded.reason, reason)",
                          -1, &keep, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (keep, 1, note->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (keep, 2, note->entry_type, -1, SQLITE_STATIC);
      sqlite3_bind_text (keep, 3, note->reverses_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int (keep, 4, note->reversed);
      sqlite3_bind_text (keep, 5, note->reason, -1, SQLITE_STATIC);
      status = sqlite3_step (keep);
    }
  sqlite3_finalize (keep);

  if (status != SQLITE_DONE)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("What this desk wrote could not be kept: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("%s", error->message);
}

void
loy_rest_entry_notes_keep (LoyRestEntryNotes *self,
                           LoyLedgerEntry    *entry)
{
  LoyLedgerEntryType entry_type = loy_ledger_entry_get_entry_type (entry);
  gboolean known_kind = entry_type == LOY_LEDGER_ENTRY_TYPE_REVERSAL ||
                        entry_type == LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;
  Note *note;

  g_return_if_fail (loy_ledger_entry_get_uuid (entry) != NULL);

  if (!known_kind && loy_ledger_entry_get_reverses_uuid (entry) == NULL &&
      !loy_ledger_entry_get_reversed (entry) && loy_ledger_entry_get_reason (entry) == NULL)
    return;

  note = g_new0 (Note, 1);
  note->uuid = g_strdup (loy_ledger_entry_get_uuid (entry));
  if (known_kind)
    note->entry_type = g_strdup (loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, entry_type));
  note->reverses_uuid = g_strdup (loy_ledger_entry_get_reverses_uuid (entry));
  note->reversed = loy_ledger_entry_get_reversed (entry);
  note->reason = g_strdup (loy_ledger_entry_get_reason (entry));
  _loy_sqlite_worker_run_boolean_async (self->worker, NULL, keep_work, note, (GDestroyNotify) note_free,
                                        loy_rest_entry_notes_keep, NULL, kept_cb, NULL);
}

static gpointer
recall_work (sqlite3       *db,
             gpointer       input,
             GCancellable  *cancellable,
             GError       **error)
{
  GStrv uuids = input;
  g_autoptr(GPtrArray) notes = NULL;
  sqlite3_stmt *apply = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT entry_type, reverses_uuid, reversed, reason FROM entry_notes WHERE uuid = ?",
                          -1, &apply, NULL) != SQLITE_OK)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("What this desk wrote could not be read: %s"), sqlite3_errmsg (db));
      return NULL;
    }

  /* One for each UUID, NULL for nothing kept. */
  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      Note *note = NULL;

      sqlite3_bind_text (apply, 1, uuids[i], -1, SQLITE_STATIC);
      if (sqlite3_step (apply) == SQLITE_ROW)
        {
          note = g_new0 (Note, 1);
          note->entry_type = g_strdup ((const char *) sqlite3_column_text (apply, 0));
          note->reverses_uuid = g_strdup ((const char *) sqlite3_column_text (apply, 1));
          note->reversed = sqlite3_column_int (apply, 2);
          note->reason = g_strdup ((const char *) sqlite3_column_text (apply, 3));
        }
      g_ptr_array_add (notes, note);
      sqlite3_reset (apply);
    }
  sqlite3_finalize (apply);

  return g_steal_pointer (&notes);
}

void
loy_rest_entry_notes_recall_async (LoyRestEntryNotes   *self,
                                   GPtrArray           *entries,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GStrv uuids = g_new0 (char *, entries->len + 1);

  for (guint i = 0; i < entries->len; i++)
    uuids[i] = g_strdup (loy_ledger_entry_get_uuid (entries->pdata[i]));

  _loy_sqlite_worker_run_async (self->worker, NULL, recall_work, uuids, (GDestroyNotify) g_strfreev,
                                (GDestroyNotify) g_ptr_array_unref, loy_rest_entry_notes_recall_async,
                                cancellable, callback, user_data);
}

static void
apply_note (LoyLedgerEntry *entry,
            Note           *note)
{
  int entry_type;

  if (note->entry_type != NULL && loy_enum_from_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, note->entry_type, &entry_type))
    loy_ledger_entry_set_entry_type (entry, entry_type);
  if (note->reverses_uuid != NULL)
    loy_ledger_entry_set_reverses_uuid (entry, note->reverses_uuid);
  if (note->reversed)
    loy_ledger_entry_set_reversed (entry, TRUE);
  if (loy_ledger_entry_get_reason (entry) == NULL && note->reason != NULL)
    loy_ledger_entry_set_reason (entry, note->reason);
}

gboolean
loy_rest_entry_notes_recall_finish (GAsyncResult  *result,
                                    GPtrArray     *entries,
                                    GError       **error)
{
  g_autoptr(GPtrArray) notes = _loy_sqlite_store_finish (NULL, result, loy_rest_entry_notes_recall_async,
                                                         error);

  if (notes == NULL)
    return FALSE;

  g_return_val_if_fail (notes->len == entries->len, FALSE);
  for (guint i = 0; i < entries->len; i++)
    if (g_ptr_array_index (notes, i) != NULL)
      apply_note (g_ptr_array_index (entries, i), g_ptr_array_index (notes, i));

  return TRUE;
}
