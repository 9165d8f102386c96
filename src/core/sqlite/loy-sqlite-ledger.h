/* loy-sqlite-ledger.h — how ledger entries are written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-ledger-entry.h"
#include "loy-program.h"
#include "loy-store.h"

G_BEGIN_DECLS

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
  gint64              campaign_id;             /* 0: none */
  const char         *order_reference;         /* cashback: the order paid */
} LoySqliteNewEntry;

#define LOY_SQLITE_NEW_ENTRY_INIT { .purchase_amount_cents = LOY_UNSET }

/* Appends @entry to the ledger (the balance follows by trigger) and sets
 * the contact's level, in the transaction the caller began; returns the
 * entry's rowid, or 0 with @error. */
gint64          _loy_sqlite_write_entry            (sqlite3                  *db,
                                                    LoyProgram               *program,
                                                    const LoySqliteNewEntry  *entry,
                                                    GError                  **error);
/* Writes @entry, reads it back and commits the transaction the caller
 * began; rolls it back on failure. */
LoyLedgerEntry *_loy_sqlite_write_entry_and_commit (sqlite3                  *db,
                                                    LoyProgram               *program,
                                                    const LoySqliteNewEntry  *entry,
                                                    GError                  **error);
/* The rowid and balance of the contact @uuid; LOY_ERROR_NOT_FOUND when absent. */
gboolean        _loy_sqlite_find_contact           (sqlite3         *db,
                                                    const char      *uuid,
                                                    gint64          *contact_id,
                                                    gint64          *balance,
                                                    GError         **error);
/* Whether an entry of @credits fits the ledger and, added to @balance, the
 * balance; LOY_ERROR_INVALID_INPUT when not. */
gboolean        _loy_sqlite_check_credits          (gint64           balance,
                                                    gint64           credits,
                                                    GError         **error);

/* Enroll, award, adjust, reverse, expire (loy-sqlite-ledger.c). */
void            _loy_sqlite_store_ledger_iface_init (LoyStoreInterface *iface);
/* Redeem (loy-sqlite-redeem.c). */
void            _loy_sqlite_store_redeem_iface_init (LoyStoreInterface *iface);

G_END_DECLS
