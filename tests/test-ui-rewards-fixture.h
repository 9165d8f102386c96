/* test-ui-rewards-fixture.h — the window the rewards tests drive, and the
 * steps more than one of them takes in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "loy-ui-test.h"
#include "rewards/loy-reward-editor.h"
#include "rewards/loy-rewards-section.h"

G_BEGIN_DECLS

/* The application's window, as loy_ui_test_start_app() returned it. */
extern LoyWindow *window;

/* The object @name of @widget's template, which must have it. */
gpointer           template_child           (gpointer         widget,
                                             const char      *name);
/* Types @text into the editable @name of @widget's template. */
void               set_text                 (gpointer         widget,
                                             const char      *name,
                                             const char      *text);

/* The rewards section, shown. */
LoyRewardsSection *get_section              (void);
/* The rewards section, loaded; its number of rows in @n_rewards. */
LoySectionView    *show_rewards             (guint           *n_rewards);

/* Whether the reward image page @data is done checking its image. */
gboolean           image_checked            (gpointer         data);
/* Whether the store no longer has the reward whose uuid is @data. */
gboolean           reward_gone              (gpointer         data);

/* (transfer full): a physical reward, as stored */
LoyReward         *create_reward            (const char      *title);

/* The question before deleting the reward @editor shows, waited for: it
 * names the code group and the unused codes that go with the reward. */
GtkWindow         *wait_for_delete_question (LoyRewardEditor *editor,
                                             LoyReward       *reward);
/* Opens the stored reward @uuid in an editor and deletes it from there
 * (answering the question a digital reward asks): the editor closes and
 * the main window offers Undo. Returns the toast. */
AdwToast          *delete_from_editor       (const char      *uuid);

G_END_DECLS
