/* loy-rest-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

#define LOY_TYPE_REST_STORE (loy_rest_store_get_type ())

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

G_END_DECLS
