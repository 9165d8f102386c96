/* loy-contact-history-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-contact-page.h"

G_BEGIN_DECLS

#define LOY_TYPE_CONTACT_HISTORY_PAGE (loy_contact_history_page_get_type ())

G_DECLARE_FINAL_TYPE (LoyContactHistoryPage, loy_contact_history_page, LOY, CONTACT_HISTORY_PAGE,
                      GtkBox)

LoyPagedModel *loy_contact_history_page_get_ledger (LoyContactHistoryPage *self);
/* The name of an entry's type, as the history and its filter say it. */
const char    *loy_contact_history_page_type_name  (LoyLedgerEntryType     type);

G_END_DECLS
