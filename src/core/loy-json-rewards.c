/* loy-json-rewards.c — a reward in the API's JSON, both ways, from one
 * table of its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "loy-enums.h"
#include "loy-error.h"
#include "loy-json.h"
#include "loy-json-private.h"

/* Rewards */

typedef struct _RewardField RewardField;

typedef gboolean (*RewardFieldReader) (LoyReward          *reward,
                                       const RewardField  *field,
                                       JsonNode           *node,
                                       GError            **error);
typedef JsonNode *(*RewardFieldWriter) (LoyReward         *reward,
                                        const RewardField *field);

struct _RewardField
{
  const char        *key;
  /* The LoyReward property that read_property_field() sets. */
  const char        *property;
  RewardFieldReader  read;
  /* NULL for a second name that is read only ("active"). */
  RewardFieldWriter  write;
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

static JsonNode *write_property_field (LoyReward         *reward,
                                      const RewardField *field);
static JsonNode *write_reward_type    (LoyReward         *reward,
                                      const RewardField *field);
static JsonNode *write_media          (LoyReward         *reward,
                                      const RewardField *field);
static JsonNode *write_cost_price     (LoyReward         *reward,
                                      const RewardField *field);
static gboolean  read_view_filter     (LoyReward          *reward,
                                       const RewardField  *field,
                                       JsonNode           *node,
                                       GError            **error);
static JsonNode *write_view_filter    (LoyReward         *reward,
                                      const RewardField *field);

/* Every reward field, in the order they are written. The API sends both
 * "type" and "reward_type", and both "is_active" and "active", with the
 * same meaning; code_group_uuid, codes_available and view_filter are this
 * program's own. */
static const RewardField reward_fields[] = {
  { "id", "id", read_property_field, write_property_field },
  { "uuid", "uuid", read_property_field, write_property_field },
  { "title", "title", read_property_field, write_property_field },
  { "description", "description", read_property_field, write_property_field },
  { "type", NULL, read_reward_type, write_reward_type },
  { "reward_type", NULL, read_reward_type, write_reward_type },
  { "is_active", "is-active", read_property_field, write_property_field },
  { "active", "is-active", read_property_field, NULL },
  { "required_credits", "required-credits", read_property_field, write_property_field },
  { "media", NULL, read_media, write_media },
  { "cost_price", NULL, read_cost_price, write_cost_price },
  { "stock", "stock", read_property_field, write_property_field },
  { "pre_redeemable", "pre-redeemable", read_property_field, write_property_field },
  { "expiration_duration", "expiration-duration", read_property_field, write_property_field },
  { "code_group_uuid", "code-group-uuid", read_property_field, write_property_field },
  { "codes_available", "codes-available", read_property_field, write_property_field },
  { "view_filter", NULL, read_view_filter, write_view_filter },
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
loy_reward_json_key_is_field (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  return find_reward_field (key) != NULL;
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

      if (!_loy_json_node_get_int64 (node, &number))
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

      if (!_loy_json_node_get_string (node, &text))
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

      if (_loy_json_node_get_value_type (node) != G_TYPE_BOOLEAN)
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
  int reward_type;
  const char *name;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!_loy_json_node_get_string (node, &name) ||
      !loy_enum_from_nick (LOY_TYPE_REWARD_TYPE, name, &reward_type))
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

      if (!_loy_json_node_get_string (part, &texts[i]))
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

  switch (_loy_json_node_get_value_type (node))
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

/* LOY_UNSET and NULL are null: no stock limit, no expiry, no description. */
static JsonNode *
write_property_field (LoyReward         *reward,
                      const RewardField *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (reward), field->property);
  g_auto(GValue) value = G_VALUE_INIT;
  JsonNode *node = json_node_alloc ();

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (reward), field->property, &value);

  if (pspec->value_type == G_TYPE_INT64)
    {
      if (g_value_get_int64 (&value) == LOY_UNSET)
        return json_node_init_null (node);
      return json_node_init_int (node, g_value_get_int64 (&value));
    }

  if (pspec->value_type == G_TYPE_STRING)
    {
      if (g_value_get_string (&value) == NULL)
        return json_node_init_null (node);
      return json_node_init_string (node, g_value_get_string (&value));
    }

  g_assert (pspec->value_type == G_TYPE_BOOLEAN);
  return json_node_init_boolean (node, g_value_get_boolean (&value));
}

static JsonNode *
write_reward_type (LoyReward         *reward,
                   const RewardField *field)
{
  return json_node_init_string (json_node_alloc (),
                                loy_enum_to_nick (LOY_TYPE_REWARD_TYPE,
                                                  loy_reward_get_reward_type (reward)));
}

static JsonNode *
write_media (LoyReward         *reward,
             const RewardField *field)
{
  JsonObject *media;

  if (loy_reward_get_media_type (reward) == NULL)
    return json_node_init_null (json_node_alloc ());

  media = json_object_new ();
  json_object_set_string_member (media, "type", loy_reward_get_media_type (reward));
  json_object_set_string_member (media, "value", loy_reward_get_media_value (reward));

  return json_node_init_object (json_node_alloc (), media);
}

static JsonNode *
write_cost_price (LoyReward         *reward,
                  const RewardField *field)
{
  gint64 cents = loy_reward_get_cost_price_cents (reward);

  if (cents == LOY_UNSET)
    return json_node_init_null (json_node_alloc ());

  return json_node_init_double (json_node_alloc (), cents / 100.0);
}

static gboolean
read_view_filter (LoyReward          *reward,
                  const RewardField  *field,
                  JsonNode           *node,
                  GError            **error)
{
  g_autoptr(LoyViewFilter) filter = NULL;
  g_autoptr(GError) local_error = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      loy_reward_set_view_filter (reward, NULL);
      return TRUE;
    }

  if (!(filter = loy_view_filter_from_json (node, &local_error)))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The reward’s “%s” from the server is not a view filter: %s"),
                   field->key, local_error->message);
      return FALSE;
    }

  loy_reward_set_view_filter (reward, filter);
  return TRUE;
}

static JsonNode *
write_view_filter (LoyReward         *reward,
                   const RewardField *field)
{
  if (loy_reward_get_view_filter (reward) == NULL)
    return json_node_init_null (json_node_alloc ());

  return loy_view_filter_to_json (loy_reward_get_view_filter (reward));
}

JsonNode *
loy_reward_to_json (LoyReward *reward)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_return_val_if_fail (LOY_IS_REWARD (reward), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reward_fields); i++)
    {
      if (reward_fields[i].write != NULL)
        json_object_set_member (object, reward_fields[i].key,
                                reward_fields[i].write (reward, &reward_fields[i]));
    }

  /* Custom attributes are extra top-level keys, as the API sends them. */
  json_object_iter_init_ordered (&iter, loy_reward_get_custom_attributes (reward));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      if (!json_object_has_member (object, name))
        json_object_set_member (object, name, json_node_copy (value));
    }

  return json_node_init_object (json_node_alloc (), object);
}

LoyReward *
loy_reward_from_json (JsonNode  *node,
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
loy_rewards_from_json (JsonNode  *node,
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
      LoyReward *reward = loy_reward_from_json (json_array_get_element (array, i), error);

      if (reward == NULL)
        return NULL;

      g_ptr_array_add (rewards, reward);
    }

  return g_steal_pointer (&rewards);
}
