/* loy-sqlite-search.h — typed search text as SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A subquery "(SELECT … AS id …)" of the ids of the contacts @search finds,
 * with the parameters _loy_sqlite_bind_search() binds; NULL when @search
 * has no word to look for. Sets @combined when it combines several
 * full-text queries. */
char *_loy_sqlite_build_contact_search_ids (const char   *search,
                                            gboolean     *combined);
/* Binds :search (the text as typed), :pattern (a LIKE pattern of it) and
 * the full-text queries :starts, :parts and :short_starts, where @stmt has them. */
void  _loy_sqlite_bind_search              (sqlite3_stmt *stmt,
                                            const char   *search);

G_END_DECLS
