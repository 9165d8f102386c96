/* loy-sqlite-cashback.c — cashback at the till: a quote at the best rate
 * available to the contact, and the exchange that holds to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-cashback.h"
#include "loy-error.h"
#include "loy-sqlite-campaign-rows.h"
#include "loy-sqlite-campaigns.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-ledger.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-worker.h"

typedef struct
{
  char             *contact_uuid;
  gint64            order_total_cents;
  gint64            requested_points;
  LoyCashbackQuote *quote;
  char             *order_reference;
  char             *operator_name;
} CashbackInput;

static void
cashback_input_free (CashbackInput *input)
{
  g_free (input->contact_uuid);
  g_clear_pointer (&input->quote, loy_cashback_quote_free);
  g_free (input->order_reference);
  g_free (input->operator_name);
  g_free (input);
}

/* The quote for the contact now, at the best rate available to them; the
 * caller holds a transaction. */
static LoyCashbackQuote *
compute_quote (sqlite3     *db,
               const char  *contact_uuid,
               gint64       order_total_cents,
               gint64       requested_points,
               gint64      *contact_id,
               gint64      *campaign_id,
               GError     **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(LoyCampaignContext) context = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LoyCampaign *campaign;
  gint64 balance;

  if (!_loy_sqlite_find_contact (db, contact_uuid, contact_id, &balance, error) ||
      !(campaigns = _loy_sqlite_read_campaigns (db, error)) ||
      !(context = _loy_sqlite_campaign_context_new (db, *contact_id, campaigns, error)) ||
      !(campaign = loy_cashback_find_campaign (campaigns, context, now, error)))
    return NULL;

  if (campaign_id != NULL &&
      !(*campaign_id = _loy_sqlite_find_id (db, LOY_KIND_CAMPAIGN, loy_campaign_get_uuid (campaign),
                                            error)))
    return NULL;

  return loy_cashback_quote (campaign, balance, order_total_cents, requested_points, error);
}

static gpointer
cashback_quote_work (sqlite3       *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  CashbackInput *input = data;
  LoyCashbackQuote *quote;
  gint64 contact_id;

  if (!_loy_sqlite_begin_read (db, error))
    return NULL;

  quote = compute_quote (db, input->contact_uuid, input->order_total_cents,
                         input->requested_points, &contact_id, NULL, error);
  if (quote == NULL)
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  if (!_loy_sqlite_commit (db, error))
    g_clear_pointer (&quote, loy_cashback_quote_free);

  return quote;
}

/* The quote again inside the write's transaction: the till showed one,
 * and it is that one or none. */
static gpointer
cashback_exchange_work (sqlite3       *db,
                        gpointer       data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  CashbackInput *input = data;
  g_autoptr(LoyCashbackQuote) current = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autofree char *reason = NULL;
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  current = compute_quote (db, input->contact_uuid, input->quote->order_total_cents,
                           input->quote->points_used, &entry.contact_id, &entry.campaign_id,
                           error);
  if (current == NULL || !loy_cashback_quote_confirm (input->quote, current, error))
    goto failed;

  if (current->points_used == 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE,
                           _("The contact has no points to pay with"));
      goto failed;
    }

  if (!(program = _loy_sqlite_read_program (db, error)))
    goto failed;

  /* Translators: a ledger entry's reason, "Cashback: 100.00 off order 4711" */
  reason = g_strdup_printf (_("Cashback: %" PRId64 ".%02d off order %s"),
                            current->discount_cents / 100, (int) (current->discount_cents % 100),
                            input->order_reference != NULL ? input->order_reference : "—");
  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_CASHBACK;
  entry.credits = -current->points_used;
  entry.reason = reason;
  entry.operator_name = input->operator_name;
  entry.order_reference = input->order_reference;

  return _loy_sqlite_write_entry_and_commit (db, program, &entry, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* The LoyStore operations */

static void
loy_sqlite_store_cashback_quote_async (LoyStore            *store,
                                       const char          *contact_uuid,
                                       gint64               order_total_cents,
                                       gint64               requested_points,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  CashbackInput *input = g_new0 (CashbackInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->order_total_cents = order_total_cents;
  input->requested_points = requested_points;

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), cashback_quote_work, input,
                               (GDestroyNotify) cashback_input_free,
                               (GDestroyNotify) loy_cashback_quote_free,
                               loy_sqlite_store_cashback_quote_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_cashback_exchange_async (LoyStore               *store,
                                          const char             *contact_uuid,
                                          const LoyCashbackQuote *quote,
                                          const char             *order_reference,
                                          const char             *operator_name,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  CashbackInput *input = g_new0 (CashbackInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->quote = loy_cashback_quote_copy (quote);
  input->order_reference = g_strdup (order_reference);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), cashback_exchange_work, input,
                                     (GDestroyNotify) cashback_input_free, g_object_unref,
                                     loy_sqlite_store_cashback_exchange_async,
                                     cancellable, callback, user_data);
}

void
_loy_sqlite_store_cashback_iface_init (LoyStoreInterface *iface)
{
  iface->cashback_quote_async = loy_sqlite_store_cashback_quote_async;
  iface->cashback_exchange_async = loy_sqlite_store_cashback_exchange_async;
}
