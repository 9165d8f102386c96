/* loy-i18n.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale and binds the translations: the installed ones, or those
 * of a build folder when LOYALTY_DESK_LOCALEDIR says where (`meson devenv`). */
void loy_i18n_init (void);

G_END_DECLS
