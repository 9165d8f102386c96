/* loy-data-source.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_DATA_SOURCE (loy_data_source_get_type ())

G_DECLARE_INTERFACE (LoyDataSource, loy_data_source, LOY, DATA_SOURCE, GtkApplication)

/**
 * LoyDataSourceInterface:
 * @get_store: the open store, or %NULL while it opens or after it failed to
 * @get_error: why the store could not be opened, or %NULL
 * @get_settings: the application's settings, which name the data source
 * @dup_local_path: the database file in use or to be used
 * @apply_settings: opens the data source the settings now name (dropping a
 *   --database of the command line)
 *
 * Where the program's data comes from, as Preferences see it: the
 * application implements it and emits ::notify::store and ::notify::error
 * as the store changes, so Preferences need not know the application.
 */
struct _LoyDataSourceInterface
{
  GTypeInterface parent_iface;

  LoyStore     *(*get_store)      (LoyDataSource *self);
  const GError *(*get_error)      (LoyDataSource *self);
  GSettings    *(*get_settings)   (LoyDataSource *self);
  char         *(*dup_local_path) (LoyDataSource *self);
  void          (*apply_settings) (LoyDataSource *self);
};

LoyStore     *loy_data_source_get_store      (LoyDataSource *self);
const GError *loy_data_source_get_error      (LoyDataSource *self);
GSettings    *loy_data_source_get_settings   (LoyDataSource *self);
char         *loy_data_source_dup_local_path (LoyDataSource *self);
void          loy_data_source_apply_settings (LoyDataSource *self);

/* The checks before switching, which alone know the backends: whether a
 * new program may go into @path (a file that is not a database, or that
 * already holds a program, is never overwritten); whether @url can be a
 * remote account's address (https, or http on this computer); and trying
 * the account at @url with @key (unreachable, a refused key, not the API). */
void          loy_data_source_check_new_program_path_async  (const char          *path,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
char         *loy_data_source_check_new_program_path_finish (GAsyncResult        *result,
                                                             GError             **error);
gboolean      loy_data_source_check_account_url      (const char          *url,
                                                      GError             **error);
void          loy_data_source_try_account_async      (const char          *url,
                                                      const char          *key,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean      loy_data_source_try_account_finish     (GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
