/* loy-sqlite-checkpointer.h — copies a store's WAL back into its database
 * in a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _LoySqliteCheckpointer LoySqliteCheckpointer;

/* Takes over the checkpoints of @writer, which stays the caller's and must
 * outlive the checkpointer; NULL, leaving @writer its own checkpoints, when
 * its database has no file (a temporary one) or cannot be opened again. */
LoySqliteCheckpointer *_loy_sqlite_checkpointer_new  (sqlite3               *writer);
/* Stops the thread and hands the checkpoints back to the writer. */
void                   _loy_sqlite_checkpointer_free (LoySqliteCheckpointer *self);

G_END_DECLS
