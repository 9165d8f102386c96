/* loy-sqlite-segments.c — saving and deleting levels and segments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-level.h"
#include "loy-segment-criteria.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-segments.h"
#include "loy-sqlite-worker.h"

/* Reading and writing */

/* Runs @sql with whichever of :uuid, :name and :threshold it names, and
 * copies the first column of its first row to @text (NULL without rows). */
static gboolean
select_text (sqlite3     *db,
             const char  *sql,
             const char  *uuid,
             const char  *name,
             gint64       threshold,
             char       **text,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, sql, error);
  int rc;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_text (stmt, ":name", name);
  _loy_sqlite_bind_int64 (stmt, ":threshold", threshold);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return TRUE;
}

/* Fails with LOY_ERROR_NOT_FOUND unless @table has a row @uuid. */
static gboolean
check_exists (sqlite3     *db,
              const char  *table,
              const char  *uuid,
              const char  *not_found_format,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE uuid = :uuid", table);
  g_autofree char *found = NULL;

  if (!select_text (db, sql, uuid, NULL, 0, &found, error))
    return FALSE;

  if (found == NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND, not_found_format, uuid);
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql (an INSERT, UPDATE or DELETE) with the named values bound. */
static gboolean
run_write (sqlite3     *db,
           const char  *sql,
           const char  *uuid,
           const char  *name,
           const char  *description,
           const char  *criteria,
           gint64       threshold,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_text (stmt, ":name", name);
  _loy_sqlite_bind_text (stmt, ":description", description);
  _loy_sqlite_bind_text (stmt, ":criteria", criteria);
  _loy_sqlite_bind_int64 (stmt, ":threshold", threshold);
  _loy_sqlite_bind_int64 (stmt, ":created_at", g_get_real_time () / G_USEC_PER_SEC);

  return _loy_sqlite_step_done (stmt, error);
}

/* What to save, read on the calling thread: the objects stay there. */
typedef struct
{
  char     *uuid;         /* NULL: create */
  char     *name;         /* trimmed */
  char     *description;
  gint64    threshold;
  JsonNode *criteria;
} SaveInput;

static void
save_input_free (SaveInput *input)
{
  g_free (input->uuid);
  g_free (input->name);
  g_free (input->description);
  g_clear_pointer (&input->criteria, json_node_unref);
  g_free (input);
}

static SaveInput *
save_input_new (const char *uuid,
                const char *name)
{
  SaveInput *input = g_new0 (SaveInput, 1);

  input->uuid = g_strdup (uuid);
  input->name = g_strstrip (g_strdup (name != NULL ? name : ""));

  return input;
}

static gpointer
save_level_work (sqlite3       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  SaveInput *input = data;
  g_autofree char *uuid = input->uuid != NULL ? g_strdup (input->uuid) : g_uuid_string_random ();
  g_autofree char *other = NULL;
  g_autoptr(GObject) level = NULL;

  if (input->name[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("A level needs a name"));
      return NULL;
    }

  if (input->threshold < 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("A level cannot start below 0 points"));
      return NULL;
    }

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (input->uuid != NULL &&
      !check_exists (db, "levels", uuid, _("There is no level with UUID “%s”"), error))
    goto failed;

  if (!select_text (db,
                    "SELECT name FROM levels WHERE name = :name COLLATE NOCASE AND uuid <> :uuid",
                    uuid, input->name, 0, &other, error))
    goto failed;
  if (other != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("There is already a level named “%s”"), other);
      goto failed;
    }

  if (!select_text (db,
                    "SELECT name FROM levels WHERE threshold = :threshold AND uuid <> :uuid",
                    uuid, NULL, input->threshold, &other, error))
    goto failed;
  if (other != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The level “%s” already starts at %" PRId64 " point",
                                "The level “%s” already starts at %" PRId64 " points",
                                input->threshold),
                   other, input->threshold);
      goto failed;
    }

  if (!run_write (db,
                  input->uuid == NULL
                    ? "INSERT INTO levels (uuid, name, threshold) VALUES (:uuid, :name, :threshold)"
                    : "UPDATE levels SET name = :name, threshold = :threshold WHERE uuid = :uuid",
                  uuid, input->name, NULL, NULL, input->threshold, error) ||
      /* Contacts move to the level their points now reach. */
      !_loy_sqlite_update_levels (db, 0, error))
    goto failed;

  level = _loy_sqlite_lookup_record (db, LOY_KIND_LEVEL, uuid, error);
  if (level == NULL || !_loy_sqlite_commit (db, error))
    goto failed;

  return g_steal_pointer (&level);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Fails unless every level a condition of @criteria names exists. */
static gboolean
check_levels_exist (sqlite3     *db,
                    JsonNode    *criteria,
                    GError     **error)
{
  for (guint g = 0; g < loy_segment_criteria_get_n_groups (criteria); g++)
    {
      JsonArray *any = loy_segment_criteria_get_group (criteria, g);

      for (guint c = 0; c < json_array_get_length (any); c++)
        {
          JsonObject *condition = json_array_get_object_element (any, c);
          JsonArray *levels;

          if (!g_str_equal (json_object_get_string_member (condition, "type"), "level"))
            continue;

          levels = json_object_get_array_member (condition, "levels");
          for (guint i = 0; i < json_array_get_length (levels); i++)
            {
              g_autofree char *found = NULL;

              if (!select_text (db, "SELECT uuid FROM levels WHERE uuid = :uuid",
                                json_array_get_string_element (levels, i), NULL, 0,
                                &found, error))
                return FALSE;
              if (found == NULL)
                {
                  g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                               _("Group %u, condition %u: the level no longer exists"),
                               g + 1, c + 1);
                  return FALSE;
                }
            }
        }
    }

  return TRUE;
}

static gpointer
save_segment_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  SaveInput *input = data;
  g_autofree char *uuid = input->uuid != NULL ? g_strdup (input->uuid) : g_uuid_string_random ();
  g_autofree char *criteria = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GObject) segment = NULL;

  if (input->name[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("A segment needs a name"));
      return NULL;
    }

  if (!loy_segment_criteria_validate (input->criteria, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (input->uuid != NULL &&
      !check_exists (db, "segments", uuid, _("There is no segment with UUID “%s”"), error))
    goto failed;

  if (!check_levels_exist (db, input->criteria, error))
    goto failed;

  if (!select_text (db,
                    "SELECT name FROM segments WHERE name = :name COLLATE NOCASE AND uuid <> :uuid",
                    uuid, input->name, 0, &other, error))
    goto failed;
  if (other != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("There is already a segment named “%s”"), other);
      goto failed;
    }

  criteria = json_to_string (input->criteria, FALSE);
  if (!run_write (db,
                  input->uuid == NULL
                    ? "INSERT INTO segments (uuid, name, description, criteria, created_at)"
                      " VALUES (:uuid, :name, :description, :criteria, :created_at)"
                    : "UPDATE segments SET name = :name, description = :description,"
                      " criteria = :criteria WHERE uuid = :uuid",
                  uuid, input->name, input->description, criteria, 0, error))
    goto failed;

  segment = _loy_sqlite_lookup_record (db, LOY_KIND_SEGMENT, uuid, error);
  if (segment == NULL || !_loy_sqlite_commit (db, error))
    goto failed;

  return g_steal_pointer (&segment);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* The names @sql selects (for :uuid), each in quotes, joined by commas;
 * NULL when it selects none. */
static char *
select_quoted_names (sqlite3     *db,
                     const char  *sql,
                     const char  *uuid,
                     guint       *n_names,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, sql, error);
  g_autoptr(GString) names = NULL;
  int rc;

  *n_names = 0;
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (names == NULL)
        names = g_string_new (NULL);
      else
        g_string_append (names, _(", "));
      g_string_append_printf (names, _("“%s”"), (const char *) sqlite3_column_text (stmt, 0));
      (*n_names)++;
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* Fails with LOY_ERROR_CONFLICT, naming them, while segments or campaigns
 * use the level @uuid: without it a segment's condition matches no one and a
 * campaign reaches no one, with nothing to show why. */
static gboolean
check_level_unused (sqlite3     *db,
                    const char  *uuid,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *segments = NULL;
  g_autofree char *campaigns = NULL;
  g_autofree char *segments_phrase = NULL;
  g_autofree char *campaigns_phrase = NULL;
  g_autofree char *users = NULL;
  g_autofree char *level = NULL;
  guint n_segments;
  guint n_campaigns;

  /* A level condition holds its levels' UUIDs in an array named "levels". */
  segments = select_quoted_names (db,
                                  "SELECT DISTINCT s.name FROM segments AS s, json_tree (s.criteria) AS t"
                                  " WHERE t.atom = :uuid AND t.path LIKE '%.levels'"
                                  " ORDER BY s.name COLLATE NOCASE",
                                  uuid, &n_segments, &local_error);
  if (local_error == NULL)
    campaigns = select_quoted_names (db,
                                     "SELECT c.name FROM campaigns AS c"
                                     " JOIN campaign_levels AS cl ON cl.campaign_id = c.id"
                                     " JOIN levels AS l ON l.id = cl.level_id WHERE l.uuid = :uuid"
                                     " ORDER BY c.name COLLATE NOCASE",
                                     uuid, &n_campaigns, &local_error);
  if (local_error == NULL)
    select_text (db, "SELECT name FROM levels WHERE uuid = :uuid", uuid, NULL, 0, &level,
                 &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (segments == NULL && campaigns == NULL)
    return TRUE;

  if (segments != NULL)
    segments_phrase = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the segment %s",
                                                    "the segments %s", n_segments),
                                       segments);
  if (campaigns != NULL)
    campaigns_phrase = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the campaign %s",
                                                     "the campaigns %s", n_campaigns),
                                        campaigns);

  if (segments_phrase != NULL && campaigns_phrase != NULL)
    /* Translators: "the segment “A” and the campaign “B”" */
    users = g_strdup_printf (_("%s and %s"), segments_phrase, campaigns_phrase);
  else
    users = g_strdup (segments_phrase != NULL ? segments_phrase : campaigns_phrase);

  g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
               /* Translators: the first %s is a level, the second who uses it:
                * "the segment “Gold members” and the campaign “Gold weekend”" */
               _("The level “%s” is used by %s. Take the level out of them before deleting it."),
               level, users);
  return FALSE;
}

gboolean
_loy_sqlite_delete_level (sqlite3     *db,
                          const char  *uuid,
                          GError     **error)
{
  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  /* Its contacts move to the level below, if any. */
  if (!check_exists (db, "levels", uuid, _("There is no level with UUID “%s”"), error) ||
      !check_level_unused (db, uuid, error) ||
      !run_write (db, "DELETE FROM levels WHERE uuid = :uuid", uuid, NULL, NULL, NULL, 0, error) ||
      !_loy_sqlite_update_levels (db, 0, error))
    {
      _loy_sqlite_rollback (db);
      return FALSE;
    }

  return _loy_sqlite_commit (db, error);
}

gboolean
_loy_sqlite_delete_segment (sqlite3     *db,
                            const char  *uuid,
                            GError     **error)
{
  g_autofree char *campaign = NULL;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  if (!check_exists (db, "segments", uuid, _("There is no segment with UUID “%s”"), error) ||
      !select_text (db,
                    "SELECT c.name FROM campaigns AS c"
                    " JOIN campaign_segments AS cs ON cs.campaign_id = c.id"
                    " JOIN segments AS s ON s.id = cs.segment_id"
                    " WHERE s.uuid = :uuid ORDER BY c.name LIMIT 1",
                    uuid, NULL, 0, &campaign, error))
    goto failed;

  /* A campaign left without its audience would quietly reach no one. */
  if (campaign != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("The campaign “%s” targets this segment: give it another target "
                     "before deleting the segment"),
                   campaign);
      goto failed;
    }

  if (!run_write (db, "DELETE FROM segments WHERE uuid = :uuid", uuid, NULL, NULL, NULL, 0, error))
    goto failed;

  return _loy_sqlite_commit (db, error);

failed:
  _loy_sqlite_rollback (db);
  return FALSE;
}

/* The LoyStore operations */

static void
loy_sqlite_store_save_level_async (LoyStore            *store,
                                   LoyLevel            *level,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SaveInput *input = save_input_new (loy_level_get_uuid (level), loy_level_get_name (level));

  input->threshold = loy_level_get_threshold (level);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), save_level_work, input,
                               (GDestroyNotify) save_input_free, g_object_unref,
                               loy_sqlite_store_save_level_async, cancellable, callback, user_data);
}

static void
loy_sqlite_store_save_segment_async (LoyStore            *store,
                                     LoySegment          *segment,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SaveInput *input = save_input_new (loy_segment_get_uuid (segment), loy_segment_get_name (segment));

  input->description = g_strdup (loy_segment_get_description (segment));
  input->criteria = json_node_copy (loy_segment_get_criteria (segment));

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), save_segment_work, input,
                               (GDestroyNotify) save_input_free, g_object_unref,
                               loy_sqlite_store_save_segment_async,
                               cancellable, callback, user_data);
}

void
_loy_sqlite_store_segments_iface_init (LoyStoreInterface *iface)
{
  iface->save_level_async = loy_sqlite_store_save_level_async;
  iface->save_segment_async = loy_sqlite_store_save_segment_async;
}
