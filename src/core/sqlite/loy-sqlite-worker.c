/* loy-sqlite-worker.c — the thread that runs a store's jobs on its one
 * connection, and the commit that short writes share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include "loy-sqlite-db.h"
#include "loy-sqlite-store-private.h"
#include "loy-sqlite-worker.h"

/* Short writes waiting together share one commit: a commit writes its
 * pages to the WAL at a cost per page, not per write, so tills redeeming
 * at once go faster together than one after the other. */
#define MAX_SHARED_WRITES 64


/* What a job's function returns, and so what its task does. */
typedef enum
{
  RETURNS_POINTER,
  RETURNS_BOOLEAN,
  RETURNS_COUNT,
} StoreWorkReturns;

typedef struct
{
  StoreWorkReturns returns;
  union {
    LoySqliteWorkFunc        pointer;
    LoySqliteBooleanWorkFunc boolean;
    LoySqliteCountWorkFunc   count;
  } func;
  gpointer         input;
  GDestroyNotify   input_free;
  GDestroyNotify   result_free;
  gboolean         shares_commit;

  /* What came of it, until handed to the task. */
  gboolean         succeeded;
  gpointer         result;
  gint64           count;
  GError          *error;
} StoreWork;

static void
store_work_free (StoreWork *work)
{
  if (work->input_free != NULL)
    g_clear_pointer (&work->input, work->input_free);
  g_free (work);
}

struct _LoySqliteWorker
{
  /* One connection, used by one thread at a time: a transaction spans
   * several statements, which sqlite's own mutex would not keep together. */
  GMutex               mutex;
  sqlite3             *db;
  /* Run before the first job, then cleared. */
  LoySqliteCatchUpFunc catch_up;

  /* The thread that runs the jobs (GTask *) of this queue (worker_thread()). */
  GThread             *thread;
  GAsyncQueue         *jobs;
};

/* Takes the connection for a job. */
static void
lock_connection (LoySqliteWorker *self)
{
  g_mutex_lock (&self->mutex);

  /* Off the main thread that opened the store, once. */
  if (self->catch_up != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!self->catch_up (self->db, &error))
        g_debug ("Could not bring the database up to date: %s", error->message);
      self->catch_up = NULL;
    }
}

static void
run_job (LoySqliteWorker *self,
         GTask           *task)
{
  StoreWork *work = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gulong interrupt_id = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, &work->error))
    return;

  /* A write sharing a commit is never interrupted: SQLite would roll back
   * the other writes of its transaction with it. */
  if (cancellable != NULL && !work->shares_commit)
    interrupt_id = _loy_sqlite_interrupt_on_cancel (self->db, cancellable);

  switch (work->returns)
    {
    case RETURNS_POINTER:
      work->result = work->func.pointer (self->db, work->input, cancellable, &work->error);
      work->succeeded = work->result != NULL;
      break;

    case RETURNS_BOOLEAN:
      work->succeeded = work->func.boolean (self->db, work->input, cancellable, &work->error);
      break;

    case RETURNS_COUNT:
      work->count = work->func.count (self->db, work->input, cancellable, &work->error);
      work->succeeded = work->count >= 0;
      break;

    default:
      g_assert_not_reached ();
    }

  if (interrupt_id != 0)
    _loy_sqlite_interrupt_done (cancellable, interrupt_id, &work->error);
}

static void
return_job (GTask *task)
{
  StoreWork *work = g_task_get_task_data (task);

  if (!work->succeeded)
    g_task_return_error (task, g_steal_pointer (&work->error));
  else if (work->returns == RETURNS_BOOLEAN)
    g_task_return_boolean (task, TRUE);
  else if (work->returns == RETURNS_COUNT)
    g_task_return_int (task, work->count);
  else
    g_task_return_pointer (task, g_steal_pointer (&work->result), work->result_free);
}

static gboolean
return_jobs_cb (gpointer user_data)
{
  GPtrArray *tasks = user_data;

  for (guint i = 0; i < tasks->len; i++)
    return_job (g_ptr_array_index (tasks, i));

  return G_SOURCE_REMOVE;
}

static gboolean
same_context_and_priority (GTask *task,
                           GTask *other)
{
  return g_task_get_context (task) == g_task_get_context (other) &&
         g_task_get_priority (task) == g_task_get_priority (other);
}

/* Hands the tasks (GTask *) of @batch, and the worker's references to
 * them, to the contexts they were made in: there each returns, and there
 * its last reference goes, with the store's that it holds — never in the
 * worker. Neighbours of one context and priority go in one source, so
 * that a shared commit wakes its callers' thread once, not once a write. */
static void
return_jobs (GPtrArray *batch)
{
  guint first = 0;

  while (first < batch->len)
    {
      GTask *task = g_ptr_array_index (batch, first);
      g_autoptr(GSource) source = g_idle_source_new ();
      GPtrArray *tasks = g_ptr_array_new_with_free_func (g_object_unref);

      do
        g_ptr_array_add (tasks, g_ptr_array_index (batch, first++));
      while (first < batch->len && same_context_and_priority (task, g_ptr_array_index (batch, first)));

      g_source_set_priority (source, g_task_get_priority (task));
      g_source_set_callback (source, return_jobs_cb, tasks, (GDestroyNotify) g_ptr_array_unref);
      g_source_attach (source, g_task_get_context (task));
    }
}

/* The writes of @writes[@from, @to) that succeeded are undone with the
 * shared transaction they were in: they fail with @error. */
static void
fail_lost_writes (GPtrArray    *writes,
                  guint         from,
                  guint         to,
                  const GError *error)
{
  for (guint i = from; i < to; i++)
    {
      StoreWork *write = g_task_get_task_data (g_ptr_array_index (writes, i));

      if (!write->succeeded)
        continue;

      if (write->result != NULL && write->result_free != NULL)
        write->result_free (write->result);
      write->result = NULL;
      write->succeeded = FALSE;
      write->error = g_error_copy (error);
    }
}

/* Runs @writes (GTask *) in shared transactions, each write in a savepoint. */
static void
run_shared_writes (LoySqliteWorker *self,
                   GPtrArray       *writes)
{
  guint first = 0;

  while (first < writes->len)
    {
      g_autoptr(GError) error = NULL;
      StoreWork *breaking = NULL;
      guint next;

      if (!_loy_sqlite_begin_shared (self->db, &error))
        {
          for (guint i = first; i < writes->len; i++)
            {
              StoreWork *write = g_task_get_task_data (g_ptr_array_index (writes, i));

              write->error = g_error_copy (error);
            }
          return;
        }

      for (next = first; next < writes->len && breaking == NULL; next++)
        {
          run_job (self, g_ptr_array_index (writes, next));
          /* SQLite rolled back the whole transaction: the writes after
           * this one start another. */
          if (sqlite3_get_autocommit (self->db))
            breaking = g_task_get_task_data (g_ptr_array_index (writes, next));
        }

      if (!_loy_sqlite_commit_shared (self->db, &error))
        fail_lost_writes (writes, first, next,
                          breaking != NULL && breaking->error != NULL ? breaking->error : error);
      first = next;
    }
}

/* Pushed last: the worker ends. */
static char stop_worker;

static gboolean
shares_commit (gpointer job)
{
  return job != &stop_worker &&
         ((StoreWork *) g_task_get_task_data (job))->shares_commit;
}

/* The store's one connection is used by one thread of its own, which runs
 * the jobs (GTask *) in the order they come. It holds no reference to the
 * store: each job does, and a job is the only way to reach the thread. */
static gpointer
worker_thread (gpointer data)
{
  LoySqliteWorker *self = data;
  GAsyncQueue *jobs = self->jobs;
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  gpointer job = g_async_queue_pop (jobs);

  while (job != &stop_worker)
    {
      gpointer next = NULL;

      /* The writes waiting behind a write join it, up to the first job
       * that is not one. */
      g_ptr_array_add (batch, job);
      while (shares_commit (job) && batch->len < MAX_SHARED_WRITES &&
             (next = g_async_queue_try_pop (jobs)) != NULL && shares_commit (next))
        {
          g_ptr_array_add (batch, next);
          next = NULL;
        }

      lock_connection (self);
      /* Alone, a write is its own transaction. */
      if (batch->len == 1)
        run_job (self, job);
      else
        run_shared_writes (self, batch);
      g_mutex_unlock (&self->mutex);

      return_jobs (batch);
      g_ptr_array_set_size (batch, 0);

      job = next != NULL ? next : g_async_queue_pop (jobs);
    }

  return NULL;
}

LoySqliteWorker *
_loy_sqlite_worker_new (sqlite3              *db,
                        LoySqliteCatchUpFunc  catch_up)
{
  LoySqliteWorker *self = g_new0 (LoySqliteWorker, 1);

  g_mutex_init (&self->mutex);
  self->db = db;
  self->catch_up = catch_up;
  self->jobs = g_async_queue_new ();
  self->thread = g_thread_new ("loy-sqlite-store", worker_thread, self);

  return self;
}

void
_loy_sqlite_worker_free (LoySqliteWorker *self)
{
  g_async_queue_push (self->jobs, &stop_worker);
  g_thread_join (self->thread);

  g_async_queue_unref (self->jobs);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

sqlite3 *
_loy_sqlite_worker_lock (LoySqliteWorker *self)
{
  g_mutex_lock (&self->mutex);

  return self->db;
}

void
_loy_sqlite_worker_unlock (LoySqliteWorker *self)
{
  g_mutex_unlock (&self->mutex);
}

static StoreWork *
store_work_new (StoreWorkReturns returns,
                gpointer         input,
                GDestroyNotify   input_free,
                gboolean         shares_commit)
{
  StoreWork *work = g_new0 (StoreWork, 1);

  work->returns = returns;
  work->input = input;
  work->input_free = input_free;
  work->shares_commit = shares_commit;

  return work;
}

static void
push_job (LoySqliteWorker     *worker,
          gpointer             source_object,
          StoreWork           *work,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, work, (GDestroyNotify) store_work_free);
  g_async_queue_push (worker->jobs, task);
}

static void
run_async (LoySqliteWorker     *worker,
           gpointer             source_object,
           LoySqliteWorkFunc    func,
           gpointer             input,
           GDestroyNotify       input_free,
           GDestroyNotify       result_free,
           gboolean             shares_commit,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  StoreWork *work = store_work_new (RETURNS_POINTER, input, input_free, shares_commit);

  work->func.pointer = func;
  work->result_free = result_free;
  push_job (worker, source_object, work, source_tag, cancellable, callback, user_data);
}

void
_loy_sqlite_worker_run_async (LoySqliteWorker     *self,
                              gpointer             source_object,
                              LoySqliteWorkFunc    func,
                              gpointer             input,
                              GDestroyNotify       input_free,
                              GDestroyNotify       result_free,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  run_async (self, source_object, func, input, input_free, result_free, FALSE, source_tag,
             cancellable, callback, user_data);
}

void
_loy_sqlite_worker_run_boolean_async (LoySqliteWorker          *self,
                                      gpointer                  source_object,
                                      LoySqliteBooleanWorkFunc  func,
                                      gpointer                  input,
                                      GDestroyNotify            input_free,
                                      gpointer                  source_tag,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data)
{
  StoreWork *work = store_work_new (RETURNS_BOOLEAN, input, input_free, FALSE);

  work->func.boolean = func;
  push_job (self, source_object, work, source_tag, cancellable, callback, user_data);
}

void
_loy_sqlite_store_run_async (LoySqliteStore      *self,
                             LoySqliteWorkFunc    func,
                             gpointer             input,
                             GDestroyNotify       input_free,
                             GDestroyNotify       result_free,
                             gpointer             source_tag,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  _loy_sqlite_worker_run_async (self->worker, self, func, input, input_free, result_free, source_tag,
                                cancellable, callback, user_data);
}

void
_loy_sqlite_store_run_write_async (LoySqliteStore      *self,
                                   LoySqliteWorkFunc    func,
                                   gpointer             input,
                                   GDestroyNotify       input_free,
                                   GDestroyNotify       result_free,
                                   gpointer             source_tag,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  run_async (self->worker, self, func, input, input_free, result_free, TRUE, source_tag,
             cancellable, callback, user_data);
}

void
_loy_sqlite_store_run_boolean_async (LoySqliteStore           *self,
                                     LoySqliteBooleanWorkFunc  func,
                                     gpointer                  input,
                                     GDestroyNotify            input_free,
                                     gpointer                  source_tag,
                                     GCancellable             *cancellable,
                                     GAsyncReadyCallback       callback,
                                     gpointer                  user_data)
{
  _loy_sqlite_worker_run_boolean_async (self->worker, self, func, input, input_free, source_tag,
                                        cancellable, callback, user_data);
}

void
_loy_sqlite_store_run_count_async (LoySqliteStore         *self,
                                   LoySqliteCountWorkFunc  func,
                                   gpointer                input,
                                   GDestroyNotify          input_free,
                                   gpointer                source_tag,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  StoreWork *work = store_work_new (RETURNS_COUNT, input, input_free, FALSE);

  work->func.count = func;
  push_job (self->worker, self, work, source_tag, cancellable, callback, user_data);
}

gpointer
_loy_sqlite_store_finish (gpointer       self,
                          GAsyncResult  *result,
                          gpointer       source_tag,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
