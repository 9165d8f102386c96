/* test-ui-remote-fixture.h — the application's tests on a Piggy account
 * (the fake server): a cache folder and keyring of each test's own, and the
 * account connected as Preferences would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-fake-piggy.h"
#include "loy-ui-test.h"

G_BEGIN_DECLS

/* As loy_ui_test_init(), with $XDG_CACHE_HOME (the contacts' index) and the
 * keyring file (the API key) in a temporary folder of the test's own, as
 * the remote tests may run side by side. */
gboolean  remote_test_init        (int          *argc,
                                   char       ***argv,
                                   const char   *suite);
/* Removes that folder. */
void      remote_test_clear       (void);
/* Stores @api_key for @piggy in the keyring and switches the application
 * to the account; returns once its store is the remote one. */
void      connect_remote_account  (LoyFakePiggy *piggy,
                                   const char   *api_key);
/* Whether the application's store is a remote account's. */
gboolean  store_is_remote         (gpointer      data);
/* Whether the remote store's writes go to the shop of UUID @data. */
gboolean  store_uses_shop         (gpointer      data);
/* Whether Preferences' shop row @data is on show with the account's two
 * shops (the tests add a second to the fake's one). */
gboolean  row_lists_shops         (gpointer      data);

G_END_DECLS
