/* loy-code-step.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_CODE_STEP (loy_code_step_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeStep, loy_code_step, LOY, CODE_STEP, AdwPreferencesGroup)

/* The codes a reward or a campaign hands out, one each, as a group of rows.
 * Before the thing has a code group: codes generated from a pattern, read
 * from files and pasted, with why they cannot be added next to the field
 * and how many there are so far. Once it has one: how many codes are left
 * of the group, and Add Codes…, which emits ::add-codes (LoyCodeGroup *)
 * for its owner to open the group's window. */

/* The store the code group is read from. */
void              loy_code_step_set_store      (LoyCodeStep          *self,
                                                LoyStore             *store);
/* Shows the codes left in the group @uuid instead of the ways of adding
 * codes; NULL shows those again. */
void              loy_code_step_set_code_group (LoyCodeStep          *self,
                                                const char           *uuid);
/* Reads the code group again, after codes were added to it. */
void              loy_code_step_reload         (LoyCodeStep          *self);
/* The pattern the step starts with, and the most codes it generates. */
void              loy_code_step_set_pattern    (LoyCodeStep          *self,
                                                const char           *pattern);
void              loy_code_step_set_max_generate (LoyCodeStep        *self,
                                                  guint               max_generate);
/* Keeps the codes of the files in memory, for loy_code_step_dup_codes(). */
void              loy_code_step_set_keeps_codes (LoyCodeStep         *self,
                                                 gboolean             keeps_codes);

/* Adds a code file (one code per line, or the first column of a CSV file). */
void              loy_code_step_add_file       (LoyCodeStep          *self,
                                                GFile                *file);
/* Codes to be added so far: the files' and the pasted codes, the count to generate. */
guint64           loy_code_step_get_count      (LoyCodeStep          *self);
/* A sentence saying why the codes cannot be added yet, or NULL. */
const char       *loy_code_step_get_problem    (LoyCodeStep          *self);
/* Whether files or pasted text are still being read. */
gboolean          loy_code_step_get_busy       (LoyCodeStep          *self);
/* A short readable list of what will be added ("100 codes generated from SPRING-####"). */
char             *loy_code_step_describe       (LoyCodeStep          *self);
void              loy_code_step_clear          (LoyCodeStep          *self);
/* Every code to add, each once: the files' (kept), the pasted and newly
 * generated ones; NULL when there are none or the pattern is refused. */
GStrv             loy_code_step_dup_codes      (LoyCodeStep          *self);

/* Adds everything the step holds to the group, one source after the other;
 * finish with loy_code_write_finish(). */
void              loy_code_step_write_async    (LoyCodeStep          *self,
                                                LoyStore             *store,
                                                const char           *group_uuid,
                                                LoyProgressFunc       progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);

G_END_DECLS
