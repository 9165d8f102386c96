/* test-campaigns-cashback.c — cashback quotes and percentage discount
 * codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-core.h"
#include "test-campaign-fixture.h"

/* Cashback */

static LoyCashbackQuote *
quote_at_rate (gint64 point_value_cents,
               gint64 balance,
               gint64 order_total_cents,
               gint64 requested_points)
{
  g_autoptr(LoyCampaign) campaign = test_cashback_new ("ca5hback-0000-4000-8000-000000000001",
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
  g_autoptr(LoyCampaign) cashback = test_cashback_new ("ca5hback-0000-4000-8000-000000000001", 200, 1);
  g_autoptr(LoyCampaign) coupon = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
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
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (50);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now_seconds = test_time_at (2026, 12, 10, 12, 0, 0);
  g_autoptr(GDateTime) now = test_now_at (now_seconds, 1);
  g_autoptr(GError) error = NULL;
  LoyCampaign *young_two, *old_two, *gold_five, *inactive_nine, *ended_eight;
  LoyCampaign *best;

  g_ptr_array_add (campaigns, test_campaign_new_valid (LOY_CAMPAIGN_TYPE_DISCOUNT_CODE));
  g_ptr_array_add (campaigns, young_two = test_cashback_new ("c2", 200, 2000));
  g_ptr_array_add (campaigns, old_two = test_cashback_new ("c1", 200, 1000));
  g_ptr_array_add (campaigns, gold_five = test_cashback_new ("c5", 500, 10));
  g_ptr_array_add (campaigns, inactive_nine = test_cashback_new ("c9", 900, 10));
  g_ptr_array_add (campaigns, ended_eight = test_cashback_new ("c8", 800, 10));
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
  context = test_campaign_context_new (50);
  g_assert_true (loy_cashback_find_campaign (campaigns, context, now, NULL) == young_two);
}

static void
test_cashback_none (void)
{
  g_autoptr(LoyCampaignContext) context = test_campaign_context_new (50);
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = test_now_at (test_time_at (2026, 12, 10, 12, 0, 0), 0);
  g_autoptr(GError) error = NULL;
  LoyCampaign *inactive;

  g_assert_null (loy_cashback_find_campaign (campaigns, context, now, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no cashback campaign");
  g_clear_error (&error);

  g_ptr_array_add (campaigns, inactive = test_cashback_new ("c1", 200, 1));
  loy_campaign_set_is_active (inactive, FALSE);
  g_assert_null (loy_cashback_find_campaign (campaigns, context, now, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No cashback campaign is available to this contact now");
}

/* An exchange re-checks the quote the till saw. */
static void
test_cashback_confirm (void)
{
  g_autoptr(LoyCampaign) campaign = test_cashback_new ("c1", 200, 1);
  g_autoptr(LoyCampaign) better = test_cashback_new ("c2", 250, 2);
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
      g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE);
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
  g_autoptr(LoyCampaign) campaign = test_campaign_new_valid (LOY_CAMPAIGN_TYPE_VALUE_CODE);
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert_false (loy_campaign_compute_percentage_value (campaign, 10000, &value, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaigns/cashback/seed-examples", test_cashback_seed_examples);
  g_test_add_func ("/campaigns/cashback/arithmetic", test_cashback_arithmetic);
  g_test_add_func ("/campaigns/cashback/bad-input", test_cashback_bad_input);
  g_test_add_func ("/campaigns/cashback/best-rate", test_cashback_best_rate);
  g_test_add_func ("/campaigns/cashback/none", test_cashback_none);
  g_test_add_func ("/campaigns/cashback/confirm", test_cashback_confirm);
  g_test_add_func ("/campaigns/percentage/value", test_percentage_value);
  g_test_add_func ("/campaigns/percentage/wrong-type", test_percentage_wrong_type);

  return g_test_run ();
}
