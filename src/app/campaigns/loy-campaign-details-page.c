/* loy-campaign-details-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-details-page.h"
#include "loy-number-entry.h"

struct _LoyCampaignDetailsPage
{
  AdwPreferencesPage  parent_instance;

  LoyCampaignType     campaign_type;

  /* Template widgets */
  GtkSwitch          *active_switch;
  AdwEntryRow        *link_row;
  AdwEntryRow        *push_row;
  GtkSwitch          *featured_switch;
  GtkSwitch          *public_switch;
  GtkLabel           *link_problem;
  GtkWidget          *cost_group;
  LoyNumberEntry     *cost_entry;
  GtkLabel           *cost_problem;
  GtkWidget          *point_value_group;
  LoyNumberEntry     *point_value_entry;
  GtkLabel           *point_value_problem;
  GtkWidget          *percentage_group;
  LoyNumberEntry     *percentage_entry;
  GtkLabel           *percentage_problem;
  GtkWidget          *connect_group;
  AdwComboRow        *connect_row;
  GtkLabel           *connect_problem;
  GtkWidget          *days_group;
  LoyNumberEntry     *days_inactive_entry;
  LoyNumberEntry     *days_valid_entry;
  GtkLabel           *days_problem;
};

G_DEFINE_FINAL_TYPE (LoyCampaignDetailsPage, loy_campaign_details_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void loy_campaign_details_page_changed (LoyCampaignDetailsPage *self);

void
loy_campaign_details_page_changed (LoyCampaignDetailsPage *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

/* An optional text: NULL when only blanks were typed. */
static char *
dup_optional_text (gpointer editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static gint64
entry_value (LoyNumberEntry *entry,
             gint64          refused)
{
  gint64 value;

  /* A refused text keeps Next from going on; the value is only compared. */
  return loy_number_entry_get_value (entry, &value) ? value : refused;
}

static void
set_number (LoyNumberEntry *entry,
            gint64          value)
{
  if (value != LOY_UNSET)
    loy_number_entry_set_value (entry, value);
}

static void
loy_campaign_details_page_class_init (LoyCampaignDetailsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-details-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCampaignDetailsPage, name)
  BIND (active_switch);
  BIND (link_row);
  BIND (push_row);
  BIND (featured_switch);
  BIND (public_switch);
  BIND (link_problem);
  BIND (cost_group);
  BIND (cost_entry);
  BIND (cost_problem);
  BIND (point_value_group);
  BIND (point_value_entry);
  BIND (point_value_problem);
  BIND (percentage_group);
  BIND (percentage_entry);
  BIND (percentage_problem);
  BIND (connect_group);
  BIND (connect_row);
  BIND (connect_problem);
  BIND (days_group);
  BIND (days_inactive_entry);
  BIND (days_valid_entry);
  BIND (days_problem);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, loy_campaign_details_page_changed);
}

static void
loy_campaign_details_page_init (LoyCampaignDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  loy_number_entry_set_value (self->days_inactive_entry, 0);
  loy_number_entry_set_value (self->days_valid_entry, 0);
}

void
loy_campaign_details_page_set_campaign_type (LoyCampaignDetailsPage *self,
                                             LoyCampaignType         type)
{
  LoyCampaignFields fields;

  g_return_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self));

  self->campaign_type = type;
  fields = loy_campaign_type_get_fields (type);
  gtk_widget_set_visible (self->cost_group, fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS);
  gtk_widget_set_visible (self->point_value_group, fields & LOY_CAMPAIGN_FIELD_POINT_VALUE);
  gtk_widget_set_visible (self->percentage_group, fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE);
  gtk_widget_set_visible (self->connect_group, fields & LOY_CAMPAIGN_FIELD_CONNECT_TYPE);
  gtk_widget_set_visible (self->days_group, fields & LOY_CAMPAIGN_FIELD_DAYS);
}

void
loy_campaign_details_page_load (LoyCampaignDetailsPage *self,
                                LoyCampaign            *campaign)
{
  LoyCampaignFields fields;

  g_return_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  fields = loy_campaign_type_get_fields (loy_campaign_get_campaign_type (campaign));
  gtk_switch_set_active (self->active_switch, loy_campaign_get_is_active (campaign));
  gtk_editable_set_text (GTK_EDITABLE (self->link_row), loy_campaign_get_more_information_link (campaign) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->push_row), loy_campaign_get_push_text (campaign) ?: "");
  gtk_switch_set_active (self->featured_switch, loy_campaign_get_featured (campaign));
  gtk_switch_set_active (self->public_switch, loy_campaign_get_public (campaign));
  if (fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS)
    set_number (self->cost_entry, loy_campaign_get_cost_in_points (campaign));
  if (fields & LOY_CAMPAIGN_FIELD_POINT_VALUE)
    set_number (self->point_value_entry, loy_campaign_get_point_value_cents (campaign));
  if ((fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE) && loy_campaign_get_transaction_percentage (campaign) > 0)
    set_number (self->percentage_entry, loy_campaign_get_transaction_percentage (campaign));
  adw_combo_row_set_selected (self->connect_row, loy_campaign_get_connect_type (campaign));
  set_number (self->days_inactive_entry, loy_campaign_get_days_inactive (campaign));
  set_number (self->days_valid_entry, loy_campaign_get_days_valid (campaign));
}

void
loy_campaign_details_page_apply (LoyCampaignDetailsPage *self,
                                 LoyCampaign            *campaign)
{
  LoyCampaignFields fields;
  g_autofree char *link = NULL;
  g_autofree char *push_text = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  fields = loy_campaign_type_get_fields (self->campaign_type);
  link = dup_optional_text (self->link_row);
  push_text = dup_optional_text (self->push_row);
  loy_campaign_set_is_active (campaign, gtk_switch_get_active (self->active_switch));
  loy_campaign_set_more_information_link (campaign, link);
  loy_campaign_set_push_text (campaign, push_text);
  loy_campaign_set_featured (campaign, gtk_switch_get_active (self->featured_switch));
  loy_campaign_set_public (campaign, gtk_switch_get_active (self->public_switch));

  /* Only the chosen type's fields: the others' groups are hidden. */
  if (fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS)
    loy_campaign_set_cost_in_points (campaign, entry_value (self->cost_entry, 0));
  if (fields & LOY_CAMPAIGN_FIELD_POINT_VALUE)
    /* Unset, not 0, so that a change of type sees nothing to clear. */
    loy_campaign_set_point_value_cents (campaign, entry_value (self->point_value_entry, LOY_UNSET));
  if (fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE)
    loy_campaign_set_transaction_percentage (campaign, entry_value (self->percentage_entry, 0));
  if (fields & LOY_CAMPAIGN_FIELD_CONNECT_TYPE)
    loy_campaign_set_connect_type (campaign, adw_combo_row_get_selected (self->connect_row));
  if (fields & LOY_CAMPAIGN_FIELD_DAYS)
    {
      loy_campaign_set_days_inactive (campaign, entry_value (self->days_inactive_entry, 0));
      loy_campaign_set_days_valid (campaign, entry_value (self->days_valid_entry, 0));
    }
}

void
loy_campaign_details_page_clear_fields (LoyCampaignDetailsPage *self,
                                        LoyCampaignFields       fields)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self));

  if (fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS)
    gtk_editable_set_text (GTK_EDITABLE (self->cost_entry), "");
  if (fields & LOY_CAMPAIGN_FIELD_POINT_VALUE)
    gtk_editable_set_text (GTK_EDITABLE (self->point_value_entry), "");
  if (fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE)
    gtk_editable_set_text (GTK_EDITABLE (self->percentage_entry), "");
  if (fields & LOY_CAMPAIGN_FIELD_CONNECT_TYPE)
    adw_combo_row_set_selected (self->connect_row, LOY_CONNECT_TYPE_UNSET);
  if (fields & LOY_CAMPAIGN_FIELD_DAYS)
    {
      loy_number_entry_set_value (self->days_inactive_entry, 0);
      loy_number_entry_set_value (self->days_valid_entry, 0);
    }
}

void
loy_campaign_details_page_add_problem_labels (LoyCampaignDetailsPage *self,
                                              GHashTable             *labels)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self));

  /* The rules' field names ("--json" names). */
  g_hash_table_insert (labels, "more_information_link", self->link_problem);
  g_hash_table_insert (labels, "cost_in_points", self->cost_problem);
  g_hash_table_insert (labels, "point_value", self->point_value_problem);
  g_hash_table_insert (labels, "transaction_percentage", self->percentage_problem);
  g_hash_table_insert (labels, "connect_type", self->connect_problem);
  g_hash_table_insert (labels, "days_inactive", self->days_problem);
  g_hash_table_insert (labels, "days_valid", self->days_problem);
}

gboolean
loy_campaign_details_page_label_has_input (LoyCampaignDetailsPage *self,
                                           GtkLabel               *label)
{
  gpointer editable = NULL;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self), FALSE);

  if (label == self->link_problem)
    editable = self->link_row;
  else if (label == self->cost_problem)
    editable = self->cost_entry;
  else if (label == self->point_value_problem)
    editable = self->point_value_entry;
  else if (label == self->percentage_problem)
    editable = self->percentage_entry;
  else if (label == self->connect_problem)
    return adw_combo_row_get_selected (self->connect_row) != LOY_CONNECT_TYPE_UNSET;
  else if (label == self->days_problem)
    return gtk_editable_get_text (GTK_EDITABLE (self->days_inactive_entry))[0] != '\0' ||
           gtk_editable_get_text (GTK_EDITABLE (self->days_valid_entry))[0] != '\0';

  return editable != NULL && gtk_editable_get_text (GTK_EDITABLE (editable))[0] != '\0';
}

const char *
loy_campaign_details_page_get_entry_problem (LoyCampaignDetailsPage *self,
                                             GtkLabel               *label)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self), NULL);

  if (label == self->cost_problem)
    return loy_number_entry_get_problem (self->cost_entry);
  if (label == self->point_value_problem)
    return loy_number_entry_get_problem (self->point_value_entry);
  if (label == self->percentage_problem)
    return loy_number_entry_get_problem (self->percentage_entry);
  if (label == self->days_problem)
    return loy_number_entry_get_problem (self->days_inactive_entry) ?:
           loy_number_entry_get_problem (self->days_valid_entry);

  return NULL;
}

char *
loy_campaign_details_page_dup_entry_problem (LoyCampaignDetailsPage *self)
{
  LoyNumberEntry *entries[] = {
    self->cost_entry, self->point_value_entry, self->percentage_entry,
    self->days_inactive_entry, self->days_valid_entry,
  };

  g_return_val_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entries[i]), ADW_TYPE_PREFERENCES_ROW);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      const char *problem = loy_number_entry_get_problem (entries[i]);

      if (problem != NULL && gtk_widget_get_visible (group))
        /* Translators: a field's name, then why its text is refused */
        return g_strdup_printf (_("%s: %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), problem);
    }

  return NULL;
}

const char *
loy_campaign_details_page_get_connect_label (LoyCampaignDetailsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_DETAILS_PAGE (self), NULL);

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (self->connect_row));
}
