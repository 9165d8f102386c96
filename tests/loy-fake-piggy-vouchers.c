/* loy-fake-piggy-vouchers.c — the fake account's vouchers: listed by
 * promotion (with the "meta" of every paged list), made one at a time or in
 * a batch, found by code, redeemed at a shop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-fake-piggy"

#include "config.h"

#include "loy-fake-piggy-private.h"

#define MAX_BATCH_QUANTITY 500

static JsonObject *
find_by_code (LoyFakePiggy *self,
              const char   *code)
{
  for (guint i = 0; i < json_array_get_length (self->vouchers); i++)
    {
      JsonObject *voucher = json_array_get_object_element (self->vouchers, i);

      if (g_str_equal (json_object_get_string_member (voucher, "code"), code))
        return voucher;
    }

  return NULL;
}

static void
set_contact (JsonObject *voucher,
             JsonObject *contact)
{
  JsonObject *contact_ref = json_object_new ();

  json_object_set_string_member (contact_ref, "uuid", json_object_get_string_member (contact, "uuid"));
  json_object_set_string_member (contact_ref, "email", json_object_get_string_member (contact, "email"));
  json_object_set_object_member (voucher, "contact", contact_ref);
}

/* The UUID of the contact @voucher belongs to, or NULL. */
static const char *
get_contact_uuid (JsonObject *voucher)
{
  JsonNode *contact = json_object_get_member (voucher, "contact");

  return contact != NULL && JSON_NODE_HOLDS_OBJECT (contact)
         ? json_object_get_string_member (json_node_get_object (contact), "uuid") : NULL;
}

static JsonObject *
add_voucher (LoyFakePiggy *self,
             JsonObject   *promotion,
             const char   *code,
             JsonObject   *contact)
{
  JsonObject *voucher = json_object_new ();
  JsonObject *promotion_ref = json_object_new ();
  g_autofree char *uuid = fake_piggy_new_uuid (self, "f0000000");

  json_object_set_string_member (promotion_ref, "uuid", json_object_get_string_member (promotion, "uuid"));
  json_object_set_string_member (promotion_ref, "name", json_object_get_string_member (promotion, "name"));
  json_object_set_int_member (promotion_ref, "redemptions_per_voucher", 1);

  json_object_set_string_member (voucher, "uuid", uuid);
  json_object_set_string_member (voucher, "code", code);
  json_object_set_string_member (voucher, "status", "ACTIVE");
  json_object_set_null_member (voucher, "name");
  json_object_set_null_member (voucher, "activation_date");
  json_object_set_null_member (voucher, "expiration_date");
  json_object_set_null_member (voucher, "redeemed_at");
  json_object_set_boolean_member (voucher, "is_redeemed", FALSE);
  if (contact != NULL)
    set_contact (voucher, contact);
  else
    json_object_set_null_member (voucher, "contact");
  json_object_set_object_member (voucher, "promotion", promotion_ref);
  json_array_add_object_element (self->vouchers, voucher);

  return voucher;
}

static JsonNode *
render_voucher (LoyFakePiggy *self,
                JsonObject   *voucher)
{
  return json_node_init_object (json_node_alloc (), json_object_ref (voucher));
}

static JsonObject *
require_promotion (LoyFakePiggy      *self,
                   SoupServerMessage *msg,
                   const char        *uuid)
{
  JsonObject *promotion = uuid != NULL ? fake_piggy_find_by_uuid (self->promotions, uuid) : NULL;

  if (promotion == NULL)
    fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 80002, "Promotion not found.", NULL, NULL);

  return promotion;
}

static void
serve_list (LoyFakePiggy      *self,
            SoupServerMessage *msg,
            GHashTable        *query)
{
  const char *promotion_uuid = query != NULL ? g_hash_table_lookup (query, "promotion_uuid") : NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (promotion_uuid != NULL && !require_promotion (self, msg, promotion_uuid))
    return;

  for (guint i = 0; i < json_array_get_length (self->vouchers); i++)
    {
      JsonObject *voucher = json_array_get_object_element (self->vouchers, i);
      JsonObject *promotion = json_object_get_object_member (voucher, "promotion");

      if (promotion_uuid == NULL || g_str_equal (json_object_get_string_member (promotion, "uuid"), promotion_uuid))
        g_ptr_array_add (rows, voucher);
    }

  fake_piggy_serve_page (self, msg, query, rows, render_voucher);
}

static gboolean
create (LoyFakePiggy      *self,
        SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  JsonObject *body, *promotion, *contact = NULL, *voucher;
  const char *code, *contact_uuid;

  if (!(body = fake_piggy_parse_body (msg, parser)) ||
      !(promotion = require_promotion (self, msg, fake_piggy_get_string (body, "promotion_uuid"))))
    return FALSE;

  contact_uuid = fake_piggy_get_string (body, "contact_uuid");
  if (contact_uuid != NULL && !(contact = fake_piggy_require_contact (self, msg, contact_uuid)))
    return FALSE;

  code = fake_piggy_get_string (body, "code");
  if (code == NULL || find_by_code (self, code) != NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "code", "The code has already been taken.");
      return FALSE;
    }

  voucher = add_voucher (self, promotion, code, contact);
  data = render_voucher (self, voucher);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

static gboolean
create_batch (LoyFakePiggy      *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *body, *promotion, *batch;
  JsonNode *quantity_node;
  gint64 quantity;

  if (!(body = fake_piggy_parse_body (msg, parser)) ||
      !(promotion = require_promotion (self, msg, fake_piggy_get_string (body, "promotion_uuid"))))
    return FALSE;

  quantity_node = json_object_get_member (body, "quantity");
  quantity = quantity_node != NULL && JSON_NODE_HOLDS_VALUE (quantity_node) ? json_node_get_int (quantity_node) : 0;
  if (quantity < 1 || quantity > MAX_BATCH_QUANTITY)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "quantity", "The quantity must be between 1 and 500.");
      return FALSE;
    }

  /* The real server makes them later; here they are there at once. */
  for (gint64 i = 0; i < quantity; i++)
    {
      g_autofree char *code = g_strdup_printf ("BATCH-%05u", json_array_get_length (self->vouchers) + 1);

      add_voucher (self, promotion, code, NULL);
    }

  uuid = fake_piggy_new_uuid (self, "b0000000");
  batch = json_object_new ();
  json_object_set_string_member (batch, "uuid", uuid);
  json_object_set_string_member (batch, "type", "vouchers");
  json_object_set_int_member (batch, "quantity", quantity);
  json_object_set_string_member (batch, "status", "PENDING");
  data = json_node_init_object (json_node_alloc (), batch);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

static void
serve_find (LoyFakePiggy      *self,
            SoupServerMessage *msg,
            GHashTable        *query)
{
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  JsonObject *voucher = code != NULL ? find_by_code (self, code) : NULL;
  g_autoptr(JsonNode) data = NULL;

  if (voucher == NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 80004, "Voucher not found.", NULL, NULL);
      return;
    }

  data = render_voucher (self, voucher);
  fake_piggy_serve_record (msg, data);
}

static gboolean
redeem (LoyFakePiggy      *self,
        SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *now = NULL;
  JsonObject *body, *voucher, *contact = NULL;
  const char *code, *contact_uuid, *shop_uuid, *owner_uuid;

  if (!(body = fake_piggy_parse_body (msg, parser)) ||
      !fake_piggy_require_shop (self, msg, (shop_uuid = fake_piggy_get_string (body, "shop_uuid"))))
    return FALSE;

  contact_uuid = fake_piggy_get_string (body, "contact_uuid");
  if (contact_uuid != NULL && !(contact = fake_piggy_require_contact (self, msg, contact_uuid)))
    return FALSE;

  code = fake_piggy_get_string (body, "code");
  if (code == NULL || !(voucher = find_by_code (self, code)))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 80004, "Voucher not found.", NULL, NULL);
      return FALSE;
    }

  if (!g_str_equal (json_object_get_string_member (voucher, "status"), "ACTIVE"))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 80005,
                                     "The voucher cannot be redeemed.", NULL, NULL);
      return FALSE;
    }

  owner_uuid = get_contact_uuid (voucher);
  if (owner_uuid != NULL && contact_uuid != NULL && !g_str_equal (owner_uuid, contact_uuid))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 80006,
                                     "The voucher belongs to another contact.", NULL, NULL);
      return FALSE;
    }

  now = fake_piggy_format_time (g_get_real_time () / G_USEC_PER_SEC);
  json_object_set_string_member (voucher, "status", "REDEEMED");
  json_object_set_boolean_member (voucher, "is_redeemed", TRUE);
  json_object_set_string_member (voucher, "redeemed_at", now);
  g_hash_table_insert (self->redemption_shops, g_strdup (code), g_strdup (shop_uuid));
  if (contact != NULL)
    set_contact (voucher, contact);

  data = render_voucher (self, voucher);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

gboolean
fake_piggy_vouchers_serve (LoyFakePiggy      *self,
                           SoupServerMessage *msg,
                           const char        *path,
                           GHashTable        *query,
                           gboolean          *applied)
{
  if (g_str_equal (path, "/vouchers") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_list (self, msg, query);
  else if (g_str_equal (path, "/vouchers") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = create (self, msg);
  else if (g_str_equal (path, "/vouchers/batch") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = create_batch (self, msg);
  else if (g_str_equal (path, "/vouchers/find") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_find (self, msg, query);
  else if (g_str_equal (path, "/vouchers/redeem") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = redeem (self, msg);
  else
    return FALSE;

  return TRUE;
}

void
loy_fake_piggy_add_vouchers (LoyFakePiggy *self,
                             const char   *promotion_uuid,
                             guint         n)
{
  JsonObject *promotion;

  g_mutex_lock (&self->mutex);
  promotion = fake_piggy_find_by_uuid (self->promotions, promotion_uuid);
  g_assert_nonnull (promotion);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("VOUCHER-%05u", json_array_get_length (self->vouchers) + 1);

      add_voucher (self, promotion, code, NULL);
    }
  g_mutex_unlock (&self->mutex);
}

void
loy_fake_piggy_set_voucher_contact (LoyFakePiggy *self,
                                    const char   *code,
                                    const char   *contact_uuid)
{
  JsonObject *voucher, *contact;

  g_mutex_lock (&self->mutex);
  voucher = find_by_code (self, code);
  contact = fake_piggy_find_by_uuid (self->contacts, contact_uuid);
  g_assert_nonnull (voucher);
  g_assert_nonnull (contact);
  set_contact (voucher, contact);
  g_mutex_unlock (&self->mutex);
}

gboolean
loy_fake_piggy_get_voucher_redemption (LoyFakePiggy  *self,
                                       const char    *code,
                                       char         **contact_uuid,
                                       char         **shop_uuid)
{
  JsonObject *voucher;
  gboolean redeemed;

  g_mutex_lock (&self->mutex);
  voucher = find_by_code (self, code);
  g_assert_nonnull (voucher);
  redeemed = json_object_get_boolean_member (voucher, "is_redeemed");
  *contact_uuid = g_strdup (get_contact_uuid (voucher));
  *shop_uuid = g_strdup (g_hash_table_lookup (self->redemption_shops, code));
  g_mutex_unlock (&self->mutex);

  return redeemed;
}

void
loy_fake_piggy_set_voucher_status (LoyFakePiggy *self,
                                   const char   *code,
                                   const char   *status)
{
  JsonObject *voucher;

  g_mutex_lock (&self->mutex);
  voucher = find_by_code (self, code);
  g_assert_nonnull (voucher);
  json_object_set_string_member (voucher, "status", status);
  g_mutex_unlock (&self->mutex);
}
