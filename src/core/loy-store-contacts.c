/* loy-store-contacts.c — the LoyStore operations of a contact's record, of
 * an award's preview and of the contacts' local index: one-line bodies over the helpers of
 * loy-store-private.h, as in loy-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-store"

#include "config.h"

#include "loy-store.h"
#include "loy-store-private.h"

void
loy_store_update_contact_async (LoyStore            *self,
                                const char          *uuid,
                                JsonObject          *changes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, update_contact, uuid, changes);
}

LoyContact *
loy_store_update_contact_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyContact *
loy_store_update_contact_sync (LoyStore      *self,
                               const char    *uuid,
                               JsonObject    *changes,
                               GCancellable  *cancellable,
                               GError       **error)
{
  LOY_STORE_WAIT (self, update_contact, uuid, changes);
}

void
loy_store_preview_award_async (LoyStore            *self,
                               const char          *contact_uuid,
                               const LoyAward      *award,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, preview_award, contact_uuid, award);
}

LoyLedgerEntry *
loy_store_preview_award_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

LoyLedgerEntry *
loy_store_preview_award_sync (LoyStore        *self,
                              const char      *contact_uuid,
                              const LoyAward  *award,
                              GCancellable    *cancellable,
                              GError         **error)
{
  LOY_STORE_WAIT (self, preview_award, contact_uuid, award);
}

void
loy_store_index_contacts_async (LoyStore            *self,
                                LoyProgressFunc      progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, index_contacts, progress, progress_data);
}

gint64
loy_store_index_contacts_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_count (self, result, error);
}

gint64
loy_store_index_contacts_sync (LoyStore         *self,
                               LoyProgressFunc   progress,
                               gpointer          progress_data,
                               GCancellable     *cancellable,
                               GError          **error)
{
  LOY_STORE_WAIT (self, index_contacts, progress, progress_data);
}
