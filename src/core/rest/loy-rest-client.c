/* loy-rest-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "loy-error.h"
#include "loy-rest-cache.h"
#include "loy-rest-client.h"
#include "loy-rest-entry-notes.h"
#include "loy-rest-json.h"

#define DEFAULT_TIMEOUT_SECONDS 30
/* The pause before the second attempt of a read; it doubles each time. */
#define FIRST_RETRY_PAUSE_MS    250
#define STATUS_TOO_MANY_REQUESTS 429

struct _LoyRestClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *api_key;
  guint        timeout;
  /* The server's clock minus this computer's, in seconds. */
  gint64       clock_offset;
  /* A list's path (before "?") → its page size, as a GUINT_TO_POINTER. */
  GHashTable  *page_sizes;
  /* A list's path and query → (element-type guint) the server positions,
   * ascending, of its rows the desk does not show. */
  GHashTable  *hidden_rows;
  /* An entry's UUID → the LoyLedgerEntry. */
  GHashTable  *entries;
  /* Opened at the first write or history read; NULL after it failed. */
  LoyRestEntryNotes *notes;
  gboolean     notes_failed;
  /* Whether the server has answered a request with a success. */
  gboolean     key_accepted;
};

G_DEFINE_FINAL_TYPE (LoyRestClient, loy_rest_client, G_TYPE_OBJECT)

/* One request, over all its attempts: the task data. */
typedef struct
{
  char         *method;
  GUri         *uri;
  GBytes       *body;
  guint         attempt;

  /* The attempt under way. */
  SoupMessage  *message;
  /* Cancelled by the caller's cancellable or by the timeout. */
  GCancellable *cancellable;
  gulong        caller_cancelled_id;
  GSource      *timeout_source;
  gboolean      timed_out;
  /* The pause before the next attempt. */
  GSource      *pause_source;
} Request;

static void
request_end_attempt (Request *request,
                     GTask   *task)
{
  GCancellable *caller_cancellable = g_task_get_cancellable (task);

  if (request->caller_cancelled_id != 0)
    g_cancellable_disconnect (caller_cancellable, request->caller_cancelled_id);
  request->caller_cancelled_id = 0;

  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_clear_pointer (&request->timeout_source, g_source_unref);
    }

  g_clear_object (&request->cancellable);
  g_clear_object (&request->message);
  request->timed_out = FALSE;
}

static void
request_free (Request *request)
{
  g_assert (request->message == NULL);

  if (request->pause_source != NULL)
    {
      g_source_destroy (request->pause_source);
      g_source_unref (request->pause_source);
    }

  g_free (request->method);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static gboolean
is_read (Request *request)
{
  return g_str_equal (request->method, SOUP_METHOD_GET);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* The session's own timeout bounds each socket read or write, not a server
 * that trickles its answer or never sends one: this bounds the whole attempt. */
static gboolean
request_timed_out_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);

  return G_SOURCE_REMOVE;
}

static void send_attempt (GTask *task);

static gboolean
pause_over_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  g_clear_pointer (&request->pause_source, g_source_unref);

  if (!g_task_return_error_if_cancelled (task))
    send_attempt (g_object_ref (task));

  return G_SOURCE_REMOVE;
}

static void
pause_cancelled_cb (GCancellable *cancellable,
                    GTask        *task)
{
  Request *request = g_task_get_task_data (task);

  /* Ends the pause at once rather than when it would have. */
  if (request->pause_source != NULL)
    g_source_set_ready_time (request->pause_source, 0);
}

/* Sends the next attempt of @task after @milliseconds; a cancellation
 * ends the pause early. */
static void
retry_after (GTask *task,
             guint  milliseconds)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_debug ("%s %s: attempt %u in %u ms", request->method, g_uri_get_path (request->uri),
           request->attempt + 1, milliseconds);

  request->pause_source = g_timeout_source_new (milliseconds);
  g_source_set_callback (request->pause_source, pause_over_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (request->pause_source, "[loy-rest] retry pause");
  g_source_attach (request->pause_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      /* Connected for the pause only; the handler holds the task, which
       * the pause's own reference keeps alive. */
      g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (pause_cancelled_cb), task, 0);
    }
}

/* The pause a 429 asks for in its Retry-After, whole seconds or an HTTP
 * date (by the server's clock), or -1. */
static gint64
get_retry_after (LoyRestClient *self,
                 SoupMessage   *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return seconds;
  if (!(date = soup_date_time_new_from_http_string (value)))
    return -1;

  return MAX (g_date_time_to_unix (date) - loy_rest_client_get_server_time (self), 0);
}

static void
note_server_clock (LoyRestClient *self,
                   SoupMessage   *message)
{
  const char *date = soup_message_headers_get_one (soup_message_get_response_headers (message), "Date");
  g_autoptr(GDateTime) server_time = date != NULL ? soup_date_time_new_from_http_string (date) : NULL;

  if (server_time != NULL)
    self->clock_offset = g_date_time_to_unix (server_time) - g_get_real_time () / G_USEC_PER_SEC;
}

/* The error of an answer that is not a success. */
static GError *
error_for_status (LoyRestClient *self,
                  SoupMessage   *message,
                  GBytes        *body)
{
  guint status = soup_message_get_status (message);
  g_autoptr(GError) error = loy_rest_error_from_response (status, body);

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    return g_error_new_literal (LOY_ERROR, LOY_ERROR_NETWORK, _("The service is down for maintenance"));

  if (status == STATUS_TOO_MANY_REQUESTS)
    {
      gint64 seconds = get_retry_after (self, message);

      if (seconds > 0)
        return g_error_new (LOY_ERROR, LOY_ERROR_NETWORK,
                            ngettext ("The server is receiving too many requests: try again in %u second",
                                      "The server is receiving too many requests: try again in %u seconds",
                                      (guint) MIN (seconds, G_MAXUINT)),
                            (guint) MIN (seconds, G_MAXUINT));

      return g_error_new_literal (LOY_ERROR, LOY_ERROR_NETWORK,
                                  _("The server is receiving too many requests: try again in a minute"));
    }

  return g_steal_pointer (&error);
}

/* A write whose answer is lost may have happened. */
static GError *
outcome_unknown (const char *why)
{
  return g_error_new (LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                      _("The server’s answer was lost (%s), so the change may or may not have been made"),
                      why);
}

static void
attempt_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoyRestClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean can_retry = is_read (request) && request->attempt < LOY_REST_CLIENT_READ_ATTEMPTS;
  guint pause_ms = FIRST_RETRY_PAUSE_MS << MIN (request->attempt - 1, 8);
  JsonNode *root;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (body == NULL)
    {
      gboolean timed_out = request->timed_out;
      guint timeout = self->timeout;

      request_end_attempt (request, task);

      if (g_task_return_error_if_cancelled (task))
        return;

      /* A read without an answer in time is tried again like one whose
       * connection dropped; a write may have happened. */
      if (timed_out && !is_read (request))
        {
          g_autofree char *why = g_strdup_printf (ngettext ("no answer within %u second",
                                                            "no answer within %u seconds", timeout),
                                                  timeout);

          g_task_return_error (task, outcome_unknown (why));
        }
      else if (can_retry)
        retry_after (task, pause_ms);
      else if (timed_out)
        g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_TIMEOUT,
                                 ngettext ("The server did not answer within %u second",
                                           "The server did not answer within %u seconds", timeout),
                                 timeout);
      else if (!is_read (request))
        g_task_return_error (task, outcome_unknown (error->message));
      else
        g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NETWORK,
                                 _("Could not reach the server: %s"), error->message);
      return;
    }

  /* HTTP errors are not GErrors: the status tells. */
  status = soup_message_get_status (request->message);
  g_debug ("%s %s: %u (attempt %u)", request->method, g_uri_get_path (request->uri), status, request->attempt);
  note_server_clock (self, request->message);

  if (status == STATUS_TOO_MANY_REQUESTS && can_retry)
    {
      gint64 seconds = get_retry_after (self, request->message);

      if (seconds <= LOY_REST_CLIENT_MAX_RETRY_AFTER)
        {
          request_end_attempt (request, task);
          retry_after (task, seconds >= 0 ? (guint) seconds * 1000 : pause_ms);
          return;
        }
    }

  if (SOUP_STATUS_IS_SERVER_ERROR (status) && status != SOUP_STATUS_SERVICE_UNAVAILABLE &&
      !is_read (request))
    {
      g_autofree char *why = g_strdup_printf (_("the server answered “%u %s”"),
                                              status, soup_status_get_phrase (status));

      request_end_attempt (request, task);
      g_task_return_error (task, outcome_unknown (why));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      GError *status_error = error_for_status (self, request->message, body);

      request_end_attempt (request, task);
      g_task_return_error (task, status_error);
      return;
    }

  self->key_accepted = TRUE;
  request_end_attempt (request, task);
  if (!(root = loy_rest_parse_envelope (body, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

static void
send_attempt (GTask *task)
{
  LoyRestClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  GCancellable *caller_cancellable = g_task_get_cancellable (task);
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;

  request->attempt++;
  request->message = soup_message_new_from_uri (request->method, request->uri);
  request->cancellable = g_cancellable_new ();

  headers = soup_message_get_request_headers (request->message);
  authorization = g_strconcat ("Bearer ", self->api_key, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json", request->body);

  /* libsoup sends a write again by itself when a kept-alive connection
   * turns out closed; a write must go out once. */
  if (!is_read (request))
    soup_message_add_flags (request->message, SOUP_MESSAGE_NEW_CONNECTION);

  if (caller_cancellable != NULL)
    request->caller_cancelled_id =
      g_cancellable_connect (caller_cancellable,
                             G_CALLBACK (caller_cancelled_cb),
                             g_object_ref (request->cancellable),
                             g_object_unref);

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
                                    attempt_sent_cb,
                                    task);
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
loy_rest_client_check_base_url (const char  *base_url,
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

void
loy_rest_client_request_async (LoyRestClient       *self,
                               const char          *method,
                               const char          *path_and_query,
                               JsonNode            *body,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Request *request;
  GUri *uri;

  g_return_if_fail (LOY_IS_REST_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_client_request_async);

  url = g_strconcat (self->base_url, path_and_query, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  if (!loy_rest_client_check_base_url (self->base_url, &error) || uri == NULL)
    {
      if (error == NULL)
        g_set_error (&error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                     _("“%s” is not a server address: enter one starting with https://"),
                     url);
      g_clear_pointer (&uri, g_uri_unref);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->uri = uri;
  if (body != NULL)
    {
      g_autofree char *json = json_to_string (body, FALSE);
      gsize length = strlen (json);

      request->body = g_bytes_new_take (g_steal_pointer (&json), length);
    }
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  send_attempt (g_steal_pointer (&task));
}

JsonNode *
loy_rest_client_request_finish (LoyRestClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_rest_client_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
loy_rest_envelope_get_data (JsonNode *envelope)
{
  return json_object_get_member (json_node_get_object (envelope), "data");
}

char *
loy_rest_path_for (const char *collection,
                   const char *uuid)
{
  g_autofree char *escaped = g_uri_escape_string (uuid, NULL, TRUE);

  return g_strconcat ("/", collection, "/", escaped, NULL);
}

static void
loy_rest_client_dispose (GObject *object)
{
  LoyRestClient *self = (LoyRestClient *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (loy_rest_client_parent_class)->dispose (object);
}

static void
loy_rest_client_finalize (GObject *object)
{
  LoyRestClient *self = (LoyRestClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->page_sizes, g_hash_table_unref);
  g_clear_pointer (&self->hidden_rows, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->notes, loy_rest_entry_notes_free);

  G_OBJECT_CLASS (loy_rest_client_parent_class)->finalize (object);
}

static void
loy_rest_client_class_init (LoyRestClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = loy_rest_client_dispose;
  object_class->finalize = loy_rest_client_finalize;
}

static void
loy_rest_client_init (LoyRestClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
  self->page_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->session = soup_session_new_with_options ("user-agent", "loyalty-desk/" PACKAGE_VERSION, NULL);
}

LoyRestClient *
loy_rest_client_new (const char *base_url,
                     const char *api_key)
{
  LoyRestClient *self = g_object_new (LOY_TYPE_REST_CLIENT, NULL);
  gsize length = base_url != NULL ? strlen (base_url) : 0;

  while (length > 0 && base_url[length - 1] == '/')
    length--;

  self->base_url = g_strndup (base_url != NULL ? base_url : "", length);
  self->api_key = g_strdup (api_key);

  return self;
}

const char *
loy_rest_client_get_base_url (LoyRestClient *self)
{
  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), NULL);

  return self->base_url;
}

guint
loy_rest_client_get_timeout (LoyRestClient *self)
{
  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), 0);

  return self->timeout;
}

void
loy_rest_client_set_timeout (LoyRestClient *self,
                             guint          seconds)
{
  g_return_if_fail (LOY_IS_REST_CLIENT (self));

  self->timeout = seconds;
}

gboolean
loy_rest_client_get_key_accepted (LoyRestClient *self)
{
  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), FALSE);

  return self->key_accepted;
}

char *
loy_rest_client_dup_cache_path (LoyRestClient *self,
                                const char    *kind)
{
  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), NULL);

  return loy_rest_cache_path (self->base_url, self->api_key, kind);
}

gint64
loy_rest_client_get_server_time (LoyRestClient *self)
{
  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), 0);

  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

static char *
list_of (const char *path)
{
  const char *query = strchr (path, '?');

  return query != NULL ? g_strndup (path, query - path) : g_strdup (path);
}

guint
loy_rest_client_get_page_size (LoyRestClient *self,
                               const char    *path)
{
  g_autofree char *list = list_of (path);

  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->page_sizes, list));
}

void
loy_rest_client_set_page_size (LoyRestClient *self,
                               const char    *path,
                               guint          page_size)
{
  g_return_if_fail (LOY_IS_REST_CLIENT (self));

  g_hash_table_replace (self->page_sizes, list_of (path), GUINT_TO_POINTER (page_size));
}

void
loy_rest_client_set_hidden_rows (LoyRestClient *self,
                                 const char    *path,
                                 guint          first,
                                 guint          n_rows,
                                 GArray        *hidden)
{
  GArray *known;
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (guint));
  guint i = 0;

  g_return_if_fail (LOY_IS_REST_CLIENT (self));

  known = g_hash_table_lookup (self->hidden_rows, path);
  for (; known != NULL && i < known->len && g_array_index (known, guint, i) < first; i++)
    g_array_append_val (merged, g_array_index (known, guint, i));
  g_array_append_vals (merged, hidden->data, hidden->len);
  for (; known != NULL && i < known->len; i++)
    if (g_array_index (known, guint, i) - first >= n_rows)
      g_array_append_val (merged, g_array_index (known, guint, i));

  g_hash_table_replace (self->hidden_rows, g_strdup (path), merged);
}

guint
loy_rest_client_count_hidden_rows (LoyRestClient *self,
                                   const char    *path,
                                   guint          before)
{
  GArray *known;
  guint n = 0;

  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), 0);

  known = g_hash_table_lookup (self->hidden_rows, path);
  while (known != NULL && n < known->len && g_array_index (known, guint, n) < before)
    n++;
  return n;
}

guint
loy_rest_client_get_row_position (LoyRestClient *self,
                                  const char    *path,
                                  guint          row)
{
  GArray *known;
  guint position = row;

  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), row);

  /* Each hidden row at or before the position so far pushes it on. */
  known = g_hash_table_lookup (self->hidden_rows, path);
  for (guint i = 0; known != NULL && i < known->len && g_array_index (known, guint, i) <= position; i++)
    position++;
  return position;
}

void
loy_rest_client_remember_entry (LoyRestClient  *self,
                                LoyLedgerEntry *entry)
{
  g_return_if_fail (LOY_IS_REST_CLIENT (self));
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (entry));

  if (loy_ledger_entry_get_uuid (entry) != NULL)
    g_hash_table_replace (self->entries, g_strdup (loy_ledger_entry_get_uuid (entry)), g_object_ref (entry));
}

LoyLedgerEntry *
loy_rest_client_lookup_entry (LoyRestClient *self,
                              const char    *entry_uuid)
{
  g_return_val_if_fail (LOY_IS_REST_CLIENT (self), NULL);

  return g_hash_table_lookup (self->entries, entry_uuid);
}

/* The account's notes, or NULL when they cannot be kept (said once). */
static LoyRestEntryNotes *
get_notes (LoyRestClient *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (self->notes != NULL || self->notes_failed)
    return self->notes;

  path = loy_rest_client_dup_cache_path (self, "entries");
  /* Opened after the server answered a write or a history: its key is taken. */
  if (self->key_accepted)
    loy_rest_cache_adopt_legacy (self->base_url, "entries", path);
  if (!(self->notes = loy_rest_entry_notes_open (path, &error)))
    {
      g_message ("What this desk writes to the history is not kept: %s", error->message);
      self->notes_failed = TRUE;
    }
  return self->notes;
}

void
loy_rest_client_note_entry (LoyRestClient  *self,
                            LoyLedgerEntry *entry)
{
  LoyRestEntryNotes *notes;

  g_return_if_fail (LOY_IS_REST_CLIENT (self));
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (entry));

  loy_rest_client_remember_entry (self, entry);
  if ((notes = get_notes (self)) != NULL)
    loy_rest_entry_notes_keep (notes, entry);
}

static void
entries_recalled_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Without its notes, the history still reads, only less told. */
  if (!loy_rest_entry_notes_recall_finish (result, g_task_get_task_data (task), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s", error->message);
  g_task_return_boolean (task, TRUE);
}

void
loy_rest_client_recall_entries_async (LoyRestClient       *self,
                                      GPtrArray           *entries,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GPtrArray *unseen = g_ptr_array_new_with_free_func (g_object_unref);
  LoyRestEntryNotes *notes;

  g_return_if_fail (LOY_IS_REST_CLIENT (self));

  g_task_set_source_tag (task, loy_rest_client_recall_entries_async);
  g_task_set_task_data (task, unseen, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    if (loy_rest_client_lookup_entry (self, loy_ledger_entry_get_uuid (entries->pdata[i])) == NULL)
      g_ptr_array_add (unseen, g_object_ref (entries->pdata[i]));

  if (unseen->len == 0 || (notes = get_notes (self)) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  loy_rest_entry_notes_recall_async (notes, unseen, cancellable, entries_recalled_cb, g_steal_pointer (&task));
}

gboolean
loy_rest_client_recall_entries_finish (LoyRestClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
