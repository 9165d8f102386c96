/* loy-sqlite-overview.c — the program overview, read from the rollups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-overview.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-records.h"
#include "loy-sqlite-rollups.h"
#include "loy-sqlite-worker.h"

typedef struct
{
  GDate from;
  GDate to;
} Period;

/* The rollups' key of @date: local YYYY-MM-DD. */
static void
format_day (const GDate *date,
            char         day[static 11])
{
  g_snprintf (day, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static gboolean
parse_day (const char *day,
           GDate      *date)
{
  unsigned year, month, mday;

  if (day == NULL || sscanf (day, "%4u-%2u-%2u", &year, &month, &mday) != 3 ||
      !g_date_valid_dmy (mday, month, year))
    return FALSE;

  g_date_set_dmy (date, mday, month, year);
  return TRUE;
}

static gboolean
step_rows_done (int       rc,
                sqlite3  *db,
                GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _loy_sqlite_set_error (error, db);
  return FALSE;
}

/* Binds the period to :from and :to. */
static void
bind_period (sqlite3_stmt *stmt,
             const GDate  *from,
             const GDate  *to)
{
  char from_day[11], to_day[11];

  format_day (from, from_day);
  format_day (to, to_day);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from_day, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to_day, -1,
                     SQLITE_TRANSIENT);
}

static gboolean
read_figures (sqlite3             *db,
              const GDate         *from,
              const GDate         *to,
              LoyOverviewFigures  *figures,
              GError             **error)
{
  g_autoptr(LoySqliteCachedStmt) days = NULL;
  g_autoptr(LoySqliteCachedStmt) costs = NULL;

  days = _loy_sqlite_prepare_cached (db,
                                     "SELECT coalesce (sum (issued), 0), coalesce (sum (redeemed), 0),"
                                     " coalesce (sum (expired), 0), coalesce (sum (enrollments), 0),"
                                     " coalesce (sum (redemptions), 0)"
                                     " FROM rollup_days WHERE day >= :from AND day < :to",
                                     error);
  if (days == NULL)
    return FALSE;

  bind_period (days, from, to);
  if (sqlite3_step (days) != SQLITE_ROW)
    return step_rows_done (SQLITE_ERROR, db, error);

  figures->points_issued = sqlite3_column_int64 (days, 0);
  figures->points_redeemed = sqlite3_column_int64 (days, 1);
  figures->points_expired = sqlite3_column_int64 (days, 2);
  figures->enrollments = sqlite3_column_int64 (days, 3);
  figures->redemptions = sqlite3_column_int64 (days, 4);

  /* What the redemptions cost, at the rewards' cost prices. */
  costs = _loy_sqlite_prepare_cached (db,
                                      "SELECT coalesce (sum (d.redemptions * r.cost_price_cents), 0),"
                                      " coalesce (sum (CASE WHEN r.cost_price_cents IS NULL"
                                      "   THEN d.redemptions END), 0)"
                                      " FROM rollup_reward_days AS d JOIN rewards AS r"
                                      " ON r.id = d.reward_id"
                                      " WHERE d.day >= :from AND d.day < :to",
                                      error);
  if (costs == NULL)
    return FALSE;

  bind_period (costs, from, to);
  if (sqlite3_step (costs) != SQLITE_ROW)
    return step_rows_done (SQLITE_ERROR, db, error);

  figures->redemption_cost_cents = sqlite3_column_int64 (costs, 0);
  figures->uncosted_redemptions = sqlite3_column_int64 (costs, 1);

  return _loy_sqlite_count_active (db, from, to, &figures->active_contacts, error);
}

/* The sum of all balances is the sum of every entry, which the rollups
 * hold; their value at the best point value a cashback campaign running
 * now gives. */
static gboolean
read_outstanding (sqlite3      *db,
                  LoyOverview  *overview,
                  GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  gint64 points, value_cents = LOY_UNSET;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT (SELECT coalesce (sum (issued - redeemed - expired"
                                     "   - withdrawn), 0) FROM rollup_days),"
                                     " (SELECT max (point_value_cents) FROM campaigns"
                                     "  WHERE campaign_type = 'cashback' AND is_active"
                                     "  AND (activity_all_time OR :now BETWEEN active_from AND active_to))",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":now", _loy_sqlite_now_seconds ());
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return step_rows_done (SQLITE_ERROR, db, error);

  points = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    value_cents = points * sqlite3_column_int64 (stmt, 1);

  loy_overview_set_outstanding (overview, points, value_cents);
  return TRUE;
}

static gboolean
read_series (sqlite3      *db,
             LoyOverview  *overview,
             const Period *period,
             GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT day, issued, redeemed, enrollments FROM rollup_days"
                                     " WHERE day >= :from AND day < :to",
                                     error);
  if (stmt == NULL)
    return FALSE;

  bind_period (stmt, &period->from, &period->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;

      if (parse_day ((const char *) sqlite3_column_text (stmt, 0), &day))
        loy_overview_add_day (overview, &day, sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
    }

  return step_rows_done (rc, db, error);
}

static gboolean
read_levels (sqlite3      *db,
             LoyOverview  *overview,
             GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT l.uuid, l.name, coalesce (r.contacts, 0), l.threshold"
                                     " FROM levels AS l LEFT JOIN rollup_levels AS r"
                                     " ON r.level_id = l.id"
                                     " UNION ALL SELECT NULL, NULL,"
                                     " (SELECT coalesce (sum (contacts), 0) FROM rollup_levels AS r"
                                     "  WHERE NOT EXISTS (SELECT 1 FROM levels WHERE id = r.level_id)),"
                                     " 9223372036854775807"
                                     " ORDER BY 4",
                                     error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contacts = sqlite3_column_int64 (stmt, 2);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        loy_overview_add_level (overview, (const char *) sqlite3_column_text (stmt, 0),
                                (const char *) sqlite3_column_text (stmt, 1), contacts);
      else if (contacts > 0)
        loy_overview_add_level (overview, NULL, _("No level"), contacts);
    }

  return step_rows_done (rc, db, error);
}

static gboolean
read_top_rewards (sqlite3      *db,
                  LoyOverview  *overview,
                  const Period *period,
                  GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT r.uuid, r.title, sum (d.redemptions) AS n,"
                                     " r.cost_price_cents"
                                     " FROM rollup_reward_days AS d JOIN rewards AS r"
                                     " ON r.id = d.reward_id"
                                     " WHERE d.day >= :from AND d.day < :to"
                                     " GROUP BY r.id HAVING n > 0"
                                     " ORDER BY n DESC, r.title, r.id"
                                     " LIMIT " G_STRINGIFY (LOY_OVERVIEW_TOP_REWARDS),
                                     error);
  if (stmt == NULL)
    return FALSE;

  bind_period (stmt, &period->from, &period->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 redemptions = sqlite3_column_int64 (stmt, 2);
      gint64 cost_cents = LOY_UNSET;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        cost_cents = redemptions * sqlite3_column_int64 (stmt, 3);

      loy_overview_add_top_reward (overview, (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   redemptions, cost_cents);
    }

  return step_rows_done (rc, db, error);
}

static int
compare_days_left (gconstpointer a,
                   gconstpointer b)
{
  double left_a = loy_overview_code_group_days_left (*(LoyCodeGroup **) a);
  double left_b = loy_overview_code_group_days_left (*(LoyCodeGroup **) b);

  return (left_a > left_b) - (left_a < left_b);
}

/* The groups issuing codes, by the days their codes last at the last 30
 * days' rate. */
static gboolean
read_code_groups (sqlite3      *db,
                  LoyOverview  *overview,
                  GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) issuing = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT " CODE_GROUP_COLUMNS " FROM " CODE_GROUP_FROM,
                                     error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) group = _loy_sqlite_read_code_group (stmt);

      if (loy_overview_code_group_days_left (LOY_CODE_GROUP (group)) >= 0)
        g_ptr_array_add (issuing, g_steal_pointer (&group));
    }

  if (!step_rows_done (rc, db, error))
    return FALSE;

  g_ptr_array_sort (issuing, compare_days_left);
  for (guint i = 0; i < MIN (issuing->len, LOY_OVERVIEW_CODE_GROUPS); i++)
    loy_overview_add_code_group (overview, g_ptr_array_index (issuing, i));

  return TRUE;
}

static gpointer
get_overview_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  const Period *period = data;
  g_autoptr(LoyOverview) overview = loy_overview_new (&period->from, &period->to);
  LoyOverviewFigures figures = { 0 }, previous = { 0 };
  Period before;

  loy_overview_get_previous_period (overview, &before.from, &before.to);

  /* One snapshot, so the figures agree with one another. */
  if (!_loy_sqlite_begin_read (db, error))
    return NULL;

  if (!read_figures (db, &period->from, &period->to, &figures, error) ||
      !read_figures (db, &before.from, &before.to, &previous, error) ||
      !read_outstanding (db, overview, error) ||
      !read_series (db, overview, period, error) ||
      !read_levels (db, overview, error) ||
      !read_top_rewards (db, overview, period, error) ||
      !read_code_groups (db, overview, error) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  loy_overview_set_figures (overview, &figures, &previous);
  return g_steal_pointer (&overview);
}

static void
loy_sqlite_store_get_overview_async (LoyStore            *store,
                                     const GDate         *from,
                                     const GDate         *to,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Period *period;

  if (from == NULL || to == NULL || !g_date_valid (from) || !g_date_valid (to) ||
      g_date_compare (from, to) >= 0)
    {
      g_task_report_new_error (store, callback, user_data, loy_sqlite_store_get_overview_async,
                               LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                               _("The period’s start must come before its end"));
      return;
    }

  period = g_new (Period, 1);
  period->from = *from;
  period->to = *to;
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), get_overview_work, period, g_free,
                               g_object_unref, loy_sqlite_store_get_overview_async,
                               cancellable, callback, user_data);
}

void
_loy_sqlite_store_overview_iface_init (LoyStoreInterface *iface)
{
  iface->get_overview_async = loy_sqlite_store_get_overview_async;
}
