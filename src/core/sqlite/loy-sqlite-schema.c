/* loy-sqlite-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-enums.h"
#include "loy-error.h"
#include "loy-sqlite-private.h"

/* Each migration runs in its own transaction and moves user_version to its
 * index + 1. Never edit a released migration: append a new one. */
static const char * const migrations[] = {
  /* 1: the whole program's schema */
  "CREATE TABLE shops ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE rewards ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  description TEXT,"
  "  reward_type TEXT NOT NULL CHECK (reward_type IN ('PHYSICAL', 'DIGITAL')),"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  required_credits INTEGER NOT NULL CHECK (required_credits >= 0),"
  "  media_type TEXT,"
  "  media_value TEXT,"
  "  cost_price_cents INTEGER CHECK (cost_price_cents >= 0),"        /* NULL: not entered */
  "  stock INTEGER CHECK (stock >= 0),"                               /* NULL: unlimited */
  "  pre_redeemable INTEGER NOT NULL DEFAULT 0 CHECK (pre_redeemable IN (0, 1)),"
  "  expiration_duration INTEGER CHECK (expiration_duration >= 0),"   /* seconds; NULL: never */
  "  custom_attributes TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (custom_attributes) AND json_type (custom_attributes) = 'object'),"
  /* loy_view_filter_to_json(): platforms, shops and contact condition in one
   * place, read by loy_reward_check_visibility(); '{}' shows everywhere. */
  "  view_filter TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (view_filter) AND json_type (view_filter) = 'object'),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE levels ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (name) > 0),"
  "  threshold INTEGER NOT NULL UNIQUE CHECK (threshold >= 0)"
  ") STRICT;"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  email TEXT UNIQUE COLLATE NOCASE CHECK (email IS NULL OR instr (email, '@') > 1),"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  last_name TEXT NOT NULL DEFAULT '',"
  "  level_id INTEGER REFERENCES levels (id) ON DELETE SET NULL,"
  /* The sum of the contact's ledger entries, kept by a trigger below. */
  "  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),"
  "  attributes TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (attributes) AND json_type (attributes) = 'object'),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX contacts_level ON contacts (level_id);"
  "CREATE INDEX contacts_balance ON contacts (balance);"

  /* Search as you type: prefix queries over an external-content index. */
  "CREATE VIRTUAL TABLE contacts_fts USING fts5 ("
  "  first_name, last_name, email, uuid,"
  "  content = 'contacts', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'"
  ");"
  "CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_fts (rowid, first_name, last_name, email, uuid)"
  "    VALUES (new.id, new.first_name, new.last_name, new.email, new.uuid);"
  "END;"
  "CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN"
  "  INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name, email, uuid)"
  "    VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.uuid);"
  "END;"
  "CREATE TRIGGER contacts_fts_update AFTER UPDATE OF first_name, last_name, email, uuid"
  "  ON contacts BEGIN"
  "  INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name, email, uuid)"
  "    VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.uuid);"
  "  INSERT INTO contacts_fts (rowid, first_name, last_name, email, uuid)"
  "    VALUES (new.id, new.first_name, new.last_name, new.email, new.uuid);"
  "END;"

  /* Membership is computed from the criteria (see loy-segment-criteria.h)
   * at each query, so it never goes stale. */
  "CREATE TABLE segments ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT,"
  "  criteria TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (criteria) AND json_type (criteria) = 'object'),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  /* A digital reward's codes; a campaign may also hand out codes. */
  "CREATE TABLE code_groups ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  reward_id INTEGER REFERENCES rewards (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  low_stock_threshold INTEGER NOT NULL DEFAULT 10 CHECK (low_stock_threshold >= 0),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX code_groups_reward ON code_groups (reward_id);"

  "CREATE TABLE codes ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES code_groups (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL CHECK (length (code) > 0),"
  "  contact_id INTEGER REFERENCES contacts (id),"
  "  issued_at INTEGER,"
  "  UNIQUE (group_id, code),"
  "  CHECK ((contact_id IS NULL) = (issued_at IS NULL))"
  ") STRICT;"
  "CREATE INDEX codes_available ON codes (group_id) WHERE contact_id IS NULL;"
  /* Recent issues, for a group's rate and its codes newest first. */
  "CREATE INDEX codes_issued ON codes (group_id, issued_at) WHERE issued_at IS NOT NULL;"

  "CREATE TABLE ledger_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id),"
  "  entry_type TEXT NOT NULL CHECK (entry_type IN ('CREDIT_RECEPTION', 'REWARD_RECEPTION',"
  "    'ADJUSTMENT', 'EXPIRY', 'REVERSAL', 'WELCOME')),"
  "  credits INTEGER NOT NULL CHECK (credits BETWEEN -" G_STRINGIFY (LOY_SQLITE_MAX_CREDITS)
  "    AND " G_STRINGIFY (LOY_SQLITE_MAX_CREDITS) "),"
  "  reason TEXT,"
  "  operator TEXT,"
  "  shop_id INTEGER REFERENCES shops (id),"
  "  reward_id INTEGER REFERENCES rewards (id),"
  "  code_id INTEGER REFERENCES codes (id),"
  "  reverses_id INTEGER REFERENCES ledger_entries (id),"
  "  purchase_amount_cents INTEGER CHECK (purchase_amount_cents >= 0)," /* credit receptions */
  /* Whether a redemption took a unit of stock, which its reversal puts
   * back: the reward's stock may have been limited or unlimited since. */
  "  stock_taken INTEGER NOT NULL DEFAULT 0 CHECK (stock_taken IN (0, 1)),"
  "  created_at INTEGER NOT NULL,"
  "  CHECK (stock_taken = 0 OR entry_type = 'REWARD_RECEPTION'),"
  "  CHECK (entry_type <> 'REWARD_RECEPTION' OR (reward_id IS NOT NULL AND credits <= 0)),"
  "  CHECK ((entry_type = 'REVERSAL') = (reverses_id IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX ledger_entries_contact ON ledger_entries (contact_id, created_at);"
  "CREATE INDEX ledger_entries_reward ON ledger_entries (reward_id) WHERE reward_id IS NOT NULL;"
  /* An entry is reversed at most once. Partial, so that the entries that
   * reverse nothing (nearly all) cost no write to it. */
  "CREATE UNIQUE INDEX ledger_entries_reverses ON ledger_entries (reverses_id)"
  "  WHERE reverses_id IS NOT NULL;"
  "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN"
  "  SELECT RAISE (ABORT, 'ledger entries are append-only: add a reversal instead');"
  "END;"
  "CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN"
  "  SELECT RAISE (ABORT, 'ledger entries are append-only: add a reversal instead');"
  "END;"
  /* In the same transaction as the entry; the balance CHECK refuses overdrafts. */
  "CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries BEGIN"
  "  UPDATE contacts SET balance = balance + new.credits WHERE id = new.contact_id;"
  "END;"

  /* The program's rules, one row; without it the defaults of LoyProgram apply. */
  "CREATE TABLE program ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  points_per_unit INTEGER NOT NULL CHECK (points_per_unit >= 0),"
  "  rounding TEXT NOT NULL CHECK (rounding IN ('DOWN', 'NEAREST', 'UP')),"
  "  welcome_points INTEGER NOT NULL CHECK (welcome_points >= 0),"
  "  actions TEXT NOT NULL CHECK (json_valid (actions) AND json_type (actions) = 'object'),"
  "  expiry_months INTEGER NOT NULL CHECK (expiry_months >= 0),"
  "  level_basis TEXT NOT NULL CHECK (level_basis IN ('BALANCE', 'EARNED_IN_PERIOD')),"
  "  level_period_months INTEGER NOT NULL CHECK (level_period_months > 0)"
  ") STRICT;"

  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT,"
  "  campaign_type TEXT NOT NULL CHECK (campaign_type IN ('DISCOUNT_CODE',"
  "    'PERCENTAGE_DISCOUNT_CODE', 'FREE_DELIVERY', 'GIFT_CARD', 'VALUE_CODE',"
  "    'CUSTOM_REWARD', 'CASHBACK')),"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  point_value_cents INTEGER CHECK (point_value_cents > 0),"
  "  target_type TEXT NOT NULL DEFAULT 'NONE' CHECK (target_type IN ('NONE', 'LEVEL', 'SEGMENT')),"
  "  target_level_id INTEGER REFERENCES levels (id) ON DELETE SET NULL,"
  "  target_segment_id INTEGER REFERENCES segments (id) ON DELETE SET NULL,"
  "  code_group_id INTEGER REFERENCES code_groups (id) ON DELETE SET NULL,"
  "  active_from INTEGER NOT NULL DEFAULT 0,"   /* unix seconds; 0 and 0: always */
  "  active_to INTEGER NOT NULL DEFAULT 0,"
  "  labels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (labels) AND json_type (labels) = 'array'),"
  "  created_at INTEGER NOT NULL,"
  "  CHECK ((campaign_type = 'CASHBACK') = (point_value_cents IS NOT NULL)),"
  "  CHECK (active_to = 0 OR active_to >= active_from),"
  "  CHECK (target_level_id IS NULL OR target_type = 'LEVEL'),"
  "  CHECK (target_segment_id IS NULL OR target_type = 'SEGMENT')"
  ") STRICT;",

  /* 2: a code whose redemption was reversed is revoked: it stays with its
   * contact (who has seen it) and never goes back to the pool. */
  "ALTER TABLE codes ADD COLUMN revoked_at INTEGER"
  "  CHECK (revoked_at IS NULL OR issued_at IS NOT NULL);",

  /* 3: the contacts list's sort orders read from an index, so a page deep
   * in the list skips index entries, not sorted rows (the id breaks ties,
   * and every index ends with it). By email: its UNIQUE index. */
  "CREATE INDEX contacts_created_at ON contacts (created_at);"
  "CREATE INDEX contacts_first_name ON contacts (first_name COLLATE NOCASE);"
  "CREATE INDEX contacts_last_name ON contacts (last_name COLLATE NOCASE);",

  /* 4: search any part of a name, email or phone number ("walski" finds
   * Kowalski, the last digits of a phone number find its contact): a
   * trigram index of this view. A phone number (the "phone" attribute) is
   * indexed by its digits alone, however it was written. The triggers read
   * the view, before a row changes and after, so the index is given the
   * very text it holds. Words under 3 characters use contacts_fts. */
  "CREATE VIEW contacts_search_text (id, name, email, phone) AS"
  "  SELECT id, first_name || ' ' || last_name, email,"
  "    replace (replace (replace (replace (replace (replace (attributes ->> '$.phone',"
  "      ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')"
  "  FROM contacts;"
  "CREATE VIRTUAL TABLE contacts_trigram USING fts5 ("
  "  name, email, phone,"
  "  content = 'contacts_search_text', content_rowid = 'id', tokenize = 'trigram'"
  ");"
  "CREATE TRIGGER contacts_trigram_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (rowid, name, email, phone)"
  "    SELECT id, name, email, phone FROM contacts_search_text WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER contacts_trigram_delete BEFORE DELETE ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (contacts_trigram, rowid, name, email, phone)"
  "    SELECT 'delete', id, name, email, phone FROM contacts_search_text WHERE id = old.id;"
  "END;"
  "CREATE TRIGGER contacts_trigram_update_old"
  "  BEFORE UPDATE OF first_name, last_name, email, attributes ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (contacts_trigram, rowid, name, email, phone)"
  "    SELECT 'delete', id, name, email, phone FROM contacts_search_text WHERE id = old.id;"
  "END;"
  "CREATE TRIGGER contacts_trigram_update_new"
  "  AFTER UPDATE OF first_name, last_name, email, attributes ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (rowid, name, email, phone)"
  "    SELECT id, name, email, phone FROM contacts_search_text WHERE id = new.id;"
  "END;"
  "INSERT INTO contacts_trigram (contacts_trigram) VALUES ('rebuild');",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LOY_SQLITE_SCHEMA_VERSION);

/* The campaigns table spells types in its own way, older than the type
 * list; NULL for a type it has no spelling for yet. */
static const char * const campaign_type_columns[] = {
  [LOY_CAMPAIGN_TYPE_DISCOUNT_CODE] = "DISCOUNT_CODE",
  [LOY_CAMPAIGN_TYPE_VALUE_CODE] = "VALUE_CODE",
  [LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE] = "FREE_DELIVERY",
  [LOY_CAMPAIGN_TYPE_GIFT_CODE] = "GIFT_CARD",
  [LOY_CAMPAIGN_TYPE_EVENT_CODE] = NULL,
  [LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE] = "PERCENTAGE_DISCOUNT_CODE",
  [LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE] = "CUSTOM_REWARD",
  [LOY_CAMPAIGN_TYPE_CASHBACK] = "CASHBACK",
};

G_STATIC_ASSERT (G_N_ELEMENTS (campaign_type_columns) == LOY_N_CAMPAIGN_TYPES);

const char *
_loy_sqlite_campaign_type_to_column (LoyCampaignType type)
{
  g_return_val_if_fail (type < LOY_N_CAMPAIGN_TYPES, NULL);

  return campaign_type_columns[type];
}

gboolean
_loy_sqlite_campaign_type_from_column (const char      *text,
                                       LoyCampaignType *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (campaign_type_columns); i++)
    {
      if (g_strcmp0 (campaign_type_columns[i], text) == 0)
        {
          *type = i;
          return TRUE;
        }
    }

  return FALSE;
}

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
  g_queue_init (&connection->lru);

  return connection;
}

static void
connection_free (Connection *connection)
{
  /* Destroying the table finalizes the statements. */
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
      g_queue_push_head_link (&connection->lru, &cached->link);
    }

  return stmt;
}

void
_loy_sqlite_release (sqlite3_stmt *stmt)
{
  Connection *connection = get_connection (sqlite3_db_handle (stmt));
  CachedStatement *cached = g_hash_table_lookup (connection->by_sql, sqlite3_sql (stmt));

  if (cached == NULL || cached->stmt != stmt)
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

static gint64
get_user_version (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
apply_migration (sqlite3  *db,
                 guint     version,
                 GError  **error)
{
  g_autofree char *set_version = NULL;
  gint64 current;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  current = get_user_version (db, error);
  if (current < 0)
    goto failed;
  if (current >= version)
    return _loy_sqlite_commit (db, error);

  set_version = g_strdup_printf ("PRAGMA user_version = %u", version);
  if (!_loy_sqlite_exec (db, migrations[version - 1], error) ||
      !_loy_sqlite_exec (db, set_version, error))
    goto failed;

  return _loy_sqlite_commit (db, error);

failed:
  _loy_sqlite_rollback (db);
  return FALSE;
}

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  gint64 version = get_user_version (db, error);

  if (version < 0)
    return FALSE;

  if (version > LOY_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("The database was created by a newer version of Loyalty Desk "
                     "(schema %" PRId64 ", this version knows %d)"),
                   version, LOY_SQLITE_SCHEMA_VERSION);
      return FALSE;
    }

  for (guint next = version + 1; next <= LOY_SQLITE_SCHEMA_VERSION; next++)
    {
      if (!apply_migration (db, next, error))
        {
          g_prefix_error (error, _("Could not upgrade the database: "));
          return FALSE;
        }
    }

  return TRUE;
}

sqlite3 *
_loy_sqlite_open (const char  *path,
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
                         error) ||
      !migrate (db, error))
    {
      /* SQLite finds out only here that the file is not a database, and
       * its "file is not a database" does not say which file. */
      g_prefix_error (error, _("Could not open the database “%s”: "), path);
      _loy_sqlite_close (db);
      return NULL;
    }

  return db;
}
