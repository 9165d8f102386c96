/* loy-code-write.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-core.h"

G_BEGIN_DECLS

/* Adds codes to the group @group_uuid from each source in turn: the code
 * files @files (GFile), the text @pasted (one code per line), then @count
 * codes generated from @pattern; any of them may be NULL or 0. The summary
 * adds up what the store reports of each; progress counts on across them. */
void              loy_code_write_async  (LoyStore            *store,
                                         const char          *group_uuid,
                                         GPtrArray           *files,
                                         const char          *pasted,
                                         const char          *pattern,
                                         guint                count,
                                         LoyProgressFunc      progress,
                                         gpointer             progress_data,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
LoyImportSummary *loy_code_write_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
