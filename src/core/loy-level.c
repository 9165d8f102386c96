/* loy-level.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-domain-private.h"
#include "loy-enums.h"
#include "loy-level.h"

struct _LoyLevel
{
  GObject  parent_instance;

  char    *uuid;
  char    *name;
  gint64   threshold;
  gint64   n_contacts;
};

G_DEFINE_FINAL_TYPE (LoyLevel, loy_level, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_THRESHOLD,
  PROP_N_CONTACTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_level_finalize (GObject *object)
{
  LoyLevel *self = (LoyLevel *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (loy_level_parent_class)->finalize (object);
}

static void
loy_level_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LoyLevel *self = LOY_LEVEL (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_THRESHOLD:
      g_value_set_int64 (value, self->threshold);
      break;

    case PROP_N_CONTACTS:
      g_value_set_int64 (value, self->n_contacts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_level_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LoyLevel *self = LOY_LEVEL (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_level_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      loy_level_set_name (self, g_value_get_string (value));
      break;

    case PROP_THRESHOLD:
      loy_level_set_threshold (self, g_value_get_int64 (value));
      break;

    case PROP_N_CONTACTS:
      loy_level_set_n_contacts (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_level_class_init (LoyLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_level_finalize;
  object_class->get_property = loy_level_get_property;
  object_class->set_property = loy_level_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_THRESHOLD] =
    /* LOY_UNSET for none: a remote account's tiers say no number. */
    g_param_spec_int64 ("threshold", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* LOY_UNSET when not counted: a remote account does not say. */
  properties [PROP_N_CONTACTS] =
    g_param_spec_int64 ("n-contacts", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_level_init (LoyLevel *self)
{
}

LoyLevel *
loy_level_new (void)
{
  return g_object_new (LOY_TYPE_LEVEL, NULL);
}

const char *
loy_level_get_uuid (LoyLevel *self)
{
  g_return_val_if_fail (LOY_IS_LEVEL (self), NULL);

  return self->uuid;
}

void
loy_level_set_uuid (LoyLevel   *self,
                    const char *uuid)
{
  g_return_if_fail (LOY_IS_LEVEL (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_level_get_name (LoyLevel *self)
{
  g_return_val_if_fail (LOY_IS_LEVEL (self), NULL);

  return self->name;
}

void
loy_level_set_name (LoyLevel   *self,
                    const char *name)
{
  g_return_if_fail (LOY_IS_LEVEL (self));

  if (_loy_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

gint64
loy_level_get_threshold (LoyLevel *self)
{
  g_return_val_if_fail (LOY_IS_LEVEL (self), 0);

  return self->threshold;
}

void
loy_level_set_threshold (LoyLevel *self,
                         gint64    threshold)
{
  g_return_if_fail (LOY_IS_LEVEL (self));

  if (self->threshold == threshold)
    return;

  self->threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_THRESHOLD]);
}

gint64
loy_level_get_n_contacts (LoyLevel *self)
{
  g_return_val_if_fail (LOY_IS_LEVEL (self), 0);

  return self->n_contacts;
}

void
loy_level_set_n_contacts (LoyLevel *self,
                          gint64    n_contacts)
{
  g_return_if_fail (LOY_IS_LEVEL (self));

  if (self->n_contacts == n_contacts)
    return;

  self->n_contacts = n_contacts;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CONTACTS]);
}
