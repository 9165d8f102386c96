/* loy-visibility.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-visibility.h"

/* The text a contact attribute compares as: strings as they are, numbers
 * and booleans as JSON writes them. NULL for a missing, null or structured
 * attribute. */
static char *
dup_attribute_text (JsonObject *attributes,
                    const char *name)
{
  JsonNode *node;

  if (name == NULL || (node = json_object_get_member (attributes, name)) == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_dup_string (node);

  return json_to_string (node, FALSE);
}

static guint
parse_digits (const char *text,
              guint       n_digits)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    value = value * 10 + g_ascii_digit_value (text[i]);

  return value;
}

/* Parses exactly "YYYY-MM-DD" into @date. */
static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = parse_digits (text, 4);
  month = parse_digits (text + 5, 2);
  day = parse_digits (text + 8, 2);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* The Julian day of @date's anniversary in @year. 29 February falls on
 * 28 February in years without one, so a contact born on a leap day still
 * has a birthday window every year. */
static guint32
anniversary_julian (const GDate *date,
                    GDateYear    year)
{
  GDateMonth month = g_date_get_month (date);
  GDateDay day = g_date_get_day (date);
  GDate anniversary;

  if (month == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
    day = 28;

  g_date_clear (&anniversary, 1);
  g_date_set_dmy (&anniversary, day, month, year);

  return g_date_get_julian (&anniversary);
}

/* Whether @at's date (in @at's own time zone) lies within
 * [anniversary − @days_before, anniversary + @days_after] of @date for some
 * year. The window may cross a year boundary either way (a birthday on
 * 3 January opens on 27 December with seven days before), so the
 * anniversaries of the year before and after count too. */
static gboolean
date_window_contains (const GDate *date,
                      guint        days_before,
                      guint        days_after,
                      GDateTime   *at)
{
  int year, month, day;
  GDate today;
  gint64 today_julian;

  g_date_time_get_ymd (at, &year, &month, &day);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  today_julian = g_date_get_julian (&today);

  for (int y = year - 1; y <= year + 1; y++)
    {
      gint64 anniversary;

      if (y < 1 || y > G_MAXUINT16)
        continue;

      anniversary = anniversary_julian (date, y);
      if (today_julian >= anniversary - (gint64) days_before &&
          today_julian <= anniversary + (gint64) days_after)
        return TRUE;
    }

  return FALSE;
}

static gboolean
contact_matches (const LoyViewFilter *filter,
                 LoyContact          *contact,
                 GDateTime           *at)
{
  JsonObject *attributes = loy_contact_get_attributes (contact);
  g_autofree char *text = dup_attribute_text (attributes, filter->attribute);
  GDate date;

  switch (filter->condition)
    {
    case LOY_CONDITION_NONE:
      return TRUE;

    case LOY_CONDITION_EQUALS:
      return text != NULL && g_strcmp0 (text, filter->value) == 0;

    /* A contact without the attribute is not equal to the value. */
    case LOY_CONDITION_NOT_EQUALS:
      return text == NULL || g_strcmp0 (text, filter->value) != 0;

    case LOY_CONDITION_IS_SET:
      return text != NULL && text[0] != '\0';

    case LOY_CONDITION_DATE_WINDOW:
      return parse_iso_date (text, &date) &&
             date_window_contains (&date, filter->days_before, filter->days_after, at);

    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
shop_matches (const LoyViewFilter *filter,
              const char          *shop_uuid)
{
  if (shop_uuid == NULL || filter->shop_uuids == NULL || filter->shop_uuids[0] == NULL)
    return TRUE;

  return g_strv_contains ((const char * const *) filter->shop_uuids, shop_uuid);
}

/**
 * loy_reward_check_visibility:
 * @reward: a #LoyReward
 * @contact: (nullable): who looks, or %NULL for anyone
 * @platform: the app it would show in, or 0 for any
 * @shop_uuid: (nullable): the shop it would show in, or %NULL for any
 * @at: when
 *
 * Applies the rules in this order, and reports the first that hides:
 * the active flag; the platform (a filter naming no platform shows on
 * both); the shop (a filter naming no shop shows in all); the contact
 * condition; the stock (%LOY_UNSET is unlimited); the codes left of a
 * digital reward (%LOY_UNSET, not known, shows).
 *
 * The contact condition is only checked for a @contact: with %NULL, a
 * reward some contacts may see counts as visible. A DATE_WINDOW condition
 * hides the reward from a contact whose attribute is missing or not a
 * "YYYY-MM-DD" date; an anniversary on 29 February is 28 February in years
 * without a leap day.
 *
 * Returns: %LOY_VISIBILITY_VISIBLE, or the rule that hides @reward
 */
LoyVisibility
loy_reward_check_visibility (LoyReward   *reward,
                             LoyContact  *contact,
                             LoyPlatform  platform,
                             const char  *shop_uuid,
                             GDateTime   *at)
{
  const LoyViewFilter *filter;
  gint64 stock;

  g_return_val_if_fail (LOY_IS_REWARD (reward), LOY_VISIBILITY_INACTIVE);
  g_return_val_if_fail (contact == NULL || LOY_IS_CONTACT (contact), LOY_VISIBILITY_INACTIVE);
  g_return_val_if_fail (at != NULL, LOY_VISIBILITY_INACTIVE);

  if (!loy_reward_get_is_active (reward))
    return LOY_VISIBILITY_INACTIVE;

  filter = loy_reward_get_view_filter (reward);
  if (filter != NULL)
    {
      if (platform != 0 && filter->platforms != 0 && (filter->platforms & platform) == 0)
        return LOY_VISIBILITY_WRONG_PLATFORM;

      if (!shop_matches (filter, shop_uuid))
        return LOY_VISIBILITY_WRONG_SHOP;

      if (contact != NULL && !contact_matches (filter, contact, at))
        return LOY_VISIBILITY_CONTACT_FILTER;
    }

  stock = loy_reward_get_stock (reward);
  if (stock != LOY_UNSET && stock <= 0)
    return LOY_VISIBILITY_OUT_OF_STOCK;

  if (loy_reward_get_reward_type (reward) == LOY_REWARD_TYPE_DIGITAL &&
      loy_reward_get_codes_available (reward) == 0)
    return LOY_VISIBILITY_OUT_OF_CODES;

  return LOY_VISIBILITY_VISIBLE;
}

const char *
loy_visibility_describe (LoyVisibility visibility)
{
  switch (visibility)
    {
    case LOY_VISIBILITY_VISIBLE:
      return NULL;

    case LOY_VISIBILITY_INACTIVE:
      return _("The reward is not active.");

    case LOY_VISIBILITY_WRONG_PLATFORM:
      return _("The reward is not shown on this app.");

    case LOY_VISIBILITY_WRONG_SHOP:
      return _("The reward is not shown in this shop.");

    case LOY_VISIBILITY_CONTACT_FILTER:
      return _("The reward’s contact filter does not include this contact today.");

    case LOY_VISIBILITY_OUT_OF_STOCK:
      return _("The reward is out of stock.");

    case LOY_VISIBILITY_OUT_OF_CODES:
      return _("The reward has no codes left to hand out.");

    default:
      g_return_val_if_reached (NULL);
    }
}
