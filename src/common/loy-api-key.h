/* loy-api-key.h
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The API key of a remote account lives in the keyring, keyed on the
 * account's base URL. It is never written to GSettings, logs or argv.
 * Without a keyring service (no session bus, no Secret Service on it) each
 * call fails with %G_IO_ERROR_NOT_SUPPORTED and a message that says so. */

void      loy_api_key_lookup_async  (const char           *base_url,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* Returns the key, or %NULL without an error when none is stored. */
char     *loy_api_key_lookup_finish (GAsyncResult         *result,
                                     GError              **error);
char     *loy_api_key_lookup_sync   (const char           *base_url,
                                     GCancellable         *cancellable,
                                     GError              **error);

void      loy_api_key_store_async   (const char           *base_url,
                                     const char           *key,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  loy_api_key_store_finish  (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
