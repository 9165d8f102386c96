/* loy-export-task.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"
#include "loy-task-bar.h"

G_BEGIN_DECLS

/* What @n_rows rows of an export are, as a new string: "12,345 contacts". */
typedef char *(*LoyExportDescribeFunc) (gint64 n_rows);

/* Asks where to write @export (a save dialog titled @title, offering
 * @file_name, over @task_bar's window), then writes it from @store with its
 * progress and Cancel in @task_bar; a toast in the toast target around
 * @task_bar says what was written and where, or why not, naming the file.
 * A cancelled or failed export leaves no file behind. */
void loy_export_task_start (LoyTaskBar            *task_bar,
                            LoyStore              *store,
                            const LoyExport       *export,
                            const char            *title,
                            const char            *file_name,
                            LoyExportDescribeFunc  describe);

G_END_DECLS
