/* loy-sqlite-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

#define LOY_TYPE_SQLITE_STORE (loy_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (LoySqliteStore, loy_sqlite_store, LOY, SQLITE_STORE, GObject)

/**
 * LoyDemoOptions:
 * @n_contacts: contacts to create (200,000 must work)
 * @n_rewards: rewards to create, beyond the seed documents' examples
 * @n_codes: codes per digital reward's code group
 * @seed: random seed; the same seed (and end) gives the same database
 * @end: the end of the year of history, unix seconds; 0 for the start of today
 */
typedef struct
{
  guint   n_contacts;
  guint   n_rewards;
  guint   n_codes;
  guint64 seed;
  gint64  end;
} LoyDemoOptions;

#define LOY_DEMO_OPTIONS_DEFAULT ((LoyDemoOptions) { .n_contacts = 250, .n_rewards = 12, .n_codes = 40, .seed = 1 })

/* $XDG_DATA_HOME/loyalty-desk/loyalty.db */
char           *loy_sqlite_store_get_default_path (void);

/* Opens (creating and migrating as needed) the database at @path, in the
 * calling thread: a migration of a big database takes tens of seconds, so
 * a window opens it with loy_sqlite_store_new_async(). */
LoySqliteStore *loy_sqlite_store_new              (const char            *path,
                                                   GError               **error);
/* loy_sqlite_store_new() in a thread; cancelling stops a migration, and the
 * file stays as it was before it. @progress, if not %NULL, counts the steps
 * of a long migration (none when there is none); its last report comes
 * before @callback, and none comes once @cancellable is cancelled. */
void            loy_sqlite_store_new_async        (const char            *path,
                                                   LoyProgressFunc        progress,
                                                   gpointer               progress_data,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
LoySqliteStore *loy_sqlite_store_new_finish       (GAsyncResult          *result,
                                                   GError               **error);
/* TRUE when opening @path migrates it to this version's schema (which can
 * take long); quick, it reads the file's header only. */
gboolean        loy_sqlite_store_needs_upgrade    (const char            *path);
const char     *loy_sqlite_store_get_path         (LoySqliteStore        *self);
/* TRUE when the database holds no records yet (a first run). */
gboolean        loy_sqlite_store_is_empty         (LoySqliteStore        *self);
/* TRUE once a program was started in the database: an empty one (its rules
 * saved, as loy_sqlite_store_start_program() does) or one with records. A
 * new database has none: the user chooses between an empty program and
 * demo data first. */
gboolean        loy_sqlite_store_has_program      (LoySqliteStore        *self);
/* Starts an empty program: saves the default rules, nothing else. */
gboolean        loy_sqlite_store_start_program    (LoySqliteStore        *self,
                                                   GError               **error);
/* Fills an empty database with deterministic demo data in one transaction. */
gboolean        loy_sqlite_store_populate_demo    (LoySqliteStore        *self,
                                                   const LoyDemoOptions  *options,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
void            loy_sqlite_store_populate_demo_async  (LoySqliteStore        *self,
                                                       const LoyDemoOptions  *options,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean        loy_sqlite_store_populate_demo_finish (LoySqliteStore        *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
