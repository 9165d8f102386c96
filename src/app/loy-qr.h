/* loy-qr.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A QR image of @text (libqrencode), black on white with a quiet zone,
 * @module_size pixels per module; NULL with @error set when it cannot encode. */
GdkTexture *loy_qr_texture_new (const char  *text,
                                guint        module_size,
                                GError     **error);

G_END_DECLS
