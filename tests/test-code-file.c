/* test-code-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "loy-code-file.h"
#include "loy-code-generator.h"
#include "loy-error.h"

/* "CODE" for a code, "!N" for an invalid line N, "=N" for a duplicate on
 * line N; joined by spaces. */
static char *
parse (const char *contents,
       gssize      length)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(LoyCodeFile) file = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  LoyCodeLine line;

  if (length < 0)
    length = strlen (contents);
  input = g_memory_input_stream_new_from_data (contents, length, NULL);
  file = loy_code_file_new (input);

  while (loy_code_file_next (file, &line, NULL, &error))
    {
      if (result->len > 0)
        g_string_append_c (result, ' ');

      switch (line.kind)
        {
        case LOY_CODE_LINE_CODE:
          g_assert_null (line.reason);
          g_assert_cmpuint (line.code_length, ==, strlen (line.code));
          g_string_append (result, line.code);
          break;

        case LOY_CODE_LINE_INVALID:
          g_assert_nonnull (line.reason);
          g_test_message ("line %" G_GUINT64_FORMAT ": %s", line.number, line.reason);
          g_string_append_printf (result, "!%" G_GUINT64_FORMAT, line.number);
          break;

        case LOY_CODE_LINE_DUPLICATE:
          g_assert_nonnull (line.reason);
          g_string_append_printf (result, "=%" G_GUINT64_FORMAT, line.number);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  g_assert_no_error (error);
  g_assert_cmpuint (loy_code_file_get_bytes_read (file), ==, length);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
assert_parses (const char *contents,
               const char *expected)
{
  g_autofree char *result = parse (contents, -1);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_plain (void)
{
  assert_parses ("AAA\nBBB\nCCC\n", "AAA BBB CCC");
  /* The last line needs no line end. */
  assert_parses ("AAA\nBBB", "AAA BBB");
}

static void
test_empty (void)
{
  assert_parses ("", "");
  assert_parses ("\n\n", "");
}

static void
test_bom (void)
{
  assert_parses ("\xEF\xBB\xBF" "AAA\nBBB\n", "AAA BBB");
  /* Only at the start of the file. */
  assert_parses ("AAA\n\xEF\xBB\xBF" "BBB\n", "AAA \xEF\xBB\xBF" "BBB");
}

static void
test_crlf (void)
{
  assert_parses ("AAA\r\nBBB\r\n", "AAA BBB");
}

static void
test_blank_lines (void)
{
  assert_parses ("\nAAA\n\n   \n\t\nBBB\n\n", "AAA BBB");
}

static void
test_whitespace (void)
{
  assert_parses ("  AAA\t\nBBB   \n CCC \n", "AAA BBB CCC");
}

static void
test_csv (void)
{
  assert_parses ("AAA,2025-01-01,10\nBBB,,\n", "AAA BBB");
  /* Our own export's header is skipped. */
  assert_parses ("code,status,contact_uuid,issued_at\nAAA,available,,\n", "AAA");
  /* An empty first column is an error, not a blank line. */
  assert_parses ("AAA,x\n,x\n", "AAA !2");
}

static void
test_csv_quoted (void)
{
  assert_parses ("\"AAA\",x\n\"B,B\",y\n\"C\"\"C\"\n  \" D \" ,z\n", "AAA B,B C\"C D");
  assert_parses ("\"AAA\n", "!1");
  assert_parses ("\"AAA\"x,1\n", "!1");
}

/* The RFC 4180 cases: a quoted field may span lines and hold commas,
 * quotes and line breaks; the record is numbered by its first line. */
static void
test_rfc4180 (void)
{
  /* The file of issue 12: nothing that is not a whole field is a code. */
  assert_parses ("code,note\n\"AB,12\",first\n\"MULTI\nLINE\",third\nPLAIN,x\n",
                 "AB,12 !3 PLAIN");
  /* The same with CRLF, a BOM and no newline at the end. */
  assert_parses ("\xEF\xBB\xBF" "code,note\r\n\"AB,12\",first\r\n\"MULTI\r\nLINE\",third\r\nPLAIN,x",
                 "AB,12 !3 PLAIN");
  /* Escaped quotes, and a later field that spans lines and holds quotes. */
  assert_parses ("\"A\"\"1\",\"say \"\"hi\"\"\nand, more\"\nB2,\"\"\nC3\n",
                 "A\"1 B2 C3");
  /* An empty quoted field is an empty first column. */
  assert_parses ("AAA,x\n\"\",y\n", "AAA !2");
  /* An unclosed quote in a later field swallows the rest of the file:
   * that record is reported, and no code comes out of what it swallowed. */
  assert_parses ("AAA\nBBB,\"note\nCCC\nDDD\n", "AAA !2");
  /* Line numbers count the lines inside quoted fields. */
  assert_parses ("X1,\"a\n\nb\"\nX1\n\"Y\nZ\"\nW\n", "X1 =4 !5 W");
}

static void
test_csv_long_other_columns (void)
{
  g_autofree char *description = g_strnfill (10000, 'd');
  g_autofree char *contents = g_strdup_printf ("AAA,%s\nBBB\n", description);

  assert_parses (contents, "AAA BBB");
}

static void
test_duplicates_in_file (void)
{
  assert_parses ("AAA\nBBB\nAAA\n\"BBB\",x\n", "AAA BBB =3 =4");
  /* Codes are case-sensitive. */
  assert_parses ("aaa\nAAA\n", "aaa AAA");
}

static void
test_not_utf8 (void)
{
  assert_parses ("AAA\n\xC3\x28\nB\xFF" "B\nCCC\n", "AAA !2 !3 CCC");
  assert_parses ("ÄÖÜ-€\n", "ÄÖÜ-€");
}

static void
test_control_characters (void)
{
  g_autofree char *with_nul = NULL;

  assert_parses ("AAA\nB\x01" "B\nC\tC\nD\x7F" "D\nE\xC2\x85" "E\n", "AAA !2 !3 !4 !5");

  /* A NUL byte inside a line. */
  with_nul = parse ("A\0A\nBBB\n", 8);
  g_assert_cmpstr (with_nul, ==, "!1 BBB");
}

/* A space around a code is trimmed; one inside (ASCII or not) makes the
 * line invalid, with that reason. */
static void
test_spaces (void)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(LoyCodeFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LoyCodeLine line;

  assert_parses ("  AAA  \nB B\n\"C C\",x\nD\xC2\xA0" "D\n \"EEE\" ,x\n", "AAA !2 !3 !4 EEE");

  input = g_memory_input_stream_new_from_data ("SPRING 4821\n", -1, NULL);
  file = loy_code_file_new (input);
  g_assert_true (loy_code_file_next (file, &line, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (line.kind, ==, LOY_CODE_LINE_INVALID);
  g_assert_cmpstr (line.reason, ==, "Contains a space");

  g_assert_cmpstr (loy_code_check ("SPRING 4821", 11), ==, "Contains a space");
  g_assert_null (loy_code_check ("SPRING-4821", 11));
}

static void
test_too_long (void)
{
  g_autofree char *longest = g_strnfill (LOY_CODE_MAX_LENGTH, 'A');
  g_autofree char *too_long = g_strnfill (LOY_CODE_MAX_LENGTH + 1, 'B');
  g_autofree char *huge = g_strnfill (100000, 'C');
  g_autoptr(GString) euros = g_string_new (NULL);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autofree char *expected = NULL;

  /* Characters count, not bytes: 128 euro signs are 384 bytes. */
  for (guint i = 0; i < LOY_CODE_MAX_LENGTH; i++)
    g_string_append (euros, "€");

  g_string_append_printf (contents, "%s\n%s\n%s\n%s\nOK\n", longest, too_long, huge, euros->str);
  expected = g_strdup_printf ("%s !2 !3 %s OK", longest, euros->str);
  assert_parses (contents->str, expected);
}

static void
test_read_error (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GFile) tmp = g_file_new_tmp ("codes-XXXXXX.txt", &io, NULL);
  g_autoptr(GFileInputStream) input = g_file_read (tmp, NULL, NULL);
  g_autoptr(LoyCodeFile) file = loy_code_file_new (G_INPUT_STREAM (input));
  g_autoptr(GError) error = NULL;
  LoyCodeLine line;

  /* A read that fails (here: is cancelled) ends with its error. */
  g_cancellable_cancel (cancellable);
  g_assert_false (loy_code_file_next (file, &line, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_file_delete (tmp, NULL, NULL);
}

static void
test_check (void)
{
  g_assert_null (loy_code_check ("SPRING-2025", 11));
  g_assert_nonnull (loy_code_check ("", 0));
  g_assert_nonnull (loy_code_check ("A\nB", 3));
}

static gboolean
in_alphabet (char        c,
             const char *alphabet)
{
  return c != '\0' && strchr (alphabet, c) != NULL;
}

static void
test_generator_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new ("SPRING-####-XXXX", &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (loy_code_generator_get_capacity (generator), ==, 5 * 5 * 5 * 5 * 20 * 20 * 20 * 20);

  for (guint i = 0; i < 1000; i++)
    {
      const char *code = loy_code_generator_next (generator, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (strlen (code), ==, 16);
      g_assert_true (g_str_has_prefix (code, "SPRING-"));
      g_assert_cmpint (code[11], ==, '-');
      for (guint j = 7; j < 11; j++)
        g_assert_true (in_alphabet (code[j], LOY_CODE_DIGITS));
      for (guint j = 12; j < 16; j++)
        g_assert_true (in_alphabet (code[j], LOY_CODE_LETTERS));
      g_hash_table_add (seen, g_strdup (code));
    }

  /* 1000 draws from 10⁸: a repeat would be a broken random source. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 1000);
}

static void
test_generator_alphabets (void)
{
  const char *look_alikes = "0O1IL5S2Z8B";

  for (const char *c = look_alikes; *c != '\0'; c++)
    {
      g_assert_false (in_alphabet (*c, LOY_CODE_DIGITS));
      g_assert_false (in_alphabet (*c, LOY_CODE_LETTERS));
    }
}

static void
test_generator_uniform (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new ("#", &error);
  guint counts[256] = { 0 };
  const guint n_draws = 50000;
  guint n_digits = strlen (LOY_CODE_DIGITS);

  for (guint i = 0; i < n_draws; i++)
    counts[(guchar) loy_code_generator_next (generator, &error)[0]]++;

  /* Each digit within 10% of its share. */
  for (const char *d = LOY_CODE_DIGITS; *d != '\0'; d++)
    g_assert_cmpfloat (fabs ((double) counts[(guchar) *d] - n_draws / n_digits), <, 0.1 * n_draws / n_digits);
}

static void
test_generator_invalid (void)
{
  const char *invalid[] = { "", "SPRING", "A\tB-###", NULL };
  g_autofree char *too_long = g_strnfill (LOY_CODE_MAX_LENGTH + 1, '#');

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (loy_code_generator_new (invalid[i], &error));
      g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (loy_code_generator_new (too_long, &error));
    g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  }
}

static void
test_generator_capacity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new ("A-##", &error);
  g_autofree char *huge_pattern = g_strnfill (LOY_CODE_MAX_LENGTH, 'X');
  g_autoptr(LoyCodeGenerator) huge = loy_code_generator_new (huge_pattern, &error);

  g_assert_cmpuint (loy_code_generator_get_capacity (generator), ==, 25);
  g_assert_true (loy_code_generator_check_count (generator, 25, 0, &error));
  g_assert_no_error (error);

  g_assert_false (loy_code_generator_check_count (generator, 26, 0, &error));
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "room for only 25 codes"));
  g_clear_error (&error);

  g_assert_false (loy_code_generator_check_count (generator, 6, 20, &error));
  g_assert_nonnull (strstr (error->message, "room for only 5 more codes"));
  g_clear_error (&error);

  /* 20¹²⁸ saturates rather than overflows. */
  g_assert_cmpuint (loy_code_generator_get_capacity (huge), ==, G_MAXUINT64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/code-file/plain", test_plain);
  g_test_add_func ("/code-file/empty", test_empty);
  g_test_add_func ("/code-file/bom", test_bom);
  g_test_add_func ("/code-file/crlf", test_crlf);
  g_test_add_func ("/code-file/blank-lines", test_blank_lines);
  g_test_add_func ("/code-file/whitespace", test_whitespace);
  g_test_add_func ("/code-file/csv", test_csv);
  g_test_add_func ("/code-file/csv-quoted", test_csv_quoted);
  g_test_add_func ("/code-file/rfc4180", test_rfc4180);
  g_test_add_func ("/code-file/csv-long-other-columns", test_csv_long_other_columns);
  g_test_add_func ("/code-file/duplicates-in-file", test_duplicates_in_file);
  g_test_add_func ("/code-file/not-utf8", test_not_utf8);
  g_test_add_func ("/code-file/control-characters", test_control_characters);
  g_test_add_func ("/code-file/spaces", test_spaces);
  g_test_add_func ("/code-file/too-long", test_too_long);
  g_test_add_func ("/code-file/read-error", test_read_error);
  g_test_add_func ("/code-file/check", test_check);
  g_test_add_func ("/code-generator/pattern", test_generator_pattern);
  g_test_add_func ("/code-generator/alphabets", test_generator_alphabets);
  g_test_add_func ("/code-generator/uniform", test_generator_uniform);
  g_test_add_func ("/code-generator/invalid", test_generator_invalid);
  g_test_add_func ("/code-generator/capacity", test_generator_capacity);

  return g_test_run ();
}
