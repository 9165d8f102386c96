/* test-ledger-fixture.c — a store on a fresh database with three levels, and
 * the contacts, points and rewards the ledger tests make on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-ledger-fixture.h"

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_sqlite_fixture_setup (&fixture->base, data);
  fixture->iface = LOY_STORE (fixture->base.store);

  fixture->raw = test_sqlite_open_raw (fixture->base.path);
  test_sqlite_exec (fixture->raw,
                    "INSERT INTO levels (uuid, name, threshold) VALUES"
                    " ('level-bronze', 'Bronze', 0),"
                    " ('level-silver', 'Silver', 500),"
                    " ('level-gold', 'Gold', 2000)");
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  sqlite3_close (fixture->raw);
  test_sqlite_fixture_teardown (&fixture->base, data);
}

gint64
n_entries (Fixture *fixture)
{
  return test_sqlite_int (fixture->raw, "SELECT count(*) FROM ledger_entries");
}

gint64
n_issued_codes (Fixture *fixture)
{
  return test_sqlite_int (fixture->raw, "SELECT count(*) FROM codes WHERE contact_id IS NOT NULL");
}

void
assert_balances_match_ledger (Fixture *fixture)
{
  g_assert_cmpint (test_sqlite_int (fixture->raw,
                            "SELECT count(*) FROM contacts AS c WHERE c.balance <>"
                            " (SELECT coalesce (sum (credits), 0) FROM ledger_entries"
                            "  WHERE contact_id = c.id)"), ==, 0);
}

LoyContact *
lookup_contact (Fixture    *fixture,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  GObject *contact = loy_store_lookup_sync (fixture->iface, LOY_KIND_CONTACT, uuid, NULL, &error);

  g_assert_no_error (error);

  return LOY_CONTACT (contact);
}

gint64
balance_of (Fixture    *fixture,
            const char *uuid)
{
  g_autoptr(LoyContact) contact = lookup_contact (fixture, uuid);

  return loy_contact_get_balance (contact);
}

LoyContact *
enroll (Fixture    *fixture,
        const char *email,
        const char *first_name)
{
  g_autoptr(LoyContact) template = loy_contact_new ();
  g_autoptr(GError) error = NULL;
  LoyContact *contact;

  loy_contact_set_email (template, email);
  loy_contact_set_first_name (template, first_name);
  contact = loy_store_enroll_contact_sync (fixture->iface, template, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contact);

  return contact;
}

void
give_points (Fixture    *fixture,
             LoyContact *contact,
             gint64      points)
{
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  LoyAward award = { .points = points, .operator_name = OPERATOR };

  entry = loy_store_award_points_sync (fixture->iface, loy_contact_get_uuid (contact), &award,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
}

LoyReward *
create_reward (Fixture       *fixture,
               const char    *title,
               LoyRewardType  type,
               gint64         required_credits,
               gint64         stock)
{
  g_autoptr(LoyReward) template = loy_reward_new ();
  g_autoptr(GError) error = NULL;
  LoyReward *reward;

  loy_reward_set_title (template, title);
  loy_reward_set_reward_type (template, type);
  loy_reward_set_required_credits (template, required_credits);
  loy_reward_set_stock (template, stock);
  reward = loy_store_create_reward_sync (fixture->iface, template, NULL, &error);
  g_assert_no_error (error);

  return reward;
}

void
add_codes (Fixture   *fixture,
           LoyReward *reward,
           guint      n_codes)
{
  for (guint i = 0; i < n_codes; i++)
    test_sqlite_exec (fixture->raw,
              "INSERT INTO codes (group_id, code) SELECT g.id, 'CODE-%u' FROM code_groups AS g"
              " JOIN rewards AS r ON r.id = g.reward_id WHERE r.uuid = '%s'",
              i, loy_reward_get_uuid (reward));
}

void
backdate_entry (Fixture    *fixture,
                LoyContact *contact,
                const char *entry_type,
                gint64      credits,
                gint64      created_at)
{
  test_sqlite_exec (fixture->raw,
            "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits, created_at)"
            " SELECT lower (hex (randomblob (16))), id, '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
            " FROM contacts WHERE uuid = '%s'",
            entry_type, credits, created_at, loy_contact_get_uuid (contact));
}

LoyPage *
query_ledger (Fixture    *fixture,
              const char *contact_uuid,
              guint       types)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  query->parent_uuid = g_strdup (contact_uuid);
  query->ledger_types = types;
  page = loy_store_query_sync (fixture->iface, query, 0, 100, NULL, &error);
  g_assert_no_error (error);

  return page;
}

gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
