/* test-sqlite-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-sqlite-fixture.h"

void
test_sqlite_fixture_setup (TestSqliteFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("loy-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "loyalty.db", NULL);
  fixture->store = loy_sqlite_store_new (fixture->path, &error);
  g_assert_no_error (error);
}

void
test_sqlite_fixture_teardown (TestSqliteFixture *fixture,
                              gconstpointer      data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  GWeakRef weak;
  GObject *alive;

  /* A worker thread may still hold the task that called back a moment
   * ago, and with it the store: give it time to let go. */
  g_weak_ref_init (&weak, fixture->store);
  g_clear_object (&fixture->store);
  for (guint waited_ms = 0; (alive = g_weak_ref_get (&weak)) != NULL && waited_ms < 5000; waited_ms++)
    {
      g_object_unref (alive);
      g_usleep (1000);
    }
  g_assert_null (alive);
  g_weak_ref_clear (&weak);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->path);
  g_free (fixture->dir);
}
