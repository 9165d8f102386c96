/* loy-contact-window-private.h — what the contact window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "campaigns/loy-contact-campaigns-page.h"
#include "loy-contact-history-page.h"
#include "loy-contact-rewards-page.h"
#include "loy-contact-window.h"
#include "loy-toast-target.h"

G_BEGIN_DECLS

struct _LoyContactWindow
{
  AdwWindow              parent_instance;

  LoyStore              *store;
  LoyContact            *contact;
  LoyProgram            *program;
  /* The window's reads; a write is never cancelled (see loy-contact-window-writes.c). */
  GCancellable          *cancellable;
  guint                  n_pending;
  gboolean               writing;

  /* Template widgets */
  AdwWindowTitle        *window_title;
  LoyToastTarget        *toast_target;
  AdwAvatar             *avatar;
  GtkLabel              *name_label;
  GtkLabel              *email_label;
  GtkLabel              *level_label;
  GtkLabel              *balance_label;
  GtkLabel              *expiry_label;
  /* A remote account's prepaid balance, when the contact has one. */
  GtkLabel              *prepaid_label;
  GtkWidget             *actions_box;
  AdwViewStack          *view_stack;
  LoyContactHistoryPage *history_page;
  LoyContactRewardsPage *rewards_page;
  LoyContactCampaignsPage *campaigns_page;
  GtkWidget             *pay_button;
};

/* Something is under way: the actions wait, the window is busy. */
void loy_contact_window_begin          (LoyContactWindow *self);
void loy_contact_window_end            (LoyContactWindow *self);
void loy_contact_window_toast          (LoyContactWindow *self,
                                        const char       *title);
/* After a write: reads the contact again, and the pages what it changed. */
void loy_contact_window_reload         (LoyContactWindow *self);

/* The writes (loy-contact-window-writes.c), as the window's actions. */
void loy_contact_window_award_action   (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);
void loy_contact_window_adjust_action  (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);
void loy_contact_window_redeem_action  (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);
void loy_contact_window_reverse_action (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);
void loy_contact_window_undo_action    (GtkWidget        *widget,
                                        const char       *action_name,
                                        GVariant         *parameter);

G_END_DECLS
