/* loy-sqlite-campaign-reach.c — a target's reach: the evaluator asked once
 * for each kind of contact there is, the contacts of each kind counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-campaign-availability.h"
#include "loy-error.h"
#include "loy-sqlite-campaign-reach.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"

/* What the target looks at in a contact: its level and, bit i, whether it
 * is a member of target segment i. */
#define REACH_KEY(level_id, memberships) (((gint64) (level_id) << 32) | (memberships))
#define REACH_KEY_LEVEL(key) ((key) >> 32)
#define REACH_MAX_SEGMENTS 32
#define REACH_CANCEL_CHECK 16384

/* How many contacts share each REACH_KEY (level 0: none). Without segments
 * the level's index counts them; with segments one pass over the contacts
 * evaluates each condition once per contact, where SQL's GROUP BY over the
 * conditions would sort every row. */
static GHashTable *
count_reach_keys (sqlite3             *db,
                  const char * const  *segments,
                  guint                n_segments,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(LoySqliteFilter) filter = NULL;
  g_autoptr(GPtrArray) conditions = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT coalesce (t.level_id, 0), 0");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 n_rows = 0;
  int rc;

  if (n_segments == 0)
    g_string_append (sql, ", count(*) FROM contacts AS t GROUP BY t.level_id");
  else
    {
      if (!(filter = _loy_sqlite_filter_new_for_segments (db, segments, &conditions, error)))
        return NULL;
      for (guint i = 0; i < conditions->len; i++)
        g_string_append_printf (sql, " | ((%s) << %u)",
                                (const char *) g_ptr_array_index (conditions, i), i);
      g_string_append (sql, ", 1 FROM contacts AS t");
    }

  if ((stmt = _loy_sqlite_prepare (db, sql->str, error)) == NULL)
    return NULL;
  if (filter != NULL)
    _loy_sqlite_filter_bind (filter, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = REACH_KEY (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
      gint64 *count;

      if ((count = g_hash_table_lookup (counts, &key)) == NULL)
        {
          count = g_new0 (gint64, 1);
          g_hash_table_insert (counts, g_memdup2 (&key, sizeof key), count);
        }
      *count += sqlite3_column_int64 (stmt, 2);

      if (++n_rows % REACH_CANCEL_CHECK == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* Level rowid → UUID. */
static GHashTable *
read_level_uuids (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, "SELECT id, uuid FROM levels", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (uuids, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return g_steal_pointer (&uuids);
}

/* The contacts the evaluator finds in @campaign's target, asked once for
 * each kind of contact there is (level, memberships), not once per contact. */
gint64
_loy_sqlite_count_campaign_reach (sqlite3       *db,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  LoyCampaign *campaign = LOY_CAMPAIGN (data);
  const char * const *segments = loy_campaign_get_target_type (campaign) == LOY_TARGET_TYPE_SEGMENT
                                 ? loy_campaign_get_segment_uuids (campaign) : NULL;
  guint n_segments = segments != NULL ? g_strv_length ((char **) segments) : 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) levels = NULL;
  g_autoptr(GHashTable) counts = NULL;
  GHashTableIter iter;
  gpointer key, count;
  gint64 reached = 0;

  if (n_segments > REACH_MAX_SEGMENTS)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("A campaign can target at most %d segments"), REACH_MAX_SEGMENTS);
      return -1;
    }

  if (!(levels = read_level_uuids (db, error)) ||
      !(counts = count_reach_keys (db, segments, n_segments, cancellable, error)))
    return -1;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &count))
    {
      gint64 reach_key = *(gint64 *) key;
      gint64 level_id = REACH_KEY_LEVEL (reach_key);
      g_autoptr(LoyCampaignContext) context = NULL;
      g_autoptr(LoyAvailability) availability = NULL;

      context = loy_campaign_context_new (0, g_hash_table_lookup (levels, &level_id));
      for (guint i = 0; i < n_segments; i++)
        if (reach_key & (G_GINT64_CONSTANT (1) << i))
          loy_campaign_context_add_segment (context, segments[i]);

      availability = loy_campaign_check_availability (campaign, context, now);
      if (!loy_availability_has_reason (availability, LOY_AVAILABILITY_REASON_NOT_IN_TARGET))
        reached += *(gint64 *) count;
    }

  return reached;
}
