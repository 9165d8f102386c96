/* loy-rest-store.c — a Piggy account behind LoyStore: the GObject, its
 * capabilities and the wiring of each operation to its area's file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-rest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-json.h"
#include "loy-rest-cache.h"
#include "loy-rest-client.h"
#include "loy-rest-ops.h"
#include "loy-rest-store.h"

G_STATIC_ASSERT (LOY_REST_STORE_READ_ATTEMPTS == LOY_REST_CLIENT_READ_ATTEMPTS);

#define DEFAULT_TIMEOUT_SECONDS 30
#define MAX_TIMEOUT_SECONDS     (24 * 60 * 60)

struct _LoyRestStore
{
  GObject        parent_instance;

  LoyRestClient *client;
  /* Construct-time values, handed to the client; the key is not kept here. */
  char          *base_url;
  char          *api_key;
  guint          timeout;
  char          *shop_uuid;
  /* Opened at the first search by part of a name or email, or index_contacts. */
  LoyRestIndex  *index;
  gboolean       index_failed;
};

static void loy_rest_store_iface_init (LoyStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyRestStore, loy_rest_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_STORE, loy_rest_store_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_TIMEOUT,
  PROP_SHOP_UUID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

gboolean
loy_rest_store_check_base_url (const char  *base_url,
                               GError     **error)
{
  g_return_val_if_fail (base_url != NULL, FALSE);

  return loy_rest_client_check_base_url (base_url, error);
}

static void
report_not_supported (LoyRestStore        *self,
                      gpointer             source_tag,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_task_report_new_error (self, callback, user_data, source_tag,
                           LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _("The server does not offer this kind of record"));
}

static LoyStoreCapabilities
loy_rest_store_get_capabilities (LoyStore *store)
{
  /* What the API cannot do is left out: creating or deleting rewards, code
   * groups, editing tiers, the program or shops, expiring points,
   * searching contacts by anything but an exact email, filtering them by
   * level or segment and sorting them by anything but date. */
  return LOY_STORE_CAN_LIST_REWARDS | LOY_STORE_CAN_UPDATE_REWARDS | LOY_STORE_CAN_SEARCH |
         LOY_STORE_CAN_LIST_CONTACTS | LOY_STORE_CAN_ENROLL_CONTACTS | LOY_STORE_CAN_UPDATE_CONTACTS |
         LOY_STORE_CAN_LIST_LEDGER | LOY_STORE_CAN_MANAGE_POINTS | LOY_STORE_CAN_PREVIEW_AWARDS |
         LOY_STORE_CAN_LIST_LEVELS | LOY_STORE_CAN_LIST_SHOPS | LOY_STORE_CAN_LIST_CAMPAIGNS |
         LOY_STORE_CAN_INDEX_CONTACTS | LOY_STORE_CAN_MANAGE_VOUCHERS;
}

static char *
loy_rest_store_get_description (LoyStore *store)
{
  return g_strdup (LOY_REST_STORE (store)->base_url);
}

/* The local index of the account's contacts, or NULL when it cannot be
 * opened (a search then finds an exact email only). */
static LoyRestIndex *
get_index (LoyRestStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->index != NULL || self->index_failed)
    return self->index;

  path = loy_rest_client_dup_cache_path (self->client, "contacts");
  loy_rest_cache_remove_legacy (self->base_url, "contacts");
  if (!(self->index = loy_rest_index_open (path, &error)))
    {
      g_warning ("Searching contacts by part of a name is not possible: %s", error->message);
      self->index_failed = TRUE;
    }

  return self->index;
}

static void
loy_rest_store_query_async (LoyStore            *store,
                            const LoyQuery      *query,
                            guint                offset,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  switch (query->kind)
    {
    case LOY_KIND_REWARD:
      loy_rest_rewards_query_async (store, self->client, query, offset, limit, cancellable, callback, user_data);
      break;

    case LOY_KIND_CONTACT:
    case LOY_KIND_CONTACT_ATTRIBUTE:
      loy_rest_contacts_query_async (store, self->client,
                                     loy_query_has_search (query) ? get_index (self) : NULL,
                                     query, offset, limit, cancellable, callback, user_data);
      break;

    case LOY_KIND_LEDGER_ENTRY:
      loy_rest_ledger_query_async (store, self->client, query, offset, limit, cancellable, callback, user_data);
      break;

    case LOY_KIND_LEVEL:
    case LOY_KIND_SHOP:
      loy_rest_account_query_async (store, self->client, query, offset, limit, cancellable, callback, user_data);
      break;

    case LOY_KIND_CAMPAIGN:
      loy_rest_promotions_query_async (store, self->client, query, offset, limit, cancellable, callback, user_data);
      break;

    /* A promotion's vouchers, as loy_store_list_vouchers_async() lists them. */
    case LOY_KIND_VOUCHER:
      loy_rest_vouchers_list_async (store, self->client, query->parent_uuid, offset, limit,
                                    cancellable, callback, user_data);
      break;

    case LOY_KIND_CODE_GROUP:
    case LOY_KIND_SEGMENT:
    case LOY_KIND_CODE:
    default:
      report_not_supported (self, loy_rest_store_query_async, callback, user_data);
    }
}

static void
loy_rest_store_lookup_async (LoyStore            *store,
                             LoyKind              kind,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  switch (kind)
    {
    case LOY_KIND_REWARD:
      loy_rest_rewards_lookup_async (store, self->client, uuid, cancellable, callback, user_data);
      break;

    case LOY_KIND_CONTACT:
      loy_rest_contacts_lookup_async (store, self->client, get_index (self), uuid,
                                      cancellable, callback, user_data);
      break;

    case LOY_KIND_LEVEL:
    case LOY_KIND_SHOP:
      loy_rest_account_lookup_async (store, self->client, kind, uuid, cancellable, callback, user_data);
      break;

    case LOY_KIND_LEDGER_ENTRY:
      loy_rest_ledger_lookup_async (store, self->client, uuid, cancellable, callback, user_data);
      break;

    case LOY_KIND_CAMPAIGN:
      loy_rest_promotions_lookup_async (store, self->client, uuid, cancellable, callback, user_data);
      break;

    case LOY_KIND_CODE_GROUP:
    case LOY_KIND_SEGMENT:
    case LOY_KIND_CODE:
    case LOY_KIND_CONTACT_ATTRIBUTE:
    case LOY_KIND_VOUCHER:
    default:
      report_not_supported (self, loy_rest_store_lookup_async, callback, user_data);
    }
}

static void
loy_rest_store_update_reward_async (LoyStore            *store,
                                    const char          *uuid,
                                    JsonObject          *changes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  loy_rest_rewards_update_async (store, LOY_REST_STORE (store)->client, uuid, changes,
                                 cancellable, callback, user_data);
}

static void
loy_rest_store_enroll_contact_async (LoyStore            *store,
                                     LoyContact          *contact,
                                     const char          *operator_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  /* The API records no operator. */
  loy_rest_contacts_enroll_async (store, self->client, get_index (self), contact,
                                  cancellable, callback, user_data);
}

static void
loy_rest_store_update_contact_async (LoyStore            *store,
                                     const char          *uuid,
                                     JsonObject          *changes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  loy_rest_contacts_update_async (store, self->client, get_index (self), uuid, changes,
                                  cancellable, callback, user_data);
}

static void
loy_rest_store_award_points_async (LoyStore            *store,
                                   const char          *contact_uuid,
                                   const LoyAward      *award,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  loy_rest_ledger_award_async (store, self->client, self->shop_uuid, contact_uuid, award,
                               cancellable, callback, user_data);
}

static void
loy_rest_store_preview_award_async (LoyStore            *store,
                                    const char          *contact_uuid,
                                    const LoyAward      *award,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  loy_rest_ledger_preview_async (store, self->client, self->shop_uuid, contact_uuid, award,
                                 cancellable, callback, user_data);
}

static void
index_filled_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoyRestStore *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  gint64 n_contacts = loy_rest_index_fill_finish (LOY_REST_CLIENT (object), result, &error);

  if (n_contacts < 0)
    {
      /* Stopped by the user: searches read what it holds till asked again. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        loy_rest_index_set_paused (self->index, TRUE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, n_contacts);
}

static void
loy_rest_store_index_contacts_async (LoyStore            *store,
                                     LoyProgressFunc      progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);
  LoyRestIndex *index = get_index (self);

  g_task_set_source_tag (task, loy_rest_store_index_contacts_async);
  if (index == NULL)
    {
      g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               _("The contacts’ index could not be opened: see the log"));
      return;
    }

  loy_rest_index_set_paused (index, FALSE);
  loy_rest_index_fill_async (index, self->client, progress, progress_data, cancellable,
                             index_filled_cb, g_steal_pointer (&task));
}

static void
loy_rest_store_adjust_points_async (LoyStore            *store,
                                    const char          *contact_uuid,
                                    gint64               credits,
                                    const char          *reason,
                                    const char          *operator_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  loy_rest_ledger_adjust_async (store, self->client, self->shop_uuid, contact_uuid, credits, reason,
                                cancellable, callback, user_data);
}

static void
loy_rest_store_redeem_reward_async (LoyStore            *store,
                                    const char          *contact_uuid,
                                    const char          *reward_uuid,
                                    const char          *operator_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  loy_rest_ledger_redeem_async (store, self->client, self->shop_uuid, contact_uuid, reward_uuid,
                                cancellable, callback, user_data);
}

static void
loy_rest_store_reverse_entry_async (LoyStore            *store,
                                    const char          *entry_uuid,
                                    const char          *reason,
                                    const char          *operator_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  loy_rest_ledger_reverse_async (store, LOY_REST_STORE (store)->client, entry_uuid, reason,
                                 cancellable, callback, user_data);
}

static void
loy_rest_store_get_program_async (LoyStore            *store,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  loy_rest_account_get_program_async (store, LOY_REST_STORE (store)->client, cancellable, callback, user_data);
}

static void
loy_rest_store_create_campaign_async (LoyStore            *store,
                                      LoyCampaign         *campaign,
                                      const char * const  *new_codes,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  /* A promotion's codes are its vouchers, made once it exists. */
  if (new_codes != NULL && new_codes[0] != NULL)
    {
      g_task_report_new_error (store, callback, user_data, loy_rest_store_create_campaign_async,
                               LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                               _("A Piggy promotion is created without codes: create its vouchers once it exists"));
      return;
    }

  loy_rest_promotions_create_async (store, LOY_REST_STORE (store)->client, campaign,
                                    cancellable, callback, user_data);
}

static void
loy_rest_store_list_vouchers_async (LoyStore            *store,
                                    const char          *promotion_uuid,
                                    guint                offset,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  loy_rest_vouchers_list_async (store, LOY_REST_STORE (store)->client, promotion_uuid, offset, limit,
                                cancellable, callback, user_data);
}

static void
loy_rest_store_create_voucher_async (LoyStore            *store,
                                     const char          *promotion_uuid,
                                     const char          *code,
                                     const char          *contact_uuid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  loy_rest_vouchers_create_async (store, LOY_REST_STORE (store)->client, promotion_uuid, code, contact_uuid,
                                  cancellable, callback, user_data);
}

static void
loy_rest_store_create_voucher_batch_async (LoyStore            *store,
                                           const char          *promotion_uuid,
                                           guint                quantity,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  loy_rest_vouchers_create_batch_async (store, LOY_REST_STORE (store)->client, promotion_uuid, quantity,
                                        cancellable, callback, user_data);
}

static void
loy_rest_store_find_voucher_async (LoyStore            *store,
                                   const char          *code,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  loy_rest_vouchers_find_async (store, LOY_REST_STORE (store)->client, code, cancellable, callback, user_data);
}

static void
loy_rest_store_redeem_voucher_async (LoyStore            *store,
                                     const char          *code,
                                     const char          *contact_uuid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  LoyRestStore *self = LOY_REST_STORE (store);

  loy_rest_vouchers_redeem_async (store, self->client, self->shop_uuid, code, contact_uuid,
                                  cancellable, callback, user_data);
}

/* Trying an account */

static void
account_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoyRestStore *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GPtrArray) rewards = NULL;
  g_autoptr(GError) error = NULL;

  if ((envelope = loy_rest_client_request_finish (LOY_REST_CLIENT (object), result, &error)) != NULL &&
      (rewards = loy_rewards_from_json (loy_rest_envelope_get_data (envelope), &error)) != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, LOY_ERROR, LOY_ERROR_NETWORK) ||
      g_error_matches (error, LOY_ERROR, LOY_ERROR_TIMEOUT) ||
      g_error_matches (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_error_matches (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED))
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_UNAUTHORIZED,
                             /* Translators: %s says the key was refused, with the server's words */
                             _("%s: check that it is this account’s key"),
                             error->message);
  else
    /* Something answers, but not as the API does: a web page, another
     * service, a wrong path. */
    g_task_return_new_error (task, LOY_ERROR, LOY_ERROR_MALFORMED_RESPONSE,
                             /* Translators: the first %s is an address, the second what was wrong */
                             _("%s does not answer as a Piggy API: %s"),
                             self->base_url, error->message);
}

void
loy_rest_store_check_account_async (LoyRestStore        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LOY_IS_REST_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_rest_store_check_account_async);

  loy_rest_client_request_async (self->client, "GET", "/rewards?page=1&limit=1", NULL, cancellable,
                                 account_checked_cb, g_steal_pointer (&task));
}

gboolean
loy_rest_store_check_account_finish (LoyRestStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == loy_rest_store_check_account_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
loy_rest_store_iface_init (LoyStoreInterface *iface)
{
  iface->get_capabilities = loy_rest_store_get_capabilities;
  iface->get_description = loy_rest_store_get_description;
  iface->query_async = loy_rest_store_query_async;
  iface->lookup_async = loy_rest_store_lookup_async;
  iface->update_reward_async = loy_rest_store_update_reward_async;
  iface->enroll_contact_async = loy_rest_store_enroll_contact_async;
  iface->update_contact_async = loy_rest_store_update_contact_async;
  iface->award_points_async = loy_rest_store_award_points_async;
  iface->preview_award_async = loy_rest_store_preview_award_async;
  iface->index_contacts_async = loy_rest_store_index_contacts_async;
  iface->adjust_points_async = loy_rest_store_adjust_points_async;
  iface->redeem_reward_async = loy_rest_store_redeem_reward_async;
  iface->reverse_entry_async = loy_rest_store_reverse_entry_async;
  iface->get_program_async = loy_rest_store_get_program_async;
  iface->create_campaign_async = loy_rest_store_create_campaign_async;
  iface->list_vouchers_async = loy_rest_store_list_vouchers_async;
  iface->create_voucher_async = loy_rest_store_create_voucher_async;
  iface->create_voucher_batch_async = loy_rest_store_create_voucher_batch_async;
  iface->find_voucher_async = loy_rest_store_find_voucher_async;
  iface->redeem_voucher_async = loy_rest_store_redeem_voucher_async;
}

static void
loy_rest_store_constructed (GObject *object)
{
  LoyRestStore *self = (LoyRestStore *)object;

  G_OBJECT_CLASS (loy_rest_store_parent_class)->constructed (object);

  self->client = loy_rest_client_new (self->base_url, self->api_key != NULL ? self->api_key : "");
  loy_rest_client_set_timeout (self->client, self->timeout);
  g_clear_pointer (&self->api_key, g_free);

  /* The client trims the trailing slashes; the description shows the same. */
  g_free (self->base_url);
  self->base_url = g_strdup (loy_rest_client_get_base_url (self->client));
}

static void
loy_rest_store_dispose (GObject *object)
{
  LoyRestStore *self = (LoyRestStore *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (loy_rest_store_parent_class)->dispose (object);
}

static void
loy_rest_store_finalize (GObject *object)
{
  LoyRestStore *self = (LoyRestStore *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->shop_uuid, g_free);
  g_clear_pointer (&self->index, loy_rest_index_free);

  G_OBJECT_CLASS (loy_rest_store_parent_class)->finalize (object);
}

static void
loy_rest_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LoyRestStore *self = LOY_REST_STORE (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_SHOP_UUID:
      g_value_set_string (value, self->shop_uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_rest_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LoyRestStore *self = LOY_REST_STORE (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_value_dup_string (value);
      break;

    case PROP_API_KEY:
      g_free (self->api_key);
      self->api_key = g_value_dup_string (value);
      break;

    case PROP_TIMEOUT:
      loy_rest_store_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_SHOP_UUID:
      loy_rest_store_set_shop_uuid (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_rest_store_class_init (LoyRestStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = loy_rest_store_constructed;
  object_class->dispose = loy_rest_store_dispose;
  object_class->finalize = loy_rest_store_finalize;
  object_class->get_property = loy_rest_store_get_property;
  object_class->set_property = loy_rest_store_set_property;

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Write-only, so that the key never leaves the store. */
  properties [PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Seconds one attempt of a request may take (a read is made up to
   * LOY_REST_STORE_READ_ATTEMPTS attempts); 0 for no limit. */
  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The shop this desk earns and redeems at; NULL for the account's only one. */
  properties [PROP_SHOP_UUID] =
    g_param_spec_string ("shop-uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_rest_store_init (LoyRestStore *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
}

LoyRestStore *
loy_rest_store_new (const char *base_url,
                    const char *api_key)
{
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (api_key != NULL, NULL);

  return g_object_new (LOY_TYPE_REST_STORE,
                       "base-url", base_url,
                       "api-key", api_key,
                       NULL);
}

const char *
loy_rest_store_get_base_url (LoyRestStore *self)
{
  g_return_val_if_fail (LOY_IS_REST_STORE (self), NULL);

  return self->base_url;
}

guint
loy_rest_store_get_timeout (LoyRestStore *self)
{
  g_return_val_if_fail (LOY_IS_REST_STORE (self), 0);

  return self->timeout;
}

void
loy_rest_store_set_timeout (LoyRestStore *self,
                            guint         seconds)
{
  g_return_if_fail (LOY_IS_REST_STORE (self));
  g_return_if_fail (seconds <= MAX_TIMEOUT_SECONDS);

  if (self->client != NULL)
    loy_rest_client_set_timeout (self->client, seconds);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
}

const char *
loy_rest_store_get_shop_uuid (LoyRestStore *self)
{
  g_return_val_if_fail (LOY_IS_REST_STORE (self), NULL);

  return self->shop_uuid;
}

void
loy_rest_store_set_shop_uuid (LoyRestStore *self,
                              const char   *shop_uuid)
{
  g_return_if_fail (LOY_IS_REST_STORE (self));

  if (shop_uuid != NULL && shop_uuid[0] == '\0')
    shop_uuid = NULL;

  if (g_strcmp0 (self->shop_uuid, shop_uuid) == 0)
    return;

  g_free (self->shop_uuid);
  self->shop_uuid = g_strdup (shop_uuid);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOP_UUID]);
}
