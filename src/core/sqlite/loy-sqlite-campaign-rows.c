/* loy-sqlite-campaign-rows.c — campaigns, purchases and categories read
 * from their rows; the campaign list's filters; the evaluator's context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <json-glib/json-glib.h>

#include "loy-campaign-category.h"
#include "loy-campaign-purchase.h"
#include "loy-enums.h"
#include "loy-sqlite-campaign-rows.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"

static gint64
column_int64_or_unset (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return LOY_UNSET;

  return sqlite3_column_int64 (stmt, column);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static int
column_nick (sqlite3_stmt *stmt,
             int           column,
             GType         enum_type,
             int           fallback)
{
  int value = fallback;

  if (column_text (stmt, column) != NULL)
    loy_enum_from_nick (enum_type, column_text (stmt, column), &value);

  return value;
}

/* The JSON the columns' subqueries build (NULL when there were no rows). */
static JsonNode *
column_json (sqlite3_stmt *stmt,
             int           column)
{
  const char *json = column_text (stmt, column);

  return json != NULL ? json_from_string (json, NULL) : NULL;
}

/* A JSON array of strings as a NULL-terminated vector. */
static GStrv
column_strv (sqlite3_stmt *stmt,
             int           column)
{
  g_autoptr(JsonNode) node = column_json (stmt, column);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }

  return g_strv_builder_end (builder);
}

static void
read_texts (LoyCampaign  *campaign,
            sqlite3_stmt *stmt,
            int           column)
{
  g_autoptr(JsonNode) node = column_json (stmt, column);
  JsonObjectIter iter;
  const char *language;
  JsonNode *texts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &language, &texts))
    {
      JsonArray *array = json_node_get_array (texts);

      for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS && i < json_array_get_length (array); i++)
        if (!json_node_is_null (json_array_get_element (array, i)))
          loy_campaign_set_text (campaign, language, i, json_array_get_string_element (array, i));
    }
}

static void
read_labels (LoyCampaign  *campaign,
             sqlite3_stmt *stmt,
             int           column)
{
  g_autoptr(JsonNode) node = column_json (stmt, column);
  JsonArray *labels;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  labels = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonArray *label = json_array_get_array_element (labels, i);

      loy_campaign_add_label (campaign, json_array_get_string_element (label, 0),
                              json_array_get_string_element (label, 1));
    }
}

GObject *
_loy_sqlite_read_campaign (sqlite3_stmt *stmt)
{
  LoyCampaign *campaign = loy_campaign_new ();
  g_auto(GStrv) categories = column_strv (stmt, 32);
  g_auto(GStrv) levels = column_strv (stmt, 33);
  g_auto(GStrv) segments = column_strv (stmt, 34);

  loy_campaign_set_uuid (campaign, column_text (stmt, 0));
  loy_campaign_set_campaign_type (campaign, column_nick (stmt, 1, LOY_TYPE_CAMPAIGN_TYPE,
                                                         LOY_CAMPAIGN_TYPE_DISCOUNT_CODE));
  loy_campaign_set_default_language (campaign, column_text (stmt, 2));
  loy_campaign_set_is_active (campaign, sqlite3_column_int (stmt, 3));
  loy_campaign_set_more_information_link (campaign, column_text (stmt, 4));
  loy_campaign_set_push_text (campaign, column_text (stmt, 5));
  loy_campaign_set_cost_in_points (campaign, sqlite3_column_int64 (stmt, 6));
  loy_campaign_set_point_value_cents (campaign, column_int64_or_unset (stmt, 7));
  loy_campaign_set_reward_value_cents (campaign, column_int64_or_unset (stmt, 8));
  loy_campaign_set_tax_rate (campaign, column_int64_or_unset (stmt, 9));
  loy_campaign_set_tax_value_cents (campaign, column_int64_or_unset (stmt, 10));
  loy_campaign_set_featured (campaign, sqlite3_column_int (stmt, 11));
  loy_campaign_set_public (campaign, sqlite3_column_int (stmt, 12));
  loy_campaign_set_transaction_percentage (campaign, sqlite3_column_int64 (stmt, 13));
  loy_campaign_set_days_inactive (campaign, sqlite3_column_int64 (stmt, 14));
  loy_campaign_set_days_valid (campaign, sqlite3_column_int64 (stmt, 15));
  loy_campaign_set_connect_type (campaign, column_nick (stmt, 16, LOY_TYPE_CONNECT_TYPE,
                                                        LOY_CONNECT_TYPE_UNSET));
  loy_campaign_set_brand_image (campaign, column_text (stmt, 17));
  loy_campaign_set_target_type (campaign, column_nick (stmt, 18, LOY_TYPE_TARGET_TYPE,
                                                       LOY_TARGET_TYPE_NONE));
  loy_campaign_set_activity (campaign, sqlite3_column_int (stmt, 19),
                             sqlite3_column_int64 (stmt, 20), sqlite3_column_int64 (stmt, 21));
  loy_campaign_set_visibility (campaign, sqlite3_column_int (stmt, 22),
                               sqlite3_column_int64 (stmt, 23), sqlite3_column_int64 (stmt, 24));
  loy_campaign_set_limit (campaign, column_int64_or_unset (stmt, 25));
  loy_campaign_set_limit_per_contact (campaign, column_int64_or_unset (stmt, 26));
  loy_campaign_set_code_group_uuid (campaign, column_text (stmt, 27));
  loy_campaign_set_shared_code (campaign, column_text (stmt, 28));
  loy_campaign_set_created_at (campaign, sqlite3_column_int64 (stmt, 29));
  read_texts (campaign, stmt, 30);
  read_labels (campaign, stmt, 31);
  loy_campaign_set_category_uuids (campaign, (const char * const *) categories);
  loy_campaign_set_level_uuids (campaign, (const char * const *) levels);
  loy_campaign_set_segment_uuids (campaign, (const char * const *) segments);
  loy_campaign_set_n_sold (campaign, sqlite3_column_int64 (stmt, 35));

  return G_OBJECT (campaign);
}

static gint64
column_time_or_zero (sqlite3_stmt *stmt,
                     int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, column);
}

GObject *
_loy_sqlite_read_campaign_purchase (sqlite3_stmt *stmt)
{
  LoyCampaignPurchase *purchase = loy_campaign_purchase_new (column_text (stmt, 0));

  loy_campaign_purchase_set_campaign (purchase, column_text (stmt, 1), column_text (stmt, 2),
                                      column_nick (stmt, 3, LOY_TYPE_CAMPAIGN_TYPE,
                                                   LOY_CAMPAIGN_TYPE_DISCOUNT_CODE));
  loy_campaign_purchase_set_contact_uuid (purchase, column_text (stmt, 4));
  loy_campaign_purchase_set_code (purchase, column_text (stmt, 5));
  loy_campaign_purchase_set_cost_in_points (purchase, sqlite3_column_int64 (stmt, 6));
  loy_campaign_purchase_set_entry_uuid (purchase, column_text (stmt, 7));
  loy_campaign_purchase_set_created_at (purchase, sqlite3_column_int64 (stmt, 8));
  loy_campaign_purchase_set_validity (purchase, sqlite3_column_int64 (stmt, 9),
                                      column_time_or_zero (stmt, 10));
  loy_campaign_purchase_set_used_at (purchase, column_time_or_zero (stmt, 11));
  loy_campaign_purchase_set_cancelled_at (purchase, column_time_or_zero (stmt, 12));
  loy_campaign_purchase_set_delivery_status (purchase,
                                             column_nick (stmt, 13, LOY_TYPE_DELIVERY_STATUS,
                                                          LOY_DELIVERY_STATUS_NONE));
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    loy_campaign_purchase_set_voucher (purchase, sqlite3_column_int64 (stmt, 14),
                                       column_text (stmt, 15));

  return G_OBJECT (purchase);
}

GObject *
_loy_sqlite_read_campaign_category (sqlite3_stmt *stmt)
{
  LoyCampaignCategory *category = loy_campaign_category_new (column_text (stmt, 0),
                                                             column_text (stmt, 1));
  g_autoptr(JsonNode) translations = column_json (stmt, 2);
  JsonObjectIter iter;
  const char *language;
  JsonNode *name;

  /* The table's CHECK guarantees a JSON object. */
  json_object_iter_init (&iter, json_node_get_object (translations));
  while (json_object_iter_next (&iter, &language, &name))
    if (JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
      loy_campaign_category_set_translation (category, language, json_node_get_string (name));
  loy_campaign_category_set_is_active (category, sqlite3_column_int (stmt, 3));
  loy_campaign_category_set_sort_order (category, sqlite3_column_int64 (stmt, 4));

  return G_OBJECT (category);
}

/* List filters */

/* "t.campaign_type IN (…)" of the types in @types, spelt by their nicks. */
static char *
build_types_condition (guint types)
{
  g_autoptr(GString) condition = g_string_new ("t.campaign_type IN (NULL");

  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    if (types & (1u << type))
      g_string_append_printf (condition, ", '%s'",
                              loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE, type));
  g_string_append_c (condition, ')');

  return g_string_free (g_steal_pointer (&condition), FALSE);
}

void
_loy_sqlite_campaign_filters_add (const LoyQuery *query,
                                  GPtrArray      *conditions)
{
  if (query->campaign_types != 0)
    g_ptr_array_add (conditions, build_types_condition (query->campaign_types));
  if (query->only_active)
    g_ptr_array_add (conditions, g_strdup ("t.is_active"));
  if (query->only_inactive)
    g_ptr_array_add (conditions, g_strdup ("NOT t.is_active"));
  if (query->only_featured)
    g_ptr_array_add (conditions, g_strdup ("t.featured"));
  if (query->only_public)
    g_ptr_array_add (conditions, g_strdup ("t.public"));
  /* Any of the categories asked for (a JSON array of UUIDs or names) */
  if (query->categories != NULL && query->categories[0] != NULL)
    g_ptr_array_add (conditions,
                     g_strdup ("EXISTS (SELECT 1 FROM campaign_category_links AS cl"
                               " JOIN campaign_categories AS k ON k.id = cl.category_id"
                               " JOIN json_each (:categories) AS c ON c.value IN (k.uuid, k.name)"
                               " WHERE cl.campaign_id = t.id)"));
  /* Every label asked for (a JSON array of [key, value or null]) is one
   * of the campaign's: all of them, not only the last as in Open Loyalty. */
  if (query->labels != NULL && query->labels[0] != NULL)
    g_ptr_array_add (conditions,
                     g_strdup ("NOT EXISTS (SELECT 1 FROM json_each (:labels) AS f"
                               " WHERE NOT EXISTS (SELECT 1 FROM campaign_labels AS l"
                               "  WHERE l.campaign_id = t.id AND l.key = f.value ->> 0"
                               "  AND (f.value ->> 1 IS NULL OR l.value = f.value ->> 1)))"));
}

void
_loy_sqlite_campaign_filters_bind (const LoyQuery *query,
                                   sqlite3_stmt   *stmt)
{
  if (query->categories != NULL && query->categories[0] != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; query->categories[i] != NULL; i++)
        json_builder_add_string_value (builder, query->categories[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);
      _loy_sqlite_bind_text (stmt, ":categories", json);
    }

  if (query->labels != NULL && query->labels[0] != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; query->labels[i] != NULL; i++)
        {
          g_auto(GStrv) key_value = g_strsplit (query->labels[i], "=", 2);

          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, key_value[0]);
          if (key_value[1] != NULL)
            json_builder_add_string_value (builder, key_value[1]);
          else
            json_builder_add_null_value (builder);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json = json_to_string (root, FALSE);
      _loy_sqlite_bind_text (stmt, ":labels", json);
    }
}

/* The evaluator's context */

GPtrArray *
_loy_sqlite_read_campaigns (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT " CAMPAIGN_COLUMNS " FROM " CAMPAIGN_FROM
                                         " ORDER BY t.created_at, t.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (campaigns, _loy_sqlite_read_campaign (stmt));

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return g_steal_pointer (&campaigns);
}

/* The segments that @campaigns target, each once. */
static GStrv
collect_target_segments (GPtrArray *campaigns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < campaigns->len; i++)
    {
      LoyCampaign *campaign = g_ptr_array_index (campaigns, i);
      const char * const *uuids = loy_campaign_get_segment_uuids (campaign);

      if (loy_campaign_get_target_type (campaign) != LOY_TARGET_TYPE_SEGMENT)
        continue;

      for (guint j = 0; uuids[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) uuids[j]))
          g_strv_builder_add (builder, uuids[j]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
add_segments (sqlite3             *db,
              LoyCampaignContext  *context,
              gint64               contact_id,
              GPtrArray           *campaigns,
              GError             **error)
{
  g_auto(GStrv) segments = collect_target_segments (campaigns);
  g_autoptr(LoySqliteFilter) filter = NULL;
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT 0");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (segments[0] == NULL)
    return TRUE;

  filter = _loy_sqlite_filter_new_for_segments (db, (const char * const *) segments,
                                                &conditions, error);
  if (filter == NULL)
    return FALSE;

  for (guint i = 0; i < conditions->len; i++)
    g_string_append_printf (sql, ", (%s)", (const char *) g_ptr_array_index (conditions, i));
  g_string_append (sql, " FROM contacts AS t WHERE t.id = :contact");

  if ((stmt = _loy_sqlite_prepare (db, sql->str, error)) == NULL)
    return FALSE;

  _loy_sqlite_filter_bind (filter, stmt);
  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  for (guint i = 0; segments[i] != NULL; i++)
    if (sqlite3_column_int (stmt, i + 1))
      loy_campaign_context_add_segment (context, segments[i]);

  return TRUE;
}

static gboolean
add_names_and_counts (sqlite3             *db,
                      LoyCampaignContext  *context,
                      gint64               contact_id,
                      GError             **error)
{
  g_autoptr(LoySqliteCachedStmt) names = NULL;
  g_autoptr(LoySqliteCachedStmt) counts = NULL;
  int rc;

  names = _loy_sqlite_prepare_cached (db, "SELECT uuid, name FROM levels"
                                          " UNION ALL SELECT uuid, name FROM segments", error);
  if (names == NULL)
    return FALSE;

  while ((rc = sqlite3_step (names)) == SQLITE_ROW)
    loy_campaign_context_set_name (context, column_text (names, 0), column_text (names, 1));
  if (rc != SQLITE_DONE)
    goto failed;

  /* Cancelled purchases count for no limit. */
  counts = _loy_sqlite_prepare_cached (db,
                                       "SELECT c.uuid,"
                                       " (SELECT count(*) FROM campaign_purchases AS p"
                                       "  WHERE p.campaign_id = c.id AND p.contact_id = :contact"
                                       "  AND p.cancelled_at IS NULL),"
                                       " (SELECT count(*) FROM campaign_purchases AS p"
                                       "  WHERE p.campaign_id = c.id AND p.cancelled_at IS NULL),"
                                       " CASE WHEN c.code_group_id IS NOT NULL THEN"
                                       "  (SELECT count(*) FROM codes AS k"
                                       "   WHERE k.group_id = c.code_group_id AND k.contact_id IS NULL)"
                                       " END"
                                       " FROM campaigns AS c",
                                       error);
  if (counts == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (counts, ":contact", contact_id);
  while ((rc = sqlite3_step (counts)) == SQLITE_ROW)
    loy_campaign_context_set_counts (context, column_text (counts, 0),
                                     sqlite3_column_int64 (counts, 1),
                                     sqlite3_column_int64 (counts, 2),
                                     column_int64_or_unset (counts, 3));
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _loy_sqlite_set_error (error, db);
  return FALSE;
}

LoyCampaignContext *
_loy_sqlite_campaign_context_new (sqlite3     *db,
                                  gint64       contact_id,
                                  GPtrArray   *campaigns,
                                  GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(LoyCampaignContext) context = NULL;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT c.balance, l.uuid FROM contacts AS c"
                                         " LEFT JOIN levels AS l ON l.id = c.level_id"
                                         " WHERE c.id = :contact", error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  context = loy_campaign_context_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1));
  if (!add_segments (db, context, contact_id, campaigns, error) ||
      !add_names_and_counts (db, context, contact_id, error))
    return NULL;

  return g_steal_pointer (&context);
}
