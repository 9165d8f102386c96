/* loy-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "loy-enums.h"
#include "loy-query.h"
#include "loy-reward.h"

G_BEGIN_DECLS

#define LOY_TYPE_STORE (loy_store_get_type ())

G_DECLARE_INTERFACE (LoyStore, loy_store, LOY, STORE, GObject)

/**
 * LoyStoreInterface:
 * @get_capabilities: what this backend can do (see #LoyStoreCapabilities)
 * @get_description: a short human-readable name of where the data lives
 *   (a file path, a URL), for the UI
 * @query_async: one page of records matching a query, with the total count
 * @lookup_async: one record by kind and UUID; %LOY_ERROR_NOT_FOUND when absent
 * @create_reward_async: store a new reward, returning it with its UUID
 * @update_reward_async: apply @changes (seed 002 field names; unknown keys are
 *   custom attributes) to a reward and return it as stored. A backend that
 *   cannot change a field fails with %LOY_ERROR_NOT_SUPPORTED rather than
 *   dropping it.
 * @delete_reward_async: remove a reward
 *
 * The one interface behind which both backends live. Every operation is
 * asynchronous and cancellable; every write happens whole or not at all.
 * Operations a backend lacks fail with %LOY_ERROR_NOT_SUPPORTED (the
 * default implementation) and are absent from its capabilities.
 */
struct _LoyStoreInterface
{
  GTypeInterface parent_iface;

  LoyStoreCapabilities  (*get_capabilities)    (LoyStore            *self);
  char                 *(*get_description)     (LoyStore            *self);

  void                  (*query_async)         (LoyStore            *self,
                                                const LoyQuery      *query,
                                                guint                offset,
                                                guint                limit,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
  LoyPage              *(*query_finish)        (LoyStore            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

  void                  (*lookup_async)        (LoyStore            *self,
                                                LoyKind              kind,
                                                const char          *uuid,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
  GObject              *(*lookup_finish)       (LoyStore            *self,
                                                GAsyncResult        *result,
                                                GError             **error);

  void                  (*create_reward_async) (LoyStore            *self,
                                                LoyReward           *reward,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
  LoyReward            *(*create_reward_finish) (LoyStore           *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

  void                  (*update_reward_async) (LoyStore            *self,
                                                const char          *uuid,
                                                JsonObject          *changes,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
  LoyReward            *(*update_reward_finish) (LoyStore           *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

  void                  (*delete_reward_async) (LoyStore            *self,
                                                const char          *uuid,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
  gboolean              (*delete_reward_finish) (LoyStore           *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);
};

LoyStoreCapabilities  loy_store_get_capabilities   (LoyStore             *self);
gboolean              loy_store_can                (LoyStore             *self,
                                                    LoyStoreCapabilities  capabilities);
char                 *loy_store_get_description    (LoyStore             *self);

void                  loy_store_query_async        (LoyStore             *self,
                                                    const LoyQuery       *query,
                                                    guint                 offset,
                                                    guint                 limit,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
LoyPage              *loy_store_query_finish       (LoyStore             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void                  loy_store_lookup_async       (LoyStore             *self,
                                                    LoyKind               kind,
                                                    const char           *uuid,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GObject              *loy_store_lookup_finish      (LoyStore             *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void                  loy_store_create_reward_async (LoyStore            *self,
                                                     LoyReward           *reward,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
LoyReward            *loy_store_create_reward_finish (LoyStore           *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
void                  loy_store_update_reward_async (LoyStore            *self,
                                                     const char          *uuid,
                                                     JsonObject          *changes,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
LoyReward            *loy_store_update_reward_finish (LoyStore           *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
void                  loy_store_delete_reward_async (LoyStore            *self,
                                                     const char          *uuid,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean              loy_store_delete_reward_finish (LoyStore           *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);

/* Synchronous wrappers for loyctl and tests: they iterate the calling
 * thread's default main context until the async call completes (which also
 * dispatches an in-process test server on that context). Never call them
 * from the UI thread. */
LoyPage              *loy_store_query_sync         (LoyStore             *self,
                                                    const LoyQuery       *query,
                                                    guint                 offset,
                                                    guint                 limit,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
GObject              *loy_store_lookup_sync        (LoyStore             *self,
                                                    LoyKind               kind,
                                                    const char           *uuid,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
LoyReward            *loy_store_create_reward_sync (LoyStore             *self,
                                                    LoyReward            *reward,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
LoyReward            *loy_store_update_reward_sync (LoyStore             *self,
                                                    const char           *uuid,
                                                    JsonObject           *changes,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
gboolean              loy_store_delete_reward_sync (LoyStore             *self,
                                                    const char           *uuid,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* Shared validation of an update, so both backends refuse the same input
 * with the same message: field types, positive required_credits, non-empty title. */
gboolean              loy_reward_changes_validate  (JsonObject           *changes,
                                                    GError              **error);
/* Applies validated @changes to @reward (custom attributes included). */
void                  loy_reward_apply_changes     (LoyReward            *reward,
                                                    JsonObject           *changes);

G_END_DECLS
