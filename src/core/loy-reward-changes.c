/* loy-reward-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "loy-error.h"
#include "loy-reward-changes.h"

/* Reward changes: one validation for every backend. */

typedef enum
{
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_REQUIRED_CREDITS,
  FIELD_IS_ACTIVE,
  FIELD_PRE_REDEEMABLE,
  FIELD_STOCK,
  FIELD_COST_PRICE,
  FIELD_EXPIRATION_DURATION,
  FIELD_MEDIA,
  FIELD_VIEW_FILTER,
  FIELD_IMMUTABLE,
  FIELD_CUSTOM,
} RewardField;

static const struct {
  const char  *name;
  RewardField  field;
} reward_fields[] = {
  { "title", FIELD_TITLE },
  { "description", FIELD_DESCRIPTION },
  { "required_credits", FIELD_REQUIRED_CREDITS },
  { "is_active", FIELD_IS_ACTIVE },
  { "active", FIELD_IS_ACTIVE },
  { "pre_redeemable", FIELD_PRE_REDEEMABLE },
  { "stock", FIELD_STOCK },
  { "cost_price", FIELD_COST_PRICE },
  { "expiration_duration", FIELD_EXPIRATION_DURATION },
  { "media", FIELD_MEDIA },
  { "view_filter", FIELD_VIEW_FILTER },
  { "id", FIELD_IMMUTABLE },
  { "uuid", FIELD_IMMUTABLE },
  { "type", FIELD_IMMUTABLE },
  { "reward_type", FIELD_IMMUTABLE },
};

static RewardField
reward_field_for_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (reward_fields); i++)
    if (g_str_equal (reward_fields[i].name, key))
      return reward_fields[i].field;

  return FIELD_CUSTOM;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node_is_integer (node) ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
validate_field (const char  *key,
                JsonNode    *node,
                GError     **error)
{
  switch (reward_field_for_key (key))
    {
    case FIELD_TITLE:
      {
        g_autofree char *title = NULL;

        if (!node_is_type (node, G_TYPE_STRING))
          break;
        title = g_strstrip (g_strdup (json_node_get_string (node)));
        if (title[0] == '\0')
          {
            g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                         _("A reward needs a title"));
            return FALSE;
          }
        return TRUE;
      }

    case FIELD_DESCRIPTION:
      if (JSON_NODE_HOLDS_NULL (node) || node_is_type (node, G_TYPE_STRING))
        return TRUE;
      break;

    case FIELD_REQUIRED_CREDITS:
      if (node_is_integer (node) && json_node_get_int (node) > 0)
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("Required points must be a positive whole number"));
      return FALSE;

    case FIELD_IS_ACTIVE:
    case FIELD_PRE_REDEEMABLE:
      if (node_is_type (node, G_TYPE_BOOLEAN))
        return TRUE;
      break;

    case FIELD_STOCK:
    case FIELD_EXPIRATION_DURATION:
      if (JSON_NODE_HOLDS_NULL (node) || (node_is_integer (node) && json_node_get_int (node) >= 0))
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” must be empty or a whole number of at least zero"), key);
      return FALSE;

    case FIELD_COST_PRICE:
      if (JSON_NODE_HOLDS_NULL (node) || (node_is_number (node) && json_node_get_double (node) >= 0))
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The cost price must be empty or an amount of at least zero"));
      return FALSE;

    case FIELD_MEDIA:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *media = json_node_get_object (node);

          if (json_object_get_string_member_with_default (media, "value", NULL) != NULL)
            return TRUE;
        }
      break;

    case FIELD_VIEW_FILTER:
      {
        g_autoptr(LoyViewFilter) filter = NULL;

        /* null removes the filter: the reward shows everywhere. */
        if (JSON_NODE_HOLDS_NULL (node))
          return TRUE;
        filter = loy_view_filter_from_json (node, error);
        return filter != NULL;
      }

    case FIELD_IMMUTABLE:
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The field “%s” of a reward cannot be changed"), key);
      return FALSE;

    case FIELD_CUSTOM:
      if (JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_VALUE (node))
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The custom attribute “%s” must be text, a number or true/false"), key);
      return FALSE;

    default:
      g_assert_not_reached ();
    }

  g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
               _("The field “%s” has a value of the wrong type"), key);
  return FALSE;
}

gboolean
loy_reward_changes_validate (JsonObject  *changes,
                             GError     **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_val_if_fail (changes != NULL, FALSE);

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &node))
    if (!validate_field (key, node, error))
      return FALSE;

  return TRUE;
}

static gint64
nullable_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ? LOY_UNSET : json_node_get_int (node);
}

void
loy_reward_apply_changes (LoyReward  *reward,
                          JsonObject *changes)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_if_fail (LOY_IS_REWARD (reward));
  g_return_if_fail (changes != NULL);

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &node))
    {
      switch (reward_field_for_key (key))
        {
        case FIELD_TITLE:
          {
            g_autofree char *title = g_strstrip (g_strdup (json_node_get_string (node)));
            loy_reward_set_title (reward, title);
          }
          break;

        case FIELD_DESCRIPTION:
          loy_reward_set_description (reward, json_node_get_string (node));
          break;

        case FIELD_REQUIRED_CREDITS:
          loy_reward_set_required_credits (reward, json_node_get_int (node));
          break;

        case FIELD_IS_ACTIVE:
          loy_reward_set_is_active (reward, json_node_get_boolean (node));
          break;

        case FIELD_PRE_REDEEMABLE:
          loy_reward_set_pre_redeemable (reward, json_node_get_boolean (node));
          break;

        case FIELD_STOCK:
          loy_reward_set_stock (reward, nullable_int (node));
          break;

        case FIELD_EXPIRATION_DURATION:
          loy_reward_set_expiration_duration (reward, nullable_int (node));
          break;

        case FIELD_COST_PRICE:
          loy_reward_set_cost_price_cents (reward,
                                           JSON_NODE_HOLDS_NULL (node)
                                             ? LOY_UNSET
                                             : (gint64) round (json_node_get_double (node) * 100));
          break;

        case FIELD_MEDIA:
          if (JSON_NODE_HOLDS_NULL (node))
            loy_reward_set_media (reward, NULL, NULL);
          else
            {
              JsonObject *media = json_node_get_object (node);

              loy_reward_set_media (reward,
                                    json_object_get_string_member_with_default (media, "type", "image"),
                                    json_object_get_string_member (media, "value"));
            }
          break;

        case FIELD_VIEW_FILTER:
          {
            g_autoptr(LoyViewFilter) filter = NULL;

            if (!JSON_NODE_HOLDS_NULL (node))
              filter = loy_view_filter_from_json (node, NULL);
            loy_reward_set_view_filter (reward, filter);
          }
          break;

        case FIELD_CUSTOM:
          loy_reward_set_custom_attribute (reward, key, node);
          break;

        case FIELD_IMMUTABLE:
        default:
          g_return_if_reached ();
        }
    }
}
