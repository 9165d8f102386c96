/* loy-domain-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Replaces *@str_ptr with a copy of @new_str; returns whether it changed,
 * so setters notify only on a real change. */
static inline gboolean
_loy_set_str (char       **str_ptr,
              const char  *new_str)
{
  if (g_strcmp0 (*str_ptr, new_str) == 0)
    return FALSE;

  g_free (*str_ptr);
  *str_ptr = g_strdup (new_str);
  return TRUE;
}

/* Sets @key of @object to a copy of @value, or removes it when @value is
 * NULL; returns whether @object changed. */
static inline gboolean
_loy_json_object_update_member (JsonObject *object,
                                const char *key,
                                JsonNode   *value)
{
  JsonNode *old_value = json_object_get_member (object, key);

  if (value == NULL)
    {
      if (old_value == NULL)
        return FALSE;

      json_object_remove_member (object, key);
      return TRUE;
    }

  if (old_value != NULL && json_node_equal (old_value, value))
    return FALSE;

  json_object_set_member (object, key, json_node_copy (value));
  return TRUE;
}

G_END_DECLS
