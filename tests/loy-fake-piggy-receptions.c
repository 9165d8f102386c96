/* loy-fake-piggy-receptions.c — the fake account's history: loyalty
 * transactions, credit and reward receptions, their reversal, calculations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-fake-piggy"

#include "config.h"

#include <math.h>

#include "loy-fake-piggy-private.h"

/* Loyalty transactions */

static void
serve_transactions (LoyFakePiggy      *self,
                    SoupServerMessage *msg,
                    GHashTable        *query)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *contact_uuid = query != NULL ? g_hash_table_lookup (query, "contact_uuid") : NULL;
  const char *type = query != NULL ? g_hash_table_lookup (query, "type") : NULL;

  if (contact_uuid != NULL && !fake_piggy_require_contact (self, msg, contact_uuid))
    return;

  if (type != NULL && !g_str_equal (type, "credit_receptions") && !g_str_equal (type, "reward_receptions"))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "type", "The type must be credit_receptions or reward_receptions.");
      return;
    }

  for (guint i = json_array_get_length (self->transactions); i-- > 0; )
    {
      JsonObject *transaction = json_array_get_object_element (self->transactions, i);
      const char *kind = json_object_get_string_member (transaction, "type");
      gboolean is_credit = g_str_equal (kind, "credit_reception");
      gboolean is_reward = g_str_has_suffix (kind, "reward_reception");

      if (contact_uuid != NULL &&
          !g_str_equal (json_object_get_string_member (transaction, "_contact_uuid"), contact_uuid))
        continue;
      /* A filtered history holds that kind of reception only. */
      if (type != NULL && !(g_str_equal (type, "credit_receptions") ? is_credit : is_reward))
        continue;

      g_ptr_array_add (rows, transaction);
    }

  fake_piggy_serve_page (self, msg, query, rows, fake_piggy_render_transaction);
}

/* Adds a reception of @credits to @contact's history and balance. */
static JsonObject *
add_transaction (LoyFakePiggy *self,
                 const char   *type,
                 JsonObject   *contact,
                 JsonObject   *shop,
                 gint64        credits)
{
  JsonObject *transaction = json_object_new ();
  g_autofree char *uuid = fake_piggy_new_uuid (self, "e0000000");
  g_autofree char *created_at = fake_piggy_format_time (g_get_real_time () / G_USEC_PER_SEC);

  json_object_set_string_member (transaction, "type", type);
  json_object_set_string_member (transaction, "uuid", uuid);
  json_object_set_int_member (transaction, "credits", credits);
  json_object_set_string_member (transaction, "created_at", created_at);
  json_object_set_object_member (transaction, "shop", json_object_ref (shop));
  json_object_set_string_member (transaction, "_contact_uuid", json_object_get_string_member (contact, "uuid"));
  json_object_set_boolean_member (transaction, "_reversed", FALSE);
  json_object_set_int_member (contact, "balance", json_object_get_int_member (contact, "balance") + credits);
  json_array_add_object_element (self->transactions, transaction);

  return transaction;
}

static JsonObject *
credit_reception_new (LoyFakePiggy *self,
                      JsonObject   *contact,
                      JsonObject   *shop,
                      gint64        credits,
                      JsonNode     *unit_value)
{
  JsonObject *reception = add_transaction (self, "credit_reception", contact, shop, credits);
  JsonObject *unit = json_object_new ();

  json_object_set_string_member (unit, "name", "purchase_amount");
  json_object_set_string_member (unit, "label", "Purchase amount");
  json_object_set_string_member (unit, "prefix", "€");
  json_object_set_object_member (reception, "unit", unit);
  json_object_set_member (reception, "unit_value",
                          unit_value != NULL ? json_node_copy (unit_value) : json_node_new (JSON_NODE_NULL));
  return reception;
}

/* The purchase amount of @node, a number of at least 0, in credits. */
static gboolean
credits_for_unit_value (LoyFakePiggy *self,
                        JsonNode     *node,
                        gint64       *credits)
{
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;

  value = json_node_get_double (node);
  if (!(value >= 0 && value <= 1e9))
    return FALSE;

  *credits = (gint64) floor (value * self->credits_per_unit);
  return TRUE;
}

static gboolean
create_credit_reception (LoyFakePiggy      *self,
                         SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  JsonObject *body, *contact, *shop, *reception;
  JsonNode *credits_node, *unit_value;
  gint64 credits;

  if (!(body = fake_piggy_parse_body (msg, parser)) ||
      !(contact = fake_piggy_require_contact (self, msg, fake_piggy_get_string (body, "contact_uuid"))) ||
      !(shop = fake_piggy_require_shop (self, msg, fake_piggy_get_string (body, "shop_uuid"))))
    return FALSE;

  credits_node = json_object_get_member (body, "credits");
  unit_value = json_object_get_member (body, "unit_value");

  if (credits_node != NULL && JSON_NODE_HOLDS_VALUE (credits_node) &&
      json_node_get_value_type (credits_node) == G_TYPE_INT64 && unit_value == NULL)
    {
      credits = json_node_get_int (credits_node);
      unit_value = NULL;
    }
  else if (credits_node == NULL && credits_for_unit_value (self, unit_value, &credits))
    {
    }
  else
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "credits", "Give whole credits or a unit value of at least 0.");
      return FALSE;
    }

  if (json_object_get_int_member (contact, "balance") + credits < 0)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_BAD_REQUEST, 1015,
                                     "The contact does not have enough credits.", NULL, NULL);
      return FALSE;
    }

  reception = credit_reception_new (self, contact, shop, credits, unit_value);
  /* Custom credit reception attributes come back as they were sent. */
  if (fake_piggy_get_string (body, "reason") != NULL)
    json_object_set_string_member (reception, "reason", fake_piggy_get_string (body, "reason"));

  data = fake_piggy_render_transaction (self, reception);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

static void
serve_calculation (LoyFakePiggy      *self,
                   SoupServerMessage *msg,
                   GHashTable        *query)
{
  const char *contact_uuid = query != NULL ? g_hash_table_lookup (query, "contact_uuid") : NULL;
  const char *text = query != NULL ? g_hash_table_lookup (query, "unit_value") : NULL;
  g_autoptr(JsonNode) unit_value = NULL;
  g_autoptr(JsonNode) data = NULL;
  JsonObject *answer;
  gint64 credits;

  if (!fake_piggy_require_shop (self, msg, query != NULL ? g_hash_table_lookup (query, "shop_uuid") : NULL) ||
      (contact_uuid != NULL && !fake_piggy_require_contact (self, msg, contact_uuid)))
    return;

  if (text != NULL)
    unit_value = json_from_string (text, NULL);
  if (!credits_for_unit_value (self, unit_value, &credits))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "unit_value", "The unit value must be a number of at least 0.");
      return;
    }

  answer = json_object_new ();
  json_object_set_int_member (answer, "credits", credits);
  data = json_node_init_object (json_node_alloc (), answer);
  fake_piggy_serve_record (msg, data);
}

static gboolean
create_reward_reception (LoyFakePiggy      *self,
                         SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  JsonObject *body, *contact, *shop, *reward, *reception;
  gint64 required;
  gboolean digital;
  const char *reward_uuid;

  if (!(body = fake_piggy_parse_body (msg, parser)) ||
      !(contact = fake_piggy_require_contact (self, msg, fake_piggy_get_string (body, "contact_uuid"))) ||
      !(shop = fake_piggy_require_shop (self, msg, fake_piggy_get_string (body, "shop_uuid"))))
    return FALSE;

  reward_uuid = fake_piggy_get_string (body, "reward_uuid");
  if (reward_uuid == NULL || !(reward = fake_piggy_find_by_uuid (self->rewards, reward_uuid)))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 6003, "Reward not found.", NULL, NULL);
      return FALSE;
    }

  required = json_object_get_int_member (reward, "required_credits");
  if (json_object_get_int_member (contact, "balance") < required)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_BAD_REQUEST, 1017, "Insufficient credits.", NULL, NULL);
      return FALSE;
    }

  digital = g_str_equal (json_object_get_string_member (reward, "reward_type"), "DIGITAL");
  reception = add_transaction (self, digital ? "digital_reward_reception" : "reward_reception",
                               contact, shop, -required);
  json_object_set_string_member (reception, "title", json_object_get_string_member (reward, "title"));
  json_object_set_object_member (reception, "reward", json_object_ref (reward));

  if (digital)
    {
      JsonObject *code = json_object_new ();
      g_autofree char *text = g_strdup_printf ("JELLY-%04u", ++self->n_codes_issued);

      json_object_set_string_member (code, "code", text);
      json_object_set_object_member (reception, "digital_reward_code", code);
    }
  else
    {
      json_object_set_null_member (reception, "expires_at");
      json_object_set_boolean_member (reception, "has_been_collected", FALSE);
    }

  data = fake_piggy_render_transaction (self, reception);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

/* POST /credit-receptions/{uuid}/reverse and /reward-receptions/{uuid}/reverse:
 * both answer a credit reception that undoes the credits. */
static gboolean
reverse_reception (LoyFakePiggy      *self,
                   SoupServerMessage *msg,
                   const char        *uuid,
                   gboolean           of_reward)
{
  JsonObject *original = fake_piggy_find_by_uuid (self->transactions, uuid);
  g_autoptr(JsonNode) data = NULL;
  JsonObject *contact, *reversal;
  gboolean is_credit;

  is_credit = original != NULL &&
              g_str_equal (json_object_get_string_member (original, "type"), "credit_reception");
  if (original == NULL || is_credit == of_reward)
    {
      if (of_reward)
        fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 1052, "Reward reception not found.",
                                       NULL, NULL);
      else
        fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 404, "Credit reception not found.",
                                       NULL, NULL);
      return FALSE;
    }

  if (json_object_get_boolean_member (original, "_reversed"))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_BAD_REQUEST, 1003, "Invalid input.",
                                     "uuid", "This reception has already been reversed.");
      return FALSE;
    }

  contact = fake_piggy_find_by_uuid (self->contacts, json_object_get_string_member (original, "_contact_uuid"));
  if (json_object_get_int_member (contact, "balance") - json_object_get_int_member (original, "credits") < 0)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_BAD_REQUEST, 1015,
                                     "The contact does not have enough credits.", NULL, NULL);
      return FALSE;
    }

  json_object_set_boolean_member (original, "_reversed", TRUE);
  reversal = credit_reception_new (self, contact, json_object_get_object_member (original, "shop"),
                                   -json_object_get_int_member (original, "credits"), NULL);

  data = fake_piggy_render_transaction (self, reversal);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

gboolean
fake_piggy_receptions_serve (LoyFakePiggy      *self,
                             SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *query,
                             gboolean          *applied)
{
  const char *rest;

  if (g_str_equal (path, "/loyalty-transactions") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_transactions (self, msg, query);
  else if (g_str_equal (path, "/credit-receptions") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = create_credit_reception (self, msg);
  else if (g_str_equal (path, "/credit-receptions/calculate") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_calculation (self, msg, query);
  else if (g_str_equal (path, "/reward-receptions") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = create_reward_reception (self, msg);
  else if ((rest = g_strrstr (path, "/reverse")) != NULL && rest[strlen ("/reverse")] == '\0' &&
           fake_piggy_is (msg, SOUP_METHOD_POST) &&
           (g_str_has_prefix (path, "/credit-receptions/") || g_str_has_prefix (path, "/reward-receptions/")))
    {
      gboolean of_reward = g_str_has_prefix (path, "/reward-receptions/");
      const char *start = strchr (path + 1, '/') + 1;
      g_autofree char *uuid = g_strndup (start, rest - start);

      *applied = reverse_reception (self, msg, uuid, of_reward);
    }
  else
    return FALSE;

  return TRUE;
}

void
loy_fake_piggy_add_giftcard_transaction (LoyFakePiggy *self,
                                         const char   *contact_uuid,
                                         gint64        amount_cents)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  JsonObject *contact = fake_piggy_find_by_uuid (self->contacts, contact_uuid);
  JsonObject *transaction;

  g_assert_nonnull (contact);
  transaction = add_transaction (self, "giftcard_transaction", contact,
                                 json_array_get_object_element (self->shops, 0), 0);
  json_object_set_int_member (transaction, "amount_in_cents", amount_cents);
}
