/* loy-ui-test.h — what every UI test needs: waiting, screenshots, a demo database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-section-view.h"

G_BEGIN_DECLS

typedef gboolean (*LoyUiTestCondition) (gpointer data);

/* Iterates the main context until @condition holds; fails the test after
 * 20 s naming @what. */
void      loy_ui_test_wait_for             (LoyUiTestCondition  condition,
                                            gpointer            data,
                                            const char         *what);
/* A section whose first count arrived and whose rows have all loaded. */
gboolean  loy_ui_test_section_loaded       (gpointer            section_view);
/* The first descendant of @root (or @root itself) of @type, and with
 * @action_name as its action unless that is %NULL; or %NULL. */
GtkWidget *loy_ui_test_find_descendant     (GtkWidget          *root,
                                            GType               type,
                                            const char         *action_name);
/* The toast titled @title on show in @window's toast overlay, waited for. */
AdwToast *loy_ui_test_wait_for_toast       (GtkWidget          *window,
                                            const char         *title);
/* Clicks @toast's button, as a user would: the toast then goes. */
void      loy_ui_test_click_toast_button   (GtkWidget          *window,
                                            AdwToast           *toast);
/* Saves @widget's window, as drawn, to tests/screenshots/@name.png in the
 * build directory. */
void      loy_ui_test_save_screenshot      (GtkWidget          *widget,
                                            const char         *name);
/* A fresh demo database in a temporary folder; returns its path. */
char     *loy_ui_test_create_demo_database (void);
void      loy_ui_test_remove_demo_database (const char         *path);

G_END_DECLS
