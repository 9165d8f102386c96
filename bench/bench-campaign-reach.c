/* bench-campaign-reach.c — how many contacts a campaign's target reaches,
 * counted by the store on 200,000 contacts as the editor asks while one
 * picks levels or segments. The database (demo data, about a minute to
 * make) is made at the path given, or kept there from a run before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

#define N_CONTACTS 200000
#define N_PASSES   15
#define GOAL_MS    200.0

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The first @n records of @kind, as a NULL-terminated array of UUIDs. */
static GStrv
first_uuids (LoyStore *store,
             LoyKind   kind,
             guint     n)
{
  g_autoptr(LoyQuery) query = loy_query_new (kind);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  page = loy_store_query_sync (store, query, 0, n, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->items->len; i++)
    {
      g_autofree char *uuid = NULL;

      g_object_get (g_ptr_array_index (page->items, i), "uuid", &uuid, NULL);
      g_strv_builder_add (builder, uuid);
    }

  return g_strv_builder_end (builder);
}

/* The median of N_PASSES counts, in milliseconds; @reached gets the count. */
static double
time_reach (LoyStore    *store,
            LoyCampaign *campaign,
            gint64      *reached)
{
  double ms[N_PASSES];

  for (guint pass = 0; pass < N_PASSES; pass++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      *reached = loy_store_count_campaign_reach_sync (store, campaign, NULL, &error);
      ms[pass] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }

  qsort (ms, N_PASSES, sizeof (double), compare_doubles);
  return ms[N_PASSES / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : "reach-200k.db";
  gboolean made = g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(LoySqliteStore) sqlite_store = NULL;
  g_autoptr(GError) error = NULL;
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_auto(GStrv) levels = NULL;
  g_auto(GStrv) segments = NULL;
  const char *one_level[] = { NULL, NULL };
  const char *one_segment[] = { NULL, NULL };
  struct {
    const char         *what;
    LoyTargetType       target;
    const char * const *uuids;
  } cases[] = {
    { "everyone", LOY_TARGET_TYPE_NONE, NULL },
    { "one level", LOY_TARGET_TYPE_LEVEL, one_level },
    { "every level", LOY_TARGET_TYPE_LEVEL, NULL },
    { "one segment", LOY_TARGET_TYPE_SEGMENT, one_segment },
    { "every segment", LOY_TARGET_TYPE_SEGMENT, NULL },
  };
  gboolean met = TRUE;

  sqlite_store = loy_sqlite_store_new (path, &error);
  g_assert_no_error (error);
  options.n_contacts = N_CONTACTS;
  if (!made)
    g_assert_true (loy_sqlite_store_populate_demo (sqlite_store, &options, NULL, &error));
  g_assert_no_error (error);

  levels = first_uuids (LOY_STORE (sqlite_store), LOY_KIND_LEVEL, 100);
  segments = first_uuids (LOY_STORE (sqlite_store), LOY_KIND_SEGMENT, 100);
  one_level[0] = levels[g_strv_length (levels) - 1];
  one_segment[0] = segments[0];
  cases[2].uuids = (const char * const *) levels;
  cases[4].uuids = (const char * const *) segments;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
      gint64 reached;
      double ms;

      loy_campaign_set_name (campaign, "Reach");
      loy_campaign_set_target_type (campaign, cases[i].target);
      if (cases[i].target == LOY_TARGET_TYPE_LEVEL)
        loy_campaign_set_level_uuids (campaign, cases[i].uuids);
      else if (cases[i].target == LOY_TARGET_TYPE_SEGMENT)
        loy_campaign_set_segment_uuids (campaign, cases[i].uuids);

      ms = time_reach (LOY_STORE (sqlite_store), campaign, &reached);
      g_print ("reach of %s on %d contacts: %" G_GINT64_FORMAT " contacts in %.1f ms (median of %d)\n",
               cases[i].what, N_CONTACTS, reached, ms, N_PASSES);
      met &= ms < GOAL_MS;
    }

  g_print ("goal < %.0f ms: %s\n", GOAL_MS, met ? "met" : "MISSED");

  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}
