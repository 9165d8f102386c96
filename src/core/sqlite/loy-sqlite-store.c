/* loy-sqlite-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-sqlite-codes.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-demo.h"
#include "loy-sqlite-export.h"
#include "loy-sqlite-images.h"
#include "loy-sqlite-overview.h"
#include "loy-sqlite-ledger.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-campaigns.h"
#include "loy-sqlite-checkpointer.h"
#include "loy-sqlite-rewards.h"
#include "loy-sqlite-schema.h"
#include "loy-sqlite-segments.h"
#include "loy-sqlite-store-private.h"
#include "loy-sqlite-worker.h"

static void loy_sqlite_store_initable_iface_init (GInitableIface    *iface);
static void loy_sqlite_store_store_iface_init    (LoyStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoySqliteStore, loy_sqlite_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      loy_sqlite_store_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_STORE,
                                                      loy_sqlite_store_store_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* One delete for the kinds that can be deleted, each written by its area */

typedef struct
{
  LoyKind  kind;
  char    *uuid;
} DeleteInput;

static void
delete_input_free (DeleteInput *input)
{
  g_free (input->uuid);
  g_free (input);
}

static gboolean
delete_work (sqlite3       *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  DeleteInput *input = data;

  switch (input->kind)
    {
    case LOY_KIND_REWARD:
      return _loy_sqlite_delete_reward (db, input->uuid, error);
    case LOY_KIND_CAMPAIGN:
      return _loy_sqlite_delete_campaign (db, input->uuid, error);

    case LOY_KIND_LEVEL:
      return _loy_sqlite_delete_level (db, input->uuid, error);

    case LOY_KIND_SEGMENT:
      return _loy_sqlite_delete_segment (db, input->uuid, error);

    default:
      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED,
                   _("Records of this kind cannot be deleted"));
      return FALSE;
    }
}

static void
loy_sqlite_store_delete_async (LoyStore            *store,
                               LoyKind              kind,
                               const char          *uuid,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  DeleteInput *input = g_new0 (DeleteInput, 1);

  input->kind = kind;
  input->uuid = g_strdup (uuid);

  _loy_sqlite_store_run_boolean_async (LOY_SQLITE_STORE (store), delete_work, input,
                                       (GDestroyNotify) delete_input_free,
                                       loy_sqlite_store_delete_async,
                                       cancellable, callback, user_data);
}

static LoyStoreCapabilities
loy_sqlite_store_get_capabilities (LoyStore *store)
{
  LoyStoreCapabilities capabilities = LOY_STORE_CAN_CREATE_REWARDS |
                                      LOY_STORE_CAN_UPDATE_REWARDS |
                                      LOY_STORE_CAN_DELETE_REWARDS |
                                      LOY_STORE_CAN_MANAGE_CODES |
                                      LOY_STORE_CAN_ENROLL_CONTACTS |
                                      LOY_STORE_CAN_MANAGE_POINTS |
                                      LOY_STORE_CAN_EXPIRE_POINTS |
                                      LOY_STORE_CAN_EDIT_PROGRAM |
                                      LOY_STORE_CAN_EXPORT |
                                      LOY_STORE_CAN_WORK_OFFLINE |
                                      LOY_STORE_CAN_OVERVIEW |
                                      LOY_STORE_CAN_SAVE_IMAGES |
                                      LOY_STORE_CAN_MANAGE_CAMPAIGNS |
                                      LOY_STORE_CAN_FILTER_CONTACTS |
                                      LOY_STORE_CAN_SORT_CONTACTS |
                                      LOY_STORE_CAN_SEARCH;

  return capabilities | _loy_sqlite_query_list_capabilities ();
}

static char *
loy_sqlite_store_get_description (LoyStore *store)
{
  return g_strdup (LOY_SQLITE_STORE (store)->path);
}

static void
loy_sqlite_store_store_iface_init (LoyStoreInterface *iface)
{
  iface->get_capabilities = loy_sqlite_store_get_capabilities;
  iface->get_description = loy_sqlite_store_get_description;
  iface->delete_async = loy_sqlite_store_delete_async;
  _loy_sqlite_store_query_iface_init (iface);
  _loy_sqlite_store_rewards_iface_init (iface);
  _loy_sqlite_store_codes_iface_init (iface);
  _loy_sqlite_store_images_iface_init (iface);
  _loy_sqlite_store_ledger_iface_init (iface);
  _loy_sqlite_store_redeem_iface_init (iface);
  _loy_sqlite_store_campaigns_iface_init (iface);
  _loy_sqlite_store_campaign_purchases_iface_init (iface);
  _loy_sqlite_store_cashback_iface_init (iface);
  _loy_sqlite_store_program_iface_init (iface);
  _loy_sqlite_store_segments_iface_init (iface);
  _loy_sqlite_store_export_iface_init (iface);
  _loy_sqlite_store_overview_iface_init (iface);
}

/* The worker's first job: levels that moved with the calendar, then the
 * images — copied in once for rewards and brand images that still point at
 * a file, removed when nothing shows them — even when the levels could not
 * be refreshed. */
static gboolean
catch_up (sqlite3  *db,
          GError  **error)
{
  g_autoptr(GError) levels_error = NULL;

  if (!_loy_sqlite_refresh_levels (db, &levels_error))
    g_debug ("Could not bring levels up to date: %s", levels_error->message);

  return _loy_sqlite_import_file_images (db, error) &&
         _loy_sqlite_remove_unused_images (db, error);
}

static gboolean
loy_sqlite_store_open (LoySqliteStore     *self,
                       LoySqliteStepFunc   step,
                       gpointer            step_data,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (self->path != NULL, FALSE);

  directory = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("Could not create the folder “%s”: %s"),
                   directory, g_strerror (saved_errno));
      return FALSE;
    }

  self->db = _loy_sqlite_open (self->path, step, step_data, cancellable, error);
  if (self->db == NULL)
    return FALSE;

  /* Levels by points earned in a period moved with the calendar while the
   * store was closed. The first job sets them again, off the main thread
   * that opened the store: on 200,000 contacts that takes about 0.3 s.
   * Once is enough; `loyctl points expire`, run daily, keeps them current. */
  self->checkpointer = _loy_sqlite_checkpointer_new (self->db);
  self->worker = _loy_sqlite_worker_new (self->db, catch_up);
  return TRUE;
}

static gboolean
loy_sqlite_store_initable_init (GInitable     *initable,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return loy_sqlite_store_open (LOY_SQLITE_STORE (initable), NULL, NULL, cancellable, error);
}

static void
loy_sqlite_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = loy_sqlite_store_initable_init;
}

static void
loy_sqlite_store_finalize (GObject *object)
{
  LoySqliteStore *self = (LoySqliteStore *)object;

  /* No job is left: each holds a reference to the store. */
  g_clear_pointer (&self->worker, _loy_sqlite_worker_free);
  g_clear_pointer (&self->checkpointer, _loy_sqlite_checkpointer_free);
  g_clear_pointer (&self->db, _loy_sqlite_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (loy_sqlite_store_parent_class)->finalize (object);
}

static void
loy_sqlite_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoySqliteStore *self = LOY_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_sqlite_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LoySqliteStore *self = LOY_SQLITE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_sqlite_store_class_init (LoySqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_sqlite_store_finalize;
  object_class->get_property = loy_sqlite_store_get_property;
  object_class->set_property = loy_sqlite_store_set_property;

  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_sqlite_store_init (LoySqliteStore *self)
{
}

char *
loy_sqlite_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "loyalty-desk", "loyalty.db", NULL);
}

LoySqliteStore *
loy_sqlite_store_new (const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (LOY_TYPE_SQLITE_STORE, NULL, error, "path", path, NULL);
}

typedef struct
{
  char            *path;
  LoyProgressFunc  progress;
  gpointer         progress_data;
} OpenInput;

static void
open_input_free (OpenInput *input)
{
  g_free (input->path);
  g_free (input);
}

typedef struct
{
  LoyProgressFunc  progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
  guint            done;
  guint            total;
} StepReport;

static void
step_report_free (StepReport *report)
{
  g_clear_object (&report->cancellable);
  g_free (report);
}

static gboolean
report_step_cb (gpointer user_data)
{
  StepReport *report = user_data;

  /* Once cancelled, the caller may have let go of its progress data. */
  if (!g_cancellable_is_cancelled (report->cancellable))
    report->progress (report->done, report->total, report->progress_data);

  return G_SOURCE_REMOVE;
}

/* In the opening thread: the step goes to the context that opens. */
static void
report_step (guint    done,
             guint    total,
             gpointer user_data)
{
  GTask *task = user_data;
  OpenInput *input = g_task_get_task_data (task);
  StepReport *report = g_new0 (StepReport, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  report->progress = input->progress;
  report->progress_data = input->progress_data;
  report->cancellable = g_task_get_cancellable (task) != NULL ?
                        g_object_ref (g_task_get_cancellable (task)) : NULL;
  report->done = done;
  report->total = total;
  /* Always a source, never g_main_context_invoke(): that would call it
   * right here in this thread whenever the context is free for a moment. */
  g_source_set_priority (source, g_task_get_priority (task));
  g_source_set_callback (source, report_step_cb, report, (GDestroyNotify) step_report_free);
  g_source_attach (source, g_task_get_context (task));
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenInput *input = task_data;
  GError *error = NULL;
  g_autoptr(LoySqliteStore) store = g_object_new (LOY_TYPE_SQLITE_STORE,
                                                  "path", input->path, NULL);

  if (!loy_sqlite_store_open (store, input->progress != NULL ? report_step : NULL, task,
                              cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The catch-up runs here too, rather than in the main thread's first
   * look at the store (loy_sqlite_store_has_program()). */
  _loy_sqlite_worker_lock (store->worker);
  _loy_sqlite_worker_unlock (store->worker);

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
loy_sqlite_store_new_async (const char          *path,
                            LoyProgressFunc      progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenInput *input;

  g_return_if_fail (path != NULL);

  input = g_new0 (OpenInput, 1);
  input->path = g_strdup (path);
  input->progress = progress;
  input->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, loy_sqlite_store_new_async);
  g_task_set_task_data (task, input, (GDestroyNotify) open_input_free);
  g_task_run_in_thread (task, open_in_thread);
}

LoySqliteStore *
loy_sqlite_store_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, loy_sqlite_store_new_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
loy_sqlite_store_needs_upgrade (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return _loy_sqlite_needs_upgrade (path);
}

const char *
loy_sqlite_store_get_path (LoySqliteStore *self)
{
  g_return_val_if_fail (LOY_IS_SQLITE_STORE (self), NULL);

  return self->path;
}

gboolean
loy_sqlite_store_is_empty (LoySqliteStore *self)
{
  g_autoptr(GError) error = NULL;
  gint64 has_records = 0;

  g_return_val_if_fail (LOY_IS_SQLITE_STORE (self), FALSE);

  if (!_loy_sqlite_select_int64 (_loy_sqlite_worker_lock (self->worker),
                               "SELECT EXISTS (SELECT 1 FROM rewards) OR EXISTS (SELECT 1 FROM contacts)",
                               0, &has_records, &error))
    g_warning ("Could not tell whether the database is empty: %s", error->message);
  _loy_sqlite_worker_unlock (self->worker);

  return !has_records;
}

gboolean
loy_sqlite_store_has_program (LoySqliteStore *self)
{
  g_autoptr(GError) error = NULL;
  gint64 has_program = 0;

  g_return_val_if_fail (LOY_IS_SQLITE_STORE (self), FALSE);

  if (!_loy_sqlite_select_int64 (_loy_sqlite_worker_lock (self->worker),
                                 "SELECT EXISTS (SELECT 1 FROM program) OR EXISTS (SELECT 1 FROM rewards)"
                                 " OR EXISTS (SELECT 1 FROM contacts)",
                                 0, &has_program, &error))
    g_warning ("Could not tell whether the database holds a program: %s", error->message);
  _loy_sqlite_worker_unlock (self->worker);

  return has_program;
}

gboolean
loy_sqlite_store_start_program (LoySqliteStore  *self,
                                GError         **error)
{
  g_autoptr(LoyProgram) defaults = loy_program_new ();
  g_autoptr(LoyProgram) program = NULL;

  g_return_val_if_fail (LOY_IS_SQLITE_STORE (self), FALSE);

  program = loy_store_update_program_sync (LOY_STORE (self), defaults, NULL, error);

  return program != NULL;
}

static gboolean
populate_demo_work (sqlite3       *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return _loy_sqlite_populate_demo (db, data, cancellable, error);
}

void
loy_sqlite_store_populate_demo_async (LoySqliteStore       *self,
                                      const LoyDemoOptions *options,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (LOY_IS_SQLITE_STORE (self));
  g_return_if_fail (options != NULL);

  _loy_sqlite_store_run_boolean_async (self, populate_demo_work, g_memdup2 (options, sizeof *options), g_free,
                                       loy_sqlite_store_populate_demo_async,
                                       cancellable, callback, user_data);
}

gboolean
loy_sqlite_store_populate_demo_finish (LoySqliteStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, loy_sqlite_store_populate_demo_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
loy_sqlite_store_populate_demo (LoySqliteStore        *self,
                                const LoyDemoOptions  *options,
                                GCancellable          *cancellable,
                                GError               **error)
{
  gboolean populated;

  g_return_val_if_fail (LOY_IS_SQLITE_STORE (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  populated = _loy_sqlite_populate_demo (_loy_sqlite_worker_lock (self->worker), options,
                                         cancellable, error);
  _loy_sqlite_worker_unlock (self->worker);

  return populated;
}
