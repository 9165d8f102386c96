/* loy-rest-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-rest-json.h"
#include "loy-rest-pages.h"

/* The API's largest "limit". */
#define MAX_PAGE_SIZE       100
/* A server whose pages never end would otherwise keep a query going forever. */
#define MAX_PAGES_PER_QUERY 1000

typedef struct
{
  LoyRestClient     *client;
  char              *path;
  LoyRestPageReader  reader;
  guint              offset;
  /* Where the row at @offset is in the server's list, past hidden rows. */
  guint              server_offset;
  guint              limit;
  guint              page_size;
  /* Whether the server has shown its page size to be page_size. */
  gboolean           size_known;
  /* Whether page_size is a guess from a short page of a list whose "meta"
   * says nothing: the next page tells whether it was the end. */
  gboolean           size_guessed;
  guint              page;
  guint              n_pages_fetched;
  gint64             total;
  gint64             last_page;
  GPtrArray         *rows;
} PagesState;

static void
pages_state_free (PagesState *state)
{
  g_clear_object (&state->client);
  g_clear_pointer (&state->path, g_free);
  g_clear_pointer (&state->rows, g_ptr_array_unref);
  g_free (state);
}

static void fetch_page (GTask *task,
                        guint  page);

/* The first page to fetch for the range, at the believed page size. */
static guint
first_page_of_range (PagesState *state)
{
  return state->server_offset / state->page_size + 1;
}

static gboolean
range_is_fetched (PagesState *state,
                  guint       end)
{
  return state->rows->len >= state->limit || (state->total >= 0 && end >= state->total);
}

/* Takes the page's rows in range; a hidden row (a %NULL item) counts for
 * the server's positions only. */
static void
take_rows (PagesState *state,
           GPtrArray  *items,
           guint       first_index)
{
  g_autoptr(GArray) hidden = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < items->len; i++)
    if (g_ptr_array_index (items, i) == NULL)
      {
        guint index = first_index + i;

        g_array_append_val (hidden, index);
      }

  /* Rows hidden before the range push it on. */
  loy_rest_client_set_hidden_rows (state->client, state->path, first_index, items->len, hidden);
  if (state->rows->len == 0)
    state->server_offset = loy_rest_client_get_row_position (state->client, state->path, state->offset);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (item != NULL && first_index + i >= state->server_offset && state->rows->len < state->limit)
        g_ptr_array_add (state->rows, g_object_ref (item));
    }
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PagesState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  LoyRestPaging paging;
  guint first_index, end;
  gboolean at_end;
  LoyPage *page;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(items = state->reader (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->n_pages_fetched++;
  loy_rest_envelope_get_paging (json_node_get_object (envelope), &paging);

  /* Pages of another size than asked for: the range lies elsewhere. */
  if (!state->size_known)
    {
      gint64 server_size = paging.per_page;

      /* Without a word in "meta", a short page is the end of the list or
       * the server's page size: taken as the size until a page is empty. */
      if (server_size < 0 && items->len > 0 && items->len < state->page_size && paging.last_page < 0)
        {
          server_size = items->len;
          state->size_guessed = TRUE;
        }
      else if (server_size < 0 && items->len > 0 && items->len < state->page_size &&
               paging.last_page > (gint64) state->page)
        {
          server_size = items->len;
        }
      /* More rows than asked for: the server's pages are longer. */
      else if (server_size < 0 && items->len > state->page_size)
        {
          server_size = items->len;
        }

      state->size_known = TRUE;
      if (server_size > 0 && server_size != state->page_size)
        {
          guint page;

          state->page_size = server_size;
          if (!state->size_guessed)
            loy_rest_client_set_page_size (state->client, state->path, server_size);
          page = first_page_of_range (state);
          if (page != state->page)
            {
              fetch_page (g_steal_pointer (&task), page);
              return;
            }
        }
    }
  else if (state->size_guessed && items->len > 0)
    {
      /* Another page came: the guess was the server's page size. */
      state->size_guessed = FALSE;
      loy_rest_client_set_page_size (state->client, state->path, state->page_size);
    }

  if (paging.total >= 0)
    state->total = paging.total;
  if (paging.last_page > 0)
    state->last_page = paging.last_page;

  first_index = (state->page - 1) * state->page_size;
  take_rows (state, items, first_index);

  end = first_index + items->len;
  at_end = items->len < state->page_size || (state->size_guessed && items->len == 0) ||
           (state->last_page > 0 && state->page >= state->last_page);
  if (state->total < 0 && at_end)
    state->total = end;

  if (state->total >= 0 && (range_is_fetched (state, end) || at_end))
    {
      page = loy_page_new (state->total - loy_rest_client_count_hidden_rows (state->client, state->path,
                                                                            state->total));
      g_ptr_array_extend_and_steal (page->items, g_steal_pointer (&state->rows));
      state->rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
      return;
    }

  if (state->n_pages_fetched >= MAX_PAGES_PER_QUERY)
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                               _("The server’s list did not end after %u pages"),
                               state->n_pages_fetched);
      return;
    }

  /* The rows in range are here but not the total: the last page says it. */
  if (range_is_fetched (state, end) && state->last_page > 0 && !at_end)
    fetch_page (g_steal_pointer (&task), state->last_page);
  else
    fetch_page (g_steal_pointer (&task), state->page + 1);
}

static void
fetch_page (GTask *task,
            guint  page)
{
  PagesState *state = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  state->page = page;
  path = g_strdup_printf ("%s%spage=%u&limit=%u", state->path,
                          strchr (state->path, '?') != NULL ? "&" : "?",
                          page, state->page_size);

  loy_rest_client_request_async (state->client, "GET", path, NULL,
                                 g_task_get_cancellable (task),
                                 page_cb, task);
}

void
loy_rest_pages_query_async (gpointer             source,
                            LoyRestClient       *client,
                            const char          *path,
                            LoyRestPageReader    reader,
                            guint                offset,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PagesState *state;
  guint known_size;

  task = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_pages_query_async);

  state = g_new0 (PagesState, 1);
  state->client = g_object_ref (client);
  state->path = g_strdup (path);
  state->reader = reader;
  state->offset = offset;
  state->server_offset = loy_rest_client_get_row_position (client, path, offset);
  state->limit = limit;
  state->total = -1;
  state->last_page = -1;
  state->rows = g_ptr_array_new_with_free_func (g_object_unref);

  known_size = loy_rest_client_get_page_size (client, path);
  state->size_known = known_size > 0;
  state->page_size = known_size > 0 ? known_size : CLAMP (limit, 1, MAX_PAGE_SIZE);
  g_task_set_task_data (task, state, (GDestroyNotify) pages_state_free);

  fetch_page (g_steal_pointer (&task), first_page_of_range (state));
}

LoyPage *
loy_rest_pages_query_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_rest_pages_query_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
