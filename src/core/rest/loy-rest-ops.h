/* loy-rest-ops.h — the REST store's operations, one file per area
 *
 * Each ends a GTask whose source object is @store, with what the
 * LoyStore operation of the same name returns; loy-rest-store.c hands them
 * its client and the desk's shop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"
#include "loy-rest-client.h"
#include "loy-rest-index.h"

G_BEGIN_DECLS

/* loy-rest-rewards.c */
void loy_rest_rewards_query_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const LoyQuery      *query,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_rewards_lookup_async      (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_rewards_update_async      (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *uuid,
                                         JsonObject          *changes,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* loy-rest-promotions.c: promotions as discount-code campaigns */
void loy_rest_promotions_query_async    (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const LoyQuery      *query,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_promotions_lookup_async   (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* A discount-code campaign of a promotion's fields only; any other field
 * fails with %LOY_ERROR_NOT_SUPPORTED naming it. */
void loy_rest_promotions_create_async   (LoyStore            *store,
                                         LoyRestClient       *client,
                                         LoyCampaign         *campaign,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* loy-rest-vouchers.c: a promotion's vouchers */
void loy_rest_vouchers_list_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *promotion_uuid,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_vouchers_create_async     (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *promotion_uuid,
                                         const char          *code,
                                         const char          *contact_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_vouchers_create_batch_async (LoyStore            *store,
                                           LoyRestClient       *client,
                                           const char          *promotion_uuid,
                                           guint                quantity,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
void loy_rest_vouchers_find_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *code,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* At @shop_uuid, or the account's only shop. */
void loy_rest_vouchers_redeem_async     (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *shop_uuid,
                                         const char          *code,
                                         const char          *contact_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* loy-rest-account.c: tiers (as levels), shops, the loyalty program */
void loy_rest_account_query_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const LoyQuery      *query,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_account_lookup_async      (LoyStore            *store,
                                         LoyRestClient       *client,
                                         LoyKind              kind,
                                         const char          *uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_account_get_program_async (LoyStore            *store,
                                         LoyRestClient       *client,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The shop a write goes to: @shop_uuid when set, else the account's only
 * shop; with several and none chosen it fails naming them. The result is
 * a string, its source object @client. */
void  loy_rest_account_find_shop_async  (LoyRestClient       *client,
                                         const char          *shop_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
char *loy_rest_account_find_shop_finish (LoyRestClient       *client,
                                         GAsyncResult        *result,
                                         GError             **error);

/* loy-rest-contacts.c: contacts and their attributes. A search by part of
 * a name or email is answered by @index (filled first when it never was,
 * or brought up to date when it was filled over a minute ago), never
 * before the server has accepted the key in this session; without an
 * index (%NULL) only an exact email is found. */
void loy_rest_contacts_query_async      (LoyStore            *store,
                                         LoyRestClient       *client,
                                         LoyRestIndex        *index,
                                         const LoyQuery      *query,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* The contact read, whether looked up, enrolled or updated, replaces its
 * row in @index (an enrolled one is added), when there is one. */
void loy_rest_contacts_lookup_async     (LoyStore            *store,
                                         LoyRestClient       *client,
                                         LoyRestIndex        *index,
                                         const char          *uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_contacts_enroll_async     (LoyStore            *store,
                                         LoyRestClient       *client,
                                         LoyRestIndex        *index,
                                         LoyContact          *contact,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_contacts_update_async     (LoyStore            *store,
                                         LoyRestClient       *client,
                                         LoyRestIndex        *index,
                                         const char          *uuid,
                                         JsonObject          *changes,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

/* loy-rest-ledger.c: the history, earning, redeeming, reversing */
void loy_rest_ledger_query_async        (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const LoyQuery      *query,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* An entry this session has seen in a history (the API reads none by UUID). */
void loy_rest_ledger_lookup_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *entry_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Points for @award (an amount or points) at the desk's shop. */
void loy_rest_ledger_award_async        (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *shop_uuid,
                                         const char          *contact_uuid,
                                         const LoyAward      *award,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* A correction: credit points (negative to take some) with a reason, which
 * is sent as the reception's custom "reason" attribute (kept where the
 * account defines one). */
void loy_rest_ledger_adjust_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *shop_uuid,
                                         const char          *contact_uuid,
                                         gint64               credits,
                                         const char          *reason,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* What award_async would write, without writing: an entry without a UUID. */
void loy_rest_ledger_preview_async      (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *shop_uuid,
                                         const char          *contact_uuid,
                                         const LoyAward      *award,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_ledger_redeem_async       (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *shop_uuid,
                                         const char          *contact_uuid,
                                         const char          *reward_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void loy_rest_ledger_reverse_async      (LoyStore            *store,
                                         LoyRestClient       *client,
                                         const char          *entry_uuid,
                                         const char          *reason,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);

G_END_DECLS
