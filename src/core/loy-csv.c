/* loy-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-csv"

#include "config.h"

#include <string.h>

#include "loy-csv.h"

/* Written out in pieces of about this size: large enough that a write
 * costs little per row, small enough that memory stays flat. */
#define WRITE_BUFFER_SIZE (256 * 1024)

struct _LoyCsvWriter
{
  GOutputStream *output;
  GString       *buffer;
  gboolean       in_record;
};

gboolean
loy_csv_needs_guard (const char *field,
                     gsize       length)
{
  if (length == 0)
    return FALSE;

  switch (field[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;

    case '\'':
      return loy_csv_needs_guard (field + 1, length - 1);

    default:
      return FALSE;
    }
}

/* "-50", "7", "12.50": what a number column holds, never a formula. */
static gboolean
is_plain_number (const char *field,
                 gsize       length)
{
  gsize i = 0;
  gboolean digits = FALSE;

  if (i < length && field[i] == '-')
    i++;
  for (; i < length && g_ascii_isdigit (field[i]); i++)
    digits = TRUE;
  if (!digits)
    return FALSE;
  if (i < length && field[i] == '.')
    {
      digits = FALSE;
      for (i++; i < length && g_ascii_isdigit (field[i]); i++)
        digits = TRUE;
    }

  return digits && i == length;
}

void
loy_csv_append_field (GString    *row,
                      const char *field,
                      gssize      length,
                      LoyCsvCell  cell)
{
  gboolean quote = FALSE;
  gsize len;

  g_return_if_fail (row != NULL);

  if (field == NULL)
    return;

  len = length < 0 ? strlen (field) : (gsize) length;

  if (cell == LOY_CSV_NUMBER && is_plain_number (field, len))
    {
      g_string_append_len (row, field, len);
      return;
    }

  for (gsize i = 0; i < len && !quote; i++)
    quote = field[i] == ',' || field[i] == '"' || field[i] == '\n' || field[i] == '\r';

  if (quote)
    g_string_append_c (row, '"');
  if (loy_csv_needs_guard (field, len))
    g_string_append_c (row, '\'');

  if (!quote)
    g_string_append_len (row, field, len);
  else
    {
      const char *end = field + len;

      for (const char *p = field; p < end; )
        {
          const char *q = memchr (p, '"', end - p);

          if (q == NULL)
            {
              g_string_append_len (row, p, end - p);
              break;
            }
          /* The quote itself, doubled. */
          g_string_append_len (row, p, q + 1 - p);
          g_string_append_c (row, '"');
          p = q + 1;
        }
      g_string_append_c (row, '"');
    }
}

LoyCsvWriter *
loy_csv_writer_new (GOutputStream *output)
{
  LoyCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), NULL);

  self = g_new0 (LoyCsvWriter, 1);
  self->output = g_object_ref (output);
  self->buffer = g_string_sized_new (WRITE_BUFFER_SIZE + 4096);

  return self;
}

void
loy_csv_writer_add_field (LoyCsvWriter *self,
                          const char   *field,
                          gssize        length,
                          LoyCsvCell    cell)
{
  g_return_if_fail (self != NULL);

  if (self->in_record)
    g_string_append_c (self->buffer, ',');
  self->in_record = TRUE;

  loy_csv_append_field (self->buffer, field, length, cell);
}

gboolean
loy_csv_writer_end_record (LoyCsvWriter  *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* RFC 4180 ends every record with CRLF. */
  g_string_append_len (self->buffer, "\r\n", 2);
  self->in_record = FALSE;

  if (self->buffer->len < WRITE_BUFFER_SIZE)
    return TRUE;

  return loy_csv_writer_flush (self, cancellable, error);
}

gboolean
loy_csv_writer_flush (LoyCsvWriter  *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->buffer->len > 0 &&
      !g_output_stream_write_all (self->output, self->buffer->str, self->buffer->len,
                                  NULL, cancellable, error))
    return FALSE;

  g_string_truncate (self->buffer, 0);
  return TRUE;
}

void
loy_csv_writer_free (LoyCsvWriter *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->output);
  g_string_free (self->buffer, TRUE);
  g_free (self);
}
