/* loy-shop.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOY_TYPE_SHOP (loy_shop_get_type ())

G_DECLARE_FINAL_TYPE (LoyShop, loy_shop, LOY, SHOP, GObject)

LoyShop    *loy_shop_new      (const char *uuid,
                               const char *name);
const char *loy_shop_get_uuid (LoyShop    *self);
const char *loy_shop_get_name (LoyShop    *self);
const char *loy_shop_get_shop_type (LoyShop    *self);
void        loy_shop_set_shop_type (LoyShop    *self,
                                    const char *shop_type);

G_END_DECLS
