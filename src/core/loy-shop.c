/* loy-shop.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-shop.h"

struct _LoyShop
{
  GObject  parent_instance;

  char    *uuid;
  char    *name;
  char    *shop_type;
};

G_DEFINE_FINAL_TYPE (LoyShop, loy_shop, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_SHOP_TYPE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_shop_finalize (GObject *object)
{
  LoyShop *self = (LoyShop *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->shop_type, g_free);

  G_OBJECT_CLASS (loy_shop_parent_class)->finalize (object);
}

static void
loy_shop_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LoyShop *self = LOY_SHOP (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHOP_TYPE:
      g_value_set_string (value, self->shop_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_shop_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LoyShop *self = LOY_SHOP (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_SHOP_TYPE:
      loy_shop_set_shop_type (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_shop_class_init (LoyShopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_shop_finalize;
  object_class->get_property = loy_shop_get_property;
  object_class->set_property = loy_shop_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* "physical" or "web" (the API's), or NULL when not known. */
  properties [PROP_SHOP_TYPE] =
    g_param_spec_string ("shop-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_shop_init (LoyShop *self)
{
}

LoyShop *
loy_shop_new (const char *uuid,
              const char *name)
{
  return g_object_new (LOY_TYPE_SHOP,
                       "uuid", uuid,
                       "name", name,
                       NULL);
}

const char *
loy_shop_get_uuid (LoyShop *self)
{
  g_return_val_if_fail (LOY_IS_SHOP (self), NULL);

  return self->uuid;
}

const char *
loy_shop_get_name (LoyShop *self)
{
  g_return_val_if_fail (LOY_IS_SHOP (self), NULL);

  return self->name;
}

const char *
loy_shop_get_shop_type (LoyShop *self)
{
  g_return_val_if_fail (LOY_IS_SHOP (self), NULL);

  return self->shop_type;
}

void
loy_shop_set_shop_type (LoyShop    *self,
                        const char *shop_type)
{
  g_return_if_fail (LOY_IS_SHOP (self));

  if (g_strcmp0 (self->shop_type, shop_type) == 0)
    return;

  g_free (self->shop_type);
  self->shop_type = g_strdup (shop_type);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOP_TYPE]);
}
