/* loy-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-core.h"
#include "loy-chart.h"

#define MAX_SERIES 2
#define BAR_ROW_HEIGHT 28
#define COLUMNS_HEIGHT 200
#define SPACING 6

typedef struct
{
  char   *label;
  char   *full_label;
  char   *detail;
  gint64  values[MAX_SERIES];
} Category;

struct _LoyChart
{
  GtkWidget       parent_instance;

  LoyChartLayout  layout;
  char           *title;
  char           *series[MAX_SERIES];
  guint           n_series;
  char           *detail_name;
  GArray         *categories;   /* Category */
  int             highlight;
};

G_DEFINE_FINAL_TYPE (LoyChart, loy_chart, GTK_TYPE_WIDGET)

/* Where things go, worked out from the widget's size. */
typedef struct
{
  graphene_rect_t plot;         /* the bars' area */
  double          top;          /* the value axis' top: a multiple of step */
  double          step;         /* between ticks */
  double          slot;         /* columns: the width of a category; bars: its height */
  int             label_every;  /* columns: a label for every this many categories */
} Geometry;

static void
clear_category (Category *category)
{
  g_free (category->label);
  g_free (category->full_label);
  g_free (category->detail);
}

static gint64
max_value (LoyChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < self->categories->len; i++)
    for (guint s = 0; s < self->n_series; s++)
      max = MAX (max, g_array_index (self->categories, Category, i).values[s]);

  return max;
}

static char *
format_number (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/* The value axis: 0 to a round number above @max, in 1, 2 or 5 × 10ⁿ steps. */
static void
nice_scale (gint64  max,
            double *top,
            double *step)
{
  double rough = MAX (max, 1) / 4.0;
  double magnitude = pow (10, floor (log10 (rough)));
  double normal = rough / magnitude;

  *step = (normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 5 ? 5 : 10) * magnitude;
  *step = MAX (*step, 1);
  *top = ceil (MAX (max, 1) / *step) * *step;
}

static PangoLayout *
new_layout (LoyChart   *self,
            const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

static int
text_width (LoyChart   *self,
            const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
text_height (LoyChart *self)
{
  g_autoptr(PangoLayout) layout = new_layout (self, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
widest_label (LoyChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->categories->len; i++)
    widest = MAX (widest, text_width (self, g_array_index (self->categories, Category, i).label));

  return widest;
}

static void
compute_geometry (LoyChart *self,
                  Geometry *geometry)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint n = MAX (self->categories->len, 1);
  g_autofree char *top_text = NULL;
  int line = text_height (self);

  nice_scale (max_value (self), &geometry->top, &geometry->step);
  top_text = format_number ((gint64) geometry->top);

  if (self->layout == LOY_CHART_COLUMNS)
    {
      double left = text_width (self, top_text) + SPACING;
      double bottom = line + SPACING;

      /* Room above for the highlighted value. */
      geometry->plot = GRAPHENE_RECT_INIT (left, line + SPACING, MAX (width - left - 1, 1),
                                           MAX (height - bottom - line - SPACING, 1));
      geometry->slot = geometry->plot.size.width / n;
      geometry->label_every = MAX (1, (int) ceil ((widest_label (self) + 2 * SPACING) /
                                                  geometry->slot));
    }
  else
    {
      double left = MIN (widest_label (self), width * 0.4) + SPACING;
      double right = text_width (self, top_text) + SPACING;

      geometry->plot = GRAPHENE_RECT_INIT (left, 0, MAX (width - left - right, 1),
                                           MAX (height - line - SPACING, 1));
      geometry->slot = geometry->plot.size.height / n;
      geometry->label_every = 1;
    }
}

/* Named colours of the style, so the chart follows light and dark. */
static void
lookup_color (LoyChart   *self,
              const char *name,
              GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
foreground (LoyChart *self,
            double    alpha,
            GdkRGBA  *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color->alpha *= alpha;
}

static void
series_color (LoyChart *self,
              guint     series,
              GdkRGBA  *color)
{
  lookup_color (self, series == 0 ? "accent_bg_color" : "warning_color", color);
}

static void
draw_text (LoyChart    *self,
           GtkSnapshot *snapshot,
           const char  *text,
           double       x,
           double       y,
           double       xalign,
           double       max_width,
           double       alpha)
{
  g_autoptr(PangoLayout) layout = new_layout (self, text);
  GdkRGBA color;
  int width;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, NULL);
  foreground (self, alpha, &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - xalign * width), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static double
value_position (const Geometry *geometry,
                gint64          value,
                double          length)
{
  return length * (double) value / geometry->top;
}

static void
draw_columns (LoyChart       *self,
              GtkSnapshot    *snapshot,
              const Geometry *geometry)
{
  const graphene_rect_t *plot = &geometry->plot;
  double bar_width = geometry->slot * 0.8 / self->n_series;
  int line = text_height (self);
  GdkRGBA grid;

  foreground (self, 0.15, &grid);
  for (double tick = 0; tick <= geometry->top; tick += geometry->step)
    {
      double y = plot->origin.y + plot->size.height -
                 value_position (geometry, tick, plot->size.height);
      g_autofree char *text = format_number ((gint64) tick);

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
      draw_text (self, snapshot, text, plot->origin.x - SPACING / 2.0, y - line / 2.0, 1, -1, 0.7);
    }

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *category = &g_array_index (self->categories, Category, i);
      double x = plot->origin.x + i * geometry->slot;

      if ((int) i == self->highlight)
        {
          GdkRGBA shade;

          foreground (self, 0.08, &shade);
          gtk_snapshot_append_color (snapshot, &shade,
                                     &GRAPHENE_RECT_INIT (x, plot->origin.y, geometry->slot,
                                                          plot->size.height));
        }

      for (guint s = 0; s < self->n_series; s++)
        {
          double height = value_position (geometry, category->values[s], plot->size.height);
          GdkRGBA color;

          series_color (self, s, &color);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (x + geometry->slot * 0.1 + s * bar_width,
                                                          plot->origin.y + plot->size.height - height,
                                                          MAX (bar_width - 1, 1), height));
        }

      if (i % geometry->label_every == 0)
        draw_text (self, snapshot, category->label, x + geometry->slot / 2,
                   plot->origin.y + plot->size.height + SPACING / 2.0, 0.5, -1, 0.7);
    }
}

static void
draw_bars (LoyChart       *self,
           GtkSnapshot    *snapshot,
           const Geometry *geometry)
{
  const graphene_rect_t *plot = &geometry->plot;
  int line = text_height (self);
  GdkRGBA color;

  series_color (self, 0, &color);
  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *category = &g_array_index (self->categories, Category, i);
      double y = plot->origin.y + i * geometry->slot;
      double length = value_position (geometry, category->values[0], plot->size.width);
      g_autofree char *value = format_number (category->values[0]);

      if ((int) i == self->highlight)
        {
          GdkRGBA shade;

          foreground (self, 0.08, &shade);
          gtk_snapshot_append_color (snapshot, &shade,
                                     &GRAPHENE_RECT_INIT (0, y, gtk_widget_get_width (GTK_WIDGET (self)),
                                                          geometry->slot));
        }

      draw_text (self, snapshot, category->label, 0, y + (geometry->slot - line) / 2, 0,
                 plot->origin.x - SPACING, 1);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, y + geometry->slot * 0.2,
                                                      MAX (length, 1), geometry->slot * 0.6));
      draw_text (self, snapshot, value, plot->origin.x + length + SPACING / 2.0,
                 y + (geometry->slot - line) / 2, 0, -1, 0.7);
    }

  /* The value axis below the bars. */
  for (double tick = 0; tick <= geometry->top; tick += geometry->step)
    {
      g_autofree char *text = format_number ((gint64) tick);
      double x = plot->origin.x + value_position (geometry, tick, plot->size.width);

      draw_text (self, snapshot, text, x, plot->origin.y + plot->size.height + SPACING / 2.0,
                 0.5, -1, 0.5);
    }
}

/* Which colour is which series, at the top left. */
static void
draw_legend (LoyChart       *self,
             GtkSnapshot    *snapshot,
             const Geometry *geometry)
{
  int line = text_height (self);
  double x = geometry->plot.origin.x;

  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA color;

      series_color (self, s, &color);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, line / 4.0, line / 2.0, line / 2.0));
      draw_text (self, snapshot, self->series[s], x + line / 2.0 + SPACING / 2.0, 0, 0, -1, 0.8);
      x += line / 2.0 + SPACING * 3 + text_width (self, self->series[s]);
    }
}

/* The highlighted category's values at the top, or else the legend. */
static void
draw_highlight_text (LoyChart       *self,
                     GtkSnapshot    *snapshot,
                     const Geometry *geometry)
{
  g_autofree char *text = loy_chart_dup_highlight_text (self);
  double x;

  if (self->layout != LOY_CHART_COLUMNS)
    return;

  if (text == NULL)
    {
      if (self->n_series > 1)
        draw_legend (self, snapshot, geometry);
      return;
    }

  x = geometry->plot.origin.x + (self->highlight + 0.5) * geometry->slot;
  x = CLAMP (x, geometry->plot.origin.x + text_width (self, text) / 2.0,
             gtk_widget_get_width (GTK_WIDGET (self)) - text_width (self, text) / 2.0);
  draw_text (self, snapshot, text, x, 0, 0.5, -1, 1);
}

static void
loy_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  LoyChart *self = LOY_CHART (widget);
  Geometry geometry;

  /* No flat line for nothing at all. */
  if (loy_chart_is_empty (self))
    {
      draw_text (self, snapshot, _("Nothing in this period"), gtk_widget_get_width (widget) / 2.0,
                 (gtk_widget_get_height (widget) - text_height (self)) / 2.0, 0.5, -1, 0.55);
      return;
    }

  compute_geometry (self, &geometry);
  if (self->layout == LOY_CHART_COLUMNS)
    draw_columns (self, snapshot, &geometry);
  else
    draw_bars (self, snapshot, &geometry);
  draw_highlight_text (self, snapshot, &geometry);
}

static void
loy_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  LoyChart *self = LOY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
    }
  else if (self->layout == LOY_CHART_COLUMNS)
    {
      *minimum = *natural = COLUMNS_HEIGHT;
    }
  else
    {
      *minimum = *natural = MAX (self->categories->len, 2) * BAR_ROW_HEIGHT + text_height (self) + SPACING;
    }
}

/* Tells assistive technology what the chart shows, in words. */
static void
update_description (LoyChart *self)
{
  g_autoptr(GString) description = g_string_new (self->title);

  if (loy_chart_is_empty (self))
    g_string_append_printf (description, ": %s", _("nothing in this period"));

  for (guint i = 0; i < self->categories->len && !loy_chart_is_empty (self); i++)
    {
      const Category *category = &g_array_index (self->categories, Category, i);

      g_string_append_printf (description, "%s %s:", i == 0 ? ":" : ";", category->full_label);
      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *value = format_number (category->values[s]);

          g_string_append_printf (description, "%s %s %s", s > 0 ? "," : "", self->series[s], value);
        }
      if (category->detail != NULL)
        g_string_append_printf (description, ", %s %s", self->detail_name, category->detail);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
}

static void
motion_cb (LoyChart                 *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  loy_chart_set_highlight (self, loy_chart_get_index_at (self, x, y));
}

static void
leave_cb (LoyChart                 *self,
          GtkEventControllerMotion *controller)
{
  loy_chart_set_highlight (self, -1);
}

static gboolean
key_pressed_cb (LoyChart              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int last = (int) self->categories->len - 1;
  int next;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      next = self->highlight < 0 ? last : MAX (self->highlight - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      next = self->highlight < 0 ? 0 : MIN (self->highlight + 1, last);
      break;
    case GDK_KEY_Home:
      next = 0;
      break;
    case GDK_KEY_End:
      next = last;
      break;
    default:
      return FALSE;
    }

  loy_chart_set_highlight (self, next);
  return TRUE;
}

static void
style_changed_cb (LoyChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
loy_chart_finalize (GObject *object)
{
  LoyChart *self = LOY_CHART (object);

  g_clear_pointer (&self->title, g_free);
  for (guint s = 0; s < MAX_SERIES; s++)
    g_clear_pointer (&self->series[s], g_free);
  g_clear_pointer (&self->detail_name, g_free);
  g_clear_pointer (&self->categories, g_array_unref);

  G_OBJECT_CLASS (loy_chart_parent_class)->finalize (object);
}

static void
loy_chart_class_init (LoyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = loy_chart_finalize;
  widget_class->snapshot = loy_chart_snapshot;
  widget_class->measure = loy_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
loy_chart_init (LoyChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, (GDestroyNotify) clear_category);
  self->highlight = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
loy_chart_new (LoyChartLayout  layout,
               const char     *title)
{
  LoyChart *self = g_object_new (LOY_TYPE_CHART, NULL);

  self->layout = layout;
  self->title = g_strdup (title);
  update_description (self);

  return GTK_WIDGET (self);
}

const char *
loy_chart_get_title (LoyChart *self)
{
  g_return_val_if_fail (LOY_IS_CHART (self), NULL);

  return self->title;
}

void
loy_chart_set_series (LoyChart   *self,
                      const char *first_series,
                      ...)
{
  va_list args;

  g_return_if_fail (LOY_IS_CHART (self));

  loy_chart_clear (self);
  for (guint s = 0; s < MAX_SERIES; s++)
    g_clear_pointer (&self->series[s], g_free);
  self->n_series = 0;

  va_start (args, first_series);
  for (const char *name = first_series; name != NULL; name = va_arg (args, const char *))
    {
      g_return_if_fail (self->n_series < MAX_SERIES);
      self->series[self->n_series++] = g_strdup (name);
    }
  va_end (args);
}

void
loy_chart_set_detail_name (LoyChart   *self,
                           const char *name)
{
  g_return_if_fail (LOY_IS_CHART (self));

  g_free (self->detail_name);
  self->detail_name = g_strdup (name);
}

void
loy_chart_clear (LoyChart *self)
{
  g_return_if_fail (LOY_IS_CHART (self));

  g_array_set_size (self->categories, 0);
  self->highlight = -1;
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
loy_chart_append (LoyChart     *self,
                  const char   *label,
                  const char   *full_label,
                  const char   *detail,
                  const gint64 *values)
{
  Category category = { g_strdup (label), g_strdup (full_label != NULL ? full_label : label),
                        g_strdup (detail) };

  g_return_if_fail (LOY_IS_CHART (self));
  g_return_if_fail (self->n_series > 0);

  for (guint s = 0; s < self->n_series; s++)
    category.values[s] = MAX (values[s], 0);
  g_array_append_val (self->categories, category);

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
loy_chart_get_n_categories (LoyChart *self)
{
  g_return_val_if_fail (LOY_IS_CHART (self), 0);

  return self->categories->len;
}

gboolean
loy_chart_is_empty (LoyChart *self)
{
  g_return_val_if_fail (LOY_IS_CHART (self), TRUE);

  return max_value (self) == 0;
}

int
loy_chart_get_highlight (LoyChart *self)
{
  g_return_val_if_fail (LOY_IS_CHART (self), -1);

  return self->highlight;
}

void
loy_chart_set_highlight (LoyChart *self,
                         int       index)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LOY_IS_CHART (self));

  if (index >= (int) self->categories->len)
    index = -1;
  if (self->highlight == index)
    return;

  self->highlight = index;
  text = loy_chart_dup_highlight_text (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->layout == LOY_CHART_BARS ? text : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
loy_chart_get_index_at (LoyChart *self,
                        double    x,
                        double    y)
{
  Geometry geometry;
  double offset;

  g_return_val_if_fail (LOY_IS_CHART (self), -1);

  if (self->categories->len == 0)
    return -1;

  compute_geometry (self, &geometry);
  offset = self->layout == LOY_CHART_COLUMNS ? x - geometry.plot.origin.x
                                             : y - geometry.plot.origin.y;
  if (offset < 0 || offset >= geometry.slot * self->categories->len)
    return -1;

  return (int) (offset / geometry.slot);
}

char *
loy_chart_dup_highlight_text (LoyChart *self)
{
  const Category *category;
  GString *text;

  g_return_val_if_fail (LOY_IS_CHART (self), NULL);

  if (self->highlight < 0)
    return NULL;

  category = &g_array_index (self->categories, Category, self->highlight);
  /* Translators: a chart's category and its values, "3 Nov: Issued 1,200, Redeemed 300" */
  text = g_string_new (category->full_label);
  g_string_append (text, ":");
  for (guint s = 0; s < self->n_series; s++)
    {
      g_autofree char *value = format_number (category->values[s]);

      g_string_append_printf (text, "%s %s %s", s > 0 ? "," : "", self->series[s], value);
    }
  if (category->detail != NULL)
    g_string_append_printf (text, ", %s %s", self->detail_name, category->detail);

  return g_string_free (text, FALSE);
}

gboolean
loy_chart_write_csv (LoyChart       *self,
                     GOutputStream  *output,
                     GError        **error)
{
  g_autoptr(LoyCsvWriter) writer = NULL;

  g_return_val_if_fail (LOY_IS_CHART (self), FALSE);

  writer = loy_csv_writer_new (output);
  loy_csv_writer_add_field (writer, self->title, -1, LOY_CSV_TEXT);
  for (guint s = 0; s < self->n_series; s++)
    loy_csv_writer_add_field (writer, self->series[s], -1, LOY_CSV_TEXT);
  if (self->detail_name != NULL)
    loy_csv_writer_add_field (writer, self->detail_name, -1, LOY_CSV_TEXT);
  if (!loy_csv_writer_end_record (writer, NULL, error))
    return FALSE;

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *category = &g_array_index (self->categories, Category, i);

      loy_csv_writer_add_field (writer, category->full_label, -1, LOY_CSV_TEXT);
      for (guint s = 0; s < self->n_series; s++)
        {
          char value[24];

          g_snprintf (value, sizeof value, "%" G_GINT64_FORMAT, category->values[s]);
          loy_csv_writer_add_field (writer, value, -1, LOY_CSV_NUMBER);
        }
      if (self->detail_name != NULL)
        loy_csv_writer_add_field (writer, category->detail, -1, LOY_CSV_TEXT);
      if (!loy_csv_writer_end_record (writer, NULL, error))
        return FALSE;
    }

  return loy_csv_writer_flush (writer, NULL, error);
}

gboolean
loy_chart_save_png (LoyChart  *self,
                    GFile     *file,
                    GError   **error)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  GdkRGBA background;

  g_return_val_if_fail (LOY_IS_CHART (self), FALSE);

  native = gtk_widget_get_native (GTK_WIDGET (self));
  if (native == NULL || width == 0 || height == 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The chart is not shown, so there is no picture of it"));
      return FALSE;
    }

  lookup_color (self, "window_bg_color", &background);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);

  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                  error);
}
