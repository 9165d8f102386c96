/* loy-segment-criteria.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-segment-criteria"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-contact-attribute.h"
#include "loy-error.h"
#include "loy-segment-criteria.h"

/* A hundred years: enough for any campaign, and far from overflowing seconds. */
#define MAX_DAYS 36500

/* Validation */

static gboolean
attribute_op_from_string (const char     *name,
                          LoyAttributeOp *op)
{
  g_autoptr(GEnumClass) ops = NULL;
  GEnumValue *value;

  if (name == NULL)
    return FALSE;

  ops = g_type_class_ref (LOY_TYPE_ATTRIBUTE_OP);
  if ((value = g_enum_get_value_by_nick (ops, name)) == NULL)
    return FALSE;

  *op = value->value;
  return TRUE;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reads the optional whole number @name of @object into @value (LOY_UNSET
 * when absent); fails when it is not a whole number of at least @minimum. */
static gboolean
get_optional_count (JsonObject  *object,
                    const char  *name,
                    gint64       minimum,
                    gint64      *value,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = LOY_UNSET;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!node_is_integer (node) || json_node_get_int (node) < minimum)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   /* Translators: “%s” is a field such as “min” or “within_days” */
                   _("“%s” must be a whole number of at least %" PRId64),
                   name, minimum);
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_days (JsonObject  *object,
          GError     **error)
{
  gint64 days;

  if (!get_optional_count (object, "within_days", 1, &days, error))
    return FALSE;

  if (days == LOY_UNSET || days > MAX_DAYS)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The number of days must be between 1 and %d"), MAX_DAYS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_balance (JsonObject  *condition,
                  GError     **error)
{
  gint64 min, max;

  if (!get_optional_count (condition, "min", 0, &min, error) ||
      !get_optional_count (condition, "max", 0, &max, error))
    return FALSE;

  if (min == LOY_UNSET && max == LOY_UNSET)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("A balance condition needs a minimum, a maximum or both"));
      return FALSE;
    }

  if (min != LOY_UNSET && max != LOY_UNSET && min > max)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The minimum balance (%" PRId64 ") is above the maximum "
                     "(%" PRId64 ")"),
                   min, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_level (JsonObject  *condition,
                GError     **error)
{
  JsonNode *levels = json_object_get_member (condition, "levels");
  JsonArray *array;

  if (levels == NULL || !JSON_NODE_HOLDS_ARRAY (levels) ||
      json_array_get_length (array = json_node_get_array (levels)) == 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("A level condition needs at least one level"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *uuid = json_array_get_element (array, i);

      if (!node_is_string (uuid) || !g_uuid_string_is_valid (json_node_get_string (uuid)))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("Levels are named by their UUID"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_attribute (JsonObject  *condition,
                    GError     **error)
{
  JsonNode *attribute = json_object_get_member (condition, "attribute");
  JsonNode *op_node = json_object_get_member (condition, "op");
  JsonNode *value = json_object_get_member (condition, "value");
  const char *name;
  LoyAttributeOp op;

  if (attribute == NULL || !node_is_string (attribute) ||
      (name = json_node_get_string (attribute))[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("An attribute condition needs the name of an attribute"));
      return FALSE;
    }

  /* The name becomes a quoted JSON path label, which cannot hold a quote. */
  if (strchr (name, '"') != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("An attribute name cannot contain a double quote"));
      return FALSE;
    }

  if (op_node == NULL || !node_is_string (op_node) ||
      !attribute_op_from_string (json_node_get_string (op_node), &op))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The comparison for “%s” must be one of equals, not_equals, "
                     "contains or is_set"),
                   name);
      return FALSE;
    }

  if (op != LOY_ATTRIBUTE_OP_IS_SET &&
      (value == NULL || !node_is_string (value) || json_node_get_string (value)[0] == '\0'))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The condition on “%s” needs a value to compare with"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_earned (JsonObject  *condition,
                 GError     **error)
{
  gint64 min;

  if (!get_optional_count (condition, "min", 1, &min, error))
    return FALSE;

  if (min == LOY_UNSET)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("An earned points condition needs the least number of points"));
      return FALSE;
    }

  return get_days (condition, error);
}

static gboolean
validate_condition (JsonNode  *node,
                    GError   **error)
{
  JsonObject *condition;
  JsonNode *type_node;
  const char *type = "";

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("A condition must be an object"));
      return FALSE;
    }

  condition = json_node_get_object (node);
  type_node = json_object_get_member (condition, "type");
  if (type_node != NULL && node_is_string (type_node))
    type = json_node_get_string (type_node);

  if (g_str_equal (type, "balance"))
    return validate_balance (condition, error);
  if (g_str_equal (type, "level"))
    return validate_level (condition, error);
  if (g_str_equal (type, "attribute"))
    return validate_attribute (condition, error);
  if (g_str_equal (type, "last_activity"))
    return get_days (condition, error);
  if (g_str_equal (type, "earned"))
    return validate_earned (condition, error);

  g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
               _("Unknown condition type “%s”: use balance, level, attribute, "
                 "last_activity or earned"),
               type);
  return FALSE;
}

gboolean
loy_segment_condition_validate (JsonObject  *condition,
                                GError     **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (condition != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json_node_set_object (node, condition);

  return validate_condition (node, error);
}

/* The "groups" array of valid @criteria, or NULL when it has none. */
static JsonArray *
get_groups (JsonNode *criteria)
{
  JsonNode *groups = json_object_get_member (json_node_get_object (criteria), "groups");

  return groups != NULL && JSON_NODE_HOLDS_ARRAY (groups) ? json_node_get_array (groups) : NULL;
}

gboolean
loy_segment_criteria_validate (JsonNode  *criteria,
                               GError   **error)
{
  JsonNode *groups_node;
  JsonArray *groups;

  g_return_val_if_fail (criteria != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (criteria))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("Segment criteria must be a JSON object"));
      return FALSE;
    }

  groups_node = json_object_get_member (json_node_get_object (criteria), "groups");
  if (groups_node == NULL || JSON_NODE_HOLDS_NULL (groups_node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (groups_node))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The groups of segment criteria must be a list"));
      return FALSE;
    }

  groups = json_node_get_array (groups_node);
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonNode *group = json_array_get_element (groups, g);
      JsonNode *any = NULL;
      JsonArray *conditions;

      if (JSON_NODE_HOLDS_OBJECT (group))
        any = json_object_get_member (json_node_get_object (group), "any");

      if (any == NULL || !JSON_NODE_HOLDS_ARRAY (any) ||
          json_array_get_length (conditions = json_node_get_array (any)) == 0)
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("Group %u has no conditions"), g + 1);
          return FALSE;
        }

      for (guint c = 0; c < json_array_get_length (conditions); c++)
        {
          if (!validate_condition (json_array_get_element (conditions, c), error))
            {
              /* Translators: where a problem is, before what it is */
              g_prefix_error (error, _("Group %u, condition %u: "), g + 1, c + 1);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Building */

JsonNode *
loy_segment_criteria_new (void)
{
  JsonNode *criteria = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (criteria, json_object_new ());

  return criteria;
}

guint
loy_segment_criteria_get_n_groups (JsonNode *criteria)
{
  JsonArray *groups;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (criteria), 0);

  groups = get_groups (criteria);

  return groups != NULL ? json_array_get_length (groups) : 0;
}

JsonArray *
loy_segment_criteria_get_group (JsonNode *criteria,
                                guint     group)
{
  g_return_val_if_fail (group < loy_segment_criteria_get_n_groups (criteria), NULL);

  return json_object_get_array_member (json_array_get_object_element (get_groups (criteria), group),
                                       "any");
}

guint
loy_segment_criteria_add_group (JsonNode   *criteria,
                                JsonObject *condition)
{
  JsonObject *root;
  JsonObject *group;
  JsonArray *any;
  JsonArray *groups;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (criteria), 0);
  g_return_val_if_fail (condition != NULL, 0);

  root = json_node_get_object (criteria);
  if ((groups = get_groups (criteria)) == NULL)
    {
      groups = json_array_new ();
      json_object_set_array_member (root, "groups", groups);
    }

  any = json_array_new ();
  json_array_add_object_element (any, condition);
  group = json_object_new ();
  json_object_set_array_member (group, "any", any);
  json_array_add_object_element (groups, group);

  return json_array_get_length (groups) - 1;
}

void
loy_segment_criteria_add_condition (JsonNode   *criteria,
                                    guint       group,
                                    JsonObject *condition)
{
  g_return_if_fail (group < loy_segment_criteria_get_n_groups (criteria));
  g_return_if_fail (condition != NULL);

  json_array_add_object_element (loy_segment_criteria_get_group (criteria, group), condition);
}

void
loy_segment_criteria_remove_condition (JsonNode *criteria,
                                       guint     group,
                                       guint     index)
{
  JsonArray *any;

  g_return_if_fail (group < loy_segment_criteria_get_n_groups (criteria));

  any = loy_segment_criteria_get_group (criteria, group);
  g_return_if_fail (index < json_array_get_length (any));

  json_array_remove_element (any, index);
  if (json_array_get_length (any) == 0)
    json_array_remove_element (get_groups (criteria), group);
}

static JsonObject *
condition_new (const char *type)
{
  JsonObject *condition = json_object_new ();

  json_object_set_string_member (condition, "type", type);

  return condition;
}

JsonObject *
loy_segment_condition_new_balance (gint64 min,
                                   gint64 max)
{
  JsonObject *condition = condition_new ("balance");

  g_return_val_if_fail (min != LOY_UNSET || max != LOY_UNSET, condition);

  if (min != LOY_UNSET)
    json_object_set_int_member (condition, "min", min);
  if (max != LOY_UNSET)
    json_object_set_int_member (condition, "max", max);

  return condition;
}

JsonObject *
loy_segment_condition_new_level (const char * const *level_uuids)
{
  JsonObject *condition = condition_new ("level");
  JsonArray *levels = json_array_new ();

  for (guint i = 0; level_uuids != NULL && level_uuids[i] != NULL; i++)
    json_array_add_string_element (levels, level_uuids[i]);
  json_object_set_array_member (condition, "levels", levels);

  return condition;
}

JsonObject *
loy_segment_condition_new_attribute (const char     *attribute,
                                     LoyAttributeOp  op,
                                     const char     *value)
{
  JsonObject *condition = condition_new ("attribute");

  g_return_val_if_fail (attribute != NULL, condition);
  g_return_val_if_fail (op <= LOY_ATTRIBUTE_OP_IS_SET, condition);

  json_object_set_string_member (condition, "attribute", attribute);
  json_object_set_string_member (condition, "op", loy_enum_to_nick (LOY_TYPE_ATTRIBUTE_OP, op));
  if (op != LOY_ATTRIBUTE_OP_IS_SET)
    json_object_set_string_member (condition, "value", value != NULL ? value : "");

  return condition;
}

JsonObject *
loy_segment_condition_new_last_activity (guint within_days)
{
  JsonObject *condition = condition_new ("last_activity");

  json_object_set_int_member (condition, "within_days", within_days);

  return condition;
}

JsonObject *
loy_segment_condition_new_earned (gint64 min,
                                  guint  within_days)
{
  JsonObject *condition = condition_new ("earned");

  json_object_set_int_member (condition, "min", min);
  json_object_set_int_member (condition, "within_days", within_days);

  return condition;
}

/* Describing */

static char *
describe_levels (JsonArray  *levels,
                 GHashTable *level_names)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      const char *uuid = json_array_get_string_element (levels, i);
      const char *name = level_names != NULL ? g_hash_table_lookup (level_names, uuid) : NULL;

      if (i > 0)
        g_string_append (names, _(" or "));
      g_string_append (names, name != NULL ? name : _("(deleted level)"));
    }

  /* Translators: %s is one level name or several joined by “ or ” */
  return g_strdup_printf (_("level %s"), names->str);
}

static char *
describe_attribute (JsonObject *condition)
{
  const char *name = json_object_get_string_member_with_default (condition, "attribute", "");
  g_autofree char *attribute = loy_contact_attribute_dup_label (name);
  const char *value = json_object_get_string_member_with_default (condition, "value", "");
  LoyAttributeOp op = LOY_ATTRIBUTE_OP_EQUALS;

  attribute_op_from_string (json_object_get_string_member (condition, "op"), &op);

  switch (op)
    {
    case LOY_ATTRIBUTE_OP_EQUALS:
      /* Translators: an attribute and its value, “city is Amsterdam” */
      return g_strdup_printf (_("%s is %s"), attribute, value);
    case LOY_ATTRIBUTE_OP_NOT_EQUALS:
      return g_strdup_printf (_("%s is not %s"), attribute, value);
    case LOY_ATTRIBUTE_OP_CONTAINS:
      return g_strdup_printf (_("%s contains %s"), attribute, value);
    case LOY_ATTRIBUTE_OP_IS_SET:
      /* Translators: the contact has a value for this attribute, “city is set” */
      return g_strdup_printf (_("%s is set"), attribute);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The description of a valid condition, starting in lower case so it can
 * stand inside a sentence. */
static char *
describe_condition (JsonObject *condition,
                    GHashTable *level_names)
{
  const char *type = json_object_get_string_member (condition, "type");

  if (g_str_equal (type, "balance"))
    {
      gint64 min = json_object_get_int_member_with_default (condition, "min", LOY_UNSET);
      gint64 max = json_object_get_int_member_with_default (condition, "max", LOY_UNSET);

      if (min != LOY_UNSET && max != LOY_UNSET)
        return g_strdup_printf (_("balance %" PRId64 "–%" PRId64), min, max);
      if (min != LOY_UNSET)
        return g_strdup_printf (_("balance ≥ %" PRId64), min);
      return g_strdup_printf (_("balance ≤ %" PRId64), max);
    }

  if (g_str_equal (type, "level"))
    return describe_levels (json_object_get_array_member (condition, "levels"), level_names);

  if (g_str_equal (type, "attribute"))
    return describe_attribute (condition);

  if (g_str_equal (type, "last_activity"))
    {
      gint64 days = json_object_get_int_member (condition, "within_days");

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "active in the last %" PRId64 " day",
                                           "active in the last %" PRId64 " days",
                                           days),
                              days);
    }

  if (g_str_equal (type, "earned"))
    {
      gint64 min = json_object_get_int_member (condition, "min");
      gint64 days = json_object_get_int_member (condition, "within_days");
      g_autofree char *earned = NULL;

      /* Translators: the first half of “earned ≥ 200 points in the last 30 days” */
      earned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "earned ≥ %" PRId64 " point",
                                             "earned ≥ %" PRId64 " points",
                                             min),
                                min);
      /* Translators: the second half of “earned ≥ 200 points in the last 30 days” */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s in the last %" PRId64 " day",
                                           "%s in the last %" PRId64 " days",
                                           days),
                              earned, days);
    }

  g_return_val_if_reached (NULL);
}

static void
append_capitalized (GString    *string,
                    const char *text)
{
  g_string_append_unichar (string, g_unichar_totitle (g_utf8_get_char (text)));
  g_string_append (string, g_utf8_next_char (text));
}

char *
loy_segment_condition_describe (JsonObject *condition,
                                GHashTable *level_names)
{
  g_autofree char *description = NULL;
  GString *sentence;

  g_return_val_if_fail (condition != NULL, NULL);

  description = describe_condition (condition, level_names);
  sentence = g_string_new (NULL);
  append_capitalized (sentence, description);

  return g_string_free (sentence, FALSE);
}

char *
loy_segment_criteria_summarize (JsonNode   *criteria,
                                GHashTable *level_names)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  guint n_groups;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (criteria), NULL);

  n_groups = loy_segment_criteria_get_n_groups (criteria);
  if (n_groups == 0)
    return g_strdup (_("Every contact"));

  for (guint g = 0; g < n_groups; g++)
    {
      JsonArray *any = loy_segment_criteria_get_group (criteria, g);
      guint n_conditions = json_array_get_length (any);

      if (g > 0)
        g_string_append (summary, _(" and "));
      /* Alternatives are bracketed only among other groups. */
      if (n_conditions > 1 && n_groups > 1)
        g_string_append_c (summary, '(');

      for (guint c = 0; c < n_conditions; c++)
        {
          g_autofree char *description = NULL;

          description = describe_condition (json_array_get_object_element (any, c), level_names);
          if (c > 0)
            g_string_append (summary, _(" or "));
          /* The summary is a sentence, even when it opens with a bracket. */
          if (g == 0 && c == 0)
            append_capitalized (summary, description);
          else
            g_string_append (summary, description);
        }

      if (n_conditions > 1 && n_groups > 1)
        g_string_append_c (summary, ')');
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}
