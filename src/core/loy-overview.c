/* loy-overview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-enums.h"
#include "loy-overview.h"

struct _LoyOverview
{
  GObject             parent_instance;

  GDate               from;
  GDate               to;
  LoyOverviewFigures  figures;
  LoyOverviewFigures  previous;
  gint64              points_outstanding;
  gint64              outstanding_value_cents;
  guint               step_days;
  GArray             *series;        /* LoyOverviewStep */
  GArray             *levels;        /* LoyOverviewLevel */
  GArray             *top_rewards;   /* LoyOverviewReward */
  GPtrArray          *code_groups;   /* LoyCodeGroup */
};

G_DEFINE_FINAL_TYPE (LoyOverview, loy_overview, G_TYPE_OBJECT)

double
loy_overview_figures_get_redemption_rate (const LoyOverviewFigures *figures)
{
  g_return_val_if_fail (figures != NULL, -1);

  if (figures->points_issued <= 0)
    return -1;

  return (double) figures->points_redeemed / (double) figures->points_issued;
}

static void
clear_level (LoyOverviewLevel *level)
{
  g_free (level->uuid);
  g_free (level->name);
}

static void
clear_reward (LoyOverviewReward *reward)
{
  g_free (reward->uuid);
  g_free (reward->title);
}

static void
loy_overview_finalize (GObject *object)
{
  LoyOverview *self = LOY_OVERVIEW (object);

  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->top_rewards, g_array_unref);
  g_clear_pointer (&self->code_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_overview_parent_class)->finalize (object);
}

static void
loy_overview_class_init (LoyOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = loy_overview_finalize;
}

static void
loy_overview_init (LoyOverview *self)
{
  self->points_outstanding = 0;
  self->outstanding_value_cents = LOY_UNSET;
  self->series = g_array_new (FALSE, TRUE, sizeof (LoyOverviewStep));
  self->levels = g_array_new (FALSE, TRUE, sizeof (LoyOverviewLevel));
  g_array_set_clear_func (self->levels, (GDestroyNotify) clear_level);
  self->top_rewards = g_array_new (FALSE, TRUE, sizeof (LoyOverviewReward));
  g_array_set_clear_func (self->top_rewards, (GDestroyNotify) clear_reward);
  self->code_groups = g_ptr_array_new_with_free_func (g_object_unref);
}

LoyOverview *
loy_overview_new (const GDate *from,
                  const GDate *to)
{
  LoyOverview *self;
  guint n_days;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) < 0, NULL);

  self = g_object_new (LOY_TYPE_OVERVIEW, NULL);
  self->from = *from;
  self->to = *to;
  n_days = g_date_days_between (from, to);
  self->step_days = n_days <= LOY_OVERVIEW_MAX_DAILY_DAYS ? 1 : 7;

  for (guint offset = 0; offset < n_days; offset += self->step_days)
    {
      LoyOverviewStep step = { .start = *from };

      g_date_add_days (&step.start, offset);
      g_array_append_val (self->series, step);
    }

  return self;
}

void
loy_overview_get_period (LoyOverview *self,
                         GDate       *from,
                         GDate       *to)
{
  g_return_if_fail (LOY_IS_OVERVIEW (self));

  *from = self->from;
  *to = self->to;
}

guint
loy_overview_get_n_days (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), 0);

  return g_date_days_between (&self->from, &self->to);
}

void
loy_overview_get_previous_period (LoyOverview *self,
                                  GDate       *from,
                                  GDate       *to)
{
  g_return_if_fail (LOY_IS_OVERVIEW (self));

  *from = self->from;
  g_date_subtract_days (from, loy_overview_get_n_days (self));
  *to = self->from;
}

const LoyOverviewFigures *
loy_overview_get_figures (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), NULL);

  return &self->figures;
}

const LoyOverviewFigures *
loy_overview_get_previous_figures (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), NULL);

  return &self->previous;
}

void
loy_overview_set_figures (LoyOverview              *self,
                          const LoyOverviewFigures *figures,
                          const LoyOverviewFigures *previous)
{
  g_return_if_fail (LOY_IS_OVERVIEW (self));

  self->figures = *figures;
  self->previous = *previous;
}

gboolean
loy_overview_is_empty (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), TRUE);

  return self->figures.enrollments == 0 && self->figures.active_contacts == 0;
}

gint64
loy_overview_get_points_outstanding (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), 0);

  return self->points_outstanding;
}

gint64
loy_overview_get_outstanding_value_cents (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), LOY_UNSET);

  return self->outstanding_value_cents;
}

void
loy_overview_set_outstanding (LoyOverview *self,
                              gint64       points,
                              gint64       value_cents)
{
  g_return_if_fail (LOY_IS_OVERVIEW (self));

  self->points_outstanding = points;
  self->outstanding_value_cents = value_cents;
}

guint
loy_overview_get_step_days (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), 1);

  return self->step_days;
}

GArray *
loy_overview_get_series (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), NULL);

  return self->series;
}

void
loy_overview_add_day (LoyOverview *self,
                      const GDate *day,
                      gint64       issued,
                      gint64       redeemed,
                      gint64       enrollments)
{
  LoyOverviewStep *step;
  gint offset;

  g_return_if_fail (LOY_IS_OVERVIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  offset = g_date_days_between (&self->from, day);
  if (offset < 0 || g_date_compare (day, &self->to) >= 0)
    return;

  step = &g_array_index (self->series, LoyOverviewStep, offset / self->step_days);
  step->issued += issued;
  step->redeemed += redeemed;
  step->enrollments += enrollments;
}

GArray *
loy_overview_get_levels (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), NULL);

  return self->levels;
}

void
loy_overview_add_level (LoyOverview *self,
                        const char  *uuid,
                        const char  *name,
                        gint64       contacts)
{
  LoyOverviewLevel level = { g_strdup (uuid), g_strdup (name), contacts };

  g_return_if_fail (LOY_IS_OVERVIEW (self));

  g_array_append_val (self->levels, level);
}

GArray *
loy_overview_get_top_rewards (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), NULL);

  return self->top_rewards;
}

void
loy_overview_add_top_reward (LoyOverview *self,
                             const char  *uuid,
                             const char  *title,
                             gint64       redemptions,
                             gint64       cost_cents)
{
  LoyOverviewReward reward = { g_strdup (uuid), g_strdup (title), redemptions, cost_cents };

  g_return_if_fail (LOY_IS_OVERVIEW (self));

  g_array_append_val (self->top_rewards, reward);
}

GPtrArray *
loy_overview_get_code_groups (LoyOverview *self)
{
  g_return_val_if_fail (LOY_IS_OVERVIEW (self), NULL);

  return self->code_groups;
}

void
loy_overview_add_code_group (LoyOverview  *self,
                             LoyCodeGroup *group)
{
  g_return_if_fail (LOY_IS_OVERVIEW (self));
  g_return_if_fail (LOY_IS_CODE_GROUP (group));

  g_ptr_array_add (self->code_groups, g_object_ref (group));
}

double
loy_overview_code_group_days_left (LoyCodeGroup *group)
{
  gint64 recent;

  g_return_val_if_fail (LOY_IS_CODE_GROUP (group), -1);

  recent = loy_code_group_get_issued_last_30_days (group);
  if (recent <= 0)
    return -1;

  return loy_code_group_get_available (group) * 30.0 / recent;
}
