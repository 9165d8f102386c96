/* loy-code-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-code-write.h"

/* Writing: each source in turn, adding up what the store reports. */

typedef enum
{
  SOURCE_FILE,
  SOURCE_PASTE,
  SOURCE_GENERATE,
} SourceKind;

typedef struct
{
  SourceKind  kind;
  GFile      *file;
  char       *text;
  guint       count;
} Source;

typedef struct
{
  LoyStore         *store;
  char             *group_uuid;
  GArray           *sources;
  guint             next;
  LoyImportSummary *summary;
  LoyProgressFunc   progress;
  gpointer          progress_data;
  guint64           done_before;
  guint64           done;
} Write;

static void
source_clear (Source *source)
{
  g_clear_object (&source->file);
  g_clear_pointer (&source->text, g_free);
}

static void
write_free (Write *write)
{
  g_clear_object (&write->store);
  g_free (write->group_uuid);
  g_array_unref (write->sources);
  g_clear_pointer (&write->summary, loy_import_summary_free);
  g_free (write);
}

static void write_next_source (GTask *task);

static void
write_progress_cb (guint64  done,
                   guint64  total,
                   gpointer user_data)
{
  Write *write = user_data;

  write->done = done;
  if (write->progress != NULL)
    write->progress (write->done_before + done, total > 0 ? write->done_before + total : 0,
                     write->progress_data);
}

static void
source_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Write *write = g_task_get_task_data (task);
  Source *source = &g_array_index (write->sources, Source, write->next - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = NULL;

  if (source->kind == SOURCE_GENERATE)
    summary = loy_store_generate_codes_finish (LOY_STORE (object), result, &error);
  else
    summary = loy_store_import_codes_finish (LOY_STORE (object), result, &error);

  if (summary == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  write->summary->added += summary->added;
  write->summary->duplicates += summary->duplicates;
  write->summary->invalid += summary->invalid;
  for (guint i = 0; summary->errors != NULL && i < summary->errors->len; i++)
    {
      LoyImportError *line = g_ptr_array_index (summary->errors, i);

      loy_import_summary_add_error (write->summary, line->line, line->reason);
    }

  write->done_before += write->done;
  write->done = 0;
  write_next_source (g_steal_pointer (&task));
}

static void
file_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Write *write = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) input = g_file_read_finish (G_FILE (object), result, &error);

  if (input == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  loy_store_import_codes_async (write->store, write->group_uuid, G_INPUT_STREAM (input),
                                write_progress_cb, write, g_task_get_cancellable (task),
                                source_written_cb, g_object_ref (task));
}

static void
write_next_source (GTask *task)
{
  Write *write = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  Source *source;

  if (write->next == write->sources->len)
    {
      g_task_return_pointer (task, g_steal_pointer (&write->summary),
                             (GDestroyNotify) loy_import_summary_free);
      g_object_unref (task);
      return;
    }

  source = &g_array_index (write->sources, Source, write->next++);
  switch (source->kind)
    {
    case SOURCE_FILE:
      g_file_read_async (source->file, G_PRIORITY_DEFAULT, cancellable, file_opened_cb, task);
      break;

    case SOURCE_PASTE:
      {
        g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (g_strdup (source->text),
                                                                             -1, g_free);

        loy_store_import_codes_async (write->store, write->group_uuid, input,
                                      write_progress_cb, write, cancellable,
                                      source_written_cb, task);
      }
      break;

    case SOURCE_GENERATE:
      {
        g_autofree char *pattern = g_strdup (source->text);

        loy_store_generate_codes_async (write->store, write->group_uuid, pattern, source->count,
                                        write_progress_cb, write, cancellable,
                                        source_written_cb, task);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
loy_code_write_async (LoyStore            *store,
                      const char          *group_uuid,
                      GPtrArray           *files,
                      const char          *pasted,
                      const char          *pattern,
                      guint                count,
                      LoyProgressFunc      progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Write *write;

  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (group_uuid != NULL);

  write = g_new0 (Write, 1);
  write->store = g_object_ref (store);
  write->group_uuid = g_strdup (group_uuid);
  write->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (write->sources, (GDestroyNotify) source_clear);
  write->summary = loy_import_summary_new ();
  write->progress = progress;
  write->progress_data = progress_data;

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      Source source = { SOURCE_FILE, g_object_ref (g_ptr_array_index (files, i)) };

      g_array_append_val (write->sources, source);
    }
  if (pasted != NULL)
    {
      Source source = { SOURCE_PASTE, NULL, g_strdup (pasted) };

      g_array_append_val (write->sources, source);
    }
  if (pattern != NULL && count > 0)
    {
      Source source = { SOURCE_GENERATE, NULL, g_strdup (pattern), count };

      g_array_append_val (write->sources, source);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_code_write_async);
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);

  write_next_source (g_steal_pointer (&task));
}

LoyImportSummary *
loy_code_write_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
