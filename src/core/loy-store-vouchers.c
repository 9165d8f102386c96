/* loy-store-vouchers.c — the LoyStore operations of a promotion's vouchers:
 * one-line bodies over the helpers of loy-store-private.h, as in loy-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-store"

#include "config.h"

#include "loy-store.h"
#include "loy-store-private.h"

void
loy_store_list_vouchers_async (LoyStore            *self,
                               const char          *promotion_uuid,
                               guint                offset,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, list_vouchers, promotion_uuid, offset, limit);
}

LoyPage *
loy_store_list_vouchers_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

LoyPage *
loy_store_list_vouchers_sync (LoyStore      *self,
                              const char    *promotion_uuid,
                              guint          offset,
                              guint          limit,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, list_vouchers, promotion_uuid, offset, limit);
}

void
loy_store_create_voucher_async (LoyStore            *self,
                                const char          *promotion_uuid,
                                const char          *code,
                                const char          *contact_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, create_voucher, promotion_uuid, code, contact_uuid);
}

LoyVoucher *
loy_store_create_voucher_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyVoucher *
loy_store_create_voucher_sync (LoyStore      *self,
                               const char    *promotion_uuid,
                               const char    *code,
                               const char    *contact_uuid,
                               GCancellable  *cancellable,
                               GError       **error)
{
  LOY_STORE_WAIT (self, create_voucher, promotion_uuid, code, contact_uuid);
}

void
loy_store_create_voucher_batch_async (LoyStore            *self,
                                      const char          *promotion_uuid,
                                      guint                quantity,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, create_voucher_batch, promotion_uuid, quantity);
}

gint64
loy_store_create_voucher_batch_finish (LoyStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _loy_store_finish_written_count (self, result, error);
}

gint64
loy_store_create_voucher_batch_sync (LoyStore      *self,
                                     const char    *promotion_uuid,
                                     guint          quantity,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  LOY_STORE_WAIT (self, create_voucher_batch, promotion_uuid, quantity);
}

void
loy_store_find_voucher_async (LoyStore            *self,
                              const char          *code,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, find_voucher, code);
}

LoyVoucher *
loy_store_find_voucher_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

LoyVoucher *
loy_store_find_voucher_sync (LoyStore      *self,
                             const char    *code,
                             GCancellable  *cancellable,
                             GError       **error)
{
  LOY_STORE_WAIT (self, find_voucher, code);
}

void
loy_store_redeem_voucher_async (LoyStore            *self,
                                const char          *code,
                                const char          *contact_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, redeem_voucher, code, contact_uuid);
}

LoyVoucher *
loy_store_redeem_voucher_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyVoucher *
loy_store_redeem_voucher_sync (LoyStore      *self,
                               const char    *code,
                               const char    *contact_uuid,
                               GCancellable  *cancellable,
                               GError       **error)
{
  LOY_STORE_WAIT (self, redeem_voucher, code, contact_uuid);
}
