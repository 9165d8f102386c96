/* test-ui-fixture.h — the real application and window on a temporary demo
 * database, as the window's tests and the data source's tests start them,
 * and the checks both make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-application.h"
#include "loy-section-view.h"
#include "loy-ui-test.h"
#include "loy-window.h"

G_BEGIN_DECLS

/* The application, its window and the demo database it was started on */
extern LoyApplication *app;
extern LoyWindow *window;
extern char *database;

/* As loy_ui_test_init(), then starts the application on a new demo
 * database, with its icon where it will be installed; %FALSE without a
 * display, when only g_test_run() is left to call. */
gboolean   ui_test_start                (int          *argc,
                                         char       ***argv);
/* Runs the tests added, stops the application and removes the database;
 * returns what g_test_run() did. */
int        ui_test_run_and_stop         (void);

/* Whether the overview @data has its figures. */
gboolean   overview_loaded              (gpointer      data);
/* Saves the window, as drawn, to tests/screenshots/@name.png in the build
 * directory. */
void       save_screenshot              (const char   *name);
/* Waits for @view's records, which must be at least @min_rows and no error. */
void       assert_section_shows_records (LoySectionView *view,
                                         guint           min_rows);
/* The line under the sections that says the code groups are missing */
GtkWidget *code_groups_note             (void);

G_END_DECLS
