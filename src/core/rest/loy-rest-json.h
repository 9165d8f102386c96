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

/* The #GError for an unsuccessful HTTP @status with the error @body
 * {"status_code", "code", "message", "errors"} (any of which may be absent). */
GError    *loy_rest_error_from_response  (guint        status,
                                          GBytes      *body);

G_END_DECLS
