/* loy-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>

#include "loy-format.h"

/* U+2212 MINUS SIGN: a hyphen is too short beside digits. */
#define MINUS_SIGN "\xe2\x88\x92"

char *
loy_format_date (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (at != NULL, NULL);

  local = g_date_time_to_local (at);
  /* Translators: a day as the app writes it, e.g. "12 Mar 2027";
   * see g_date_time_format() for the codes */
  return g_date_time_format (local, _("%-d %b %Y"));
}

char *
loy_format_unix_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_seconds);

  return at != NULL ? loy_format_date (at) : g_strdup ("");
}

char *
loy_format_date_time (GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (at != NULL, NULL);

  local = g_date_time_to_local (at);
  /* Translators: a day and time as the app writes it, e.g. "12 Mar 2027, 14:05";
   * see g_date_time_format() for the codes */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

char *
loy_format_count (gint64 count)
{
  return g_strdup_printf ("%'" PRId64, count);
}

char *
loy_format_points (gint64 points)
{
  return loy_format_count (points);
}

char *
loy_format_signed_points (gint64 points)
{
  if (points > 0)
    return g_strdup_printf ("+%'" PRId64, points);
  if (points < 0)
    /* Written as a magnitude, so that G_MININT64 does not overflow. */
    return g_strdup_printf (MINUS_SIGN "%'" PRIu64, (guint64) 0 - (guint64) points);
  return g_strdup ("0");
}

char *
loy_format_money (gint64 cents)
{
  const char *decimal_point = localeconv ()->decimal_point;
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  if (decimal_point == NULL || decimal_point[0] == '\0')
    decimal_point = ".";

  return g_strdup_printf ("%s%'" PRIu64 "%s%02u",
                          cents < 0 ? MINUS_SIGN : "",
                          magnitude / 100,
                          decimal_point,
                          (guint) (magnitude % 100));
}
