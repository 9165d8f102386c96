/* loyctl-output.c
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "loyctl-private.h"

#define COLUMN_GAP 2
#define NEXT_DEPTH(depth) ((depth) < 0 ? (depth) : (depth) + 1)

struct _LoyctlTable
{
  GPtrArray *headers;
  GPtrArray *rows;     /* of GPtrArray of char* */
};

static GPtrArray *
collect_cells (const char *first,
               va_list     args)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, g_strdup (cell));

  return cells;
}

LoyctlTable *
loyctl_table_new (const char *first_header,
                  ...)
{
  LoyctlTable *table = g_new0 (LoyctlTable, 1);
  va_list args;

  va_start (args, first_header);
  table->headers = collect_cells (first_header, args);
  va_end (args);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return table;
}

void
loyctl_table_add_row (LoyctlTable *table,
                      const char  *first_cell,
                      ...)
{
  GPtrArray *row;
  va_list args;

  va_start (args, first_cell);
  row = collect_cells (first_cell, args);
  va_end (args);

  g_assert (row->len == table->headers->len);
  g_ptr_array_add (table->rows, row);
}

static void
print_row (GPtrArray *cells,
           const gsize *widths)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      g_string_append (line, cell);
      if (i + 1 < cells->len)
        {
          gsize pad = widths[i] - g_utf8_strlen (cell, -1) + COLUMN_GAP;

          for (gsize j = 0; j < pad; j++)
            g_string_append_c (line, ' ');
        }
    }

  g_print ("%s\n", line->str);
}

void
loyctl_table_print (LoyctlTable *table)
{
  g_autofree gsize *widths = g_new0 (gsize, table->headers->len);

  for (guint i = 0; i < table->headers->len; i++)
    widths[i] = g_utf8_strlen (g_ptr_array_index (table->headers, i), -1);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint i = 0; i < row->len; i++)
        widths[i] = MAX (widths[i], (gsize) g_utf8_strlen (g_ptr_array_index (row, i), -1));
    }

  print_row (table->headers, widths);
  for (guint r = 0; r < table->rows->len; r++)
    print_row (g_ptr_array_index (table->rows, r), widths);
}

void
loyctl_table_free (LoyctlTable *table)
{
  g_clear_pointer (&table->headers, g_ptr_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/* json-glib prints doubles with 17 significant digits (12.3 becomes
 * 12.300000000000001), so loyctl writes JSON itself: the shortest form
 * that reads back as the same number. */
static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 15; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

static void
append_string (GString    *out,
               const char *str)
{
  g_string_append_c (out, '"');

  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }

  g_string_append_c (out, '"');
}

/* A negative @depth writes everything on one line. */
static void
append_indent (GString *out,
               int      depth)
{
  if (depth < 0)
    return;

  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void append_node (GString  *out,
                         JsonNode *node,
                         int       depth);

static void
append_object (GString    *out,
               JsonObject *object,
               int         depth)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_indent (out, NEXT_DEPTH (depth));
      append_string (out, name);
      g_string_append (out, depth < 0 ? ":" : ": ");
      append_node (out, member, NEXT_DEPTH (depth));
    }
  if (!first)
    append_indent (out, depth);
  g_string_append_c (out, '}');
}

static void
append_array (GString   *out,
              JsonArray *array,
              int        depth)
{
  guint n = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_indent (out, NEXT_DEPTH (depth));
      append_node (out, json_array_get_element (array, i), NEXT_DEPTH (depth));
    }
  if (n > 0)
    append_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
append_node (GString  *out,
             JsonNode *node,
             int       depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), depth);
      break;

    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), depth);
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_INT64:
          g_string_append_printf (out, "%" PRId64, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;

        default:
          append_string (out, json_node_get_string (node));
          break;
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
loyctl_print_json (JsonNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_node (out, node, 0);
  g_print ("%s\n", out->str);
}

void
loyctl_print_envelope (JsonNode *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, json_node_copy (data));
  json_builder_set_member_name (builder, "meta");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  loyctl_print_json (root);
}

void
loyctl_print_object (JsonObject *object)
{
  g_autoptr(LoyctlTable) table = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  /* Two columns without a header line: the first row is the header. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autoptr(GString) value = g_string_new (NULL);
      g_autofree char *key = g_strconcat (name, ":", NULL);

      if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
        g_string_append (value, json_node_get_string (member));
      else
        append_node (value, member, -1);

      if (table == NULL)
        table = loyctl_table_new (key, value->str, NULL);
      else
        loyctl_table_add_row (table, key, value->str, NULL);
    }

  if (table != NULL)
    loyctl_table_print (table);
}

void
loyctl_print_item (LoyctlContext *context,
                   JsonNode      *node)
{
  if (context->json)
    loyctl_print_envelope (node);
  else
    loyctl_print_object (json_node_get_object (node));
}

void
loyctl_print_items (LoyctlContext       *context,
                    GPtrArray           *items,
                    LoyctlTable         *table,
                    LoyctlRowFunc        add_row,
                    LoyctlSerializeFunc  to_json)
{
  if (context->json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *data = json_array_sized_new (items->len);

      for (guint i = 0; i < items->len; i++)
        json_array_add_element (data, to_json (g_ptr_array_index (items, i)));

      json_node_take_array (node, data);
      loyctl_print_envelope (node);
    }
  else
    {
      for (guint i = 0; i < items->len; i++)
        add_row (table, g_ptr_array_index (items, i));

      loyctl_table_print (table);
    }
}

gboolean
loyctl_print_query (LoyctlContext        *context,
                    LoyQuery             *query,
                    LoyctlTable          *table,
                    LoyctlRowFunc         add_row,
                    LoyctlSerializeFunc   to_json,
                    GError              **error)
{
  g_autoptr(LoyPage) page = loyctl_query_sync (context, query, G_MAXUINT, error);

  if (page == NULL)
    return FALSE;

  loyctl_print_items (context, page->items, table, add_row, to_json);

  return TRUE;
}

/* On a terminal, a line that counts up while the work goes on. */
static void
show_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  const char *what = user_data;

  if (total > 0)
    g_printerr ("\r%s %3u%%", what, (guint) (done * 100 / total));
  else
    g_printerr ("\r%s %" PRIu64, what, done);
}

LoyProgressFunc
loyctl_progress_func (void)
{
  return isatty (STDERR_FILENO) ? show_progress_cb : NULL;
}

void
loyctl_end_progress (void)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r\033[K");
}

/* "2025-01-31" (the start of that day, local time) or a full ISO 8601 time. */
gboolean
loyctl_parse_date (const char  *option,
                   const char  *text,
                   gint64      *unix_time,
                   GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  int year, month, day;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3)
    time = g_date_time_new (local, year, month, day, 0, 0, 0);
  else
    time = g_date_time_new_from_iso8601 (text, local);

  if (time == NULL)
    {
      g_set_error (error, LOYCTL_USAGE_ERROR, 0,
                   _("%s needs a date such as 2025-01-31, not “%s”"), option, text);
      return FALSE;
    }

  *unix_time = g_date_time_to_unix (time);
  return TRUE;
}
