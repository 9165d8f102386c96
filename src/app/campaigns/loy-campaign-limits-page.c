/* loy-campaign-limits-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "codes/loy-code-group-window.h"
#include "codes/loy-code-step.h"
#include "loy-campaign-limits-page.h"
#include "loy-number-entry.h"

/* The codes of the campaign's own come from the code step: a new campaign
 * takes them all when it is created (the store then makes its code group
 * holding them); an edited campaign's step says how many codes are left,
 * and Add Codes… opens the group's window, which writes to the store at once. */

/* The most codes a new campaign is given in its one transaction. */
#define MAX_NEW_CODES 10000

struct _LoyCampaignLimitsPage
{
  AdwPreferencesPage   parent_instance;

  LoyStore            *store;
  LoyCampaignType      campaign_type;
  /* The campaign being edited has a code group already. */
  gboolean             has_code_group;

  /* Template widgets */
  GtkWidget           *no_limits_group;
  GtkWidget           *limit_group;
  GtkWidget           *per_contact_group;
  GtkWidget           *coupons_group;
  GtkSwitch           *limit_unlimited_switch;
  GtkWidget           *limit_row;
  LoyNumberEntry      *limit_entry;
  GtkLabel            *limit_problem;
  GtkSwitch           *per_contact_unlimited_switch;
  GtkWidget           *per_contact_row;
  LoyNumberEntry      *per_contact_entry;
  GtkLabel            *per_contact_problem;
  GtkSwitch           *own_codes_switch;
  AdwEntryRow         *shared_code_row;
  GtkLabel            *codes_problem;
  LoyCodeStep         *code_step;
};

G_DEFINE_FINAL_TYPE (LoyCampaignLimitsPage, loy_campaign_limits_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void loy_campaign_limits_page_changed (LoyCampaignLimitsPage *self);

static gboolean
is_coupon (LoyCampaignLimitsPage *self)
{
  return loy_campaign_type_get_fields (self->campaign_type) & LOY_CAMPAIGN_FIELD_COUPONS;
}

static gboolean
generates_codes (LoyCampaignLimitsPage *self)
{
  return is_coupon (self) && gtk_switch_get_active (self->own_codes_switch) && !self->has_code_group;
}

void
loy_campaign_limits_page_changed (LoyCampaignLimitsPage *self)
{
  gboolean own = gtk_switch_get_active (self->own_codes_switch);

  gtk_widget_set_visible (self->limit_row, !gtk_switch_get_active (self->limit_unlimited_switch));
  gtk_widget_set_visible (self->per_contact_row,
                          !gtk_switch_get_active (self->per_contact_unlimited_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->shared_code_row), !own);
  gtk_widget_set_visible (GTK_WIDGET (self->code_step), is_coupon (self) && own);
  g_signal_emit (self, signals [CHANGED], 0);
}

/* The step's Add Codes… on an edited campaign's group. */
static void
add_codes_cb (LoyCampaignLimitsPage *self,
              LoyCodeGroup          *group)
{
  loy_code_group_window_open_for_step (self->code_step, self->store, group);
}

static void
loy_campaign_limits_page_dispose (GObject *object)
{
  LoyCampaignLimitsPage *self = LOY_CAMPAIGN_LIMITS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_LIMITS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_campaign_limits_page_parent_class)->dispose (object);
}

static void
loy_campaign_limits_page_class_init (LoyCampaignLimitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_limits_page_dispose;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  g_type_ensure (LOY_TYPE_CODE_STEP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-limits-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCampaignLimitsPage, name)
  BIND (no_limits_group);
  BIND (limit_group);
  BIND (per_contact_group);
  BIND (coupons_group);
  BIND (limit_unlimited_switch);
  BIND (limit_row);
  BIND (limit_entry);
  BIND (limit_problem);
  BIND (per_contact_unlimited_switch);
  BIND (per_contact_row);
  BIND (per_contact_entry);
  BIND (per_contact_problem);
  BIND (own_codes_switch);
  BIND (shared_code_row);
  BIND (codes_problem);
  BIND (code_step);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, loy_campaign_limits_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_codes_cb);
}

static void
loy_campaign_limits_page_init (LoyCampaignLimitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_code_step_set_keeps_codes (self->code_step, TRUE);
  loy_code_step_set_max_generate (self->code_step, MAX_NEW_CODES);
  loy_code_step_set_pattern (self->code_step, "CODE-####");
  loy_campaign_limits_page_changed (self);
}

void
loy_campaign_limits_page_set_store (LoyCampaignLimitsPage *self,
                                    LoyStore              *store)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (LOY_IS_STORE (store));

  g_set_object (&self->store, store);
  loy_code_step_set_store (self->code_step, store);
}

void
loy_campaign_limits_page_set_campaign_type (LoyCampaignLimitsPage *self,
                                            LoyCampaignType        type)
{
  LoyCampaignFields fields = loy_campaign_type_get_fields (type);

  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));

  self->campaign_type = type;
  gtk_widget_set_visible (self->limit_group, fields & LOY_CAMPAIGN_FIELD_LIMITS);
  gtk_widget_set_visible (self->per_contact_group, fields & LOY_CAMPAIGN_FIELD_LIMITS);
  gtk_widget_set_visible (self->coupons_group, fields & LOY_CAMPAIGN_FIELD_COUPONS);
  gtk_widget_set_visible (self->no_limits_group,
                          !(fields & (LOY_CAMPAIGN_FIELD_LIMITS | LOY_CAMPAIGN_FIELD_COUPONS)));
  loy_campaign_limits_page_changed (self);
}

static void
load_limit (GtkSwitch      *unlimited_switch,
            LoyNumberEntry *entry,
            gint64          limit)
{
  gtk_switch_set_active (unlimited_switch, limit == LOY_UNSET);
  if (limit != LOY_UNSET)
    loy_number_entry_set_value (entry, limit);
}

void
loy_campaign_limits_page_load (LoyCampaignLimitsPage *self,
                               LoyCampaign           *campaign)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  self->has_code_group = loy_campaign_get_code_group_uuid (campaign) != NULL;
  loy_code_step_set_code_group (self->code_step, loy_campaign_get_code_group_uuid (campaign));
  load_limit (self->limit_unlimited_switch, self->limit_entry, loy_campaign_get_limit (campaign));
  load_limit (self->per_contact_unlimited_switch, self->per_contact_entry,
              loy_campaign_get_limit_per_contact (campaign));
  gtk_switch_set_active (self->own_codes_switch, self->has_code_group);
  gtk_editable_set_text (GTK_EDITABLE (self->shared_code_row), loy_campaign_get_shared_code (campaign) ?: "");
  loy_campaign_limits_page_changed (self);
}

static gint64
limit_value (GtkSwitch      *unlimited_switch,
             LoyNumberEntry *entry)
{
  gint64 value;

  if (gtk_switch_get_active (unlimited_switch))
    return LOY_UNSET;

  /* A refused text keeps Next from going on; 0 lets the rules say so too. */
  return loy_number_entry_get_value (entry, &value) ? value : 0;
}

void
loy_campaign_limits_page_apply (LoyCampaignLimitsPage *self,
                                LoyCampaign           *campaign)
{
  LoyCampaignFields fields;

  g_return_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  fields = loy_campaign_type_get_fields (self->campaign_type);
  if (fields & LOY_CAMPAIGN_FIELD_LIMITS)
    {
      loy_campaign_set_limit (campaign, limit_value (self->limit_unlimited_switch, self->limit_entry));
      loy_campaign_set_limit_per_contact (campaign, limit_value (self->per_contact_unlimited_switch,
                                                                 self->per_contact_entry));
    }
  if (fields & LOY_CAMPAIGN_FIELD_COUPONS)
    {
      g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->shared_code_row))));

      /* Blank is "no code yet": the rules then ask for one. */
      if (gtk_switch_get_active (self->own_codes_switch) || code[0] == '\0')
        loy_campaign_set_shared_code (campaign, NULL);
      else
        loy_campaign_set_shared_code (campaign, code);
    }
}

GStrv
loy_campaign_limits_page_dup_new_codes (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return generates_codes (self) ? loy_code_step_dup_codes (self->code_step) : NULL;
}

char *
loy_campaign_limits_page_dup_coupons_summary (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  if (!gtk_switch_get_active (self->own_codes_switch))
    /* Translators: the campaign's one code for every buyer */
    return g_strdup_printf (_("Shared code %s"), gtk_editable_get_text (GTK_EDITABLE (self->shared_code_row)));
  if (self->has_code_group)
    return g_strdup (_("Codes of its own"));

  return loy_code_step_describe (self->code_step);
}

char *
loy_campaign_limits_page_dup_problem (LoyCampaignLimitsPage *self)
{
  LoyNumberEntry *entries[] = { self->limit_entry, self->per_contact_entry };
  GtkSwitch *switches[] = { self->limit_unlimited_switch, self->per_contact_unlimited_switch };

  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const char *problem = loy_number_entry_get_problem (entries[i]);
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (entries[i]), ADW_TYPE_PREFERENCES_ROW);

      if (problem != NULL && !gtk_switch_get_active (switches[i]) &&
          (loy_campaign_type_get_fields (self->campaign_type) & LOY_CAMPAIGN_FIELD_LIMITS))
        /* Translators: a field's name, then why its text is refused */
        return g_strdup_printf (_("%s: %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), problem);
    }

  if (generates_codes (self) && loy_code_step_get_problem (self->code_step) != NULL)
    return g_strdup (loy_code_step_get_problem (self->code_step));
  if (generates_codes (self) && loy_code_step_get_busy (self->code_step))
    return g_strdup (_("The codes are still being counted"));

  return NULL;
}

GtkLabel *
loy_campaign_limits_page_get_limit_label (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return self->limit_problem;
}

GtkLabel *
loy_campaign_limits_page_get_per_contact_label (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return self->per_contact_problem;
}

GtkLabel *
loy_campaign_limits_page_get_codes_label (LoyCampaignLimitsPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_LIMITS_PAGE (self), NULL);

  return self->codes_problem;
}
