/* loy-sqlite-campaigns.c — campaigns written (create, update, delete),
 * their categories, the labels in use, and the evaluator asked for a contact
 * or a target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-campaign-json.h"
#include "loy-campaign-rules.h"
#include "loy-error.h"
#include "loy-sqlite-campaign-reach.h"
#include "loy-sqlite-campaign-rows.h"
#include "loy-sqlite-campaigns.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-ledger.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-worker.h"

LoyCampaign *
_loy_sqlite_lookup_campaign (sqlite3     *db,
                             const char  *uuid,
                             gint64      *campaign_id,
                             GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT " CAMPAIGN_COLUMNS ", t.id FROM " CAMPAIGN_FROM
                                         " WHERE t.uuid = :uuid", error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (campaign_id != NULL)
        *campaign_id = sqlite3_column_int64 (stmt, 36);
      return LOY_CAMPAIGN (_loy_sqlite_read_campaign (stmt));
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                 _("There is no campaign with UUID “%s”"), uuid);
  else
    _loy_sqlite_set_error (error, db);

  return NULL;
}

/* Writing a campaign */

static void
bind_nick_or_null (sqlite3_stmt *stmt,
                   const char   *name,
                   GType         enum_type,
                   int           value,
                   int           unset)
{
  _loy_sqlite_bind_text (stmt, name, value != unset ? loy_enum_to_nick (enum_type, value) : NULL);
}

static void
bind_campaign (sqlite3_stmt *stmt,
               LoyCampaign  *campaign,
               gint64        code_group_id)
{
  _loy_sqlite_bind_text (stmt, ":uuid", loy_campaign_get_uuid (campaign));
  _loy_sqlite_bind_text (stmt, ":campaign_type",
                         loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE,
                                           loy_campaign_get_campaign_type (campaign)));
  _loy_sqlite_bind_text (stmt, ":name", loy_campaign_get_name (campaign));
  _loy_sqlite_bind_text (stmt, ":default_language", loy_campaign_get_default_language (campaign));
  _loy_sqlite_bind_int64 (stmt, ":is_active", loy_campaign_get_is_active (campaign));
  _loy_sqlite_bind_text (stmt, ":link", loy_campaign_get_more_information_link (campaign));
  _loy_sqlite_bind_text (stmt, ":push_text", loy_campaign_get_push_text (campaign));
  _loy_sqlite_bind_int64 (stmt, ":cost", loy_campaign_get_cost_in_points (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":point_value", loy_campaign_get_point_value_cents (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":reward_value", loy_campaign_get_reward_value_cents (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":tax_rate", loy_campaign_get_tax_rate (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":tax_value", loy_campaign_get_tax_value_cents (campaign));
  _loy_sqlite_bind_int64 (stmt, ":featured", loy_campaign_get_featured (campaign));
  _loy_sqlite_bind_int64 (stmt, ":public", loy_campaign_get_public (campaign));
  _loy_sqlite_bind_int64 (stmt, ":percentage", loy_campaign_get_transaction_percentage (campaign));
  _loy_sqlite_bind_int64 (stmt, ":days_inactive", loy_campaign_get_days_inactive (campaign));
  _loy_sqlite_bind_int64 (stmt, ":days_valid", loy_campaign_get_days_valid (campaign));
  bind_nick_or_null (stmt, ":connect_type", LOY_TYPE_CONNECT_TYPE,
                     loy_campaign_get_connect_type (campaign), LOY_CONNECT_TYPE_UNSET);
  _loy_sqlite_bind_text (stmt, ":brand_image", loy_campaign_get_brand_image (campaign));
  _loy_sqlite_bind_text (stmt, ":target_type",
                         loy_enum_to_nick (LOY_TYPE_TARGET_TYPE,
                                           loy_campaign_get_target_type (campaign)));
  _loy_sqlite_bind_int64 (stmt, ":activity_all_time", loy_campaign_get_activity_all_time (campaign));
  _loy_sqlite_bind_int64 (stmt, ":active_from", loy_campaign_get_active_from (campaign));
  _loy_sqlite_bind_int64 (stmt, ":active_to", loy_campaign_get_active_to (campaign));
  _loy_sqlite_bind_int64 (stmt, ":visibility_all_time",
                          loy_campaign_get_visibility_all_time (campaign));
  _loy_sqlite_bind_int64 (stmt, ":visible_from", loy_campaign_get_visible_from (campaign));
  _loy_sqlite_bind_int64 (stmt, ":visible_to", loy_campaign_get_visible_to (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":purchase_limit", loy_campaign_get_limit (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":limit_per_contact",
                                  loy_campaign_get_limit_per_contact (campaign));
  _loy_sqlite_bind_int64_or_null (stmt, ":code_group_id", code_group_id != 0 ? code_group_id : LOY_UNSET);
  _loy_sqlite_bind_text (stmt, ":shared_code", loy_campaign_get_shared_code (campaign));
  _loy_sqlite_bind_int64 (stmt, ":created_at", loy_campaign_get_created_at (campaign));
}

#define CAMPAIGN_VALUES \
  ":uuid, :campaign_type, :name, :default_language, :is_active, :link, :push_text, :cost," \
  " :point_value, :reward_value, :tax_rate, :tax_value, :featured, :public, :percentage," \
  " :days_inactive, :days_valid, :connect_type, :brand_image, :target_type," \
  " :activity_all_time, :active_from, :active_to, :visibility_all_time, :visible_from," \
  " :visible_to, :purchase_limit, :limit_per_contact, :code_group_id, :shared_code, :created_at"
#define CAMPAIGN_WRITTEN_COLUMNS \
  "uuid, campaign_type, name, default_language, is_active, more_information_link, push_text," \
  " cost_in_points, point_value_cents, reward_value_cents, tax_rate, tax_value_cents, featured," \
  " public, transaction_percentage, days_inactive, days_valid, connect_type, brand_image," \
  " target_type, activity_all_time, active_from, active_to, visibility_all_time, visible_from," \
  " visible_to, purchase_limit, limit_per_contact, code_group_id, shared_code, created_at"

/* The name is unique among campaigns in the default language. */
static gboolean
check_name_unique (sqlite3      *db,
                   LoyCampaign  *campaign,
                   gint64        campaign_id,
                   GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT 1 FROM campaigns WHERE name = :name AND id <> :id",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":name", loy_campaign_get_name (campaign));
  _loy_sqlite_bind_int64 (stmt, ":id", campaign_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc == SQLITE_ROW)
    g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                 _("Another campaign is already called “%s”: a campaign’s name must be unique"),
                 loy_campaign_get_name (campaign));
  else
    _loy_sqlite_set_error (error, db);

  return FALSE;
}

/* Links campaign @campaign_id to each of @uuids in @table (a level,
 * segment or category), failing with LOY_ERROR_NOT_FOUND for one that is
 * not there. */
static gboolean
link_rows (sqlite3             *db,
           gint64               campaign_id,
           const char          *link_sql,
           const char * const  *uuids,
           const char          *not_found_format,
           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, link_sql, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      _loy_sqlite_bind_int64 (stmt, ":campaign", campaign_id);
      _loy_sqlite_bind_text (stmt, ":uuid", uuids[i]);
      if (!_loy_sqlite_step_done (stmt, error))
        return FALSE;

      if (sqlite3_changes (db) == 0)
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND, not_found_format, uuids[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_texts (sqlite3      *db,
             gint64        campaign_id,
             LoyCampaign  *campaign,
             GError      **error)
{
  g_auto(GStrv) languages = loy_campaign_dup_languages (campaign);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _loy_sqlite_prepare (db, "INSERT INTO campaign_texts (campaign_id, language, name,"
                                  " short_description, conditions, usage_instructions, brand_name,"
                                  " brand_description) VALUES (:campaign, :language, :t0, :t1, :t2,"
                                  " :t3, :t4, :t5)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      _loy_sqlite_bind_int64 (stmt, ":campaign", campaign_id);
      _loy_sqlite_bind_text (stmt, ":language", languages[i]);
      for (LoyCampaignText text = 0; text < LOY_N_CAMPAIGN_TEXTS; text++)
        {
          char name[4] = { ':', 't', '0' + text, '\0' };

          _loy_sqlite_bind_text (stmt, name, loy_campaign_get_text (campaign, languages[i], text));
        }
      if (!_loy_sqlite_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_labels (sqlite3      *db,
              gint64        campaign_id,
              LoyCampaign  *campaign,
              GError      **error)
{
  GPtrArray *labels = loy_campaign_get_labels (campaign);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _loy_sqlite_prepare (db, "INSERT OR IGNORE INTO campaign_labels (campaign_id, key, value)"
                                  " VALUES (:campaign, :key, :value)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (labels, i);

      sqlite3_reset (stmt);
      _loy_sqlite_bind_int64 (stmt, ":campaign", campaign_id);
      _loy_sqlite_bind_text (stmt, ":key", label->key);
      _loy_sqlite_bind_text (stmt, ":value", label->value != NULL ? label->value : "");
      if (!_loy_sqlite_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Texts, labels, categories and targets: written again whole. */
static gboolean
write_children (sqlite3      *db,
                gint64        campaign_id,
                LoyCampaign  *campaign,
                GError      **error)
{
  static const char * const clear[] = {
    "DELETE FROM campaign_texts WHERE campaign_id = :id",
    "DELETE FROM campaign_labels WHERE campaign_id = :id",
    "DELETE FROM campaign_category_links WHERE campaign_id = :id",
    "DELETE FROM campaign_levels WHERE campaign_id = :id",
    "DELETE FROM campaign_segments WHERE campaign_id = :id",
  };
  static const char * const empty[] = { NULL };
  LoyTargetType target = loy_campaign_get_target_type (campaign);

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, clear[i], error);

      if (stmt == NULL)
        return FALSE;
      _loy_sqlite_bind_int64 (stmt, ":id", campaign_id);
      if (!_loy_sqlite_step_done (stmt, error))
        return FALSE;
    }

  return write_texts (db, campaign_id, campaign, error) &&
         write_labels (db, campaign_id, campaign, error) &&
         link_rows (db, campaign_id,
                    "INSERT INTO campaign_category_links (campaign_id, category_id)"
                    " SELECT :campaign, id FROM campaign_categories WHERE uuid = :uuid",
                    loy_campaign_get_category_uuids (campaign),
                    _("There is no campaign category with UUID “%s”"), error) &&
         link_rows (db, campaign_id,
                    "INSERT INTO campaign_levels (campaign_id, level_id)"
                    " SELECT :campaign, id FROM levels WHERE uuid = :uuid",
                    target == LOY_TARGET_TYPE_LEVEL ? loy_campaign_get_level_uuids (campaign) : empty,
                    _("There is no level with UUID “%s”"), error) &&
         link_rows (db, campaign_id,
                    "INSERT INTO campaign_segments (campaign_id, segment_id)"
                    " SELECT :campaign, id FROM segments WHERE uuid = :uuid",
                    target == LOY_TARGET_TYPE_SEGMENT ? loy_campaign_get_segment_uuids (campaign) : empty,
                    _("There is no segment with UUID “%s”"), error);
}

/* A coupon campaign's own code group, holding @codes. */
static gint64
create_code_group (sqlite3             *db,
                   LoyCampaign         *campaign,
                   const char * const  *codes,
                   GError             **error)
{
  g_autoptr(sqlite3_stmt) group = NULL;
  g_autoptr(sqlite3_stmt) code = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 group_id;

  group = _loy_sqlite_prepare (db, "INSERT INTO code_groups (uuid, name, created_at)"
                                   " VALUES (:uuid, :name, :now)", error);
  if (group == NULL)
    return 0;

  _loy_sqlite_bind_text (group, ":uuid", uuid);
  _loy_sqlite_bind_text (group, ":name", loy_campaign_get_name (campaign));
  _loy_sqlite_bind_int64 (group, ":now", _loy_sqlite_now_seconds ());
  if (!_loy_sqlite_step_done (group, error))
    return 0;

  group_id = sqlite3_last_insert_rowid (db);
  code = _loy_sqlite_prepare (db, "INSERT INTO codes (group_id, code) VALUES (:group, :code)",
                              error);
  if (code == NULL)
    return 0;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (codes[i]));

      sqlite3_reset (code);
      _loy_sqlite_bind_int64 (code, ":group", group_id);
      _loy_sqlite_bind_text (code, ":code", stripped);
      if (!_loy_sqlite_step_done (code, error))
        return 0;
    }

  loy_campaign_set_code_group_uuid (campaign, uuid);
  return group_id;
}

/* The rowid of @campaign's code group, made when a coupon campaign without
 * a shared code has none yet; 0 for none. */
static gboolean
ensure_code_group (sqlite3             *db,
                   LoyCampaign         *campaign,
                   const char * const  *new_codes,
                   gint64              *group_id,
                   GError             **error)
{
  const char *uuid = loy_campaign_get_code_group_uuid (campaign);

  *group_id = 0;
  if (uuid != NULL)
    return (*group_id = _loy_sqlite_find_id (db, LOY_KIND_CODE_GROUP, uuid, error)) != 0;

  if (!loy_campaign_type_is_coupon (loy_campaign_get_campaign_type (campaign)) ||
      loy_campaign_get_shared_code (campaign) != NULL)
    return TRUE;

  return (*group_id = create_code_group (db, campaign, new_codes, error)) != 0;
}

/* Checks @campaign, clears what its type does not use and writes it: a new
 * row when @campaign_id is 0. Returns the campaign as stored. */
static LoyCampaign *
write_campaign (sqlite3             *db,
                LoyCampaign         *campaign,
                gint64               campaign_id,
                const char * const  *new_codes,
                GError             **error)
{
  LoyCampaignFields unused = ~loy_campaign_type_get_fields (loy_campaign_get_campaign_type (campaign));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 group_id;

  loy_campaign_clear_fields (campaign, loy_campaign_get_filled_fields (campaign) & unused);
  if (!loy_campaign_check (campaign, new_codes, error) ||
      !check_name_unique (db, campaign, campaign_id, error) ||
      !ensure_code_group (db, campaign, new_codes, &group_id, error))
    return NULL;

  if (campaign_id == 0)
    stmt = _loy_sqlite_prepare (db, "INSERT INTO campaigns (" CAMPAIGN_WRITTEN_COLUMNS ")"
                                    " VALUES (" CAMPAIGN_VALUES ")", error);
  else
    stmt = _loy_sqlite_prepare (db, "UPDATE campaigns SET (" CAMPAIGN_WRITTEN_COLUMNS ")"
                                    " = (" CAMPAIGN_VALUES ") WHERE id = :id", error);
  if (stmt == NULL)
    return NULL;

  bind_campaign (stmt, campaign, group_id);
  _loy_sqlite_bind_int64 (stmt, ":id", campaign_id);
  if (!_loy_sqlite_step_done (stmt, error))
    return NULL;

  if (campaign_id == 0)
    campaign_id = sqlite3_last_insert_rowid (db);
  if (!write_children (db, campaign_id, campaign, error))
    return NULL;

  return _loy_sqlite_lookup_campaign (db, loy_campaign_get_uuid (campaign), NULL, error);
}

typedef struct
{
  LoyCampaign *campaign;
  GStrv        new_codes;
  char        *uuid;
  JsonObject  *changes;
} WriteInput;

static void
write_input_free (WriteInput *input)
{
  g_clear_object (&input->campaign);
  g_strfreev (input->new_codes);
  g_free (input->uuid);
  g_clear_pointer (&input->changes, json_object_unref);
  g_free (input);
}

static gpointer
create_campaign_work (sqlite3       *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  WriteInput *input = data;
  g_autoptr(JsonNode) node = loy_campaign_to_json (input->campaign);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  LoyCampaign *written;

  /* A copy, so that the caller's campaign is not changed. */
  if (!(campaign = loy_campaign_from_json (node, error)))
    return NULL;

  loy_campaign_set_uuid (campaign, uuid);
  loy_campaign_set_created_at (campaign, _loy_sqlite_now_seconds ());
  loy_campaign_set_code_group_uuid (campaign, NULL);

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  written = write_campaign (db, campaign, 0, (const char * const *) input->new_codes, error);
  if (written == NULL || !_loy_sqlite_commit (db, error))
    {
      g_clear_object (&written);
      _loy_sqlite_rollback (db);
    }

  return written;
}

/* Members that name the record rather than describe it. */
static gboolean
check_changes (JsonObject  *changes,
               GError     **error)
{
  static const char * const fixed[] = { "uuid", "code_group_uuid", "created_at" };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      if (json_object_has_member (changes, fixed[i]))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("A campaign’s %s cannot be changed"), fixed[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gpointer
update_campaign_work (sqlite3       *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  WriteInput *input = data;
  g_autoptr(LoyCampaign) stored = NULL;
  g_autoptr(LoyCampaign) changed = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyCampaign *written = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  gint64 campaign_id;

  if (!check_changes (input->changes, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (!(stored = _loy_sqlite_lookup_campaign (db, input->uuid, &campaign_id, error)))
    goto failed;

  /* The stored campaign with the changed members put over it. */
  node = loy_campaign_to_json (stored);
  json_object_iter_init (&iter, input->changes);
  while (json_object_iter_next (&iter, &member, &value))
    json_object_set_member (json_node_get_object (node), member, json_node_copy (value));

  if (!(changed = loy_campaign_from_json (node, error)))
    goto failed;

  loy_campaign_set_uuid (changed, loy_campaign_get_uuid (stored));
  loy_campaign_set_created_at (changed, loy_campaign_get_created_at (stored));
  loy_campaign_set_code_group_uuid (changed, loy_campaign_get_code_group_uuid (stored));

  written = write_campaign (db, changed, campaign_id, NULL, error);
  if (written != NULL && _loy_sqlite_commit (db, error))
    return written;

failed:
  g_clear_object (&written);
  _loy_sqlite_rollback (db);
  return NULL;
}

gboolean
_loy_sqlite_delete_campaign (sqlite3     *db,
                             const char  *uuid,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(LoyCampaign) campaign = NULL;
  gint64 campaign_id;
  gint64 n_uses;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  if (!(campaign = _loy_sqlite_lookup_campaign (db, uuid, &campaign_id, error)))
    goto failed;

  /* Purchases and cashback are history: deleting would rewrite it. */
  if (!_loy_sqlite_select_int64 (db, "SELECT count(*) FROM ledger_entries WHERE campaign_id = :id",
                                 campaign_id, &n_uses, error))
    goto failed;

  if (n_uses > 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("Contacts have bought “%s” or paid with it, so it cannot be deleted. "
                     "Deactivate it instead."),
                   loy_campaign_get_name (campaign));
      goto failed;
    }

  /* Texts, labels and links go with it (ON DELETE CASCADE), then its codes. */
  stmt = _loy_sqlite_prepare (db, "DELETE FROM campaigns WHERE id = :id RETURNING code_group_id",
                              error);
  if (stmt == NULL)
    goto failed;
  _loy_sqlite_bind_int64 (stmt, ":id", campaign_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      goto failed;
    }
  n_uses = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (n_uses != 0)
    {
      stmt = _loy_sqlite_prepare (db, "DELETE FROM code_groups WHERE id = :id", error);
      if (stmt == NULL)
        goto failed;
      _loy_sqlite_bind_int64 (stmt, ":id", n_uses);
      if (!_loy_sqlite_step_done (stmt, error))
        goto failed;
    }

  return _loy_sqlite_commit (db, error);

failed:
  _loy_sqlite_rollback (db);
  return FALSE;
}

/* Categories */

static gpointer
list_categories_work (sqlite3       *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT " CAMPAIGN_CATEGORY_COLUMNS
                                         " FROM campaign_categories AS t"
                                         " ORDER BY t.sort_order, t.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (categories, _loy_sqlite_read_campaign_category (stmt));

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return g_steal_pointer (&categories);
}

/* Labels, for the list's filter */

static gpointer
list_labels_work (sqlite3       *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_campaign_label_free);
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT DISTINCT key, value FROM campaign_labels"
                                         " ORDER BY key COLLATE NOCASE, key, value COLLATE NOCASE,"
                                         " value", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (labels, loy_campaign_label_new ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1)));

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return g_steal_pointer (&labels);
}

static char *
translations_to_json (LoyCampaignCategory *category)
{
  g_auto(GStrv) languages = loy_campaign_category_dup_languages (category);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; languages[i] != NULL; i++)
    json_object_set_string_member (object, languages[i],
                                   loy_campaign_category_get_translation (category, languages[i]));
  json_node_set_object (node, object);

  return json_to_string (node, FALSE);
}

static gpointer
save_category_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  LoyCampaignCategory *category = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (loy_campaign_category_get_name (category)));
  g_autofree char *translations = translations_to_json (category);
  g_autofree char *uuid = g_strdup (loy_campaign_category_get_uuid (category));
  gboolean is_new = uuid == NULL;
  GObject *saved = NULL;
  int rc;

  if (*name == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("A category needs a name"));
      return NULL;
    }

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (is_new)
    uuid = g_uuid_string_random ();

  stmt = _loy_sqlite_prepare (db,
                              is_new
                              ? "INSERT INTO campaign_categories (uuid, name, translations,"
                                " is_active, sort_order, created_at) SELECT :uuid, :name,"
                                " :translations, :active, :sort, :now"
                                " WHERE NOT EXISTS (SELECT 1 FROM campaign_categories"
                                "  WHERE name = :name)"
                              : "UPDATE campaign_categories SET name = :name,"
                                " translations = :translations, is_active = :active,"
                                " sort_order = :sort WHERE uuid = :uuid"
                                " AND NOT EXISTS (SELECT 1 FROM campaign_categories"
                                "  WHERE name = :name AND uuid <> :uuid)",
                              error);
  if (stmt == NULL)
    goto failed;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_text (stmt, ":name", name);
  _loy_sqlite_bind_text (stmt, ":translations", translations);
  _loy_sqlite_bind_int64 (stmt, ":active", loy_campaign_category_get_is_active (category));
  _loy_sqlite_bind_int64 (stmt, ":sort", loy_campaign_category_get_sort_order (category));
  _loy_sqlite_bind_int64 (stmt, ":now", _loy_sqlite_now_seconds ());
  if (!_loy_sqlite_step_done (stmt, error))
    goto failed;

  /* Nothing written: the name is taken, unless the category is gone. */
  if (sqlite3_changes (db) == 0)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = _loy_sqlite_prepare (db, "SELECT 1 FROM campaign_categories WHERE uuid = :uuid",
                                  error);
      if (stmt == NULL)
        goto failed;
      _loy_sqlite_bind_text (stmt, ":uuid", uuid);
      if (!is_new && sqlite3_step (stmt) != SQLITE_ROW)
        g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                     _("There is no campaign category with UUID “%s”"), uuid);
      else
        g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                     _("There is a category called “%s” already"), name);
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _loy_sqlite_prepare (db, "SELECT " CAMPAIGN_CATEGORY_COLUMNS
                                  " FROM campaign_categories AS t WHERE t.uuid = :uuid", error);
  if (stmt == NULL)
    goto failed;
  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                     _("There is no campaign category with UUID “%s”"), uuid);
      else
        _loy_sqlite_set_error (error, db);
      goto failed;
    }
  saved = _loy_sqlite_read_campaign_category (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (_loy_sqlite_commit (db, error))
    return saved;

failed:
  g_clear_object (&saved);
  _loy_sqlite_rollback (db);
  return NULL;
}

static gboolean
delete_category_work (sqlite3       *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *uuid = data;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  /* Its campaigns lose it (ON DELETE CASCADE on the links). */
  stmt = _loy_sqlite_prepare (db, "DELETE FROM campaign_categories WHERE uuid = :uuid", error);
  if (stmt == NULL)
    goto failed;
  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  if (!_loy_sqlite_step_done (stmt, error))
    goto failed;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                   _("There is no campaign category with UUID “%s”"), uuid);
      goto failed;
    }

  return _loy_sqlite_commit (db, error);

failed:
  _loy_sqlite_rollback (db);
  return FALSE;
}

/* The evaluator */

static gpointer
check_campaigns_work (sqlite3       *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  const char *contact_uuid = data;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(LoyCampaignContext) context = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 contact_id;
  gint64 balance;

  if (!_loy_sqlite_begin_read (db, error))
    return NULL;

  if (!_loy_sqlite_find_contact (db, contact_uuid, &contact_id, &balance, error) ||
      !(campaigns = _loy_sqlite_read_campaigns (db, error)) ||
      !(context = _loy_sqlite_campaign_context_new (db, contact_id, campaigns, error)))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  answers = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_availability_unref);
  for (guint i = 0; i < campaigns->len; i++)
    g_ptr_array_add (answers, loy_campaign_check_availability (g_ptr_array_index (campaigns, i),
                                                               context, now));

  if (!_loy_sqlite_commit (db, error))
    return NULL;

  return g_steal_pointer (&answers);
}

/* The LoyStore operations */

static void
loy_sqlite_store_create_campaign_async (LoyStore            *store,
                                        LoyCampaign         *campaign,
                                        const char * const  *new_codes,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  WriteInput *input = g_new0 (WriteInput, 1);

  input->campaign = g_object_ref (campaign);
  input->new_codes = g_strdupv ((char **) new_codes);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), create_campaign_work, input,
                               (GDestroyNotify) write_input_free, g_object_unref,
                               loy_sqlite_store_create_campaign_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_update_campaign_async (LoyStore            *store,
                                        const char          *uuid,
                                        JsonObject          *changes,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  WriteInput *input = g_new0 (WriteInput, 1);

  input->uuid = g_strdup (uuid);
  input->changes = json_object_ref (changes);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), update_campaign_work, input,
                               (GDestroyNotify) write_input_free, g_object_unref,
                               loy_sqlite_store_update_campaign_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_list_campaign_categories_async (LoyStore            *store,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), list_categories_work, NULL, NULL,
                               (GDestroyNotify) g_ptr_array_unref,
                               loy_sqlite_store_list_campaign_categories_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_save_campaign_category_async (LoyStore             *store,
                                               LoyCampaignCategory  *category,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), save_category_work,
                               g_object_ref (category), g_object_unref, g_object_unref,
                               loy_sqlite_store_save_campaign_category_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_delete_campaign_category_async (LoyStore            *store,
                                                 const char          *uuid,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  _loy_sqlite_store_run_boolean_async (LOY_SQLITE_STORE (store), delete_category_work,
                                       g_strdup (uuid), g_free,
                                       loy_sqlite_store_delete_campaign_category_async,
                                       cancellable, callback, user_data);
}

static void
loy_sqlite_store_list_campaign_labels_async (LoyStore            *store,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), list_labels_work, NULL, NULL,
                               (GDestroyNotify) g_ptr_array_unref,
                               loy_sqlite_store_list_campaign_labels_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_check_campaigns_async (LoyStore            *store,
                                        const char          *contact_uuid,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), check_campaigns_work,
                               g_strdup (contact_uuid), g_free,
                               (GDestroyNotify) g_ptr_array_unref,
                               loy_sqlite_store_check_campaigns_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_count_campaign_reach_async (LoyStore            *store,
                                             LoyCampaign         *campaign,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(JsonNode) node = loy_campaign_to_json (campaign);

  /* A copy: an editor goes on changing its campaign meanwhile. */
  _loy_sqlite_store_run_count_async (LOY_SQLITE_STORE (store), _loy_sqlite_count_campaign_reach,
                                     loy_campaign_from_json (node, NULL), g_object_unref,
                                     loy_sqlite_store_count_campaign_reach_async,
                                     cancellable, callback, user_data);
}

void
_loy_sqlite_store_campaigns_iface_init (LoyStoreInterface *iface)
{
  iface->create_campaign_async = loy_sqlite_store_create_campaign_async;
  iface->update_campaign_async = loy_sqlite_store_update_campaign_async;
  iface->list_campaign_categories_async = loy_sqlite_store_list_campaign_categories_async;
  iface->save_campaign_category_async = loy_sqlite_store_save_campaign_category_async;
  iface->delete_campaign_category_async = loy_sqlite_store_delete_campaign_category_async;
  iface->list_campaign_labels_async = loy_sqlite_store_list_campaign_labels_async;
  iface->check_campaigns_async = loy_sqlite_store_check_campaigns_async;
  iface->count_campaign_reach_async = loy_sqlite_store_count_campaign_reach_async;
}
