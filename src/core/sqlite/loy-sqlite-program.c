/* loy-sqlite-program.c — the program's rules: reading and writing them,
 * the levels and the expiry that follow from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-ledger-rules.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-worker.h"

/* The most points the program may give per unit of money, for joining or
 * for an action: generous for any real program, and small enough that an
 * award stays far from what a balance holds. */
#define MAX_PROGRAM_POINTS 1000000

/* Points a contact earned with entry @e, for levels based on points earned
 * in a period: what was reversed was never earned. */
#define EARNED(e) \
  e ".credits > 0 AND " e ".entry_type IN ('WELCOME', 'CREDIT_RECEPTION', 'ADJUSTMENT')" \
  " AND NOT EXISTS (SELECT 1 FROM ledger_entries AS r WHERE r.reverses_id = " e ".id)"

/* The highest level whose threshold the contact reaches: by balance when
 * :since is NULL, else by the points earned after :since. */
#define LEVEL_REACHED \
  "(SELECT l.id FROM levels AS l WHERE l.threshold <=" \
  "   CASE WHEN :since IS NULL THEN contacts.balance" \
  "   ELSE (SELECT coalesce (sum (e.credits), 0) FROM ledger_entries AS e" \
  "         WHERE e.contact_id = contacts.id AND e.created_at > :since AND " EARNED ("e") ")" \
  "   END" \
  " ORDER BY l.threshold DESC LIMIT 1)"

/* Only a contact whose level changes is written, which spares the row and
 * its level index most of the time. */
#define UPDATE_LEVEL \
  "UPDATE contacts SET level_id = " LEVEL_REACHED \
  " WHERE level_id IS NOT " LEVEL_REACHED

gint64
_loy_sqlite_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static int
nick_to_value (GType       enum_type,
               const char *nick)
{
  int value;

  if (loy_enum_from_nick (enum_type, nick, &value))
    return value;

  /* The table's CHECK allows only the enum's nicks. */
  g_return_val_if_reached (0);
}

/* The program */

/* Sets @program's actions to those stored, in place of the built-in ones.
 * SQLite reads the JSON: each write of an entry reads the program, and a
 * JsonParser cost more than the rest of that read. */
static gboolean
read_actions (sqlite3     *db,
              LoyProgram  *program,
              GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_auto(GStrv) defaults = loy_program_dup_actions (program);
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT a.key, a.value"
                                     " FROM program, json_each (program.actions) AS a",
                                     error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; defaults[i] != NULL; i++)
    loy_program_set_action_points (program, defaults[i], LOY_UNSET);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    loy_program_set_action_points (program, (const char *) sqlite3_column_text (stmt, 0),
                                   MAX (0, sqlite3_column_int64 (stmt, 1)));

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return TRUE;
}

LoyProgram *
_loy_sqlite_read_program (sqlite3  *db,
                          GError  **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(LoyProgram) program = loy_program_new ();
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT points_per_unit, rounding, welcome_points,"
                                     " expiry_months, level_basis, level_period_months"
                                     " FROM program",
                                     error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&program);
  if (rc != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  loy_program_set_points_per_unit (program, sqlite3_column_int64 (stmt, 0));
  loy_program_set_rounding (program,
                            nick_to_value (LOY_TYPE_ROUNDING,
                                           (const char *) sqlite3_column_text (stmt, 1)));
  loy_program_set_welcome_points (program, sqlite3_column_int64 (stmt, 2));
  loy_program_set_expiry_months (program, sqlite3_column_int64 (stmt, 3));
  loy_program_set_level_basis (program,
                               nick_to_value (LOY_TYPE_LEVEL_BASIS,
                                              (const char *) sqlite3_column_text (stmt, 4)));
  loy_program_set_level_period_months (program, sqlite3_column_int64 (stmt, 5));

  if (!read_actions (db, program, error))
    return NULL;

  return g_steal_pointer (&program);
}

static gboolean
validate_program (LoyProgram  *program,
                  GError     **error)
{
  g_auto(GStrv) actions = loy_program_dup_actions (program);

  if (loy_program_get_points_per_unit (program) > MAX_PROGRAM_POINTS)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A purchase can earn at most %d point per unit of money",
                                "A purchase can earn at most %d points per unit of money",
                                MAX_PROGRAM_POINTS),
                   MAX_PROGRAM_POINTS);
      return FALSE;
    }

  if (loy_program_get_welcome_points (program) > MAX_PROGRAM_POINTS)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Welcome points can be at most %d",
                                "Welcome points can be at most %d",
                                MAX_PROGRAM_POINTS),
                   MAX_PROGRAM_POINTS);
      return FALSE;
    }

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (actions[i]));

      if (stripped[0] == '\0' || !g_str_equal (stripped, actions[i]))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("“%s” is not a valid action name: it must not be empty or start "
                         "or end with a space"), actions[i]);
          return FALSE;
        }

      if (loy_program_get_action_points (program, actions[i]) > MAX_PROGRAM_POINTS)
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” can earn at most %d point",
                                    "“%s” can earn at most %d points",
                                    MAX_PROGRAM_POINTS),
                       actions[i], MAX_PROGRAM_POINTS);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_loy_sqlite_write_program (sqlite3     *db,
                           LoyProgram  *program,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) actions_node = NULL;
  g_auto(GStrv) actions = loy_program_dup_actions (program);
  g_autofree char *actions_json = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, actions[i]);
      json_builder_add_int_value (builder, loy_program_get_action_points (program, actions[i]));
    }
  json_builder_end_object (builder);
  actions_node = json_builder_get_root (builder);
  actions_json = json_to_string (actions_node, FALSE);

  stmt = _loy_sqlite_prepare (db,
                              "INSERT OR REPLACE INTO program (id, points_per_unit, rounding,"
                              " welcome_points, actions, expiry_months, level_basis,"
                              " level_period_months)"
                              " VALUES (1, :points_per_unit, :rounding, :welcome_points, :actions,"
                              " :expiry_months, :level_basis, :level_period_months)",
                              error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":points_per_unit", loy_program_get_points_per_unit (program));
  _loy_sqlite_bind_text (stmt, ":rounding",
                         loy_enum_to_nick (LOY_TYPE_ROUNDING, loy_program_get_rounding (program)));
  _loy_sqlite_bind_int64 (stmt, ":welcome_points", loy_program_get_welcome_points (program));
  _loy_sqlite_bind_text (stmt, ":actions", actions_json);
  _loy_sqlite_bind_int64 (stmt, ":expiry_months", loy_program_get_expiry_months (program));
  _loy_sqlite_bind_text (stmt, ":level_basis",
                         loy_enum_to_nick (LOY_TYPE_LEVEL_BASIS,
                                           loy_program_get_level_basis (program)));
  _loy_sqlite_bind_int64 (stmt, ":level_period_months",
                          loy_program_get_level_period_months (program));

  return _loy_sqlite_step_done (stmt, error);
}

/* Levels */

/* Sets the level of contact @contact_id, or of every contact when it is 0,
 * by @program's level basis. */
gboolean
_loy_sqlite_program_update_levels (sqlite3     *db,
                                   LoyProgram  *program,
                                   gint64       contact_id,
                                   GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;

  stmt = _loy_sqlite_prepare_cached (db,
                                     contact_id != 0 ? UPDATE_LEVEL " AND id = :contact"
                                                     : UPDATE_LEVEL,
                                     error);
  if (stmt == NULL)
    return FALSE;

  if (loy_program_get_level_basis (program) == LOY_LEVEL_BASIS_EARNED_IN_PERIOD)
    _loy_sqlite_bind_int64 (stmt, ":since",
                            loy_add_months (_loy_sqlite_now_seconds (),
                                            -(int) loy_program_get_level_period_months (program)));
  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);

  return _loy_sqlite_step_done (stmt, error);
}

/* Levels by points earned in a period move with the calendar, not only
 * with writes: sets every contact's, inside the caller's transaction. By
 * balance, each write sets the level it changes (write_entry()), and there
 * is nothing to do. */
gboolean
_loy_sqlite_program_refresh_levels (sqlite3     *db,
                                    LoyProgram  *program,
                                    GError     **error)
{
  return loy_program_get_level_basis (program) != LOY_LEVEL_BASIS_EARNED_IN_PERIOD ||
         _loy_sqlite_program_update_levels (db, program, 0, error);
}

gboolean
_loy_sqlite_refresh_levels (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(LoyProgram) program = _loy_sqlite_read_program (db, error);

  if (program == NULL)
    return FALSE;

  /* The write lock only when there is something to write. */
  if (loy_program_get_level_basis (program) != LOY_LEVEL_BASIS_EARNED_IN_PERIOD)
    return TRUE;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  g_clear_object (&program);
  if (!(program = _loy_sqlite_read_program (db, error)) ||
      !_loy_sqlite_program_refresh_levels (db, program, error) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return FALSE;
    }

  return TRUE;
}

gboolean
_loy_sqlite_update_levels (sqlite3  *db,
                           gint64    contact_id,
                           GError  **error)
{
  g_autoptr(LoyProgram) program = _loy_sqlite_read_program (db, error);

  return program != NULL && _loy_sqlite_program_update_levels (db, program, contact_id, error);
}

/* Expiry */

gboolean
_loy_sqlite_fill_next_expiry (sqlite3     *db,
                              LoyContact  *contact,
                              GError     **error)
{
  g_autoptr(LoyProgram) program = _loy_sqlite_read_program (db, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) lots = g_array_new (FALSE, FALSE, sizeof (LoyPointsLot));
  gint64 spent = 0;
  gint64 points = 0;
  gint64 expiring_at = 0;
  int rc;

  if (program == NULL)
    return FALSE;

  if (loy_program_get_expiry_months (program) == 0)
    {
      loy_contact_set_next_expiry (contact, 0, 0);
      return TRUE;
    }

  stmt = _loy_sqlite_prepare (db,
                              "SELECT e.credits, e.created_at FROM " FIFO_ENTRIES " AS e"
                              " WHERE e.contact_id = (SELECT id FROM contacts WHERE uuid = :uuid)"
                              " ORDER BY e.created_at, e.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":uuid", loy_contact_get_uuid (contact));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoyPointsLot lot = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      if (lot.credits > 0)
        g_array_append_val (lots, lot);
      else
        spent -= lot.credits;
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  loy_points_next_expiry ((const LoyPointsLot *) lots->data, lots->len, spent,
                          loy_program_get_expiry_months (program), &points, &expiring_at);
  loy_contact_set_next_expiry (contact, points, expiring_at);

  return TRUE;
}

/* Program */

static gpointer
get_program_work (sqlite3       *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return _loy_sqlite_read_program (db, error);
}

static gpointer
update_program_work (sqlite3       *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(LoyProgram) program = NULL;

  if (!validate_program (data, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  /* A new basis or period can move every contact to another level. */
  if (!_loy_sqlite_write_program (db, data, error) ||
      !(program = _loy_sqlite_read_program (db, error)) ||
      !_loy_sqlite_program_update_levels (db, program, 0, error) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  return g_steal_pointer (&program);
}

static void
loy_sqlite_store_get_program_async (LoyStore            *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), get_program_work, NULL, NULL,
                               g_object_unref, loy_sqlite_store_get_program_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_update_program_async (LoyStore            *store,
                                       LoyProgram          *program,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), update_program_work,
                               g_object_ref (program), g_object_unref, g_object_unref,
                               loy_sqlite_store_update_program_async,
                               cancellable, callback, user_data);
}

void
_loy_sqlite_store_program_iface_init (LoyStoreInterface *iface)
{
  iface->get_program_async = loy_sqlite_store_get_program_async;
  iface->update_program_async = loy_sqlite_store_update_program_async;
}
