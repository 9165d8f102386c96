/* loy-rest-vouchers.c — a promotion's vouchers on a Piggy account: listed
 * page by page, created one at a time or in a batch, found by code, redeemed
 *
 * Like every write, creating and redeeming are sent once. When the answer
 * is lost, the voucher's code tells whether it happened: a voucher made
 * with a code (one is made up when none is given) exists or not, and a
 * redeemed one says when it was last redeemed. A batch is made later by the
 * server, so a lost answer to one cannot be checked.
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

/* The API's largest batch. */
#define MAX_BATCH_QUANTITY  500
/* How far back of the server's clock at sending a redemption may be dated
 * and still be the write's: its Date header counts whole seconds. */
#define CLOCK_SLACK_SECONDS 2
/* A made-up code: letters and digits that cannot be mistaken for others. */
#define CODE_ALPHABET       "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#define CODE_LENGTH         10

static gboolean
check_text (const char  *value,
            const char  *message,
            GError     **error)
{
  g_autofree char *stripped = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (stripped == NULL || stripped[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  return TRUE;
}

void
loy_rest_vouchers_list_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const char          *promotion_uuid,
                              guint                offset,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *escaped = NULL, *path = NULL;
  g_autoptr(GError) error = NULL;

  if (!check_text (promotion_uuid, _("Choose the promotion whose vouchers to list"), &error))
    {
      g_task_report_error (store, callback, user_data, loy_rest_vouchers_list_async,
                           g_steal_pointer (&error));
      return;
    }

  escaped = g_uri_escape_string (promotion_uuid, NULL, FALSE);
  path = g_strconcat ("/vouchers?promotion_uuid=", escaped, NULL);
  loy_rest_pages_query_async (store, client, path, loy_piggy_vouchers_from_json,
                              offset, limit, cancellable, callback, user_data);
}

/* Finding by code */

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyVoucher *voucher;

  if (!(envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) ||
      !(voucher = loy_piggy_voucher_from_json (loy_rest_envelope_get_data (envelope), &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, voucher, g_object_unref);
}

/* The voucher of @code, as a #LoyVoucher of a task of @source. */
static void
find_voucher (gpointer             source,
              LoyRestClient       *client,
              const char          *code,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  g_autofree char *escaped = g_uri_escape_string (code, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/vouchers/find?code=", escaped, NULL);

  g_task_set_source_tag (task, source_tag);
  loy_rest_client_request_async (client, "GET", path, NULL, cancellable,
                                 found_cb, g_steal_pointer (&task));
}

void
loy_rest_vouchers_find_async (LoyStore            *store,
                              LoyRestClient       *client,
                              const char          *code,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  if (!check_text (code, _("Type the voucher’s code"), &error))
    {
      g_task_report_error (store, callback, user_data, loy_rest_vouchers_find_async,
                           g_steal_pointer (&error));
      return;
    }

  find_voucher (store, client, code, loy_rest_vouchers_find_async, cancellable, callback, user_data);
}

/* Writes */

typedef struct
{
  LoyRestClient *client;
  char          *code;
  JsonNode      *body;
  char          *path;
  /* Whether the write is a redemption (else a new voucher). */
  gboolean       redeeming;
  /* On the server's clock. */
  gint64         sent_at;
  char          *lost_because;
} WriteState;

static void
write_state_free (WriteState *state)
{
  g_clear_object (&state->client);
  g_clear_pointer (&state->body, json_node_unref);
  g_free (state->code);
  g_free (state->path);
  g_free (state->lost_because);
  g_free (state);
}

static GTask *
write_task_new (LoyStore            *store,
                LoyRestClient       *client,
                const char          *path,
                const char          *code,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  WriteState *state = g_new0 (WriteState, 1);

  state->client = g_object_ref (client);
  state->path = g_strdup (path);
  state->code = g_strdup (code);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, state, (GDestroyNotify) write_state_free);
  return task;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(LoyVoucher) voucher = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  voucher = g_task_propagate_pointer (G_TASK (result), &error);

  if (voucher == NULL && !(!state->redeeming && g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_FOUND)))
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                               _("%s, and the voucher could not be read to find out (%s): "
                                 "find it by its code before trying again"),
                               state->lost_because, error->message);
      return;
    }

  if (state->redeeming)
    done = loy_voucher_get_redeemed_at (voucher) >= state->sent_at - CLOCK_SLACK_SECONDS;
  else
    done = voucher != NULL;

  if (done)
    {
      g_debug ("The answer was lost, and voucher %s shows the write was made", state->code);
      g_task_return_pointer (task, g_steal_pointer (&voucher), g_object_unref);
      return;
    }

  g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_WRITE_NOT_DONE,
                           state->redeeming
                           ? _("%s; the voucher shows it was not redeemed, so nothing changed "
                               "and it can be redeemed again")
                           : _("%s; no voucher has its code, so none was made "
                               "and it can be made again"),
                           state->lost_because);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  LoyVoucher *voucher;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);
      gpointer source = g_task_get_source_object (task);

      state->lost_because = g_strdup (error->message);
      find_voucher (source, state->client, state->code, loy_rest_vouchers_find_async,
                    cancellable, checked_cb, g_steal_pointer (&task));
      return;
    }

  if (envelope == NULL ||
      !(voucher = loy_piggy_voucher_from_json (loy_rest_envelope_get_data (envelope), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, voucher, g_object_unref);
}

static void
send_write (GTask *task)
{
  WriteState *state = g_task_get_task_data (task);

  state->sent_at = loy_rest_client_get_server_time (state->client);
  loy_rest_client_request_async (state->client, "POST", state->path, state->body,
                                 g_task_get_cancellable (task), written_cb, task);
}

static char *
make_up_code (void)
{
  GString *code = g_string_sized_new (CODE_LENGTH);

  for (guint i = 0; i < CODE_LENGTH; i++)
    g_string_append_c (code, CODE_ALPHABET[g_random_int_range (0, strlen (CODE_ALPHABET))]);

  return g_string_free (code, FALSE);
}

void
loy_rest_vouchers_create_async (LoyStore            *store,
                                LoyRestClient       *client,
                                const char          *promotion_uuid,
                                const char          *code,
                                const char          *contact_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *own_code = code != NULL ? g_strstrip (g_strdup (code)) : make_up_code ();
  g_autoptr(GError) error = NULL;
  WriteState *state;
  JsonObject *body;
  GTask *task;

  if (!check_text (promotion_uuid, _("Choose the promotion the voucher is for"), &error) ||
      !check_text (own_code, _("A voucher’s code cannot be empty"), &error))
    {
      g_task_report_error (store, callback, user_data, loy_rest_vouchers_create_async,
                           g_steal_pointer (&error));
      return;
    }

  task = write_task_new (store, client, "/vouchers", own_code, loy_rest_vouchers_create_async,
                         cancellable, callback, user_data);
  state = g_task_get_task_data (task);

  body = json_object_new ();
  json_object_set_string_member (body, "promotion_uuid", promotion_uuid);
  json_object_set_string_member (body, "code", own_code);
  if (contact_uuid != NULL && contact_uuid[0] != '\0')
    json_object_set_string_member (body, "contact_uuid", contact_uuid);
  state->body = json_node_init_object (json_node_alloc (), body);

  send_write (task);
}

static void
shop_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteState *state = g_task_get_task_data (task);
  g_autofree char *shop_uuid = NULL;
  g_autoptr(GError) error = NULL;

  if (!(shop_uuid = loy_rest_account_find_shop_finish (LOY_REST_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  json_object_set_string_member (json_node_get_object (state->body), "shop_uuid", shop_uuid);
  send_write (g_steal_pointer (&task));
}

void
loy_rest_vouchers_redeem_async (LoyStore            *store,
                                LoyRestClient       *client,
                                const char          *shop_uuid,
                                const char          *code,
                                const char          *contact_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *own_code = NULL;
  WriteState *state;
  JsonObject *body;
  GTask *task;

  if (!check_text (code, _("Type the code of the voucher to redeem"), &error))
    {
      g_task_report_error (store, callback, user_data, loy_rest_vouchers_redeem_async,
                           g_steal_pointer (&error));
      return;
    }

  own_code = g_strstrip (g_strdup (code));
  task = write_task_new (store, client, "/vouchers/redeem", own_code, loy_rest_vouchers_redeem_async,
                         cancellable, callback, user_data);
  state = g_task_get_task_data (task);
  state->redeeming = TRUE;

  body = json_object_new ();
  json_object_set_string_member (body, "code", own_code);
  if (contact_uuid != NULL && contact_uuid[0] != '\0')
    json_object_set_string_member (body, "contact_uuid", contact_uuid);
  state->body = json_node_init_object (json_node_alloc (), body);

  loy_rest_account_find_shop_async (client, shop_uuid, cancellable, shop_found_cb, task);
}

/* A batch */

static void
batch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GError) error = NULL;
  gint64 quantity = 0;

  envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error);

  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN))
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_OUTCOME_UNKNOWN,
                             _("%s, and a batch cannot be checked: look at the promotion’s vouchers "
                               "before asking for more"),
                             error->message);
  else if (envelope == NULL ||
           !loy_piggy_voucher_batch_from_json (loy_rest_envelope_get_data (envelope), &quantity, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, quantity);
}

void
loy_rest_vouchers_create_batch_async (LoyStore            *store,
                                      LoyRestClient       *client,
                                      const char          *promotion_uuid,
                                      guint                quantity,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  GTask *task;

  if (!check_text (promotion_uuid, _("Choose the promotion the vouchers are for"), &error))
    {
      g_task_report_error (store, callback, user_data, loy_rest_vouchers_create_batch_async,
                           g_steal_pointer (&error));
      return;
    }

  if (quantity < 1 || quantity > MAX_BATCH_QUANTITY)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_vouchers_create_batch_async,
                               LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                               _("The number of vouchers must be between 1 and %u"), MAX_BATCH_QUANTITY);
      return;
    }

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_vouchers_create_batch_async);

  object = json_object_new ();
  json_object_set_string_member (object, "promotion_uuid", promotion_uuid);
  json_object_set_int_member (object, "quantity", quantity);
  body = json_node_init_object (json_node_alloc (), object);

  loy_rest_client_request_async (client, "POST", "/vouchers/batch", body, cancellable, batch_cb, task);
}
