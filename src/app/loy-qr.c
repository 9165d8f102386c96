/* loy-qr.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <qrencode.h>

#include "loy-core.h"
#include "loy-qr.h"

/* Modules of white around the symbol, as the QR specification asks. */
#define QUIET_ZONE 4

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

GdkTexture *
loy_qr_texture_new (const char  *text,
                    guint        module_size,
                    GError     **error)
{
  g_autoptr(QRcode) qr = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels;
  gsize stride;
  guint side;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (module_size > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  errno = 0;
  qr = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (qr == NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   errno == ERANGE ? _("The text is too long for a QR code")
                                   : _("Could not make a QR code of this text"));
      return NULL;
    }

  side = ((guint) qr->width + 2 * QUIET_ZONE) * module_size;
  stride = (gsize) side * 3;
  pixels = g_malloc (stride * side);
  memset (pixels, 0xff, stride * side);

  for (int y = 0; y < qr->width; y++)
    for (int x = 0; x < qr->width; x++)
      {
        /* Bit 0 of each module is its colour: 1 is dark. */
        if ((qr->data[y * qr->width + x] & 1) == 0)
          continue;

        for (guint dy = 0; dy < module_size; dy++)
          {
            guchar *row = pixels + ((y + QUIET_ZONE) * module_size + dy) * stride;

            memset (row + (gsize) (x + QUIET_ZONE) * module_size * 3, 0, module_size * 3);
          }
      }

  bytes = g_bytes_new_take (pixels, stride * side);

  return gdk_memory_texture_new (side, side, GDK_MEMORY_R8G8B8, bytes, stride);
}
