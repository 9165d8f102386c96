/* loy-sqlite-store-private.h — the store's instance, for its worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-sqlite-checkpointer.h"
#include "loy-sqlite-store.h"
#include "loy-sqlite-worker.h"

G_BEGIN_DECLS

struct _LoySqliteStore
{
  GObject          parent_instance;

  char            *path;
  sqlite3         *db;
  /* Runs the store's jobs (GTask *) on @db, one at a time. */
  LoySqliteWorker *worker;
  /* Copies @db's WAL back beside the jobs; NULL when @db copies it itself. */
  LoySqliteCheckpointer *checkpointer;
};

G_END_DECLS
