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

/* Files of @kind named after the address alone, as they were before the
 * key was part of the name, whichever key they were made with: one that
 * cannot be made again (the history's notes, whose entries' UUIDs are the
 * account's alone) becomes the file at @path of an account whose key the
 * server took, when it has none yet; */
void loy_rest_cache_adopt_legacy  (const char *base_url,
                                   const char *kind,
                                   const char *path);
/* one the server's records fill again (the contacts' index) is removed. */
void loy_rest_cache_remove_legacy (const char *base_url,
                                   const char *kind);

/* Opens (making it and its folder when new) the cache file at @path and runs
 * @schema, unless %NULL, on it; %NULL with @error set when it cannot. */
sqlite3 *loy_rest_cache_open (const char  *path,
                              const char  *schema,
                              GError     **error);

G_END_DECLS
