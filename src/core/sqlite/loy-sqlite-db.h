/* loy-sqlite-db.h — the connection leaf of the SQLite backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Opens @path with the per-connection settings, without migrating it. */
sqlite3      *_loy_sqlite_db_open              (const char            *path,
                                                GError               **error);
/* Finalizes the connection's cached statements, then closes it. */
void          _loy_sqlite_close                (sqlite3               *db);
/* Sets @error from the connection's last error: LOY_ERROR_CONFLICT for a
 * violated constraint, LOY_ERROR_BUSY for a lock another connection held
 * too long, LOY_ERROR_DATABASE otherwise. */
void          _loy_sqlite_set_error            (GError               **error,
                                                sqlite3               *db);
gboolean      _loy_sqlite_exec                 (sqlite3               *db,
                                                const char            *sql,
                                                GError               **error);
sqlite3_stmt *_loy_sqlite_prepare              (sqlite3               *db,
                                                const char            *sql,
                                                GError               **error);
/* The connection's statement for @sql, prepared on first use and kept
 * until _loy_sqlite_close() or until the cache, full, makes room for another
 * (the one unused the longest goes), for statements run over and over. Hand it back
 * with _loy_sqlite_release() (g_autoptr(LoySqliteCachedStmt) does), never
 * finalize it. */
sqlite3_stmt *_loy_sqlite_prepare_cached       (sqlite3               *db,
                                                const char            *sql,
                                                GError               **error);
/* Resets @stmt and clears its bindings, ready for its next use (or
 * finalizes it, when the cache could not keep it). */
void          _loy_sqlite_release              (sqlite3_stmt          *stmt);

typedef sqlite3_stmt LoySqliteCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoySqliteCachedStmt, _loy_sqlite_release)

/* Until _loy_sqlite_interrupt_done(), cancelling @cancellable stops the
 * statement @db runs where it is (sqlite3_interrupt() may be called from any
 * thread; between statements it does nothing). Returns 0 for no cancellable. */
gulong        _loy_sqlite_interrupt_on_cancel  (sqlite3               *db,
                                                GCancellable          *cancellable);
/* Ends that; a failure because @cancellable was cancelled is then reported as
 * GIO's G_IO_ERROR_CANCELLED, not as SQLite's "interrupted". */
void          _loy_sqlite_interrupt_done       (GCancellable          *cancellable,
                                                gulong                 handler_id,
                                                GError               **error);

/* Steps @stmt to completion, for statements that return no rows. */
gboolean      _loy_sqlite_step_done            (sqlite3_stmt          *stmt,
                                                GError               **error);

/* Write transactions: BEGIN IMMEDIATE takes the write lock up front, so a
 * concurrent writer waits (busy_timeout) instead of failing mid-way. */
gboolean      _loy_sqlite_begin                (sqlite3               *db,
                                                GError               **error);
/* Read transactions: the reads until the commit see one snapshot of the
 * database, whatever other connections commit meanwhile. */
gboolean      _loy_sqlite_begin_read           (sqlite3               *db,
                                                GError               **error);
gboolean      _loy_sqlite_commit               (sqlite3               *db,
                                                GError               **error);
void          _loy_sqlite_rollback             (sqlite3               *db);
/* A shared transaction, for several short writes at once: in it each
 * _loy_sqlite_begin() … _loy_sqlite_commit() or _loy_sqlite_rollback() is a
 * savepoint, so each write still succeeds or fails whole, and all of them
 * pay for one commit. An error after which SQLite rolls back the whole
 * transaction (a full disk, say) leaves autocommit on: what the writes
 * before it did is gone too. */
gboolean      _loy_sqlite_begin_shared         (sqlite3               *db,
                                                GError               **error);
gboolean      _loy_sqlite_commit_shared        (sqlite3               *db,
                                                GError               **error);

/* Binds by parameter name; a name the statement lacks is ignored, so one
 * binder serves several statements. */
void          _loy_sqlite_bind_text            (sqlite3_stmt          *stmt,
                                                const char            *name,
                                                const char            *value);
void          _loy_sqlite_bind_int64           (sqlite3_stmt          *stmt,
                                                const char            *name,
                                                gint64                 value);
/* Binds NULL for LOY_UNSET. */
void          _loy_sqlite_bind_int64_or_null   (sqlite3_stmt          *stmt,
                                                const char            *name,
                                                gint64                 value);

/* Runs @sql, which selects one integer, with :id bound to @id. */
gboolean      _loy_sqlite_select_int64         (sqlite3               *db,
                                                const char            *sql,
                                                gint64                 id,
                                                gint64                *value,
                                                GError               **error);

G_END_DECLS
