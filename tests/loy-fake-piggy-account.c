/* loy-fake-piggy-account.c — the fake server's account: contacts, their
 * attributes and history, receptions, tiers, shops, the loyalty program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-fake-piggy"

#include "config.h"

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

char *
fake_piggy_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S+00:00");
}

char *
fake_piggy_new_uuid (LoyFakePiggy *self,
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
  g_autofree char *created = fake_piggy_format_time (created_at);

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
  self->promotions = json_array_new ();
  self->vouchers = json_array_new ();
  self->redemption_shops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  g_clear_pointer (&self->promotions, json_array_unref);
  g_clear_pointer (&self->vouchers, json_array_unref);
  g_clear_pointer (&self->redemption_shops, g_hash_table_unref);
  g_clear_pointer (&self->contacts, json_array_unref);
}

gboolean
fake_piggy_account_has_shop (LoyFakePiggy *self,
                             const char   *uuid)
{
  return fake_piggy_find_by_uuid (self->shops, uuid) != NULL;
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
JsonNode *
fake_piggy_render_transaction (LoyFakePiggy *self,
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
void
fake_piggy_serve_page (LoyFakePiggy        *self,
                       SoupServerMessage   *msg,
                       GHashTable          *query,
                       GPtrArray           *rows,
                       FakePiggyRenderFunc  render)
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

  /* Only the page is rendered, so that a long list costs what a page does. */
  for (guint64 i = (page - 1) * FAKE_PIGGY_PAGE_SIZE; i < rows->len && i < page * FAKE_PIGGY_PAGE_SIZE; i++)
    json_array_add_element (page_rows, render (self, g_ptr_array_index (rows, i)));

  data = json_node_init_array (json_node_alloc (), g_steal_pointer (&page_rows));
  meta = build_meta (self->meta_shape, page, rows->len);
  fake_piggy_set_data_response (msg, data, meta);
}

void
fake_piggy_serve_record (SoupServerMessage *msg,
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

JsonObject *
fake_piggy_parse_body (SoupServerMessage *msg,
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

const char *
fake_piggy_get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
fake_piggy_require_contact (LoyFakePiggy      *self,
                 SoupServerMessage *msg,
                 const char        *uuid)
{
  JsonObject *contact = uuid != NULL ? fake_piggy_find_by_uuid (self->contacts, uuid) : NULL;

  if (contact == NULL)
    fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 55031, "Contact not found.", NULL, NULL);

  return contact;
}

JsonObject *
fake_piggy_require_shop (LoyFakePiggy      *self,
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
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *sort = query != NULL ? g_hash_table_lookup (query, "sort") : NULL;
  guint n = json_array_get_length (self->contacts);

  for (guint i = 0; i < n; i++)
    {
      guint index = g_strcmp0 (sort, "-created_at") == 0 ? n - 1 - i : i;

      g_ptr_array_add (rows, json_array_get_object_element (self->contacts, index));
    }

  fake_piggy_serve_page (self, msg, query, rows, render_contact);
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

  if (!(body = fake_piggy_parse_body (msg, parser)))
    return FALSE;

  email = fake_piggy_get_string (body, "email");
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

  uuid = fake_piggy_new_uuid (self, "c0000000");
  json_array_add_object_element (self->contacts,
                                 contact_new (uuid, email, NULL, NULL, g_get_real_time () / G_USEC_PER_SEC));

  /* The API answers with the UUID only. */
  answer = json_object_new ();
  json_object_set_string_member (answer, "uuid", uuid);
  data = json_node_init_object (json_node_alloc (), answer);
  fake_piggy_serve_record (msg, data);
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

  if (!(body = fake_piggy_parse_body (msg, parser)))
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
  fake_piggy_serve_record (msg, data);
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

  if (!(contact = fake_piggy_require_contact (self, msg, parts[0])))
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
  else if (g_str_equal (parts[1], "prepaid-balance"))
    {
      JsonObject *balance = json_object_new ();
      gint64 cents = json_object_get_int_member_with_default (contact, "prepaid_cents", 0);

      json_object_set_int_member (balance, "balance_in_cents", cents);
      json_object_set_double_member (balance, "balance", cents / 100.0);
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

  fake_piggy_serve_record (msg, data);
  return FALSE;
}

/* Promotions: the list is paged, one comes with "meta": []. */

static JsonNode *
render_record (LoyFakePiggy *self,
               JsonObject   *record)
{
  return json_node_init_object (json_node_alloc (), json_object_ref (record));
}

static void
serve_promotion (LoyFakePiggy      *self,
                 SoupServerMessage *msg,
                 const char        *uuid)
{
  JsonObject *promotion = fake_piggy_find_by_uuid (self->promotions, uuid);
  g_autoptr(JsonNode) data = NULL;

  if (promotion == NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 80002, "Promotion not found.", NULL, NULL);
      return;
    }

  data = render_record (self, promotion);
  fake_piggy_serve_record (msg, data);
}

static gboolean
create_promotion (LoyFakePiggy      *self,
                  SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *body, *promotion;
  const char *name, *description;
  static const char * const counts[] = { "voucher_limit", "limit_per_contact", "expiration_duration" };

  if (!(body = fake_piggy_parse_body (msg, parser)))
    return FALSE;

  name = fake_piggy_get_string (body, "name");
  description = fake_piggy_get_string (body, "description");
  if (name == NULL || name[0] == '\0' || description == NULL)
    {
      fake_piggy_set_error_response (msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, 1003, "Invalid input.",
                                     name == NULL || name[0] == '\0' ? "name" : "description",
                                     "The field is required.");
      return FALSE;
    }

  uuid = g_strdup_printf ("a7000000-0000-4000-8000-%012u", json_array_get_length (self->promotions) + 1);
  promotion = json_object_new ();
  json_object_set_string_member (promotion, "uuid", uuid);
  json_object_set_string_member (promotion, "name", name);
  json_object_set_string_member (promotion, "description", description);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      JsonNode *value = json_object_get_member (body, counts[i]);

      if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
        json_object_set_int_member (promotion, counts[i], json_node_get_int (value));
      else
        json_object_set_null_member (promotion, counts[i]);
    }
  json_object_set_array_member (promotion, "attributes", json_array_new ());
  json_array_add_object_element (self->promotions, promotion);

  data = render_record (self, promotion);
  fake_piggy_serve_record (msg, data);
  return TRUE;
}

/* Routing */

gboolean
fake_piggy_is (SoupServerMessage *msg,
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

  if (g_str_equal (path, "/contacts") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_contact_list (self, msg, query);
  else if (g_str_equal (path, "/contacts") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = create_contact (self, msg);
  else if (g_str_equal (path, "/contacts/find-one-by") && fake_piggy_is (msg, SOUP_METHOD_GET))
    {
      const char *email = query != NULL ? g_hash_table_lookup (query, "email") : NULL;
      JsonObject *contact = email != NULL ? find_contact_by_email (self, email) : NULL;

      if (contact == NULL)
        fake_piggy_set_error_response (msg, SOUP_STATUS_NOT_FOUND, 55031, "Contact not found.", NULL, NULL);
      else
        {
          data = render_contact (self, contact);
          fake_piggy_serve_record (msg, data);
        }
    }
  else if (g_str_has_prefix (path, "/contacts/"))
    *applied = serve_contact (self, msg, path + strlen ("/contacts/"));
  else if (g_str_equal (path, "/contact-attributes") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_array (msg, json_array_ref (self->attributes));
  else if (fake_piggy_receptions_serve (self, msg, path, query, applied))
    return TRUE;
  else if (fake_piggy_vouchers_serve (self, msg, path, query, applied))
    return TRUE;
  else if (g_str_equal (path, "/promotions") && fake_piggy_is (msg, SOUP_METHOD_GET))
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      for (guint i = 0; i < json_array_get_length (self->promotions); i++)
        g_ptr_array_add (rows, json_array_get_object_element (self->promotions, i));
      fake_piggy_serve_page (self, msg, query, rows, render_record);
    }
  else if (g_str_equal (path, "/promotions") && fake_piggy_is (msg, SOUP_METHOD_POST))
    *applied = create_promotion (self, msg);
  else if (g_str_has_prefix (path, "/promotions/") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_promotion (self, msg, path + strlen ("/promotions/"));
  else if (g_str_equal (path, "/tiers") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_array (msg, json_array_ref (self->tiers));
  else if (g_str_equal (path, "/shops") && fake_piggy_is (msg, SOUP_METHOD_GET))
    serve_array (msg, json_array_ref (self->shops));
  else if (g_str_has_prefix (path, "/shops/") && fake_piggy_is (msg, SOUP_METHOD_GET))
    {
      JsonObject *shop = fake_piggy_require_shop (self, msg, path + strlen ("/shops/"));

      if (shop != NULL)
        {
          data = json_node_init_object (json_node_alloc (), json_object_ref (shop));
          fake_piggy_serve_record (msg, data);
        }
    }
  else if (g_str_equal (path, "/loyalty-program") && fake_piggy_is (msg, SOUP_METHOD_GET))
    {
      data = parse (loyalty_program);
      fake_piggy_serve_record (msg, data);
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
loy_fake_piggy_add_promotions (LoyFakePiggy *self,
                               guint         n)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  guint first = json_array_get_length (self->promotions);

  for (guint i = first + 1; i <= first + n; i++)
    {
      JsonObject *promotion = json_object_new ();
      g_autofree char *uuid = g_strdup_printf ("a7000000-0000-4000-8000-%012u", i);
      g_autofree char *name = g_strdup_printf ("Promotion %u", i);
      gboolean unlimited = i % 2 == 1;

      json_object_set_string_member (promotion, "uuid", uuid);
      json_object_set_string_member (promotion, "name", name);
      json_object_set_string_member (promotion, "description", "10% off a Krabby Patty");
      if (unlimited)
        {
          json_object_set_null_member (promotion, "voucher_limit");
          json_object_set_null_member (promotion, "limit_per_contact");
          json_object_set_null_member (promotion, "expiration_duration");
        }
      else
        {
          json_object_set_int_member (promotion, "voucher_limit", 100);
          json_object_set_int_member (promotion, "limit_per_contact", 1);
          json_object_set_int_member (promotion, "expiration_duration", 30);
        }
      json_object_set_array_member (promotion, "attributes", json_array_new ());
      json_array_add_object_element (self->promotions, promotion);
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

void
loy_fake_piggy_set_prepaid_balance (LoyFakePiggy *self,
                                    const char   *contact_uuid,
                                    gint64        cents)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  JsonObject *contact = fake_piggy_find_by_uuid (self->contacts, contact_uuid);

  g_assert_nonnull (contact);
  json_object_set_int_member (contact, "prepaid_cents", cents);
}
