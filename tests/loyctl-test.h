/* loyctl-test.h — running the built loyctl as a user would, for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The operator loyctl writes into the ledger in these tests ($USER). */
#define LOYCTL_TEST_USER "sandy"

typedef struct
{
  char *tmpdir;   /* $XDG_DATA_HOME and the keyring of every run */
  char *db;       /* loyalty.db in it, for loyctl_run_db() */
  char *api_key;  /* LOYALTY_DESK_API_KEY of every run, or NULL for none */
} LoyctlTestFixture;

typedef struct
{
  int   status;   /* the exit status */
  char *out;
  char *err;
} LoyctlRun;

/* g_test_init(), then the path of loyctl from the one argument left. */
void        loyctl_test_init              (int                 *argc,
                                           char              ***argv);

/* A new temporary folder; the database in it does not exist yet. */
void        loyctl_test_fixture_setup     (LoyctlTestFixture   *fixture,
                                           gconstpointer        data);
/* Removes the folder and all in it. */
void        loyctl_test_fixture_teardown  (LoyctlTestFixture   *fixture,
                                           gconstpointer        data);

/* Runs loyctl with the arguments, never on the user's own database or
 * keyring, and fills @run (clearing what it held). */
void        loyctl_run                    (LoyctlTestFixture   *fixture,
                                           LoyctlRun           *run,
                                           const char          *first_arg,
                                           ...);
/* The same, on the fixture's database: loyctl --db DB ARGS… */
void        loyctl_run_db                 (LoyctlTestFixture   *fixture,
                                           LoyctlRun           *run,
                                           const char          *first_arg,
                                           ...);
void        loyctl_run_clear              (LoyctlRun           *run);

/* Exit status 0 and nothing on stderr. */
void        loyctl_assert_success         (LoyctlRun           *run);
/* An error the user can act on: exit status 1 and one line on stderr
 * that holds @expected, unless it is %NULL. */
void        loyctl_assert_error           (LoyctlRun           *run,
                                           const char          *expected);
/* Wrong usage: exit status 2, a hint to --help, and @expected unless %NULL. */
void        loyctl_assert_usage_error     (LoyctlRun           *run,
                                           const char          *expected);

/* The "data" of the {"data": …, "meta": {…}} envelope @run printed. */
JsonObject *loyctl_run_parse_object       (LoyctlRun           *run);
/* The output as one bare JSON object (no envelope), e.g. an import summary. */
JsonObject *loyctl_run_parse_bare_object  (LoyctlRun           *run);
JsonArray  *loyctl_run_parse_array        (LoyctlRun           *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoyctlRun, loyctl_run_clear)

G_END_DECLS
