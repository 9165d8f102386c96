/* loy-overview-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-format.h"
#include "loy-toast-target.h"
#include "overview/loy-chart.h"
#include "overview/loy-figure-card.h"
#include "overview/loy-overview-view.h"

/* What the program did in a period, against the period before, read off
 * the main thread from the store's overview; and, below, the program's
 * records counted by the store. */

typedef enum
{
  PERIOD_7_DAYS,
  PERIOD_30_DAYS,
  PERIOD_90_DAYS,
  PERIOD_THIS_YEAR,
  PERIOD_CUSTOM,
} Period;

typedef enum
{
  FIGURE_ENROLLMENTS,
  FIGURE_ACTIVE,
  FIGURE_ISSUED,
  FIGURE_REDEEMED,
  FIGURE_EXPIRED,
  FIGURE_OUTSTANDING,
  FIGURE_REDEMPTIONS,
  FIGURE_COST,
  FIGURE_RATE,
  N_FIGURES
} Figure;

static const char * const figure_captions[N_FIGURES] = {
  [FIGURE_ENROLLMENTS] = N_("New contacts"),
  [FIGURE_ACTIVE] = N_("Active contacts"),
  [FIGURE_ISSUED] = N_("Points issued"),
  [FIGURE_REDEEMED] = N_("Points redeemed"),
  [FIGURE_EXPIRED] = N_("Points expired"),
  [FIGURE_OUTSTANDING] = N_("Points outstanding now"),
  [FIGURE_REDEMPTIONS] = N_("Redemptions"),
  [FIGURE_COST] = N_("What redemptions cost"),
  [FIGURE_RATE] = N_("Redemption rate"),
};

typedef enum
{
  CHART_POINTS,
  CHART_ENROLLMENTS,
  CHART_LEVELS,
  CHART_REWARDS,
  N_CHARTS
} Chart;

/* Each chart's name (its actions' target, its files' name) and title. */
static const struct
{
  const char     *name;
  const char     *title;
  LoyChartLayout  layout;
} chart_specs[N_CHARTS] = {
  [CHART_POINTS] = { "points", N_("Points issued and redeemed"), LOY_CHART_COLUMNS },
  [CHART_ENROLLMENTS] = { "enrollments", N_("New contacts per week"), LOY_CHART_COLUMNS },
  [CHART_LEVELS] = { "levels", N_("Contacts per level"), LOY_CHART_BARS },
  [CHART_REWARDS] = { "rewards", N_("Top rewards"), LOY_CHART_BARS },
};

typedef guint (*CountFunc) (LoyPage *page);

typedef struct
{
  LoyKind     kind;
  const char *section;
  const char *icon_name;
  const char *caption;
  guint       limit;
  CountFunc   count;
} CardSpec;

struct _LoyOverviewView
{
  GtkWidget     parent_instance;

  LoyStore     *store;
  GCancellable *cancellable;
  guint         n_pending;
  LoyOverview  *overview;
  GtkWidget    *figure_cards[N_FIGURES];
  LoyChart     *charts[N_CHARTS];
  GPtrArray    *code_group_rows;

  /* Template widgets */
  GtkWidget    *period_box;
  GtkDropDown  *period_choice;
  GtkWidget    *from_button;
  GtkCalendar  *from_calendar;
  GtkWidget    *to_button;
  GtkCalendar  *to_calendar;
  GtkLabel     *period_label;
  GtkWidget    *remote_note;
  GtkWidget    *empty_page;
  GtkFlowBox   *figures;
  GtkFlowBox   *charts_box;
  AdwPreferencesGroup *code_groups_group;
  GtkFlowBox   *cards;
  AdwActionRow *source_row;
  GtkImage     *source_icon;
};

G_DEFINE_FINAL_TYPE (LoyOverviewView, loy_overview_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void loy_overview_view_refresh (LoyOverviewView *self);
static void custom_changed_cb         (LoyOverviewView *self);

static guint
count_all (LoyPage *page)
{
  return page->total;
}

/* Campaigns are few: one page holds them all. */
static guint
count_active_campaigns (LoyPage *page)
{
  guint n_active = 0;

  for (guint i = 0; i < page->items->len; i++)
    if (loy_campaign_get_is_active (g_ptr_array_index (page->items, i)))
      n_active++;

  return n_active;
}

static const CardSpec card_specs[] = {
  { LOY_KIND_REWARD, "rewards", "starred-symbolic", N_("Rewards"), 1, count_all },
  { LOY_KIND_CAMPAIGN, "campaigns", "emblem-favorite-symbolic", N_("Active campaigns"),
    500, count_active_campaigns },
  { LOY_KIND_CONTACT, "contacts", "system-users-symbolic", N_("Contacts"), 1, count_all },
  { LOY_KIND_CODE_GROUP, "code-groups", "dialog-password-symbolic", N_("Code groups"),
    1, count_all },
  { LOY_KIND_LEVEL, "levels-segments", "network-cellular-signal-excellent-symbolic", N_("Levels"),
    1, count_all },
};

typedef struct
{
  LoyOverviewView *self;
  guint            index;
} CountRequest;

static GtkLabel *
loy_overview_view_get_number_label (LoyOverviewView *self,
                                    guint            index)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->cards, index);
  GtkWidget *box = gtk_flow_box_child_get_child (child);

  /* icon, number, caption */
  return GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));
}

static void
loy_overview_view_add_cards (LoyOverviewView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (card_specs); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *image = gtk_image_new_from_icon_name (card_specs[i].icon_name);
      GtkWidget *number = gtk_label_new ("–");
      GtkWidget *caption = gtk_label_new (_(card_specs[i].caption));

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "activatable");
      gtk_widget_add_css_class (box, "overview-card");
      gtk_widget_set_halign (image, GTK_ALIGN_START);
      gtk_widget_add_css_class (image, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (number), 0.0f);
      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "numeric");
      gtk_label_set_xalign (GTK_LABEL (caption), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (caption, "dim-label");

      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_flow_box_append (self->cards, box);
    }
}

static void
loy_overview_view_request_done (LoyOverviewView *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CountRequest *request = user_data;
  g_autoptr(LoyOverviewView) self = request->self;
  guint index = request->index;
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *number;

  g_free (request);

  page = loy_store_query_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  number = loy_overview_view_get_number_label (self, index);

  if (page != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%'u", card_specs[index].count (page));

      gtk_label_set_text (number, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (number), NULL);
    }
  else
    {
      gtk_label_set_text (number, "–");
      gtk_widget_set_tooltip_text (GTK_WIDGET (number), error->message);
    }

  loy_overview_view_request_done (self);
}

/* The period */

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
calendar_date (GtkCalendar *calendar,
               GDate       *date)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

static void
select_calendar_date (GtkCalendar *calendar,
                      const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 0, 0, 0);

  gtk_calendar_select_day (calendar, day);
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  char text[64];

  if (g_date_strftime (text, sizeof text, format, date) == 0)
    return g_strdup ("");

  return g_strdup (g_strstrip (text));
}

/* The chosen days [@from, @to); FALSE when a custom range ends before it starts. */
static gboolean
get_period (LoyOverviewView *self,
            GDate           *from,
            GDate           *to)
{
  static const guint days[] = { [PERIOD_7_DAYS] = 7, [PERIOD_30_DAYS] = 30, [PERIOD_90_DAYS] = 90 };
  Period period = gtk_drop_down_get_selected (self->period_choice);

  today (to);
  g_date_add_days (to, 1);
  *from = *to;

  switch (period)
    {
    case PERIOD_7_DAYS:
    case PERIOD_30_DAYS:
    case PERIOD_90_DAYS:
      g_date_subtract_days (from, days[period]);
      return TRUE;

    case PERIOD_THIS_YEAR:
      g_date_set_dmy (from, 1, 1, g_date_get_year (to));
      if (g_date_compare (from, to) >= 0)
        g_date_subtract_years (from, 1);
      return TRUE;

    case PERIOD_CUSTOM:
    default:
      calendar_date (self->from_calendar, from);
      calendar_date (self->to_calendar, to);
      g_date_add_days (to, 1);
      return g_date_compare (from, to) < 0;
    }
}

/* Figures */

static char *
format_percent (double rate)
{
  /* Translators: a share, "12%" */
  return rate < 0 ? g_strdup ("–") : g_strdup_printf (_("%.0f%%"), 100 * rate);
}

static void
set_figure (LoyOverviewView *self,
            Figure           figure,
            gint64           value,
            gint64           previous)
{
  g_autofree char *text = loy_format_count (value);
  g_autofree char *change = loy_figure_card_format_change (value, previous);

  loy_figure_card_set (LOY_FIGURE_CARD (self->figure_cards[figure]), text, change);
}

static void
show_figures (LoyOverviewView *self)
{
  const LoyOverviewFigures *now = loy_overview_get_figures (self->overview);
  const LoyOverviewFigures *before = loy_overview_get_previous_figures (self->overview);
  gint64 value_cents = loy_overview_get_outstanding_value_cents (self->overview);
  g_autofree char *outstanding = loy_format_count (loy_overview_get_points_outstanding (self->overview));
  g_autofree char *worth = NULL, *worth_note = NULL;
  g_autofree char *cost = loy_format_money (now->redemption_cost_cents);
  g_autofree char *cost_note = NULL;
  g_autofree char *rate = format_percent (loy_overview_figures_get_redemption_rate (now));
  g_autofree char *rate_before = format_percent (loy_overview_figures_get_redemption_rate (before));
  g_autofree char *rate_note = NULL;

  set_figure (self, FIGURE_ENROLLMENTS, now->enrollments, before->enrollments);
  set_figure (self, FIGURE_ACTIVE, now->active_contacts, before->active_contacts);
  set_figure (self, FIGURE_ISSUED, now->points_issued, before->points_issued);
  set_figure (self, FIGURE_REDEEMED, now->points_redeemed, before->points_redeemed);
  set_figure (self, FIGURE_EXPIRED, now->points_expired, before->points_expired);
  set_figure (self, FIGURE_REDEMPTIONS, now->redemptions, before->redemptions);

  if (value_cents != LOY_UNSET)
    {
      worth = loy_format_money (value_cents);
      /* Translators: the money value of the points outstanding */
      worth_note = g_strdup_printf (_("Worth %s at the cashback point value"), worth);
    }
  loy_figure_card_set (LOY_FIGURE_CARD (self->figure_cards[FIGURE_OUTSTANDING]), outstanding,
                       worth_note);

  if (now->uncosted_redemptions > 0)
    cost_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Without %" PRId64 " redemption of a reward that has no cost price",
                                              "Without %" PRId64 " redemptions of rewards that have no cost price",
                                              now->uncosted_redemptions),
                                 now->uncosted_redemptions);
  else
    cost_note = loy_figure_card_format_change (now->redemption_cost_cents,
                                               before->redemption_cost_cents);
  loy_figure_card_set (LOY_FIGURE_CARD (self->figure_cards[FIGURE_COST]), cost, cost_note);

  /* Translators: the redemption rate of the period before, "18% in the period before" */
  rate_note = g_strdup_printf (_("Points redeemed per point issued; %s in the period before"),
                               rate_before);
  loy_figure_card_set (LOY_FIGURE_CARD (self->figure_cards[FIGURE_RATE]), rate, rate_note);
}

/* Charts */

static void
show_series (LoyOverviewView *self)
{
  GArray *series = loy_overview_get_series (self->overview);
  gboolean weekly = loy_overview_get_step_days (self->overview) > 1;
  LoyChart *points = self->charts[CHART_POINTS];
  LoyChart *enrollments = self->charts[CHART_ENROLLMENTS];

  loy_chart_set_series (points, _("Issued"), _("Redeemed"), NULL);
  loy_chart_set_series (enrollments, _("New contacts"), NULL);

  for (guint i = 0; i < series->len; i++)
    {
      const LoyOverviewStep *step = &g_array_index (series, LoyOverviewStep, i);
      /* Translators: a chart's short day label, strftime format */
      g_autofree char *label = format_day (&step->start, _("%e %b"));
      g_autofree char *day = format_day (&step->start, _("%e %b %Y"));
      /* Translators: a chart's category for a week starting on a day */
      g_autofree char *full = weekly ? g_strdup_printf (_("Week of %s"), day) : g_strdup (day);
      gint64 issued_redeemed[] = { step->issued, step->redeemed };
      gint64 week_enrollments = 0;

      loy_chart_append (points, label, full, NULL, issued_redeemed);

      /* New contacts go by week, the days of a short period added up. */
      if (!weekly && i % 7 != 0)
        continue;
      for (guint d = i; d < MIN (i + (weekly ? 1 : 7), series->len); d++)
        week_enrollments += g_array_index (series, LoyOverviewStep, d).enrollments;
      g_free (full);
      full = g_strdup_printf (_("Week of %s"), day);
      loy_chart_append (enrollments, label, full, NULL, &week_enrollments);
    }
}

static void
show_levels_and_rewards (LoyOverviewView *self)
{
  GArray *levels = loy_overview_get_levels (self->overview);
  GArray *rewards = loy_overview_get_top_rewards (self->overview);
  LoyChart *level_chart = self->charts[CHART_LEVELS];
  LoyChart *reward_chart = self->charts[CHART_REWARDS];

  loy_chart_set_series (level_chart, _("Contacts"), NULL);
  for (guint i = 0; i < levels->len; i++)
    {
      const LoyOverviewLevel *level = &g_array_index (levels, LoyOverviewLevel, i);

      loy_chart_append (level_chart, level->name, NULL, NULL, &level->contacts);
    }

  loy_chart_set_series (reward_chart, _("Redemptions"), NULL);
  loy_chart_set_detail_name (reward_chart, _("Cost"));
  for (guint i = 0; i < rewards->len; i++)
    {
      const LoyOverviewReward *reward = &g_array_index (rewards, LoyOverviewReward, i);
      g_autofree char *cost = reward->cost_cents != LOY_UNSET ? loy_format_money (reward->cost_cents)
                                                              : g_strdup (_("no cost price"));

      loy_chart_append (reward_chart, reward->title, NULL, cost, &reward->redemptions);
    }
}

static void
show_code_groups (LoyOverviewView *self)
{
  GPtrArray *groups = loy_overview_get_code_groups (self->overview);

  for (guint i = 0; i < self->code_group_rows->len; i++)
    adw_preferences_group_remove (self->code_groups_group,
                                  g_ptr_array_index (self->code_group_rows, i));
  g_ptr_array_set_size (self->code_group_rows, 0);

  for (guint i = 0; i < groups->len; i++)
    {
      LoyCodeGroup *group = g_ptr_array_index (groups, i);
      gint64 available = loy_code_group_get_available (group);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: a code group's codes left and how long they last */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%" PRId64 " code left, for about %.0f days",
                                               "%" PRId64 " codes left, for about %.0f days",
                                               available),
                                  available, ceil (loy_overview_code_group_days_left (group)));
      /* A group's name (a campaign's, say "Coffee & cake") is text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), loy_code_group_get_name (group));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->code_groups_group, row);
      g_ptr_array_add (self->code_group_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->code_groups_group), groups->len > 0);
}

static void
show_overview (LoyOverviewView *self)
{
  gboolean empty = loy_overview_is_empty (self->overview);

  show_figures (self);
  show_series (self);
  show_levels_and_rewards (self);
  show_code_groups (self);

  /* An empty period says so, rather than drawing flat lines. */
  gtk_widget_set_visible (self->empty_page, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), !empty);
}

static void
overview_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LoyOverviewView) self = user_data;
  g_autoptr(LoyOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  overview = loy_store_get_overview_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (overview != NULL)
    {
      g_set_object (&self->overview, overview);
      show_overview (self);
    }
  else
    {
      gtk_label_set_text (self->period_label, error->message);
    }

  loy_overview_view_request_done (self);
}

/* Asks the store for the chosen period's overview, when it keeps one. */
static void
load_overview (LoyOverviewView *self)
{
  gboolean local = self->store != NULL && loy_store_can (self->store, LOY_STORE_CAN_OVERVIEW);
  gboolean custom = gtk_drop_down_get_selected (self->period_choice) == PERIOD_CUSTOM;
  g_autofree char *first = NULL, *last = NULL, *before = NULL, *text = NULL;
  GDate from, to, last_day;
  guint n_days;

  gtk_widget_set_visible (self->period_box, local);
  gtk_widget_set_visible (GTK_WIDGET (self->figures), local);
  gtk_widget_set_visible (GTK_WIDGET (self->charts_box), local);
  gtk_widget_set_visible (self->empty_page, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->code_groups_group), FALSE);
  gtk_widget_set_visible (self->remote_note, self->store != NULL && !local);
  gtk_widget_set_visible (self->from_button, custom);
  gtk_widget_set_visible (self->to_button, custom);
  if (!local)
    return;

  if (!get_period (self, &from, &to))
    {
      gtk_label_set_text (self->period_label, _("The last day comes before the first: choose again"));
      return;
    }

  last_day = to;
  g_date_subtract_days (&last_day, 1);
  n_days = g_date_days_between (&from, &to);
  first = format_day (&from, _("%e %b %Y"));
  last = format_day (&last_day, _("%e %b %Y"));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->from_button), first);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->to_button), last);
  /* Translators: the period shown, "3 Nov 2026 to 2 Dec 2026, against the 30 days before" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s to %s, against the day before",
                                       "%s to %s, against the %u days before",
                                       n_days),
                          first, last, n_days);
  gtk_label_set_text (self->period_label, text);

  self->n_pending++;
  loy_store_get_overview_async (self->store, &from, &to, self->cancellable, overview_cb,
                                g_object_ref (self));
}

static void
period_changed_cb (LoyOverviewView *self)
{
  /* A custom range starts as the period shown until now. */
  if (gtk_drop_down_get_selected (self->period_choice) == PERIOD_CUSTOM && self->overview != NULL)
    {
      GDate from, to;

      loy_overview_get_period (self->overview, &from, &to);
      g_date_subtract_days (&to, 1);
      g_signal_handlers_block_by_func (self->from_calendar, custom_changed_cb, self);
      g_signal_handlers_block_by_func (self->to_calendar, custom_changed_cb, self);
      select_calendar_date (self->from_calendar, &from);
      select_calendar_date (self->to_calendar, &to);
      g_signal_handlers_unblock_by_func (self->from_calendar, custom_changed_cb, self);
      g_signal_handlers_unblock_by_func (self->to_calendar, custom_changed_cb, self);
    }

  loy_overview_view_refresh (self);
}

static void
custom_changed_cb (LoyOverviewView *self)
{
  loy_overview_view_refresh (self);
}

/* Exports */

typedef struct
{
  LoyOverviewView *self;
  LoyChart        *chart;
  gboolean         image;
} ExportRequest;

static gboolean
export_chart (LoyChart  *chart,
              gboolean   image,
              GFile     *file,
              GError   **error)
{
  g_autoptr(GFileOutputStream) output = NULL;

  if (image)
    return loy_chart_save_png (chart, file, error);

  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  return output != NULL &&
         loy_chart_write_csv (chart, G_OUTPUT_STREAM (output), error) &&
         g_output_stream_close (G_OUTPUT_STREAM (output), NULL, error);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (!export_chart (request->chart, request->image, file, &error))
        {
          /* Translators: an export that failed, and why */
          message = g_strdup_printf (_("Could not export the chart: %s"), error->message);
          loy_toast_target_show_from (GTK_WIDGET (request->self), adw_toast_new (message));
        }
    }

  g_object_unref (request->self);
  g_free (request);
  g_object_unref (dialog);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  gboolean image = g_str_equal (action_name, "overview.export-image");
  g_autofree char *file_name = g_strconcat (name, image ? ".png" : ".csv", NULL);
  GtkFileChooserNative *dialog;
  ExportRequest *request;
  LoyChart *chart = NULL;

  for (guint i = 0; i < N_CHARTS; i++)
    if (g_str_equal (chart_specs[i].name, name))
      chart = self->charts[i];
  g_return_if_fail (chart != NULL);

  dialog = gtk_file_chooser_native_new (image ? _("Export Chart Image") : _("Export Chart Data"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  request = g_new0 (ExportRequest, 1);
  request->self = g_object_ref (self);
  request->chart = chart;
  request->image = image;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
loy_overview_view_add_figures_and_charts (LoyOverviewView *self)
{
  for (guint i = 0; i < N_FIGURES; i++)
    {
      self->figure_cards[i] = loy_figure_card_new (_(figure_captions[i]));
      gtk_flow_box_append (self->figures, self->figure_cards[i]);
    }

  for (guint i = 0; i < N_CHARTS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (_(chart_specs[i].title));
      GtkWidget *menu_button = gtk_menu_button_new ();
      g_autoptr(GMenu) menu = g_menu_new ();
      g_autofree char *image_action = g_strdup_printf ("overview.export-image::%s", chart_specs[i].name);
      g_autofree char *data_action = g_strdup_printf ("overview.export-data::%s", chart_specs[i].name);

      g_menu_append (menu, _("Export _Image…"), image_action);
      g_menu_append (menu, _("Export _Data…"), data_action);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
      gtk_widget_set_tooltip_text (menu_button, _("Export"));
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), menu_button);

      self->charts[i] = LOY_CHART (loy_chart_new (chart_specs[i].layout, _(chart_specs[i].title)));
      gtk_widget_set_name (GTK_WIDGET (self->charts[i]), chart_specs[i].name);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "chart-card");
      gtk_box_append (GTK_BOX (card), header);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->charts[i]));
      gtk_flow_box_append (self->charts_box, card);
    }
}

static void
loy_overview_view_refresh (LoyOverviewView *self)
{
  g_autofree char *description = NULL;
  gboolean was_loading = self->n_pending > 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->n_pending = 0;

  if (self->store != NULL)
    {
      self->cancellable = g_cancellable_new ();
      description = loy_store_get_description (self->store);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source_row),
                                 description != NULL ? description : "");
  gtk_image_set_from_icon_name (self->source_icon,
                                self->store == NULL ||
                                loy_store_can (self->store, LOY_STORE_CAN_WORK_OFFLINE)
                                ? "folder-symbolic" : "network-server-symbolic");

  for (guint i = 0; i < G_N_ELEMENTS (card_specs); i++)
    {
      GtkWidget *child = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->cards, i));
      gboolean available = self->store != NULL &&
        loy_store_can (self->store, loy_kind_get_list_capability (card_specs[i].kind));
      g_autoptr(LoyQuery) query = NULL;
      CountRequest *request;

      gtk_label_set_text (loy_overview_view_get_number_label (self, i), "–");
      gtk_widget_set_visible (child, available);
      if (!available)
        continue;

      query = loy_query_new (card_specs[i].kind);
      request = g_new0 (CountRequest, 1);
      request->self = g_object_ref (self);
      request->index = i;
      self->n_pending++;
      loy_store_query_async (self->store, query, 0, card_specs[i].limit,
                             self->cancellable, query_cb, request);
    }

  load_overview (self);

  if (was_loading != (self->n_pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
card_activated_cb (LoyOverviewView *self,
                   GtkFlowBoxChild *child,
                   GtkFlowBox      *cards)
{
  const CardSpec *spec = &card_specs[gtk_flow_box_child_get_index (child)];

  gtk_widget_activate_action (GTK_WIDGET (self), "win.section", "s", spec->section);
}

static void
loy_overview_view_dispose (GObject *object)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, loy_overview_view_refresh, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_OVERVIEW_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->overview);
  g_clear_pointer (&self->code_group_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_overview_view_parent_class)->dispose (object);
}

static void
loy_overview_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, loy_overview_view_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_overview_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LoyOverviewView *self = LOY_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      loy_overview_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_overview_view_class_init (LoyOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_overview_view_dispose;
  object_class->get_property = loy_overview_view_get_property;
  object_class->set_property = loy_overview_view_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "overview/loy-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, period_box);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, period_choice);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, from_button);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, to_button);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, period_label);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, remote_note);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, figures);
  gtk_widget_class_bind_template_child_full (widget_class, "charts", FALSE,
                                             G_STRUCT_OFFSET (LoyOverviewView, charts_box));
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, code_groups_group);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, cards);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, source_row);
  gtk_widget_class_bind_template_child (widget_class, LoyOverviewView, source_icon);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_changed_cb);

  gtk_widget_class_install_action (widget_class, "overview.export-image", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "overview.export-data", "s", export_activated);
}

static void
loy_overview_view_init (LoyOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->code_group_rows = g_ptr_array_new ();
  loy_overview_view_add_figures_and_charts (self);
  loy_overview_view_add_cards (self);
  loy_overview_view_refresh (self);
}

LoyStore *
loy_overview_view_get_store (LoyOverviewView *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW_VIEW (self), NULL);

  return self->store;
}

void
loy_overview_view_set_store (LoyOverviewView *self,
                             LoyStore        *store)
{
  g_return_if_fail (LOY_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, loy_overview_view_refresh, self);
  g_set_object (&self->store, store);
  /* Another program's figures are not this one's. */
  g_clear_object (&self->overview);
  /* A record created, changed or deleted anywhere changes the counts. */
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (loy_overview_view_refresh), self,
                             G_CONNECT_SWAPPED);

  loy_overview_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

gboolean
loy_overview_view_get_loading (LoyOverviewView *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW_VIEW (self), FALSE);

  return self->n_pending > 0;
}

LoyOverview *
loy_overview_view_get_overview (LoyOverviewView *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW_VIEW (self), NULL);

  return self->overview;
}

GtkWidget *
loy_overview_view_get_chart (LoyOverviewView *self,
                             const char      *name)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW_VIEW (self), NULL);

  for (guint i = 0; i < N_CHARTS; i++)
    if (g_str_equal (chart_specs[i].name, name))
      return GTK_WIDGET (self->charts[i]);

  return NULL;
}
