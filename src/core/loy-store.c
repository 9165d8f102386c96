/* loy-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "loy-error.h"
#include "loy-store.h"

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

static void
report_not_supported (LoyStore            *self,
                      gpointer             source_tag,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autofree char *where = loy_store_get_description (self);

  g_task_report_new_error (self, callback, user_data, source_tag,
                           LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                           _("This is not possible with the data source “%s”"),
                           where);
}

enum {
  CHANGED,
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
}

/* Passes a write's result through, announcing the change when it succeeded. */
static gpointer
loy_store_written (LoyStore *self,
                   gpointer  result)
{
  if (result != NULL)
    g_signal_emit (self, signals [CHANGED], 0);

  return result;
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
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->query_async == NULL)
    report_not_supported (self, loy_store_query_async, callback, user_data);
  else
    iface->query_async (self, query, offset, limit, cancellable, callback, user_data);
}

LoyPage *
loy_store_query_finish (LoyStore      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->query_finish == NULL || g_async_result_is_tagged (result, loy_store_query_async))
    return g_task_propagate_pointer (G_TASK (result), error);

  return iface->query_finish (self, result, error);
}

void
loy_store_lookup_async (LoyStore            *self,
                        LoyKind              kind,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->lookup_async == NULL)
    report_not_supported (self, loy_store_lookup_async, callback, user_data);
  else
    iface->lookup_async (self, kind, uuid, cancellable, callback, user_data);
}

GObject *
loy_store_lookup_finish (LoyStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->lookup_finish == NULL || g_async_result_is_tagged (result, loy_store_lookup_async))
    return g_task_propagate_pointer (G_TASK (result), error);

  return iface->lookup_finish (self, result, error);
}

void
loy_store_create_reward_async (LoyStore            *self,
                               LoyReward           *reward,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->create_reward_async == NULL)
    report_not_supported (self, loy_store_create_reward_async, callback, user_data);
  else
    iface->create_reward_async (self, reward, cancellable, callback, user_data);
}

LoyReward *
loy_store_create_reward_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->create_reward_finish == NULL || g_async_result_is_tagged (result, loy_store_create_reward_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->create_reward_finish (self, result, error));
}

void
loy_store_update_reward_async (LoyStore            *self,
                               const char          *uuid,
                               JsonObject          *changes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->update_reward_async == NULL)
    report_not_supported (self, loy_store_update_reward_async, callback, user_data);
  else
    iface->update_reward_async (self, uuid, changes, cancellable, callback, user_data);
}

LoyReward *
loy_store_update_reward_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->update_reward_finish == NULL || g_async_result_is_tagged (result, loy_store_update_reward_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->update_reward_finish (self, result, error));
}

void
loy_store_delete_async (LoyStore            *self,
                        LoyKind              kind,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->delete_async == NULL)
    report_not_supported (self, loy_store_delete_async, callback, user_data);
  else
    iface->delete_async (self, kind, uuid, cancellable, callback, user_data);
}

gboolean
loy_store_delete_finish (LoyStore      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  LoyStoreInterface *iface;
  gboolean deleted;

  g_return_val_if_fail (LOY_IS_STORE (self), FALSE);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->delete_finish == NULL || g_async_result_is_tagged (result, loy_store_delete_async))
    deleted = g_task_propagate_boolean (G_TASK (result), error);
  else
    deleted = iface->delete_finish (self, result, error);

  if (deleted)
    g_signal_emit (self, signals [CHANGED], 0);

  return deleted;
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
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->import_codes_async == NULL)
    report_not_supported (self, loy_store_import_codes_async, callback, user_data);
  else
    iface->import_codes_async (self, group_uuid, input, progress, progress_data, cancellable, callback, user_data);
}

LoyImportSummary *
loy_store_import_codes_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->import_codes_finish == NULL || g_async_result_is_tagged (result, loy_store_import_codes_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->import_codes_finish (self, result, error));
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
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->generate_codes_async == NULL)
    report_not_supported (self, loy_store_generate_codes_async, callback, user_data);
  else
    iface->generate_codes_async (self, group_uuid, pattern, count, progress, progress_data, cancellable, callback, user_data);
}

LoyImportSummary *
loy_store_generate_codes_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->generate_codes_finish == NULL || g_async_result_is_tagged (result, loy_store_generate_codes_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->generate_codes_finish (self, result, error));
}

void
loy_store_update_code_group_async (LoyStore            *self,
                                   const char          *uuid,
                                   JsonObject          *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->update_code_group_async == NULL)
    report_not_supported (self, loy_store_update_code_group_async, callback, user_data);
  else
    iface->update_code_group_async (self, uuid, changes, cancellable, callback, user_data);
}

LoyCodeGroup *
loy_store_update_code_group_finish (LoyStore      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->update_code_group_finish == NULL || g_async_result_is_tagged (result, loy_store_update_code_group_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->update_code_group_finish (self, result, error));
}

void
loy_store_enroll_contact_async (LoyStore            *self,
                                LoyContact          *contact,
                                const char          *operator_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->enroll_contact_async == NULL)
    report_not_supported (self, loy_store_enroll_contact_async, callback, user_data);
  else
    iface->enroll_contact_async (self, contact, operator_name, cancellable, callback, user_data);
}

LoyContact *
loy_store_enroll_contact_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->enroll_contact_finish == NULL || g_async_result_is_tagged (result, loy_store_enroll_contact_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->enroll_contact_finish (self, result, error));
}

void
loy_store_award_points_async (LoyStore            *self,
                              const char          *contact_uuid,
                              const LoyAward      *award,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->award_points_async == NULL)
    report_not_supported (self, loy_store_award_points_async, callback, user_data);
  else
    iface->award_points_async (self, contact_uuid, award, cancellable, callback, user_data);
}

LoyLedgerEntry *
loy_store_award_points_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->award_points_finish == NULL || g_async_result_is_tagged (result, loy_store_award_points_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->award_points_finish (self, result, error));
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
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->redeem_reward_async == NULL)
    report_not_supported (self, loy_store_redeem_reward_async, callback, user_data);
  else
    iface->redeem_reward_async (self, contact_uuid, reward_uuid, operator_name, cancellable, callback, user_data);
}

LoyLedgerEntry *
loy_store_redeem_reward_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->redeem_reward_finish == NULL || g_async_result_is_tagged (result, loy_store_redeem_reward_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->redeem_reward_finish (self, result, error));
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
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->adjust_points_async == NULL)
    report_not_supported (self, loy_store_adjust_points_async, callback, user_data);
  else
    iface->adjust_points_async (self, contact_uuid, credits, reason, operator_name, cancellable, callback, user_data);
}

LoyLedgerEntry *
loy_store_adjust_points_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->adjust_points_finish == NULL || g_async_result_is_tagged (result, loy_store_adjust_points_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->adjust_points_finish (self, result, error));
}

void
loy_store_reverse_entry_async (LoyStore            *self,
                               const char          *entry_uuid,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->reverse_entry_async == NULL)
    report_not_supported (self, loy_store_reverse_entry_async, callback, user_data);
  else
    iface->reverse_entry_async (self, entry_uuid, operator_name, cancellable, callback, user_data);
}

LoyLedgerEntry *
loy_store_reverse_entry_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->reverse_entry_finish == NULL || g_async_result_is_tagged (result, loy_store_reverse_entry_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->reverse_entry_finish (self, result, error));
}

void
loy_store_expire_points_async (LoyStore            *self,
                               gint64               until,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->expire_points_async == NULL)
    report_not_supported (self, loy_store_expire_points_async, callback, user_data);
  else
    iface->expire_points_async (self, until, cancellable, callback, user_data);
}

gint64
loy_store_expire_points_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  LoyStoreInterface *iface;
  gint64 n_expired;

  g_return_val_if_fail (LOY_IS_STORE (self), -1);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->expire_points_finish == NULL || g_async_result_is_tagged (result, loy_store_expire_points_async))
    n_expired = g_task_propagate_int (G_TASK (result), error);
  else
    n_expired = iface->expire_points_finish (self, result, error);

  if (n_expired > 0)
    g_signal_emit (self, signals [CHANGED], 0);

  return n_expired;
}

void
loy_store_get_program_async (LoyStore            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->get_program_async == NULL)
    report_not_supported (self, loy_store_get_program_async, callback, user_data);
  else
    iface->get_program_async (self, cancellable, callback, user_data);
}

LoyProgram *
loy_store_get_program_finish (LoyStore      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->get_program_finish == NULL || g_async_result_is_tagged (result, loy_store_get_program_async))
    return g_task_propagate_pointer (G_TASK (result), error);

  return iface->get_program_finish (self, result, error);
}

void
loy_store_update_program_async (LoyStore            *self,
                                LoyProgram          *program,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->update_program_async == NULL)
    report_not_supported (self, loy_store_update_program_async, callback, user_data);
  else
    iface->update_program_async (self, program, cancellable, callback, user_data);
}

LoyProgram *
loy_store_update_program_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->update_program_finish == NULL || g_async_result_is_tagged (result, loy_store_update_program_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->update_program_finish (self, result, error));
}

void
loy_store_save_level_async (LoyStore            *self,
                            LoyLevel            *level,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->save_level_async == NULL)
    report_not_supported (self, loy_store_save_level_async, callback, user_data);
  else
    iface->save_level_async (self, level, cancellable, callback, user_data);
}

LoyLevel *
loy_store_save_level_finish (LoyStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->save_level_finish == NULL || g_async_result_is_tagged (result, loy_store_save_level_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->save_level_finish (self, result, error));
}

void
loy_store_save_segment_async (LoyStore            *self,
                              LoySegment          *segment,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  LoyStoreInterface *iface;

  g_return_if_fail (LOY_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->save_segment_async == NULL)
    report_not_supported (self, loy_store_save_segment_async, callback, user_data);
  else
    iface->save_segment_async (self, segment, cancellable, callback, user_data);
}

LoySegment *
loy_store_save_segment_finish (LoyStore      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  LoyStoreInterface *iface;

  g_return_val_if_fail (LOY_IS_STORE (self), NULL);

  iface = LOY_STORE_GET_IFACE (self);
  if (iface->save_segment_finish == NULL || g_async_result_is_tagged (result, loy_store_save_segment_async))
    return loy_store_written (self, g_task_propagate_pointer (G_TASK (result), error));

  return loy_store_written (self, iface->save_segment_finish (self, result, error));
}

/* The synchronous wrappers iterate the calling thread's default main
 * context until the async call completes. That context also dispatches
 * whatever the backend needs (GTask completions, libsoup I/O), so they
 * work in loyctl and tests, which run no main loop of their own. */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
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
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_query_async (self, query, offset, limit, cancellable, store_result_cb, &result);

  return loy_store_query_finish (self, wait_for_result (&result), error);
}

GObject *
loy_store_lookup_sync (LoyStore      *self,
                       LoyKind        kind,
                       const char    *uuid,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_lookup_async (self, kind, uuid, cancellable, store_result_cb, &result);

  return loy_store_lookup_finish (self, wait_for_result (&result), error);
}

LoyReward *
loy_store_create_reward_sync (LoyStore      *self,
                              LoyReward     *reward,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_create_reward_async (self, reward, cancellable, store_result_cb, &result);

  return loy_store_create_reward_finish (self, wait_for_result (&result), error);
}

LoyReward *
loy_store_update_reward_sync (LoyStore      *self,
                              const char    *uuid,
                              JsonObject    *changes,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_update_reward_async (self, uuid, changes, cancellable, store_result_cb, &result);

  return loy_store_update_reward_finish (self, wait_for_result (&result), error);
}

gboolean
loy_store_delete_sync (LoyStore      *self,
                       LoyKind        kind,
                       const char    *uuid,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_delete_async (self, kind, uuid, cancellable, store_result_cb, &result);

  return loy_store_delete_finish (self, wait_for_result (&result), error);
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
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_import_codes_async (self, group_uuid, input, progress, progress_data, cancellable, store_result_cb, &result);

  return loy_store_import_codes_finish (self, wait_for_result (&result), error);
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
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_generate_codes_async (self, group_uuid, pattern, count, progress, progress_data, cancellable, store_result_cb, &result);

  return loy_store_generate_codes_finish (self, wait_for_result (&result), error);
}

LoyCodeGroup *
loy_store_update_code_group_sync (LoyStore      *self,
                                  const char    *uuid,
                                  JsonObject    *changes,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_update_code_group_async (self, uuid, changes, cancellable, store_result_cb, &result);

  return loy_store_update_code_group_finish (self, wait_for_result (&result), error);
}

LoyContact *
loy_store_enroll_contact_sync (LoyStore      *self,
                               LoyContact    *contact,
                               const char    *operator_name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_enroll_contact_async (self, contact, operator_name, cancellable, store_result_cb, &result);

  return loy_store_enroll_contact_finish (self, wait_for_result (&result), error);
}

LoyLedgerEntry *
loy_store_award_points_sync (LoyStore        *self,
                             const char      *contact_uuid,
                             const LoyAward  *award,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_award_points_async (self, contact_uuid, award, cancellable, store_result_cb, &result);

  return loy_store_award_points_finish (self, wait_for_result (&result), error);
}

LoyLedgerEntry *
loy_store_redeem_reward_sync (LoyStore      *self,
                              const char    *contact_uuid,
                              const char    *reward_uuid,
                              const char    *operator_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_redeem_reward_async (self, contact_uuid, reward_uuid, operator_name, cancellable, store_result_cb, &result);

  return loy_store_redeem_reward_finish (self, wait_for_result (&result), error);
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
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_adjust_points_async (self, contact_uuid, credits, reason, operator_name, cancellable, store_result_cb, &result);

  return loy_store_adjust_points_finish (self, wait_for_result (&result), error);
}

LoyLedgerEntry *
loy_store_reverse_entry_sync (LoyStore      *self,
                              const char    *entry_uuid,
                              const char    *operator_name,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_reverse_entry_async (self, entry_uuid, operator_name, cancellable, store_result_cb, &result);

  return loy_store_reverse_entry_finish (self, wait_for_result (&result), error);
}

gint64
loy_store_expire_points_sync (LoyStore      *self,
                              gint64         until,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_expire_points_async (self, until, cancellable, store_result_cb, &result);

  return loy_store_expire_points_finish (self, wait_for_result (&result), error);
}

LoyProgram *
loy_store_get_program_sync (LoyStore      *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_get_program_async (self, cancellable, store_result_cb, &result);

  return loy_store_get_program_finish (self, wait_for_result (&result), error);
}

LoyProgram *
loy_store_update_program_sync (LoyStore      *self,
                               LoyProgram    *program,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_update_program_async (self, program, cancellable, store_result_cb, &result);

  return loy_store_update_program_finish (self, wait_for_result (&result), error);
}

LoyLevel *
loy_store_save_level_sync (LoyStore      *self,
                           LoyLevel      *level,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_save_level_async (self, level, cancellable, store_result_cb, &result);

  return loy_store_save_level_finish (self, wait_for_result (&result), error);
}

LoySegment *
loy_store_save_segment_sync (LoyStore      *self,
                             LoySegment    *segment,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  loy_store_save_segment_async (self, segment, cancellable, store_result_cb, &result);

  return loy_store_save_segment_finish (self, wait_for_result (&result), error);
}

/* Reward changes: one validation for every backend. */

typedef enum
{
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_REQUIRED_CREDITS,
  FIELD_IS_ACTIVE,
  FIELD_PRE_REDEEMABLE,
  FIELD_STOCK,
  FIELD_COST_PRICE,
  FIELD_EXPIRATION_DURATION,
  FIELD_MEDIA,
  FIELD_VIEW_FILTER,
  FIELD_IMMUTABLE,
  FIELD_CUSTOM,
} RewardField;

static const struct {
  const char  *name;
  RewardField  field;
} reward_fields[] = {
  { "title", FIELD_TITLE },
  { "description", FIELD_DESCRIPTION },
  { "required_credits", FIELD_REQUIRED_CREDITS },
  { "is_active", FIELD_IS_ACTIVE },
  { "active", FIELD_IS_ACTIVE },
  { "pre_redeemable", FIELD_PRE_REDEEMABLE },
  { "stock", FIELD_STOCK },
  { "cost_price", FIELD_COST_PRICE },
  { "expiration_duration", FIELD_EXPIRATION_DURATION },
  { "media", FIELD_MEDIA },
  { "view_filter", FIELD_VIEW_FILTER },
  { "id", FIELD_IMMUTABLE },
  { "uuid", FIELD_IMMUTABLE },
  { "type", FIELD_IMMUTABLE },
  { "reward_type", FIELD_IMMUTABLE },
};

static RewardField
reward_field_for_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (reward_fields); i++)
    if (g_str_equal (reward_fields[i].name, key))
      return reward_fields[i].field;

  return FIELD_CUSTOM;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_number (JsonNode *node)
{
  return node_is_integer (node) ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
node_is_type (JsonNode *node,
              GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
validate_field (const char  *key,
                JsonNode    *node,
                GError     **error)
{
  switch (reward_field_for_key (key))
    {
    case FIELD_TITLE:
      {
        g_autofree char *title = NULL;

        if (!node_is_type (node, G_TYPE_STRING))
          break;
        title = g_strstrip (g_strdup (json_node_get_string (node)));
        if (title[0] == '\0')
          {
            g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                         _("A reward needs a title"));
            return FALSE;
          }
        return TRUE;
      }

    case FIELD_DESCRIPTION:
      if (JSON_NODE_HOLDS_NULL (node) || node_is_type (node, G_TYPE_STRING))
        return TRUE;
      break;

    case FIELD_REQUIRED_CREDITS:
      if (node_is_integer (node) && json_node_get_int (node) > 0)
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("Required points must be a positive whole number"));
      return FALSE;

    case FIELD_IS_ACTIVE:
    case FIELD_PRE_REDEEMABLE:
      if (node_is_type (node, G_TYPE_BOOLEAN))
        return TRUE;
      break;

    case FIELD_STOCK:
    case FIELD_EXPIRATION_DURATION:
      if (JSON_NODE_HOLDS_NULL (node) || (node_is_integer (node) && json_node_get_int (node) >= 0))
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” must be empty or a whole number of at least zero"), key);
      return FALSE;

    case FIELD_COST_PRICE:
      if (JSON_NODE_HOLDS_NULL (node) || (node_is_number (node) && json_node_get_double (node) >= 0))
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The cost price must be empty or an amount of at least zero"));
      return FALSE;

    case FIELD_MEDIA:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *media = json_node_get_object (node);

          if (json_object_get_string_member_with_default (media, "value", NULL) != NULL)
            return TRUE;
        }
      break;

    case FIELD_VIEW_FILTER:
      {
        g_autoptr(LoyViewFilter) filter = NULL;

        /* null removes the filter: the reward shows everywhere. */
        if (JSON_NODE_HOLDS_NULL (node))
          return TRUE;
        filter = loy_view_filter_from_json (node, error);
        return filter != NULL;
      }

    case FIELD_IMMUTABLE:
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The field “%s” of a reward cannot be changed"), key);
      return FALSE;

    case FIELD_CUSTOM:
      if (JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_VALUE (node))
        return TRUE;
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The custom attribute “%s” must be text, a number or true/false"), key);
      return FALSE;

    default:
      g_assert_not_reached ();
    }

  g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
               _("The field “%s” has a value of the wrong type"), key);
  return FALSE;
}

gboolean
loy_reward_changes_validate (JsonObject  *changes,
                             GError     **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_val_if_fail (changes != NULL, FALSE);

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &node))
    if (!validate_field (key, node, error))
      return FALSE;

  return TRUE;
}

static gint64
nullable_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) ? LOY_UNSET : json_node_get_int (node);
}

void
loy_reward_apply_changes (LoyReward  *reward,
                          JsonObject *changes)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_if_fail (LOY_IS_REWARD (reward));
  g_return_if_fail (changes != NULL);

  json_object_iter_init (&iter, changes);
  while (json_object_iter_next (&iter, &key, &node))
    {
      switch (reward_field_for_key (key))
        {
        case FIELD_TITLE:
          {
            g_autofree char *title = g_strstrip (g_strdup (json_node_get_string (node)));
            loy_reward_set_title (reward, title);
          }
          break;

        case FIELD_DESCRIPTION:
          loy_reward_set_description (reward, json_node_get_string (node));
          break;

        case FIELD_REQUIRED_CREDITS:
          loy_reward_set_required_credits (reward, json_node_get_int (node));
          break;

        case FIELD_IS_ACTIVE:
          loy_reward_set_is_active (reward, json_node_get_boolean (node));
          break;

        case FIELD_PRE_REDEEMABLE:
          loy_reward_set_pre_redeemable (reward, json_node_get_boolean (node));
          break;

        case FIELD_STOCK:
          loy_reward_set_stock (reward, nullable_int (node));
          break;

        case FIELD_EXPIRATION_DURATION:
          loy_reward_set_expiration_duration (reward, nullable_int (node));
          break;

        case FIELD_COST_PRICE:
          loy_reward_set_cost_price_cents (reward,
                                           JSON_NODE_HOLDS_NULL (node)
                                             ? LOY_UNSET
                                             : (gint64) round (json_node_get_double (node) * 100));
          break;

        case FIELD_MEDIA:
          if (JSON_NODE_HOLDS_NULL (node))
            loy_reward_set_media (reward, NULL, NULL);
          else
            {
              JsonObject *media = json_node_get_object (node);

              loy_reward_set_media (reward,
                                    json_object_get_string_member_with_default (media, "type", "image"),
                                    json_object_get_string_member (media, "value"));
            }
          break;

        case FIELD_VIEW_FILTER:
          {
            g_autoptr(LoyViewFilter) filter = NULL;

            if (!JSON_NODE_HOLDS_NULL (node))
              filter = loy_view_filter_from_json (node, NULL);
            loy_reward_set_view_filter (reward, filter);
          }
          break;

        case FIELD_CUSTOM:
          loy_reward_set_custom_attribute (reward, key, node);
          break;

        case FIELD_IMMUTABLE:
        default:
          g_return_if_reached ();
        }
    }
}
