/* loy-award-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-award-dialog.h"
#include "loy-format.h"
#include "loy-number-entry.h"

/* A pause in typing this long before the server is asked for a preview. */
#define PREVIEW_DELAY_MS 300

/* The positions of the "For" choices. */
enum
{
  BASIS_PURCHASE,
  BASIS_POINTS,
  BASIS_ACTION,
};

struct _LoyAwardDialog
{
  AdwMessageDialog  parent_instance;

  LoyProgram       *program;
  GStrv             actions;
  char             *reason;

  /* Where the server calculates a purchase's points (a remote account): the
   * store, the contact, and the preview asked for the amount on show. */
  LoyStore         *store;
  char             *contact_uuid;
  GCancellable     *preview_cancellable;
  guint             preview_source;
  gint64            previewed_cents;
  gint64            previewed_points;

  /* Template widgets */
  AdwComboRow      *basis_row;
  GtkStringList    *basis_list;
  AdwActionRow     *amount_row;
  LoyNumberEntry   *amount_entry;
  AdwActionRow     *points_row;
  LoyNumberEntry   *points_entry;
  AdwComboRow      *action_row;
  GtkStringList    *action_list;
  AdwEntryRow      *reason_row;
  GtkLabel         *preview_label;
  GtkLabel         *preview_error_label;
};

G_DEFINE_FINAL_TYPE (LoyAwardDialog, loy_award_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The field of the chosen basis, if it has one. */
static LoyNumberEntry *
get_basis_entry (LoyAwardDialog *self)
{
  switch (adw_combo_row_get_selected (self->basis_row))
    {
    case BASIS_PURCHASE:
      return self->amount_entry;
    case BASIS_POINTS:
      return self->points_entry;
    default:
      return NULL;
    }
}

/* What the field holds, or 0 while it is refused. */
static gint64
get_entry_value (LoyNumberEntry *entry)
{
  gint64 value;

  return loy_number_entry_get_value (entry, &value) ? value : 0;
}

static const char *
loy_award_dialog_get_action (LoyAwardDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->action_row);

  if (self->actions == NULL || selected >= g_strv_length (self->actions))
    return NULL;

  return self->actions[selected];
}

/* Whether the server calculates what is on show: a purchase on a store
 * that previews awards. */
static gboolean
loy_award_dialog_asks_server (LoyAwardDialog *self)
{
  return self->store != NULL && adw_combo_row_get_selected (self->basis_row) == BASIS_PURCHASE;
}

static void
set_preview_points (LoyAwardDialog *self,
                    gint64          points)
{
  g_autofree char *formatted = loy_format_points (points);
  g_autofree char *preview = NULL;

  preview = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "= %s point", "= %s points", points),
                             formatted);
  gtk_label_set_text (self->preview_label, preview);
}

static void
loy_award_dialog_cancel_preview (LoyAwardDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
}

static void
preview_award_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyAwardDialog) self = user_data;
  g_autoptr(LoyLedgerEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  entry = loy_store_preview_award_finish (LOY_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->preview_cancellable);

  if (entry == NULL)
    {
      /* The award can still be made: the server decides its points then. */
      message = g_strdup_printf (_("Could not calculate the points: %s"), error->message);
      gtk_label_set_text (self->preview_label, "");
      gtk_label_set_text (self->preview_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_error_label), TRUE);
      return;
    }

  self->previewed_points = loy_ledger_entry_get_credits (entry);
  set_preview_points (self, self->previewed_points);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "award",
                                           self->previewed_points > 0);
}

static gboolean
preview_timeout_cb (gpointer data)
{
  LoyAwardDialog *self = data;
  LoyAward award = { .amount_cents = self->previewed_cents };

  self->preview_source = 0;
  self->preview_cancellable = g_cancellable_new ();
  loy_store_preview_award_async (self->store, self->contact_uuid, &award, self->preview_cancellable,
                                 preview_award_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* Asks the server what @amount_cents comes to, once typing pauses. */
static void
loy_award_dialog_preview (LoyAwardDialog *self,
                          gint64          amount_cents)
{
  gboolean same = amount_cents == self->previewed_cents;

  if (same && self->previewed_points >= 0)
    {
      set_preview_points (self, self->previewed_points);
      return;
    }

  /* Already on its way. */
  if (same && (self->preview_source != 0 || self->preview_cancellable != NULL))
    return;

  loy_award_dialog_cancel_preview (self);
  self->previewed_cents = amount_cents;
  self->previewed_points = -1;
  gtk_label_set_text (self->preview_label, _("Calculating…"));
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);
}

/* Shows the rows of the chosen basis and the points it comes to. */
static void
loy_award_dialog_update (LoyAwardDialog *self)
{
  guint basis = adw_combo_row_get_selected (self->basis_row);
  LoyNumberEntry *entry = get_basis_entry (self);
  gboolean refused = entry != NULL && loy_number_entry_get_problem (entry) != NULL;
  gint64 points;

  if (self->program == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), basis == BASIS_PURCHASE);
  gtk_widget_set_visible (GTK_WIDGET (self->points_row), basis == BASIS_POINTS);
  gtk_widget_set_visible (GTK_WIDGET (self->action_row), basis == BASIS_ACTION);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_error_label), FALSE);

  /* A refused field says why beside it; no total stands for it. */
  if (loy_award_dialog_asks_server (self))
    {
      gint64 amount = get_entry_value (self->amount_entry);

      if (refused || amount <= 0)
        {
          loy_award_dialog_cancel_preview (self);
          self->previewed_points = -1;
          gtk_label_set_text (self->preview_label, "");
        }
      else
        loy_award_dialog_preview (self, amount);

      /* The points are the server's to decide: an amount is enough to award. */
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "award",
                                               !refused && amount > 0 && self->previewed_points != 0);
      return;
    }

  loy_award_dialog_cancel_preview (self);
  self->previewed_points = -1;
  points = loy_award_dialog_get_points (self);
  if (refused)
    gtk_label_set_text (self->preview_label, "");
  else
    set_preview_points (self, points);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "award", !refused && points > 0);
}

static void
loy_award_dialog_dispose (GObject *object)
{
  LoyAwardDialog *self = LOY_AWARD_DIALOG (object);

  loy_award_dialog_cancel_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_AWARD_DIALOG);
  g_clear_object (&self->program);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_award_dialog_parent_class)->dispose (object);
}

static void
loy_award_dialog_finalize (GObject *object)
{
  LoyAwardDialog *self = LOY_AWARD_DIALOG (object);

  g_strfreev (self->actions);
  g_free (self->reason);
  g_free (self->contact_uuid);

  G_OBJECT_CLASS (loy_award_dialog_parent_class)->finalize (object);
}

static void
loy_award_dialog_class_init (LoyAwardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_award_dialog_dispose;
  object_class->finalize = loy_award_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "contacts/loy-award-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, basis_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, basis_list);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, points_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, points_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, action_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, action_list);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, LoyAwardDialog, preview_error_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_award_dialog_update);
}

static void
loy_award_dialog_init (LoyAwardDialog *self)
{
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->previewed_points = -1;
}

/* The program's actions are keys ("social_share"); people read names. */
static char *
dup_action_name (const char *action)
{
  static const struct {
    const char *action;
    const char *name;
  } known[] = {
    { "referral", N_("Referral") },
    { "review", N_("Review") },
    { "social_share", N_("Social share") },
  };
  char *name;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].action, action))
      return g_strdup (_(known[i].name));

  name = g_strdelimit (g_strdup (action), "_", ' ');
  name[0] = g_ascii_toupper (name[0]);

  return name;
}

LoyAwardDialog *
loy_award_dialog_new (GtkWindow  *parent,
                      LoyStore   *store,
                      const char *contact_uuid,
                      LoyProgram *program)
{
  LoyAwardDialog *self;
  g_autofree char *body = NULL;
  gboolean asks_server;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (contact_uuid != NULL, NULL);
  g_return_val_if_fail (LOY_IS_PROGRAM (program), NULL);

  asks_server = loy_store_can (store, LOY_STORE_CAN_PREVIEW_AWARDS);
  if (asks_server)
    body = g_strdup (_("The account calculates what a purchase earns by its own rules."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A purchase earns %" PRId64 " point per unit of currency.",
                                         "A purchase earns %" PRId64 " points per unit of currency.",
                                         loy_program_get_points_per_unit (program)),
                            loy_program_get_points_per_unit (program));
  self = g_object_new (LOY_TYPE_AWARD_DIALOG,
                       "transient-for", parent,
                       "body", body,
                       NULL);
  self->program = g_object_ref (program);
  self->actions = loy_program_dup_actions (program);
  if (asks_server)
    {
      self->store = g_object_ref (store);
      self->contact_uuid = g_strdup (contact_uuid);
    }

  for (guint i = 0; self->actions[i] != NULL; i++)
    {
      gint64 points = loy_program_get_action_points (program, self->actions[i]);
      g_autofree char *name = dup_action_name (self->actions[i]);
      g_autofree char *formatted = loy_format_points (points);
      g_autofree char *label = NULL;

      /* Translators: an action and what it earns, e.g. "Referral (1,000 points)" */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s point)", "%s (%s points)",
                                            (gulong) points),
                               name, formatted);
      gtk_string_list_append (self->action_list, label);
    }

  /* No actions in the program: no such choice. */
  if (self->actions[0] == NULL)
    gtk_string_list_remove (self->basis_list, BASIS_ACTION);

  loy_award_dialog_update (self);

  return self;
}

gint64
loy_award_dialog_get_points (LoyAwardDialog *self)
{
  const char *action;

  g_return_val_if_fail (LOY_IS_AWARD_DIALOG (self), 0);

  switch (adw_combo_row_get_selected (self->basis_row))
    {
    case BASIS_PURCHASE:
      if (loy_award_dialog_asks_server (self))
        return MAX (self->previewed_points, 0);
      return loy_program_points_for_amount (self->program, get_entry_value (self->amount_entry));
    case BASIS_POINTS:
      return get_entry_value (self->points_entry);
    case BASIS_ACTION:
      action = loy_award_dialog_get_action (self);
      return action != NULL ? loy_program_get_action_points (self->program, action) : 0;
    default:
      return 0;
    }
}

void
loy_award_dialog_get_award (LoyAwardDialog *self,
                            LoyAward       *award)
{
  guint basis;

  g_return_if_fail (LOY_IS_AWARD_DIALOG (self));
  g_return_if_fail (award != NULL);

  basis = adw_combo_row_get_selected (self->basis_row);
  g_free (self->reason);
  self->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  *award = (LoyAward) {
    .amount_cents = basis == BASIS_PURCHASE ? get_entry_value (self->amount_entry) : 0,
    .points = basis == BASIS_POINTS ? get_entry_value (self->points_entry) : 0,
    .action = basis == BASIS_ACTION ? loy_award_dialog_get_action (self) : NULL,
    .reason = self->reason[0] != '\0' ? self->reason : NULL,
  };
}

void
loy_award_dialog_set_award (LoyAwardDialog *self,
                            const LoyAward *award)
{
  g_return_if_fail (LOY_IS_AWARD_DIALOG (self));
  g_return_if_fail (award != NULL);

  if (award->action != NULL)
    {
      for (guint i = 0; self->actions[i] != NULL; i++)
        if (g_str_equal (self->actions[i], award->action))
          adw_combo_row_set_selected (self->action_row, i);
      adw_combo_row_set_selected (self->basis_row, BASIS_ACTION);
    }
  else if (award->points > 0)
    {
      loy_number_entry_set_value (self->points_entry, award->points);
      adw_combo_row_set_selected (self->basis_row, BASIS_POINTS);
    }
  else
    {
      loy_number_entry_set_value (self->amount_entry, award->amount_cents);
      adw_combo_row_set_selected (self->basis_row, BASIS_PURCHASE);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), award->reason != NULL ? award->reason : "");
  loy_award_dialog_update (self);
}
