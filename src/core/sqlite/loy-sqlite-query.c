/* loy-sqlite-query.c — a query or a lookup turned into SQL and read as records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-sqlite-campaign-rows.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-records.h"
#include "loy-sqlite-search.h"
#include "loy-sqlite-worker.h"
#include "loy-visibility.h"

typedef struct
{
  const char *name;   /* as the UI and loyctl spell it */
  const char *sql;
} SortKey;

/* How one kind of record is read: "SELECT columns FROM from WHERE ...". The
 * record's own table is always aliased "t". Searches bind :pattern (a LIKE
 * pattern), :search (the text as typed) or :fts (an FTS5 query). */
typedef struct
{
  /* The record's own table, for finding a row by UUID; NULL without UUIDs. */
  const char     *table;
  const char     *columns;
  const char     *from;
  const char     *search_condition;
  /* Optional, for a full-text search instead of search_condition: the
   * matching rows' ids, as a table "(SELECT … AS id …)" (NULL when nothing
   * searchable was typed), joined to the records by search_join (it is
   * aliased f) and read in the order of its ids, search_order. */
  /* Sets @combined when the ids come from several full-text queries. */
  char         *(*build_search_ids) (const char *search,
                                     gboolean   *combined);
  const char     *search_join;
  const char     *search_order;
  const char     *default_order;
  const SortKey  *sort_keys;
  const char     *not_found_format;
  GObject      *(*read_row) (sqlite3_stmt *stmt);
  /* Optional: fills in what one SELECT cannot (a segment's member count). */
  gboolean      (*complete_row) (sqlite3  *db,
                                 GObject  *item,
                                 GError  **error);
} KindSpec;

#define LIKE_TITLE_OR_UUID "(t.title LIKE :pattern ESCAPE '\\' OR t.uuid = :search)"
#define LIKE_NAME_OR_UUID  "(t.name LIKE :pattern ESCAPE '\\' OR t.uuid = :search)"

static const SortKey reward_sort_keys[] = {
  { "title", "t.title COLLATE NOCASE" },
  { "required_credits", "t.required_credits" },
  { "reward_type", "t.reward_type" },
  { "is_active", "t.is_active" },
  { "stock", "t.stock" },
  { "created_at", "t.created_at" },
  { NULL }
};

static const SortKey campaign_sort_keys[] = {
  { "name", "t.name COLLATE NOCASE" },
  { "campaign_type", "t.campaign_type" },
  { "is_active", "t.is_active" },
  { "active_from", "t.active_from" },
  { "cost_in_points", "t.cost_in_points" },
  { "created_at", "t.created_at" },
  { NULL }
};

static const SortKey code_group_sort_keys[] = {
  { "name", "t.name COLLATE NOCASE" },
  { "created_at", "t.created_at" },
  { NULL }
};

static const SortKey code_sort_keys[] = {
  { "code", "t.code" },
  { "issued_at", "t.issued_at" },
  { NULL }
};

static const SortKey contact_sort_keys[] = {
  { "first_name", "t.first_name COLLATE NOCASE" },
  { "last_name", "t.last_name COLLATE NOCASE" },
  { "email", "t.email" },
  { "balance", "t.balance" },
  { "created_at", "t.created_at" },
  { NULL }
};

static const SortKey level_sort_keys[] = {
  { "name", "t.name COLLATE NOCASE" },
  { "threshold", "t.threshold" },
  { NULL }
};

static const SortKey ledger_entry_sort_keys[] = {
  { "created_at", "t.created_at" },
  { "credits", "t.credits" },
  { "entry_type", "t.entry_type" },
  { NULL }
};

static const SortKey name_sort_keys[] = {
  { "name", "t.name COLLATE NOCASE" },
  { NULL }
};

/* Contact attributes have one order, most common first. */
static const SortKey no_sort_keys[] = {
  { NULL }
};

/* Every attribute name in contacts.attributes, with how many contacts have
 * it (a null value is none) and the type all its values share: text when
 * they differ. A date is YYYY-MM-DD and real: without the modifier, SQLite
 * 3.40 keeps "2021-02-30" as it is. One scan of the contacts, skipping
 * those without attributes. */
#define CONTACT_ATTRIBUTES_FROM \
  "(SELECT j.key AS name, j.key AS uuid, count(*) AS n_contacts," \
  "  CASE count(*)" \
  "   WHEN sum (j.type IN ('integer', 'real')) THEN 'NUMBER'" \
  "   WHEN sum (j.type IN ('false', 'true')) THEN 'BOOLEAN'" \
  "   WHEN sum (j.type = 'text' AND date (j.atom, '+0 days') IS j.atom) THEN 'DATE'" \
  "   ELSE 'TEXT'" \
  "  END AS value_type" \
  " FROM contacts AS c, json_each (c.attributes) AS j" \
  " WHERE c.attributes <> '{}' AND j.type <> 'null'" \
  " GROUP BY j.key) AS t"


static const KindSpec kind_specs[LOY_N_KINDS] = {
  [LOY_KIND_REWARD] = {
    .table = "rewards",
    .columns = REWARD_COLUMNS,
    .from = REWARD_FROM,
    .search_condition = LIKE_TITLE_OR_UUID,
    .default_order = "t.id",
    .sort_keys = reward_sort_keys,
    .not_found_format = N_("There is no reward with UUID “%s”"),
    .read_row = _loy_sqlite_read_reward,
  },
  [LOY_KIND_CAMPAIGN] = {
    .table = "campaigns",
    .columns = CAMPAIGN_COLUMNS,
    .from = CAMPAIGN_FROM,
    .search_condition = CAMPAIGN_SEARCH,
    .default_order = "t.id",
    .sort_keys = campaign_sort_keys,
    .not_found_format = N_("There is no campaign with UUID “%s”"),
    .read_row = _loy_sqlite_read_campaign,
  },
  [LOY_KIND_CODE_GROUP] = {
    .table = "code_groups",
    .columns = CODE_GROUP_COLUMNS,
    .from = CODE_GROUP_FROM,
    .search_condition = LIKE_NAME_OR_UUID,
    .default_order = "t.id",
    .sort_keys = code_group_sort_keys,
    .not_found_format = N_("There is no code group with UUID “%s”"),
    .read_row = _loy_sqlite_read_code_group,
  },
  /* One group's codes (LoyQuery.parent_uuid), in code order; a search is
   * a prefix of the code, found through the (group_id, code) index. */
  [LOY_KIND_CODE] = {
    .columns = "t.code, g.uuid, c.uuid, c.first_name, c.last_name, c.email, t.issued_at,"
               " t.revoked_at",
    .from = "codes AS t JOIN code_groups AS g ON g.id = t.group_id"
            " LEFT JOIN contacts AS c ON c.id = t.contact_id",
    .search_condition = "(t.code >= :search AND t.code < :search || char (1114111))",
    .default_order = "t.code",
    .sort_keys = code_sort_keys,
    .not_found_format = N_("There is no code “%s”"),
    .read_row = _loy_sqlite_read_code,
  },
  [LOY_KIND_CONTACT] = {
    .table = "contacts",
    .columns = CONTACT_COLUMNS,
    .from = "contacts AS t LEFT JOIN levels AS l ON l.id = t.level_id",
    .build_search_ids = _loy_sqlite_build_contact_search_ids,
    .search_join = " AS f JOIN contacts AS t ON t.id = f.id"
                   " LEFT JOIN levels AS l ON l.id = t.level_id",
    .search_order = "f.id",
    .default_order = "t.id",
    .sort_keys = contact_sort_keys,
    .not_found_format = N_("There is no contact with UUID “%s”"),
    .read_row = _loy_sqlite_read_contact,
  },
  [LOY_KIND_LEVEL] = {
    .table = "levels",
    .columns = "t.uuid, t.name, t.threshold,"
               " (SELECT count(*) FROM contacts AS c WHERE c.level_id = t.id)",
    .from = "levels AS t",
    .search_condition = LIKE_NAME_OR_UUID,
    .default_order = "t.threshold",
    .sort_keys = level_sort_keys,
    .not_found_format = N_("There is no level with UUID “%s”"),
    .read_row = _loy_sqlite_read_level,
  },
  [LOY_KIND_SEGMENT] = {
    .table = "segments",
    .columns = "t.uuid, t.name, t.description, t.criteria",
    .from = "segments AS t",
    .search_condition = LIKE_NAME_OR_UUID,
    .default_order = "t.id",
    .sort_keys = name_sort_keys,
    .not_found_format = N_("There is no segment with UUID “%s”"),
    .read_row = _loy_sqlite_read_segment,
    .complete_row = _loy_sqlite_complete_segment,
  },
  [LOY_KIND_SHOP] = {
    .table = "shops",
    .columns = "t.uuid, t.name",
    .from = "shops AS t",
    .search_condition = LIKE_NAME_OR_UUID,
    .default_order = "t.id",
    .sort_keys = name_sort_keys,
    .not_found_format = N_("There is no shop with UUID “%s”"),
    .read_row = _loy_sqlite_read_shop,
  },
  /* One contact's ledger (LoyQuery.parent_uuid), newest first. */
  [LOY_KIND_LEDGER_ENTRY] = {
    .table = "ledger_entries",
    .columns = "t.uuid, c.uuid, t.entry_type, t.credits, t.reason, t.operator, r.uuid, r.title,"
               " k.code, t.purchase_amount_cents, o.uuid, v.id IS NOT NULL, t.created_at",
    .from = "ledger_entries AS t JOIN contacts AS c ON c.id = t.contact_id"
            " LEFT JOIN rewards AS r ON r.id = t.reward_id"
            " LEFT JOIN codes AS k ON k.id = t.code_id"
            " LEFT JOIN ledger_entries AS o ON o.id = t.reverses_id"
            " LEFT JOIN ledger_entries AS v ON v.reverses_id = t.id",
    .search_condition = "(t.reason LIKE :pattern ESCAPE '\\' OR t.uuid = :search)",
    .default_order = "t.created_at DESC, t.id DESC",
    .sort_keys = ledger_entry_sort_keys,
    .not_found_format = N_("There is no ledger entry with UUID “%s”"),
    .read_row = _loy_sqlite_read_ledger_entry,
  },
  /* Looked up by name, which is also the "uuid". */
  [LOY_KIND_CONTACT_ATTRIBUTE] = {
    .columns = "t.name, t.value_type, t.n_contacts",
    .from = CONTACT_ATTRIBUTES_FROM,
    .search_condition = "t.name LIKE :pattern ESCAPE '\\'",
    .default_order = "t.n_contacts DESC, t.name",
    .sort_keys = no_sort_keys,
    .not_found_format = N_("No contact has the attribute “%s”"),
    .read_row = _loy_sqlite_read_contact_attribute,
  },
};

/* The spec of @kind, or NULL with LOY_ERROR_NOT_SUPPORTED for a kind this
 * backend does not list. */
static const KindSpec *
get_kind_spec (LoyKind   kind,
               GError  **error)
{
  if (kind < G_N_ELEMENTS (kind_specs) && kind_specs[kind].read_row != NULL)
    return &kind_specs[kind];

  g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
               _("The local database cannot list these records"));
  return NULL;
}

static gboolean
append_order_by (GString         *sql,
                 const KindSpec  *spec,
                 const char      *default_order,
                 const char      *sort,
                 GError         **error)
{
  gboolean descending;
  const char *name;

  if (sort == NULL || sort[0] == '\0')
    {
      g_string_append_printf (sql, " ORDER BY %s", default_order);
      return TRUE;
    }

  descending = sort[0] == '-';
  name = descending ? sort + 1 : sort;

  for (const SortKey *key = spec->sort_keys; key->name != NULL; key++)
    {
      if (g_str_equal (key->name, name))
        {
          /* The id keeps pages stable when sort values repeat. */
          g_string_append_printf (sql, " ORDER BY %s %s, t.id %s",
                                  key->sql, descending ? "DESC" : "ASC",
                                  descending ? "DESC" : "ASC");
          return TRUE;
        }
    }

  g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
               _("Cannot sort by “%s”"), name);
  return FALSE;
}

/* @order_by (" ORDER BY a, b DESC …") the other way round, when the order
 * is total (its last term the id, or the code within one group): then its
 * rows are exactly those of @order_by, from the end. NULL otherwise. */
static char *
reverse_order_by (const char *order_by,
                  gboolean    in_one_group)
{
  static const char * const unique_keys[] = { "t.id", "f.id", "t.code" };
  g_auto(GStrv) terms = g_strsplit (order_by + strlen (" ORDER BY "), ", ", -1);
  g_autoptr(GString) reversed = g_string_new (" ORDER BY ");
  const char *last = terms[g_strv_length (terms) - 1];
  guint n_unique_keys = G_N_ELEMENTS (unique_keys) - (in_one_group ? 0 : 1);
  gboolean total = FALSE;

  for (guint i = 0; i < n_unique_keys && !total; i++)
    total = g_str_has_prefix (last, unique_keys[i]) &&
            (last[strlen (unique_keys[i])] == '\0' || last[strlen (unique_keys[i])] == ' ');
  if (!total)
    return NULL;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (reversed, ", ");
      if (g_str_has_suffix (terms[i], " DESC"))
        g_string_append_len (reversed, terms[i], strlen (terms[i]) - strlen (" DESC"));
      else if (g_str_has_suffix (terms[i], " ASC"))
        g_string_append_printf (reversed, "%.*s DESC",
                                (int) (strlen (terms[i]) - strlen (" ASC")), terms[i]);
      else
        g_string_append_printf (reversed, "%s DESC", terms[i]);
    }

  return g_string_free (g_steal_pointer (&reversed), FALSE);
}

/* Binds the query's values to whichever of :search, :pattern, the FTS5
 * queries and :level @stmt uses, and those of the segment @members filter. */
static void
bind_query (sqlite3_stmt    *stmt,
            const LoyQuery  *query,
            LoySqliteFilter *members)
{
  if (loy_query_has_search (query))
    _loy_sqlite_bind_search (stmt, query->search);

  if (query->exclude_uuids != NULL && query->exclude_uuids[0] != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) excluded = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; query->exclude_uuids[i] != NULL; i++)
        json_builder_add_string_value (builder, query->exclude_uuids[i]);
      json_builder_end_array (builder);
      excluded = json_builder_get_root (builder);
      json = json_to_string (excluded, FALSE);
      _loy_sqlite_bind_text (stmt, ":excluded", json);
    }

  if (query->kind == LOY_KIND_CAMPAIGN)
    _loy_sqlite_campaign_filters_bind (query, stmt);
  _loy_sqlite_bind_text (stmt, ":parent", query->parent_uuid);
  _loy_sqlite_bind_text (stmt, ":level", query->level_uuid);
  _loy_sqlite_filter_bind (members, stmt);
}

/* "@column IN ('A', …)" with the name of each value whose bit is set in
 * @mask (bit i for @names[i]); the names are the enums' own spellings, so
 * nothing from outside goes into the SQL. */
static char *
build_in_condition (const char         *column,
                    guint               mask,
                    const char * const *names,
                    guint               n_names)
{
  g_autoptr(GString) condition = g_string_new (column);
  gboolean first = TRUE;

  g_string_append (condition, " IN (");
  for (guint i = 0; i < n_names; i++)
    {
      if ((mask & (1u << i)) == 0)
        continue;

      g_string_append_printf (condition, "%s'%s'", first ? "" : ", ", names[i]);
      first = FALSE;
    }

  /* No known value asked for: nothing matches. */
  if (first)
    g_string_append (condition, "NULL");
  g_string_append_c (condition, ')');

  return g_string_free (g_steal_pointer (&condition), FALSE);
}

static char *
build_ledger_types_condition (guint types)
{
  const char *names[LOY_N_LEDGER_ENTRY_TYPES];

  for (LoyLedgerEntryType type = 0; type < LOY_N_LEDGER_ENTRY_TYPES; type++)
    names[type] = loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, type);

  return build_in_condition ("t.entry_type", types, names, G_N_ELEMENTS (names));
}

static char *
build_reward_types_condition (guint types)
{
  const char *names[LOY_REWARD_TYPE_DIGITAL + 1];

  for (LoyRewardType type = 0; type <= LOY_REWARD_TYPE_DIGITAL; type++)
    names[type] = loy_enum_to_nick (LOY_TYPE_REWARD_TYPE, type);

  return build_in_condition ("t.reward_type", types, names, G_N_ELEMENTS (names));
}

/* Whether @query's search is a condition of the WHERE clause; a full-text
 * search is one of the table read from instead. */
static gboolean
has_search_condition (const KindSpec *spec,
                      const LoyQuery *query)
{
  return loy_query_has_search (query) && spec->search_condition != NULL;
}

/* The WHERE clause of @query, of @n_conditions conditions. */
static char *
build_where (const KindSpec  *spec,
             const LoyQuery  *query,
             LoySqliteFilter *members,
             guint           *n_conditions)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (has_search_condition (spec, query))
    g_ptr_array_add (conditions, g_strdup (spec->search_condition));

  if (query->kind == LOY_KIND_CODE)
    g_ptr_array_add (conditions, g_strdup ("t.group_id = (SELECT id FROM code_groups WHERE uuid = :parent)"));

  if (query->kind == LOY_KIND_REWARD && query->only_active)
    g_ptr_array_add (conditions, g_strdup ("t.is_active"));

  if (query->kind == LOY_KIND_REWARD && query->only_inactive)
    g_ptr_array_add (conditions, g_strdup ("NOT t.is_active"));

  if (query->kind == LOY_KIND_REWARD && query->reward_types != 0)
    g_ptr_array_add (conditions, build_reward_types_condition (query->reward_types));

  if (query->kind == LOY_KIND_CAMPAIGN)
    _loy_sqlite_campaign_filters_add (query, conditions);

  if (query->kind == LOY_KIND_LEDGER_ENTRY)
    g_ptr_array_add (conditions, g_strdup ("t.contact_id = (SELECT id FROM contacts WHERE uuid = :parent)"));

  if (query->kind == LOY_KIND_LEDGER_ENTRY && query->ledger_types != 0)
    g_ptr_array_add (conditions, build_ledger_types_condition (query->ledger_types));

  if (query->kind == LOY_KIND_CONTACT && query->level_uuid != NULL)
    g_ptr_array_add (conditions, g_strdup ("t.level_id = (SELECT id FROM levels WHERE uuid = :level)"));

  if (_loy_sqlite_filter_get_condition (members) != NULL)
    g_ptr_array_add (conditions, g_strdup (_loy_sqlite_filter_get_condition (members)));

  if (query->exclude_uuids != NULL && query->exclude_uuids[0] != NULL)
    g_ptr_array_add (conditions, g_strdup ("t.uuid NOT IN (SELECT value FROM json_each (:excluded))"));

  *n_conditions = conditions->len;
  if (conditions->len == 0)
    return g_strdup ("");

  g_ptr_array_add (conditions, NULL);
  joined = g_strjoinv (" AND ", (char **) conditions->pdata);

  return g_strconcat (" WHERE ", joined, NULL);
}

static gboolean
count_matches (sqlite3         *db,
               const char      *from,
               const LoyQuery  *query,
               LoySqliteFilter *members,
               const char      *where,
               guint           *total,
               GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s%s", from, where);
  g_autoptr(LoySqliteCachedStmt) stmt = _loy_sqlite_prepare_cached (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_query (stmt, query, members);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  *total = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Reads the rows of @stmt into @items; TRUE when it ran to completion. */
static gboolean
read_rows (sqlite3_stmt    *stmt,
           const KindSpec  *spec,
           GPtrArray       *items,
           GError         **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (items, spec->read_row (stmt));
      if (spec->complete_row != NULL &&
          !spec->complete_row (sqlite3_db_handle (stmt), g_ptr_array_index (items, items->len - 1),
                               error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, sqlite3_db_handle (stmt));
      return FALSE;
    }

  return TRUE;
}

static gboolean
filters_reward_visibility (const LoyQuery *query)
{
  return query->kind == LOY_KIND_REWARD &&
         (query->visible_to_contact != NULL || query->platform != 0 || query->shop_uuid != NULL);
}

/* The page of rewards visible by @query's contact, platform and shop:
 * loy_reward_check_visibility() over every row of @stmt (reward lists are
 * short), then counted and paged. */
static LoyPage *
query_visible_rewards (sqlite3         *db,
                       const LoyQuery  *query,
                       sqlite3_stmt    *stmt,
                       guint            offset,
                       guint            limit,
                       GError         **error)
{
  g_autoptr(GPtrArray) rewards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyPage) page = NULL;
  guint n_visible = 0;

  if (query->visible_to_contact != NULL &&
      (contact = LOY_CONTACT (_loy_sqlite_lookup_record (db, LOY_KIND_CONTACT,
                                                         query->visible_to_contact,
                                                         error))) == NULL)
    return NULL;

  _loy_sqlite_bind_int64 (stmt, ":limit", -1);
  _loy_sqlite_bind_int64 (stmt, ":offset", 0);
  if (!read_rows (stmt, &kind_specs[LOY_KIND_REWARD], rewards, error))
    return NULL;

  page = loy_page_new (0);
  for (guint i = 0; i < rewards->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (rewards, i);

      if (loy_reward_check_visibility (reward, contact, query->platform, query->shop_uuid,
                                       now) != LOY_VISIBILITY_VISIBLE)
        continue;

      if (n_visible >= offset && page->items->len < limit)
        g_ptr_array_add (page->items, g_object_ref (reward));
      n_visible++;
    }
  page->total = n_visible;

  return g_steal_pointer (&page);
}

/* The matches of a search combined from several full-text queries, found
 * once into a TEMP table that the count and the page then both read: the
 * queries and the set operations between them cost far more than reading
 * a table of ids twice ("de vri": 13 ms against 0.3 ms at 200,000). */
#define SEARCH_MATCHES "(SELECT id FROM temp.search_matches)"

static gboolean
collect_search_matches (sqlite3          *db,
                        const char       *search_ids,
                        const LoyQuery   *query,
                        LoySqliteFilter  *members,
                        GError          **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO temp.search_matches (id) SELECT id FROM %s",
                                          search_ids);
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;

  if (!_loy_sqlite_exec (db, "CREATE TEMP TABLE IF NOT EXISTS search_matches"
                             " (id INTEGER PRIMARY KEY)", error) ||
      !_loy_sqlite_exec (db, "DELETE FROM temp.search_matches", error) ||
      (stmt = _loy_sqlite_prepare_cached (db, sql, error)) == NULL)
    return FALSE;

  bind_query (stmt, query, members);

  return _loy_sqlite_step_done (stmt, error);
}

static LoyPage *
read_page (sqlite3         *db,
           const LoyQuery  *query,
           guint            offset,
           guint            limit,
           GError         **error)
{
  const KindSpec *spec = get_kind_spec (query->kind, error);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoySqliteFilter) members = NULL;
  g_autofree char *where = NULL;
  g_autofree char *search_ids = NULL;
  g_autofree char *search_from = NULL;
  gboolean combined_search = FALSE;
  const char *from;
  const char *count_from;
  const char *default_order;
  guint n_conditions = 0;
  guint total;

  if (spec == NULL || (members = _loy_sqlite_filter_new_for_query (db, query, error)) == NULL)
    return NULL;

  if (spec->table == NULL && query->exclude_uuids != NULL && query->exclude_uuids[0] != NULL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _("These records have no UUIDs to leave out"));
      return NULL;
    }

  where = build_where (spec, query, members, &n_conditions);
  from = spec->from;
  count_from = spec->from;
  default_order = spec->default_order;
  if (spec->build_search_ids != NULL && loy_query_has_search (query) &&
      (search_ids = spec->build_search_ids (query->search, &combined_search)) != NULL)
    {
      if (combined_search)
        {
          if (!collect_search_matches (db, search_ids, query, members, error))
            return NULL;
          g_free (search_ids);
          search_ids = g_strdup (SEARCH_MATCHES);
        }
      search_from = g_strconcat (search_ids, spec->search_join, NULL);
      from = search_from;
      /* The first page then stops after 50 matches instead of collecting
       * and ordering all of them, and the count never reads the contacts. */
      count_from = n_conditions == 0 ? search_ids : search_from;
      default_order = spec->search_order;
    }

  if (!count_matches (db, count_from, query, members, where, &total, error))
    return NULL;

  /* A deep page, or a page of search results: its rows are found by a
   * query of their ids alone, which skips the rows before it in the sort
   * order's index (or sorts the ids of the matches) without reading them
   * from the table; the join with levels, unused there, drops out. Only the
   * page's own rows are read, found by their ids. */
  if ((offset > 0 || search_ids != NULL) && spec->table != NULL &&
      !filters_reward_visibility (query))
    {
      g_autoptr(GString) page_ids = g_string_new (NULL);
      g_autoptr(GString) order_by = g_string_new (NULL);
      g_autofree char *from_end = NULL;

      if (search_ids != NULL && n_conditions == 0 && (query->sort == NULL || query->sort[0] == '\0'))
        {
          g_string_printf (page_ids, "SELECT f.id FROM %s AS f", search_ids);
          g_string_assign (order_by, " ORDER BY f.id");
        }
      else
        {
          g_string_printf (page_ids, "SELECT t.id FROM %s%s", from, where);
          if (!append_order_by (order_by, spec, default_order, query->sort, error))
            return NULL;
        }

      /* Past the middle, the ids are counted from the end of the order: the
       * bottom of a million rows skips a few of them, not a million. */
      if (offset > total / 2 && (from_end = reverse_order_by (order_by->str, query->parent_uuid != NULL)) != NULL)
        {
          guint end = MIN (total, offset + limit);

          g_string_append (page_ids, from_end);
          limit = offset < end ? end - offset : 0;
          offset = total - end;
        }
      else
        g_string_append (page_ids, order_by->str);
      g_string_append (page_ids, " LIMIT :limit OFFSET :offset");

      /* The ids already meet every condition; a search's order by id is
       * the table's own. */
      g_string_printf (sql, "SELECT %s FROM %s WHERE t.id IN (%s)",
                       spec->columns, spec->from, page_ids->str);
      append_order_by (sql, spec, spec->default_order, query->sort, NULL);
    }
  else
    {
      g_string_printf (sql, "SELECT %s FROM %s%s", spec->columns, from, where);
      if (!append_order_by (sql, spec, default_order, query->sort, error))
        return NULL;
      g_string_append (sql, " LIMIT :limit OFFSET :offset");
    }

  if ((stmt = _loy_sqlite_prepare_cached (db, sql->str, error)) == NULL)
    return NULL;

  bind_query (stmt, query, members);

  if (filters_reward_visibility (query))
    return query_visible_rewards (db, query, stmt, offset, limit, error);

  _loy_sqlite_bind_int64 (stmt, ":limit", limit);
  _loy_sqlite_bind_int64 (stmt, ":offset", offset);

  page = loy_page_new (total);
  if (!read_rows (stmt, spec, page->items, error))
    return NULL;

  return g_steal_pointer (&page);
}

/* A page and its total from one read transaction: read apart, a write
 * committed between the count and the rows would make them disagree. */
static LoyPage *
query_page (sqlite3         *db,
            const LoyQuery  *query,
            guint            offset,
            guint            limit,
            GError         **error)
{
  g_autoptr(LoyPage) page = NULL;

  if (!_loy_sqlite_begin_read (db, error))
    return NULL;

  if (!(page = read_page (db, query, offset, limit, error)))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  if (!_loy_sqlite_commit (db, error))
    return NULL;

  return g_steal_pointer (&page);
}

/* The record @uuid of @spec read with @columns: the spec's own, or others
 * its reader accepts followed by the rowid, which goes to @rowid. */
static GObject *
lookup_row (sqlite3         *db,
            const KindSpec  *spec,
            const char      *columns,
            const char      *uuid,
            gint64          *rowid,
            GError         **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE t.uuid = :uuid",
                                          columns, spec->from);
  g_autoptr(LoySqliteCachedStmt) stmt = _loy_sqlite_prepare_cached (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autoptr(GObject) record = spec->read_row (stmt);

      if (rowid != NULL)
        *rowid = sqlite3_column_int64 (stmt, sqlite3_column_count (stmt) - 1);
      if (spec->complete_row != NULL && !spec->complete_row (db, record, error))
        return NULL;

      return g_steal_pointer (&record);
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND, _(spec->not_found_format), uuid);
  else
    _loy_sqlite_set_error (error, db);

  return NULL;
}

GObject *
_loy_sqlite_lookup_record (sqlite3     *db,
                           LoyKind      kind,
                           const char  *uuid,
                           GError     **error)
{
  const KindSpec *spec = get_kind_spec (kind, error);

  if (spec == NULL)
    return NULL;

  return lookup_row (db, spec, spec->columns, uuid, NULL, error);
}

LoyContact *
_loy_sqlite_lookup_contact (sqlite3     *db,
                            const char  *uuid,
                            gint64      *contact_id,
                            GError     **error)
{
  return LOY_CONTACT (lookup_row (db, &kind_specs[LOY_KIND_CONTACT], CONTACT_COLUMNS ", t.id",
                                  uuid, contact_id, error));
}

LoyReward *
_loy_sqlite_lookup_reward_uncounted (sqlite3     *db,
                                     const char  *uuid,
                                     GError     **error)
{
  return LOY_REWARD (lookup_row (db, &kind_specs[LOY_KIND_REWARD], REWARD_COLUMNS_UNCOUNTED,
                                 uuid, NULL, error));
}

/* The rowid of the @kind record @uuid, or 0 with LOY_ERROR_NOT_FOUND. */
gint64
_loy_sqlite_find_id (sqlite3     *db,
                     LoyKind      kind,
                     const char  *uuid,
                     GError     **error)
{
  const KindSpec *spec = &kind_specs[kind];
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_assert (spec->table != NULL);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = :uuid", spec->table);
  if ((stmt = _loy_sqlite_prepare (db, sql, error)) == NULL)
    return 0;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (rc == SQLITE_DONE)
    g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND, _(spec->not_found_format), uuid);
  else
    _loy_sqlite_set_error (error, db);

  return 0;
}

LoyStoreCapabilities
_loy_sqlite_query_list_capabilities (void)
{
  LoyStoreCapabilities capabilities = 0;

  for (LoyKind kind = 0; kind < G_N_ELEMENTS (kind_specs); kind++)
    if (kind_specs[kind].read_row != NULL)
      capabilities |= loy_kind_get_list_capability (kind);

  return capabilities;
}

/* The LoyStore operations */

typedef struct
{
  LoyQuery *query;
  guint     offset;
  guint     limit;
} QueryInput;

static void
query_input_free (QueryInput *input)
{
  loy_query_free (input->query);
  g_free (input);
}

static gpointer
query_work (sqlite3       *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  QueryInput *input = data;

  return query_page (db, input->query, input->offset, input->limit, error);
}

static void
loy_sqlite_store_query_async (LoyStore            *store,
                              const LoyQuery      *query,
                              guint                offset,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  QueryInput *input = g_new0 (QueryInput, 1);

  input->query = loy_query_copy (query);
  input->offset = offset;
  input->limit = limit;

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), query_work, input, (GDestroyNotify) query_input_free,
                  (GDestroyNotify) loy_page_free, loy_sqlite_store_query_async,
                  cancellable, callback, user_data);
}

typedef struct
{
  LoyKind  kind;
  char    *uuid;
} LookupInput;

static void
lookup_input_free (LookupInput *input)
{
  g_free (input->uuid);
  g_free (input);
}

static gpointer
lookup_work (sqlite3       *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  LookupInput *input = data;
  g_autoptr(GObject) record = _loy_sqlite_lookup_record (db, input->kind, input->uuid, error);

  /* Only a contact looked up on its own tells when its points expire. */
  if (record != NULL && input->kind == LOY_KIND_CONTACT &&
      !_loy_sqlite_fill_next_expiry (db, LOY_CONTACT (record), error))
    return NULL;

  return g_steal_pointer (&record);
}

static void
loy_sqlite_store_lookup_async (LoyStore            *store,
                               LoyKind              kind,
                               const char          *uuid,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LookupInput *input = g_new0 (LookupInput, 1);

  input->kind = kind;
  input->uuid = g_strdup (uuid);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), lookup_work, input, (GDestroyNotify) lookup_input_free,
                  g_object_unref, loy_sqlite_store_lookup_async, cancellable, callback, user_data);
}

void
_loy_sqlite_store_query_iface_init (LoyStoreInterface *iface)
{
  iface->query_async = loy_sqlite_store_query_async;
  iface->lookup_async = loy_sqlite_store_lookup_async;
}
