/* loy-rest-entry-notes.h — what this desk wrote to an account's history that
 * the history itself does not say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-ledger-entry.h"

G_BEGIN_DECLS

/* Piggy's history lists a reversal as a plain reception of the negated points
 * and keeps no reason for it, nor which reception it undid; a correction of
 * positive points reads as points earned. The desk that wrote them knows, and
 * keeps it here, in the account's loy_rest_cache_path() "entries", so that the
 * history says it in the next session too. */
typedef struct _LoyRestEntryNotes LoyRestEntryNotes;

LoyRestEntryNotes *loy_rest_entry_notes_open  (const char         *path,
                                               GError            **error);
void               loy_rest_entry_notes_free  (LoyRestEntryNotes  *self);

/* Keeps what @entry, written by this desk, says of itself: its kind when it is
 * a reversal or an adjustment, the entry it reverses, whether it was reversed,
 * its reason. */
gboolean           loy_rest_entry_notes_keep  (LoyRestEntryNotes  *self,
                                               LoyLedgerEntry     *entry,
                                               GError            **error);
/* Gives @entry, read from the history, what was kept of it; whether
 * anything was. */
gboolean           loy_rest_entry_notes_apply (LoyRestEntryNotes  *self,
                                               LoyLedgerEntry     *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyRestEntryNotes, loy_rest_entry_notes_free)

G_END_DECLS
