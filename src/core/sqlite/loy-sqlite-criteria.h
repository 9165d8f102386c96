/* loy-sqlite-criteria.h — segment membership in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "loy-query.h"
#include "loy-segment.h"

G_BEGIN_DECLS

/* An SQL condition on the contact aliased "t", with the values it binds. */
typedef struct _LoySqliteFilter LoySqliteFilter;

/* The members condition of a contacts @query: the stored criteria of its
 * segment_uuid (LOY_ERROR_NOT_FOUND for an unknown segment) and its unsaved
 * criteria (LOY_ERROR_INVALID_INPUT when not valid). Other queries get a
 * filter without a condition. */
LoySqliteFilter *_loy_sqlite_filter_new_for_query   (sqlite3          *db,
                                                     const LoyQuery   *query,
                                                     GError          **error);
/* The members conditions of the stored segments @segment_uuids, one each in
 * @conditions (element-type utf8), which bind their values together: the
 * filter's own condition is empty. LOY_ERROR_NOT_FOUND for an unknown segment. */
LoySqliteFilter *_loy_sqlite_filter_new_for_segments (sqlite3             *db,
                                                      const char * const  *segment_uuids,
                                                      GPtrArray          **conditions,
                                                      GError             **error);
/* NULL when the filter lets every contact through. */
const char      *_loy_sqlite_filter_get_condition   (LoySqliteFilter  *filter);
void             _loy_sqlite_filter_bind            (LoySqliteFilter  *filter,
                                                     sqlite3_stmt     *stmt);
void             _loy_sqlite_filter_free            (LoySqliteFilter  *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoySqliteFilter, _loy_sqlite_filter_free)

/* Reads the segment's members count from its criteria. */
gboolean         _loy_sqlite_segment_count_members  (sqlite3          *db,
                                                     LoySegment       *segment,
                                                     GError          **error);

G_END_DECLS
