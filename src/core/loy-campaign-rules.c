/* loy-campaign-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "loy-campaign-rules.h"
#include "loy-error.h"

G_DEFINE_BOXED_TYPE (LoyFieldProblem, loy_field_problem,
                     loy_field_problem_copy, loy_field_problem_free)

/* The highest tax rate a campaign can name, in whole percent. */
#define MAX_TAX_RATE 99

LoyFieldProblem *
loy_field_problem_copy (const LoyFieldProblem *problem)
{
  LoyFieldProblem *copy = g_new0 (LoyFieldProblem, 1);

  copy->field = g_strdup (problem->field);
  copy->message = g_strdup (problem->message);

  return copy;
}

void
loy_field_problem_free (LoyFieldProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void add_problem (GPtrArray  *problems,
                         const char *field,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *format,
             ...)
{
  LoyFieldProblem *problem = g_new0 (LoyFieldProblem, 1);
  va_list args;

  va_start (args, format);
  problem->field = g_strdup (field);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, problem);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
is_web_link (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL &&
         (g_str_equal (g_uri_get_scheme (uri), "http") ||
          g_str_equal (g_uri_get_scheme (uri), "https")) &&
         !is_blank (g_uri_get_host (uri));
}

static void
check_window (GPtrArray  *problems,
              const char *field,
              gboolean    all_time,
              gint64      from,
              gint64      to,
              const char *missing_message,
              const char *reversed_message)
{
  if (all_time)
    return;

  if (from == 0 || to == 0)
    add_problem (problems, field, "%s", missing_message);
  else if (from > to)
    add_problem (problems, field, "%s", reversed_message);
}

static void
check_limits (GPtrArray   *problems,
              LoyCampaign *campaign)
{
  gint64 limit = loy_campaign_get_limit (campaign);
  gint64 per_contact = loy_campaign_get_limit_per_contact (campaign);

  if (limit != LOY_UNSET && limit < 1)
    add_problem (problems, "limit", "%s",
                 _("The limit must be at least 1, or unlimited"));
  if (per_contact != LOY_UNSET && per_contact < 1)
    add_problem (problems, "limit_per_contact", "%s",
                 _("The limit per contact must be at least 1, or unlimited"));
  else if (per_contact != LOY_UNSET && limit >= 1 && per_contact > limit)
    add_problem (problems, "limit_per_contact",
                 _("The limit per contact (%" PRId64 ") is more than the total limit "
                   "(%" PRId64 ")"),
                 per_contact, limit);
}

static void
check_codes (GPtrArray          *problems,
             LoyCampaign        *campaign,
             const char * const *new_codes)
{
  const char *shared_code = loy_campaign_get_shared_code (campaign);
  gboolean has_new_codes = new_codes != NULL && new_codes[0] != NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (shared_code != NULL)
    {
      if (is_blank (shared_code))
        add_problem (problems, "shared_code", "%s", _("The shared code cannot be blank"));
      if (loy_campaign_get_code_group_uuid (campaign) != NULL || has_new_codes)
        add_problem (problems, "shared_code", "%s",
                     _("Give the campaign either its own codes or a shared code, not both"));
      return;
    }

  if (loy_campaign_get_code_group_uuid (campaign) == NULL && !has_new_codes)
    {
      add_problem (problems, "codes", "%s", _("Add at least one code, or a shared code"));
      return;
    }

  for (guint i = 0; has_new_codes && new_codes[i] != NULL; i++)
    {
      if (is_blank (new_codes[i]))
        add_problem (problems, "codes", _("Code %u is blank"), i + 1);
      else if (!g_hash_table_add (seen, (gpointer) new_codes[i]))
        add_problem (problems, "codes", _("The code “%s” is there more than once"), new_codes[i]);
    }
}

static void
check_target (GPtrArray   *problems,
              LoyCampaign *campaign)
{
  switch (loy_campaign_get_target_type (campaign))
    {
    case LOY_TARGET_TYPE_NONE:
      break;

    case LOY_TARGET_TYPE_LEVEL:
      if (loy_campaign_get_level_uuids (campaign)[0] == NULL)
        add_problem (problems, "levels", "%s", _("Choose at least one level for the target"));
      break;

    case LOY_TARGET_TYPE_SEGMENT:
      if (loy_campaign_get_segment_uuids (campaign)[0] == NULL)
        add_problem (problems, "segments", "%s", _("Choose at least one segment for the target"));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
check_money (GPtrArray  *problems,
             const char *field,
             gint64      cents,
             const char *message)
{
  if (cents != LOY_UNSET && cents < 0)
    add_problem (problems, field, "%s", message);
}

GPtrArray *
loy_campaign_validate (LoyCampaign        *campaign,
                       const char * const *new_codes)
{
  GPtrArray *problems;
  LoyCampaignFields fields;
  const char *link;
  GPtrArray *labels;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) loy_field_problem_free);
  fields = loy_campaign_type_get_fields (loy_campaign_get_campaign_type (campaign));

  /* Basic information */
  if (is_blank (loy_campaign_get_name (campaign)))
    /* Translators: the language's name, as in "Enter the name in Dutch" */
    add_problem (problems, "name", _("Enter the name in %s"),
                 loy_campaign_language_get_label (loy_campaign_get_default_language (campaign)));

  /* Details */
  link = loy_campaign_get_more_information_link (campaign);
  if (link != NULL && !is_web_link (link))
    add_problem (problems, "more_information_link", "%s",
                 _("The more information link must be a web address starting with "
                   "http:// or https://"));

  if ((fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS) && loy_campaign_get_cost_in_points (campaign) < 0)
    add_problem (problems, "cost_in_points", "%s",
                 _("The cost in points cannot be negative (0 makes it free)"));

  if ((fields & LOY_CAMPAIGN_FIELD_POINT_VALUE) && loy_campaign_get_point_value_cents (campaign) <= 0)
    add_problem (problems, "point_value", "%s", _("Enter a point value of more than 0"));

  if ((fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE) &&
      (loy_campaign_get_transaction_percentage (campaign) < 1 ||
       loy_campaign_get_transaction_percentage (campaign) > 100))
    add_problem (problems, "transaction_percentage", "%s",
                 _("The transaction percentage must be from 1 to 100"));

  check_money (problems, "reward_value", loy_campaign_get_reward_value_cents (campaign),
               _("The reward value cannot be negative"));

  if (loy_campaign_get_tax_rate (campaign) != LOY_UNSET &&
      (loy_campaign_get_tax_rate (campaign) < 0 || loy_campaign_get_tax_rate (campaign) > MAX_TAX_RATE))
    add_problem (problems, "tax", _("The tax rate must be a whole percentage from 0 to %d"),
                 MAX_TAX_RATE);

  check_money (problems, "tax_price_value", loy_campaign_get_tax_value_cents (campaign),
               _("The tax value cannot be negative"));

  if (fields & LOY_CAMPAIGN_FIELD_DAYS)
    {
      if (loy_campaign_get_days_inactive (campaign) < 0)
        add_problem (problems, "days_inactive", "%s",
                     _("The days before a code can be used cannot be negative"));
      if (loy_campaign_get_days_valid (campaign) < 0)
        add_problem (problems, "days_valid", "%s",
                     _("The days a code is valid cannot be negative (0 is forever)"));
    }

  if ((fields & LOY_CAMPAIGN_FIELD_CONNECT_TYPE) &&
      loy_campaign_get_connect_type (campaign) == LOY_CONNECT_TYPE_UNSET)
    add_problem (problems, "connect_type", "%s",
                 _("Choose how the campaign reaches the contact: none, QR code or geolocation"));

  /* Labels & categories */
  labels = loy_campaign_get_labels (campaign);
  for (guint i = 0; i < labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (labels, i);

      if (is_blank (label->key))
        add_problem (problems, "labels", _("Label %u needs a key"), i + 1);
      /* A label filter (and loyctl's --label) is "key=value", split at the
       * first "=": a key holding one could never be found again. */
      else if (strchr (label->key, '=') != NULL)
        add_problem (problems, "labels", _("Label %u’s key cannot contain “=”"), i + 1);
    }

  check_target (problems, campaign);

  /* Activity & visibility */
  check_window (problems, "activity",
                loy_campaign_get_activity_all_time (campaign),
                loy_campaign_get_active_from (campaign),
                loy_campaign_get_active_to (campaign),
                _("Choose when the activity starts and ends, or make it all time"),
                _("The activity ends before it starts"));
  if (fields & LOY_CAMPAIGN_FIELD_VISIBILITY)
    check_window (problems, "visibility",
                  loy_campaign_get_visibility_all_time (campaign),
                  loy_campaign_get_visible_from (campaign),
                  loy_campaign_get_visible_to (campaign),
                  _("Choose when the listing starts and ends, or make it all time"),
                  _("The visibility ends before it starts"));

  /* Limits & coupons */
  if (fields & LOY_CAMPAIGN_FIELD_LIMITS)
    check_limits (problems, campaign);
  if (fields & LOY_CAMPAIGN_FIELD_COUPONS)
    check_codes (problems, campaign, new_codes);

  return problems;
}

gboolean
loy_campaign_check (LoyCampaign        *campaign,
                    const char * const *new_codes,
                    GError            **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), FALSE);

  problems = loy_campaign_validate (campaign, new_codes);
  if (problems->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      LoyFieldProblem *problem = g_ptr_array_index (problems, i);

      if (i > 0)
        /* Translators: between two problems with a campaign on one line */
        g_string_append (message, _("; "));
      g_string_append (message, problem->message);
    }

  g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT, message->str);
  return FALSE;
}

gboolean
loy_campaign_compute_percentage_value (LoyCampaign  *campaign,
                                       gint64        purchase_cents,
                                       gint64       *value_cents,
                                       GError      **error)
{
  gint64 percentage;
  gint64 units;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), FALSE);
  g_return_val_if_fail (value_cents != NULL, FALSE);

  if (loy_campaign_get_campaign_type (campaign) != LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not a percentage discount campaign"),
                   loy_campaign_get_name (campaign));
      return FALSE;
    }

  percentage = loy_campaign_get_transaction_percentage (campaign);
  /* Past this the product below could overflow; no purchase is that big. */
  if (purchase_cents < 0 || purchase_cents > G_MAXINT64 / 10000 || percentage < 1 || percentage > 100)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("The purchase or the campaign’s percentage is out of range"));
      return FALSE;
    }

  /* cents × % / 100 is cents of value; / 100 again is whole units,
   * rounded half away from zero by adding half of the divisor first. */
  units = (purchase_cents * percentage + 5000) / 10000;
  if (units == 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("%" PRId64 " %% of this purchase is less than half a unit "
                     "of money: there is no voucher to issue"),
                   percentage);
      return FALSE;
    }

  *value_cents = units * 100;
  return TRUE;
}
