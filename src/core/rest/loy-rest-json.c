/* loy-rest-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <math.h>

#include "loy-error.h"
#include "loy-rest-json.h"

typedef struct _RewardField RewardField;

typedef gboolean (*RewardFieldReader) (LoyReward          *reward,
                                       const RewardField  *field,
                                       JsonNode           *node,
                                       GError            **error);

struct _RewardField
{
  const char        *key;
  /* The LoyReward property that read_property_field() sets. */
  const char        *property;
  RewardFieldReader  read;
};

static gboolean read_property_field (LoyReward          *reward,
                                     const RewardField  *field,
                                     JsonNode           *node,
                                     GError            **error);
static gboolean read_reward_type    (LoyReward          *reward,
                                     const RewardField  *field,
                                     JsonNode           *node,
                                     GError            **error);
static gboolean read_media          (LoyReward          *reward,
                                     const RewardField  *field,
                                     JsonNode           *node,
                                     GError            **error);
static gboolean read_cost_price     (LoyReward          *reward,
                                     const RewardField  *field,
                                     JsonNode           *node,
                                     GError            **error);

/* Every reward key the API documents. The API sends both "type" and
 * "reward_type", and both "is_active" and "active", with the same meaning. */
static const RewardField reward_fields[] = {
  { "id", "id", read_property_field },
  { "uuid", "uuid", read_property_field },
  { "title", "title", read_property_field },
  { "description", "description", read_property_field },
  { "type", NULL, read_reward_type },
  { "reward_type", NULL, read_reward_type },
  { "is_active", "is-active", read_property_field },
  { "active", "is-active", read_property_field },
  { "required_credits", "required-credits", read_property_field },
  { "media", NULL, read_media },
  { "cost_price", NULL, read_cost_price },
  { "stock", "stock", read_property_field },
  { "pre_redeemable", "pre-redeemable", read_property_field },
  { "expiration_duration", "expiration-duration", read_property_field },
};

static const RewardField *
find_reward_field (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (reward_fields); i++)
    {
      if (g_str_equal (reward_fields[i].key, key))
        return &reward_fields[i];
    }

  return NULL;
}

gboolean
loy_rest_reward_key_is_known (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  return find_reward_field (key) != NULL;
}

static GType
node_get_value_type (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return G_TYPE_INVALID;

  return json_node_get_value_type (node);
}

static gboolean
node_get_int64 (JsonNode *node,
                gint64   *value)
{
  double number;

  switch (node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;

    /* "25.0" is still a whole number. */
    case G_TYPE_DOUBLE:
      number = json_node_get_double (node);
      if (number != floor (number) || fabs (number) >= 0x1p63)
        return FALSE;
      *value = (gint64) number;
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
node_get_string (JsonNode    *node,
                 const char **value)
{
  if (node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return g_utf8_validate (*value, -1, NULL);
}

/* Null is the property's default: no stock limit, no expiry, no description. */
static gboolean
read_property_field (LoyReward          *reward,
                     const RewardField  *field,
                     JsonNode           *node,
                     GError            **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (reward), field->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_param_value_set_default (pspec, &value);
    }
  else if (pspec->value_type == G_TYPE_INT64)
    {
      gint64 number;

      if (!node_get_int64 (node, &number))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                       _("The reward’s “%s” from the server is not a whole number"),
                       field->key);
          return FALSE;
        }

      g_value_set_int64 (&value, number);
    }
  else if (pspec->value_type == G_TYPE_STRING)
    {
      const char *text;

      if (!node_get_string (node, &text))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                       _("The reward’s “%s” from the server is not text"),
                       field->key);
          return FALSE;
        }

      g_value_set_string (&value, text);
    }
  else
    {
      g_assert (pspec->value_type == G_TYPE_BOOLEAN);

      if (node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                       _("The reward’s “%s” from the server is not true or false"),
                       field->key);
          return FALSE;
        }

      g_value_set_boolean (&value, json_node_get_boolean (node));
    }

  /* Validation clamps the value into the property's range: a change means
   * the server's value was out of range (a negative stock, say). */
  if (g_param_value_validate (pspec, &value))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The reward’s “%s” from the server is out of range"),
                   field->key);
      return FALSE;
    }

  g_object_set_property (G_OBJECT (reward), field->property, &value);
  return TRUE;
}

static gboolean
read_reward_type (LoyReward          *reward,
                  const RewardField  *field,
                  JsonNode           *node,
                  GError            **error)
{
  LoyRewardType reward_type;
  const char *name;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!node_get_string (node, &name) || !loy_reward_type_from_string (name, &reward_type))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The reward’s “%s” from the server is not a known reward type"),
                   field->key);
      return FALSE;
    }

  loy_reward_set_reward_type (reward, reward_type);
  return TRUE;
}

/* media is {"type": "image", "value": URL} or null. */
static gboolean
read_media (LoyReward          *reward,
            const RewardField  *field,
            JsonNode           *node,
            GError            **error)
{
  const char *parts[] = { "type", "value" };
  const char *texts[G_N_ELEMENTS (parts)] = { NULL, NULL };
  JsonObject *media;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      loy_reward_set_media (reward, NULL, NULL);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The reward’s “%s” from the server is not an object"),
                   field->key);
      return FALSE;
    }

  media = json_node_get_object (node);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      JsonNode *part = json_object_get_member (media, parts[i]);

      if (part == NULL || JSON_NODE_HOLDS_NULL (part))
        continue;

      if (!node_get_string (part, &texts[i]))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                       _("The reward’s “%s.%s” from the server is not text"),
                       field->key, parts[i]);
          return FALSE;
        }
    }

  loy_reward_set_media (reward, texts[0], texts[1]);
  return TRUE;
}

/* The API sends money as a decimal number; it is held in cents, rounded
 * half away from zero. */
static gboolean
read_cost_price (LoyReward          *reward,
                 const RewardField  *field,
                 JsonNode           *node,
                 GError            **error)
{
  double price;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      loy_reward_set_cost_price_cents (reward, LOY_UNSET);
      return TRUE;
    }

  switch (node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      price = json_node_get_double (node);
      break;

    default:
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The reward’s “%s” from the server is not a number"),
                   field->key);
      return FALSE;
    }

  if (!(price >= 0 && price * 100 < 0x1p63))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The reward’s “%s” from the server is out of range"),
                   field->key);
      return FALSE;
    }

  loy_reward_set_cost_price_cents (reward, (gint64) round (price * 100));
  return TRUE;
}

LoyReward *
loy_rest_reward_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(LoyReward) reward = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                           _("The server sent a reward that is not a JSON object"));
      return NULL;
    }

  reward = loy_reward_new ();

  /* In document order, so that of "type" and "reward_type" the last wins. */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      const RewardField *field = find_reward_field (key);

      if (field == NULL)
        loy_reward_set_custom_attribute (reward, key, member);
      else if (!field->read (reward, field, member, error))
        return NULL;
    }

  if (loy_reward_get_uuid (reward) == NULL || loy_reward_get_uuid (reward)[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                           _("The server sent a reward without a “uuid”"));
      return NULL;
    }

  return g_steal_pointer (&reward);
}

GPtrArray *
loy_rest_rewards_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(GPtrArray) rewards = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                           _("The server sent a reward list that is not a JSON array"));
      return NULL;
    }

  array = json_node_get_array (node);
  rewards = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      LoyReward *reward = loy_rest_reward_from_json (json_array_get_element (array, i), error);

      if (reward == NULL)
        return NULL;

      g_ptr_array_add (rewards, reward);
    }

  return g_steal_pointer (&rewards);
}

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
  if (total_node == NULL || !node_get_int64 (total_node, &value) || value < 0 || value > G_MAXUINT)
    return FALSE;

  *total = value;
  return TRUE;
}

/* "errors" holds the details of a refused input, as {"field": ["why", …]},
 * {"field": "why"} or ["why", …]; collects every text in it. */
static void
collect_error_details (JsonNode  *node,
                       GPtrArray *details)
{
  const char *text;

  if (node_get_string (node, &text))
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
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    return LOY_ERROR_UNAUTHORIZED;

  switch (api_code)
    {
    case 1003:  /* Invalid input. */
      return LOY_ERROR_INVALID_INPUT;

    case 1008:  /* Shop not found. */
    case 6003:  /* Reward not found. */
    case 55031: /* Contact not found. */
      return LOY_ERROR_NOT_FOUND;

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
        node_get_int64 (member, &api_code);
      if ((member = json_object_get_member (object, "message")) != NULL)
        node_get_string (member, &server_message);
      if ((member = json_object_get_member (object, "errors")) != NULL)
        collect_error_details (member, details);
    }

  if (server_message != NULL && server_message[0] != '\0')
    g_string_append (message, server_message);
  else if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    g_string_append (message, _("The server refused the API key"));
  else
    g_string_append_printf (message, _("The server answered “%u %s”"),
                            status, soup_status_get_phrase (status));

  for (guint i = 0; i < details->len; i++)
    g_string_append_printf (message, i == 0 ? " (%s" : "; %s", (const char *) details->pdata[i]);
  if (details->len > 0)
    g_string_append_c (message, ')');

  return g_error_new_literal (LOY_ERROR, error_code_for_response (status, api_code), message->str);
}
