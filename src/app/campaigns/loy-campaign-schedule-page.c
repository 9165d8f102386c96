/* loy-campaign-schedule-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-schedule-page.h"

/* A window's days are read as local dates: from the first day's start to
 * the last day's end, so that both are included, and stored in UTC. */

typedef struct
{
  GtkSwitch   *all_time_switch;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkLabel    *problem;
} Window;

struct _LoyCampaignSchedulePage
{
  AdwPreferencesPage   parent_instance;

  char                *summary;
  gboolean             show_visibility;

  /* Template widgets */
  GtkLabel            *summary_label;
  GtkWidget           *visibility_group;
  Window               activity;
  Window               visibility;
};

G_DEFINE_FINAL_TYPE (LoyCampaignSchedulePage, loy_campaign_schedule_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void loy_campaign_schedule_page_changed (LoyCampaignSchedulePage *self);

/* Unix seconds of the start of @row's day (of its last second when @end),
 * or 0 when empty; FALSE when it is not a date. */
static gboolean
parse_day (AdwEntryRow *row,
           gboolean     end,
           gint64      *time)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) day = NULL;
  guint year, month, date;
  char extra;

  *time = 0;
  if (text[0] == '\0')
    return TRUE;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &date, &extra) != 3 ||
      !g_date_valid_dmy (date, month, year))
    return FALSE;

  day = g_date_time_new_local (year, month, date, 0, 0, 0);
  if (day == NULL)
    return FALSE;
  if (end)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);

      *time = g_date_time_to_unix (next) - 1;
    }
  else
    *time = g_date_time_to_unix (day);

  return TRUE;
}

static char *
dup_window_problem (Window *window)
{
  AdwEntryRow *rows[] = { window->from_row, window->to_row };
  gint64 time;

  if (gtk_switch_get_active (window->all_time_switch))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (!parse_day (rows[i], i == 1, &time))
      /* Translators: a date field's name, then what it holds */
      return g_strdup_printf (_("%s: “%s” is not a date such as 2026-12-05"),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])),
                              gtk_editable_get_text (GTK_EDITABLE (rows[i])));

  return NULL;
}

static void
apply_window (Window  *window,
              gboolean *all_time,
              gint64   *from,
              gint64   *to)
{
  *all_time = gtk_switch_get_active (window->all_time_switch);
  parse_day (window->from_row, FALSE, from);
  parse_day (window->to_row, TRUE, to);
}

static char *
format_day (gint64 time)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (time);

  /* Translators: a day in a campaign's summary line, see g_date_time_format() */
  return g_date_time_format (day, _("%-d %b"));
}

static char *
describe_window (Window     *window,
                 const char *all_time_text,
                 const char *window_format)
{
  gboolean all_time;
  gint64 from, to;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  apply_window (window, &all_time, &from, &to);
  if (all_time)
    return g_strdup (all_time_text);
  if (from == 0 || to == 0 || from > to)
    return NULL;

  first = format_day (from);
  last = format_day (to);

  return g_strdup_printf (window_format, first, last);
}

static void
update_summary (LoyCampaignSchedulePage *self)
{
  /* Translators: "5 Dec–24 Dec" */
  g_autofree char *activity = describe_window (&self->activity, _("available at any time"),
                                               _("available %s–%s"));
  g_autofree char *visibility = describe_window (&self->visibility, _("Listed all the time"),
                                                 _("Listed %s–%s"));

  g_clear_pointer (&self->summary, g_free);
  if (activity == NULL || (self->show_visibility && visibility == NULL))
    self->summary = g_strdup (_("Choose the dates to see when the campaign runs"));
  else if (self->show_visibility)
    /* Translators: "Listed 1 Dec–31 Dec; available 5 Dec–24 Dec" */
    self->summary = g_strdup_printf (_("%s; %s"), visibility, activity);
  else
    /* Translators: the campaign is never listed; "available 5 Dec–24 Dec" */
    self->summary = g_strdup_printf (_("Not listed; %s"), activity);

  gtk_label_set_label (self->summary_label, self->summary);
}

void
loy_campaign_schedule_page_changed (LoyCampaignSchedulePage *self)
{
  Window *windows[] = { &self->activity, &self->visibility };

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      gboolean all_time = gtk_switch_get_active (windows[i]->all_time_switch);

      gtk_widget_set_visible (GTK_WIDGET (windows[i]->from_row), !all_time);
      gtk_widget_set_visible (GTK_WIDGET (windows[i]->to_row), !all_time);
    }

  update_summary (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
loy_campaign_schedule_page_dispose (GObject *object)
{
  LoyCampaignSchedulePage *self = LOY_CAMPAIGN_SCHEDULE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_SCHEDULE_PAGE);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (loy_campaign_schedule_page_parent_class)->dispose (object);
}

static void
loy_campaign_schedule_page_class_init (LoyCampaignSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_schedule_page_dispose;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignSchedulePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignSchedulePage, visibility_group);
  gtk_widget_class_bind_template_child_full (widget_class, "activity_all_time_switch", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage,
                                                              activity.all_time_switch));
  gtk_widget_class_bind_template_child_full (widget_class, "activity_from_row", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage, activity.from_row));
  gtk_widget_class_bind_template_child_full (widget_class, "activity_to_row", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage, activity.to_row));
  gtk_widget_class_bind_template_child_full (widget_class, "activity_problem", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage, activity.problem));
  gtk_widget_class_bind_template_child_full (widget_class, "visibility_all_time_switch", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage,
                                                              visibility.all_time_switch));
  gtk_widget_class_bind_template_child_full (widget_class, "visibility_from_row", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage,
                                                              visibility.from_row));
  gtk_widget_class_bind_template_child_full (widget_class, "visibility_to_row", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage, visibility.to_row));
  gtk_widget_class_bind_template_child_full (widget_class, "visibility_problem", FALSE,
                                             G_STRUCT_OFFSET (LoyCampaignSchedulePage,
                                                              visibility.problem));
  gtk_widget_class_bind_template_callback (widget_class, loy_campaign_schedule_page_changed);
}

static void
loy_campaign_schedule_page_init (LoyCampaignSchedulePage *self)
{
  self->show_visibility = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_campaign_schedule_page_changed (self);
}

void
loy_campaign_schedule_page_set_show_visibility (LoyCampaignSchedulePage *self,
                                                gboolean                 show)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self));

  self->show_visibility = !!show;
  gtk_widget_set_visible (self->visibility_group, self->show_visibility);
  update_summary (self);
}

static void
load_window (Window   *window,
             gboolean  all_time,
             gint64    from,
             gint64    to)
{
  gint64 times[] = { from, to };
  AdwEntryRow *rows[] = { window->from_row, window->to_row };

  gtk_switch_set_active (window->all_time_switch, all_time);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) day = times[i] != 0 ? g_date_time_new_from_unix_local (times[i]) : NULL;
      g_autofree char *text = day != NULL ? g_date_time_format (day, "%Y-%m-%d") : NULL;

      gtk_editable_set_text (GTK_EDITABLE (rows[i]), text ?: "");
    }
}

void
loy_campaign_schedule_page_load (LoyCampaignSchedulePage *self,
                                 LoyCampaign             *campaign)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  load_window (&self->activity, loy_campaign_get_activity_all_time (campaign),
               loy_campaign_get_active_from (campaign), loy_campaign_get_active_to (campaign));
  load_window (&self->visibility, loy_campaign_get_visibility_all_time (campaign),
               loy_campaign_get_visible_from (campaign), loy_campaign_get_visible_to (campaign));
}

void
loy_campaign_schedule_page_apply (LoyCampaignSchedulePage *self,
                                  LoyCampaign             *campaign)
{
  gboolean all_time;
  gint64 from, to;

  g_return_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  apply_window (&self->activity, &all_time, &from, &to);
  loy_campaign_set_activity (campaign, all_time, from, to);
  if (self->show_visibility)
    {
      apply_window (&self->visibility, &all_time, &from, &to);
      loy_campaign_set_visibility (campaign, all_time, from, to);
    }
}

char *
loy_campaign_schedule_page_dup_date_problem (LoyCampaignSchedulePage *self,
                                             gboolean                 visibility)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self), NULL);

  if (!visibility)
    return dup_window_problem (&self->activity);

  return self->show_visibility ? dup_window_problem (&self->visibility) : NULL;
}

GtkLabel *
loy_campaign_schedule_page_get_activity_label (LoyCampaignSchedulePage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self), NULL);

  return self->activity.problem;
}

GtkLabel *
loy_campaign_schedule_page_get_visibility_label (LoyCampaignSchedulePage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self), NULL);

  return self->visibility.problem;
}

const char *
loy_campaign_schedule_page_get_summary (LoyCampaignSchedulePage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_SCHEDULE_PAGE (self), NULL);

  return self->summary;
}
