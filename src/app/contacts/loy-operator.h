/* loy-operator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Who is at the desk, for the ledger: the name last entered (the
 * "operator-name" setting), else the account's real name. */
char *loy_operator_dup_name      (void);
void  loy_operator_remember_name (const char *name);

G_END_DECLS
