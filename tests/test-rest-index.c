/* test-rest-index.c — a Piggy account's local files: the index of its
 * contacts and the notes of its history, one of each for each account; the
 * index answering only for a key the server accepts and following what the
 * store reads and writes of a contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "loy-fake-piggy.h"
#include "loy-test-dir.h"

#define API_KEY       "test-key-7d41e0"
#define OTHER_API_KEY "test-key-other-52c9a1"
#define SANDY         LOY_FAKE_PIGGY_CONTACT_UUID

typedef struct
{
  LoyFakePiggy *fake;
  LoyStore     *store;
  char         *cache;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = loy_fake_piggy_new (API_KEY);
  fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), API_KEY));
  fixture->cache = g_build_filename (g_get_user_cache_dir (), "loyalty-desk", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_clear_pointer (&fixture->fake, loy_fake_piggy_free);
  /* Each test starts without any account's files. */
  loy_test_remove_tree (fixture->cache);
  g_free (fixture->cache);
}

static LoyStore *
open_store (Fixture    *fixture,
            const char *api_key)
{
  return LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), api_key));
}

static LoyPage *
search (LoyStore    *store,
        const char  *text,
        GError     **error)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);

  query->search = g_strdup (text);
  return loy_store_query_sync (store, query, 0, 50, NULL, error);
}

static LoyPage *
search_ok (LoyStore   *store,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  LoyPage *page = search (store, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

/* The names of the cache's files of @kind ("contacts-….db"). */
static GPtrArray *
list_cache_files (Fixture    *fixture,
                  const char *kind)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache, 0, NULL);
  g_autofree char *prefix = g_strconcat (kind, "-", NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static void
assert_no_file_holds (Fixture    *fixture,
                      const char *text)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->cache, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_null (strstr (name, text));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_null (g_strstr_len (contents, length, text));
    }
}

/* Two accounts at one address (every Piggy customer's) have an index each:
 * the second key's search asks its own account, though the first's index
 * was filled a moment ago. */
static void
test_index_per_key (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyPage) first = NULL;
  g_autoptr(LoyPage) second = NULL;
  g_autoptr(LoyStore) other = NULL;
  g_autoptr(GPtrArray) indexes = NULL;

  first = search_ok (fixture->store, "contact-");
  g_assert_cmpuint (first->total, ==, 0);

  /* The address's other account, with contacts of its own. */
  loy_fake_piggy_set_api_key (fixture->fake, OTHER_API_KEY);
  loy_fake_piggy_add_contacts (fixture->fake, 3);
  other = open_store (fixture, OTHER_API_KEY);
  second = search_ok (other, "contact-");
  g_assert_cmpuint (second->total, ==, 3);

  indexes = list_cache_files (fixture, "contacts");
  g_assert_cmpuint (indexes->len, ==, 2);
  /* Named after the key, but holding no trace of it. */
  assert_no_file_holds (fixture, API_KEY);
  assert_no_file_holds (fixture, OTHER_API_KEY);
}

/* A filled index on disk answers nobody until the server has accepted the
 * key in this session: a key refused since, or never valid, gets its
 * refusal and no contacts. */
static void
test_refused_key_gets_no_rows (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LoyPage) filled = NULL;
  g_autoptr(LoyPage) refused = NULL;
  g_autoptr(LoyPage) wrong = NULL;
  g_autoptr(LoyPage) accepted = NULL;
  g_autoptr(LoyPage) again = NULL;
  g_autoptr(LoyStore) revoked = NULL;
  g_autoptr(LoyStore) stranger = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests;

  filled = search_ok (fixture->store, "sandy");
  g_assert_cmpuint (filled->total, ==, 1);

  /* The account's key is replaced: the old one's index is on disk, fresh. */
  loy_fake_piggy_set_api_key (fixture->fake, OTHER_API_KEY);
  revoked = open_store (fixture, API_KEY);
  refused = search (revoked, "sandy", &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_true (g_str_has_prefix (error->message, "The API key was refused"));
  g_assert_null (refused);
  g_clear_error (&error);

  stranger = open_store (fixture, "anything-at-all");
  wrong = search (stranger, "sandy", &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED);
  g_assert_null (wrong);
  g_clear_error (&error);

  /* Accepted once, the fresh index answers without asking again. */
  loy_fake_piggy_set_api_key (fixture->fake, API_KEY);
  g_clear_object (&fixture->store);
  fixture->store = open_store (fixture, API_KEY);
  n_requests = loy_fake_piggy_get_n_requests (fixture->fake);
  accepted = search_ok (fixture->store, "sandy");
  g_assert_cmpuint (accepted->total, ==, 1);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), >, n_requests);

  n_requests = loy_fake_piggy_get_n_requests (fixture->fake);
  again = search_ok (fixture->store, "sandy");
  g_assert_cmpuint (again->total, ==, 1);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), ==, n_requests);
}

/* The index follows what the store reads and writes */

/* Fills the index, as a search does, and starts a session of its own. */
static void
fill_index_and_reopen (Fixture *fixture)
{
  g_autoptr(LoyPage) filled = search_ok (fixture->store, "sandy");

  g_assert_cmpuint (filled->total, ==, 1);
  g_clear_object (&fixture->store);
  fixture->store = open_store (fixture, API_KEY);
}

/* A contact renamed is found by the new name at once, and no longer by the old. */
static void
test_renamed_contact (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(LoyContact) renamed = NULL;
  g_autoptr(LoyPage) by_new_name = NULL;
  g_autoptr(LoyPage) by_old_name = NULL;
  g_autoptr(GError) error = NULL;

  fill_index_and_reopen (fixture);

  json_object_set_string_member (changes, "first_name", "Squidward");
  renamed = loy_store_update_contact_sync (fixture->store, SANDY, changes, NULL, &error);
  g_assert_no_error (error);

  by_new_name = search_ok (fixture->store, "squidward");
  g_assert_cmpuint (by_new_name->total, ==, 1);
  g_assert_cmpstr (loy_contact_get_uuid (g_ptr_array_index (by_new_name->items, 0)), ==, SANDY);
  by_old_name = search_ok (fixture->store, "sandy cheeks");
  g_assert_cmpuint (by_old_name->total, ==, 0);
}

/* A contact enrolled before the session's first search is in the index
 * that search answers from. */
static void
test_enrolled_before_search (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(LoyPage) pearl = NULL;
  g_autoptr(GError) error = NULL;

  fill_index_and_reopen (fixture);

  loy_contact_set_email (contact, "pearl.krabs@example.com");
  loy_contact_set_first_name (contact, "Pearl");
  enrolled = loy_store_enroll_contact_sync (fixture->store, contact, "desk", NULL, &error);
  g_assert_no_error (error);

  pearl = search_ok (fixture->store, "pearl");
  g_assert_cmpuint (pearl->total, ==, 1);
  g_assert_cmpstr (loy_contact_get_uuid (g_ptr_array_index (pearl->items, 0)), ==,
                   loy_contact_get_uuid (enrolled));
}

/* A search shows the balance of the contact's last read, not of the fill. */
static void
test_balance_of_last_read (Fixture       *fixture,
                           gconstpointer  data)
{
  LoyAward award = { .points = 40 };
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GObject) contact = NULL;
  g_autoptr(LoyPage) sandy = NULL;
  g_autoptr(GError) error = NULL;

  fill_index_and_reopen (fixture);
  loy_rest_store_set_shop_uuid (LOY_REST_STORE (fixture->store), LOY_FAKE_PIGGY_SHOP_UUID);

  entry = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);
  g_assert_no_error (error);
  contact = loy_store_lookup_sync (fixture->store, LOY_KIND_CONTACT, SANDY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_contact_get_balance (LOY_CONTACT (contact)), ==, 40);

  sandy = search_ok (fixture->store, "sandy");
  g_assert_cmpuint (sandy->total, ==, 1);
  g_assert_cmpint (loy_contact_get_balance (g_ptr_array_index (sandy->items, 0)), ==,
                   loy_fake_piggy_get_balance (fixture->fake, SANDY));
  g_assert_cmpint (loy_contact_get_balance (g_ptr_array_index (sandy->items, 0)), ==, 40);
}

/* The account's files held by another program */

typedef struct
{
  sqlite3  *holder;
  gboolean  released;
  LoyPage  *page;
  GError   *error;
  gboolean  done;
} HeldSearch;

/* The main loop turns while the query waits: the holder lets go. */
static gboolean
release_index_cb (gpointer user_data)
{
  HeldSearch *held = user_data;

  g_assert_false (held->done);
  g_assert_cmpint (sqlite3_exec (held->holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&held->holder, sqlite3_close);
  held->released = TRUE;
  return G_SOURCE_REMOVE;
}

static void
held_search_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  HeldSearch *held = user_data;

  held->page = loy_store_query_finish (LOY_STORE (object), result, &held->error);
  held->done = TRUE;
}

/* Holds the account's file of @kind as another program (loyctl) may, and
 * runs @query on @store while it does: the main loop must go on turning,
 * for only then does the holder let go, 50 ms in. */
static LoyPage *
query_while_held (Fixture         *fixture,
                  const char      *kind,
                  const LoyQuery  *query,
                  GError         **error)
{
  g_autoptr(GPtrArray) files = list_cache_files (fixture, kind);
  g_autofree char *path = NULL;
  HeldSearch held = { NULL, };

  g_assert_cmpuint (files->len, ==, 1);
  path = g_build_filename (fixture->cache, g_ptr_array_index (files, 0), NULL);

  /* In WAL mode only an exclusive locking mode keeps readers out too. */
  g_assert_cmpint (sqlite3_open (path, &held.holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (held.holder,
                                 "PRAGMA locking_mode = EXCLUSIVE;"
                                 "BEGIN EXCLUSIVE;"
                                 "SELECT count(*) FROM sqlite_schema;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  loy_store_query_async (fixture->store, query, 0, 50, NULL, held_search_cb, &held);
  g_timeout_add (50, release_index_cb, &held);

  while (!held.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (held.released);
  if (held.error != NULL)
    g_propagate_error (error, held.error);
  return held.page;
}

/* A search waits for the index's file another program holds, not the
 * window, and answers once it is let go. */
static void
test_held_index_blocks_no_loop (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  fill_index_and_reopen (fixture);

  query->search = g_strdup ("sandy");
  page = query_while_held (fixture, "contacts", query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpuint (page->total, ==, 1);
  g_assert_cmpstr (loy_contact_get_uuid (g_ptr_array_index (page->items, 0)), ==, SANDY);
}

/* The history waits for the notes' file another program holds, not the
 * window, and once it is let go says what the notes keep. */
static void
test_held_notes_block_no_loop (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LoyLedgerEntry) goodwill = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) history = NULL;
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *entry;

  goodwill = loy_store_adjust_points_sync (fixture->store, SANDY, 15, "Goodwill", "desk", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  fixture->store = open_store (fixture, API_KEY);

  query->parent_uuid = g_strdup (SANDY);
  history = query_while_held (fixture, "entries", query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->items->len, ==, 1);
  entry = history->items->pdata[0];
  g_assert_cmpstr (loy_ledger_entry_get_uuid (entry), ==, loy_ledger_entry_get_uuid (goodwill));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Goodwill");
}

/* Files of before the key was in their names */

/* Where a file of @kind was kept when named after the address alone. */
static char *
build_legacy_path (Fixture    *fixture,
                   const char *kind)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                         loy_fake_piggy_get_base_url (fixture->fake), -1);
  g_autofree char *name = g_strdup_printf ("%s-%.16s.db", kind, hash);

  return g_build_filename (fixture->cache, name, NULL);
}

/* What the desk kept of its history under the address alone is the
 * account's once it opens with a key the server takes. */
static void
test_legacy_notes_adopted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LoyLedgerEntry) goodwill = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *legacy = build_legacy_path (fixture, "entries");
  LoyLedgerEntry *entry;

  goodwill = loy_store_adjust_points_sync (fixture->store, SANDY, 15, "Goodwill", "desk", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  /* As an earlier version named it. */
  notes = list_cache_files (fixture, "entries");
  g_assert_cmpuint (notes->len, ==, 1);
  kept = g_build_filename (fixture->cache, notes->pdata[0], NULL);
  g_assert_cmpint (g_rename (kept, legacy), ==, 0);

  fixture->store = open_store (fixture, API_KEY);
  query->parent_uuid = g_strdup (SANDY);
  history = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->items->len, ==, 1);
  entry = history->items->pdata[0];
  g_assert_cmpstr (loy_ledger_entry_get_uuid (entry), ==, loy_ledger_entry_get_uuid (goodwill));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Goodwill");

  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
}

/* An index named after the address alone, whichever account filled it, is
 * removed: the account's own is filled from the server. */
static void
test_legacy_index_removed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *legacy = build_legacy_path (fixture, "contacts");
  g_autoptr(LoyPage) sandy = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->cache, 0700), ==, 0);
  g_assert_true (g_file_set_contents (legacy, "another account's contacts", -1, NULL));

  sandy = search_ok (fixture->store, "sandy");
  g_assert_cmpuint (sandy->total, ==, 1);
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
}

#define ADD(path, func) g_test_add ("/rest-index/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("test-rest-index-XXXXXX", NULL);
  int status;

  /* The index goes under $XDG_CACHE_HOME: a folder of the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD ("key/index-per-key", test_index_per_key);
  ADD ("key/refused-key-gets-no-rows", test_refused_key_gets_no_rows);
  ADD ("follows/renamed-contact", test_renamed_contact);
  ADD ("follows/enrolled-before-search", test_enrolled_before_search);
  ADD ("follows/balance-of-last-read", test_balance_of_last_read);
  ADD ("legacy/notes-adopted", test_legacy_notes_adopted);
  ADD ("legacy/index-removed", test_legacy_index_removed);
  ADD ("held/index-blocks-no-loop", test_held_index_blocks_no_loop);
  ADD ("held/notes-block-no-loop", test_held_notes_block_no_loop);

  status = g_test_run ();
  loy_test_remove_tree (cache);
  return status;
}
