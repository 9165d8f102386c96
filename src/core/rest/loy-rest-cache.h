/* loy-rest-cache.h — where a remote account's local files live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The file "@kind-HASH.db" under $XDG_CACHE_HOME/loyalty-desk for the account
 * at @base_url whose key is @api_key. Every Piggy customer has the same
 * address: the hash (SHA-256) is of the address and the key, so that each
 * account has its own file, which never holds the key itself. */
char *loy_rest_cache_path (const char *base_url,
                           const char *api_key,
                           const char *kind);

/* Opens (making it and its folder when new) the cache file at @path and runs
 * @schema on it; %NULL with @error set when it cannot. */
sqlite3 *loy_rest_cache_open (const char  *path,
                              const char  *schema,
                              GError     **error);

G_END_DECLS
