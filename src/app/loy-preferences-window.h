/* loy-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-data-source.h"

G_BEGIN_DECLS

#define LOY_TYPE_PREFERENCES_WINDOW (loy_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LoyPreferencesWindow, loy_preferences_window, LOY, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LoyPreferencesWindow *loy_preferences_window_new (LoyDataSource *source,
                                                  GtkWindow     *parent);
/* Opens a new database at @path, whose first start asks for an empty
 * program or demo data; refuses a file that holds a program. */
void                  loy_preferences_window_new_program (LoyPreferencesWindow *self,
                                                          const char           *path);

G_END_DECLS
