/* test-paged-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "loy-core.h"

/* A store of @n_shops shops named "Shop N" that answers on an idle, so the
 * model's asynchronous paths run as they do with a real backend. */

#define TEST_TYPE_FAKE_STORE (test_fake_store_get_type ())
G_DECLARE_FINAL_TYPE (TestFakeStore, test_fake_store, TEST, FAKE_STORE, GObject)

struct _TestFakeStore
{
  GObject    parent_instance;
  guint      n_shops;
  guint      n_queries;
  guint      n_cancelled; /* queries cancelled before their answer */
  GPtrArray *searches; /* the search text of every query, in order */
  GArray    *answered; /* the offset of every query answered, in order */
  gboolean   fail;
};

static void fake_store_iface_init (LoyStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestFakeStore, test_fake_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_STORE, fake_store_iface_init))

typedef struct
{
  LoyQuery *query;
  guint     offset;
  guint     limit;
} FakeQuery;

static void
fake_query_free (FakeQuery *fake)
{
  loy_query_free (fake->query);
  g_free (fake);
}

static gboolean
answer_query (gpointer user_data)
{
  GTask *task = user_data;
  TestFakeStore *self = g_task_get_source_object (task);
  FakeQuery *fake = g_task_get_task_data (task);
  guint n_matches = 0;
  LoyPage *page;

  if (g_task_return_error_if_cancelled (task))
    {
      self->n_cancelled++;
      return G_SOURCE_REMOVE;
    }

  g_array_append_val (self->answered, fake->offset);

  if (self->fail)
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NETWORK, "The server went away");
      return G_SOURCE_REMOVE;
    }

  page = loy_page_new (0);
  for (guint i = 0; i < self->n_shops; i++)
    {
      g_autofree char *name = g_strdup_printf ("Shop %u", i);

      if (loy_query_has_search (fake->query) && strstr (name, fake->query->search) == NULL)
        continue;
      if (n_matches >= fake->offset && n_matches < fake->offset + fake->limit)
        {
          g_autofree char *uuid = g_strdup_printf ("shop-%u", i);
          g_ptr_array_add (page->items, loy_shop_new (uuid, name));
        }
      n_matches++;
    }
  page->total = n_matches;

  g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
  return G_SOURCE_REMOVE;
}

static void
fake_store_query_async (LoyStore            *store,
                        const LoyQuery      *query,
                        guint                offset,
                        guint                limit,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  TestFakeStore *self = TEST_FAKE_STORE (store);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  FakeQuery *fake = g_new0 (FakeQuery, 1);

  fake->query = loy_query_copy (query);
  fake->offset = offset;
  fake->limit = limit;
  g_task_set_task_data (task, fake, (GDestroyNotify) fake_query_free);

  self->n_queries++;
  g_ptr_array_add (self->searches, g_strdup (query->search));

  g_idle_add_full (G_PRIORITY_DEFAULT, answer_query, task, g_object_unref);
}

static LoyStoreCapabilities
fake_store_get_capabilities (LoyStore *store)
{
  return LOY_STORE_CAN_LIST_SHOPS | LOY_STORE_CAN_SEARCH;
}

static void
fake_store_iface_init (LoyStoreInterface *iface)
{
  iface->get_capabilities = fake_store_get_capabilities;
  iface->query_async = fake_store_query_async;
}

static void
test_fake_store_finalize (GObject *object)
{
  g_ptr_array_unref (TEST_FAKE_STORE (object)->searches);
  g_array_unref (TEST_FAKE_STORE (object)->answered);

  G_OBJECT_CLASS (test_fake_store_parent_class)->finalize (object);
}

static void
test_fake_store_class_init (TestFakeStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_fake_store_finalize;
}

static void
test_fake_store_init (TestFakeStore *self)
{
  self->searches = g_ptr_array_new_with_free_func (g_free);
  self->answered = g_array_new (FALSE, FALSE, sizeof (guint));
}

static TestFakeStore *
fake_store_new (guint n_shops)
{
  TestFakeStore *self = g_object_new (TEST_TYPE_FAKE_STORE, NULL);

  self->n_shops = n_shops;
  return self;
}

static void
wait_for_idle (LoyPagedModel *model)
{
  while (loy_paged_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

static LoyPagedModel *
new_shop_model (TestFakeStore *store)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_SHOP);

  return loy_paged_model_new (LOY_STORE (store), query);
}

static void
test_paged_model_first_page (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (1234);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  guint position, removed, added;

  gt_signal_logger_connect (logger, model, "items-changed");
  gt_signal_logger_connect (logger, model, "notify::loaded");

  /* Nothing is known until the store has answered. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (loy_paged_model_get_loading (model));
  g_assert_false (loy_paged_model_get_loaded (model));
  g_assert_cmpuint (store->n_queries, ==, 1);

  wait_for_idle (model);

  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1234);
  gt_signal_logger_assert_notify_emission_pop (logger, model, "loaded");
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1234);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == LOY_TYPE_SHOP);
  {
    g_autoptr(LoyShop) shop = g_list_model_get_item (G_LIST_MODEL (model), 7);
    g_assert_cmpstr (loy_shop_get_name (shop), ==, "Shop 7");
  }
  /* Only the first page was fetched to count and show the top rows. */
  g_assert_cmpuint (store->n_queries, ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1234));
}

static void
test_paged_model_lazy_page (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (1000);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  guint page_size = loy_paged_model_get_page_size (model);
  guint position, removed, added;

  wait_for_idle (model);
  gt_signal_logger_connect (logger, model, "items-changed");

  /* A row far down is a placeholder until its page arrives; asking twice
   * fetches the page once. */
  {
    g_autoptr(LoyShop) placeholder = g_list_model_get_item (G_LIST_MODEL (model), 10 * page_size + 3);
    g_autoptr(LoyShop) again = g_list_model_get_item (G_LIST_MODEL (model), 10 * page_size + 4);

    g_assert_true (LOY_IS_SHOP (placeholder));
    g_assert_null (loy_shop_get_uuid (placeholder));
    g_assert_true (loy_paged_model_is_placeholder (placeholder));
    g_assert_null (loy_shop_get_uuid (again));
  }
  g_assert_cmpuint (store->n_queries, ==, 2);

  wait_for_idle (model);

  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 10 * page_size);
  g_assert_cmpuint (removed, ==, page_size);
  g_assert_cmpuint (added, ==, page_size);
  gt_signal_logger_assert_no_emissions (logger);

  {
    g_autoptr(LoyShop) shop = g_list_model_get_item (G_LIST_MODEL (model), 10 * page_size + 3);
    g_autofree char *expected = g_strdup_printf ("shop-%u", 10 * page_size + 3);

    g_assert_cmpstr (loy_shop_get_uuid (shop), ==, expected);
    g_assert_false (loy_paged_model_is_placeholder (shop));
  }
  g_assert_cmpuint (store->n_queries, ==, 2);
}

static void
test_paged_model_search (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (300);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  guint position, removed, added;

  wait_for_idle (model);
  gt_signal_logger_connect (logger, model, "items-changed");

  loy_paged_model_set_search (model, "Shop 12");
  wait_for_idle (model);

  /* The search went to the store, and the list was replaced whole:
   * "Shop 12" and "Shop 120" … "Shop 129". */
  g_assert_cmpstr (g_ptr_array_index (store->searches, store->searches->len - 1), ==, "Shop 12");
  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 300);
  g_assert_cmpuint (added, ==, 11);
  gt_signal_logger_assert_no_emissions (logger);

  /* The same search again asks nothing. */
  loy_paged_model_set_search (model, "Shop 12");
  g_assert_false (loy_paged_model_get_loading (model));
}

static void
test_paged_model_stale_answer (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (300);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);

  /* Typing faster than the store answers: only the last search counts. */
  loy_paged_model_set_search (model, "Shop 1");
  loy_paged_model_set_search (model, "Shop 29");
  wait_for_idle (model);

  /* The search in between never reached the store: it waited behind the
   * first query and was replaced before that was answered. */
  g_assert_cmpuint (store->n_queries, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (store->searches, 1), ==, "Shop 29");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
}

static void
test_paged_model_error (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (10);
  g_autoptr(LoyPagedModel) model = NULL;
  const GError *error;

  store->fail = TRUE;
  model = new_shop_model (store);
  wait_for_idle (model);

  error = loy_paged_model_get_error (model);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_NETWORK);
  g_assert_false (loy_paged_model_get_loaded (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* A successful reload clears the error. */
  store->fail = FALSE;
  loy_paged_model_reload (model);
  wait_for_idle (model);
  g_assert_null (loy_paged_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
}

/* A later page that failed is read again alone; the rows read are kept. */
static void
test_paged_model_retry (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (200);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  guint page_size = loy_paged_model_get_page_size (model);
  g_autoptr(GObject) placeholder = NULL;
  g_autoptr(GObject) item = NULL;
  guint n_answered;

  wait_for_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);

  store->fail = TRUE;
  placeholder = g_list_model_get_item (G_LIST_MODEL (model), 2 * page_size + 3);
  g_assert_true (loy_paged_model_is_placeholder (placeholder));
  wait_for_idle (model);
  g_assert_error (loy_paged_model_get_error (model), LOY_ERROR, LOY_ERROR_NETWORK);

  store->fail = FALSE;
  n_answered = store->answered->len;
  loy_paged_model_retry (model);
  g_assert_null (loy_paged_model_get_error (model));
  wait_for_idle (model);
  g_assert_cmpuint (store->answered->len, ==, n_answered + 1);
  g_assert_cmpuint (g_array_index (store->answered, guint, n_answered), ==, 2 * page_size);

  item = g_list_model_get_item (G_LIST_MODEL (model), 2 * page_size + 3);
  g_assert_false (loy_paged_model_is_placeholder (item));
  g_assert_cmpuint (store->answered->len, ==, n_answered + 1);
  g_clear_object (&item);
  /* The first page was kept. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (loy_paged_model_is_placeholder (item));
  g_assert_cmpuint (store->answered->len, ==, n_answered + 1);
}

static void
test_paged_model_bounded_cache (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (100000);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  guint page_size = loy_paged_model_get_page_size (model);
  guint n_queries;

  wait_for_idle (model);

  /* Scroll through 100 pages: the first one is dropped from the cache and
   * fetched again when it comes back into view. */
  for (guint page = 1; page <= 100; page++)
    {
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), page * page_size));
      wait_for_idle (model);
    }
  n_queries = store->n_queries;

  {
    g_autoptr(LoyShop) top = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_null (loy_shop_get_uuid (top));
  }
  g_assert_cmpuint (store->n_queries, ==, n_queries + 1);
  wait_for_idle (model);

  /* A recently seen page is still cached. */
  {
    g_autoptr(LoyShop) recent = g_list_model_get_item (G_LIST_MODEL (model), 99 * page_size);
    g_assert_nonnull (loy_shop_get_uuid (recent));
  }
  g_assert_cmpuint (store->n_queries, ==, n_queries + 1);
}

static gboolean
is_real_row (LoyPagedModel *model,
             guint          position)
{
  g_autoptr(LoyShop) shop = g_list_model_get_item (G_LIST_MODEL (model), position);

  return loy_shop_get_uuid (shop) != NULL;
}

/* Dragging the scrollbar from top to bottom asks for a row of every page
 * faster than the store answers. The pages scrolled past are not fetched
 * (or their fetch is cancelled), and the page the drag ends on comes next:
 * the rows on screen do not wait for the whole way down. */
static void
test_paged_model_drag (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (20000);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  guint page_size = loy_paged_model_get_page_size (model);
  guint n_pages = 20000 / page_size;
  guint last_page = n_pages - 1;
  guint n_queries;

  wait_for_idle (model);
  n_queries = store->n_queries;
  g_array_set_size (store->answered, 0);

  for (guint page = 1; page < n_pages; page++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), page * page_size + 10));

  /* The drag has ended on the last page: the store was asked for the first
   * page passed, and nothing else, yet. */
  g_assert_cmpuint (store->n_queries - n_queries, ==, 1);

  wait_for_idle (model);

  /* Those first pages were cancelled once scrolled past, and the last page
   * is the first one answered after them: the rows on screen are real. */
  g_assert_cmpuint (store->n_cancelled, ==, store->n_queries - n_queries - store->answered->len);
  g_assert_cmpuint (store->n_cancelled, >=, 1);
  g_assert_cmpuint (store->answered->len, >=, 1);
  g_assert_cmpuint (g_array_index (store->answered, guint, 0), ==, last_page * page_size);
  g_assert_true (is_real_row (model, last_page * page_size + 10));

  /* Only the pages near the end were fetched: a bounded number of queries,
   * not one per page passed. */
  g_assert_cmpuint (store->n_queries - n_queries, <=, 10);
  g_assert_false (is_real_row (model, page_size + 10));
  for (guint i = 0; i < store->answered->len; i++)
    g_assert_cmpuint (g_array_index (store->answered, guint, i), >=, (last_page - 10) * page_size);

  /* Back to the top: again only pages near the end of the drag are
   * fetched, and the rows there are real. */
  g_array_set_size (store->answered, 0);
  n_queries = store->n_queries;
  for (guint page = last_page; page-- > 0;)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), page * page_size + 10));
  wait_for_idle (model);

  g_assert_cmpuint (store->n_queries - n_queries, <=, 10);
  for (guint i = 0; i < store->answered->len; i++)
    g_assert_cmpuint (g_array_index (store->answered, guint, i), <, 10 * page_size);
  g_assert_true (is_real_row (model, 10));
  g_assert_true (is_real_row (model, page_size + 10));
}

/* A jump far down (a click in the scrollbar's trough) cancels the fetch
 * under way of the page left behind, even among the last pages asked for;
 * the pages around the new place are all fetched. */
static void
test_paged_model_jump (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (20000);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  guint page_size = loy_paged_model_get_page_size (model);

  wait_for_idle (model);
  g_array_set_size (store->answered, 0);

  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 5 * page_size + 1));
  for (guint page = 300; page < 303; page++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), page * page_size + 1));
  wait_for_idle (model);

  g_assert_cmpuint (store->n_cancelled, ==, 1);
  g_assert_false (is_real_row (model, 5 * page_size + 1));
  for (guint page = 300; page < 303; page++)
    g_assert_true (is_real_row (model, page * page_size + 1));
  g_assert_cmpuint (store->answered->len, ==, 3);
}

/* A page that arrives after the model was disposed changes nothing. */
static void
test_paged_model_disposed (void)
{
  g_autoptr(TestFakeStore) store = fake_store_new (200);
  g_autoptr(LoyPagedModel) model = new_shop_model (store);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  guint page_size = loy_paged_model_get_page_size (model);

  wait_for_idle (model);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 2 * page_size));
  g_assert_true (loy_paged_model_get_loading (model));
  gt_signal_logger_connect (logger, model, "items-changed");

  g_object_run_dispose (G_OBJECT (model));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gt_signal_logger_assert_no_emissions (logger);

  /* Asking for a row now fetches nothing. */
  {
    guint n_queries = store->n_queries;
    g_autoptr(LoyShop) shop = g_list_model_get_item (G_LIST_MODEL (model), 3 * page_size);

    g_assert_null (loy_shop_get_uuid (shop));
    g_assert_cmpuint (store->n_queries, ==, n_queries);
  }
}

static void
test_paged_model_finalizes (void)
{
  TestFakeStore *store = fake_store_new (10);
  LoyPagedModel *model = new_shop_model (store);

  /* Dropped while a fetch is under way: the answer must not touch it. */
  g_assert_true (loy_paged_model_get_loading (model));
  g_object_unref (model);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paged-model/first-page", test_paged_model_first_page);
  g_test_add_func ("/paged-model/lazy-page", test_paged_model_lazy_page);
  g_test_add_func ("/paged-model/search", test_paged_model_search);
  g_test_add_func ("/paged-model/stale-answer", test_paged_model_stale_answer);
  g_test_add_func ("/paged-model/error", test_paged_model_error);
  g_test_add_func ("/paged-model/retry", test_paged_model_retry);
  g_test_add_func ("/paged-model/bounded-cache", test_paged_model_bounded_cache);
  g_test_add_func ("/paged-model/jump", test_paged_model_jump);
  g_test_add_func ("/paged-model/drag", test_paged_model_drag);
  g_test_add_func ("/paged-model/disposed", test_paged_model_disposed);
  g_test_add_func ("/paged-model/finalizes", test_paged_model_finalizes);

  return g_test_run ();
}
