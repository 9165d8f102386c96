/* loy-fake-piggy-account.c — the fake server's account: contacts, their
 * attributes and history, receptions, tiers, shops, the loyalty program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-fake-piggy"

#include "config.h"

#include <math.h>

#include "loy-fake-piggy-private.h"

/* The attributes of every contact, as GET /contact-attributes lists them. */
static const char seed_attributes[] =
  "["
  "{\"name\": \"email\", \"label\": \"Email\", \"type\": \"email\", \"field_type\": \"email\","
  " \"description\": null, \"options\": null, \"is_piggy_defined\": true,"
  " \"is_soft_read_only\": false, \"is_hard_read_only\": true},"
  "{\"name\": \"firstname\", \"label\": \"First name\", \"type\": \"text\", \"field_type\": \"text\","
  " \"description\": null, \"options\": null, \"is_piggy_defined\": true,"
  " \"is_soft_read_only\": false, \"is_hard_read_only\": false},"
  "{\"name\": \"lastname\", \"label\": \"Last name\", \"type\": \"text\", \"field_type\": \"text\","
  " \"description\": null, \"options\": null, \"is_piggy_defined\": true,"
  " \"is_soft_read_only\": false, \"is_hard_read_only\": false},"
  "{\"name\": \"birthdate\", \"label\": \"Birthday\", \"type\": \"birth_date\", \"field_type\": \"date\","
  " \"description\": null, \"options\": null, \"is_piggy_defined\": true,"
  " \"is_soft_read_only\": false, \"is_hard_read_only\": false},"
  "{\"name\": \"newsletter\", \"label\": \"Newsletter\", \"type\": \"boolean\", \"field_type\": \"checkbox\","
  " \"description\": \"Wants the monthly letter\", \"options\": null, \"is_piggy_defined\": false,"
  " \"is_soft_read_only\": false, \"is_hard_read_only\": false},"
  "{\"name\": \"visits\", \"label\": \"Visits\", \"type\": \"number\", \"field_type\": \"number\","
  " \"description\": null, \"options\": null, \"is_piggy_defined\": false,"
  " \"is_soft_read_only\": false, \"is_hard_read_only\": false},"
  "{\"name\": \"favourite_dish\", \"label\": \"Favourite dish\", \"type\": \"select\","
  " \"field_type\": \"select\", \"description\": null,"
  " \"options\": [{\"value\": \"patty\", \"label\": \"Krabby Patty\"},"
  "               {\"value\": \"kelp\", \"label\": \"Kelp Shake\"}],"
  " \"is_piggy_defined\": false, \"is_soft_read_only\": false, \"is_hard_read_only\": false}"
  "]";

static const char seed_tiers[] =
  "["
  "{\"uuid\": \"7a1b2c3d-0001-4e5f-8a9b-0c1d2e3f4a01\", \"name\": \"Bronze\","
  " \"description\": \"Where everyone starts\", \"position\": 1, \"media\": null},"
  "{\"uuid\": \"7a1b2c3d-0002-4e5f-8a9b-0c1d2e3f4a02\", \"name\": \"Silver\","
  " \"description\": \"From 100 credits\", \"position\": 2, \"media\": null},"
  "{\"uuid\": \"7a1b2c3d-0003-4e5f-8a9b-0c1d2e3f4a03\", \"name\": \"Gold\","
  " \"description\": \"From 500 credits\", \"position\": 3,"
  " \"media\": {\"type\": \"image\", \"value\": \"https://example.com/gold.png\"}}"
  "]";

/* The credits from which each tier of seed_tiers applies. */
static const gint64 tier_thresholds[] = { 0, 100, 500 };

static const char loyalty_program[] =
  "{\"id\": 1, \"name\": \"Bikini Bottom Rewards\", \"max_amount\": 10000,"
  " \"custom_credit_name\": \"Sand dollars\","
  " \"unit\": {\"name\": \"purchase_amount\", \"label\": \"Purchase amount\", \"prefix\": \"€\"}}";

static JsonNode *
parse (const char *json)
{
  JsonNode *node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return node;
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S+00:00");
}

static char *
new_uuid (LoyFakePiggy *self,
          const char   *prefix)
{
  return g_strdup_printf ("%s-0000-4000-8000-%012u", prefix, ++self->n_uuids);
}

static JsonObject *
shop_new (const char *uuid,
          const char *name)
{
  JsonObject *shop = json_object_new ();

  json_object_set_string_member (shop, "uuid", uuid);
  json_object_set_string_member (shop, "name", name);
  json_object_set_string_member (shop, "type", "physical");
  json_object_set_null_member (shop, "reference");
  return shop;
}

/* A contact as the fake keeps it: "values" holds its attribute values. */
static JsonObject *
contact_new (const char *uuid,
             const char *email,
             const char *first_name,
             const char *last_name,
             gint64      created_at)
{
  JsonObject *contact = json_object_new ();
  JsonObject *values = json_object_new ();
  g_autofree char *created = format_time (created_at);

  json_object_set_string_member (contact, "uuid", uuid);
  json_object_set_string_member (contact, "email", email);
  json_object_set_string_member (contact, "created_at", created);
  json_object_set_int_member (contact, "balance", 0);
  json_object_set_string_member (values, "email", email);
  if (first_name != NULL)
    json_object_set_string_member (values, "firstname", first_name);
  if (last_name != NULL)
    json_object_set_string_member (values, "lastname", last_name);
  json_object_set_object_member (contact, "values", values);
  return contact;
}

void
fake_piggy_account_init (LoyFakePiggy *self)
{
  g_autoptr(JsonNode) attributes = parse (seed_attributes);
  g_autoptr(JsonNode) tiers = parse (seed_tiers);

  self->attributes = json_array_ref (json_node_get_array (attributes));
  self->tiers = json_array_ref (json_node_get_array (tiers));
  self->shops = json_array_new ();
  json_array_add_object_element (self->shops, shop_new (LOY_FAKE_PIGGY_SHOP_UUID, "Krusty Krab"));
  self->transactions = json_array_new ();
  self->contacts = json_array_new ();
  json_array_add_object_element (self->contacts,
                                 contact_new (LOY_FAKE_PIGGY_CONTACT_UUID, LOY_FAKE_PIGGY_CONTACT_EMAIL,
                                              "Sandy", "Cheeks", 1699261952));
}

void
fake_piggy_account_clear (LoyFakePiggy *self)
{
  g_clear_pointer (&self->attributes, json_array_unref);
  g_clear_pointer (&self->tiers, json_array_unref);
  g_clear_pointer (&self->shops, json_array_unref);
  g_clear_pointer (&self->transactions, json_array_unref);
  g_clear_pointer (&self->contacts, json_array_unref);
}

gboolean
fake_piggy_account_has_contact (LoyFakePiggy *self,
                                const char   *uuid)
{
  return fake_piggy_find_by_uuid (self->contacts, uuid) != NULL;
}

/* Rendering records as the API sends them */

static JsonObject *
find_attribute (LoyFakePiggy *self,
                const char   *name)
{
  for (guint i = 0; i < json_array_get_length (self->attributes); i++)
    {
      JsonObject *attribute = json_array_get_object_element (self->attributes, i);

      if (g_str_equal (json_object_get_string_member (attribute, "name"), name))
        return attribute;
    }

  return NULL;
}

static JsonNode *
render_contact (LoyFakePiggy *self,
                JsonObject   *contact)
{
  JsonObject *object = json_object_new ();
  JsonObject *balance = json_object_new ();
  JsonObject *prepaid = json_object_new ();
  JsonArray *attributes = json_array_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_set_string_member (object, "uuid", json_object_get_string_member (contact, "uuid"));
  json_object_set_string_member (object, "email", json_object_get_string_member (contact, "email"));
  json_object_set_string_member (object, "created_at",
                                 json_object_get_string_member (contact, "created_at"));
  json_object_set_int_member (balance, "balance", json_object_get_int_member (contact, "balance"));
  json_object_set_object_member (object, "credit_balance", balance);
  json_object_set_int_member (prepaid, "balance_in_cents", 0);
  json_object_set_string_member (prepaid, "balance", "0.00");
  json_object_set_object_member (object, "prepaid_balance", prepaid);

  json_object_iter_init_ordered (&iter, json_object_get_object_member (contact, "values"));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      JsonObject *item = json_object_new ();
      JsonObject *definition = find_attribute (self, name);

      json_object_set_member (item, "value", json_node_copy (value));
      json_object_set_object_member (item, "attribute", json_object_ref (definition));
      json_array_add_object_element (attributes, item);
    }
  json_object_set_array_member (object, "attributes", attributes);

  return json_node_init_object (json_node_alloc (), object);
}

static JsonObject *
contact_reference (JsonObject *contact)
{
  JsonObject *reference = json_object_new ();
  JsonObject *balance = json_object_new ();

  json_object_set_string_member (reference, "uuid", json_object_get_string_member (contact, "uuid"));
  json_object_set_string_member (reference, "email", json_object_get_string_member (contact, "email"));
  json_object_set_int_member (balance, "balance", json_object_get_int_member (contact, "balance"));
  json_object_set_object_member (reference, "credit_balance", balance);
  return reference;
}

/* A reception as the API sends it: without the fake's own members (those
 * starting with "_"), with its contact as it is now. */
static JsonNode *
render_transaction (LoyFakePiggy *self,
                    JsonObject   *transaction)
{
  JsonObject *object = json_object_new ();
  JsonObject *contact = fake_piggy_find_by_uuid (self->contacts,
                                                 json_object_get_string_member (transaction, "_contact_uuid"));
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, transaction);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (name[0] != '_')
      json_object_set_member (object, name, json_node_copy (value));

  json_object_set_object_member (object, "contact", contact_reference (contact));
  return json_node_init_object (json_node_alloc (), object);
}

/* Paged lists */

static JsonNode *
build_meta (LoyFakePiggyMeta shape,
            guint            page,
            guint            total)
{
  guint last_page = MAX (1, (total + FAKE_PIGGY_PAGE_SIZE - 1) / FAKE_PIGGY_PAGE_SIZE);
  guint from = (page - 1) * FAKE_PIGGY_PAGE_SIZE + 1;
  guint to = MIN (total, page * FAKE_PIGGY_PAGE_SIZE);
  g_autoptr(JsonObject) meta = json_object_new ();

  switch (shape)
    {
    case LOY_FAKE_PIGGY_META_A:
      json_object_set_int_member (meta, "page", page);
      json_object_set_string_member (meta, "limit", G_STRINGIFY (FAKE_PIGGY_PAGE_SIZE));
      json_object_set_int_member (meta, "viewing_from", from);
      json_object_set_int_member (meta, "viewing_to", to);
      json_object_set_int_member (meta, "last_page", last_page);
      json_object_set_int_member (meta, "total", total);
      break;

    case LOY_FAKE_PIGGY_META_B:
      json_object_set_int_member (meta, "current_page", page);
      json_object_set_int_member (meta, "from", from);
      json_object_set_int_member (meta, "last_page", last_page);
      json_object_set_array_member (meta, "links", json_array_new ());
      json_object_set_string_member (meta, "path", "https://api.piggy.eu/api/v3/oauth/clients");
      json_object_set_string_member (meta, "per_page", G_STRINGIFY (FAKE_PIGGY_PAGE_SIZE));
      json_object_set_int_member (meta, "to", to);
      json_object_set_int_member (meta, "total", total);
      break;

    case LOY_FAKE_PIGGY_META_C:
      json_object_set_int_member (meta, "page", page);
      json_object_set_int_member (meta, "per_page", FAKE_PIGGY_PAGE_SIZE);
      json_object_set_int_member (meta, "last_page", last_page);
      json_object_set_int_member (meta, "total", total);
      break;

    case LOY_FAKE_PIGGY_META_EMPTY_ARRAY:
      return json_node_init_array (json_node_alloc (), json_array_new ());

    case LOY_FAKE_PIGGY_META_EMPTY_OBJECT:
      break;

    default:
      g_assert_not_reached ();
    }

  return json_node_init_object (json_node_alloc (), meta);
}

/* Answers page "page" of @rows (already rendered) in pages of
 * FAKE_PIGGY_PAGE_SIZE, whatever "limit" says, as long as it is valid. */
static void
serve_page (LoyFakePiggy      *self,
            SoupServerMessage *msg,
            GHashTable        *query,
            GPtrArray         *rows)
{
  g_autoptr(JsonArray) page_rows = json_array_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) meta = NULL;
  guint64 page, limit;

  if (!fake_piggy_parse_query_number (query, "page", 1, &page) ||
      !fake_piggy_parse_query_number (query, "limit", 30, &limit) || limit > 100)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "limit", "The page must be at least 1 and the limit from 1 to 100.");
      return;
    }

  for (guint64 i = (page - 1) * FAKE_PIGGY_PAGE_SIZE; i < rows->len && i < page * FAKE_PIGGY_PAGE_SIZE; i++)
    json_array_add_element (page_rows, json_node_copy (g_ptr_array_index (rows, i)));

  data = json_node_init_array (json_node_alloc (), g_steal_pointer (&page_rows));
  meta = build_meta (self->meta_shape, page, rows->len);
  fake_piggy_set_data_response (msg, data, meta);
}

static void
serve_record (SoupServerMessage *msg,
              JsonNode          *data)
{
  fake_piggy_set_data_response (msg, data, NULL);
}

static void
serve_array (SoupServerMessage *msg,
             JsonArray         *array)
{
  g_autoptr(JsonNode) data = json_node_init_array (json_node_alloc (), array);

  fake_piggy_set_data_response (msg, data, NULL);
}

/* Request bodies */

static JsonObject *
parse_body (SoupServerMessage *msg,
            JsonParser        *parser)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length == 0 ||
      !json_parser_load_from_data (parser, body->data, body->length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     NULL, NULL);
      return NULL;
    }

  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
require_contact (LoyFakePiggy      *self,
                 SoupServerMessage *msg,
                 const char        *uuid)
{
  JsonObject *contact = uuid != NULL ? fake_piggy_find_by_uuid (self->contacts, uuid) : NULL;

  if (contact == NULL)
    fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 55031, "Contact not found.", NULL, NULL);

  return contact;
}

static JsonObject *
require_shop (LoyFakePiggy      *self,
              SoupServerMessage *msg,
              const char        *uuid)
{
  JsonObject *shop = uuid != NULL ? fake_piggy_find_by_uuid (self->shops, uuid) : NULL;

  if (shop == NULL)
    fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 1008, "Shop not found.", NULL, NULL);

  return shop;
}

/* Contacts */

static JsonObject *
find_contact_by_email (LoyFakePiggy *self,
                       const char   *email)
{
  for (guint i = 0; i < json_array_get_length (self->contacts); i++)
    {
      JsonObject *contact = json_array_get_object_element (self->contacts, i);

      if (g_ascii_strcasecmp (json_object_get_string_member (contact, "email"), email) == 0)
        return contact;
    }

  return NULL;
}

static void
serve_contact_list (LoyFakePiggy      *self,
                    SoupServerMessage *msg,
                    GHashTable        *query)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char *sort = query != NULL ? g_hash_table_lookup (query, "sort") : NULL;
  guint n = json_array_get_length (self->contacts);

  for (guint i = 0; i < n; i++)
    {
      guint index = g_strcmp0 (sort, "-created_at") == 0 ? n - 1 - i : i;

      g_ptr_array_add (rows, render_contact (self, json_array_get_object_element (self->contacts, index)));
    }

  serve_page (self, msg, query, rows);
}

static gboolean
email_is_valid (const char *email)
{
  const char *at = email != NULL ? strchr (email, '@') : NULL;

  return at != NULL && at != email && strchr (at + 1, '.') != NULL && strchr (email, ' ') == NULL;
}

static gboolean
create_contact (LoyFakePiggy      *self,
                SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *body, *answer;
  const char *email;

  if (!(body = parse_body (msg, parser)))
    return FALSE;

  email = get_string (body, "email");
  if (!email_is_valid (email))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "email", "The email must be a valid email address.");
      return FALSE;
    }

  if (find_contact_by_email (self, email) != NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_BAD_REQUEST, 60005, "Contact already exists.",
                                     NULL, NULL);
      return FALSE;
    }

  uuid = new_uuid (self, "c0000000");
  json_array_add_object_element (self->contacts,
                                 contact_new (uuid, email, NULL, NULL, g_get_real_time () / G_USEC_PER_SEC));

  /* The API answers with the UUID only. */
  answer = json_object_new ();
  json_object_set_string_member (answer, "uuid", uuid);
  data = json_node_init_object (json_node_alloc (), answer);
  serve_record (msg, data);
  return TRUE;
}

static gboolean
update_contact (LoyFakePiggy      *self,
                SoupServerMessage *msg,
                JsonObject        *contact)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  JsonObject *body, *changes, *values;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (!(body = parse_body (msg, parser)))
    return FALSE;

  changes = json_object_get_member (body, "attributes") != NULL &&
            JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "attributes"))
          ? json_object_get_object_member (body, "attributes") : NULL;
  if (changes == NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "attributes", "The attributes must be an object.");
      return FALSE;
    }

  /* Checked as a whole before anything changes. */
  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &name, &value))
    {
      JsonObject *definition = find_attribute (self, name);

      if (definition == NULL || json_object_get_boolean_member (definition, "is_hard_read_only"))
        {
          g_autofree char *detail = g_strdup_printf ("The attribute %s cannot be changed.", name);

          fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                         name, detail);
          return FALSE;
        }
    }

  values = json_object_get_object_member (contact, "values");
  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &name, &value))
    json_object_set_member (values, name, json_node_copy (value));

  data = render_contact (self, contact);
  serve_record (msg, data);
  return TRUE;
}

static const char *
tier_for_balance (LoyFakePiggy *self,
                  gint64        balance)
{
  guint index = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tier_thresholds); i++)
    if (balance >= tier_thresholds[i])
      index = i;

  return json_object_get_string_member (json_array_get_object_element (self->tiers, index), "uuid");
}

static gboolean
serve_contact (LoyFakePiggy      *self,
               SoupServerMessage *msg,
               const char        *rest)
{
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = g_strsplit (rest, "/", 2);
  JsonObject *contact;
  g_autoptr(JsonNode) data = NULL;

  if (!(contact = require_contact (self, msg, parts[0])))
    return FALSE;

  if (parts[1] == NULL && g_str_equal (method, SOUP_METHOD_PUT))
    return update_contact (self, msg, contact);

  if (!g_str_equal (method, SOUP_METHOD_GET))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, 405, "Method not allowed.",
                                     NULL, NULL);
      return FALSE;
    }

  if (parts[1] == NULL)
    {
      data = render_contact (self, contact);
    }
  else if (g_str_equal (parts[1], "credit-balance"))
    {
      JsonObject *balance = json_object_new ();

      json_object_set_int_member (balance, "balance", json_object_get_int_member (contact, "balance"));
      data = json_node_init_object (json_node_alloc (), balance);
    }
  else if (g_str_equal (parts[1], "tier"))
    {
      const char *uuid = tier_for_balance (self, json_object_get_int_member (contact, "balance"));

      data = json_node_init_object (json_node_alloc (),
                                    json_object_ref (fake_piggy_find_by_uuid (self->tiers, uuid)));
    }
  else
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 404, "Not found.", NULL, NULL);
      return FALSE;
    }

  serve_record (msg, data);
  return FALSE;
}

/* Loyalty transactions */

static void
serve_transactions (LoyFakePiggy      *self,
                    SoupServerMessage *msg,
                    GHashTable        *query)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  const char *contact_uuid = query != NULL ? g_hash_table_lookup (query, "contact_uuid") : NULL;
  const char *type = query != NULL ? g_hash_table_lookup (query, "type") : NULL;

  if (contact_uuid != NULL && !require_contact (self, msg, contact_uuid))
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
      gboolean is_credit = g_str_equal (json_object_get_string_member (transaction, "type"),
                                        "credit_reception");

      if (contact_uuid != NULL &&
          !g_str_equal (json_object_get_string_member (transaction, "_contact_uuid"), contact_uuid))
        continue;
      if (type != NULL && is_credit != g_str_equal (type, "credit_receptions"))
        continue;

      g_ptr_array_add (rows, render_transaction (self, transaction));
    }

  serve_page (self, msg, query, rows);
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
  g_autofree char *uuid = new_uuid (self, "e0000000");
  g_autofree char *created_at = format_time (g_get_real_time () / G_USEC_PER_SEC);

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
credits_for_unit_value (JsonNode *node,
                        gint64   *credits)
{
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;

  value = json_node_get_double (node);
  if (!(value >= 0 && value <= 1e9))
    return FALSE;

  *credits = (gint64) floor (value);
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

  if (!(body = parse_body (msg, parser)) ||
      !(contact = require_contact (self, msg, get_string (body, "contact_uuid"))) ||
      !(shop = require_shop (self, msg, get_string (body, "shop_uuid"))))
    return FALSE;

  credits_node = json_object_get_member (body, "credits");
  unit_value = json_object_get_member (body, "unit_value");

  if (credits_node != NULL && JSON_NODE_HOLDS_VALUE (credits_node) &&
      json_node_get_value_type (credits_node) == G_TYPE_INT64 && unit_value == NULL)
    {
      credits = json_node_get_int (credits_node);
      unit_value = NULL;
    }
  else if (credits_node == NULL && credits_for_unit_value (unit_value, &credits))
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
  if (get_string (body, "reason") != NULL)
    json_object_set_string_member (reception, "reason", get_string (body, "reason"));

  data = render_transaction (self, reception);
  serve_record (msg, data);
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

  if (!require_shop (self, msg, query != NULL ? g_hash_table_lookup (query, "shop_uuid") : NULL) ||
      (contact_uuid != NULL && !require_contact (self, msg, contact_uuid)))
    return;

  if (text != NULL)
    unit_value = json_from_string (text, NULL);
  if (!credits_for_unit_value (unit_value, &credits))
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     "unit_value", "The unit value must be a number of at least 0.");
      return;
    }

  answer = json_object_new ();
  json_object_set_int_member (answer, "credits", credits);
  data = json_node_init_object (json_node_alloc (), answer);
  serve_record (msg, data);
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

  if (!(body = parse_body (msg, parser)) ||
      !(contact = require_contact (self, msg, get_string (body, "contact_uuid"))) ||
      !(shop = require_shop (self, msg, get_string (body, "shop_uuid"))))
    return FALSE;

  reward_uuid = get_string (body, "reward_uuid");
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

  data = render_transaction (self, reception);
  serve_record (msg, data);
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

  data = render_transaction (self, reversal);
  serve_record (msg, data);
  return TRUE;
}

/* Routing */

static gboolean
is (SoupServerMessage *msg,
    const char        *method)
{
  return g_str_equal (soup_server_message_get_method (msg), method);
}

gboolean
fake_piggy_account_serve (LoyFakePiggy      *self,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query,
                          gboolean          *applied)
{
  g_autoptr(JsonNode) data = NULL;
  const char *rest;

  if (g_str_equal (path, "/contacts") && is (msg, SOUP_METHOD_GET))
    serve_contact_list (self, msg, query);
  else if (g_str_equal (path, "/contacts") && is (msg, SOUP_METHOD_POST))
    *applied = create_contact (self, msg);
  else if (g_str_equal (path, "/contacts/find-one-by") && is (msg, SOUP_METHOD_GET))
    {
      const char *email = query != NULL ? g_hash_table_lookup (query, "email") : NULL;
      JsonObject *contact = email != NULL ? find_contact_by_email (self, email) : NULL;

      if (contact == NULL)
        fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 55031, "Contact not found.", NULL, NULL);
      else
        {
          data = render_contact (self, contact);
          serve_record (msg, data);
        }
    }
  else if (g_str_has_prefix (path, "/contacts/"))
    *applied = serve_contact (self, msg, path + strlen ("/contacts/"));
  else if (g_str_equal (path, "/contact-attributes") && is (msg, SOUP_METHOD_GET))
    serve_array (msg, json_array_ref (self->attributes));
  else if (g_str_equal (path, "/loyalty-transactions") && is (msg, SOUP_METHOD_GET))
    serve_transactions (self, msg, query);
  else if (g_str_equal (path, "/credit-receptions") && is (msg, SOUP_METHOD_POST))
    *applied = create_credit_reception (self, msg);
  else if (g_str_equal (path, "/credit-receptions/calculate") && is (msg, SOUP_METHOD_GET))
    serve_calculation (self, msg, query);
  else if (g_str_equal (path, "/reward-receptions") && is (msg, SOUP_METHOD_POST))
    *applied = create_reward_reception (self, msg);
  else if ((rest = g_strrstr (path, "/reverse")) != NULL && rest[strlen ("/reverse")] == '\0' &&
           is (msg, SOUP_METHOD_POST) &&
           (g_str_has_prefix (path, "/credit-receptions/") || g_str_has_prefix (path, "/reward-receptions/")))
    {
      gboolean of_reward = g_str_has_prefix (path, "/reward-receptions/");
      const char *start = strchr (path + 1, '/') + 1;
      g_autofree char *uuid = g_strndup (start, rest - start);

      *applied = reverse_reception (self, msg, uuid, of_reward);
    }
  else if (g_str_equal (path, "/tiers") && is (msg, SOUP_METHOD_GET))
    serve_array (msg, json_array_ref (self->tiers));
  else if (g_str_equal (path, "/shops") && is (msg, SOUP_METHOD_GET))
    serve_array (msg, json_array_ref (self->shops));
  else if (g_str_has_prefix (path, "/shops/") && is (msg, SOUP_METHOD_GET))
    {
      JsonObject *shop = require_shop (self, msg, path + strlen ("/shops/"));

      if (shop != NULL)
        {
          data = json_node_init_object (json_node_alloc (), json_object_ref (shop));
          serve_record (msg, data);
        }
    }
  else if (g_str_equal (path, "/loyalty-program") && is (msg, SOUP_METHOD_GET))
    {
      data = parse (loyalty_program);
      serve_record (msg, data);
    }
  else
    return FALSE;

  return TRUE;
}

/* Setting the account up */

void
loy_fake_piggy_add_contacts (LoyFakePiggy *self,
                             guint         n)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  guint first = json_array_get_length (self->contacts);

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("c1000000-0000-4000-8000-%012u", i);
      g_autofree char *email = g_strdup_printf ("contact-%05u@example.com", i);
      g_autofree char *first_name = g_strdup ("Contact");
      g_autofree char *last_name = g_strdup_printf ("%05u", i);

      json_array_add_object_element (self->contacts,
                                     contact_new (uuid, email, first_name, last_name, 1704067200 + i));
    }
}

void
loy_fake_piggy_add_shop (LoyFakePiggy *self,
                         const char   *uuid,
                         const char   *name)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  json_array_add_object_element (self->shops, shop_new (uuid, name));
}

gint64
loy_fake_piggy_get_balance (LoyFakePiggy *self,
                            const char   *contact_uuid)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  JsonObject *contact = fake_piggy_find_by_uuid (self->contacts, contact_uuid);

  return contact != NULL ? json_object_get_int_member (contact, "balance") : -1;
}
