/* loy-sqlite-codes.h — code import, generation and code groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-store.h"

G_BEGIN_DECLS

/* Code import and generation, code group changes (loy-sqlite-codes.c). */
void          _loy_sqlite_store_codes_iface_init (LoyStoreInterface   *iface);

/* Claiming a code of a group for a contact, inside the caller's transaction. */
gboolean      _loy_sqlite_claim_code             (sqlite3             *db,
                                                  gint64               group_id,
                                                  gint64               contact_id,
                                                  gint64              *code_id,
                                                  char               **code,
                                                  GError             **error);

G_END_DECLS
