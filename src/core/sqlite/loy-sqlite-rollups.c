/* loy-sqlite-rollups.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <string.h>

#include "loy-sqlite-db.h"
#include "loy-sqlite-rollups.h"

G_STATIC_ASSERT (LOY_SQLITE_ACTIVE_CHUNK_SIZE == 1 << LOY_SQLITE_ACTIVE_CHUNK_SHIFT);
G_STATIC_ASSERT (LOY_SQLITE_ACTIVE_CHUNK_NIBBLES * 4 == LOY_SQLITE_ACTIVE_CHUNK_SIZE);

static const char hex_digits[] = "0123456789ABCDEF";

/* The day sums; rollup_ledger_effects (the schema) says what each entry adds. */
static const char fill_days_sql[] =
  "DELETE FROM rollup_days;"
  "DELETE FROM rollup_reward_days;"
  "DELETE FROM rollup_active_days;"
  "INSERT INTO rollup_days (day, enrollments)"
  "  SELECT date (created_at, 'unixepoch', 'localtime'), count(*) FROM contacts GROUP BY 1;"
  "INSERT INTO rollup_days (day, issued, redeemed, expired, withdrawn, redemptions)"
  "  SELECT day, sum (issued), sum (redeemed), sum (expired), sum (withdrawn), sum (redemptions)"
  "  FROM rollup_ledger_effects WHERE true GROUP BY day"
  "  ON CONFLICT (day) DO UPDATE SET issued = excluded.issued, redeemed = excluded.redeemed,"
  "    expired = excluded.expired, withdrawn = excluded.withdrawn,"
  "    redemptions = excluded.redemptions;"
  "INSERT INTO rollup_reward_days (day, reward_id, redemptions)"
  "  SELECT day, reward_id, sum (redemptions) FROM rollup_ledger_effects"
  "  WHERE redemptions <> 0 GROUP BY day, reward_id HAVING sum (redemptions) <> 0;";

static gboolean
write_active_chunk (sqlite3_stmt  *insert,
                    const char    *day,
                    gint64         chunk,
                    const guint8  *nibbles,
                    GError       **error)
{
  char text[LOY_SQLITE_ACTIVE_CHUNK_NIBBLES];

  for (guint i = 0; i < LOY_SQLITE_ACTIVE_CHUNK_NIBBLES; i++)
    text[i] = hex_digits[nibbles[i]];

  sqlite3_bind_text (insert, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, chunk);
  sqlite3_bind_text (insert, 3, text, sizeof text, SQLITE_TRANSIENT);

  return _loy_sqlite_step_done (insert, error);
}

/* Each day's contacts with an entry, a chunk at a time: the rows come
 * sorted by day and contact, so each chunk's bitmap is written once. */
static gboolean
fill_active_days (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint8 nibbles[LOY_SQLITE_ACTIVE_CHUNK_NIBBLES] = { 0 };
  g_autofree char *day = NULL;
  gint64 chunk = -1;
  int rc;

  select = _loy_sqlite_prepare (db,
                                "SELECT date (created_at, 'unixepoch', 'localtime') AS d, contact_id"
                                " FROM ledger_entries GROUP BY d, contact_id ORDER BY d, contact_id",
                                error);
  insert = _loy_sqlite_prepare (db,
                                "INSERT INTO rollup_active_days (day, chunk, contacts)"
                                " VALUES (?1, ?2, ?3)",
                                error);
  if (select == NULL || insert == NULL)
    return FALSE;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *row_day = (const char *) sqlite3_column_text (select, 0);
      gint64 contact_id = sqlite3_column_int64 (select, 1);
      gint64 bit = contact_id & (LOY_SQLITE_ACTIVE_CHUNK_SIZE - 1);

      if (day == NULL || !g_str_equal (day, row_day) ||
          chunk != contact_id >> LOY_SQLITE_ACTIVE_CHUNK_SHIFT)
        {
          if (day != NULL && !write_active_chunk (insert, day, chunk, nibbles, error))
            return FALSE;

          g_free (day);
          day = g_strdup (row_day);
          chunk = contact_id >> LOY_SQLITE_ACTIVE_CHUNK_SHIFT;
          memset (nibbles, 0, sizeof nibbles);
        }

      nibbles[bit >> 2] |= 1 << (bit & 3);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return day == NULL || write_active_chunk (insert, day, chunk, nibbles, error);
}

gboolean
_loy_sqlite_fill_rollups (sqlite3  *db,
                          GError  **error)
{
  return _loy_sqlite_exec (db, fill_days_sql, error) && fill_active_days (db, error);
}

static guint8
hex_value (char digit)
{
  return digit <= '9' ? digit - '0' : digit - 'A' + 10;
}

gboolean
_loy_sqlite_count_active (sqlite3     *db,
                          const char  *from_day,
                          const char  *to_day,
                          gint64      *n_active,
                          GError     **error)
{
  static const guint8 bits_set[16] = { 0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4 };
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(GByteArray) seen = g_byte_array_new ();  /* a nibble per byte, for all chunks */
  gint64 count = 0;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT chunk, contacts FROM rollup_active_days"
                                     " WHERE day >= :from AND day < :to",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":from", from_day);
  _loy_sqlite_bind_text (stmt, ":to", to_day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 chunk = sqlite3_column_int64 (stmt, 0);
      const char *contacts = (const char *) sqlite3_column_text (stmt, 1);
      guint offset = chunk * LOY_SQLITE_ACTIVE_CHUNK_NIBBLES;
      guint8 *out;

      if (seen->len < offset + LOY_SQLITE_ACTIVE_CHUNK_NIBBLES)
        {
          guint old_len = seen->len;

          g_byte_array_set_size (seen, offset + LOY_SQLITE_ACTIVE_CHUNK_NIBBLES);
          memset (seen->data + old_len, 0, seen->len - old_len);
        }

      out = seen->data + offset;
      for (guint i = 0; i < LOY_SQLITE_ACTIVE_CHUNK_NIBBLES; i++)
        out[i] |= hex_value (contacts[i]);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  for (guint i = 0; i < seen->len; i++)
    count += bits_set[seen->data[i]];

  *n_active = count;
  return TRUE;
}
