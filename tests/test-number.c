/* test-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "loy-core.h"

/* Whole numbers and money as typed in nl_NL ("1.250,50") and en_US
 * ("1,250.50"), with the other decimal mark too; refusals that say why
 * instead of a clamped or zeroed value; and the locale's own format. */

static const LoyNumberFormat nl_nl = { ',', '.' };
static const LoyNumberFormat en_us = { '.', ',' };

typedef struct
{
  const char *text;
  gint64      value;
} Parsed;

static void
assert_money (const LoyNumberFormat *format,
              const char            *text,
              gint64                 cents)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_test_message ("money %s", text);
  g_assert_true (loy_number_parse_money (text, format, 0, 100000000, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, cents);
}

static void
assert_whole (const LoyNumberFormat *format,
              const char            *text,
              gint64                 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_test_message ("whole %s", text);
  g_assert_true (loy_number_parse_whole (text, format, -1000000, 1000000, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

/* Refused with @message; *value is left alone. */
static void
assert_refused (gboolean    parsed,
                GError     *error,
                gint64      value,
                const char *message)
{
  g_assert_false (parsed);
  g_assert_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (value, ==, 42);
}

static void
assert_money_refused (const LoyNumberFormat *format,
                      const char            *text,
                      const char            *message)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;
  gboolean parsed;

  g_test_message ("money %s", text);
  parsed = loy_number_parse_money (text, format, 0, 100000000, &value, &error);
  assert_refused (parsed, error, value, message);
}

static void
assert_whole_refused (const LoyNumberFormat *format,
                      const char            *text,
                      gint64                 min,
                      gint64                 max,
                      const char            *message)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;
  gboolean parsed;

  g_test_message ("whole %s", text);
  parsed = loy_number_parse_whole (text, format, min, max, &value, &error);
  assert_refused (parsed, error, value, message);
}

static void
test_money_nl (void)
{
  assert_money (&nl_nl, "12,50", 1250);
  assert_money (&nl_nl, "2.50", 250);
  assert_money (&nl_nl, " 4,5 ", 450);
  assert_money (&nl_nl, "1.250", 125000);
  assert_money (&nl_nl, "1.250,75", 125075);
  assert_money (&nl_nl, "1.000.000", 100000000);
  assert_money (&nl_nl, "0.500", 50);
  assert_money (&nl_nl, ",5", 50);
  assert_money (&nl_nl, "0", 0);
  assert_money (&nl_nl, "12,500", 1250);
}

static void
test_money_en (void)
{
  assert_money (&en_us, "12.50", 1250);
  assert_money (&en_us, "12,50", 1250);
  assert_money (&en_us, "1,250", 125000);
  assert_money (&en_us, "1,250.75", 125075);
  assert_money (&en_us, "1.250,75", 125075);
  assert_money (&en_us, "1 250.75", 125075);
  assert_money (&en_us, "999999.99", 99999999);
}

static void
test_money_refused (void)
{
  assert_money_refused (&nl_nl, "", "Enter an amount");
  assert_money_refused (&nl_nl, "abc", "“abc” is not an amount such as 12,50");
  assert_money_refused (&en_us, "abc", "“abc” is not an amount such as 12.50");
  assert_money_refused (&nl_nl, "-50", "Enter a number that is not negative");
  assert_money_refused (&nl_nl, "99999999999999", "Enter at most 1.000.000,00");
  assert_money_refused (&en_us, "99999999999999", "Enter at most 1,000,000.00");
  assert_money_refused (&en_us, "99999999999999999999999", "Enter at most 1,000,000.00");
  assert_money_refused (&nl_nl, "12,345", "Enter at most two decimals");
  assert_money_refused (&en_us, "12.345", "Enter at most two decimals");
  assert_money_refused (&nl_nl, "1,2,3", "“1,2,3” is not an amount such as 12,50");
  assert_money_refused (&nl_nl, "1.25.0", "“1.25.0” is not an amount such as 12,50");
  assert_money_refused (&nl_nl, "12,", "“12,” is not an amount such as 12,50");
  assert_money_refused (&nl_nl, "12.50 EUR", "“12.50 EUR” is not an amount such as 12,50");
  assert_money_refused (&nl_nl, "1e3", "“1e3” is not an amount such as 12,50");
}

static void
test_whole (void)
{
  assert_whole (&nl_nl, "150", 150);
  assert_whole (&nl_nl, "1.500", 1500);
  assert_whole (&en_us, "1,500", 1500);
  assert_whole (&en_us, "1,000,000", 1000000);
  assert_whole (&nl_nl, "-50", -50);
  assert_whole (&nl_nl, "−50", -50);
  assert_whole (&nl_nl, "+7", 7);
  assert_whole (&nl_nl, "12,00", 12);
  assert_whole (&nl_nl, "007", 7);
}

static void
test_whole_refused (void)
{
  assert_whole_refused (&nl_nl, "", 0, 10, "Enter a number");
  assert_whole_refused (&nl_nl, "abc", 1, 100, "“abc” is not a number such as 1.250");
  assert_whole_refused (&en_us, "abc", 1, 100, "“abc” is not a number such as 1,250");
  assert_whole_refused (&nl_nl, "999", 0, 366, "Enter at most 366");
  assert_whole_refused (&nl_nl, "0", 1, 100000, "Enter at least 1");
  assert_whole_refused (&nl_nl, "-5", 0, 100, "Enter a number that is not negative");
  assert_whole_refused (&nl_nl, "12,5", 0, 100, "Enter a whole number");
  assert_whole_refused (&en_us, "12.5", 0, 100, "Enter a whole number");
  assert_whole_refused (&nl_nl, "12.34", 0, 100, "Enter a whole number");
  assert_whole_refused (&nl_nl, "1.2345", 0, 100000, "Enter a whole number");
  assert_whole_refused (&nl_nl, "12.34.5", 0, 100000, "“12.34.5” is not a number such as 1.250");
  assert_whole_refused (&nl_nl, "1234.567", 0, 10000000, "Enter a whole number");
  assert_whole_refused (&en_us, "99999999999999999999", 0, G_MAXINT32, "Enter at most 2,147,483,647");
  assert_whole_refused (&nl_nl, "--5", -10, 10, "“--5” is not a number such as 1.250");
}

/* What is formatted is read back as the same value. */
static void
test_format_round_trip (void)
{
  static const gint64 values[] = { 0, 5, 999, 1000, 123456789, -1250, 100000000 };
  static const LoyNumberFormat no_grouping = { '.', 0 };
  const LoyNumberFormat *formats[] = { &nl_nl, &en_us, &no_grouping };
  g_autofree char *nl_money = loy_number_format_money (&nl_nl, 123456789);
  g_autofree char *en_whole = loy_number_format_whole (&en_us, -1234567);

  g_assert_cmpstr (nl_money, ==, "1.234.567,89");
  g_assert_cmpstr (en_whole, ==, "-1,234,567");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autofree char *whole = loy_number_format_whole (formats[f], values[i]);
        g_autofree char *money = loy_number_format_money (formats[f], values[i]);
        g_autoptr(GError) error = NULL;
        gint64 value = 0;

        g_assert_true (loy_number_parse_whole (whole, formats[f], G_MININT64 / 2, G_MAXINT64 / 2,
                                               &value, &error));
        g_assert_no_error (error);
        g_assert_cmpint (value, ==, values[i]);
        g_assert_true (loy_number_parse_money (money, formats[f], G_MININT64 / 2, G_MAXINT64 / 2,
                                               &value, &error));
        g_assert_no_error (error);
        g_assert_cmpint (value, ==, values[i]);
      }
}

/* With no format given, the LC_NUMERIC locale's is used. */
static void
check_locale (const char *locale,
              gunichar    decimal,
              const char *typed,
              gint64      cents,
              const char *formatted)
{
  g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LoyNumberFormat format;
  gint64 value = 0;

  if (setlocale (LC_NUMERIC, locale) == NULL)
    {
      g_test_skip_printf ("No %s locale", locale);
      return;
    }

  loy_number_format_init_locale (&format);
  g_assert_cmpuint (format.decimal, ==, decimal);
  g_assert_true (loy_number_parse_money (typed, NULL, 0, G_MAXINT32, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, cents);
  text = loy_number_format_money (NULL, value);
  g_assert_cmpstr (text, ==, formatted);

  setlocale (LC_NUMERIC, numeric);
}

static void
test_locale_nl (void)
{
  check_locale ("nl_NL.UTF-8", ',', "1.250,5", 125050, "1.250,50");
}

static void
test_locale_en (void)
{
  check_locale ("en_US.UTF-8", '.', "1,250.5", 125050, "1,250.50");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/money/nl", test_money_nl);
  g_test_add_func ("/number/money/en", test_money_en);
  g_test_add_func ("/number/money/refused", test_money_refused);
  g_test_add_func ("/number/whole", test_whole);
  g_test_add_func ("/number/whole/refused", test_whole_refused);
  g_test_add_func ("/number/format-round-trip", test_format_round_trip);
  g_test_add_func ("/number/locale/nl", test_locale_nl);
  g_test_add_func ("/number/locale/en", test_locale_en);

  return g_test_run ();
}
