/* loy-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-code.h"
#include "loy-domain-private.h"

struct _LoyCode
{
  GObject  parent_instance;

  char    *uuid;
  char    *code;
  char    *group_uuid;
  char    *contact_uuid;
  char    *contact_name;
  gint64   issued_at;
  gint64   revoked_at;
};

G_DEFINE_FINAL_TYPE (LoyCode, loy_code, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CODE,
  PROP_GROUP_UUID,
  PROP_STATUS,
  PROP_CONTACT_UUID,
  PROP_CONTACT_NAME,
  PROP_ISSUED_AT,
  PROP_REVOKED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_code_finalize (GObject *object)
{
  LoyCode *self = (LoyCode *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->group_uuid, g_free);
  g_clear_pointer (&self->contact_uuid, g_free);
  g_clear_pointer (&self->contact_name, g_free);

  G_OBJECT_CLASS (loy_code_parent_class)->finalize (object);
}

static void
loy_code_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LoyCode *self = LOY_CODE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_GROUP_UUID:
      g_value_set_string (value, self->group_uuid);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, loy_code_get_status (self));
      break;

    case PROP_CONTACT_UUID:
      g_value_set_string (value, self->contact_uuid);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_ISSUED_AT:
      g_value_set_int64 (value, self->issued_at);
      break;

    case PROP_REVOKED_AT:
      g_value_set_int64 (value, self->revoked_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_code_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LoyCode *self = LOY_CODE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_code_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_CODE:
      loy_code_set_code (self, g_value_get_string (value));
      break;

    case PROP_GROUP_UUID:
      loy_code_set_group_uuid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_code_class_init (LoyCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_code_finalize;
  object_class->get_property = loy_code_get_property;
  object_class->set_property = loy_code_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_GROUP_UUID] =
    g_param_spec_string ("group-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Follows "contact-uuid" and "revoked-at". */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LOY_TYPE_CODE_STATUS, LOY_CODE_STATUS_AVAILABLE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT_UUID] =
    g_param_spec_string ("contact-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ISSUED_AT] =
    g_param_spec_int64 ("issued-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REVOKED_AT] =
    g_param_spec_int64 ("revoked-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_code_init (LoyCode *self)
{
}

LoyCode *
loy_code_new (void)
{
  return g_object_new (LOY_TYPE_CODE, NULL);
}

const char *
loy_code_get_uuid (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), NULL);

  return self->uuid;
}

void
loy_code_set_uuid (LoyCode    *self,
                   const char *uuid)
{
  g_return_if_fail (LOY_IS_CODE (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_code_get_code (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), NULL);

  return self->code;
}

void
loy_code_set_code (LoyCode    *self,
                   const char *code)
{
  g_return_if_fail (LOY_IS_CODE (self));

  if (_loy_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

const char *
loy_code_get_group_uuid (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), NULL);

  return self->group_uuid;
}

void
loy_code_set_group_uuid (LoyCode    *self,
                         const char *group_uuid)
{
  g_return_if_fail (LOY_IS_CODE (self));

  if (_loy_set_str (&self->group_uuid, group_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUP_UUID]);
}

LoyCodeStatus
loy_code_get_status (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), LOY_CODE_STATUS_AVAILABLE);

  if (self->contact_uuid == NULL)
    return LOY_CODE_STATUS_AVAILABLE;

  return self->revoked_at > 0 ? LOY_CODE_STATUS_REVOKED : LOY_CODE_STATUS_ISSUED;
}

const char *
loy_code_get_contact_uuid (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), NULL);

  return self->contact_uuid;
}

const char *
loy_code_get_contact_name (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), NULL);

  return self->contact_name;
}

gint64
loy_code_get_issued_at (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), 0);

  return self->issued_at;
}

gint64
loy_code_get_revoked_at (LoyCode *self)
{
  g_return_val_if_fail (LOY_IS_CODE (self), 0);

  return self->revoked_at;
}

/* Only an issued code can be revoked: an available one ignores @revoked_at. */
void
loy_code_set_revoked_at (LoyCode *self,
                         gint64   revoked_at)
{
  LoyCodeStatus old_status;

  g_return_if_fail (LOY_IS_CODE (self));
  g_return_if_fail (revoked_at >= 0);

  if (self->contact_uuid == NULL || self->revoked_at == revoked_at)
    return;

  old_status = loy_code_get_status (self);
  self->revoked_at = revoked_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVOKED_AT]);
  if (loy_code_get_status (self) != old_status)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

/* An available code keeps no contact name, no issue time and is not revoked. */
void
loy_code_set_issued (LoyCode    *self,
                     const char *contact_uuid,
                     const char *contact_name,
                     gint64      issued_at)
{
  LoyCodeStatus old_status;

  g_return_if_fail (LOY_IS_CODE (self));
  g_return_if_fail (issued_at >= 0);

  if (contact_uuid == NULL)
    {
      contact_name = NULL;
      issued_at = 0;
    }

  old_status = loy_code_get_status (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (_loy_set_str (&self->contact_uuid, contact_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_UUID]);

  if (_loy_set_str (&self->contact_name, contact_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_NAME]);

  if (self->issued_at != issued_at)
    {
      self->issued_at = issued_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ISSUED_AT]);
    }

  if (contact_uuid == NULL && self->revoked_at != 0)
    {
      self->revoked_at = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVOKED_AT]);
    }

  if (loy_code_get_status (self) != old_status)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);

  g_object_thaw_notify (G_OBJECT (self));
}
