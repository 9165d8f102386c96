/* loy-rest-json.c — the envelope and the errors of the API's answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "loy-error.h"
#include "loy-json-private.h"
#include "loy-rest-json.h"

/* Parses @body as JSON; %NULL (and no error) when it is empty or blank. */
static JsonNode *
parse_body (GBytes  *body,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  /* json-glib refuses a NULL buffer, which is what an empty GBytes holds. */
  if (size == 0)
    return NULL;

  if (size > G_MAXSSIZE || !json_parser_load_from_data (parser, data, size, error))
    return NULL;

  return json_parser_steal_root (parser);
}

JsonNode *
loy_rest_parse_envelope (GBytes  *body,
                         GError **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root = parse_body (body, &parse_error);

  if (parse_error != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent invalid JSON: %s"), parse_error->message);
      return NULL;
    }

  if (root == NULL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                           _("The server sent an empty response"));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                           _("The server’s response is not a JSON object"));
      return NULL;
    }

  if (!json_object_has_member (json_node_get_object (root), "data"))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                           _("The server’s response has no “data”"));
      return NULL;
    }

  return g_steal_pointer (&root);
}

gboolean
loy_rest_envelope_get_total (JsonObject *envelope,
                             guint      *total)
{
  JsonNode *meta;
  JsonNode *total_node;
  gint64 value;

  g_return_val_if_fail (envelope != NULL, FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  meta = json_object_get_member (envelope, "meta");
  if (meta == NULL || !JSON_NODE_HOLDS_OBJECT (meta))
    return FALSE;

  total_node = json_object_get_member (json_node_get_object (meta), "total");
  if (total_node == NULL || !_loy_json_node_get_int64 (total_node, &value) || value < 0 || value > G_MAXUINT)
    return FALSE;

  *total = value;
  return TRUE;
}

/* A whole number of at least @min from @meta's @member, a number or text. */
static gint64
get_meta_number (JsonObject *meta,
                 const char *member,
                 gint64      min)
{
  JsonNode *node = json_object_get_member (meta, member);
  const char *text;
  gint64 value;

  if (node == NULL)
    return -1;

  if (_loy_json_node_get_string (node, &text))
    {
      if (!g_ascii_string_to_signed (text, 10, min, G_MAXINT32, &value, NULL))
        return -1;
    }
  else if (!_loy_json_node_get_int64 (node, &value) || value < min || value > G_MAXINT32)
    {
      return -1;
    }

  return value;
}

void
loy_rest_envelope_get_paging (JsonObject    *envelope,
                              LoyRestPaging *paging)
{
  JsonNode *node;
  JsonObject *meta;

  g_return_if_fail (envelope != NULL);
  g_return_if_fail (paging != NULL);

  paging->page = paging->per_page = paging->last_page = paging->total = -1;

  node = json_object_get_member (envelope, "meta");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  meta = json_node_get_object (node);
  paging->page = get_meta_number (meta, json_object_has_member (meta, "current_page") ? "current_page" : "page", 1);
  paging->per_page = get_meta_number (meta, json_object_has_member (meta, "per_page") ? "per_page" : "limit", 1);
  paging->last_page = get_meta_number (meta, "last_page", 1);
  paging->total = get_meta_number (meta, "total", 0);
}

/* "errors" holds the details of a refused input, as {"field": ["why", …]},
 * {"field": "why"} or ["why", …]; collects every text in it. */
static void
collect_error_details (JsonNode  *node,
                       GPtrArray *details)
{
  const char *text;

  if (_loy_json_node_get_string (node, &text))
    {
      g_ptr_array_add (details, (gpointer) text);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_error_details (json_array_get_element (array, i), details);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      /* In the server's order, as its message reads best that way. json-glib
       * 1.6 crashes on a NULL name pointer here. */
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        collect_error_details (member, details);
    }
}

static LoyError
error_code_for_response (guint  status,
                         gint64 api_code)
{
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN || api_code == 401)
    return LOY_ERROR_UNAUTHORIZED;

  switch (api_code)
    {
    case 1003:  /* Invalid input. */
      return LOY_ERROR_INVALID_INPUT;

    case 1008:  /* Shop not found. */
    case 6003:  /* Reward not found. */
    case 55031: /* Contact not found. */
    case 80002: /* Promotion not found. */
    case 80004: /* Voucher not found. */
      return LOY_ERROR_NOT_FOUND;

    case 1015:  /* Credits problems */
    case 1017:  /* Insufficient credits */
      return LOY_ERROR_INSUFFICIENT_BALANCE;

    case 1018:  /* Reward not available */
      return LOY_ERROR_NOT_VISIBLE;

    case 1019:  /* Reward out of stock */
      return LOY_ERROR_OUT_OF_STOCK;

    case 1027:  /* Unit problems */
    case 60007: /* Unit not found */
      return LOY_ERROR_INVALID_INPUT;

    case 1052:  /* Reward reception refused */
    case 1102:  /* Shop not linked to a loyalty program */
    case 60000: /* Usage limit reached */
    case 60005: /* Contact already exists */
    case 80005: /* Voucher not redeemable */
    case 80006:
      return LOY_ERROR_CONFLICT;

    default:
      break;
    }

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
      return LOY_ERROR_NOT_FOUND;

    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      return LOY_ERROR_INVALID_INPUT;

    case SOUP_STATUS_CONFLICT:
      return LOY_ERROR_CONFLICT;

    /* Passing trouble between here and the server: trying again may work. */
    case SOUP_STATUS_REQUEST_TIMEOUT:
    case 429: /* Too Many Requests: libsoup 3.2 has no name for it */
    case SOUP_STATUS_BAD_GATEWAY:
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
    case SOUP_STATUS_GATEWAY_TIMEOUT:
      return LOY_ERROR_NETWORK;

    default:
      return LOY_ERROR_FAILED;
    }
}

GError *
loy_rest_error_from_response (guint   status,
                              GBytes *body)
{
  g_autoptr(JsonNode) root = parse_body (body, NULL);
  g_autoptr(GPtrArray) details = g_ptr_array_new ();
  g_autoptr(GString) message = g_string_new (NULL);
  const char *server_message = NULL;
  gint64 api_code = 0;

  /* An error body that is not the documented object still leaves the
   * HTTP status to go by. */
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *member;

      if ((member = json_object_get_member (object, "code")) != NULL)
        _loy_json_node_get_int64 (member, &api_code);
      if ((member = json_object_get_member (object, "message")) != NULL)
        _loy_json_node_get_string (member, &server_message);
      if ((member = json_object_get_member (object, "errors")) != NULL)
        collect_error_details (member, details);
    }

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN || api_code == 401)
    {
      /* Translators: %s is what the server said, such as "Unauthenticated." */
      if (server_message != NULL && server_message[0] != '\0')
        g_string_append_printf (message, _("The API key was refused (%s)"), server_message);
      else
        g_string_append (message, _("The API key was refused"));
    }
  else if (server_message != NULL && server_message[0] != '\0')
    g_string_append (message, server_message);
  else
    g_string_append_printf (message, _("The server answered “%u %s”"),
                            status, soup_status_get_phrase (status));

  for (guint i = 0; i < details->len; i++)
    g_string_append_printf (message, i == 0 ? " (%s" : "; %s", (const char *) details->pdata[i]);
  if (details->len > 0)
    g_string_append_c (message, ')');

  return g_error_new_literal (LOY_ERROR, error_code_for_response (status, api_code), message->str);
}
