/* loy-export-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-export-task.h"
#include "loy-toast-target.h"

/* One export from a section's or a window's menu: the save dialog, the
 * store's streaming export into the chosen file, and what it wrote. The
 * task holds itself until the store has answered. */
typedef struct
{
  LoyTaskBar            *task_bar;
  LoyStore              *store;
  LoyExport             *export;
  LoyExportDescribeFunc  describe;
  GtkFileChooserNative  *chooser;
  GFile                 *file;
} ExportTask;

static void
export_task_free (ExportTask *task)
{
  g_clear_weak_pointer (&task->task_bar);
  g_clear_object (&task->store);
  g_clear_pointer (&task->export, loy_export_free);
  g_clear_object (&task->chooser);
  g_clear_object (&task->file);
  g_free (task);
}

/* @title is plain text (a file name may hold a '<' or '&'). */
static void
export_task_show_toast (ExportTask *task,
                        const char *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  if (task->task_bar != NULL)
    loy_toast_target_show_from (GTK_WIDGET (task->task_bar), adw_toast_new (markup));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (task->file);
  gint64 rows = loy_store_export_to_file_finish (LOY_STORE (object), result, &error);

  if (task->task_bar != NULL)
    loy_task_bar_finish (task->task_bar);

  if (rows >= 0)
    {
      g_autofree char *what = task->describe (rows);
      /* Translators: "12,345 contacts exported to /home/…/contacts.csv" */
      g_autofree char *title = g_strdup_printf (_("%s exported to %s"), what, name);

      export_task_show_toast (task, title);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    export_task_show_toast (task, _("Export cancelled"));
  else
    {
      /* Translators: the file, then why it could not be written */
      g_autofree char *title = g_strdup_printf (_("Could not export to %s: %s"), name, error->message);

      export_task_show_toast (task, title);
    }

  export_task_free (task);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                ExportTask      *task)
{
  GCancellable *cancellable;

  g_signal_handlers_disconnect_by_data (chooser, task);

  if (response != GTK_RESPONSE_ACCEPT || task->task_bar == NULL)
    {
      export_task_free (task);
      return;
    }

  task->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  cancellable = loy_task_bar_start (task->task_bar, _("Exporting…"));
  loy_store_export_to_file_async (task->store, task->export, task->file,
                                  loy_task_bar_progress, task->task_bar, cancellable,
                                  exported_cb, task);
  g_object_unref (cancellable);
}

void
loy_export_task_start (LoyTaskBar            *task_bar,
                       LoyStore              *store,
                       const LoyExport       *export,
                       const char            *title,
                       const char            *file_name,
                       LoyExportDescribeFunc  describe)
{
  GtkRoot *root;
  ExportTask *task;

  g_return_if_fail (LOY_IS_TASK_BAR (task_bar));
  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (export != NULL);
  g_return_if_fail (describe != NULL);

  /* One export at a time from one place: its Cancel is on show. */
  if (loy_task_bar_get_running (task_bar))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (task_bar));
  task = g_new0 (ExportTask, 1);
  g_set_weak_pointer (&task->task_bar, task_bar);
  task->store = g_object_ref (store);
  task->export = loy_export_copy (export);
  task->describe = describe;
  task->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (task->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (task->chooser), file_name);
  g_signal_connect (task->chooser, "response", G_CALLBACK (file_chosen_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (task->chooser));
}
