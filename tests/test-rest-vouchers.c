/* test-rest-vouchers.c — a promotion's vouchers on a Piggy account through
 * LoyRestStore: paged in every "meta" shape, created one at a time or in a
 * batch, found by code, redeemed at the desk's shop, and each write sent
 * once when its answer is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "loy-fake-piggy.h"

#define API_KEY "test-key-7d41e0"
#define PROMOTION "a7000000-0000-4000-8000-000000000001"
#define SANDY LOY_FAKE_PIGGY_CONTACT_UUID

typedef struct
{
  LoyFakePiggy *fake;
  LoyStore     *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = loy_fake_piggy_new (API_KEY);
  fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), API_KEY));
  loy_fake_piggy_add_promotions (fixture->fake, 2);
  loy_fake_piggy_add_vouchers (fixture->fake, PROMOTION, 25);
  loy_fake_piggy_set_meta_shape (fixture->fake, LOY_FAKE_PIGGY_META_B);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_clear_pointer (&fixture->fake, loy_fake_piggy_free);
}

static LoyVoucher *
find_ok (Fixture    *fixture,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  LoyVoucher *voucher = loy_store_find_voucher_sync (fixture->store, code, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (LOY_IS_VOUCHER (voucher));
  g_assert_cmpstr (loy_voucher_get_code (voucher), ==, code);
  return voucher;
}

static void
test_capabilities (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (loy_store_can (fixture->store, LOY_STORE_CAN_MANAGE_VOUCHERS));
}

static const LoyFakePiggyMeta meta_shapes[] = {
  LOY_FAKE_PIGGY_META_B,
  LOY_FAKE_PIGGY_META_A,
  LOY_FAKE_PIGGY_META_C,
  LOY_FAKE_PIGGY_META_EMPTY_ARRAY,
  LOY_FAKE_PIGGY_META_EMPTY_OBJECT,
};

/* Pages of 10 whatever was asked, in every shape of "meta" (vouchers come
 * with shape B): a range across two pages, the total, the last page. */
static void
test_list_paged (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (meta_shapes); i++)
    {
      g_autoptr(LoyStore) store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake),
                                                                 API_KEY));
      g_autoptr(GError) error = NULL;
      g_autoptr(LoyPage) page = NULL;
      g_autoptr(LoyPage) last = NULL;

      g_test_message ("meta shape %u", meta_shapes[i]);
      loy_fake_piggy_set_meta_shape (fixture->fake, meta_shapes[i]);
      page = loy_store_list_vouchers_sync (store, PROMOTION, 8, 5, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (page->total, ==, 25);
      g_assert_cmpuint (page->items->len, ==, 5);
      g_assert_cmpstr (loy_voucher_get_code (page->items->pdata[0]), ==, "VOUCHER-00009");
      g_assert_cmpstr (loy_voucher_get_code (page->items->pdata[4]), ==, "VOUCHER-00013");
      g_assert_cmpstr (loy_voucher_get_promotion_uuid (page->items->pdata[0]), ==, PROMOTION);

      last = loy_store_list_vouchers_sync (store, PROMOTION, 20, 50, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (last->items->len, ==, 5);
      g_assert_cmpstr (loy_voucher_get_code (last->items->pdata[4]), ==, "VOUCHER-00025");
    }
}

/* A query of LOY_KIND_VOUCHER (a paged model's) lists what
 * loy_store_list_vouchers_*() does. */
static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_VOUCHER);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) listed = NULL;

  g_assert_true (loy_kind_get_item_type (LOY_KIND_VOUCHER) == LOY_TYPE_VOUCHER);
  g_assert_cmpuint (loy_kind_get_list_capability (LOY_KIND_VOUCHER), ==, LOY_STORE_CAN_MANAGE_VOUCHERS);

  query->parent_uuid = g_strdup (PROMOTION);
  page = loy_store_query_sync (fixture->store, query, 10, 4, NULL, &error);
  g_assert_no_error (error);
  listed = loy_store_list_vouchers_sync (fixture->store, PROMOTION, 10, 4, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 25);
  g_assert_cmpuint (page->items->len, ==, 4);
  for (guint i = 0; i < page->items->len; i++)
    g_assert_cmpstr (loy_voucher_get_code (page->items->pdata[i]), ==, loy_voucher_get_code (listed->items->pdata[i]));
}

static void
test_list_bad_promotion (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = NULL;

  page = loy_store_list_vouchers_sync (fixture->store, "no-such-promotion", 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (page);
  g_clear_error (&error);

  page = loy_store_list_vouchers_sync (fixture->store, " ", 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LoyVoucher) voucher = find_ok (fixture, "VOUCHER-00003");
  g_autoptr(LoyVoucher) missing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (loy_voucher_get_status (voucher), ==, LOY_VOUCHER_STATUS_ACTIVE);
  g_assert_null (loy_voucher_get_contact_uuid (voucher));
  g_assert_cmpint (loy_voucher_get_redemptions_left (voucher), ==, 1);
  g_assert_true (loy_voucher_is_redeemable (voucher));

  missing = loy_store_find_voucher_sync (fixture->store, "NOPE-1", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

/* What the server says is kept, and an answer that is not a voucher is refused by name. */
static void
test_find_shapes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LoyVoucher) voucher = NULL;
  g_autoptr(LoyVoucher) odd = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_set_response (fixture->fake, 200,
                               "{\"data\": {\"uuid\": \"f4\", \"code\": \"SUMMER\", \"status\": \"locked\","
                               " \"expiration_date\": \"2026-09-01T00:00:00+02:00\", \"redemptions_left\": 2,"
                               " \"contact\": {\"uuid\": \"c9\", \"email\": \"c9@example.com\"},"
                               " \"promotion\": {\"uuid\": \"p2\", \"redemptions_per_voucher\": 3}}, \"meta\": []}");
  voucher = find_ok (fixture, "SUMMER");
  g_assert_cmpint (loy_voucher_get_status (voucher), ==, LOY_VOUCHER_STATUS_LOCKED);
  g_assert_cmpint (loy_voucher_get_redemptions_left (voucher), ==, 2);
  g_assert_cmpint (loy_voucher_get_expires_at (voucher), ==, 1788213600);
  g_assert_cmpstr (loy_voucher_get_contact_email (voucher), ==, "c9@example.com");
  g_assert_cmpstr (loy_voucher_get_promotion_uuid (voucher), ==, "p2");

  loy_fake_piggy_set_response (fixture->fake, 200,
                               "{\"data\": {\"uuid\": \"f5\", \"code\": \"X\", \"status\": \"SOMETHING\"}}");
  odd = loy_store_find_voucher_sync (fixture->store, "X", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "status"));
  g_assert_null (odd);
}

static void
test_create_one (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LoyVoucher) created = NULL;
  g_autoptr(LoyVoucher) made_up = NULL;
  g_autoptr(LoyVoucher) found = NULL;
  g_autoptr(LoyVoucher) duplicate = NULL;
  g_autoptr(GError) error = NULL;

  created = loy_store_create_voucher_sync (fixture->store, PROMOTION, " SUMMER-1 ", SANDY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_voucher_get_code (created), ==, "SUMMER-1");
  g_assert_cmpstr (loy_voucher_get_contact_uuid (created), ==, SANDY);
  g_assert_cmpstr (loy_voucher_get_contact_email (created), ==, LOY_FAKE_PIGGY_CONTACT_EMAIL);

  found = find_ok (fixture, "SUMMER-1");
  g_assert_cmpstr (loy_voucher_get_uuid (found), ==, loy_voucher_get_uuid (created));

  /* Without a code, one is made up, so that a lost answer can be checked. */
  made_up = loy_store_create_voucher_sync (fixture->store, PROMOTION, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (loy_voucher_get_code (made_up)), ==, 10);

  duplicate = loy_store_create_voucher_sync (fixture->store, PROMOTION, "SUMMER-1", NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (duplicate);
}

static void
test_create_batch (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = NULL;
  guint n_requests;

  g_assert_cmpint (loy_store_create_voucher_batch_sync (fixture->store, PROMOTION, 3, NULL, &error), ==, 3);
  g_assert_no_error (error);

  page = loy_store_list_vouchers_sync (fixture->store, PROMOTION, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total, ==, 28);

  /* Out of the API's range: refused before anything is sent. */
  n_requests = loy_fake_piggy_get_n_requests (fixture->fake);
  g_assert_cmpint (loy_store_create_voucher_batch_sync (fixture->store, PROMOTION, 0, NULL, &error), ==, -1);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (loy_store_create_voucher_batch_sync (fixture->store, PROMOTION, 501, NULL, &error), ==, -1);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), ==, n_requests);
}

static void
test_redeem (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoyVoucher) redeemed = NULL;
  g_autoptr(LoyVoucher) again = NULL;
  g_autoptr(LoyVoucher) locked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  redeemed = loy_store_redeem_voucher_sync (fixture->store, "VOUCHER-00002", SANDY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_voucher_get_status (redeemed), ==, LOY_VOUCHER_STATUS_REDEEMED);
  g_assert_cmpint (loy_voucher_get_redemptions_left (redeemed), ==, 0);
  g_assert_cmpint (loy_voucher_get_redeemed_at (redeemed), >, 0);
  g_assert_cmpstr (loy_voucher_get_contact_uuid (redeemed), ==, SANDY);
  g_assert_false (loy_voucher_is_redeemable (redeemed));

  /* At the account's only shop. */
  body = loy_fake_piggy_dup_last_write_body (fixture->fake);
  g_assert_nonnull (strstr (body, LOY_FAKE_PIGGY_SHOP_UUID));

  again = loy_store_redeem_voucher_sync (fixture->store, "VOUCHER-00002", NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_null (again);
  g_clear_error (&error);

  loy_fake_piggy_set_voucher_status (fixture->fake, "VOUCHER-00004", "LOCKED");
  locked = loy_store_redeem_voucher_sync (fixture->store, "VOUCHER-00004", NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_object (&locked);
  locked = find_ok (fixture, "VOUCHER-00004");
  g_assert_cmpint (loy_voucher_get_status (locked), ==, LOY_VOUCHER_STATUS_LOCKED);
  g_assert_false (loy_voucher_is_redeemable (locked));
}

typedef struct
{
  LoyFakePiggyFault fault;
  gboolean          happened;
} WriteFault;

static const WriteFault write_faults[] = {
  { LOY_FAKE_PIGGY_FAULT_SERVER_ERROR, FALSE },
  { LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED, TRUE },
  { LOY_FAKE_PIGGY_FAULT_DROP, FALSE },
  { LOY_FAKE_PIGGY_FAULT_DROP_APPLIED, TRUE },
};

/* Sent exactly once; the voucher says whether it was redeemed, and the
 * store says which. */
static void
test_redeem_answer_lost (Fixture       *fixture,
                         gconstpointer  data)
{
  const WriteFault *fault = data;
  g_autoptr(LoyVoucher) voucher = NULL;
  g_autoptr(LoyVoucher) after = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", fault->fault);
  voucher = loy_store_redeem_voucher_sync (fixture->store, "VOUCHER-00005", SANDY, NULL, &error);

  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/vouchers/redeem"), ==, 1);
  after = find_ok (fixture, "VOUCHER-00005");
  if (fault->happened)
    {
      g_assert_no_error (error);
      g_assert_cmpint (loy_voucher_get_status (voucher), ==, LOY_VOUCHER_STATUS_REDEEMED);
      g_assert_cmpint (loy_voucher_get_status (after), ==, LOY_VOUCHER_STATUS_REDEEMED);
    }
  else
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE);
      g_assert_null (voucher);
      g_assert_cmpint (loy_voucher_get_status (after), ==, LOY_VOUCHER_STATUS_ACTIVE);
    }
}

static void
test_create_answer_lost (Fixture       *fixture,
                         gconstpointer  data)
{
  const WriteFault *fault = data;
  g_autoptr(LoyVoucher) voucher = NULL;
  g_autoptr(LoyVoucher) after = NULL;
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", fault->fault);
  voucher = loy_store_create_voucher_sync (fixture->store, PROMOTION, "LOST-1", NULL, NULL, &error);

  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/vouchers"), ==, 1);
  after = loy_store_find_voucher_sync (fixture->store, "LOST-1", NULL, NULL);
  if (fault->happened)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (loy_voucher_get_code (voucher), ==, "LOST-1");
      g_assert_nonnull (after);
    }
  else
    {
      g_assert_error (error, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE);
      g_assert_null (voucher);
      g_assert_null (after);
    }
}

/* A batch is made later: its lost answer cannot be checked, and says so. */
static void
test_batch_answer_lost (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  loy_fake_piggy_add_fault (fixture->fake, "POST", LOY_FAKE_PIGGY_FAULT_DROP_APPLIED);
  g_assert_cmpint (loy_store_create_voucher_batch_sync (fixture->store, PROMOTION, 4, NULL, &error), ==, -1);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/vouchers/batch"), ==, 1);
}

/* A promotion is created with the fields it has, and refused any other. */
static void
test_create_promotion (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *language = loy_campaign_get_languages ()[0];
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(LoyCampaign) refused = NULL;
  g_autoptr(GObject) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n_writes;

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (campaign, "Winter deal");
  loy_campaign_set_text (campaign, language, LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION, "A free coffee");
  loy_campaign_set_limit (campaign, 200);
  loy_campaign_set_limit_per_contact (campaign, 2);
  loy_campaign_set_days_valid (campaign, 14);

  created = loy_store_create_campaign_sync (fixture->store, campaign, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_get_name (created), ==, "Winter deal");
  g_assert_cmpint (loy_campaign_get_limit (created), ==, 200);
  g_assert_cmpint (loy_campaign_get_limit_per_contact (created), ==, 2);
  g_assert_cmpint (loy_campaign_get_days_valid (created), ==, 14);
  body = loy_fake_piggy_dup_last_write_body (fixture->fake);
  g_assert_nonnull (strstr (body, "\"expiration_duration\":14"));

  found = loy_store_lookup_sync (fixture->store, LOY_KIND_CAMPAIGN, loy_campaign_get_uuid (created), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_get_text (LOY_CAMPAIGN (found), language, LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION),
                   ==, "A free coffee");

  /* What a promotion lacks is refused by name, and nothing is sent. */
  n_writes = loy_fake_piggy_get_n_writes (fixture->fake);
  loy_campaign_set_cost_in_points (campaign, 50);
  refused = loy_store_create_campaign_sync (fixture->store, campaign, NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "cost_in_points"));
  g_clear_error (&error);

  loy_campaign_set_cost_in_points (campaign, LOY_UNSET);
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_GIFT_CODE);
  refused = loy_store_create_campaign_sync (fixture->store, campaign, NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_cmpuint (loy_fake_piggy_get_n_writes (fixture->fake), ==, n_writes);
}

#define ADD(path, func) g_test_add ("/rest-vouchers/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  static const char * const fault_names[] = { "500", "500-applied", "dropped", "dropped-applied" };

  g_test_init (&argc, &argv, NULL);

  ADD ("capabilities", test_capabilities);
  ADD ("list/paged", test_list_paged);
  ADD ("list/query", test_query);
  ADD ("list/bad-promotion", test_list_bad_promotion);
  ADD ("find", test_find);
  ADD ("find/shapes", test_find_shapes);
  ADD ("create/one", test_create_one);
  ADD ("create/batch", test_create_batch);
  ADD ("redeem", test_redeem);
  ADD ("create-promotion", test_create_promotion);
  ADD ("fault/batch-answer-lost", test_batch_answer_lost);

  for (guint i = 0; i < G_N_ELEMENTS (write_faults); i++)
    {
      g_autofree char *redeem = g_strdup_printf ("/rest-vouchers/fault/redeem-%s", fault_names[i]);
      g_autofree char *create = g_strdup_printf ("/rest-vouchers/fault/create-%s", fault_names[i]);

      g_test_add (redeem, Fixture, &write_faults[i], fixture_setup, test_redeem_answer_lost, fixture_teardown);
      g_test_add (create, Fixture, &write_faults[i], fixture_setup, test_create_answer_lost, fixture_teardown);
    }

  return g_test_run ();
}
