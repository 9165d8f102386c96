/* test-images.c — reward and brand images kept in the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "loy-core.h"
#include "rest/loy-rest-store.h"
#include "test-sqlite-fixture.h"

/* An image of @width × @height in @format ("png" or "jpeg"), with an alpha
 * channel or not, written to @dir/@name; (transfer full) its path. */
static char *
write_image (const char *dir,
             const char *name,
             const char *format,
             int         width,
             int         height,
             gboolean    alpha)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, 0x3366cc80);
  gdk_pixbuf_save (pixbuf, path, format, &error, NULL);
  g_assert_no_error (error);

  return path;
}

/* Decodes @bytes, which must be an image of @width × @height. */
static void
assert_image_size (GBytes *bytes,
                   int     width,
                   int     height)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bytes;
}

/* A large image is scaled down to 1024 px on its longer side, keeping its
 * proportions; a small one keeps its size. Transparency stays PNG, the
 * rest becomes JPEG; what is no image is refused. */
static void
test_prepare (TestSqliteFixture *fixture,
              gconstpointer      data)
{
  g_autofree char *large = write_image (fixture->dir, "large.png", "png", 3000, 1500, TRUE);
  g_autofree char *small = write_image (fixture->dir, "small.png", "png", 300, 200, FALSE);
  g_autoptr(GBytes) large_bytes = read_bytes (large);
  g_autoptr(GBytes) small_bytes = read_bytes (small);
  g_autoptr(GBytes) text = g_bytes_new_static ("not an image", 12);
  g_autoptr(GBytes) prepared = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *small_type = NULL;
  g_autofree char *no_type = NULL;
  guint width, height;

  prepared = loy_image_prepare (large_bytes, &content_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content_type, ==, "image/png");
  g_assert_cmpuint (width, ==, LOY_IMAGE_MAX_SIDE);
  g_assert_cmpuint (height, ==, LOY_IMAGE_MAX_SIDE / 2);
  assert_image_size (prepared, LOY_IMAGE_MAX_SIDE, LOY_IMAGE_MAX_SIDE / 2);
  g_clear_pointer (&prepared, g_bytes_unref);

  prepared = loy_image_prepare (small_bytes, &small_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (small_type, ==, "image/jpeg");
  assert_image_size (prepared, 300, 200);

  refused = loy_image_prepare (text, &no_type, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_null (no_type);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_unlink (large);
  g_unlink (small);
}

/* A chosen image goes into the database: it is there when its file is gone
 * and the program is opened again. */
static void
test_save_and_load (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  g_autofree char *path = write_image (fixture->dir, "tote.png", "png", 2048, 1024, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text_file = g_file_new_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *unknown = NULL;

  g_assert_true (loy_store_can (LOY_STORE (fixture->store), LOY_STORE_CAN_SAVE_IMAGES));
  uri = loy_store_save_image_sync (LOY_STORE (fixture->store), file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loy_image_uri_get_uuid (uri));

  g_assert_cmpint (g_unlink (path), ==, 0);
  test_assert_finalized (g_steal_pointer (&fixture->store));
  fixture->store = test_sqlite_store_open (fixture->path);

  bytes = loy_store_load_image_sync (LOY_STORE (fixture->store), uri, NULL, &error);
  g_assert_no_error (error);
  assert_image_size (bytes, LOY_IMAGE_MAX_SIDE, LOY_IMAGE_MAX_SIDE / 2);

  g_assert_true (g_file_set_contents (g_file_peek_path (text_file), "not an image", -1, NULL));
  refused = loy_store_save_image_sync (LOY_STORE (fixture->store), text_file, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  unknown = loy_image_uri_new ("00000000-0000-4000-8000-000000000000");
  g_assert_null (loy_store_load_image_sync (LOY_STORE (fixture->store), unknown, NULL, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  g_unlink (g_file_peek_path (text_file));
}

/* Rewards that point at an image file (from before images were kept in the
 * program) get a copy of it when the program is next opened; one whose file
 * is gone keeps its path. */
static void
test_migrate_file_images (TestSqliteFixture *fixture,
                          gconstpointer      data)
{
  g_autofree char *path = write_image (fixture->dir, "old.jpg", "jpeg", 640, 480, FALSE);
  g_autofree char *there = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *gone = g_strconcat (there, ".gone", NULL);
  g_autoptr(GObject) kept = NULL;
  g_autoptr(GObject) left = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  test_assert_finalized (g_steal_pointer (&fixture->store));
  raw = test_sqlite_open_raw (fixture->path);
  test_sqlite_exec (raw,
                    "INSERT INTO rewards (uuid, title, reward_type, required_credits, media_type,"
                    " media_value, created_at) VALUES"
                    " ('reward-there', 'Tote Bag', 'PHYSICAL', 10, 'image', '%s', 0),"
                    " ('reward-gone', 'Mug', 'PHYSICAL', 10, 'image', '%s', 0)",
                    there, gone);
  sqlite3_close (raw);

  /* The file that is gone is said, naming the reward. */
  g_test_expect_message ("loy-sqlite", G_LOG_LEVEL_WARNING,
                         "The image of the reward “Mug” was not copied into the program*");
  fixture->store = test_sqlite_store_open (fixture->path);
  kept = loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD, "reward-there", NULL,
                                &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (loy_image_uri_get_uuid (loy_reward_get_media_value (LOY_REWARD (kept))));
  bytes = loy_store_load_image_sync (LOY_STORE (fixture->store),
                                     loy_reward_get_media_value (LOY_REWARD (kept)), NULL, &error);
  g_assert_no_error (error);
  assert_image_size (bytes, 640, 480);

  left = loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD, "reward-gone", NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loy_reward_get_media_value (LOY_REWARD (left)), ==, gone);
  g_unlink (path);
}

static LoyCampaign *
create_cashback (TestSqliteFixture *fixture,
                 const char        *name)
{
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(GError) error = NULL;
  LoyCampaign *created;

  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_campaign_set_name (campaign, name);
  loy_campaign_set_point_value_cents (campaign, 200);
  created = loy_store_create_campaign_sync (LOY_STORE (fixture->store), campaign, NULL, NULL, &error);
  g_assert_no_error (error);

  return created;
}

static LoyCampaign *
lookup_campaign (TestSqliteFixture *fixture,
                 LoyCampaign       *campaign)
{
  g_autoptr(GError) error = NULL;
  GObject *found = loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_CAMPAIGN,
                                          loy_campaign_get_uuid (campaign), NULL, &error);

  g_assert_no_error (error);

  return LOY_CAMPAIGN (found);
}

/* Campaigns whose brand image is a file (from before it was kept in the
 * program) get a copy of it when the program is next opened, shown like
 * one chosen since; one whose file is gone keeps its path, is reported
 * by name, and is tried again on the next opening. */
static void
test_migrate_brand_images (TestSqliteFixture *fixture,
                           gconstpointer      data)
{
  g_autofree char *path = write_image (fixture->dir, "brand.png", "png", 2000, 500, TRUE);
  g_autofree char *there = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *gone_path = g_build_filename (fixture->dir, "gone.png", NULL);
  g_autofree char *gone = g_filename_to_uri (gone_path, NULL, NULL);
  g_autoptr(LoyCampaign) branded = create_cashback (fixture, "Branded cashback");
  g_autoptr(LoyCampaign) lost = create_cashback (fixture, "Lost brand");
  g_autoptr(LoyCampaign) kept = NULL;
  g_autoptr(LoyCampaign) left = NULL;
  g_autoptr(LoyCampaign) found = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *uri;
  sqlite3 *raw;

  test_assert_finalized (g_steal_pointer (&fixture->store));
  raw = test_sqlite_open_raw (fixture->path);
  test_sqlite_exec (raw, "UPDATE campaigns SET brand_image = '%s' WHERE uuid = '%s'", there,
                    loy_campaign_get_uuid (branded));
  test_sqlite_exec (raw, "UPDATE campaigns SET brand_image = '%s' WHERE uuid = '%s'", gone,
                    loy_campaign_get_uuid (lost));

  g_test_expect_message ("loy-sqlite", G_LOG_LEVEL_WARNING,
                         "The image of the campaign “Lost brand” was not copied into the program"
                         " and is still read from file://*gone.png: *");
  fixture->store = test_sqlite_store_open (fixture->path);
  kept = lookup_campaign (fixture, branded);
  g_test_assert_expected_messages ();

  uri = loy_campaign_get_brand_image (kept);
  g_assert_nonnull (loy_image_uri_get_uuid (uri));
  bytes = loy_store_load_image_sync (LOY_STORE (fixture->store), uri, NULL, &error);
  g_assert_no_error (error);
  /* Prepared as a chosen image is: at most 1024 pixels wide. */
  assert_image_size (bytes, 1024, 256);
  left = lookup_campaign (fixture, lost);
  g_assert_cmpstr (loy_campaign_get_brand_image (left), ==, gone);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM images"), ==, 1);

  /* The file back in its place: copied in on the next opening, once. */
  test_assert_finalized (g_steal_pointer (&fixture->store));
  g_assert_no_errno (g_rename (path, gone_path));
  fixture->store = test_sqlite_store_open (fixture->path);
  found = lookup_campaign (fixture, lost);
  g_assert_nonnull (loy_image_uri_get_uuid (loy_campaign_get_brand_image (found)));
  g_clear_object (&left);
  left = lookup_campaign (fixture, kept);
  g_assert_cmpstr (loy_campaign_get_brand_image (left), ==, uri);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM images"), ==, 2);
  sqlite3_close (raw);
  g_unlink (gone_path);
}

/* Images no reward or campaign shows go when they are a day old, not
 * before: an editor may have just chosen one. */
static void
test_remove_unused (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  g_autofree char *path = write_image (fixture->dir, "new.png", "png", 32, 32, FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *old = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *brand = NULL;
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();
  g_autoptr(LoyCampaign) created = NULL;
  sqlite3 *raw;

  fresh = loy_store_save_image_sync (LOY_STORE (fixture->store), file, NULL, &error);
  g_assert_no_error (error);
  old = loy_store_save_image_sync (LOY_STORE (fixture->store), file, NULL, &error);
  g_assert_no_error (error);
  shown = loy_store_save_image_sync (LOY_STORE (fixture->store), file, NULL, &error);
  g_assert_no_error (error);
  brand = loy_store_save_image_sync (LOY_STORE (fixture->store), file, NULL, &error);
  g_assert_no_error (error);
  loy_campaign_set_campaign_type (campaign, LOY_CAMPAIGN_TYPE_CASHBACK);
  loy_campaign_set_name (campaign, "Branded cashback");
  loy_campaign_set_point_value_cents (campaign, 200);
  loy_campaign_set_brand_image (campaign, brand);
  created = loy_store_create_campaign_sync (LOY_STORE (fixture->store), campaign, NULL, NULL, &error);
  g_assert_no_error (error);
  test_assert_finalized (g_steal_pointer (&fixture->store));

  raw = test_sqlite_open_raw (fixture->path);
  test_sqlite_exec (raw, "UPDATE images SET created_at = created_at - 2 * 24 * 60 * 60"
                         " WHERE uuid IN ('%s', '%s', '%s')",
                    loy_image_uri_get_uuid (old), loy_image_uri_get_uuid (shown), loy_image_uri_get_uuid (brand));
  test_sqlite_exec (raw,
                    "INSERT INTO rewards (uuid, title, reward_type, required_credits, media_type,"
                    " media_value, created_at) VALUES"
                    " ('reward-shown', 'Tote Bag', 'PHYSICAL', 10, 'image', '%s', 0)", shown);

  fixture->store = test_sqlite_store_open (fixture->path);
  g_assert_null (loy_store_lookup_sync (LOY_STORE (fixture->store), LOY_KIND_REWARD, "none", NULL,
                                        &error));
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM images"), ==, 3);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM images WHERE uuid = '%s'",
                                    loy_image_uri_get_uuid (brand)), ==, 1);
  g_assert_cmpint (test_sqlite_int (raw, "SELECT count(*) FROM images WHERE uuid = '%s'",
                                    loy_image_uri_get_uuid (old)), ==, 0);
  sqlite3_close (raw);
  g_unlink (path);
}

/* A remote account cannot keep images: it says so, and a save fails. */
static void
test_remote (void)
{
  g_autoptr(LoyRestStore) store = loy_rest_store_new ("http://127.0.0.1:9/api", "key");
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  g_assert_false (loy_store_can (LOY_STORE (store), LOY_STORE_CAN_SAVE_IMAGES));
  uri = loy_store_save_image_sync (LOY_STORE (store), file, NULL, &error);
  g_assert_null (uri);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED);
}

#define ADD_TEST(path, func) \
  g_test_add (path, TestSqliteFixture, NULL, test_sqlite_fixture_setup, func, \
              test_sqlite_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/images/prepare", test_prepare);
  ADD_TEST ("/images/save-and-load", test_save_and_load);
  ADD_TEST ("/images/migrate-file-images", test_migrate_file_images);
  ADD_TEST ("/images/migrate-brand-images", test_migrate_brand_images);
  ADD_TEST ("/images/remove-unused", test_remove_unused);
  g_test_add_func ("/images/remote", test_remote);

  return g_test_run ();
}
