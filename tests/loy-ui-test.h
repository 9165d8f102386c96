/* loy-ui-test.h — what every UI test needs: the application, waiting, windows and toasts,
 * screenshots, a demo database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-application.h"
#include "loy-section-view.h"
#include "loy-window.h"

G_BEGIN_DECLS

typedef gboolean (*LoyUiTestCondition) (gpointer data);

/* g_test_init(), then the display: without one, registers
 * /@suite/no-display, which skips, and returns %FALSE. With one, turns
 * animations off so screenshots show finished pages, not a transition's
 * first frame. */
gboolean  loy_ui_test_init                 (int                *argc,
                                            char             ***argv,
                                            const char         *suite);
/* The real application on @database, activated, with its store open;
 * returns its window. */
LoyWindow *loy_ui_test_start_app           (const char         *database);
LoyApplication *loy_ui_test_get_app        (void);
LoyStore *loy_ui_test_get_store            (void);
/* Destroys the application's windows, quits it and removes @database. */
void      loy_ui_test_stop_app             (const char         *database);
/* The application's store opened, or failed to. */
gboolean  loy_ui_test_app_ready            (gpointer            data);
/* *@data (a weak pointer) is %NULL: its object is gone. */
gboolean  loy_ui_test_pointer_cleared      (gpointer            data);

/* Iterates the main context until @condition holds; fails the test after
 * 20 s naming @what. */
void      loy_ui_test_wait_for             (LoyUiTestCondition  condition,
                                            gpointer            data,
                                            const char         *what);
/* A section whose first count arrived and whose rows have all loaded. */
gboolean  loy_ui_test_section_loaded       (gpointer            section_view);
/* Waits until @view has loaded exactly @n_rows rows. */
void      loy_ui_test_wait_for_rows        (LoySectionView     *view,
                                            guint               n_rows,
                                            const char         *what);
/* Shows @section of @window; returns the section on show. */
LoySectionView *loy_ui_test_show_section   (LoyWindow          *window,
                                            const char         *section);
/* The newest mapped toplevel of @type, transient for @parent unless that is
 * %NULL (such as a dialog just opened); or %NULL. */
GtkWindow *loy_ui_test_get_toplevel        (GType               type,
                                            GtkWindow          *parent);
GtkWindow *loy_ui_test_wait_for_toplevel   (GType               type,
                                            GtkWindow          *parent,
                                            const char         *what);
/* As a click on the message dialog's button: respond, then close. */
void      loy_ui_test_respond              (GtkWindow          *dialog,
                                            const char         *response);
typedef gboolean (*LoyUiTestWidgetMatch)    (GtkWidget          *widget,
                                             gconstpointer       data);
/* The first of @root and its descendants, depth first, that @matches; or %NULL. */
GtkWidget *loy_ui_test_find_matching       (GtkWidget          *root,
                                            LoyUiTestWidgetMatch matches,
                                            gconstpointer       data);
/* The first descendant of @root (or @root itself) of @type, and with
 * @action_name as its action unless that is %NULL; or %NULL. */
GtkWidget *loy_ui_test_find_descendant     (GtkWidget          *root,
                                            GType               type,
                                            const char         *action_name);
/* As a press of @keyval with @modifiers in @window: runs the shortcut of
 * the first widget on show that has one, and fails unless it ran. */
void      loy_ui_test_press_shortcut       (GtkWidget          *window,
                                            guint               keyval,
                                            GdkModifierType     modifiers);
/* The toast titled @title on show in @window's toast overlay, waited for. */
AdwToast *loy_ui_test_wait_for_toast       (GtkWidget          *window,
                                            const char         *title);
/* Clicks @toast's button, as a user would: the toast then goes. */
void      loy_ui_test_click_toast_button   (GtkWidget          *window,
                                            AdwToast           *toast);
/* The list of @view is filtered (its filter button highlighted): clicks
 * the popover's Clear Filters, as a user would. */
void      loy_ui_test_clear_filters        (LoySectionView     *view);
/* The problem a #LoyNumberEntry shows below itself, or %NULL when it shows
 * none; fails unless it is the entry's own. */
const char *loy_ui_test_shown_problem      (GtkWidget          *number_entry);
/* Saves @widget's window, as drawn, to tests/screenshots/@name.png in the
 * build directory. */
void      loy_ui_test_save_screenshot      (GtkWidget          *widget,
                                            const char         *name);
/* The same, with @popover (open over @widget's window) drawn where it is
 * on screen: a popover is a surface of its own, which the window's
 * drawing leaves out. */
void      loy_ui_test_save_screenshot_with_popover (GtkWidget  *widget,
                                                    GtkPopover *popover,
                                                    const char *name);
/* A fresh demo database in a temporary folder; returns its path. */
char     *loy_ui_test_create_demo_database (void);
void      loy_ui_test_remove_demo_database (const char         *path);
/* Removes @dir and the files in it. */
void      loy_ui_test_remove_dir           (const char         *dir);

/* Answers the save dialog that @parent opened (a file chooser's fallback
 * dialog) with @path, as if typed into its name entry, and Export. */
void      loy_ui_test_choose_save_file     (GtkWindow          *parent,
                                            const char         *path);

G_END_DECLS
