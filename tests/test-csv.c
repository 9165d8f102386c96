/* test-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "loy-csv.h"
#include "test-sqlite-fixture.h"

static const char * const contact_header[] = { "uuid", "email", "balance", NULL };

/* More contacts than one export page holds. */
static void
fixture_setup (TestSqliteFixture *fixture,
               gconstpointer     data)
{
  LoyDemoOptions options = { .n_contacts = 1234, .n_rewards = 0, .n_codes = 0, .seed = 7 };

  test_sqlite_fixture_setup (fixture, data);
  test_sqlite_fixture_populate (fixture, &options);
}

static void
test_csv_quoting (void)
{
  const struct {
    const char *field;
    const char *expected;
  } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "with space", "with space" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "carriage\rreturn", "\"carriage\rreturn\"" },
    { "Zoë, 東京", "\"Zoë, 東京\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) row = g_string_new ("x,");

      loy_csv_append_field (row, cases[i].field);
      g_assert_cmpstr (row->str + 2, ==, cases[i].expected);
    }
}

static GStrv
contact_row (GObject  *item,
             gpointer  user_data)
{
  LoyContact *contact = LOY_CONTACT (item);
  guint *n_calls = user_data;
  char **row = g_new0 (char *, 4);

  (*n_calls)++;
  row[0] = g_strdup (loy_contact_get_uuid (contact));
  row[1] = g_strdup (loy_contact_get_email (contact));
  row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, loy_contact_get_balance (contact));

  return row;
}

typedef struct
{
  GAsyncResult *result;
  guint64       last_done;
  guint64       last_total;
  guint         n_progress;
  GCancellable *cancel_on_progress;
} ExportState;

static void
export_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  ExportState *state = user_data;

  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->last_total = total;
  state->n_progress++;

  if (state->cancel_on_progress != NULL)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportState *state = user_data;

  g_assert_true (LOY_IS_STORE (object));
  state->result = g_object_ref (result);
}

static void
run_export (TestSqliteFixture *fixture,
            const LoyQuery    *query,
            GOutputStream     *output,
            guint             *n_calls,
            GCancellable      *cancellable,
            ExportState       *state)
{
  loy_csv_export_async (LOY_STORE (fixture->store), query, contact_header,
                        contact_row, n_calls, output,
                        export_progress_cb, state,
                        cancellable, export_done_cb, state);
  while (state->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static guint
count_contacts (TestSqliteFixture *fixture)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = loy_store_query_sync (LOY_STORE (fixture->store), query, 0, 1, NULL, &error);
  g_assert_no_error (error);

  return page->total;
}

static void
test_csv_export_contacts (TestSqliteFixture *fixture,
                          gconstpointer     data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ExportState state = { 0 };
  guint n_calls = 0;
  guint n_contacts = count_contacts (fixture);
  gint64 n_rows;

  g_assert_cmpuint (n_contacts, >, 1000);

  run_export (fixture, query, output, &n_calls, NULL, &state);
  n_rows = loy_csv_export_finish (state.result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, n_contacts);
  g_assert_cmpuint (n_calls, ==, n_contacts);
  g_assert_cmpuint (state.last_done, ==, n_contacts);
  g_assert_cmpuint (state.last_total, ==, n_contacts);
  g_clear_object (&state.result);

  g_assert_true (g_output_stream_close (output, NULL, &error));
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (output));
  /* Fields hold no line breaks here, so records are lines. */
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_contacts + 2);
  g_assert_cmpstr (lines[0], ==, "uuid,email,balance");
  g_assert_cmpstr (lines[n_contacts + 1], ==, "");

  /* Every contact once: pages neither overlap nor leave gaps. */
  for (guint i = 1; i <= n_contacts; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_true (g_hash_table_add (uuids, g_strdup (fields[0])));
    }
}

static void
test_csv_export_empty (TestSqliteFixture *fixture,
                       gconstpointer     data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  ExportState state = { 0 };
  guint n_calls = 0;

  query->search = g_strdup ("nobody-has-this-name");
  run_export (fixture, query, output, &n_calls, NULL, &state);
  g_assert_cmpint (loy_csv_export_finish (state.result, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_calls, ==, 0);
  g_clear_object (&state.result);

  /* The header alone: a spreadsheet still shows the columns. */
  g_assert_true (g_output_stream_write_all (output, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (output, NULL, &error));
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (output)), ==,
                   "uuid,email,balance\r\n");
}

static void
test_csv_export_cancelled (TestSqliteFixture *fixture,
                           gconstpointer     data)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n_contacts = count_contacts (fixture);

  /* Cancelled before it starts: nothing is asked of the row function. */
  {
    g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
    ExportState state = { 0 };
    guint n_calls = 0;

    g_cancellable_cancel (cancellable);
    run_export (fixture, query, output, &n_calls, cancellable, &state);
    g_assert_cmpint (loy_csv_export_finish (state.result, &error), ==, -1);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (n_calls, ==, 0);
    g_clear_error (&error);
    g_clear_object (&state.result);
  }

  /* Cancelled after the first page: it stops there, the rows written so
   * far stay in the stream for the caller to discard. */
  {
    g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
    ExportState state = { 0 };
    guint n_calls = 0;

    g_cancellable_reset (cancellable);
    state.cancel_on_progress = cancellable;
    run_export (fixture, query, output, &n_calls, cancellable, &state);
    g_assert_cmpint (loy_csv_export_finish (state.result, &error), ==, -1);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (state.n_progress, ==, 1);
    g_assert_cmpuint (n_calls, >, 0);
    g_assert_cmpuint (n_calls, <, n_contacts);
    g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (output)),
                      >, 0);
    g_clear_object (&state.result);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add ("/csv/export/contacts", TestSqliteFixture, NULL,
              fixture_setup, test_csv_export_contacts, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/empty", TestSqliteFixture, NULL,
              fixture_setup, test_csv_export_empty, test_sqlite_fixture_teardown);
  g_test_add ("/csv/export/cancelled", TestSqliteFixture, NULL,
              fixture_setup, test_csv_export_cancelled, test_sqlite_fixture_teardown);

  return g_test_run ();
}
