/* loy-sqlite-codes.h — code import, generation and code groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-store.h"

G_BEGIN_DECLS

/* Code import and generation, code group changes (loy-sqlite-codes.c). */
void          _loy_sqlite_store_codes_iface_init (LoyStoreInterface   *iface);

G_END_DECLS
