/* test-contact-attributes.c — the contact attributes the local store knows
 * (LOY_KIND_CONTACT_ATTRIBUTE): names, value types, counts, order, search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sqlite-fixture.h"

/* Each contact's attributes, as JSON. */
static const char * const contacts_attributes[] = {
  "{\"date_of_birth\": \"1990-04-02\", \"city\": \"Utrecht\", \"visits\": 3, \"vip\": true,"
  " \"mixed\": \"one\"}",
  "{\"date_of_birth\": \"1985-12-31\", \"city\": \"Delft\", \"visits\": 2.5, \"vip\": false}",
  "{\"city\": \"Gouda\", \"member_since\": \"2021-06-01\", \"nickname\": null, \"mixed\": 1}",
  "{}",
  /* Not a real date, and not text at all: both are text to a condition. */
  "{\"anniversary\": \"2020-02-30\", \"tags\": [\"a\"]}",
};

/* Name, type and count of each attribute, in the order the store lists them. */
static const struct {
  const char       *name;
  LoyAttributeType  value_type;
  gint64            n_contacts;
} expected[] = {
  { "city", LOY_ATTRIBUTE_TYPE_TEXT, 3 },
  { "date_of_birth", LOY_ATTRIBUTE_TYPE_DATE, 2 },
  { "mixed", LOY_ATTRIBUTE_TYPE_TEXT, 2 },
  { "vip", LOY_ATTRIBUTE_TYPE_BOOLEAN, 2 },
  { "visits", LOY_ATTRIBUTE_TYPE_NUMBER, 2 },
  { "anniversary", LOY_ATTRIBUTE_TYPE_TEXT, 1 },
  { "member_since", LOY_ATTRIBUTE_TYPE_DATE, 1 },
  { "tags", LOY_ATTRIBUTE_TYPE_TEXT, 1 },
};

static void
setup_contacts (TestSqliteFixture *fixture,
                gconstpointer      data)
{
  test_sqlite_fixture_setup (fixture, data);

  for (guint i = 0; i < G_N_ELEMENTS (contacts_attributes); i++)
    {
      g_autoptr(LoyContact) template = loy_contact_new ();
      g_autoptr(LoyContact) contact = NULL;
      g_autoptr(JsonNode) attributes = json_from_string (contacts_attributes[i], NULL);
      g_autofree char *email = g_strdup_printf ("contact%u@example.com", i);
      g_autoptr(GError) error = NULL;
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      loy_contact_set_email (template, email);
      json_object_iter_init (&iter, json_node_get_object (attributes));
      while (json_object_iter_next (&iter, &key, &value))
        loy_contact_set_attribute (template, key, value);

      contact = loy_store_enroll_contact_sync (LOY_STORE (fixture->store), template, "test",
                                               NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (contact);
    }
}

static LoyPage *
query_attributes (TestSqliteFixture *fixture,
                  const char        *search,
                  guint              offset,
                  guint              limit)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT_ATTRIBUTE);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->search = g_strdup (search);
  page = loy_store_query_sync (LOY_STORE (fixture->store), query, offset, limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);

  return page;
}

static const char *
attribute_name (LoyPage *page,
                guint    i)
{
  return loy_contact_attribute_get_name (g_ptr_array_index (page->items, i));
}

static void
test_list (TestSqliteFixture *fixture,
           gconstpointer      data)
{
  g_autoptr(LoyPage) page = query_attributes (fixture, NULL, 0, 100);

  g_assert_true (loy_kind_get_item_type (LOY_KIND_CONTACT_ATTRIBUTE) == LOY_TYPE_CONTACT_ATTRIBUTE);
  g_assert_cmpuint (page->total, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (page->items->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      LoyContactAttribute *attribute = g_ptr_array_index (page->items, i);

      g_assert_true (LOY_IS_CONTACT_ATTRIBUTE (attribute));
      g_assert_cmpstr (loy_contact_attribute_get_name (attribute), ==, expected[i].name);
      g_assert_cmpint (loy_contact_attribute_get_value_type (attribute), ==, expected[i].value_type);
      g_assert_cmpint (loy_contact_attribute_get_n_contacts (attribute), ==, expected[i].n_contacts);
    }
}

static void
test_page (TestSqliteFixture *fixture,
           gconstpointer      data)
{
  g_autoptr(LoyPage) page = query_attributes (fixture, NULL, 1, 2);

  g_assert_cmpuint (page->total, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (page->items->len, ==, 2);
  g_assert_cmpstr (attribute_name (page, 0), ==, "date_of_birth");
  g_assert_cmpstr (attribute_name (page, 1), ==, "mixed");
}

static void
test_search (TestSqliteFixture *fixture,
             gconstpointer      data)
{
  g_autoptr(LoyPage) vi = query_attributes (fixture, "vi", 0, 100);
  g_autoptr(LoyPage) date = query_attributes (fixture, "DATE", 0, 100);
  g_autoptr(LoyPage) underscore = query_attributes (fixture, "_", 0, 100);
  g_autoptr(LoyPage) percent = query_attributes (fixture, "%", 0, 100);
  g_autoptr(LoyPage) none = query_attributes (fixture, "nickname", 0, 100);

  /* A prefix or any part of the name, in the same order, without regard to case. */
  g_assert_cmpuint (vi->total, ==, 2);
  g_assert_cmpstr (attribute_name (vi, 0), ==, "vip");
  g_assert_cmpstr (attribute_name (vi, 1), ==, "visits");

  g_assert_cmpuint (date->total, ==, 1);
  g_assert_cmpstr (attribute_name (date, 0), ==, "date_of_birth");

  /* LIKE's wildcards are plain text. */
  g_assert_cmpuint (underscore->total, ==, 2);
  g_assert_cmpstr (attribute_name (underscore, 0), ==, "date_of_birth");
  g_assert_cmpstr (attribute_name (underscore, 1), ==, "member_since");
  g_assert_cmpuint (percent->total, ==, 0);

  /* Only null values: no contact has it. */
  g_assert_cmpuint (none->total, ==, 0);
  g_assert_cmpuint (none->items->len, ==, 0);
}

static void
test_lookup (TestSqliteFixture *fixture,
             gconstpointer      data)
{
  g_autoptr(GObject) city = NULL;
  g_autoptr(GObject) nickname = NULL;
  g_autoptr(GError) error = NULL;

  city = loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_CONTACT_ATTRIBUTE, "city",
                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_contact_attribute_get_n_contacts (LOY_CONTACT_ATTRIBUTE (city)), ==, 3);

  nickname = loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_CONTACT_ATTRIBUTE,
                                    "nickname", NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_assert_null (nickname);
}

/* One order only: most common first. */
static void
test_sort_refused (TestSqliteFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT_ATTRIBUTE);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->sort = g_strdup ("name");
  page = loy_store_query_sync (LOY_STORE (fixture->store), query, 0, 10, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_null (page);
}

static void
test_no_contacts (TestSqliteFixture *fixture,
                  gconstpointer      data)
{
  g_autoptr(LoyPage) page = query_attributes (fixture, NULL, 0, 100);

  g_assert_cmpuint (page->total, ==, 0);
  g_assert_cmpuint (page->items->len, ==, 0);
}

/* Where a name shows to a person it reads as words. */
static void
test_label (void)
{
  static const struct {
    const char *name;
    const char *label;
  } cases[] = {
    { "date_of_birth", "Date of birth" },
    { "date-of-birth", "Date of birth" },
    { "dateOfBirth", "Date of birth" },
    { "city", "City" },
    { "öffnungszeit", "Öffnungszeit" },
    { "VIP", "VIP" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = loy_contact_attribute_dup_label (cases[i].name);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_CONTACTS(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, setup_contacts, func, test_sqlite_fixture_teardown)

  g_test_add_func ("/contact-attributes/label", test_label);
  ADD_CONTACTS ("/contact-attributes/list", test_list);
  ADD_CONTACTS ("/contact-attributes/page", test_page);
  ADD_CONTACTS ("/contact-attributes/search", test_search);
  ADD_CONTACTS ("/contact-attributes/lookup", test_lookup);
  ADD_CONTACTS ("/contact-attributes/sort-refused", test_sort_refused);
  g_test_add ("/contact-attributes/no-contacts", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_no_contacts, test_sqlite_fixture_teardown);

#undef ADD_CONTACTS

  return g_test_run ();
}
