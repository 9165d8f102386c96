/* fuzz-piggy-json.c — Piggy's answers mapped onto contacts, contact
 * attributes, loyalty transactions, tiers, shops, promotions, vouchers, the
 * loyalty program and calculations (loy-json-piggy.h), the paging "meta"
 * and error bodies, on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-error.h"
#include "loy-json-piggy.h"
#include "rest/loy-rest-json.h"
#include "fuzz.h"

typedef GPtrArray *(*ListReader)   (JsonNode  *node,
                                    GError   **error);
typedef gpointer   (*RecordReader) (JsonNode  *node,
                                    GError   **error);

/* A reader either returns something or fails, and fails as a malformed answer. */
static void
assert_outcome (gboolean  read,
                GError   *error)
{
  g_assert_true (read == (error == NULL));
  if (error != NULL)
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
read_as_lists (JsonNode *data)
{
  static const ListReader readers[] = {
    loy_piggy_contacts_from_json,
    loy_piggy_contact_attributes_from_json,
    loy_piggy_transactions_from_json,
    loy_piggy_tiers_from_json,
    loy_piggy_shops_from_json,
    loy_piggy_promotions_from_json,
    loy_piggy_vouchers_from_json,
  };

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = readers[i] (data, &error);

      assert_outcome (records != NULL, error);
    }
}

static void
read_as_records (JsonNode *data)
{
  static const RecordReader readers[] = {
    (RecordReader) loy_piggy_contact_from_json,
    (RecordReader) loy_piggy_contact_attribute_from_json,
    (RecordReader) loy_piggy_transaction_from_json,
    (RecordReader) loy_piggy_tier_from_json,
    (RecordReader) loy_piggy_shop_from_json,
    (RecordReader) loy_piggy_promotion_from_json,
    (RecordReader) loy_piggy_voucher_from_json,
    (RecordReader) loy_piggy_loyalty_program_from_json,
  };
  g_autoptr(GError) error = NULL;
  gint64 credits = 0;
  gboolean has_credits;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GError) record_error = NULL;
      g_autoptr(GObject) record = readers[i] (data, &record_error);

      assert_outcome (record != NULL, record_error);
    }

  has_credits = loy_piggy_credits_from_json (data, &credits, &error);
  assert_outcome (has_credits, error);
  g_clear_error (&error);
  has_credits = loy_piggy_voucher_batch_from_json (data, &credits, &error);
  assert_outcome (has_credits, error);
  g_clear_error (&error);
  has_credits = loy_piggy_prepaid_balance_from_json (data, &credits, &error);
  assert_outcome (has_credits, error);
  loy_piggy_transaction_is_reward (data);

  /* What a changes object would be sent as: any object is written or refused. */
  if (JSON_NODE_HOLDS_OBJECT (data))
    {
      g_autoptr(GError) changes_error = NULL;
      g_autoptr(JsonNode) body = loy_piggy_contact_changes_to_json (json_node_get_object (data),
                                                                    &changes_error);

      g_assert_true ((body == NULL) == (changes_error != NULL));
    }
}

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

  fuzz_init ();

  /* Every error body, whatever its status. */
  response_error = loy_rest_error_from_response (400, body);
  g_assert_true (g_utf8_validate (response_error->message, -1, NULL));

  envelope = loy_rest_parse_envelope (body, &error);
  if (envelope == NULL)
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
      return 0;
    }

  loy_rest_envelope_get_paging (json_node_get_object (envelope), &paging);
  g_assert_true (paging.page == -1 || paging.page >= 1);
  g_assert_true (paging.per_page == -1 || paging.per_page >= 1);
  g_assert_true (paging.last_page == -1 || paging.last_page >= 1);
  g_assert_true (paging.total >= -1);

  payload = json_object_get_member (json_node_get_object (envelope), "data");
  read_as_lists (payload);
  read_as_records (payload);

  return 0;
}
