/* fuzz-rest-json.c — the API's answers mapped onto rewards (loy-json.h), their paging "meta"
 * and errors, on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-error.h"
#include "loy-json.h"
#include "rest/loy-rest-json.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) response_error = NULL;
  g_autoptr(JsonNode) envelope = NULL;
  LoyRestPaging paging;
  JsonNode *payload;
  guint total;

  fuzz_init ();

  /* The same body as an error response: its code, message and details. */
  response_error = loy_rest_error_from_response (422, body);
  g_assert_true (g_utf8_validate (response_error->message, -1, NULL));

  envelope = loy_rest_parse_envelope (body, &error);
  if (envelope == NULL)
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
      return 0;
    }

  loy_rest_envelope_get_total (json_node_get_object (envelope), &total);

  /* The paged reader trusts these bounds: a page from 1, a size of at least 1. */
  loy_rest_envelope_get_paging (json_node_get_object (envelope), &paging);
  g_assert_true (paging.page == -1 || paging.page >= 1);
  g_assert_true (paging.per_page == -1 || paging.per_page >= 1);
  g_assert_true (paging.last_page == -1 || paging.last_page >= 1);
  g_assert_true (paging.total >= -1);

  payload = json_object_get_member (json_node_get_object (envelope), "data");
  if (JSON_NODE_HOLDS_ARRAY (payload))
    {
      g_autoptr(GPtrArray) rewards = loy_rewards_from_json (payload, &error);

      g_assert_true ((rewards == NULL) == (error != NULL));
    }
  else
    {
      g_autoptr(LoyReward) reward = loy_reward_from_json (payload, &error);

      g_assert_true ((reward == NULL) == (error != NULL));
      if (reward != NULL)
        g_assert_cmpstr (loy_reward_get_uuid (reward), !=, "");
    }

  if (error != NULL)
    g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);

  return 0;
}
