/* loy-column-spec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-column-spec.h"
#include "loy-core.h"

/* Every list of records builds its columns here, from a table of specs:
 * the sections, a contact's ledger, a code group's codes. */

/* What a column's cells need: the first column's cells show the
 * secondary columns' texts in compact mode. */
typedef struct
{
  const LoyColumnSpec *spec;
  GObject             *compact_source;
  gboolean             is_first;
} ColumnCells;

static void
column_cells_free (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnCells              *cells)
{
  const LoyColumnSpec *spec = cells->spec;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  if (spec->icon != NULL)
    {
      GtkWidget *image = gtk_image_new ();

      gtk_widget_set_tooltip_text (image, _(spec->icon_tooltip));
      gtk_widget_add_css_class (image, "warning");
      gtk_box_append (GTK_BOX (box), image);
    }

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (spec->flags & LOY_COLUMN_NUMERIC)
    {
      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "numeric");
    }
  if (cells->is_first && cells->compact_source != NULL)
    {
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *subtitle = gtk_label_new (NULL);

      gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      g_object_bind_property (cells->compact_source, "compact", subtitle, "visible",
                              G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (lines), label);
      gtk_box_append (GTK_BOX (lines), subtitle);
      gtk_box_append (GTK_BOX (box), lines);
    }
  else
    gtk_box_append (GTK_BOX (box), label);

  gtk_list_item_set_child (list_item, box);
}

/* The secondary columns' texts, for the line under the first column's. */
static char *
dup_secondary_texts (const LoyColumnSpec *columns,
                     gpointer             item)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const LoyColumnSpec *column = columns; column->title != NULL; column++)
    {
      g_autofree char *text = NULL;

      if (!(column->flags & LOY_COLUMN_SECONDARY) ||
          (text = column->text (item)) == NULL || text[0] == '\0')
        continue;

      if (line->len > 0)
        /* Translators: between the texts of the columns hidden at phone width, in a row's second line */
        g_string_append (line, _(" · "));
      g_string_append (line, text);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Sets @label's style class, taking off the one a previous row gave it. */
static void
label_set_style (GtkWidget  *label,
                 const char *style)
{
  const char *previous = g_object_get_data (G_OBJECT (label), "loy-cell-style");

  if (previous != NULL)
    gtk_widget_remove_css_class (label, previous);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  g_object_set_data (G_OBJECT (label), "loy-cell-style", (gpointer) style);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnCells              *cells)
{
  const LoyColumnSpec *spec = cells->spec;
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  gboolean placeholder = loy_paged_model_is_placeholder (item);
  g_autofree char *text = placeholder ? NULL : spec->text (item);

  if (cells->is_first && cells->compact_source != NULL)
    {
      GtkWidget *subtitle = gtk_widget_get_last_child (label);
      g_autofree char *secondary = placeholder ? NULL : dup_secondary_texts (spec, item);

      gtk_label_set_text (GTK_LABEL (subtitle), secondary != NULL ? secondary : "");
      label = gtk_widget_get_first_child (label);
    }

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (spec->flags & LOY_COLUMN_TOOLTIP)
    gtk_widget_set_tooltip_text (label, text);
  label_set_style (label, spec->style != NULL && !placeholder ? spec->style (item) : NULL);
  if (spec->dim != NULL && !placeholder && spec->dim (item))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");

  if (spec->icon != NULL)
    {
      GtkWidget *image = gtk_widget_get_first_child (box);
      const char *icon_name = placeholder ? NULL : spec->icon (item);

      gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
      gtk_widget_set_visible (image, icon_name != NULL);
    }
}

void
loy_column_spec_append_columns (const LoyColumnSpec *columns,
                                GtkColumnView       *view,
                                GObject             *compact_source)
{
  g_return_if_fail (columns != NULL);
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (!compact_source || G_IS_OBJECT (compact_source));

  for (const LoyColumnSpec *column = columns; column->title != NULL; column++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      ColumnCells *cells = g_new (ColumnCells, 1);

      /* The view owns its columns, and so their factories: the compact
       * source (the widget around the view) outlives them. */
      *cells = (ColumnCells) { column, compact_source, column == columns };
      g_signal_connect_data (factory, "setup", G_CALLBACK (cell_setup_cb), cells,
                             column_cells_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), cells);

      view_column = gtk_column_view_column_new (_(column->title), factory);
      gtk_column_view_column_set_expand (view_column, (column->flags & LOY_COLUMN_EXPAND) != 0);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_append_column (view, view_column);
    }
}

void
loy_column_spec_set_compact (const LoyColumnSpec *columns,
                             GtkColumnView       *view,
                             gboolean             compact)
{
  GListModel *view_columns;

  g_return_if_fail (columns != NULL);
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  view_columns = gtk_column_view_get_columns (view);
  for (guint i = 0; columns[i].title != NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);

      gtk_column_view_column_set_visible (column,
                                          !(compact && (columns[i].flags & LOY_COLUMN_SECONDARY)));
    }
}
