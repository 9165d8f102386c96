/* loy-rest-entry-notes.h — what this desk wrote to an account's history that
 * the history itself does not say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "loy-ledger-entry.h"

G_BEGIN_DECLS

/* Piggy's history lists a reversal as a plain reception of the negated points
 * and keeps no reason for it, nor which reception it undid; a correction of
 * positive points reads as points earned. The desk that wrote them knows, and
 * keeps it here, in the account's loy_rest_cache_path() "entries", so that the
 * history says it in the next session too. */
typedef struct _LoyRestEntryNotes LoyRestEntryNotes;

/* Opens the file; its schema is set up in the notes' thread, where all
 * their SQLite work runs, in the order asked. */
LoyRestEntryNotes *loy_rest_entry_notes_open  (const char         *path,
                                               GError            **error);
/* Waits for the notes still to be kept. */
void               loy_rest_entry_notes_free  (LoyRestEntryNotes  *self);

/* Keeps what @entry, written by this desk, says of itself: its kind when it is
 * a reversal or an adjustment, the entry it reverses, whether it was reversed,
 * its reason. A note that cannot be kept is logged. */
void               loy_rest_entry_notes_keep  (LoyRestEntryNotes  *self,
                                               LoyLedgerEntry     *entry);
/* Reads what was kept of @entries (LoyLedgerEntry *), read from the history,
 * after every note asked to be kept before; the finish, given the same
 * @entries, gives it them. */
void               loy_rest_entry_notes_recall_async  (LoyRestEntryNotes    *self,
                                                       GPtrArray            *entries,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean           loy_rest_entry_notes_recall_finish (GAsyncResult         *result,
                                                       GPtrArray            *entries,
                                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyRestEntryNotes, loy_rest_entry_notes_free)

G_END_DECLS
