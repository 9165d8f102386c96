/* loy-test-dir.h — the folders tests make for themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and, when it is a folder, everything in it (a symbolic
 * link is removed, not followed). */
void loy_test_remove_tree (const char *path);

G_END_DECLS
