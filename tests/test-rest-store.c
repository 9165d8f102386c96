/* test-rest-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "loy-fake-piggy.h"
#include "test-store-common.h"

#define API_KEY "test-key-5f2b9c"

/* The Get Reward example of seed 002, unchanged. */
static const char get_reward_example[] =
  "{\n"
  "\"data\": {\n"
  "\"uuid\": \"539483d0-fab4-40db-add5-2ec65ef12901\",\n"
  "\"title\": \"Krabby Patty\",\n"
  "\"description\": null,\n"
  "\"cost_price\": null,\n"
  "\"required_credits\": 2,\n"
  "\"media\": {\n"
  "\"type\": \"image\",\n"
  "\"value\": \"http://localhost:8001/storage/accounts/ea8b731d-9db1-4deb-8e12-e0d9d89b194e/uploads/1699885865/conversions/300x200.jpg\"\n"
  "},\n"
  "\"is_active\": true,\n"
  "\"active\": true,\n"
  "\"reward_type\": \"PHYSICAL\",\n"
  "\"stock\": null,\n"
  "\"example_attribute\": \"custom attributes for rewards are included like this\"\n"
  "},\n"
  "\"meta\": {}\n"
  "}";

/* The Update Reward example of seed 002, trailing comma and all. */
static const char update_reward_example[] =
  "{\n"
  "\"data\": {\n"
  "\"uuid\": \"539483d0-fab4-40db-add5-2ec65ef12901\",\n"
  "\"title\": \"Krabby Patty\",\n"
  "\"stock\": null,\n"
  "},\n"
  "\"meta\": {}\n"
  "}";

#define FAKE(fixture) ((LoyFakePiggy *) (fixture)->backend_data)

static void
rest_setup (LoyStoreFixture *fixture)
{
  LoyFakePiggy *fake = loy_fake_piggy_new (API_KEY);

  fixture->backend_data = fake;
  fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fake), API_KEY));
}

static void
rest_teardown (LoyStoreFixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_clear_pointer (&fixture->backend_data, loy_fake_piggy_free);
}

static void
rest_test_setup (LoyStoreFixture *fixture,
                 gconstpointer    data)
{
  rest_setup (fixture);
}

static void
rest_test_teardown (LoyStoreFixture *fixture,
                    gconstpointer    data)
{
  rest_teardown (fixture);
}

static LoyPage *
query_rewards (LoyStore    *store,
               const char  *search,
               guint        offset,
               guint        limit,
               GError     **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);

  query->search = g_strdup (search);
  return loy_store_query_sync (store, query, offset, limit, NULL, error);
}

static LoyReward *
lookup_reward (LoyStore    *store,
               const char  *uuid,
               GError     **error)
{
  return LOY_REWARD (loy_store_lookup_sync (store, LOY_KIND_REWARD, uuid, NULL, error));
}

static void
assert_page_uuids (LoyPage    *page,
                   guint       total,
                   const char *first_uuid,
                   ...)
{
  va_list args;
  guint i = 0;

  g_assert_nonnull (page);
  g_assert_cmpuint (page->total, ==, total);

  va_start (args, first_uuid);
  for (const char *uuid = first_uuid; uuid != NULL; uuid = va_arg (args, const char *), i++)
    {
      g_assert_cmpuint (i, <, page->items->len);
      g_assert_cmpstr (loy_reward_get_uuid (g_ptr_array_index (page->items, i)), ==, uuid);
    }
  va_end (args);

  g_assert_cmpuint (page->items->len, ==, i);
}

static void
assert_queries (LoyFakePiggy *fake,
                const char   *first_query,
                ...)
{
  g_auto(GStrv) queries = loy_fake_piggy_dup_queries (fake);
  va_list args;
  guint i = 0;

  va_start (args, first_query);
  for (const char *query = first_query; query != NULL; query = va_arg (args, const char *), i++)
    g_assert_cmpstr (queries[i], ==, query);
  va_end (args);

  g_assert_cmpuint (g_strv_length (queries), ==, i);
}

static void
test_request_headers (LoyStoreFixture *fixture,
                      gconstpointer    data)
{
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;

  page = query_rewards (fixture->store, NULL, 0, 10, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4,
                     SEED_REWARD_JELLYFISH_NET, SEED_REWARD_KRABBY_PATTY,
                     SEED_REWARD_KELP_SHAKE_DELUXE, SEED_REWARD_KRUSTY_KRAB_HAT, NULL);

  authorization = loy_fake_piggy_dup_last_header (FAKE (fixture), "Authorization");
  accept = loy_fake_piggy_dup_last_header (FAKE (fixture), "Accept");
  method = loy_fake_piggy_dup_last_method (FAKE (fixture));
  path = loy_fake_piggy_dup_last_path (FAKE (fixture));
  g_assert_cmpstr (authorization, ==, "Bearer " API_KEY);
  g_assert_cmpstr (accept, ==, "application/json");
  g_assert_cmpstr (method, ==, "GET");
  g_assert_cmpstr (path, ==, "/api/v3/oauth/clients/rewards");
  assert_queries (FAKE (fixture), "page=1&limit=10", NULL);
}

static void
test_base_url_trailing_slash (LoyStoreFixture *fixture,
                              gconstpointer    data)
{
  g_autofree char *base_url = g_strconcat (loy_fake_piggy_get_base_url (FAKE (fixture)), "/", NULL);
  g_autoptr(LoyRestStore) store = loy_rest_store_new (base_url, API_KEY);
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpstr (loy_rest_store_get_base_url (store), ==, loy_fake_piggy_get_base_url (FAKE (fixture)));

  reward = lookup_reward (LOY_STORE (store), SEED_REWARD_KRUSTY_KRAB_HAT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Krusty Krab Hat");

  path = loy_fake_piggy_dup_last_path (FAKE (fixture));
  g_assert_cmpstr (path, ==, "/api/v3/oauth/clients/rewards/" SEED_REWARD_KRUSTY_KRAB_HAT);

  description = loy_store_get_description (LOY_STORE (store));
  g_assert_cmpstr (description, ==, loy_fake_piggy_get_base_url (FAKE (fixture)));
}

static void
test_unauthorized (LoyStoreFixture *fixture,
                   gconstpointer    data)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new (loy_fake_piggy_get_base_url (FAKE (fixture)),
                                                      "wrong-key");
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = query_rewards (LOY_STORE (store), NULL, 0, 10, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_null (page);
  g_assert_cmpstr (error->message, ==, "The API key was refused (Unauthenticated.)");
  g_assert_null (strstr (error->message, "wrong-key"));
}

static void
test_error_codes (LoyStoreFixture *fixture,
                  gconstpointer    data)
{
  static const struct {
    guint       status;
    const char *body;
    int         code;
    const char *message;
  } cases[] = {
    { 422, "{\"status_code\": 422, \"code\": 1003, \"message\": \"Invalid input.\","
           " \"errors\": {\"title\": [\"The title is required.\", \"It is short.\"],"
           " \"required_credits\": \"Too many.\"}}",
      LOY_ERROR_INVALID_INPUT, "Invalid input. (The title is required.; It is short.; Too many.)" },
    { 400, "{\"code\": 1003, \"message\": \"Invalid input.\", \"errors\": []}",
      LOY_ERROR_INVALID_INPUT, "Invalid input." },
    { 404, "{\"status_code\": 404, \"code\": 6003, \"message\": \"Reward not found.\"}",
      LOY_ERROR_NOT_FOUND, "Reward not found." },
    /* The API's code wins over the status. */
    { 400, "{\"status_code\": 400, \"code\": 1008, \"message\": \"Shop not found.\"}",
      LOY_ERROR_NOT_FOUND, "Shop not found." },
    { 422, "{\"status_code\": 422, \"code\": 55031, \"message\": \"Contact not found.\"}",
      LOY_ERROR_NOT_FOUND, "Contact not found." },
    { 404, "", LOY_ERROR_NOT_FOUND, "The server answered “404 Not Found”" },
    { 409, "{\"message\": \"Somebody else changed it.\"}", LOY_ERROR_CONFLICT, "Somebody else changed it." },
    { 403, "{\"code\": 7, \"message\": \"Forbidden.\"}", LOY_ERROR_UNAUTHORIZED,
      "The API key was refused (Forbidden.)" },
    { 401, "", LOY_ERROR_UNAUTHORIZED, "The API key was refused" },
    { 500, "{\"code\": 9999, \"message\": \"Something broke.\"}", LOY_ERROR_FAILED, "Something broke." },
    { 503, "<html><body>Down for maintenance</body></html>", LOY_ERROR_NETWORK,
      "The service is down for maintenance" },
    { 502, "{\"message\": 12}", LOY_ERROR_NETWORK, "The server answered “502 Bad Gateway”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoyReward) reward = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %u %s", i, cases[i].status, cases[i].body);
      loy_fake_piggy_set_response (FAKE (fixture), cases[i].status, cases[i].body);

      reward = lookup_reward (fixture->store, SEED_REWARD_KRABBY_PATTY, &error);
      g_assert_error (error, LOY_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (reward);
    }
}

static void
test_malformed_responses (LoyStoreFixture *fixture,
                          gconstpointer    data)
{
  static const struct {
    const char *body;
    gboolean    list;
    const char *message_part;
  } cases[] = {
    { update_reward_example, FALSE, "invalid JSON" },
    { "{\"data\": [", TRUE, "invalid JSON" },
    { "", TRUE, "empty" },
    { "  \n ", FALSE, "empty" },
    { "<!DOCTYPE html><html><body>Hello</body></html>", TRUE, "invalid JSON" },
    { "[1, 2]", TRUE, "not a JSON object" },
    { "\"data\"", FALSE, "not a JSON object" },
    { "{\"meta\": {}}", TRUE, "“data”" },
    { "{\"data\": {}}", TRUE, "not a JSON array" },
    { "{\"data\": [1]}", TRUE, "not a JSON object" },
    { "{\"data\": [{\"title\": \"No uuid\"}]}", TRUE, "“uuid”" },
    { "{\"data\": 5}", FALSE, "not a JSON object" },
    { "{\"data\": null}", FALSE, "not a JSON object" },
    { "{\"data\": {\"uuid\": \"u\", \"required_credits\": \"25\"}}", FALSE, "“required_credits”" },
    { "{\"data\": {\"uuid\": \"u\", \"stock\": -3}}", FALSE, "“stock”" },
    { "{\"data\": {\"uuid\": \"u\", \"is_active\": 1}}", FALSE, "“is_active”" },
    { "{\"data\": {\"uuid\": \"u\", \"cost_price\": \"9.95\"}}", FALSE, "“cost_price”" },
    { "{\"data\": {\"uuid\": \"u\", \"media\": \"image\"}}", FALSE, "“media”" },
    { "{\"data\": {\"uuid\": \"u\", \"media\": {\"type\": 3}}}", FALSE, "“media.type”" },
    { "{\"data\": {\"uuid\": \"u\", \"reward_type\": \"SPIRITUAL\"}}", FALSE, "“reward_type”" },
    { "{\"data\": {\"uuid\": 17}}", FALSE, "“uuid”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].body);
      loy_fake_piggy_set_response (FAKE (fixture), 200, cases[i].body);

      if (cases[i].list)
        {
          g_autoptr(LoyPage) page = query_rewards (fixture->store, NULL, 0, 10, &error);

          g_assert_null (page);
        }
      else
        {
          g_autoptr(LoyReward) reward = lookup_reward (fixture->store, SEED_REWARD_KRABBY_PATTY, &error);

          g_assert_null (reward);
        }

      g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }
}

static void
test_timeout (LoyStoreFixture *fixture,
              gconstpointer    data)
{
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 elapsed;

  g_assert_cmpuint (loy_rest_store_get_timeout (LOY_REST_STORE (fixture->store)), ==, 30);
  loy_rest_store_set_timeout (LOY_REST_STORE (fixture->store), 1);
  loy_fake_piggy_set_delay (FAKE (fixture), 5000);

  start = g_get_monotonic_time ();
  reward = lookup_reward (fixture->store, SEED_REWARD_KRABBY_PATTY, &error);
  elapsed = g_get_monotonic_time () - start;

  /* A second for each attempt of the read, and the pauses between them
   * (0.25 + 0.5 + 1 s), not the server's five a time. */
  g_assert_error (error, LOY_ERROR, LOY_ERROR_TIMEOUT);
  g_assert_null (reward);
  g_assert_cmpint (elapsed, >=, G_USEC_PER_SEC * LOY_REST_STORE_READ_ATTEMPTS * 9 / 10);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC * (LOY_REST_STORE_READ_ATTEMPTS + 3));
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (LoyStoreFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  loy_fake_piggy_set_delay (FAKE (fixture), 5000);

  /* Cancelled while the server holds its answer back. */
  g_timeout_add_once (100, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  page = loy_store_query_sync (fixture->store, query, 0, 10, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (page);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  object = loy_store_lookup_sync (fixture->store, LOY_KIND_REWARD, SEED_REWARD_KRABBY_PATTY,
                                  cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (object);
}

static void
test_network_failure (void)
{
  g_autoptr(LoyFakePiggy) gone = loy_fake_piggy_new (API_KEY);
  g_autofree char *base_url = g_strdup (loy_fake_piggy_get_base_url (gone));
  g_autoptr(LoyRestStore) store = NULL;
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&gone, loy_fake_piggy_free);
  store = loy_rest_store_new (base_url, API_KEY);

  reward = lookup_reward (LOY_STORE (store), SEED_REWARD_KRABBY_PATTY, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NETWORK);
  g_assert_null (reward);
  g_assert_null (strstr (error->message, API_KEY));
}

static void
test_invalid_base_url (void)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new ("ftp://example.com/api", API_KEY);
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;

  reward = lookup_reward (LOY_STORE (store), SEED_REWARD_KRABBY_PATTY, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (reward);
}

static void
test_get_reward_example (LoyStoreFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *custom;

  loy_fake_piggy_set_response (FAKE (fixture), 200, get_reward_example);

  reward = lookup_reward (fixture->store, SEED_REWARD_KELP_SHAKE_DELUXE, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (loy_reward_get_uuid (reward), ==, SEED_REWARD_KELP_SHAKE_DELUXE);
  g_assert_cmpstr (loy_reward_get_title (reward), ==, "Krabby Patty");
  g_assert_null (loy_reward_get_description (reward));
  g_assert_cmpint (loy_reward_get_cost_price_cents (reward), ==, LOY_UNSET);
  g_assert_cmpint (loy_reward_get_stock (reward), ==, LOY_UNSET);
  g_assert_cmpint (loy_reward_get_required_credits (reward), ==, 2);
  g_assert_true (loy_reward_get_is_active (reward));
  g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_PHYSICAL);
  g_assert_cmpstr (loy_reward_get_media_type (reward), ==, "image");
  g_assert_true (g_str_has_suffix (loy_reward_get_media_value (reward), "/300x200.jpg"));

  custom = loy_reward_get_custom_attributes (reward);
  g_assert_cmpuint (json_object_get_size (custom), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (custom, "example_attribute"), ==,
                   "custom attributes for rewards are included like this");
}

static void
test_list_seed_rewards (LoyStoreFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  LoyReward *net;
  LoyReward *patty;
  LoyReward *shake;

  page = query_rewards (fixture->store, NULL, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 4);

  net = g_ptr_array_index (page->items, 0);
  g_assert_cmpint (loy_reward_get_id (net), ==, 1);
  g_assert_cmpint (loy_reward_get_reward_type (net), ==, LOY_REWARD_TYPE_DIGITAL);
  g_assert_cmpint (loy_reward_get_required_credits (net), ==, 25);
  g_assert_cmpstr (loy_reward_get_description (net), ==, "Help save the jellyfish");
  g_assert_cmpint (loy_reward_get_expiration_duration (net), ==, LOY_UNSET);
  g_assert_cmpstr (json_object_get_string_member (loy_reward_get_custom_attributes (net),
                                                  "custom_attribute_one"), ==, "ABC");
  g_assert_cmpstr (json_object_get_string_member (loy_reward_get_custom_attributes (net),
                                                  "custom_attribute_two"), ==, "123");
  g_assert_cmpuint (json_object_get_size (loy_reward_get_custom_attributes (net)), ==, 2);

  patty = g_ptr_array_index (page->items, 1);
  g_assert_false (loy_reward_get_pre_redeemable (patty));
  g_assert_cmpint (loy_reward_get_expiration_duration (patty), ==, LOY_UNSET);

  shake = g_ptr_array_index (page->items, 2);
  g_assert_true (loy_reward_get_pre_redeemable (shake));
  g_assert_cmpint (loy_reward_get_expiration_duration (shake), ==, 6307200);
  g_assert_cmpint (loy_reward_get_reward_type (shake), ==, LOY_REWARD_TYPE_PHYSICAL);
}

static void
test_update (LoyStoreFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonNode) sent = NULL;
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(LoyReward) fetched = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *method = NULL;
  g_autofree char *body = NULL;
  g_autofree char *content_type = NULL;
  JsonObject *sent_changes;

  json_object_set_string_member (changes, "title", "Golden Jellyfish Net");
  json_object_set_int_member (changes, "required_credits", 30);
  json_object_set_string_member (changes, "custom_attribute_one", "XYZ");

  updated = loy_store_update_reward_sync (fixture->store, SEED_REWARD_JELLYFISH_NET, changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_reward_get_title (updated), ==, "Golden Jellyfish Net");
  g_assert_cmpint (loy_reward_get_required_credits (updated), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (loy_reward_get_custom_attributes (updated),
                                                  "custom_attribute_one"), ==, "XYZ");

  method = loy_fake_piggy_dup_last_method (FAKE (fixture));
  body = loy_fake_piggy_dup_last_body (FAKE (fixture));
  content_type = loy_fake_piggy_dup_last_header (FAKE (fixture), "Content-Type");
  g_assert_cmpstr (method, ==, "PUT");
  g_assert_cmpstr (content_type, ==, "application/json");
  sent = json_from_string (body, &error);
  g_assert_no_error (error);
  sent_changes = json_node_get_object (sent);
  g_assert_cmpuint (json_object_get_size (sent_changes), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (sent_changes, "title"), ==, "Golden Jellyfish Net");
  g_assert_cmpint (json_object_get_int_member (sent_changes, "required_credits"), ==, 30);

  fetched = lookup_reward (fixture->store, SEED_REWARD_JELLYFISH_NET, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_reward_get_title (fetched), ==, "Golden Jellyfish Net");
}

static void
test_update_unsupported_field (LoyStoreFixture *fixture,
                               gconstpointer    data)
{
  static const char * const fields[] = { "stock", "is_active", "pre_redeemable", "expiration_duration" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(JsonObject) changes = json_object_new ();
      g_autoptr(LoyReward) updated = NULL;
      g_autoptr(GError) error = NULL;

      json_object_set_string_member (changes, "title", "Still a title");
      if (g_str_equal (fields[i], "stock") || g_str_equal (fields[i], "expiration_duration"))
        json_object_set_int_member (changes, fields[i], 5);
      else
        json_object_set_boolean_member (changes, fields[i], TRUE);

      updated = loy_store_update_reward_sync (fixture->store, SEED_REWARD_KRABBY_PATTY, changes, NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, fields[i]));
      g_assert_null (updated);
    }

  /* Refused before anything was sent. */
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (FAKE (fixture)), ==, 0);
}

static void
test_update_refused (LoyStoreFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) invalid = json_object_new ();
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (changes, "title", "Ghost");
  updated = loy_store_update_reward_sync (fixture->store, "00000000-0000-0000-0000-000000000000",
                                          changes, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Reward not found.");
  g_assert_null (updated);
  g_clear_error (&error);

  /* The shared validation refuses it before the server sees it. */
  json_object_set_string_member (invalid, "required_credits", "many");
  updated = loy_store_update_reward_sync (fixture->store, SEED_REWARD_KRABBY_PATTY, invalid, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (updated);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (FAKE (fixture)), ==, 1);
}

static void
test_paging (LoyStoreFixture *fixture,
             gconstpointer    data)
{
  LoyFakePiggy *fake = FAKE (fixture);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  /* "meta": {} as in the seed: the end of the list tells the total. */
  page = query_rewards (fixture->store, NULL, 1, 2, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, SEED_REWARD_KRABBY_PATTY, SEED_REWARD_KELP_SHAKE_DELUXE, NULL);
  assert_queries (fake, "page=1&limit=2", "page=2&limit=2", "page=3&limit=2", NULL);
  loy_page_free (page);

  page = query_rewards (fixture->store, NULL, 3, 1, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, SEED_REWARD_KRUSTY_KRAB_HAT, NULL);
  loy_page_free (page);

  page = query_rewards (fixture->store, NULL, 0, 3, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, SEED_REWARD_JELLYFISH_NET, SEED_REWARD_KRABBY_PATTY,
                     SEED_REWARD_KELP_SHAKE_DELUXE, NULL);
  loy_page_free (page);

  /* Past the end: the list is walked from its start to count it. */
  page = query_rewards (fixture->store, NULL, 10, 5, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, NULL);
  loy_page_free (page);

  /* Only counting. */
  page = query_rewards (fixture->store, NULL, 0, 0, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, NULL);
  loy_page_free (page);

  /* "meta": {"total": 4}: no page beyond the range. */
  loy_fake_piggy_set_sends_total (fake, TRUE);
  page = query_rewards (fixture->store, NULL, 1, 2, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, SEED_REWARD_KRABBY_PATTY, SEED_REWARD_KELP_SHAKE_DELUXE, NULL);
  loy_page_free (page);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fake), ==, 3 + 2 + 2 + 2 + 1 + 2);

  /* A server that sends everything at once. */
  loy_fake_piggy_set_sends_total (fake, FALSE);
  loy_fake_piggy_set_ignores_paging (fake, TRUE);
  page = query_rewards (fixture->store, NULL, 1, 2, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 4, SEED_REWARD_KRABBY_PATTY, SEED_REWARD_KELP_SHAKE_DELUXE, NULL);
  loy_page_free (page);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fake), ==, 3 + 2 + 2 + 2 + 1 + 2 + 1);
}

static void
test_search (LoyStoreFixture *fixture,
             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  LoyPage *page;

  /* Titles, case-insensitively. */
  page = query_rewards (fixture->store, "KRAB", 0, 10, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 2, SEED_REWARD_KRABBY_PATTY, SEED_REWARD_KRUSTY_KRAB_HAT, NULL);
  loy_page_free (page);

  query = loy_fake_piggy_dup_last_query (FAKE (fixture));
  g_assert_cmpstr (query, ==, "page=1&limit=100");

  /* Descriptions, and a slice of the matches. */
  page = query_rewards (fixture->store, "coral", 1, 1, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 2, SEED_REWARD_KELP_SHAKE_DELUXE, NULL);
  loy_page_free (page);

  page = query_rewards (fixture->store, "plankton", 0, 10, &error);
  g_assert_no_error (error);
  assert_page_uuids (page, 0, NULL);
  loy_page_free (page);
}

static void
test_visible_to_contact (LoyStoreFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;

  /* The API works out what the contact can claim. */
  query->visible_to_contact = g_strdup (LOY_FAKE_PIGGY_CONTACT_UUID);
  page = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, >, 0);
  sent = loy_fake_piggy_dup_last_query (FAKE (fixture));
  g_assert_cmpstr (sent, ==, "page=1&limit=10&contact_uuid=" LOY_FAKE_PIGGY_CONTACT_UUID);

  g_free (query->visible_to_contact);
  query->visible_to_contact = g_strdup ("00000000-0000-0000-0000-000000000000");
  refused = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (refused);
}

/* The query filters the API cannot apply, by the names the error gives them. */
static const char * const unsupported_filters[] = {
  "platform", "only_active", "only_inactive", "reward_types", "sort", "level_uuid",
  "segment_uuid", "parent_uuid", "criteria", "ledger_types", "exclude_uuids",
};

static void
set_filter (LoyQuery   *query,
            const char *name)
{
  if (g_str_equal (name, "platform"))
    query->platform = LOY_PLATFORM_CUSTOMER_APP;
  else if (g_str_equal (name, "only_active"))
    query->only_active = TRUE;
  else if (g_str_equal (name, "only_inactive"))
    query->only_inactive = TRUE;
  else if (g_str_equal (name, "reward_types"))
    query->reward_types = 1 << LOY_REWARD_TYPE_DIGITAL;
  else if (g_str_equal (name, "sort"))
    query->sort = g_strdup ("-created_at");
  else if (g_str_equal (name, "level_uuid"))
    query->level_uuid = g_strdup ("level-gold");
  else if (g_str_equal (name, "segment_uuid"))
    query->segment_uuid = g_strdup ("segment-vip");
  else if (g_str_equal (name, "parent_uuid"))
    query->parent_uuid = g_strdup (SEED_REWARD_JELLYFISH_NET);
  else if (g_str_equal (name, "criteria"))
    query->criteria = json_from_string ("{\"groups\": []}", NULL);
  else if (g_str_equal (name, "ledger_types"))
    query->ledger_types = 1 << LOY_LEDGER_ENTRY_TYPE_WELCOME;
  else if (g_str_equal (name, "exclude_uuids"))
    query->exclude_uuids = g_strsplit (SEED_REWARD_KRABBY_PATTY, " ", 0);
  else
    g_assert_not_reached ();
}

/* A filter the API cannot apply fails the query, naming the filter, and
 * sends nothing: ignoring it would list the wrong rewards. The filters the
 * store does honour (search, visible_to_contact) do not save it. */
static void
test_unsupported_filter (LoyStoreFixture *fixture,
                         gconstpointer    data)
{
  const char *name = data;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  set_filter (query, name);
  page = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (page);
  g_clear_error (&error);

  query->search = g_strdup ("krabby");
  query->visible_to_contact = g_strdup (LOY_FAKE_PIGGY_CONTACT_UUID);
  page = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (page);

  g_assert_cmpuint (loy_fake_piggy_get_n_requests (FAKE (fixture)), ==, 0);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Tries @store's account, as Connect does, and waits for the answer. */
static gboolean
check_account (LoyRestStore  *store,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_rest_store_check_account_async (store, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return loy_rest_store_check_account_finish (store, result, error);
}

static void
test_check_account (LoyStoreFixture *fixture,
                    gconstpointer    data)
{
  LoyFakePiggy *fake = FAKE (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (check_account (LOY_REST_STORE (fixture->store), NULL, &error));
  g_assert_no_error (error);

  /* One small read: the first page of one reward. */
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fake), ==, 1);
  path = loy_fake_piggy_dup_last_path (fake);
  g_assert_true (g_str_has_suffix (path, "/rewards"));
  assert_queries (fake, "page=1&limit=1", NULL);
}

/* Nothing listens where the account points (like http://127.0.0.1:9/api). */
static void
test_check_account_unreachable (void)
{
  g_autoptr(LoyFakePiggy) gone = loy_fake_piggy_new (API_KEY);
  g_autofree char *base_url = g_strdup (loy_fake_piggy_get_base_url (gone));
  g_autoptr(LoyRestStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&gone, loy_fake_piggy_free);
  store = loy_rest_store_new (base_url, API_KEY);

  g_assert_false (check_account (store, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NETWORK);
  g_assert_true (g_str_has_prefix (error->message, "Could not reach the server: "));
}

static void
test_check_account_refused_key (LoyStoreFixture *fixture,
                                gconstpointer    data)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new (loy_fake_piggy_get_base_url (FAKE (fixture)),
                                                      "x");
  g_autoptr(GError) error = NULL;

  g_assert_false (check_account (store, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==,
                   "The API key was refused (Unauthenticated.): check that it is this "
                   "account’s key");
}

/* Something answers, but not as the API: each says so, naming the address. */
static void
test_check_account_not_piggy (LoyStoreFixture *fixture,
                              gconstpointer    data)
{
  static const struct {
    guint       status;
    const char *body;
    const char *reason;
  } answers[] = {
    { 200, "{\"status\": \"ok\"}", "The server’s response has no “data”" },
    { 200, "<!DOCTYPE html><html><body>Welcome</body></html>", NULL },
    { 200, "{\"data\": {\"name\": \"Shop\"}}", "The server sent a reward list that is not a JSON array" },
    { 200, "{\"data\": [{\"title\": \"No UUID\"}]}", "The server sent a reward without a “uuid”" },
    { 404, "<html><body>Not Found</body></html>", "The server answered “404 Not Found”" },
  };
  LoyFakePiggy *fake = FAKE (fixture);
  g_autofree char *prefix = g_strdup_printf ("%s does not answer as a Piggy API: ",
                                             loy_fake_piggy_get_base_url (fake));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;

      loy_fake_piggy_set_response (fake, answers[i].status, answers[i].body);
      g_assert_false (check_account (LOY_REST_STORE (fixture->store), NULL, &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (answers[i].reason != NULL)
        g_assert_cmpstr (error->message + strlen (prefix), ==, answers[i].reason);
    }
}

static void
test_check_account_cancel (LoyStoreFixture *fixture,
                           gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  loy_fake_piggy_set_delay (FAKE (fixture), 5000);
  g_timeout_add_once (100, cancel_cb, cancellable);
  start = g_get_monotonic_time ();

  g_assert_false (check_account (LOY_REST_STORE (fixture->store), cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

/* What the Connect button's hint asks for is what is accepted. */
static void
test_check_base_url (void)
{
  static const char * const accepted[] = {
    "https://api.piggy.eu/api/v3/oauth/clients",
    "HTTPS://api.piggy.eu",
    "http://127.0.0.1:9/api",
    "http://localhost:8080/api",
    "http://[::1]:8080/api",
  };
  static const struct {
    const char *url;
    const char *message;
  } refused[] = {
    { "http://api.piggy.eu/api", "“http://api.piggy.eu/api” would send the API key unencrypted: "
                                 "enter an address starting with https:// (http:// is for a server "
                                 "on this computer only)" },
    { "ftp://example.com/api", "“ftp://example.com/api” is not a server address: enter one "
                               "starting with https://" },
    { "api.piggy.eu", "“api.piggy.eu” is not a server address: enter one starting with https://" },
    { "https://", "“https://” is not a server address: enter one starting with https://" },
    { "", "“” is not a server address: enter one starting with https://" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (loy_rest_store_check_base_url (accepted[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(LoyRestStore) store = loy_rest_store_new (refused[i].url, API_KEY);
      g_autoptr(GError) error = NULL;

      g_assert_false (loy_rest_store_check_base_url (refused[i].url, &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_clear_error (&error);

      /* Nor does the store send the key there. */
      g_assert_false (check_account (store, NULL, &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
    }
}

#define ADD_REST_TEST(path, func) \
  g_test_add ("/rest-store/" path, LoyStoreFixture, NULL, rest_test_setup, func, rest_test_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  loy_store_tests_add_common ("rest", rest_setup, rest_teardown);

  ADD_REST_TEST ("request-headers", test_request_headers);
  ADD_REST_TEST ("base-url-trailing-slash", test_base_url_trailing_slash);
  ADD_REST_TEST ("unauthorized", test_unauthorized);
  ADD_REST_TEST ("error-codes", test_error_codes);
  ADD_REST_TEST ("malformed-responses", test_malformed_responses);
  ADD_REST_TEST ("timeout", test_timeout);
  ADD_REST_TEST ("cancel", test_cancel);
  ADD_REST_TEST ("get-reward-example", test_get_reward_example);
  ADD_REST_TEST ("list-seed-rewards", test_list_seed_rewards);
  ADD_REST_TEST ("update", test_update);
  ADD_REST_TEST ("update-unsupported-field", test_update_unsupported_field);
  ADD_REST_TEST ("update-refused", test_update_refused);
  ADD_REST_TEST ("paging", test_paging);
  ADD_REST_TEST ("search", test_search);
  ADD_REST_TEST ("visible-to-contact", test_visible_to_contact);
  ADD_REST_TEST ("check-account", test_check_account);
  ADD_REST_TEST ("check-account/refused-key", test_check_account_refused_key);
  ADD_REST_TEST ("check-account/not-piggy", test_check_account_not_piggy);
  ADD_REST_TEST ("check-account/cancel", test_check_account_cancel);
  for (guint i = 0; i < G_N_ELEMENTS (unsupported_filters); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rest-store/unsupported-filter/%s",
                                               unsupported_filters[i]);

      g_test_add (path, LoyStoreFixture, unsupported_filters[i],
                  rest_test_setup, test_unsupported_filter, rest_test_teardown);
    }
  g_test_add_func ("/rest-store/network-failure", test_network_failure);
  g_test_add_func ("/rest-store/invalid-base-url", test_invalid_base_url);
  g_test_add_func ("/rest-store/check-account/unreachable", test_check_account_unreachable);
  g_test_add_func ("/rest-store/check-base-url", test_check_base_url);

  return g_test_run ();
}
