/* loy-store-campaigns.c — the LoyStore operations of campaigns: one-line
 * bodies over the helpers of loy-store-private.h, as in loy-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-store"

#include "config.h"

#include "loy-store.h"
#include "loy-store-private.h"

void
loy_store_create_campaign_async (LoyStore            *self,
                                 LoyCampaign         *campaign,
                                 const char * const  *new_codes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, create_campaign, campaign, new_codes);
}

LoyCampaign *
loy_store_create_campaign_finish (LoyStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyCampaign *
loy_store_create_campaign_sync (LoyStore            *self,
                                LoyCampaign         *campaign,
                                const char * const  *new_codes,
                                GCancellable        *cancellable,
                                GError             **error)
{
  LOY_STORE_WAIT (self, create_campaign, campaign, new_codes);
}

void
loy_store_update_campaign_async (LoyStore            *self,
                                 const char          *uuid,
                                 JsonObject          *changes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, update_campaign, uuid, changes);
}

LoyCampaign *
loy_store_update_campaign_finish (LoyStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyCampaign *
loy_store_update_campaign_sync (LoyStore      *self,
                                const char    *uuid,
                                JsonObject    *changes,
                                GCancellable  *cancellable,
                                GError       **error)
{
  LOY_STORE_WAIT (self, update_campaign, uuid, changes);
}

void
loy_store_list_campaign_categories_async (LoyStore            *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, list_campaign_categories);
}

GPtrArray *
loy_store_list_campaign_categories_finish (LoyStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

GPtrArray *
loy_store_list_campaign_categories_sync (LoyStore      *self,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  LOY_STORE_WAIT (self, list_campaign_categories);
}

void
loy_store_save_campaign_category_async (LoyStore            *self,
                                        LoyCampaignCategory *category,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, save_campaign_category, category);
}

LoyCampaignCategory *
loy_store_save_campaign_category_finish (LoyStore      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyCampaignCategory *
loy_store_save_campaign_category_sync (LoyStore             *self,
                                       LoyCampaignCategory  *category,
                                       GCancellable         *cancellable,
                                       GError              **error)
{
  LOY_STORE_WAIT (self, save_campaign_category, category);
}

void
loy_store_delete_campaign_category_async (LoyStore            *self,
                                          const char          *uuid,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, delete_campaign_category, uuid);
}

gboolean
loy_store_delete_campaign_category_finish (LoyStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _loy_store_finish_written_boolean (self, result, error);
}

gboolean
loy_store_delete_campaign_category_sync (LoyStore      *self,
                                         const char    *uuid,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  LOY_STORE_WAIT (self, delete_campaign_category, uuid);
}

void
loy_store_list_campaign_labels_async (LoyStore            *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, list_campaign_labels);
}

GPtrArray *
loy_store_list_campaign_labels_finish (LoyStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

GPtrArray *
loy_store_list_campaign_labels_sync (LoyStore      *self,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  LOY_STORE_WAIT (self, list_campaign_labels);
}

void
loy_store_check_campaigns_async (LoyStore            *self,
                                 const char          *contact_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, check_campaigns, contact_uuid);
}

GPtrArray *
loy_store_check_campaigns_finish (LoyStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

GPtrArray *
loy_store_check_campaigns_sync (LoyStore      *self,
                                const char    *contact_uuid,
                                GCancellable  *cancellable,
                                GError       **error)
{
  LOY_STORE_WAIT (self, check_campaigns, contact_uuid);
}

void
loy_store_buy_campaign_async (LoyStore            *self,
                              const char          *contact_uuid,
                              const char          *campaign_uuid,
                              const char          *operator_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, buy_campaign, contact_uuid, campaign_uuid, operator_name);
}

LoyCampaignPurchase *
loy_store_buy_campaign_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyCampaignPurchase *
loy_store_buy_campaign_sync (LoyStore      *self,
                             const char    *contact_uuid,
                             const char    *campaign_uuid,
                             const char    *operator_name,
                             GCancellable  *cancellable,
                             GError       **error)
{
  LOY_STORE_WAIT (self, buy_campaign, contact_uuid, campaign_uuid, operator_name);
}

void
loy_store_issue_percentage_code_async (LoyStore            *self,
                                       const char          *contact_uuid,
                                       const char          *campaign_uuid,
                                       const char          *entry_uuid,
                                       const char          *operator_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, issue_percentage_code, contact_uuid, campaign_uuid, entry_uuid,
                      operator_name);
}

LoyCampaignPurchase *
loy_store_issue_percentage_code_finish (LoyStore      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyCampaignPurchase *
loy_store_issue_percentage_code_sync (LoyStore      *self,
                                      const char    *contact_uuid,
                                      const char    *campaign_uuid,
                                      const char    *entry_uuid,
                                      const char    *operator_name,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  LOY_STORE_WAIT (self, issue_percentage_code, contact_uuid, campaign_uuid, entry_uuid,
                  operator_name);
}

void
loy_store_list_campaign_purchases_async (LoyStore            *self,
                                         const char          *campaign_uuid,
                                         const char          *contact_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, list_campaign_purchases, campaign_uuid, contact_uuid);
}

GPtrArray *
loy_store_list_campaign_purchases_finish (LoyStore      *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

GPtrArray *
loy_store_list_campaign_purchases_sync (LoyStore      *self,
                                        const char    *campaign_uuid,
                                        const char    *contact_uuid,
                                        GCancellable  *cancellable,
                                        GError       **error)
{
  LOY_STORE_WAIT (self, list_campaign_purchases, campaign_uuid, contact_uuid);
}

void
loy_store_update_campaign_purchase_async (LoyStore            *self,
                                          const char          *uuid,
                                          JsonObject          *changes,
                                          const char          *operator_name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, update_campaign_purchase, uuid, changes, operator_name);
}

LoyCampaignPurchase *
loy_store_update_campaign_purchase_finish (LoyStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyCampaignPurchase *
loy_store_update_campaign_purchase_sync (LoyStore      *self,
                                         const char    *uuid,
                                         JsonObject    *changes,
                                         const char    *operator_name,
                                         GCancellable  *cancellable,
                                         GError       **error)
{
  LOY_STORE_WAIT (self, update_campaign_purchase, uuid, changes, operator_name);
}

void
loy_store_cashback_quote_async (LoyStore            *self,
                                const char          *contact_uuid,
                                gint64               order_total_cents,
                                gint64               requested_points,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, cashback_quote, contact_uuid, order_total_cents, requested_points);
}

LoyCashbackQuote *
loy_store_cashback_quote_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

LoyCashbackQuote *
loy_store_cashback_quote_sync (LoyStore      *self,
                               const char    *contact_uuid,
                               gint64         order_total_cents,
                               gint64         requested_points,
                               GCancellable  *cancellable,
                               GError       **error)
{
  LOY_STORE_WAIT (self, cashback_quote, contact_uuid, order_total_cents, requested_points);
}

void
loy_store_cashback_exchange_async (LoyStore               *self,
                                   const char             *contact_uuid,
                                   const LoyCashbackQuote *quote,
                                   const char             *order_reference,
                                   const char             *operator_name,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  LOY_STORE_DISPATCH (self, cashback_exchange, contact_uuid, quote, order_reference, operator_name);
}

LoyLedgerEntry *
loy_store_cashback_exchange_finish (LoyStore      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

LoyLedgerEntry *
loy_store_cashback_exchange_sync (LoyStore                *self,
                                  const char              *contact_uuid,
                                  const LoyCashbackQuote  *quote,
                                  const char              *order_reference,
                                  const char              *operator_name,
                                  GCancellable            *cancellable,
                                  GError                 **error)
{
  LOY_STORE_WAIT (self, cashback_exchange, contact_uuid, quote, order_reference, operator_name);
}

void
loy_store_count_campaign_reach_async (LoyStore            *self,
                                      LoyCampaign         *campaign,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, count_campaign_reach, campaign);
}

gint64
loy_store_count_campaign_reach_finish (LoyStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _loy_store_finish_count (self, result, error);
}

gint64
loy_store_count_campaign_reach_sync (LoyStore      *self,
                                     LoyCampaign   *campaign,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  LOY_STORE_WAIT (self, count_campaign_reach, campaign);
}
