/* loy-code-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-code-file.h"
#include "loy-csv.h"

/* A code file holds one code per line, or is a CSV file (RFC 4180) whose
 * first column holds the codes. A record with a comma, or one that starts
 * with a quote, is a CSV row, and its first field is the code ("" inside
 * quotes is a quote). A quoted field may span lines: the record is then
 * one, numbered by its first line, and a code with a line break in it is
 * invalid. Whitespace around a code is trimmed (one inside makes it
 * invalid), blank lines are skipped, CRLF or LF line ends and a UTF-8 byte
 * order mark are fine. A first row "code,…" is a header and skipped. The
 * "'" that our export puts before a formula-looking cell ("'=X", see
 * loy_csv_needs_guard()) is taken off.
 *
 * The file is read through a fixed buffer, byte by byte through a small
 * state machine: only the first KEPT_BYTES of the first field are kept,
 * which holds any code a valid one can come from, so neither a huge file
 * nor a huge record (an unclosed quote swallows the rest of the file) is
 * ever held in memory. */

#define READ_BUFFER_SIZE (64 * 1024)
#define KEPT_BYTES       4096

/* A quoted code of LOY_CODE_MAX_LENGTH four-byte characters fits. The
 * reasons spell the limit out. */
G_STATIC_ASSERT (KEPT_BYTES > 4 * LOY_CODE_MAX_LENGTH);
G_STATIC_ASSERT (LOY_CODE_MAX_LENGTH == 128);

typedef enum
{
  FIELD_START,    /* before a field: blanks are skipped, a quote opens it */
  UNQUOTED,
  QUOTED,
  QUOTED_QUOTE,   /* a quote inside quotes: doubled, or the closing one */
  AFTER_QUOTE,    /* after the closing quote: blanks, then a comma or the line end */
} FieldState;

/* What reading one record found out about it. */
typedef struct
{
  guint64     first_line;
  guint       field_index;     /* of the field being read */
  FieldState  state;
  const char *reason;          /* why the first field is no code, or NULL */
  guint       has_content : 1; /* anything but blanks */
  guint       is_csv : 1;
  guint       truncated : 1;   /* the first field is longer than what is kept */
  guint       line_break : 1;  /* in the (quoted) first field */
} Record;

struct _LoyCodeFile
{
  GObject               parent_instance;

  GBufferedInputStream *input;
  GString              *field;
  /* Every valid code read so far, to find duplicates within the file. */
  GHashTable           *seen;
  GStringChunk         *seen_strings;
  /* Line ends consumed so far, quoted ones too. */
  guint64               line_ends;
  guint64               bytes_read;
  guint                 saw_content : 1;
  guint                 bom_checked : 1;
};

G_DEFINE_FINAL_TYPE (LoyCodeFile, loy_code_file, G_TYPE_OBJECT)

static void
loy_code_file_finalize (GObject *object)
{
  LoyCodeFile *self = (LoyCodeFile *)object;

  g_clear_object (&self->input);
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
  self->field = g_string_sized_new (256);
  self->seen = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen_strings = g_string_chunk_new (64 * 1024);
}

/**
 * loy_code_file_new:
 * @input: the file's contents
 *
 * Creates a parser that reads @input record by record as
 * loy_code_file_next() asks for it.
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

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Consumes @n bytes of the buffer, which holds them: cannot block or fail. */
static void
consume (LoyCodeFile *self,
         gsize        n)
{
  g_input_stream_skip (G_INPUT_STREAM (self->input), n, NULL, NULL);
  self->bytes_read += n;
}

/* Skips a UTF-8 byte order mark at the start of the file. */
static gboolean
skip_bom (LoyCodeFile   *self,
          GCancellable  *cancellable,
          GError       **error)
{
  const char *buffer;
  gsize available;

  self->bom_checked = TRUE;

  for (buffer = g_buffered_input_stream_peek_buffer (self->input, &available);
       available < 3;
       buffer = g_buffered_input_stream_peek_buffer (self->input, &available))
    {
      gssize n_read = g_buffered_input_stream_fill (self->input, -1, cancellable, error);

      if (n_read < 0)
        return FALSE;
      if (n_read == 0)
        break;
    }

  if (available >= 3 && memcmp (buffer, "\xEF\xBB\xBF", 3) == 0)
    consume (self, 3);

  return TRUE;
}

static void
keep_byte (LoyCodeFile *self,
           Record      *record,
           char         c)
{
  if (record->field_index > 0)
    return;

  if (self->field->len < KEPT_BYTES)
    g_string_append_c (self->field, c);
  else
    record->truncated = TRUE;
}

/* Feeds @c to @record; TRUE when it ended the record. */
static gboolean
feed_byte (LoyCodeFile *self,
           Record      *record,
           char         c)
{
  if (c == '\n')
    self->line_ends++;

  switch (record->state)
    {
    case FIELD_START:
      if (is_blank (c))
        return FALSE;
      if (c == '"')
        {
          record->state = QUOTED;
          record->has_content = TRUE;
          record->is_csv |= record->field_index == 0;
          return FALSE;
        }
      record->state = UNQUOTED;
      G_GNUC_FALLTHROUGH;

    case UNQUOTED:
      if (c == '\n')
        return TRUE;
      if (c == ',')
        {
          record->field_index++;
          record->is_csv = TRUE;
          record->state = FIELD_START;
        }
      else
        keep_byte (self, record, c);
      record->has_content = TRUE;
      return FALSE;

    case QUOTED:
      if (c == '"')
        record->state = QUOTED_QUOTE;
      else
        {
          if (c == '\n' && record->field_index == 0)
            record->line_break = TRUE;
          keep_byte (self, record, c);
        }
      return FALSE;

    case QUOTED_QUOTE:
      if (c == '"')
        {
          keep_byte (self, record, c);
          record->state = QUOTED;
          return FALSE;
        }
      record->state = AFTER_QUOTE;
      G_GNUC_FALLTHROUGH;

    case AFTER_QUOTE:
      if (c == '\n')
        return TRUE;
      if (c == ',')
        {
          record->field_index++;
          record->state = FIELD_START;
        }
      else if (!is_blank (c))
        {
          /* Lenient about other columns; the code itself must be whole. */
          if (record->field_index == 0 && record->reason == NULL)
            record->reason = _("Text follows the closing quote of the code");
          record->state = UNQUOTED;
        }
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

/* Reads the next record, keeping its first field in self->field. Sets
 * *@at_end when the file has no more records. */
static gboolean
read_record (LoyCodeFile   *self,
             Record        *record,
             gboolean      *at_end,
             GCancellable  *cancellable,
             GError       **error)
{
  gboolean got_bytes = FALSE;

  memset (record, 0, sizeof *record);
  record->first_line = self->line_ends + 1;
  record->state = FIELD_START;
  g_string_truncate (self->field, 0);
  *at_end = FALSE;

  if (!self->bom_checked && !skip_bom (self, cancellable, error))
    return FALSE;

  for (;;)
    {
      const char *buffer;
      gsize available;
      gsize i;

      buffer = g_buffered_input_stream_peek_buffer (self->input, &available);
      if (available == 0)
        {
          gssize n_read = g_buffered_input_stream_fill (self->input, -1, cancellable, error);

          if (n_read < 0)
            return FALSE;

          if (n_read == 0)
            {
              /* A last record without "\n" is still a record. */
              *at_end = !got_bytes;
              return TRUE;
            }

          continue;
        }

      got_bytes = TRUE;
      for (i = 0; i < available; i++)
        {
          if (feed_byte (self, record, buffer[i]))
            {
              consume (self, i + 1);
              return TRUE;
            }
        }
      consume (self, available);
    }
}

/* Trims blanks from both ends of self->field (a quoted code too). */
static void
trim_field (LoyCodeFile *self)
{
  gsize start, stop;

  for (start = 0; start < self->field->len && is_blank (self->field->str[start]); start++)
    ;
  for (stop = self->field->len; stop > start && is_blank (self->field->str[stop - 1]); stop--)
    ;
  g_string_truncate (self->field, stop);
  g_string_erase (self->field, 0, start);
}

/* Why @record's first field is no code, before the code itself is checked. */
static const char *
check_record (const Record *record)
{
  /* At the end of the file, inside quotes: the quote swallowed the rest. */
  if (record->state == QUOTED)
    return record->field_index == 0 ? _("A quoted code has no closing quote")
                                     : _("A quoted field has no closing quote, up to the end of the file");
  if (record->reason != NULL)
    return record->reason;
  if (record->truncated)
    return _("Longer than 128 characters");
  if (record->line_break)
    return _("The code spans more than one line");

  return NULL;
}

/**
 * loy_code_file_next:
 * @self: a #LoyCodeFile
 * @line: (out caller-allocates): the next record that is not blank
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads up to the next record that is not blank. Blank lines (and a CSV
 * header) are skipped silently; an invalid record or a code already on an
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
      gboolean at_end;
      gboolean first_content;
      const char *reason;
      Record record;

      if (!read_record (self, &record, &at_end, cancellable, error) || at_end)
        return FALSE;

      if (!record.has_content)
        continue;

      trim_field (self);
      /* Undo the guard our export puts before a formula-looking cell. */
      if (self->field->len > 1 && self->field->str[0] == '\'' &&
          loy_csv_needs_guard (self->field->str + 1, self->field->len - 1))
        g_string_erase (self->field, 0, 1);
      reason = check_record (&record);
      if (reason == NULL && self->field->len == 0 && !record.is_csv)
        continue;

      first_content = !self->saw_content;
      self->saw_content = TRUE;

      /* What our own CSV export writes first. */
      if (reason == NULL && first_content && record.is_csv &&
          g_ascii_strcasecmp (self->field->str, "code") == 0)
        continue;

      memset (line, 0, sizeof *line);
      line->number = record.first_line;

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
 * %LOY_CODE_MAX_LENGTH characters without control characters or spaces.
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
      gboolean is_ascii = (guchar) *p < 0x80;

      /* ASCII first: nearly every code is plain ASCII. */
      if (is_ascii ? g_ascii_iscntrl (*p) : g_unichar_iscntrl (g_utf8_get_char (p)))
        return _("Contains a control character");

      /* A space inside (around it is trimmed) is most likely two codes on
       * one line, or a code a customer would have to type with its space. */
      if (is_ascii ? *p == ' ' : g_unichar_isspace (g_utf8_get_char (p)))
        return _("Contains a space");
    }

  if (n_chars > LOY_CODE_MAX_LENGTH)
    return _("Longer than 128 characters");

  return NULL;
}
