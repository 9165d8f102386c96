/* loy-rest-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "loy-error.h"
#include "loy-json-piggy.h"
#include "loy-rest-cache.h"
#include "loy-rest-index.h"
#include "loy-rest-pages.h"
#include "sqlite/loy-sqlite-worker.h"

/* Contacts read per step of a fill (the server's pages make it up). */
#define FILL_STEP 100
/* How far before the contacts it holds a stopped fill goes on. */
#define RESUME_OVERLAP 10

/* Its SQLite work runs in a thread of its own, in the order asked: another
 * program holding the file (loyctl) makes it wait up to the busy timeout,
 * never the main loop. */
struct _LoyRestIndex
{
  LoySqliteWorker *worker;
  sqlite3         *db;
  guint            n_fills;
  gboolean         paused;
};

/* A contact read again replaces its row (INSERT OR REPLACE), whose delete
 * trigger takes its old text out of the search table only with recursive
 * triggers on. Version 1 rebuilds the search table of a file made without
 * them, which kept every text a contact ever had. The busy timeout comes
 * first: another program holding the file makes even the journal's
 * setting wait. */
static const char schema[] =
  "PRAGMA busy_timeout = 2000;"
  "PRAGMA journal_mode = WAL;"
  "PRAGMA recursive_triggers = ON;"
  "CREATE TABLE IF NOT EXISTS contacts ("
  "  uuid TEXT PRIMARY KEY,"
  "  email TEXT,"
  "  first_name TEXT,"
  "  last_name TEXT,"
  "  balance INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL DEFAULT 0,"
  "  search_text TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX IF NOT EXISTS contacts_newest ON contacts (created_at DESC);"
  "CREATE VIRTUAL TABLE IF NOT EXISTS contacts_text USING fts5 ("
  "  search_text, content = 'contacts', content_rowid = 'rowid', tokenize = 'trigram');"
  "CREATE TRIGGER IF NOT EXISTS contacts_text_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_text (rowid, search_text) VALUES (new.rowid, new.search_text);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS contacts_text_delete AFTER DELETE ON contacts BEGIN"
  "  INSERT INTO contacts_text (contacts_text, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);"
  "END;"
  "CREATE TABLE IF NOT EXISTS fills (filled_at INTEGER NOT NULL) STRICT;";

static const char migration_1[] =
  "BEGIN IMMEDIATE;"
  "INSERT INTO contacts_text (contacts_text) VALUES ('rebuild');"
  "PRAGMA user_version = 1;"
  "COMMIT;";

static gboolean
set_sqlite_error (sqlite3  *db,
                  GError  **error)
{
  g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
               _("The contacts’ index failed: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gint64
select_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *statement = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) == SQLITE_OK &&
      sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int64 (statement, 0);

  sqlite3_finalize (statement);
  return value;
}

/* The schema and its migration, in the index's thread before its first job. */
static gboolean
set_up_schema (sqlite3  *db,
               GError  **error)
{
  if (sqlite3_exec (db, schema, NULL, NULL, NULL) != SQLITE_OK ||
      (select_int (db, "PRAGMA user_version") < 1 &&
       sqlite3_exec (db, migration_1, NULL, NULL, NULL) != SQLITE_OK))
    return set_sqlite_error (db, error);

  return TRUE;
}

LoyRestIndex *
loy_rest_index_open (const char  *path,
                     GError     **error)
{
  g_autoptr(LoyRestIndex) self = g_new0 (LoyRestIndex, 1);

  if (!(self->db = loy_rest_cache_open (path, NULL, error)))
    return NULL;

  self->worker = _loy_sqlite_worker_new (self->db, set_up_schema);
  return g_steal_pointer (&self);
}

void
loy_rest_index_free (LoyRestIndex *self)
{
  if (self == NULL)
    return;

  /* Once the jobs asked of it are done. */
  g_clear_pointer (&self->worker, _loy_sqlite_worker_free);
  sqlite3_close (self->db);
  g_free (self);
}

static char *
search_text_of (LoyContact *contact)
{
  g_autofree char *text = g_strjoin (" ",
                                     loy_contact_get_first_name (contact) ? loy_contact_get_first_name (contact) : "",
                                     loy_contact_get_last_name (contact) ? loy_contact_get_last_name (contact) : "",
                                     loy_contact_get_email (contact) ? loy_contact_get_email (contact) : "",
                                     NULL);

  return g_utf8_casefold (text, -1);
}

/* Adds or replaces @contacts in one transaction (with @only_known, replaces
 * those it holds only); says how many it held. */
static gboolean
add_contacts (sqlite3    *db,
              GPtrArray  *contacts,
              gboolean    only_known,
              guint      *n_known,
              GError    **error)
{
  sqlite3_stmt *known = NULL, *insert = NULL;
  gboolean ok = FALSE;

  *n_known = 0;
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT 1 FROM contacts WHERE uuid = ?", -1, &known, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT OR REPLACE INTO contacts (uuid, email, first_name, last_name, balance,"
                          " created_at, search_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          -1, &insert, NULL) != SQLITE_OK)
    goto out;

  for (guint i = 0; i < contacts->len; i++)
    {
      LoyContact *contact = contacts->pdata[i];
      g_autofree char *text = search_text_of (contact);
      gboolean is_known;

      sqlite3_bind_text (known, 1, loy_contact_get_uuid (contact), -1, SQLITE_TRANSIENT);
      is_known = sqlite3_step (known) == SQLITE_ROW;
      sqlite3_reset (known);
      if (is_known)
        (*n_known)++;
      else if (only_known)
        continue;

      sqlite3_bind_text (insert, 1, loy_contact_get_uuid (contact), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, loy_contact_get_email (contact), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, loy_contact_get_first_name (contact), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, loy_contact_get_last_name (contact), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 5, loy_contact_get_balance (contact));
      sqlite3_bind_int64 (insert, 6, loy_contact_get_created_at (contact));
      sqlite3_bind_text (insert, 7, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        goto out;
      sqlite3_reset (insert);
    }

  ok = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;

out:
  if (!ok)
    {
      set_sqlite_error (db, error);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_finalize (known);
  sqlite3_finalize (insert);
  return ok;
}

/* One contact to add or replace, in the index's thread. */
typedef struct
{
  LoyContact *contact;
  gboolean    only_known;
} ContactWrite;

static void
contact_write_free (ContactWrite *write)
{
  g_clear_object (&write->contact);
  g_free (write);
}

static gboolean
write_contact_work (sqlite3       *db,
                    gpointer       input,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ContactWrite *write = input;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  guint n_known;

  g_ptr_array_add (contacts, write->contact);
  return add_contacts (db, contacts, write->only_known, &n_known, error);
}

static void
write_contact_async (LoyRestIndex        *self,
                     LoyContact          *contact,
                     gboolean             only_known,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  ContactWrite *write = g_new0 (ContactWrite, 1);

  write->contact = g_object_ref (contact);
  write->only_known = only_known;
  _loy_sqlite_worker_run_boolean_async (self->worker, NULL, write_contact_work, write,
                                        (GDestroyNotify) contact_write_free, write_contact_async,
                                        NULL, callback, user_data);
}

void
loy_rest_index_add_async (LoyRestIndex        *self,
                          LoyContact          *contact,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  write_contact_async (self, contact, FALSE, callback, user_data);
}

void
loy_rest_index_update_async (LoyRestIndex        *self,
                             LoyContact          *contact,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  write_contact_async (self, contact, TRUE, callback, user_data);
}

gboolean
loy_rest_index_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == write_contact_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gint64
filled_at (sqlite3 *db)
{
  return select_int (db, "SELECT coalesce(max(filled_at), 0) FROM fills");
}

/* filled_at() plus one: a pointer job's result is never NULL on success. */
static gpointer
filled_at_work (sqlite3       *db,
                gpointer       input,
                GCancellable  *cancellable,
                GError       **error)
{
  return GSIZE_TO_POINTER ((gsize) filled_at (db) + 1);
}

void
loy_rest_index_read_filled_at_async (LoyRestIndex        *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  _loy_sqlite_worker_run_async (self->worker, NULL, filled_at_work, NULL, NULL, NULL,
                                loy_rest_index_read_filled_at_async, cancellable, callback, user_data);
}

gint64
loy_rest_index_read_filled_at_finish (GAsyncResult  *result,
                                      GError       **error)
{
  gpointer value = _loy_sqlite_store_finish (NULL, result, loy_rest_index_read_filled_at_async, error);

  return value != NULL ? (gint64) GPOINTER_TO_SIZE (value) - 1 : -1;
}

/* A LIKE pattern that matches @text literally, anywhere. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }

  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* An FTS5 string that is the text itself, not a query. */
static char *
fts_phrase (const char *text)
{
  g_autofree char *escaped = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "\"", -1);

  escaped = g_strjoinv ("\"\"", parts);
  return g_strdup_printf ("\"%s\"", escaped);
}

typedef struct
{
  char  *text;
  guint  offset;
  guint  limit;
} Search;

static void
search_free (Search *search)
{
  g_free (search->text);
  g_free (search);
}

static gpointer
search_work (sqlite3       *db,
             gpointer       input,
             GCancellable  *cancellable,
             GError       **error)
{
  Search *search = input;
  g_autofree char *casefolded = g_utf8_casefold (search->text, -1);
  g_autofree char *needle = NULL;
  gboolean by_trigram = g_utf8_strlen (casefolded, -1) >= 3;
  g_autoptr(LoyPage) page = NULL;
  sqlite3_stmt *count = NULL, *rows = NULL;
  const char *where = by_trigram
                      ? "rowid IN (SELECT rowid FROM contacts_text WHERE contacts_text MATCH ?1)"
                      : "search_text LIKE ?1 ESCAPE '\\'";
  /* The trigram table counts its matches without a look at the contacts. */
  g_autofree char *count_sql = by_trigram
                               ? g_strdup ("SELECT count(*) FROM contacts_text WHERE contacts_text MATCH ?1")
                               : g_strdup_printf ("SELECT count(*) FROM contacts WHERE %s", where);
  g_autofree char *rows_sql = g_strdup_printf ("SELECT uuid, email, first_name, last_name, balance, created_at"
                                               " FROM contacts WHERE %s"
                                               " ORDER BY created_at DESC, uuid LIMIT ?2 OFFSET ?3", where);
  int status;

  needle = by_trigram ? fts_phrase (casefolded) : like_pattern (casefolded);

  if (sqlite3_prepare_v2 (db, count_sql, -1, &count, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, rows_sql, -1, &rows, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      sqlite3_finalize (count);
      return NULL;
    }

  sqlite3_bind_text (count, 1, needle, -1, SQLITE_TRANSIENT);
  page = loy_page_new (sqlite3_step (count) == SQLITE_ROW ? sqlite3_column_int64 (count, 0) : 0);

  sqlite3_bind_text (rows, 1, needle, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (rows, 2, search->limit);
  sqlite3_bind_int64 (rows, 3, search->offset);
  while ((status = sqlite3_step (rows)) == SQLITE_ROW)
    {
      LoyContact *contact = loy_contact_new ();

      loy_contact_set_uuid (contact, (const char *) sqlite3_column_text (rows, 0));
      loy_contact_set_email (contact, (const char *) sqlite3_column_text (rows, 1));
      loy_contact_set_first_name (contact, (const char *) sqlite3_column_text (rows, 2));
      loy_contact_set_last_name (contact, (const char *) sqlite3_column_text (rows, 3));
      loy_contact_set_balance (contact, sqlite3_column_int64 (rows, 4));
      loy_contact_set_created_at (contact, sqlite3_column_int64 (rows, 5));
      g_ptr_array_add (page->items, contact);
    }

  /* Waited out or stopped: no page rather than part of one. */
  if (status != SQLITE_DONE)
    {
      set_sqlite_error (db, error);
      g_clear_pointer (&page, loy_page_free);
    }

  sqlite3_finalize (count);
  sqlite3_finalize (rows);
  return g_steal_pointer (&page);
}

void
loy_rest_index_search_async (LoyRestIndex        *self,
                             const char          *text,
                             guint                offset,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Search *search = g_new0 (Search, 1);

  search->text = g_strdup (text);
  search->offset = offset;
  search->limit = limit;
  _loy_sqlite_worker_run_async (self->worker, NULL, search_work, search, (GDestroyNotify) search_free,
                                (GDestroyNotify) loy_page_free, loy_rest_index_search_async,
                                cancellable, callback, user_data);
}

LoyPage *
loy_rest_index_search_finish (GAsyncResult  *result,
                              GError       **error)
{
  return _loy_sqlite_store_finish (NULL, result, loy_rest_index_search_async, error);
}

/* Filling */

typedef struct
{
  LoyRestIndex    *index;
  LoyRestClient   *client;
  LoyProgressFunc  progress;
  gpointer         progress_data;
  gboolean         was_filled;
  guint            offset;
  /* The server's page being written, and its total. */
  LoyPage         *page;
  /* What the write of the page found: the contacts the index held
   * already, and, once the fill is over, how many it holds. */
  guint            n_known;
  gboolean         done;
  guint            n_contacts;
} FillState;

static void
fill_state_free (FillState *state)
{
  state->index->n_fills--;
  g_clear_object (&state->client);
  g_clear_pointer (&state->page, loy_page_free);
  g_free (state);
}

/* Where a fill begins, in the index's thread. */
static gboolean
fill_start_work (sqlite3       *db,
                 gpointer       input,
                 GCancellable  *cancellable,
                 GError       **error)
{
  FillState *state = input;

  state->was_filled = filled_at (db) > 0;
  /* A first fill that stopped goes on where it was, a little early in case
   * contacts were enrolled since (newest first, they push the rest down). */
  if (!state->was_filled)
    state->offset = MAX (select_int (db, "SELECT count(*) FROM contacts"), RESUME_OVERLAP) - RESUME_OVERLAP;
  return TRUE;
}

/* Writes the page just read, in the index's thread; at the fill's end,
 * says when it was. */
static gboolean
fill_page_work (sqlite3       *db,
                gpointer       input,
                GCancellable  *cancellable,
                GError       **error)
{
  FillState *state = input;
  LoyPage *page = state->page;
  g_autofree char *done = NULL;

  /* Each page is its own transaction: a fill stopped here leaves whole pages. */
  if (!add_contacts (db, page->items, FALSE, &state->n_known, error))
    return FALSE;

  /* Newest first: a page the index held whole is where the last fill began. */
  state->done = page->items->len == 0 || state->offset + page->items->len >= page->total ||
                (state->was_filled && state->n_known == page->items->len);
  if (!state->done)
    return TRUE;

  done = g_strdup_printf ("INSERT INTO fills (filled_at) VALUES (%" G_GINT64_FORMAT ")",
                          g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_exec (db, done, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (db, error);

  state->n_contacts = select_int (db, "SELECT count(*) FROM contacts");
  return TRUE;
}

static void fill_step (GTask *task);

static void
fill_page_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FillState *state = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  state->offset += state->page->items->len;
  if (state->progress != NULL)
    state->progress (MIN (state->offset, state->page->total), state->page->total, state->progress_data);
  g_clear_pointer (&state->page, loy_page_free);

  if (state->done)
    g_task_return_int (task, state->n_contacts);
  else
    fill_step (g_steal_pointer (&task));
}

static void
fill_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  FillState *state = g_task_get_task_data (task);
  GError *error = NULL;

  if (!(state->page = loy_rest_pages_query_finish (result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The task holds the state the write fills in. */
  _loy_sqlite_worker_run_boolean_async (state->index->worker, NULL, fill_page_work, state, NULL,
                                        fill_page_work, g_task_get_cancellable (task),
                                        fill_page_written_cb, task);
}

static void
fill_step (GTask *task)
{
  FillState *state = g_task_get_task_data (task);

  loy_rest_pages_query_async (state->client, state->client, "/contacts?sort=-created_at",
                              loy_piggy_contacts_from_json, state->offset, FILL_STEP,
                              g_task_get_cancellable (task), fill_page_cb, task);
}

static void
fill_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  fill_step (task);
}

void
loy_rest_index_fill_async (LoyRestIndex        *self,
                           LoyRestClient       *client,
                           LoyProgressFunc      progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  FillState *state = g_new0 (FillState, 1);

  g_task_set_source_tag (task, loy_rest_index_fill_async);
  state->index = self;
  state->client = g_object_ref (client);
  state->progress = progress;
  state->progress_data = progress_data;
  self->n_fills++;
  g_task_set_task_data (task, state, (GDestroyNotify) fill_state_free);

  _loy_sqlite_worker_run_boolean_async (self->worker, NULL, fill_start_work, state, NULL,
                                        fill_start_work, cancellable, fill_started_cb, task);
}

gboolean
loy_rest_index_is_filling (LoyRestIndex *self)
{
  return self->n_fills > 0;
}

gboolean
loy_rest_index_get_paused (LoyRestIndex *self)
{
  return self->paused;
}

void
loy_rest_index_set_paused (LoyRestIndex *self,
                           gboolean      paused)
{
  self->paused = paused;
}

gint64
loy_rest_index_fill_finish (LoyRestClient  *client,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
