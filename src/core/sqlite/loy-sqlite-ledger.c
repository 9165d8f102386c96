/* loy-sqlite-ledger.c — contacts' points: enroll, award, adjust, reverse,
 * expire, and how an entry is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-ledger-rules.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-ledger.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-schema.h"
#include "loy-sqlite-worker.h"

/* How often a long run looks at its GCancellable */
#define CANCEL_CHECK_INTERVAL 1024

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

/* Writing entries */

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
 * the contact's level; returns the entry's UUID and, unless NULL, @id. */
static char *
write_entry (sqlite3                  *db,
             LoyProgram               *program,
             const LoySqliteNewEntry  *entry,
             gint64                   *id,
             GError                  **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autofree char *uuid = new_time_ordered_uuid ();

  stmt = _loy_sqlite_prepare_cached (db,
                                     "INSERT INTO ledger_entries (uuid, contact_id, entry_type,"
                                     " credits, reason, operator, reward_id, code_id, reverses_id,"
                                     " purchase_amount_cents, stock_taken, campaign_id,"
                                     " order_reference, created_at)"
                                     " VALUES (:uuid, :contact_id, :entry_type, :credits, :reason,"
                                     " :operator, :reward_id, :code_id, :reverses_id,"
                                     " :purchase_amount_cents, :stock_taken, :campaign_id,"
                                     " :order_reference, :created_at)",
                                     error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_int64 (stmt, ":contact_id", entry->contact_id);
  _loy_sqlite_bind_text (stmt, ":entry_type",
                         loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, entry->entry_type));
  _loy_sqlite_bind_int64 (stmt, ":credits", entry->credits);
  _loy_sqlite_bind_text (stmt, ":reason", entry->reason);
  _loy_sqlite_bind_text (stmt, ":operator", entry->operator_name);
  bind_id_or_null (stmt, ":reward_id", entry->reward_id);
  bind_id_or_null (stmt, ":code_id", entry->code_id);
  bind_id_or_null (stmt, ":reverses_id", entry->reverses_id);
  _loy_sqlite_bind_int64_or_null (stmt, ":purchase_amount_cents", entry->purchase_amount_cents);
  _loy_sqlite_bind_int64 (stmt, ":stock_taken", entry->stock_taken);
  bind_id_or_null (stmt, ":campaign_id", entry->campaign_id);
  _loy_sqlite_bind_text (stmt, ":order_reference", entry->order_reference);
  _loy_sqlite_bind_int64 (stmt, ":created_at", _loy_sqlite_now_seconds ());

  if (!_loy_sqlite_step_done (stmt, error))
    return NULL;

  /* Before the level's update, which may write rows of its own. */
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (db);
  if (!_loy_sqlite_program_update_levels (db, program, entry->contact_id, error))
    return NULL;

  return g_steal_pointer (&uuid);
}

gint64
_loy_sqlite_write_entry (sqlite3                  *db,
                         LoyProgram               *program,
                         const LoySqliteNewEntry  *entry,
                         GError                  **error)
{
  gint64 id = 0;
  g_autofree char *uuid = write_entry (db, program, entry, &id, error);

  return uuid != NULL ? id : 0;
}

/* Writes @entry, reads it back and commits the transaction the caller
 * began; rolls it back on failure. */
LoyLedgerEntry *
_loy_sqlite_write_entry_and_commit (sqlite3                  *db,
                                    LoyProgram               *program,
                                    const LoySqliteNewEntry  *entry,
                                    GError                  **error)
{
  gint64 id;
  g_autofree char *uuid = write_entry (db, program, entry, &id, error);
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
gboolean
_loy_sqlite_find_contact (sqlite3     *db,
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
gboolean
_loy_sqlite_check_credits (gint64   balance,
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
  LoySqliteNewEntry welcome = LOY_SQLITE_NEW_ENTRY_INIT;
  gint64 contact_id;
  int rc;

  if (!loy_email_validate (email, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (!(program = _loy_sqlite_read_program (db, error)) ||
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
  _loy_sqlite_bind_int64 (insert, ":created_at", _loy_sqlite_now_seconds ());
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
      g_autofree char *entry_uuid = write_entry (db, program, &welcome, NULL, error);

      if (entry_uuid == NULL)
        goto failed;
    }
  else if (!_loy_sqlite_program_update_levels (db, program, contact_id, error))
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
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
  gint64 balance;

  if (!validate_award (&input->award, error) || !_loy_sqlite_begin (db, error))
    return NULL;

  if (!_loy_sqlite_find_contact (db, input->contact_uuid, &entry.contact_id, &balance, error) ||
      !(program = _loy_sqlite_read_program (db, error)) ||
      !award_to_points (program, &input->award, &entry.credits, error) ||
      !_loy_sqlite_check_credits (balance, entry.credits, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION;
  entry.reason = input->award.reason != NULL ? input->award.reason : input->award.action;
  entry.operator_name = input->award.operator_name;
  if (input->award.amount_cents > 0)
    entry.purchase_amount_cents = input->award.amount_cents;

  return _loy_sqlite_write_entry_and_commit (db, program, &entry, error);
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
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
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

  if (!_loy_sqlite_find_contact (db, input->contact_uuid, &entry.contact_id, &balance, error) ||
      !(program = _loy_sqlite_read_program (db, error)) ||
      !_loy_sqlite_check_credits (balance, input->credits, error))
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

  return _loy_sqlite_write_entry_and_commit (db, program, &entry, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Reverse */

typedef struct
{
  char *entry_uuid;
  char *reason;
  char *operator_name;
} ReverseInput;

static void
reverse_input_free (ReverseInput *input)
{
  g_free (input->entry_uuid);
  g_free (input->reason);
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

  _loy_sqlite_bind_int64 (stmt, ":now", _loy_sqlite_now_seconds ());
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
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
  int original_type;
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

  loy_enum_from_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, (const char *) sqlite3_column_text (stmt, 2),
                      &original_type);
  original_credits = sqlite3_column_int64 (stmt, 3);
  original_reason = (const char *) sqlite3_column_text (stmt, 4);
  balance = sqlite3_column_int64 (stmt, 6);

  if (original_type == LOY_LEDGER_ENTRY_TYPE_REVERSAL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("A reversal cannot itself be reversed; make an adjustment instead"));
      goto failed;
    }

  /* Its purchase's cancellation also puts the code back and ends the coupon. */
  if (original_type == LOY_LEDGER_ENTRY_TYPE_CAMPAIGN_PURCHASE)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("This entry paid for a campaign purchase: cancel the purchase instead"));
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
    original_reason = loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, original_type);

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
  if (!_loy_sqlite_check_credits (balance, -credits, error))
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

  if (!(program = _loy_sqlite_read_program (db, error)))
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
  if (input->reason != NULL)
    {
      g_autofree char *reverses = g_steal_pointer (&reason);

      /* Translators: what a reversal undoes, then why, "Reverses: Purchase — returned" */
      reason = g_strdup_printf (_("%s — %s"), reverses, input->reason);
    }
  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_REVERSAL;
  entry.credits = -credits;
  entry.reason = reason;
  entry.operator_name = input->operator_name;

  return _loy_sqlite_write_entry_and_commit (db, program, &entry, error);

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
  expiries = g_array_new (FALSE, FALSE, sizeof (LoySqliteNewEntry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;

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

      if (!(uuid = write_entry (db, program, &g_array_index (expiries, LoySqliteNewEntry, i), NULL,
                                error)))
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

  if (until > _loy_sqlite_now_seconds ())
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Points cannot be expired ahead of time: choose a date "
                             "that is not in the future"));
      return -1;
    }

  if (!_loy_sqlite_begin (db, error))
    return -1;

  /* Run daily, this also keeps levels by points earned in a period current. */
  if (!(program = _loy_sqlite_read_program (db, error)) ||
      (loy_program_get_expiry_months (program) > 0 &&
       !expire_all (db, program, until, cancellable, &n_written, error)) ||
      !_loy_sqlite_program_refresh_levels (db, program, error) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return -1;
    }

  return n_written;
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
                                      const char          *reason,
                                      const char          *operator_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ReverseInput *input = g_new0 (ReverseInput, 1);

  input->entry_uuid = g_strdup (entry_uuid);
  /* Blank is no reason at all. */
  if (reason != NULL && (input->reason = g_strstrip (g_strdup (reason)))[0] == '\0')
    g_clear_pointer (&input->reason, g_free);
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

void
_loy_sqlite_store_ledger_iface_init (LoyStoreInterface *iface)
{
  iface->enroll_contact_async = loy_sqlite_store_enroll_contact_async;
  iface->award_points_async = loy_sqlite_store_award_points_async;
  iface->adjust_points_async = loy_sqlite_store_adjust_points_async;
  iface->reverse_entry_async = loy_sqlite_store_reverse_entry_async;
  iface->expire_points_async = loy_sqlite_store_expire_points_async;
}
