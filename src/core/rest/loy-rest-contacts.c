/* loy-rest-contacts.c — a Piggy account's contacts and their attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-json-piggy.h"
#include "loy-rest-ops.h"
#include "loy-rest-pages.h"

/* Lists */

static gboolean
is_exact_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strpbrk (text, " \t\r\n") == NULL;
}

/* Why the API cannot answer a contact query, in the user's words, or NULL
 * when it can. */
static const char *
find_unsupported_filter (const LoyQuery *query)
{
  if (query->level_uuid != NULL)
    return _("The account’s API cannot filter contacts by level");
  if (query->segment_uuid != NULL || query->criteria != NULL)
    return _("The account’s API cannot filter contacts by segment");
  if (query->exclude_uuids != NULL)
    return _("The account’s API cannot leave chosen contacts out of a list");
  if (query->sort != NULL && !g_str_equal (query->sort, "created_at") && !g_str_equal (query->sort, "-created_at"))
    return _("The account’s API sorts contacts by the date they joined only");
  if (query->only_active || query->only_inactive || query->reward_types != 0 ||
      query->visible_to_contact != NULL || query->platform != 0 || query->shop_uuid != NULL ||
      query->ledger_types != 0 || query->parent_uuid != NULL)
    return _("The account’s API cannot filter contacts by a reward or history filter");

  return NULL;
}

static void
found_by_email_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  gboolean past_range = GPOINTER_TO_UINT (g_task_get_task_data (task));
  LoyPage *page;
  LoyContact *contact;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_FOUND))
    {
      g_task_return_pointer (task, loy_page_new (0), (GDestroyNotify) loy_page_free);
      return;
    }

  if (envelope == NULL ||
      !(contact = loy_piggy_contact_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = loy_page_new (1);
  if (past_range)
    g_object_unref (contact);
  else
    g_ptr_array_add (page->items, contact);
  g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
}

static void
find_by_email (LoyStore            *store,
               LoyRestClient       *client,
               const char          *email,
               guint                offset,
               guint                limit,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  g_autofree char *escaped = g_uri_escape_string (email, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/contacts/find-one-by?email=", escaped, NULL);

  g_task_set_source_tag (task, find_by_email);

  /* One contact at most: a page past it is empty, with the same total. */
  if (offset > 0 || limit == 0)
    g_task_set_task_data (task, GUINT_TO_POINTER (1), NULL);

  loy_rest_client_request_async (client, "GET", path, NULL, cancellable,
                                 found_by_email_cb, g_steal_pointer (&task));
}

static void
attributes_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  guint *range = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(attributes = loy_piggy_contact_attributes_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  page = loy_page_new (attributes->len);
  for (guint i = range[0]; i < attributes->len && i - range[0] < range[1]; i++)
    g_ptr_array_add (page->items, g_object_ref (attributes->pdata[i]));

  g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
}

static void
query_attributes (LoyStore            *store,
                  LoyRestClient       *client,
                  const LoyQuery      *query,
                  guint                offset,
                  guint                limit,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint *range;

  if (loy_query_has_filter (query) || query->sort != NULL)
    {
      g_task_report_new_error (store, callback, user_data, query_attributes,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               _("The server lists contact attributes whole, without searching, "
                                 "filtering or sorting"));
      return;
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, query_attributes);
  range = g_new (guint, 2);
  range[0] = offset;
  range[1] = limit;
  g_task_set_task_data (task, range, g_free);

  loy_rest_client_request_async (client, "GET", "/contact-attributes", NULL, cancellable,
                                 attributes_cb, g_steal_pointer (&task));
}

/* A search in the index, once it is filled */

/* The index's contacts are up to date enough for a search this recent. */
#define INDEX_FRESH_SECONDS 60

typedef struct
{
  LoyRestIndex  *index;
  LoyRestClient *client;
  char          *text;
  guint          offset;
  guint          limit;
} IndexSearch;

static void
index_search_free (IndexSearch *search)
{
  g_clear_object (&search->client);
  g_free (search->text);
  g_free (search);
}

static void
index_searched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  if (!(page = loy_rest_index_search_finish (result, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
}

static void
search_index_now (GTask *task)
{
  IndexSearch *search = g_task_get_task_data (task);

  loy_rest_index_search_async (search->index, search->text, search->offset, search->limit,
                               g_task_get_cancellable (task), index_searched_cb, task);
}

static void
index_filled_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (loy_rest_index_fill_finish (LOY_REST_CLIENT (object), result, &error) < 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
    }
  else
    search_index_now (task);
}

static void
key_checked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  GError *error = NULL;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
    }
  else
    search_index_now (task);
}

static void
filled_at_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  IndexSearch *search = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  gint64 filled_at = loy_rest_index_read_filled_at_finish (result, &error);

  if (filled_at < 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* A fill under way or stopped: what the index holds is the answer for now,
   * once the server has taken the key — the file on disk is no proof that
   * it still does. The smallest page of contacts asks it. */
  if ((filled_at > 0 && g_get_real_time () / G_USEC_PER_SEC - filled_at < INDEX_FRESH_SECONDS) ||
      loy_rest_index_is_filling (search->index) || loy_rest_index_get_paused (search->index))
    {
      if (loy_rest_client_get_key_accepted (search->client))
        search_index_now (task);
      else
        loy_rest_client_request_async (search->client, "GET", "/contacts?page=1&limit=1", NULL, cancellable,
                                       key_checked_cb, task);
      return;
    }

  loy_rest_index_fill_async (search->index, search->client, NULL, NULL, cancellable, index_filled_cb, task);
}

static void
search_index (LoyStore            *store,
              LoyRestClient       *client,
              LoyRestIndex        *index,
              const char          *text,
              guint                offset,
              guint                limit,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  IndexSearch *search = g_new0 (IndexSearch, 1);

  g_task_set_source_tag (task, search_index);
  search->index = index;
  search->client = g_object_ref (client);
  search->text = g_strdup (text);
  search->offset = offset;
  search->limit = limit;
  g_task_set_task_data (task, search, (GDestroyNotify) index_search_free);

  loy_rest_index_read_filled_at_async (index, cancellable, filled_at_read_cb, task);
}

void
loy_rest_contacts_query_async (LoyStore            *store,
                               LoyRestClient       *client,
                               LoyRestIndex        *index,
                               const LoyQuery      *query,
                               guint                offset,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;
  const char *unsupported;

  if (query->kind == LOY_KIND_CONTACT_ATTRIBUTE)
    {
      query_attributes (store, client, query, offset, limit, cancellable, callback, user_data);
      return;
    }

  g_return_if_fail (query->kind == LOY_KIND_CONTACT);

  if ((unsupported = find_unsupported_filter (query)) != NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_contacts_query_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED, "%s", unsupported);
      return;
    }

  if (loy_query_has_search (query))
    {
      g_autofree char *email = g_strstrip (g_strdup (query->search));

      if (!is_exact_email (email) && index != NULL)
        {
          search_index (store, client, index, email, offset, limit, cancellable, callback, user_data);
          return;
        }

      if (!is_exact_email (email))
        {
          g_task_report_new_error (store, callback, user_data, loy_rest_contacts_query_async,
                                   LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                                   _("The server finds a contact by an exact email address only, "
                                     "not by part of a name or address"));
          return;
        }

      find_by_email (store, client, email, offset, limit, cancellable, callback, user_data);
      return;
    }

  path = query->sort != NULL ? g_strconcat ("/contacts?sort=", query->sort, NULL) : g_strdup ("/contacts");
  loy_rest_pages_query_async (store, client, path, loy_piggy_contacts_from_json, offset, limit,
                              cancellable, callback, user_data);
}

/* One contact, with its tier and prepaid balance */

typedef struct
{
  LoyRestClient *client;
  /* Where the contact read is brought up to date (an enrolled one added),
   * so that a search finds it as it is now. */
  LoyRestIndex  *index;
  gboolean       enrolling;
  LoyContact    *contact;
  /* For an enrolment: what else to set once the contact exists. */
  JsonObject    *changes;
  char          *email;
  char          *lost_because;
} ContactState;

static void
contact_state_free (ContactState *state)
{
  g_clear_object (&state->client);
  g_clear_object (&state->contact);
  g_clear_pointer (&state->changes, json_object_unref);
  g_free (state->email);
  g_free (state->lost_because);
  g_free (state);
}

static GTask *
contact_task_new (LoyStore            *store,
                  LoyRestClient       *client,
                  LoyRestIndex        *index,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  ContactState *state = g_new0 (ContactState, 1);

  state->client = g_object_ref (client);
  state->index = index;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, state, (GDestroyNotify) contact_state_free);
  return task;
}

static void
contact_indexed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The index is a cache: a contact it misses is found once it is filled again. */
  if (!loy_rest_index_write_finish (result, &error))
    g_debug ("%s", error->message);

  g_task_return_pointer (task, g_steal_pointer (&state->contact), g_object_unref);
}

static void
prepaid_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cents;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  /* An account without prepaid balances has none for anyone. */
  if (envelope != NULL)
    {
      if (!loy_piggy_prepaid_balance_from_json (loy_rest_envelope_get_data (envelope), &cents, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      loy_contact_set_prepaid_balance_cents (state->contact, cents);
    }
  else if (!g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);

  if (state->index == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&state->contact), g_object_unref);
      return;
    }

  /* Returned once written, so that a search after finds it as it is now. */
  (state->enrolling ? loy_rest_index_add_async : loy_rest_index_update_async)
    (state->index, state->contact, contact_indexed_cb, g_steal_pointer (&task));
}

static void
read_prepaid_balance (GTask *task)
{
  ContactState *state = g_task_get_task_data (task);
  g_autofree char *contact_path = loy_rest_path_for ("contacts", loy_contact_get_uuid (state->contact));
  g_autofree char *path = g_strconcat (contact_path, "/prepaid-balance", NULL);

  loy_rest_client_request_async (state->client, "GET", path, NULL, g_task_get_cancellable (task),
                                 prepaid_cb, task);
}

static void
tier_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(LoyLevel) tier = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *data;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  /* An account without tiers has no tier for anyone. */
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_FOUND))
    {
      read_prepaid_balance (g_steal_pointer (&task));
      return;
    }

  if (envelope == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = loy_rest_envelope_get_data (envelope);
  if (!JSON_NODE_HOLDS_NULL (data) && !(tier = loy_piggy_tier_from_json (data, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (tier != NULL)
    loy_contact_set_level (state->contact, loy_level_get_uuid (tier), loy_level_get_name (tier));

  read_prepaid_balance (g_steal_pointer (&task));
}

static void
contact_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contact_path = NULL;
  g_autofree char *path = NULL;

  g_clear_object (&state->contact);
  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(state->contact = loy_piggy_contact_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      if (state->lost_because != NULL)
        g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                                 _("The server’s answer was lost (%s) and the contact could not be "
                                   "read (%s): look the contact up before trying again"),
                                 state->lost_because, error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  contact_path = loy_rest_path_for ("contacts", loy_contact_get_uuid (state->contact));
  path = g_strconcat (contact_path, "/tier", NULL);
  loy_rest_client_request_async (state->client, "GET", path, NULL, cancellable,
                                 tier_cb, g_steal_pointer (&task));
}

static void
read_contact (GTask      *task,
              const char *uuid)
{
  ContactState *state = g_task_get_task_data (task);
  g_autofree char *path = loy_rest_path_for ("contacts", uuid);

  loy_rest_client_request_async (state->client, "GET", path, NULL, g_task_get_cancellable (task),
                                 contact_read_cb, task);
}

void
loy_rest_contacts_lookup_async (LoyStore            *store,
                                LoyRestClient       *client,
                                LoyRestIndex        *index,
                                const char          *uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  read_contact (contact_task_new (store, client, index, loy_rest_contacts_lookup_async,
                                  cancellable, callback, user_data),
                uuid);
}

/* Enrolling: POST /contacts answers the UUID only, then the names and
 * attributes are set and the contact read. */

static void
enrolled_changes_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyContact) contact = NULL;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(contact = loy_piggy_contact_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_new_error (task, LOY_ERROR, error->domain == LOY_ERROR ? error->code : LOY_ERROR_FAILED,
                               _("%s was enrolled, but the name and attributes were not saved: %s"),
                               state->email, error->message);
      return;
    }

  read_contact (g_steal_pointer (&task), loy_contact_get_uuid (contact));
}

static void
set_enrolled_changes (GTask      *task,
                      const char *uuid)
{
  ContactState *state = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  if (json_object_get_size (state->changes) == 0)
    {
      read_contact (task, uuid);
      return;
    }

  /* The changes were checked before the contact was created. */
  body = loy_piggy_contact_changes_to_json (state->changes, NULL);
  path = loy_rest_path_for ("contacts", uuid);
  loy_rest_client_request_async (state->client, "PUT", path, body, g_task_get_cancellable (task),
                                 enrolled_changes_cb, task);
}

/* After a POST whose answer was lost: the contact is there or not. */
static void
enrolment_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyContact) contact = NULL;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_FOUND))
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE,
                               _("The server’s answer was lost (%s) and %s is not enrolled: "
                                 "nothing changed, enrol again"),
                               state->lost_because, state->email);
      return;
    }

  if (envelope == NULL ||
      !(contact = loy_piggy_contact_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                               _("The server’s answer was lost (%s) and whether %s was enrolled "
                                 "could not be read (%s): look the address up before trying again"),
                               state->lost_because, state->email, error->message);
      return;
    }

  set_enrolled_changes (g_steal_pointer (&task), loy_contact_get_uuid (contact));
}

static void
enrolled_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  JsonNode *data;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    {
      g_autofree char *escaped = g_uri_escape_string (state->email, NULL, FALSE);
      g_autofree char *path = g_strconcat ("/contacts/find-one-by?email=", escaped, NULL);

      state->lost_because = g_strdup (error->message);
      loy_rest_client_request_async (state->client, "GET", path, NULL, cancellable,
                                     enrolment_checked_cb, g_steal_pointer (&task));
      return;
    }

  if (envelope == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = loy_rest_envelope_get_data (envelope);
  if (!JSON_NODE_HOLDS_OBJECT (data) ||
      !(uuid = g_strdup (json_object_get_string_member_with_default (json_node_get_object (data), "uuid", NULL))))
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                               _("The server enrolled %s but sent no “uuid”"), state->email);
      return;
    }

  set_enrolled_changes (g_steal_pointer (&task), uuid);
}

void
loy_rest_contacts_enroll_async (LoyStore            *store,
                                LoyRestClient       *client,
                                LoyRestIndex        *index,
                                LoyContact          *contact,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = contact_task_new (store, client, index, loy_rest_contacts_enroll_async,
                                            cancellable, callback, user_data);
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) checked = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *attributes = loy_contact_get_attributes (contact);
  const char *email = loy_contact_get_email (contact);
  JsonObject *object;

  state->enrolling = TRUE;

  if (email == NULL || email[0] == '\0')
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("A contact needs an email address"));
      return;
    }

  state->email = g_strdup (email);
  state->changes = json_object_new ();
  if (loy_contact_get_first_name (contact) != NULL)
    json_object_set_string_member (state->changes, "first_name", loy_contact_get_first_name (contact));
  if (loy_contact_get_last_name (contact) != NULL)
    json_object_set_string_member (state->changes, "last_name", loy_contact_get_last_name (contact));
  if (attributes != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, attributes);
      while (json_object_iter_next_ordered (&iter, &key, &value))
        json_object_set_member (state->changes, key, json_node_copy (value));
    }

  /* Refused before anything is written, rather than after the contact exists. */
  if (!(checked = loy_piggy_contact_changes_to_json (state->changes, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "email", email);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  loy_rest_client_request_async (client, "POST", "/contacts", body, cancellable,
                                 enrolled_cb, g_steal_pointer (&task));
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ContactState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(state->contact = loy_piggy_contact_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  read_contact (g_steal_pointer (&task), loy_contact_get_uuid (state->contact));
}

void
loy_rest_contacts_update_async (LoyStore            *store,
                                LoyRestClient       *client,
                                LoyRestIndex        *index,
                                const char          *uuid,
                                JsonObject          *changes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = contact_task_new (store, client, index, loy_rest_contacts_update_async,
                                            cancellable, callback, user_data);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!(body = loy_piggy_contact_changes_to_json (changes, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  path = loy_rest_path_for ("contacts", uuid);
  loy_rest_client_request_async (client, "PUT", path, body, cancellable,
                                 updated_cb, g_steal_pointer (&task));
}
