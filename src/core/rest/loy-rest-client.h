/* loy-rest-client.h — one account's HTTP exchanges: reads retried, writes sent once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "loy-ledger-entry.h"

G_BEGIN_DECLS

#define LOY_TYPE_REST_CLIENT (loy_rest_client_get_type ())

G_DECLARE_FINAL_TYPE (LoyRestClient, loy_rest_client, LOY, REST_CLIENT, GObject)

/* How often a read is sent in all before its failure is reported. */
#define LOY_REST_CLIENT_READ_ATTEMPTS 4
/* The longest Retry-After waited for; a longer one fails the read at once. */
#define LOY_REST_CLIENT_MAX_RETRY_AFTER 30

LoyRestClient *loy_rest_client_new             (const char     *base_url,
                                                const char     *api_key);
/* Without a trailing slash. */
const char    *loy_rest_client_get_base_url    (LoyRestClient  *self);
guint          loy_rest_client_get_timeout     (LoyRestClient  *self);
void           loy_rest_client_set_timeout     (LoyRestClient  *self,
                                                guint           seconds);
/* Whether the server has answered one of this client's requests with a
 * success, so taken its key, in this session. */
gboolean       loy_rest_client_get_key_accepted (LoyRestClient *self);
/* The account's cache file of @kind, see loy_rest_cache_path(). */
char          *loy_rest_client_dup_cache_path  (LoyRestClient  *self,
                                                const char     *kind);
/* The server's clock now, as the Date of its last answer tells it (this
 * computer's clock until it answered). */
gint64         loy_rest_client_get_server_time (LoyRestClient  *self);

/* The page size the server was seen to keep for the list at @path (its
 * part before "?"), or 0. */
guint          loy_rest_client_get_page_size   (LoyRestClient  *self,
                                                const char     *path);
void           loy_rest_client_set_page_size   (LoyRestClient  *self,
                                                const char     *path,
                                                guint           page_size);

/* Where the list at @path (with its query) holds rows the desk does not
 * show, so that an offset and a total count those it shows: @hidden (of
 * guint, ascending) are the server positions of such rows among
 * [@first, @first + @n_rows), replacing what was known of those. */
void           loy_rest_client_set_hidden_rows   (LoyRestClient *self,
                                                  const char    *path,
                                                  guint          first,
                                                  guint          n_rows,
                                                  GArray        *hidden);
/* How many rows seen hidden lie before the server position @before. */
guint          loy_rest_client_count_hidden_rows (LoyRestClient *self,
                                                  const char    *path,
                                                  guint          before);
/* The server position of the list's shown row @row, as far as this
 * session has seen the list. */
guint          loy_rest_client_get_row_position  (LoyRestClient *self,
                                                  const char    *path,
                                                  guint          row);
/* What this session has seen of the account's history: which kind of
 * reception a UUID is and whose, so that reversing one (which the API
 * does at /credit-receptions or /reward-receptions) knows where to send
 * it and whose history tells whether it happened. */
void            loy_rest_client_remember_entry (LoyRestClient  *self,
                                                LoyLedgerEntry *entry);
/* The entry of that UUID, or %NULL when this session has not seen it. */
LoyLedgerEntry *loy_rest_client_lookup_entry   (LoyRestClient  *self,
                                                const char     *entry_uuid);
/* Remembers @entry, which this desk wrote, and keeps what the account's
 * history will not say of it for later sessions (see loy-rest-entry-notes.h). */
void            loy_rest_client_note_entry     (LoyRestClient  *self,
                                                LoyLedgerEntry *entry);
/* Gives @entries (LoyLedgerEntry *), read from the history, that this
 * session has not seen what an earlier one kept of them. */
void            loy_rest_client_recall_entries_async  (LoyRestClient        *self,
                                                       GPtrArray            *entries,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean        loy_rest_client_recall_entries_finish (LoyRestClient        *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* Whether @base_url can be an account's address, see
 * loy_rest_store_check_base_url(). */
gboolean       loy_rest_client_check_base_url  (const char     *base_url,
                                                GError        **error);

/* Sends @method to the base URL followed by @path_and_query, with @body (a
 * JSON node, or %NULL) as its JSON body, and returns the answer's envelope
 * (see loy_rest_parse_envelope()).
 *
 * A GET is a read: a 429 (after its Retry-After, in seconds or an HTTP
 * date), a failure to reach the server and an attempt without an answer
 * within the timeout are tried again, with a growing pause, up to
 * LOY_REST_CLIENT_READ_ATTEMPTS times. Anything else is a write and is sent
 * exactly once: when its answer is lost — no answer, a timeout, a server
 * error other than 503 — it fails with %LOY_ERROR_OUTCOME_UNKNOWN, as it may
 * or may not have happened. A refused key is %LOY_ERROR_UNAUTHORIZED ("The
 * API key was refused") and a 503 is the service's maintenance; the key
 * never appears in a message. */
void           loy_rest_client_request_async   (LoyRestClient        *self,
                                                const char           *method,
                                                const char           *path_and_query,
                                                JsonNode             *body,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
JsonNode      *loy_rest_client_request_finish  (LoyRestClient        *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* The "data" of an envelope. */
JsonNode      *loy_rest_envelope_get_data      (JsonNode             *envelope);

/* "/" @collection "/" @uuid, the UUID escaped. */
char          *loy_rest_path_for               (const char           *collection,
                                                const char           *uuid);

G_END_DECLS
