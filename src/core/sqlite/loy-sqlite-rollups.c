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
G_STATIC_ASSERT (LOY_SQLITE_ACTIVE_CHUNK_BYTES * 8 == LOY_SQLITE_ACTIVE_CHUNK_SIZE);
G_STATIC_ASSERT (LOY_SQLITE_ACTIVE_CHUNK_NIBBLES * 4 == LOY_SQLITE_ACTIVE_CHUNK_SIZE);

static const char hex_digits[] = "0123456789ABCDEF";

/* The day sums (rollup_ledger_effects, in the schema, says what each entry
 * adds) and the contacts per level. */
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
  "  WHERE redemptions <> 0 GROUP BY day, reward_id HAVING sum (redemptions) <> 0;"
  "DELETE FROM rollup_levels;"
  "INSERT INTO rollup_levels (level_id, contacts)"
  "  SELECT coalesce (level_id, 0), count(*) FROM contacts GROUP BY 1;";

/* The spans rollup_active_days keeps bitmaps for, and the SQL of their first day. */
static const struct
{
  const char *name;
  const char *select;
} spans[] = {
  { "day", "SELECT " LOY_SQLITE_DAY_OF ("created_at") " AS d, contact_id FROM ledger_entries"
           " GROUP BY d, contact_id ORDER BY d, contact_id" },
  { "week", "SELECT " LOY_SQLITE_WEEK_OF ("created_at") " AS d, contact_id FROM ledger_entries"
            " GROUP BY d, contact_id ORDER BY d, contact_id" },
  { "month", "SELECT " LOY_SQLITE_MONTH_OF ("created_at") " AS d, contact_id FROM ledger_entries"
             " GROUP BY d, contact_id ORDER BY d, contact_id" },
};

/* Byte i of a bitmap is its hex digits 2i (low bits) and 2i + 1. */
static void
bytes_to_hex (const guint8 *bytes,
              char         *hex)
{
  for (guint i = 0; i < LOY_SQLITE_ACTIVE_CHUNK_BYTES; i++)
    {
      hex[2 * i] = hex_digits[bytes[i] & 0xf];
      hex[2 * i + 1] = hex_digits[bytes[i] >> 4];
    }
}

static gboolean
write_active_chunk (sqlite3_stmt          *insert,
                    LoySqliteActiveLayout  layout,
                    const char            *span,
                    const char            *day,
                    gint64                 chunk,
                    const guint8          *bytes,
                    GError               **error)
{
  char hex[LOY_SQLITE_ACTIVE_CHUNK_NIBBLES];

  sqlite3_bind_text (insert, 1, span, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 3, chunk);
  if (layout == LOY_SQLITE_ACTIVE_AS_HEX)
    {
      bytes_to_hex (bytes, hex);
      sqlite3_bind_text (insert, 4, hex, sizeof hex, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_blob (insert, 4, bytes, LOY_SQLITE_ACTIVE_CHUNK_BYTES, SQLITE_TRANSIENT);

  return _loy_sqlite_step_done (insert, error);
}

/* Each span's contacts with an entry, a chunk at a time: the rows come
 * sorted by day and contact, so each chunk's bitmap is written once. */
static gboolean
fill_active_span (sqlite3                *db,
                  LoySqliteActiveLayout   layout,
                  const char             *span,
                  const char             *select_sql,
                  GError                **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint8 bytes[LOY_SQLITE_ACTIVE_CHUNK_BYTES] = { 0 };
  g_autofree char *day = NULL;
  gint64 chunk = -1;
  int rc;

  select = _loy_sqlite_prepare (db, select_sql, error);
  insert = _loy_sqlite_prepare (db,
                                "INSERT INTO rollup_active_days (span, day, chunk, contacts)"
                                " VALUES (?1, ?2, ?3, ?4)",
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
          if (day != NULL && !write_active_chunk (insert, layout, span, day, chunk, bytes, error))
            return FALSE;

          g_free (day);
          day = g_strdup (row_day);
          chunk = contact_id >> LOY_SQLITE_ACTIVE_CHUNK_SHIFT;
          memset (bytes, 0, sizeof bytes);
        }

      bytes[bit >> 3] |= 1 << (bit & 7);
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return day == NULL || write_active_chunk (insert, layout, span, day, chunk, bytes, error);
}

gboolean
_loy_sqlite_fill_rollups (sqlite3                *db,
                          LoySqliteActiveLayout   layout,
                          LoySqliteStepFunc       step,
                          gpointer                step_data,
                          GError                **error)
{
  /* The days' sums, then each span's bitmaps: on 200,000 contacts 5.6,
   * 4.0, 3.7 and 3.7 s. */
  guint n_steps = 1 + G_N_ELEMENTS (spans);

  if (step != NULL)
    step (0, n_steps, step_data);
  if (!_loy_sqlite_exec (db, fill_days_sql, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      if (step != NULL)
        step (1 + i, n_steps, step_data);
      if (!fill_active_span (db, layout, spans[i].name, spans[i].select, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_loy_sqlite_convert_active_hex (sqlite3  *db,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  select = _loy_sqlite_prepare (db, "SELECT span, day, chunk, contacts FROM rollup_active_days_v8",
                                error);
  insert = _loy_sqlite_prepare (db,
                                "INSERT INTO rollup_active_days (span, day, chunk, contacts)"
                                " VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (select == NULL || insert == NULL)
    return FALSE;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *hex = (const char *) sqlite3_column_text (select, 3);
      guint8 bytes[LOY_SQLITE_ACTIVE_CHUNK_BYTES];

      /* The table's CHECK holds it to LOY_SQLITE_ACTIVE_CHUNK_NIBBLES digits. */
      for (guint i = 0; i < LOY_SQLITE_ACTIVE_CHUNK_BYTES; i++)
        bytes[i] = g_ascii_xdigit_value (hex[2 * i]) | g_ascii_xdigit_value (hex[2 * i + 1]) << 4;

      sqlite3_bind_value (insert, 1, sqlite3_column_value (select, 0));
      sqlite3_bind_value (insert, 2, sqlite3_column_value (select, 1));
      sqlite3_bind_value (insert, 3, sqlite3_column_value (select, 2));
      sqlite3_bind_blob (insert, 4, bytes, sizeof bytes, SQLITE_STATIC);
      if (!_loy_sqlite_step_done (insert, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  return TRUE;
}

/* The longest span that starts on @cursor and ends by @to: a month from
 * its first day, a week from a Monday, else the day. */
static const char *
next_span (GDate       *cursor,
           const GDate *to)
{
  GDate end = *cursor;

  if (g_date_get_day (cursor) == 1)
    {
      g_date_add_months (&end, 1);
      if (g_date_compare (&end, to) <= 0)
        {
          *cursor = end;
          return "month";
        }
    }

  end = *cursor;
  if (g_date_get_weekday (cursor) == G_DATE_MONDAY)
    {
      g_date_add_days (&end, 7);
      if (g_date_compare (&end, to) <= 0)
        {
          *cursor = end;
          return "week";
        }
    }

  g_date_add_days (cursor, 1);
  return "day";
}

#define WORDS_PER_CHUNK (LOY_SQLITE_ACTIVE_CHUNK_BYTES / sizeof (guint64))

gboolean
_loy_sqlite_count_active (sqlite3      *db,
                          const GDate  *from,
                          const GDate  *to,
                          gint64       *n_active,
                          GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  /* Per chunk, its bitmap in words. */
  g_autoptr(GArray) seen = g_array_new (FALSE, TRUE, sizeof (guint64));
  GDate cursor = *from;
  gint64 count = 0;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "SELECT chunk, contacts FROM rollup_active_days"
                                     " WHERE span = :span AND day = :day",
                                     error);
  if (stmt == NULL)
    return FALSE;

  while (g_date_compare (&cursor, to) < 0)
    {
      char day[11];
      const char *span;
      int rc;

      g_snprintf (day, sizeof day, "%04u-%02u-%02u", (guint) g_date_get_year (&cursor),
                  (guint) g_date_get_month (&cursor), (guint) g_date_get_day (&cursor));
      span = next_span (&cursor, to);

      sqlite3_reset (stmt);
      _loy_sqlite_bind_text (stmt, ":span", span);
      _loy_sqlite_bind_text (stmt, ":day", day);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint offset = sqlite3_column_int64 (stmt, 0) * WORDS_PER_CHUNK;
          const guint8 *bytes = sqlite3_column_blob (stmt, 1);

          if (seen->len < offset + WORDS_PER_CHUNK)
            g_array_set_size (seen, offset + WORDS_PER_CHUNK);
          for (guint i = 0; i < WORDS_PER_CHUNK; i++)
            {
              guint64 word;

              memcpy (&word, bytes + i * sizeof word, sizeof word);
              g_array_index (seen, guint64, offset + i) |= word;
            }
        }

      if (rc != SQLITE_DONE)
        {
          _loy_sqlite_set_error (error, db);
          return FALSE;
        }
    }

  for (guint i = 0; i < seen->len; i++)
    count += __builtin_popcountll (g_array_index (seen, guint64, i));

  *n_active = count;
  return TRUE;
}
