/* loy-ledger-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_LEDGER_ENTRY (loy_ledger_entry_get_type ())

G_DECLARE_FINAL_TYPE (LoyLedgerEntry, loy_ledger_entry, LOY, LEDGER_ENTRY, GObject)

/**
 * LoyLedgerEntry:
 *
 * One line of a contact's points ledger. The ledger is append-only: a
 * contact's balance is the sum of its entries, and a mistake is undone by
 * a reversal entry, never by deleting.
 */
LoyLedgerEntry     *loy_ledger_entry_new               (void);
const char         *loy_ledger_entry_get_uuid          (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_uuid          (LoyLedgerEntry     *self,
                                                        const char         *uuid);
const char         *loy_ledger_entry_get_contact_uuid  (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_contact_uuid  (LoyLedgerEntry     *self,
                                                        const char         *contact_uuid);
LoyLedgerEntryType  loy_ledger_entry_get_entry_type    (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_entry_type    (LoyLedgerEntry     *self,
                                                        LoyLedgerEntryType  entry_type);
/* Signed: positive for points earned, negative for points spent or taken. */
gint64              loy_ledger_entry_get_credits       (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_credits       (LoyLedgerEntry     *self,
                                                        gint64              credits);
const char         *loy_ledger_entry_get_reason        (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_reason        (LoyLedgerEntry     *self,
                                                        const char         *reason);
/* Who wrote the entry (support staff name, "loyctl", …). */
const char         *loy_ledger_entry_get_operator      (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_operator      (LoyLedgerEntry     *self,
                                                        const char         *operator_name);
/* Reward receptions: the reward and, for a digital reward, the code issued. */
const char         *loy_ledger_entry_get_reward_uuid   (LoyLedgerEntry     *self);
const char         *loy_ledger_entry_get_reward_title  (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_reward        (LoyLedgerEntry     *self,
                                                        const char         *reward_uuid,
                                                        const char         *reward_title);
const char         *loy_ledger_entry_get_code          (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_code          (LoyLedgerEntry     *self,
                                                        const char         *code);
/* Credit receptions for a purchase: the amount, in cents; LOY_UNSET otherwise. */
gint64              loy_ledger_entry_get_purchase_amount_cents (LoyLedgerEntry *self);
void                loy_ledger_entry_set_purchase_amount_cents (LoyLedgerEntry *self,
                                                                gint64          cents);
/* Reversals: the entry this one cancels. */
const char         *loy_ledger_entry_get_reverses_uuid (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_reverses_uuid (LoyLedgerEntry     *self,
                                                        const char         *uuid);
/* TRUE once a reversal of this entry exists. */
gboolean            loy_ledger_entry_get_reversed      (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_reversed      (LoyLedgerEntry     *self,
                                                        gboolean            reversed);
/* Unix seconds. */
gint64              loy_ledger_entry_get_created_at    (LoyLedgerEntry     *self);
void                loy_ledger_entry_set_created_at    (LoyLedgerEntry     *self,
                                                        gint64              created_at);

G_END_DECLS
