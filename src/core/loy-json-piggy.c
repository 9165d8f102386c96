/* loy-json-piggy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-json-piggy.h"
#include "loy-json-private.h"

/* Piggy's names of the contact's name attributes. */
#define FIRST_NAME_ATTRIBUTE "firstname"
#define LAST_NAME_ATTRIBUTE  "lastname"

/* The typed readers fail as bad input; what a server sent is a malformed
 * answer, said of the record it was in. */
static gboolean
malformed (GError     **error,
           const char  *record)
{
  if (error != NULL && *error != NULL)
    {
      g_autofree char *message = g_strdup ((*error)->message);

      g_clear_error (error);
      /* Translators: the first %s is a kind of record ("a contact"), the second what is wrong */
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s that is not valid: %s"), record, message);
    }

  return FALSE;
}

static JsonObject *
get_record (JsonNode    *node,
            const char  *record,
            GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s that is not a JSON object"), record);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
check_uuid (const char  *uuid,
            const char  *record,
            GError     **error)
{
  if (uuid == NULL || uuid[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s without a “uuid”"), record);
      return FALSE;
    }

  return TRUE;
}

/* The object held by @member: NULL, and no error, when absent or null. */
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

typedef gpointer (*RecordReader) (JsonNode  *node,
                                  GError   **error);

/* @skip: whether a record @read refuses as of another kind is left out. */
static void
unref_record (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

static GPtrArray *
read_list (JsonNode      *node,
           RecordReader   read,
           const char    *list,
           gboolean     (*skip) (JsonNode *node),
           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (unref_record);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s that is not a JSON array"), list);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer record;

      /* A hole, so that the rows keep the server's positions. */
      if (skip != NULL && skip (element))
        {
          g_ptr_array_add (records, NULL);
          continue;
        }
      if (!(record = read (element, error)))
        return NULL;

      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/* Contacts */

static void
set_contact_value (LoyContact *contact,
                   const char *name,
                   JsonNode   *value)
{
  const char *text = NULL;

  if (g_str_equal (name, "email"))
    return;

  if (g_str_equal (name, FIRST_NAME_ATTRIBUTE) || g_str_equal (name, LAST_NAME_ATTRIBUTE))
    {
      if (!JSON_NODE_HOLDS_NULL (value) && !_loy_json_node_get_string (value, &text))
        return;
      if (g_str_equal (name, FIRST_NAME_ATTRIBUTE))
        loy_contact_set_first_name (contact, text);
      else
        loy_contact_set_last_name (contact, text);
      return;
    }

  loy_contact_set_attribute (contact, name, value);
}

/* [{value, attribute {name, …}}], as the SDK's contacts carry them. */
static gboolean
read_attribute_list (LoyContact  *contact,
                     JsonArray   *attributes,
                     GError     **error)
{
  for (guint i = 0; i < json_array_get_length (attributes); i++)
    {
      JsonNode *element = json_array_get_element (attributes, i);
      JsonObject *item, *definition;
      g_autofree char *name = NULL;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return _loy_json_wrong_type ("attributes", _("a list of objects"), error);

      item = json_node_get_object (element);
      if (!read_object (item, "attribute", &definition, error) ||
          (definition != NULL && !_loy_json_read_string (definition, "name", &name, error)))
        return FALSE;

      value = json_object_get_member (item, "value");
      if (name != NULL && value != NULL)
        set_contact_value (contact, name, value);
    }

  return TRUE;
}

LoyContact *
loy_piggy_contact_from_json (JsonNode  *node,
                             GError   **error)
{
  const char *record = _("a contact");
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autofree char *uuid = NULL, *email = NULL;
  JsonObject *object, *credit_balance, *current_values;
  JsonNode *attributes;
  gint64 balance = 0, created_at = 0;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "email", &email, error) ||
      !_loy_json_read_time (object, "created_at", &created_at, error) ||
      !read_object (object, "credit_balance", &credit_balance, error) ||
      (credit_balance != NULL && !_loy_json_read_int (credit_balance, "balance", &balance, error)) ||
      !read_object (object, "current_values", &current_values, error))
    return malformed (error, record), NULL;

  if (!check_uuid (uuid, record, error))
    return NULL;

  loy_contact_set_uuid (contact, uuid);
  loy_contact_set_email (contact, email);
  loy_contact_set_balance (contact, balance);
  loy_contact_set_created_at (contact, created_at);

  attributes = json_object_get_member (object, "attributes");
  if (attributes != NULL && JSON_NODE_HOLDS_ARRAY (attributes))
    {
      if (!read_attribute_list (contact, json_node_get_array (attributes), error))
        return malformed (error, record), NULL;
    }
  else if (attributes != NULL && !JSON_NODE_HOLDS_NULL (attributes))
    {
      _loy_json_wrong_type ("attributes", _("a list of objects"), error);
      return malformed (error, record), NULL;
    }

  if (current_values != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, current_values);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        set_contact_value (contact, name, value);
    }

  return g_steal_pointer (&contact);
}

GPtrArray *
loy_piggy_contacts_from_json (JsonNode  *node,
                              GError   **error)
{
  return read_list (node, (RecordReader) loy_piggy_contact_from_json, _("a list of contacts"), NULL, error);
}

/* Contact attributes */

LoyContactAttribute *
loy_piggy_contact_attribute_from_json (JsonNode  *node,
                                       GError   **error)
{
  const char *record = _("a contact attribute");
  g_autofree char *name = NULL, *type = NULL;
  LoyAttributeType value_type = LOY_ATTRIBUTE_TYPE_TEXT;
  JsonObject *object;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_string (object, "type", &type, error))
    return malformed (error, record), NULL;

  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s without a “name”"), record);
      return NULL;
    }

  if (g_strcmp0 (type, "number") == 0)
    value_type = LOY_ATTRIBUTE_TYPE_NUMBER;
  else if (g_strcmp0 (type, "date") == 0 || g_strcmp0 (type, "birth_date") == 0)
    value_type = LOY_ATTRIBUTE_TYPE_DATE;
  else if (g_strcmp0 (type, "boolean") == 0)
    value_type = LOY_ATTRIBUTE_TYPE_BOOLEAN;

  return loy_contact_attribute_new (name, value_type, 0);
}

GPtrArray *
loy_piggy_contact_attributes_from_json (JsonNode  *node,
                                        GError   **error)
{
  return read_list (node, (RecordReader) loy_piggy_contact_attribute_from_json,
                    _("a list of contact attributes"), NULL, error);
}

/* Loyalty transactions */

static const char *
get_type (JsonNode *node)
{
  JsonNode *type;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !(type = json_object_get_member (json_node_get_object (node), "type")) ||
      !_loy_json_node_get_string (type, &text))
    return NULL;

  return text;
}

gboolean
loy_piggy_transaction_is_reward (JsonNode *node)
{
  const char *type = get_type (node);

  return g_strcmp0 (type, "reward_reception") == 0 || g_strcmp0 (type, "digital_reward_reception") == 0;
}

static gboolean
is_other_transaction (JsonNode *node)
{
  const char *type = get_type (node);

  return type != NULL && !g_str_equal (type, "credit_reception") && !loy_piggy_transaction_is_reward (node);
}

/* The reward of a reward reception: "reward", or "digital_reward". */
static gboolean
read_reward (JsonObject      *object,
             LoyLedgerEntry  *entry,
             GError         **error)
{
  g_autofree char *reward_uuid = NULL, *reward_title = NULL, *title = NULL, *code = NULL;
  JsonObject *reward, *digital_code;

  if (!read_object (object, json_object_has_member (object, "reward") ? "reward" : "digital_reward",
                    &reward, error) ||
      (reward != NULL &&
       (!_loy_json_read_string (reward, "uuid", &reward_uuid, error) ||
        !_loy_json_read_string (reward, "title", &reward_title, error))) ||
      !_loy_json_read_string (object, "title", &title, error) ||
      !read_object (object, "digital_reward_code", &digital_code, error) ||
      (digital_code != NULL && !_loy_json_read_string (digital_code, "code", &code, error)))
    return FALSE;

  loy_ledger_entry_set_reward (entry, reward_uuid, reward_title != NULL ? reward_title : title);
  loy_ledger_entry_set_code (entry, code);
  return TRUE;
}

LoyLedgerEntry *
loy_piggy_transaction_from_json (JsonNode  *node,
                                 GError   **error)
{
  const char *record = _("a loyalty transaction");
  g_autoptr(LoyLedgerEntry) entry = loy_ledger_entry_new ();
  g_autofree char *uuid = NULL, *type = NULL, *contact_uuid = NULL, *reason = NULL;
  gint64 credits = 0, created_at = 0, unit_value = LOY_UNSET;
  JsonObject *object, *contact;
  gboolean is_reward;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "type", &type, error) ||
      !_loy_json_read_int (object, "credits", &credits, error) ||
      !_loy_json_read_time (object, "created_at", &created_at, error) ||
      !read_object (object, "contact", &contact, error) ||
      (contact != NULL && !_loy_json_read_string (contact, "uuid", &contact_uuid, error)))
    return malformed (error, record), NULL;

  if (!check_uuid (uuid, record, error))
    return NULL;

  is_reward = loy_piggy_transaction_is_reward (node);
  if (!is_reward && g_strcmp0 (type, "credit_reception") != 0)
    {
      _loy_json_wrong_type ("type", _("credit_reception, reward_reception or digital_reward_reception"), error);
      return malformed (error, record), NULL;
    }

  if (is_reward)
    {
      if (!read_reward (object, entry, error))
        return malformed (error, record), NULL;
      loy_ledger_entry_set_entry_type (entry, LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION);
    }
  else
    {
      if (!_loy_json_read_money (object, "unit_value", &unit_value, error) ||
          !_loy_json_read_string (object, "reason", &reason, error))
        return malformed (error, record), NULL;
      /* A correction is a credit reception of negative credits. */
      loy_ledger_entry_set_entry_type (entry, credits < 0 ? LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT
                                                          : LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
      loy_ledger_entry_set_purchase_amount_cents (entry, unit_value);
      loy_ledger_entry_set_reason (entry, reason);
    }

  loy_ledger_entry_set_uuid (entry, uuid);
  loy_ledger_entry_set_contact_uuid (entry, contact_uuid);
  loy_ledger_entry_set_credits (entry, credits);
  loy_ledger_entry_set_created_at (entry, created_at);

  return g_steal_pointer (&entry);
}

GPtrArray *
loy_piggy_transactions_from_json (JsonNode  *node,
                                  GError   **error)
{
  return read_list (node, (RecordReader) loy_piggy_transaction_from_json,
                    _("a list of loyalty transactions"), is_other_transaction, error);
}

/* Tiers, shops, the program */

LoyLevel *
loy_piggy_tier_from_json (JsonNode  *node,
                          GError   **error)
{
  const char *record = _("a tier");
  g_autoptr(LoyLevel) level = loy_level_new ();
  g_autofree char *uuid = NULL, *name = NULL;
  gint64 position = 0;
  JsonObject *object;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_int (object, "position", &position, error))
    return malformed (error, record), NULL;

  if (!check_uuid (uuid, record, error))
    return NULL;

  loy_level_set_uuid (level, uuid);
  loy_level_set_name (level, name != NULL ? name : uuid);
  loy_level_set_threshold (level, LOY_UNSET);
  loy_level_set_n_contacts (level, LOY_UNSET);

  return g_steal_pointer (&level);
}

static gint64
get_position (JsonNode *node)
{
  JsonNode *position = JSON_NODE_HOLDS_OBJECT (node)
                     ? json_object_get_member (json_node_get_object (node), "position") : NULL;
  gint64 value = G_MAXINT64;

  if (position != NULL)
    _loy_json_node_get_int64 (position, &value);

  return value;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  gint64 first = get_position (*(JsonNode **) a);
  gint64 second = get_position (*(JsonNode **) b);

  return (first > second) - (first < second);
}

GPtrArray *
loy_piggy_tiers_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(JsonArray) sorted = json_array_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(JsonNode) sorted_node = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return read_list (node, (RecordReader) loy_piggy_tier_from_json, _("a list of tiers"), NULL, error);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    g_ptr_array_add (elements, json_array_get_element (json_node_get_array (node), i));
  /* Stable, so that tiers of one position keep the server's order. */
  g_ptr_array_sort (elements, compare_positions);
  for (guint i = 0; i < elements->len; i++)
    json_array_add_element (sorted, json_node_copy (g_ptr_array_index (elements, i)));

  sorted_node = json_node_init_array (json_node_alloc (), sorted);
  return read_list (sorted_node, (RecordReader) loy_piggy_tier_from_json, _("a list of tiers"), NULL, error);
}

LoyShop *
loy_piggy_shop_from_json (JsonNode  *node,
                          GError   **error)
{
  const char *record = _("a shop");
  g_autofree char *uuid = NULL, *name = NULL, *type = NULL;
  JsonObject *object;
  LoyShop *shop;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_string (object, "type", &type, error))
    return malformed (error, record), NULL;

  if (!check_uuid (uuid, record, error))
    return NULL;

  shop = loy_shop_new (uuid, name != NULL ? name : uuid);
  loy_shop_set_shop_type (shop, type);
  return shop;
}

GPtrArray *
loy_piggy_shops_from_json (JsonNode  *node,
                           GError   **error)
{
  return read_list (node, (RecordReader) loy_piggy_shop_from_json, _("a list of shops"), NULL, error);
}

/* Promotions */

/* A limit or duration: absent, null (read as LOY_UNSET) or 0 is none. */
static gboolean
read_optional_count (JsonObject  *object,
                     const char  *member,
                     gint64      *value,
                     GError     **error)
{
  gint64 count = 0;

  if (!_loy_json_read_int (object, member, &count, error))
    return FALSE;
  if (count < 0 && count != LOY_UNSET)
    return _loy_json_wrong_type (member, _("a positive number or null"), error);

  *value = count > 0 ? count : LOY_UNSET;
  return TRUE;
}

LoyCampaign *
loy_piggy_promotion_from_json (JsonNode  *node,
                               GError   **error)
{
  const char *record = _("a promotion");
  g_autofree char *uuid = NULL, *name = NULL, *description = NULL;
  gint64 voucher_limit, limit_per_contact, expiration_days;
  const char *language = loy_campaign_get_languages ()[0];
  LoyCampaign *campaign;
  JsonObject *object;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_string (object, "description", &description, error) ||
      !read_optional_count (object, "voucher_limit", &voucher_limit, error) ||
      !read_optional_count (object, "limit_per_contact", &limit_per_contact, error) ||
      !read_optional_count (object, "expiration_duration", &expiration_days, error))
    return malformed (error, record), NULL;

  if (!check_uuid (uuid, record, error))
    return NULL;

  campaign = loy_campaign_new ();
  loy_campaign_set_uuid (campaign, uuid);
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  /* Vouchers are handed out, not bought with points. */
  loy_campaign_set_cost_in_points (campaign, LOY_UNSET);
  loy_campaign_set_name (campaign, name != NULL ? name : uuid);
  loy_campaign_set_text (campaign, language, LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION, description);
  loy_campaign_set_limit (campaign, voucher_limit);
  loy_campaign_set_limit_per_contact (campaign, limit_per_contact);
  loy_campaign_set_days_valid (campaign, expiration_days);
  return campaign;
}

GPtrArray *
loy_piggy_promotions_from_json (JsonNode  *node,
                                GError   **error)
{
  return read_list (node, (RecordReader) loy_piggy_promotion_from_json, _("a list of promotions"), NULL, error);
}

/* Vouchers */

static gboolean
read_voucher_status (JsonObject        *object,
                     LoyVoucherStatus  *status,
                     GError           **error)
{
  g_autofree char *text = NULL;

  if (!_loy_json_read_string (object, "status", &text, error))
    return FALSE;
  if (text != NULL && !loy_voucher_status_from_string (text, status))
    return _loy_json_wrong_type ("status", _("ACTIVE, REDEEMED, EXPIRED, DEACTIVATED, INACTIVE or LOCKED"),
                                 error);

  return TRUE;
}

/* The redemptions left of a voucher, see loy-json-piggy.h. */
static gboolean
read_redemptions_left (JsonObject  *object,
                       JsonObject  *promotion,
                       gboolean     used,
                       gint64      *left,
                       GError     **error)
{
  gint64 per_voucher = LOY_UNSET;

  *left = LOY_UNSET;
  if (!_loy_json_read_int (object, "redemptions_left", left, error) ||
      (promotion != NULL && !_loy_json_read_int (promotion, "redemptions_per_voucher", &per_voucher, error)))
    return FALSE;
  if (*left < 0 && *left != LOY_UNSET)
    return _loy_json_wrong_type ("redemptions_left", _("a positive number or null"), error);

  if (*left == LOY_UNSET && used)
    *left = 0;
  else if (*left == LOY_UNSET && per_voucher > 0)
    *left = per_voucher;

  return TRUE;
}

LoyVoucher *
loy_piggy_voucher_from_json (JsonNode  *node,
                             GError   **error)
{
  const char *record = _("a voucher");
  g_autofree char *uuid = NULL, *code = NULL, *name = NULL;
  g_autofree char *contact_uuid = NULL, *contact_email = NULL, *promotion_uuid = NULL;
  LoyVoucherStatus status = LOY_VOUCHER_STATUS_ACTIVE;
  gint64 activates_at = 0, expires_at = 0, redeemed_at = 0, left;
  gboolean is_redeemed = FALSE;
  JsonObject *object, *contact, *promotion;
  LoyVoucher *voucher;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "code", &code, error) ||
      !_loy_json_read_string (object, "name", &name, error) ||
      !read_voucher_status (object, &status, error) ||
      !_loy_json_read_time (object, "activation_date", &activates_at, error) ||
      !_loy_json_read_time (object, "expiration_date", &expires_at, error) ||
      !_loy_json_read_time (object, "redeemed_at", &redeemed_at, error) ||
      !_loy_json_read_boolean (object, "is_redeemed", &is_redeemed, error) ||
      !read_object (object, "contact", &contact, error) ||
      (contact != NULL && !_loy_json_read_string (contact, "uuid", &contact_uuid, error)) ||
      (contact != NULL && !_loy_json_read_string (contact, "email", &contact_email, error)) ||
      !read_object (object, "promotion", &promotion, error) ||
      (promotion != NULL && !_loy_json_read_string (promotion, "uuid", &promotion_uuid, error)) ||
      !read_redemptions_left (object, promotion,
                              is_redeemed || status == LOY_VOUCHER_STATUS_REDEEMED, &left, error))
    return malformed (error, record), NULL;

  if (!check_uuid (uuid, record, error))
    return NULL;
  if (code == NULL || code[0] == '\0')
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s without a “code”"), record);
      return NULL;
    }

  voucher = loy_voucher_new (uuid, code);
  loy_voucher_set_status (voucher, status);
  loy_voucher_set_name (voucher, name);
  loy_voucher_set_contact_uuid (voucher, contact_uuid);
  loy_voucher_set_contact_email (voucher, contact_email);
  loy_voucher_set_promotion_uuid (voucher, promotion_uuid);
  loy_voucher_set_activates_at (voucher, MAX (activates_at, 0));
  loy_voucher_set_expires_at (voucher, MAX (expires_at, 0));
  loy_voucher_set_redeemed_at (voucher, MAX (redeemed_at, 0));
  loy_voucher_set_redemptions_left (voucher, left);
  return voucher;
}

GPtrArray *
loy_piggy_vouchers_from_json (JsonNode  *node,
                              GError   **error)
{
  return read_list (node, (RecordReader) loy_piggy_voucher_from_json, _("a list of vouchers"), NULL, error);
}

gboolean
loy_piggy_voucher_batch_from_json (JsonNode  *node,
                                   gint64    *quantity,
                                   GError   **error)
{
  const char *record = _("a batch of vouchers");
  gint64 count = LOY_UNSET;
  JsonObject *object;

  if (!(object = get_record (node, record, error)))
    return FALSE;
  if (!_loy_json_read_int (object, "quantity", &count, error))
    return malformed (error, record);
  if (count < 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s without a “quantity”"), record);
      return FALSE;
    }

  *quantity = count;
  return TRUE;
}

gboolean
loy_piggy_prepaid_balance_from_json (JsonNode  *node,
                                     gint64    *cents,
                                     GError   **error)
{
  const char *record = _("a prepaid balance");
  gint64 in_cents = LOY_UNSET, money = LOY_UNSET;
  JsonObject *object;

  if (!(object = get_record (node, record, error)))
    return FALSE;
  if (!_loy_json_read_int (object, "balance_in_cents", &in_cents, error) ||
      (in_cents == LOY_UNSET && !_loy_json_read_money (object, "balance", &money, error)))
    return malformed (error, record);

  if (in_cents == LOY_UNSET && money == LOY_UNSET)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s without a “balance_in_cents”"), record);
      return FALSE;
    }

  *cents = in_cents != LOY_UNSET ? in_cents : money;
  return TRUE;
}

LoyProgram *
loy_piggy_loyalty_program_from_json (JsonNode  *node,
                                     GError   **error)
{
  const char *record = _("a loyalty program");
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autofree char *name = NULL, *credit_name = NULL, *unit_label = NULL;
  g_auto(GStrv) actions = loy_program_dup_actions (program);
  JsonObject *object, *unit;

  if (!(object = get_record (node, record, error)))
    return NULL;

  if (!_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_string (object, "custom_credit_name", &credit_name, error) ||
      !read_object (object, "unit", &unit, error) ||
      (unit != NULL && !_loy_json_read_string (unit, "label", &unit_label, error)))
    return malformed (error, record), NULL;

  loy_program_set_name (program, name);
  loy_program_set_credit_name (program, credit_name);
  loy_program_set_unit_label (program, unit_label);
  /* The API does not say how it earns, welcomes, expires or reaches tiers,
   * and has no actions: nothing of the local rules is claimed for it. */
  loy_program_set_rules_known (program, FALSE);
  for (guint i = 0; actions[i] != NULL; i++)
    loy_program_set_action_points (program, actions[i], LOY_UNSET);

  return g_steal_pointer (&program);
}

gboolean
loy_piggy_credits_from_json (JsonNode  *node,
                             gint64    *credits,
                             GError   **error)
{
  const char *record = _("a calculation");
  JsonObject *object;

  if (!(object = get_record (node, record, error)))
    return FALSE;

  if (!json_object_has_member (object, "credits"))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                   _("The server sent %s without “credits”"), record);
      return FALSE;
    }

  if (!_loy_json_read_int (object, "credits", credits, error))
    return malformed (error, record);

  return TRUE;
}

/* Writers */

JsonNode *
loy_piggy_credit_reception_to_json (const char      *contact_uuid,
                                    const char      *shop_uuid,
                                    const LoyAward  *award,
                                    GError         **error)
{
  g_autoptr(JsonObject) object = json_object_new ();

  if (award->action != NULL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _("A Piggy account has no actions to award points for: award an amount or points"));
      return NULL;
    }

  json_object_set_string_member (object, "contact_uuid", contact_uuid);
  json_object_set_string_member (object, "shop_uuid", shop_uuid);

  if (award->amount_cents > 0)
    _loy_json_set_money (object, "unit_value", award->amount_cents);
  else
    json_object_set_int_member (object, "credits", award->points);

  if (award->reason != NULL && award->reason[0] != '\0')
    json_object_set_string_member (object, "reason", award->reason);

  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
loy_piggy_contact_changes_to_json (JsonObject  *changes,
                                   GError     **error)
{
  static const char * const unchangeable[] = { "uuid", "email", "credit_balance", "created_at", NULL };
  g_autoptr(JsonObject) attributes = json_object_new ();
  JsonObject *body = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, changes);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      if (g_strv_contains (unchangeable, key))
        {
          json_object_unref (body);
          g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                       _("A contact’s “%s” cannot be changed on a Piggy account"), key);
          return NULL;
        }

      if (g_str_equal (key, "first_name"))
        key = FIRST_NAME_ATTRIBUTE;
      else if (g_str_equal (key, "last_name"))
        key = LAST_NAME_ATTRIBUTE;

      json_object_set_member (attributes, key, json_node_copy (value));
    }

  json_object_set_object_member (body, "attributes", g_steal_pointer (&attributes));
  return json_node_init_object (json_node_alloc (), body);
}
