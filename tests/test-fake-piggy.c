/* test-fake-piggy.c — the fake server answers as PIGGY-API.md says Piggy does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "loy-fake-piggy.h"

#define API_KEY "fake-test-key"

typedef struct
{
  LoyFakePiggy *fake;
  SoupSession  *session;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = loy_fake_piggy_new (API_KEY);
  fixture->session = soup_session_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->fake, loy_fake_piggy_free);
}

/* Sends @method @path (below the base URL) with @body; returns the parsed
 * answer (NULL when the connection dropped) and its status. */
static JsonNode *
send_request (Fixture     *fixture,
              const char  *method,
              const char  *path,
              const char  *body,
              guint       *status,
              GError     **error)
{
  g_autofree char *url = g_strconcat (loy_fake_piggy_get_base_url (fixture->fake), path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", "Bearer " API_KEY);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  answer = soup_session_send_and_read (fixture->session, message, NULL, error);
  if (answer == NULL)
    return NULL;

  *status = soup_message_get_status (message);
  return json_from_string (g_bytes_get_data (answer, NULL), NULL);
}

static JsonNode *
request_ok (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *body)
{
  g_autoptr(GError) error = NULL;
  guint status = 0;
  JsonNode *root = send_request (fixture, method, path, body, &status, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (root);
  g_assert_true (json_object_has_member (json_node_get_object (root), "data"));
  return root;
}

static JsonObject *
get_object (JsonNode   *root,
            const char *member)
{
  return json_object_get_object_member (json_node_get_object (root), member);
}

static JsonArray *
get_data_array (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "data");
}

static void
test_pages_of_ten (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) last = NULL;
  JsonObject *meta;

  loy_fake_piggy_add_contacts (fixture->fake, 24);

  /* 25 contacts: a limit of 100 still gives 10, and "limit" comes back as text. */
  first = request_ok (fixture, "GET", "/contacts?page=1&limit=100", NULL);
  g_assert_cmpuint (json_array_get_length (get_data_array (first)), ==, 10);
  meta = get_object (first, "meta");
  g_assert_cmpstr (json_object_get_string_member (meta, "limit"), ==, "10");
  g_assert_cmpint (json_object_get_int_member (meta, "last_page"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (meta, "total"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (meta, "viewing_from"), ==, 1);

  last = request_ok (fixture, "GET", "/contacts?page=3&limit=2", NULL);
  g_assert_cmpuint (json_array_get_length (get_data_array (last)), ==, 5);
}

static void
test_meta_shapes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonNode *meta;

  loy_fake_piggy_set_meta_shape (fixture->fake, LOY_FAKE_PIGGY_META_B);
  b = request_ok (fixture, "GET", "/contacts", NULL);
  g_assert_cmpstr (json_object_get_string_member (get_object (b, "meta"), "per_page"), ==, "10");
  g_assert_cmpint (json_object_get_int_member (get_object (b, "meta"), "current_page"), ==, 1);

  loy_fake_piggy_set_meta_shape (fixture->fake, LOY_FAKE_PIGGY_META_C);
  c = request_ok (fixture, "GET", "/contacts", NULL);
  g_assert_cmpint (json_object_get_int_member (get_object (c, "meta"), "per_page"), ==, 10);

  loy_fake_piggy_set_meta_shape (fixture->fake, LOY_FAKE_PIGGY_META_EMPTY_ARRAY);
  empty = request_ok (fixture, "GET", "/contacts", NULL);
  meta = json_object_get_member (json_node_get_object (empty), "meta");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (meta));

  /* One record comes with "meta": []. */
  one = request_ok (fixture, "GET", "/contacts/" LOY_FAKE_PIGGY_CONTACT_UUID, NULL);
  meta = json_object_get_member (json_node_get_object (one), "meta");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (meta));
  g_assert_cmpstr (json_object_get_string_member (get_object (one, "data"), "email"), ==,
                   LOY_FAKE_PIGGY_CONTACT_EMAIL);
}

static void
assert_error (Fixture    *fixture,
              const char *method,
              const char *path,
              const char *body,
              guint       expected_status,
              gint64      expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint status = 0;
  JsonObject *object;

  root = send_request (fixture, method, path, body, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, expected_status);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "code"), ==, expected_code);
  g_assert_cmpstr (json_object_get_string_member (object, "message"), !=, "");
  g_assert_false (json_object_has_member (object, "data"));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  assert_error (fixture, "GET", "/contacts/00000000-0000-4000-8000-000000000000", NULL, 404, 55031);
  assert_error (fixture, "POST", "/contacts", "{\"email\": \"not an email\"}", 422, 1003);
  assert_error (fixture, "POST", "/contacts", "{\"email\": \"" LOY_FAKE_PIGGY_CONTACT_EMAIL "\"}",
                400, 60005);
  assert_error (fixture, "POST", "/credit-receptions",
                "{\"contact_uuid\": \"" LOY_FAKE_PIGGY_CONTACT_UUID "\", \"shop_uuid\": \"x\", \"credits\": 5}",
                404, 1008);
  assert_error (fixture, "POST", "/reward-receptions",
                "{\"contact_uuid\": \"" LOY_FAKE_PIGGY_CONTACT_UUID "\", \"shop_uuid\": \""
                LOY_FAKE_PIGGY_SHOP_UUID "\", \"reward_uuid\": \"bcd51b4b-88be-4a5d-b658-0e59dc1dabbc\"}",
                400, 1017);
  g_assert_cmpuint (loy_fake_piggy_get_n_writes (fixture->fake), ==, 0);
}

static void
test_receptions (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) award = NULL;
  g_autoptr(JsonNode) redeem = NULL;
  g_autoptr(JsonNode) reverse = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autofree char *path = NULL;
  JsonObject *reception;

  award = request_ok (fixture, "POST", "/credit-receptions",
                      "{\"contact_uuid\": \"" LOY_FAKE_PIGGY_CONTACT_UUID "\", \"shop_uuid\": \""
                      LOY_FAKE_PIGGY_SHOP_UUID "\", \"unit_value\": 30.40}");
  reception = get_object (award, "data");
  g_assert_cmpstr (json_object_get_string_member (reception, "type"), ==, "credit_reception");
  g_assert_cmpint (json_object_get_int_member (reception, "credits"), ==, 30);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 30);

  redeem = request_ok (fixture, "POST", "/reward-receptions",
                       "{\"contact_uuid\": \"" LOY_FAKE_PIGGY_CONTACT_UUID "\", \"shop_uuid\": \""
                       LOY_FAKE_PIGGY_SHOP_UUID "\", \"reward_uuid\": \"6bfe1e50-b13a-49ab-85c9-98cd8b734da2\"}");
  reception = get_object (redeem, "data");
  g_assert_cmpstr (json_object_get_string_member (reception, "type"), ==, "digital_reward_reception");
  g_assert_cmpint (json_object_get_int_member (reception, "credits"), ==, -25);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reception, "digital_reward_code"),
                                                  "code"), ==, "JELLY-0001");
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 5);

  path = g_strdup_printf ("/reward-receptions/%s/reverse", json_object_get_string_member (reception, "uuid"));
  reverse = request_ok (fixture, "POST", path, NULL);
  g_assert_cmpstr (json_object_get_string_member (get_object (reverse, "data"), "type"), ==, "credit_reception");
  g_assert_cmpint (json_object_get_int_member (get_object (reverse, "data"), "credits"), ==, 25);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 30);
  /* At most once. */
  assert_error (fixture, "POST", path, NULL, 400, 1003);

  history = request_ok (fixture, "GET", "/loyalty-transactions?contact_uuid=" LOY_FAKE_PIGGY_CONTACT_UUID, NULL);
  g_assert_cmpuint (json_array_get_length (get_data_array (history)), ==, 3);
  /* Newest first. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (get_data_array (history), 0),
                                               "credits"), ==, 25);
  g_assert_cmpuint (loy_fake_piggy_get_n_writes (fixture->fake), ==, 3);
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  static const char award[] = "{\"contact_uuid\": \"" LOY_FAKE_PIGGY_CONTACT_UUID "\", \"shop_uuid\": \""
                              LOY_FAKE_PIGGY_SHOP_UUID "\", \"credits\": 7}";
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint status = 0;

  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_RATE_LIMITED);
  loy_fake_piggy_add_fault (fixture->fake, "GET", LOY_FAKE_PIGGY_FAULT_MAINTENANCE);
  loy_fake_piggy_add_fault (fixture->fake, "POST", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR);
  loy_fake_piggy_add_fault (fixture->fake, "POST", LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED);
  loy_fake_piggy_add_fault (fixture->fake, "POST", LOY_FAKE_PIGGY_FAULT_DROP_APPLIED);

  root = send_request (fixture, "GET", "/shops", NULL, &status, &error);
  g_assert_cmpuint (status, ==, 429);
  g_clear_pointer (&root, json_node_unref);
  root = send_request (fixture, "GET", "/shops", NULL, &status, &error);
  g_assert_cmpuint (status, ==, 503);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "message"), ==,
                   "The service is down for maintenance");
  g_clear_pointer (&root, json_node_unref);
  /* Each fault once: the next read is served. */
  root = request_ok (fixture, "GET", "/shops", NULL);
  g_clear_pointer (&root, json_node_unref);

  root = send_request (fixture, "POST", "/credit-receptions", award, &status, &error);
  g_assert_cmpuint (status, ==, 500);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 0);
  g_clear_pointer (&root, json_node_unref);

  root = send_request (fixture, "POST", "/credit-receptions", award, &status, &error);
  g_assert_cmpuint (status, ==, 500);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 7);
  g_clear_pointer (&root, json_node_unref);

  root = send_request (fixture, "POST", "/credit-receptions", award, &status, &error);
  g_assert_null (root);
  g_assert_nonnull (error);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, LOY_FAKE_PIGGY_CONTACT_UUID), ==, 14);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", "/credit-receptions"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/fake-piggy/pages-of-ten", Fixture, NULL, fixture_setup, test_pages_of_ten, fixture_teardown);
  g_test_add ("/fake-piggy/meta-shapes", Fixture, NULL, fixture_setup, test_meta_shapes, fixture_teardown);
  g_test_add ("/fake-piggy/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/fake-piggy/receptions", Fixture, NULL, fixture_setup, test_receptions, fixture_teardown);
  g_test_add ("/fake-piggy/faults", Fixture, NULL, fixture_setup, test_faults, fixture_teardown);

  return g_test_run ();
}
