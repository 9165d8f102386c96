/* loy-desk-shop.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "loy-desk-shop.h"

#define SHOPS_KEY "remote-shops"

char *
loy_desk_shop_dup_stored (GSettings  *settings,
                          const char *account_url)
{
  g_autoptr(GVariant) shops = NULL;
  char *shop_uuid = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (account_url != NULL, NULL);

  shops = g_settings_get_value (settings, SHOPS_KEY);
  if (!g_variant_lookup (shops, account_url, "s", &shop_uuid) || shop_uuid[0] == '\0')
    g_clear_pointer (&shop_uuid, g_free);

  return shop_uuid;
}

void
loy_desk_shop_store (GSettings  *settings,
                     const char *account_url,
                     const char *shop_uuid)
{
  g_autoptr(GVariant) shops = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *url, *uuid;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (account_url != NULL);

  shops = g_settings_get_value (settings, SHOPS_KEY);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, shops);
  while (g_variant_iter_next (&iter, "{&s&s}", &url, &uuid))
    if (!g_str_equal (url, account_url))
      g_variant_builder_add (&builder, "{ss}", url, uuid);
  if (shop_uuid != NULL && shop_uuid[0] != '\0')
    g_variant_builder_add (&builder, "{ss}", account_url, shop_uuid);

  g_settings_set_value (settings, SHOPS_KEY, g_variant_builder_end (&builder));
}

int
loy_desk_shop_find (GPtrArray  *shops,
                    const char *stored_uuid)
{
  g_return_val_if_fail (shops != NULL, -1);

  for (guint i = 0; stored_uuid != NULL && i < shops->len; i++)
    if (g_strcmp0 (loy_shop_get_uuid (shops->pdata[i]), stored_uuid) == 0)
      return i;

  return shops->len == 1 ? 0 : -1;
}
