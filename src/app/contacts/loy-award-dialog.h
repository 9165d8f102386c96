/* loy-award-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_AWARD_DIALOG (loy_award_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyAwardDialog, loy_award_dialog, LOY, AWARD_DIALOG, AdwMessageDialog)

/* Asks what points are for: a purchase amount under the program's earning
 * rule, a fixed number, or one of the program's actions. Responds "award"
 * or "cancel". Where @store previews awards (a remote account), what a
 * purchase comes to is the server's calculation for @contact_uuid, asked
 * once typing pauses. */
LoyAwardDialog *loy_award_dialog_new       (GtkWindow      *parent,
                                            LoyStore       *store,
                                            const char     *contact_uuid,
                                            LoyProgram     *program);
/* Fills @award (strings owned by @self) with what the dialog shows. */
void            loy_award_dialog_get_award (LoyAwardDialog *self,
                                            LoyAward       *award);
/* Shows @award as typed before, as loy_award_dialog_get_award() gave it. */
void            loy_award_dialog_set_award (LoyAwardDialog *self,
                                            const LoyAward *award);
/* The points the award comes to, as previewed; 0 while the server's
 * preview has not arrived. */
gint64          loy_award_dialog_get_points (LoyAwardDialog *self);

G_END_DECLS
