/* loy-campaign-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "campaigns/loy-campaign-basic-page.h"
#include "campaigns/loy-campaign-details-page.h"
#include "campaigns/loy-campaign-limits-page.h"
#include "campaigns/loy-campaign-schedule-page.h"
#include "loy-date-time-row.h"
#include "loy-campaign-test.h"

LoyCampaignsSection *
loy_campaign_test_show_section (LoyWindow *window)
{
  LoySectionView *view = loy_ui_test_show_section (window, "campaigns");

  return LOY_CAMPAIGNS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CAMPAIGNS_SECTION));
}

LoyCampaign *
loy_campaign_test_find (const char *name)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CAMPAIGN);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->search = g_strdup (name);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

gpointer
loy_campaign_test_child (LoyCampaignWizard *wizard,
                         const char        *name)
{
  static const struct {
    const char *page;
    GType (*get_type) (void);
  } pages[] = {
    { "basic_page", loy_campaign_basic_page_get_type },
    { "details_page", loy_campaign_details_page_get_type },
    { "schedule_page", loy_campaign_schedule_page_get_type },
    { "limits_page", loy_campaign_limits_page_get_type },
  };
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (wizard), LOY_TYPE_CAMPAIGN_WIZARD, name);

  for (guint i = 0; child == NULL && i < G_N_ELEMENTS (pages); i++)
    {
      GObject *page = gtk_widget_get_template_child (GTK_WIDGET (wizard), LOY_TYPE_CAMPAIGN_WIZARD,
                                                     pages[i].page);

      child = gtk_widget_get_template_child (GTK_WIDGET (page), pages[i].get_type (), name);
    }
  g_assert_nonnull (child);

  return child;
}

void
loy_campaign_test_set_text (LoyCampaignWizard *wizard,
                            const char        *name,
                            const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (loy_campaign_test_child (wizard, name)), text);
}

const char *
loy_campaign_test_shown_label (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

const char *
loy_campaign_test_problem (LoyCampaignWizard *wizard,
                           const char        *name)
{
  return loy_campaign_test_shown_label (loy_campaign_test_child (wizard, name));
}

void
loy_campaign_test_next (LoyCampaignWizard *wizard,
                        const char        *expected)
{
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  g_assert_cmpstr (loy_campaign_wizard_get_step (wizard), ==, expected);
}

void
loy_campaign_test_screenshots (LoyCampaignWizard *wizard,
                               const char        *name)
{
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), name);
  gtk_window_set_default_size (GTK_WINDOW (wizard), 360, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (wizard));
  loy_ui_test_save_screenshot (GTK_WIDGET (wizard), narrow);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 360);
  gtk_window_set_default_size (GTK_WINDOW (wizard), 680, 760);
}

void
loy_campaign_test_choose_time (LoyCampaignWizard *wizard,
                               const char        *name,
                               int                year,
                               int                month,
                               int                day,
                               int                hour,
                               int                minute)
{
  GtkWidget *row = loy_campaign_test_child (wizard, name);
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (row, LOY_TYPE_DATE_TIME_ROW,
                                                                          "date_button"));
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

  gtk_menu_button_popup (button);
  gtk_calendar_select_day (GTK_CALENDAR (gtk_widget_get_template_child (row, LOY_TYPE_DATE_TIME_ROW, "calendar")),
                           date);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (row, LOY_TYPE_DATE_TIME_ROW,
                                                                             "hour_spin")), hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (row, LOY_TYPE_DATE_TIME_ROW,
                                                                             "minute_spin")), minute);
  gtk_menu_button_popdown (button);
}

void
loy_campaign_test_finish (LoyCampaignWizard *wizard)
{
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &wizard, "the wizard to close");
}
