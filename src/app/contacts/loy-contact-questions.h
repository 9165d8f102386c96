/* loy-contact-questions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

/* What the contact window asks before it redeems or reverses. */

/* Asks before redeeming @reward from a @balance, saying what it costs and
 * what is left; responds "redeem" or "cancel". */
AdwMessageDialog *loy_redeem_question_new              (GtkWindow        *parent,
                                                        LoyReward        *reward,
                                                        gint64            balance);
LoyReward        *loy_redeem_question_get_reward       (AdwMessageDialog *dialog);
/* (transfer full): why the store refused to redeem @reward, in its terms. */
char             *loy_redeem_question_describe_error   (const GError     *error,
                                                        LoyReward        *reward);

/* Asks before reversing @entry, naming the code it revokes, if any, and
 * for a reason (@reason typed already, if not %NULL); responds "reverse"
 * (once a reason is typed) or "cancel". */
AdwMessageDialog *loy_reverse_question_new             (GtkWindow        *parent,
                                                        LoyLedgerEntry   *entry,
                                                        const char       *reason);
LoyLedgerEntry   *loy_reverse_question_get_entry       (AdwMessageDialog *dialog);
const char       *loy_reverse_question_get_reason      (AdwMessageDialog *dialog);

G_END_DECLS
