/* test-sqlite-query.c — queries on the local store: searching,
 * filtering, sorting and reading deep pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sqlite-fixture.h"
#include "test-store-common.h"

/* Helpers */

static LoyPage *
search_contacts (LoySqliteStore *store,
                 const char     *search)
{
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);

  contacts->search = g_strdup (search);

  return test_sqlite_query (store, contacts, 0, 1000);
}

static gboolean
page_has_contact (LoyPage    *page,
                  const char *uuid)
{
  for (guint i = 0; i < page->items->len; i++)
    if (g_str_equal (loy_contact_get_uuid (g_ptr_array_index (page->items, i)), uuid))
      return TRUE;

  return FALSE;
}

/* All rewards of the demo, by type and status, as the list shows them. */
static GPtrArray *
query_rewards (TestSqliteFixture *fixture,
               guint              reward_types,
               gboolean           only_active,
               gboolean           only_inactive)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->reward_types = reward_types;
  query->only_active = only_active;
  query->only_inactive = only_inactive;
  page = loy_store_query_sync (LOY_STORE (fixture->store), query, 0, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, page->items->len);

  return g_ptr_array_ref (page->items);
}

/* Rewards filtered by type and by status in SQL: each filter keeps exactly
 * the records that match, and together they keep what both do. */
static void
test_reward_type_status_filter (TestSqliteFixture *fixture,
                                gconstpointer      data)
{
  g_autoptr(GPtrArray) all = query_rewards (fixture, 0, FALSE, FALSE);
  g_autoptr(GPtrArray) digital = query_rewards (fixture, 1 << LOY_REWARD_TYPE_DIGITAL, FALSE, FALSE);
  g_autoptr(GPtrArray) physical = query_rewards (fixture, 1 << LOY_REWARD_TYPE_PHYSICAL, FALSE, FALSE);
  g_autoptr(GPtrArray) inactive = query_rewards (fixture, 0, FALSE, TRUE);
  g_autoptr(GPtrArray) active = query_rewards (fixture, 0, TRUE, FALSE);
  g_autoptr(GPtrArray) inactive_digital = query_rewards (fixture, 1 << LOY_REWARD_TYPE_DIGITAL,
                                                         FALSE, TRUE);
  guint n_inactive_digital = 0;

  g_assert_cmpuint (digital->len, >, 0);
  g_assert_cmpuint (physical->len, >, 0);
  g_assert_cmpuint (inactive->len, >, 0);
  g_assert_cmpuint (digital->len + physical->len, ==, all->len);
  g_assert_cmpuint (active->len + inactive->len, ==, all->len);

  for (guint i = 0; i < digital->len; i++)
    g_assert_cmpint (loy_reward_get_reward_type (g_ptr_array_index (digital, i)), ==,
                     LOY_REWARD_TYPE_DIGITAL);
  for (guint i = 0; i < physical->len; i++)
    g_assert_cmpint (loy_reward_get_reward_type (g_ptr_array_index (physical, i)), ==,
                     LOY_REWARD_TYPE_PHYSICAL);
  for (guint i = 0; i < inactive->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (inactive, i);

      g_assert_false (loy_reward_get_is_active (reward));
      if (loy_reward_get_reward_type (reward) == LOY_REWARD_TYPE_DIGITAL)
        n_inactive_digital++;
    }
  for (guint i = 0; i < active->len; i++)
    g_assert_true (loy_reward_get_is_active (g_ptr_array_index (active, i)));

  g_assert_cmpuint (inactive_digital->len, ==, n_inactive_digital);
  for (guint i = 0; i < inactive_digital->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (inactive_digital, i);

      g_assert_false (loy_reward_get_is_active (reward));
      g_assert_cmpint (loy_reward_get_reward_type (reward), ==, LOY_REWARD_TYPE_DIGITAL);
    }
}

/* Whether @text contains @needle, ignoring case and accents as the index does. */
static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *ascii_text = g_str_to_ascii (text, "C");
  g_autofree char *ascii_needle = g_str_to_ascii (needle, "C");
  g_autofree char *folded_text = g_ascii_strdown (ascii_text, -1);
  g_autofree char *folded_needle = g_ascii_strdown (ascii_needle, -1);

  return strstr (folded_text, folded_needle) != NULL;
}

static void
test_contact_search (TestSqliteFixture *fixture,
                     gconstpointer      data)
{
  static const char * const awkward[] = {
    "\"", "'", "a\"b", "\"\"\"", "AND", "OR NOT", "NEAR(", "*", "-", "^x", "first_name:", "(",
    ")", "%", "_", "\\", "{}", "'; DROP TABLE contacts; --", "💚", "   ", "a*b", "NOT a",
  };
  g_autoptr(LoyContact) contact = test_sqlite_first_contact (fixture->store);
  const char *first_name = loy_contact_get_first_name (contact);
  const char *last_name = loy_contact_get_last_name (contact);
  g_autofree char *first_prefix = g_utf8_substring (first_name, 0, 2);
  g_autofree char *last_word = g_strdup (strrchr (last_name, ' ') ? strrchr (last_name, ' ') + 1
                                                                   : last_name);
  g_autofree char *last_prefix = g_utf8_substring (last_word, 0, 3);
  g_autofree char *typed = g_strdup_printf ("%s %s", first_prefix, last_prefix);
  g_autofree char *email_start = g_strndup (loy_contact_get_email (contact), 5);

  /* As typed in a search field: the beginnings of the first and last name. */
  {
    g_autoptr(LoyPage) page = search_contacts (fixture->store, typed);

    g_assert_true (page_has_contact (page, loy_contact_get_uuid (contact)));
    g_assert_cmpuint (page->total, <, TEST_SQLITE_DEMO_CONTACTS);
    for (guint i = 0; i < page->items->len; i++)
      {
        LoyContact *found = g_ptr_array_index (page->items, i);
        g_autofree char *text = g_strdup_printf ("%s %s %s", loy_contact_get_first_name (found),
                                                 loy_contact_get_last_name (found),
                                                 loy_contact_get_email (found));

        /* The index ignores case and accents. */
        g_assert_true (contains_folded (text, last_prefix));
      }
  }

  /* The whole address, its beginning, and the UUID. */
  {
    g_autoptr(LoyPage) by_email = search_contacts (fixture->store, loy_contact_get_email (contact));
    g_autoptr(LoyPage) by_email_start = search_contacts (fixture->store, email_start);
    g_autoptr(LoyPage) by_uuid = search_contacts (fixture->store, loy_contact_get_uuid (contact));

    g_assert_true (page_has_contact (by_email, loy_contact_get_uuid (contact)));
    g_assert_true (page_has_contact (by_email_start, loy_contact_get_uuid (contact)));
    g_assert_cmpuint (by_uuid->total, ==, 1);
    g_assert_true (page_has_contact (by_uuid, loy_contact_get_uuid (contact)));
  }

  /* Nothing a user types is an SQL or FTS syntax error. */
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autoptr(LoyPage) page = search_contacts (fixture->store, awkward[i]);

      g_assert_cmpuint (page->total, <=, TEST_SQLITE_DEMO_CONTACTS);
    }

  /* A contact added after the demo is indexed too, accents folded. */
  {
    sqlite3 *db = test_sqlite_open_raw (fixture->path);
    g_autoptr(LoyPage) page = NULL;

    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO contacts (uuid, email, first_name, last_name, created_at)"
                                   " VALUES ('0b7e5f4e-2d7a-4c1e-9a57-3f1c2b4d5e6f', 'zoe@example.com',"
                                   " 'Zoë', 'Lefèvre-Ångström', 1700000000)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);

    page = search_contacts (fixture->store, "zoe ANGS");
    g_assert_true (page_has_contact (page, "0b7e5f4e-2d7a-4c1e-9a57-3f1c2b4d5e6f"));
  }

  /* Any part of a name, an address or a phone number, however the number
   * was written or typed; and still the start of a word for one or two
   * characters, accents folded. */
  {
    static const char * const kowalski[] = {
      "walski", "WALSK", "owa", "amara kowal", "am walski", "nowski.example", "5678", "45678",
      "06-1234-5678", "06 1234 5678", "+31 (0)6 1234", "Ko", "am ko", "A",
    };
    static const char * const not_kowalski[] = { "walskx", "al", "78", "kowalskis", "+31 6 1234" };
    sqlite3 *db = test_sqlite_open_raw (fixture->path);
    const char *uuid = "3c0d5e9a-7b1f-4d2e-8a6c-9e4f1b2d3c4a";

    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO contacts (uuid, email, first_name, last_name,"
                                   " attributes, created_at)"
                                   " VALUES ('3c0d5e9a-7b1f-4d2e-8a6c-9e4f1b2d3c4a',"
                                   " 'amara@nowski.example', 'Amara', 'Kowalski',"
                                   " '{\"phone\": \"+31 (0)6 1234 5678\"}', 1700000000)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

    for (guint i = 0; i < G_N_ELEMENTS (kowalski); i++)
      {
        g_autoptr(LoyPage) page = search_contacts (fixture->store, kowalski[i]);

        if (!page_has_contact (page, uuid))
          g_error ("“%s” does not find Amara Kowalski", kowalski[i]);
      }
    for (guint i = 0; i < G_N_ELEMENTS (not_kowalski); i++)
      {
        g_autoptr(LoyPage) page = search_contacts (fixture->store, not_kowalski[i]);

        if (page_has_contact (page, uuid))
          g_error ("“%s” finds Amara Kowalski", not_kowalski[i]);
      }

    /* A new number, or a new name, is what is found from then on. */
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE contacts SET last_name = 'Nowak',"
                                   " attributes = '{\"phone\": \"020 555 0199\"}'"
                                   " WHERE uuid = '3c0d5e9a-7b1f-4d2e-8a6c-9e4f1b2d3c4a'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    {
      g_autoptr(LoyPage) old_name = search_contacts (fixture->store, "walski");
      g_autoptr(LoyPage) old_number = search_contacts (fixture->store, "45678");
      g_autoptr(LoyPage) new_name = search_contacts (fixture->store, "owak");
      g_autoptr(LoyPage) new_number = search_contacts (fixture->store, "5550199");

      g_assert_false (page_has_contact (old_name, uuid));
      g_assert_false (page_has_contact (old_number, uuid));
      g_assert_true (page_has_contact (new_name, uuid));
      g_assert_true (page_has_contact (new_number, uuid));
    }
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts_trigram (contacts_trigram)"
                                       " VALUES ('integrity-check')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  /* A name that is nobody's. */
  {
    g_autoptr(LoyPage) page = search_contacts (fixture->store, "Zyxwvut");

    g_assert_cmpuint (page->total, ==, 0);
    g_assert_cmpuint (page->items->len, ==, 0);
  }
}

/* A reward whose deletion waits behind an Undo is left out of the list,
 * its page and its count; codes have no UUIDs to leave out by. */
static void
test_exclude (TestSqliteFixture *fixture,
              gconstpointer      data)
{
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyQuery) codes = loy_query_new (LOY_KIND_CODE);
  g_autoptr(LoyPage) all = test_sqlite_query (fixture->store, rewards, 0, 100);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) none = NULL;
  g_autoptr(GError) error = NULL;
  const char *excluded[] = { SEED_REWARD_KRABBY_PATTY, SEED_REWARD_KRUSTY_KRAB_HAT, NULL };

  rewards->exclude_uuids = g_strdupv ((char **) excluded);
  g_assert_false (loy_query_has_filter (rewards));
  page = test_sqlite_query (fixture->store, rewards, 0, 100);
  g_assert_cmpuint (page->total, ==, all->total - 2);
  g_assert_cmpuint (page->items->len, ==, all->items->len - 2);
  for (guint i = 0; i < page->items->len; i++)
    g_assert_false (g_strv_contains (excluded,
                                     loy_reward_get_uuid (g_ptr_array_index (page->items, i))));

  /* With a search, the count comes from another table: still left out. */
  rewards->search = g_strdup ("krab");
  g_clear_pointer (&page, loy_page_free);
  page = test_sqlite_query (fixture->store, rewards, 0, 100);
  g_assert_cmpuint (page->total, ==, 0);

  codes->parent_uuid = g_strdup ("no-such-group");
  codes->exclude_uuids = g_strdupv ((char **) excluded);
  none = loy_store_query_sync (LOY_STORE (fixture->store), codes, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (none);
}

static void
test_reward_search (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);

  rewards->search = g_strdup ("krab");
  {
    g_autoptr(LoyPage) page = test_sqlite_query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, ==, 2);  /* Krabby Patty, Krusty Krab Hat */
  }

  /* LIKE wildcards in the input are plain characters. */
  g_free (rewards->search);
  rewards->search = g_strdup ("%");
  {
    g_autoptr(LoyPage) page = test_sqlite_query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, >=, 1);
    for (guint i = 0; i < page->items->len; i++)
      g_assert_nonnull (strchr (loy_reward_get_title (g_ptr_array_index (page->items, i)), '%'));
  }

  g_free (rewards->search);
  rewards->search = g_strdup ("_");
  {
    g_autoptr(LoyPage) page = test_sqlite_query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, ==, 0);
  }

  g_free (rewards->search);
  rewards->search = g_strdup (SEED_REWARD_KRUSTY_KRAB_HAT);
  {
    g_autoptr(LoyPage) page = test_sqlite_query (fixture->store, rewards, 0, 100);

    g_assert_cmpuint (page->total, ==, 1);
  }
}

static void
test_level_filter (TestSqliteFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(LoyQuery) levels = loy_query_new (LOY_KIND_LEVEL);
  g_autoptr(LoyPage) level_page = test_sqlite_query (fixture->store, levels, 0, 10);
  guint sum = 0;

  g_assert_cmpuint (level_page->total, ==, 3);
  g_assert_cmpstr (loy_level_get_name (g_ptr_array_index (level_page->items, 0)), ==, "Bronze");
  g_assert_cmpstr (loy_level_get_name (g_ptr_array_index (level_page->items, 2)), ==, "Gold");

  for (guint i = 0; i < level_page->items->len; i++)
    {
      LoyLevel *level = g_ptr_array_index (level_page->items, i);
      LoyLevel *next = i + 1 < level_page->items->len ? g_ptr_array_index (level_page->items, i + 1) : NULL;
      g_autoptr(LoyQuery) members = loy_query_new (LOY_KIND_CONTACT);
      g_autoptr(LoyPage) page = NULL;

      members->level_uuid = g_strdup (loy_level_get_uuid (level));
      page = test_sqlite_query (fixture->store, members, 0, TEST_SQLITE_DEMO_CONTACTS);

      g_assert_cmpint (page->total, ==, loy_level_get_n_contacts (level));
      g_assert_cmpuint (page->items->len, ==, page->total);
      for (guint j = 0; j < page->items->len; j++)
        {
          LoyContact *contact = g_ptr_array_index (page->items, j);

          g_assert_cmpstr (loy_contact_get_level_uuid (contact), ==, loy_level_get_uuid (level));
          g_assert_cmpstr (loy_contact_get_level_name (contact), ==, loy_level_get_name (level));
          g_assert_cmpint (loy_contact_get_balance (contact), >=, loy_level_get_threshold (level));
          if (next != NULL)
            g_assert_cmpint (loy_contact_get_balance (contact), <, loy_level_get_threshold (next));
        }
      sum += page->total;
    }

  g_assert_cmpuint (sum, ==, TEST_SQLITE_DEMO_CONTACTS);
}

static void
test_segment_filter (TestSqliteFixture *fixture,
                     gconstpointer      data)
{
  g_autoptr(LoyQuery) segments = loy_query_new (LOY_KIND_SEGMENT);
  g_autoptr(LoyPage) segment_page = test_sqlite_query (fixture->store, segments, 0, 10);
  gboolean some_members = FALSE;

  g_assert_cmpuint (segment_page->total, ==, 3);
  for (guint i = 0; i < segment_page->items->len; i++)
    {
      LoySegment *segment = g_ptr_array_index (segment_page->items, i);
      g_autoptr(LoyQuery) members = loy_query_new (LOY_KIND_CONTACT);
      g_autoptr(LoyPage) page = NULL;

      members->segment_uuid = g_strdup (loy_segment_get_uuid (segment));
      page = test_sqlite_query (fixture->store, members, 0, 5);
      g_assert_cmpint (page->total, ==, loy_segment_get_n_contacts (segment));
      g_assert_cmpint (page->total, <, TEST_SQLITE_DEMO_CONTACTS);
      some_members |= page->total > 0;

      /* "Big spenders": 1,000 points or more. */
      if (g_str_equal (loy_segment_get_name (segment), "Big spenders"))
        for (guint j = 0; j < page->items->len; j++)
          g_assert_cmpint (loy_contact_get_balance (g_ptr_array_index (page->items, j)), >=, 1000);
    }
  g_assert_true (some_members);
}

static void
assert_sorted (LoySqliteStore *store,
               const char     *sort,
               int             direction)
{
  g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;

  rewards->sort = g_strdup (sort);
  page = test_sqlite_query (store, rewards, 0, 100);
  g_assert_cmpuint (page->items->len, ==, page->total);

  for (guint i = 1; i < page->items->len; i++)
    {
      gint64 previous = loy_reward_get_required_credits (g_ptr_array_index (page->items, i - 1));
      gint64 current = loy_reward_get_required_credits (g_ptr_array_index (page->items, i));

      g_assert_cmpint ((current - previous) * direction, >=, 0);
    }
}

static void
test_sort (TestSqliteFixture *fixture,
           gconstpointer      data)
{
  static const char * const refused[] = {
    "bogus", "-", "", "title; DROP TABLE rewards", "required_credits DESC", "--title", "t.id",
  };
  g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) by_balance = NULL;

  assert_sorted (fixture->store, "required_credits", 1);
  assert_sorted (fixture->store, "-required_credits", -1);

  contacts->sort = g_strdup ("-balance");
  by_balance = test_sqlite_query (fixture->store, contacts, 0, 20);
  for (guint i = 1; i < by_balance->items->len; i++)
    g_assert_cmpint (loy_contact_get_balance (g_ptr_array_index (by_balance->items, i - 1)), >=,
                     loy_contact_get_balance (g_ptr_array_index (by_balance->items, i)));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(LoyQuery) rewards = loy_query_new (LOY_KIND_REWARD);
      g_autoptr(LoyPage) page = NULL;
      g_autoptr(GError) error = NULL;

      /* An empty sort means the natural order. */
      if (refused[i][0] == '\0')
        continue;

      rewards->sort = g_strdup (refused[i]);
      page = loy_store_query_sync (LOY_STORE (fixture->store), rewards, 0, 10, NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
      g_assert_null (page);
    }
}

/* The UUIDs of @contacts read page by page from offset 0, as a scrolled
 * list reads them, in one string. */
static char *
read_uuids_by_page (LoySqliteStore *store,
                    LoyQuery       *contacts,
                    guint           page_size)
{
  GString *uuids = g_string_new (NULL);
  guint total = G_MAXUINT;

  for (guint offset = 0; offset < total; offset += page_size)
    {
      g_autoptr(LoyPage) page = test_sqlite_query (store, contacts, offset, page_size);

      total = page->total;
      g_assert_cmpuint (page->items->len, ==, MIN (page_size, total - offset));
      for (guint i = 0; i < page->items->len; i++)
        g_string_append_printf (uuids, "%s\n",
                                loy_contact_get_uuid (g_ptr_array_index (page->items, i)));
    }

  return g_string_free (uuids, FALSE);
}

/* A page deep in the list is found by its ids first: in every sort order,
 * with a search or a filter, pages of any size read the same rows in the
 * same order as the whole list in one page. */
static void
test_deep_pages (TestSqliteFixture *fixture,
                 gconstpointer      data)
{
  static const char * const sorts[] = {
    NULL, "first_name", "-first_name", "last_name", "email", "-email", "balance", "-balance",
    "created_at", "-created_at",
  };
  static const char * const searches[] = { NULL, "an", "de vries" };
  g_autoptr(LoyContact) contact = test_sqlite_first_contact (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (searches); j++)
      for (guint level = 0; level < 2; level++)
        {
          g_autoptr(LoyQuery) contacts = loy_query_new (LOY_KIND_CONTACT);
          g_autofree char *whole = NULL;
          g_autofree char *paged = NULL;

          contacts->sort = g_strdup (sorts[i]);
          contacts->search = g_strdup (searches[j]);
          if (level)
            contacts->level_uuid = g_strdup (loy_contact_get_level_uuid (contact));

          whole = read_uuids_by_page (fixture->store, contacts, TEST_SQLITE_DEMO_CONTACTS);
          paged = read_uuids_by_page (fixture->store, contacts, 7);
          g_assert_cmpstr (paged, ==, whole);
          g_assert_cmpuint (strlen (whole), >, 0);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST_SQLITE_ADD_DEMO ("/sqlite/search/contacts", test_contact_search);
  TEST_SQLITE_ADD_DEMO ("/sqlite/search/rewards", test_reward_search);
  TEST_SQLITE_ADD_DEMO ("/sqlite/filter/reward-type-status", test_reward_type_status_filter);
  TEST_SQLITE_ADD_DEMO ("/sqlite/filter/exclude", test_exclude);
  TEST_SQLITE_ADD_DEMO ("/sqlite/filter/level", test_level_filter);
  TEST_SQLITE_ADD_DEMO ("/sqlite/filter/segment", test_segment_filter);
  TEST_SQLITE_ADD_DEMO ("/sqlite/sort", test_sort);
  TEST_SQLITE_ADD_DEMO ("/sqlite/deep-pages", test_deep_pages);

  return g_test_run ();
}
