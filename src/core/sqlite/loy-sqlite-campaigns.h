/* loy-sqlite-campaigns.h — campaigns written and evaluated, and what they sell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-campaign.h"
#include "loy-store.h"

G_BEGIN_DECLS

/* Refused with the reason once the campaign was bought or paid cashback. */
gboolean     _loy_sqlite_delete_campaign           (sqlite3            *db,
                                                    const char         *uuid,
                                                    GError            **error);
/* The campaign @uuid and its rowid, read once for a write. */
LoyCampaign *_loy_sqlite_lookup_campaign           (sqlite3            *db,
                                                    const char         *uuid,
                                                    gint64             *campaign_id,
                                                    GError            **error);

/* Create, update, categories, availability, reach (loy-sqlite-campaigns.c). */
void         _loy_sqlite_store_campaigns_iface_init (LoyStoreInterface *iface);
/* Buy, percentage codes, purchases (loy-sqlite-campaign-purchases.c). */
void         _loy_sqlite_store_campaign_purchases_iface_init (LoyStoreInterface *iface);
/* Cashback quote and exchange (loy-sqlite-cashback.c). */
void         _loy_sqlite_store_cashback_iface_init           (LoyStoreInterface *iface);

G_END_DECLS
