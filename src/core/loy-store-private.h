/* loy-store-private.h — the helpers every LoyStore operation is written with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

/* Fails with %LOY_ERROR_NOT_SUPPORTED naming the operation @op (such as
 * "create_reward") and the data source. */
void          _loy_store_report_not_supported  (LoyStore            *self,
                                                const char          *op,
                                                gpointer             source_tag,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);

/* Each operation's async function hands its arguments to the backend's
 * vfunc, or fails when the backend leaves it NULL; it expects its last
 * parameters to be named cancellable, callback and user_data. */
#define LOY_STORE_DISPATCH(self, op, ...)                                                      \
  G_STMT_START {                                                                               \
    LoyStoreInterface *iface;                                                                  \
                                                                                               \
    g_return_if_fail (LOY_IS_STORE (self));                                                    \
    g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));                         \
                                                                                               \
    iface = LOY_STORE_GET_IFACE (self);                                                        \
    if (iface->op##_async == NULL)                                                             \
      _loy_store_report_not_supported (self, #op, loy_store_##op##_async, callback, user_data); \
    else                                                                                       \
      iface->op##_async (self, ##__VA_ARGS__, cancellable, callback, user_data);               \
  } G_STMT_END

/* Every backend ends an operation with a GTask of @self, returning a
 * pointer, a boolean or an integer: the finish functions propagate it, and
 * those of writes that succeeded emit LoyStore::changed. */
gpointer      _loy_store_finish_pointer         (LoyStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
gpointer      _loy_store_finish_written_pointer (LoyStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
gboolean      _loy_store_finish_written_boolean (LoyStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
/* How many records an operation handled, or -1. */
gint64        _loy_store_finish_count           (LoyStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);
/* Announces the change when it wrote any. */
gint64        _loy_store_finish_written_count   (LoyStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* The synchronous wrappers iterate the calling thread's default main
 * context until the async call completes. */
void          _loy_store_result_cb              (GObject       *object,
                                                 GAsyncResult  *result,
                                                 gpointer       user_data);
GAsyncResult *_loy_store_wait_for_result        (GAsyncResult **slot);

/* The body of a synchronous wrapper; it expects its last parameters to be
 * named cancellable and error. */
#define LOY_STORE_WAIT(self, op, ...)                                                          \
  G_STMT_START {                                                                               \
    g_autoptr(GAsyncResult) result = NULL;                                                     \
                                                                                               \
    loy_store_##op##_async (self, ##__VA_ARGS__, cancellable, _loy_store_result_cb, &result);  \
    return loy_store_##op##_finish (self, _loy_store_wait_for_result (&result), error);        \
  } G_STMT_END

G_END_DECLS
