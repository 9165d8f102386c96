/* fuzz.h — what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* Called by libFuzzer, or by driver.c for each file of a corpus. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A warning or a critical on any input is a bug in the code under test:
 * make it abort, so that the fuzzer reports the input. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

G_END_DECLS
