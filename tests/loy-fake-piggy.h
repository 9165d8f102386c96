/* loy-fake-piggy.h — an in-process server speaking the Piggy API (PIGGY-API.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The account's first contact: Sandy Cheeks, sandy@example.com, no points. */
#define LOY_FAKE_PIGGY_CONTACT_UUID "8a6b3c1e-5f7d-4e2a-9b0c-1d2e3f4a5b6c"
#define LOY_FAKE_PIGGY_CONTACT_EMAIL "sandy@example.com"
/* The account's one shop, until loy_fake_piggy_add_shop(). */
#define LOY_FAKE_PIGGY_SHOP_UUID "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"

/**
 * LoyFakePiggyMeta:
 *
 * The "meta" of a paged list (contacts, loyalty transactions): the three
 * shapes PIGGY-API.md lists, or none of them.
 */
typedef enum
{
  LOY_FAKE_PIGGY_META_A,            /* {page, limit: "10", viewing_from, viewing_to, last_page, total} */
  LOY_FAKE_PIGGY_META_B,            /* {current_page, from, last_page, links, path, per_page: "10", to, total} */
  LOY_FAKE_PIGGY_META_C,            /* {page, per_page, last_page, total} */
  LOY_FAKE_PIGGY_META_EMPTY_ARRAY,  /* [] */
  LOY_FAKE_PIGGY_META_EMPTY_OBJECT, /* {} */
} LoyFakePiggyMeta;

/**
 * LoyFakePiggyFault:
 *
 * What goes wrong with one request: answered 429 with Retry-After, 503 for
 * maintenance, 500 before or after the write was applied, the
 * connection dropped without an answer, before or after it was applied, or
 * the answer held back for LOY_FAKE_PIGGY_STALL_MS after it was applied.
 */
typedef enum
{
  LOY_FAKE_PIGGY_FAULT_RATE_LIMITED,
  LOY_FAKE_PIGGY_FAULT_MAINTENANCE,
  LOY_FAKE_PIGGY_FAULT_SERVER_ERROR,
  LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED,
  LOY_FAKE_PIGGY_FAULT_DROP,
  LOY_FAKE_PIGGY_FAULT_DROP_APPLIED,
  LOY_FAKE_PIGGY_FAULT_STALL_APPLIED,
} LoyFakePiggyFault;

#define LOY_FAKE_PIGGY_STALL_MS 3000

/**
 * LoyFakePiggy:
 *
 * A SoupServer on 127.0.0.1 that behaves like Piggy's: the four example
 * rewards of the seed document (GET /rewards with "page" and "limit",
 * GET and PUT /rewards/{uuid}), and an account with contacts, contact
 * attributes, loyalty transactions, credit and reward receptions and their
 * reversal, tiers, shops and the loyalty program. Paged lists come in pages
 * of 10 whatever the "limit", which "meta" echoes as a string; one record
 * comes with "meta": []. It earns 1 credit per whole currency unit unless
 * told otherwise. It runs
 * in a thread of its own, so it answers whatever main context the client
 * iterates.
 *
 * Every request must carry "Authorization: Bearer <api_key>" (else 401). The
 * last request is recorded for assertions; failures can be injected.
 */
typedef struct _LoyFakePiggy LoyFakePiggy;

LoyFakePiggy *loy_fake_piggy_new                 (const char   *api_key);
void          loy_fake_piggy_free                (LoyFakePiggy *self);
/* Like https://api.piggy.eu/api/v3/oauth/clients, without a trailing slash. */
const char   *loy_fake_piggy_get_base_url        (LoyFakePiggy *self);

/* Answers every request with @status and @body (taken as is: malformed JSON
 * is fine) instead of serving it, until called again with a %NULL @body. */
void          loy_fake_piggy_set_response        (LoyFakePiggy *self,
                                                  guint         status,
                                                  const char   *body);
/* Holds every answer back for @milliseconds (0: answer at once). */
void          loy_fake_piggy_set_delay           (LoyFakePiggy *self,
                                                  guint         milliseconds);
/* Whether a list says "meta": {"total": n}; the seed's example sends "meta": {}. */
void          loy_fake_piggy_set_sends_total     (LoyFakePiggy *self,
                                                  gboolean      sends_total);
/* Whether a list ignores "page" and "limit" and holds every reward. */
void          loy_fake_piggy_set_ignores_paging  (LoyFakePiggy *self,
                                                  gboolean      ignores_paging);

/* The next request with @method (any when %NULL) meets @fault; faults
 * queue up and each happens once. */
void          loy_fake_piggy_add_fault           (LoyFakePiggy      *self,
                                                  const char        *method,
                                                  LoyFakePiggyFault  fault);
/* As loy_fake_piggy_add_fault(), for requests whose path (below the API
 * path, such as "/loyalty-transactions") starts with @path_prefix only. */
void          loy_fake_piggy_add_path_fault      (LoyFakePiggy      *self,
                                                  const char        *method,
                                                  const char        *path_prefix,
                                                  LoyFakePiggyFault  fault);
/* The account's earning rule: credits per whole currency unit (default 1). */
void          loy_fake_piggy_set_credits_per_unit (LoyFakePiggy *self,
                                                   guint         credits);
/* The key requests must carry from now on: the account's key was replaced. */
void          loy_fake_piggy_set_api_key         (LoyFakePiggy *self,
                                                  const char   *api_key);
/* The Retry-After of a 429, in seconds (default 1). */
void          loy_fake_piggy_set_retry_after     (LoyFakePiggy *self,
                                                  guint         seconds);
/* Whether a 429's Retry-After is an HTTP date that many seconds ahead
 * rather than the seconds. */
void          loy_fake_piggy_set_retry_after_as_date (LoyFakePiggy *self,
                                                      gboolean      as_date);
/* The "meta" of paged lists (default %LOY_FAKE_PIGGY_META_A). */
void          loy_fake_piggy_set_meta_shape      (LoyFakePiggy     *self,
                                                  LoyFakePiggyMeta  shape);
/* Adds @n contacts "Contact <i>", contact-<i>@example.com (i from 1 on,
 * five digits), created a second apart. */
void          loy_fake_piggy_add_contacts        (LoyFakePiggy *self,
                                                  guint         n);
/* Adds @n promotions "Promotion <i>" (i from 1 on), each of at most 100
 * vouchers, one per contact, valid 30 days; the odd ones with null limits. */
void          loy_fake_piggy_add_promotions      (LoyFakePiggy *self,
                                                  guint         n);
/* Adds @n vouchers "VOUCHER-<i>" (i of all the account's vouchers, five
 * digits) to a promotion, active, for anyone, redeemable once. */
void          loy_fake_piggy_add_vouchers        (LoyFakePiggy *self,
                                                  const char   *promotion_uuid,
                                                  guint         n);
/* Sets the status ("LOCKED", "EXPIRED", …) of the voucher of @code. */
void          loy_fake_piggy_set_voucher_status  (LoyFakePiggy *self,
                                                  const char   *code,
                                                  const char   *status);
/* Makes the voucher of @code belong to a contact of the account. */
void          loy_fake_piggy_set_voucher_contact (LoyFakePiggy *self,
                                                  const char   *code,
                                                  const char   *contact_uuid);
/* Whether the voucher of @code is redeemed, with the contact it belongs to
 * and the shop of its last redemption (each %NULL for none). */
gboolean      loy_fake_piggy_get_voucher_redemption (LoyFakePiggy  *self,
                                                     const char    *code,
                                                     char         **contact_uuid,
                                                     char         **shop_uuid);
/* Adds a gift card transaction of @amount_cents to a contact's history: a
 * kind the desk does not show. */
void          loy_fake_piggy_add_giftcard_transaction (LoyFakePiggy *self,
                                                       const char   *contact_uuid,
                                                       gint64        amount_cents);
void          loy_fake_piggy_add_shop            (LoyFakePiggy *self,
                                                  const char   *uuid,
                                                  const char   *name);
/* A contact's balance as the account holds it; -1 for no such contact. */
gint64        loy_fake_piggy_get_balance         (LoyFakePiggy *self,
                                                  const char   *contact_uuid);
/* The money a contact has paid in ahead (GET …/prepaid-balance; default 0). */
void          loy_fake_piggy_set_prepaid_balance (LoyFakePiggy *self,
                                                  const char   *contact_uuid,
                                                  gint64        cents);
/* Writes (POST, PUT) that reached the account, faults or not. */
guint         loy_fake_piggy_get_n_writes        (LoyFakePiggy *self);
/* How many requests had @method and a path (below the API path, such as
 * "/credit-receptions") starting with @path_prefix. */
guint         loy_fake_piggy_count_requests      (LoyFakePiggy *self,
                                                  const char   *method,
                                                  const char   *path_prefix);

guint         loy_fake_piggy_get_n_requests      (LoyFakePiggy *self);
/* The method, path, query string and body of the last request, or %NULL. */
char         *loy_fake_piggy_dup_last_method     (LoyFakePiggy *self);
char         *loy_fake_piggy_dup_last_path       (LoyFakePiggy *self);
char         *loy_fake_piggy_dup_last_query      (LoyFakePiggy *self);
char         *loy_fake_piggy_dup_last_body       (LoyFakePiggy *self);
/* The body of the last request that was not a GET, or %NULL. */
char         *loy_fake_piggy_dup_last_write_body (LoyFakePiggy *self);
/* A header of the last request, or %NULL when it had none. */
char         *loy_fake_piggy_dup_last_header     (LoyFakePiggy *self,
                                                  const char   *name);
/* Every query string received so far, oldest first, e.g. "page=1&limit=2". */
char        **loy_fake_piggy_dup_queries         (LoyFakePiggy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyFakePiggy, loy_fake_piggy_free)

G_END_DECLS
