/* test-ledger-levels.c — contacts' levels and the program's
 * settings on the local store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-ledger-fixture.h"

/* Levels */

static void
test_levels (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  g_autoptr(LoyContact) contact = NULL;
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(LoyPage) credits = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = loy_contact_get_uuid (anna);

  give_points (fixture, anna, 450);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Silver");
  g_clear_object (&contact);

  give_points (fixture, anna, 1400);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Silver");
  g_clear_object (&contact);

  give_points (fixture, anna, 100);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Gold");
  g_clear_object (&contact);

  entry = loy_store_adjust_points_sync (fixture->iface, uuid, -1600, "Correction", OPERATOR,
                                        NULL, &error);
  g_assert_no_error (error);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpint (loy_contact_get_balance (contact), ==, 400);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Bronze");
  g_clear_object (&contact);

  /* By points earned in the last year, spending does not cost the level;
   * old points and reversed ones do not count. */
  credits = query_ledger (fixture, uuid, 1 << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  g_clear_object (&entry);
  entry = loy_store_reverse_entry_sync (fixture->iface,
                                        loy_ledger_entry_get_uuid (g_ptr_array_index (credits->items, 0)),
                                        NULL, OPERATOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_ledger_entry_get_credits (entry), ==, -100);
  backdate_entry (fixture, anna, "CREDIT_RECEPTION", 5000, loy_add_months (now_seconds (), -13));
  loy_program_set_level_basis (program, LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  loy_program_set_level_period_months (program, 12);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_level_basis (updated), ==, LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Silver");  /* 50 + 450 + 1400 */
  g_clear_object (&contact);

  g_clear_object (&updated);
  loy_program_set_level_basis (program, LOY_LEVEL_BASIS_BALANCE);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
  contact = lookup_contact (fixture, uuid);
  g_assert_cmpstr (loy_contact_get_level_name (contact), ==, "Gold");  /* 5300 */
}

static void
set_level_basis_earned (Fixture *fixture)
{
  g_autoptr(LoyProgram) program = loy_program_new ();
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(GError) error = NULL;

  loy_program_set_level_basis (program, LOY_LEVEL_BASIS_EARNED_IN_PERIOD);
  loy_program_set_level_period_months (program, 12);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);
}

/* The level the store has for @uuid, read behind its back. */
static char *
stored_level (Fixture    *fixture,
              const char *uuid)
{
  return test_sqlite_text (fixture->raw,
                           "SELECT l.name FROM contacts AS c JOIN levels AS l ON l.id = c.level_id"
                           " WHERE c.uuid = '%s'", uuid);
}

/* Levels by points earned in a year go stale as the year moves on, with no
 * write to the contact: expiring points, and opening the store, set them
 * again. A stale level stands in for a year gone by. */
static void
test_levels_stale (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LoyContact) anna = enroll (fixture, "anna@example.com", "Anna");
  const char *uuid = loy_contact_get_uuid (anna);
  g_autoptr(LoySqliteStore) reopened = NULL;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GError) error = NULL;
  g_autofree char *level = NULL;
  gint64 written;

  give_points (fixture, anna, 500);
  set_level_basis_earned (fixture);
  level = stored_level (fixture, uuid);
  g_assert_cmpstr (level, ==, "Silver");
  g_clear_pointer (&level, g_free);

  test_sqlite_exec (fixture->raw, "UPDATE contacts SET level_id = (SELECT id FROM levels"
                                  " WHERE name = 'Gold')");
  written = loy_store_expire_points_sync (fixture->iface, now_seconds (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, 0);
  level = stored_level (fixture, uuid);
  g_assert_cmpstr (level, ==, "Silver");
  g_clear_pointer (&level, g_free);

  /* A store's first job, whatever it is, sets them all again. */
  test_sqlite_exec (fixture->raw, "UPDATE contacts SET level_id = (SELECT id FROM levels"
                                  " WHERE name = 'Gold')");
  reopened = test_sqlite_store_open (fixture->base.path);
  page = loy_store_query_sync (LOY_STORE (reopened), query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_contact_get_level_name (g_ptr_array_index (page->items, 0)), ==, "Silver");
  test_assert_finalized (g_steal_pointer (&reopened));
}

/* Program */

static void
test_program (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(LoyProgram) updated = NULL;
  g_autoptr(LoyProgram) reread = NULL;
  g_autoptr(LoyContact) anna = NULL;
  g_auto(GStrv) actions = NULL;
  g_autoptr(GError) error = NULL;

  program = loy_store_get_program_sync (fixture->iface, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_welcome_points (program), ==, 50);
  g_assert_cmpint (loy_program_get_action_points (program, "referral"), ==, 100);

  loy_program_set_welcome_points (program, 25);
  loy_program_set_points_per_unit (program, 250);
  loy_program_set_rounding (program, LOY_ROUNDING_UP);
  loy_program_set_action_points (program, "referral", LOY_UNSET);
  loy_program_set_action_points (program, "newsletter", 5);
  loy_program_set_expiry_months (program, 24);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_no_error (error);

  reread = loy_store_get_program_sync (fixture->iface, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_welcome_points (reread), ==, 25);
  g_assert_cmpint (loy_program_get_points_per_unit (reread), ==, 250);
  g_assert_cmpint (loy_program_get_rounding (reread), ==, LOY_ROUNDING_UP);
  g_assert_cmpuint (loy_program_get_expiry_months (reread), ==, 24);
  actions = loy_program_dup_actions (reread);
  g_assert_cmpstrv (actions, ((const char * const[]) { "newsletter", "review", "social_share", NULL }));

  anna = enroll (fixture, "anna@example.com", "Anna");
  g_assert_cmpint (loy_contact_get_balance (anna), ==, 25);

  g_clear_object (&updated);
  loy_program_set_action_points (program, " ", 5);
  updated = loy_store_update_program_sync (fixture->iface, program, NULL, &error);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/ledger/levels", test_levels);
  ADD_TEST ("/ledger/levels/stale", test_levels_stale);
  ADD_TEST ("/ledger/program", test_program);

  return g_test_run ();
}
