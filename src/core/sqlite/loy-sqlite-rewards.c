/* loy-sqlite-rewards.c — creating, changing and deleting rewards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-reward-changes.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-rewards.h"
#include "loy-sqlite-worker.h"
#include "loy-visibility.h"

/* A view filter may only name shops that exist. */
static gboolean
check_filter_shops (sqlite3              *db,
                    const LoyViewFilter  *filter,
                    GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (filter == NULL || filter->shop_uuids == NULL)
    return TRUE;

  if ((stmt = _loy_sqlite_prepare (db, "SELECT 1 FROM shops WHERE uuid = :uuid", error)) == NULL)
    return FALSE;

  for (guint i = 0; filter->shop_uuids[i] != NULL; i++)
    {
      int rc;

      _loy_sqlite_bind_text (stmt, ":uuid", filter->shop_uuids[i]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("The view filter names a shop that does not exist: “%s”"),
                       filter->shop_uuids[i]);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          _loy_sqlite_set_error (error, db);
          return FALSE;
        }
    }

  return TRUE;
}

/* Writes every stored field of @reward as the reward @uuid with @sql, an
 * INSERT or UPDATE naming its parameters after the columns. */
static gboolean
write_reward (sqlite3     *db,
              const char  *sql,
              const char  *uuid,
              LoyReward   *reward,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, sql, error);
  g_autoptr(JsonNode) custom_attributes = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *custom_attributes_json = NULL;
  g_autofree char *view_filter_json = NULL;
  const LoyViewFilter *filter = loy_reward_get_view_filter (reward);

  if (stmt == NULL || !check_filter_shops (db, filter, error))
    return FALSE;

  json_node_set_object (custom_attributes, loy_reward_get_custom_attributes (reward));
  custom_attributes_json = json_to_string (custom_attributes, FALSE);
  if (filter != NULL)
    {
      g_autoptr(JsonNode) filter_node = loy_view_filter_to_json (filter);

      view_filter_json = json_to_string (filter_node, FALSE);
    }

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_text (stmt, ":title", loy_reward_get_title (reward));
  _loy_sqlite_bind_text (stmt, ":description", loy_reward_get_description (reward));
  _loy_sqlite_bind_text (stmt, ":reward_type",
                         loy_enum_to_nick (LOY_TYPE_REWARD_TYPE, loy_reward_get_reward_type (reward)));
  _loy_sqlite_bind_int64 (stmt, ":is_active", loy_reward_get_is_active (reward));
  _loy_sqlite_bind_int64 (stmt, ":required_credits", loy_reward_get_required_credits (reward));
  _loy_sqlite_bind_text (stmt, ":media_type", loy_reward_get_media_type (reward));
  _loy_sqlite_bind_text (stmt, ":media_value", loy_reward_get_media_value (reward));
  _loy_sqlite_bind_int64_or_null (stmt, ":cost_price_cents", loy_reward_get_cost_price_cents (reward));
  _loy_sqlite_bind_int64_or_null (stmt, ":stock", loy_reward_get_stock (reward));
  _loy_sqlite_bind_int64 (stmt, ":pre_redeemable", loy_reward_get_pre_redeemable (reward));
  _loy_sqlite_bind_int64_or_null (stmt, ":expiration_duration",
                                  loy_reward_get_expiration_duration (reward));
  _loy_sqlite_bind_text (stmt, ":custom_attributes", custom_attributes_json);
  _loy_sqlite_bind_text (stmt, ":view_filter", view_filter_json);
  _loy_sqlite_bind_int64 (stmt, ":created_at", g_get_real_time () / G_USEC_PER_SEC);

  return _loy_sqlite_step_done (stmt, error);
}

static gboolean
validate_new_reward (LoyReward  *reward,
                     GError    **error)
{
  const char *title = loy_reward_get_title (reward);
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("A reward needs a title"));
      return FALSE;
    }

  if (loy_reward_get_required_credits (reward) < 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("Required points cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

static LoyReward *
create_reward (sqlite3    *db,
               LoyReward  *template,
               GError    **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(LoyReward) reward = NULL;
  gint64 reward_id;

  if (!validate_new_reward (template, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (!write_reward (db,
                     "INSERT INTO rewards (uuid, title, description, reward_type, is_active,"
                     " required_credits, media_type, media_value, cost_price_cents, stock,"
                     " pre_redeemable, expiration_duration, custom_attributes, view_filter,"
                     " created_at)"
                     " VALUES (:uuid, trim (:title), :description, :reward_type, :is_active,"
                     " :required_credits, :media_type, :media_value, :cost_price_cents, :stock,"
                     " :pre_redeemable, :expiration_duration, :custom_attributes,"
                     " coalesce (:view_filter, '{}'), :created_at)",
                     uuid, template, error))
    goto failed;

  reward_id = sqlite3_last_insert_rowid (db);

  if (loy_reward_get_reward_type (template) == LOY_REWARD_TYPE_DIGITAL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *group_uuid = g_uuid_string_random ();

      /* Every digital reward hands out codes from its own group. */
      stmt = _loy_sqlite_prepare (db,
                                  "INSERT INTO code_groups (uuid, reward_id, name, created_at)"
                                  " SELECT :uuid, id, title, created_at FROM rewards WHERE id = :id",
                                  error);
      if (stmt == NULL)
        goto failed;
      _loy_sqlite_bind_text (stmt, ":uuid", group_uuid);
      _loy_sqlite_bind_int64 (stmt, ":id", reward_id);
      if (!_loy_sqlite_step_done (stmt, error))
        goto failed;
    }

  reward = LOY_REWARD (_loy_sqlite_lookup_record (db, LOY_KIND_REWARD, uuid, error));
  if (reward == NULL || !_loy_sqlite_commit (db, error))
    goto failed;

  return g_steal_pointer (&reward);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

static LoyReward *
update_reward (sqlite3     *db,
               const char  *uuid,
               JsonObject  *changes,
               GError     **error)
{
  g_autoptr(LoyReward) reward = NULL;

  if (!loy_reward_changes_validate (changes, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  /* Read, change and write under the write lock, so no concurrent change is lost. */
  reward = LOY_REWARD (_loy_sqlite_lookup_record (db, LOY_KIND_REWARD, uuid, error));
  if (reward == NULL)
    goto failed;

  loy_reward_apply_changes (reward, changes);

  if (!write_reward (db,
                     "UPDATE rewards SET title = :title, description = :description,"
                     " is_active = :is_active, required_credits = :required_credits,"
                     " media_type = :media_type, media_value = :media_value,"
                     " cost_price_cents = :cost_price_cents, stock = :stock,"
                     " pre_redeemable = :pre_redeemable,"
                     " expiration_duration = :expiration_duration,"
                     " custom_attributes = :custom_attributes,"
                     " view_filter = coalesce (:view_filter, '{}')"
                     " WHERE uuid = :uuid",
                     uuid, reward, error))
    goto failed;

  g_clear_object (&reward);
  reward = LOY_REWARD (_loy_sqlite_lookup_record (db, LOY_KIND_REWARD, uuid, error));
  if (reward == NULL || !_loy_sqlite_commit (db, error))
    goto failed;

  return g_steal_pointer (&reward);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

gboolean
_loy_sqlite_delete_reward (sqlite3     *db,
                           const char  *uuid,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 reward_id;
  gint64 n_uses;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  reward_id = _loy_sqlite_find_id (db, LOY_KIND_REWARD, uuid, error);
  if (reward_id == 0)
    goto failed;

  /* Deleting would rewrite the history of the contacts who received it. */
  if (!_loy_sqlite_select_int64 (db,
                                 "SELECT (SELECT count(*) FROM ledger_entries WHERE reward_id = :id)"
                                 " + (SELECT count(*) FROM codes JOIN code_groups AS g ON g.id = codes.group_id"
                                 "    WHERE g.reward_id = :id AND codes.contact_id IS NOT NULL)",
                                 reward_id, &n_uses, error))
    goto failed;

  if (n_uses > 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("Contacts have already received this reward, so it cannot be deleted. "
                     "Deactivate it instead."));
      goto failed;
    }

  /* Its code group and unissued codes go with it (ON DELETE CASCADE). */
  stmt = _loy_sqlite_prepare (db, "DELETE FROM rewards WHERE id = :id", error);
  if (stmt == NULL)
    goto failed;
  _loy_sqlite_bind_int64 (stmt, ":id", reward_id);
  if (!_loy_sqlite_step_done (stmt, error))
    goto failed;

  return _loy_sqlite_commit (db, error);

failed:
  _loy_sqlite_rollback (db);
  return FALSE;
}

/* The LoyStore operations */

static gpointer
create_reward_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return create_reward (db, data, error);
}

static void
loy_sqlite_store_create_reward_async (LoyStore            *store,
                                      LoyReward           *reward,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), create_reward_work, g_object_ref (reward),
                  g_object_unref, g_object_unref, loy_sqlite_store_create_reward_async,
                  cancellable, callback, user_data);
}

typedef struct
{
  char       *uuid;
  JsonObject *changes;
} UpdateInput;

static void
update_input_free (UpdateInput *input)
{
  g_free (input->uuid);
  json_object_unref (input->changes);
  g_free (input);
}

static gpointer
update_reward_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  UpdateInput *input = data;

  return update_reward (db, input->uuid, input->changes, error);
}

static void
loy_sqlite_store_update_reward_async (LoyStore            *store,
                                      const char          *uuid,
                                      JsonObject          *changes,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  UpdateInput *input = g_new0 (UpdateInput, 1);

  input->uuid = g_strdup (uuid);
  input->changes = json_object_ref (changes);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), update_reward_work, input,
                  (GDestroyNotify) update_input_free, g_object_unref,
                  loy_sqlite_store_update_reward_async, cancellable, callback, user_data);
}

void
_loy_sqlite_store_rewards_iface_init (LoyStoreInterface *iface)
{
  iface->create_reward_async = loy_sqlite_store_create_reward_async;
  iface->update_reward_async = loy_sqlite_store_update_reward_async;
}
