/* loyctl-report.c — loyctl report overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "loyctl-private.h"

/* The period when --from is not given, in days. */
#define DEFAULT_PERIOD_DAYS 30

static char *report_from;
static char *report_to;

static const GOptionEntry report_entries[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &report_from,
    N_("From DATE on (default: 30 days before --to)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &report_to,
    N_("Up to DATE, not including it (default: tomorrow, so today counts)"), N_("DATE") },
  { NULL }
};

/* The local day of @option's DATE. */
static gboolean
parse_day (const char  *option,
           const char  *text,
           GDate       *day,
           GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  gint64 unix_time;

  if (!loyctl_parse_date (option, text, &unix_time, error))
    return FALSE;

  time = g_date_time_new_from_unix_local (unix_time);
  g_date_set_dmy (day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  return TRUE;
}

static char *
format_money (gint64 cents)
{
  if (cents == LOY_UNSET)
    return g_strdup ("—");

  return g_strdup_printf ("%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
}

static void
add_figure (LoyctlTable *table,
            const char  *name,
            gint64       value,
            gint64       previous)
{
  g_autofree char *value_text = g_strdup_printf ("%" PRId64, value);
  g_autofree char *previous_text = g_strdup_printf ("%" PRId64, previous);

  loyctl_table_add_row (table, name, value_text, previous_text, NULL);
}

static void
print_overview (LoyOverview *overview)
{
  const LoyOverviewFigures *figures = loy_overview_get_figures (overview);
  const LoyOverviewFigures *previous = loy_overview_get_previous_figures (overview);
  GArray *rewards = loy_overview_get_top_rewards (overview);
  g_autoptr(LoyctlTable) table = loyctl_table_new (_("Figure"), _("Period"), _("Before"), NULL);
  g_autofree char *cost = format_money (figures->redemption_cost_cents);
  g_autofree char *cost_before = format_money (previous->redemption_cost_cents);
  g_autofree char *outstanding = g_strdup_printf ("%" PRId64,
                                                  loy_overview_get_points_outstanding (overview));
  char from_text[16], to_text[16];
  GDate from, to;

  loy_overview_get_period (overview, &from, &to);
  g_date_subtract_days (&to, 1);
  g_date_strftime (from_text, sizeof from_text, "%Y-%m-%d", &from);
  g_date_strftime (to_text, sizeof to_text, "%Y-%m-%d", &to);
  /* Translators: the report's period, first and last day */
  g_print (_("From %s to %s\n"), from_text, to_text);

  add_figure (table, _("New contacts"), figures->enrollments, previous->enrollments);
  add_figure (table, _("Active contacts"), figures->active_contacts, previous->active_contacts);
  add_figure (table, _("Points issued"), figures->points_issued, previous->points_issued);
  add_figure (table, _("Points redeemed"), figures->points_redeemed, previous->points_redeemed);
  add_figure (table, _("Points expired"), figures->points_expired, previous->points_expired);
  add_figure (table, _("Redemptions"), figures->redemptions, previous->redemptions);
  loyctl_table_add_row (table, _("Redemption cost"), cost, cost_before, NULL);
  loyctl_table_add_row (table, _("Points outstanding now"), outstanding, "", NULL);
  loyctl_table_print (table);

  if (rewards->len > 0)
    {
      g_autoptr(LoyctlTable) top = loyctl_table_new (_("Reward"), _("Redemptions"), _("Cost"),
                                                     NULL);

      g_print ("\n");
      for (guint i = 0; i < rewards->len; i++)
        {
          const LoyOverviewReward *reward = &g_array_index (rewards, LoyOverviewReward, i);
          g_autofree char *count = g_strdup_printf ("%" PRId64, reward->redemptions);
          g_autofree char *reward_cost = format_money (reward->cost_cents);

          loyctl_table_add_row (top, reward->title, count, reward_cost, NULL);
        }
      loyctl_table_print (top);
    }
}

static gboolean
report_overview_run (LoyctlContext  *context,
                     char          **args,
                     GError        **error)
{
  g_autoptr(LoyOverview) overview = NULL;
  LoyStore *store;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  if (report_to != NULL)
    {
      if (!parse_day ("--to", report_to, &to, error))
        return FALSE;
    }
  else
    {
      g_date_set_time_t (&to, time (NULL));
      g_date_add_days (&to, 1);
    }

  if (report_from != NULL)
    {
      if (!parse_day ("--from", report_from, &from, error))
        return FALSE;
    }
  else
    {
      from = to;
      g_date_subtract_days (&from, DEFAULT_PERIOD_DAYS);
    }

  if (g_date_compare (&from, &to) >= 0)
    {
      g_set_error_literal (error, LOYCTL_USAGE_ERROR, 0, _("--to must come after --from"));
      return FALSE;
    }

  if (!(store = loyctl_context_get_store (context, error)) ||
      !(overview = loy_store_get_overview_sync (store, &from, &to, NULL, error)))
    return FALSE;

  if (context->json)
    {
      g_autoptr(JsonNode) node = loy_overview_to_json (overview);

      loyctl_print_envelope (node);
    }
  else
    print_overview (overview);

  return TRUE;
}

const LoyctlCommand loyctl_report_commands[] = {
  { "report", "overview", NULL, 0,
    N_("The program's figures for a period and the period before it"),
    report_entries, report_overview_run },
  { NULL }
};
