/* test-ui-contacts-fixture.h — the window the contacts tests drive, the
 * contact they work on, and the steps more than one of them takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "contacts/loy-contact-window.h"
#include "contacts/loy-contacts-section.h"
#include "loy-ui-test.h"
#include "loy-window.h"

G_BEGIN_DECLS

/* The application's window, as loy_ui_test_start_app() returned it, on the
 * temporary demo database @database. */
extern LoyWindow *window;
extern char *database;
/* The contact the steps work on, and its window once opened */
extern char *contact_uuid;
extern char *contact_email;
extern LoyContactWindow *contact_window;

/* Whether the paged model @data has loaded and is not loading again. */
gboolean            model_settled         (gpointer          data);
/* @data: a contact window, or %NULL for the one the steps work on */
gboolean            contact_window_idle   (gpointer          data);

/* Starts the application on @database and chooses the contact the steps
 * work on: the richest of the demo, enough points to adjust and redeem. */
void                start_app_with_contact (void);
/* Runs the tests added, stops the application and frees the globals above;
 * returns what g_test_run() did. */
int                 run_tests_and_stop    (void);

/* (transfer full): the contact the steps work on, as the store has it. */
LoyContact         *store_contact         (void);
/* The contact's balance, as the store has it. */
gint64              store_balance         (void);
/* (transfer full): the contact's newest ledger entry, as the store has it. */
LoyLedgerEntry     *store_newest_entry    (void);

/* Shows the page @name of the contact window @contact. */
void                show_contact_page_of  (LoyContactWindow *contact,
                                           const char       *name);
/* Shows the page @name of the contact window the steps work on. */
void                show_contact_page     (const char       *name);

/* The contacts section, shown. */
LoyContactsSection *find_contacts_section (void);
/* Whether the widget @data is at phone width. */
gboolean            narrower_than         (gpointer          data);
/* Whether the widget @data is back at desktop width. */
gboolean            wider_than            (gpointer          data);

/* The action row titled @title among @root's descendants. */
GtkWidget          *find_row              (GtkWidget        *root,
                                           const char       *title);

G_END_DECLS
