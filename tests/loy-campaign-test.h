/* loy-campaign-test.h — driving the campaign wizard in UI tests: its pages' fields, Next,
 * screenshots at full and phone width, the store's campaign by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "campaigns/loy-campaign-wizard.h"
#include "campaigns/loy-campaigns-section.h"
#include "loy-ui-test.h"

G_BEGIN_DECLS

/* The Campaigns section of @window, shown. */
LoyCampaignsSection *loy_campaign_test_show_section (LoyWindow *window);
/* The campaign called @name, as the store has it now (exactly one). */
LoyCampaign *loy_campaign_test_find         (const char        *name);
/* The template child @name of the wizard or of one of its own pages. */
gpointer     loy_campaign_test_child        (LoyCampaignWizard *wizard,
                                             const char        *name);
void         loy_campaign_test_set_text     (LoyCampaignWizard *wizard,
                                             const char        *name,
                                             const char        *text);
/* What @label shows, or NULL when hidden. */
const char  *loy_campaign_test_shown_label  (GtkLabel          *label);
/* The problem shown below the wizard's field @name, or NULL. */
const char  *loy_campaign_test_problem      (LoyCampaignWizard *wizard,
                                             const char        *name);
/* Presses Next: the wizard is on step @expected then. */
void         loy_campaign_test_next         (LoyCampaignWizard *wizard,
                                             const char        *expected);
/* The page as drawn at full width and at phone width. */
void         loy_campaign_test_screenshots  (LoyCampaignWizard *wizard,
                                             const char        *name);
/* Chooses a day and time on the wizard's date and time row @name as a
 * user does: the calendar's popover, a day, the hour and minute. */
void         loy_campaign_test_choose_time  (LoyCampaignWizard *wizard,
                                             const char        *name,
                                             int                year,
                                             int                month,
                                             int                day,
                                             int                hour,
                                             int                minute);
/* Create (or Save) and wait for the wizard to close. */
void         loy_campaign_test_finish       (LoyCampaignWizard *wizard);

G_END_DECLS
