/* loy-chart.h — a bar chart drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Columns over a time axis, or one horizontal bar per category. */
typedef enum
{
  LOY_CHART_COLUMNS,
  LOY_CHART_BARS,
} LoyChartLayout;

#define LOY_TYPE_CHART (loy_chart_get_type ())

G_DECLARE_FINAL_TYPE (LoyChart, loy_chart, LOY, CHART, GtkWidget)

GtkWidget  *loy_chart_new                (LoyChartLayout   layout,
                                          const char      *title);
const char *loy_chart_get_title          (LoyChart        *self);

/* The series' names (one or two); clears the data. */
void        loy_chart_set_series         (LoyChart        *self,
                                          const char      *first_series,
                                          ...) G_GNUC_NULL_TERMINATED;
/* What the categories' details are ("Cost"), for the hover and the CSV;
 * NULL for none. */
void        loy_chart_set_detail_name    (LoyChart        *self,
                                          const char      *name);
void        loy_chart_clear              (LoyChart        *self);
/* A category: its axis label, its label in full (hover, CSV), a detail
 * or NULL, and a value for each series. */
void        loy_chart_append             (LoyChart        *self,
                                          const char      *label,
                                          const char      *full_label,
                                          const char      *detail,
                                          const gint64    *values);
guint       loy_chart_get_n_categories   (LoyChart        *self);
/* Whether every value is 0. */
gboolean    loy_chart_is_empty           (LoyChart        *self);

/* The category under the pointer or chosen with the keyboard, or -1. */
int         loy_chart_get_highlight      (LoyChart        *self);
void        loy_chart_set_highlight      (LoyChart        *self,
                                          int              index);
/* The category at (@x, @y) in the widget, or -1. */
int         loy_chart_get_index_at       (LoyChart        *self,
                                          double           x,
                                          double           y);
/* What the chart shows for the highlighted category ("3 Nov: Issued 1,200,
 * Redeemed 300"), NULL when none is. */
char       *loy_chart_dup_highlight_text (LoyChart        *self);

/* The data as CSV: a header, then a row per category. */
gboolean    loy_chart_write_csv          (LoyChart        *self,
                                          GOutputStream   *output,
                                          GError         **error);
/* The chart as drawn, on the window's background, as a PNG file. */
gboolean    loy_chart_save_png           (LoyChart        *self,
                                          GFile           *file,
                                          GError         **error);

G_END_DECLS
