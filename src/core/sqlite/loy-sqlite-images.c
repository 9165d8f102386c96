/* loy-sqlite-images.c — reward and brand images kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-image.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-images.h"
#include "loy-sqlite-store.h"
#include "loy-sqlite-worker.h"

/* Reads an image file, checks its size and prepares it (loy_image_prepare()). */
static GBytes *
read_image_file (GFile         *file,
                 GCancellable  *cancellable,
                 char         **content_type,
                 guint         *width,
                 guint         *height,
                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > LOY_IMAGE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("This image is %s; an image can be at most 5 MB."), size);
      return NULL;
    }

  if (!(data = g_file_load_bytes (file, cancellable, NULL, error)))
    return NULL;

  return loy_image_prepare (data, content_type, width, height, error);
}

/* Inserts a prepared image; (transfer full) its "loy-image:" URI. */
static char *
insert_image (sqlite3     *db,
              GBytes      *image,
              const char  *content_type,
              guint        width,
              guint        height,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gsize size;
  gconstpointer data = g_bytes_get_data (image, &size);

  stmt = _loy_sqlite_prepare (db,
                              "INSERT INTO images (uuid, content_type, width, height, data, created_at)"
                              " VALUES (:uuid, :content_type, :width, :height, :data, unixepoch ())",
                              error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_text (stmt, ":content_type", content_type);
  _loy_sqlite_bind_int64 (stmt, ":width", width);
  _loy_sqlite_bind_int64 (stmt, ":height", height);
  sqlite3_bind_blob64 (stmt, sqlite3_bind_parameter_index (stmt, ":data"), data, size,
                       SQLITE_STATIC);
  if (!_loy_sqlite_step_done (stmt, error))
    return NULL;

  return loy_image_uri_new (uuid);
}

static gpointer
save_image_work (sqlite3       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *uri = NULL;
  guint width, height;

  if (!(image = read_image_file (data, cancellable, &content_type, &width, &height, error)) ||
      !_loy_sqlite_begin (db, error))
    return NULL;

  if (!(uri = insert_image (db, image, content_type, width, height, error)) ||
      !_loy_sqlite_commit (db, error))
    {
      _loy_sqlite_rollback (db);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

static void
loy_sqlite_store_save_image_async (LoyStore            *store,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), save_image_work, g_object_ref (file),
                               g_object_unref, g_free, loy_sqlite_store_save_image_async,
                               cancellable, callback, user_data);
}

static gpointer
load_image_work (sqlite3       *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *uri = data;
  const char *uuid = loy_image_uri_get_uuid (uri);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (uuid == NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not an image kept in the program"), uri);
      return NULL;
    }

  stmt = _loy_sqlite_prepare (db, "SELECT data FROM images WHERE uuid = :uuid", error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));

  if (rc == SQLITE_DONE)
    g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                 _("The program holds no image “%s”"), uuid);
  else
    _loy_sqlite_set_error (error, db);

  return NULL;
}

static void
loy_sqlite_store_load_image_async (LoyStore            *store,
                                   const char          *uri,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), load_image_work, g_strdup (uri), g_free,
                               (GDestroyNotify) g_bytes_unref, loy_sqlite_store_load_image_async,
                               cancellable, callback, user_data);
}

/* What shows an image file from before images were kept in the program:
 * rewards' images and campaigns' brand images. Each select gives the row's
 * id, the file's URI and what to call the row when the file cannot be read. */
static const struct {
  const char *select;
  const char *update;
} file_image_holders[] = {
  { "SELECT id, media_value, 'reward “' || title || '”' FROM rewards"
    " WHERE media_type = 'image' AND media_value LIKE 'file:%'",
    "UPDATE rewards SET media_value = :uri WHERE id = :id" },
  { "SELECT id, brand_image, 'campaign “' || name || '”' FROM campaigns"
    " WHERE brand_image LIKE 'file:%'",
    "UPDATE campaigns SET brand_image = :uri WHERE id = :id" },
};

/* Copies the files one kind of row points at into the images, pointing the
 * rows at the copies. */
static gboolean
import_holder_images (sqlite3     *db,
                      const char  *select_sql,
                      const char  *update_sql,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) select = _loy_sqlite_prepare (db, select_sql, error);
  g_autoptr(sqlite3_stmt) update = select != NULL ? _loy_sqlite_prepare (db, update_sql, error) : NULL;
  int rc;

  if (update == NULL)
    return FALSE;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *file_uri = (const char *) sqlite3_column_text (select, 1);
      g_autoptr(GFile) file = g_file_new_for_uri (file_uri);
      g_autoptr(GError) file_error = NULL;
      g_autoptr(GBytes) image = NULL;
      g_autofree char *content_type = NULL;
      g_autofree char *uri = NULL;
      guint width, height;

      /* A file gone or unreadable keeps its path, to be tried again next
       * time (a disk not mounted yet), and says so: nothing is dropped. */
      image = read_image_file (file, NULL, &content_type, &width, &height, &file_error);
      if (image == NULL)
        {
          g_warning ("The image of the %s was not copied into the program and is still read from %s: %s",
                     sqlite3_column_text (select, 2), file_uri, file_error->message);
          continue;
        }

      if (!(uri = insert_image (db, image, content_type, width, height, error)))
        return FALSE;

      _loy_sqlite_bind_text (update, ":uri", uri);
      _loy_sqlite_bind_int64 (update, ":id", sqlite3_column_int64 (select, 0));
      if (!_loy_sqlite_step_done (update, error))
        return FALSE;
      sqlite3_reset (update);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return TRUE;
}

gboolean
_loy_sqlite_import_file_images (sqlite3  *db,
                                GError  **error)
{
  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (file_image_holders); i++)
    if (!import_holder_images (db, file_image_holders[i].select, file_image_holders[i].update, error))
      {
        _loy_sqlite_rollback (db);
        return FALSE;
      }

  return _loy_sqlite_commit (db, error);
}

gboolean
_loy_sqlite_remove_unused_images (sqlite3  *db,
                                  GError  **error)
{
  return _loy_sqlite_exec (db,
                           "DELETE FROM images WHERE created_at < unixepoch () - 24 * 60 * 60"
                           " AND NOT EXISTS (SELECT 1 FROM rewards"
                           "  WHERE media_value = '" LOY_IMAGE_URI_SCHEME ":' || images.uuid)"
                           /* A campaign's brand image is kept like a reward's. */
                           " AND NOT EXISTS (SELECT 1 FROM campaigns"
                           "  WHERE brand_image = '" LOY_IMAGE_URI_SCHEME ":' || images.uuid)",
                           error);
}

void
_loy_sqlite_store_images_iface_init (LoyStoreInterface *iface)
{
  iface->save_image_async = loy_sqlite_store_save_image_async;
  iface->load_image_async = loy_sqlite_store_load_image_async;
}
