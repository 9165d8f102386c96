/* loyctl-campaigns.c — loyctl campaigns list|show|create|update|delete|
 * available|buy|issue-percentage, cashback quote|exchange, segments list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

/* The options of create and update, in --json's names once read. */
static gboolean  option_active;
static gboolean  option_inactive;
static char     *option_type;
static char     *option_name;
static char     *option_description;
static char     *option_language;
static char     *option_cost;
static char     *option_point_value;
static char     *option_percentage;
static char     *option_levels;
static char     *option_segments;
static char     *option_active_from;
static char     *option_active_to;
static char     *option_visible_from;
static char     *option_visible_to;
static char     *option_limit;
static char     *option_limit_per_contact;
static char    **option_labels;
static char    **option_categories;
static char     *option_shared_code;
static char     *option_codes;

#define CAMPAIGN_OPTIONS \
  { "active", 0, 0, G_OPTION_ARG_NONE, &option_active, N_("It can be got (the default)"), NULL }, \
  { "inactive", 0, 0, G_OPTION_ARG_NONE, &option_inactive, N_("It cannot be got, whatever its dates"), NULL }, \
  { "name", 0, 0, G_OPTION_ARG_STRING, &option_name, N_("The name (in --language)"), N_("NAME") }, \
  { "description", 0, 0, G_OPTION_ARG_STRING, &option_description, \
    N_("The short description (in --language)"), N_("TEXT") }, \
  { "language", 0, 0, G_OPTION_ARG_STRING, &option_language, \
    N_("The language --name and --description are in (default: the campaign's)"), N_("LANG") }, \
  { "cost-in-points", 0, 0, G_OPTION_ARG_STRING, &option_cost, N_("What a coupon costs"), N_("N") }, \
  { "point-value", 0, 0, G_OPTION_ARG_STRING, &option_point_value, \
    N_("Cashback: what one point is worth"), N_("MONEY") }, \
  { "percentage", 0, 0, G_OPTION_ARG_STRING, &option_percentage, \
    N_("Percentage discount code: the share of the purchase, 1–100"), N_("N") }, \
  { "levels", 0, 0, G_OPTION_ARG_STRING, &option_levels, N_("Only for these levels"), N_("UUID,…") }, \
  { "segments", 0, 0, G_OPTION_ARG_STRING, &option_segments, \
    N_("Only for members of these segments"), N_("UUID,…") }, \
  { "active-from", 0, 0, G_OPTION_ARG_STRING, &option_active_from, N_("Can be got from"), N_("DATE") }, \
  { "active-to", 0, 0, G_OPTION_ARG_STRING, &option_active_to, N_("Can be got until"), N_("DATE") }, \
  { "visible-from", 0, 0, G_OPTION_ARG_STRING, &option_visible_from, N_("Listed from"), N_("DATE") }, \
  { "visible-to", 0, 0, G_OPTION_ARG_STRING, &option_visible_to, N_("Listed until"), N_("DATE") }, \
  { "limit", 0, 0, G_OPTION_ARG_STRING, &option_limit, \
    N_("Purchases in all, or “unlimited”"), N_("N") }, \
  { "limit-per-contact", 0, 0, G_OPTION_ARG_STRING, &option_limit_per_contact, \
    N_("Purchases per contact, or “unlimited”"), N_("N") }, \
  { "label", 0, 0, G_OPTION_ARG_STRING_ARRAY, &option_labels, \
    N_("A label (repeatable; replaces the labels)"), N_("KEY=VALUE") }, \
  { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &option_categories, \
    N_("A category, made when new (repeatable; replaces the categories)"), N_("NAME") }, \
  { "shared-code", 0, 0, G_OPTION_ARG_STRING, &option_shared_code, \
    N_("One code for everybody, instead of a code group"), N_("CODE") }, \
  { "codes", 0, 0, G_OPTION_ARG_FILENAME, &option_codes, \
    N_("A file of codes, one a line, for a new coupon campaign's code group"), N_("FILE") }

static const GOptionEntry create_entries[] = {
  { "type", 0, 0, G_OPTION_ARG_STRING, &option_type,
    N_("discount_code, value_code, free_delivery_code, gift_code, event_code, "
       "percentage_discount_code, custom_campaign_code or cashback"), N_("TYPE") },
  CAMPAIGN_OPTIONS,
  { NULL }
};

static const GOptionEntry update_entries[] = {
  CAMPAIGN_OPTIONS,
  { NULL }
};

static gboolean
parse_type (const char       *text,
            LoyCampaignType  *type,
            GError          **error)
{
  int value;

  if (!loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, text, &value))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("“%s” is no campaign type: choose discount_code, value_code, "
                     "free_delivery_code, gift_code, event_code, percentage_discount_code, "
                     "custom_campaign_code or cashback"), text);
      return FALSE;
    }

  *type = value;
  return TRUE;
}

static JsonNode *
strv_node (const char * const *strv)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_node_take_array (node, array);

  return node;
}

/* "unlimited" or a whole number, as a limit member (null: unlimited). */
static gboolean
set_limit (JsonObject  *changes,
           const char  *member,
           const char  *option,
           const char  *text,
           GError     **error)
{
  gint64 limit;

  if (text == NULL)
    return TRUE;

  if (g_str_equal (text, "unlimited"))
    json_object_set_null_member (changes, member);
  else if (loyctl_parse_number (option, text, G_MAXINT32, &limit, error))
    json_object_set_int_member (changes, member, limit);
  else
    return FALSE;

  return TRUE;
}

static gboolean
set_window (JsonObject  *changes,
            const char  *member,
            const char  *from_option,
            const char  *from_text,
            const char  *to_option,
            const char  *to_text,
            GError     **error)
{
  g_autofree char *from_time = NULL;
  g_autofree char *to_time = NULL;
  JsonObject *window;
  gint64 from, to;

  if (from_text == NULL && to_text == NULL)
    return TRUE;

  if (from_text == NULL || to_text == NULL)
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0, _("Give both %s and %s"), from_option, to_option);
      return FALSE;
    }

  if (!loyctl_parse_date (from_option, from_text, &from, error) ||
      !loyctl_parse_date (to_option, to_text, &to, error))
    return FALSE;

  from_time = loy_json_format_time (from);
  to_time = loy_json_format_time (to);
  window = json_object_new ();
  json_object_set_boolean_member (window, "all_time", FALSE);
  json_object_set_string_member (window, "from", from_time);
  json_object_set_string_member (window, "to", to_time);
  json_object_set_object_member (changes, member, window);

  return TRUE;
}

/* The UUIDs of the categories @names, made when the list lacks one. */
static JsonNode *
resolve_categories (LoyStore  *store,
                    GError   **error)
{
  g_autoptr(GPtrArray) categories = loy_store_list_campaign_categories_sync (store, NULL, error);
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (categories == NULL)
    return NULL;

  for (guint i = 0; option_categories[i] != NULL; i++)
    {
      g_autoptr(LoyCampaignCategory) found = NULL;

      for (guint j = 0; j < categories->len && found == NULL; j++)
        if (g_utf8_collate (loy_campaign_category_get_name (g_ptr_array_index (categories, j)),
                            option_categories[i]) == 0)
          found = g_object_ref (g_ptr_array_index (categories, j));

      if (found == NULL)
        {
          g_autoptr(LoyCampaignCategory) category = loy_campaign_category_new (NULL,
                                                                               option_categories[i]);

          if (!(found = loy_store_save_campaign_category_sync (store, category, NULL, error)))
            return NULL;
        }
      g_strv_builder_add (uuids, loy_campaign_category_get_uuid (found));
    }

  strv = g_strv_builder_end (uuids);
  return strv_node ((const char * const *) strv);
}

static gboolean
set_texts (JsonObject   *changes,
           LoyCampaign  *stored,
           GError      **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *translations;
  JsonObject *texts;
  const char *language;

  if (option_name == NULL && option_description == NULL)
    return TRUE;

  /* The other languages' texts are kept. */
  node = stored != NULL ? loy_campaign_to_json (stored) : NULL;
  translations = node != NULL ? json_object_ref (json_object_get_object_member (json_node_get_object (node),
                                                                              "translations"))
                              : json_object_new ();
  language = option_language != NULL ? option_language
             : stored != NULL ? loy_campaign_get_default_language (stored) : "en";
  if (!json_object_has_member (translations, language))
    json_object_set_object_member (translations, language, json_object_new ());
  texts = json_object_get_object_member (translations, language);
  if (option_name != NULL)
    json_object_set_string_member (texts, "name", option_name);
  /* The top-level name is the default language's, and wins over its text. */
  if (option_name != NULL &&
      (stored == NULL || g_strcmp0 (language, loy_campaign_get_default_language (stored)) == 0))
    json_object_set_string_member (changes, "name", option_name);
  if (option_description != NULL)
    json_object_set_string_member (texts, "short_description", option_description);
  json_object_set_object_member (changes, "translations", translations);

  return TRUE;
}

/* The options given, as members of loy_campaign_to_json(). */
static JsonObject *
read_options (LoyStore     *store,
              LoyCampaign  *stored,
              GError      **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  gint64 number;

  if (option_active && option_inactive)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give --active or --inactive, not both"));
      return NULL;
    }
  if (option_levels != NULL && option_segments != NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give --levels or --segments, not both"));
      return NULL;
    }

  if (option_active || option_inactive)
    json_object_set_boolean_member (changes, "active", option_active);
  if (!set_texts (changes, stored, error))
    return NULL;
  if (option_cost != NULL)
    {
      if (!loyctl_parse_number ("--cost-in-points", option_cost, G_MAXINT32, &number, error))
        return NULL;
      json_object_set_int_member (changes, "cost_in_points", number);
    }
  if (option_point_value != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!loy_money_parse (option_point_value, &number, &local_error))
        {
          g_set_error (error, LOYCTL_USAGE_ERROR, 0, "--point-value: %s", local_error->message);
          return NULL;
        }
      json_object_set_double_member (changes, "point_value", number / 100.0);
    }
  if (option_percentage != NULL)
    {
      if (!loyctl_parse_number ("--percentage", option_percentage, 100, &number, error))
        return NULL;
      json_object_set_int_member (changes, "transaction_percentage", number);
    }
  if (option_levels != NULL || option_segments != NULL)
    {
      g_auto(GStrv) uuids = g_strsplit (option_levels != NULL ? option_levels : option_segments,
                                        ",", -1);

      json_object_set_string_member (changes, "target", option_levels != NULL ? "level" : "segment");
      json_object_set_member (changes, option_levels != NULL ? "levels" : "segments",
                              strv_node ((const char * const *) uuids));
    }
  if (!set_window (changes, "activity", "--active-from", option_active_from,
                   "--active-to", option_active_to, error) ||
      !set_window (changes, "visibility", "--visible-from", option_visible_from,
                   "--visible-to", option_visible_to, error) ||
      !set_limit (changes, "limit", "--limit", option_limit, error) ||
      !set_limit (changes, "limit_per_contact", "--limit-per-contact", option_limit_per_contact,
                  error))
    return NULL;
  if (option_labels != NULL)
    {
      JsonArray *labels = json_array_new ();

      for (guint i = 0; option_labels[i] != NULL; i++)
        {
          g_auto(GStrv) key_value = g_strsplit (option_labels[i], "=", 2);
          JsonObject *label = json_object_new ();

          json_object_set_string_member (label, "key", key_value[0]);
          json_object_set_string_member (label, "value", key_value[1] != NULL ? key_value[1] : "");
          json_array_add_object_element (labels, label);
        }
      json_object_set_array_member (changes, "labels", labels);
    }
  if (option_categories != NULL)
    {
      JsonNode *uuids = resolve_categories (store, error);

      if (uuids == NULL)
        return NULL;
      json_object_set_member (changes, "categories", uuids);
    }
  if (option_shared_code != NULL)
    json_object_set_string_member (changes, "shared_code", option_shared_code);

  return g_steal_pointer (&changes);
}

/* The lines of --codes, blank ones left out. */
static GStrv
read_codes (GError **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  if (option_codes == NULL)
    return g_strv_builder_end (codes);

  if (!g_file_get_contents (option_codes, &contents, NULL, error))
    return NULL;

  lines = g_strsplit_set (contents, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (codes, lines[i]);

  return g_strv_builder_end (codes);
}

static void
print_campaign (LoyctlContext *context,
                LoyCampaign   *campaign)
{
  g_autoptr(JsonNode) node = loy_campaign_to_json (campaign);

  loyctl_print_item (context, node);
}

static char *list_type;
static char **list_labels;
static char *list_category;
static gboolean list_active;

static const GOptionEntry list_entries[] = {
  { "type", 0, 0, G_OPTION_ARG_STRING, &list_type, N_("Only campaigns of this type"), N_("TYPE") },
  { "label", 0, 0, G_OPTION_ARG_STRING_ARRAY, &list_labels,
    N_("Only campaigns with this label (repeatable: all of them)"), N_("KEY[=VALUE]") },
  { "category", 0, 0, G_OPTION_ARG_STRING, &list_category,
    N_("Only campaigns in this category"), N_("NAME") },
  { "active", 0, 0, G_OPTION_ARG_NONE, &list_active, N_("Only active campaigns"), NULL },
  { NULL }
};

static void
add_campaign_row (LoyctlTable *table,
                  gpointer     item)
{
  LoyCampaign *campaign = item;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LoyCampaignType type = loy_campaign_get_campaign_type (campaign);
  g_autofree char *price = NULL;

  if (type == LOY_CAMPAIGN_TYPE_CASHBACK)
    price = g_strdup_printf ("%" PRId64 ".%02d", loy_campaign_get_point_value_cents (campaign) / 100,
                             (int) (loy_campaign_get_point_value_cents (campaign) % 100));
  else
    price = g_strdup_printf ("%" PRId64, loy_campaign_get_cost_in_points (campaign));

  loyctl_table_add_row (table, loy_campaign_get_uuid (campaign), loy_campaign_get_name (campaign),
                        loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE, type),
                        loy_campaign_status_get_label (loy_campaign_get_status (campaign, now)),
                        price, NULL);
}

static gboolean
campaigns_list (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyctlTable) table = NULL;
  LoyCampaignType type;

  if (list_type != NULL)
    {
      if (!parse_type (list_type, &type, error))
        return FALSE;
      query->campaign_types = 1u << type;
    }
  query->labels = g_strdupv (list_labels);
  if (list_category != NULL)
    query->categories = g_strdupv ((char *[]) { (char *) list_category, NULL });
  query->only_active = list_active;

  /* Translators: column headers of "loyctl campaigns list"; the last is points or money per point */
  table = loyctl_table_new (_("UUID"), _("Name"), _("Type"), _("Status"), _("Cost or rate"), NULL);

  return loyctl_print_query (context, query, table, add_campaign_row,
                             (LoyctlSerializeFunc) loy_campaign_to_json, error);
}

static gboolean
campaigns_show (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(GObject) campaign = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(campaign = loy_store_lookup_sync (store, LOY_KIND_CAMPAIGN, args[0], NULL, error)))
    return FALSE;

  print_campaign (context, LOY_CAMPAIGN (campaign));
  return TRUE;
}

static gboolean
campaigns_create (LoyctlContext  *context,
                  char          **args,
                  GError        **error)
{
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(LoyCampaign) created = NULL;
  g_auto(GStrv) codes = NULL;
  LoyCampaignType type;
  LoyStore *store;

  if (option_type == NULL || option_name == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give --type and --name"));
      return FALSE;
    }

  if (!parse_type (option_type, &type, error) ||
      !(store = loyctl_context_get_store (context, error)) ||
      !(changes = read_options (store, NULL, error)) ||
      !(codes = read_codes (error)))
    return FALSE;

  json_object_set_string_member (changes, "campaign_type", option_type);
  if (option_language != NULL)
    json_object_set_string_member (changes, "default_language", option_language);
  json_node_set_object (node, changes);
  if (!(campaign = loy_campaign_from_json (node, error)) ||
      !(created = loy_store_create_campaign_sync (store, campaign, (const char * const *) codes,
                                                  NULL, error)))
    return FALSE;

  print_campaign (context, created);
  return TRUE;
}

static gboolean
campaigns_update (LoyctlContext  *context,
                  char          **args,
                  GError        **error)
{
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(GObject) stored = NULL;
  g_autoptr(LoyCampaign) updated = NULL;
  LoyStore *store;

  if (option_codes != NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0,
                           _("--codes is for a new campaign: add codes with “loyctl codes import”"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(stored = loy_store_lookup_sync (store, LOY_KIND_CAMPAIGN, args[0], NULL, error)) ||
      !(changes = read_options (store, LOY_CAMPAIGN (stored), error)))
    return FALSE;

  if (json_object_get_size (changes) == 0)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Nothing to change: give an option"));
      return FALSE;
    }

  if (!(updated = loy_store_update_campaign_sync (store, args[0], changes, NULL, error)))
    return FALSE;

  print_campaign (context, updated);
  return TRUE;
}

static gboolean
campaigns_delete (LoyctlContext  *context,
                  char          **args,
                  GError        **error)
{
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !loy_store_delete_sync (store, LOY_KIND_CAMPAIGN, args[0], NULL, error))
    return FALSE;

  if (!context->json)
    g_print (_("Deleted the campaign %s\n"), args[0]);
  return TRUE;
}

static void
add_availability_row (LoyctlTable *table,
                      gpointer     item)
{
  LoyAvailability *availability = item;
  LoyCampaign *campaign = loy_availability_get_campaign (availability);
  GPtrArray *reasons = loy_availability_get_reasons (availability);
  g_autoptr(GString) why = g_string_new (NULL);

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      g_string_append_printf (why, "%s%s", i > 0 ? "; " : "", reason->message);
    }

  loyctl_table_add_row (table, loy_campaign_get_uuid (campaign), loy_campaign_get_name (campaign),
                        loy_availability_get_listed (availability) ? _("yes") : _("no"),
                        loy_availability_get_available (availability) ? _("yes") : _("no"),
                        why->str, NULL);
}

static gboolean
campaigns_available (LoyctlContext  *context,
                     char          **args,
                     GError        **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(LoyctlTable) table = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(answers = loy_store_check_campaigns_sync (store, args[0], NULL, error)))
    return FALSE;

  /* Translators: column headers of "loyctl campaigns available" */
  table = loyctl_table_new (_("UUID"), _("Name"), _("Listed"), _("Available"), _("Reasons"), NULL);
  loyctl_print_items (context, answers, table, add_availability_row,
                      (LoyctlSerializeFunc) loy_availability_to_json);
  return TRUE;
}

static gboolean
campaigns_buy (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(purchase = loy_store_buy_campaign_sync (store, args[0], args[1], loyctl_get_operator (),
                                                NULL, error)))
    return FALSE;

  node = loy_campaign_purchase_to_json (purchase);
  loyctl_print_item (context, node);
  return TRUE;
}

/* A percentage discount code, worth a share of the purchase the entry is for */
static gboolean
campaigns_issue_percentage (LoyctlContext  *context,
                            char          **args,
                            GError        **error)
{
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(purchase = loy_store_issue_percentage_code_sync (store, args[0], args[1], args[2],
                                                         loyctl_get_operator (), NULL, error)))
    return FALSE;

  node = loy_campaign_purchase_to_json (purchase);
  loyctl_print_item (context, node);
  return TRUE;
}

static char *cashback_order_total;
static char *cashback_points;
static char *cashback_order_ref;

static const GOptionEntry quote_entries[] = {
  { "order-total", 0, 0, G_OPTION_ARG_STRING, &cashback_order_total,
    N_("The order, before the discount"), N_("MONEY") },
  { "points", 0, 0, G_OPTION_ARG_STRING, &cashback_points,
    N_("The points to use (default: as many as are useful)"), N_("N") },
  { NULL }
};

static const GOptionEntry exchange_entries[] = {
  { "order-total", 0, 0, G_OPTION_ARG_STRING, &cashback_order_total,
    N_("The order, before the discount"), N_("MONEY") },
  { "points", 0, 0, G_OPTION_ARG_STRING, &cashback_points,
    N_("The points to use (default: as many as are useful)"), N_("N") },
  { "order-ref", 0, 0, G_OPTION_ARG_STRING, &cashback_order_ref,
    N_("The order's reference, kept with the ledger entry"), N_("TEXT") },
  { NULL }
};

static LoyCashbackQuote *
quote_for_options (LoyStore    *store,
                   const char  *contact_uuid,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 total;
  gint64 points = LOY_UNSET;

  if (cashback_order_total == NULL)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("Give --order-total"));
      return NULL;
    }
  if (!loy_money_parse (cashback_order_total, &total, &local_error))
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0, "--order-total: %s", local_error->message);
      return NULL;
    }
  if (cashback_points != NULL &&
      !loyctl_parse_number ("--points", cashback_points, G_MAXINT32, &points, error))
    return NULL;

  return loy_store_cashback_quote_sync (store, contact_uuid, total, points, NULL, error);
}

static gboolean
cashback_quote (LoyctlContext  *context,
                char          **args,
                GError        **error)
{
  g_autoptr(LoyCashbackQuote) quote = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(quote = quote_for_options (store, args[0], error)))
    return FALSE;

  node = loy_cashback_quote_to_json (quote);
  loyctl_print_item (context, node);
  return TRUE;
}

/* The quote, then the exchange that checks it still holds. */
static gboolean
cashback_exchange (LoyctlContext  *context,
                   char          **args,
                   GError        **error)
{
  g_autoptr(LoyCashbackQuote) quote = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(JsonNode) node = NULL;
  LoyStore *store;

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(quote = quote_for_options (store, args[0], error)) ||
      !(entry = loy_store_cashback_exchange_sync (store, args[0], quote, cashback_order_ref,
                                                  loyctl_get_operator (), NULL, error)))
    return FALSE;

  node = loy_cashback_quote_to_json (quote);
  json_object_set_string_member (json_node_get_object (node), "ledger_entry_uuid",
                                 loy_ledger_entry_get_uuid (entry));
  loyctl_print_item (context, node);
  return TRUE;
}

/* Segments, the targets (levels list is with the account, loyctl-account.c) */

static JsonNode *
segment_to_json (gpointer item)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "uuid", loy_segment_get_uuid (item));
  json_object_set_string_member (object, "name", loy_segment_get_name (item));
  json_object_set_int_member (object, "members", loy_segment_get_n_contacts (item));
  json_node_take_object (node, object);

  return node;
}

static void
add_segment_row (LoyctlTable *table,
                 gpointer     item)
{
  g_autofree char *members = g_strdup_printf ("%" PRId64, loy_segment_get_n_contacts (item));

  loyctl_table_add_row (table, loy_segment_get_uuid (item), loy_segment_get_name (item), members,
                        NULL);
}

static gboolean
segments_list (LoyctlContext  *context,
               char          **args,
               GError        **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SEGMENT);
  /* Translators: column headers of "loyctl segments list" */
  g_autoptr(LoyctlTable) table = loyctl_table_new (_("UUID"), _("Name"), _("Members"), NULL);

  return loyctl_print_query (context, query, table, add_segment_row, segment_to_json, error);
}

const LoyctlCommand loyctl_campaigns_commands[] = {
  { "segments", "list", NULL, 0, N_("List the segments and how many contacts each has"), NULL,
    segments_list },
  { "campaigns", "list", NULL, 0, N_("List the campaigns, by type, label, category or status"),
    list_entries, campaigns_list },
  { "campaigns", "show", N_("UUID"), 1, N_("Show every field of a campaign"), NULL, campaigns_show },
  { "campaigns", "create", NULL, 0, N_("Create a campaign"), create_entries, campaigns_create },
  { "campaigns", "update", N_("UUID"), 1, N_("Change the fields of a campaign given as options"),
    update_entries, campaigns_update },
  { "campaigns", "delete", N_("UUID"), 1, N_("Delete a campaign nobody has bought"), NULL,
    campaigns_delete },
  { "campaigns", "available", N_("CONTACT_UUID"), 1,
    N_("Every campaign for a contact: listed, available, and why not"), NULL, campaigns_available },
  { "campaigns", "buy", N_("CONTACT_UUID CAMPAIGN_UUID"), 2,
    N_("Buy a campaign's coupon with a contact's points"), NULL, campaigns_buy },
  { "campaigns", "issue-percentage", N_("CONTACT_UUID CAMPAIGN_UUID ENTRY_UUID"), 3,
    N_("Issue a percentage discount code against one of a contact's purchase entries"), NULL,
    campaigns_issue_percentage },
  { "cashback", "quote", N_("CONTACT_UUID"), 1,
    N_("What a contact's points take off an order (--order-total)"), quote_entries, cashback_quote },
  { "cashback", "exchange", N_("CONTACT_UUID"), 1,
    N_("Pay part of an order (--order-total) with a contact's points"), exchange_entries,
    cashback_exchange },
  { NULL }
};
