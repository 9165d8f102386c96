/* loy-code-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-code-file.h"

/* A code file holds one code per line, or is a CSV file whose first column
 * holds the codes. Each line is read on its own: a line with a comma, or one
 * that starts with a quote, is a CSV row, and its first field is the code
 * ("" inside quotes is a quote). Whitespace around a code is trimmed, blank
 * lines are skipped, CRLF line ends and a UTF-8 byte order mark are fine.
 * A first row "code,…" is a header and skipped.
 *
 * The file is read through a fixed buffer: only the first KEPT_BYTES of a
 * line are kept, which holds any first field a valid code can come from, so
 * neither a huge file nor a huge line is ever held in memory. */

#define READ_BUFFER_SIZE (64 * 1024)
#define KEPT_BYTES       4096

/* A quoted code of LOY_CODE_MAX_LENGTH four-byte characters, every one a
 * doubled quote at worst, fits. The reasons spell the limit out. */
G_STATIC_ASSERT (KEPT_BYTES > 2 * 4 * LOY_CODE_MAX_LENGTH + 2);
G_STATIC_ASSERT (LOY_CODE_MAX_LENGTH == 128);

struct _LoyCodeFile
{
  GObject               parent_instance;

  GBufferedInputStream *input;
  GString              *line;
  GString              *field;
  /* Every valid code read so far, to find duplicates within the file. */
  GHashTable           *seen;
  GStringChunk         *seen_strings;
  guint64               line_number;
  guint64               bytes_read;
  guint                 saw_content : 1;
};

G_DEFINE_FINAL_TYPE (LoyCodeFile, loy_code_file, G_TYPE_OBJECT)

static void
loy_code_file_finalize (GObject *object)
{
  LoyCodeFile *self = (LoyCodeFile *)object;

  g_clear_object (&self->input);
  g_string_free (self->line, TRUE);
  g_string_free (self->field, TRUE);
  g_hash_table_unref (self->seen);
  g_string_chunk_free (self->seen_strings);

  G_OBJECT_CLASS (loy_code_file_parent_class)->finalize (object);
}

static void
loy_code_file_class_init (LoyCodeFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_code_file_finalize;
}

static void
loy_code_file_init (LoyCodeFile *self)
{
  self->line = g_string_sized_new (256);
  self->field = g_string_sized_new (256);
  self->seen = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen_strings = g_string_chunk_new (64 * 1024);
}

/**
 * loy_code_file_new:
 * @input: the file's contents
 *
 * Creates a parser that reads @input line by line as loy_code_file_next()
 * asks for it.
 *
 * Returns: (transfer full): a new #LoyCodeFile
 */
LoyCodeFile *
loy_code_file_new (GInputStream *input)
{
  LoyCodeFile *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);

  self = g_object_new (LOY_TYPE_CODE_FILE, NULL);
  self->input = G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new_sized (input, READ_BUFFER_SIZE));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (self->input), FALSE);

  return self;
}

/* Reads the next line (without its "\n") into self->line, keeping at most
 * KEPT_BYTES of it. Sets *@at_end when the file has no more lines and
 * *@truncated when the line was longer than what is kept. */
static gboolean
read_line (LoyCodeFile   *self,
           gboolean      *at_end,
           gboolean      *truncated,
           GCancellable  *cancellable,
           GError       **error)
{
  gboolean got_bytes = FALSE;

  g_string_truncate (self->line, 0);
  *truncated = FALSE;
  *at_end = FALSE;

  for (;;)
    {
      const char *buffer;
      const char *newline;
      gsize available;
      gsize take;

      buffer = g_buffered_input_stream_peek_buffer (self->input, &available);
      if (available == 0)
        {
          gssize n_read = g_buffered_input_stream_fill (self->input, -1, cancellable, error);

          if (n_read < 0)
            return FALSE;

          if (n_read == 0)
            {
              /* A last line without "\n" is still a line. */
              *at_end = !got_bytes;
              return TRUE;
            }

          continue;
        }

      got_bytes = TRUE;
      newline = memchr (buffer, '\n', available);
      take = newline != NULL ? (gsize) (newline - buffer) : available;

      if (self->line->len + take > KEPT_BYTES)
        {
          g_string_append_len (self->line, buffer, KEPT_BYTES - self->line->len);
          *truncated = TRUE;
        }
      else if (!*truncated)
        g_string_append_len (self->line, buffer, take);

      if (newline != NULL)
        take++;

      /* The data is in the buffer already: skipping cannot block or fail. */
      if (g_input_stream_skip (G_INPUT_STREAM (self->input), take, NULL, error) < 0)
        return FALSE;
      self->bytes_read += take;

      if (newline != NULL)
        return TRUE;
    }
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Sets self->field to the line's code: its first CSV field or the whole
 * line, trimmed. Returns NULL, or why the line has no code. */
static const char *
extract_field (LoyCodeFile *self,
               gboolean     truncated,
               gboolean    *is_csv)
{
  const char *p = self->line->str;
  const char *end = p + self->line->len;
  gsize start, stop;

  g_string_truncate (self->field, 0);

  while (p < end && is_blank (*p))
    p++;

  *is_csv = p < end && (*p == '"' || memchr (p, ',', end - p) != NULL);

  if (p < end && *p == '"')
    {
      for (p++; ; p++)
        {
          if (p == end)
            return truncated ? _("Longer than 128 characters")
                             : _("A quoted code has no closing quote");

          if (*p == '"')
            {
              if (p + 1 < end && p[1] == '"')
                p++;
              else
                break;
            }

          g_string_append_c (self->field, *p);
        }

      for (p++; p < end && is_blank (*p); p++)
        ;
      if (p < end && *p != ',')
        return _("Text follows the closing quote of the code");
    }
  else
    {
      const char *comma = memchr (p, ',', end - p);

      if (comma == NULL && truncated)
        return _("Longer than 128 characters");

      g_string_append_len (self->field, p, (comma != NULL ? comma : end) - p);
    }

  /* Trim both ends (the quoted case may have inner blanks). */
  for (start = 0; start < self->field->len && is_blank (self->field->str[start]); start++)
    ;
  for (stop = self->field->len; stop > start && is_blank (self->field->str[stop - 1]); stop--)
    ;
  g_string_truncate (self->field, stop);
  g_string_erase (self->field, 0, start);

  return NULL;
}

/**
 * loy_code_file_next:
 * @self: a #LoyCodeFile
 * @line: (out caller-allocates): the next non-blank line
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads up to the next line that is not blank. Blank lines (and a CSV
 * header) are skipped silently; an invalid line or a code already on an
 * earlier line comes back with its kind and reason, so a caller can list it.
 *
 * Returns: %TRUE with @line filled in, %FALSE at the end of the file or on
 *   a read error (then @error is set)
 */
gboolean
loy_code_file_next (LoyCodeFile   *self,
                    LoyCodeLine   *line,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (LOY_IS_CODE_FILE (self), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (;;)
    {
      gboolean at_end, truncated, is_csv;
      gboolean first_content;
      const char *reason;

      if (!read_line (self, &at_end, &truncated, cancellable, error) || at_end)
        return FALSE;

      self->line_number++;

      if (self->line_number == 1 && g_str_has_prefix (self->line->str, "\xEF\xBB\xBF"))
        g_string_erase (self->line, 0, 3);

      if (!truncated && self->line->len > 0 && self->line->str[self->line->len - 1] == '\r')
        g_string_truncate (self->line, self->line->len - 1);

      reason = extract_field (self, truncated, &is_csv);
      if (reason == NULL && self->field->len == 0 && !is_csv)
        continue;

      first_content = !self->saw_content;
      self->saw_content = TRUE;

      /* What our own CSV export writes first. */
      if (reason == NULL && first_content && is_csv &&
          g_ascii_strcasecmp (self->field->str, "code") == 0)
        continue;

      memset (line, 0, sizeof *line);
      line->number = self->line_number;

      if (reason == NULL && self->field->len == 0)
        reason = _("The first column is empty");
      if (reason == NULL)
        reason = loy_code_check (self->field->str, self->field->len);

      if (reason != NULL)
        {
          line->kind = LOY_CODE_LINE_INVALID;
          line->reason = reason;
          return TRUE;
        }

      line->code = self->field->str;
      line->code_length = self->field->len;

      if (g_hash_table_contains (self->seen, self->field->str))
        {
          line->kind = LOY_CODE_LINE_DUPLICATE;
          line->reason = _("The same code is on an earlier line");
        }
      else
        {
          line->kind = LOY_CODE_LINE_CODE;
          g_hash_table_add (self->seen,
                            g_string_chunk_insert_len (self->seen_strings,
                                                       self->field->str, self->field->len));
        }

      return TRUE;
    }
}

/**
 * loy_code_file_get_bytes_read:
 * @self: a #LoyCodeFile
 *
 * How far into the file the parser is, for progress.
 *
 * Returns: the number of bytes of the file consumed so far
 */
guint64
loy_code_file_get_bytes_read (LoyCodeFile *self)
{
  g_return_val_if_fail (LOY_IS_CODE_FILE (self), 0);

  return self->bytes_read;
}

/**
 * loy_code_check:
 * @code: a code, not necessarily nul-terminated
 * @length: its length in bytes
 *
 * Checks that @code is a valid code: UTF-8 text of 1 to
 * %LOY_CODE_MAX_LENGTH characters without control characters.
 *
 * Returns: (nullable): %NULL when valid, or why not, a translated sentence
 */
const char *
loy_code_check (const char *code,
                gsize       length)
{
  const char *end = code + length;
  gsize n_chars = 0;

  g_return_val_if_fail (code != NULL || length == 0, NULL);

  if (length == 0)
    return _("The code is empty");

  if (!g_utf8_validate_len (code, length, NULL))
    return _("Not valid UTF-8 text");

  for (const char *p = code; p < end; p = g_utf8_next_char (p), n_chars++)
    {
      /* ASCII first: nearly every code is plain ASCII. */
      if ((guchar) *p < 0x80 ? g_ascii_iscntrl (*p) : g_unichar_iscntrl (g_utf8_get_char (p)))
        return _("Contains a control character");
    }

  if (n_chars > LOY_CODE_MAX_LENGTH)
    return _("Longer than 128 characters");

  return NULL;
}
