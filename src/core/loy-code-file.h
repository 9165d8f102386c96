/* loy-code-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest code, in characters. */
#define LOY_CODE_MAX_LENGTH 128

#define LOY_TYPE_CODE_FILE (loy_code_file_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeFile, loy_code_file, LOY, CODE_FILE, GObject)

typedef enum
{
  LOY_CODE_LINE_CODE,       /* a valid code, the first time the file has it */
  LOY_CODE_LINE_INVALID,    /* skipped: not a valid code */
  LOY_CODE_LINE_DUPLICATE,  /* skipped: the same code is on an earlier line */
} LoyCodeLineKind;

/**
 * LoyCodeLine:
 * @kind: what the line holds
 * @number: the number of the line the record starts on, from 1
 * @code: the code (%LOY_CODE_LINE_CODE, %LOY_CODE_LINE_DUPLICATE), trimmed and
 *   unquoted, or %NULL; owned by the file and valid until the next call
 * @code_length: the length of @code in bytes
 * @reason: why the line was skipped, a translated sentence, or %NULL
 *
 * One record of a code file that is not blank: a line, or more than one
 * when a quoted field spans lines.
 */
typedef struct
{
  LoyCodeLineKind  kind;
  guint64          number;
  const char      *code;
  gsize            code_length;
  const char      *reason;
} LoyCodeLine;

LoyCodeFile *loy_code_file_new            (GInputStream  *input);
gboolean     loy_code_file_next           (LoyCodeFile   *self,
                                           LoyCodeLine   *line,
                                           GCancellable  *cancellable,
                                           GError       **error);
guint64      loy_code_file_get_bytes_read (LoyCodeFile   *self);

const char  *loy_code_check               (const char    *code,
                                           gsize          length);

G_END_DECLS
