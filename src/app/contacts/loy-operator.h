/* loy-operator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Who is at the desk, for the ledger: the name last entered (the
 * "operator-name" setting), else the account's real name. @widget is any
 * widget of the application's windows. */
char *loy_operator_dup_name      (GtkWidget  *widget);
void  loy_operator_remember_name (GtkWidget  *widget,
                                  const char *name);

G_END_DECLS
