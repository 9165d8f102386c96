/* loy-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-csv"

#include "config.h"

#include "loy-csv.h"

/* Rows asked of the store at a time: one page is formatted and written
 * before the next one is asked for, so memory stays bounded. */
#define EXPORT_PAGE_SIZE 500

/* Progress is reported at most this often (and once at the end). */
#define PROGRESS_INTERVAL_USEC (G_USEC_PER_SEC / 5)

typedef struct
{
  LoyStore        *store;
  LoyQuery        *query;
  LoyCsvRowFunc    row_func;
  gpointer         row_data;
  GOutputStream   *output;
  LoyProgressFunc  progress;
  gpointer         progress_data;
  GString         *buffer;
  guint            offset;
  guint            total;
  gint64           rows_written;
  gint64           last_progress;
  gboolean         last_page;
} CsvExport;

static void
csv_export_free (gpointer data)
{
  CsvExport *export = data;

  g_clear_object (&export->store);
  g_clear_pointer (&export->query, loy_query_free);
  g_clear_object (&export->output);
  g_string_free (export->buffer, TRUE);
  g_free (export);
}

void
loy_csv_append_field (GString    *row,
                      const char *field)
{
  g_return_if_fail (row != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (row, field);
      return;
    }

  g_string_append_c (row, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static void
append_record (GString            *buffer,
               const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (buffer, ',');
      loy_csv_append_field (buffer, fields[i]);
    }
  /* RFC 4180 ends every record with CRLF. */
  g_string_append (buffer, "\r\n");
}

static void
report_progress (CsvExport *export,
                 gboolean   force)
{
  gint64 now;

  if (export->progress == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - export->last_progress < PROGRESS_INTERVAL_USEC)
    return;

  export->last_progress = now;
  export->progress (export->rows_written, export->total, export->progress_data);
}

static void query_next_page (GTask *task);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsvExport *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_string_truncate (export->buffer, 0);

  if (export->last_page)
    {
      report_progress (export, TRUE);
      g_task_return_int (task, export->rows_written);
      return;
    }

  report_progress (export, FALSE);
  query_next_page (g_steal_pointer (&task));
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsvExport *export = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  int io_priority = g_task_get_priority (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = NULL;

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The total can change while we export (a contact enrolls): the last
   * page is the first one that comes back short. */
  export->total = page->total;
  export->offset += page->items->len;
  export->last_page = page->items->len < EXPORT_PAGE_SIZE;

  for (guint i = 0; i < page->items->len; i++)
    {
      g_auto(GStrv) fields = export->row_func (g_ptr_array_index (page->items, i),
                                               export->row_data);

      append_record (export->buffer, (const char * const *) fields);
    }
  export->rows_written += page->items->len;

  if (export->buffer->len == 0)
    {
      report_progress (export, TRUE);
      g_task_return_int (task, export->rows_written);
      return;
    }

  g_output_stream_write_all_async (export->output,
                                   export->buffer->str,
                                   export->buffer->len,
                                   io_priority,
                                   cancellable,
                                   write_done_cb,
                                   g_steal_pointer (&task));
}

static void
query_next_page (GTask *task)
{
  CsvExport *export = g_task_get_task_data (task);

  loy_store_query_async (export->store,
                         export->query,
                         export->offset,
                         EXPORT_PAGE_SIZE,
                         g_task_get_cancellable (task),
                         query_done_cb,
                         task);
}

void
loy_csv_export_async (LoyStore            *store,
                      const LoyQuery      *query,
                      const char * const  *header,
                      LoyCsvRowFunc        row_func,
                      gpointer             row_data,
                      GOutputStream       *output,
                      LoyProgressFunc      progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CsvExport *export;

  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (query != NULL);
  g_return_if_fail (row_func != NULL);
  g_return_if_fail (G_IS_OUTPUT_STREAM (output));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_csv_export_async);

  export = g_new0 (CsvExport, 1);
  export->store = g_object_ref (store);
  export->query = loy_query_copy (query);
  export->row_func = row_func;
  export->row_data = row_data;
  export->output = g_object_ref (output);
  export->progress = progress;
  export->progress_data = progress_data;
  export->buffer = g_string_new (NULL);
  g_task_set_task_data (task, export, csv_export_free);

  /* The header goes out with the first page, in the same write. */
  if (header != NULL)
    append_record (export->buffer, header);

  query_next_page (g_steal_pointer (&task));
}

gint64
loy_csv_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_csv_export_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
