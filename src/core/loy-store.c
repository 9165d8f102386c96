/* loy-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-store.h"
#include "loy-store-private.h"

G_DEFINE_INTERFACE (LoyStore, loy_store, G_TYPE_OBJECT)

static void
import_error_free (gpointer data)
{
  LoyImportError *import_error = data;

  g_free (import_error->reason);
  g_free (import_error);
}

LoyImportSummary *
loy_import_summary_new (void)
{
  LoyImportSummary *summary = g_new0 (LoyImportSummary, 1);

  summary->errors = g_ptr_array_new_with_free_func (import_error_free);

  return summary;
}

void
loy_import_summary_add_error (LoyImportSummary *summary,
                              guint64           line,
                              const char       *reason)
{
  LoyImportError *import_error = g_new0 (LoyImportError, 1);

  import_error->line = line;
  import_error->reason = g_strdup (reason);
  g_ptr_array_add (summary->errors, import_error);
}

void
loy_import_summary_free (LoyImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->errors);
  g_free (summary);
}

/* What each operation a backend may leave out says, by the operation's
 * name (the vfunc's, without "_async"); %s is the data source. */
static const struct
{
  const char *op;
  const char *message;
} not_supported_messages[] = {
  { "adjust_points", N_("Points cannot be adjusted with the data source “%s”") },
  { "award_points", N_("Points cannot be awarded with the data source “%s”") },
  { "buy_campaign", N_("Campaigns cannot be bought with the data source “%s”") },
  { "cashback_exchange", N_("Points cannot be exchanged for cashback with the data source “%s”") },
  { "cashback_quote", N_("Cashback cannot be quoted with the data source “%s”") },
  { "check_campaigns", N_("A contact’s campaigns cannot be checked with the data source “%s”") },
  { "count_campaign_reach", N_("A campaign’s reach cannot be counted with the data source “%s”") },
  { "create_campaign", N_("Campaigns cannot be created with the data source “%s”") },
  { "create_reward", N_("Rewards cannot be created with the data source “%s”") },
  { "create_voucher", N_("Vouchers cannot be created with the data source “%s”") },
  { "create_voucher_batch", N_("Vouchers cannot be created in batches with the data source “%s”") },
  { "delete", N_("Records cannot be deleted with the data source “%s”") },
  { "delete_campaign_category", N_("Campaign categories cannot be deleted with the data source “%s”") },
  { "enroll_contact", N_("Contacts cannot be enrolled with the data source “%s”") },
  { "expire_points", N_("Points cannot be expired with the data source “%s”") },
  { "export", N_("Nothing can be exported from the data source “%s”") },
  { "find_voucher", N_("Vouchers cannot be found by their code with the data source “%s”") },
  { "generate_codes", N_("Codes cannot be generated with the data source “%s”") },
  { "get_overview", N_("The overview cannot be read from the data source “%s”") },
  { "get_program", N_("The program cannot be read from the data source “%s”") },
  { "import_codes", N_("Codes cannot be imported with the data source “%s”") },
  { "index_contacts", N_("Contacts cannot be indexed with the data source “%s”") },
  { "issue_percentage_code", N_("Percentage codes cannot be issued with the data source “%s”") },
  { "list_campaign_categories", N_("Campaign categories cannot be listed with the data source “%s”") },
  { "list_campaign_labels", N_("Campaign labels cannot be listed with the data source “%s”") },
  { "list_campaign_purchases", N_("Campaign purchases cannot be listed with the data source “%s”") },
  { "list_vouchers", N_("Vouchers cannot be listed with the data source “%s”") },
  { "load_image", N_("Images cannot be loaded from the data source “%s”") },
  { "lookup", N_("Records cannot be looked up with the data source “%s”") },
  { "preview_award", N_("Points cannot be previewed with the data source “%s”") },
  { "query", N_("Records cannot be listed with the data source “%s”") },
  { "redeem_reward", N_("Rewards cannot be redeemed with the data source “%s”") },
  { "redeem_voucher", N_("Vouchers cannot be redeemed with the data source “%s”") },
  { "reverse_entry", N_("Entries cannot be reversed with the data source “%s”") },
  { "save_campaign_category", N_("Campaign categories cannot be saved with the data source “%s”") },
  { "save_image", N_("Images cannot be saved with the data source “%s”") },
  { "save_level", N_("Levels cannot be saved with the data source “%s”") },
  { "save_segment", N_("Segments cannot be saved with the data source “%s”") },
  { "update_campaign", N_("Campaigns cannot be changed with the data source “%s”") },
  { "update_campaign_purchase", N_("Campaign purchases cannot be changed with the data source “%s”") },
  { "update_code_group", N_("Code groups cannot be changed with the data source “%s”") },
  { "update_contact", N_("Contacts cannot be changed with the data source “%s”") },
  { "update_program", N_("The program cannot be changed with the data source “%s”") },
  { "update_reward", N_("Rewards cannot be changed with the data source “%s”") },
};

void
_loy_store_report_not_supported (LoyStore            *self,
                                 const char          *op,
                                 gpointer             source_tag,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *where = loy_store_get_description (self);
  const char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_supported_messages) && message == NULL; i++)
    if (g_str_equal (not_supported_messages[i].op, op))
      message = not_supported_messages[i].message;

  /* An operation added without its message still says where. */
  if (message == NULL)
    message = N_("This is not possible with the data source “%s”");

  g_task_report_new_error (self, callback, user_data, source_tag,
                           LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _(message), where);
}

enum {
  CHANGED,
  REFUSED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static LoyStoreCapabilities
loy_store_real_get_capabilities (LoyStore *self)
{
  return 0;
}

static char *
loy_store_real_get_description (LoyStore *self)
{
  return g_strdup (G_OBJECT_TYPE_NAME (self));
}

static void
loy_store_default_init (LoyStoreInterface *iface)
{
  iface->get_capabilities = loy_store_real_get_capabilities;
  iface->get_description = loy_store_real_get_description;

  /**
   * LoyStore::changed:
   * @self: a #LoyStore
   *
   * Emitted after each write through @self succeeded, as its result is
   * handed over, so that views showing counts or lists load them again.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* An operation was refused the data source's credentials (a remote
   * account's API key): whatever met it, the user can be shown the way to
   * enter another. */
  signals [REFUSED] =
    g_signal_new ("refused",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}


/* Every backend ends an operation with a GTask of @self, returning a
 * pointer, a boolean or an integer: the finish functions propagate it,
 * announcing a refused key on the way. */

static void
loy_store_propagate_error (LoyStore  *self,
                           GError    *local_error,
                           GError   **error)
{
  if (local_error == NULL)
    return;

  if (g_error_matches (local_error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED))
    g_signal_emit (self, signals [REFUSED], 0);
  g_propagate_error (error, local_error);
}

gpointer
_loy_store_finish_pointer (LoyStore      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  GError *local_error = NULL;
  gpointer value;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  value = g_task_propagate_pointer (G_TASK (result), &local_error);
  loy_store_propagate_error (self, local_error, error);

  return value;
}

/* A write's result, announcing the change when it succeeded. */
gpointer
_loy_store_finish_written_pointer (LoyStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  gpointer written = _loy_store_finish_pointer (self, result, error);

  if (written != NULL)
    g_signal_emit (self, signals [CHANGED], 0);

  return written;
}

gboolean
_loy_store_finish_written_boolean (LoyStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  GError *local_error = NULL;
  gboolean written;

  g_return_val_if_fail (LOY_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if ((written = g_task_propagate_boolean (G_TASK (result), &local_error)))
    g_signal_emit (self, signals [CHANGED], 0);
  loy_store_propagate_error (self, local_error, error);

  return written;
}

/* How many records an operation handled, or -1. */
gint64
_loy_store_finish_count (LoyStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  GError *local_error = NULL;
  gint64 count;

  g_return_val_if_fail (LOY_IS_STORE (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  count = g_task_propagate_int (G_TASK (result), &local_error);
  loy_store_propagate_error (self, local_error, error);

  return count;
}

/* How many records a write wrote, or -1; the change is announced when there were any. */
gint64
_loy_store_finish_written_count (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  gint64 n_written = _loy_store_finish_count (self, result, error);

  if (n_written > 0)
    g_signal_emit (self, signals [CHANGED], 0);

  return n_written;
}

LoyStoreCapabilities
loy_store_get_capabilities (LoyStore *self)
{
  g_return_val_if_fail (LOY_IS_STORE (self), 0);

  return LOY_STORE_GET_IFACE (self)->get_capabilities (self);
}

gboolean
loy_store_can (LoyStore             *self,
               LoyStoreCapabilities  capabilities)
{
  return (loy_store_get_capabilities (self) & capabilities) == capabilities;
}

char *
loy_store_get_description (LoyStore *self)
{
  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  return LOY_STORE_GET_IFACE (self)->get_description (self);
}

void
loy_store_query_async (LoyStore            *self,
                       const LoyQuery      *query,
                       guint                offset,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, query, query, offset, limit);
}

LoyPage *
loy_store_query_finish (LoyStore      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

void
loy_store_lookup_async (LoyStore            *self,
                        LoyKind              kind,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, lookup, kind, uuid);
}

GObject *
loy_store_lookup_finish (LoyStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

void
loy_store_create_reward_async (LoyStore            *self,
                               LoyReward           *reward,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, create_reward, reward);
}

LoyReward *
loy_store_create_reward_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_update_reward_async (LoyStore            *self,
                               const char          *uuid,
                               JsonObject          *changes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, update_reward, uuid, changes);
}

LoyReward *
loy_store_update_reward_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_delete_async (LoyStore            *self,
                        LoyKind              kind,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, delete, kind, uuid);
}

gboolean
loy_store_delete_finish (LoyStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return _loy_store_finish_written_boolean (self, result, error);
}

void
loy_store_import_codes_async (LoyStore            *self,
                              const char          *group_uuid,
                              GInputStream        *input,
                              LoyProgressFunc      progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, import_codes, group_uuid, input, progress, progress_data);
}

LoyImportSummary *
loy_store_import_codes_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_generate_codes_async (LoyStore            *self,
                                const char          *group_uuid,
                                const char          *pattern,
                                guint                count,
                                LoyProgressFunc      progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, generate_codes, group_uuid, pattern, count, progress, progress_data);
}

LoyImportSummary *
loy_store_generate_codes_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_update_code_group_async (LoyStore            *self,
                                   const char          *uuid,
                                   JsonObject          *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, update_code_group, uuid, changes);
}

LoyCodeGroup *
loy_store_update_code_group_finish (LoyStore      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_save_image_async (LoyStore            *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, save_image, file);
}

char *
loy_store_save_image_finish (LoyStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

void
loy_store_load_image_async (LoyStore            *self,
                            const char          *uri,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, load_image, uri);
}

GBytes *
loy_store_load_image_finish (LoyStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

void
loy_store_enroll_contact_async (LoyStore            *self,
                                LoyContact          *contact,
                                const char          *operator_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, enroll_contact, contact, operator_name);
}

LoyContact *
loy_store_enroll_contact_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_award_points_async (LoyStore            *self,
                              const char          *contact_uuid,
                              const LoyAward      *award,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, award_points, contact_uuid, award);
}

LoyLedgerEntry *
loy_store_award_points_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_redeem_reward_async (LoyStore            *self,
                               const char          *contact_uuid,
                               const char          *reward_uuid,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, redeem_reward, contact_uuid, reward_uuid, operator_name);
}

LoyLedgerEntry *
loy_store_redeem_reward_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_adjust_points_async (LoyStore            *self,
                               const char          *contact_uuid,
                               gint64               credits,
                               const char          *reason,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, adjust_points, contact_uuid, credits, reason, operator_name);
}

LoyLedgerEntry *
loy_store_adjust_points_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_reverse_entry_async (LoyStore            *self,
                               const char          *entry_uuid,
                               const char          *reason,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, reverse_entry, entry_uuid, reason, operator_name);
}

LoyLedgerEntry *
loy_store_reverse_entry_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_expire_points_async (LoyStore            *self,
                               gint64               until,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, expire_points, until);
}

gint64
loy_store_expire_points_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return _loy_store_finish_written_count (self, result, error);
}

void
loy_store_get_program_async (LoyStore            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, get_program);
}

LoyProgram *
loy_store_get_program_finish (LoyStore      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

void
loy_store_update_program_async (LoyStore            *self,
                                LoyProgram          *program,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, update_program, program);
}

LoyProgram *
loy_store_update_program_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_save_level_async (LoyStore            *self,
                            LoyLevel            *level,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, save_level, level);
}

LoyLevel *
loy_store_save_level_finish (LoyStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_save_segment_async (LoyStore            *self,
                              LoySegment          *segment,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, save_segment, segment);
}

LoySegment *
loy_store_save_segment_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _loy_store_finish_written_pointer (self, result, error);
}

void
loy_store_get_overview_async (LoyStore            *self,
                              const GDate         *from,
                              const GDate         *to,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LOY_STORE_DISPATCH (self, get_overview, from, to);
}

LoyOverview *
loy_store_get_overview_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _loy_store_finish_pointer (self, result, error);
}

/* The synchronous wrappers iterate the calling thread's default main
 * context until the async call completes. That context also dispatches
 * whatever the backend needs (GTask completions, libsoup I/O), so they
 * work in loyctl and tests, which run no main loop of their own. */

void
_loy_store_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

GAsyncResult *
_loy_store_wait_for_result (GAsyncResult **slot)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);

  return *slot;
}


LoyPage *
loy_store_query_sync (LoyStore        *self,
                      const LoyQuery  *query,
                      guint            offset,
                      guint            limit,
                      GCancellable    *cancellable,
                      GError         **error)
{
  LOY_STORE_WAIT (self, query, query, offset, limit);
}

GObject *
loy_store_lookup_sync (LoyStore      *self,
                       LoyKind        kind,
                       const char    *uuid,
                       GCancellable  *cancellable,
                       GError       **error)
{
  LOY_STORE_WAIT (self, lookup, kind, uuid);
}

LoyReward *
loy_store_create_reward_sync (LoyStore      *self,
                              LoyReward     *reward,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, create_reward, reward);
}

LoyReward *
loy_store_update_reward_sync (LoyStore      *self,
                              const char    *uuid,
                              JsonObject    *changes,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, update_reward, uuid, changes);
}

gboolean
loy_store_delete_sync (LoyStore      *self,
                       LoyKind        kind,
                       const char    *uuid,
                       GCancellable  *cancellable,
                       GError       **error)
{
  LOY_STORE_WAIT (self, delete, kind, uuid);
}

LoyImportSummary *
loy_store_import_codes_sync (LoyStore         *self,
                             const char       *group_uuid,
                             GInputStream     *input,
                             LoyProgressFunc   progress,
                             gpointer          progress_data,
                             GCancellable     *cancellable,
                             GError          **error)
{
  LOY_STORE_WAIT (self, import_codes, group_uuid, input, progress, progress_data);
}

LoyImportSummary *
loy_store_generate_codes_sync (LoyStore         *self,
                               const char       *group_uuid,
                               const char       *pattern,
                               guint             count,
                               LoyProgressFunc   progress,
                               gpointer          progress_data,
                               GCancellable     *cancellable,
                               GError          **error)
{
  LOY_STORE_WAIT (self, generate_codes, group_uuid, pattern, count, progress, progress_data);
}

LoyCodeGroup *
loy_store_update_code_group_sync (LoyStore      *self,
                                  const char    *uuid,
                                  JsonObject    *changes,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  LOY_STORE_WAIT (self, update_code_group, uuid, changes);
}

char *
loy_store_save_image_sync (LoyStore      *self,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  LOY_STORE_WAIT (self, save_image, file);
}

GBytes *
loy_store_load_image_sync (LoyStore      *self,
                           const char    *uri,
                           GCancellable  *cancellable,
                           GError       **error)
{
  LOY_STORE_WAIT (self, load_image, uri);
}

LoyContact *
loy_store_enroll_contact_sync (LoyStore      *self,
                               LoyContact    *contact,
                               const char    *operator_name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  LOY_STORE_WAIT (self, enroll_contact, contact, operator_name);
}

LoyLedgerEntry *
loy_store_award_points_sync (LoyStore        *self,
                             const char      *contact_uuid,
                             const LoyAward  *award,
                             GCancellable    *cancellable,
                             GError         **error)
{
  LOY_STORE_WAIT (self, award_points, contact_uuid, award);
}

LoyLedgerEntry *
loy_store_redeem_reward_sync (LoyStore      *self,
                              const char    *contact_uuid,
                              const char    *reward_uuid,
                              const char    *operator_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, redeem_reward, contact_uuid, reward_uuid, operator_name);
}

LoyLedgerEntry *
loy_store_adjust_points_sync (LoyStore      *self,
                              const char    *contact_uuid,
                              gint64         credits,
                              const char    *reason,
                              const char    *operator_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, adjust_points, contact_uuid, credits, reason, operator_name);
}

LoyLedgerEntry *
loy_store_reverse_entry_sync (LoyStore      *self,
                              const char    *entry_uuid,
                              const char    *reason,
                              const char    *operator_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, reverse_entry, entry_uuid, reason, operator_name);
}

gint64
loy_store_expire_points_sync (LoyStore      *self,
                              gint64         until,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LOY_STORE_WAIT (self, expire_points, until);
}

LoyProgram *
loy_store_get_program_sync (LoyStore      *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  LOY_STORE_WAIT (self, get_program);
}

LoyProgram *
loy_store_update_program_sync (LoyStore      *self,
                               LoyProgram    *program,
                               GCancellable  *cancellable,
                               GError       **error)
{
  LOY_STORE_WAIT (self, update_program, program);
}

LoyLevel *
loy_store_save_level_sync (LoyStore      *self,
                           LoyLevel      *level,
                           GCancellable  *cancellable,
                           GError       **error)
{
  LOY_STORE_WAIT (self, save_level, level);
}

LoySegment *
loy_store_save_segment_sync (LoyStore      *self,
                             LoySegment    *segment,
                             GCancellable  *cancellable,
                             GError       **error)
{
  LOY_STORE_WAIT (self, save_segment, segment);
}

LoyOverview *
loy_store_get_overview_sync (LoyStore      *self,
                             const GDate   *from,
                             const GDate   *to,
                             GCancellable  *cancellable,
                             GError       **error)
{
  LOY_STORE_WAIT (self, get_overview, from, to);
}

gint64
loy_store_export_sync (LoyStore         *self,
                       const LoyExport  *export,
                       GOutputStream    *output,
                       LoyProgressFunc   progress,
                       gpointer          progress_data,
                       GCancellable     *cancellable,
                       GError          **error)
{
  LOY_STORE_WAIT (self, export, export, output, progress, progress_data);
}

gint64
loy_store_export_to_file_sync (LoyStore         *self,
                               const LoyExport  *export,
                               GFile            *file,
                               LoyProgressFunc   progress,
                               gpointer          progress_data,
                               GCancellable     *cancellable,
                               GError          **error)
{
  LOY_STORE_WAIT (self, export_to_file, export, file, progress, progress_data);
}
