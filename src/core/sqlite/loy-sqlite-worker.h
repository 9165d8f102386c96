/* loy-sqlite-worker.h — the thread that runs a store's jobs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "loy-sqlite-store.h"

G_BEGIN_DECLS

typedef struct _LoySqliteWorker LoySqliteWorker;

/* What a freshly opened database needs before its first job (levels that
 * moved with the calendar while it was closed), run in the worker thread
 * so that opening stays quick; a failure is only logged. */
typedef gboolean (*LoySqliteCatchUpFunc) (sqlite3  *db,
                                          GError  **error);

/* Starts the thread that runs the jobs on @db, which stays the caller's. */
LoySqliteWorker *_loy_sqlite_worker_new    (sqlite3              *db,
                                            LoySqliteCatchUpFunc  catch_up);
/* Stops the thread once no job is left (each holds a reference to its store). */
void             _loy_sqlite_worker_free   (LoySqliteWorker      *self);
/* Takes the connection in the calling thread, between jobs. */
sqlite3         *_loy_sqlite_worker_lock   (LoySqliteWorker      *self);
void             _loy_sqlite_worker_unlock (LoySqliteWorker      *self);

/* Work done in a worker thread with the connection held: returns NULL and
 * sets @error on failure; an operation without a value returns @input. */
typedef gpointer (*LoySqliteWorkFunc) (sqlite3       *db,
                                       gpointer       input,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Work that only succeeds or fails. */
typedef gboolean (*LoySqliteBooleanWorkFunc) (sqlite3       *db,
                                              gpointer       input,
                                              GCancellable  *cancellable,
                                              GError       **error);

/* Work that counts what it did: -1 and @error on failure. */
typedef gint64 (*LoySqliteCountWorkFunc) (sqlite3       *db,
                                          gpointer       input,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Runs @func (db, @input) in @self's thread, after the jobs before it; the
 * task, of @source_object and @source_tag, returns in the caller's context.
 * Whatever @func's input points to outlives the job: @source_object does. */
void          _loy_sqlite_worker_run_async         (LoySqliteWorker          *self,
                                                    gpointer                  source_object,
                                                    LoySqliteWorkFunc         func,
                                                    gpointer                  input,
                                                    GDestroyNotify            input_free,
                                                    GDestroyNotify            result_free,
                                                    gpointer                  source_tag,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);
/* Like _loy_sqlite_worker_run_async(); the task returns a boolean. */
void          _loy_sqlite_worker_run_boolean_async (LoySqliteWorker          *self,
                                                    gpointer                  source_object,
                                                    LoySqliteBooleanWorkFunc  func,
                                                    gpointer                  input,
                                                    GDestroyNotify            input_free,
                                                    gpointer                  source_tag,
                                                    GCancellable             *cancellable,
                                                    GAsyncReadyCallback       callback,
                                                    gpointer                  user_data);

/* _loy_sqlite_worker_run_async() on the store's worker, the task's source the store. */
void          _loy_sqlite_store_run_async      (LoySqliteStore        *self,
                                                LoySqliteWorkFunc      func,
                                                gpointer               input,
                                                GDestroyNotify         input_free,
                                                GDestroyNotify         result_free,
                                                gpointer               source_tag,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
/* Like _loy_sqlite_store_run_async(), for @func a short write (one
 * transaction, begun and committed with the functions above): the writes
 * waiting for the connection at the same time share a commit. */
void          _loy_sqlite_store_run_write_async (LoySqliteStore      *self,
                                                 LoySqliteWorkFunc    func,
                                                 gpointer             input,
                                                 GDestroyNotify       input_free,
                                                 GDestroyNotify       result_free,
                                                 gpointer             source_tag,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Like _loy_sqlite_store_run_async(); the task returns a boolean. */
void          _loy_sqlite_store_run_boolean_async (LoySqliteStore           *self,
                                                   LoySqliteBooleanWorkFunc  func,
                                                   gpointer                  input,
                                                   GDestroyNotify            input_free,
                                                   gpointer                  source_tag,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
/* Like _loy_sqlite_store_run_async(); the task returns @func's count as an integer. */
void          _loy_sqlite_store_run_count_async (LoySqliteStore         *self,
                                                 LoySqliteCountWorkFunc  func,
                                                 gpointer                input,
                                                 GDestroyNotify          input_free,
                                                 gpointer                source_tag,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);
gpointer      _loy_sqlite_store_finish         (gpointer               self,
                                                GAsyncResult          *result,
                                                gpointer               source_tag,
                                                GError               **error);

G_END_DECLS
