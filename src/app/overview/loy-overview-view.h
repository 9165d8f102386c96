/* loy-overview-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_OVERVIEW_VIEW (loy_overview_view_get_type ())

G_DECLARE_FINAL_TYPE (LoyOverviewView, loy_overview_view, LOY, OVERVIEW_VIEW, GtkWidget)

LoyStore *loy_overview_view_get_store   (LoyOverviewView *self);
void      loy_overview_view_set_store   (LoyOverviewView *self,
                                         LoyStore        *store);
/* TRUE while any of the figures is being counted. */
gboolean  loy_overview_view_get_loading (LoyOverviewView *self);
/* The period's overview shown, NULL before the first or on a remote account. */
LoyOverview *loy_overview_view_get_overview (LoyOverviewView *self);
/* The chart called @name: "points", "enrollments", "levels" or "rewards". */
GtkWidget *loy_overview_view_get_chart  (LoyOverviewView *self,
                                         const char      *name);

G_END_DECLS
