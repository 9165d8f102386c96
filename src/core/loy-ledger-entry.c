/* loy-ledger-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-domain-private.h"
#include "loy-ledger-entry.h"

struct _LoyLedgerEntry
{
  GObject             parent_instance;

  char               *uuid;
  char               *contact_uuid;
  LoyLedgerEntryType  entry_type;
  gint64              credits;
  char               *reason;
  char               *operator_name;
  char               *reward_uuid;
  char               *reward_title;
  char               *code;
  gint64              purchase_amount_cents;
  char               *reverses_uuid;
  gint64              created_at;
  guint               reversed : 1;
};

G_DEFINE_FINAL_TYPE (LoyLedgerEntry, loy_ledger_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CONTACT_UUID,
  PROP_ENTRY_TYPE,
  PROP_CREDITS,
  PROP_REASON,
  PROP_OPERATOR,
  PROP_REWARD_UUID,
  PROP_REWARD_TITLE,
  PROP_CODE,
  PROP_PURCHASE_AMOUNT_CENTS,
  PROP_REVERSES_UUID,
  PROP_REVERSED,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_ledger_entry_finalize (GObject *object)
{
  LoyLedgerEntry *self = (LoyLedgerEntry *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->contact_uuid, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->reward_uuid, g_free);
  g_clear_pointer (&self->reward_title, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->reverses_uuid, g_free);

  G_OBJECT_CLASS (loy_ledger_entry_parent_class)->finalize (object);
}

static void
loy_ledger_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoyLedgerEntry *self = LOY_LEDGER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CONTACT_UUID:
      g_value_set_string (value, self->contact_uuid);
      break;

    case PROP_ENTRY_TYPE:
      g_value_set_enum (value, self->entry_type);
      break;

    case PROP_CREDITS:
      g_value_set_int64 (value, self->credits);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_OPERATOR:
      g_value_set_string (value, self->operator_name);
      break;

    case PROP_REWARD_UUID:
      g_value_set_string (value, self->reward_uuid);
      break;

    case PROP_REWARD_TITLE:
      g_value_set_string (value, self->reward_title);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_PURCHASE_AMOUNT_CENTS:
      g_value_set_int64 (value, self->purchase_amount_cents);
      break;

    case PROP_REVERSES_UUID:
      g_value_set_string (value, self->reverses_uuid);
      break;

    case PROP_REVERSED:
      g_value_set_boolean (value, self->reversed);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_ledger_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LoyLedgerEntry *self = LOY_LEDGER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_ledger_entry_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_UUID:
      loy_ledger_entry_set_contact_uuid (self, g_value_get_string (value));
      break;

    case PROP_ENTRY_TYPE:
      loy_ledger_entry_set_entry_type (self, g_value_get_enum (value));
      break;

    case PROP_CREDITS:
      loy_ledger_entry_set_credits (self, g_value_get_int64 (value));
      break;

    case PROP_REASON:
      loy_ledger_entry_set_reason (self, g_value_get_string (value));
      break;

    case PROP_OPERATOR:
      loy_ledger_entry_set_operator (self, g_value_get_string (value));
      break;

    case PROP_REWARD_UUID:
      loy_ledger_entry_set_reward (self, g_value_get_string (value), self->reward_title);
      break;

    case PROP_REWARD_TITLE:
      loy_ledger_entry_set_reward (self, self->reward_uuid, g_value_get_string (value));
      break;

    case PROP_CODE:
      loy_ledger_entry_set_code (self, g_value_get_string (value));
      break;

    case PROP_PURCHASE_AMOUNT_CENTS:
      loy_ledger_entry_set_purchase_amount_cents (self, g_value_get_int64 (value));
      break;

    case PROP_REVERSES_UUID:
      loy_ledger_entry_set_reverses_uuid (self, g_value_get_string (value));
      break;

    case PROP_REVERSED:
      loy_ledger_entry_set_reversed (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      loy_ledger_entry_set_created_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_ledger_entry_class_init (LoyLedgerEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_ledger_entry_finalize;
  object_class->get_property = loy_ledger_entry_get_property;
  object_class->set_property = loy_ledger_entry_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CONTACT_UUID] =
    g_param_spec_string ("contact-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ENTRY_TYPE] =
    g_param_spec_enum ("entry-type", NULL, NULL,
                       LOY_TYPE_LEDGER_ENTRY_TYPE, LOY_LEDGER_ENTRY_TYPE_WELCOME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREDITS] =
    g_param_spec_int64 ("credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_OPERATOR] =
    g_param_spec_string ("operator", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REWARD_UUID] =
    g_param_spec_string ("reward-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REWARD_TITLE] =
    g_param_spec_string ("reward-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PURCHASE_AMOUNT_CENTS] =
    g_param_spec_int64 ("purchase-amount-cents", NULL, NULL,
                        LOY_UNSET, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REVERSES_UUID] =
    g_param_spec_string ("reverses-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_REVERSED] =
    g_param_spec_boolean ("reversed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_ledger_entry_init (LoyLedgerEntry *self)
{
  self->entry_type = LOY_LEDGER_ENTRY_TYPE_WELCOME;
  self->purchase_amount_cents = LOY_UNSET;
}

LoyLedgerEntry *
loy_ledger_entry_new (void)
{
  return g_object_new (LOY_TYPE_LEDGER_ENTRY, NULL);
}

const char *
loy_ledger_entry_get_uuid (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->uuid;
}

void
loy_ledger_entry_set_uuid (LoyLedgerEntry *self,
                           const char     *uuid)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_ledger_entry_get_contact_uuid (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->contact_uuid;
}

void
loy_ledger_entry_set_contact_uuid (LoyLedgerEntry *self,
                                   const char     *contact_uuid)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->contact_uuid, contact_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_UUID]);
}

LoyLedgerEntryType
loy_ledger_entry_get_entry_type (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), LOY_LEDGER_ENTRY_TYPE_WELCOME);

  return self->entry_type;
}

void
loy_ledger_entry_set_entry_type (LoyLedgerEntry     *self,
                                 LoyLedgerEntryType  entry_type)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));
  g_return_if_fail (entry_type < LOY_N_LEDGER_ENTRY_TYPES);

  if (self->entry_type == entry_type)
    return;

  self->entry_type = entry_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENTRY_TYPE]);
}

gint64
loy_ledger_entry_get_credits (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), 0);

  return self->credits;
}

void
loy_ledger_entry_set_credits (LoyLedgerEntry *self,
                              gint64          credits)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (self->credits == credits)
    return;

  self->credits = credits;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREDITS]);
}

const char *
loy_ledger_entry_get_reason (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->reason;
}

void
loy_ledger_entry_set_reason (LoyLedgerEntry *self,
                             const char     *reason)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REASON]);
}

const char *
loy_ledger_entry_get_operator (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->operator_name;
}

void
loy_ledger_entry_set_operator (LoyLedgerEntry *self,
                               const char     *operator_name)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->operator_name, operator_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OPERATOR]);
}

const char *
loy_ledger_entry_get_reward_uuid (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->reward_uuid;
}

const char *
loy_ledger_entry_get_reward_title (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->reward_title;
}

void
loy_ledger_entry_set_reward (LoyLedgerEntry *self,
                             const char     *reward_uuid,
                             const char     *reward_title)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->reward_uuid, reward_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REWARD_UUID]);

  if (_loy_set_str (&self->reward_title, reward_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REWARD_TITLE]);
}

const char *
loy_ledger_entry_get_code (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->code;
}

void
loy_ledger_entry_set_code (LoyLedgerEntry *self,
                           const char     *code)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CODE]);
}

gint64
loy_ledger_entry_get_purchase_amount_cents (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), LOY_UNSET);

  return self->purchase_amount_cents;
}

void
loy_ledger_entry_set_purchase_amount_cents (LoyLedgerEntry *self,
                                            gint64          cents)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));
  g_return_if_fail (cents >= LOY_UNSET);

  if (self->purchase_amount_cents == cents)
    return;

  self->purchase_amount_cents = cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PURCHASE_AMOUNT_CENTS]);
}

const char *
loy_ledger_entry_get_reverses_uuid (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), NULL);

  return self->reverses_uuid;
}

void
loy_ledger_entry_set_reverses_uuid (LoyLedgerEntry *self,
                                    const char     *uuid)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (_loy_set_str (&self->reverses_uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVERSES_UUID]);
}

gboolean
loy_ledger_entry_get_reversed (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), FALSE);

  return self->reversed;
}

void
loy_ledger_entry_set_reversed (LoyLedgerEntry *self,
                               gboolean        reversed)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  reversed = !!reversed;

  if (self->reversed == reversed)
    return;

  self->reversed = reversed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVERSED]);
}

gint64
loy_ledger_entry_get_created_at (LoyLedgerEntry *self)
{
  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (self), 0);

  return self->created_at;
}

void
loy_ledger_entry_set_created_at (LoyLedgerEntry *self,
                                 gint64          created_at)
{
  g_return_if_fail (LOY_IS_LEDGER_ENTRY (self));

  if (self->created_at == created_at)
    return;

  self->created_at = created_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CREATED_AT]);
}
