/* loy-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "loy-error.h"
#include "loy-image.h"

#define JPEG_QUALITY "90"

/* Scales while decoding, so a large photo never sits in memory at full size. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int longest = MAX (width, height);

  if (longest <= LOY_IMAGE_MAX_SIDE)
    return;

  gdk_pixbuf_loader_set_size (loader,
                              MAX (1, (int) ((gint64) width * LOY_IMAGE_MAX_SIDE / longest)),
                              MAX (1, (int) ((gint64) height * LOY_IMAGE_MAX_SIDE / longest)));
}

GBytes *
loy_image_prepare (GBytes  *data,
                   char   **content_type,
                   guint   *width,
                   guint   *height,
                   GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  gsize buffer_size = 0;
  GdkPixbuf *pixbuf = NULL;
  gboolean written, closed;
  gboolean png;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (content_type != NULL, NULL);

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);
  written = gdk_pixbuf_loader_write_bytes (loader, data, &local_error);
  /* Closed either way, or the loader warns when it is finalized. */
  closed = gdk_pixbuf_loader_close (loader, written ? &local_error : NULL);
  if (!written || !closed || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("This file is no image that can be read: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }

  png = gdk_pixbuf_get_has_alpha (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &buffer_size, png ? "png" : "jpeg", &local_error,
                                  png ? NULL : "quality", JPEG_QUALITY, NULL))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("Could not store this image: %s"), local_error->message);
      return NULL;
    }

  *content_type = g_strdup (png ? "image/png" : "image/jpeg");
  if (width != NULL)
    *width = gdk_pixbuf_get_width (pixbuf);
  if (height != NULL)
    *height = gdk_pixbuf_get_height (pixbuf);

  return g_bytes_new_take (g_steal_pointer (&buffer), buffer_size);
}

char *
loy_image_uri_new (const char *uuid)
{
  g_return_val_if_fail (uuid != NULL, NULL);

  return g_strconcat (LOY_IMAGE_URI_SCHEME ":", uuid, NULL);
}

const char *
loy_image_uri_get_uuid (const char *uri)
{
  if (uri == NULL || !g_str_has_prefix (uri, LOY_IMAGE_URI_SCHEME ":"))
    return NULL;

  return uri + strlen (LOY_IMAGE_URI_SCHEME ":");
}
