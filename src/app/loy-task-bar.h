/* loy-task-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LOY_TYPE_TASK_BAR (loy_task_bar_get_type ())

G_DECLARE_FINAL_TYPE (LoyTaskBar, loy_task_bar, LOY, TASK_BAR, GtkWidget)

/* Shows @text with a progress bar and a Cancel button that cancels the
 * returned cancellable. Returns: (transfer full) */
GCancellable *loy_task_bar_start    (LoyTaskBar *self,
                                     const char *text);
void          loy_task_bar_set_text (LoyTaskBar *self,
                                     const char *text);
/* A #LoyProgressFunc: pass the bar as its data. */
void          loy_task_bar_progress (guint64     done,
                                     guint64     total,
                                     gpointer    self);
void          loy_task_bar_finish   (LoyTaskBar *self);
gboolean      loy_task_bar_get_running (LoyTaskBar *self);

G_END_DECLS
