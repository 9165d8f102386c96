/* test-campaign-store.c — campaigns in the local store: writing, listing
 * with filters, buying, purchases, cashback (seed 003) and the reach count
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "loy-core.h"
#include "loy-segment-criteria.h"
#include "test-sqlite-fixture.h"

#define OPERATOR "Test till"

typedef struct
{
  TestSqliteFixture  base;
  LoyStore          *store;
  sqlite3           *raw;
  char              *gold;     /* level from 100 points */
  char              *bronze;   /* level from 0 */
  char              *rich;     /* segment: a balance of 1,000 or more */
} Fixture;

static char *
save_level (Fixture    *fixture,
            const char *name,
            gint64      threshold)
{
  g_autoptr(LoyLevel) level = loy_level_new ();
  g_autoptr(LoyLevel) saved = NULL;
  g_autoptr(GError) error = NULL;

  loy_level_set_name (level, name);
  loy_level_set_threshold (level, threshold);
  saved = loy_store_save_level_sync (fixture->store, level, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (loy_level_get_uuid (saved));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LoySegment) segment = loy_segment_new ();
  g_autoptr(LoySegment) saved = NULL;
  g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
  g_autoptr(GError) error = NULL;

  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->store = LOY_STORE (fixture->base.store);
  fixture->raw = test_sqlite_open_raw (fixture->base.path);
  fixture->bronze = save_level (fixture, "Bronze", 0);
  fixture->gold = save_level (fixture, "Gold", 100);

  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_balance (1000, LOY_UNSET));
  loy_segment_set_name (segment, "Rich");
  loy_segment_set_criteria (segment, criteria);
  saved = loy_store_save_segment_sync (fixture->store, segment, NULL, &error);
  g_assert_no_error (error);
  fixture->rich = g_strdup (loy_segment_get_uuid (saved));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sqlite3_close (fixture->raw);
  g_free (fixture->gold);
  g_free (fixture->bronze);
  g_free (fixture->rich);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

/* A contact with @points points. */
static char *
enroll (Fixture    *fixture,
        const char *email,
        gint64      points)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  loy_contact_set_email (template, email);
  contact = loy_store_enroll_contact_sync (fixture->store, template, OPERATOR, NULL, &error);
  g_assert_no_error (error);

  if (points != loy_contact_get_balance (contact))
    {
      g_autoptr(LoyLedgerEntry) entry = NULL;

      entry = loy_store_adjust_points_sync (fixture->store, loy_contact_get_uuid (contact),
                                            points - loy_contact_get_balance (contact), "Start",
                                            OPERATOR, NULL, &error);
      g_assert_no_error (error);
    }

  return g_strdup (loy_contact_get_uuid (contact));
}

static gint64
balance_of (Fixture    *fixture,
            const char *uuid)
{
  return test_sqlite_int (fixture->raw, "SELECT balance FROM contacts WHERE uuid = '%s'", uuid);
}

static LoyCampaign *
new_coupon (const char *name,
            gint64      cost)
{
  LoyCampaign *campaign = loy_campaign_new ();

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_cost_in_points (campaign, cost);

  return campaign;
}

static LoyCampaign *
create (Fixture            *fixture,
        LoyCampaign        *campaign,
        const char * const *codes)
{
  g_autoptr(GError) error = NULL;
  LoyCampaign *created = loy_store_create_campaign_sync (fixture->store, campaign, codes, NULL,
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (loy_campaign_get_uuid (created));

  return created;
}

static LoyCampaign *
new_cashback (const char *name,
              gint64      point_value_cents)
{
  LoyCampaign *campaign = loy_campaign_new ();

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_point_value_cents (campaign, point_value_cents);

  return campaign;
}

static guint
count_listed (Fixture  *fixture,
              LoyQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_sync (fixture->store, query, 0, 100, NULL, &error);

  g_assert_no_error (error);
  return page->total;
}

static void
test_write_and_list (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const codes[] = { "A-1", "A-2", NULL };
  g_autoptr(LoyCampaign) birthday = new_coupon ("Birthday bonus", 10);
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(LoyCampaign) cashback = NULL;
  g_autoptr(LoyCampaign) updated = NULL;
  g_autoptr(LoyCampaign) twin = new_coupon ("BIRTHDAY BONUS", 10);
  g_autoptr(LoyCampaignCategory) category = loy_campaign_category_new (NULL, "Webshop");
  g_autoptr(LoyCampaignCategory) saved = NULL;
  g_autoptr(LoyCampaignCategory) clash = loy_campaign_category_new (NULL, "webshop");
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  const char *category_uuids[2] = { NULL, NULL };
  const char *levels[] = { fixture->gold, NULL };

  saved = loy_store_save_campaign_category_sync (fixture->store, category, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loy_campaign_category_get_uuid (saved));
  g_assert_null (loy_store_save_campaign_category_sync (fixture->store, clash, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "There is a category called “webshop” already");
  g_clear_error (&error);

  category_uuids[0] = loy_campaign_category_get_uuid (saved);
  loy_campaign_set_text (birthday, "nl", LOY_CAMPAIGN_TEXT_NAME, "Verjaardagsbonus");
  loy_campaign_add_label (birthday, "Event", "Birthday");
  loy_campaign_add_label (birthday, "Ünïcode", "✓");
  loy_campaign_set_category_uuids (birthday, category_uuids);
  loy_campaign_set_target_type (birthday, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (birthday, levels);
  loy_campaign_set_limit (birthday, 5);
  loy_campaign_set_limit_per_contact (birthday, 1);
  created = create (fixture, birthday, codes);
  g_assert_nonnull (loy_campaign_get_code_group_uuid (created));
  g_assert_cmpstr (loy_campaign_get_text (created, "nl", LOY_CAMPAIGN_TEXT_NAME), ==,
                   "Verjaardagsbonus");
  g_assert_true (loy_campaign_has_label (created, "Ünïcode", "✓"));
  g_assert_cmpstrv (loy_campaign_get_level_uuids (created), levels);
  g_assert_cmpint (loy_campaign_get_limit_per_contact (created), ==, 1);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM codes"), ==, 2);

  cashback = create (fixture, new_cashback ("Points for cash", 200), NULL);
  loy_campaign_set_shared_code (twin, "TWIN");

  /* The name is unique in the default language, whatever the case. */
  g_assert_null (loy_store_create_campaign_sync (fixture->store, twin, NULL, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "Another campaign is already called “BIRTHDAY BONUS”: a campaign’s name must be unique");
  g_clear_error (&error);

  /* Filters, in SQL, several labels ANDed. */
  g_assert_cmpuint (count_listed (fixture, query), ==, 2);
  query->campaign_types = 1 << LOY_CAMPAIGN_TYPE_CASHBACK;
  g_assert_cmpuint (count_listed (fixture, query), ==, 1);
  query->campaign_types = 0;
  query->labels = g_strsplit ("Event=Birthday,Ünïcode", ",", -1);
  g_assert_cmpuint (count_listed (fixture, query), ==, 1);
  g_strfreev (query->labels);
  query->labels = g_strsplit ("Event=Birthday,Ünïcode=✗", ",", -1);
  g_assert_cmpuint (count_listed (fixture, query), ==, 0);
  g_clear_pointer (&query->labels, g_strfreev);
  query->categories = g_strsplit ("Webshop", ",", -1);
  g_assert_cmpuint (count_listed (fixture, query), ==, 1);
  g_strfreev (query->categories);
  /* Any of them: a category no campaign is in adds none. */
  query->categories = g_strsplit ("No such category,Webshop", ",", -1);
  g_assert_cmpuint (count_listed (fixture, query), ==, 1);
  g_strfreev (query->categories);
  query->categories = g_strsplit ("No such category", ",", -1);
  g_assert_cmpuint (count_listed (fixture, query), ==, 0);
  g_clear_pointer (&query->categories, g_strfreev);
  query->search = g_strdup ("jaardag");
  g_assert_cmpuint (count_listed (fixture, query), ==, 1);
  g_clear_pointer (&query->search, g_free);

  /* Changed fields only: the rest stays. */
  json_object_set_int_member (changes, "cost_in_points", 25);
  json_object_set_boolean_member (changes, "featured", TRUE);
  updated = loy_store_update_campaign_sync (fixture->store, loy_campaign_get_uuid (created), changes,
                                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_get_cost_in_points (updated), ==, 25);
  g_assert_cmpstr (loy_campaign_get_name (updated), ==, "Birthday bonus");
  g_assert_cmpstr (loy_campaign_get_code_group_uuid (updated), ==,
                   loy_campaign_get_code_group_uuid (created));
  g_assert_true (loy_campaign_has_label (updated, "Event", "Birthday"));
  query->only_featured = TRUE;
  g_assert_cmpuint (count_listed (fixture, query), ==, 1);
  g_clear_object (&updated);

  /* Bad input changes nothing and names the field. */
  json_object_set_int_member (changes, "limit_per_contact", 9);
  g_assert_null (loy_store_update_campaign_sync (fixture->store, loy_campaign_get_uuid (created),
                                                 changes, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "limit"));
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT limit_per_contact FROM campaigns"
                                                  " WHERE name = 'Birthday bonus'"), ==, 1);

  categories = loy_store_list_campaign_categories_sync (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 1);
  g_assert_true (loy_store_delete_campaign_category_sync (fixture->store, category_uuids[0], NULL,
                                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM campaign_category_links"),
                   ==, 0);

  /* Never bought: it can go, with its codes. */
  g_assert_true (loy_store_delete_sync (fixture->store, LOY_KIND_CAMPAIGN,
                                        loy_campaign_get_uuid (cashback), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (loy_store_delete_sync (fixture->store, LOY_KIND_CAMPAIGN,
                                        loy_campaign_get_uuid (created), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM codes"), ==, 0);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM campaign_labels"), ==, 0);
}

static void
assert_buy_refused (Fixture    *fixture,
                    const char *contact,
                    const char *campaign,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;

  purchase = loy_store_buy_campaign_sync (fixture->store, contact, campaign, OPERATOR, NULL, &error);
  g_assert_null (purchase);
  g_assert_error (error, LOY_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_buy (Fixture       *fixture,
          gconstpointer  data)
{
  static const char * const codes[] = { "GOLD-1", "GOLD-2", NULL };
  g_autoptr(LoyCampaign) coupon = new_coupon ("Gold coupon", 30);
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  g_autoptr(LoyCampaignPurchase) cancelled = NULL;
  g_autoptr(LoyCampaignPurchase) used = NULL;
  g_autoptr(GPtrArray) purchases = NULL;
  g_autoptr(JsonObject) cancel = json_object_new ();
  g_autoptr(JsonObject) use = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ann = enroll (fixture, "ann@example.com", 150);
  g_autofree char *bob = enroll (fixture, "bob@example.com", 150);
  g_autofree char *poor = enroll (fixture, "poor@example.com", 0);
  g_autofree char *reason = NULL;
  const char *levels[] = { fixture->gold, NULL };
  g_autofree char *uuid = NULL;

  loy_campaign_set_target_type (coupon, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (coupon, levels);
  loy_campaign_set_limit_per_contact (coupon, 1);
  loy_campaign_set_days_valid (coupon, 30);
  created = create (fixture, coupon, codes);
  uuid = g_strdup (loy_campaign_get_uuid (created));

  purchase = loy_store_buy_campaign_sync (fixture->store, ann, uuid, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_purchase_get_code (purchase), ==, "GOLD-1");
  g_assert_cmpint (loy_campaign_purchase_get_cost_in_points (purchase), ==, 30);
  g_assert_cmpint (loy_campaign_purchase_get_status (purchase, g_get_real_time () / G_USEC_PER_SEC),
                   ==, LOY_PURCHASE_STATUS_ACTIVE);
  g_assert_cmpint (loy_campaign_purchase_get_active_to (purchase) -
                   loy_campaign_purchase_get_active_from (purchase), ==, 30 * 24 * 60 * 60);
  g_assert_cmpint (balance_of (fixture, ann), ==, 120);
  reason = test_sqlite_text (fixture->raw, "SELECT reason FROM ledger_entries"
                                           " WHERE entry_type = 'CAMPAIGN_PURCHASE'");
  g_assert_cmpstr (reason, ==, "Gold coupon, code GOLD-1");

  /* Each refusal says why, and changes nothing. */
  assert_buy_refused (fixture, ann, uuid, LOY_ERROR_OUT_OF_STOCK,
                      "“Gold coupon” cannot be bought: Bought 1 time already, the limit per contact");
  assert_buy_refused (fixture, poor, uuid, LOY_ERROR_NOT_VISIBLE,
                      "“Gold coupon” cannot be bought: Only for Gold; Needs 30 more points");
  g_assert_cmpint (balance_of (fixture, ann), ==, 120);

  g_clear_object (&purchase);
  purchase = loy_store_buy_campaign_sync (fixture->store, bob, uuid, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_purchase_get_code (purchase), ==, "GOLD-2");

  /* The last code is gone: so is the campaign, for everybody. */
  json_object_set_member (cancel, "limit_per_contact", json_node_new (JSON_NODE_NULL));
  g_clear_object (&created);
  created = loy_store_update_campaign_sync (fixture->store, uuid, cancel, NULL, &error);
  g_assert_no_error (error);
  assert_buy_refused (fixture, ann, uuid, LOY_ERROR_OUT_OF_CODES,
                      "“Gold coupon” cannot be bought: No codes left");

  /* Bought: it cannot be deleted. */
  g_assert_false (loy_store_delete_sync (fixture->store, LOY_KIND_CAMPAIGN, uuid, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Contacts have bought “Gold coupon” or paid with it, "
                                       "so it cannot be deleted. Deactivate it instead.");
  g_clear_error (&error);

  /* Cancelled: the points come back and the unused code goes back to the pool. */
  json_object_remove_member (cancel, "limit_per_contact");
  json_object_set_boolean_member (cancel, "cancelled", TRUE);
  cancelled = loy_store_update_campaign_purchase_sync (fixture->store,
                                                       loy_campaign_purchase_get_uuid (purchase),
                                                       cancel, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_cancelled_at (cancelled), >, 0);
  g_assert_cmpint (balance_of (fixture, bob), ==, 150);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM codes"
                                                  " WHERE code = 'GOLD-2' AND contact_id IS NULL"), ==, 1);
  g_assert_null (loy_store_update_campaign_purchase_sync (fixture->store,
                                                          loy_campaign_purchase_get_uuid (purchase),
                                                          cancel, OPERATOR, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The code back in the pool is sold again. */
  g_clear_object (&purchase);
  purchase = loy_store_buy_campaign_sync (fixture->store, ann, uuid, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_purchase_get_code (purchase), ==, "GOLD-2");

  json_object_set_boolean_member (use, "used", TRUE);
  used = loy_store_update_campaign_purchase_sync (fixture->store,
                                                  loy_campaign_purchase_get_uuid (purchase),
                                                  use, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_purchase_get_used_at (used), >, 0);

  purchases = loy_store_list_campaign_purchases_sync (fixture->store, NULL, ann, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purchases->len, ==, 2);
  g_clear_pointer (&purchases, g_ptr_array_unref);
  purchases = loy_store_list_campaign_purchases_sync (fixture->store, uuid, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (purchases->len, ==, 3);

  /* Sold: the purchases not cancelled. */
  g_clear_object (&created);
  created = LOY_CAMPAIGN (loy_store_lookup_sync (fixture->store, LOY_KIND_CAMPAIGN, uuid, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (loy_campaign_get_n_sold (created), ==, 2);

  /* Balances are the sums of the ledger. */
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM contacts AS c"
                                                  " WHERE balance <> (SELECT total (credits)"
                                                  " FROM ledger_entries WHERE contact_id = c.id)"),
                   ==, 0);
}

static LoyCashbackQuote *
quote (Fixture    *fixture,
       const char *contact,
       gint64      order_cents,
       gint64      points)
{
  g_autoptr(GError) error = NULL;
  LoyCashbackQuote *quote = loy_store_cashback_quote_sync (fixture->store, contact, order_cents,
                                                           points, NULL, &error);

  g_assert_no_error (error);
  return quote;
}

/* Seed 003: 1 point = €2, 50 points, an order of €100. */
static void
test_cashback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *contact = enroll (fixture, "cash@example.com", 50);
  g_autoptr(LoyCampaign) rate = create (fixture, new_cashback ("Two euro a point", 200), NULL);
  g_autoptr(LoyCampaign) better = NULL;
  g_autoptr(LoyCashbackQuote) all = quote (fixture, contact, 10000, LOY_UNSET);
  g_autoptr(LoyCashbackQuote) part = quote (fixture, contact, 10000, 20);
  g_autoptr(LoyCashbackQuote) again = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;

  g_assert_cmpstr (all->campaign_uuid, ==, loy_campaign_get_uuid (rate));
  g_assert_cmpint (all->points_used, ==, 50);
  g_assert_cmpint (all->discount_cents, ==, 10000);
  g_assert_cmpint (all->to_pay_cents, ==, 0);
  g_assert_cmpint (part->points_used, ==, 20);
  g_assert_cmpint (part->discount_cents, ==, 4000);
  g_assert_cmpint (part->to_pay_cents, ==, 6000);

  entry = loy_store_cashback_exchange_sync (fixture->store, contact, part, "ORDER-7", OPERATOR,
                                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -20);
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_CASHBACK);
  g_assert_cmpint (balance_of (fixture, contact), ==, 30);
  order = test_sqlite_text (fixture->raw, "SELECT order_reference FROM ledger_entries"
                                          " WHERE entry_type = 'CASHBACK'");
  g_assert_cmpstr (order, ==, "ORDER-7");

  /* A better rate since the quote: the exchange refuses. */
  again = quote (fixture, contact, 1000, LOY_UNSET);
  g_assert_cmpint (again->points_used, ==, 5);
  better = create (fixture, new_cashback ("Three euro a point", 300), NULL);
  g_assert_null (loy_store_cashback_exchange_sync (fixture->store, contact, again, "ORDER-8",
                                                   OPERATOR, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "The cashback rate changed since the quote; quote again");
  g_assert_cmpint (balance_of (fixture, contact), ==, 30);
}

/* The evaluator's answer for every contact, counted one by one. */
static gint64
count_by_evaluator (Fixture     *fixture,
                    LoyCampaign *campaign,
                    GStrv        contacts)
{
  gint64 reached = 0;

  for (guint i = 0; contacts[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) answers = NULL;
      g_autoptr(GError) error = NULL;

      answers = loy_store_check_campaigns_sync (fixture->store, contacts[i], NULL, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < answers->len; j++)
        {
          LoyAvailability *answer = g_ptr_array_index (answers, j);

          if (g_str_equal (loy_campaign_get_uuid (loy_availability_get_campaign (answer)),
                           loy_campaign_get_uuid (campaign)) &&
              !loy_availability_has_reason (answer, LOY_AVAILABILITY_REASON_NOT_IN_TARGET))
            reached++;
        }
    }

  return reached;
}

static void
test_reach (Fixture       *fixture,
            gconstpointer  data)
{
  static const gint64 balances[] = { 0, 50, 150, 1200, 3000 };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) contacts = NULL;
  g_autoptr(LoyCampaign) gold = new_coupon ("Gold only", 0);
  g_autoptr(LoyCampaign) rich = new_coupon ("Rich only", 0);
  g_autoptr(LoyCampaign) everyone = new_coupon ("Everyone", 0);
  g_autoptr(LoyCampaign) saved_gold = NULL;
  g_autoptr(LoyCampaign) saved_rich = NULL;
  g_autoptr(GError) error = NULL;
  const char *levels[] = { fixture->gold, NULL };
  const char *segments[] = { fixture->rich, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (balances); i++)
    {
      g_autofree char *email = g_strdup_printf ("c%u@example.com", i);
      g_autofree char *uuid = enroll (fixture, email, balances[i]);

      g_strv_builder_add (builder, uuid);
    }
  contacts = g_strv_builder_end (builder);

  loy_campaign_set_shared_code (gold, "G");
  loy_campaign_set_target_type (gold, LOY_TARGET_TYPE_LEVEL);
  loy_campaign_set_level_uuids (gold, levels);
  loy_campaign_set_shared_code (rich, "R");
  loy_campaign_set_target_type (rich, LOY_TARGET_TYPE_SEGMENT);
  loy_campaign_set_segment_uuids (rich, segments);
  loy_campaign_set_shared_code (everyone, "E");

  /* Unsaved, as the editor asks. */
  g_assert_cmpint (loy_store_count_campaign_reach_sync (fixture->store, gold, NULL, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (loy_store_count_campaign_reach_sync (fixture->store, rich, NULL, &error), ==, 2);
  g_assert_cmpint (loy_store_count_campaign_reach_sync (fixture->store, everyone, NULL, &error),
                   ==, 5);

  /* The same as the evaluator says contact by contact. */
  saved_gold = create (fixture, gold, NULL);
  saved_rich = create (fixture, rich, NULL);
  g_assert_cmpint (count_by_evaluator (fixture, saved_gold, contacts), ==, 3);
  g_assert_cmpint (count_by_evaluator (fixture, saved_rich, contacts), ==, 2);
}

/* "key=value" of each label in use, as the store lists them, in order. */
static char *
list_labels (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = loy_store_list_campaign_labels_sync (fixture->store, NULL, &error);
  g_autoptr(GString) listed = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (labels, i);

      g_string_append_printf (listed, "%s%s=%s", i > 0 ? "," : "", label->key, label->value);
    }

  return g_string_free (g_steal_pointer (&listed), FALSE);
}

/* The labels campaigns have, each once, for the list's filter: gone with
 * the last campaign that had it. */
static void
test_labels_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyCampaign) birthday = new_coupon ("Birthday bonus", 10);
  g_autoptr(LoyCampaign) summer = new_coupon ("Summer treat", 20);
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *none = list_labels (fixture);
  g_autofree char *both = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpstr (none, ==, "");

  loy_campaign_add_label (birthday, "Event", "Birthday");
  loy_campaign_add_label (birthday, "Ünïcode", "✓");
  loy_campaign_add_label (birthday, "season", NULL);
  loy_campaign_add_label (summer, "Event", "Birthday");
  loy_campaign_add_label (summer, "Event", "Summer");
  loy_campaign_set_shared_code (birthday, "BDAY");
  loy_campaign_set_shared_code (summer, "SUMMER");
  created = create (fixture, birthday, NULL);
  g_clear_object (&created);
  created = create (fixture, summer, NULL);

  /* By key (whatever the case), then value; a key alone has the value "". */
  both = list_labels (fixture);
  g_assert_cmpstr (both, ==, "Event=Birthday,Event=Summer,season=,Ünïcode=✓");

  g_assert_true (loy_store_delete_sync (fixture->store, LOY_KIND_CAMPAIGN,
                                        loy_campaign_get_uuid (created), NULL, &error));
  g_assert_no_error (error);
  after = list_labels (fixture);
  g_assert_cmpstr (after, ==, "Event=Birthday,season=,Ünïcode=✓");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/campaign-store/write-and-list", Fixture, NULL, fixture_setup, test_write_and_list,
              fixture_teardown);
  g_test_add ("/campaign-store/labels-in-use", Fixture, NULL, fixture_setup, test_labels_in_use,
              fixture_teardown);
  g_test_add ("/campaign-store/buy", Fixture, NULL, fixture_setup, test_buy, fixture_teardown);
  g_test_add ("/campaign-store/cashback", Fixture, NULL, fixture_setup, test_cashback,
              fixture_teardown);
  g_test_add ("/campaign-store/reach", Fixture, NULL, fixture_setup, test_reach, fixture_teardown);

  return g_test_run ();
}
