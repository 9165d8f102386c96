/* test-concurrent.h — copies of a test program hitting one database at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-core.h"

G_BEGIN_DECLS

#define TEST_CONCURRENT_CHILDREN 2
#define TEST_CONCURRENT_CONTACTS 40

/* One attempt on @target_uuid for @contact_uuid: whether it went through. */
typedef gboolean (*TestConcurrentAttempt) (LoyStore    *store,
                                           const char  *contact_uuid,
                                           const char  *target_uuid,
                                           GError     **error);

typedef struct
{
  const char            *what;        /* "Redemption": names a failed attempt */
  guint                  attempts_per_child;
  TestConcurrentAttempt  attempt;
  /* NULL-terminated: what went through, then each refusal ("out of codes"…) */
  const char            *outcomes[4];
  /* The LOY_ERROR codes of those refusals; any other error fails the test. */
  LoyError               refusals[3];
} TestConcurrentJob;

/* The test program's main(): as a copy started by test_concurrent_run(),
 * makes @job's attempts round robin over the contacts and prints their
 * outcomes' counts for the parent; otherwise runs @test at @test_path. */
int      test_concurrent_main     (int                      argc,
                                   char                   **argv,
                                   const TestConcurrentJob *job,
                                   const char              *test_path,
                                   GTestFunc                test);

/* Turns the welcome gift off and enrolls TEST_CONCURRENT_CONTACTS contacts,
 * @email_prefix0@example.com and on, each awarded @points. */
void     test_concurrent_enroll   (LoyStore                *store,
                                   const char              *email_prefix,
                                   gint64                   points);

/* Runs TEST_CONCURRENT_CHILDREN copies of this program on the database at
 * @path at once, each making @job's attempts on @target_uuid; asserts that
 * each exited cleanly and accounted for every attempt, and returns the
 * outcomes' counts over all copies, in the order of @job's outcomes. */
guint   *test_concurrent_run      (const TestConcurrentJob *job,
                                   const char              *path,
                                   const char              *target_uuid);

/* Every balance in the database at @path is its ledger's sum and none is
 * negative, they add up to @total_points, and the file is intact. */
void     test_concurrent_assert_balances (const char *path,
                                          gint64      total_points);

G_END_DECLS
