/* loy-confirm-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A question before an action: Cancel and @response_label (response
 * @response_id, drawn with @appearance). Escape cancels; Enter picks the
 * action only when it is not destructive. */
AdwMessageDialog *loy_confirm_dialog_new (GtkWindow             *parent,
                                          const char            *heading,
                                          const char            *body,
                                          const char            *response_id,
                                          const char            *response_label,
                                          AdwResponseAppearance  appearance);

G_END_DECLS
