/* loy-fake-piggy.h — an in-process server speaking the rewards API of seed 002
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The contact GET /rewards?contact_uuid= knows; any other is 55031. */
#define LOY_FAKE_PIGGY_CONTACT_UUID "8a6b3c1e-5f7d-4e2a-9b0c-1d2e3f4a5b6c"

/**
 * LoyFakePiggy:
 *
 * A SoupServer on 127.0.0.1 that serves the four example rewards of the seed
 * document: GET /rewards (with "page" and "limit"), GET /rewards/{uuid} and
 * PUT /rewards/{uuid}, which changes its copy. It runs in a thread of its
 * own, so it answers whatever main context the client iterates.
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

guint         loy_fake_piggy_get_n_requests      (LoyFakePiggy *self);
/* The method, path, query string and body of the last request, or %NULL. */
char         *loy_fake_piggy_dup_last_method     (LoyFakePiggy *self);
char         *loy_fake_piggy_dup_last_path       (LoyFakePiggy *self);
char         *loy_fake_piggy_dup_last_query      (LoyFakePiggy *self);
char         *loy_fake_piggy_dup_last_body       (LoyFakePiggy *self);
/* A header of the last request, or %NULL when it had none. */
char         *loy_fake_piggy_dup_last_header     (LoyFakePiggy *self,
                                                  const char   *name);
/* Every query string received so far, oldest first, e.g. "page=1&limit=2". */
char        **loy_fake_piggy_dup_queries         (LoyFakePiggy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyFakePiggy, loy_fake_piggy_free)

G_END_DECLS
