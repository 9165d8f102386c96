/* test-ledger-fixture.h — a store on a fresh database with three levels, and
 * the contacts, points and rewards the ledger tests make on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "test-sqlite-fixture.h"

G_BEGIN_DECLS

/* Who the tests' awards and redemptions name as the operator. */
#define OPERATOR "Sandy Cheeks"
/* A well-formed uuid the store has never seen. */
#define UNKNOWN_UUID "00000000-0000-4000-8000-000000000000"

typedef struct
{
  TestSqliteFixture  base;
  LoyStore          *iface;
  sqlite3           *raw;     /* behind the store's back: counts, sums, backdating */
} Fixture;

/* An empty database with the levels Bronze (0), Silver (500) and Gold (2000). */
void        fixture_setup                (Fixture       *fixture,
                                          gconstpointer  data);
void        fixture_teardown             (Fixture       *fixture,
                                          gconstpointer  data);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

gint64      n_entries                    (Fixture       *fixture);
gint64      n_issued_codes               (Fixture       *fixture);
/* Every contact's cached balance is the sum of its ledger. */
void        assert_balances_match_ledger (Fixture       *fixture);

LoyContact *lookup_contact               (Fixture       *fixture,
                                          const char    *uuid);
gint64      balance_of                   (Fixture       *fixture,
                                          const char    *uuid);
LoyContact *enroll                       (Fixture       *fixture,
                                          const char    *email,
                                          const char    *first_name);
void        give_points                  (Fixture       *fixture,
                                          LoyContact    *contact,
                                          gint64         points);
LoyReward  *create_reward                (Fixture       *fixture,
                                          const char    *title,
                                          LoyRewardType  type,
                                          gint64         required_credits,
                                          gint64         stock);
/* @n_codes codes CODE-0, CODE-1… in @reward's code group. */
void        add_codes                    (Fixture       *fixture,
                                          LoyReward     *reward,
                                          guint          n_codes);
/* Adds a ledger entry dated @created_at, as if written back then. */
void        backdate_entry               (Fixture       *fixture,
                                          LoyContact    *contact,
                                          const char    *entry_type,
                                          gint64         credits,
                                          gint64         created_at);
/* The first 100 entries of @contact_uuid's ledger of @types (a bit mask). */
LoyPage    *query_ledger                 (Fixture       *fixture,
                                          const char    *contact_uuid,
                                          guint          types);
gint64      now_seconds                  (void);

G_END_DECLS
