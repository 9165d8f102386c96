/* loy-rest-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "loy-error.h"
#include "loy-json.h"
#include "loy-reward-changes.h"
#include "loy-rest-json.h"
#include "loy-rest-store.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define MAX_TIMEOUT_SECONDS     (24 * 60 * 60)

/* The API has no search parameter, so a search fetches the whole reward
 * list (reward lists are small) in pages of this size and filters it here. */
#define WHOLE_LIST_PAGE_SIZE 100
/* The page size for a query that only counts (limit 0). */
#define COUNT_PAGE_SIZE      50
/* A server whose pages never end would otherwise keep a query going forever. */
#define MAX_PAGES_PER_QUERY  1000

struct _LoyRestStore
{
  GObject      parent_instance;

  SoupSession *session;
  /* Without a trailing slash, so that a resource path can follow. */
  char        *base_url;
  char        *api_key;
  guint        timeout;
};

static void loy_rest_store_iface_init (LoyStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyRestStore, loy_rest_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_STORE, loy_rest_store_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* One HTTP exchange: the task data of loy_rest_store_request_async(). */
typedef struct
{
  SoupMessage  *message;
  /* Cancelled by the caller's cancellable or by the timeout. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_cancelled_id;
  GSource      *timeout_source;
  guint         timeout;
  gboolean      timed_out;
} Request;

static void
request_free (Request *request)
{
  if (request->caller_cancelled_id != 0)
    g_cancellable_disconnect (request->caller_cancellable, request->caller_cancelled_id);

  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_source_unref (request->timeout_source);
    }

  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  g_free (request);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* The session's own timeout bounds each socket read or write, not a server
 * that trickles its answer or never sends one: this bounds the whole request. */
static gboolean
request_timed_out_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);

  return G_SOURCE_REMOVE;
}

static gboolean
host_is_this_computer (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps an IPv6 literal's brackets off. */
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
loy_rest_store_check_base_url (const char  *base_url,
                               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (base_url != NULL, FALSE);

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (uri == NULL || host == NULL || host[0] == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not a server address: enter one starting with https://"),
                   base_url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !host_is_this_computer (host))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” would send the API key unencrypted: enter an address starting with "
                     "https:// (http:// is for a server on this computer only)"),
                   base_url);
      return FALSE;
    }

  return TRUE;
}

static void
request_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (body == NULL)
    {
      if (request->timed_out)
        g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_TIMEOUT,
                                 ngettext ("The server did not answer within %u second",
                                           "The server did not answer within %u seconds",
                                           request->timeout),
                                 request->timeout);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NETWORK,
                                 _("Could not reach the server: %s"), error->message);
      return;
    }

  /* HTTP errors are not GErrors: the status tells. */
  status = soup_message_get_status (request->message);
  g_debug ("%s %s: %u", soup_message_get_method (request->message),
           g_uri_get_path (soup_message_get_uri (request->message)), status);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, loy_rest_error_from_response (status, body));
      return;
    }

  if (!(root = loy_rest_parse_envelope (body, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

/* Sends @method to the base URL followed by @path_and_query, with @body (a
 * JSON node, or %NULL) as the request body; the result is the response's
 * envelope, see loy_rest_parse_envelope(). */
static void
loy_rest_store_request_async (LoyRestStore        *self,
                              const char          *method,
                              const char          *path_and_query,
                              JsonNode            *body,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  Request *request;

  g_assert (LOY_IS_REST_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_store_request_async);

  url = g_strconcat (self->base_url, path_and_query, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  if (!loy_rest_store_check_base_url (self->base_url, &error) || uri == NULL)
    {
      if (error == NULL)
        g_set_error (&error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                     _("“%s” is not a server address: enter one starting with https://"),
                     url);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = g_new0 (Request, 1);
  request->message = soup_message_new_from_uri (method, uri);
  request->cancellable = g_cancellable_new ();
  request->timeout = self->timeout;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  headers = soup_message_get_request_headers (request->message);
  authorization = g_strconcat ("Bearer ", self->api_key, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (body != NULL)
    {
      g_autofree char *json = json_to_string (body, FALSE);
      gsize length = strlen (json);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&json), length);

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }

  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_cancelled_id =
        g_cancellable_connect (cancellable,
                               G_CALLBACK (caller_cancelled_cb),
                               g_object_ref (request->cancellable),
                               g_object_unref);
    }

  if (self->timeout > 0)
    {
      request->timeout_source = g_timeout_source_new (self->timeout * 1000);
      g_source_set_callback (request->timeout_source, request_timed_out_cb, request, NULL);
      g_source_set_static_name (request->timeout_source, "[loy-rest] request timeout");
      g_source_attach (request->timeout_source, g_task_get_context (task));
    }

  soup_session_send_and_read_async (self->session,
                                    request->message,
                                    G_PRIORITY_DEFAULT,
                                    request->cancellable,
                                    request_sent_cb,
                                    g_steal_pointer (&task));
}

static JsonNode *
loy_rest_store_request_finish (LoyRestStore  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_assert (g_task_is_valid (result, self));
  g_assert (g_task_get_source_tag (G_TASK (result)) == loy_rest_store_request_async);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonNode *
envelope_get_data (JsonNode *envelope)
{
  return json_object_get_member (json_node_get_object (envelope), "data");
}

static char *
reward_path (const char *uuid)
{
  g_autofree char *escaped = g_uri_escape_string (uuid, NULL, TRUE);

  return g_strconcat ("/rewards/", escaped, NULL);
}

static void
report_not_supported (LoyRestStore        *self,
                      gpointer             source_tag,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_task_report_new_error (self, callback, user_data, source_tag,
                           LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _("The server does not offer this kind of record"));
}

static LoyStoreCapabilities
loy_rest_store_get_capabilities (LoyStore *store)
{
  return LOY_STORE_CAN_LIST_REWARDS | LOY_STORE_CAN_UPDATE_REWARDS | LOY_STORE_CAN_SEARCH;
}

static char *
loy_rest_store_get_description (LoyStore *store)
{
  return g_strdup (LOY_REST_STORE (store)->base_url);
}

/* Querying rewards.
 *
 * The API numbers its pages from 1 and takes their size as "limit", so a
 * query for [offset, offset + limit) asks for pages of size limit from the
 * one holding offset on, and keeps the rows in range. The total comes from
 * "meta": {"total": n} when the server sends it. The seed's server sends
 * "meta": {}, so otherwise the total is found where the list ends: at the
 * first page shorter than requested, walking on past the range if need be
 * (reward lists are small). A server that ignores paging and sends more rows
 * than asked for has sent the whole list. */

typedef struct
{
  /* Casefolded; NULL when only the rows in range are kept. */
  char      *search;
  /* Only the rewards this contact can claim (the API's contact_uuid). */
  char      *contact_uuid;
  guint      offset;
  guint      limit;
  guint      page_size;
  /* The page being fetched, from 1. */
  guint      page;
  /* Whether the list is known to reach the first row of that page. */
  gboolean   page_within_list;
  guint      n_pages_fetched;
  /* (element-type LoyReward): the rows in range, or every row for a search. */
  GPtrArray *rewards;
} QueryState;

static void
query_state_free (QueryState *state)
{
  g_clear_pointer (&state->search, g_free);
  g_clear_pointer (&state->contact_uuid, g_free);
  g_clear_pointer (&state->rewards, g_ptr_array_unref);
  g_free (state);
}

static void query_fetch_page (GTask *task);

static gboolean
text_matches (const char *text,
              const char *casefolded_search)
{
  g_autofree char *casefolded = NULL;

  if (text == NULL)
    return FALSE;

  casefolded = g_utf8_casefold (text, -1);
  return strstr (casefolded, casefolded_search) != NULL;
}

static LoyPage *
query_state_build_page (QueryState *state,
                        guint       total)
{
  g_autoptr(GPtrArray) matches = NULL;
  LoyPage *page;

  if (state->search == NULL)
    {
      page = loy_page_new (total);
      g_ptr_array_extend_and_steal (page->items, g_steal_pointer (&state->rewards));
      return page;
    }

  matches = g_ptr_array_new ();
  for (guint i = 0; i < state->rewards->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (state->rewards, i);

      if (text_matches (loy_reward_get_title (reward), state->search) ||
          text_matches (loy_reward_get_description (reward), state->search))
        g_ptr_array_add (matches, reward);
    }

  page = loy_page_new (matches->len);
  for (guint i = state->offset; i < matches->len && i - state->offset < state->limit; i++)
    g_ptr_array_add (page->items, g_object_ref (g_ptr_array_index (matches, i)));

  return page;
}

static void
query_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LoyRestStore *self = LOY_REST_STORE (object);
  g_autoptr(GTask) task = user_data;
  QueryState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) rewards = NULL;
  g_autoptr(GError) error = NULL;
  guint first_index;
  guint end;
  guint total = 0;
  gboolean has_total;
  gboolean at_list_end;
  gboolean wanted_rows_fetched;

  if (!(envelope = loy_rest_store_request_finish (self, result, &error)) ||
      !(rewards = loy_rewards_from_json (envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->n_pages_fetched++;
  has_total = loy_rest_envelope_get_total (json_node_get_object (envelope), &total);
  first_index = (state->page - 1) * state->page_size;

  if (rewards->len > state->page_size)
    {
      /* Paging ignored: this is the whole list. */
      first_index = 0;
      g_ptr_array_set_size (state->rewards, 0);
      at_list_end = TRUE;
    }
  else if (rewards->len == 0 && !has_total && !state->page_within_list)
    {
      /* The range starts past the end of the list, and where the list
       * ends can only be found by walking it from the start. */
      state->page = 1;
      state->page_within_list = TRUE;
      query_fetch_page (g_steal_pointer (&task));
      return;
    }
  else
    {
      at_list_end = rewards->len < state->page_size;
    }

  for (guint i = 0; i < rewards->len; i++)
    {
      guint index = first_index + i;

      if (state->search != NULL ||
          (index >= state->offset && index - state->offset < state->limit))
        g_ptr_array_add (state->rewards, g_object_ref (g_ptr_array_index (rewards, i)));
    }

  end = first_index + rewards->len;
  if (!has_total && at_list_end)
    {
      total = end;
      has_total = TRUE;
    }

  /* A search needs every row; a plain query the rows in range. */
  if (state->search != NULL)
    wanted_rows_fetched = has_total && end >= total;
  else
    wanted_rows_fetched = has_total && (end >= total || (guint64) end >= (guint64) state->offset + state->limit);

  if (at_list_end || wanted_rows_fetched)
    {
      g_task_return_pointer (task,
                             query_state_build_page (state, total),
                             (GDestroyNotify) loy_page_free);
      return;
    }

  if (state->n_pages_fetched >= MAX_PAGES_PER_QUERY)
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                               _("The server’s list did not end after %u pages"),
                               state->n_pages_fetched);
      return;
    }

  state->page++;
  state->page_within_list = TRUE;
  query_fetch_page (g_steal_pointer (&task));
}

static void
query_fetch_page (GTask *task)
{
  LoyRestStore *self = g_task_get_source_object (task);
  QueryState *state = g_task_get_task_data (task);
  g_autofree char *escaped_contact = state->contact_uuid != NULL
                                     ? g_uri_escape_string (state->contact_uuid, NULL, FALSE)
                                     : NULL;
  g_autofree char *path = g_strdup_printf ("/rewards?page=%u&limit=%u%s%s", state->page, state->page_size,
                                           escaped_contact != NULL ? "&contact_uuid=" : "",
                                           escaped_contact != NULL ? escaped_contact : "");

  loy_rest_store_request_async (self, "GET", path, NULL,
                                g_task_get_cancellable (task),
                                query_page_cb, task);
}

/* The name of a filter of @query that the API cannot apply, or %NULL.
 * The search is done here and visible_to_contact is the API's
 * contact_uuid; ignoring any other filter would list rewards the caller
 * asked to leave out. */
static const char *
find_unsupported_filter (const LoyQuery *query)
{
  if (query->platform != 0)
    return "platform";
  if (query->shop_uuid != NULL)
    return "shop_uuid";
  if (query->only_active)
    return "only_active";
  if (query->only_inactive)
    return "only_inactive";
  if (query->reward_types != 0)
    return "reward_types";
  if (query->sort != NULL)
    return "sort";
  if (query->level_uuid != NULL)
    return "level_uuid";
  if (query->segment_uuid != NULL)
    return "segment_uuid";
  if (query->parent_uuid != NULL)
    return "parent_uuid";
  if (query->criteria != NULL)
    return "criteria";
  if (query->ledger_types != 0)
    return "ledger_types";
  if (query->exclude_uuids != NULL)
    return "exclude_uuids";

  return NULL;
}

static void
loy_rest_store_query_async (LoyStore            *store,
                            const LoyQuery      *query,
                            guint                offset,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);
  g_autoptr(GTask) task = NULL;
  const char *filter;
  QueryState *state;

  if (query->kind != LOY_KIND_REWARD)
    {
      report_not_supported (self, loy_rest_store_query_async, callback, user_data);
      return;
    }

  if ((filter = find_unsupported_filter (query)) != NULL)
    {
      g_task_report_new_error (self, callback, user_data, loy_rest_store_query_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is the name of a filter, such as shop_uuid */
                               _("The server cannot filter rewards by %s"), filter);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_store_query_async);

  state = g_new0 (QueryState, 1);
  state->offset = offset;
  state->limit = limit;
  state->rewards = g_ptr_array_new_with_free_func (g_object_unref);
  state->contact_uuid = g_strdup (query->visible_to_contact);

  if (loy_query_has_search (query))
    {
      state->search = g_utf8_casefold (query->search, -1);
      state->page_size = WHOLE_LIST_PAGE_SIZE;
      state->page = 1;
    }
  else
    {
      state->page_size = limit > 0 ? limit : COUNT_PAGE_SIZE;
      state->page = offset / state->page_size + 1;
    }

  state->page_within_list = state->page == 1;
  g_task_set_task_data (task, state, (GDestroyNotify) query_state_free);

  query_fetch_page (g_steal_pointer (&task));
}

/* Rewards one by one. */

/* Ends @task with the reward in the "data" of a request's response. */
static void
return_reward_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyReward *reward;

  if (!(envelope = loy_rest_store_request_finish (LOY_REST_STORE (object), result, &error)) ||
      !(reward = loy_reward_from_json (envelope_get_data (envelope), &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, reward, g_object_unref);
}

static void
loy_rest_store_lookup_async (LoyStore            *store,
                             LoyKind              kind,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  if (kind != LOY_KIND_REWARD)
    {
      report_not_supported (self, loy_rest_store_lookup_async, callback, user_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_store_lookup_async);

  path = reward_path (uuid);
  loy_rest_store_request_async (self, "GET", path, NULL, cancellable,
                                return_reward_cb, g_steal_pointer (&task));
}

/* The API changes the title, description, required credits and custom
 * attributes only. Any other field fails the update as a whole rather than
 * being dropped. */
static gboolean
check_changes_supported (JsonObject  *changes,
                         GError     **error)
{
  static const char * const changeable_fields[] = { "title", "description", "required_credits", NULL };
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, NULL))
    {
      if (loy_reward_json_key_is_field (key) && !g_strv_contains (changeable_fields, key))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                       _("The server cannot change a reward’s “%s”"), key);
          return FALSE;
        }
    }

  return TRUE;
}

static void
loy_rest_store_update_reward_async (LoyStore            *store,
                                    const char          *uuid,
                                    JsonObject          *changes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_store_update_reward_async);

  if (!loy_reward_changes_validate (changes, &error) ||
      !check_changes_supported (changes, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  body = json_node_init_object (json_node_alloc (), changes);
  path = reward_path (uuid);
  loy_rest_store_request_async (self, "PUT", path, body, cancellable,
                                return_reward_cb, g_steal_pointer (&task));
}

/* Trying an account */

static void
account_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LoyRestStore *self = LOY_REST_STORE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) rewards = NULL;
  g_autoptr(GError) error = NULL;

  if ((envelope = loy_rest_store_request_finish (self, result, &error)) != NULL &&
      (rewards = loy_rewards_from_json (envelope_get_data (envelope), &error)) != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, LOY_ERROR, LOY_ERROR_NETWORK) ||
      g_error_matches (error, LOY_ERROR, LOY_ERROR_TIMEOUT) ||
      g_error_matches (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_error_matches (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED))
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_UNAUTHORIZED,
                             /* Translators: %s is what the server said, such as "Unauthenticated." */
                             _("The server refused the API key (%s): check that it is this "
                               "account’s key"),
                             error->message);
  else
    /* Something answers, but not as the API does: a web page, another
     * service, a wrong path. */
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                             /* Translators: the first %s is an address, the second what was wrong */
                             _("%s does not answer as a Piggy API: %s"),
                             self->base_url, error->message);
}

void
loy_rest_store_check_account_async (LoyRestStore        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LOY_IS_REST_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_store_check_account_async);

  loy_rest_store_request_async (self, "GET", "/rewards?page=1&limit=1", NULL, cancellable,
                                account_checked_cb, g_steal_pointer (&task));
}

gboolean
loy_rest_store_check_account_finish (LoyRestStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_rest_store_check_account_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
loy_rest_store_iface_init (LoyStoreInterface *iface)
{
  iface->get_capabilities = loy_rest_store_get_capabilities;
  iface->get_description = loy_rest_store_get_description;
  iface->query_async = loy_rest_store_query_async;
  iface->lookup_async = loy_rest_store_lookup_async;
  iface->update_reward_async = loy_rest_store_update_reward_async;
}

static void
loy_rest_store_set_base_url (LoyRestStore *self,
                             const char   *base_url)
{
  gsize length = base_url != NULL ? strlen (base_url) : 0;

  while (length > 0 && base_url[length - 1] == '/')
    length--;

  g_free (self->base_url);
  self->base_url = g_strndup (base_url != NULL ? base_url : "", length);
}

static void
loy_rest_store_dispose (GObject *object)
{
  LoyRestStore *self = (LoyRestStore *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (loy_rest_store_parent_class)->dispose (object);
}

static void
loy_rest_store_finalize (GObject *object)
{
  LoyRestStore *self = (LoyRestStore *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);

  G_OBJECT_CLASS (loy_rest_store_parent_class)->finalize (object);
}

static void
loy_rest_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LoyRestStore *self = LOY_REST_STORE (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_rest_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LoyRestStore *self = LOY_REST_STORE (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      loy_rest_store_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_API_KEY:
      g_free (self->api_key);
      self->api_key = g_value_dup_string (value);
      break;

    case PROP_TIMEOUT:
      loy_rest_store_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_rest_store_class_init (LoyRestStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = loy_rest_store_dispose;
  object_class->finalize = loy_rest_store_finalize;
  object_class->get_property = loy_rest_store_get_property;
  object_class->set_property = loy_rest_store_set_property;

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Write-only, so that the key never leaves the store. */
  properties [PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Seconds a whole request may take; 0 for no limit. */
  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_rest_store_init (LoyRestStore *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->session = soup_session_new_with_options ("user-agent", "loyalty-desk/" PACKAGE_VERSION, NULL);
}

LoyRestStore *
loy_rest_store_new (const char *base_url,
                    const char *api_key)
{
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (api_key != NULL, NULL);

  return g_object_new (LOY_TYPE_REST_STORE,
                       "base-url", base_url,
                       "api-key", api_key,
                       NULL);
}

const char *
loy_rest_store_get_base_url (LoyRestStore *self)
{
  g_return_val_if_fail (LOY_IS_REST_STORE (self), NULL);

  return self->base_url;
}

guint
loy_rest_store_get_timeout (LoyRestStore *self)
{
  g_return_val_if_fail (LOY_IS_REST_STORE (self), 0);

  return self->timeout;
}

void
loy_rest_store_set_timeout (LoyRestStore *self,
                            guint         seconds)
{
  g_return_if_fail (LOY_IS_REST_STORE (self));
  g_return_if_fail (seconds <= MAX_TIMEOUT_SECONDS);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
}
