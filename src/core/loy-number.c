/* loy-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-number.h"

#define MINUS_SIGN 0x2212

void
loy_number_format_init_locale (LoyNumberFormat *format)
{
  const struct lconv *conv = localeconv ();
  gunichar decimal = g_utf8_get_char_validated (conv->decimal_point, -1);
  gunichar grouping = g_utf8_get_char_validated (conv->thousands_sep, -1);

  g_return_if_fail (format != NULL);

  format->decimal = decimal == ',' ? ',' : '.';
  /* A mark that cannot be read back (or is none) groups nothing. */
  format->grouping = grouping != (gunichar) -1 && grouping != (gunichar) -2 &&
                     grouping != format->decimal ? grouping : 0;
}

static gboolean
is_separator (const LoyNumberFormat *format,
              gunichar               c)
{
  /* Besides the locale's own: a space typed for a narrow or no-break one. */
  return c == '.' || c == ',' || c == ' ' || c == 0x00a0 || c == 0x202f || c == '\'' ||
         (format->grouping != 0 && c == format->grouping);
}

static gboolean
is_decimal_mark (gunichar c)
{
  return c == '.' || c == ',';
}

static char *
format_grouped (const LoyNumberFormat *format,
                guint64                value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *text = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0 && format->grouping != 0)
        g_string_append_unichar (text, format->grouping);
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

static guint64
magnitude (gint64 value)
{
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

char *
loy_number_format_whole (const LoyNumberFormat *format,
                         gint64                 value)
{
  LoyNumberFormat locale;
  g_autofree char *digits = NULL;

  if (format == NULL)
    {
      loy_number_format_init_locale (&locale);
      format = &locale;
    }
  digits = format_grouped (format, magnitude (value));

  return g_strconcat (value < 0 ? "-" : "", digits, NULL);
}

char *
loy_number_format_money (const LoyNumberFormat *format,
                         gint64                 cents)
{
  LoyNumberFormat locale;
  g_autofree char *units = NULL;
  GString *text;

  if (format == NULL)
    {
      loy_number_format_init_locale (&locale);
      format = &locale;
    }
  units = format_grouped (format, magnitude (cents) / 100);

  text = g_string_new (cents < 0 ? "-" : "");
  g_string_append (text, units);
  g_string_append_unichar (text, format->decimal);
  g_string_append_printf (text, "%02u", (guint) (magnitude (cents) % 100));

  return g_string_free (text, FALSE);
}

static char *
format_scaled (const LoyNumberFormat *format,
               guint                  n_decimals,
               gint64                 value)
{
  return n_decimals == 0 ? loy_number_format_whole (format, value)
                         : loy_number_format_money (format, value);
}

/* Which separator of @seps (@n_seps of them, between @runs of digits) is the
 * decimal mark: its index, -1 for none, -2 when they make no number. */
static int
find_decimal_mark (const LoyNumberFormat *format,
                   const gunichar        *seps,
                   guint                  n_seps,
                   GPtrArray             *runs)
{
  gunichar last;
  guint n_last = 0;
  const char *first_run = g_ptr_array_index (runs, 0);
  const char *last_run = g_ptr_array_index (runs, runs->len - 1);

  if (n_seps == 0)
    return -1;

  last = seps[n_seps - 1];
  for (guint i = 0; i < n_seps; i++)
    {
      if (seps[i] == last)
        n_last++;
      else if (seps[i] != seps[0])
        return -2;
    }

  /* Two kinds: the last one, once, is the decimal mark. */
  if (n_last < n_seps)
    return n_last == 1 && is_decimal_mark (last) ? (int) n_seps - 1 : -2;

  /* One kind: several, or a space, group thousands. */
  if (n_seps > 1 || !is_decimal_mark (last))
    return -1;
  if (last == format->decimal || first_run[0] == '\0')
    return 0;

  /* The other mark: "1.250" groups, "2.50" and "0.125" do not. */
  if (strlen (last_run) == 3 && strlen (first_run) <= 3 && !g_str_equal (first_run, "0"))
    return -1;

  return 0;
}

static gboolean
parse_scaled (const char            *text,
              const LoyNumberFormat *format,
              guint                  n_decimals,
              gint64                 min,
              gint64                 max,
              gint64                *value,
              GError               **error)
{
  LoyNumberFormat locale;
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) seps = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GString) run = g_string_new (NULL);
  g_autoptr(GString) fraction = NULL;
  gboolean negative = FALSE;
  guint64 magnitude_value = 0;
  const char *p = copy;
  int decimal;
  guint n_integer_runs;
  gint64 result;

  if (format == NULL)
    {
      loy_number_format_init_locale (&locale);
      format = &locale;
    }

  if (copy[0] == '\0')
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           n_decimals == 0 ? _("Enter a number") : _("Enter an amount"));
      return FALSE;
    }

  if (g_utf8_get_char (p) == '-' || g_utf8_get_char (p) == MINUS_SIGN)
    negative = TRUE;
  if (negative || *p == '+')
    p = g_utf8_next_char (p);

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (run, *p);
          continue;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2 || !is_separator (format, c))
        goto not_a_number;

      g_ptr_array_add (runs, g_strdup (run->str));
      g_string_truncate (run, 0);
      g_array_append_val (seps, c);
    }
  g_ptr_array_add (runs, g_strdup (run->str));

  decimal = find_decimal_mark (format, (const gunichar *) (gpointer) seps->data, seps->len, runs);
  if (decimal == -2)
    goto not_a_number;

  /* Digits on both sides of every separator, but ".5" is a half. */
  for (guint i = 0; i < runs->len; i++)
    if (((const char *) g_ptr_array_index (runs, i))[0] == '\0' && !(i == 0 && decimal == 0))
      goto not_a_number;

  /* Groups of three after a first of one to three digits. */
  n_integer_runs = decimal >= 0 ? (guint) decimal + 1 : runs->len;
  for (guint i = 0; i < n_integer_runs && n_integer_runs > 1; i++)
    {
      gsize length = strlen (g_ptr_array_index (runs, i));

      if (i == 0 ? length > 3 : length != 3)
        goto not_a_number;
    }

  fraction = g_string_new (decimal >= 0 ? g_ptr_array_index (runs, decimal + 1) : "");
  while (fraction->len > n_decimals && fraction->str[fraction->len - 1] == '0')
    g_string_truncate (fraction, fraction->len - 1);
  if (fraction->len > n_decimals)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           n_decimals == 0 ? _("Enter a whole number")
                                           : _("Enter at most two decimals"));
      return FALSE;
    }
  while (fraction->len < n_decimals)
    g_string_append_c (fraction, '0');

  for (guint i = 0; i <= n_integer_runs; i++)
    {
      const char *digits = i < n_integer_runs ? g_ptr_array_index (runs, i) : fraction->str;

      for (; *digits != '\0'; digits++)
        {
          if (magnitude_value > ((guint64) G_MAXINT64 - 9) / 10)
            goto too_large;
          magnitude_value = magnitude_value * 10 + (guint64) (*digits - '0');
        }
    }

  result = negative ? -(gint64) magnitude_value : (gint64) magnitude_value;
  if (result < min)
    {
      g_autofree char *bound = format_scaled (format, n_decimals, min);

      if (min == 0)
        g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("Enter a number that is not negative"));
      else
        g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("Enter at least %s"), bound);
      return FALSE;
    }
  if (result > max)
    goto too_large;

  *value = result;
  return TRUE;

too_large:
  {
    g_autofree char *bound = format_scaled (format, n_decimals, max);

    g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, _("Enter at most %s"), bound);
    return FALSE;
  }

not_a_number:
  {
    g_autofree char *example = format_scaled (format, n_decimals, 1250);

    g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                 n_decimals == 0 ? _("“%s” is not a number such as %s")
                                 : _("“%s” is not an amount such as %s"),
                 copy, example);
    return FALSE;
  }
}

gboolean
loy_number_parse_whole (const char            *text,
                        const LoyNumberFormat *format,
                        gint64                 min,
                        gint64                 max,
                        gint64                *value,
                        GError               **error)
{
  g_return_val_if_fail (min <= max, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_scaled (text, format, 0, min, max, value, error);
}

gboolean
loy_number_parse_money (const char            *text,
                        const LoyNumberFormat *format,
                        gint64                 min_cents,
                        gint64                 max_cents,
                        gint64                *cents,
                        GError               **error)
{
  g_return_val_if_fail (min_cents <= max_cents, FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_scaled (text, format, 2, min_cents, max_cents, cents, error);
}
