/* loy-contact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-contact.h"
#include "loy-domain-private.h"

struct _LoyContact
{
  GObject     parent_instance;

  char       *uuid;
  char       *email;
  char       *first_name;
  char       *last_name;
  char       *display_name;
  gint64      balance;
  char       *level_uuid;
  char       *level_name;
  gint64      created_at;
  JsonObject *attributes;
  gint64      expiring_points;
  gint64      expiring_at;
  gint64      prepaid_balance_cents;
};

G_DEFINE_FINAL_TYPE (LoyContact, loy_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_EMAIL,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_DISPLAY_NAME,
  PROP_BALANCE,
  PROP_LEVEL_UUID,
  PROP_LEVEL_NAME,
  PROP_CREATED_AT,
  PROP_ATTRIBUTES,
  PROP_EXPIRING_POINTS,
  PROP_EXPIRING_AT,
  PROP_PREPAID_BALANCE_CENTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_display_name (LoyContact *self)
{
  g_autofree char *first_name = g_strstrip (g_strdup (self->first_name ? self->first_name : ""));
  g_autofree char *last_name = g_strstrip (g_strdup (self->last_name ? self->last_name : ""));
  g_autofree char *full_name = NULL;
  const char *display_name;

  if (first_name[0] != '\0' && last_name[0] != '\0')
    display_name = full_name = g_strconcat (first_name, " ", last_name, NULL);
  else if (first_name[0] != '\0')
    display_name = first_name;
  else if (last_name[0] != '\0')
    display_name = last_name;
  else
    display_name = self->email;

  if (_loy_set_str (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DISPLAY_NAME]);
}

static void
loy_contact_finalize (GObject *object)
{
  LoyContact *self = (LoyContact *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->last_name, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->level_uuid, g_free);
  g_clear_pointer (&self->level_name, g_free);
  g_clear_pointer (&self->attributes, json_object_unref);

  G_OBJECT_CLASS (loy_contact_parent_class)->finalize (object);
}

static void
loy_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LoyContact *self = LOY_CONTACT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;

    case PROP_LEVEL_UUID:
      g_value_set_string (value, self->level_uuid);
      break;

    case PROP_LEVEL_NAME:
      g_value_set_string (value, self->level_name);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_ATTRIBUTES:
      g_value_set_boxed (value, self->attributes);
      break;

    case PROP_PREPAID_BALANCE_CENTS:
      g_value_set_int64 (value, self->prepaid_balance_cents);
      break;

    case PROP_EXPIRING_POINTS:
      g_value_set_int64 (value, self->expiring_points);
      break;

    case PROP_EXPIRING_AT:
      g_value_set_int64 (value, self->expiring_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LoyContact *self = LOY_CONTACT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_contact_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      loy_contact_set_email (self, g_value_get_string (value));
      break;

    case PROP_FIRST_NAME:
      loy_contact_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_LAST_NAME:
      loy_contact_set_last_name (self, g_value_get_string (value));
      break;

    case PROP_BALANCE:
      loy_contact_set_balance (self, g_value_get_int64 (value));
      break;

    case PROP_LEVEL_UUID:
      loy_contact_set_level (self, g_value_get_string (value), self->level_name);
      break;

    case PROP_LEVEL_NAME:
      loy_contact_set_level (self, self->level_uuid, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      loy_contact_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_PREPAID_BALANCE_CENTS:
      loy_contact_set_prepaid_balance_cents (self, g_value_get_int64 (value));
      break;

    case PROP_EXPIRING_POINTS:
      loy_contact_set_next_expiry (self, g_value_get_int64 (value), self->expiring_at);
      break;

    case PROP_EXPIRING_AT:
      loy_contact_set_next_expiry (self, self->expiring_points, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_class_init (LoyContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_contact_finalize;
  object_class->get_property = loy_contact_get_property;
  object_class->set_property = loy_contact_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Follows first-name, last-name and email. */
  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL_UUID] =
    g_param_spec_string ("level-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL_NAME] =
    g_param_spec_string ("level-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Notified whenever loy_contact_set_attribute() changes a member. */
  properties [PROP_ATTRIBUTES] =
    g_param_spec_boxed ("attributes", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXPIRING_POINTS] =
    g_param_spec_int64 ("expiring-points", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds; 0 when no points expire. */
  properties [PROP_EXPIRING_AT] =
    g_param_spec_int64 ("expiring-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PREPAID_BALANCE_CENTS] =
    g_param_spec_int64 ("prepaid-balance-cents", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_contact_init (LoyContact *self)
{
  self->attributes = json_object_new ();
  self->prepaid_balance_cents = LOY_UNSET;
}

LoyContact *
loy_contact_new (void)
{
  return g_object_new (LOY_TYPE_CONTACT, NULL);
}

const char *
loy_contact_get_uuid (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->uuid;
}

void
loy_contact_set_uuid (LoyContact *self,
                      const char *uuid)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_contact_get_email (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->email;
}

void
loy_contact_set_email (LoyContact *self,
                       const char *email)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (_loy_set_str (&self->email, email))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMAIL]);
      update_display_name (self);
    }
}

const char *
loy_contact_get_first_name (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->first_name;
}

void
loy_contact_set_first_name (LoyContact *self,
                            const char *first_name)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (_loy_set_str (&self->first_name, first_name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIRST_NAME]);
      update_display_name (self);
    }
}

const char *
loy_contact_get_last_name (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->last_name;
}

void
loy_contact_set_last_name (LoyContact *self,
                           const char *last_name)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (_loy_set_str (&self->last_name, last_name))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAST_NAME]);
      update_display_name (self);
    }
}

const char *
loy_contact_get_display_name (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->display_name;
}

gint64
loy_contact_get_balance (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), 0);

  return self->balance;
}

void
loy_contact_set_balance (LoyContact *self,
                         gint64      balance)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (self->balance == balance)
    return;

  self->balance = balance;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BALANCE]);
}

const char *
loy_contact_get_level_uuid (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->level_uuid;
}

const char *
loy_contact_get_level_name (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->level_name;
}

void
loy_contact_set_level (LoyContact *self,
                       const char *level_uuid,
                       const char *level_name)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (_loy_set_str (&self->level_uuid, level_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL_UUID]);

  if (_loy_set_str (&self->level_name, level_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL_NAME]);
}

gint64
loy_contact_get_created_at (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), 0);

  return self->created_at;
}

void
loy_contact_set_created_at (LoyContact *self,
                            gint64      created_at)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}

JsonObject *
loy_contact_get_attributes (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), NULL);

  return self->attributes;
}

/* Stores a json_node_copy() of @value; a NULL @value removes @key. */
void
loy_contact_set_attribute (LoyContact *self,
                           const char *key,
                           JsonNode   *value)
{
  g_return_if_fail (LOY_IS_CONTACT (self));
  g_return_if_fail (key != NULL);

  if (_loy_json_object_update_member (self->attributes, key, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTRIBUTES]);
}

gint64
loy_contact_get_expiring_points (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), 0);

  return self->expiring_points;
}

gint64
loy_contact_get_expiring_at (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), 0);

  return self->expiring_at;
}

void
loy_contact_set_next_expiry (LoyContact *self,
                             gint64      points,
                             gint64      expiring_at)
{
  g_return_if_fail (LOY_IS_CONTACT (self));
  g_return_if_fail (points >= 0);
  g_return_if_fail (expiring_at >= 0);

  if (self->expiring_points != points)
    {
      self->expiring_points = points;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPIRING_POINTS]);
    }

  if (self->expiring_at != expiring_at)
    {
      self->expiring_at = expiring_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPIRING_AT]);
    }
}

gint64
loy_contact_get_prepaid_balance_cents (LoyContact *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT (self), LOY_UNSET);

  return self->prepaid_balance_cents;
}

void
loy_contact_set_prepaid_balance_cents (LoyContact *self,
                                       gint64      cents)
{
  g_return_if_fail (LOY_IS_CONTACT (self));

  if (self->prepaid_balance_cents == cents)
    return;

  self->prepaid_balance_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREPAID_BALANCE_CENTS]);
}
