/* loy-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the app writes dates, points and money: one place, so that every
 * list, dialog and summary reads the same. All return newly allocated text. */

/* A day in local time, e.g. "12 Mar 2027". */
char *loy_format_date         (GDateTime *at);

/* The same from seconds since the epoch; empty when out of range. */
char *loy_format_unix_date    (gint64     unix_seconds);

/* A day and time of day in local time, e.g. "12 Mar 2027, 14:05". */
char *loy_format_date_time    (GDateTime *at);

/* A count of things (codes, contacts, rows) with the locale's thousands
 * grouping, e.g. "12,500". */
char *loy_format_count        (gint64     count);

/* A number of points with the locale's thousands grouping, e.g. "12,500". */
char *loy_format_points       (gint64     points);

/* A change of points with its sign, e.g. "+120" or "−40" (a real minus sign);
 * zero has no sign. */
char *loy_format_signed_points (gint64    points);

/* An amount of money given in cents, with the locale's grouping and decimal
 * point, e.g. "1,234.50". */
char *loy_format_money        (gint64     cents);

G_END_DECLS
