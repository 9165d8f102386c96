/* loy-rest-json.h — mapping the API's JSON onto domain objects and errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-reward.h"

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

/* One reward object as the API sends it. Every key the domain object has no
 * field for becomes a custom attribute. */
LoyReward *loy_rest_reward_from_json     (JsonNode    *node,
                                          GError     **error);
/* (element-type LoyReward): a JSON array of rewards. */
GPtrArray *loy_rest_rewards_from_json    (JsonNode    *node,
                                          GError     **error);

/* Whether @key is one of the reward fields the API documents, as opposed
 * to a custom attribute. */
gboolean   loy_rest_reward_key_is_known  (const char  *key);

/* The #GError for an unsuccessful HTTP @status with the error @body
 * {"status_code", "code", "message", "errors"} (any of which may be absent). */
GError    *loy_rest_error_from_response  (guint        status,
                                          GBytes      *body);

G_END_DECLS
