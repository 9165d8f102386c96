/* loy-sqlite-checkpointer.c — copies a store's WAL back into its database
 * in a thread of its own, so that the writes never wait for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include "loy-sqlite-checkpointer.h"
#include "loy-sqlite-db.h"

/* A checkpoint copies the pages of the WAL into the database and syncs
 * both files. In the writer's thread, after a commit (SQLite's
 * autocheckpoint), it held up every write queued behind it: a sixth of a
 * redemption's time under load. A connection of its own copies while the
 * writer appends. */

/* New frames (4 KiB pages) in the WAL that start a copy: 16 MiB, each page
 * changed in them copied once, with one pair of syncs. */
#define CHECKPOINT_FRAMES 4000
/* The WAL starts over from its beginning only when a write begins with all
 * of it copied, which a copy running beside the writes seldom leaves. Once
 * it is this long, the writer copies the last few frames itself, so that
 * its next write starts it over (or all of them, when the thread has fallen
 * this far behind), bounding the file. */
#define RESTART_FRAMES (4 * CHECKPOINT_FRAMES)
#define CATCH_UP_FRAMES 256

struct _LoySqliteCheckpointer
{
  sqlite3  *writer;
  /* Used by the thread alone. */
  sqlite3  *db;
  GThread  *thread;

  GMutex    mutex;
  GCond     wake;
  gboolean  wanted;
  gboolean  stopping;
  /* The frames of the WAL copied into the database by the last checkpoint. */
  int       copied;
};

static void
checkpoint (LoySqliteCheckpointer *self,
            sqlite3               *db)
{
  int in_log = 0;
  int copied = 0;

  /* PASSIVE takes no lock a writer needs; it is SQLITE_BUSY at once when
   * the other connection is copying. */
  if (sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &in_log, &copied) !=
      SQLITE_OK)
    return;

  g_mutex_lock (&self->mutex);
  self->copied = copied;
  g_mutex_unlock (&self->mutex);
}

static gpointer
checkpointer_thread (gpointer data)
{
  LoySqliteCheckpointer *self = data;

  g_mutex_lock (&self->mutex);
  while (!self->stopping)
    {
      if (!self->wanted)
        {
          g_cond_wait (&self->wake, &self->mutex);
          continue;
        }

      g_mutex_unlock (&self->mutex);
      checkpoint (self, self->db);
      g_mutex_lock (&self->mutex);
      /* The commits during the copy asked for what it copied. */
      self->wanted = FALSE;
    }
  g_mutex_unlock (&self->mutex);

  return NULL;
}

/* After each commit of the writer, in its thread, with @n_frames in the WAL. */
static int
wal_committed_cb (gpointer    data,
                  sqlite3    *writer,
                  const char *schema,
                  int         n_frames)
{
  LoySqliteCheckpointer *self = data;
  gboolean copy_here = FALSE;
  int behind;

  g_mutex_lock (&self->mutex);
  /* Fewer frames than were copied: the WAL started over. */
  if (n_frames < self->copied)
    self->copied = 0;
  behind = n_frames - self->copied;

  if (n_frames >= RESTART_FRAMES && (behind <= CATCH_UP_FRAMES || behind >= RESTART_FRAMES))
    copy_here = TRUE;
  else if (behind >= CHECKPOINT_FRAMES || (n_frames >= RESTART_FRAMES && !self->wanted))
    {
      self->wanted = TRUE;
      g_cond_signal (&self->wake);
    }
  g_mutex_unlock (&self->mutex);

  if (copy_here)
    checkpoint (self, writer);

  return SQLITE_OK;
}

LoySqliteCheckpointer *
_loy_sqlite_checkpointer_new (sqlite3 *writer)
{
  const char *path = sqlite3_db_filename (writer, "main");
  g_autoptr(GError) error = NULL;
  LoySqliteCheckpointer *self;
  sqlite3 *db;

  if (path == NULL || *path == '\0')
    return NULL;

  if (!(db = _loy_sqlite_db_open (path, &error)))
    {
      g_debug ("The writes will copy the WAL back themselves: %s", error->message);
      return NULL;
    }

  self = g_new0 (LoySqliteCheckpointer, 1);
  self->writer = writer;
  self->db = db;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->wake);
  self->thread = g_thread_new ("loy-sqlite-checkpoint", checkpointer_thread, self);
  /* In place of the autocheckpoint, which is a WAL hook too. */
  sqlite3_wal_hook (writer, wal_committed_cb, self);

  return self;
}

void
_loy_sqlite_checkpointer_free (LoySqliteCheckpointer *self)
{
  sqlite3_wal_autocheckpoint (self->writer, CHECKPOINT_FRAMES);

  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_signal (&self->wake);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->thread);

  _loy_sqlite_close (self->db);
  g_cond_clear (&self->wake);
  g_mutex_clear (&self->mutex);
  g_free (self);
}
