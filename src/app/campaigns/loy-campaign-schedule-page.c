/* loy-campaign-schedule-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-schedule-page.h"
#include "loy-date-time-row.h"

/* A window's ends are picked in local time and stored in UTC; the last
 * minute is included. */

typedef struct
{
  GtkSwitch   *all_time_switch;
  LoyDateTimeRow *from_row;
  LoyDateTimeRow *to_row;
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

static void
apply_window (Window  *window,
              gboolean *all_time,
              gint64   *from,
              gint64   *to)
{
  *all_time = gtk_switch_get_active (window->all_time_switch);
  *from = loy_date_time_row_get_time (window->from_row);
  *to = loy_date_time_row_get_time (window->to_row);
}

/* Whether a window starts at midnight and ends at 23:59, local time. */
static gboolean
whole_days (gint64 from,
            gint64 to)
{
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (from);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (to);

  return g_date_time_get_hour (first) == 0 && g_date_time_get_minute (first) == 0 &&
         g_date_time_get_hour (last) == 23 && g_date_time_get_minute (last) == 59;
}

static char *
format_end (gint64   time,
            gboolean with_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (time);

  return g_date_time_format (local, with_time
                                    /* Translators: a start or end with its time in a campaign's
                                     * summary line, see g_date_time_format() */
                                    ? _("%-d %b %H:%M")
                                    /* Translators: a day in a campaign's summary line, see
                                     * g_date_time_format() */
                                    : _("%-d %b"));
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

  first = format_end (from, !whole_days (from, to));
  last = format_end (to, !whole_days (from, to));

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

  g_type_ensure (LOY_TYPE_DATE_TIME_ROW);

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
  gtk_switch_set_active (window->all_time_switch, all_time);
  loy_date_time_row_set_time (window->from_row, from);
  loy_date_time_row_set_time (window->to_row, to);
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
