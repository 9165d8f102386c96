/* loy-rest-json.h — the envelope and the errors of the API's answers
 *
 * The shapes of the records themselves are in loy-json.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses a response body of the shape {"data": …, "meta": {…}}. Returns the
 * root node, an object that is sure to have a "data" member, or fails with
 * %LOY_ERROR_MALFORMED_RESPONSE. */
JsonNode  *loy_rest_parse_envelope       (GBytes      *body,
                                          GError     **error);
/* The list's size from the envelope's "meta": {"total": n}, when the server
 * sends it. */
gboolean   loy_rest_envelope_get_total   (JsonObject  *envelope,
                                          guint       *total);

/**
 * LoyRestPaging:
 * @page: the page this is, from 1
 * @per_page: the server's page size, whatever the request's "limit" was
 * @last_page: the number of the last page
 * @total: the rows of the whole list
 *
 * What a paged list's "meta" says, in any of the API's three shapes
 * ({page, limit, viewing_from, viewing_to, last_page, total}, Laravel's
 * {current_page, per_page, last_page, total, …} and {page, per_page,
 * last_page, total}), numbers or numbers as text; -1 for what it leaves
 * out, as a "meta" of [] or {} does.
 */
typedef struct
{
  gint64 page;
  gint64 per_page;
  gint64 last_page;
  gint64 total;
} LoyRestPaging;

void       loy_rest_envelope_get_paging  (JsonObject     *envelope,
                                          LoyRestPaging  *paging);

/* The #GError for an unsuccessful HTTP @status with the error @body
 * {"status_code", "code", "message", "errors"} (any of which may be absent). */
GError    *loy_rest_error_from_response  (guint        status,
                                          GBytes      *body);

G_END_DECLS
