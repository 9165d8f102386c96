/* loy-sqlite-ledger.c — contacts' points: enroll, award, redeem, adjust,
 * reverse, expire; the program's rules and the levels that follow from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-ledger-rules.h"
#include "loy-sqlite-private.h"
#include "loy-visibility.h"

/* How often a long run looks at its GCancellable */
#define CANCEL_CHECK_INTERVAL 1024

/* The most points the program may give per unit of money, for joining or
 * for an action: generous for any real program, and small enough that an
 * award stays far from what a balance holds. */
#define MAX_PROGRAM_POINTS 1000000

/* The ledger as points matched first-in, first-out see it: an entry and
 * its reversal cancel out as if neither had happened (a refunded
 * redemption gives back the very points it took), and a lot reversed in
 * part keeps the points expiry took from it; but expired points restored
 * by a reversal are a new lot. Columns: id, contact_id, created_at,
 * credits (net of the reversal) and expired (an expiry that stands). */
#define FIFO_ENTRIES \
  "(SELECT e.id, e.contact_id, e.created_at," \
  "  e.credits + CASE WHEN e.entry_type = 'EXPIRY' THEN 0 ELSE" \
  "   coalesce ((SELECT r.credits FROM ledger_entries AS r WHERE r.reverses_id = e.id), 0)" \
  "  END AS credits," \
  "  e.entry_type = 'EXPIRY'" \
  "   AND NOT EXISTS (SELECT 1 FROM ledger_entries AS r WHERE r.reverses_id = e.id) AS expired" \
  " FROM ledger_entries AS e" \
  " WHERE e.reverses_id IS NULL" \
  "  OR (SELECT o.entry_type FROM ledger_entries AS o WHERE o.id = e.reverses_id) = 'EXPIRY')"

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

static const char * const rounding_names[] = {
  [LOY_ROUNDING_DOWN] = "DOWN",
  [LOY_ROUNDING_NEAREST] = "NEAREST",
  [LOY_ROUNDING_UP] = "UP",
};

static const char * const level_basis_names[] = {
  [LOY_LEVEL_BASIS_BALANCE] = "BALANCE",
  [LOY_LEVEL_BASIS_EARNED_IN_PERIOD] = "EARNED_IN_PERIOD",
};

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static guint
name_to_index (const char * const *names,
               guint               n_names,
               const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;

  /* The table's CHECK allows only the names above. */
  g_return_val_if_reached (0);
}

/* Steps @stmt to its one row; FALSE with @error when it has none
 * (LOY_ERROR_NOT_FOUND with @not_found, which may be NULL for "cannot
 * happen") or fails. */
static gboolean
step_row (sqlite3_stmt  *stmt,
          const char    *not_found,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, LOY_ERROR,
                         not_found != NULL ? LOY_ERROR_NOT_FOUND : LOY_ERROR_DATABASE,
                         not_found != NULL ? not_found : _("The database returned no row"));
  else
    _loy_sqlite_set_error (error, sqlite3_db_handle (stmt));

  return FALSE;
}

/* The program */

static LoyProgram *
read_program (sqlite3  *db,
              GError  **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(JsonParser) parser = NULL;
  g_auto(GStrv) defaults = NULL;
  JsonObjectIter iter;
  const char *action;
  JsonNode *points;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT points_per_unit, rounding, welcome_points, actions,"
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
                            name_to_index (rounding_names, G_N_ELEMENTS (rounding_names),
                                           (const char *) sqlite3_column_text (stmt, 1)));
  loy_program_set_welcome_points (program, sqlite3_column_int64 (stmt, 2));
  loy_program_set_expiry_months (program, sqlite3_column_int64 (stmt, 4));
  loy_program_set_level_basis (program,
                               name_to_index (level_basis_names, G_N_ELEMENTS (level_basis_names),
                                              (const char *) sqlite3_column_text (stmt, 5)));
  loy_program_set_level_period_months (program, sqlite3_column_int64 (stmt, 6));

  /* The stored actions replace the built-in ones. */
  defaults = loy_program_dup_actions (program);
  for (guint i = 0; defaults[i] != NULL; i++)
    loy_program_set_action_points (program, defaults[i], LOY_UNSET);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 3), -1, error))
    return NULL;

  json_object_iter_init (&iter, json_node_get_object (json_parser_get_root (parser)));
  while (json_object_iter_next (&iter, &action, &points))
    loy_program_set_action_points (program, action, MAX (0, json_node_get_int (points)));

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

static gboolean
write_program (sqlite3     *db,
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
  _loy_sqlite_bind_text (stmt, ":rounding", rounding_names[loy_program_get_rounding (program)]);
  _loy_sqlite_bind_int64 (stmt, ":welcome_points", loy_program_get_welcome_points (program));
  _loy_sqlite_bind_text (stmt, ":actions", actions_json);
  _loy_sqlite_bind_int64 (stmt, ":expiry_months", loy_program_get_expiry_months (program));
  _loy_sqlite_bind_text (stmt, ":level_basis",
                         level_basis_names[loy_program_get_level_basis (program)]);
  _loy_sqlite_bind_int64 (stmt, ":level_period_months",
                          loy_program_get_level_period_months (program));

  return _loy_sqlite_step_done (stmt, error);
}

/* Levels */

/* Sets the level of contact @contact_id, or of every contact when it is 0,
 * by @program's level basis. */
static gboolean
update_levels (sqlite3     *db,
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
                            loy_add_months (now_seconds (),
                                            -(int) loy_program_get_level_period_months (program)));
  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);

  return _loy_sqlite_step_done (stmt, error);
}

/* Levels by points earned in a period move with the calendar, not only
 * with writes: sets every contact's, inside the caller's transaction. By
 * balance, each write sets the level it changes (write_entry()), and there
 * is nothing to do. */
static gboolean
refresh_levels (sqlite3     *db,
                LoyProgram  *program,
                GError     **error)
{
  return loy_program_get_level_basis (program) != LOY_LEVEL_BASIS_EARNED_IN_PERIOD ||
         update_levels (db, program, 0, error);
}

gboolean
_loy_sqlite_refresh_levels (sqlite3  *db,
                            GError  **error)
{
  g_autoptr(LoyProgram) program = read_program (db, error);

  if (program == NULL)
    return FALSE;

  /* The write lock only when there is something to write. */
  if (loy_program_get_level_basis (program) != LOY_LEVEL_BASIS_EARNED_IN_PERIOD)
    return TRUE;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  g_clear_object (&program);
  if (!(program = read_program (db, error)) ||
      !refresh_levels (db, program, error) ||
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
  g_autoptr(LoyProgram) program = read_program (db, error);

  return program != NULL && update_levels (db, program, contact_id, error);
}

/* Expiry */

gboolean
_loy_sqlite_fill_next_expiry (sqlite3     *db,
                              LoyContact  *contact,
                              GError     **error)
{
  g_autoptr(LoyProgram) program = read_program (db, error);
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

/* Writing entries */

typedef struct
{
  gint64              contact_id;
  LoyLedgerEntryType  entry_type;
  gint64              credits;
  const char         *reason;
  const char         *operator_name;
  gint64              reward_id;               /* 0: none */
  gint64              code_id;                 /* 0: none */
  gint64              reverses_id;             /* 0: none */
  gint64              purchase_amount_cents;   /* LOY_UNSET: none */
  gboolean            stock_taken;
} NewEntry;

#define NEW_ENTRY_INIT { .purchase_amount_cents = LOY_UNSET }

/* A version 7 UUID (RFC 9562): milliseconds since the epoch, then random
 * bits. New entries' UUIDs sort after the old ones, so the UUID index grows
 * at its end instead of taking a write on a random page of it. */
static char *
new_time_ordered_uuid (void)
{
  guint64 ms = g_get_real_time () / 1000;
  guint32 random[3] = { g_random_int (), g_random_int (), g_random_int () };

  return g_strdup_printf ("%08x-%04x-7%03x-%04x-%04x%08x",
                          (guint32) (ms >> 16), (guint) (ms & 0xffff), random[0] & 0xfff,
                          0x8000 | (random[0] >> 18), random[1] & 0xffff, random[2]);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 const char   *name,
                 gint64        id)
{
  _loy_sqlite_bind_int64_or_null (stmt, name, id != 0 ? id : LOY_UNSET);
}

/* Appends @entry to the ledger (the balance follows by trigger) and sets
 * the contact's level; returns the entry's UUID. */
static char *
write_entry (sqlite3         *db,
             LoyProgram      *program,
             const NewEntry  *entry,
             GError         **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autofree char *uuid = new_time_ordered_uuid ();

  stmt = _loy_sqlite_prepare_cached (db,
                                     "INSERT INTO ledger_entries (uuid, contact_id, entry_type,"
                                     " credits, reason, operator, reward_id, code_id, reverses_id,"
                                     " purchase_amount_cents, stock_taken, created_at)"
                                     " VALUES (:uuid, :contact_id, :entry_type, :credits, :reason,"
                                     " :operator, :reward_id, :code_id, :reverses_id,"
                                     " :purchase_amount_cents, :stock_taken, :created_at)",
                                     error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_int64 (stmt, ":contact_id", entry->contact_id);
  _loy_sqlite_bind_text (stmt, ":entry_type", loy_ledger_entry_type_to_string (entry->entry_type));
  _loy_sqlite_bind_int64 (stmt, ":credits", entry->credits);
  _loy_sqlite_bind_text (stmt, ":reason", entry->reason);
  _loy_sqlite_bind_text (stmt, ":operator", entry->operator_name);
  bind_id_or_null (stmt, ":reward_id", entry->reward_id);
  bind_id_or_null (stmt, ":code_id", entry->code_id);
  bind_id_or_null (stmt, ":reverses_id", entry->reverses_id);
  _loy_sqlite_bind_int64_or_null (stmt, ":purchase_amount_cents", entry->purchase_amount_cents);
  _loy_sqlite_bind_int64 (stmt, ":stock_taken", entry->stock_taken);
  _loy_sqlite_bind_int64 (stmt, ":created_at", now_seconds ());

  if (!_loy_sqlite_step_done (stmt, error) ||
      !update_levels (db, program, entry->contact_id, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

/* Writes @entry, reads it back and commits the transaction the caller
 * began; rolls it back on failure. */
static LoyLedgerEntry *
write_entry_and_commit (sqlite3         *db,
                        LoyProgram      *program,
                        const NewEntry  *entry,
                        GError         **error)
{
  g_autofree char *uuid = write_entry (db, program, entry, error);
  g_autoptr(GObject) written = NULL;

  if (uuid != NULL)
    written = _loy_sqlite_lookup_record (db, LOY_KIND_LEDGER_ENTRY, uuid, error);

  if (written == NULL || !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  return LOY_LEDGER_ENTRY (g_steal_pointer (&written));
}

/* The rowid and balance of the contact @uuid; LOY_ERROR_NOT_FOUND when absent. */
static gboolean
find_contact (sqlite3     *db,
              const char  *uuid,
              gint64      *contact_id,
              gint64      *balance,
              GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autofree char *not_found = g_strdup_printf (_("There is no contact with UUID “%s”"), uuid);

  stmt = _loy_sqlite_prepare_cached (db, "SELECT id, balance FROM contacts WHERE uuid = :uuid",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  if (!step_row (stmt, not_found, error))
    return FALSE;

  *contact_id = sqlite3_column_int64 (stmt, 0);
  *balance = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Whether an entry of @credits fits the ledger and, added to @balance, the
 * balance; LOY_ERROR_INVALID_INPUT when not. The sum is checked in C, as
 * SQLite would turn an overflowing one into a REAL the column refuses. */
static gboolean
check_credits (gint64   balance,
               gint64   credits,
               GError **error)
{
  gint64 sum;

  if (credits < -LOY_SQLITE_MAX_CREDITS || credits > LOY_SQLITE_MAX_CREDITS ||
      __builtin_add_overflow (balance, credits, &sum))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("That is more points than a balance can hold"));
      return FALSE;
    }

  return TRUE;
}

static char *
strdup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Enroll */

typedef struct
{
  LoyContact *contact;
  char       *operator_name;
} EnrollInput;

static void
enroll_input_free (EnrollInput *input)
{
  g_clear_object (&input->contact);
  g_free (input->operator_name);
  g_free (input);
}

static gpointer
enroll_contact_work (sqlite3       *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EnrollInput *input = data;
  g_autofree char *email = strdup_stripped (loy_contact_get_email (input->contact));
  g_autofree char *first_name = strdup_stripped (loy_contact_get_first_name (input->contact));
  g_autofree char *last_name = strdup_stripped (loy_contact_get_last_name (input->contact));
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(JsonNode) attributes = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *attributes_json = NULL;
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GObject) contact = NULL;
  NewEntry welcome = NEW_ENTRY_INIT;
  gint64 contact_id;
  int rc;

  if (!loy_email_validate (email, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (!(program = read_program (db, error)) ||
      !(exists = _loy_sqlite_prepare (db, "SELECT 1 FROM contacts WHERE email = :email", error)))
    goto failed;

  _loy_sqlite_bind_text (exists, ":email", email);
  rc = sqlite3_step (exists);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("A contact with this email exists: %s"), email);
      goto failed;
    }

  /* A check that failed has not found the address free. */
  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      goto failed;
    }

  json_node_set_object (attributes, loy_contact_get_attributes (input->contact));
  attributes_json = json_to_string (attributes, FALSE);

  insert = _loy_sqlite_prepare (db,
                                "INSERT INTO contacts (uuid, email, first_name, last_name,"
                                " attributes, created_at)"
                                " VALUES (:uuid, :email, :first_name, :last_name, :attributes,"
                                " :created_at)",
                                error);
  if (insert == NULL)
    goto failed;

  _loy_sqlite_bind_text (insert, ":uuid", uuid);
  _loy_sqlite_bind_text (insert, ":email", email);
  _loy_sqlite_bind_text (insert, ":first_name", first_name);
  _loy_sqlite_bind_text (insert, ":last_name", last_name);
  _loy_sqlite_bind_text (insert, ":attributes", attributes_json);
  _loy_sqlite_bind_int64 (insert, ":created_at", now_seconds ());
  if (!_loy_sqlite_step_done (insert, error))
    goto failed;
  contact_id = sqlite3_last_insert_rowid (db);

  welcome.contact_id = contact_id;
  welcome.entry_type = LOY_LEDGER_ENTRY_TYPE_WELCOME;
  welcome.credits = loy_program_get_welcome_points (program);
  welcome.reason = _("Welcome to the program");
  welcome.operator_name = input->operator_name;

  /* Without welcome points there is nothing to write but the level. */
  if (welcome.credits > 0)
    {
      g_autofree char *entry_uuid = write_entry (db, program, &welcome, error);

      if (entry_uuid == NULL)
        goto failed;
    }
  else if (!update_levels (db, program, contact_id, error))
    {
      goto failed;
    }

  contact = _loy_sqlite_lookup_record (db, LOY_KIND_CONTACT, uuid, error);
  if (contact == NULL ||
      !_loy_sqlite_fill_next_expiry (db, LOY_CONTACT (contact), error) ||
      !_loy_sqlite_commit (db, error))
    goto failed;

  return g_steal_pointer (&contact);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Award */

typedef struct
{
  char     *contact_uuid;
  LoyAward  award;
} AwardInput;

static void
award_input_free (AwardInput *input)
{
  g_free (input->contact_uuid);
  g_free ((char *) input->award.action);
  g_free ((char *) input->award.reason);
  g_free ((char *) input->award.operator_name);
  g_free (input);
}

static gboolean
validate_award (const LoyAward  *award,
                GError         **error)
{
  guint n_set = (award->points != 0) + (award->amount_cents != 0) + (award->action != NULL);

  if (n_set != 1)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Award either points, a purchase amount or an action: exactly one"));
      return FALSE;
    }

  if (award->points < 0 || award->amount_cents < 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Points and amounts awarded must be positive; "
                             "take points away with an adjustment"));
      return FALSE;
    }

  return TRUE;
}

/* The points @award is worth under @program's rules. */
static gboolean
award_to_points (LoyProgram      *program,
                 const LoyAward  *award,
                 gint64          *points,
                 GError         **error)
{
  if (award->amount_cents > 0)
    {
      *points = loy_program_points_for_amount (program, award->amount_cents);
      return TRUE;
    }

  if (award->action != NULL)
    {
      g_auto(GStrv) actions = NULL;
      g_autofree char *known = NULL;

      *points = loy_program_get_action_points (program, award->action);
      if (*points != LOY_UNSET)
        return TRUE;

      actions = loy_program_dup_actions (program);
      known = g_strjoinv (", ", actions);
      if (actions[0] == NULL)
        g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                     _("Unknown action “%s”: the program has no actions"), award->action);
      else
        g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                     _("Unknown action “%s”; the program knows: %s"), award->action, known);
      return FALSE;
    }

  *points = award->points;
  return TRUE;
}

static gpointer
award_points_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  AwardInput *input = data;
  g_autoptr(LoyProgram) program = NULL;
  NewEntry entry = NEW_ENTRY_INIT;
  gint64 balance;

  if (!validate_award (&input->award, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (!find_contact (db, input->contact_uuid, &entry.contact_id, &balance, error) ||
      !(program = read_program (db, error)) ||
      !award_to_points (program, &input->award, &entry.credits, error) ||
      !check_credits (balance, entry.credits, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION;
  entry.reason = input->award.reason != NULL ? input->award.reason : input->award.action;
  entry.operator_name = input->award.operator_name;
  if (input->award.amount_cents > 0)
    entry.purchase_amount_cents = input->award.amount_cents;

  return write_entry_and_commit (db, program, &entry, error);
}

/* Redeem */

typedef struct
{
  char *contact_uuid;
  char *reward_uuid;
  char *operator_name;
} RedeemInput;

static void
redeem_input_free (RedeemInput *input)
{
  g_free (input->contact_uuid);
  g_free (input->reward_uuid);
  g_free (input->operator_name);
  g_free (input);
}

static gboolean
check_visibility (LoyReward   *reward,
                  LoyContact  *contact,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  LoyVisibility visibility = loy_reward_check_visibility (reward, contact, 0, NULL, now);

  switch (visibility)
    {
    case LOY_VISIBILITY_VISIBLE:
      return TRUE;

    case LOY_VISIBILITY_OUT_OF_STOCK:
      g_set_error (error, LOY_ERROR, LOY_ERROR_OUT_OF_STOCK,
                   _("“%s” is out of stock"), loy_reward_get_title (reward));
      return FALSE;

    case LOY_VISIBILITY_OUT_OF_CODES:
      g_set_error (error, LOY_ERROR, LOY_ERROR_OUT_OF_CODES,
                   _("“%s” has no codes left to hand out"), loy_reward_get_title (reward));
      return FALSE;

    case LOY_VISIBILITY_INACTIVE:
    case LOY_VISIBILITY_WRONG_PLATFORM:
    case LOY_VISIBILITY_WRONG_SHOP:
    case LOY_VISIBILITY_CONTACT_FILTER:
    default:
      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_VISIBLE,
                   _("“%s” cannot be redeemed by this contact: %s"),
                   loy_reward_get_title (reward), loy_visibility_describe (visibility));
      return FALSE;
    }
}

/* Takes one unit of a stock-limited reward; OUT_OF_STOCK when none is left. */
static gboolean
take_stock (sqlite3     *db,
            LoyReward   *reward,
            GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "UPDATE rewards SET stock = stock - 1"
                                     " WHERE id = :id AND stock IS NOT NULL AND stock > 0",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":id", loy_reward_get_id (reward));
  if (!_loy_sqlite_step_done (stmt, error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_OUT_OF_STOCK,
                   _("“%s” is out of stock"), loy_reward_get_title (reward));
      return FALSE;
    }

  return TRUE;
}

/* Issues the next available code of @reward's group to the contact in one
 * statement, so two processes never get the same code; OUT_OF_CODES when
 * none is left. */
static gint64
claim_code (sqlite3     *db,
            LoyReward   *reward,
            gint64       contact_id,
            GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  gint64 code_id = 0;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "UPDATE codes SET contact_id = :contact, issued_at = :now"
                                     " WHERE id = (SELECT id FROM codes"
                                     "  WHERE group_id = (SELECT id FROM code_groups"
                                     "   WHERE reward_id = :reward ORDER BY id LIMIT 1)"
                                     "  AND contact_id IS NULL ORDER BY id LIMIT 1)"
                                     " RETURNING id",
                                     error);
  if (stmt == NULL)
    return 0;

  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);
  _loy_sqlite_bind_int64 (stmt, ":now", now_seconds ());
  _loy_sqlite_bind_int64 (stmt, ":reward", loy_reward_get_id (reward));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    code_id = sqlite3_column_int64 (stmt, 0);

  /* To DONE before anything else: COMMIT fails while it is in progress. */
  if (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return 0;
    }

  if (code_id == 0)
    g_set_error (error, LOY_ERROR, LOY_ERROR_OUT_OF_CODES,
                 _("“%s” has no codes left to hand out"), loy_reward_get_title (reward));

  return code_id;
}

static gpointer
redeem_reward_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  RedeemInput *input = data;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyReward) reward = NULL;
  NewEntry entry = NEW_ENTRY_INIT;
  gint64 required;
  gint64 balance;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (!(contact = _loy_sqlite_lookup_contact (db, input->contact_uuid, &entry.contact_id,
                                              error)) ||
      !(reward = _loy_sqlite_lookup_reward_uncounted (db, input->reward_uuid, error)) ||
      !check_visibility (reward, contact, error))
    goto failed;

  /* A reward with nothing left to give says so before a short balance does. */
  if (loy_reward_get_reward_type (reward) == LOY_REWARD_TYPE_DIGITAL)
    {
      if (!(entry.code_id = claim_code (db, reward, entry.contact_id, error)))
        goto failed;
    }
  else if (loy_reward_get_stock (reward) != LOY_UNSET)
    {
      if (!take_stock (db, reward, error))
        goto failed;
      entry.stock_taken = TRUE;
    }

  required = loy_reward_get_required_credits (reward);
  balance = loy_contact_get_balance (contact);
  if (balance < required)
    {
      g_autofree char *needs = NULL;

      /* Translators: the first half of "“Krabby Patty” needs 50 points, Anna Smit has 20" */
      needs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” needs %" PRId64 " point",
                                            "“%s” needs %" PRId64 " points", required),
                               loy_reward_get_title (reward), required);
      /* Translators: the second half of "“Krabby Patty” needs 50 points, Anna Smit has 20" */
      g_set_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE, _("%s, %s has %" PRId64),
                   needs, loy_contact_get_display_name (contact), balance);
      goto failed;
    }

  if (!(program = read_program (db, error)))
    goto failed;

  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION;
  entry.credits = -required;
  /* The title as it was, should the reward be renamed later. */
  entry.reason = loy_reward_get_title (reward);
  entry.operator_name = input->operator_name;
  entry.reward_id = loy_reward_get_id (reward);

  return write_entry_and_commit (db, program, &entry, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Adjust */

typedef struct
{
  char   *contact_uuid;
  gint64  credits;
  char   *reason;
  char   *operator_name;
} AdjustInput;

static void
adjust_input_free (AdjustInput *input)
{
  g_free (input->contact_uuid);
  g_free (input->reason);
  g_free (input->operator_name);
  g_free (input);
}

static gpointer
adjust_points_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  AdjustInput *input = data;
  g_autofree char *reason = strdup_stripped (input->reason);
  g_autofree char *operator_name = strdup_stripped (input->operator_name);
  g_autoptr(LoyProgram) program = NULL;
  NewEntry entry = NEW_ENTRY_INIT;
  gint64 balance;

  if (input->credits == 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("An adjustment of 0 points changes nothing"));
      return NULL;
    }

  if (reason[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("An adjustment needs a reason"));
      return NULL;
    }

  if (operator_name[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("An adjustment needs the name of who makes it"));
      return NULL;
    }

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (!find_contact (db, input->contact_uuid, &entry.contact_id, &balance, error) ||
      !(program = read_program (db, error)) ||
      !check_credits (balance, input->credits, error))
    goto failed;

  if (balance + input->credits < 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE,
                   _("Cannot take %" PRId64 " points: the contact has only "
                     "%" PRId64),
                   -input->credits, balance);
      goto failed;
    }

  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;
  entry.credits = input->credits;
  entry.reason = reason;
  entry.operator_name = operator_name;

  return write_entry_and_commit (db, program, &entry, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Reverse */

typedef struct
{
  char *entry_uuid;
  char *operator_name;
} ReverseInput;

static void
reverse_input_free (ReverseInput *input)
{
  g_free (input->entry_uuid);
  g_free (input->operator_name);
  g_free (input);
}

/* A reversal puts back the unit of stock its redemption took, unless the
 * reward's stock has become unlimited since. */
static gboolean
restore_stock (sqlite3  *db,
               gint64    reward_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _loy_sqlite_prepare (db,
                              "UPDATE rewards SET stock = stock + 1"
                              " WHERE id = :id AND stock IS NOT NULL",
                              error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":id", reward_id);
  return _loy_sqlite_step_done (stmt, error);
}

/* A reversed redemption's code stops working but never goes back to the
 * pool: the customer has seen it and may pass it on. */
static gboolean
revoke_code (sqlite3  *db,
             gint64    code_id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _loy_sqlite_prepare (db, "UPDATE codes SET revoked_at = :now WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":now", now_seconds ());
  _loy_sqlite_bind_int64 (stmt, ":id", code_id);
  return _loy_sqlite_step_done (stmt, error);
}

/* Of the points entry @entry_id earned contact @contact_id, how many
 * expiry took: those are gone already, and a reversal cannot take them
 * a second time. */
static gboolean
count_expired_from (sqlite3  *db,
                    gint64    contact_id,
                    gint64    entry_id,
                    gint64   *expired,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (LoyPointsMove));
  gsize lot = G_MAXSIZE;
  int rc;

  stmt = _loy_sqlite_prepare (db,
                              "SELECT e.id, e.credits, e.expired FROM " FIFO_ENTRIES " AS e"
                              " WHERE e.contact_id = :contact ORDER BY e.created_at, e.id",
                              error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoyPointsMove move = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2) };

      if (sqlite3_column_int64 (stmt, 0) == entry_id)
        lot = moves->len;
      g_array_append_val (moves, move);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  /* An entry neither reversed nor a reversal is always among them. */
  g_assert (lot != G_MAXSIZE);
  *expired = loy_points_expired_from ((const LoyPointsMove *) moves->data, moves->len, lot);

  return TRUE;
}

static gpointer
reverse_entry_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ReverseInput *input = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autofree char *not_found = NULL;
  g_autofree char *reason = NULL;
  NewEntry entry = NEW_ENTRY_INIT;
  LoyLedgerEntryType original_type;
  const char *original_reason;
  gint64 original_credits;
  gint64 expired = 0;
  gint64 credits;
  gint64 balance;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  stmt = _loy_sqlite_prepare (db,
                              "SELECT e.id, e.contact_id, e.entry_type, e.credits, e.reason,"
                              " e.reward_id, c.balance,"
                              " EXISTS (SELECT 1 FROM ledger_entries AS r WHERE r.reverses_id = e.id),"
                              " e.stock_taken, e.code_id"
                              " FROM ledger_entries AS e JOIN contacts AS c ON c.id = e.contact_id"
                              " WHERE e.uuid = :uuid",
                              error);
  if (stmt == NULL)
    goto failed;

  not_found = g_strdup_printf (_("There is no ledger entry with UUID “%s”"), input->entry_uuid);
  _loy_sqlite_bind_text (stmt, ":uuid", input->entry_uuid);
  if (!step_row (stmt, not_found, error))
    goto failed;

  loy_ledger_entry_type_from_string ((const char *) sqlite3_column_text (stmt, 2), &original_type);
  original_credits = sqlite3_column_int64 (stmt, 3);
  original_reason = (const char *) sqlite3_column_text (stmt, 4);
  balance = sqlite3_column_int64 (stmt, 6);

  if (original_type == LOY_LEDGER_ENTRY_TYPE_REVERSAL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("A reversal cannot itself be reversed; make an adjustment instead"));
      goto failed;
    }

  if (sqlite3_column_int (stmt, 7))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("This entry has already been reversed"));
      goto failed;
    }

  entry.contact_id = sqlite3_column_int64 (stmt, 1);
  entry.reverses_id = sqlite3_column_int64 (stmt, 0);
  if (original_reason == NULL)
    original_reason = loy_ledger_entry_type_to_string (original_type);

  /* Points that expired are gone: the reversal takes back only what is
   * left of them, and refuses when nothing is. */
  if (original_credits > 0)
    {
      if (!count_expired_from (db, entry.contact_id, entry.reverses_id, &expired, error))
        goto failed;

      if (expired == original_credits)
        {
          g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                               _("These points have already expired"));
          goto failed;
        }
    }

  credits = original_credits - expired;
  if (!check_credits (balance, -credits, error))
    goto failed;

  if (balance < credits)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE,
                   _("Reversing this entry takes back %" PRId64 " points, "
                     "but the contact has only %" PRId64),
                   credits, balance);
      goto failed;
    }

  if (sqlite3_column_int (stmt, 8) &&
      !restore_stock (db, sqlite3_column_int64 (stmt, 5), error))
    goto failed;

  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL &&
      !revoke_code (db, sqlite3_column_int64 (stmt, 9), error))
    goto failed;

  if (!(program = read_program (db, error)))
    goto failed;

  if (expired > 0)
    /* Translators: "Reverses: Purchase, less 60 points that had expired" */
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Reverses: %s, less %" PRId64 " point that had expired",
                                           "Reverses: %s, less %" PRId64 " points that had expired",
                                           expired),
                              original_reason, expired);
  else
    reason = g_strdup_printf (_("Reverses: %s"), original_reason);
  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_REVERSAL;
  entry.credits = -credits;
  entry.reason = reason;
  entry.operator_name = input->operator_name;

  return write_entry_and_commit (db, program, &entry, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Expire */

static gboolean
expire_all (sqlite3       *db,
            LoyProgram    *program,
            gint64         until,
            GCancellable  *cancellable,
            gint64        *n_written,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) expiries = NULL;
  g_autoptr(GDateTime) cutoff_date = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *cutoff_text = NULL;
  gint64 cutoff;
  int rc;

  cutoff = loy_add_months (until, -(int) loy_program_get_expiry_months (program));
  cutoff_date = g_date_time_new_from_unix_local (cutoff);
  cutoff_text = g_date_time_format (cutoff_date, "%x");
  reason = g_strdup_printf (_("Points earned until %s expired"), cutoff_text);

  /* Per contact: points earned up to the cutoff and everything spent. */
  stmt = _loy_sqlite_prepare (db,
                              "SELECT e.contact_id,"
                              " sum (CASE WHEN e.credits > 0 AND e.created_at <= :cutoff"
                              "      THEN e.credits ELSE 0 END),"
                              " sum (CASE WHEN e.credits < 0 THEN -e.credits ELSE 0 END)"
                              " FROM " FIFO_ENTRIES " AS e"
                              " GROUP BY e.contact_id"
                              " HAVING sum (CASE WHEN e.credits > 0 AND e.created_at <= :cutoff"
                              "             THEN e.credits ELSE 0 END)"
                              "  > sum (CASE WHEN e.credits < 0 THEN -e.credits ELSE 0 END)",
                              error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_int64 (stmt, ":cutoff", cutoff);

  /* Read to the end before writing: rows added to a table while a query
   * reads it may or may not show up in that query. */
  expiries = g_array_new (FALSE, FALSE, sizeof (NewEntry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NewEntry entry = NEW_ENTRY_INIT;

      entry.contact_id = sqlite3_column_int64 (stmt, 0);
      entry.entry_type = LOY_LEDGER_ENTRY_TYPE_EXPIRY;
      entry.credits = -loy_points_expirable (sqlite3_column_int64 (stmt, 1),
                                             sqlite3_column_int64 (stmt, 2));
      entry.reason = reason;
      g_array_append_val (expiries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  for (guint i = 0; i < expiries->len; i++)
    {
      g_autofree char *uuid = NULL;

      if (i % CANCEL_CHECK_INTERVAL == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!(uuid = write_entry (db, program, &g_array_index (expiries, NewEntry, i), error)))
        return FALSE;
    }

  *n_written = expiries->len;
  return TRUE;
}

static gint64
expire_points_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gint64 until = *(gint64 *) data;
  g_autoptr(LoyProgram) program = NULL;
  gint64 n_written = 0;

  if (until > now_seconds ())
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Points cannot be expired ahead of time: choose a date "
                             "that is not in the future"));
      return -1;
    }

  if (!_loy_sqlite_begin (db, error))
    return -1;

  /* Run daily, this also keeps levels by points earned in a period current. */
  if (!(program = read_program (db, error)) ||
      (loy_program_get_expiry_months (program) > 0 &&
       !expire_all (db, program, until, cancellable, &n_written, error)) ||
      !refresh_levels (db, program, error) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return -1;
    }

  return n_written;
}

/* Program */

static gpointer
get_program_work (sqlite3       *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return read_program (db, error);
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
  if (!write_program (db, data, error) ||
      !(program = read_program (db, error)) ||
      !update_levels (db, program, 0, error) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  return g_steal_pointer (&program);
}

/* The LoyStore operations */

static void
loy_sqlite_store_enroll_contact_async (LoyStore            *store,
                                       LoyContact          *contact,
                                       const char          *operator_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  EnrollInput *input = g_new0 (EnrollInput, 1);

  input->contact = g_object_ref (contact);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), enroll_contact_work, input,
                                     (GDestroyNotify) enroll_input_free, g_object_unref,
                                     loy_sqlite_store_enroll_contact_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_award_points_async (LoyStore            *store,
                                     const char          *contact_uuid,
                                     const LoyAward      *award,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AwardInput *input = g_new0 (AwardInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->award = *award;
  input->award.action = g_strdup (award->action);
  input->award.reason = g_strdup (award->reason);
  input->award.operator_name = g_strdup (award->operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), award_points_work, input,
                                     (GDestroyNotify) award_input_free, g_object_unref,
                                     loy_sqlite_store_award_points_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_redeem_reward_async (LoyStore            *store,
                                      const char          *contact_uuid,
                                      const char          *reward_uuid,
                                      const char          *operator_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  RedeemInput *input = g_new0 (RedeemInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->reward_uuid = g_strdup (reward_uuid);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), redeem_reward_work, input,
                                     (GDestroyNotify) redeem_input_free, g_object_unref,
                                     loy_sqlite_store_redeem_reward_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_adjust_points_async (LoyStore            *store,
                                      const char          *contact_uuid,
                                      gint64               credits,
                                      const char          *reason,
                                      const char          *operator_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AdjustInput *input = g_new0 (AdjustInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->credits = credits;
  input->reason = g_strdup (reason);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), adjust_points_work, input,
                                     (GDestroyNotify) adjust_input_free, g_object_unref,
                                     loy_sqlite_store_adjust_points_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_reverse_entry_async (LoyStore            *store,
                                      const char          *entry_uuid,
                                      const char          *operator_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ReverseInput *input = g_new0 (ReverseInput, 1);

  input->entry_uuid = g_strdup (entry_uuid);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), reverse_entry_work, input,
                                     (GDestroyNotify) reverse_input_free, g_object_unref,
                                     loy_sqlite_store_reverse_entry_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_expire_points_async (LoyStore            *store,
                                      gint64               until,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  _loy_sqlite_store_run_count_async (LOY_SQLITE_STORE (store), expire_points_work,
                                     g_memdup2 (&until, sizeof until), g_free,
                                     loy_sqlite_store_expire_points_async,
                                     cancellable, callback, user_data);
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
_loy_sqlite_store_ledger_iface_init (LoyStoreInterface *iface)
{
  iface->enroll_contact_async = loy_sqlite_store_enroll_contact_async;
  iface->award_points_async = loy_sqlite_store_award_points_async;
  iface->redeem_reward_async = loy_sqlite_store_redeem_reward_async;
  iface->adjust_points_async = loy_sqlite_store_adjust_points_async;
  iface->reverse_entry_async = loy_sqlite_store_reverse_entry_async;
  iface->expire_points_async = loy_sqlite_store_expire_points_async;
  iface->get_program_async = loy_sqlite_store_get_program_async;
  iface->update_program_async = loy_sqlite_store_update_program_async;
}
