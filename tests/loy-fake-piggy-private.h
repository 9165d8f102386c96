/* loy-fake-piggy-private.h — what the fake server's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "loy-fake-piggy.h"

G_BEGIN_DECLS

#define FAKE_PIGGY_API_PATH "/api/v3/oauth/clients"

/* The real server's page size for contacts and loyalty transactions,
 * whatever "limit" asks for. */
#define FAKE_PIGGY_PAGE_SIZE 10

struct _LoyFakePiggy
{
  GThread      *thread;
  GMainContext *context;
  /* Set once, to end the server thread. */
  gint          stopping;
  char         *base_url;
  char         *api_key;

  /* Everything below is shared with the server thread. */
  GMutex        mutex;
  GCond         started;
  gboolean      listening;
  JsonArray    *rewards;
  guint         response_status;
  char         *response_body;
  guint         delay_ms;
  gboolean      sends_total;
  gboolean      ignores_paging;

  /* The account (loy-fake-piggy-account.c). */
  JsonArray    *contacts;
  /* Oldest first; served newest first. */
  JsonArray    *transactions;
  JsonArray    *shops;
  JsonArray    *tiers;
  JsonArray    *attributes;
  JsonArray    *promotions;
  /* Of every promotion, oldest first (loy-fake-piggy-vouchers.c). */
  JsonArray    *vouchers;
  /* Voucher code → the shop of its last redemption. */
  GHashTable   *redemption_shops;
  guint         n_codes_issued;
  guint         n_uuids;
  LoyFakePiggyMeta meta_shape;
  guint         retry_after;
  gboolean      retry_after_as_date;
  /* Credits a purchase earns per whole currency unit. */
  guint         credits_per_unit;
  /* (element-type Fault): one-shot faults, in order. */
  GPtrArray    *faults;
  /* Writes done to the account, faults or not. */
  guint         n_writes;

  guint         n_requests;
  char         *last_method;
  char         *last_path;
  char         *last_query;
  char         *last_body;
  char         *last_write_body;
  /* Lower-case header name → value. */
  GHashTable   *last_headers;
  GPtrArray    *queries;
  /* "METHOD /path?query" of every request, oldest first. */
  GPtrArray    *requests;
};

void      fake_piggy_set_json_response  (SoupServerMessage *msg,
                                         guint              status,
                                         JsonNode          *root);
/* {"status_code", "code", "message", "errors": {field: [detail]}}. */
void      fake_piggy_set_error_response (SoupServerMessage *msg,
                                         guint              status,
                                         int                code,
                                         const char        *message,
                                         const char        *field,
                                         const char        *detail);
/* {"data": @data, "meta": @meta}; a NULL @meta is "[]", as the API sends
 * beside one record. */
void      fake_piggy_set_data_response  (SoupServerMessage *msg,
                                         JsonNode          *data,
                                         JsonNode          *meta);
/* A positive whole number from the query, or @default_value when absent. */
gboolean  fake_piggy_parse_query_number (GHashTable        *query,
                                         const char        *name,
                                         guint64            default_value,
                                         guint64           *value);
JsonObject *fake_piggy_find_by_uuid     (JsonArray         *array,
                                         const char        *uuid);

/* The account: seeds it and serves every path but the rewards'. */
void      fake_piggy_account_init       (LoyFakePiggy      *self);
void      fake_piggy_account_clear      (LoyFakePiggy      *self);
/* Answers @msg when @path (below the API path) is the account's; %FALSE
 * when it is not. @applied is set when a write changed the account. */
gboolean  fake_piggy_account_serve      (LoyFakePiggy      *self,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query,
                                         gboolean          *applied);
/* Shared by the account's two files (loy-fake-piggy-account.c). */
char       *fake_piggy_format_time      (gint64             unix_seconds);
char       *fake_piggy_new_uuid         (LoyFakePiggy      *self,
                                         const char        *prefix);
gboolean    fake_piggy_is               (SoupServerMessage *msg,
                                         const char        *method);
/* A reception as the API sends it, with its contact as it is now. */
JsonNode   *fake_piggy_render_transaction (LoyFakePiggy    *self,
                                           JsonObject      *transaction);
typedef JsonNode *(*FakePiggyRenderFunc) (LoyFakePiggy *self,
                                          JsonObject   *record);

/* Page "page" of @rows (the fake's own records, each rendered by @render)
 * in pages of FAKE_PIGGY_PAGE_SIZE. */
void        fake_piggy_serve_page       (LoyFakePiggy        *self,
                                         SoupServerMessage   *msg,
                                         GHashTable          *query,
                                         GPtrArray           *rows,
                                         FakePiggyRenderFunc  render);
/* One record, with "meta": []. */
void        fake_piggy_serve_record     (SoupServerMessage *msg,
                                         JsonNode          *data);
/* The JSON object of the request body, or NULL having answered 1003. */
JsonObject *fake_piggy_parse_body       (SoupServerMessage *msg,
                                         JsonParser        *parser);
const char *fake_piggy_get_string       (JsonObject        *object,
                                         const char        *member);
/* The contact or shop of @uuid, or NULL having answered 55031 or 1008. */
JsonObject *fake_piggy_require_contact  (LoyFakePiggy      *self,
                                         SoupServerMessage *msg,
                                         const char        *uuid);
JsonObject *fake_piggy_require_shop     (LoyFakePiggy      *self,
                                         SoupServerMessage *msg,
                                         const char        *uuid);

/* loy-fake-piggy-receptions.c: the history and its writes; FALSE when
 * @path is not theirs. */
gboolean    fake_piggy_receptions_serve (LoyFakePiggy      *self,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query,
                                         gboolean          *applied);

/* loy-fake-piggy-vouchers.c: the vouchers; FALSE when @path is not theirs. */
gboolean    fake_piggy_vouchers_serve   (LoyFakePiggy      *self,
                                         SoupServerMessage *msg,
                                         const char        *path,
                                         GHashTable        *query,
                                         gboolean          *applied);

/* Whether the account has a shop of this UUID. */
gboolean  fake_piggy_account_has_shop   (LoyFakePiggy     *self,
                                         const char       *uuid);
/* Whether the account has a contact of this UUID. */
gboolean  fake_piggy_account_has_contact (LoyFakePiggy     *self,
                                          const char       *uuid);

G_END_DECLS
