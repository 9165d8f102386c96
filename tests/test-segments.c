/* test-segments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "loy-core.h"
#include "loy-segment-criteria.h"
#include "test-sqlite-fixture.h"

#define DAY ((gint64) 86400)

/* Criteria */

static void
assert_invalid (const char *json,
                const char *message)
{
  g_autoptr(JsonNode) criteria = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (criteria);
  g_assert_false (loy_segment_criteria_validate (criteria, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_criteria_validate (void)
{
  const char *valid[] = {
    "{}",
    "{\"groups\": []}",
    "{\"groups\": [{\"any\": [{\"type\": \"balance\", \"max\": 0}]}]}",
    "{\"groups\": [{\"any\": [{\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"is_set\"}]},"
    " {\"any\": [{\"type\": \"earned\", \"min\": 1, \"within_days\": 36500},"
    "           {\"type\": \"last_activity\", \"within_days\": 1}]}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(JsonNode) criteria = json_from_string (valid[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (loy_segment_criteria_validate (criteria, &error));
      g_assert_no_error (error);
    }

  assert_invalid ("[]", "Segment criteria must be a JSON object");
  assert_invalid ("{\"groups\": {}}", "The groups of segment criteria must be a list");
  assert_invalid ("{\"groups\": [{\"any\": []}]}", "Group 1 has no conditions");
  assert_invalid ("{\"groups\": [{\"all\": [{\"type\": \"balance\", \"min\": 1}]}]}",
                  "Group 1 has no conditions");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"balance\", \"min\": 1}]},"
                  " {\"any\": [{\"type\": \"balance\", \"min\": 1}, {\"type\": \"balance\"}]}]}",
                  "Group 2, condition 2: A balance condition needs a minimum, a maximum or both");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"balance\", \"min\": 10, \"max\": 5}]}]}",
                  "Group 1, condition 1: The minimum balance (10) is above the maximum (5)");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"balance\", \"min\": \"10\"}]}]}",
                  "Group 1, condition 1: “min” must be a whole number of at least 0");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"balance\", \"min\": -1}]}]}",
                  "Group 1, condition 1: “min” must be a whole number of at least 0");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"level\", \"levels\": []}]}]}",
                  "Group 1, condition 1: A level condition needs at least one level");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"level\", \"levels\": [\"Gold\"]}]}]}",
                  "Group 1, condition 1: Levels are named by their UUID");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"attribute\", \"op\": \"is_set\"}]}]}",
                  "Group 1, condition 1: An attribute condition needs the name of an attribute");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"attribute\", \"attribute\": \"a\\\"b\","
                  " \"op\": \"is_set\"}]}]}",
                  "Group 1, condition 1: An attribute name cannot contain a double quote");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"attribute\", \"attribute\": \"city\","
                  " \"op\": \"like\", \"value\": \"A\"}]}]}",
                  "Group 1, condition 1: The comparison for “city” must be one of equals, "
                  "not_equals, contains or is_set");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"attribute\", \"attribute\": \"city\","
                  " \"op\": \"equals\"}]}]}",
                  "Group 1, condition 1: The condition on “city” needs a value to compare with");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"last_activity\", \"within_days\": 0}]}]}",
                  "Group 1, condition 1: “within_days” must be a whole number of at least 1");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"last_activity\"}]}]}",
                  "Group 1, condition 1: The number of days must be between 1 and 36500");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"earned\", \"within_days\": 30}]}]}",
                  "Group 1, condition 1: An earned points condition needs the least number of points");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": \"visits\"}]}]}",
                  "Group 1, condition 1: Unknown condition type “visits”: use balance, level, "
                  "attribute, last_activity or earned");
  assert_invalid ("{\"groups\": [{\"any\": [{\"type\": 3}]}]}",
                  "Group 1, condition 1: Unknown condition type “”: use balance, level, "
                  "attribute, last_activity or earned");
}

#define GOLD_UUID "0b8f5f8e-4a9e-4c1a-9d0e-6f1f3c2b9a01"
#define SILVER_UUID "2c7d1e5a-8b3f-4d6e-a1c2-7e9f0a1b2c03"

/* One condition alone says what is wrong with it, without a place in a group. */
static void
test_condition_validate (void)
{
  const char *no_levels[] = { NULL };
  g_autoptr(JsonObject) inverted = loy_segment_condition_new_balance (500, 100);
  g_autoptr(JsonObject) empty = loy_segment_condition_new_level (no_levels);
  g_autoptr(JsonObject) balance = loy_segment_condition_new_balance (100, LOY_UNSET);
  g_autoptr(GError) error = NULL;

  g_assert_false (loy_segment_condition_validate (inverted, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The minimum balance (500) is above the maximum (100)");
  g_clear_error (&error);

  g_assert_false (loy_segment_condition_validate (empty, &error));
  g_assert_cmpstr (error->message, ==, "A level condition needs at least one level");
  g_clear_error (&error);

  g_assert_true (loy_segment_condition_validate (balance, &error));
  g_assert_no_error (error);
}

static void
test_criteria_build_and_summarize (void)
{
  g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
  g_autoptr(GHashTable) level_names = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const gold[] = { GOLD_UUID, NULL };
  const char * const both[] = { SILVER_UUID, GOLD_UUID, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  guint group;

  g_hash_table_insert (level_names, (gpointer) GOLD_UUID, (gpointer) "Gold");
  g_hash_table_insert (level_names, (gpointer) SILVER_UUID, (gpointer) "Silver");

  summary = loy_segment_criteria_summarize (criteria, level_names);
  g_assert_cmpstr (summary, ==, "Every contact");
  g_clear_pointer (&summary, g_free);

  g_assert_cmpuint (loy_segment_criteria_add_group (criteria,
                                                    loy_segment_condition_new_balance (500, LOY_UNSET)),
                    ==, 0);
  group = loy_segment_criteria_add_group (criteria, loy_segment_condition_new_level (gold));
  g_assert_cmpuint (group, ==, 1);
  loy_segment_criteria_add_condition (criteria, group,
                                      loy_segment_condition_new_attribute ("city",
                                                                           LOY_ATTRIBUTE_OP_EQUALS,
                                                                           "Amsterdam"));
  g_assert_true (loy_segment_criteria_validate (criteria, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (loy_segment_criteria_get_n_groups (criteria), ==, 2);
  g_assert_cmpuint (json_array_get_length (loy_segment_criteria_get_group (criteria, 1)), ==, 2);

  summary = loy_segment_criteria_summarize (criteria, level_names);
  g_assert_cmpstr (summary, ==, "Balance ≥ 500 and (level Gold or City is Amsterdam)");
  g_clear_pointer (&summary, g_free);

  /* A level the names lack was deleted since. */
  summary = loy_segment_criteria_summarize (criteria, NULL);
  g_assert_cmpstr (summary, ==, "Balance ≥ 500 and (level (deleted level) or City is Amsterdam)");
  g_clear_pointer (&summary, g_free);

  /* Removing the last condition of a group removes the group. */
  loy_segment_criteria_remove_condition (criteria, 0, 0);
  g_assert_cmpuint (loy_segment_criteria_get_n_groups (criteria), ==, 1);
  summary = loy_segment_criteria_summarize (criteria, level_names);
  g_assert_cmpstr (summary, ==, "Level Gold or City is Amsterdam");
  g_clear_pointer (&summary, g_free);

  loy_segment_criteria_remove_condition (criteria, 0, 0);
  loy_segment_criteria_add_condition (criteria, 0, loy_segment_condition_new_level (both));
  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_balance (100, 499));
  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_balance (LOY_UNSET, 99));
  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_last_activity (1));
  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_earned (200, 30));
  loy_segment_criteria_add_group (criteria,
                                  loy_segment_condition_new_attribute ("vip", LOY_ATTRIBUTE_OP_IS_SET,
                                                                       NULL));
  loy_segment_criteria_add_group (criteria,
                                  loy_segment_condition_new_attribute ("city",
                                                                       LOY_ATTRIBUTE_OP_NOT_EQUALS,
                                                                       "Delft"));
  loy_segment_criteria_add_condition (criteria, 6,
                                      loy_segment_condition_new_attribute ("city",
                                                                           LOY_ATTRIBUTE_OP_CONTAINS,
                                                                           "dam"));
  g_assert_true (loy_segment_criteria_validate (criteria, &error));
  g_assert_no_error (error);

  summary = loy_segment_criteria_summarize (criteria, level_names);
  g_assert_cmpstr (summary, ==,
                   "(City is Amsterdam or level Silver or Gold) and balance 100–499"
                   " and balance ≤ 99 and active in the last 1 day"
                   " and earned ≥ 200 points in the last 30 days and Vip is set"
                   " and (City is not Delft or City contains dam)");

  description = loy_segment_condition_describe (json_array_get_object_element (loy_segment_criteria_get_group (criteria, 0), 1),
                                                level_names);
  g_assert_cmpstr (description, ==, "Level Silver or Gold");
}

/* Against a database */

typedef struct
{
  TestSqliteFixture  base;
  sqlite3           *db;       /* a second connection, for what the store cannot write */
  char              *ann, *bob, *cat, *dan;
  char              *silver, *gold;
} SegmentsFixture;

static gint64
add_contact (SegmentsFixture *fixture,
             const char      *email,
             const char      *attributes,
             char           **uuid)
{
  *uuid = g_uuid_string_random ();
  test_sqlite_exec (fixture->db,
                    "INSERT INTO contacts (uuid, email, first_name, last_name, attributes,"
                    " created_at) VALUES ('%s', '%s', '%s', 'Test', '%s', 0)",
                    *uuid, email, email, attributes);

  return sqlite3_last_insert_rowid (fixture->db);
}

static void
add_entry (SegmentsFixture *fixture,
           gint64           contact_id,
           const char      *entry_type,
           gint64           credits,
           gint64           days_ago)
{
  g_autofree char *uuid = g_uuid_string_random ();

  test_sqlite_exec (fixture->db,
                    "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits,"
                    " created_at) VALUES ('%s', %" G_GINT64_FORMAT ", '%s', %" G_GINT64_FORMAT
                    ", %" G_GINT64_FORMAT ")",
                    uuid, contact_id, entry_type, credits,
                    g_get_real_time () / G_USEC_PER_SEC - days_ago * DAY);
}

static char *
save_level (LoyStore   *store,
            const char *uuid,
            const char *name,
            gint64      threshold,
            GError    **error)
{
  g_autoptr(LoyLevel) level = loy_level_new ();
  g_autoptr(LoyLevel) saved = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  loy_level_set_uuid (level, uuid);
  loy_level_set_name (level, name);
  loy_level_set_threshold (level, threshold);
  saved = loy_store_save_level_sync (store, level, NULL, error);
  if (saved == NULL)
    return NULL;

  g_assert_cmpstr (loy_level_get_name (saved), ==, stripped);
  g_assert_cmpint (loy_level_get_threshold (saved), ==, threshold);

  return g_strdup (loy_level_get_uuid (saved));
}

/* Ann: 1,200 points, Gold, Amsterdam, earned 1,150 five days ago.
 * Bob: 300 points, Silver, Rotterdam, nothing for 200 days.
 * Cat: 600 points (800 earned 40 days ago, 200 taken 10 days ago), Silver,
 *      lives in amsterdam-noord, a VIP.
 * Dan: 0 points, no level, no attributes; his points expired 2 days ago. */
static void
segments_fixture_setup (SegmentsFixture *fixture,
                        gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  gint64 ann, bob, cat, dan;

  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->db = test_sqlite_open_raw (fixture->base.path);
  test_sqlite_exec (fixture->db, "PRAGMA foreign_keys = ON");

  ann = add_contact (fixture, "ann@example.com", "{\"city\": \"Amsterdam\"}", &fixture->ann);
  bob = add_contact (fixture, "bob@example.com", "{\"city\": \"Rotterdam\"}", &fixture->bob);
  cat = add_contact (fixture, "cat@example.com",
                     "{\"city\": \"amsterdam-noord\", \"vip\": true}", &fixture->cat);
  dan = add_contact (fixture, "dan@example.com", "{}", &fixture->dan);

  add_entry (fixture, ann, "WELCOME", 50, 100);
  add_entry (fixture, ann, "CREDIT_RECEPTION", 1150, 5);
  add_entry (fixture, bob, "CREDIT_RECEPTION", 300, 200);
  add_entry (fixture, cat, "CREDIT_RECEPTION", 800, 40);
  add_entry (fixture, cat, "ADJUSTMENT", -200, 10);
  add_entry (fixture, dan, "CREDIT_RECEPTION", 100, 400);
  add_entry (fixture, dan, "EXPIRY", -100, 2);

  /* Saving a level places every contact by the points they hold. */
  fixture->silver = save_level (LOY_STORE (fixture->base.store), NULL, "Silver", 250, &error);
  g_assert_no_error (error);
  fixture->gold = save_level (LOY_STORE (fixture->base.store), NULL, "Gold", 1000, &error);
  g_assert_no_error (error);
}

static void
segments_fixture_teardown (SegmentsFixture *fixture,
                           gconstpointer    data)
{
  sqlite3_close (fixture->db);
  g_free (fixture->ann);
  g_free (fixture->bob);
  g_free (fixture->cat);
  g_free (fixture->dan);
  g_free (fixture->silver);
  g_free (fixture->gold);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

/* The names (emails up to the "@") of the contacts meeting @json, with
 * SILVER and GOLD in quotes replaced by those levels' UUIDs, sorted and
 * joined by spaces. */
static char *
members (SegmentsFixture *fixture,
         const char      *json)
{
  g_auto(GStrv) silver_parts = g_strsplit (json, "SILVER", -1);
  g_autofree char *with_silver = g_strjoinv (fixture->silver, silver_parts);
  g_auto(GStrv) gold_parts = g_strsplit (with_silver, "GOLD", -1);
  g_autofree char *formatted = g_strjoinv (fixture->gold, gold_parts);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) emails = NULL;

  query->criteria = json_from_string (formatted, &error);
  g_assert_no_error (error);
  query->sort = g_strdup ("email");
  page = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, page->items->len);

  for (guint i = 0; i < page->items->len; i++)
    {
      const char *email = loy_contact_get_email (g_ptr_array_index (page->items, i));
      g_autofree char *name = g_strndup (email, strchr (email, '@') - email);

      g_strv_builder_add (builder, name);
    }
  emails = g_strv_builder_end (builder);

  return g_strjoinv (" ", emails);
}

#define ONE(condition) "{\"groups\": [{\"any\": [" condition "]}]}"

static void
assert_members (SegmentsFixture *fixture,
                const char      *json,
                const char      *expected)
{
  g_autofree char *found = members (fixture, json);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_criteria_each_type (SegmentsFixture *fixture,
                         gconstpointer    data)
{
  assert_members (fixture, "{}", "ann bob cat dan");

  assert_members (fixture, ONE ("{\"type\": \"balance\", \"min\": 500}"), "ann cat");
  assert_members (fixture, ONE ("{\"type\": \"balance\", \"max\": 299}"), "dan");
  assert_members (fixture, ONE ("{\"type\": \"balance\", \"min\": 300, \"max\": 600}"), "bob cat");

  assert_members (fixture, ONE ("{\"type\": \"level\", \"levels\": [\"GOLD\"]}"), "ann");
  assert_members (fixture, ONE ("{\"type\": \"level\", \"levels\": [\"SILVER\", \"GOLD\"]}"),
                  "ann bob cat");

  assert_members (fixture,
                  ONE ("{\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"equals\","
                       " \"value\": \"AMSTERDAM\"}"),
                  "ann");
  /* Not in Amsterdam: those without a city are not there either. */
  assert_members (fixture,
                  ONE ("{\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"not_equals\","
                       " \"value\": \"Amsterdam\"}"),
                  "bob cat dan");
  assert_members (fixture,
                  ONE ("{\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"contains\","
                       " \"value\": \"Amster\"}"),
                  "ann cat");
  assert_members (fixture,
                  ONE ("{\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"is_set\"}"),
                  "ann bob cat");
  assert_members (fixture,
                  ONE ("{\"type\": \"attribute\", \"attribute\": \"vip\", \"op\": \"equals\","
                       " \"value\": \"true\"}"),
                  "cat");
  /* Values are data, never SQL. */
  assert_members (fixture,
                  ONE ("{\"type\": \"attribute\", \"attribute\": \"city') OR 1 --\","
                       " \"op\": \"equals\", \"value\": \"x' OR '1' = '1\"}"),
                  "");

  /* Expiry is not activity. */
  assert_members (fixture, ONE ("{\"type\": \"last_activity\", \"within_days\": 30}"), "ann cat");
  assert_members (fixture, ONE ("{\"type\": \"last_activity\", \"within_days\": 365}"),
                  "ann bob cat");

  /* Taking points back is not earning them. */
  assert_members (fixture, ONE ("{\"type\": \"earned\", \"min\": 1000, \"within_days\": 30}"), "ann");
  assert_members (fixture, ONE ("{\"type\": \"earned\", \"min\": 1, \"within_days\": 30}"), "ann");
  assert_members (fixture, ONE ("{\"type\": \"earned\", \"min\": 500, \"within_days\": 60}"),
                  "ann cat");
}

static void
test_criteria_and_or (SegmentsFixture *fixture,
                      gconstpointer    data)
{
  /* Within a group, any condition. */
  assert_members (fixture,
                  ONE ("{\"type\": \"level\", \"levels\": [\"GOLD\"]},"
                       " {\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"contains\","
                       " \"value\": \"noord\"}"),
                  "ann cat");

  /* Every group. */
  assert_members (fixture,
                  "{\"groups\": ["
                  " {\"any\": [{\"type\": \"balance\", \"min\": 500}]},"
                  " {\"any\": [{\"type\": \"level\", \"levels\": [\"SILVER\"]},"
                  "           {\"type\": \"attribute\", \"attribute\": \"city\", \"op\": \"equals\","
                  "            \"value\": \"Rotterdam\"}]}]}",
                  "cat");
  assert_members (fixture,
                  "{\"groups\": ["
                  " {\"any\": [{\"type\": \"last_activity\", \"within_days\": 30}]},"
                  " {\"any\": [{\"type\": \"balance\", \"max\": 100}]}]}",
                  "");
}

static LoySegment *
save_segment (SegmentsFixture *fixture,
              const char      *uuid,
              const char      *name,
              JsonNode        *criteria,
              GError         **error)
{
  g_autoptr(LoySegment) segment = loy_segment_new ();

  loy_segment_set_uuid (segment, uuid);
  loy_segment_set_name (segment, name);
  loy_segment_set_description (segment, "For the test");
  loy_segment_set_criteria (segment, criteria);

  return loy_store_save_segment_sync (LOY_STORE (fixture->base.store), segment, NULL, error);
}

static void
test_segment_live_count (SegmentsFixture *fixture,
                         gconstpointer    data)
{
  LoyStore *store = LOY_STORE (fixture->base.store);
  g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
  g_autoptr(LoyQuery) live = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyQuery) saved_members = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoySegment) segment = NULL;
  g_autoptr(LoySegment) renamed = NULL;
  g_autoptr(GObject) looked_up = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  const char * const silver[] = { fixture->silver, NULL };
  guint group;

  group = loy_segment_criteria_add_group (criteria, loy_segment_condition_new_level (silver));
  loy_segment_criteria_add_condition (criteria, group,
                                      loy_segment_condition_new_balance (1000, LOY_UNSET));

  /* While the marketer edits: no segment saved yet. */
  live->criteria = json_node_copy (criteria);
  page = loy_store_query_sync (store, live, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 3);
  g_assert_cmpuint (page->items->len, ==, 0);
  g_clear_pointer (&page, loy_page_free);

  segment = save_segment (fixture, NULL, "  Silver or rich ", criteria, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (loy_segment_get_uuid (segment)));
  g_assert_cmpstr (loy_segment_get_name (segment), ==, "Silver or rich");
  g_assert_cmpint (loy_segment_get_n_contacts (segment), ==, 3);
  g_assert_true (json_node_equal (loy_segment_get_criteria (segment), criteria));

  saved_members->segment_uuid = g_strdup (loy_segment_get_uuid (segment));
  page = loy_store_query_sync (store, saved_members, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 3);
  g_clear_pointer (&page, loy_page_free);

  looked_up = loy_store_lookup_sync (store, LOY_KIND_SEGMENT, loy_segment_get_uuid (segment),
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_segment_get_n_contacts (LOY_SEGMENT (looked_up)), ==, 3);

  /* Updating keeps the UUID. */
  loy_segment_criteria_remove_condition (criteria, 0, 0);
  renamed = save_segment (fixture, loy_segment_get_uuid (segment), "Rich", criteria, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_segment_get_uuid (renamed), ==, loy_segment_get_uuid (segment));
  g_assert_cmpint (loy_segment_get_n_contacts (renamed), ==, 1);

  /* Both filters at once: members of the segment that also meet the edit. */
  live->segment_uuid = g_strdup (loy_segment_get_uuid (segment));
  page = loy_store_query_sync (store, live, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 1);
  g_clear_pointer (&page, loy_page_free);

  /* Unsaved criteria that are not valid say why. */
  g_clear_pointer (&live->segment_uuid, g_free);
  json_node_unref (live->criteria);
  live->criteria = json_from_string (ONE ("{\"type\": \"balance\"}"), NULL);
  page = loy_store_query_sync (store, live, 0, 0, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (page);
  g_clear_error (&error);

  /* A UUID no segment has, whatever UUID the saved one drew. */
  g_free (saved_members->segment_uuid);
  saved_members->segment_uuid = g_strdup ("0b8f5f8e-4a9e-4c1a-9d0e-6f1f3c2b9aff");
  page = loy_store_query_sync (store, saved_members, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (page);
}

static void
test_segment_save_rules (SegmentsFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
  g_autoptr(JsonNode) invalid = json_from_string (ONE ("{\"type\": \"level\", \"levels\": []}"), NULL);
  g_autoptr(LoySegment) first = NULL;
  g_autoptr(LoySegment) segment = NULL;
  g_autoptr(GError) error = NULL;
  const char * const gone[] = { "0b8f5f8e-4a9e-4c1a-9d0e-6f1f3c2b9aff", NULL };

  first = save_segment (fixture, NULL, "Everyone", criteria, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_segment_get_n_contacts (first), ==, 4);

  segment = save_segment (fixture, NULL, " ", criteria, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "A segment needs a name");
  g_clear_error (&error);

  segment = save_segment (fixture, NULL, "EVERYONE", criteria, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "There is already a segment named “Everyone”");
  g_clear_error (&error);

  segment = save_segment (fixture, NULL, "Broken", invalid, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "Group 1, condition 1: A level condition needs at least one level");
  g_clear_error (&error);

  loy_segment_criteria_add_group (criteria, loy_segment_condition_new_level (gone));
  segment = save_segment (fixture, NULL, "Ghosts", criteria, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "Group 1, condition 1: the level no longer exists");
  g_clear_error (&error);

  segment = save_segment (fixture, "0b8f5f8e-4a9e-4c1a-9d0e-6f1f3c2b9aff", "Lost",
                          loy_segment_get_criteria (first), &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (segment);
}

static void
test_segment_delete (SegmentsFixture *fixture,
                     gconstpointer    data)
{
  LoyStore *store = LOY_STORE (fixture->base.store);
  g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
  g_autoptr(LoySegment) segment = NULL;
  g_autoptr(GObject) gone = NULL;
  g_autoptr(GError) error = NULL;

  segment = save_segment (fixture, NULL, "Audience", criteria, &error);
  g_assert_no_error (error);

  test_sqlite_exec (fixture->db,
                    "INSERT INTO campaigns (uuid, name, default_language, campaign_type,"
                    " target_type, shared_code, created_at) VALUES ('%s', 'Spring mailing', 'en',"
                    " 'discount_code', 'SEGMENT', 'SPRING', 0);"
                    "INSERT INTO campaign_segments SELECT last_insert_rowid (), id FROM segments"
                    " WHERE uuid = '%s'",
                    "7d0f9a3e-1111-4c1a-9d0e-6f1f3c2b9a01", loy_segment_get_uuid (segment));

  g_assert_false (loy_store_delete_sync (store, LOY_KIND_SEGMENT, loy_segment_get_uuid (segment),
                                         NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The campaign “Spring mailing” targets this segment: give it another "
                   "target before deleting the segment");
  g_clear_error (&error);

  test_sqlite_exec (fixture->db, "DELETE FROM campaigns");
  g_assert_true (loy_store_delete_sync (store, LOY_KIND_SEGMENT, loy_segment_get_uuid (segment),
                                        NULL, &error));
  g_assert_no_error (error);

  gone = loy_store_lookup_sync (store, LOY_KIND_SEGMENT, loy_segment_get_uuid (segment), NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  g_assert_false (loy_store_delete_sync (store, LOY_KIND_SEGMENT, loy_segment_get_uuid (segment),
                                         NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
}

static const char *
contact_level (SegmentsFixture *fixture,
               const char      *uuid)
{
  g_autoptr(GObject) contact = NULL;
  g_autoptr(GError) error = NULL;
  static char level[64];

  contact = loy_store_lookup_sync (LOY_STORE (fixture->base.store), LOY_KIND_CONTACT, uuid,
                                   NULL, &error);
  g_assert_no_error (error);
  g_strlcpy (level, loy_contact_get_level_name (LOY_CONTACT (contact)) ?: "", sizeof level);

  return level;
}

/* A segment of the contacts at @level_uuid. */
static LoySegment *
save_level_segment (SegmentsFixture *fixture,
                    const char      *name,
                    const char      *level_uuid)
{
  g_autofree char *json = g_strdup_printf (ONE ("{\"type\": \"level\", \"levels\": [\"%s\"]}"),
                                           level_uuid);
  g_autoptr(JsonNode) criteria = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  LoySegment *segment = save_segment (fixture, NULL, name, criteria, &error);

  g_assert_no_error (error);
  return segment;
}

static void
test_level_rules (SegmentsFixture *fixture,
                  gconstpointer    data)
{
  LoyStore *store = LOY_STORE (fixture->base.store);
  g_autoptr(LoySegment) gold_members = NULL;
  g_autoptr(LoySegment) silver_members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  g_assert_cmpstr (contact_level (fixture, fixture->ann), ==, "Gold");
  g_assert_cmpstr (contact_level (fixture, fixture->cat), ==, "Silver");
  g_assert_cmpstr (contact_level (fixture, fixture->dan), ==, "");

  g_assert_null (save_level (store, NULL, "  ", 10, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "A level needs a name");
  g_clear_error (&error);

  g_assert_null (save_level (store, NULL, "Bronze", -1, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "A level cannot start below 0 points");
  g_clear_error (&error);

  g_assert_null (save_level (store, NULL, "gold", 5000, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "There is already a level named “Gold”");
  g_clear_error (&error);

  g_assert_null (save_level (store, NULL, "Platinum", 1000, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "The level “Gold” already starts at 1000 points");
  g_clear_error (&error);

  g_assert_null (save_level (store, "0b8f5f8e-4a9e-4c1a-9d0e-6f1f3c2b9aff", "Platinum", 5000,
                             &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A level may keep its own name and threshold; Gold now needs 1,500. */
  uuid = save_level (store, fixture->gold, "Gold", 1500, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uuid, ==, fixture->gold);
  g_assert_cmpstr (contact_level (fixture, fixture->ann), ==, "Silver");
  g_clear_pointer (&uuid, g_free);

  uuid = save_level (store, fixture->gold, "Gold", 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contact_level (fixture, fixture->ann), ==, "Gold");

  /* Gold cannot go while segments and a campaign use it: each is named,
   * and nothing changes. */
  test_sqlite_exec (fixture->db,
                    "INSERT INTO campaigns (uuid, name, default_language, campaign_type,"
                    " target_type, shared_code, created_at) VALUES ('%s', 'Gold weekend', 'en',"
                    " 'free_delivery_code', 'LEVEL', 'GOLD', 0);"
                    "INSERT INTO campaign_levels SELECT last_insert_rowid (), id FROM levels"
                    " WHERE uuid = '%s'",
                    "7d0f9a3e-2222-4c1a-9d0e-6f1f3c2b9a01", fixture->gold);
  gold_members = save_level_segment (fixture, "Gold members", fixture->gold);
  silver_members = save_level_segment (fixture, "Silver members", fixture->silver);
  g_assert_cmpint (loy_segment_get_n_contacts (gold_members), ==, 1);

  g_assert_false (loy_store_delete_sync (store, LOY_KIND_LEVEL, fixture->gold, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The level “Gold” is used by the segment “Gold members” and the campaign "
                   "“Gold weekend”. Take the level out of them before deleting it.");
  g_clear_error (&error);
  g_assert_cmpstr (contact_level (fixture, fixture->ann), ==, "Gold");

  /* The campaign alone, then the segment alone, still hold it. */
  test_sqlite_exec (fixture->db, "DELETE FROM campaigns");
  g_assert_false (loy_store_delete_sync (store, LOY_KIND_LEVEL, fixture->gold, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "The level “Gold” is used by the segment “Gold members”. "
                   "Take the level out of them before deleting it.");
  g_clear_error (&error);

  g_assert_true (loy_store_delete_sync (store, LOY_KIND_SEGMENT, loy_segment_get_uuid (gold_members),
                                        NULL, &error));
  g_assert_no_error (error);

  /* Unused, Gold goes and Ann moves down to Silver. */
  g_assert_true (loy_store_delete_sync (store, LOY_KIND_LEVEL, fixture->gold, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contact_level (fixture, fixture->ann), ==, "Silver");

  g_assert_false (loy_store_delete_sync (store, LOY_KIND_LEVEL, fixture->gold, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
}

/* Whether a line of @lines (the header left out) contains @text. */
static gboolean
has_line_with (GStrv       lines,
               const char *text)
{
  for (guint i = 1; lines[i] != NULL; i++)
    if (strstr (lines[i], text) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_segment_export (SegmentsFixture *fixture,
                     gconstpointer    data)
{
  g_autoptr(JsonNode) criteria = json_from_string (ONE ("{\"type\": \"balance\", \"min\": 300}"), NULL);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_SEGMENT_MEMBERS);
  g_autoptr(LoySegment) segment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  segment = save_segment (fixture, NULL, "Savers", criteria, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_segment_get_n_contacts (segment), ==, 3);

  export->uuid = g_strdup (loy_segment_get_uuid (segment));
  g_assert_cmpint (loy_store_export_sync (LOY_STORE (fixture->base.store), export, output,
                                          NULL, NULL, NULL, &error), ==, 3);
  g_assert_no_error (error);

  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (output, NULL, &error));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, loy_segment_get_n_contacts (segment) + 2);
  g_assert_cmpstr (lines[0], ==, "uuid,email,first_name,last_name,balance,level,attributes,created_at");
  g_assert_true (has_line_with (lines, ",ann@example.com,ann@example.com,Test,1200,Gold,"));
  g_assert_true (has_line_with (lines, ",bob@example.com,bob@example.com,Test,300,Silver,"));
  g_assert_true (has_line_with (lines, ",cat@example.com,cat@example.com,Test,600,Silver,"));
  g_assert_cmpstr (lines[4], ==, "");

  /* The criteria being edited, unsaved, give the same members. */
  g_clear_pointer (&export->uuid, g_free);
  export->criteria = json_node_ref (criteria);
  {
    g_autoptr(GOutputStream) unsaved = g_memory_output_stream_new_resizable ();

    g_assert_cmpint (loy_store_export_sync (LOY_STORE (fixture->base.store), export, unsaved,
                                            NULL, NULL, NULL, &error), ==, 3);
    g_assert_no_error (error);
  }

  /* An unknown segment is an error, not an empty export. */
  g_clear_pointer (&export->criteria, json_node_unref);
  export->uuid = g_strdup ("no-such-segment");
  {
    g_autoptr(GOutputStream) none = g_memory_output_stream_new_resizable ();

    g_assert_cmpint (loy_store_export_sync (LOY_STORE (fixture->base.store), export, none,
                                            NULL, NULL, NULL, &error), ==, -1);
    g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  }
}

static void
test_demo_segments (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(LoyQuery) segments = loy_query_new (LOY_KIND_SEGMENT);
  g_autoptr(LoyQuery) levels = loy_query_new (LOY_KIND_LEVEL);
  g_autoptr(GHashTable) level_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LoyPage) segment_page = NULL;
  g_autoptr(LoyPage) level_page = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "Balance ≥ 1000",
    "Level Gold",
    "Active in the last 30 days",
  };

  test_sqlite_fixture_populate (fixture, &options);

  level_page = loy_store_query_sync (LOY_STORE (fixture->store), levels, 0, 10, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < level_page->items->len; i++)
    {
      LoyLevel *level = g_ptr_array_index (level_page->items, i);

      g_hash_table_insert (level_names, (gpointer) loy_level_get_uuid (level),
                           (gpointer) loy_level_get_name (level));
    }

  segment_page = loy_store_query_sync (LOY_STORE (fixture->store), segments, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segment_page->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < segment_page->items->len; i++)
    {
      LoySegment *segment = g_ptr_array_index (segment_page->items, i);
      g_autofree char *summary = NULL;

      g_assert_true (loy_segment_criteria_validate (loy_segment_get_criteria (segment), &error));
      g_assert_no_error (error);
      summary = loy_segment_criteria_summarize (loy_segment_get_criteria (segment), level_names);
      g_assert_cmpstr (summary, ==, expected[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segments/criteria/validate", test_criteria_validate);
  g_test_add_func ("/segments/condition/validate", test_condition_validate);
  g_test_add_func ("/segments/criteria/build-and-summarize", test_criteria_build_and_summarize);
#define ADD(path, func) \
  g_test_add (path, SegmentsFixture, NULL, segments_fixture_setup, func, segments_fixture_teardown)
  ADD ("/segments/sqlite/each-type", test_criteria_each_type);
  ADD ("/segments/sqlite/and-or", test_criteria_and_or);
  ADD ("/segments/sqlite/live-count", test_segment_live_count);
  ADD ("/segments/sqlite/save-rules", test_segment_save_rules);
  ADD ("/segments/sqlite/delete", test_segment_delete);
  ADD ("/segments/sqlite/levels", test_level_rules);
  ADD ("/segments/sqlite/export", test_segment_export);
#undef ADD
  g_test_add ("/segments/sqlite/demo", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_demo_segments, test_sqlite_fixture_teardown);

  return g_test_run ();
}
