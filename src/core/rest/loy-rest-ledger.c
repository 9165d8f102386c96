/* loy-rest-ledger.c — a contact's history on a Piggy account, and the
 * writes to it: credit receptions (awards and corrections), reward
 * receptions, their reversal
 *
 * A write is never sent twice: the API has no idempotency key, so a second
 * POST after a lost answer could award the points twice. When the answer is
 * lost, the contact's newest history tells whether the write happened: an
 * entry made since it was sent, of its kind and size, and not seen before.
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

/* How far back of the server's clock at sending an entry may be dated and
 * still be the write's: its Date header counts whole seconds. */
#define CLOCK_SLACK_SECONDS 2
/* The newest entries read to find a write whose answer was lost. */
#define CHECK_PAGE_SIZE     10

/* The history */

typedef struct
{
  LoyRestClient *client;
  char          *contact_uuid;
} HistoryState;

static void
history_state_free (HistoryState *state)
{
  g_clear_object (&state->client);
  g_free (state->contact_uuid);
  g_free (state);
}

static void
remember_entries (LoyRestClient *client,
                  GPtrArray     *entries,
                  const char    *contact_uuid)
{
  for (guint i = 0; i < entries->len; i++)
    {
      LoyLedgerEntry *entry = entries->pdata[i];

      LoyLedgerEntry *seen = loy_rest_client_lookup_entry (client, loy_ledger_entry_get_uuid (entry));

      if (loy_ledger_entry_get_contact_uuid (entry) == NULL)
        loy_ledger_entry_set_contact_uuid (entry, contact_uuid);

      /* The history does not say what was reversed, or what a reversal
       * reverses: what this session did, it knows (what an earlier one did,
       * it kept, and remember_entries_async() recalled). */
      if (seen != NULL && loy_ledger_entry_get_reversed (seen))
        loy_ledger_entry_set_reversed (entry, TRUE);
      if (seen != NULL && loy_ledger_entry_get_entry_type (seen) == LOY_LEDGER_ENTRY_TYPE_REVERSAL)
        {
          loy_ledger_entry_set_entry_type (entry, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
          loy_ledger_entry_set_reverses_uuid (entry, loy_ledger_entry_get_reverses_uuid (seen));
          if (loy_ledger_entry_get_reason (entry) == NULL)
            loy_ledger_entry_set_reason (entry, loy_ledger_entry_get_reason (seen));
        }

      loy_rest_client_remember_entry (client, entry);
    }
}

/* Goes on with @task once @page's entries are remembered; takes both. */
typedef void (*RememberedFunc) (GTask   *task,
                                LoyPage *page);

typedef struct
{
  GTask          *task;
  LoyRestClient  *client;
  LoyPage        *page;
  char           *contact_uuid;
  RememberedFunc  then;
} Remembering;

static void
entries_recalled_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Remembering *remembering = user_data;

  loy_rest_client_recall_entries_finish (remembering->client, result, NULL);
  remember_entries (remembering->client, remembering->page->items, remembering->contact_uuid);
  remembering->then (remembering->task, remembering->page);

  g_object_unref (remembering->client);
  g_free (remembering->contact_uuid);
  g_free (remembering);
}

/* remember_entries() once what earlier sessions kept of them is recalled,
 * which may wait for the notes' file. */
static void
remember_entries_async (GTask          *task,
                        LoyRestClient  *client,
                        LoyPage        *page,
                        const char     *contact_uuid,
                        RememberedFunc  then)
{
  Remembering *remembering = g_new0 (Remembering, 1);

  remembering->task = task;
  remembering->client = g_object_ref (client);
  remembering->page = page;
  remembering->contact_uuid = g_strdup (contact_uuid);
  remembering->then = then;
  loy_rest_client_recall_entries_async (client, page->items, g_task_get_cancellable (task),
                                        entries_recalled_cb, remembering);
}

static void
return_history_page (GTask   *task,
                     LoyPage *page)
{
  g_task_return_pointer (task, page, (GDestroyNotify) loy_page_free);
  g_object_unref (task);
}

static void
history_page_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  HistoryState *state = g_task_get_task_data (task);
  GError *error = NULL;
  LoyPage *page;

  if (!(page = loy_rest_pages_query_finish (result, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  remember_entries_async (task, state->client, page, state->contact_uuid, return_history_page);
}

/* The API's "type" for a mask of ledger types: all, credit receptions
 * (corrections are negative ones) or reward receptions. */
static gboolean
type_for_mask (guint        mask,
               const char **type)
{
  guint credits = 1 << LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION | 1 << LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;
  guint rewards = 1 << LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION;
  /* Entries a Piggy account never has. */
  guint absent = 1 << LOY_LEDGER_ENTRY_TYPE_WELCOME | 1 << LOY_LEDGER_ENTRY_TYPE_EXPIRY |
                 1 << LOY_LEDGER_ENTRY_TYPE_REVERSAL;

  mask &= ~absent;
  *type = NULL;

  if (mask == 0 || mask == (credits | rewards))
    return TRUE;
  if (mask == credits)
    *type = "credit_receptions";
  else if (mask == rewards)
    *type = "reward_receptions";

  return *type != NULL;
}

void
loy_rest_ledger_query_async (LoyStore            *store,
                             LoyRestClient       *client,
                             const LoyQuery      *query,
                             guint                offset,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  HistoryState *state;
  const char *type;

  if (query->parent_uuid == NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_ledger_query_async,
                               LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("The history is a contact’s: name one"));
      return;
    }

  if (loy_query_has_search (query) || query->sort != NULL || !type_for_mask (query->ledger_types, &type))
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_ledger_query_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               _("The server lists a contact’s history newest first, whole or as "
                                 "credit or reward receptions only"));
      return;
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_ledger_query_async);
  state = g_new0 (HistoryState, 1);
  state->client = g_object_ref (client);
  state->contact_uuid = g_strdup (query->parent_uuid);
  g_task_set_task_data (task, state, (GDestroyNotify) history_state_free);

  escaped = g_uri_escape_string (query->parent_uuid, NULL, FALSE);
  path = g_strdup_printf ("/loyalty-transactions?contact_uuid=%s%s%s", escaped,
                          type != NULL ? "&type=" : "", type != NULL ? type : "");
  loy_rest_pages_query_async (store, client, path, loy_piggy_transactions_from_json, offset, limit,
                              cancellable, history_page_cb, g_steal_pointer (&task));
}

/* The API reads no reception by UUID: an entry is one seen in a history. */
void
loy_rest_ledger_lookup_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const char          *entry_uuid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  LoyLedgerEntry *entry = loy_rest_client_lookup_entry (client, entry_uuid);

  g_task_set_source_tag (task, loy_rest_ledger_lookup_async);

  if (entry == NULL)
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                             _("Entry %s is not in any history read so far: the API finds an entry "
                               "only through its contact’s history, so read that first"),
                             entry_uuid);
  else
    g_task_return_pointer (task, g_object_ref (entry), g_object_unref);
}

/* Writes */

typedef struct
{
  LoyRestClient      *client;
  char               *contact_uuid;
  char               *shop_uuid;
  /* POST @path with what build_body() makes of the rest. */
  char               *path;
  LoyAward            award;
  char               *reason;
  char               *reward_uuid;
  /* The entry reversed, or NULL. */
  LoyLedgerEntry     *reversed;
  /* What the written entry is, which the API's answer cannot say. */
  LoyLedgerEntryType  entry_type;
  gboolean            adjustment;
  /* On the server's clock. */
  gint64              sent_at;
  char               *lost_because;
} WriteState;

static void
write_state_free (WriteState *state)
{
  g_clear_object (&state->client);
  g_clear_object (&state->reversed);
  g_free (state->contact_uuid);
  g_free (state->shop_uuid);
  g_free (state->path);
  g_free (state->reason);
  g_free (state->reward_uuid);
  g_free (state->lost_because);
  g_free (state);
}

static GTask *
write_task_new (LoyStore            *store,
                LoyRestClient       *client,
                const char          *contact_uuid,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  WriteState *state = g_new0 (WriteState, 1);

  state->client = g_object_ref (client);
  state->contact_uuid = g_strdup (contact_uuid);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, state, (GDestroyNotify) write_state_free);
  return task;
}

/* What the store's caller gets of the entry the server wrote. */
static LoyLedgerEntry *
finish_entry (WriteState     *state,
              LoyLedgerEntry *entry)
{
  if (loy_ledger_entry_get_contact_uuid (entry) == NULL)
    loy_ledger_entry_set_contact_uuid (entry, state->contact_uuid);

  if (state->adjustment)
    loy_ledger_entry_set_entry_type (entry, LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT);

  if (state->reversed != NULL)
    {
      loy_ledger_entry_set_entry_type (entry, LOY_LEDGER_ENTRY_TYPE_REVERSAL);
      loy_ledger_entry_set_reverses_uuid (entry, loy_ledger_entry_get_uuid (state->reversed));
      loy_ledger_entry_set_reversed (state->reversed, TRUE);
      loy_rest_client_note_entry (state->client, state->reversed);
    }

  if (loy_ledger_entry_get_reason (entry) == NULL)
    loy_ledger_entry_set_reason (entry, state->reason);

  loy_rest_client_note_entry (state->client, entry);
  return entry;
}

/* Whether @entry, found in the history, is the write of @state. */
static gboolean
is_the_write (WriteState     *state,
              LoyLedgerEntry *entry)
{
  gboolean is_reward = loy_ledger_entry_get_entry_type (entry) == LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION;

  if (loy_ledger_entry_get_created_at (entry) < state->sent_at - CLOCK_SLACK_SECONDS ||
      loy_rest_client_lookup_entry (state->client, loy_ledger_entry_get_uuid (entry)) != NULL)
    return FALSE;

  if (state->reward_uuid != NULL)
    return is_reward && g_strcmp0 (loy_ledger_entry_get_reward_uuid (entry), state->reward_uuid) == 0;

  if (is_reward)
    return FALSE;

  if (state->reversed != NULL)
    return loy_ledger_entry_get_credits (entry) == -loy_ledger_entry_get_credits (state->reversed);

  if (state->award.amount_cents > 0)
    return loy_ledger_entry_get_purchase_amount_cents (entry) == state->award.amount_cents;

  return loy_ledger_entry_get_credits (entry) == state->award.points;
}

static void
return_write_not_done (GTask   *task,
                       LoyPage *page)
{
  WriteState *state = g_task_get_task_data (task);

  g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE,
                           _("%s; the contact’s history shows it was not made, so nothing changed "
                             "and it can be done again"),
                           state->lost_because);
  g_object_unref (task);
  loy_page_free (page);
}

static void
history_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = NULL;

  if (!(page = loy_rest_pages_query_finish (result, &error)))
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                               _("%s, and the contact’s history could not be read to find out (%s): "
                                 "look at the history before trying again"),
                               state->lost_because, error->message);
      return;
    }

  /* Newest first: the write, when it happened, is among the first. */
  for (guint i = 0; i < page->items->len; i++)
    {
      LoyLedgerEntry *entry = page->items->pdata[i];

      if (is_the_write (state, entry))
        {
          g_debug ("The answer was lost, and the history shows entry %s", loy_ledger_entry_get_uuid (entry));
          g_task_return_pointer (task, g_object_ref (finish_entry (state, entry)), g_object_unref);
          return;
        }
    }

  remember_entries_async (g_steal_pointer (&task), state->client, g_steal_pointer (&page),
                          state->contact_uuid, return_write_not_done);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gpointer source = g_task_get_source_object (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  LoyLedgerEntry *entry;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    {
      state->lost_because = g_strdup (error->message);
      escaped = g_uri_escape_string (state->contact_uuid, NULL, FALSE);
      path = g_strconcat ("/loyalty-transactions?contact_uuid=", escaped, NULL);
      loy_rest_pages_query_async (source, state->client, path,
                                  loy_piggy_transactions_from_json, 0, CHECK_PAGE_SIZE,
                                  cancellable, history_checked_cb, g_steal_pointer (&task));
      return;
    }

  if (envelope == NULL ||
      !(entry = loy_piggy_transaction_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, finish_entry (state, entry), g_object_unref);
}

static JsonNode *
build_body (WriteState  *state,
            GError     **error)
{
  JsonObject *object;

  if (state->reversed != NULL)
    return NULL;

  if (state->reward_uuid == NULL)
    return loy_piggy_credit_reception_to_json (state->contact_uuid, state->shop_uuid, &state->award, error);

  object = json_object_new ();
  json_object_set_string_member (object, "contact_uuid", state->contact_uuid);
  json_object_set_string_member (object, "reward_uuid", state->reward_uuid);
  json_object_set_string_member (object, "shop_uuid", state->shop_uuid);
  return json_node_init_object (json_node_alloc (), object);
}

static void
send_write (GTask *task)
{
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;

  if (!(body = build_body (state, &error)) && error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  state->sent_at = loy_rest_client_get_server_time (state->client);
  loy_rest_client_request_async (state->client, "POST", state->path, body,
                                 g_task_get_cancellable (task), written_cb, task);
}

static void
shop_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!(state->shop_uuid = loy_rest_account_find_shop_finish (LOY_REST_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_write (g_steal_pointer (&task));
}

static void
write_at_shop (GTask      *task,
               const char *shop_uuid)
{
  WriteState *state = g_task_get_task_data (task);

  loy_rest_account_find_shop_async (state->client, shop_uuid, g_task_get_cancellable (task),
                                    shop_found_cb, task);
}

static gboolean
check_award (const LoyAward  *award,
             GError         **error)
{
  if (award->action != NULL)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _("A Piggy account has no actions to award points for: award an amount or points"));
      return FALSE;
    }

  if (award->amount_cents < 0 || (award->amount_cents == 0 && award->points == 0))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Award a purchase amount above zero or a number of points"));
      return FALSE;
    }

  return TRUE;
}

static void
start_award (GTask          *task,
             const char     *shop_uuid,
             const LoyAward *award,
             gboolean        adjustment)
{
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!check_award (award, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  state->path = g_strdup ("/credit-receptions");
  state->award.points = award->points;
  state->award.amount_cents = award->amount_cents;
  state->reason = g_strdup (award->reason);
  state->award.reason = state->reason;
  state->adjustment = adjustment;

  write_at_shop (task, shop_uuid);
}

void
loy_rest_ledger_award_async (LoyStore            *store,
                             LoyRestClient       *client,
                             const char          *shop_uuid,
                             const char          *contact_uuid,
                             const LoyAward      *award,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  start_award (write_task_new (store, client, contact_uuid, loy_rest_ledger_award_async,
                               cancellable, callback, user_data),
               shop_uuid, award, FALSE);
}

void
loy_rest_ledger_adjust_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const char          *shop_uuid,
                              const char          *contact_uuid,
                              gint64               credits,
                              const char          *reason,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = write_task_new (store, client, contact_uuid, loy_rest_ledger_adjust_async,
                                cancellable, callback, user_data);
  LoyAward award = { .points = credits, .reason = reason };
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (stripped[0] == '\0')
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                               _("An adjustment needs a reason"));
      g_object_unref (task);
      return;
    }

  start_award (task, shop_uuid, &award, TRUE);
}

void
loy_rest_ledger_redeem_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const char          *shop_uuid,
                              const char          *contact_uuid,
                              const char          *reward_uuid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = write_task_new (store, client, contact_uuid, loy_rest_ledger_redeem_async,
                                cancellable, callback, user_data);
  WriteState *state = g_task_get_task_data (task);

  state->path = g_strdup ("/reward-receptions");
  state->reward_uuid = g_strdup (reward_uuid);

  write_at_shop (task, shop_uuid);
}

void
loy_rest_ledger_reverse_async (LoyStore            *store,
                               LoyRestClient       *client,
                               const char          *entry_uuid,
                               const char          *reason,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoyLedgerEntry *entry = loy_rest_client_lookup_entry (client, entry_uuid);
  g_autofree char *reception_path = NULL;
  WriteState *state;
  GTask *task;

  if (entry == NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_ledger_reverse_async,
                               LOY_ERROR, LOY_ERROR_NOT_FOUND,
                               _("Entry %s is not in any history read so far: the API finds an entry "
                                 "only through its contact’s history, so read that first"),
                               entry_uuid);
      return;
    }

  /* As the local store refuses them: the server may not, once the session
   * that knew is gone. */
  if (loy_ledger_entry_get_entry_type (entry) == LOY_LEDGER_ENTRY_TYPE_REVERSAL ||
      loy_ledger_entry_get_reversed (entry))
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_ledger_reverse_async,
                               LOY_ERROR, LOY_ERROR_CONFLICT, "%s",
                               loy_ledger_entry_get_reversed (entry)
                               ? _("This entry has already been reversed")
                               : _("A reversal cannot itself be reversed; make an adjustment instead"));
      return;
    }

  task = write_task_new (store, client, loy_ledger_entry_get_contact_uuid (entry),
                         loy_rest_ledger_reverse_async, cancellable, callback, user_data);
  state = g_task_get_task_data (task);
  state->reversed = g_object_ref (entry);
  /* POST …/reverse takes no reason: the API keeps none, the desk does. */
  state->reason = g_strdup (reason);
  reception_path = loy_rest_path_for (loy_ledger_entry_get_entry_type (entry) == LOY_LEDGER_ENTRY_TYPE_REWARD_RECEPTION
                                      ? "reward-receptions" : "credit-receptions",
                                      entry_uuid);
  state->path = g_strconcat (reception_path, "/reverse", NULL);

  send_write (task);
}

/* The preview */

static void
calculated_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *entry;
  gint64 credits;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !loy_piggy_credits_from_json (loy_rest_envelope_get_data (envelope), &credits, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  entry = loy_ledger_entry_new ();
  loy_ledger_entry_set_contact_uuid (entry, state->contact_uuid);
  loy_ledger_entry_set_entry_type (entry, LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
  loy_ledger_entry_set_credits (entry, credits);
  loy_ledger_entry_set_purchase_amount_cents (entry, state->award.amount_cents);
  g_task_return_pointer (task, entry, g_object_unref);
}

static void
preview_shop_found_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *shop = NULL, *contact = NULL, *path = NULL;
  char amount[G_ASCII_DTOSTR_BUF_SIZE];

  if (!(state->shop_uuid = loy_rest_account_find_shop_finish (LOY_REST_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  shop = g_uri_escape_string (state->shop_uuid, NULL, FALSE);
  contact = g_uri_escape_string (state->contact_uuid, NULL, FALSE);
  g_snprintf (amount, sizeof amount, "%" G_GINT64_FORMAT ".%02d",
              state->award.amount_cents / 100, (int) (state->award.amount_cents % 100));
  path = g_strdup_printf ("/credit-receptions/calculate?shop_uuid=%s&contact_uuid=%s&unit_value=%s",
                          shop, contact, amount);
  loy_rest_client_request_async (state->client, "GET", path, NULL, cancellable,
                                 calculated_cb, g_steal_pointer (&task));
}

void
loy_rest_ledger_preview_async (LoyStore            *store,
                               LoyRestClient       *client,
                               const char          *shop_uuid,
                               const char          *contact_uuid,
                               const LoyAward      *award,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = write_task_new (store, client, contact_uuid, loy_rest_ledger_preview_async,
                                cancellable, callback, user_data);
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  LoyLedgerEntry *entry;

  if (!check_award (award, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* Points are what they are: only an amount goes through the rules. */
  if (award->amount_cents == 0)
    {
      entry = loy_ledger_entry_new ();
      loy_ledger_entry_set_contact_uuid (entry, contact_uuid);
      loy_ledger_entry_set_entry_type (entry, LOY_LEDGER_ENTRY_TYPE_CREDIT_RECEPTION);
      loy_ledger_entry_set_credits (entry, award->points);
      g_task_return_pointer (task, entry, g_object_unref);
      g_object_unref (task);
      return;
    }

  state->award.amount_cents = award->amount_cents;
  loy_rest_account_find_shop_async (client, shop_uuid, cancellable, preview_shop_found_cb, task);
}
