/* test-ui-remote-fixture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-api-key.h"
#include "loy-application.h"
#include "rest/loy-rest-store.h"
#include "test-ui-remote-fixture.h"

static char *test_dir;

gboolean
remote_test_init (int          *argc,
                  char       ***argv,
                  const char   *suite)
{
  g_autofree char *template = g_strdup_printf ("test-%s-XXXXXX", suite);
  g_autofree char *keyring = NULL;

  test_dir = g_dir_make_tmp (template, NULL);
  g_assert_nonnull (test_dir);
  keyring = g_build_filename (test_dir, "keyring", NULL);
  g_setenv ("XDG_CACHE_HOME", test_dir, TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);

  if (loy_ui_test_init (argc, argv, suite))
    return TRUE;

  remote_test_clear ();
  return FALSE;
}

void
remote_test_clear (void)
{
  loy_ui_test_remove_dir (test_dir);
  g_clear_pointer (&test_dir, g_free);
}

gboolean
store_is_remote (gpointer data)
{
  return LOY_IS_REST_STORE (loy_ui_test_get_store ());
}

static gboolean
store_is_account (gpointer data)
{
  return store_is_remote (NULL) &&
         g_strcmp0 (loy_rest_store_get_base_url (LOY_REST_STORE (loy_ui_test_get_store ())), data) == 0;
}

gboolean
store_uses_shop (gpointer data)
{
  return store_is_remote (NULL) &&
         g_strcmp0 (loy_rest_store_get_shop_uuid (LOY_REST_STORE (loy_ui_test_get_store ())), data) == 0;
}

gboolean
row_lists_shops (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data)) &&
         g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (data))) == 2;
}

static void
api_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *stored = user_data;
  g_autoptr(GError) error = NULL;

  *stored = loy_api_key_store_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

void
connect_remote_account (LoyFakePiggy *piggy,
                        const char   *api_key)
{
  GSettings *settings = loy_application_get_settings (loy_ui_test_get_app ());
  const char *base_url = loy_fake_piggy_get_base_url (piggy);
  gboolean stored = FALSE;

  loy_api_key_store_async (base_url, api_key, NULL, api_key_stored_cb, &stored);
  loy_ui_test_wait_for (flag_is_set, &stored, "the API key to be stored");

  g_settings_set_string (settings, "remote-url", base_url);
  g_settings_set_string (settings, "data-source", "remote");
  loy_application_set_database_path (loy_ui_test_get_app (), NULL);
  /* From another account, too: its store is remote already. */
  loy_ui_test_wait_for (store_is_account, (gpointer) base_url, "the remote account to connect");
}
