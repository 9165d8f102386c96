/* test-rest-account.c — a Piggy account's contacts, history, earning and
 * redeeming through LoyRestStore, its shops, tiers and promotions, and what
 * it cannot do (its faults are test-rest-faults.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-rest-account-fixture.h"

static LoyPage *
query_history (Fixture *fixture,
               guint    offset,
               guint    limit)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);

  query->parent_uuid = g_strdup (SANDY);
  return query_ok (fixture, query, offset, limit);
}

/* Contacts */

static void
assert_contact_range (Fixture          *fixture,
                      LoyFakePiggyMeta  shape)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) count = NULL;

  loy_fake_piggy_set_meta_shape (fixture->fake, shape);

  /* 25 contacts in pages of 10, whatever the limit asked for. */
  page = query_ok (fixture, query, 5, 12);
  g_assert_cmpuint (page->total, ==, 25);
  g_assert_cmpuint (page->items->len, ==, 12);
  /* Sandy is the first; contact i is the (i+1)th. */
  for (guint i = 0; i < page->items->len; i++)
    {
      g_autofree char *email = g_strdup_printf ("contact-%05u@example.com", 5 + i);

      g_assert_cmpstr (loy_contact_get_email (g_ptr_array_index (page->items, i)), ==, email);
    }

  count = query_ok (fixture, query, 0, 0);
  g_assert_cmpuint (count->total, ==, 25);
}

static void
test_contacts_paging (Fixture       *fixture,
                      gconstpointer  data)
{
  static const LoyFakePiggyMeta shapes[] = {
    LOY_FAKE_PIGGY_META_A, LOY_FAKE_PIGGY_META_B, LOY_FAKE_PIGGY_META_C,
    LOY_FAKE_PIGGY_META_EMPTY_ARRAY, LOY_FAKE_PIGGY_META_EMPTY_OBJECT,
  };

  loy_fake_piggy_add_contacts (fixture->fake, 24);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(LoyStore) store = g_steal_pointer (&fixture->store);

      g_test_message ("meta shape %u", i);
      /* A new store, that has not learnt the page size yet. */
      fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), API_KEY));
      assert_contact_range (fixture, shapes[i]);
    }
}

static void
test_contacts_find (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  LoyContact *sandy;

  query->search = g_strdup (" SANDY@example.com ");
  page = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (page->total, ==, 1);
  sandy = g_ptr_array_index (page->items, 0);
  g_assert_cmpstr (loy_contact_get_uuid (sandy), ==, SANDY);
  g_assert_cmpstr (loy_contact_get_first_name (sandy), ==, "Sandy");
  g_assert_cmpstr (loy_contact_get_last_name (sandy), ==, "Cheeks");

  g_free (query->search);
  query->search = g_strdup ("nobody@example.com");
  none = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (none->total, ==, 0);

  /* The lookup brings the tier. */
  object = loy_store_lookup_sync (fixture->store, LOY_KIND_CONTACT, SANDY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_contact_get_level_name (LOY_CONTACT (object)), ==, "Bronze");
}

static void
test_contacts_enroll_update (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(LoyContact) updated = NULL;
  g_autoptr(LoyContact) again = NULL;
  g_autoptr(LoyContact) refused = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) email_change = json_object_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *attributes;

  loy_contact_set_email (contact, "pearl@example.com");
  loy_contact_set_first_name (contact, "Pearl");
  loy_contact_set_attribute (contact, "newsletter", json_node_init_boolean (json_node_alloc (), TRUE));
  enrolled = loy_store_enroll_contact_sync (fixture->store, contact, "desk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_contact_get_first_name (enrolled), ==, "Pearl");
  attributes = loy_contact_get_attributes (enrolled);
  g_assert_true (json_object_get_boolean_member (attributes, "newsletter"));
  /* The name and the email are fields, not attributes. */
  g_assert_false (json_object_has_member (attributes, "firstname"));
  g_assert_false (json_object_has_member (attributes, "email"));

  json_object_set_string_member (changes, "last_name", "Krabs");
  json_object_set_int_member (changes, "visits", 3);
  updated = loy_store_update_contact_sync (fixture->store, loy_contact_get_uuid (enrolled), changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_contact_get_last_name (updated), ==, "Krabs");
  g_assert_cmpint (json_object_get_int_member (loy_contact_get_attributes (updated), "visits"), ==, 3);

  /* The same email again: the API's 60005, kept as a conflict. */
  again = loy_store_enroll_contact_sync (fixture->store, contact, "desk", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Contact already exists.");
  g_assert_null (again);
  g_clear_error (&error);

  json_object_set_string_member (email_change, "email", "other@example.com");
  refused = loy_store_update_contact_sync (fixture->store, loy_contact_get_uuid (enrolled), email_change,
                                           NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (refused);
}

static void
test_contact_attributes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT_ATTRIBUTE);
  g_autoptr(LoyPage) page = query_ok (fixture, query, 0, 100);
  static const struct { const char *name; LoyAttributeType type; } expected[] = {
    { "email", LOY_ATTRIBUTE_TYPE_TEXT },
    { "firstname", LOY_ATTRIBUTE_TYPE_TEXT },
    { "lastname", LOY_ATTRIBUTE_TYPE_TEXT },
    { "birthdate", LOY_ATTRIBUTE_TYPE_DATE },
    { "newsletter", LOY_ATTRIBUTE_TYPE_BOOLEAN },
    { "visits", LOY_ATTRIBUTE_TYPE_NUMBER },
    { "favourite_dish", LOY_ATTRIBUTE_TYPE_TEXT },
  };

  g_assert_cmpuint (page->total, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LoyContactAttribute *attribute = g_ptr_array_index (page->items, i);

      g_assert_cmpstr (loy_contact_attribute_get_name (attribute), ==, expected[i].name);
      g_assert_cmpint (loy_contact_attribute_get_value_type (attribute), ==, expected[i].type);
    }
}

typedef struct
{
  GCancellable *cancel_at_first;
  GArray       *done;
  guint64       total;
} IndexProgress;

static void
index_progress_cb (guint64  done,
                   guint64  total,
                   gpointer data)
{
  IndexProgress *progress = data;

  g_array_append_val (progress->done, done);
  progress->total = total;
  if (progress->cancel_at_first != NULL)
    g_cancellable_cancel (progress->cancel_at_first);
}

/* The index fills with progress up to the account's total; cancelled, it
 * keeps whole pages, searches read those without filling, and the next
 * fill goes on where it stopped. */
static void
test_contacts_index_progress (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) second = g_array_new (FALSE, FALSE, sizeof (guint64));
  IndexProgress progress = { cancellable, first, 0 };
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) partial = NULL;
  g_autoptr(LoyPage) whole = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lists;
  gint64 n_indexed;

  loy_fake_piggy_add_contacts (fixture->fake, 250);

  n_indexed = loy_store_index_contacts_sync (fixture->store, index_progress_cb, &progress, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (n_indexed, ==, -1);
  g_clear_error (&error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpuint (g_array_index (first, guint64, 0), ==, 100);
  g_assert_cmpuint (progress.total, ==, 251);

  /* Stopped: a search reads the pages it holds, and asks the server nothing. */
  n_lists = loy_fake_piggy_count_requests (fixture->fake, "GET", "/contacts");
  query->search = g_strdup ("example.com");
  partial = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (partial->total, ==, 100);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/contacts"), ==, n_lists);

  /* Asked again, it goes on from there (a page early) to the total. */
  progress = (IndexProgress) { NULL, second, 0 };
  n_indexed = loy_store_index_contacts_sync (fixture->store, index_progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_indexed, ==, 251);
  g_assert_cmpuint (g_array_index (second, guint64, 0), ==, 190);
  g_assert_cmpuint (g_array_index (second, guint64, second->len - 1), ==, 251);
  g_assert_cmpuint (progress.total, ==, 251);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/contacts") - n_lists, <=, 17);

  whole = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (whole->total, ==, 251);
}

/* Piggy cannot search by part of a name: the local index can. */
static void
test_contacts_search_index (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) sandy = NULL;
  g_autoptr(LoyPage) numbered = NULL;
  g_autoptr(LoyPage) short_text = NULL;
  g_autoptr(LoyPage) pearl = NULL;
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lists;

  loy_fake_piggy_add_contacts (fixture->fake, 24);

  /* The first search fills the index: every page of the account once. */
  query->search = g_strdup ("ANDY");
  sandy = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (sandy->total, ==, 1);
  g_assert_cmpstr (loy_contact_get_uuid (g_ptr_array_index (sandy->items, 0)), ==, SANDY);
  n_lists = loy_fake_piggy_count_requests (fixture->fake, "GET", "/contacts");
  g_assert_cmpuint (n_lists, ==, 3);

  /* Any part of the email; newest first; no more requests. */
  g_free (query->search);
  query->search = g_strdup ("0001");
  numbered = query_ok (fixture, query, 0, 5);
  /* contact-00001 and contact-00010 to 00019 */
  g_assert_cmpuint (numbered->total, ==, 11);
  g_assert_cmpstr (loy_contact_get_email (g_ptr_array_index (numbered->items, 0)), ==,
                   "contact-00019@example.com");
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/contacts"), ==, n_lists);

  /* Shorter than a trigram. */
  g_free (query->search);
  query->search = g_strdup ("ks");
  short_text = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (short_text->total, ==, 1);

  /* An enrolled contact is found at once. */
  loy_contact_set_email (contact, "pearl.krabs@example.com");
  loy_contact_set_first_name (contact, "Pearl");
  enrolled = loy_store_enroll_contact_sync (fixture->store, contact, "desk", NULL, &error);
  g_assert_no_error (error);
  g_free (query->search);
  query->search = g_strdup ("pearl");
  pearl = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (pearl->total, ==, 1);
}

/* A contact's claimable rewards, ordered by what they cost. */
static void
test_rewards_sorted (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;

  query->visible_to_contact = g_strdup (SANDY);
  query->sort = g_strdup ("-required_credits");
  page = query_ok (fixture, query, 1, 2);
  g_assert_cmpuint (page->total, ==, 4);
  g_assert_cmpint (loy_reward_get_required_credits (g_ptr_array_index (page->items, 0)), ==, 75);
  g_assert_cmpint (loy_reward_get_required_credits (g_ptr_array_index (page->items, 1)), ==, 50);
}

/* The history and writes */

static void
test_history_paged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LoyPage) first = NULL;
  g_autoptr(LoyPage) middle = NULL;
  guint before;

  for (guint i = 1; i <= 15; i++)
    g_object_unref (award_ok (fixture, i, 0));

  /* Lazily: the first five of 15 is one request. */
  before = loy_fake_piggy_count_requests (fixture->fake, "GET", "/loyalty-transactions");
  first = query_history (fixture, 0, 5);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "GET", "/loyalty-transactions") - before, ==, 1);
  g_assert_cmpuint (first->total, ==, 15);
  g_assert_cmpuint (first->items->len, ==, 5);
  g_assert_cmpint (loy_ledger_entry_get_credits (g_ptr_array_index (first->items, 0)), ==, 15);

  /* Across the server's pages of 10. */
  middle = query_history (fixture, 8, 4);
  g_assert_cmpuint (middle->items->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (loy_ledger_entry_get_credits (g_ptr_array_index (middle->items, i)), ==, 7 - i);
}

static void
test_award_amount_and_preview (Fixture       *fixture,
                               gconstpointer  data)
{
  LoyAward award = { .amount_cents = 1040 };
  g_autoptr(LoyLedgerEntry) preview = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(LoyLedgerEntry) by_action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  LoyAward action = { .action = "review" };

  preview = loy_store_preview_award_sync (fixture->store, SANDY, &award, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (loy_ledger_entry_get_uuid (preview));
  g_assert_cmpint (loy_ledger_entry_get_credits (preview), ==, 10);
  g_assert_cmpint (loy_fake_piggy_get_n_writes (fixture->fake), ==, 0);

  entry = award_ok (fixture, 0, 1040);
  body = loy_fake_piggy_dup_last_body (fixture->fake);
  g_assert_nonnull (strstr (body, "\"unit_value\":10.4"));
  g_assert_nonnull (strstr (body, "\"shop_uuid\":\"" LOY_FAKE_PIGGY_SHOP_UUID "\""));
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 10);
  g_assert_cmpint (loy_ledger_entry_get_purchase_amount_cents (entry), ==, 1040);
  g_assert_cmpint (loy_fake_piggy_get_balance (fixture->fake, SANDY), ==, 10);

  by_action = loy_store_award_points_sync (fixture->store, SANDY, &action, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (by_action);
}

static void
test_redeem_digital (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LoyLedgerEntry) credit = award_ok (fixture, 30, 0);
  g_autoptr(LoyLedgerEntry) redemption = NULL;
  g_autoptr(LoyLedgerEntry) refused = NULL;
  g_autoptr(GError) error = NULL;

  redemption = loy_store_redeem_reward_sync (fixture->store, SANDY, JELLYFISH_NET, "desk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_ledger_entry_get_code (redemption), ==, "JELLY-0001");
  g_assert_cmpstr (loy_ledger_entry_get_reward_title (redemption), ==, "Jellyfish Net");
  g_assert_cmpint (loy_ledger_entry_get_credits (redemption), ==, -25);

  /* 5 credits left: the API's 1017. */
  refused = loy_store_redeem_reward_sync (fixture->store, SANDY, JELLYFISH_NET, "desk", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INSUFFICIENT_BALANCE);
  g_assert_null (refused);
}

static LoyLedgerEntry *
find_entry (LoyPage    *history,
            const char *uuid)
{
  for (guint i = 0; i < history->items->len; i++)
    if (g_strcmp0 (loy_ledger_entry_get_uuid (history->items->pdata[i]), uuid) == 0)
      return history->items->pdata[i];

  g_assert_not_reached ();
}

/* Piggy's history shows a reversal as a plain reception and keeps neither its
 * reason nor what it undid; the desk that wrote it says so in a later session. */
static void
test_reverse_kept_across_sessions (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LoyLedgerEntry) credit = award_ok (fixture, 40, 0);
  g_autoptr(LoyLedgerEntry) redemption = NULL;
  g_autoptr(LoyLedgerEntry) credit_reversal = NULL;
  g_autoptr(LoyLedgerEntry) redemption_reversal = NULL;
  g_autoptr(LoyLedgerEntry) goodwill = NULL;
  g_autoptr(LoyPage) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reverse_path = g_strdup_printf ("/credit-receptions/%s/reverse",
                                                   loy_ledger_entry_get_uuid (credit));
  LoyLedgerEntry *entry;

  redemption = loy_store_redeem_reward_sync (fixture->store, SANDY, JELLYFISH_NET, "desk", NULL, &error);
  g_assert_no_error (error);
  redemption_reversal = loy_store_reverse_entry_sync (fixture->store, loy_ledger_entry_get_uuid (redemption),
                                                      "Wrong size", "desk", NULL, &error);
  g_assert_no_error (error);
  credit_reversal = loy_store_reverse_entry_sync (fixture->store, loy_ledger_entry_get_uuid (credit),
                                                  "Typed twice", "desk", NULL, &error);
  g_assert_no_error (error);
  goodwill = loy_store_adjust_points_sync (fixture->store, SANDY, 15, "Goodwill", "desk", NULL, &error);
  g_assert_no_error (error);

  /* The next session: another store on the same account. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  fixture->store = LOY_STORE (loy_rest_store_new (loy_fake_piggy_get_base_url (fixture->fake), API_KEY));
  history = query_history (fixture, 0, 20);

  entry = find_entry (history, loy_ledger_entry_get_uuid (credit_reversal));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -40);
  g_assert_cmpstr (loy_ledger_entry_get_reverses_uuid (entry), ==, loy_ledger_entry_get_uuid (credit));
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Typed twice");
  g_assert_true (loy_ledger_entry_get_reversed (find_entry (history, loy_ledger_entry_get_uuid (credit))));

  entry = find_entry (history, loy_ledger_entry_get_uuid (redemption_reversal));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, 25);
  g_assert_cmpstr (loy_ledger_entry_get_reverses_uuid (entry), ==, loy_ledger_entry_get_uuid (redemption));
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Wrong size");
  g_assert_true (loy_ledger_entry_get_reversed (find_entry (history, loy_ledger_entry_get_uuid (redemption))));

  /* Points given with a reason are an adjustment, not points earned. */
  entry = find_entry (history, loy_ledger_entry_get_uuid (goodwill));
  g_assert_cmpint (loy_ledger_entry_get_entry_type (entry), ==, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);
  g_assert_cmpstr (loy_ledger_entry_get_reason (entry), ==, "Goodwill");

  /* A reversed entry is not offered to be reversed twice: the server is not asked. */
  g_clear_object (&credit_reversal);
  credit_reversal = loy_store_reverse_entry_sync (fixture->store, loy_ledger_entry_get_uuid (credit),
                                                  NULL, "desk", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_CONFLICT);
  g_assert_null (credit_reversal);
  g_assert_cmpuint (loy_fake_piggy_count_requests (fixture->fake, "POST", reverse_path), ==, 1);
}

static void
test_reverse_unknown_entry (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LoyLedgerEntry) reversal = NULL;
  g_autoptr(GError) error = NULL;

  reversal = loy_store_reverse_entry_sync (fixture->store, "e0000000-0000-4000-8000-000000000099", NULL,
                                           "desk", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (reversal);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), ==, 0);
}

static void
test_shops (Fixture       *fixture,
            gconstpointer  data)
{
  LoyAward award = { .points = 5 };
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);
  g_autoptr(LoyPage) shops = NULL;
  g_autoptr(LoyLedgerEntry) refused = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  loy_fake_piggy_add_shop (fixture->fake, "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c", "Chum Bucket");
  shops = query_ok (fixture, query, 0, 10);
  g_assert_cmpuint (shops->total, ==, 2);
  g_assert_cmpstr (loy_shop_get_name (g_ptr_array_index (shops->items, 1)), ==, "Chum Bucket");
  g_assert_cmpstr (loy_shop_get_shop_type (g_ptr_array_index (shops->items, 1)), ==, "physical");

  /* Two shops and none chosen: the write is refused, naming them. */
  refused = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Krusty Krab (" LOY_FAKE_PIGGY_SHOP_UUID ")"));
  g_assert_nonnull (strstr (error->message, "Chum Bucket"));
  g_assert_null (refused);
  g_assert_cmpuint (loy_fake_piggy_get_n_writes (fixture->fake), ==, 0);
  g_clear_error (&error);

  loy_rest_store_set_shop_uuid (LOY_REST_STORE (fixture->store), "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c");
  entry = loy_store_award_points_sync (fixture->store, SANDY, &award, NULL, &error);
  g_assert_no_error (error);
  body = loy_fake_piggy_dup_last_body (fixture->fake);
  g_assert_nonnull (strstr (body, "5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5c"));
}

static void
test_tiers_and_program (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEVEL);
  g_autoptr(LoyPage) tiers = query_ok (fixture, query, 0, 10);
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyLevel) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (tiers->total, ==, 3);
  g_assert_cmpstr (loy_level_get_name (g_ptr_array_index (tiers->items, 0)), ==, "Bronze");
  g_assert_cmpstr (loy_level_get_name (g_ptr_array_index (tiers->items, 2)), ==, "Gold");
  g_assert_cmpint (loy_level_get_threshold (g_ptr_array_index (tiers->items, 2)), ==, LOY_UNSET);

  program = loy_store_get_program_sync (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_program_get_name (program), ==, "Bikini Bottom Rewards");
  g_assert_cmpstr (loy_program_get_credit_name (program), ==, "Sand dollars");
  g_assert_cmpstr (loy_program_get_unit_label (program), ==, "Purchase amount");

  /* Read-only. */
  saved = loy_store_save_level_sync (fixture->store, g_ptr_array_index (tiers->items, 0), NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (saved);
}

/* Promotions, as discount-code campaigns, in the server's pages of 10. */
static void
test_promotions (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyQuery) search = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyPage) refused = NULL;
  g_autoptr(GObject) found = NULL;
  g_autoptr(GObject) missing = NULL;
  g_autoptr(GError) error = NULL;
  LoyCampaign *limited, *unlimited;
  guint n_requests;

  loy_fake_piggy_add_promotions (fixture->fake, 25);
  page = query_ok (fixture, query, 8, 5);
  g_assert_cmpuint (page->total, ==, 25);
  g_assert_cmpuint (page->items->len, ==, 5);
  /* Rows 8 to 12 span the server's first two pages. */
  unlimited = g_ptr_array_index (page->items, 0);
  limited = g_ptr_array_index (page->items, 1);
  g_assert_cmpstr (loy_campaign_get_uuid (unlimited), ==, "a7000000-0000-4000-8000-000000000009");
  g_assert_cmpstr (loy_campaign_get_name (unlimited), ==, "Promotion 9");
  g_assert_cmpstr (loy_campaign_get_name (g_ptr_array_index (page->items, 4)), ==, "Promotion 13");
  g_assert_cmpint (loy_campaign_get_campaign_type (limited), ==, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  g_assert_cmpstr (loy_campaign_get_text (limited, "en", LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION), ==,
                   "10% off a Krabby Patty");
  g_assert_cmpint (loy_campaign_get_limit (limited), ==, 100);
  g_assert_cmpint (loy_campaign_get_limit_per_contact (limited), ==, 1);
  g_assert_cmpint (loy_campaign_get_days_valid (limited), ==, 30);
  g_assert_cmpint (loy_campaign_get_cost_in_points (limited), ==, LOY_UNSET);
  g_assert_cmpint (loy_campaign_get_limit (unlimited), ==, LOY_UNSET);
  g_assert_cmpint (loy_campaign_get_limit_per_contact (unlimited), ==, LOY_UNSET);
  g_assert_cmpint (loy_campaign_get_days_valid (unlimited), ==, LOY_UNSET);

  found = loy_store_lookup_sync (fixture->store, LOY_KIND_CAMPAIGN, "a7000000-0000-4000-8000-000000000020",
                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_campaign_get_name (LOY_CAMPAIGN (found)), ==, "Promotion 20");

  missing = loy_store_lookup_sync (fixture->store, LOY_KIND_CAMPAIGN, "a7000000-0000-4000-8000-000000000099",
                                   NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);

  /* The API has no search: refused without a request. */
  search->search = g_strdup ("Promotion 2");
  n_requests = loy_fake_piggy_get_n_requests (fixture->fake);
  refused = loy_store_query_sync (fixture->store, search, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (refused);
  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), ==, n_requests);
}

/* What the API cannot do is neither offered nor sent. */
static void
test_capabilities (Fixture         *fixture,
                   gconstpointer    data)
{
  static const LoyKind unlisted[] = { LOY_KIND_CODE_GROUP, LOY_KIND_SEGMENT, LOY_KIND_CODE };
  LoyStoreCapabilities capabilities = loy_store_get_capabilities (fixture->store);
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) created = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (capabilities, ==,
                   LOY_STORE_CAN_LIST_REWARDS | LOY_STORE_CAN_UPDATE_REWARDS | LOY_STORE_CAN_SEARCH |
                   LOY_STORE_CAN_LIST_CONTACTS | LOY_STORE_CAN_ENROLL_CONTACTS |
                   LOY_STORE_CAN_UPDATE_CONTACTS | LOY_STORE_CAN_LIST_LEDGER |
                   LOY_STORE_CAN_MANAGE_POINTS | LOY_STORE_CAN_PREVIEW_AWARDS |
                   LOY_STORE_CAN_LIST_LEVELS | LOY_STORE_CAN_LIST_SHOPS |
                   LOY_STORE_CAN_LIST_CAMPAIGNS | LOY_STORE_CAN_INDEX_CONTACTS |
                   LOY_STORE_CAN_MANAGE_VOUCHERS);

  for (guint i = 0; i < G_N_ELEMENTS (unlisted); i++)
    {
      g_autoptr(LoyQuery) query = loy_query_new (unlisted[i]);
      g_autoptr(LoyPage) page = NULL;

      g_assert_false (loy_store_can (fixture->store, loy_kind_get_list_capability (unlisted[i])));
      page = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
      g_assert_null (page);
      g_clear_error (&error);
    }

  /* Contacts by level, or by name: refused unsent, in words a user knows,
   * never a field's name. */
  g_assert_false (loy_store_can (fixture->store, LOY_STORE_CAN_FILTER_CONTACTS));
  g_assert_false (loy_store_can (fixture->store, LOY_STORE_CAN_SORT_CONTACTS));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
      g_autoptr(LoyPage) page = NULL;
      guint n_requests = loy_fake_piggy_get_n_requests (fixture->fake);

      if (i == 0)
        query->level_uuid = g_strdup ("level-gold");
      else
        query->sort = g_strdup ("first_name");
      page = loy_store_query_sync (fixture->store, query, 0, 10, NULL, &error);
      g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
      g_assert_null (page);
      g_assert_null (strstr (error->message, "_"));
      g_assert_nonnull (strstr (error->message, i == 0 ? "by level" : "by the date"));
      g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), ==, n_requests);
      g_clear_error (&error);
    }

  object = loy_store_lookup_sync (fixture->store, LOY_KIND_CODE_GROUP, "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (object);
  g_clear_error (&error);

  loy_reward_set_title (reward, "New");
  loy_reward_set_required_credits (reward, 10);
  created = loy_store_create_reward_sync (fixture->store, reward, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_assert_null (created);
  g_clear_error (&error);

  g_assert_false (loy_store_delete_sync (fixture->store, LOY_KIND_REWARD, "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc", NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  g_assert_cmpint (loy_store_expire_points_sync (fixture->store, 0, NULL, &error), ==, -1);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);

  g_assert_cmpuint (loy_fake_piggy_get_n_requests (fixture->fake), ==, 0);
}

/* A contact is read with the money paid in ahead, in cents. */
static void
test_prepaid_balance (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GObject) contact = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *prepaid;

  loy_fake_piggy_set_prepaid_balance (fixture->fake, SANDY, 1250);
  contact = loy_store_lookup_sync (fixture->store, LOY_KIND_CONTACT, SANDY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_contact_get_prepaid_balance_cents (LOY_CONTACT (contact)), ==, 1250);

  node = loy_contact_to_json (LOY_CONTACT (contact));
  prepaid = json_object_get_object_member (json_node_get_object (node), "prepaid_balance");
  g_assert_cmpint (json_object_get_int_member (prepaid, "balance_in_cents"), ==, 1250);
  g_assert_cmpfloat (json_object_get_double_member (prepaid, "balance"), ==, 12.5);

  /* A local contact has none, and says nothing of it. */
  g_clear_pointer (&node, json_node_unref);
  g_clear_object (&contact);
  contact = G_OBJECT (loy_contact_new ());
  g_assert_cmpint (loy_contact_get_prepaid_balance_cents (LOY_CONTACT (contact)), ==, LOY_UNSET);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = rest_account_test_init (&argc, &argv);

  ADD ("capabilities", test_capabilities);
  ADD ("contacts/paging", test_contacts_paging);
  ADD ("promotions", test_promotions);
  ADD ("contacts/find", test_contacts_find);
  ADD ("contacts/search-index", test_contacts_search_index);
  ADD ("contacts/index-progress", test_contacts_index_progress);
  ADD ("contacts/enroll-update", test_contacts_enroll_update);
  ADD ("contacts/attributes", test_contact_attributes);
  ADD ("rewards/sorted", test_rewards_sorted);
  ADD ("history/paged", test_history_paged);
  ADD ("award/amount-and-preview", test_award_amount_and_preview);
  ADD ("redeem/digital", test_redeem_digital);
  ADD ("reverse/unknown-entry", test_reverse_unknown_entry);
  ADD ("reverse/kept-across-sessions", test_reverse_kept_across_sessions);
  ADD ("shops", test_shops);
  ADD ("prepaid-balance", test_prepaid_balance);
  ADD ("tiers-and-program", test_tiers_and_program);

  return rest_account_test_run (cache);
}
