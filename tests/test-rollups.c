/* test-rollups.c — the overview's rollups always equal what the ledger says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-sqlite-fixture.h"

#define OPERATOR "Tester"
#define DAY ((gint64) 86400)
#define N_STEPS 400

typedef struct
{
  TestSqliteFixture  base;
  LoyStore          *iface;
  sqlite3           *raw;
  GPtrArray         *contacts;    /* contact UUIDs */
  GPtrArray         *rewards;     /* reward UUIDs */
  GPtrArray         *entries;     /* entry UUIDs written through the store */
  char              *campaign;    /* a coupon with a shared code, bought with points */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->iface = LOY_STORE (fixture->base.store);
  fixture->raw = test_sqlite_open_raw (fixture->base.path);
  fixture->contacts = g_ptr_array_new_with_free_func (g_free);
  fixture->rewards = g_ptr_array_new_with_free_func (g_free);
  fixture->entries = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_free (fixture->campaign);
  g_ptr_array_unref (fixture->entries);
  g_ptr_array_unref (fixture->rewards);
  g_ptr_array_unref (fixture->contacts);
  sqlite3_close (fixture->raw);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

static void
enroll (Fixture *fixture)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("c%u@example.org", fixture->contacts->len);

  loy_contact_set_email (template, email);
  contact = loy_store_enroll_contact_sync (fixture->iface, template, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (fixture->contacts, g_strdup (loy_contact_get_uuid (contact)));
}

/* A contact whose id is up to two bitmap chunks past the last one, so
 * that the contacts' bits fall in many bytes and chunks. */
static void
enroll_far (Fixture *fixture)
{
  g_autofree char *uuid = g_uuid_string_random ();

  test_sqlite_exec (fixture->raw,
                    "INSERT INTO contacts (id, uuid, created_at)"
                    " SELECT max (id) + %d, '%s', %" G_GINT64_FORMAT " FROM contacts",
                    g_test_rand_int_range (1, 4096), uuid, g_get_real_time () / G_USEC_PER_SEC);
  g_ptr_array_add (fixture->contacts, g_steal_pointer (&uuid));
}

static void
add_reward (Fixture    *fixture,
            const char *title,
            gint64      required_credits)
{
  g_autoptr(LoyReward) template = loy_reward_new ();
  g_autoptr(LoyReward) reward = NULL;
  g_autoptr(GError) error = NULL;

  loy_reward_set_title (template, title);
  loy_reward_set_reward_type (template, LOY_REWARD_TYPE_PHYSICAL);
  loy_reward_set_required_credits (template, required_credits);
  reward = loy_store_create_reward_sync (fixture->iface, template, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (fixture->rewards, g_strdup (loy_reward_get_uuid (reward)));
}

static void
add_campaign (Fixture *fixture)
{
  g_autoptr(LoyCampaign) coupon = loy_campaign_new ();
  g_autoptr(LoyCampaign) created = NULL;
  g_autoptr(GError) error = NULL;

  loy_campaign_set_campaign_type (coupon, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (coupon, "Ten off");
  loy_campaign_set_cost_in_points (coupon, 20);
  loy_campaign_set_shared_code (coupon, "TENOFF");
  created = loy_store_create_campaign_sync (fixture->iface, coupon, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->campaign = g_strdup (loy_campaign_get_uuid (created));
}

/* Keeps the entry for a later reversal; a refusal (no points, already
 * reversed) is one of the writes a program sees. */
static void
keep_entry (Fixture        *fixture,
            LoyLedgerEntry *entry,
            GError         *error)
{
  if (entry != NULL)
    g_ptr_array_add (fixture->entries, g_strdup (loy_ledger_entry_get_uuid (entry)));
  else
    g_assert_nonnull (error);

  g_clear_object (&entry);
  g_clear_error (&error);
}

static const char *
pick (GPtrArray *uuids)
{
  return g_ptr_array_index (uuids, g_test_rand_int_range (0, uuids->len));
}

/* A credit dated up to 500 days back, as if written then: through the
 * same triggers, so expiry and reversals meet entries of other days. */
static void
backdate_credit (Fixture *fixture)
{
  gint64 at = g_get_real_time () / G_USEC_PER_SEC - g_test_rand_int_range (0, 500) * DAY -
              g_test_rand_int_range (0, DAY);

  test_sqlite_exec (fixture->raw,
                    "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits, created_at)"
                    " SELECT lower (hex (randomblob (16))), id, 'CREDIT_RECEPTION', %d, %" G_GINT64_FORMAT
                    " FROM contacts WHERE uuid = '%s'",
                    g_test_rand_int_range (1, 300), at, pick (fixture->contacts));
  g_ptr_array_add (fixture->entries,
                   test_sqlite_text (fixture->raw,
                                     "SELECT uuid FROM ledger_entries ORDER BY id DESC LIMIT 1"));
}

static void
random_write (Fixture *fixture)
{
  LoyLedgerEntry *entry = NULL;
  GError *error = NULL;

  switch (g_test_rand_int_range (0, 9))
    {
    case 0:
      {
        LoyAward award = { .points = g_test_rand_int_range (1, 200), .operator_name = OPERATOR };

        entry = loy_store_award_points_sync (fixture->iface, pick (fixture->contacts), &award,
                                             NULL, &error);
        keep_entry (fixture, entry, error);
      }
      break;

    case 1:
      backdate_credit (fixture);
      break;

    case 2:
      entry = loy_store_adjust_points_sync (fixture->iface, pick (fixture->contacts),
                                            g_test_rand_int_range (-100, 100) | 1, "Correction",
                                            OPERATOR, NULL, &error);
      keep_entry (fixture, entry, error);
      break;

    case 3:
    case 4:
      entry = loy_store_redeem_reward_sync (fixture->iface, pick (fixture->contacts),
                                            pick (fixture->rewards), OPERATOR, NULL, &error);
      keep_entry (fixture, entry, error);
      break;

    case 5:
      if (fixture->entries->len > 0)
        {
          entry = loy_store_reverse_entry_sync (fixture->iface, pick (fixture->entries), NULL,
                                                OPERATOR, NULL, &error);
          keep_entry (fixture, entry, error);
        }
      break;

    case 6:
      g_assert_cmpint (loy_store_expire_points_sync (fixture->iface,
                                                     g_get_real_time () / G_USEC_PER_SEC,
                                                     NULL, &error), >=, 0);
      g_assert_no_error (error);
      break;

    case 7:
      enroll (fixture);
      break;

    case 8:
      {
        g_autoptr(LoyCampaignPurchase) purchase = NULL;

        purchase = loy_store_buy_campaign_sync (fixture->iface, pick (fixture->contacts),
                                                fixture->campaign, OPERATOR, NULL, &error);
        g_assert_true (purchase != NULL || error != NULL);
        g_clear_error (&error);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  gint64 issued, redeemed, expired, withdrawn, enrollments, redemptions;
} DaySums;

static DaySums *
day_sums (GHashTable *days,
          const char *day)
{
  DaySums *sums = g_hash_table_lookup (days, day);

  if (sums == NULL)
    g_hash_table_insert (days, g_strdup (day), (sums = g_new0 (DaySums, 1)));

  return sums;
}

static char *
local_day (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return g_date_time_format (time, "%Y-%m-%d");
}

/* Adds @delta to the count kept under @key. */
static void
add_count (GHashTable *counts,
           char       *key,
           gint64      delta)
{
  gint64 count = GPOINTER_TO_SIZE (g_hash_table_lookup (counts, key)) + delta;

  if (count == 0)
    g_hash_table_remove (counts, key);
  else
    g_hash_table_insert (counts, key, GSIZE_TO_POINTER (count));
}

/* Marks @contact_id active in the day, the week from Monday and the month
 * of @unix_time, as "span/first day/contact". */
static void
add_active (GHashTable *active,
            gint64      unix_time,
            gint64      contact_id)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) monday = g_date_time_add_days (time, 1 - g_date_time_get_day_of_week (time));
  g_autofree char *day = g_date_time_format (time, "%Y-%m-%d");
  g_autofree char *week = g_date_time_format (monday, "%Y-%m-%d");
  g_autofree char *month = g_date_time_format (time, "%Y-%m-01");

  g_hash_table_add (active, g_strdup_printf ("day/%s/%" G_GINT64_FORMAT, day, contact_id));
  g_hash_table_add (active, g_strdup_printf ("week/%s/%" G_GINT64_FORMAT, week, contact_id));
  g_hash_table_add (active, g_strdup_printf ("month/%s/%" G_GINT64_FORMAT, month, contact_id));
}

/* What the ledger says, computed entry by entry in C rather than SQL. */
static void
recompute (Fixture    *fixture,
           GHashTable *days,
           GHashTable *reward_days,
           GHashTable *active)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->raw,
                                       "SELECT e.entry_type, e.credits, e.created_at, e.contact_id,"
                                       " o.entry_type, o.credits, o.created_at,"
                                       " coalesce (o.reward_id, e.reward_id)"
                                       " FROM ledger_entries AS e"
                                       " LEFT JOIN ledger_entries AS o ON o.id = e.reverses_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean reversal = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      int kind_column = reversal ? 4 : 0;
      const char *kind = (const char *) sqlite3_column_text (stmt, kind_column);
      gint64 kind_credits = sqlite3_column_int64 (stmt, kind_column + 1);
      gint64 credits = sqlite3_column_int64 (stmt, 1);
      g_autofree char *day = local_day (sqlite3_column_int64 (stmt, kind_column + 2));
      DaySums *sums = day_sums (days, day);

      if (g_str_equal (kind, "REWARD_RECEPTION"))
        {
          sums->redeemed -= credits;
          sums->redemptions += reversal ? -1 : 1;
          add_count (reward_days,
                     g_strdup_printf ("%s/%" G_GINT64_FORMAT, day, (gint64) sqlite3_column_int64 (stmt, 7)),
                     reversal ? -1 : 1);
        }
      else if (g_str_equal (kind, "CAMPAIGN_PURCHASE") || g_str_equal (kind, "CASHBACK"))
        sums->redeemed -= credits;
      else if (g_str_equal (kind, "EXPIRY"))
        sums->expired -= credits;
      else if (g_str_equal (kind, "ADJUSTMENT") && kind_credits < 0)
        sums->withdrawn -= credits;
      else
        sums->issued += credits;

      add_active (active, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->raw, "SELECT created_at FROM contacts", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *day = local_day (sqlite3_column_int64 (stmt, 0));

      day_sums (days, day)->enrollments++;
    }
  sqlite3_finalize (stmt);
}

static void
assert_rollups_match_ledger (Fixture *fixture)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) reward_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) active = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  guint n_days = 0, n_reward_days = 0, n_active = 0;

  recompute (fixture, days, reward_days, active);

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->raw,
                                       "SELECT day, issued, redeemed, expired, withdrawn,"
                                       " enrollments, redemptions FROM rollup_days", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 0);
      const DaySums *expected = g_hash_table_lookup (days, day);

      g_assert_nonnull (expected);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, expected->issued);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, expected->redeemed);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, expected->expired);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, expected->withdrawn);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 5), ==, expected->enrollments);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 6), ==, expected->redemptions);
      n_days++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_days, ==, g_hash_table_size (days));

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->raw,
                                       "SELECT day || '/' || reward_id, redemptions"
                                       " FROM rollup_reward_days WHERE redemptions <> 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gpointer count = g_hash_table_lookup (reward_days, sqlite3_column_text (stmt, 0));

      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, GPOINTER_TO_SIZE (count));
      n_reward_days++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_reward_days, ==, g_hash_table_size (reward_days));

  /* Every bit set in the bitmaps is a contact with an entry that day. */
  g_assert_cmpint (sqlite3_prepare_v2 (fixture->raw,
                                       "SELECT span || '/' || day, chunk, contacts"
                                       " FROM rollup_active_days", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *span_day = (const char *) sqlite3_column_text (stmt, 0);
      gint64 chunk = sqlite3_column_int64 (stmt, 1);
      const guint8 *contacts = sqlite3_column_blob (stmt, 2);

      g_assert_cmpint (sqlite3_column_type (stmt, 2), ==, SQLITE_BLOB);
      g_assert_cmpint (sqlite3_column_bytes (stmt, 2), ==, 256);
      for (guint byte = 0; byte < 256; byte++)
        for (guint bit = 0; bit < 8; bit++)
          if (contacts[byte] & (1 << bit))
            {
              g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, span_day,
                                                      chunk * 2048 + byte * 8 + bit);

              g_assert_true (g_hash_table_contains (active, key));
              n_active++;
            }
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_active, ==, g_hash_table_size (active));

  /* Each contact's last activity, its newest entry other than an expiry. */
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM contacts AS c WHERE last_active_at IS NOT"
                                    " (SELECT max (created_at) FROM ledger_entries AS e"
                                    " WHERE e.contact_id = c.id AND e.entry_type <> 'EXPIRY')"), ==, 0);

  /* Contacts per level (0: none) as the levels moved. */
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM (SELECT level_id, contacts FROM rollup_levels"
                                    " WHERE contacts <> 0 EXCEPT SELECT coalesce (level_id, 0), count(*)"
                                    " FROM contacts GROUP BY 1)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM (SELECT coalesce (level_id, 0), count(*)"
                                    " FROM contacts GROUP BY 1 EXCEPT SELECT level_id, contacts"
                                    " FROM rollup_levels)"), ==, 0);
}

static void
test_rollups_follow_random_writes (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) saved = NULL;
  g_autoptr(GError) error = NULL;

  loy_program_set_expiry_months (program, 12);
  saved = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);

  /* Levels by balance, which the writes move contacts between. */
  test_sqlite_exec (fixture->raw, "INSERT INTO levels (uuid, name, threshold) VALUES"
                                  " ('bronze', 'Bronze', 0), ('silver', 'Silver', 100),"
                                  " ('gold', 'Gold', 300)");
  add_campaign (fixture);
  add_reward (fixture, "Coffee", 30);
  add_reward (fixture, "Mug", 120);
  add_reward (fixture, "Free", 0);
  for (guint i = 0; i < 5; i++)
    {
      enroll (fixture);
      enroll_far (fixture);
    }

  for (guint step = 0; step < N_STEPS; step++)
    {
      random_write (fixture);
      if (step % 100 == 99)
        assert_rollups_match_ledger (fixture);
    }
  assert_rollups_match_ledger (fixture);

  /* The rollups a migration or the demo data fills are the same: filled
   * as hex by migration 8, the bitmaps converted by 10 are those the
   * triggers wrote, byte for byte. */
  test_sqlite_exec (fixture->raw, "CREATE TEMP TABLE kept AS SELECT * FROM rollup_days;"
                                  " CREATE TEMP TABLE kept_active AS SELECT * FROM rollup_active_days");
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM kept"), >, 1);
  g_assert_cmpint (test_sqlite_int (fixture->raw, "SELECT count(*) FROM kept_active"), >, 3);
  test_assert_finalized (g_steal_pointer (&fixture->base.store));
  test_sqlite_undo_rollups (fixture->raw);
  fixture->base.store = test_sqlite_store_open (fixture->base.path);
  fixture->iface = LOY_STORE (fixture->base.store);
  assert_rollups_match_ledger (fixture);
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM (SELECT * FROM kept EXCEPT"
                                    " SELECT * FROM rollup_days)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM (SELECT * FROM kept_active EXCEPT"
                                    " SELECT * FROM rollup_active_days)"), ==, 0);
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                                    "SELECT count(*) FROM (SELECT * FROM rollup_active_days EXCEPT"
                                    " SELECT * FROM kept_active)"), ==, 0);

  /* The triggers go on from the converted bitmaps. */
  for (guint step = 0; step < N_STEPS / 4; step++)
    random_write (fixture);
  assert_rollups_match_ledger (fixture);
}

/* The trigger runs in every ledger write's transaction: none of its
 * statements fills a temporary table (SQLite does for an IN list of three
 * or more values, a CHECK's too, and for a subquery it does not flatten,
 * each time the statement runs), which cost more than the rest of a
 * redemption together. */
static void
test_rollups_trigger_fills_no_temporary_table (Fixture       *fixture,
                                               gconstpointer  data)
{
  sqlite3_stmt *stmt = NULL;
  gboolean in_rollup_trigger = FALSE;
  guint n_rollup_triggers = 0, n_temporary_tables = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->raw,
                                       "EXPLAIN INSERT INTO ledger_entries (uuid, contact_id,"
                                       " entry_type, credits, reward_id, created_at)"
                                       " VALUES ('u', 1, 'REWARD_RECEPTION', -1, 1, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  /* Each trigger's program is listed after the statement's, from an Init
   * whose P4 names it. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *opcode = (const char *) sqlite3_column_text (stmt, 1);
      const char *p4 = (const char *) sqlite3_column_text (stmt, 5);

      if (g_str_equal (opcode, "Init") && p4 != NULL && g_str_has_prefix (p4, "-- TRIGGER "))
        {
          in_rollup_trigger = g_str_equal (p4, "-- TRIGGER ledger_entries_rollup");
          n_rollup_triggers += in_rollup_trigger;
        }
      else if (in_rollup_trigger && g_str_equal (opcode, "OpenEphemeral"))
        n_temporary_tables++;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpuint (n_rollup_triggers, ==, 1);
  g_assert_cmpuint (n_temporary_tables, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Days are local days: a zone away from UTC puts midnight elsewhere. */
  g_setenv ("TZ", "America/Sao_Paulo", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rollups/follow-random-writes", Fixture, NULL, fixture_setup,
              test_rollups_follow_random_writes, fixture_teardown);
  g_test_add ("/rollups/trigger-fills-no-temporary-table", Fixture, NULL, fixture_setup,
              test_rollups_trigger_fills_no_temporary_table, fixture_teardown);

  return g_test_run ();
}
