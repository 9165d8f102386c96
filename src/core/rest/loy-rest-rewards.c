/* loy-rest-rewards.c — rewards on a Piggy account: lists, one reward, updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-json.h"
#include "loy-reward-changes.h"
#include "loy-rest-json.h"
#include "loy-rest-ops.h"

/* The API has no search parameter, so a search fetches the whole reward
 * list (reward lists are small) in pages of this size and filters it here. */
#define WHOLE_LIST_PAGE_SIZE 100
/* The page size for a query that only counts (limit 0). */
#define COUNT_PAGE_SIZE      50
/* A server whose pages never end would otherwise keep a query going forever. */
#define MAX_PAGES_PER_QUERY  1000

/* Querying rewards.
 *
 * The API numbers its pages from 1 and takes their size as "limit", so a
 * query for [offset, offset + limit) asks for pages of size limit from the
 * one holding offset on, and keeps the rows in range. The total comes from
 * "meta": {"total": n} when the server sends it. The seed's server sends
 * "meta": {}, so otherwise the total is found where the list ends: at the
 * first page shorter than requested, walking on past the range if need be
 * (reward lists are small). A server that ignores paging and sends more rows
 * than asked for has sent the whole list. */

typedef struct
{
  LoyRestClient *client;
  /* Casefolded; NULL when only the rows in range are kept. */
  char      *search;
  /* Only the rewards this contact can claim (the API's contact_uuid). */
  char      *contact_uuid;
  /* Only the rewards of this shop (the API's shop_uuid). */
  char      *shop_uuid;
  /* A search or a sort needs the whole list, which is then ordered here. */
  gboolean   whole_list;
  /* "required_credits" or "title", or NULL for the server's order. */
  char      *sort_key;
  gboolean   descending;
  guint      offset;
  guint      limit;
  guint      page_size;
  /* The page being fetched, from 1. */
  guint      page;
  /* Whether the list is known to reach the first row of that page. */
  gboolean   page_within_list;
  guint      n_pages_fetched;
  /* (element-type LoyReward): the rows in range, or every row for a search. */
  GPtrArray *rewards;
} QueryState;

static void
query_state_free (QueryState *state)
{
  g_clear_object (&state->client);
  g_clear_pointer (&state->search, g_free);
  g_clear_pointer (&state->contact_uuid, g_free);
  g_clear_pointer (&state->shop_uuid, g_free);
  g_clear_pointer (&state->sort_key, g_free);
  g_clear_pointer (&state->rewards, g_ptr_array_unref);
  g_free (state);
}

static void query_fetch_page (GTask *task);

static gboolean
text_matches (const char *text,
              const char *casefolded_search)
{
  g_autofree char *casefolded = NULL;

  if (text == NULL)
    return FALSE;

  casefolded = g_utf8_casefold (text, -1);
  return strstr (casefolded, casefolded_search) != NULL;
}

static int
compare_rewards (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  QueryState *state = user_data;
  LoyReward *first = *(LoyReward **) a;
  LoyReward *second = *(LoyReward **) b;
  int order;

  if (g_str_equal (state->sort_key, "required_credits"))
    order = (loy_reward_get_required_credits (first) > loy_reward_get_required_credits (second)) -
            (loy_reward_get_required_credits (first) < loy_reward_get_required_credits (second));
  else
    order = g_utf8_collate (loy_reward_get_title (first) ? loy_reward_get_title (first) : "",
                            loy_reward_get_title (second) ? loy_reward_get_title (second) : "");

  return state->descending ? -order : order;
}

static LoyPage *
query_state_build_page (QueryState *state,
                        guint       total)
{
  g_autoptr(GPtrArray) matches = NULL;
  LoyPage *page;

  if (!state->whole_list)
    {
      page = loy_page_new (total);
      g_ptr_array_extend_and_steal (page->items, g_steal_pointer (&state->rewards));
      return page;
    }

  matches = g_ptr_array_new ();
  for (guint i = 0; i < state->rewards->len; i++)
    {
      LoyReward *reward = g_ptr_array_index (state->rewards, i);

      if (state->search == NULL ||
          text_matches (loy_reward_get_title (reward), state->search) ||
          text_matches (loy_reward_get_description (reward), state->search))
        g_ptr_array_add (matches, reward);
    }

  /* Stable: rewards of equal credits keep the server's order. */
  if (state->sort_key != NULL)
    g_ptr_array_sort_with_data (matches, compare_rewards, state);

  page = loy_page_new (matches->len);
  for (guint i = state->offset; i < matches->len && i - state->offset < state->limit; i++)
    g_ptr_array_add (page->items, g_object_ref (g_ptr_array_index (matches, i)));

  return page;
}

static void
query_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  QueryState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) rewards = NULL;
  g_autoptr(GError) error = NULL;
  guint first_index;
  guint end;
  guint total = 0;
  gboolean has_total;
  gboolean at_list_end;
  gboolean wanted_rows_fetched;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(rewards = loy_rewards_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  state->n_pages_fetched++;
  has_total = loy_rest_envelope_get_total (json_node_get_object (envelope), &total);
  first_index = (state->page - 1) * state->page_size;

  if (rewards->len > state->page_size)
    {
      /* Paging ignored: this is the whole list. */
      first_index = 0;
      g_ptr_array_set_size (state->rewards, 0);
      at_list_end = TRUE;
    }
  else if (rewards->len == 0 && !has_total && !state->page_within_list)
    {
      /* The range starts past the end of the list, and where the list
       * ends can only be found by walking it from the start. */
      state->page = 1;
      state->page_within_list = TRUE;
      query_fetch_page (g_steal_pointer (&task));
      return;
    }
  else
    {
      at_list_end = rewards->len < state->page_size;
    }

  for (guint i = 0; i < rewards->len; i++)
    {
      guint index = first_index + i;

      if (state->whole_list ||
          (index >= state->offset && index - state->offset < state->limit))
        g_ptr_array_add (state->rewards, g_object_ref (g_ptr_array_index (rewards, i)));
    }

  end = first_index + rewards->len;
  if (!has_total && at_list_end)
    {
      total = end;
      has_total = TRUE;
    }

  /* A search needs every row; a plain query the rows in range. */
  if (state->whole_list)
    wanted_rows_fetched = has_total && end >= total;
  else
    wanted_rows_fetched = has_total && (end >= total || (guint64) end >= (guint64) state->offset + state->limit);

  if (at_list_end || wanted_rows_fetched)
    {
      g_task_return_pointer (task,
                             query_state_build_page (state, total),
                             (GDestroyNotify) loy_page_free);
      return;
    }

  if (state->n_pages_fetched >= MAX_PAGES_PER_QUERY)
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                               _("The server’s list did not end after %u pages"),
                               state->n_pages_fetched);
      return;
    }

  state->page++;
  state->page_within_list = TRUE;
  query_fetch_page (g_steal_pointer (&task));
}

static void
query_fetch_page (GTask *task)
{
  QueryState *state = g_task_get_task_data (task);
  g_autofree char *escaped_contact = state->contact_uuid != NULL
                                     ? g_uri_escape_string (state->contact_uuid, NULL, FALSE)
                                     : NULL;
  g_autofree char *escaped_shop = state->shop_uuid != NULL
                                  ? g_uri_escape_string (state->shop_uuid, NULL, FALSE)
                                  : NULL;
  g_autofree char *path = g_strdup_printf ("/rewards?page=%u&limit=%u%s%s%s%s", state->page, state->page_size,
                                           escaped_contact != NULL ? "&contact_uuid=" : "",
                                           escaped_contact != NULL ? escaped_contact : "",
                                           escaped_shop != NULL ? "&shop_uuid=" : "",
                                           escaped_shop != NULL ? escaped_shop : "");

  loy_rest_client_request_async (state->client, "GET", path, NULL,
                                 g_task_get_cancellable (task),
                                 query_page_cb, task);
}

/* The name of a filter of @query that the API cannot apply, or %NULL.
 * The search is done here, visible_to_contact is the API's contact_uuid
 * and shop_uuid its own; ignoring any other filter would list rewards the caller
 * asked to leave out. */
static const char *
find_unsupported_filter (const LoyQuery *query)
{
  if (query->platform != 0)
    return "platform";
  if (query->only_active)
    return "only_active";
  if (query->only_inactive)
    return "only_inactive";
  if (query->reward_types != 0)
    return "reward_types";
  if (query->sort != NULL &&
      !g_str_equal (query->sort + (query->sort[0] == '-'), "required_credits") &&
      !g_str_equal (query->sort + (query->sort[0] == '-'), "title"))
    return "sort";
  if (query->level_uuid != NULL)
    return "level_uuid";
  if (query->segment_uuid != NULL)
    return "segment_uuid";
  if (query->parent_uuid != NULL)
    return "parent_uuid";
  if (query->criteria != NULL)
    return "criteria";
  if (query->ledger_types != 0)
    return "ledger_types";
  if (query->exclude_uuids != NULL)
    return "exclude_uuids";

  return NULL;
}

void
loy_rest_rewards_query_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const LoyQuery      *query,
                              guint                offset,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *filter;
  QueryState *state;

  if ((filter = find_unsupported_filter (query)) != NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_rewards_query_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is the name of a filter, such as shop_uuid */
                               _("The server cannot filter rewards by %s"), filter);
      return;
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_rewards_query_async);

  state = g_new0 (QueryState, 1);
  state->client = g_object_ref (client);
  state->offset = offset;
  state->limit = limit;
  state->rewards = g_ptr_array_new_with_free_func (g_object_unref);
  state->contact_uuid = g_strdup (query->visible_to_contact);
  state->shop_uuid = g_strdup (query->shop_uuid);

  if (query->sort != NULL)
    {
      state->descending = query->sort[0] == '-';
      state->sort_key = g_strdup (query->sort + state->descending);
    }

  if (loy_query_has_search (query))
    state->search = g_utf8_casefold (query->search, -1);

  state->whole_list = state->search != NULL || state->sort_key != NULL;
  if (state->whole_list)
    {
      state->page_size = WHOLE_LIST_PAGE_SIZE;
      state->page = 1;
    }
  else
    {
      state->page_size = limit > 0 ? limit : COUNT_PAGE_SIZE;
      state->page = offset / state->page_size + 1;
    }

  state->page_within_list = state->page == 1;
  g_task_set_task_data (task, state, (GDestroyNotify) query_state_free);

  query_fetch_page (g_steal_pointer (&task));
}

/* Rewards one by one. */

/* Ends @task with the reward in the "data" of a request's response. */
static void
return_reward_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyReward *reward;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(reward = loy_reward_from_json (loy_rest_envelope_get_data (envelope), &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, reward, g_object_unref);
}

void
loy_rest_rewards_lookup_async (LoyStore            *store,
                               LoyRestClient       *client,
                               const char          *uuid,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_rewards_lookup_async);

  path = loy_rest_path_for ("rewards", uuid);
  loy_rest_client_request_async (client, "GET", path, NULL, cancellable,
                                 return_reward_cb, g_steal_pointer (&task));
}

/* The API changes the title, description, required credits and custom
 * attributes only. Any other field fails the update as a whole rather than
 * being dropped. */
static gboolean
check_changes_supported (JsonObject  *changes,
                         GError     **error)
{
  static const char * const changeable_fields[] = { "title", "description", "required_credits", NULL };
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, NULL))
    {
      if (loy_reward_json_key_is_field (key) && !g_strv_contains (changeable_fields, key))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                       _("The server cannot change a reward’s “%s”"), key);
          return FALSE;
        }
    }

  return TRUE;
}

void
loy_rest_rewards_update_async (LoyStore            *store,
                               LoyRestClient       *client,
                               const char          *uuid,
                               JsonObject          *changes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_rewards_update_async);

  if (!loy_reward_changes_validate (changes, &error) ||
      !check_changes_supported (changes, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  body = json_node_init_object (json_node_alloc (), changes);
  path = loy_rest_path_for ("rewards", uuid);
  loy_rest_client_request_async (client, "PUT", path, body, cancellable,
                                 return_reward_cb, g_steal_pointer (&task));
}

