/* fuzz-code-file.c — the code-file parser on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "loy-code-file.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(LoyCodeFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint64 last_number = 0;
  LoyCodeLine line;

  fuzz_init ();

  file = loy_code_file_new (input);
  while (loy_code_file_next (file, &line, NULL, &error))
    {
      /* What an import relies on, whatever the bytes. */
      g_assert_cmpuint (line.number, >, last_number);
      last_number = line.number;
      g_assert_cmpuint (loy_code_file_get_bytes_read (file), <=, size);

      if (line.kind == LOY_CODE_LINE_INVALID)
        {
          g_assert_nonnull (line.reason);
          continue;
        }

      g_assert_nonnull (line.code);
      g_assert_cmpuint (strlen (line.code), ==, line.code_length);
      g_assert_null (loy_code_check (line.code, line.code_length));
      g_assert_true ((line.kind == LOY_CODE_LINE_DUPLICATE) == (line.reason != NULL));
    }

  /* A memory stream never fails to read. */
  g_assert_no_error (error);
  g_assert_cmpuint (loy_code_file_get_bytes_read (file), ==, size);

  return 0;
}
