/* test-campaigns.c — the campaign model, its validation, the availability
 * evaluator, cashback and percentage codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-core.h"

#define GOLD "0b8a0d0e-0000-4000-8000-000000000001"
#define SILVER "0b8a0d0e-0000-4000-8000-000000000002"
#define BRONZE "0b8a0d0e-0000-4000-8000-000000000003"
#define VIPS "5e6a0000-0000-4000-8000-000000000001"
#define NEWCOMERS "5e6a0000-0000-4000-8000-000000000002"

/* Unix seconds of a wall-clock time @offset_hours east of UTC. */
static gint64
at (int    year,
    int    month,
    int    day,
    int    hour,
    int    minute,
    double offset_hours)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset ((gint32) (offset_hours * 3600));
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* "Now" at @unix_seconds, as seen @offset_hours east of UTC. */
static GDateTime *
now_at (gint64 unix_seconds,
        double offset_hours)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset ((gint32) (offset_hours * 3600));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_to_timezone (utc, zone);
}

static LoyCampaign *
new_campaign (LoyCampaignType  type,
              const char      *uuid,
              const char      *name)
{
  LoyCampaign *campaign = loy_campaign_new ();

  loy_campaign_set_uuid (campaign, uuid);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_campaign_type (campaign, type);

  return campaign;
}

/* A valid campaign of @type, with only what the type requires. */
static LoyCampaign *
new_valid_campaign (LoyCampaignType type)
{
  LoyCampaign *campaign = new_campaign (type, "c0000000-0000-4000-8000-000000000001", "Summer");

  switch (type)
    {
    case LOY_CAMPAIGN_TYPE_CASHBACK:
      loy_campaign_set_point_value_cents (campaign, 200);
      break;

    case LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE:
      loy_campaign_set_transaction_percentage (campaign, 10);
      break;

    case LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE:
      loy_campaign_set_connect_type (campaign, LOY_CONNECT_TYPE_QR_CODE);
      break;

    default:
      g_assert_true (loy_campaign_type_is_coupon (type));
      loy_campaign_set_cost_in_points (campaign, 100);
      loy_campaign_set_shared_code (campaign, "SUMMER25");
    }

  return campaign;
}

/* The fields of @problems, comma-separated, to compare in one assert. */
static char *
problem_fields (GPtrArray *problems)
{
  g_autoptr(GString) fields = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      LoyFieldProblem *problem = g_ptr_array_index (problems, i);

      g_assert_nonnull (problem->message);
      g_assert_cmpstr (problem->message, !=, "");
      g_string_append_printf (fields, "%s%s", i > 0 ? "," : "", problem->field);
    }

  return g_string_free (g_steal_pointer (&fields), FALSE);
}

static char *
validate_fields (LoyCampaign        *campaign,
                 const char * const *new_codes)
{
  g_autoptr(GPtrArray) problems = loy_campaign_validate (campaign, new_codes);

  return problem_fields (problems);
}

/* The kinds of @availability's reasons, comma-separated. */
static char *
reason_kinds (LoyAvailability *availability)
{
  GPtrArray *reasons = loy_availability_get_reasons (availability);
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      g_string_append_printf (kinds, "%s%s", i > 0 ? "," : "",
                              loy_enum_to_nick (LOY_TYPE_AVAILABILITY_REASON_KIND, reason->kind));
    }

  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

static const char *
reason_message (LoyAvailability           *availability,
                LoyAvailabilityReasonKind  kind)
{
  GPtrArray *reasons = loy_availability_get_reasons (availability);

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      if (reason->kind == kind)
        return reason->message;
    }

  g_assert_not_reached ();
}

/* Types */

static void
test_type_names (void)
{
  static const char * const names[] = {
    "discount_code", "value_code", "free_delivery_code", "gift_code", "event_code",
    "percentage_discount_code", "custom_campaign_code", "cashback",
  };

  g_assert_cmpuint (G_N_ELEMENTS (names), ==, LOY_N_CAMPAIGN_TYPES);
  for (guint i = 0; i < LOY_N_CAMPAIGN_TYPES; i++)
    {
      int type;

      g_assert_cmpstr (loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE, i), ==, names[i]);
      g_assert_true (loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, names[i], &type));
      g_assert_cmpint (type, ==, i);
      g_assert_nonnull (loy_campaign_type_get_label (i));
      g_assert_nonnull (loy_campaign_type_get_description (i));
      g_assert_cmpint (loy_campaign_type_is_coupon (i), ==, i <= LOY_CAMPAIGN_TYPE_EVENT_CODE);
    }

  g_assert_false (loy_enum_from_nick (LOY_TYPE_CAMPAIGN_TYPE, "gift_card", &(int) { 0 }));
  g_assert_cmpstr (loy_campaign_type_get_label (LOY_CAMPAIGN_TYPE_EVENT_CODE), ==, "Event code");
}

/* CAMPAIGNS.md, "Which fields each type uses". */
static void
test_type_fields (void)
{
  LoyCampaignFields coupon = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_GIFT_CODE);
  LoyCampaignFields cashback = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_CASHBACK);
  LoyCampaignFields percentage = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  LoyCampaignFields custom = loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE);

  g_assert_cmpint (coupon, ==, LOY_CAMPAIGN_FIELD_COST_IN_POINTS | LOY_CAMPAIGN_FIELD_LIMITS |
                               LOY_CAMPAIGN_FIELD_COUPONS | LOY_CAMPAIGN_FIELD_VISIBILITY |
                               LOY_CAMPAIGN_FIELD_DAYS);
  for (LoyCampaignType type = 0; type <= LOY_CAMPAIGN_TYPE_EVENT_CODE; type++)
    g_assert_cmpint (loy_campaign_type_get_fields (type), ==, coupon);
  g_assert_cmpint (cashback, ==, LOY_CAMPAIGN_FIELD_POINT_VALUE | LOY_CAMPAIGN_FIELD_VISIBILITY);
  g_assert_cmpint (percentage, ==, LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE | LOY_CAMPAIGN_FIELD_DAYS);
  g_assert_cmpint (custom, ==, LOY_CAMPAIGN_FIELD_VISIBILITY | LOY_CAMPAIGN_FIELD_CONNECT_TYPE);
}

/* The model */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GPtrArray  *log)
{
  g_ptr_array_add (log, g_strdup (pspec->name));
}

/* Every property: a new value notifies it, and only it, once; reads back;
 * and setting it again notifies nothing. */
static void
test_properties_notify (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify_cb), log);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (campaign), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 35);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;
      g_autoptr(GPtrArray) labels = NULL;
      static const char * const uuids[] = { GOLD, NULL };

      g_value_init (&value, pspec->value_type);
      if (pspec->value_type == G_TYPE_STRING)
        g_value_set_string (&value, "pl");
      else if (pspec->value_type == G_TYPE_INT64)
        g_value_set_int64 (&value, 7);
      else if (pspec->value_type == G_TYPE_INT)
        g_value_set_int (&value, G_PARAM_SPEC_INT (pspec)->maximum);
      else if (pspec->value_type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      else if (G_IS_PARAM_SPEC_ENUM (pspec))
        {
          GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

          g_value_set_enum (&value, enum_class->values[enum_class->n_values - 1].value);
        }
      else if (pspec->value_type == G_TYPE_STRV)
        g_value_set_boxed (&value, uuids);
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        {
          labels = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_campaign_label_free);
          g_ptr_array_add (labels, loy_campaign_label_new ("Event", "Verjaardag 🎂"));
          g_value_set_boxed (&value, labels);
        }
      else
        g_assert_not_reached ();

      g_object_set_property (G_OBJECT (campaign), pspec->name, &value);
      g_assert_cmpuint (log->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (log, 0), ==, pspec->name);
      g_ptr_array_set_size (log, 0);

      g_value_init (&read, pspec->value_type);
      g_object_get_property (G_OBJECT (campaign), pspec->name, &read);
      if (pspec->value_type == G_TYPE_STRING)
        g_assert_cmpstr (g_value_get_string (&read), ==, "pl");
      else if (pspec->value_type == G_TYPE_STRV)
        g_assert_true (g_strv_equal (g_value_get_boxed (&read), uuids));
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        g_assert_cmpuint (((GPtrArray *) g_value_get_boxed (&read))->len, ==, 1);
      else
        g_assert_true (g_param_values_cmp (pspec, &value, &read) == 0);

      g_object_set_property (G_OBJECT (campaign), pspec->name, &value);
      g_assert_cmpuint (log->len, ==, 0);
    }
}

static void
test_texts (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) languages = NULL;

  g_assert_true (g_strv_equal (loy_campaign_get_languages (), (const char *[]) { "en", "nl", "pl", NULL }));
  g_assert_cmpstr (loy_campaign_get_default_language (campaign), ==, "en");

  g_signal_connect (campaign, "notify", G_CALLBACK (count_notify_cb), log);
  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, "Zomerkorting");
  loy_campaign_set_text (campaign, "pl", LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION, "Zniżka łódzka");
  /* Only the default language's name is the "name" property. */
  g_assert_cmpuint (log->len, ==, 0);
  loy_campaign_set_text (campaign, "en", LOY_CAMPAIGN_TEXT_NAME, "Summer discount");
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (loy_campaign_get_name (campaign), ==, "Summer discount");

  languages = loy_campaign_dup_languages (campaign);
  g_assert_true (g_strv_equal ((const char * const *) languages,
                               (const char *[]) { "en", "nl", "pl", NULL }));
  g_assert_cmpstr (loy_campaign_get_text (campaign, "pl", LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION), ==,
                   "Zniżka łódzka");
  g_assert_null (loy_campaign_get_text (campaign, "pl", LOY_CAMPAIGN_TEXT_NAME));

  /* A shop whose default language is Dutch. */
  g_ptr_array_set_size (log, 0);
  loy_campaign_set_default_language (campaign, "nl");
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (loy_campaign_get_name (campaign), ==, "Zomerkorting");

  /* An emptied language is gone. */
  loy_campaign_set_text (campaign, "pl", LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION, "");
  g_clear_pointer (&languages, g_strfreev);
  languages = loy_campaign_dup_languages (campaign);
  g_assert_true (g_strv_equal ((const char * const *) languages, (const char *[]) { "en", "nl", NULL }));
}

static void
test_labels (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();

  loy_campaign_add_label (campaign, "Event", "Birthday");
  loy_campaign_add_label (campaign, "Wydarzenie", "Urodziny żółw");
  g_assert_cmpuint (loy_campaign_get_labels (campaign)->len, ==, 2);
  g_assert_true (loy_campaign_has_label (campaign, "Event", NULL));
  g_assert_true (loy_campaign_has_label (campaign, "Wydarzenie", "Urodziny żółw"));
  g_assert_false (loy_campaign_has_label (campaign, "Event", "Wedding"));
  g_assert_false (loy_campaign_has_label (campaign, "event", NULL));

  loy_campaign_set_labels (campaign, NULL);
  g_assert_cmpuint (loy_campaign_get_labels (campaign)->len, ==, 0);
  g_assert_nonnull (loy_campaign_get_category_uuids (campaign));
  g_assert_null (loy_campaign_get_category_uuids (campaign)[0]);
}

static void
test_filled_fields (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  LoyCampaignFields unused_by_cashback;

  loy_campaign_set_limit (campaign, 100);
  loy_campaign_set_days_valid (campaign, 30);
  loy_campaign_set_visibility (campaign, FALSE, at (2026, 12, 1, 0, 0, 1), at (2026, 12, 31, 0, 0, 1));

  /* Switching to cashback would clear the cost, limits, codes and days,
   * but not the visibility window, which cashback uses too. */
  unused_by_cashback = loy_campaign_get_filled_fields (campaign) &
                       ~loy_campaign_type_get_fields (LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpint (unused_by_cashback, ==, LOY_CAMPAIGN_FIELD_COST_IN_POINTS | LOY_CAMPAIGN_FIELD_LIMITS |
                                           LOY_CAMPAIGN_FIELD_COUPONS | LOY_CAMPAIGN_FIELD_DAYS);

  loy_campaign_clear_fields (campaign, unused_by_cashback);
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpint (loy_campaign_get_filled_fields (campaign), ==, LOY_CAMPAIGN_FIELD_VISIBILITY);
  g_assert_cmpint (loy_campaign_get_cost_in_points (campaign), ==, 0);
  g_assert_cmpint (loy_campaign_get_limit (campaign), ==, LOY_UNSET);
  g_assert_null (loy_campaign_get_shared_code (campaign));
  g_assert_cmpint (loy_campaign_get_days_valid (campaign), ==, 0);
}

static void
test_status (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  /* 5–24 Dec in Amsterdam (UTC+1): the last minute of the 24th is in. */
  gint64 from = at (2026, 12, 5, 0, 0, 1);
  gint64 to = at (2026, 12, 24, 23, 59, 1);
  g_autoptr(GDateTime) before = now_at (from - 1, 1);
  g_autoptr(GDateTime) start = now_at (from, 1);
  g_autoptr(GDateTime) end = now_at (to, 1);
  g_autoptr(GDateTime) after = now_at (to + 1, 1);

  g_assert_cmpint (loy_campaign_get_status (campaign, before), ==, LOY_CAMPAIGN_STATUS_ACTIVE);

  loy_campaign_set_activity (campaign, FALSE, from, to);
  g_assert_cmpint (loy_campaign_get_status (campaign, before), ==, LOY_CAMPAIGN_STATUS_SCHEDULED);
  g_assert_cmpint (loy_campaign_get_status (campaign, start), ==, LOY_CAMPAIGN_STATUS_ACTIVE);
  g_assert_cmpint (loy_campaign_get_status (campaign, end), ==, LOY_CAMPAIGN_STATUS_ACTIVE);
  g_assert_cmpint (loy_campaign_get_status (campaign, after), ==, LOY_CAMPAIGN_STATUS_ENDED);
  g_assert_cmpstr (loy_campaign_status_get_label (LOY_CAMPAIGN_STATUS_SCHEDULED), ==, "Scheduled");

  /* Inactive beats the dates. */
  loy_campaign_set_is_active (campaign, FALSE);
  g_assert_cmpint (loy_campaign_get_status (campaign, start), ==, LOY_CAMPAIGN_STATUS_INACTIVE);
  g_assert_cmpint (loy_campaign_get_status (campaign, after), ==, LOY_CAMPAIGN_STATUS_INACTIVE);
}

/* Validation */

static void
test_validate_every_type (void)
{
  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    {
      g_autoptr(LoyCampaign) campaign = new_valid_campaign (type);
      g_autofree char *fields = validate_fields (campaign, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (fields, ==, "");
      g_assert_true (loy_campaign_check (campaign, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_validate_name (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_CASHBACK);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;

  /* A name in another language does not do. */
  loy_campaign_set_name (campaign, NULL);
  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, "Zomer");
  problems = loy_campaign_validate (campaign, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->field, ==, "name");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Enter a name in the default language (en)");

  loy_campaign_set_name (campaign, " \t ");
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "name");

  loy_campaign_set_default_language (campaign, "nl");
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");
}

static void
test_validate_windows (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_EVENT_CODE);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;
  gint64 day = 24 * 60 * 60;
  gint64 dec_5 = at (2026, 12, 5, 0, 0, 0);

  loy_campaign_set_activity (campaign, FALSE, dec_5, dec_5 - 1);
  loy_campaign_set_visibility (campaign, FALSE, dec_5 + day, dec_5);
  problems = loy_campaign_validate (campaign, NULL);
  fields = problem_fields (problems);
  g_assert_cmpstr (fields, ==, "activity,visibility");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "The activity ends before it starts");

  /* One instant is a window; all time ignores the dates it keeps. */
  loy_campaign_set_activity (campaign, FALSE, dec_5, dec_5);
  loy_campaign_set_visibility (campaign, TRUE, dec_5 + day, dec_5);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");

  loy_campaign_set_activity (campaign, FALSE, 0, dec_5);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "activity");

  /* Percentage codes are never listed: their visibility is not checked. */
  loy_campaign_set_activity (campaign, TRUE, 0, 0);
  loy_campaign_set_visibility (campaign, FALSE, dec_5 + day, dec_5);
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  loy_campaign_set_transaction_percentage (campaign, 5);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");
}

static void
test_validate_limits (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;

  /* Independent: a per-contact limit without a total, and the reverse. */
  loy_campaign_set_limit_per_contact (campaign, 2);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");
  loy_campaign_set_limit_per_contact (campaign, LOY_UNSET);
  loy_campaign_set_limit (campaign, 10);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");

  loy_campaign_set_limit_per_contact (campaign, 11);
  problems = loy_campaign_validate (campaign, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->field, ==, "limit_per_contact");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "The limit per contact (11) is more than the total limit (10)");

  loy_campaign_set_limit_per_contact (campaign, 10);
  loy_campaign_set_limit (campaign, 0);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "limit");

  loy_campaign_set_limit (campaign, LOY_UNSET);
  loy_campaign_set_limit_per_contact (campaign, -5);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "limit_per_contact");
}

static void
test_validate_numbers (void)
{
  g_autoptr(LoyCampaign) cashback = new_valid_campaign (LOY_CAMPAIGN_TYPE_CASHBACK);
  g_autoptr(LoyCampaign) percentage = new_valid_campaign (LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  g_autoptr(LoyCampaign) coupon = new_valid_campaign (LOY_CAMPAIGN_TYPE_GIFT_CODE);
  g_autofree char *fields = NULL;

  loy_campaign_set_point_value_cents (cashback, 0);
  fields = validate_fields (cashback, NULL);
  g_assert_cmpstr (fields, ==, "point_value");
  loy_campaign_set_point_value_cents (cashback, LOY_UNSET);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (cashback, NULL);
  g_assert_cmpstr (fields, ==, "point_value");
  loy_campaign_set_point_value_cents (cashback, 1);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (cashback, NULL);
  g_assert_cmpstr (fields, ==, "");

  for (gint64 value = -1; value <= 101; value++)
    {
      loy_campaign_set_transaction_percentage (percentage, value);
      g_clear_pointer (&fields, g_free);
      fields = validate_fields (percentage, NULL);
      g_assert_cmpstr (fields, ==, value >= 1 && value <= 100 ? "" : "transaction_percentage");
    }

  /* Free is allowed; below zero is not. */
  loy_campaign_set_cost_in_points (coupon, 0);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (coupon, NULL);
  g_assert_cmpstr (fields, ==, "");
  loy_campaign_set_cost_in_points (coupon, -1);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (coupon, NULL);
  g_assert_cmpstr (fields, ==, "cost_in_points");
  loy_campaign_set_cost_in_points (coupon, 10);

  for (gint64 rate = -1; rate <= 100; rate++)
    {
      loy_campaign_set_tax_rate (coupon, rate);
      g_clear_pointer (&fields, g_free);
      fields = validate_fields (coupon, NULL);
      /* -1 is LOY_UNSET: no tax. */
      g_assert_cmpstr (fields, ==, rate <= 99 ? "" : "tax");
    }
  loy_campaign_set_tax_rate (coupon, -2);
  loy_campaign_set_tax_value_cents (coupon, -2);
  loy_campaign_set_reward_value_cents (coupon, -2);
  loy_campaign_set_days_inactive (coupon, -1);
  loy_campaign_set_days_valid (coupon, -1);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (coupon, NULL);
  g_assert_cmpstr (fields, ==, "reward_value,tax,tax_price_value,days_inactive,days_valid");
}

static void
test_validate_link (void)
{
  static const struct
  {
    const char *link;
    gboolean    valid;
  } cases[] = {
    { "https://shop.example/zomer?ref=loyalty#top", TRUE },
    { "http://shop.example", TRUE },
    { "HTTPS://shop.example/", TRUE },
    { "ftp://shop.example/file", FALSE },
    { "shop.example/zomer", FALSE },
    { "https://", FALSE },
    { "javascript:alert(1)", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE);
      g_autofree char *fields = NULL;

      loy_campaign_set_more_information_link (campaign, cases[i].link);
      fields = validate_fields (campaign, NULL);
      g_assert_cmpstr (fields, ==, cases[i].valid ? "" : "more_information_link");
    }
}

static void
test_validate_codes (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;
  const char *good[] = { "SHIP-1", "SHIP-2", NULL };
  const char *bad[] = { "SHIP-1", "  ", "SHIP-2", "SHIP-1", "", NULL };

  /* Neither codes nor a shared code. */
  loy_campaign_set_shared_code (campaign, NULL);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "codes");

  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, good);
  g_assert_cmpstr (fields, ==, "");

  problems = loy_campaign_validate (campaign, bad);
  g_clear_pointer (&fields, g_free);
  fields = problem_fields (problems);
  g_assert_cmpstr (fields, ==, "codes,codes,codes");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->message, ==, "Code 2 is blank");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 1))->message, ==,
                   "The code “SHIP-1” is there more than once");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 2))->message, ==, "Code 5 is blank");

  /* The campaign's own code group is enough. */
  loy_campaign_set_code_group_uuid (campaign, "c0de0000-0000-4000-8000-000000000001");
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");

  /* A shared code: non-blank, and not as well as codes. */
  loy_campaign_set_shared_code (campaign, "SHIPFREE");
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "shared_code");
  loy_campaign_set_code_group_uuid (campaign, NULL);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");
  loy_campaign_set_shared_code (campaign, " ");
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "shared_code");

  /* Cashback has no codes to check. */
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_campaign_set_point_value_cents (campaign, 5);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, bad);
  g_assert_cmpstr (fields, ==, "");
}

static void
test_validate_custom_and_target (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE);
  g_autofree char *fields = NULL;

  loy_campaign_set_connect_type (campaign, LOY_CONNECT_TYPE_UNSET);
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_add_label (campaign, " ", "orphan value");
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "connect_type,labels,levels");

  loy_campaign_set_connect_type (campaign, LOY_CONNECT_TYPE_NONE);
  loy_campaign_set_labels (campaign, NULL);
  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, NULL });
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");

  /* The segments are what counts for a segment target. */
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_SEGMENT);
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "segments");
}

/* Every problem at once, and as one error for the store. */
static void
test_validate_all_at_once (void)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  gint64 dec_5 = at (2026, 12, 5, 0, 0, 0);

  loy_campaign_set_more_information_link (campaign, "www.example.com");
  loy_campaign_set_cost_in_points (campaign, -10);
  loy_campaign_set_activity (campaign, FALSE, dec_5, dec_5 - 60);
  loy_campaign_set_limit (campaign, 1);
  loy_campaign_set_limit_per_contact (campaign, 3);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "name,more_information_link,cost_in_points,activity,limit_per_contact,codes");

  g_assert_false (loy_campaign_check (campaign, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Enter a name in the default language (en); "));
  g_assert_nonnull (strstr (error->message, "; Add at least one code, or a shared code"));
}

/* Availability */

static LoyCampaignContext *
new_context (gint64 balance)
{
  LoyCampaignContext *context = loy_campaign_context_new (balance, SILVER);

  loy_campaign_context_set_name (context, GOLD, "Gold");
  loy_campaign_context_set_name (context, SILVER, "Silver");
  loy_campaign_context_set_name (context, VIPS, "VIPs");
  loy_campaign_context_add_segment (context, NEWCOMERS);

  return context;
}

static void
test_available_plain (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (500);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);

  g_assert_true (loy_availability_get_campaign (availability) == campaign);
  g_assert_true (loy_availability_get_listed (availability));
  g_assert_true (loy_availability_get_available (availability));
  g_assert_true (loy_availability_get_can_buy (availability));
  g_assert_cmpuint (loy_availability_get_reasons (availability)->len, ==, 0);
  g_assert_cmpint (loy_availability_get_points_needed (availability), ==, 0);
}

/* Seed 003: "Status of the Reward campaign has higher priority than time
 * boundaries". */
static void
test_available_status_beats_windows (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (500);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  gint64 now_seconds = at (2026, 12, 10, 12, 0, 0);
  g_autoptr(GDateTime) now = now_at (now_seconds, 0);
  g_autoptr(LoyAvailability) inside = NULL;
  g_autoptr(LoyAvailability) outside = NULL;
  g_autofree char *kinds = NULL;

  loy_campaign_set_is_active (campaign, FALSE);
  loy_campaign_set_activity (campaign, FALSE, now_seconds - 3600, now_seconds + 3600);
  inside = loy_campaign_check_availability (campaign, context, now);
  g_assert_false (loy_availability_get_available (inside));
  g_assert_false (loy_availability_get_listed (inside));
  kinds = reason_kinds (inside);
  g_assert_cmpstr (kinds, ==, "inactive");
  g_assert_cmpstr (reason_message (inside, LOY_AVAILABILITY_REASON_INACTIVE), ==,
                   "The campaign is inactive");

  /* Every reason, not the first. */
  loy_campaign_set_activity (campaign, FALSE, now_seconds + 60, now_seconds + 3600);
  outside = loy_campaign_check_availability (campaign, context, now);
  g_clear_pointer (&kinds, g_free);
  kinds = reason_kinds (outside);
  g_assert_cmpstr (kinds, ==, "inactive,not_started");
}

/* A window ending at midnight in Amsterdam (UTC+1), seen from there and
 * from New York (UTC−5): the same instant decides, and each reads the
 * date in its own time. */
static void
test_available_windows_time_zones (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (500);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_GIFT_CODE);
  gint64 from = at (2026, 12, 5, 0, 0, 1);
  gint64 to = at (2026, 12, 24, 23, 59, 1) + 59;
  struct
  {
    gint64      when;
    double      offset;
    gboolean    available;
    const char *kinds;
    const char *message;
  } cases[] = {
    { from - 1, 1, FALSE, "not_started", "Starts on 5 Dec 2026, 00:00" },
    { from - 1, -5, FALSE, "not_started", "Starts on 4 Dec 2026, 18:00" },
    { from, 1, TRUE, "", NULL },
    { to, 1, TRUE, "", NULL },
    { to, -5, TRUE, "", NULL },
    { to + 1, 1, FALSE, "ended", "Ended on 24 Dec 2026, 23:59" },
    { to + 1, -5, FALSE, "ended", "Ended on 24 Dec 2026, 17:59" },
    { to + 1, 0, FALSE, "ended", "Ended on 24 Dec 2026, 22:59" },
  };

  loy_campaign_set_activity (campaign, FALSE, from, to);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = now_at (cases[i].when, cases[i].offset);
      g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);
      g_autofree char *kinds = reason_kinds (availability);

      g_assert_cmpint (loy_availability_get_available (availability), ==, cases[i].available);
      /* Outside the activity but inside the visibility: listed, dimmed. */
      g_assert_true (loy_availability_get_listed (availability));
      g_assert_cmpstr (kinds, ==, cases[i].kinds);
      if (cases[i].message != NULL)
        g_assert_cmpstr (((LoyAvailabilityReason *) g_ptr_array_index (loy_availability_get_reasons (availability), 0))->message,
                         ==, cases[i].message);
    }
}

static void
test_available_visibility (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (500);
  g_autoptr(LoyCampaign) coupon = new_valid_campaign (LOY_CAMPAIGN_TYPE_EVENT_CODE);
  g_autoptr(LoyCampaign) cashback = new_valid_campaign (LOY_CAMPAIGN_TYPE_CASHBACK);
  gint64 listed_from = at (2026, 12, 1, 0, 0, 0);
  gint64 listed_to = at (2026, 12, 31, 0, 0, 0);
  g_autoptr(GDateTime) early = now_at (listed_from - 60, 0);
  g_autoptr(GDateTime) late = now_at (listed_to + 60, 0);
  g_autoptr(LoyAvailability) coupon_early = NULL;
  g_autoptr(LoyAvailability) coupon_late = NULL;
  g_autoptr(LoyAvailability) cashback_early = NULL;
  g_autofree char *kinds = NULL;

  loy_campaign_set_visibility (coupon, FALSE, listed_from, listed_to);
  loy_campaign_set_visibility (cashback, FALSE, listed_from, listed_to);

  /* A coupon that is not listed cannot be bought. */
  coupon_early = loy_campaign_check_availability (coupon, context, early);
  g_assert_false (loy_availability_get_listed (coupon_early));
  g_assert_false (loy_availability_get_available (coupon_early));
  kinds = reason_kinds (coupon_early);
  g_assert_cmpstr (kinds, ==, "not_listed_yet");
  g_assert_cmpstr (reason_message (coupon_early, LOY_AVAILABILITY_REASON_NOT_LISTED_YET), ==,
                   "Listed from 1 Dec 2026, 00:00");

  coupon_late = loy_campaign_check_availability (coupon, context, late);
  g_assert_true (loy_availability_has_reason (coupon_late, LOY_AVAILABILITY_REASON_NO_LONGER_LISTED));
  g_assert_cmpstr (reason_message (coupon_late, LOY_AVAILABILITY_REASON_NO_LONGER_LISTED), ==,
                   "Listed until 31 Dec 2026, 00:00");

  /* Cashback is used at the till: its listing does not decide its rate. */
  cashback_early = loy_campaign_check_availability (cashback, context, early);
  g_assert_false (loy_availability_get_listed (cashback_early));
  g_assert_true (loy_availability_get_available (cashback_early));
}

static void
test_available_target (void)
{
  g_autoptr(LoyCampaignContext) silver = new_context (500);
  g_autoptr(LoyCampaignContext) nobody = loy_campaign_context_new (500, NULL);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) gold_only = NULL;
  g_autoptr(LoyAvailability) gold_silver = NULL;
  g_autoptr(LoyAvailability) no_level = NULL;
  g_autoptr(LoyAvailability) vips = NULL;
  g_autoptr(LoyAvailability) newcomers = NULL;

  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, BRONZE, NULL });
  gold_only = loy_campaign_check_availability (campaign, silver, now);
  g_assert_false (loy_availability_get_available (gold_only));
  /* Listed, so the contact sees what it takes. */
  g_assert_true (loy_availability_get_listed (gold_only));
  /* A level without a name in the context is named by its UUID. */
  g_assert_cmpstr (reason_message (gold_only, LOY_AVAILABILITY_REASON_NOT_IN_TARGET), ==,
                   "Only for Gold, " BRONZE);

  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, SILVER, NULL });
  gold_silver = loy_campaign_check_availability (campaign, silver, now);
  g_assert_true (loy_availability_get_available (gold_silver));
  no_level = loy_campaign_check_availability (campaign, nobody, now);
  g_assert_false (loy_availability_get_available (no_level));

  /* Segments: a member of any of them. The segment list wins over the
   * level list for a segment target. */
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_SEGMENT);
  loy_campaign_set_segment_uuids (campaign, (const char *[]) { VIPS, NULL });
  vips = loy_campaign_check_availability (campaign, silver, now);
  g_assert_false (loy_availability_get_available (vips));
  g_assert_cmpstr (reason_message (vips, LOY_AVAILABILITY_REASON_NOT_IN_TARGET), ==,
                   "Only for members of VIPs");

  loy_campaign_set_segment_uuids (campaign, (const char *[]) { VIPS, NEWCOMERS, NULL });
  newcomers = loy_campaign_check_availability (campaign, silver, now);
  g_assert_true (loy_availability_get_available (newcomers));
  g_assert_true (loy_campaign_context_in_segment (silver, NEWCOMERS));
}

static void
test_available_limits_codes_points (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (60);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);
  const char *uuid = loy_campaign_get_uuid (campaign);
  g_autoptr(LoyAvailability) everything = NULL;
  g_autoptr(LoyAvailability) below = NULL;
  g_autoptr(LoyAvailability) shared = NULL;
  g_autofree char *kinds = NULL;

  /* Cost 100, the contact has 60: 40 more. */
  loy_campaign_set_limit (campaign, 50);
  loy_campaign_set_limit_per_contact (campaign, 2);
  loy_campaign_set_shared_code (campaign, NULL);
  loy_campaign_set_code_group_uuid (campaign, "c0de0000-0000-4000-8000-000000000001");
  loy_campaign_context_set_counts (context, uuid, 2, 50, 0);

  everything = loy_campaign_check_availability (campaign, context, now);
  kinds = reason_kinds (everything);
  g_assert_cmpstr (kinds, ==, "limit_reached,contact_limit_reached,no_codes_left,not_enough_points");
  g_assert_true (loy_availability_get_listed (everything));
  g_assert_false (loy_availability_get_available (everything));
  g_assert_false (loy_availability_get_can_buy (everything));
  g_assert_cmpint (loy_availability_get_points_needed (everything), ==, 40);
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS), ==,
                   "Needs 40 more points");
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_LIMIT_REACHED), ==,
                   "Sold out: the limit of 50 purchases is reached");
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_CONTACT_LIMIT_REACHED), ==,
                   "Bought 2 times already, the limit per contact");
  g_assert_cmpstr (reason_message (everything, LOY_AVAILABILITY_REASON_NO_CODES_LEFT), ==,
                   "No codes left");

  /* One below each limit, one code left, and exactly enough points. */
  loy_campaign_context_set_counts (context, uuid, 1, 49, 1);
  loy_campaign_set_cost_in_points (campaign, 60);
  below = loy_campaign_check_availability (campaign, context, now);
  g_assert_true (loy_availability_get_can_buy (below));

  /* A shared code never runs out. */
  loy_campaign_context_set_counts (context, uuid, 1, 49, 0);
  loy_campaign_set_code_group_uuid (campaign, NULL);
  loy_campaign_set_shared_code (campaign, "WINTER");
  shared = loy_campaign_check_availability (campaign, context, now);
  g_assert_true (loy_availability_get_can_buy (shared));
}

static void
test_available_one_point_short (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (99);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);

  g_assert_cmpstr (reason_message (availability, LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS), ==,
                   "Needs 1 more point");
}

static void
test_available_by_type (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (0);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);

  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    {
      g_autoptr(LoyCampaign) campaign = new_valid_campaign (type);
      g_autoptr(LoyAvailability) availability = NULL;

      /* The limits and cost of a coupon do not apply to other types. */
      loy_campaign_set_limit (campaign, 1);
      loy_campaign_context_set_counts (context, loy_campaign_get_uuid (campaign), 1, 1, 0);
      if (!loy_campaign_type_is_coupon (type))
        loy_campaign_set_cost_in_points (campaign, 1000);

      availability = loy_campaign_check_availability (campaign, context, now);
      g_assert_cmpint (loy_availability_get_listed (availability), ==,
                       type != LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
      g_assert_cmpint (loy_availability_get_available (availability), ==,
                       !loy_campaign_type_is_coupon (type));
      /* Cashback is listed without Buy; a custom campaign is only shown. */
      g_assert_false (loy_availability_get_can_buy (availability));
    }
}

/* Cashback */

static LoyCampaign *
new_cashback (const char *uuid,
              gint64      point_value_cents,
              gint64      created_at)
{
  LoyCampaign *campaign = new_campaign (LOY_CAMPAIGN_TYPE_CASHBACK, uuid, uuid);

  loy_campaign_set_point_value_cents (campaign, point_value_cents);
  loy_campaign_set_created_at (campaign, created_at);

  return campaign;
}

static LoyCashbackQuote *
quote_at_rate (gint64 point_value_cents,
               gint64 balance,
               gint64 order_total_cents,
               gint64 requested_points)
{
  g_autoptr(LoyCampaign) campaign = new_cashback ("ca5hback-0000-4000-8000-000000000001",
                                                  point_value_cents, 1);
  g_autoptr(GError) error = NULL;
  LoyCashbackQuote *quote;

  quote = loy_cashback_quote (campaign, balance, order_total_cents, requested_points, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quote->campaign_uuid, ==, "ca5hback-0000-4000-8000-000000000001");
  g_assert_cmpint (quote->point_value_cents, ==, point_value_cents);
  g_assert_cmpint (quote->order_total_cents, ==, order_total_cents);
  /* Never more off than the order, and it adds up. */
  g_assert_cmpint (quote->discount_cents, <=, order_total_cents);
  g_assert_cmpint (quote->discount_cents + quote->to_pay_cents, ==, order_total_cents);
  g_assert_cmpint (quote->points_used, <=, balance);

  return quote;
}

/* Seed 003: 1 point = €2, 50 points, an order of €100. */
static void
test_cashback_seed_examples (void)
{
  g_autoptr(LoyCashbackQuote) all = quote_at_rate (200, 50, 10000, LOY_UNSET);
  g_autoptr(LoyCashbackQuote) twenty = quote_at_rate (200, 50, 10000, 20);

  g_assert_cmpint (all->points_used, ==, 50);
  g_assert_cmpint (all->discount_cents, ==, 10000);
  g_assert_cmpint (all->to_pay_cents, ==, 0);

  g_assert_cmpint (twenty->points_used, ==, 20);
  g_assert_cmpint (twenty->discount_cents, ==, 4000);
  g_assert_cmpint (twenty->to_pay_cents, ==, 6000);
}

static void
test_cashback_arithmetic (void)
{
  /* More points than the order needs: only the useful ones. */
  g_autoptr(LoyCashbackQuote) small_order = quote_at_rate (200, 50, 3000, LOY_UNSET);
  /* Asked for more than the balance: the balance. */
  g_autoptr(LoyCashbackQuote) greedy = quote_at_rate (200, 50, 50000, 80);
  /* Points worth €0.07 on an order of €1.00: 15 points (€1.05), capped. */
  g_autoptr(LoyCashbackQuote) fraction = quote_at_rate (7, 1000, 100, LOY_UNSET);
  /* €0.07 × 3 = €0.21 exactly: cents do not round. */
  g_autoptr(LoyCashbackQuote) partial = quote_at_rate (7, 1000, 100, 3);
  /* The last point covers the 1 cent left of €20.01 at €2 a point. */
  g_autoptr(LoyCashbackQuote) odd_total = quote_at_rate (200, 50, 2001, LOY_UNSET);
  g_autoptr(LoyCashbackQuote) empty = quote_at_rate (200, 0, 10000, LOY_UNSET);
  g_autoptr(LoyCashbackQuote) none_asked = quote_at_rate (200, 50, 10000, 0);

  g_assert_cmpint (small_order->points_used, ==, 15);
  g_assert_cmpint (small_order->discount_cents, ==, 3000);
  g_assert_cmpint (small_order->to_pay_cents, ==, 0);

  g_assert_cmpint (greedy->points_used, ==, 50);
  g_assert_cmpint (greedy->discount_cents, ==, 10000);
  g_assert_cmpint (greedy->to_pay_cents, ==, 40000);

  g_assert_cmpint (fraction->points_used, ==, 15);
  g_assert_cmpint (fraction->discount_cents, ==, 100);
  g_assert_cmpint (fraction->to_pay_cents, ==, 0);

  g_assert_cmpint (partial->points_used, ==, 3);
  g_assert_cmpint (partial->discount_cents, ==, 21);
  g_assert_cmpint (partial->to_pay_cents, ==, 79);

  g_assert_cmpint (odd_total->points_used, ==, 11);
  g_assert_cmpint (odd_total->discount_cents, ==, 2001);
  g_assert_cmpint (odd_total->to_pay_cents, ==, 0);

  g_assert_cmpint (empty->points_used, ==, 0);
  g_assert_cmpint (empty->to_pay_cents, ==, 10000);
  g_assert_cmpint (none_asked->points_used, ==, 0);
}

static void
test_cashback_bad_input (void)
{
  g_autoptr(LoyCampaign) cashback = new_cashback ("ca5hback-0000-4000-8000-000000000001", 200, 1);
  g_autoptr(LoyCampaign) coupon = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(GError) error = NULL;

  g_assert_null (loy_cashback_quote (cashback, 50, 0, LOY_UNSET, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (loy_cashback_quote (cashback, 50, -100, LOY_UNSET, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (loy_cashback_quote (cashback, 50, 100, -2, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (loy_cashback_quote (coupon, 50, 100, LOY_UNSET, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
}

static void
test_cashback_best_rate (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (50);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now_seconds = at (2026, 12, 10, 12, 0, 0);
  g_autoptr(GDateTime) now = now_at (now_seconds, 1);
  g_autoptr(GError) error = NULL;
  LoyCampaign *young_two, *old_two, *gold_five, *inactive_nine, *ended_eight;
  LoyCampaign *best;

  g_ptr_array_add (campaigns, new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE));
  g_ptr_array_add (campaigns, young_two = new_cashback ("c2", 200, 2000));
  g_ptr_array_add (campaigns, old_two = new_cashback ("c1", 200, 1000));
  g_ptr_array_add (campaigns, gold_five = new_cashback ("c5", 500, 10));
  g_ptr_array_add (campaigns, inactive_nine = new_cashback ("c9", 900, 10));
  g_ptr_array_add (campaigns, ended_eight = new_cashback ("c8", 800, 10));
  loy_campaign_set_target_type (gold_five, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (gold_five, (const char *[]) { GOLD, NULL });
  loy_campaign_set_is_active (inactive_nine, FALSE);
  loy_campaign_set_activity (ended_eight, FALSE, now_seconds - 7200, now_seconds - 1);

  /* Better rates exist, but not for this Silver contact now; of the two
   * at €2.00 the one created first. */
  best = loy_cashback_find_campaign (campaigns, context, now, &error);
  g_assert_no_error (error);
  g_assert_true (best == old_two);

  /* Order of the list does not matter. */
  g_ptr_array_add (campaigns, g_object_ref (old_two));
  g_ptr_array_remove_index (campaigns, 2);
  g_assert_true (loy_cashback_find_campaign (campaigns, context, now, NULL) == old_two);

  /* A Gold contact gets the better rate. */
  g_clear_pointer (&context, loy_campaign_context_unref);
  context = loy_campaign_context_new (50, GOLD);
  g_assert_true (loy_cashback_find_campaign (campaigns, context, now, NULL) == gold_five);

  /* Of the two at €2.00 in the same second, the lower UUID, every time. */
  loy_campaign_set_created_at (young_two, loy_campaign_get_created_at (old_two));
  loy_campaign_set_uuid (young_two, "c0");
  g_clear_pointer (&context, loy_campaign_context_unref);
  context = new_context (50);
  g_assert_true (loy_cashback_find_campaign (campaigns, context, now, NULL) == young_two);
}

static void
test_cashback_none (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (50);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(GError) error = NULL;
  LoyCampaign *inactive;

  g_assert_null (loy_cashback_find_campaign (campaigns, context, now, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no cashback campaign");
  g_clear_error (&error);

  g_ptr_array_add (campaigns, inactive = new_cashback ("c1", 200, 1));
  loy_campaign_set_is_active (inactive, FALSE);
  g_assert_null (loy_cashback_find_campaign (campaigns, context, now, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No cashback campaign is available to this contact now");
}

/* An exchange re-checks the quote the till saw. */
static void
test_cashback_confirm (void)
{
  g_autoptr(LoyCampaign) campaign = new_cashback ("c1", 200, 1);
  g_autoptr(LoyCampaign) better = new_cashback ("c2", 250, 2);
  g_autoptr(LoyCashbackQuote) quoted = loy_cashback_quote (campaign, 50, 10000, LOY_UNSET, NULL);
  g_autoptr(LoyCashbackQuote) same = loy_cashback_quote (campaign, 80, 10000, LOY_UNSET, NULL);
  g_autoptr(LoyCashbackQuote) other_campaign = loy_cashback_quote (better, 50, 10000, LOY_UNSET, NULL);
  g_autoptr(LoyCashbackQuote) poorer = loy_cashback_quote (campaign, 30, 10000, LOY_UNSET, NULL);
  g_autoptr(LoyCashbackQuote) copy = loy_cashback_quote_copy (quoted);
  g_autoptr(GError) error = NULL;

  g_assert_true (loy_cashback_quote_confirm (quoted, copy, &error));
  g_assert_no_error (error);
  /* More points now, but the exchange would take the same 50. */
  g_assert_true (loy_cashback_quote_confirm (quoted, same, NULL));

  g_assert_false (loy_cashback_quote_confirm (quoted, other_campaign, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "The cashback rate changed"));
  g_clear_error (&error);

  loy_campaign_set_point_value_cents (campaign, 300);
  {
    g_autoptr(LoyCashbackQuote) new_rate = loy_cashback_quote (campaign, 50, 10000, LOY_UNSET, NULL);

    g_assert_false (loy_cashback_quote_confirm (quoted, new_rate, &error));
    g_assert_nonnull (strstr (error->message, "The cashback rate changed"));
    g_clear_error (&error);
  }

  g_assert_false (loy_cashback_quote_confirm (quoted, poorer, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
}

/* Percentage discount codes */

static void
test_percentage_value (void)
{
  static const struct
  {
    gint64 percentage;
    gint64 purchase_cents;
    gint64 value_cents;   /* 0: refused */
  } cases[] = {
    { 10, 2500, 300 },    /* 2.50 rounds up */
    { 10, 2499, 200 },    /* 2.499 rounds down */
    { 15, 9999, 1500 },   /* 14.9985 */
    { 100, 12345, 12300 },/* 123.45 */
    { 1, 5000, 100 },     /* 0.50 rounds up to 1 */
    { 1, 4999, 0 },       /* 0.4999 is 0: no voucher */
    { 10, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
      g_autoptr(GError) error = NULL;
      gint64 value = -1;
      gboolean ok;

      loy_campaign_set_transaction_percentage (campaign, cases[i].percentage);
      ok = loy_campaign_compute_percentage_value (campaign, cases[i].purchase_cents, &value, &error);
      if (cases[i].value_cents == 0)
        {
          g_assert_false (ok);
          g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
          g_assert_cmpint (value, ==, -1);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (value, ==, cases[i].value_cents);
        }
    }
}

static void
test_percentage_wrong_type (void)
{
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert_false (loy_campaign_compute_percentage_value (campaign, 10000, &value, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
}

/* JSON */

static LoyCampaign *
new_full_campaign (void)
{
  LoyCampaign *campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);

  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, "Zomer");
  loy_campaign_set_text (campaign, "pl", LOY_CAMPAIGN_TEXT_USAGE_INSTRUCTIONS, "Pokaż kod przy kasie");
  loy_campaign_set_text (campaign, "en", LOY_CAMPAIGN_TEXT_CONDITIONS, "One per order");
  loy_campaign_set_more_information_link (campaign, "https://shop.example/summer");
  loy_campaign_set_push_text (campaign, "Your summer code is ready");
  loy_campaign_set_reward_value_cents (campaign, 2550);
  loy_campaign_set_tax_rate (campaign, 21);
  loy_campaign_set_tax_value_cents (campaign, 443);
  loy_campaign_set_featured (campaign, TRUE);
  loy_campaign_set_public (campaign, TRUE);
  loy_campaign_set_days_inactive (campaign, 1);
  loy_campaign_set_days_valid (campaign, 30);
  loy_campaign_add_label (campaign, "Event", "Verjaardag");
  loy_campaign_set_category_uuids (campaign, (const char *[]) { "ca7e0000-0000-4000-8000-000000000001", NULL });
  loy_campaign_set_brand_image (campaign, "file:///srv/brand.png");
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (campaign, (const char *[]) { GOLD, SILVER, NULL });
  loy_campaign_set_activity (campaign, FALSE, at (2026, 12, 5, 0, 0, 1), at (2026, 12, 24, 23, 59, 1));
  loy_campaign_set_visibility (campaign, FALSE, at (2026, 12, 1, 0, 0, 1), at (2026, 12, 31, 0, 0, 1));
  loy_campaign_set_limit (campaign, 500);
  loy_campaign_set_created_at (campaign, at (2026, 11, 20, 9, 30, 0));

  return campaign;
}

static void
test_json_round_trip (void)
{
  g_autoptr(LoyCampaign) campaign = new_full_campaign ();
  g_autoptr(JsonNode) node = loy_campaign_to_json (campaign);
  g_autoptr(LoyCampaign) read = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (node);
  JsonObject *activity = json_object_get_object_member (object, "activity");

  g_assert_cmpstr (json_object_get_string_member (object, "campaign_type"), ==, "discount_code");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Summer");
  g_assert_true (json_object_get_boolean_member (object, "active"));
  g_assert_cmpint (json_object_get_int_member (object, "cost_in_points"), ==, 100);
  /* Money as numbers of currency units. */
  g_assert_cmpfloat (json_object_get_double_member (object, "reward_value"), ==, 25.5);
  g_assert_cmpfloat (json_object_get_double_member (object, "tax_price_value"), ==, 4.43);
  g_assert_true (json_object_get_null_member (object, "point_value"));
  g_assert_cmpint (json_object_get_int_member (object, "tax"), ==, 21);
  g_assert_cmpstr (json_object_get_string_member (object, "target"), ==, "level");
  g_assert_false (json_object_get_boolean_member (activity, "all_time"));
  g_assert_cmpstr (json_object_get_string_member (activity, "from"), ==, "2026-12-04T23:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (activity, "to"), ==, "2026-12-24T22:59:00Z");
  g_assert_cmpint (json_object_get_int_member (object, "limit"), ==, 500);
  /* Unlimited is null. */
  g_assert_true (json_object_get_null_member (object, "limit_per_contact"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (object, "translations"), "pl"), "usage_instruction"),
                   ==, "Pokaż kod przy kasie");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "labels"), 0), "value"), ==, "Verjaardag");

  read = loy_campaign_from_json (node, &error);
  g_assert_no_error (error);
  again = loy_campaign_to_json (read);
  g_assert_true (json_node_equal (node, again));
}

static void
test_json_read_subset (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"campaign_type\": \"cashback\", \"name\": \"Points for cash\","
                                               " \"point_value\": 2.5, \"limit\": null,"
                                               " \"segments\": [\"" VIPS "\"], \"target\": \"segment\","
                                               " \"visibility\": {\"all_time\": false,"
                                               "  \"from\": \"2026-12-24T00:00:00+01:00\","
                                               "  \"to\": \"2026-12-31T00:00:00+01:00\"}}", NULL);
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  campaign = loy_campaign_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_get_campaign_type (campaign), ==, LOY_CAMPAIGN_TYPE_CASHBACK);
  g_assert_cmpstr (loy_campaign_get_name (campaign), ==, "Points for cash");
  g_assert_cmpint (loy_campaign_get_point_value_cents (campaign), ==, 250);
  g_assert_cmpint (loy_campaign_get_limit (campaign), ==, LOY_UNSET);
  g_assert_cmpint (loy_campaign_get_target_type (campaign), ==, LOY_TARGET_TYPE_SEGMENT);
  g_assert_cmpstr (loy_campaign_get_segment_uuids (campaign)[0], ==, VIPS);
  g_assert_false (loy_campaign_get_visibility_all_time (campaign));
  g_assert_cmpint (loy_campaign_get_visible_from (campaign), ==, at (2026, 12, 24, 0, 0, 1));
  /* Defaults for the rest. */
  g_assert_true (loy_campaign_get_is_active (campaign));
  g_assert_true (loy_campaign_get_activity_all_time (campaign));
}

static void
test_json_read_errors (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "A campaign must be a JSON object" },
    { "{\"campaign_type\": \"gift_card\"}", "“gift_card” is not a campaign type" },
    { "{\"cost_in_points\": \"ten\"}", "“cost_in_points” must be a whole number or null" },
    { "{\"cost_in_points\": 1.5}", "“cost_in_points” must be a whole number or null" },
    { "{\"point_value\": 2.555}", "“point_value” must be an amount of money with at most two decimals" },
    { "{\"point_value\": \"2\"}", "“point_value” must be an amount of money or null" },
    { "{\"active\": 1}", "“active” must be true or false" },
    { "{\"activity\": {\"all_time\": false, \"from\": \"24 Dec\"}}",
      "“from” must be a time in ISO 8601, such as 2026-12-24T00:00:00+01:00" },
    { "{\"activity\": true}", "“activity” must be an object" },
    { "{\"levels\": [1]}", "“levels” must be a list of strings" },
    { "{\"labels\": [{\"value\": \"x\"}]}", "“labels” must be a list of {\"key\", \"value\"}" },
    { "{\"target\": \"everyone\"}", "“target” must be “level”, “segment” or null" },
    { "{\"connect_type\": \"nfc\"}", "“connect_type” must be “none”, “qr_code”, “geolocation” or null" },
    { "{\"translations\": {\"nl\": \"Zomer\"}}",
      "“translations” must be an object of languages, each an object of texts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (node);
      g_assert_null (loy_campaign_from_json (node, &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_json_availability_and_quote (void)
{
  g_autoptr(LoyCampaignContext) context = new_context (60);
  g_autoptr(LoyCampaign) campaign = new_valid_campaign (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_autoptr(LoyCampaign) cashback = new_cashback ("c1", 200, 1);
  g_autoptr(GDateTime) now = now_at (at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(LoyAvailability) availability = loy_campaign_check_availability (campaign, context, now);
  g_autoptr(JsonNode) node = loy_availability_to_json (availability);
  g_autoptr(LoyCashbackQuote) quote = loy_cashback_quote (cashback, 50, 10000, 20, NULL);
  g_autoptr(JsonNode) quote_node = loy_cashback_quote_to_json (quote);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) problems_node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *quote_text = NULL;

  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"uuid\":\"c0000000-0000-4000-8000-000000000001\",\"name\":\"Summer\","
                   "\"campaign_type\":\"discount_code\",\"listed\":true,\"available\":false,"
                   "\"can_buy\":false,\"points_needed\":40,\"reasons\":[{\"reason\":\"not_enough_points\","
                   "\"message\":\"Needs 40 more points\"}]}");

  quote_text = json_to_string (quote_node, FALSE);
  g_assert_cmpstr (quote_text, ==,
                   "{\"campaign_uuid\":\"c1\",\"point_value\":2,\"order_total\":100,"
                   "\"points_used\":20,\"discount\":40,\"to_pay\":60}");

  loy_campaign_set_cost_in_points (campaign, -1);
  problems = loy_campaign_validate (campaign, NULL);
  problems_node = loy_field_problems_to_json (problems);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_node_get_array (problems_node), 0), "field"), ==, "cost_in_points");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/type/names", test_type_names);
  g_test_add_func ("/campaigns/type/fields", test_type_fields);
  g_test_add_func ("/campaigns/model/properties-notify", test_properties_notify);
  g_test_add_func ("/campaigns/model/texts", test_texts);
  g_test_add_func ("/campaigns/model/labels", test_labels);
  g_test_add_func ("/campaigns/model/filled-fields", test_filled_fields);
  g_test_add_func ("/campaigns/model/status", test_status);
  g_test_add_func ("/campaigns/validate/every-type", test_validate_every_type);
  g_test_add_func ("/campaigns/validate/name", test_validate_name);
  g_test_add_func ("/campaigns/validate/windows", test_validate_windows);
  g_test_add_func ("/campaigns/validate/limits", test_validate_limits);
  g_test_add_func ("/campaigns/validate/numbers", test_validate_numbers);
  g_test_add_func ("/campaigns/validate/link", test_validate_link);
  g_test_add_func ("/campaigns/validate/codes", test_validate_codes);
  g_test_add_func ("/campaigns/validate/custom-and-target", test_validate_custom_and_target);
  g_test_add_func ("/campaigns/validate/all-at-once", test_validate_all_at_once);
  g_test_add_func ("/campaigns/availability/plain", test_available_plain);
  g_test_add_func ("/campaigns/availability/status-beats-windows", test_available_status_beats_windows);
  g_test_add_func ("/campaigns/availability/windows-time-zones", test_available_windows_time_zones);
  g_test_add_func ("/campaigns/availability/visibility", test_available_visibility);
  g_test_add_func ("/campaigns/availability/target", test_available_target);
  g_test_add_func ("/campaigns/availability/limits-codes-points", test_available_limits_codes_points);
  g_test_add_func ("/campaigns/availability/one-point-short", test_available_one_point_short);
  g_test_add_func ("/campaigns/availability/by-type", test_available_by_type);
  g_test_add_func ("/campaigns/cashback/seed-examples", test_cashback_seed_examples);
  g_test_add_func ("/campaigns/cashback/arithmetic", test_cashback_arithmetic);
  g_test_add_func ("/campaigns/cashback/bad-input", test_cashback_bad_input);
  g_test_add_func ("/campaigns/cashback/best-rate", test_cashback_best_rate);
  g_test_add_func ("/campaigns/cashback/none", test_cashback_none);
  g_test_add_func ("/campaigns/cashback/confirm", test_cashback_confirm);
  g_test_add_func ("/campaigns/percentage/value", test_percentage_value);
  g_test_add_func ("/campaigns/percentage/wrong-type", test_percentage_wrong_type);
  g_test_add_func ("/campaigns/json/round-trip", test_json_round_trip);
  g_test_add_func ("/campaigns/json/read-subset", test_json_read_subset);
  g_test_add_func ("/campaigns/json/read-errors", test_json_read_errors);
  g_test_add_func ("/campaigns/json/availability-and-quote", test_json_availability_and_quote);

  return g_test_run ();
}
