/* loy-desk-shop.h — this desk's shop on a remote account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A remote account earns and redeems at one of its shops. The one this desk
 * uses is kept for each account (the settings' "remote-shops", by the
 * account's base URL), so that another account's shop is never sent. */

/* The shop stored for @account_url, or %NULL for none. */
char *loy_desk_shop_dup_stored (GSettings  *settings,
                                const char *account_url);
void  loy_desk_shop_store      (GSettings  *settings,
                                const char *account_url,
                                const char *shop_uuid);
/* The position in @shops (#LoyShop, the account's) of the desk's shop: the
 * one of @stored_uuid when the account has it, else its only shop, else -1
 * (none chosen, or one the account no longer has). */
int   loy_desk_shop_find       (GPtrArray  *shops,
                                const char *stored_uuid);

G_END_DECLS
