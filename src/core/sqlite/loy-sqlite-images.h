/* loy-sqlite-images.h — reward images kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-store.h"

G_BEGIN_DECLS

/* Saving and loading reward images (loy-sqlite-images.c). */
void          _loy_sqlite_store_images_iface_init (LoyStoreInterface  *iface);
/* Copies the image files that rewards and campaigns' brand images point at
 * ("file:" URIs, from before images were kept in the program) into it; a
 * file that is gone stays a path and is logged as a warning naming the
 * reward or campaign. */
gboolean      _loy_sqlite_import_file_images   (sqlite3               *db,
                                                GError               **error);
/* Removes the images no reward shows that are more than a day old: those of
 * a reward that changed its image, or of a wizard left unfinished. A day,
 * as an editor open elsewhere may have just chosen one. */
gboolean      _loy_sqlite_remove_unused_images (sqlite3               *db,
                                                GError               **error);

G_END_DECLS
