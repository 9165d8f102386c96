/* loy-sqlite-db.c — one connection: its settings, statements and their
 * cache, transactions, bindings and errors. Knows nothing of the schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-enums.h"
#include "loy-error.h"
#include "loy-sqlite-db.h"

void
_loy_sqlite_set_error (GError  **error,
                       sqlite3  *db)
{
  int code = sqlite3_errcode (db);

  /* Another connection held the lock past the busy timeout: nothing is
   * wrong with the database, and SQLite's "database is locked" tells a
   * user neither why nor what to do. */
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    {
      g_debug ("Gave up waiting for the database: %s", sqlite3_errmsg (db));
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_BUSY,
                           _("Another program is writing to the database; try again in a moment"));
      return;
    }

  g_set_error_literal (error,
                       LOY_ERROR,
                       code == SQLITE_CONSTRAINT ? LOY_ERROR_CONFLICT : LOY_ERROR_DATABASE,
                       sqlite3_errmsg (db));
}

gboolean
_loy_sqlite_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_loy_sqlite_prepare (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return stmt;
}

/* Statements kept per connection, so that those run over and over are
 * parsed and planned once. */
#define STATEMENT_CACHE_SIZE 64

typedef struct
{
  sqlite3_stmt *stmt;
  gboolean      in_use;
  GList         link;     /* in Connection.lru; data: this */
} CachedStatement;

/* What is kept per open connection. A full statement cache makes room by
 * finalizing the statement unused the longest, so that the statements of
 * the moment stay prepared. */
typedef struct
{
  GHashTable *by_sql;     /* SQL text → CachedStatement, keyed by the statement's own copy */
  /* sqlite3_stmt → CachedStatement: a release finds its statement without
   * hashing the SQL text again, often hundreds of characters. */
  GHashTable *by_stmt;
  GQueue      lru;        /* the CachedStatements, most recently used first */
  /* Inside _loy_sqlite_begin_shared(): the transactions begun are savepoints. */
  gboolean    shared;
  guint       savepoints; /* open ones */
} Connection;

static void
cached_statement_free (CachedStatement *cached)
{
  sqlite3_finalize (cached->stmt);
  g_free (cached);
}

static Connection *
connection_new (void)
{
  Connection *connection = g_new0 (Connection, 1);

  connection->by_sql = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) cached_statement_free);
  connection->by_stmt = g_hash_table_new (NULL, NULL);
  g_queue_init (&connection->lru);

  return connection;
}

static void
connection_free (Connection *connection)
{
  /* Destroying the table finalizes the statements. */
  g_hash_table_unref (connection->by_stmt);
  g_hash_table_unref (connection->by_sql);
  g_free (connection);
}

/* Finalizes the least recently used statement that is not in use; FALSE
 * when every one is. */
static gboolean
connection_evict_statement (Connection *connection)
{
  for (GList *link = connection->lru.tail; link != NULL; link = link->prev)
    {
      CachedStatement *cached = link->data;

      if (!cached->in_use)
        {
          g_queue_unlink (&connection->lru, link);
          g_hash_table_remove (connection->by_stmt, cached->stmt);
          g_hash_table_remove (connection->by_sql, sqlite3_sql (cached->stmt));
          return TRUE;
        }
    }

  return FALSE;
}

/* SQLite 3.40 cannot attach data to a connection (sqlite3_set_clientdata()
 * came in 3.44), hence this map from each open connection to its Connection. */
G_LOCK_DEFINE_STATIC (connections);
static GHashTable *connections;

static Connection *
get_connection (sqlite3 *db)
{
  Connection *connection;

  G_LOCK (connections);
  connection = g_hash_table_lookup (connections, db);
  G_UNLOCK (connections);

  return connection;
}

sqlite3_stmt *
_loy_sqlite_prepare_cached (sqlite3     *db,
                            const char  *sql,
                            GError     **error)
{
  Connection *connection = get_connection (db);
  CachedStatement *cached = g_hash_table_lookup (connection->by_sql, sql);
  gboolean keep;
  sqlite3_stmt *stmt = NULL;

  if (cached != NULL && !cached->in_use)
    {
      cached->in_use = TRUE;
      g_queue_unlink (&connection->lru, &cached->link);
      g_queue_push_head_link (&connection->lru, &cached->link);
      return cached->stmt;
    }

  /* The same text still in use (a nested read), or a cache full of
   * statements in use: a statement of its own, finalized when released. */
  keep = cached == NULL &&
         (g_hash_table_size (connection->by_sql) < STATEMENT_CACHE_SIZE ||
          connection_evict_statement (connection));
  if (sqlite3_prepare_v3 (db, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0,
                          &stmt, NULL) != SQLITE_OK)
    {
      _loy_sqlite_set_error (error, db);
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (keep)
    {
      cached = g_new0 (CachedStatement, 1);
      cached->stmt = stmt;
      cached->in_use = TRUE;
      cached->link.data = cached;
      g_hash_table_insert (connection->by_sql, (gpointer) sqlite3_sql (stmt), cached);
      g_hash_table_insert (connection->by_stmt, stmt, cached);
      g_queue_push_head_link (&connection->lru, &cached->link);
    }

  return stmt;
}

void
_loy_sqlite_release (sqlite3_stmt *stmt)
{
  Connection *connection = get_connection (sqlite3_db_handle (stmt));
  CachedStatement *cached = g_hash_table_lookup (connection->by_stmt, stmt);

  if (cached == NULL)
    {
      sqlite3_finalize (stmt);
      return;
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  cached->in_use = FALSE;
}

void
_loy_sqlite_close (sqlite3 *db)
{
  Connection *connection;

  G_LOCK (connections);
  g_hash_table_steal_extended (connections, db, NULL, (gpointer *) &connection);
  G_UNLOCK (connections);

  connection_free (connection);
  sqlite3_close_v2 (db);
}

gboolean
_loy_sqlite_step_done (sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, sqlite3_db_handle (stmt));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs @sql, one statement, from the connection's cache. */
static gboolean
exec_cached (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = _loy_sqlite_prepare_cached (db, sql, error);

  return stmt != NULL && _loy_sqlite_step_done (stmt, error);
}

/* Inside a shared transaction, what a job begins is a savepoint: its
 * rollback undoes its own writes only, and its commit waits for the
 * shared one. */
static gboolean
begin_transaction (sqlite3     *db,
                   const char  *begin,
                   GError     **error)
{
  Connection *connection = get_connection (db);

  if (!connection->shared)
    return exec_cached (db, begin, error);

  if (!exec_cached (db, "SAVEPOINT job", error))
    return FALSE;

  connection->savepoints++;
  return TRUE;
}

gboolean
_loy_sqlite_begin (sqlite3  *db,
                   GError  **error)
{
  return begin_transaction (db, "BEGIN IMMEDIATE", error);
}

gboolean
_loy_sqlite_begin_read (sqlite3  *db,
                        GError  **error)
{
  return begin_transaction (db, "BEGIN DEFERRED", error);
}

gboolean
_loy_sqlite_commit (sqlite3  *db,
                    GError  **error)
{
  Connection *connection = get_connection (db);

  if (exec_cached (db, connection->shared ? "RELEASE job" : "COMMIT", error))
    {
      if (connection->shared)
        connection->savepoints--;
      return TRUE;
    }

  _loy_sqlite_rollback (db);
  return FALSE;
}

void
_loy_sqlite_rollback (sqlite3 *db)
{
  Connection *connection = get_connection (db);

  if (sqlite3_get_autocommit (db))
    connection->savepoints = 0;
  else if (!connection->shared)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  else if (connection->savepoints > 0)
    {
      sqlite3_exec (db, "ROLLBACK TO job; RELEASE job", NULL, NULL, NULL);
      connection->savepoints--;
    }
}

gboolean
_loy_sqlite_begin_shared (sqlite3  *db,
                          GError  **error)
{
  Connection *connection = get_connection (db);

  g_return_val_if_fail (!connection->shared, FALSE);

  if (!exec_cached (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  connection->shared = TRUE;
  connection->savepoints = 0;
  return TRUE;
}

gboolean
_loy_sqlite_commit_shared (sqlite3  *db,
                           GError  **error)
{
  Connection *connection = get_connection (db);

  g_return_val_if_fail (connection->shared, FALSE);

  connection->shared = FALSE;
  connection->savepoints = 0;

  return _loy_sqlite_commit (db, error);
}

void
_loy_sqlite_bind_text (sqlite3_stmt *stmt,
                       const char   *name,
                       const char   *value)
{
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), value, -1, SQLITE_TRANSIENT);
}

void
_loy_sqlite_bind_int64 (sqlite3_stmt *stmt,
                        const char   *name,
                        gint64        value)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

void
_loy_sqlite_bind_int64_or_null (sqlite3_stmt *stmt,
                                const char   *name,
                                gint64        value)
{
  if (value == LOY_UNSET)
    sqlite3_bind_null (stmt, sqlite3_bind_parameter_index (stmt, name));
  else
    _loy_sqlite_bind_int64 (stmt, name, value);
}

sqlite3 *
_loy_sqlite_db_open (const char  *path,
                     GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  /* The store serializes use of its connection with its own mutex. */
  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("Could not open the database “%s”: %s"),
                   path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  G_LOCK (connections);
  if (connections == NULL)
    connections = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (connections, db, connection_new ());
  G_UNLOCK (connections);

  sqlite3_extended_result_codes (db, FALSE);
  sqlite3_busy_timeout (db, 5000);

  if (!_loy_sqlite_exec (db,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         /* A ledger write touches pages spread over several
                          * indexes: 16 MiB of them stay in memory instead of
                          * 2, and the WAL is copied back every 16 MiB instead
                          * of every 4, with one pair of fsyncs each time. */
                         "PRAGMA cache_size = -16384;"
                         "PRAGMA wal_autocheckpoint = 4000;",
                         error))
    {
      /* SQLite finds out only at the first statement that the file is not
       * a database, and its "file is not a database" does not say which file. */
      g_prefix_error (error, _("Could not open the database “%s”: "), path);
      _loy_sqlite_close (db);
      return NULL;
    }

  return db;
}

/* Runs @sql, which selects one integer, with :id bound to @id. */
gboolean
_loy_sqlite_select_int64 (sqlite3     *db,
                          const char  *sql,
                          gint64       id,
                          gint64      *value,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":id", id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
interrupt_cb (GCancellable *cancellable,
              gpointer      db)
{
  sqlite3_interrupt (db);
}

gulong
_loy_sqlite_interrupt_on_cancel (sqlite3      *db,
                                 GCancellable *cancellable)
{
  if (cancellable == NULL)
    return 0;

  return g_cancellable_connect (cancellable, G_CALLBACK (interrupt_cb), db, NULL);
}

void
_loy_sqlite_interrupt_done (GCancellable  *cancellable,
                            gulong         handler_id,
                            GError       **error)
{
  if (cancellable == NULL)
    return;

  g_cancellable_disconnect (cancellable, handler_id);
  if (error != NULL && *error != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
}
