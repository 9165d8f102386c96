/* loy-sqlite-redeem.c — how a redemption is written: visibility, balance,
 * stock or a code, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-sqlite-codes.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-ledger.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-worker.h"
#include "loy-visibility.h"

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

/* Issues the next free code of @reward's group to the contact; OUT_OF_CODES
 * when none is left. */
static gint64
claim_reward_code (sqlite3     *db,
                   LoyReward   *reward,
                   gint64       contact_id,
                   GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  gint64 group_id = 0;
  gint64 code_id;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT id FROM code_groups WHERE reward_id = :reward"
                                         " ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;

  _loy_sqlite_bind_int64 (stmt, ":reward", loy_reward_get_id (reward));
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      group_id = sqlite3_column_int64 (stmt, 0);
      break;
    case SQLITE_DONE:
      break;
    default:
      _loy_sqlite_set_error (error, db);
      return 0;
    }
  g_clear_pointer (&stmt, _loy_sqlite_release);

  if (!_loy_sqlite_claim_code (db, group_id, contact_id, &code_id, NULL, error))
    return 0;

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
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
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
      if (!(entry.code_id = claim_reward_code (db, reward, entry.contact_id, error)))
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

  if (!(program = _loy_sqlite_read_program (db, error)))
    goto failed;

  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION;
  entry.credits = -required;
  /* The title as it was, should the reward be renamed later. */
  entry.reason = loy_reward_get_title (reward);
  entry.operator_name = input->operator_name;
  entry.reward_id = loy_reward_get_id (reward);

  return _loy_sqlite_write_entry_and_commit (db, program, &entry, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* The LoyStore operation */

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

void
_loy_sqlite_store_redeem_iface_init (LoyStoreInterface *iface)
{
  iface->redeem_reward_async = loy_sqlite_store_redeem_reward_async;
}
