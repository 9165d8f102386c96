/* loy-sqlite-criteria.c — a segment's criteria as an SQL condition on contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-segment-criteria.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"

/* Membership conditions */

struct _LoySqliteFilter
{
  GString   *condition;  /* empty: every contact */
  GPtrArray *values;     /* (element-type GVariant): bound as :m0, :m1, … */
};

static LoySqliteFilter *
filter_new (void)
{
  LoySqliteFilter *filter = g_new0 (LoySqliteFilter, 1);

  filter->condition = g_string_new (NULL);
  filter->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  return filter;
}

void
_loy_sqlite_filter_free (LoySqliteFilter *filter)
{
  g_string_free (filter->condition, TRUE);
  g_ptr_array_unref (filter->values);
  g_free (filter);
}

const char *
_loy_sqlite_filter_get_condition (LoySqliteFilter *filter)
{
  return filter->condition->len > 0 ? filter->condition->str : NULL;
}

void
_loy_sqlite_filter_bind (LoySqliteFilter *filter,
                         sqlite3_stmt    *stmt)
{
  for (guint i = 0; i < filter->values->len; i++)
    {
      GVariant *value = g_ptr_array_index (filter->values, i);
      char name[16];

      g_snprintf (name, sizeof name, ":m%u", i);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        _loy_sqlite_bind_int64 (stmt, name, g_variant_get_int64 (value));
      else
        _loy_sqlite_bind_text (stmt, name, g_variant_get_string (value, NULL));
    }
}

/* Adds @value (floating) to the parameters and its name to the condition:
 * values never become part of the SQL text. */
static void
append_value (LoySqliteFilter *filter,
              GVariant        *value)
{
  g_string_append_printf (filter->condition, ":m%u", filter->values->len);
  g_ptr_array_add (filter->values, g_variant_ref_sink (value));
}

static void
append_int64 (LoySqliteFilter *filter,
              gint64           value)
{
  append_value (filter, g_variant_new_int64 (value));
}

static void
append_text (LoySqliteFilter *filter,
             const char      *value)
{
  append_value (filter, g_variant_new_string (value));
}

/* Unix seconds @days days before now. */
static gint64
days_ago (gint64 days)
{
  return g_get_real_time () / G_USEC_PER_SEC - days * 24 * 60 * 60;
}

static void
append_balance (LoySqliteFilter *filter,
                JsonObject      *condition)
{
  gint64 min = json_object_get_int_member_with_default (condition, "min", LOY_UNSET);
  gint64 max = json_object_get_int_member_with_default (condition, "max", LOY_UNSET);

  g_string_append_c (filter->condition, '(');
  if (min != LOY_UNSET)
    {
      g_string_append (filter->condition, "t.balance >= ");
      append_int64 (filter, min);
    }
  if (min != LOY_UNSET && max != LOY_UNSET)
    g_string_append (filter->condition, " AND ");
  if (max != LOY_UNSET)
    {
      g_string_append (filter->condition, "t.balance <= ");
      append_int64 (filter, max);
    }
  g_string_append_c (filter->condition, ')');
}

static void
append_level (LoySqliteFilter *filter,
              JsonObject      *condition)
{
  JsonArray *levels = json_object_get_array_member (condition, "levels");

  g_string_append (filter->condition, "t.level_id IN (SELECT id FROM levels WHERE uuid IN (");
  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      if (i > 0)
        g_string_append (filter->condition, ", ");
      append_text (filter, json_array_get_string_element (levels, i));
    }
  g_string_append (filter->condition, "))");
}

/* The attribute as text (JSON true and false as "true" and "false"), or
 * NULL when the contact lacks it. */
static void
append_attribute_text (LoySqliteFilter *filter,
                       const char      *path_name)
{
  g_string_append_printf (filter->condition,
                          "(CASE json_type (t.attributes, %s)"
                          " WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'"
                          " ELSE CAST (json_extract (t.attributes, %s) AS TEXT) END)",
                          path_name, path_name);
}

static void
append_attribute (LoySqliteFilter *filter,
                  JsonObject      *condition)
{
  const char *attribute = json_object_get_string_member (condition, "attribute");
  const char *op = json_object_get_string_member (condition, "op");
  g_autofree char *path = g_strdup_printf ("$.\"%s\"", attribute);
  g_autofree char *path_name = g_strdup_printf (":m%u", filter->values->len);

  /* The path is one parameter, named in several places. */
  g_ptr_array_add (filter->values, g_variant_ref_sink (g_variant_new_string (path)));

  g_string_append_c (filter->condition, '(');
  if (g_str_equal (op, "is_set"))
    {
      g_string_append (filter->condition, "coalesce (");
      append_attribute_text (filter, path_name);
      g_string_append (filter->condition, ", '') <> ''");
    }
  else if (g_str_equal (op, "contains"))
    {
      g_string_append (filter->condition, "instr (lower (");
      append_attribute_text (filter, path_name);
      g_string_append (filter->condition, "), lower (");
      append_text (filter, json_object_get_string_member (condition, "value"));
      g_string_append (filter->condition, ")) > 0");
    }
  else
    {
      gboolean equals = g_str_equal (op, "equals");

      if (!equals)
        {
          append_attribute_text (filter, path_name);
          g_string_append (filter->condition, " IS NULL OR ");
        }
      append_attribute_text (filter, path_name);
      g_string_append (filter->condition, equals ? " = " : " <> ");
      append_text (filter, json_object_get_string_member (condition, "value"));
      g_string_append (filter->condition, " COLLATE NOCASE");
    }
  g_string_append_c (filter->condition, ')');
}

static void
append_last_activity (LoySqliteFilter *filter,
                      JsonObject      *condition)
{
  /* An entry other than an expiry (which is what happens to those who
   * are not active), kept per contact by the balance trigger. */
  g_string_append (filter->condition, "t.last_active_at >= ");
  append_int64 (filter, days_ago (json_object_get_int_member (condition, "within_days")));
}

static void
append_earned (LoySqliteFilter *filter,
               JsonObject      *condition)
{
  g_string_append (filter->condition,
                   "(SELECT coalesce (sum (e.credits), 0) FROM ledger_entries AS e"
                   " WHERE e.contact_id = t.id AND e.credits > 0"
                   " AND e.entry_type IN ('WELCOME', 'CREDIT_RECEPTION', 'ADJUSTMENT')"
                   /* What was reversed (a refund) was never earned, as for levels. */
                   " AND NOT EXISTS (SELECT 1 FROM ledger_entries AS r WHERE r.reverses_id = e.id)"
                   " AND e.created_at >= ");
  append_int64 (filter, days_ago (json_object_get_int_member (condition, "within_days")));
  g_string_append (filter->condition, ") >= ");
  append_int64 (filter, json_object_get_int_member (condition, "min"));
}

/* Appends the condition of valid @criteria, or nothing when it has no groups. */
static void
append_criteria (LoySqliteFilter *filter,
                 JsonNode        *criteria)
{
  static const struct {
    const char *type;
    void (*append) (LoySqliteFilter *filter,
                    JsonObject      *condition);
  } appenders[] = {
    { "balance", append_balance },
    { "level", append_level },
    { "attribute", append_attribute },
    { "last_activity", append_last_activity },
    { "earned", append_earned },
  };
  guint n_groups = loy_segment_criteria_get_n_groups (criteria);

  for (guint g = 0; g < n_groups; g++)
    {
      JsonArray *any = loy_segment_criteria_get_group (criteria, g);

      g_string_append (filter->condition, filter->condition->len > 0 ? " AND (" : "(");
      for (guint c = 0; c < json_array_get_length (any); c++)
        {
          JsonObject *condition = json_array_get_object_element (any, c);
          const char *type = json_object_get_string_member (condition, "type");

          if (c > 0)
            g_string_append (filter->condition, " OR ");
          for (guint i = 0; i < G_N_ELEMENTS (appenders); i++)
            if (g_str_equal (type, appenders[i].type))
              appenders[i].append (filter, condition);
        }
      g_string_append_c (filter->condition, ')');
    }
}

static JsonNode *
parse_criteria (const char  *json,
                GError     **error)
{
  g_autoptr(JsonNode) criteria = json_from_string (json, error);

  if (criteria == NULL || !loy_segment_criteria_validate (criteria, error))
    return NULL;

  return g_steal_pointer (&criteria);
}

/* The stored criteria of the segment @uuid. */
static JsonNode *
load_criteria (sqlite3     *db,
               const char  *uuid,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare (db, "SELECT criteria FROM segments WHERE uuid = :uuid", error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return parse_criteria ((const char *) sqlite3_column_text (stmt, 0), error);

  if (rc == SQLITE_DONE)
    g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                 _("There is no segment with UUID “%s”"), uuid);
  else
    _loy_sqlite_set_error (error, db);

  return NULL;
}

LoySqliteFilter *
_loy_sqlite_filter_new_for_query (sqlite3         *db,
                                  const LoyQuery  *query,
                                  GError         **error)
{
  g_autoptr(LoySqliteFilter) filter = filter_new ();

  if (query->kind != LOY_KIND_CONTACT)
    return g_steal_pointer (&filter);

  if (query->segment_uuid != NULL)
    {
      g_autoptr(JsonNode) stored = load_criteria (db, query->segment_uuid, error);

      if (stored == NULL)
        return NULL;
      append_criteria (filter, stored);
    }

  if (query->criteria != NULL)
    {
      if (!loy_segment_criteria_validate (query->criteria, error))
        return NULL;
      append_criteria (filter, query->criteria);
    }

  return g_steal_pointer (&filter);
}

LoySqliteFilter *
_loy_sqlite_filter_new_for_segments (sqlite3             *db,
                                     const char * const  *segment_uuids,
                                     GPtrArray          **conditions,
                                     GError             **error)
{
  g_autoptr(LoySqliteFilter) filter = filter_new ();
  g_autoptr(GPtrArray) each = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; segment_uuids[i] != NULL; i++)
    {
      g_autoptr(JsonNode) stored = load_criteria (db, segment_uuids[i], error);

      if (stored == NULL)
        return NULL;

      /* The values go on numbering across the conditions. */
      g_string_truncate (filter->condition, 0);
      append_criteria (filter, stored);
      g_ptr_array_add (each, g_strdup (filter->condition->len > 0 ? filter->condition->str : "1"));
    }

  g_string_truncate (filter->condition, 0);
  *conditions = g_steal_pointer (&each);

  return g_steal_pointer (&filter);
}

gboolean
_loy_sqlite_segment_count_members (sqlite3     *db,
                                   LoySegment  *segment,
                                   GError     **error)
{
  g_autoptr(LoySqliteFilter) filter = filter_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  append_criteria (filter, loy_segment_get_criteria (segment));
  sql = g_strconcat ("SELECT count(*) FROM contacts AS t",
                     filter->condition->len > 0 ? " WHERE " : "", filter->condition->str, NULL);

  if ((stmt = _loy_sqlite_prepare (db, sql, error)) == NULL)
    return FALSE;

  _loy_sqlite_filter_bind (filter, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  loy_segment_set_n_contacts (segment, sqlite3_column_int64 (stmt, 0));
  return TRUE;
}
