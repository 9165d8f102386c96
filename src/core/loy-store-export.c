/* loy-store-export.c — the LoyStore export: a list written as CSV to a
 * stream as it is read, and into a file that appears only when complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-store"

#include "config.h"

#include "loy-store.h"
#include "loy-store-private.h"

void
loy_store_export_async (LoyStore            *self,
                        const LoyExport     *export,
                        GOutputStream       *output,
                        LoyProgressFunc      progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, export, export, output, progress, progress_data);
}

gint64
loy_store_export_finish (LoyStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return _loy_store_finish_count (self, result, error);
}

/* Exporting into a file */

typedef struct
{
  LoyExport       *export;
  GFile           *file;
  GFile           *partial;
  GOutputStream   *output;
  LoyProgressFunc  progress;
  gpointer         progress_data;
  gint64           rows;
} FileExport;

static void
file_export_free (FileExport *file_export)
{
  loy_export_free (file_export->export);
  g_object_unref (file_export->file);
  g_object_unref (file_export->partial);
  g_clear_object (&file_export->output);
  g_free (file_export);
}

/* Fails @task with @error, throwing the partial file away. */
static void
file_export_fail (GTask  *task,
                  GError *error)
{
  FileExport *file_export = g_task_get_task_data (task);

  /* A local file closes at once; what matters is that it goes. */
  if (file_export->output != NULL)
    g_output_stream_close (file_export->output, NULL, NULL);
  g_file_delete_async (file_export->partial, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
partial_moved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  FileExport *file_export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_move_finish (G_FILE (object), result, &error))
    {
      g_clear_object (&file_export->output);
      file_export_fail (task, error);
      return;
    }

  g_task_return_int (task, file_export->rows);
  g_object_unref (task);
}

static void
partial_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  FileExport *file_export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (object), result, &error))
    {
      file_export_fail (task, error);
      return;
    }

  /* Complete now: no cancelling the move that presents it. */
  g_file_move_async (file_export->partial, file_export->file, G_FILE_COPY_OVERWRITE,
                     G_PRIORITY_DEFAULT, NULL, NULL, NULL, partial_moved_cb, task);
}

static void
file_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  FileExport *file_export = g_task_get_task_data (task);
  GError *error = NULL;

  if ((file_export->rows = loy_store_export_finish (LOY_STORE (object), result, &error)) < 0)
    {
      file_export_fail (task, error);
      return;
    }

  g_output_stream_close_async (file_export->output, G_PRIORITY_DEFAULT, NULL,
                               partial_closed_cb, task);
}

static void
partial_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  FileExport *file_export = g_task_get_task_data (task);
  GFileOutputStream *output;
  GError *error = NULL;

  if ((output = g_file_replace_finish (G_FILE (object), result, &error)) == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  file_export->output = G_OUTPUT_STREAM (output);
  loy_store_export_async (g_task_get_source_object (task), file_export->export,
                          file_export->output, file_export->progress, file_export->progress_data,
                          g_task_get_cancellable (task), file_exported_cb, task);
}

void
loy_store_export_to_file_async (LoyStore            *self,
                                const LoyExport     *export,
                                GFile               *file,
                                LoyProgressFunc      progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *partial_name = NULL;
  FileExport *file_export;
  GTask *task;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (export != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_store_export_to_file_async);

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  partial_name = g_strdup_printf (".%s.part", basename);

  file_export = g_new0 (FileExport, 1);
  file_export->export = loy_export_copy (export);
  file_export->file = g_object_ref (file);
  file_export->partial = parent != NULL ? g_file_get_child (parent, partial_name)
                                        : g_file_new_for_path (partial_name);
  file_export->progress = progress;
  file_export->progress_data = progress_data;
  g_task_set_task_data (task, file_export, (GDestroyNotify) file_export_free);

  g_file_replace_async (file_export->partial, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, cancellable, partial_opened_cb, task);
}

gint64
loy_store_export_to_file_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_async_result_is_tagged (result, loy_store_export_to_file_async), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
