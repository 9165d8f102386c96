/* loy-write-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Dialogs around a write whose answer may not come back as asked: the
 * dialog it was asked in, again as it was answered when the write was
 * refused or not made, and the question when whether it was made is not
 * known. */

/* Presents @dialog, made again as it was answered, saying @problem (the
 * store's words) where its body was, in the error style. */
void              loy_write_dialog_show_again    (AdwMessageDialog *dialog,
                                                  const char       *problem);
/* The answer of a write was lost and reading back could not tell whether it
 * was made. Asking for it again could make it twice, so the way on is
 * @check_label (response "check"), to look first, beside Close. */
AdwMessageDialog *loy_outcome_unknown_dialog_new (GtkWindow        *parent,
                                                  const char       *heading,
                                                  const char       *message,
                                                  const char       *check_label);

G_END_DECLS
