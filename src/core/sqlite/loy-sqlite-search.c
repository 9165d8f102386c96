/* loy-sqlite-search.c — typed search text as SQL: the full-text queries
 * of the contacts' name, email and phone indexes, and LIKE patterns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <string.h>

#include "loy-sqlite-db.h"
#include "loy-sqlite-search.h"

/* A trigram matches any part of a text, but needs 3 characters. */
#define MIN_SUBSTRING_CHARS 3

typedef enum
{
  EVERY_WORD_START,  /* every word, as the start of a word */
  SHORT_WORD_START,  /* the words too short for a trigram, as the start of a word */
  LONG_WORD_PART,    /* the other words, as any part of the text */
} WordMatch;

/* A phone number is indexed by its digits alone (see contacts_search_text
 * in the schema), and so is a search of digits and the signs and spaces
 * between them: "06 1234-5678" is one word, "0612345678". */
static char *
phone_digits (const char *search)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = search; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr ("+-(). \t", *p) == NULL)
        return NULL;
    }

  return digits->len > 0 ? g_string_free (g_steal_pointer (&digits), FALSE) : NULL;
}

/* Turns typed text into an FTS5 query of the words that @match takes: all
 * must match, each as a word start ("word"*) or any part ("word") of the
 * text. Each word becomes a quoted string, so quotes, operators (AND,
 * NEAR, -, ^) and column filters in the input are plain text. Returns NULL
 * when no word is left. */
static char *
build_fts_query (const char *search,
                 WordMatch   match)
{
  g_autoptr(GString) fts = g_string_new (NULL);
  g_autofree char *number = phone_digits (search);
  g_auto(GStrv) words = number != NULL ? g_strsplit (number, " ", -1)
                                       : g_strsplit_set (search, " \t\n\r", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      gboolean searchable = FALSE;
      gboolean is_long = g_utf8_strlen (word, -1) >= MIN_SUBSTRING_CHARS;

      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        searchable |= g_unichar_isalnum (g_utf8_get_char (p));
      if (!searchable ||
          (match == SHORT_WORD_START && is_long) || (match == LONG_WORD_PART && !is_long))
        continue;

      if (fts->len > 0)
        g_string_append_c (fts, ' ');
      g_string_append_c (fts, '"');
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (fts, '"');
          g_string_append_c (fts, *p);
        }
      g_string_append (fts, match == LONG_WORD_PART ? "\"" : "\"*");
    }

  return fts->len > 0 ? g_string_free (g_steal_pointer (&fts), FALSE) : NULL;
}

/* The contacts whose name, email or phone contains each word of 3 or more
 * characters (the trigram index, :parts) and starts a word with each
 * shorter one (the prefix index, :short_starts); or, as before there was a
 * trigram index, in which every word starts a word (:starts): that one
 * folds accents, so "maria" finds María. */
char *
_loy_sqlite_build_contact_search_ids (const char *search,
                                      gboolean   *combined)
{
  g_autofree char *starts = build_fts_query (search, EVERY_WORD_START);
  g_autofree char *parts = build_fts_query (search, LONG_WORD_PART);
  g_autofree char *short_starts = build_fts_query (search, SHORT_WORD_START);

  *combined = FALSE;
  if (starts == NULL)
    return NULL;

  if (parts == NULL)
    return g_strdup ("(SELECT rowid AS id FROM contacts_fts WHERE contacts_fts MATCH :starts)");

  *combined = TRUE;

  /* Not "rowid IN (…)": SQLite would hand each id of the short words'
   * matches to the trigram index as a query of its own. */
  return g_strconcat ("(SELECT rowid AS id FROM contacts_trigram WHERE contacts_trigram MATCH :parts",
                      short_starts != NULL
                        ? " INTERSECT SELECT rowid FROM contacts_fts"
                          " WHERE contacts_fts MATCH :short_starts"
                        : "",
                      " UNION SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :starts)",
                      NULL);
}

/* A LIKE pattern for text containing @search, with its wildcards escaped. */
static char *
build_like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

void
_loy_sqlite_bind_search (sqlite3_stmt *stmt,
                         const char   *search)
{
  g_autofree char *pattern = build_like_pattern (search);
  g_autofree char *starts = build_fts_query (search, EVERY_WORD_START);
  g_autofree char *parts = build_fts_query (search, LONG_WORD_PART);
  g_autofree char *short_starts = build_fts_query (search, SHORT_WORD_START);

  _loy_sqlite_bind_text (stmt, ":search", search);
  _loy_sqlite_bind_text (stmt, ":pattern", pattern);
  _loy_sqlite_bind_text (stmt, ":starts", starts);
  _loy_sqlite_bind_text (stmt, ":parts", parts);
  _loy_sqlite_bind_text (stmt, ":short_starts", short_starts);
}
