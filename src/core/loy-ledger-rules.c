/* loy-ledger-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-error.h"
#include "loy-ledger-rules.h"

/* RFC 5321's limit on a forward path */
#define MAX_EMAIL_LENGTH 254
/* Whole currency units: more would not fit in cents with room to spare. */
#define MAX_MONEY_DIGITS 13

gboolean
loy_email_validate (const char  *email,
                    GError     **error)
{
  const char *at;
  const char *domain;

  if (email == NULL || email[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("An email address is required"));
      return FALSE;
    }

  if (strlen (email) > MAX_EMAIL_LENGTH || !g_utf8_validate (email, -1, NULL))
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The email address is too long or not valid text"));
      return FALSE;
    }

  for (const char *p = email; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("“%s” is not an email address: it contains a space"), email);
          return FALSE;
        }
    }

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not an email address: it needs one “@” after a name"), email);
      return FALSE;
    }

  domain = at + 1;
  if (strchr (domain, '.') == NULL || domain[0] == '.' ||
      g_str_has_suffix (domain, ".") || strstr (domain, "..") != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not an email address: the part after “@” is not a domain "
                     "such as example.com"), email);
      return FALSE;
    }

  return TRUE;
}

gboolean
loy_money_parse (const char  *text,
                 gint64      *cents,
                 GError     **error)
{
  gint64 whole = 0;
  gint64 fraction = 0;
  guint n_whole = 0;
  guint n_fraction = 0;
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  for (; g_ascii_isdigit (*p) && n_whole <= MAX_MONEY_DIGITS; p++, n_whole++)
    whole = whole * 10 + (*p - '0');

  if ((*p == '.' || *p == ',') && n_whole > 0)
    for (p++; g_ascii_isdigit (*p) && n_fraction < 3; p++, n_fraction++)
      fraction = fraction * 10 + (*p - '0');

  if (n_whole == 0 || n_whole > MAX_MONEY_DIGITS || *p != '\0' ||
      (p[-1] == '.' || p[-1] == ',') || n_fraction > 2)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not an amount of money: write it as 12.50 or 12,50"), text);
      return FALSE;
    }

  *cents = whole * 100 + (n_fraction == 1 ? fraction * 10 : fraction);
  return TRUE;
}

gint64
loy_add_months (gint64 time,
                int    months)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) moved = g_date_time_add_months (date, months);

  return g_date_time_to_unix (moved);
}

gint64
loy_points_expirable (gint64 earned_until_cutoff,
                      gint64 spent)
{
  /* The balance never goes below zero, so at any moment what was spent so
   * far is at most what was earned so far: spending reaches a lot only
   * after the lots before it are used up, and never one earned later. */
  return MAX (0, earned_until_cutoff - spent);
}

gboolean
loy_points_next_expiry (const LoyPointsLot *lots,
                        gsize               n_lots,
                        gint64              spent,
                        guint               expiry_months,
                        gint64             *points,
                        gint64             *expiring_at)
{
  g_return_val_if_fail (lots != NULL || n_lots == 0, FALSE);

  if (expiry_months == 0)
    return FALSE;

  for (gsize i = 0; i < n_lots; i++)
    {
      gint64 used = MIN (spent, lots[i].credits);

      spent -= used;
      if (lots[i].credits > used)
        {
          *points = lots[i].credits - used;
          *expiring_at = loy_add_months (lots[i].created_at, expiry_months);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
loy_points_expired_from (const LoyPointsMove *moves,
                         gsize                n_moves,
                         gsize                lot)
{
  gint64 lot_start = 0;
  gint64 lot_end;
  gint64 spent = 0;
  gint64 expired = 0;

  g_return_val_if_fail (moves != NULL, 0);
  g_return_val_if_fail (lot < n_moves && moves[lot].credits > 0, 0);

  /* Laid end to end, oldest first, the points earned fill a line on which
   * @lot takes [lot_start, lot_end); the losses eat into it from its
   * start, each from where the one before it stopped. */
  for (gsize i = 0; i < lot; i++)
    lot_start += MAX (0, moves[i].credits);
  lot_end = lot_start + moves[lot].credits;

  for (gsize i = 0; i < n_moves && spent < lot_end; i++)
    {
      gint64 from = spent;

      if (moves[i].credits >= 0)
        continue;

      spent -= moves[i].credits;
      if (moves[i].expiry)
        expired += MAX (0, MIN (spent, lot_end) - MAX (from, lot_start));
    }

  return expired;
}
