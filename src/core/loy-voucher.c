/* loy-voucher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-domain-private.h"
#include "loy-enum-types.h"
#include "loy-voucher.h"

struct _LoyVoucher
{
  GObject           parent_instance;

  char             *uuid;
  char             *code;
  LoyVoucherStatus  status;
  char             *name;
  char             *promotion_uuid;
  char             *contact_uuid;
  char             *contact_email;
  gint64            activates_at;
  gint64            expires_at;
  gint64            redeemed_at;
  gint64            redemptions_left;
};

G_DEFINE_FINAL_TYPE (LoyVoucher, loy_voucher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CODE,
  PROP_STATUS,
  PROP_NAME,
  PROP_PROMOTION_UUID,
  PROP_CONTACT_UUID,
  PROP_CONTACT_EMAIL,
  PROP_ACTIVATES_AT,
  PROP_EXPIRES_AT,
  PROP_REDEEMED_AT,
  PROP_REDEMPTIONS_LEFT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_voucher_finalize (GObject *object)
{
  LoyVoucher *self = (LoyVoucher *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->promotion_uuid, g_free);
  g_clear_pointer (&self->contact_uuid, g_free);
  g_clear_pointer (&self->contact_email, g_free);

  G_OBJECT_CLASS (loy_voucher_parent_class)->finalize (object);
}

static void
loy_voucher_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LoyVoucher *self = LOY_VOUCHER (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PROMOTION_UUID:
      g_value_set_string (value, self->promotion_uuid);
      break;

    case PROP_CONTACT_UUID:
      g_value_set_string (value, self->contact_uuid);
      break;

    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_ACTIVATES_AT:
      g_value_set_int64 (value, self->activates_at);
      break;

    case PROP_EXPIRES_AT:
      g_value_set_int64 (value, self->expires_at);
      break;

    case PROP_REDEEMED_AT:
      g_value_set_int64 (value, self->redeemed_at);
      break;

    case PROP_REDEMPTIONS_LEFT:
      g_value_set_int64 (value, self->redemptions_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_voucher_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LoyVoucher *self = LOY_VOUCHER (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      loy_voucher_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NAME:
      loy_voucher_set_name (self, g_value_get_string (value));
      break;

    case PROP_PROMOTION_UUID:
      loy_voucher_set_promotion_uuid (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_UUID:
      loy_voucher_set_contact_uuid (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_EMAIL:
      loy_voucher_set_contact_email (self, g_value_get_string (value));
      break;

    case PROP_ACTIVATES_AT:
      loy_voucher_set_activates_at (self, g_value_get_int64 (value));
      break;

    case PROP_EXPIRES_AT:
      loy_voucher_set_expires_at (self, g_value_get_int64 (value));
      break;

    case PROP_REDEEMED_AT:
      loy_voucher_set_redeemed_at (self, g_value_get_int64 (value));
      break;

    case PROP_REDEMPTIONS_LEFT:
      loy_voucher_set_redemptions_left (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 GParamFlags flags)
{
  return g_param_spec_string (name, NULL, NULL, NULL, flags | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
time_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
loy_voucher_class_init (LoyVoucherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct_only = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY;
  GParamFlags settable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = loy_voucher_finalize;
  object_class->get_property = loy_voucher_get_property;
  object_class->set_property = loy_voucher_set_property;

  properties [PROP_UUID] = string_property ("uuid", construct_only);
  properties [PROP_CODE] = string_property ("code", construct_only);
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LOY_TYPE_VOUCHER_STATUS, LOY_VOUCHER_STATUS_ACTIVE,
                       settable | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] = string_property ("name", settable);
  properties [PROP_PROMOTION_UUID] = string_property ("promotion-uuid", settable);
  properties [PROP_CONTACT_UUID] = string_property ("contact-uuid", settable);
  properties [PROP_CONTACT_EMAIL] = string_property ("contact-email", settable);
  properties [PROP_ACTIVATES_AT] = time_property ("activates-at");
  properties [PROP_EXPIRES_AT] = time_property ("expires-at");
  properties [PROP_REDEEMED_AT] = time_property ("redeemed-at");
  properties [PROP_REDEMPTIONS_LEFT] =
    g_param_spec_int64 ("redemptions-left", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        settable | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_voucher_init (LoyVoucher *self)
{
  self->status = LOY_VOUCHER_STATUS_ACTIVE;
  self->redemptions_left = LOY_UNSET;
}

LoyVoucher *
loy_voucher_new (const char *uuid,
                 const char *code)
{
  return g_object_new (LOY_TYPE_VOUCHER, "uuid", uuid, "code", code, NULL);
}

const char *
loy_voucher_get_uuid (LoyVoucher *self)
{
  g_return_val_if_fail (LOY_IS_VOUCHER (self), NULL);

  return self->uuid;
}

const char *
loy_voucher_get_code (LoyVoucher *self)
{
  g_return_val_if_fail (LOY_IS_VOUCHER (self), NULL);

  return self->code;
}

LoyVoucherStatus
loy_voucher_get_status (LoyVoucher *self)
{
  g_return_val_if_fail (LOY_IS_VOUCHER (self), LOY_VOUCHER_STATUS_ACTIVE);

  return self->status;
}

void
loy_voucher_set_status (LoyVoucher       *self,
                        LoyVoucherStatus  status)
{
  g_return_if_fail (LOY_IS_VOUCHER (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

#define STRING_ACCESSORS(field, PROP)                                              \
  const char *                                                                     \
  loy_voucher_get_##field (LoyVoucher *self)                                       \
  {                                                                                \
    g_return_val_if_fail (LOY_IS_VOUCHER (self), NULL);                            \
    return self->field;                                                            \
  }                                                                                \
                                                                                   \
  void                                                                             \
  loy_voucher_set_##field (LoyVoucher *self,                                       \
                           const char *field)                                      \
  {                                                                                \
    g_return_if_fail (LOY_IS_VOUCHER (self));                                      \
    if (_loy_set_str (&self->field, field))                                        \
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);               \
  }

#define INT_ACCESSORS(field, PROP)                                                 \
  gint64                                                                           \
  loy_voucher_get_##field (LoyVoucher *self)                                       \
  {                                                                                \
    g_return_val_if_fail (LOY_IS_VOUCHER (self), 0);                               \
    return self->field;                                                            \
  }                                                                                \
                                                                                   \
  void                                                                             \
  loy_voucher_set_##field (LoyVoucher *self,                                       \
                           gint64      field)                                      \
  {                                                                                \
    g_return_if_fail (LOY_IS_VOUCHER (self));                                      \
    if (self->field == field)                                                      \
      return;                                                                      \
    self->field = field;                                                           \
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP]);                 \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (promotion_uuid, PROP_PROMOTION_UUID)
STRING_ACCESSORS (contact_uuid, PROP_CONTACT_UUID)
STRING_ACCESSORS (contact_email, PROP_CONTACT_EMAIL)
INT_ACCESSORS (activates_at, PROP_ACTIVATES_AT)
INT_ACCESSORS (expires_at, PROP_EXPIRES_AT)
INT_ACCESSORS (redeemed_at, PROP_REDEEMED_AT)
INT_ACCESSORS (redemptions_left, PROP_REDEMPTIONS_LEFT)

gboolean
loy_voucher_is_redeemable (LoyVoucher *self)
{
  g_return_val_if_fail (LOY_IS_VOUCHER (self), FALSE);

  return self->status == LOY_VOUCHER_STATUS_ACTIVE && self->redemptions_left != 0;
}

const char *
loy_voucher_status_to_string (LoyVoucherStatus status)
{
  switch (status)
    {
    case LOY_VOUCHER_STATUS_ACTIVE:
      return C_("voucher status", "Active");
    case LOY_VOUCHER_STATUS_REDEEMED:
      return C_("voucher status", "Redeemed");
    case LOY_VOUCHER_STATUS_EXPIRED:
      return C_("voucher status", "Expired");
    case LOY_VOUCHER_STATUS_DEACTIVATED:
      return C_("voucher status", "Deactivated");
    case LOY_VOUCHER_STATUS_INACTIVE:
      return C_("voucher status", "Not active yet");
    case LOY_VOUCHER_STATUS_LOCKED:
      return C_("voucher status", "Locked");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
loy_voucher_status_from_string (const char       *text,
                                LoyVoucherStatus *status)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (LOY_TYPE_VOUCHER_STATUS);
  g_autofree char *upper = NULL;
  GEnumValue *value;

  if (text == NULL)
    return FALSE;

  upper = g_ascii_strup (text, -1);
  if (!(value = g_enum_get_value_by_nick (enum_class, upper)))
    return FALSE;

  *status = value->value;
  return TRUE;
}
