/* loy-rest-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "loy-error.h"

#include "loy-rest-cache.h"

char *
loy_rest_cache_path (const char *base_url,
                     const char *api_key,
                     const char *kind)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *name = NULL;

  /* The address's NUL keeps "a" + "bc" apart from "ab" + "c". */
  g_checksum_update (checksum, (const guchar *) base_url, strlen (base_url) + 1);
  g_checksum_update (checksum, (const guchar *) api_key, -1);
  name = g_strdup_printf ("%s-%.16s.db", kind, g_checksum_get_string (checksum));

  return g_build_filename (g_get_user_cache_dir (), "loyalty-desk", name, NULL);
}

/* Where a file of @kind was kept when named after the address alone. */
static char *
legacy_path_for (const char *base_url,
                 const char *kind)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, base_url, -1);
  g_autofree char *name = g_strdup_printf ("%s-%.16s.db", kind, hash);

  return g_build_filename (g_get_user_cache_dir (), "loyalty-desk", name, NULL);
}

/* A database file goes with its write-ahead log; its shared memory is
 * made again. */
static const char * const sqlite_suffixes[] = { "", "-wal", "-shm" };

void
loy_rest_cache_adopt_legacy (const char *base_url,
                             const char *kind,
                             const char *path)
{
  g_autofree char *legacy = legacy_path_for (base_url, kind);

  if (!g_file_test (legacy, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (legacy, sqlite_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, sqlite_suffixes[i], NULL);

      if (g_str_equal (sqlite_suffixes[i], "-shm"))
        g_remove (from);
      else if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_message ("Could not move “%s” to “%s”: %s", from, to, g_strerror (errno));
    }
}

void
loy_rest_cache_remove_legacy (const char *base_url,
                              const char *kind)
{
  g_autofree char *legacy = legacy_path_for (base_url, kind);

  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (legacy, sqlite_suffixes[i], NULL);

      g_remove (file);
    }
}

sqlite3 *
loy_rest_cache_open (const char  *path,
                     const char  *schema,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  sqlite3 *db = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      (schema != NULL && sqlite3_exec (db, schema, NULL, NULL, NULL) != SQLITE_OK))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("Could not open “%s”: %s"), path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }

  return db;
}
