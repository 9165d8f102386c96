/* loy-view-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-view-filter.h"

/* A date window reaches at most a year either side of the date. */
#define MAX_WINDOW_DAYS 366

G_DEFINE_BOXED_TYPE (LoyViewFilter, loy_view_filter, loy_view_filter_copy, loy_view_filter_free)

static gboolean
condition_compares_value (LoyConditionType condition)
{
  return condition == LOY_CONDITION_EQUALS || condition == LOY_CONDITION_NOT_EQUALS;
}

LoyViewFilter *
loy_view_filter_new (void)
{
  return g_new0 (LoyViewFilter, 1);
}

LoyViewFilter *
loy_view_filter_copy (const LoyViewFilter *filter)
{
  LoyViewFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->shop_uuids = g_strdupv (filter->shop_uuids);
  copy->attribute = g_strdup (filter->attribute);
  copy->value = g_strdup (filter->value);

  return copy;
}

void
loy_view_filter_free (LoyViewFilter *filter)
{
  if (filter == NULL)
    return;

  g_strfreev (filter->shop_uuids);
  g_free (filter->attribute);
  g_free (filter->value);
  g_free (filter);
}

gboolean
loy_view_filter_is_empty (const LoyViewFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return filter->platforms == 0 &&
         (filter->shop_uuids == NULL || filter->shop_uuids[0] == NULL) &&
         filter->condition == LOY_CONDITION_NONE;
}

JsonNode *
loy_view_filter_to_json (const LoyViewFilter *filter)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (filter->condition <= LOY_CONDITION_DATE_WINDOW, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  if (filter->platforms != 0)
    {
      json_builder_set_member_name (builder, "platforms");
      g_autoptr(GFlagsClass) platforms = g_type_class_ref (LOY_TYPE_PLATFORM);

      json_builder_begin_array (builder);
      for (guint i = 0; i < platforms->n_values; i++)
        {
          if (filter->platforms & platforms->values[i].value)
            json_builder_add_string_value (builder, platforms->values[i].value_nick);
        }
      json_builder_end_array (builder);
    }

  if (filter->shop_uuids != NULL && filter->shop_uuids[0] != NULL)
    {
      json_builder_set_member_name (builder, "shops");
      json_builder_begin_array (builder);
      for (guint i = 0; filter->shop_uuids[i] != NULL; i++)
        json_builder_add_string_value (builder, filter->shop_uuids[i]);
      json_builder_end_array (builder);
    }

  if (filter->condition != LOY_CONDITION_NONE)
    {
      json_builder_set_member_name (builder, "contact");
      json_builder_begin_object (builder);

      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder,
                                     loy_enum_to_nick (LOY_TYPE_CONDITION_TYPE, filter->condition));

      if (filter->attribute != NULL)
        {
          json_builder_set_member_name (builder, "attribute");
          json_builder_add_string_value (builder, filter->attribute);
        }

      if (condition_compares_value (filter->condition) && filter->value != NULL)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, filter->value);
        }

      if (filter->condition == LOY_CONDITION_DATE_WINDOW)
        {
          json_builder_set_member_name (builder, "days_before");
          json_builder_add_int_value (builder, filter->days_before);
          json_builder_set_member_name (builder, "days_after");
          json_builder_add_int_value (builder, filter->days_after);
        }

      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The member @name of @object, or NULL when it is absent or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
node_holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
read_platforms (JsonNode       *node,
                LoyViewFilter  *filter,
                GError        **error)
{
  g_autoptr(GFlagsClass) platforms = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The view filter’s platforms must be a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  platforms = g_type_class_ref (LOY_TYPE_PLATFORM);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GFlagsValue *platform;
      const char *name;

      if (!node_holds_string (element))
        {
          g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                               _("The view filter’s platforms must be names"));
          return FALSE;
        }

      name = json_node_get_string (element);

      platform = g_flags_get_value_by_nick (platforms, name);
      if (platform == NULL)
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("Unknown platform “%s” in the view filter"), name);
          return FALSE;
        }

      filter->platforms |= platform->value;
    }

  return TRUE;
}

static gboolean
read_shops (JsonNode       *node,
            LoyViewFilter  *filter,
            GError        **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The view filter’s shops must be a list"));
      return FALSE;
    }

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_holds_string (element) || json_node_get_string (element)[0] == '\0')
        {
          g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                               _("The view filter’s shops must be shop UUIDs"));
          return FALSE;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  if (json_array_get_length (array) > 0)
    filter->shop_uuids = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
read_days (JsonObject  *object,
           const char  *name,
           guint       *days,
           GError     **error)
{
  JsonNode *node = get_member (object, name);
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The view filter’s “%s” must be a whole number of days"), name);
      return FALSE;
    }

  value = json_node_get_int (node);

  if (value < 0 || value > MAX_WINDOW_DAYS)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The view filter’s “%s” must be between 0 and %d days"),
                   name, MAX_WINDOW_DAYS);
      return FALSE;
    }

  *days = value;

  return TRUE;
}

static gboolean
read_contact (JsonNode       *node,
              LoyViewFilter  *filter,
              GError        **error)
{
  g_autoptr(GEnumClass) conditions = NULL;
  GEnumValue *condition;
  JsonObject *object;
  JsonNode *member;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The view filter’s contact condition must be an object"));
      return FALSE;
    }

  object = json_node_get_object (node);

  member = get_member (object, "type");
  if (member == NULL || !node_holds_string (member))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The view filter’s contact condition has no type"));
      return FALSE;
    }

  type = json_node_get_string (member);

  conditions = g_type_class_ref (LOY_TYPE_CONDITION_TYPE);
  condition = g_enum_get_value_by_nick (conditions, type);

  /* No condition is said by leaving "contact" out. */
  if (condition == NULL || condition->value == LOY_CONDITION_NONE)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("Unknown contact condition “%s” in the view filter"), type);
      return FALSE;
    }

  filter->condition = condition->value;

  member = get_member (object, "attribute");
  if (member == NULL || !node_holds_string (member) || json_node_get_string (member)[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The view filter’s contact condition names no attribute"));
      return FALSE;
    }

  filter->attribute = json_node_dup_string (member);

  if (condition_compares_value (filter->condition))
    {
      member = get_member (object, "value");
      if (member == NULL || !node_holds_string (member))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("The view filter’s contact condition “%s” needs a value"), type);
          return FALSE;
        }

      filter->value = json_node_dup_string (member);
    }

  if (filter->condition == LOY_CONDITION_DATE_WINDOW)
    {
      if (!read_days (object, "days_before", &filter->days_before, error) ||
          !read_days (object, "days_after", &filter->days_after, error))
        return FALSE;
    }

  return TRUE;
}

/* A JSON null reads as an empty filter; members that are null count as absent. */
LoyViewFilter *
loy_view_filter_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(LoyViewFilter) filter = NULL;
  JsonObject *object;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  filter = loy_view_filter_new ();

  if (JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&filter);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("A view filter must be an object"));
      return NULL;
    }

  object = json_node_get_object (node);

  if ((member = get_member (object, "platforms")) != NULL &&
      !read_platforms (member, filter, error))
    return NULL;

  if ((member = get_member (object, "shops")) != NULL &&
      !read_shops (member, filter, error))
    return NULL;

  if ((member = get_member (object, "contact")) != NULL &&
      !read_contact (member, filter, error))
    return NULL;

  return g_steal_pointer (&filter);
}
