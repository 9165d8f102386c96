/* loy-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "loy-enums.h"
#include "loy-error.h"
#include "loy-json.h"
#include "loy-json-private.h"

char *
loy_json_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format_iso8601 (time);
}

/* Typed members */

void
_loy_json_set_string_or_null (JsonObject *object,
                              const char *member,
                              const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

void
_loy_json_set_int_or_null (JsonObject *object,
                           const char *member,
                           gint64      value)
{
  if (value != LOY_UNSET)
    json_object_set_int_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

void
_loy_json_set_money (JsonObject *object,
                     const char *member,
                     gint64      cents)
{
  if (cents == LOY_UNSET)
    json_object_set_null_member (object, member);
  else if (cents % 100 == 0)
    json_object_set_int_member (object, member, cents / 100);
  else
    json_object_set_double_member (object, member, cents / 100.0);
}

void
_loy_json_set_time_or_null (JsonObject *object,
                            const char *member,
                            gint64      unix_seconds)
{
  g_autofree char *text = NULL;

  if (unix_seconds == 0)
    {
      json_object_set_null_member (object, member);
      return;
    }

  text = loy_json_format_time (unix_seconds);
  json_object_set_string_member (object, member, text);
}

gboolean
_loy_json_wrong_type (const char  *member,
                      const char  *expected,
                      GError     **error)
{
  g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
               /* Translators: "“limit” must be a whole number or null" */
               _("“%s” must be %s"), member, expected);
  return FALSE;
}

gboolean
_loy_json_node_holds (JsonNode *node,
                      GType     value_type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == value_type;
}

gboolean
_loy_json_read_string (JsonObject  *object,
                       const char  *member,
                       char       **value,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_clear_pointer (value, g_free);
      return TRUE;
    }
  if (!_loy_json_node_holds (node, G_TYPE_STRING))
    return _loy_json_wrong_type (member, _("a string or null"), error);

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_loy_json_read_boolean (JsonObject  *object,
                        const char  *member,
                        gboolean    *value,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!_loy_json_node_holds (node, G_TYPE_BOOLEAN))
    return _loy_json_wrong_type (member, _("true or false"), error);

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* null reads as LOY_UNSET. */
gboolean
_loy_json_read_int (JsonObject  *object,
                    const char  *member,
                    gint64      *value,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *value = LOY_UNSET;
      return TRUE;
    }
  if (!_loy_json_node_holds (node, G_TYPE_INT64))
    return _loy_json_wrong_type (member, _("a whole number or null"), error);

  *value = json_node_get_int (node);
  return TRUE;
}

/* A number of currency units with at most two decimals, into cents. */
gboolean
_loy_json_read_money (JsonObject  *object,
                      const char  *member,
                      gint64      *cents,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  double units;
  double rounded;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *cents = LOY_UNSET;
      return TRUE;
    }
  if (_loy_json_node_holds (node, G_TYPE_INT64) && ABS (json_node_get_int (node)) < G_MAXINT64 / 100)
    {
      *cents = json_node_get_int (node) * 100;
      return TRUE;
    }
  if (!_loy_json_node_holds (node, G_TYPE_DOUBLE))
    return _loy_json_wrong_type (member, _("an amount of money or null"), error);

  units = json_node_get_double (node);
  rounded = round (units * 100);
  /* 2.675 × 100 is 267.49999…: allow binary's error, not a third decimal. */
  if (!isfinite (units) || fabs (rounded) > 1e15 || fabs (units * 100 - rounded) > 1e-6)
    return _loy_json_wrong_type (member, _("an amount of money with at most two decimals"), error);

  *cents = (gint64) rounded;
  return TRUE;
}

gboolean
_loy_json_read_time (JsonObject  *object,
                     const char  *member,
                     gint64      *unix_seconds,
                     GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (!_loy_json_read_string (object, member, &text, error))
    return FALSE;
  if (json_object_get_member (object, member) == NULL)
    return TRUE;
  if (text == NULL)
    {
      *unix_seconds = 0;
      return TRUE;
    }

  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL)
    return _loy_json_wrong_type (member, _("a time in ISO 8601, such as 2026-12-24T00:00:00+01:00"), error);

  *unix_seconds = g_date_time_to_unix (time);
  return TRUE;
}

GType
_loy_json_node_get_value_type (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return G_TYPE_INVALID;

  return json_node_get_value_type (node);
}

gboolean
_loy_json_node_get_int64 (JsonNode *node,
                          gint64   *value)
{
  double number;

  switch (_loy_json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;

    /* "25.0" is still a whole number. */
    case G_TYPE_DOUBLE:
      number = json_node_get_double (node);
      if (number != floor (number) || fabs (number) >= 0x1p63)
        return FALSE;
      *value = (gint64) number;
      return TRUE;

    default:
      return FALSE;
    }
}

gboolean
_loy_json_node_get_string (JsonNode    *node,
                           const char **value)
{
  if (_loy_json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *value = json_node_get_string (node);
  return g_utf8_validate (*value, -1, NULL);
}

/* A record this one refers to, {"uuid": @uuid, @key: @value}, or null
 * without @uuid. */
static void
set_reference_member (JsonObject *object,
                      const char *name,
                      const char *uuid,
                      const char *key,
                      const char *value)
{
  JsonObject *reference;

  if (uuid == NULL)
    {
      json_object_set_null_member (object, name);
      return;
    }

  reference = json_object_new ();
  json_object_set_string_member (reference, "uuid", uuid);
  _loy_json_set_string_or_null (reference, key, value);
  json_object_set_object_member (object, name, reference);
}

/* The object held by @member: *@value NULL when it is absent or null. */
static gboolean
read_object (JsonObject  *object,
             const char  *member,
             JsonObject **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _loy_json_wrong_type (member, _("an object or null"), error);

  *value = json_node_get_object (node);
  return TRUE;
}

/* The reverse of set_reference_member(). */
static gboolean
read_reference (JsonObject  *object,
                const char  *name,
                const char  *key,
                char       **uuid,
                char       **value,
                GError     **error)
{
  JsonObject *reference;

  if (!read_object (object, name, &reference, error))
    return FALSE;
  if (reference == NULL)
    return TRUE;

  return _loy_json_read_string (reference, "uuid", uuid, error) &&
         _loy_json_read_string (reference, key, value, error);
}

/* @message: why @node is refused when it is not an object. */
static JsonObject *
node_get_record (JsonNode    *node,
                 const char  *message,
                 GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, message);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Contacts */

JsonNode *
loy_contact_to_json (LoyContact *contact)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *credit_balance = json_object_new ();
  g_autofree char *created_at = NULL;

  g_return_val_if_fail (LOY_IS_CONTACT (contact), NULL);

  json_object_set_string_member (object, "uuid", loy_contact_get_uuid (contact));
  _loy_json_set_string_or_null (object, "email", loy_contact_get_email (contact));
  _loy_json_set_string_or_null (object, "first_name", loy_contact_get_first_name (contact));
  _loy_json_set_string_or_null (object, "last_name", loy_contact_get_last_name (contact));

  json_object_set_int_member (credit_balance, "balance", loy_contact_get_balance (contact));
  json_object_set_object_member (object, "credit_balance", credit_balance);

  set_reference_member (object, "level", loy_contact_get_level_uuid (contact),
                        "name", loy_contact_get_level_name (contact));

  if (loy_contact_get_prepaid_balance_cents (contact) != LOY_UNSET)
    {
      JsonObject *prepaid = json_object_new ();

      json_object_set_int_member (prepaid, "balance_in_cents", loy_contact_get_prepaid_balance_cents (contact));
      _loy_json_set_money (prepaid, "balance", loy_contact_get_prepaid_balance_cents (contact));
      json_object_set_object_member (object, "prepaid_balance", prepaid);
    }

  if (loy_contact_get_expiring_points (contact) > 0)
    {
      JsonObject *expiry = json_object_new ();
      g_autofree char *expires_at = loy_json_format_time (loy_contact_get_expiring_at (contact));

      json_object_set_int_member (expiry, "points", loy_contact_get_expiring_points (contact));
      json_object_set_string_member (expiry, "expires_at", expires_at);
      json_object_set_object_member (object, "next_expiry", expiry);
    }
  else
    {
      json_object_set_null_member (object, "next_expiry");
    }

  json_object_set_object_member (object, "attributes",
                                 json_object_ref (loy_contact_get_attributes (contact)));
  created_at = loy_json_format_time (loy_contact_get_created_at (contact));
  json_object_set_string_member (object, "created_at", created_at);

  return json_node_init_object (json_node_alloc (), object);
}

LoyContact *
loy_contact_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autofree char *uuid = NULL, *email = NULL, *first_name = NULL, *last_name = NULL;
  g_autofree char *level_uuid = NULL, *level_name = NULL;
  JsonObject *object, *credit_balance, *expiry, *attributes;
  gint64 balance = 0, points = 0, expires_at = 0, created_at = 0;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!(object = node_get_record (node, _("A contact must be a JSON object"), error)) ||
      !_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "email", &email, error) ||
      !_loy_json_read_string (object, "first_name", &first_name, error) ||
      !_loy_json_read_string (object, "last_name", &last_name, error) ||
      !read_object (object, "credit_balance", &credit_balance, error) ||
      (credit_balance != NULL &&
       !_loy_json_read_int (credit_balance, "balance", &balance, error)) ||
      !read_reference (object, "level", "name", &level_uuid, &level_name, error) ||
      !read_object (object, "next_expiry", &expiry, error) ||
      (expiry != NULL &&
       (!_loy_json_read_int (expiry, "points", &points, error) ||
        !_loy_json_read_time (expiry, "expires_at", &expires_at, error))) ||
      !read_object (object, "attributes", &attributes, error) ||
      !_loy_json_read_time (object, "created_at", &created_at, error))
    return NULL;

  loy_contact_set_uuid (contact, uuid);
  loy_contact_set_email (contact, email);
  loy_contact_set_first_name (contact, first_name);
  loy_contact_set_last_name (contact, last_name);
  loy_contact_set_balance (contact, balance);
  loy_contact_set_level (contact, level_uuid, level_name);
  loy_contact_set_next_expiry (contact, points, expires_at);
  loy_contact_set_created_at (contact, created_at);

  if (attributes != NULL)
    {
      json_object_iter_init_ordered (&iter, attributes);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        loy_contact_set_attribute (contact, key, value);
    }

  return g_steal_pointer (&contact);
}

/* Ledger entries */

JsonNode *
loy_ledger_entry_to_json (LoyLedgerEntry *entry)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gint64 purchase = loy_ledger_entry_get_purchase_amount_cents (entry);
  g_autofree char *created_at = NULL;

  g_return_val_if_fail (LOY_IS_LEDGER_ENTRY (entry), NULL);

  json_object_set_string_member (object, "uuid", loy_ledger_entry_get_uuid (entry));
  json_object_set_string_member (object, "contact_uuid", loy_ledger_entry_get_contact_uuid (entry));
  json_object_set_string_member (object, "type",
                                 loy_enum_to_nick (LOY_TYPE_LEDGER_ENTRY_TYPE,
                                                   loy_ledger_entry_get_entry_type (entry)));
  json_object_set_int_member (object, "credits", loy_ledger_entry_get_credits (entry));
  _loy_json_set_string_or_null (object, "reason", loy_ledger_entry_get_reason (entry));
  _loy_json_set_string_or_null (object, "operator", loy_ledger_entry_get_operator (entry));

  if (purchase == LOY_UNSET)
    json_object_set_null_member (object, "purchase_amount");
  else
    json_object_set_double_member (object, "purchase_amount", purchase / 100.0);

  set_reference_member (object, "reward", loy_ledger_entry_get_reward_uuid (entry),
                        "title", loy_ledger_entry_get_reward_title (entry));

  if (loy_ledger_entry_get_code (entry) != NULL)
    {
      JsonObject *code = json_object_new ();

      json_object_set_string_member (code, "code", loy_ledger_entry_get_code (entry));
      json_object_set_object_member (object, "digital_reward_code", code);
    }
  else
    {
      json_object_set_null_member (object, "digital_reward_code");
    }

  _loy_json_set_string_or_null (object, "reverses_uuid", loy_ledger_entry_get_reverses_uuid (entry));
  json_object_set_boolean_member (object, "reversed", loy_ledger_entry_get_reversed (entry));
  created_at = loy_json_format_time (loy_ledger_entry_get_created_at (entry));
  json_object_set_string_member (object, "created_at", created_at);

  return json_node_init_object (json_node_alloc (), object);
}

LoyLedgerEntry *
loy_ledger_entry_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(LoyLedgerEntry) entry = loy_ledger_entry_new ();
  g_autofree char *uuid = NULL, *contact_uuid = NULL, *type = NULL, *reason = NULL;
  g_autofree char *operator_name = NULL, *reward_uuid = NULL, *reward_title = NULL;
  g_autofree char *code = NULL, *reverses_uuid = NULL;
  gint64 credits = 0, purchase = LOY_UNSET, created_at = 0;
  gboolean reversed = FALSE;
  int entry_type = loy_ledger_entry_get_entry_type (entry);
  JsonObject *object, *digital_reward_code;

  if (!(object = node_get_record (node, _("A ledger entry must be a JSON object"), error)) ||
      !_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "contact_uuid", &contact_uuid, error) ||
      !_loy_json_read_string (object, "type", &type, error) ||
      !_loy_json_read_int (object, "credits", &credits, error) ||
      !_loy_json_read_string (object, "reason", &reason, error) ||
      !_loy_json_read_string (object, "operator", &operator_name, error) ||
      !_loy_json_read_money (object, "purchase_amount", &purchase, error) ||
      !read_reference (object, "reward", "title", &reward_uuid, &reward_title, error) ||
      !read_object (object, "digital_reward_code", &digital_reward_code, error) ||
      (digital_reward_code != NULL &&
       !_loy_json_read_string (digital_reward_code, "code", &code, error)) ||
      !_loy_json_read_string (object, "reverses_uuid", &reverses_uuid, error) ||
      !_loy_json_read_boolean (object, "reversed", &reversed, error) ||
      !_loy_json_read_time (object, "created_at", &created_at, error))
    return NULL;

  if (type != NULL && !loy_enum_from_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, type, &entry_type))
    {
      _loy_json_wrong_type ("type", _("a known type of ledger entry"), error);
      return NULL;
    }

  loy_ledger_entry_set_uuid (entry, uuid);
  loy_ledger_entry_set_contact_uuid (entry, contact_uuid);
  loy_ledger_entry_set_entry_type (entry, entry_type);
  loy_ledger_entry_set_credits (entry, credits);
  loy_ledger_entry_set_reason (entry, reason);
  loy_ledger_entry_set_operator (entry, operator_name);
  loy_ledger_entry_set_purchase_amount_cents (entry, purchase);
  loy_ledger_entry_set_reward (entry, reward_uuid, reward_title);
  loy_ledger_entry_set_code (entry, code);
  loy_ledger_entry_set_reverses_uuid (entry, reverses_uuid);
  loy_ledger_entry_set_reversed (entry, reversed);
  loy_ledger_entry_set_created_at (entry, created_at);

  return g_steal_pointer (&entry);
}

/* Code groups */

JsonNode *
loy_code_group_to_json (LoyCodeGroup *group)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (LOY_IS_CODE_GROUP (group), NULL);

  json_object_set_string_member (object, "uuid", loy_code_group_get_uuid (group));
  json_object_set_string_member (object, "reward_uuid", loy_code_group_get_reward_uuid (group));
  json_object_set_string_member (object, "name", loy_code_group_get_name (group));
  json_object_set_int_member (object, "total", loy_code_group_get_total (group));
  json_object_set_int_member (object, "available", loy_code_group_get_available (group));
  json_object_set_int_member (object, "issued", loy_code_group_get_issued (group));
  json_object_set_int_member (object, "issued_last_30_days",
                              loy_code_group_get_issued_last_30_days (group));
  json_object_set_int_member (object, "low_stock_threshold",
                              loy_code_group_get_low_stock_threshold (group));

  return json_node_init_object (json_node_alloc (), object);
}

LoyCodeGroup *
loy_code_group_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(LoyCodeGroup) group = loy_code_group_new ();
  g_autofree char *uuid = NULL, *reward_uuid = NULL, *name = NULL;
  gint64 total = 0, available = 0, issued_last_30_days = 0;
  gint64 low_stock_threshold = loy_code_group_get_low_stock_threshold (group);
  JsonObject *object;

  if (!(object = node_get_record (node, _("A code group must be a JSON object"), error)) ||
      !_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "reward_uuid", &reward_uuid, error) ||
      !_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_int (object, "total", &total, error) ||
      !_loy_json_read_int (object, "available", &available, error) ||
      !_loy_json_read_int (object, "issued_last_30_days", &issued_last_30_days, error) ||
      !_loy_json_read_int (object, "low_stock_threshold", &low_stock_threshold, error))
    return NULL;

  loy_code_group_set_uuid (group, uuid);
  loy_code_group_set_reward_uuid (group, reward_uuid);
  loy_code_group_set_name (group, name);
  loy_code_group_set_counts (group, total, available);
  loy_code_group_set_issued_last_30_days (group, issued_last_30_days);
  loy_code_group_set_low_stock_threshold (group, low_stock_threshold);

  return g_steal_pointer (&group);
}
