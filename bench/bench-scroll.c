/* bench-scroll.c — dragging the scrollbar of the contacts list from the top
 * to the bottom and back, on 200,000 and 1,000,000 contacts, through
 * LoyPagedModel as the list view uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

/* What a list view asks for in each frame of a drag: the rows around its
 * viewport, and of those the rows on screen. */
#define N_ROWS_AROUND    100
#define N_ROWS_ON_SCREEN 30
#define N_FRAMES         120
#define FRAME_US         (G_USEC_PER_SEC / 60)
#define VISIBLE_GOAL_MS  100.0

/* The contacts list's sort orders (contacts/loy-contacts-section.c). */
static const char * const sorts[] = { NULL, "-created_at", "first_name", "-balance" };

/* @n_contacts contacts with repeating names, in one statement. */
static void
fill_contacts (const char *path,
               guint       n_contacts)
{
  static const char sql[] =
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1),"
    " first (k, name) AS (VALUES (0, 'Emma'), (1, 'Liam'), (2, 'María'), (3, 'Noah'),"
    "  (4, 'Julia'), (5, 'Daan'), (6, 'Mila'), (7, 'Zoë'), (8, 'Lucas'), (9, 'Anna')),"
    " last (k, name) AS (VALUES (0, 'de Jong'), (1, 'Jansen'), (2, 'Kowalski'), (3, 'Müller'),"
    "  (4, 'Bakker'), (5, 'Visser'), (6, 'Smit'), (7, 'Nowak'), (8, 'Patel'), (9, 'Nguyen'))"
    " INSERT INTO contacts (uuid, email, first_name, last_name, balance, created_at)"
    " SELECT printf ('%08x-0000-4000-8000-%012x', i, i), printf ('contact%d@example.com', i),"
    "  first.name, last.name, (i * 7919) % 5000, 1600000000 + (i * 104729) % 100000000"
    " FROM n JOIN first ON first.k = i % 10 JOIN last ON last.k = (i / 10) % 10";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_bind_int64 (stmt, 1, n_contacts) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_DONE ||
      sqlite3_finalize (g_steal_pointer (&stmt)) != SQLITE_OK ||
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("Could not add the contacts: %s", sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
wait_for_idle (LoyPagedModel *model)
{
  while (loy_paged_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

/* Asks for the rows a view shows at @first, as it would when drawing. */
static void
show_rows (LoyPagedModel *model,
           guint          first)
{
  guint end = MIN (first + N_ROWS_AROUND, g_list_model_get_n_items (G_LIST_MODEL (model)));

  for (guint i = first; i < end; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

static gboolean
rows_are_real (LoyPagedModel *model,
               guint          first)
{
  for (guint i = first; i < first + N_ROWS_ON_SCREEN; i++)
    {
      g_autoptr(LoyContact) contact = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (loy_contact_get_uuid (contact) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Drags from row @from to row @to in N_FRAMES frames, one every 16 ms, and
 * returns the milliseconds from the last frame until the rows on screen
 * there are real. */
static double
drag (LoyPagedModel *model,
      guint          from,
      guint          to)
{
  gint64 end;

  for (guint frame = 0; frame <= N_FRAMES; frame++)
    {
      gint64 frame_end = g_get_monotonic_time () + FRAME_US;

      show_rows (model, from + (gint64) ((gint64) to - from) * frame / N_FRAMES);
      while (g_get_monotonic_time () < frame_end)
        {
          if (!g_main_context_iteration (NULL, FALSE))
            g_usleep (1000);
        }
    }

  end = g_get_monotonic_time ();
  while (!rows_are_real (model, to))
    g_main_context_iteration (NULL, TRUE);

  return (g_get_monotonic_time () - end) / 1000.0;
}

static void
bench_drags (LoyStore *store,
             guint     n_contacts)
{
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
      g_autoptr(LoyPagedModel) model = NULL;
      guint bottom;
      double down, up;

      query->sort = g_strdup (sorts[i]);
      model = loy_paged_model_new (store, query);
      wait_for_idle (model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_contacts);

      bottom = n_contacts - N_ROWS_ON_SCREEN;
      down = drag (model, 0, bottom);
      up = drag (model, bottom, 0);
      g_print ("drag over %u contacts, sort %-12s rows on screen real %7.1f ms after the drag "
               "down ends, %7.1f ms after the drag up (goal < %.0f ms)\n",
               n_contacts, sorts[i] != NULL ? sorts[i] : "(natural)", down, up, VISIBLE_GOAL_MS);
      wait_for_idle (model);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 200000, 1000000 };

  setlocale (LC_ALL, "");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("bench-scroll-XXXXXX", &error);
      g_autofree char *path = NULL;
      g_autoptr(LoySqliteStore) store = NULL;
      gint64 start;

      g_assert_no_error (error);
      path = g_build_filename (dir, "loyalty.db", NULL);
      store = loy_sqlite_store_new (path, &error);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      fill_contacts (path, sizes[i]);
      g_print ("%u contacts: %.1f s\n", sizes[i],
               (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

      bench_drags (LOY_STORE (store), sizes[i]);

      g_clear_object (&store);
      for (guint j = 0; j < 3; j++)
        {
          const char *suffixes[] = { "", "-wal", "-shm" };
          g_autofree char *file = g_strconcat (path, suffixes[j], NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }

  return EXIT_SUCCESS;
}
