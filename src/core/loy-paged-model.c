/* loy-paged-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-paged-model"

#include "config.h"

#include "loy-paged-model.h"

#define PAGE_SIZE 50
/* Enough pages for a few screens of rows each way; older pages are dropped
 * so scrolling through 200,000 rows keeps memory flat. */
#define MAX_CACHED_PAGES 40
/* The pages a view asked for last, and how far from the newest of them a
 * page may be: more than a list view keeps rows for around its viewport (up
 * to 200), so none of those is ever dropped. Other pages were scrolled past:
 * they are not fetched, and a fetch of one under way is cancelled, which
 * stops its query in the store. */
#define MAX_WANTED_PAGES 8
/* Fetches handed to the store at once. The others wait in the model, where
 * the newest goes first; in the store they could only queue in order. */
#define MAX_FETCHES 1

struct _LoyPagedModel
{
  GObject       parent_instance;

  LoyStore     *store;
  LoyQuery     *query;

  guint         n_items;
  GHashTable   *pages;         /* page index → GPtrArray of items */
  GQueue        page_lru;      /* page indexes, most recently used first */
  GQueue        wanted_pages;  /* page indexes not cached yet, most recently asked first */
  /* Page index → its PageFetch with the store. A fetch cancelled, or of an
   * older query, is no longer in it: its answer is dropped. */
  GHashTable   *fetches;
  /* Fetches the store has not answered yet, cancelled ones too: while it
   * still runs (or skips) them, it gets no others from us. */
  guint         n_outstanding;
  /* Page indexes whose read failed: what loy_paged_model_retry() asks again. */
  GHashTable   *failed_pages;
  GError       *error;
  guint         loaded : 1;
  guint         loading : 1;
};

typedef struct
{
  LoyPagedModel *self;
  GCancellable  *cancellable;
  guint          page_index;
} PageFetch;

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_LOADED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyPagedModel, loy_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
update_loading (LoyPagedModel *self)
{
  gboolean loading = self->wanted_pages.length > 0;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
page_fetch_free (PageFetch *fetch)
{
  g_clear_object (&fetch->self);
  g_clear_object (&fetch->cancellable);
  g_free (fetch);
}

static void
set_error (LoyPagedModel *self,
           const GError  *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
forget_pages (LoyPagedModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->failed_pages);
  g_queue_clear (&self->page_lru);
}

/* Cancels the fetch of @page_index, if under way; its answer is dropped. */
static void
cancel_fetch (LoyPagedModel *self,
              guint          page_index)
{
  PageFetch *fetch = g_hash_table_lookup (self->fetches, GUINT_TO_POINTER (page_index));

  if (fetch == NULL)
    return;

  g_cancellable_cancel (fetch->cancellable);
  g_hash_table_remove (self->fetches, GUINT_TO_POINTER (page_index));
}

static void
cancel_fetches (LoyPagedModel *self)
{
  GHashTableIter iter;
  PageFetch *fetch;

  g_hash_table_iter_init (&iter, self->fetches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &fetch))
    g_cancellable_cancel (fetch->cancellable);
  g_hash_table_remove_all (self->fetches);
  g_queue_clear (&self->wanted_pages);
}

static void
touch_page (LoyPagedModel *self,
            guint          page_index)
{
  g_queue_remove (&self->page_lru, GUINT_TO_POINTER (page_index));
  g_queue_push_head (&self->page_lru, GUINT_TO_POINTER (page_index));

  while (self->page_lru.length > MAX_CACHED_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_lru));
}

static void
store_page (LoyPagedModel *self,
            guint          page_index,
            GPtrArray     *items)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_index), g_ptr_array_ref (items));
  touch_page (self, page_index);
}

static void start_fetches (LoyPagedModel *self);

static void
page_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PageFetch *fetch = user_data;
  g_autoptr(LoyPagedModel) self = g_steal_pointer (&fetch->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = NULL;
  guint page_index = fetch->page_index;
  gboolean current = g_hash_table_lookup (self->fetches, GUINT_TO_POINTER (page_index)) == fetch;

  page_fetch_free (fetch);
  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  self->n_outstanding--;

  if (!current)
    {
      start_fetches (self);
      return;
    }

  g_hash_table_remove (self->fetches, GUINT_TO_POINTER (page_index));
  g_queue_remove (&self->wanted_pages, GUINT_TO_POINTER (page_index));
  start_fetches (self);
  update_loading (self);

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_hash_table_add (self->failed_pages, GUINT_TO_POINTER (page_index));
          set_error (self, error);
        }
      return;
    }

  g_hash_table_remove (self->failed_pages, GUINT_TO_POINTER (page_index));
  set_error (self, NULL);

  /* The first page of a query, or a page showing that the record count
   * changed underneath us: replace everything. */
  if (!self->loaded || page->total != self->n_items)
    {
      guint old_n_items = self->n_items;
      gboolean was_loaded = self->loaded;

      forget_pages (self);
      self->n_items = page->total;
      self->loaded = TRUE;
      store_page (self, page_index, page->items);

      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
      if (old_n_items != self->n_items)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      if (!was_loaded)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
      return;
    }

  store_page (self, page_index, page->items);
  g_list_model_items_changed (G_LIST_MODEL (self),
                              page_index * PAGE_SIZE, page->items->len, page->items->len);
}

static void
fetch_page (LoyPagedModel *self,
            guint          page_index)
{
  PageFetch *fetch = g_new0 (PageFetch, 1);

  fetch->self = g_object_ref (self);
  fetch->cancellable = g_cancellable_new ();
  fetch->page_index = page_index;

  /* The table does not own the fetch: the callback frees it. */
  g_hash_table_insert (self->fetches, GUINT_TO_POINTER (page_index), fetch);
  self->n_outstanding++;

  loy_store_query_async (self->store, self->query,
                         page_index * PAGE_SIZE, PAGE_SIZE,
                         fetch->cancellable, page_fetched_cb, fetch);
}

/* Hands the most recently wanted pages to the store, up to MAX_FETCHES at a
 * time: the page on screen when a drag ends is fetched next, not after
 * every page the scrollbar passed. */
static void
start_fetches (LoyPagedModel *self)
{
  /* Disposed: nothing left to ask. */
  if (self->store == NULL)
    return;

  for (GList *l = self->wanted_pages.head;
       l != NULL && self->n_outstanding < MAX_FETCHES;
       l = l->next)
    {
      guint page_index = GPOINTER_TO_UINT (l->data);

      if (!g_hash_table_contains (self->fetches, l->data))
        fetch_page (self, page_index);
    }
}

static void
want_page (LoyPagedModel *self,
           guint          page_index)
{
  if (self->store == NULL)
    return;

  g_queue_remove (&self->wanted_pages, GUINT_TO_POINTER (page_index));
  g_queue_push_head (&self->wanted_pages, GUINT_TO_POINTER (page_index));

  /* Scrolled past: not fetched, or no longer waited for. */
  while (self->wanted_pages.length > MAX_WANTED_PAGES)
    cancel_fetch (self, GPOINTER_TO_UINT (g_queue_pop_tail (&self->wanted_pages)));
  for (GList *l = self->wanted_pages.head->next, *next; l != NULL; l = next)
    {
      guint wanted = GPOINTER_TO_UINT (l->data);

      next = l->next;
      if (MAX (wanted, page_index) - MIN (wanted, page_index) > MAX_WANTED_PAGES)
        {
          cancel_fetch (self, wanted);
          g_queue_delete_link (&self->wanted_pages, l);
        }
    }

  start_fetches (self);
  update_loading (self);
}

static void
restart (LoyPagedModel *self)
{
  self->loaded = FALSE;
  cancel_fetches (self);
  forget_pages (self);

  want_page (self, 0);
}

static GType
loy_paged_model_get_item_type (GListModel *model)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (model);

  return loy_kind_get_item_type (self->query->kind);
}

static guint
loy_paged_model_get_n_items (GListModel *model)
{
  return LOY_PAGED_MODEL (model)->n_items;
}

static G_DEFINE_QUARK (loy-paged-model-placeholder, placeholder)

/* An empty object of the list's type, marked so that views can tell it
 * from a record (see loy_paged_model_is_placeholder()). */
static gpointer
loy_paged_model_new_placeholder (GType item_type)
{
  GObject *placeholder = g_object_new (item_type, NULL);

  g_object_set_qdata (placeholder, placeholder_quark (), GINT_TO_POINTER (TRUE));

  return placeholder;
}

static gpointer
loy_paged_model_get_item (GListModel *model,
                          guint       position)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (model);
  guint page_index = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_index));
  if (items != NULL && position % PAGE_SIZE < items->len)
    {
      touch_page (self, page_index);
      return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
    }

  want_page (self, page_index);

  return loy_paged_model_new_placeholder (loy_paged_model_get_item_type (model));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = loy_paged_model_get_item_type;
  iface->get_n_items = loy_paged_model_get_n_items;
  iface->get_item = loy_paged_model_get_item;
}

static void
loy_paged_model_constructed (GObject *object)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (object);

  G_OBJECT_CLASS (loy_paged_model_parent_class)->constructed (object);

  g_assert (LOY_IS_STORE (self->store));
  g_assert (self->query != NULL);

  restart (self);
}

static void
loy_paged_model_dispose (GObject *object)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (object);

  /* A page that a worker finished just before this is dropped on arrival. */
  cancel_fetches (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_paged_model_parent_class)->dispose (object);
}

static void
loy_paged_model_finalize (GObject *object)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (object);

  g_clear_pointer (&self->query, loy_query_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->fetches, g_hash_table_unref);
  g_clear_pointer (&self->failed_pages, g_hash_table_unref);
  g_queue_clear (&self->page_lru);
  g_queue_clear (&self->wanted_pages);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (loy_paged_model_parent_class)->finalize (object);
}

static void
loy_paged_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_paged_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LoyPagedModel *self = LOY_PAGED_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      self->query = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_paged_model_class_init (LoyPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = loy_paged_model_constructed;
  object_class->dispose = loy_paged_model_dispose;
  object_class->finalize = loy_paged_model_finalize;
  object_class->get_property = loy_paged_model_get_property;
  object_class->set_property = loy_paged_model_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        LOY_TYPE_QUERY,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_paged_model_init (LoyPagedModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->fetches = g_hash_table_new (NULL, NULL);
  self->failed_pages = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->page_lru);
  g_queue_init (&self->wanted_pages);
}

LoyPagedModel *
loy_paged_model_new (LoyStore       *store,
                     const LoyQuery *query)
{
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return g_object_new (LOY_TYPE_PAGED_MODEL,
                       "store", store,
                       "query", query,
                       NULL);
}

LoyStore *
loy_paged_model_get_store (LoyPagedModel *self)
{
  g_return_val_if_fail (LOY_IS_PAGED_MODEL (self), NULL);

  return self->store;
}

const LoyQuery *
loy_paged_model_get_query (LoyPagedModel *self)
{
  g_return_val_if_fail (LOY_IS_PAGED_MODEL (self), NULL);

  return self->query;
}

void
loy_paged_model_set_query (LoyPagedModel  *self,
                           const LoyQuery *query)
{
  g_return_if_fail (LOY_IS_PAGED_MODEL (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (query->kind == self->query->kind);

  g_clear_pointer (&self->query, loy_query_free);
  self->query = loy_query_copy (query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);

  restart (self);
}

void
loy_paged_model_set_search (LoyPagedModel *self,
                            const char    *search)
{
  g_autoptr(LoyQuery) query = NULL;

  g_return_if_fail (LOY_IS_PAGED_MODEL (self));

  if (g_strcmp0 (search, self->query->search) == 0)
    return;

  query = loy_query_copy (self->query);
  g_free (query->search);
  query->search = g_strdup (search);

  loy_paged_model_set_query (self, query);
}

void
loy_paged_model_reload (LoyPagedModel *self)
{
  g_return_if_fail (LOY_IS_PAGED_MODEL (self));

  restart (self);
}

void
loy_paged_model_retry (LoyPagedModel *self)
{
  g_autofree gpointer *failed = NULL;
  guint n_failed;

  g_return_if_fail (LOY_IS_PAGED_MODEL (self));

  if (!self->loaded)
    {
      restart (self);
      return;
    }

  failed = g_hash_table_get_keys_as_array (self->failed_pages, &n_failed);
  g_hash_table_remove_all (self->failed_pages);
  set_error (self, NULL);
  for (guint i = 0; i < n_failed; i++)
    want_page (self, GPOINTER_TO_UINT (failed[i]));
}

gboolean
loy_paged_model_get_loading (LoyPagedModel *self)
{
  g_return_val_if_fail (LOY_IS_PAGED_MODEL (self), FALSE);

  return self->loading;
}

const GError *
loy_paged_model_get_error (LoyPagedModel *self)
{
  g_return_val_if_fail (LOY_IS_PAGED_MODEL (self), NULL);

  return self->error;
}

gboolean
loy_paged_model_get_loaded (LoyPagedModel *self)
{
  g_return_val_if_fail (LOY_IS_PAGED_MODEL (self), FALSE);

  return self->loaded;
}

guint
loy_paged_model_get_page_size (LoyPagedModel *self)
{
  return PAGE_SIZE;
}

/**
 * loy_paged_model_is_placeholder:
 * @item: an item of a #LoyPagedModel
 *
 * Whether @item stands in for a row whose page has not arrived yet: it has
 * no record behind it, so a view shows it empty and does not activate it.
 */
gboolean
loy_paged_model_is_placeholder (gpointer item)
{
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  return g_object_get_qdata (item, placeholder_quark ()) != NULL;
}
