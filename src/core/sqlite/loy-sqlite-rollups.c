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

static gboolean
write_active_chunk (sqlite3_stmt  *insert,
                    const char    *span,
                    const char    *day,
                    gint64         chunk,
                    const guint8  *nibbles,
                    GError       **error)
{
  char text[LOY_SQLITE_ACTIVE_CHUNK_NIBBLES];

  for (guint i = 0; i < LOY_SQLITE_ACTIVE_CHUNK_NIBBLES; i++)
    text[i] = hex_digits[nibbles[i]];

  sqlite3_bind_text (insert, 1, span, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 3, chunk);
  sqlite3_bind_text (insert, 4, text, sizeof text, SQLITE_TRANSIENT);

  return _loy_sqlite_step_done (insert, error);
}

/* Each span's contacts with an entry, a chunk at a time: the rows come
 * sorted by day and contact, so each chunk's bitmap is written once. */
static gboolean
fill_active_span (sqlite3     *db,
                  const char  *span,
                  const char  *select_sql,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint8 nibbles[LOY_SQLITE_ACTIVE_CHUNK_NIBBLES] = { 0 };
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
          if (day != NULL && !write_active_chunk (insert, span, day, chunk, nibbles, error))
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

  return day == NULL || write_active_chunk (insert, span, day, chunk, nibbles, error);
}

gboolean
_loy_sqlite_fill_rollups (sqlite3            *db,
                          LoySqliteStepFunc   step,
                          gpointer            step_data,
                          GError            **error)
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
      if (!fill_active_span (db, spans[i].name, spans[i].select, error))
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

/* ORs a row's hex bitmap into @seen, eight digits at a time: a digit's
 * value is its low four bits, plus 9 for the letters (bit 6 set). */
static void
or_hex_bitmap (guint64    *seen,
               const char *contacts)
{
  for (guint i = 0; i < LOY_SQLITE_ACTIVE_CHUNK_NIBBLES / 8; i++)
    {
      guint64 digits;

      memcpy (&digits, contacts + i * 8, sizeof digits);
      seen[i] |= (digits & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f)) +
                 9 * ((digits >> 6) & G_GUINT64_CONSTANT (0x0101010101010101));
    }
}

gboolean
_loy_sqlite_count_active (sqlite3      *db,
                          const GDate  *from,
                          const GDate  *to,
                          gint64       *n_active,
                          GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  /* Per chunk, its nibbles a byte each, eight to a word. */
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
          guint offset = sqlite3_column_int64 (stmt, 0) * (LOY_SQLITE_ACTIVE_CHUNK_NIBBLES / 8);

          if (seen->len < offset + LOY_SQLITE_ACTIVE_CHUNK_NIBBLES / 8)
            g_array_set_size (seen, offset + LOY_SQLITE_ACTIVE_CHUNK_NIBBLES / 8);
          or_hex_bitmap (&g_array_index (seen, guint64, offset),
                         (const char *) sqlite3_column_text (stmt, 1));
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
