/* loy-sqlite-export.c — every list out as CSV, streamed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-campaign.h"
#include "loy-csv.h"
#include "loy-error.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-export.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-schema.h"
#include "loy-sqlite-worker.h"

/* An export reads one statement in the order of a unique, indexed key and
 * writes each row as it reads it. It goes in chunks of CHUNK_ROWS: each
 * chunk starts after the last key written (a keyset cursor, never an
 * OFFSET), and between chunks the connection is free for the other jobs,
 * so a long export does not stall the app's lists. Memory stays flat: a
 * row is formatted into the writer's buffer and the buffer is written out
 * when full. The total, for progress, is counted once at the start.
 *
 * Each chunk reads one snapshot; a row added or removed between chunks is
 * written or not depending on whether the cursor has passed its key, and
 * no row is ever written twice. */

#define CHUNK_ROWS              16384
#define CANCEL_CHECK_ROWS       1024
#define PROGRESS_INTERVAL_USEC  (G_USEC_PER_SEC / 5)

#define TIME(x)  "strftime ('%Y-%m-%dT%H:%M:%SZ', " x ", 'unixepoch')"
/* Cents as units with two decimals; NULL stays NULL. */
#define MONEY(x) "CASE WHEN " x " IS NOT NULL THEN printf ('%d.%02d', " x " / 100, " x " % 100) END"

typedef struct
{
  const char *name;
  const char *sql;
  LoyCsvCell  cell;
  /* What the column holds as the text to write, when they differ. */
  const char *(*to_text) (const char *value);
} ExportColumn;

typedef struct
{
  const ExportColumn *columns;
  const char         *from;
  /* Unique over the rows, and the order of an index. */
  const char         *key;
  gboolean            text_key;
} ExportSpec;

static const ExportColumn reward_columns[] = {
  { "uuid", "t.uuid", LOY_CSV_TEXT },
  { "title", "t.title", LOY_CSV_TEXT },
  { "description", "t.description", LOY_CSV_TEXT },
  { "reward_type", "lower (t.reward_type)", LOY_CSV_TEXT },
  { "active", "t.is_active", LOY_CSV_NUMBER },
  { "required_credits", "t.required_credits", LOY_CSV_NUMBER },
  { "cost_price", MONEY ("t.cost_price_cents"), LOY_CSV_NUMBER },
  { "stock", "t.stock", LOY_CSV_NUMBER },
  { "created_at", TIME ("t.created_at"), LOY_CSV_TEXT },
  { NULL }
};

static const ExportColumn campaign_columns[] = {
  { "uuid", "t.uuid", LOY_CSV_TEXT },
  { "name", "t.name", LOY_CSV_TEXT },
  { "campaign_type", "t.campaign_type", LOY_CSV_TEXT },
  { "active", "t.is_active", LOY_CSV_NUMBER },
  { "cost_in_points", "t.cost_in_points", LOY_CSV_NUMBER },
  { "point_value", MONEY ("t.point_value_cents"), LOY_CSV_NUMBER },
  { "target_type", "lower (t.target_type)", LOY_CSV_TEXT },
  { "active_from", TIME ("iif (t.activity_all_time, NULL, t.active_from)"), LOY_CSV_TEXT },
  { "active_to", TIME ("iif (t.activity_all_time, NULL, t.active_to)"), LOY_CSV_TEXT },
  { "limit", "t.purchase_limit", LOY_CSV_NUMBER },
  { "limit_per_contact", "t.limit_per_contact", LOY_CSV_NUMBER },
  { "labels", "(SELECT group_concat (l.key || iif (l.value = '', '', '=' || l.value), ', ')"
              " FROM campaign_labels AS l WHERE l.campaign_id = t.id)", LOY_CSV_TEXT },
  { "created_at", TIME ("t.created_at"), LOY_CSV_TEXT },
  { NULL }
};

static const ExportColumn contact_columns[] = {
  { "uuid", "t.uuid", LOY_CSV_TEXT },
  { "email", "t.email", LOY_CSV_TEXT },
  { "first_name", "t.first_name", LOY_CSV_TEXT },
  { "last_name", "t.last_name", LOY_CSV_TEXT },
  { "balance", "t.balance", LOY_CSV_NUMBER },
  { "level", "l.name", LOY_CSV_TEXT },
  { "attributes", "t.attributes", LOY_CSV_TEXT },
  { "created_at", TIME ("t.created_at"), LOY_CSV_TEXT },
  { NULL }
};

static const ExportColumn ledger_columns[] = {
  { "uuid", "t.uuid", LOY_CSV_TEXT },
  { "contact_uuid", "c.uuid", LOY_CSV_TEXT },
  { "entry_type", "lower (t.entry_type)", LOY_CSV_TEXT },
  { "credits", "t.credits", LOY_CSV_NUMBER },
  { "reason", "t.reason", LOY_CSV_TEXT },
  { "operator", "t.operator", LOY_CSV_TEXT },
  { "reward_uuid", "r.uuid", LOY_CSV_TEXT },
  { "reward_title", "r.title", LOY_CSV_TEXT },
  { "code", "k.code", LOY_CSV_TEXT },
  { "purchase_amount", MONEY ("t.purchase_amount_cents"), LOY_CSV_NUMBER },
  { "reverses_uuid", "o.uuid", LOY_CSV_TEXT },
  { "created_at", TIME ("t.created_at"), LOY_CSV_TEXT },
  { NULL }
};

/* What `loyctl codes export` always wrote, and the code import reads back. */
static const ExportColumn code_columns[] = {
  { "code", "t.code", LOY_CSV_TEXT },
  { "status", "CASE WHEN t.revoked_at IS NOT NULL THEN 'revoked'"
              " WHEN t.contact_id IS NULL THEN 'available' ELSE 'issued' END", LOY_CSV_TEXT },
  { "contact_uuid", "c.uuid", LOY_CSV_TEXT },
  { "issued_at", TIME ("t.issued_at"), LOY_CSV_TEXT },
  { NULL }
};

#define CONTACTS_FROM "contacts AS t LEFT JOIN levels AS l ON l.id = t.level_id"

static const ExportSpec export_specs[LOY_N_EXPORT_KINDS] = {
  [LOY_EXPORT_REWARDS] = { reward_columns, "rewards AS t", "t.id", FALSE },
  [LOY_EXPORT_CAMPAIGNS] = { campaign_columns, "campaigns AS t", "t.id", FALSE },
  [LOY_EXPORT_CONTACTS] = { contact_columns, CONTACTS_FROM, "t.id", FALSE },
  [LOY_EXPORT_LEDGER] = {
    ledger_columns,
    "ledger_entries AS t JOIN contacts AS c ON c.id = t.contact_id"
    " LEFT JOIN rewards AS r ON r.id = t.reward_id"
    " LEFT JOIN codes AS k ON k.id = t.code_id"
    " LEFT JOIN ledger_entries AS o ON o.id = t.reverses_id",
    "t.id", FALSE
  },
  /* The (group_id, code) index: the group's codes in code order. */
  [LOY_EXPORT_CODES] = {
    code_columns, "codes AS t LEFT JOIN contacts AS c ON c.id = t.contact_id", "t.code", TRUE
  },
  [LOY_EXPORT_SEGMENT_MEMBERS] = { contact_columns, CONTACTS_FROM, "t.id", FALSE },
};

typedef struct
{
  LoyExport       *export;
  const ExportSpec *spec;
  LoyCsvWriter    *writer;
  LoyProgressFunc  progress;
  gpointer         progress_data;
  gint64           last_progress;

  /* Set up by the first chunk. */
  char            *sql;
  LoySqliteFilter *members;
  gint64           parent_id;
  guint64          total;

  /* Where the next chunk starts: after this key. */
  gint64           after_id;
  char            *after_text;

  guint64          rows_written;
  gboolean         done;
} ExportState;

static void
export_state_free (ExportState *state)
{
  loy_export_free (state->export);
  g_clear_pointer (&state->writer, loy_csv_writer_free);
  g_free (state->sql);
  g_clear_pointer (&state->members, _loy_sqlite_filter_free);
  g_free (state->after_text);
  g_free (state);
}

/* The conditions of @state's export, without the cursor's. */
static char *
build_where (ExportState *state)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  const LoyExport *export = state->export;

  if (export->kind == LOY_EXPORT_CODES)
    g_ptr_array_add (conditions, "t.group_id = :parent");
  if (export->kind == LOY_EXPORT_LEDGER && export->uuid != NULL)
    g_ptr_array_add (conditions, "t.contact_id = :parent");
  if (export->kind == LOY_EXPORT_LEDGER && export->from != 0)
    g_ptr_array_add (conditions, "t.created_at >= :from");
  if (export->kind == LOY_EXPORT_LEDGER && export->to != 0)
    g_ptr_array_add (conditions, "t.created_at < :to");
  if (state->members != NULL && _loy_sqlite_filter_get_condition (state->members) != NULL)
    g_ptr_array_add (conditions, (gpointer) _loy_sqlite_filter_get_condition (state->members));

  if (conditions->len == 0)
    return g_strdup ("1");

  g_ptr_array_add (conditions, NULL);
  return g_strjoinv (" AND ", (char **) conditions->pdata);
}

static void
bind_export (ExportState  *state,
             sqlite3_stmt *stmt)
{
  _loy_sqlite_bind_int64 (stmt, ":parent", state->parent_id);
  _loy_sqlite_bind_int64 (stmt, ":from", state->export->from);
  _loy_sqlite_bind_int64 (stmt, ":to", state->export->to);
  if (state->members != NULL)
    _loy_sqlite_filter_bind (state->members, stmt);
}

static gboolean
count_rows (sqlite3      *db,
            ExportState  *state,
            const char   *where,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", state->spec->from, where);
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_export (state, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  state->total = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Finds what the export is of, builds its statement, counts its rows and
 * writes the header: in the first chunk, before any row. */
static gboolean
begin_export (sqlite3      *db,
              ExportState  *state,
              GCancellable *cancellable,
              GError      **error)
{
  const LoyExport *export = state->export;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree char *where = NULL;

  switch (export->kind)
    {
    case LOY_EXPORT_CODES:
      if ((state->parent_id = _loy_sqlite_find_id (db, LOY_KIND_CODE_GROUP, export->uuid, error)) == 0)
        return FALSE;
      break;

    case LOY_EXPORT_LEDGER:
      if (export->uuid != NULL &&
          (state->parent_id = _loy_sqlite_find_id (db, LOY_KIND_CONTACT, export->uuid, error)) == 0)
        return FALSE;
      break;

    case LOY_EXPORT_SEGMENT_MEMBERS:
      {
        g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);

        if (export->uuid == NULL && export->criteria == NULL)
          {
            g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                                 _("Choose the segment whose members to export"));
            return FALSE;
          }

        query->segment_uuid = g_strdup (export->uuid);
        query->criteria = export->criteria != NULL ? json_node_copy (export->criteria) : NULL;
        if ((state->members = _loy_sqlite_filter_new_for_query (db, query, error)) == NULL)
          return FALSE;
      }
      break;

    case LOY_EXPORT_REWARDS:
    case LOY_EXPORT_CAMPAIGNS:
    case LOY_EXPORT_CONTACTS:
      break;

    default:
      g_assert_not_reached ();
    }

  where = build_where (state);
  if (!count_rows (db, state, where, error))
    return FALSE;

  for (const ExportColumn *column = state->spec->columns; column->name != NULL; column++)
    {
      g_string_append_printf (sql, "%s, ", column->sql);
      loy_csv_writer_add_field (state->writer, column->name, -1, LOY_CSV_TEXT);
    }
  g_string_append_printf (sql, "%s FROM %s WHERE %s AND %s > :after ORDER BY %s LIMIT %d",
                          state->spec->key, state->spec->from, where,
                          state->spec->key, state->spec->key, CHUNK_ROWS);
  state->sql = g_string_free (g_steal_pointer (&sql), FALSE);

  /* Before the first key: every code is longer than "", every id above 0. */
  state->after_text = g_strdup ("");

  return loy_csv_writer_end_record (state->writer, cancellable, error);
}

static gpointer
export_chunk_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ExportState *state = data;
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  guint n_columns;
  guint n_rows = 0;
  int rc;

  if (!_loy_sqlite_begin_read (db, error))
    return NULL;

  if ((state->sql == NULL && !begin_export (db, state, cancellable, error)) ||
      (stmt = _loy_sqlite_prepare_cached (db, state->sql, error)) == NULL)
    goto failed;

  bind_export (state, stmt);
  if (state->spec->text_key)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":after"),
                       state->after_text, -1, SQLITE_TRANSIENT);
  else
    _loy_sqlite_bind_int64 (stmt, ":after", state->after_id);

  n_columns = sqlite3_column_count (stmt) - 1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          const ExportColumn *column = &state->spec->columns[i];
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (column->to_text != NULL && text != NULL)
            loy_csv_writer_add_field (state->writer, column->to_text (text), -1, column->cell);
          else
            loy_csv_writer_add_field (state->writer, text, sqlite3_column_bytes (stmt, i), column->cell);
        }
      if (!loy_csv_writer_end_record (state->writer, cancellable, error))
        goto failed;

      /* The chunk's last row: the next chunk starts after it. */
      if (++n_rows == CHUNK_ROWS)
        {
          if (state->spec->text_key)
            {
              g_free (state->after_text);
              state->after_text = g_strdup ((const char *) sqlite3_column_text (stmt, n_columns));
            }
          else
            state->after_id = sqlite3_column_int64 (stmt, n_columns);
        }

      if (n_rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      goto failed;
    }

  state->rows_written += n_rows;
  state->done = n_rows < CHUNK_ROWS;
  if (state->done && !loy_csv_writer_flush (state->writer, cancellable, error))
    goto failed;

  g_clear_pointer (&stmt, _loy_sqlite_release);
  if (!_loy_sqlite_commit (db, error))
    return NULL;

  return state;

failed:
  g_clear_pointer (&stmt, _loy_sqlite_release);
  _loy_sqlite_rollback (db);
  return NULL;
}

static void
report_progress (ExportState *state,
                 gboolean     force)
{
  gint64 now;

  if (state->progress == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - state->last_progress < PROGRESS_INTERVAL_USEC)
    return;

  state->last_progress = now;
  state->progress (state->rows_written, MAX (state->total, state->rows_written),
                   state->progress_data);
}

static void run_chunk (GTask *task);

static void
chunk_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (_loy_sqlite_store_finish (object, result, export_chunk_work, &error) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report_progress (state, state->done);
  if (state->done)
    g_task_return_int (task, state->rows_written);
  else
    run_chunk (g_steal_pointer (&task));
}

static void
run_chunk (GTask *task)
{
  _loy_sqlite_store_run_async (g_task_get_source_object (task), export_chunk_work,
                               g_task_get_task_data (task), NULL, NULL, export_chunk_work,
                               g_task_get_cancellable (task), chunk_done_cb, task);
}

static void
loy_sqlite_store_export_async (LoyStore            *store,
                               const LoyExport     *export,
                               GOutputStream       *output,
                               LoyProgressFunc      progress,
                               gpointer             progress_data,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  ExportState *state = g_new0 (ExportState, 1);

  g_task_set_source_tag (task, loy_sqlite_store_export_async);

  state->export = loy_export_copy (export);
  state->spec = &export_specs[export->kind];
  state->writer = loy_csv_writer_new (output);
  state->progress = progress;
  state->progress_data = progress_data;
  g_task_set_task_data (task, state, (GDestroyNotify) export_state_free);

  run_chunk (task);
}

void
_loy_sqlite_store_export_iface_init (LoyStoreInterface *iface)
{
  iface->export_async = loy_sqlite_store_export_async;
}
