/* loy-reward-details-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-number-entry.h"
#include "loy-reward-details-page.h"

/* A reward's title, required points and description. */

struct _LoyRewardDetailsPage
{
  AdwPreferencesPage  parent_instance;

  char               *problem;

  /* Template widgets */
  AdwEntryRow        *title_row;
  LoyNumberEntry     *points_entry;
  AdwEntryRow        *description_row;
  GtkLabel           *problem_label;
};

static void reward_page_iface_init (LoyRewardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyRewardDetailsPage, loy_reward_details_page,
                               ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_REWARD_PAGE, reward_page_iface_init))

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

static void
loy_reward_details_page_validate (LoyRewardDetailsPage *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *points = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->points_entry))));
  const char *problem = NULL;
  const char *points_problem = NULL;

  if (title[0] == '\0')
    problem = _("Enter a title for the reward");
  else if (points[0] == '\0')
    problem = _("Enter the points a contact needs to claim the reward");
  else
    /* Says why beside the field itself. */
    points_problem = loy_number_entry_get_problem (self->points_entry);

  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);

  problem = problem ?: points_problem;
  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify (G_OBJECT (self), "problem");
    }
}

static void
loy_reward_details_page_load (LoyRewardPage *page,
                              LoyReward     *reward)
{
  LoyRewardDetailsPage *self = LOY_REWARD_DETAILS_PAGE (page);
  gint64 points = loy_reward_get_required_credits (reward);
  const char *description = loy_reward_get_description (reward);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), loy_reward_get_title (reward) ?: "");
  /* A new reward's points start empty, to be entered. */
  if (points > 0)
    loy_number_entry_set_value (self->points_entry, points);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->points_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description ?: "");
}

static void
loy_reward_details_page_apply (LoyRewardPage *page,
                               LoyReward     *reward)
{
  LoyRewardDetailsPage *self = LOY_REWARD_DETAILS_PAGE (page);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  gint64 points = 0;

  /* Refused points keep Save and Next off; apply is then only a comparison. */
  loy_number_entry_get_value (self->points_entry, &points);
  loy_reward_set_title (reward, title);
  loy_reward_set_required_credits (reward, points);
  loy_reward_set_description (reward, description[0] != '\0' ? description : NULL);
}

static void
reward_page_iface_init (LoyRewardPageInterface *iface)
{
  iface->load = loy_reward_details_page_load;
  iface->apply = loy_reward_details_page_apply;
}

static void
loy_reward_details_page_dispose (GObject *object)
{
  LoyRewardDetailsPage *self = LOY_REWARD_DETAILS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARD_DETAILS_PAGE);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (loy_reward_details_page_parent_class)->dispose (object);
}

static void
loy_reward_details_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LoyRewardDetailsPage *self = LOY_REWARD_DETAILS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_reward_details_page_class_init (LoyRewardDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_reward_details_page_dispose;
  object_class->get_property = loy_reward_details_page_get_property;

  g_object_class_override_property (object_class, PROP_PROBLEM, "problem");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-reward-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardDetailsPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardDetailsPage, points_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardDetailsPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardDetailsPage, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_reward_details_page_validate);
}

static void
loy_reward_details_page_init (LoyRewardDetailsPage *self)
{
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_reward_details_page_validate (self);
}

gboolean
loy_reward_details_page_has_input (LoyRewardDetailsPage *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_DETAILS_PAGE (self), FALSE);

  return gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] != '\0' ||
         gtk_editable_get_text (GTK_EDITABLE (self->points_entry))[0] != '\0' ||
         gtk_editable_get_text (GTK_EDITABLE (self->description_row))[0] != '\0';
}
