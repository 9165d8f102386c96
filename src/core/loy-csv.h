/* loy-csv.h — writing CSV as RFC 4180 asks, safe to open in a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  LOY_CSV_TEXT,    /* guarded when it looks like a formula */
  LOY_CSV_NUMBER,  /* a plain number ("-50", "12.50") as it is; anything else as text */
} LoyCsvCell;

/* Whether a spreadsheet would take @field (@length bytes) for a formula:
 * it starts with '=', '+', '-', '@', a tab or a carriage return, or is
 * such a field already guarded by a "'" (so guarding can be undone). */
gboolean      loy_csv_needs_guard        (const char     *field,
                                          gsize           length);

/* Appends @field (@length bytes, or -1 for nul-terminated; NULL is an
 * empty field) to @row: a "'" before it when it needs a guard, and quoted
 * when it holds a comma, a quote or a line break. */
void          loy_csv_append_field       (GString        *row,
                                          const char     *field,
                                          gssize          length,
                                          LoyCsvCell      cell);

/* Records written through a buffer to a stream, in the calling thread:
 * fields separated by commas, every record ended by CRLF. */
typedef struct _LoyCsvWriter LoyCsvWriter;

LoyCsvWriter *loy_csv_writer_new         (GOutputStream  *output);
void          loy_csv_writer_add_field   (LoyCsvWriter   *self,
                                          const char     *field,
                                          gssize          length,
                                          LoyCsvCell      cell);
/* Ends the record; writes the buffer out when it is full. */
gboolean      loy_csv_writer_end_record  (LoyCsvWriter   *self,
                                          GCancellable   *cancellable,
                                          GError        **error);
/* Writes out what is buffered (the stream itself is not flushed). */
gboolean      loy_csv_writer_flush       (LoyCsvWriter   *self,
                                          GCancellable   *cancellable,
                                          GError        **error);
void          loy_csv_writer_free        (LoyCsvWriter   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyCsvWriter, loy_csv_writer_free)

G_END_DECLS
