/* loy-filter-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-filter-button.h"

/* The filter button of a section's list: a popover of rows, a label beside
 * each row's widget, and Clear Filters. The button is highlighted while a
 * row filters, so a narrowed list shows at a glance. Dropdowns are the
 * button's own; other widgets are the section's, which tells the button
 * what they filter on. */

typedef struct
{
  GtkWidget *label;
  GtkWidget *widget;
  gboolean   is_choice; /* the button's own dropdown, its first choice "any" */
  char      *summary;   /* a section's widget's; a choice's is the one made */
} FilterRow;

struct _LoyFilterButton
{
  GtkWidget      parent_instance;

  GArray        *rows;  /* FilterRow */
  char          *summary;
  gboolean       clearing;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkGrid       *grid;
  GtkWidget     *clear_button;
};

G_DEFINE_FINAL_TYPE (LoyFilterButton, loy_filter_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILTERED,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  CLEARED,
  OPENED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
filter_row_clear (FilterRow *row)
{
  g_clear_pointer (&row->summary, g_free);
}

/* What a row filters on, or %NULL: a dropdown's choice but the first. */
static const char *
row_summary (FilterRow *row)
{
  GtkDropDown *dropdown;
  guint selected;
  gpointer item;

  if (!row->is_choice)
    return row->summary;

  dropdown = GTK_DROP_DOWN (row->widget);
  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  item = gtk_drop_down_get_selected_item (dropdown);
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

static void
update_summary (LoyFilterButton *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  gboolean was_filtered = self->summary != NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FilterRow *row = &g_array_index (self->rows, FilterRow, i);
      const char *value = row_summary (row);

      if (value == NULL)
        continue;

      if (summary->len > 0)
        /* Translators: between the filters of a list, "Type: Cashback · Status: Active" */
        g_string_append (summary, _(" · "));
      /* Translators: a filter and what it is set to, "Type: Cashback" */
      g_string_append_printf (summary, _("%s: %s"), gtk_label_get_text (GTK_LABEL (row->label)),
                              value);
    }

  g_free (self->summary);
  self->summary = summary->len > 0 ? g_string_free (g_steal_pointer (&summary), FALSE) : NULL;

  if (self->summary != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->menu_button), "accent");
  gtk_widget_set_sensitive (self->clear_button, self->summary != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
  if (was_filtered != (self->summary != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTERED]);
}

static void
dropdown_changed_cb (LoyFilterButton *self)
{
  if (self->clearing)
    return;

  update_summary (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
popover_shown_cb (LoyFilterButton *self)
{
  g_signal_emit (self, signals [OPENED], 0);
}

static void
add_row (LoyFilterButton *self,
         const char      *label,
         GtkWidget       *widget,
         gboolean         is_choice)
{
  FilterRow row = { gtk_label_new_with_mnemonic (label), widget, is_choice, NULL };

  gtk_label_set_mnemonic_widget (GTK_LABEL (row.label), widget);
  gtk_label_set_xalign (GTK_LABEL (row.label), 0);
  /* Beside a dropdown's middle, or a taller widget's first line */
  if (!GTK_IS_DROP_DOWN (widget))
    {
      gtk_widget_set_valign (row.label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (row.label, 8);
    }
  gtk_grid_attach (self->grid, row.label, 0, self->rows->len, 1, 1);
  gtk_grid_attach (self->grid, widget, 1, self->rows->len, 1, 1);
  g_array_append_val (self->rows, row);
}

static void
loy_filter_button_dispose (GObject *object)
{
  LoyFilterButton *self = LOY_FILTER_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_FILTER_BUTTON);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (loy_filter_button_parent_class)->dispose (object);
}

static void
loy_filter_button_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoyFilterButton *self = LOY_FILTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_FILTERED:
      g_value_set_boolean (value, loy_filter_button_get_filtered (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, loy_filter_button_get_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_filter_button_class_init (LoyFilterButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_filter_button_dispose;
  object_class->get_property = loy_filter_button_get_property;

  properties [PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A filter changed: the section sets its list's query. */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Clear Filters: the section empties its own rows' widgets, without
   * setting the query; ::changed follows. */
  signals [CLEARED] =
    g_signal_new ("cleared",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The popover opens: a section may list its choices then. */
  signals [OPENED] =
    g_signal_new ("opened",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-filter-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyFilterButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoyFilterButton, grid);
  gtk_widget_class_bind_template_child (widget_class, LoyFilterButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, loy_filter_button_clear);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loy_filter_button_init (LoyFilterButton *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (FilterRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) filter_row_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkDropDown *
loy_filter_button_add_dropdown (LoyFilterButton    *self,
                                const char         *label,
                                const char * const *choices)
{
  GtkWidget *dropdown;

  g_return_val_if_fail (LOY_IS_FILTER_BUTTON (self), NULL);
  g_return_val_if_fail (choices != NULL && choices[0] != NULL, NULL);

  dropdown = gtk_drop_down_new_from_strings (choices);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb), self,
                           G_CONNECT_SWAPPED);
  add_row (self, label, dropdown, TRUE);

  return GTK_DROP_DOWN (dropdown);
}

void
loy_filter_button_add_row (LoyFilterButton *self,
                           const char      *label,
                           GtkWidget       *widget)
{
  g_return_if_fail (LOY_IS_FILTER_BUTTON (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  add_row (self, label, widget, FALSE);
}

void
loy_filter_button_set_row_summary (LoyFilterButton *self,
                                   GtkWidget       *widget,
                                   const char      *summary)
{
  g_return_if_fail (LOY_IS_FILTER_BUTTON (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FilterRow *row = &g_array_index (self->rows, FilterRow, i);

      if (row->widget != widget)
        continue;

      if (g_strcmp0 (row->summary, summary) == 0)
        return;
      g_free (row->summary);
      row->summary = g_strdup (summary);
      update_summary (self);
      return;
    }

  g_return_if_reached ();
}

gboolean
loy_filter_button_get_filtered (LoyFilterButton *self)
{
  g_return_val_if_fail (LOY_IS_FILTER_BUTTON (self), FALSE);

  return self->summary != NULL;
}

const char *
loy_filter_button_get_summary (LoyFilterButton *self)
{
  g_return_val_if_fail (LOY_IS_FILTER_BUTTON (self), NULL);

  return self->summary;
}

void
loy_filter_button_clear (LoyFilterButton *self)
{
  g_return_if_fail (LOY_IS_FILTER_BUTTON (self));

  /* One query for the whole change, not one a row. */
  self->clearing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FilterRow *row = &g_array_index (self->rows, FilterRow, i);

      if (row->is_choice)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->widget), 0);
    }
  g_signal_emit (self, signals [CLEARED], 0);
  self->clearing = FALSE;

  update_summary (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

GtkMenuButton *
loy_filter_button_get_menu_button (LoyFilterButton *self)
{
  g_return_val_if_fail (LOY_IS_FILTER_BUTTON (self), NULL);

  return self->menu_button;
}
