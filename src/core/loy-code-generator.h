/* loy-code-generator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a '#' and an 'X' of a pattern become: digits and capital letters
 * without the look-alikes 0/O, 1/I/L, 5/S, 2/Z and 8/B. */
#define LOY_CODE_DIGITS  "34679"
#define LOY_CODE_LETTERS "ACDEFGHJKMNPQRTUVWXY"

#define LOY_TYPE_CODE_GENERATOR (loy_code_generator_get_type ())

G_DECLARE_FINAL_TYPE (LoyCodeGenerator, loy_code_generator, LOY, CODE_GENERATOR, GObject)

LoyCodeGenerator *loy_code_generator_new          (const char        *pattern,
                                                   GError           **error);
const char       *loy_code_generator_get_pattern  (LoyCodeGenerator  *self);
guint64           loy_code_generator_get_capacity (LoyCodeGenerator  *self);
gboolean          loy_code_generator_check_count  (LoyCodeGenerator  *self,
                                                   guint64            count,
                                                   guint64            taken,
                                                   GError           **error);
const char       *loy_code_generator_next         (LoyCodeGenerator  *self,
                                                   GError           **error);

G_END_DECLS
