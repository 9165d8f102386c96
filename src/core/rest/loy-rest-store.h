/* loy-rest-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

#define LOY_TYPE_REST_STORE (loy_rest_store_get_type ())

/* How often a read is sent in all (after a 429 or a network failure)
 * before its failure is reported; a write is always sent once. */
#define LOY_REST_STORE_READ_ATTEMPTS 4

G_DECLARE_FINAL_TYPE (LoyRestStore, loy_rest_store, LOY, REST_STORE, GObject)

/* @base_url: e.g. https://api.piggy.eu/api/v3/oauth/clients; @api_key is sent
 * as a Bearer token and never logged. */
LoyRestStore *loy_rest_store_new             (const char   *base_url,
                                              const char   *api_key);
const char   *loy_rest_store_get_base_url    (LoyRestStore *self);
/* Whole-request time limit in seconds (default 30). */
guint         loy_rest_store_get_timeout     (LoyRestStore *self);
void          loy_rest_store_set_timeout     (LoyRestStore *self,
                                              guint         seconds);

/* The shop this desk earns and redeems at (the "shop-uuid" property);
 * %NULL uses the account's only shop, and with several a write fails
 * naming them. */
const char   *loy_rest_store_get_shop_uuid   (LoyRestStore *self);
void          loy_rest_store_set_shop_uuid   (LoyRestStore *self,
                                              const char   *shop_uuid);

/* Whether @base_url can be an account's address: https://, or http:// to
 * this computer only, so that the key never crosses a network unencrypted.
 * Fails with %LOY_ERROR_INVALID_INPUT and a message that says what to enter. */
gboolean      loy_rest_store_check_base_url  (const char   *base_url,
                                              GError      **error);

/* Tries the account with the smallest read there is (one reward), so that
 * connecting can fail before anything switches to it. Fails with
 * %LOY_ERROR_NETWORK or %LOY_ERROR_TIMEOUT when the server cannot be reached,
 * %LOY_ERROR_UNAUTHORIZED when it refuses the key, and
 * %LOY_ERROR_MALFORMED_RESPONSE when what answers is not a Piggy API. */
void          loy_rest_store_check_account_async  (LoyRestStore        *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean      loy_rest_store_check_account_finish (LoyRestStore        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
