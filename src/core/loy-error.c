/* loy-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-error.h"

G_DEFINE_QUARK (loy-error-quark, loy_error)
