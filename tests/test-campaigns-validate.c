/* test-campaigns-validate.c — a campaign's validation, each problem
 * naming its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-core.h"
#include "test-campaign-fixture.h"

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

/* Validation */

static void
test_validate_every_type (void)
{
  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    {
      g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (type);
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
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_CASHBACK);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;

  /* A name in another language does not do. */
  loy_campaign_set_name (campaign, NULL);
  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, "Zomer");
  problems = loy_campaign_validate (campaign, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->field, ==, "name");
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Enter the name in English");

  loy_campaign_set_name (campaign, " \t ");
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "name");

  loy_campaign_set_default_language (campaign, "nl");
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "");

  /* The message names the default language in words, whichever it is. */
  loy_campaign_set_text (campaign, "nl", LOY_CAMPAIGN_TEXT_NAME, NULL);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = loy_campaign_validate (campaign, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((LoyFieldProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Enter the name in Dutch");
}

static void
test_validate_windows (void)
{
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_EVENT_CODE);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *fields = NULL;
  gint64 day = 24 * 60 * 60;
  gint64 dec_5 = test_time_at (2026, 12, 5, 0, 0, 0);

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
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
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
  g_autoptr(LoyCampaign) cashback = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_CASHBACK);
  g_autoptr(LoyCampaign) percentage = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
  g_autoptr(LoyCampaign) coupon = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_GIFT_CODE);
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
      g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE);
      g_autofree char *fields = NULL;

      loy_campaign_set_more_information_link (campaign, cases[i].link);
      fields = validate_fields (campaign, NULL);
      g_assert_cmpstr (fields, ==, cases[i].valid ? "" : "more_information_link");
    }
}

static void
test_validate_codes (void)
{
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE);
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
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE);
  g_autofree char *fields = NULL;

  loy_campaign_set_connect_type (campaign, LOY_CONNECT_TYPE_UNSET);
  loy_campaign_set_target_type (campaign, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_add_label (campaign, " ", "orphan value");
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "connect_type,labels,levels");

  /* A key with "=" could not be told from key=value in a label filter. */
  loy_campaign_set_connect_type (campaign, LOY_CONNECT_TYPE_NONE);
  loy_campaign_set_labels (campaign, NULL);
  loy_campaign_add_label (campaign, "size=xl", "");
  loy_campaign_add_label (campaign, "size", "xl=big");
  g_clear_pointer (&fields, g_free);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "labels,levels");

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
  gint64 dec_5 = test_time_at (2026, 12, 5, 0, 0, 0);

  loy_campaign_set_more_information_link (campaign, "www.example.com");
  loy_campaign_set_cost_in_points (campaign, -10);
  loy_campaign_set_activity (campaign, FALSE, dec_5, dec_5 - 60);
  loy_campaign_set_limit (campaign, 1);
  loy_campaign_set_limit_per_contact (campaign, 3);
  fields = validate_fields (campaign, NULL);
  g_assert_cmpstr (fields, ==, "name,more_information_link,cost_in_points,activity,limit_per_contact,codes");

  g_assert_false (loy_campaign_check (campaign, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Enter the name in English; "));
  g_assert_nonnull (strstr (error->message, "; Add at least one code, or a shared code"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/validate/every-type", test_validate_every_type);
  g_test_add_func ("/campaigns/validate/name", test_validate_name);
  g_test_add_func ("/campaigns/validate/windows", test_validate_windows);
  g_test_add_func ("/campaigns/validate/limits", test_validate_limits);
  g_test_add_func ("/campaigns/validate/numbers", test_validate_numbers);
  g_test_add_func ("/campaigns/validate/link", test_validate_link);
  g_test_add_func ("/campaigns/validate/codes", test_validate_codes);
  g_test_add_func ("/campaigns/validate/custom-and-target", test_validate_custom_and_target);
  g_test_add_func ("/campaigns/validate/all-at-once", test_validate_all_at_once);

  return g_test_run ();
}
