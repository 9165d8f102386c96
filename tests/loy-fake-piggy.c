/* loy-fake-piggy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-fake-piggy"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "loy-fake-piggy-private.h"

#define API_PATH     FAKE_PIGGY_API_PATH
#define REWARDS_PATH API_PATH "/rewards"

/* The "data" of the List Rewards example in seed 002, unchanged. */
static const char seed_rewards[] =
  "["
  "{"
  "\"id\": 1,"
  "\"uuid\": \"6bfe1e50-b13a-49ab-85c9-98cd8b734da2\","
  "\"title\": \"Jellyfish Net\","
  "\"type\": \"DIGITAL\","
  "\"is_active\": true,"
  "\"reward_type\": \"DIGITAL\","
  "\"description\": \"Help save the jellyfish\","
  "\"required_credits\": 25,"
  "\"media\": {"
  "\"type\": \"image\","
  "\"value\": \"https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce\""
  "},"
  "\"custom_attribute_one\": \"ABC\","
  "\"custom_attribute_two\": \"123\""
  "},"
  "{"
  "\"id\": 2,"
  "\"uuid\": \"bcd51b4b-88be-4a5d-b658-0e59dc1dabbc\","
  "\"title\": \"Krabby Patty\","
  "\"type\": \"PHYSICAL\","
  "\"is_active\": true,"
  "\"reward_type\": \"PHYSICAL\","
  "\"description\": \"Choice between Kelp Shake, Coral Bits or Barnacle Chips\","
  "\"required_credits\": 50,"
  "\"media\": {"
  "\"type\": \"image\","
  "\"value\": \"https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce\""
  "},"
  "\"custom_attribute_one\": \"DEF\","
  "\"custom_attribute_two\": \"456\","
  "\"pre_redeemable\": false,"
  "\"expiration_duration\": null"
  "},"
  "{"
  "\"id\": 3,"
  "\"uuid\": \"539483d0-fab4-40db-add5-2ec65ef12901\","
  "\"title\": \"Kelp Shake Deluxe\","
  "\"type\": \"PHYSICAL\","
  "\"is_active\": true,"
  "\"reward_type\": \"PHYSICAL\","
  "\"description\": \"Choice between Kelp Fries, Coral Shake or Seaweed Salad\","
  "\"required_credits\": 75,"
  "\"media\": {"
  "\"type\": \"image\","
  "\"value\": \"https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce\""
  "},"
  "\"custom_attribute_one\": \"GHI\","
  "\"custom_attribute_two\": \"789\","
  "\"pre_redeemable\": true,"
  "\"expiration_duration\": 6307200"
  "},"
  "{"
  "\"id\": 4,"
  "\"uuid\": \"31909cd8-a078-49a9-a7e1-aa95aa9e8c4d\","
  "\"title\": \"Krusty Krab Hat\","
  "\"type\": \"PHYSICAL\","
  "\"is_active\": true,"
  "\"reward_type\": \"PHYSICAL\","
  "\"description\": \"Size: Small Fry/Regular/Krabby/Super-Sized\","
  "\"required_credits\": 150,"
  "\"media\": {"
  "\"type\": \"image\","
  "\"value\": \"https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce\""
  "},"
  "\"custom_attribute_one\": \"JKL\","
  "\"custom_attribute_two\": \"012\","
  "\"pre_redeemable\": false,"
  "\"expiration_duration\": null"
  "}"
  "]";

typedef struct
{
  char              *method;
  char              *path_prefix;
  LoyFakePiggyFault  fault;
} Fault;

static void
fault_free (Fault *fault)
{
  g_free (fault->method);
  g_free (fault->path_prefix);
  g_free (fault);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fault, fault_free)

void
fake_piggy_set_json_response (SoupServerMessage *msg,
                   guint              status,
                   JsonNode          *root)
{
  g_autofree char *body = json_to_string (root, FALSE);
  gsize length = strlen (body);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), length);
}

static void
set_raw_response (SoupServerMessage *msg,
                  guint              status,
                  const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

void
fake_piggy_set_error_response (SoupServerMessage *msg,
                    guint              status,
                    int                code,
                    const char        *message,
                    const char        *field,
                    const char        *detail)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status_code");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_object (builder);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, field);
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, detail);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  fake_piggy_set_json_response (msg, status, root);
}

void
fake_piggy_set_data_response (SoupServerMessage *msg,
                              JsonNode          *data,
                              JsonNode          *meta)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *envelope = json_object_new ();

  json_object_set_member (envelope, "data", json_node_copy (data));
  json_object_set_member (envelope, "meta",
                          meta != NULL ? json_node_copy (meta)
                                       : json_node_init_array (json_node_alloc (), json_array_new ()));
  json_node_take_object (root, envelope);

  fake_piggy_set_json_response (msg, SOUP_STATUS_OK, root);
}

JsonObject *
fake_piggy_find_by_uuid (JsonArray  *array,
                         const char *uuid)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *record = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (record, "uuid", NULL), uuid) == 0)
        return record;
    }

  return NULL;
}

gboolean
fake_piggy_parse_query_number (GHashTable *query,
                    const char *name,
                    guint64     default_value,
                    guint64    *value)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    {
      *value = default_value;
      return TRUE;
    }

  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, value, NULL);
}

static void
serve_reward_list (LoyFakePiggy      *self,
                   SoupServerMessage *msg,
                   GHashTable        *query)
{
  guint total = json_array_get_length (self->rewards);
  g_autoptr(JsonNode) meta = json_node_init_object (json_node_alloc (), json_object_new ());
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(JsonNode) data = NULL;
  guint64 page;
  guint64 limit;
  guint64 first;
  const char *contact;

  if (!fake_piggy_parse_query_number (query, "page", 1, &page) ||
      !fake_piggy_parse_query_number (query, "limit", G_MAXUINT, &limit))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "page", "The page and limit must be positive whole numbers.");
      return;
    }

  /* Every shop shows every reward. */
  if (query != NULL && g_hash_table_lookup (query, "shop_uuid") != NULL &&
      !fake_piggy_account_has_shop (self, g_hash_table_lookup (query, "shop_uuid")))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 1008, "Shop not found.", NULL, NULL);
      return;
    }

  /* Every contact may claim every reward. */
  contact = query != NULL ? g_hash_table_lookup (query, "contact_uuid") : NULL;
  if (contact != NULL && !fake_piggy_account_has_contact (self, contact))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 55031, "Contact not found.", NULL, NULL);
      return;
    }

  if (self->ignores_paging)
    {
      page = 1;
      limit = G_MAXUINT;
    }

  for (first = (page - 1) * limit; first < total && limit > 0; first++, limit--)
    json_array_add_element (rows, json_node_copy (json_array_get_element (self->rewards, first)));

  if (self->sends_total)
    json_object_set_int_member (json_node_get_object (meta), "total", total);

  data = json_node_init_array (json_node_alloc (), rows);
  fake_piggy_set_data_response (msg, data, meta);
}

/* The API's checks: a non-empty title, a text description, credits a whole
 * number of at least zero. Other known fields are beyond what it changes. */
static const char *
find_invalid_change (JsonObject  *changes,
                     const char **detail)
{
  JsonNode *node;

  if ((node = json_object_get_member (changes, "title")) != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
       json_node_get_string (node)[0] == '\0'))
    {
      *detail = "The title must be a non-empty string.";
      return "title";
    }

  if ((node = json_object_get_member (changes, "description")) != NULL &&
      !JSON_NODE_HOLDS_NULL (node) &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING))
    {
      *detail = "The description must be a string.";
      return "description";
    }

  if ((node = json_object_get_member (changes, "required_credits")) != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
       json_node_get_int (node) < 0))
    {
      *detail = "The required credits must be a number of at least 0.";
      return "required_credits";
    }

  return NULL;
}

static void
update_reward (LoyFakePiggy      *self,
               SoupServerMessage *msg,
               JsonObject        *reward)
{
  static const char * const unchangeable[] = {
    "id", "uuid", "type", "reward_type", "is_active", "active", "media", "cost_price",
    "stock", "pre_redeemable", "expiration_duration", NULL
  };
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) meta = NULL;
  const char *invalid_field;
  const char *detail = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonObject *changes;

  if (request_body->length == 0 ||
      !json_parser_load_from_data (parser, request_body->data, request_body->length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.", NULL, NULL);
      return;
    }

  changes = json_node_get_object (json_parser_get_root (parser));
  if ((invalid_field = find_invalid_change (changes, &detail)) != NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     invalid_field, detail);
      return;
    }

  /* Like the real API, silently keeps what it does not change. */
  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (!g_strv_contains (unchangeable, key))
        json_object_set_member (reward, key, json_node_copy (value));
    }

  data = json_node_init_object (json_node_alloc (), reward);
  /* Seed 002 answers one reward with "meta": {}. */
  meta = json_node_init_object (json_node_alloc (), json_object_new ());
  fake_piggy_set_data_response (msg, data, meta);
}

static void
serve_reward (LoyFakePiggy      *self,
              SoupServerMessage *msg,
              const char        *uuid)
{
  const char *method = soup_server_message_get_method (msg);
  JsonObject *reward = fake_piggy_find_by_uuid (self->rewards, uuid);
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) meta = NULL;

  if (reward == NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 6003, "Reward not found.", NULL, NULL);
      return;
    }

  if (g_str_equal (method, SOUP_METHOD_PUT))
    {
      update_reward (self, msg, reward);
      return;
    }

  data = json_node_init_object (json_node_alloc (), reward);
  /* Seed 002 answers one reward with "meta": {}. */
  meta = json_node_init_object (json_node_alloc (), json_object_new ());
  fake_piggy_set_data_response (msg, data, meta);
}

static void
record_header (const char *name,
               const char *value,
               gpointer    user_data)
{
  GHashTable *headers = user_data;

  g_hash_table_insert (headers, g_ascii_strdown (name, -1), g_strdup (value));
}

static void
record_request (LoyFakePiggy      *self,
                SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  self->n_requests++;
  g_free (self->last_method);
  self->last_method = g_strdup (soup_server_message_get_method (msg));
  g_free (self->last_path);
  self->last_path = g_strdup (g_uri_get_path (uri));
  g_free (self->last_query);
  self->last_query = g_strdup (g_uri_get_query (uri));
  g_free (self->last_body);
  self->last_body = body->length > 0 ? g_strndup (body->data, body->length) : NULL;
  if (!g_str_equal (self->last_method, SOUP_METHOD_GET))
    {
      g_free (self->last_write_body);
      self->last_write_body = g_strdup (self->last_body);
    }
  g_hash_table_remove_all (self->last_headers);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg),
                                record_header, self->last_headers);
  g_ptr_array_add (self->queries, g_strdup (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : ""));
  g_ptr_array_add (self->requests, g_strdup_printf ("%s %s", self->last_method,
                                                    g_uri_get_path (uri) + strlen (API_PATH)));
}

static gboolean
unpause_message_cb (gpointer user_data)
{
  soup_server_message_unpause (SOUP_SERVER_MESSAGE (user_data));

  return G_SOURCE_REMOVE;
}

/* The first queued fault for @method and @path, taken off the queue. */
static Fault *
take_fault (LoyFakePiggy *self,
            const char   *method,
            const char   *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);

      if ((fault->method == NULL || g_str_equal (fault->method, method)) &&
          (fault->path_prefix == NULL ||
           (g_str_has_prefix (path, API_PATH) && g_str_has_prefix (path + strlen (API_PATH), fault->path_prefix))))
        return g_ptr_array_steal_index (self->faults, i);
    }

  return NULL;
}

/* Serves @msg from the rewards or the account; @applied says whether a
 * write changed anything. */
static void
serve (LoyFakePiggy      *self,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query,
       gboolean          *applied)
{
  const char *method = soup_server_message_get_method (msg);

  *applied = FALSE;

  if (self->response_body != NULL)
    set_raw_response (msg, self->response_status, self->response_body);
  else if (g_str_equal (path, REWARDS_PATH) && g_str_equal (method, SOUP_METHOD_GET))
    serve_reward_list (self, msg, query);
  else if (g_str_has_prefix (path, REWARDS_PATH "/") &&
           (g_str_equal (method, SOUP_METHOD_GET) || g_str_equal (method, SOUP_METHOD_PUT)))
    {
      serve_reward (self, msg, path + strlen (REWARDS_PATH "/"));
      *applied = g_str_equal (method, SOUP_METHOD_PUT) &&
                 SOUP_STATUS_IS_SUCCESSFUL (soup_server_message_get_status (msg));
    }
  else if (!fake_piggy_account_serve (self, msg, path + strlen (API_PATH), query, applied))
    fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 404, "Not found.", NULL, NULL);
}

/* Ends the connection without an answer, as a server or proxy that dies
 * mid-request would. */
static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
}

static void
handle_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  LoyFakePiggy *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autofree char *authorization = g_strconcat ("Bearer ", self->api_key, NULL);
  g_autoptr(Fault) fault = NULL;
  gboolean applied = FALSE;
  guint delay_ms = self->delay_ms;

  record_request (self, msg);

  if (g_strcmp0 (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                               "Authorization"), authorization) != 0)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNAUTHORIZED, 401, "Unauthenticated.", NULL, NULL);
      return;
    }

  fault = take_fault (self, method, path);

  if (fault == NULL ||
      fault->fault == LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED ||
      fault->fault == LOY_FAKE_PIGGY_FAULT_DROP_APPLIED ||
      fault->fault == LOY_FAKE_PIGGY_FAULT_STALL_APPLIED)
    serve (self, msg, path, query, &applied);

  if (applied)
    self->n_writes++;

  if (fault != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, self->retry_after);
      g_autofree char *retry_after = self->retry_after_as_date
                                     ? soup_date_time_to_string (then, SOUP_DATE_HTTP)
                                     : g_strdup_printf ("%u", self->retry_after);

      switch (fault->fault)
        {
        case LOY_FAKE_PIGGY_FAULT_RATE_LIMITED:
          fake_piggy_set_error_response (msg, 429, 429, "Too Many Attempts.", NULL, NULL);
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", retry_after);
          break;

        case LOY_FAKE_PIGGY_FAULT_MAINTENANCE:
          fake_piggy_set_error_response (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, 503,
                                         "The service is down for maintenance", NULL, NULL);
          break;

        case LOY_FAKE_PIGGY_FAULT_SERVER_ERROR:
        case LOY_FAKE_PIGGY_FAULT_SERVER_ERROR_APPLIED:
          fake_piggy_set_error_response (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, 500,
                                         "Server Error", NULL, NULL);
          break;

        case LOY_FAKE_PIGGY_FAULT_DROP:
        case LOY_FAKE_PIGGY_FAULT_DROP_APPLIED:
          drop_connection (msg);
          return;

        case LOY_FAKE_PIGGY_FAULT_STALL_APPLIED:
          delay_ms = LOY_FAKE_PIGGY_STALL_MS;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (delay_ms > 0)
    {
      g_autoptr(GSource) source = g_timeout_source_new (delay_ms);

      soup_server_message_pause (msg);
      g_source_set_callback (source, unpause_message_cb, g_object_ref (msg), g_object_unref);
      g_source_attach (source, self->context);
    }
}

static gpointer
run_server_thread (gpointer user_data)
{
  LoyFakePiggy *self = user_data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, API_PATH, handle_request_cb, self, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("The fake server cannot listen: %s", error->message);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);

  g_mutex_lock (&self->mutex);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d" API_PATH, g_uri_get_port (uris->data));
  self->listening = TRUE;
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->mutex);

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  while (!g_atomic_int_get (&self->stopping))
    g_main_context_iteration (self->context, TRUE);

  soup_server_disconnect (server);
  g_clear_object (&server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

LoyFakePiggy *
loy_fake_piggy_new (const char *api_key)
{
  LoyFakePiggy *self = g_new0 (LoyFakePiggy, 1);
  g_autoptr(JsonNode) rewards = json_from_string (seed_rewards, NULL);

  g_assert_nonnull (rewards);

  self->api_key = g_strdup (api_key);
  self->rewards = json_array_ref (json_node_get_array (rewards));
  self->last_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->queries = g_ptr_array_new_with_free_func (g_free);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_free);
  self->retry_after = 1;
  self->credits_per_unit = 1;
  fake_piggy_account_init (self);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->started);

  self->context = g_main_context_new ();
  self->thread = g_thread_new ("fake-piggy", run_server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->listening)
    g_cond_wait (&self->started, &self->mutex);
  g_mutex_unlock (&self->mutex);

  return self;
}

void
loy_fake_piggy_free (LoyFakePiggy *self)
{
  if (self == NULL)
    return;

  /* A flag rather than g_main_loop_quit(), which is lost when it comes
   * before the loop runs. */
  g_atomic_int_set (&self->stopping, TRUE);
  g_main_context_wakeup (self->context);
  g_thread_join (self->thread);

  /* Also drops the answers still held back by a delay. */
  g_main_context_unref (self->context);

  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->started);
  g_clear_pointer (&self->rewards, json_array_unref);
  g_clear_pointer (&self->last_headers, g_hash_table_unref);
  g_clear_pointer (&self->queries, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->faults, g_ptr_array_unref);
  fake_piggy_account_clear (self);
  g_free (self->base_url);
  g_free (self->api_key);
  g_free (self->response_body);
  g_free (self->last_method);
  g_free (self->last_path);
  g_free (self->last_query);
  g_free (self->last_body);
  g_free (self->last_write_body);
  g_free (self);
}

const char *
loy_fake_piggy_get_base_url (LoyFakePiggy *self)
{
  return self->base_url;
}

void
loy_fake_piggy_set_response (LoyFakePiggy *self,
                             guint         status,
                             const char   *body)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->response_status = status;
  g_free (self->response_body);
  self->response_body = g_strdup (body);
}

void
loy_fake_piggy_set_delay (LoyFakePiggy *self,
                          guint         milliseconds)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->delay_ms = milliseconds;
}

void
loy_fake_piggy_set_sends_total (LoyFakePiggy *self,
                                gboolean      sends_total)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->sends_total = sends_total;
}

void
loy_fake_piggy_set_ignores_paging (LoyFakePiggy *self,
                                   gboolean      ignores_paging)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->ignores_paging = ignores_paging;
}

guint
loy_fake_piggy_get_n_requests (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->n_requests;
}

char *
loy_fake_piggy_dup_last_method (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return g_strdup (self->last_method);
}

char *
loy_fake_piggy_dup_last_path (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return g_strdup (self->last_path);
}

char *
loy_fake_piggy_dup_last_query (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return g_strdup (self->last_query);
}

char *
loy_fake_piggy_dup_last_body (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return g_strdup (self->last_body);
}

char *
loy_fake_piggy_dup_last_write_body (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return g_strdup (self->last_write_body);
}

char *
loy_fake_piggy_dup_last_header (LoyFakePiggy *self,
                                const char   *name)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autofree char *key = g_ascii_strdown (name, -1);

  return g_strdup (g_hash_table_lookup (self->last_headers, key));
}

char **
loy_fake_piggy_dup_queries (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **queries;

  for (guint i = 0; i < self->queries->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->queries, i));

  queries = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return queries;
}

void
loy_fake_piggy_add_fault (LoyFakePiggy      *self,
                          const char        *method,
                          LoyFakePiggyFault  fault)
{
  loy_fake_piggy_add_path_fault (self, method, NULL, fault);
}

void
loy_fake_piggy_add_path_fault (LoyFakePiggy      *self,
                               const char        *method,
                               const char        *path_prefix,
                               LoyFakePiggyFault  fault)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  Fault *queued = g_new0 (Fault, 1);

  queued->method = g_strdup (method);
  queued->path_prefix = g_strdup (path_prefix);
  queued->fault = fault;
  g_ptr_array_add (self->faults, queued);
}

void
loy_fake_piggy_set_credits_per_unit (LoyFakePiggy *self,
                                     guint         credits)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->credits_per_unit = credits;
}

void
loy_fake_piggy_set_api_key (LoyFakePiggy *self,
                            const char   *api_key)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  g_free (self->api_key);
  self->api_key = g_strdup (api_key);
}

void
loy_fake_piggy_set_retry_after (LoyFakePiggy *self,
                                guint         seconds)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->retry_after = seconds;
}

void
loy_fake_piggy_set_retry_after_as_date (LoyFakePiggy *self,
                                        gboolean      as_date)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->retry_after_as_date = as_date;
}

void
loy_fake_piggy_set_meta_shape (LoyFakePiggy     *self,
                               LoyFakePiggyMeta  shape)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  self->meta_shape = shape;
}

guint
loy_fake_piggy_get_n_writes (LoyFakePiggy *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->n_writes;
}

guint
loy_fake_piggy_count_requests (LoyFakePiggy *self,
                               const char   *method,
                               const char   *path_prefix)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autofree char *prefix = g_strdup_printf ("%s %s", method, path_prefix);
  guint n = 0;

  for (guint i = 0; i < self->requests->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (self->requests, i), prefix))
      n++;

  return n;
}
