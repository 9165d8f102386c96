/* loy-image.h — reward images kept in the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest image file a reward takes. */
#define LOY_IMAGE_MAX_FILE_SIZE (5 * 1024 * 1024)
/* The longest side of an image as the program keeps it, in pixels. */
#define LOY_IMAGE_MAX_SIDE 1024

/* An image kept in the program is a reward's media value "loy-image:UUID". */
#define LOY_IMAGE_URI_SCHEME "loy-image"

/* Decodes @data, scales it down so that its longer side is at most
 * LOY_IMAGE_MAX_SIDE and encodes it again: PNG when it has transparency,
 * JPEG otherwise (@content_type says which). LOY_ERROR_INVALID_INPUT when
 * @data is no image this system can read. */
GBytes     *loy_image_prepare     (GBytes      *data,
                                   char       **content_type,
                                   guint       *width,
                                   guint       *height,
                                   GError     **error);
char       *loy_image_uri_new     (const char  *uuid);
/* The UUID of a "loy-image:" URI, or NULL for any other value. */
const char *loy_image_uri_get_uuid (const char *uri);

G_END_DECLS
