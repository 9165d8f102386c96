/* loy-percentage-code-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_PERCENTAGE_CODE_DIALOG (loy_percentage_code_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LoyPercentageCodeDialog, loy_percentage_code_dialog, LOY, PERCENTAGE_CODE_DIALOG,
                      AdwMessageDialog)

/* Asks which of the contact's purchases a percentage discount code of
 * @campaign is issued against, showing what it is worth (or why there is
 * none) as the choice changes; the "issue" response is enabled only for a
 * purchase that gives one. @purchases are the contact's campaign purchases,
 * to tell the purchases that have a code already. */
LoyPercentageCodeDialog *loy_percentage_code_dialog_new            (GtkWindow               *parent,
                                                                    LoyStore                *store,
                                                                    LoyContact              *contact,
                                                                    LoyCampaign             *campaign,
                                                                    GPtrArray               *purchases);
LoyCampaign             *loy_percentage_code_dialog_get_campaign   (LoyPercentageCodeDialog *self);
/* The purchase entry chosen, or %NULL while there is none */
const char              *loy_percentage_code_dialog_get_entry_uuid (LoyPercentageCodeDialog *self);
GtkDropDown             *loy_percentage_code_dialog_get_entry_dropdown (LoyPercentageCodeDialog *self);
/* "Worth €3.00", or why the purchase gives no code */
const char              *loy_percentage_code_dialog_get_value_text (LoyPercentageCodeDialog *self);

G_END_DECLS
