/* loy-column-spec.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a cell shows of its row's record: a new string (or %NULL for an
 * empty cell), an icon name, a CSS class, whether to dim it. */
typedef char       *(*LoyCellTextFunc)  (gpointer item);
typedef const char *(*LoyCellIconFunc)  (gpointer item);
typedef const char *(*LoyCellStyleFunc) (gpointer item);
typedef gboolean    (*LoyCellDimFunc)   (gpointer item);

typedef enum
{
  LOY_COLUMN_EXPAND    = 1 << 0,
  LOY_COLUMN_NUMERIC   = 1 << 1,
  /* hidden in compact mode (phone width), where the first column shows it
   * in a line under its own text instead */
  LOY_COLUMN_SECONDARY = 1 << 2,
  /* the text is its own tooltip, for long texts cut short */
  LOY_COLUMN_TOOLTIP   = 1 << 3,
} LoyColumnFlags;

/**
 * LoyColumnSpec:
 * @title: translatable with N_()
 * @text: the cell's text
 * @flags: how the column is laid out
 * @icon: an icon before the text, or %NULL for none
 * @icon_tooltip: the icon's tooltip, translatable with N_()
 * @style: a CSS class for the text (such as "error"), or %NULL
 * @dim: whether the text is dimmed (an inactive record), or %NULL
 *
 * One column of a list of records, in a table ended by a spec whose
 * @title is %NULL. A row whose page has not arrived yet shows empty.
 */
typedef struct
{
  const char       *title;
  LoyCellTextFunc   text;
  LoyColumnFlags    flags;
  LoyCellIconFunc   icon;
  const char       *icon_tooltip;
  LoyCellStyleFunc  style;
  LoyCellDimFunc    dim;
} LoyColumnSpec;

/* Appends a column per spec. With @compact_source (an object with a
 * boolean "compact" property), the first column shows the secondary
 * columns' texts under its own while it is compact. */
void  loy_column_spec_append_columns (const LoyColumnSpec *columns,
                                      GtkColumnView       *view,
                                      GObject             *compact_source);
/* Hides the secondary columns of @view while @compact, shows them otherwise. */
void  loy_column_spec_set_compact    (const LoyColumnSpec *columns,
                                      GtkColumnView       *view,
                                      gboolean             compact);

G_END_DECLS
