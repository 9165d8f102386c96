/* test-csv.c — CSV writing, and the store's streaming exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "loy-core.h"
#include "test-sqlite-fixture.h"

static void
test_csv_quoting (void)
{
  const struct {
    const char *field;
    LoyCsvCell  cell;
    const char *expected;
  } cases[] = {
    { "plain", LOY_CSV_TEXT, "plain" },
    { "", LOY_CSV_TEXT, "" },
    { "with space", LOY_CSV_TEXT, "with space" },
    { "a,b", LOY_CSV_TEXT, "\"a,b\"" },
    { "say \"hi\"", LOY_CSV_TEXT, "\"say \"\"hi\"\"\"" },
    { "\"", LOY_CSV_TEXT, "\"\"\"\"" },
    { "two\nlines", LOY_CSV_TEXT, "\"two\nlines\"" },
    { "two\r\nlines", LOY_CSV_TEXT, "\"two\r\nlines\"" },
    { "carriage\rreturn", LOY_CSV_TEXT, "\"carriage\rreturn\"" },
    { "Zoë, 東京", LOY_CSV_TEXT, "\"Zoë, 東京\"" },
    /* What a spreadsheet would run as a formula gets a guard. */
    { "=1+1", LOY_CSV_TEXT, "'=1+1" },
    { "+31 20 123", LOY_CSV_TEXT, "'+31 20 123" },
    { "-ABC", LOY_CSV_TEXT, "'-ABC" },
    { "@SUM(A1)", LOY_CSV_TEXT, "'@SUM(A1)" },
    { "\tx", LOY_CSV_TEXT, "'\tx" },
    { "\rx", LOY_CSV_TEXT, "\"'\rx\"" },
    { "=HYPERLINK(\"http://x\",\"y\")", LOY_CSV_TEXT, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    /* A guard written by hand is guarded again, so the reader can undo
     * exactly one; an apostrophe before anything else is plain text. */
    { "'=x", LOY_CSV_TEXT, "''=x" },
    { "'plain", LOY_CSV_TEXT, "'plain" },
    { "a=b", LOY_CSV_TEXT, "a=b" },
    /* Numbers in a number column stay numbers; elsewhere they are text. */
    { "-50", LOY_CSV_NUMBER, "-50" },
    { "12.50", LOY_CSV_NUMBER, "12.50" },
    { "0", LOY_CSV_NUMBER, "0" },
    { "-50", LOY_CSV_TEXT, "'-50" },
    { "-1e5", LOY_CSV_NUMBER, "'-1e5" },
    { "-", LOY_CSV_NUMBER, "'-" },
    { "=1", LOY_CSV_NUMBER, "'=1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) row = g_string_new ("x,");

      loy_csv_append_field (row, cases[i].field, -1, cases[i].cell);
      g_assert_cmpstr (row->str + 2, ==, cases[i].expected);
    }

  /* NULL is an empty field; a length makes embedded NULs part of it. */
  {
    g_autoptr(GString) row = g_string_new (NULL);

    loy_csv_append_field (row, NULL, -1, LOY_CSV_TEXT);
    g_assert_cmpuint (row->len, ==, 0);
    loy_csv_append_field (row, "ab,cd", 2, LOY_CSV_TEXT);
    g_assert_cmpstr (row->str, ==, "ab");
  }
}

/* The records of RFC 4180 @text (CRLF line ends, every record ended),
 * each a GStrv of its fields, as a spreadsheet reads them. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) record = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(p[0] == '"' && p[1] != '"'); p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; *p != ',' && *p != '\r' && *p != '\0'; p++)
            g_string_append_c (field, *p);
        }

      g_strv_builder_add (record, field->str);
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          g_assert_true (g_str_has_prefix (p, "\r\n"));
          p += 2;
          g_ptr_array_add (records, g_strv_builder_end (record));
          g_clear_pointer (&record, g_strv_builder_unref);
          record = g_strv_builder_new ();
        }
    }

  return g_steal_pointer (&records);
}

typedef struct
{
  guint64       last_done;
  guint64       last_total;
  guint         n_progress;
  GCancellable *cancel_on_progress;
} Progress;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >=, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->last_done = done;
  progress->last_total = total;
  progress->n_progress++;

  if (progress->cancel_on_progress != NULL)
    g_cancellable_cancel (progress->cancel_on_progress);
}

/* Exports @export to memory; returns the text, with the row count in
 * *@n_rows. */
static char *
export_text (TestSqliteFixture *fixture,
             const LoyExport   *export,
             Progress          *progress,
             gint64            *n_rows)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  *n_rows = loy_store_export_sync (LOY_STORE (fixture->store), export, output,
                                   progress != NULL ? progress_cb : NULL, progress,
                                   NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (output, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
}

static char *
create_group (TestSqliteFixture *fixture)
{
  g_autoptr(LoyReward) reward = loy_reward_new ();
  g_autoptr(LoyReward) stored = NULL;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE_GROUP);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  loy_reward_set_title (reward, "Voucher");
  loy_reward_set_reward_type (reward, LOY_REWARD_TYPE_DIGITAL);
  loy_reward_set_required_credits (reward, 100);
  stored = loy_store_create_reward_sync (LOY_STORE (fixture->store), reward, NULL, &error);
  g_assert_no_error (error);

  page = loy_store_query_sync (LOY_STORE (fixture->store), query, 0, 1000, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < page->items->len; i++)
    {
      LoyCodeGroup *group = g_ptr_array_index (page->items, i);

      if (g_strcmp0 (loy_code_group_get_reward_uuid (group), loy_reward_get_uuid (stored)) == 0)
        return g_strdup (loy_code_group_get_uuid (group));
    }

  g_assert_not_reached ();
}

static LoyImportSummary *
import_text (TestSqliteFixture *fixture,
             const char        *group_uuid,
             const char        *text)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (text, strlen (text), NULL);
  g_autoptr(GError) error = NULL;
  LoyImportSummary *summary;

  summary = loy_store_import_codes_sync (LOY_STORE (fixture->store), group_uuid, input,
                                         NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return summary;
}

/* More codes than one chunk of the keyset cursor: each once, in order. */
static void
test_export_codes (TestSqliteFixture *fixture,
                   gconstpointer      data)
{
  g_autofree char *group = create_group (fixture);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);
  g_autoptr(LoyImportSummary) generated = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Progress progress = { 0 };
  const guint n_codes = 40000;
  gint64 n_rows;

  generated = loy_store_generate_codes_sync (LOY_STORE (fixture->store), group, "XXXXXX-####",
                                             n_codes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  export->uuid = g_strdup (group);
  text = export_text (fixture, export, &progress, &n_rows);
  g_assert_cmpint (n_rows, ==, n_codes);
  g_assert_cmpuint (progress.last_done, ==, n_codes);
  g_assert_cmpuint (progress.last_total, ==, n_codes);

  records = parse_csv (text);
  g_assert_cmpuint (records->len, ==, n_codes + 1);
  g_assert_cmpstrv (g_ptr_array_index (records, 0),
                    ((const char * const[]) { "code", "status", "contact_uuid", "issued_at", NULL }));
  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);

      g_assert_cmpuint (g_strv_length (record), ==, 4);
      g_assert_cmpstr (record[1], ==, "available");
      /* Strictly ascending: no code twice, none left out between chunks. */
      if (i > 1)
        g_assert_cmpint (strcmp (((GStrv) g_ptr_array_index (records, i - 1))[0], record[0]), <, 0);
    }

  /* An unknown group is an error. */
  {
    g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();

    g_free (export->uuid);
    export->uuid = g_strdup ("no-such-group");
    g_assert_cmpint (loy_store_export_sync (LOY_STORE (fixture->store), export, output,
                                            NULL, NULL, NULL, &error), ==, -1);
    g_assert_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND);
  }
}

/* A million codes stream into a file: each once, in order, the header
 * first, and nothing held back at the end. */
static void
test_export_million_codes (TestSqliteFixture *fixture,
                           gconstpointer      data)
{
  g_autofree char *group = create_group (fixture);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);
  g_autoptr(LoyImportSummary) generated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "codes.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *header = NULL;
  g_autofree char *previous = NULL;
  const guint n_codes = 1000000;
  guint n_lines = 0;
  char *line;

  generated = loy_store_generate_codes_sync (LOY_STORE (fixture->store), group, "XXXXXXXX-####",
                                             n_codes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  export->uuid = g_strdup (group);
  g_assert_cmpint (loy_store_export_to_file_sync (LOY_STORE (fixture->store), export, file,
                                                  NULL, NULL, NULL, &error), ==, n_codes);
  g_assert_no_error (error);

  stream = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (G_INPUT_STREAM (stream));
  g_data_input_stream_set_newline_type (lines, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  header = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_cmpstr (header, ==, "code,status,contact_uuid,issued_at");
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
    {
      g_assert_true (g_str_has_suffix (line, ",available,,"));
      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, line), <, 0);
      g_free (previous);
      previous = line;
      n_lines++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_lines, ==, n_codes);
  g_unlink (path);
}

/* What we export, we import: codes with every character CSV and
 * spreadsheets care about come back the same. */
static void
test_export_codes_round_trip (TestSqliteFixture *fixture,
                              gconstpointer      data)
{
  const char *codes[] = {
    "PLAIN", "A,B", "SAY\"HI\"", "\"QUOTED\"", "=1+1", "+31", "-50", "@HOME",
    "'APOSTROPHE", "ZOË-東京", "TAB\tINSIDE", NULL
  };
  g_autofree char *first = create_group (fixture);
  g_autofree char *second = create_group (fixture);
  g_autoptr(GString) file = g_string_new ("code,note\r\n");
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);
  g_autoptr(LoyImportSummary) imported = NULL;
  g_autoptr(LoyImportSummary) reimported = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gint64 n_rows;

  /* The file to start from, quoted by hand as RFC 4180 asks. */
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (codes[i], "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (file, "\"%s\",note %u\r\n", escaped, i);
    }

  imported = import_text (fixture, first, file->str);
  g_assert_cmpuint (imported->invalid, ==, 1);  /* the tab: a control character */
  g_assert_cmpuint (imported->added, ==, g_strv_length ((GStrv) codes) - 1);

  export->uuid = g_strdup (first);
  text = export_text (fixture, export, NULL, &n_rows);
  g_assert_cmpint (n_rows, ==, imported->added);

  /* A spreadsheet sees each code, formula-looking ones guarded. */
  records = parse_csv (text);
  for (guint i = 1; i < records->len; i++)
    {
      const char *cell = ((GStrv) g_ptr_array_index (records, i))[0];
      gboolean guarded = cell[0] == '\'' && loy_csv_needs_guard (cell + 1, strlen (cell) - 1);
      const char *code = guarded ? cell + 1 : cell;

      g_assert_true (g_strv_contains (codes, code));
      g_assert_false (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@');
    }

  /* Imported again, the export is the same codes. */
  reimported = import_text (fixture, second, text);
  g_assert_cmpuint (reimported->added, ==, imported->added);
  g_assert_cmpuint (reimported->invalid, ==, 0);
  g_assert_cmpuint (reimported->duplicates, ==, 0);

  g_free (export->uuid);
  export->uuid = g_strdup (second);
  again = export_text (fixture, export, NULL, &n_rows);
  g_assert_cmpstr (again, ==, text);
}

static void
test_export_contacts (TestSqliteFixture *fixture,
                      gconstpointer      data)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CONTACTS);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LoyDemoOptions options = { .n_contacts = 1234, .n_rewards = 0, .n_codes = 0, .seed = 7 };
  GStrv header;
  GStrv last;
  gint64 n_rows;

  test_sqlite_fixture_populate (fixture, &options);

  loy_contact_set_email (contact, "zoe@example.com");
  loy_contact_set_first_name (contact, "Zoë, \"Z\"");
  loy_contact_set_last_name (contact, "=HYPERLINK(\"x\")\nline two");
  enrolled = loy_store_enroll_contact_sync (LOY_STORE (fixture->store), contact, NULL, NULL, &error);
  g_assert_no_error (error);

  text = export_text (fixture, export, NULL, &n_rows);
  records = parse_csv (text);
  g_assert_cmpint (n_rows, ==, records->len - 1);
  g_assert_cmpint (n_rows, >=, 1235);

  header = g_ptr_array_index (records, 0);
  g_assert_cmpstrv (header, ((const char * const[]) { "uuid", "email", "first_name", "last_name",
                                                      "balance", "level", "attributes",
                                                      "created_at", NULL }));
  /* The newest contact comes last, its fields whole. */
  last = g_ptr_array_index (records, records->len - 1);
  g_assert_cmpstr (last[0], ==, loy_contact_get_uuid (enrolled));
  g_assert_cmpstr (last[1], ==, "zoe@example.com");
  g_assert_cmpstr (last[2], ==, "Zoë, \"Z\"");
  g_assert_cmpstr (last[3], ==, "'=HYPERLINK(\"x\")\nline two");
  g_assert_cmpint (g_ascii_strtoll (last[4], NULL, 10), ==, loy_contact_get_balance (enrolled));
  g_assert_cmpstr (last[6], ==, "{}");
  g_assert_true (g_str_has_suffix (last[7], "Z"));
}

static void
test_export_ledger (TestSqliteFixture *fixture,
                    gconstpointer      data)
{
  g_autoptr(LoyContact) contact = loy_contact_new ();
  g_autoptr(LoyContact) enrolled = NULL;
  g_autoptr(LoyLedgerEntry) adjusted = NULL;
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_LEDGER);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 n_rows, n_all;
  GStrv last;

  loy_contact_set_email (contact, "lea@example.com");
  enrolled = loy_store_enroll_contact_sync (LOY_STORE (fixture->store), contact, NULL, NULL, &error);
  g_assert_no_error (error);
  adjusted = loy_store_adjust_points_sync (LOY_STORE (fixture->store), loy_contact_get_uuid (enrolled),
                                           50, "goodwill, \"sorry\"", "ops", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&adjusted);
  adjusted = loy_store_adjust_points_sync (LOY_STORE (fixture->store), loy_contact_get_uuid (enrolled),
                                           -20, "-correction", "ops", NULL, &error);
  g_assert_no_error (error);

  export->uuid = g_strdup (loy_contact_get_uuid (enrolled));
  text = export_text (fixture, export, NULL, &n_rows);
  records = parse_csv (text);
  g_assert_cmpint (n_rows, ==, records->len - 1);
  g_assert_cmpint (n_rows, >=, 2);

  last = g_ptr_array_index (records, records->len - 1);
  g_assert_cmpstr (last[0], ==, loy_ledger_entry_get_uuid (adjusted));
  g_assert_cmpstr (last[1], ==, loy_contact_get_uuid (enrolled));
  g_assert_cmpstr (last[2], ==, "adjustment");
  /* A negative number in a number column is a number, not a formula. */
  g_assert_cmpstr (last[3], ==, "-20");
  g_assert_cmpstr (last[4], ==, "'-correction");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (records, records->len - 2))[4], ==, "goodwill, \"sorry\"");

  /* A period that ended before the entries has none of them. */
  export->to = now - 3600;
  g_free (export_text (fixture, export, NULL, &n_rows));
  g_assert_cmpint (n_rows, ==, 0);
  export->to = 0;
  export->from = now - 3600;
  g_free (export_text (fixture, export, NULL, &n_rows));
  g_assert_cmpint (n_rows, ==, records->len - 1);

  /* Everyone's ledger holds this contact's. */
  g_clear_pointer (&export->uuid, g_free);
  export->from = 0;
  all = export_text (fixture, export, NULL, &n_all);
  g_assert_cmpint (n_all, >=, n_rows);
}

static void
test_export_rewards_campaigns (TestSqliteFixture *fixture,
                               gconstpointer      data)
{
  LoyDemoOptions options = LOY_DEMO_OPTIONS_DEFAULT;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_REWARD);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  options.n_contacts = 10;
  options.n_codes = 0;
  test_sqlite_fixture_populate (fixture, &options);

  page = loy_store_query_sync (LOY_STORE (fixture->store), query, 0, 1, NULL, &error);
  g_assert_no_error (error);

  for (LoyExportKind kind = LOY_EXPORT_REWARDS; kind <= LOY_EXPORT_CAMPAIGNS; kind++)
    {
      g_autoptr(LoyExport) export = loy_export_new (kind);
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *text = NULL;
      gint64 n_rows;

      text = export_text (fixture, export, NULL, &n_rows);
      records = parse_csv (text);
      g_assert_cmpint (n_rows, ==, records->len - 1);
      g_assert_cmpstr (((GStrv) g_ptr_array_index (records, 0))[0], ==, "uuid");
      if (kind == LOY_EXPORT_REWARDS)
        g_assert_cmpint (n_rows, ==, page->total);
      for (guint i = 1; i < records->len; i++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, i)), ==,
                          g_strv_length (g_ptr_array_index (records, 0)));
    }
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

/* Cancelled mid-way, a file export leaves the file as it was (or absent)
 * and no partial file beside it; complete, it replaces the file. */
static void
test_export_to_file_cancelled (TestSqliteFixture *fixture,
                               gconstpointer      data)
{
  g_autofree char *group = create_group (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "codes.csv", NULL);
  g_autofree char *partial = g_build_filename (fixture->dir, ".codes.csv.part", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);
  g_autoptr(LoyImportSummary) generated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  generated = loy_store_generate_codes_sync (LOY_STORE (fixture->store), group, "XXXXXX-####",
                                             60000, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  export->uuid = g_strdup (group);

  for (guint existed = 0; existed <= 1; existed++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Progress progress = { .cancel_on_progress = cancellable };
      g_autofree char *contents = NULL;

      if (existed)
        g_assert_true (g_file_set_contents (path, "old contents\n", -1, NULL));

      g_assert_cmpint (loy_store_export_to_file_sync (LOY_STORE (fixture->store), export, file,
                                                      progress_cb, &progress, cancellable,
                                                      &error), ==, -1);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      /* It stopped after the first chunk, well before the end. */
      g_assert_cmpuint (progress.n_progress, ==, 1);
      g_assert_cmpuint (progress.last_done, <, 60000);

      /* The deletion of the partial file runs on the main context. */
      for (guint i = 0; i < 100 && g_file_test (partial, G_FILE_TEST_EXISTS); i++)
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (10000);
        }
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

      contents = read_file (path);
      if (existed)
        g_assert_cmpstr (contents, ==, "old contents\n");
      else
        g_assert_null (contents);
    }

  g_assert_cmpint (loy_store_export_to_file_sync (LOY_STORE (fixture->store), export, file,
                                                  NULL, NULL, NULL, &error), ==, 60000);
  g_assert_no_error (error);
  written = read_file (path);
  g_assert_true (g_str_has_prefix (written, "code,status,contact_uuid,issued_at\r\n"));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add ("/csv/export/codes", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_codes, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/million-codes", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_million_codes, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/codes-round-trip", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_codes_round_trip, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/contacts", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_contacts, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/ledger", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_ledger, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/rewards-campaigns", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_rewards_campaigns, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/to-file-cancelled", TestSqliteFixture, NULL,
              test_sqlite_fixture_setup, test_export_to_file_cancelled, test_sqlite_fixture_teardown);

  return g_test_run ();
}
