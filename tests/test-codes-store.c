/* test-codes-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "loy-code-generator.h"
#include "loy-core.h"
#include "test-sqlite-fixture.h"

typedef struct
{
  TestSqliteFixture  base;
  char              *reward_uuid;
  char              *group_uuid;
} Fixture;

static const LoyDemoOptions demo_options = {
  .n_contacts = 20,
  .n_rewards = 3,
  .n_codes = 5,
  .seed = 7,
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) created = NULL;

  test_sqlite_fixture_setup (&fixture->base, data);
  test_sqlite_fixture_populate (&fixture->base, &demo_options);

  loy_reward_set_title (reward, "Spring voucher");
  loy_reward_set_reward_type (reward, LOY_REWARD_TYPE_DIGITAL);
  loy_reward_set_required_credits (reward, 40);
  created = loy_store_create_reward_sync (LOY_STORE (fixture->base.store), reward, NULL, &error);
  g_assert_no_error (error);
  fixture->reward_uuid = g_strdup (loy_reward_get_uuid (created));
  fixture->group_uuid = g_strdup (loy_reward_get_code_group_uuid (created));
  g_assert_nonnull (fixture->group_uuid);
  g_assert_cmpint (loy_reward_get_codes_available (created), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *codes = g_build_filename (fixture->base.dir, "codes.txt", NULL);

  g_unlink (codes);
  test_sqlite_fixture_teardown (&fixture->base, data);
  g_free (fixture->reward_uuid);
  g_free (fixture->group_uuid);
}

static LoyCodeGroup *
lookup_group (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GObject *group = loy_store_lookup_sync (LOY_STORE (fixture->base.store), LOY_KIND_CODE_GROUP,
                                          fixture->group_uuid, NULL, &error);

  g_assert_no_error (error);
  return LOY_CODE_GROUP (group);
}

static gint64
group_total (Fixture *fixture)
{
  g_autoptr(LoyCodeGroup) group = lookup_group (fixture);

  return loy_code_group_get_total (group);
}

static LoyImportSummary *
import_text (Fixture     *fixture,
             const char  *text,
             GError     **error)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (text, -1, NULL);

  return loy_store_import_codes_sync (LOY_STORE (fixture->base.store), fixture->group_uuid, input,
                                      NULL, NULL, NULL, error);
}

static char *
write_code_file (Fixture    *fixture,
                 const char *pattern,
                 guint       n_codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new (pattern, &error);
  g_autofree char *path = g_build_filename (fixture->base.dir, "codes.txt", NULL);
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  for (guint i = 0; i < n_codes; i++)
    fprintf (file, "%s\n", loy_code_generator_next (generator, &error));
  g_assert_cmpint (fclose (file), ==, 0);

  return g_steal_pointer (&path);
}

static void
test_import_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) first = NULL;
  g_autoptr(LoyImportSummary) second = NULL;
  g_autoptr(LoyCodeGroup) group = NULL;
  g_autoptr(LoyReward) reward = NULL;
  LoyImportError *skipped;

  first = import_text (fixture, "\xEF\xBB\xBF" "AAA\r\nBBB\r\n\r\nAAA\nB\x01" "B\n\"CCC\",x\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->added, ==, 3);
  g_assert_cmpuint (first->duplicates, ==, 1);
  g_assert_cmpuint (first->invalid, ==, 1);
  g_assert_cmpuint (first->errors->len, ==, 2);
  skipped = g_ptr_array_index (first->errors, 0);
  g_assert_cmpuint (skipped->line, ==, 4);
  skipped = g_ptr_array_index (first->errors, 1);
  g_assert_cmpuint (skipped->line, ==, 5);

  /* Against the group: what it has is a duplicate. */
  second = import_text (fixture, "CCC\nDDD\nAAA\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->added, ==, 1);
  g_assert_cmpuint (second->duplicates, ==, 2);
  g_assert_cmpuint (second->invalid, ==, 0);
  skipped = g_ptr_array_index (second->errors, 1);
  g_assert_cmpuint (skipped->line, ==, 3);

  group = lookup_group (fixture);
  g_assert_cmpint (loy_code_group_get_total (group), ==, 4);
  g_assert_cmpint (loy_code_group_get_available (group), ==, 4);

  reward = LOY_REWARD (loy_store_lookup_sync (LOY_STORE (fixture->base.store), LOY_KIND_REWARD,
                                              fixture->reward_uuid, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loy_reward_get_codes_available (reward), ==, 4);
}

static void
test_import_unknown_group (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data ("AAA\n", -1, NULL);
  g_autoptr(LoyImportSummary) summary = NULL;

  summary = loy_store_import_codes_sync (LOY_STORE (fixture->base.store), "no-such-group", input,
                                         NULL, NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (summary);
}

/* Only a code the group has is skipped; any other refusal fails the whole import. */
static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = NULL;
  sqlite3 *raw = test_sqlite_open_raw (fixture->base.path);
  gint64 schema_version = test_sqlite_int (raw, "PRAGMA schema_version");

  /* A constraint the parser does not know about, added as SQLite's
   * documentation describes for CHECKs the existing rows satisfy. */
  test_sqlite_exec (raw,
                    "BEGIN;"
                    "PRAGMA writable_schema = ON;"
                    "UPDATE sqlite_schema SET sql = replace (sql, 'CHECK (length (code) > 0)',"
                    " 'CHECK (length (code) > 0 AND code <> ''REFUSED'')') WHERE name = 'codes';"
                    "PRAGMA schema_version = %" G_GINT64_FORMAT ";"
                    "COMMIT;"
                    "PRAGMA writable_schema = RESET;",
                    schema_version + 1);
  sqlite3_close (raw);

  summary = import_text (fixture, "AAA\nREFUSED\nBBB\n", &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_null (summary);
  g_assert_cmpint (group_total (fixture), ==, 0);
}

typedef struct
{
  guint         n_calls;
  guint64       last_done;
  guint64       last_total;
  GCancellable *cancel_on_first;
  GThread      *thread;
} ProgressLog;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  /* On the caller's thread, not the worker's. */
  g_assert_true (g_thread_self () == log->thread);
  g_assert_cmpuint (done, >=, log->last_done);

  log->n_calls++;
  log->last_done = done;
  log->last_total = total;

  if (log->cancel_on_first != NULL)
    g_cancellable_cancel (log->cancel_on_first);
}

static LoyImportSummary *
import_file (Fixture       *fixture,
             const char    *path,
             ProgressLog   *log,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, NULL);

  log->thread = g_thread_self ();
  return loy_store_import_codes_sync (LOY_STORE (fixture->base.store), fixture->group_uuid,
                                      G_INPUT_STREAM (input), progress_cb, log,
                                      cancellable, error);
}

static void
test_import_progress (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_code_file (fixture, "XXXX-XXXX-XXXX", 100000);
  g_autoptr(LoyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  ProgressLog log = { 0 };
  GStatBuf buf;

  summary = import_file (fixture, path, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->added + summary->duplicates, ==, 100000);

  /* Throttled, and the last report is the whole file. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (log.n_calls, >=, 1);
  g_assert_cmpuint (log.last_done, ==, buf.st_size);
  g_assert_cmpuint (log.last_total, ==, buf.st_size);
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_code_file (fixture, "XXXX-XXXX-XXXX", 300000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LoyImportSummary) before = NULL;
  g_autoptr(LoyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  ProgressLog log = { .cancel_on_first = cancellable };

  before = import_text (fixture, "KEEP-1\nKEEP-2\n", &error);
  g_assert_no_error (error);

  /* Cancelled from the first progress report, mid-way through the file. */
  summary = import_file (fixture, path, &log, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);
  g_assert_cmpuint (log.n_calls, >=, 1);
  g_assert_cmpuint (log.last_done, <, log.last_total);

  g_assert_cmpint (group_total (fixture), ==, 2);
}

static void
test_generate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = NULL;
  g_autoptr(LoyImportSummary) refused = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* "T-##X" has room for 5 × 5 × 20 = 500 codes: fill every one. */
  summary = loy_store_generate_codes_sync (LOY_STORE (fixture->base.store), fixture->group_uuid,
                                           "T-##X", 500, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->added, ==, 500);

  query->parent_uuid = g_strdup (fixture->group_uuid);
  page = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 500);
  for (guint i = 0; i < page->items->len; i++)
    {
      const char *code = loy_code_get_code (g_ptr_array_index (page->items, i));

      g_assert_true (g_pattern_match_simple ("T-???", code));
      g_assert_nonnull (strchr (LOY_CODE_DIGITS, code[2]));
      g_assert_nonnull (strchr (LOY_CODE_DIGITS, code[3]));
      g_assert_nonnull (strchr (LOY_CODE_LETTERS, code[4]));
      g_assert_true (g_hash_table_add (seen, (gpointer) code));
    }

  refused = loy_store_generate_codes_sync (LOY_STORE (fixture->base.store), fixture->group_uuid,
                                           "T-##X", 1, NULL, NULL, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "room for only 0 more codes"));
  g_assert_null (refused);
}

static void
test_list_codes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = import_text (fixture, "BB-2\nAA-1\nAB-3\nBA-4\n", &error);
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) all = NULL;
  g_autoptr(LoyPage) prefix = NULL;

  g_assert_no_error (error);
  query->parent_uuid = g_strdup (fixture->group_uuid);
  all = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->total, ==, 4);
  g_assert_cmpstr (loy_code_get_code (g_ptr_array_index (all->items, 0)), ==, "AA-1");
  g_assert_cmpint (loy_code_get_status (g_ptr_array_index (all->items, 0)), ==, LOY_CODE_STATUS_AVAILABLE);

  query->search = g_strdup ("A");
  prefix = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prefix->total, ==, 2);
  g_assert_cmpstr (loy_code_get_code (g_ptr_array_index (prefix->items, 1)), ==, "AB-3");
}

/* A group's codes read in pages of 7 are its codes in one page: pages
 * past the middle, read from the end of the order, too. */
static void
test_list_codes_paged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) generated = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) whole = NULL;
  guint offset = 0;

  generated = loy_store_generate_codes_sync (LOY_STORE (fixture->base.store), fixture->group_uuid,
                                             "XXXX-##", 123, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  query->parent_uuid = g_strdup (fixture->group_uuid);
  whole = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (whole->items->len, ==, whole->total);
  g_assert_cmpuint (whole->total, >=, 123);

  while (offset < whole->total)
    {
      g_autoptr(LoyPage) page = loy_store_query_sync (LOY_STORE (fixture->base.store), query,
                                                      offset, 7, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->items->len, ==, MIN (7, whole->total - offset));
      for (guint i = 0; i < page->items->len; i++, offset++)
        g_assert_cmpstr (loy_code_get_code (g_ptr_array_index (page->items, i)), ==,
                         loy_code_get_code (g_ptr_array_index (whole->items, offset)));
    }
}

static char *
first_shop_uuid (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) page = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);

  return g_strdup (loy_shop_get_uuid (g_ptr_array_index (page->items, 0)));
}

static void
assert_filters_equal (const LoyViewFilter *a,
                      const LoyViewFilter *b)
{
  g_autoptr(JsonNode) a_json = loy_view_filter_to_json (a);
  g_autoptr(JsonNode) b_json = loy_view_filter_to_json (b);

  g_assert_true (json_node_equal (a_json, b_json));
}

static void
test_view_filter_round_trip (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) created = NULL;
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(LoyReward) cleared = NULL;
  g_autoptr(LoyReward) refused = NULL;
  g_autoptr(GObject) looked_up = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *shop = first_shop_uuid (fixture);
  char *shops[] = { shop, NULL };

  filter->platforms = LOY_PLATFORM_CUSTOMER_APP;
  filter->shop_uuids = g_strdupv (shops);
  filter->condition = LOY_CONDITION_DATE_WINDOW;
  filter->attribute = g_strdup ("date_of_birth");
  filter->days_before = 7;
  filter->days_after = 3;

  loy_reward_set_title (reward, "Birthday cake");
  loy_reward_set_required_credits (reward, 10);
  loy_reward_set_view_filter (reward, filter);
  created = loy_store_create_reward_sync (LOY_STORE (fixture->base.store), reward, NULL, &error);
  g_assert_no_error (error);
  looked_up = loy_store_lookup_sync (LOY_STORE (fixture->base.store), LOY_KIND_REWARD,
                                     loy_reward_get_uuid (created), NULL, &error);
  g_assert_no_error (error);
  assert_filters_equal (loy_reward_get_view_filter (LOY_REWARD (looked_up)), filter);

  /* An update changes the whole filter. */
  filter->platforms = LOY_PLATFORM_BUSINESS_APP;
  filter->condition = LOY_CONDITION_IS_SET;
  filter->days_before = filter->days_after = 0;
  json_object_set_member (changes, "view_filter", loy_view_filter_to_json (filter));
  updated = loy_store_update_reward_sync (LOY_STORE (fixture->base.store), loy_reward_get_uuid (created),
                                          changes, NULL, &error);
  g_assert_no_error (error);
  assert_filters_equal (loy_reward_get_view_filter (updated), filter);

  /* null removes it. */
  json_object_set_null_member (changes, "view_filter");
  cleared = loy_store_update_reward_sync (LOY_STORE (fixture->base.store), loy_reward_get_uuid (created),
                                          changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (loy_reward_get_view_filter (cleared) == NULL ||
                 loy_view_filter_is_empty (loy_reward_get_view_filter (cleared)));

  /* A shop that does not exist is refused, and nothing changes. */
  g_strfreev (filter->shop_uuids);
  filter->shop_uuids = g_strsplit ("no-such-shop", ",", -1);
  json_object_set_member (changes, "view_filter", loy_view_filter_to_json (filter));
  refused = loy_store_update_reward_sync (LOY_STORE (fixture->base.store), loy_reward_get_uuid (created),
                                          changes, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (refused);
}

static guint
count_rewards (Fixture    *fixture,
               LoyQuery   *query,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 1000, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, page->items->len);
  for (guint i = 0; i < page->items->len; i++)
    n += g_strcmp0 (loy_reward_get_title (g_ptr_array_index (page->items, i)), title) == 0;

  return n;
}

static void
test_visibility_queries (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyViewFilter) filter = loy_view_filter_new ();
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) created = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) contacts = NULL;
  g_autoptr(LoyQuery) contact_query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) missing = NULL;
  g_autofree char *shop = first_shop_uuid (fixture);
  char *shops[] = { shop, NULL };

  filter->platforms = LOY_PLATFORM_BUSINESS_APP;
  filter->shop_uuids = g_strdupv (shops);
  filter->condition = LOY_CONDITION_EQUALS;
  filter->attribute = g_strdup ("tier");
  filter->value = g_strdup ("gold");
  loy_reward_set_title (reward, "Counter gift");
  loy_reward_set_required_credits (reward, 10);
  loy_reward_set_view_filter (reward, filter);
  created = loy_store_create_reward_sync (LOY_STORE (fixture->base.store), reward, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_rewards (fixture, query, "Counter gift"), ==, 1);

  query->platform = LOY_PLATFORM_CUSTOMER_APP;
  g_assert_cmpuint (count_rewards (fixture, query, "Counter gift"), ==, 0);
  query->platform = LOY_PLATFORM_BUSINESS_APP;
  g_assert_cmpuint (count_rewards (fixture, query, "Counter gift"), ==, 1);

  query->shop_uuid = g_strdup ("another-shop");
  g_assert_cmpuint (count_rewards (fixture, query, "Counter gift"), ==, 0);
  g_free (query->shop_uuid);
  query->shop_uuid = g_strdup (shop);
  g_assert_cmpuint (count_rewards (fixture, query, "Counter gift"), ==, 1);

  /* The demo's contacts are not gold. */
  contacts = loy_store_query_sync (LOY_STORE (fixture->base.store), contact_query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  query->visible_to_contact = g_strdup (loy_contact_get_uuid (g_ptr_array_index (contacts->items, 0)));
  g_assert_cmpuint (count_rewards (fixture, query, "Counter gift"), ==, 0);

  /* The digital reward without codes shows to nobody. */
  g_assert_cmpuint (count_rewards (fixture, query, "Spring voucher"), ==, 0);

  g_free (query->visible_to_contact);
  query->visible_to_contact = g_strdup ("no-such-contact");
  missing = loy_store_query_sync (LOY_STORE (fixture->base.store), query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_only_active (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyReward) updated = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);

  json_object_set_boolean_member (changes, "is_active", FALSE);
  updated = loy_store_update_reward_sync (LOY_STORE (fixture->base.store), fixture->reward_uuid,
                                          changes, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_rewards (fixture, query, "Spring voucher"), ==, 1);
  query->only_active = TRUE;
  g_assert_cmpuint (count_rewards (fixture, query, "Spring voucher"), ==, 0);
}

static void
test_update_code_group (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) bad = json_object_new ();
  g_autoptr(LoyCodeGroup) group = NULL;
  g_autoptr(LoyCodeGroup) refused = NULL;

  json_object_set_string_member (changes, "name", "  Spring codes ");
  json_object_set_int_member (changes, "low_stock_threshold", 25);
  group = loy_store_update_code_group_sync (LOY_STORE (fixture->base.store), fixture->group_uuid,
                                            changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_code_group_get_name (group), ==, "Spring codes");
  g_assert_cmpint (loy_code_group_get_low_stock_threshold (group), ==, 25);

  json_object_set_int_member (bad, "total", 3);
  refused = loy_store_update_code_group_sync (LOY_STORE (fixture->base.store), fixture->group_uuid,
                                              bad, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (refused);
}

static void
test_killed_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *loyctl = g_test_build_filename (G_TEST_BUILT, "..", "src", "loyctl", "loyctl", NULL);
  g_autofree char *path = write_code_file (fixture, "XXXX-XXXX-XXXX", 1000000);
  g_autofree char *integrity = NULL;
  g_autoptr(LoyImportSummary) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { loyctl, "--db", fixture->base.path, "codes", "import", fixture->group_uuid, path, NULL };
  sqlite3 *raw;
  GPid pid;
  int status;

  before = import_text (fixture, "KEEP-1\nKEEP-2\nKEEP-3\n", &error);
  g_assert_no_error (error);

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* Well into the transaction: a million codes take seconds. */
  g_usleep (G_USEC_PER_SEC / 2);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  raw = test_sqlite_open_raw (fixture->base.path);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM codes WHERE group_id ="
                                         " (SELECT id FROM code_groups WHERE uuid = '%s')",
                                    fixture->group_uuid), ==, 3);
  integrity = test_sqlite_text (raw, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (raw);
  g_assert_cmpint (group_total (fixture), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/codes-store/import/counts", test_import_counts);
  ADD ("/codes-store/list-paged", test_list_codes_paged);
  ADD ("/codes-store/import/unknown-group", test_import_unknown_group);
  ADD ("/codes-store/import/refused", test_import_refused);
  ADD ("/codes-store/import/progress", test_import_progress);
  ADD ("/codes-store/import/cancelled", test_import_cancelled);
  ADD ("/codes-store/import/killed", test_killed_import);
  ADD ("/codes-store/generate", test_generate);
  ADD ("/codes-store/list-codes", test_list_codes);
  ADD ("/codes-store/update-code-group", test_update_code_group);
  ADD ("/codes-store/view-filter/round-trip", test_view_filter_round_trip);
  ADD ("/codes-store/view-filter/queries", test_visibility_queries);
  ADD ("/codes-store/only-active", test_only_active);

#undef ADD

  return g_test_run ();
}
