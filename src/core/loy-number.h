/* loy-number.h — whole numbers and money as people type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LoyNumberFormat:
 * @decimal: the decimal mark, '.' or ','
 * @grouping: the thousands separator, or 0 for none
 *
 * How numbers are written where the user is. Parsing also takes the
 * other of '.' and ',' for the decimal mark, as long as it cannot be a
 * thousands separator ("2.50" is 2,50 in nl_NL, "1.250" is 1250).
 */
typedef struct
{
  gunichar decimal;
  gunichar grouping;
} LoyNumberFormat;

/* The current LC_NUMERIC locale's. */
void     loy_number_format_init_locale (LoyNumberFormat       *format);

/* Parses @text as a whole number between @min and @max; @format %NULL
 * means the locale's. Nothing is rounded or clamped: anything else fails
 * with %LOY_ERROR_INVALID_INPUT and a message that says why. */
gboolean loy_number_parse_whole        (const char            *text,
                                        const LoyNumberFormat *format,
                                        gint64                 min,
                                        gint64                 max,
                                        gint64                *value,
                                        GError               **error);
/* The same for an amount of money with at most two decimals, in cents. */
gboolean loy_number_parse_money        (const char            *text,
                                        const LoyNumberFormat *format,
                                        gint64                 min_cents,
                                        gint64                 max_cents,
                                        gint64                *cents,
                                        GError               **error);

/* @value as loy_number_parse_whole() reads it back, e.g. "1.250.000" in nl_NL. */
char    *loy_number_format_whole       (const LoyNumberFormat *format,
                                        gint64                 value);
/* @cents as loy_number_parse_money() reads it back, e.g. "1.250,50" in nl_NL. */
char    *loy_number_format_money       (const LoyNumberFormat *format,
                                        gint64                 cents);

G_END_DECLS
