/* loy-section-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "loy-column-spec.h"
#include "loy-core.h"
#include "loy-export-task.h"
#include "loy-filter-button.h"

G_BEGIN_DECLS

#define LOY_TYPE_SECTION_VIEW (loy_section_view_get_type ())

G_DECLARE_FINAL_TYPE (LoySectionView, loy_section_view, LOY, SECTION_VIEW, GtkWidget)

LoyKind         loy_section_view_get_kind         (LoySectionView *self);
gboolean        loy_section_view_get_compact      (LoySectionView *self);
void            loy_section_view_set_compact      (LoySectionView *self,
                                                   gboolean        compact);
LoyStore       *loy_section_view_get_store        (LoySectionView *self);
void            loy_section_view_set_store        (LoySectionView *self,
                                                   LoyStore       *store);
/* The records on show, or %NULL without a store that can list them or
 * before the section is first shown (see ::notify::model). */
LoyPagedModel  *loy_section_view_get_model        (LoySectionView *self);
void            loy_section_view_reload           (LoySectionView *self);
void            loy_section_view_set_record_hidden (LoySectionView *self,
                                                    const char     *uuid,
                                                    gboolean        hidden);
GtkWidget      *loy_section_view_get_search_entry (LoySectionView *self);
void            loy_section_view_add_action_widget (LoySectionView *self,
                                                    GtkWidget      *widget);
/* The list's filters, beside the search; the empty page names those set
 * and offers to clear them. <child type="filters"> in a template. */
void            loy_section_view_set_filter_button (LoySectionView  *self,
                                                    LoyFilterButton *filter_button);
LoyFilterButton *loy_section_view_get_filter_button (LoySectionView *self);
gboolean        loy_section_view_get_listable     (LoySectionView *self);
void            loy_section_view_set_columns      (LoySectionView      *self,
                                                   const LoyColumnSpec *columns);
void            loy_section_view_append_column    (LoySectionView      *self,
                                                   GtkColumnViewColumn *column);
/* "1,234 contacts", a new string */
typedef char *(*LoySectionCountFunc) (gint64 n_results);
void            loy_section_view_set_count_func   (LoySectionView      *self,
                                                   LoySectionCountFunc  count_func);
LoySectionView *loy_section_view_find             (GtkWidget      *section);
void            loy_section_view_export           (LoySectionView        *self,
                                                   const LoyExport       *export,
                                                   const char            *title,
                                                   const char            *file_name,
                                                   LoyExportDescribeFunc  describe);
/* The name of the page on show: "list", "loading", "empty" or "error". */
const char     *loy_section_view_get_state        (LoySectionView *self);

G_END_DECLS
