/* loy-campaign-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "loy-campaign-json.h"
#include "loy-campaign-rules.h"
#include "loy-error.h"
#include "loy-json-private.h"

static const char * const text_names[] = {
  [LOY_CAMPAIGN_TEXT_NAME] = "name",
  [LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION] = "short_description",
  [LOY_CAMPAIGN_TEXT_CONDITIONS] = "conditions_description",
  [LOY_CAMPAIGN_TEXT_USAGE_INSTRUCTIONS] = "usage_instruction",
  [LOY_CAMPAIGN_TEXT_BRAND_NAME] = "brand_name",
  [LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION] = "brand_description",
};

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LOY_N_CAMPAIGN_TEXTS);

/* NULL: not chosen, written as null. */
static const char * const connect_type_names[] = {
  [LOY_CONNECT_TYPE_UNSET] = NULL,
  [LOY_CONNECT_TYPE_NONE] = "none",
  [LOY_CONNECT_TYPE_QR_CODE] = "qr_code",
  [LOY_CONNECT_TYPE_GEOLOCATION] = "geolocation",
};

static const char * const target_names[] = {
  [LOY_TARGET_TYPE_NONE] = NULL,
  [LOY_TARGET_TYPE_LEVEL] = "level",
  [LOY_TARGET_TYPE_SEGMENT] = "segment",
};

/* Writing */

static JsonArray *
strv_to_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

static JsonObject *
window_to_object (gboolean all_time,
                  gint64   from,
                  gint64   to)
{
  JsonObject *window = json_object_new ();

  json_object_set_boolean_member (window, "all_time", all_time);
  _loy_json_set_time_or_null (window, "from", from);
  _loy_json_set_time_or_null (window, "to", to);

  return window;
}

static JsonObject *
translations_to_object (LoyCampaign *campaign)
{
  g_auto(GStrv) languages = loy_campaign_dup_languages (campaign);
  JsonObject *translations = json_object_new ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      JsonObject *texts = json_object_new ();

      for (guint t = 0; t < LOY_N_CAMPAIGN_TEXTS; t++)
        {
          const char *text = loy_campaign_get_text (campaign, languages[i], t);

          if (text != NULL)
            json_object_set_string_member (texts, text_names[t], text);
        }
      json_object_set_object_member (translations, languages[i], texts);
    }

  return translations;
}

JsonNode *
loy_campaign_to_json (LoyCampaign *campaign)
{
  JsonObject *object;
  JsonArray *labels;
  JsonNode *node;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  object = json_object_new ();
  _loy_json_set_string_or_null (object, "uuid", loy_campaign_get_uuid (campaign));
  json_object_set_string_member (object, "campaign_type",
                                 loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE,
                                                   loy_campaign_get_campaign_type (campaign)));
  _loy_json_set_string_or_null (object, "name", loy_campaign_get_name (campaign));
  json_object_set_string_member (object, "default_language",
                                 loy_campaign_get_default_language (campaign));
  json_object_set_object_member (object, "translations", translations_to_object (campaign));
  json_object_set_boolean_member (object, "active", loy_campaign_get_is_active (campaign));
  _loy_json_set_string_or_null (object, "more_information_link",
                      loy_campaign_get_more_information_link (campaign));
  _loy_json_set_string_or_null (object, "push_notification_text", loy_campaign_get_push_text (campaign));
  json_object_set_int_member (object, "cost_in_points", loy_campaign_get_cost_in_points (campaign));
  _loy_json_set_money (object, "point_value", loy_campaign_get_point_value_cents (campaign));
  _loy_json_set_money (object, "reward_value", loy_campaign_get_reward_value_cents (campaign));
  _loy_json_set_int_or_null (object, "tax", loy_campaign_get_tax_rate (campaign));
  _loy_json_set_money (object, "tax_price_value", loy_campaign_get_tax_value_cents (campaign));
  json_object_set_boolean_member (object, "featured", loy_campaign_get_featured (campaign));
  json_object_set_boolean_member (object, "public", loy_campaign_get_public (campaign));
  json_object_set_int_member (object, "transaction_percentage",
                              loy_campaign_get_transaction_percentage (campaign));
  json_object_set_int_member (object, "days_inactive", loy_campaign_get_days_inactive (campaign));
  json_object_set_int_member (object, "days_valid", loy_campaign_get_days_valid (campaign));
  _loy_json_set_string_or_null (object, "connect_type",
                      connect_type_names[loy_campaign_get_connect_type (campaign)]);
  _loy_json_set_string_or_null (object, "brand_image", loy_campaign_get_brand_image (campaign));

  labels = json_array_new ();
  for (guint i = 0; i < loy_campaign_get_labels (campaign)->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (loy_campaign_get_labels (campaign), i);
      JsonObject *pair = json_object_new ();

      json_object_set_string_member (pair, "key", label->key);
      json_object_set_string_member (pair, "value", label->value);
      json_array_add_object_element (labels, pair);
    }
  json_object_set_array_member (object, "labels", labels);
  json_object_set_array_member (object, "categories",
                                strv_to_array (loy_campaign_get_category_uuids (campaign)));

  _loy_json_set_string_or_null (object, "target", target_names[loy_campaign_get_target_type (campaign)]);
  json_object_set_array_member (object, "levels",
                                strv_to_array (loy_campaign_get_level_uuids (campaign)));
  json_object_set_array_member (object, "segments",
                                strv_to_array (loy_campaign_get_segment_uuids (campaign)));
  json_object_set_object_member (object, "activity",
                                 window_to_object (loy_campaign_get_activity_all_time (campaign),
                                                   loy_campaign_get_active_from (campaign),
                                                   loy_campaign_get_active_to (campaign)));
  json_object_set_object_member (object, "visibility",
                                 window_to_object (loy_campaign_get_visibility_all_time (campaign),
                                                   loy_campaign_get_visible_from (campaign),
                                                   loy_campaign_get_visible_to (campaign)));
  _loy_json_set_int_or_null (object, "limit", loy_campaign_get_limit (campaign));
  _loy_json_set_int_or_null (object, "limit_per_contact", loy_campaign_get_limit_per_contact (campaign));
  _loy_json_set_string_or_null (object, "code_group_uuid", loy_campaign_get_code_group_uuid (campaign));
  _loy_json_set_string_or_null (object, "shared_code", loy_campaign_get_shared_code (campaign));
  _loy_json_set_time_or_null (object, "created_at", loy_campaign_get_created_at (campaign));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

/* Reading: each reader leaves its out-value alone when the member is
 * absent, and fails naming the member when it has the wrong type. */

/* NULL leaves *@strv alone when @member is absent. */
static gboolean
read_strv (JsonObject   *object,
           const char   *member,
           GStrv        *strv,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _loy_json_wrong_type (member, _("a list of strings"), error);

  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!_loy_json_node_holds (element, G_TYPE_STRING))
        return _loy_json_wrong_type (member, _("a list of strings"), error);
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  g_strfreev (*strv);
  *strv = g_strv_builder_end (builder);
  return TRUE;
}

static JsonObject *
get_object_member (JsonObject  *object,
                   const char  *member,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      _loy_json_wrong_type (member, _("an object"), error);
      return NULL;
    }

  return node != NULL ? json_node_get_object (node) : NULL;
}

static gboolean
read_name (const char * const *names,
           guint               n_names,
           const char         *text,
           guint              *value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], text) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
read_window (JsonObject   *object,
             const char   *member,
             LoyCampaign  *campaign,
             void        (*set_window) (LoyCampaign *, gboolean, gint64, gint64),
             gboolean      all_time,
             gint64        from,
             gint64        to,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *window = get_object_member (object, member, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (window == NULL)
    return TRUE;

  if (!_loy_json_read_boolean (window, "all_time", &all_time, error) ||
      !_loy_json_read_time (window, "from", &from, error) ||
      !_loy_json_read_time (window, "to", &to, error))
    return FALSE;

  set_window (campaign, all_time, from, to);
  return TRUE;
}

static gboolean
read_translations (JsonObject   *object,
                   LoyCampaign  *campaign,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *translations = get_object_member (object, "translations", &local_error);
  JsonObjectIter iter;
  const char *language;
  JsonNode *texts_node;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (translations == NULL)
    return TRUE;

  json_object_iter_init (&iter, translations);
  while (json_object_iter_next (&iter, &language, &texts_node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (texts_node) || language[0] == '\0')
        return _loy_json_wrong_type ("translations", _("an object of languages, each an object of texts"),
                           error);

      for (guint t = 0; t < LOY_N_CAMPAIGN_TEXTS; t++)
        {
          g_autofree char *text = g_strdup (loy_campaign_get_text (campaign, language, t));

          if (!_loy_json_read_string (json_node_get_object (texts_node), text_names[t], &text, error))
            return FALSE;
          loy_campaign_set_text (campaign, language, t, text);
        }
    }

  return TRUE;
}

static gboolean
read_labels (JsonObject   *object,
             LoyCampaign  *campaign,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, "labels");
  g_autoptr(GPtrArray) labels = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _loy_json_wrong_type ("labels", _("a list of {\"key\", \"value\"}"), error);

  array = json_node_get_array (node);
  labels = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_campaign_label_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !_loy_json_read_string (json_node_get_object (element), "key", &key, NULL) ||
          !_loy_json_read_string (json_node_get_object (element), "value", &value, NULL) ||
          key == NULL)
        return _loy_json_wrong_type ("labels", _("a list of {\"key\", \"value\"}"), error);

      g_ptr_array_add (labels, loy_campaign_label_new (key, value));
    }

  loy_campaign_set_labels (campaign, labels);
  return TRUE;
}

LoyCampaign *
loy_campaign_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(LoyCampaign) campaign = NULL;
  JsonObject *object;
  g_autofree char *uuid = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *default_language = NULL;
  g_autofree char *name = NULL;
  g_autofree char *link = NULL;
  g_autofree char *push_text = NULL;
  g_autofree char *connect_name = NULL;
  g_autofree char *brand_image = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *code_group_uuid = NULL;
  g_autofree char *shared_code = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) levels = NULL;
  g_auto(GStrv) segments = NULL;
  gboolean active, featured, public_;
  gint64 cost, point_value, reward_value, tax, tax_value, percentage, days_inactive, days_valid;
  gint64 limit, limit_per_contact, created_at;
  guint value;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("A campaign must be a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  campaign = loy_campaign_new ();
  active = loy_campaign_get_is_active (campaign);
  featured = loy_campaign_get_featured (campaign);
  public_ = loy_campaign_get_public (campaign);
  cost = loy_campaign_get_cost_in_points (campaign);
  point_value = loy_campaign_get_point_value_cents (campaign);
  reward_value = loy_campaign_get_reward_value_cents (campaign);
  tax = loy_campaign_get_tax_rate (campaign);
  tax_value = loy_campaign_get_tax_value_cents (campaign);
  percentage = loy_campaign_get_transaction_percentage (campaign);
  days_inactive = loy_campaign_get_days_inactive (campaign);
  days_valid = loy_campaign_get_days_valid (campaign);
  limit = loy_campaign_get_limit (campaign);
  limit_per_contact = loy_campaign_get_limit_per_contact (campaign);
  created_at = loy_campaign_get_created_at (campaign);

  if (!_loy_json_read_string (object, "uuid", &uuid, error) ||
      !_loy_json_read_string (object, "campaign_type", &type_name, error) ||
      !_loy_json_read_string (object, "default_language", &default_language, error) ||
      !_loy_json_read_string (object, "name", &name, error) ||
      !_loy_json_read_boolean (object, "active", &active, error) ||
      !_loy_json_read_string (object, "more_information_link", &link, error) ||
      !_loy_json_read_string (object, "push_notification_text", &push_text, error) ||
      !_loy_json_read_int (object, "cost_in_points", &cost, error) ||
      !_loy_json_read_money (object, "point_value", &point_value, error) ||
      !_loy_json_read_money (object, "reward_value", &reward_value, error) ||
      !_loy_json_read_int (object, "tax", &tax, error) ||
      !_loy_json_read_money (object, "tax_price_value", &tax_value, error) ||
      !_loy_json_read_boolean (object, "featured", &featured, error) ||
      !_loy_json_read_boolean (object, "public", &public_, error) ||
      !_loy_json_read_int (object, "transaction_percentage", &percentage, error) ||
      !_loy_json_read_int (object, "days_inactive", &days_inactive, error) ||
      !_loy_json_read_int (object, "days_valid", &days_valid, error) ||
      !_loy_json_read_string (object, "connect_type", &connect_name, error) ||
      !_loy_json_read_string (object, "brand_image", &brand_image, error) ||
      !read_strv (object, "categories", &categories, error) ||
      !_loy_json_read_string (object, "target", &target_name, error) ||
      !read_strv (object, "levels", &levels, error) ||
      !read_strv (object, "segments", &segments, error) ||
      !_loy_json_read_int (object, "limit", &limit, error) ||
      !_loy_json_read_int (object, "limit_per_contact", &limit_per_contact, error) ||
      !_loy_json_read_string (object, "code_group_uuid", &code_group_uuid, error) ||
      !_loy_json_read_string (object, "shared_code", &shared_code, error) ||
      !_loy_json_read_time (object, "created_at", &created_at, error))
    return NULL;

  if (type_name != NULL)
    {
      int type;

      if (!loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, type_name, &type))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("“%s” is not a campaign type"), type_name);
          return NULL;
        }
      loy_campaign_set_campaign_type (campaign, type);
    }

  if (connect_name != NULL)
    {
      if (!read_name (connect_type_names, G_N_ELEMENTS (connect_type_names), connect_name, &value))
        {
          _loy_json_wrong_type ("connect_type", _("“none”, “qr_code”, “geolocation” or null"), error);
          return NULL;
        }
      loy_campaign_set_connect_type (campaign, value);
    }

  if (target_name != NULL)
    {
      if (!read_name (target_names, G_N_ELEMENTS (target_names), target_name, &value))
        {
          _loy_json_wrong_type ("target", _("“level”, “segment” or null"), error);
          return NULL;
        }
      loy_campaign_set_target_type (campaign, value);
    }

  if (default_language != NULL && default_language[0] != '\0')
    loy_campaign_set_default_language (campaign, default_language);

  if (!read_translations (object, campaign, error) ||
      !read_labels (object, campaign, error) ||
      !read_window (object, "activity", campaign, loy_campaign_set_activity,
                    loy_campaign_get_activity_all_time (campaign),
                    loy_campaign_get_active_from (campaign),
                    loy_campaign_get_active_to (campaign), error) ||
      !read_window (object, "visibility", campaign, loy_campaign_set_visibility,
                    loy_campaign_get_visibility_all_time (campaign),
                    loy_campaign_get_visible_from (campaign),
                    loy_campaign_get_visible_to (campaign), error))
    return NULL;

  /* After the translations, which may name the default language too. */
  if (json_object_get_member (object, "name") != NULL)
    loy_campaign_set_name (campaign, name);

  loy_campaign_set_uuid (campaign, uuid);
  loy_campaign_set_is_active (campaign, active);
  loy_campaign_set_more_information_link (campaign, link);
  loy_campaign_set_push_text (campaign, push_text);
  /* null cost: free */
  loy_campaign_set_cost_in_points (campaign, cost == LOY_UNSET ? 0 : cost);
  loy_campaign_set_point_value_cents (campaign, point_value);
  loy_campaign_set_reward_value_cents (campaign, reward_value);
  loy_campaign_set_tax_rate (campaign, tax);
  loy_campaign_set_tax_value_cents (campaign, tax_value);
  loy_campaign_set_featured (campaign, featured);
  loy_campaign_set_public (campaign, public_);
  loy_campaign_set_transaction_percentage (campaign, percentage == LOY_UNSET ? 0 : percentage);
  loy_campaign_set_days_inactive (campaign, days_inactive == LOY_UNSET ? 0 : days_inactive);
  loy_campaign_set_days_valid (campaign, days_valid == LOY_UNSET ? 0 : days_valid);
  loy_campaign_set_brand_image (campaign, brand_image);
  if (categories != NULL)
    loy_campaign_set_category_uuids (campaign, (const char * const *) categories);
  if (levels != NULL)
    loy_campaign_set_level_uuids (campaign, (const char * const *) levels);
  if (segments != NULL)
    loy_campaign_set_segment_uuids (campaign, (const char * const *) segments);
  loy_campaign_set_limit (campaign, limit);
  loy_campaign_set_limit_per_contact (campaign, limit_per_contact);
  loy_campaign_set_code_group_uuid (campaign, code_group_uuid);
  loy_campaign_set_shared_code (campaign, shared_code);
  loy_campaign_set_created_at (campaign, created_at);

  return g_steal_pointer (&campaign);
}

JsonNode *
loy_availability_to_json (LoyAvailability *availability)
{
  LoyCampaign *campaign;
  GPtrArray *reasons;
  JsonObject *object;
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (availability != NULL, NULL);

  campaign = loy_availability_get_campaign (availability);
  reasons = loy_availability_get_reasons (availability);

  object = json_object_new ();
  _loy_json_set_string_or_null (object, "uuid", loy_campaign_get_uuid (campaign));
  _loy_json_set_string_or_null (object, "name", loy_campaign_get_name (campaign));
  json_object_set_string_member (object, "campaign_type",
                                 loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE,
                                                   loy_campaign_get_campaign_type (campaign)));
  json_object_set_boolean_member (object, "listed", loy_availability_get_listed (availability));
  json_object_set_boolean_member (object, "available", loy_availability_get_available (availability));
  json_object_set_boolean_member (object, "can_buy", loy_availability_get_can_buy (availability));
  json_object_set_int_member (object, "points_needed",
                              loy_availability_get_points_needed (availability));

  array = json_array_new ();
  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);
      JsonObject *element = json_object_new ();

      json_object_set_string_member (element, "reason",
                                     loy_enum_to_nick (LOY_TYPE_AVAILABILITY_REASON_KIND,
                                                       reason->kind));
      json_object_set_string_member (element, "message", reason->message);
      json_array_add_object_element (array, element);
    }
  json_object_set_array_member (object, "reasons", array);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

JsonNode *
loy_cashback_quote_to_json (LoyCashbackQuote *quote)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (quote != NULL, NULL);

  object = json_object_new ();
  _loy_json_set_string_or_null (object, "campaign_uuid", quote->campaign_uuid);
  _loy_json_set_money (object, "point_value", quote->point_value_cents);
  _loy_json_set_money (object, "order_total", quote->order_total_cents);
  json_object_set_int_member (object, "points_used", quote->points_used);
  _loy_json_set_money (object, "discount", quote->discount_cents);
  _loy_json_set_money (object, "to_pay", quote->to_pay_cents);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

JsonNode *
loy_campaign_purchase_to_json (LoyCampaignPurchase *purchase)
{
  LoyDeliveryStatus delivery = loy_campaign_purchase_get_delivery_status (purchase);
  LoyPurchaseStatus status;
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_PURCHASE (purchase), NULL);

  status = loy_campaign_purchase_get_status (purchase, g_get_real_time () / G_USEC_PER_SEC);
  object = json_object_new ();
  _loy_json_set_string_or_null (object, "uuid", loy_campaign_purchase_get_uuid (purchase));
  _loy_json_set_string_or_null (object, "campaign_uuid",
                                loy_campaign_purchase_get_campaign_uuid (purchase));
  _loy_json_set_string_or_null (object, "campaign_name",
                                loy_campaign_purchase_get_campaign_name (purchase));
  _loy_json_set_string_or_null (object, "contact_uuid",
                                loy_campaign_purchase_get_contact_uuid (purchase));
  _loy_json_set_string_or_null (object, "code", loy_campaign_purchase_get_code (purchase));
  json_object_set_int_member (object, "cost_in_points",
                              loy_campaign_purchase_get_cost_in_points (purchase));
  json_object_set_string_member (object, "status",
                                 loy_enum_to_nick (LOY_TYPE_PURCHASE_STATUS, status));
  json_object_set_boolean_member (object, "used", loy_campaign_purchase_get_used_at (purchase) != 0);
  _loy_json_set_time_or_null (object, "used_at", loy_campaign_purchase_get_used_at (purchase));
  _loy_json_set_string_or_null (object, "delivery_status",
                                delivery != LOY_DELIVERY_STATUS_NONE
                                ? loy_enum_to_nick (LOY_TYPE_DELIVERY_STATUS, delivery) : NULL);
  _loy_json_set_time_or_null (object, "active_from", loy_campaign_purchase_get_active_from (purchase));
  _loy_json_set_time_or_null (object, "active_to", loy_campaign_purchase_get_active_to (purchase));
  _loy_json_set_string_or_null (object, "ledger_entry_uuid",
                                loy_campaign_purchase_get_entry_uuid (purchase));
  _loy_json_set_time_or_null (object, "created_at", loy_campaign_purchase_get_created_at (purchase));
  /* A percentage discount code: what it is worth, and the purchase it was issued against */
  if (loy_campaign_purchase_get_value_cents (purchase) != LOY_UNSET)
    _loy_json_set_money (object, "value", loy_campaign_purchase_get_value_cents (purchase));
  else
    json_object_set_null_member (object, "value");
  _loy_json_set_string_or_null (object, "source_entry_uuid",
                                loy_campaign_purchase_get_source_entry_uuid (purchase));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

JsonNode *
loy_field_problems_to_json (GPtrArray *problems)
{
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (problems != NULL, NULL);

  array = json_array_new ();
  for (guint i = 0; i < problems->len; i++)
    {
      LoyFieldProblem *problem = g_ptr_array_index (problems, i);
      JsonObject *element = json_object_new ();

      json_object_set_string_member (element, "field", problem->field);
      json_object_set_string_member (element, "message", problem->message);
      json_array_add_object_element (array, element);
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);

  return node;
}
