/* test-api-key.c
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "loy-api-key.h"

#define BASE_URL       "https://api.example.com/api/v3/oauth/clients"
#define OTHER_BASE_URL "https://other.example.com/api/v3/oauth/clients"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
store_key (const char *base_url,
           const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  loy_api_key_store_async (base_url, key, NULL, result_cb, &result);
  g_assert_true (loy_api_key_store_finish (wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup_key (const char *base_url)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  loy_api_key_lookup_async (base_url, NULL, result_cb, &result);
  key = loy_api_key_lookup_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);

  return key;
}

static void
test_api_key_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *sync_key = NULL;

  key = lookup_key ("https://nowhere.example.com");
  g_assert_null (key);

  sync_key = loy_api_key_lookup_sync ("https://nowhere.example.com", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sync_key);
}

static void
test_api_key_store_lookup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *sync_key = NULL;
  g_autofree char *other_key = NULL;

  store_key (BASE_URL, "secret-key-1");
  store_key (OTHER_BASE_URL, "secret-key-2");

  key = lookup_key (BASE_URL);
  g_assert_cmpstr (key, ==, "secret-key-1");

  sync_key = loy_api_key_lookup_sync (OTHER_BASE_URL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sync_key, ==, "secret-key-2");

  /* Storing again for the same account replaces the key. */
  store_key (BASE_URL, "secret-key-3");
  other_key = lookup_key (BASE_URL);
  g_assert_cmpstr (other_key, ==, "secret-key-3");
}

/* With no session bus, and so no keyring, each call says so in words
 * rather than passing on a D-Bus message. */
static void
test_api_key_no_keyring (void)
{
  static const char message[] = "No keyring service is running, so the API key cannot be kept. "
                                "Start one (such as GNOME Keyring) and try again.";

  if (g_test_subprocess ())
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GAsyncResult) lookup_result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;

      g_setenv ("SECRET_BACKEND", "service", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
      g_unsetenv ("DISPLAY");

      loy_api_key_store_async (BASE_URL, "secret-key", NULL, result_cb, &result);
      g_assert_false (loy_api_key_store_finish (wait_for_result (&result), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpstr (error->message, ==, message);
      g_clear_error (&error);

      loy_api_key_lookup_async (BASE_URL, NULL, result_cb, &lookup_result);
      key = loy_api_key_lookup_finish (wait_for_result (&lookup_result), &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_null (key);
      g_clear_error (&error);

      key = loy_api_key_lookup_sync (BASE_URL, NULL, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_cmpstr (error->message, ==, message);
      g_assert_null (key);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *keyring = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* libsecret's file backend reads these when it is first used, so
   * the test needs neither a session bus nor a running keyring. */
  tmpdir = g_dir_make_tmp ("loy-api-key-XXXXXX", &error);
  g_assert_no_error (error);
  keyring = g_build_filename (tmpdir, "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  g_test_add_func ("/api-key/missing", test_api_key_missing);
  g_test_add_func ("/api-key/store-lookup", test_api_key_store_lookup);
  g_test_add_func ("/api-key/no-keyring", test_api_key_no_keyring);

  ret = g_test_run ();

  g_unlink (keyring);
  g_rmdir (tmpdir);

  return ret;
}
