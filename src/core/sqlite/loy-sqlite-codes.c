/* loy-sqlite-codes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-code-file.h"
#include "loy-code-generator.h"
#include "loy-error.h"
#include "loy-sqlite-codes.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-worker.h"

/* Generated codes go into a group in one transaction with one prepared
 * statement; "ON CONFLICT … DO NOTHING" and changes() tell a code the
 * group has from a new one. Unlike "OR IGNORE", it skips only that: a code
 * the schema refuses for any other reason fails the whole write instead of
 * passing for a duplicate.
 *
 * An imported file is read into a TEMP staging table first (line number
 * and code, appended in file order), the codes the group has already are
 * found there with their lines, and then one INSERT … SELECT … ORDER BY
 * code adds the rest: inserting in the order of the (group_id, code) index
 * is SQLite's fast bulk path, about 2.5× faster for random codes than
 * inserting them as they come.
 *
 * Cancellation is checked every BATCH_SIZE codes (and by a progress
 * handler inside the bulk INSERT) and rolls back, so a group is either
 * exactly as before or has every new code. */

#define BATCH_SIZE              4096
#define PROGRESS_INTERVAL_USEC  (G_USEC_PER_SEC / 10)

/* Page cache while writing codes, in KiB: random codes land all over the
 * (group_id, code) index, and a cache that holds the index saves most
 * page spills to the WAL (1M codes: ~9.5 s with the 2 MiB default, see
 * bench/bench-import.c). The connection's own size comes back after. */
#define INSERT_CACHE_KIB        (128 * 1024)

#define INSERT_CODE_SQL \
  "INSERT INTO codes (group_id, code) VALUES (?1, ?2) ON CONFLICT (group_id, code) DO NOTHING"

/* The staging table lives in the import's transaction only. */
#define CREATE_STAGING_SQL \
  "CREATE TEMP TABLE import_staging (line INTEGER PRIMARY KEY, code TEXT NOT NULL)"
#define STAGE_CODE_SQL \
  "INSERT INTO temp.import_staging (line, code) VALUES (?1, ?2)"
#define FIND_PRESENT_SQL \
  "SELECT s.line FROM temp.import_staging AS s" \
  " WHERE EXISTS (SELECT 1 FROM codes AS c WHERE c.group_id = ?1 AND c.code = s.code)" \
  " ORDER BY s.line"
/* "WHERE true" tells the upsert's ON from a join's, as SQLite asks. */
#define INSERT_STAGED_SQL \
  "INSERT INTO codes (group_id, code) SELECT ?1, code FROM temp.import_staging WHERE true" \
  " ORDER BY code ON CONFLICT (group_id, code) DO NOTHING"

/* Of an import's progress, the share that reading the file makes (the
 * rest is the bulk INSERT), in percent: about a third of the time for 1M
 * random codes into an empty group. */
#define READ_SHARE_PERCENT 30

/* Progress, reported on the main context of the thread that started the
 * operation, at most ten times a second. */
typedef struct
{
  LoyProgressFunc  func;
  gpointer         data;
  GMainContext    *context;
  gint64           last_report;
} Progress;

typedef struct
{
  LoyProgressFunc func;
  gpointer        data;
  guint64         done;
  guint64         total;
} ProgressReport;

static void
progress_init (Progress        *progress,
               LoyProgressFunc  func,
               gpointer         data)
{
  progress->func = func;
  progress->data = data;
  progress->context = func != NULL ? g_main_context_ref_thread_default () : NULL;
  progress->last_report = 0;
}

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
}

static gboolean
progress_report_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->func (report->done, report->total, report->data);

  return G_SOURCE_REMOVE;
}

/* Reports @done of @total if the last report is long enough ago, or
 * always with @force (the final count). */
static void
progress_update (Progress *progress,
                 guint64   done,
                 guint64   total,
                 gboolean  force)
{
  ProgressReport *report;
  g_autoptr(GSource) source = NULL;
  gint64 now;

  if (progress->func == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - progress->last_report < PROGRESS_INTERVAL_USEC)
    return;
  progress->last_report = now;

  report = g_new0 (ProgressReport, 1);
  report->func = progress->func;
  report->data = progress->data;
  report->done = done;
  report->total = total;
  /* Always a source, never g_main_context_invoke(): that would call it
   * right here in the worker whenever the caller's context is free for a
   * moment. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_report_cb, report, g_free);
  g_source_attach (source, progress->context);
}

/* Inserts @code into the group bound to @insert; *@added says whether it
 * is new to the group. */
static gboolean
insert_code (sqlite3_stmt  *insert,
             const char    *code,
             gsize          length,
             gboolean      *added,
             GError       **error)
{
  sqlite3_bind_text (insert, 2, code, length, SQLITE_STATIC);
  if (!_loy_sqlite_step_done (insert, error))
    return FALSE;

  *added = sqlite3_changes (sqlite3_db_handle (insert)) > 0;
  return TRUE;
}

static gint64
get_cache_size (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, "PRAGMA cache_size", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -2000;

  return sqlite3_column_int64 (stmt, 0);
}

static void
set_cache_size (sqlite3 *db,
                gint64   size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" PRId64, size);

  _loy_sqlite_exec (db, sql, NULL);
}

/* Commits (or rolls back) what begin_insert() began. */
static gboolean
end_insert (sqlite3   *db,
            gint64     saved_cache_size,
            gboolean   commit,
            GError   **error)
{
  gboolean committed = FALSE;

  if (commit)
    committed = _loy_sqlite_commit (db, error);
  else
    _loy_sqlite_rollback (db);

  set_cache_size (db, saved_cache_size);

  return committed;
}

/* Begins the write transaction and prepares the INSERT for group @group_uuid. */
static sqlite3_stmt *
begin_insert (sqlite3     *db,
              const char  *group_uuid,
              gint64      *group_id,
              gint64      *saved_cache_size,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  *saved_cache_size = get_cache_size (db);
  set_cache_size (db, -INSERT_CACHE_KIB);

  if ((*group_id = _loy_sqlite_find_id (db, LOY_KIND_CODE_GROUP, group_uuid, error)) == 0 ||
      (insert = _loy_sqlite_prepare (db, INSERT_CODE_SQL, error)) == NULL)
    {
      end_insert (db, *saved_cache_size, FALSE, NULL);
      return NULL;
    }

  sqlite3_bind_int64 (insert, 1, *group_id);

  return g_steal_pointer (&insert);
}

/* Importing a code file */

typedef struct
{
  char         *group_uuid;
  GInputStream *input;
  Progress      progress;
} ImportInput;

static void
import_input_free (ImportInput *input)
{
  g_free (input->group_uuid);
  g_object_unref (input->input);
  progress_clear (&input->progress);
  g_free (input);
}

/* The size of @input when it is a file, else 0 (unknown). */
static guint64
query_input_size (GInputStream *input,
                  GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  if (!G_IS_FILE_INPUT_STREAM (input))
    return 0;

  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (input),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return 0;

  return g_file_info_get_size (info);
}

/* Adds the staged codes to group @group_id, sorted; the duplicates of
 * codes the group has go into @summary with their lines. */
static gboolean
insert_staged (sqlite3           *db,
               gint64             group_id,
               LoyImportSummary  *summary,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) present = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gulong interrupt_id;
  gboolean inserted;
  int rc;

  if ((present = _loy_sqlite_prepare (db, FIND_PRESENT_SQL, error)) == NULL ||
      (insert = _loy_sqlite_prepare (db, INSERT_STAGED_SQL, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (present, 1, group_id);
  while ((rc = sqlite3_step (present)) == SQLITE_ROW)
    {
      summary->duplicates++;
      loy_import_summary_add_error (summary, sqlite3_column_int64 (present, 0),
                                    _("The code is in the group already"));
    }
  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  interrupt_id = _loy_sqlite_interrupt_on_cancel (db, cancellable);
  sqlite3_bind_int64 (insert, 1, group_id);
  inserted = _loy_sqlite_step_done (insert, error);
  _loy_sqlite_interrupt_done (cancellable, interrupt_id, error);

  if (!inserted)
    return FALSE;

  summary->added = sqlite3_changes (db);
  return TRUE;
}

static int
compare_errors_by_line (gconstpointer a,
                        gconstpointer b)
{
  const LoyImportError *first = *(LoyImportError **) a;
  const LoyImportError *second = *(LoyImportError **) b;

  return first->line < second->line ? -1 : first->line > second->line;
}

static gpointer
import_codes_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ImportInput *input = data;
  g_autoptr(LoyImportSummary) summary = loy_import_summary_new ();
  g_autoptr(LoyCodeFile) file = loy_code_file_new (input->input);
  g_autoptr(sqlite3_stmt) stage = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 total_bytes = query_input_size (input->input, cancellable);
  guint64 n_lines = 0;
  gint64 group_id;
  gint64 saved_cache_size;
  LoyCodeLine line;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  saved_cache_size = get_cache_size (db);
  set_cache_size (db, -INSERT_CACHE_KIB);

  if ((group_id = _loy_sqlite_find_id (db, LOY_KIND_CODE_GROUP, input->group_uuid, &local_error)) == 0 ||
      !_loy_sqlite_exec (db, CREATE_STAGING_SQL, &local_error) ||
      (stage = _loy_sqlite_prepare (db, STAGE_CODE_SQL, &local_error)) == NULL)
    goto failed;

  while (loy_code_file_next (file, &line, cancellable, &local_error))
    {
      switch (line.kind)
        {
        case LOY_CODE_LINE_CODE:
          sqlite3_bind_int64 (stage, 1, line.number);
          sqlite3_bind_text (stage, 2, line.code, line.code_length, SQLITE_STATIC);
          if (!_loy_sqlite_step_done (stage, &local_error))
            goto failed;
          break;

        case LOY_CODE_LINE_DUPLICATE:
          summary->duplicates++;
          loy_import_summary_add_error (summary, line.number, line.reason);
          break;

        case LOY_CODE_LINE_INVALID:
          summary->invalid++;
          loy_import_summary_add_error (summary, line.number, line.reason);
          break;

        default:
          g_assert_not_reached ();
        }

      if (++n_lines % BATCH_SIZE == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            goto failed;
          progress_update (&input->progress,
                           loy_code_file_get_bytes_read (file) * READ_SHARE_PERCENT / 100,
                           total_bytes, FALSE);
        }
    }

  if (local_error != NULL)
    goto failed;

  g_clear_pointer (&stage, sqlite3_finalize);
  if (!insert_staged (db, group_id, summary, cancellable, &local_error) ||
      !_loy_sqlite_exec (db, "DROP TABLE temp.import_staging", &local_error))
    goto failed;

  /* The lines of codes the group had come last: put them in file order. */
  g_ptr_array_sort (summary->errors, compare_errors_by_line);

  if (!end_insert (db, saved_cache_size, TRUE, error))
    return NULL;

  progress_update (&input->progress, loy_code_file_get_bytes_read (file), total_bytes, TRUE);

  return g_steal_pointer (&summary);

failed:
  g_clear_pointer (&stage, sqlite3_finalize);
  end_insert (db, saved_cache_size, FALSE, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
loy_sqlite_store_import_codes_async (LoyStore            *store,
                                     const char          *group_uuid,
                                     GInputStream        *stream,
                                     LoyProgressFunc      progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  ImportInput *input = g_new0 (ImportInput, 1);

  input->group_uuid = g_strdup (group_uuid);
  input->input = g_object_ref (stream);
  progress_init (&input->progress, progress, progress_data);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), import_codes_work, input,
                               (GDestroyNotify) import_input_free,
                               (GDestroyNotify) loy_import_summary_free,
                               loy_sqlite_store_import_codes_async,
                               cancellable, callback, user_data);
}

/* Generating codes */

typedef struct
{
  char     *group_uuid;
  char     *pattern;
  guint     count;
  Progress  progress;
} GenerateInput;

static void
generate_input_free (GenerateInput *input)
{
  g_free (input->group_uuid);
  g_free (input->pattern);
  progress_clear (&input->progress);
  g_free (input);
}

/* A GLOB that matches exactly the codes @generator's pattern can make. */
static char *
build_pattern_glob (LoyCodeGenerator *generator)
{
  g_autoptr(GString) glob = g_string_new (NULL);

  for (const char *p = loy_code_generator_get_pattern (generator); *p != '\0'; p++)
    {
      if (*p == '#')
        g_string_append (glob, "[" LOY_CODE_DIGITS "]");
      else if (*p == 'X')
        g_string_append (glob, "[" LOY_CODE_LETTERS "]");
      else if (*p == '*' || *p == '?' || *p == '[')
        g_string_append_printf (glob, "[%c]", *p);
      else
        g_string_append_c (glob, *p);
    }

  return g_string_free (g_steal_pointer (&glob), FALSE);
}

/* How many codes of group @group_id match @generator's pattern. */
static gboolean
count_pattern_codes (sqlite3           *db,
                     gint64             group_id,
                     LoyCodeGenerator  *generator,
                     guint64           *taken,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *glob = build_pattern_glob (generator);

  stmt = _loy_sqlite_prepare (db, "SELECT count(*) FROM codes WHERE group_id = ?1 AND code GLOB ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, glob, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  *taken = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gpointer
generate_codes_work (sqlite3       *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GenerateInput *input = data;
  g_autoptr(LoyImportSummary) summary = loy_import_summary_new ();
  g_autoptr(LoyCodeGenerator) generator = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 taken;
  guint64 n_drawn = 0;
  gint64 group_id;
  gint64 saved_cache_size;

  if ((generator = loy_code_generator_new (input->pattern, error)) == NULL ||
      (insert = begin_insert (db, input->group_uuid, &group_id, &saved_cache_size, error)) == NULL)
    return NULL;

  if (!count_pattern_codes (db, group_id, generator, &taken, &local_error) ||
      !loy_code_generator_check_count (generator, input->count, taken, &local_error))
    goto failed;

  /* A code the group has already is drawn again: the check above makes
   * sure there is room for every new one. */
  while (summary->added < input->count)
    {
      const char *code;
      gboolean added;

      if ((code = loy_code_generator_next (generator, &local_error)) == NULL ||
          !insert_code (insert, code, strlen (code), &added, &local_error))
        goto failed;

      if (added)
        summary->added++;

      if (++n_drawn % BATCH_SIZE == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            goto failed;
          progress_update (&input->progress, summary->added, input->count, FALSE);
        }
    }

  g_clear_pointer (&insert, sqlite3_finalize);
  if (!end_insert (db, saved_cache_size, TRUE, error))
    return NULL;

  progress_update (&input->progress, summary->added, input->count, TRUE);

  return g_steal_pointer (&summary);

failed:
  g_clear_pointer (&insert, sqlite3_finalize);
  end_insert (db, saved_cache_size, FALSE, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
loy_sqlite_store_generate_codes_async (LoyStore            *store,
                                       const char          *group_uuid,
                                       const char          *pattern,
                                       guint                count,
                                       LoyProgressFunc      progress,
                                       gpointer             progress_data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GenerateInput *input = g_new0 (GenerateInput, 1);

  input->group_uuid = g_strdup (group_uuid);
  input->pattern = g_strdup (pattern);
  input->count = count;
  progress_init (&input->progress, progress, progress_data);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), generate_codes_work, input,
                               (GDestroyNotify) generate_input_free,
                               (GDestroyNotify) loy_import_summary_free,
                               loy_sqlite_store_generate_codes_async,
                               cancellable, callback, user_data);
}

/* Changing a code group */

typedef struct
{
  char       *uuid;
  JsonObject *changes;
} UpdateGroupInput;

static void
update_group_input_free (UpdateGroupInput *input)
{
  g_free (input->uuid);
  json_object_unref (input->changes);
  g_free (input);
}

static gboolean
validate_group_changes (JsonObject  *changes,
                        GError     **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &node))
    {
      gboolean is_string = JSON_NODE_HOLDS_VALUE (node) &&
                           json_node_get_value_type (node) == G_TYPE_STRING;
      gboolean is_integer = JSON_NODE_HOLDS_VALUE (node) &&
                            json_node_get_value_type (node) == G_TYPE_INT64;

      if (g_str_equal (key, "name"))
        {
          g_autofree char *name = is_string ? g_strstrip (json_node_dup_string (node)) : NULL;

          if (name == NULL || name[0] == '\0')
            {
              g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("A code group needs a name"));
              return FALSE;
            }
        }
      else if (g_str_equal (key, "low_stock_threshold"))
        {
          if (!is_integer || json_node_get_int (node) < 0)
            {
              g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The low-stock warning must be a whole number of at least zero"));
              return FALSE;
            }
        }
      else
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("The field “%s” of a code group cannot be changed"), key);
          return FALSE;
        }
    }

  return TRUE;
}

static gpointer
update_code_group_work (sqlite3       *db,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  UpdateGroupInput *input = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GObject) group = NULL;
  gint64 group_id;

  if (!validate_group_changes (input->changes, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if ((group_id = _loy_sqlite_find_id (db, LOY_KIND_CODE_GROUP, input->uuid, error)) == 0 ||
      (stmt = _loy_sqlite_prepare (db,
                                   "UPDATE code_groups SET"
                                   " name = coalesce (trim (:name), name),"
                                   " low_stock_threshold = coalesce (:threshold, low_stock_threshold)"
                                   " WHERE id = :id",
                                   error)) == NULL)
    goto failed;

  if (json_object_has_member (input->changes, "name"))
    _loy_sqlite_bind_text (stmt, ":name", json_object_get_string_member (input->changes, "name"));
  if (json_object_has_member (input->changes, "low_stock_threshold"))
    _loy_sqlite_bind_int64 (stmt, ":threshold",
                            json_object_get_int_member (input->changes, "low_stock_threshold"));
  _loy_sqlite_bind_int64 (stmt, ":id", group_id);

  if (!_loy_sqlite_step_done (stmt, error) ||
      (group = _loy_sqlite_lookup_record (db, LOY_KIND_CODE_GROUP, input->uuid, error)) == NULL ||
      !_loy_sqlite_commit (db, error))
    goto failed;

  return g_steal_pointer (&group);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

static void
loy_sqlite_store_update_code_group_async (LoyStore            *store,
                                          const char          *uuid,
                                          JsonObject          *changes,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  UpdateGroupInput *input = g_new0 (UpdateGroupInput, 1);

  input->uuid = g_strdup (uuid);
  input->changes = json_object_ref (changes);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), update_code_group_work, input,
                               (GDestroyNotify) update_group_input_free, g_object_unref,
                               loy_sqlite_store_update_code_group_async,
                               cancellable, callback, user_data);
}

/* Claiming */

/* Gives the next free code of the group to the contact in one statement,
 * so that two tills or processes never get the same one. Sets @code_id to
 * its rowid (and @code, when not NULL), or to 0 when the group has none
 * left — the caller names what ran out. FALSE only when the database failed. */
gboolean
_loy_sqlite_claim_code (sqlite3      *db,
                        gint64        group_id,
                        gint64        contact_id,
                        gint64       *code_id,
                        char        **code,
                        GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autofree char *claimed = NULL;
  int rc;

  *code_id = 0;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "UPDATE codes SET contact_id = :contact, issued_at = :now"
                                     " WHERE id = (SELECT id FROM codes WHERE group_id = :group"
                                     "  AND contact_id IS NULL ORDER BY id LIMIT 1)"
                                     " RETURNING id, code",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);
  _loy_sqlite_bind_int64 (stmt, ":now", _loy_sqlite_now_seconds ());
  _loy_sqlite_bind_int64 (stmt, ":group", group_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *code_id = sqlite3_column_int64 (stmt, 0);
      claimed = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      /* To DONE before anything else: COMMIT fails while it is in progress. */
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      *code_id = 0;
      return FALSE;
    }

  if (code != NULL)
    *code = g_steal_pointer (&claimed);

  return TRUE;
}

void
_loy_sqlite_store_codes_iface_init (LoyStoreInterface *iface)
{
  iface->import_codes_async = loy_sqlite_store_import_codes_async;
  iface->generate_codes_async = loy_sqlite_store_generate_codes_async;
  iface->update_code_group_async = loy_sqlite_store_update_code_group_async;
}
