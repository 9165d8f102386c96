/* loy-promotion-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-error-bar.h"
#include "loy-number-entry.h"
#include "loy-promotion-dialog.h"

#define MAX_COUNT 1000000000

struct _LoyPromotionDialog
{
  AdwWindow       parent_instance;

  LoyStore       *store;
  GCancellable   *cancellable;   /* the creation under way, or NULL */

  /* Template widgets */
  LoyErrorBar    *error_bar;
  GtkSpinner     *spinner;
  AdwEntryRow    *name_row;
  AdwEntryRow    *description_row;
  GtkLabel       *name_problem;
  LoyNumberEntry *limit_entry;
  LoyNumberEntry *per_contact_entry;
  LoyNumberEntry *days_entry;
};

G_DEFINE_FINAL_TYPE (LoyPromotionDialog, loy_promotion_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static char *
dup_stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
loy_promotion_dialog_is_valid (LoyPromotionDialog *self)
{
  g_autofree char *name = dup_stripped_text (self->name_row);
  LoyNumberEntry *entries[] = { self->limit_entry, self->per_contact_entry, self->days_entry };

  if (name[0] == '\0')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (loy_number_entry_get_problem (entries[i]) != NULL)
      return FALSE;

  return TRUE;
}

static void
loy_promotion_dialog_validate (LoyPromotionDialog *self)
{
  g_autofree char *name = dup_stripped_text (self->name_row);
  /* A name typed and taken away again is refused; one not typed yet is not. */
  gboolean name_refused = name[0] == '\0' && gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] != '\0';
  gint64 limit = LOY_UNSET;

  gtk_widget_set_visible (GTK_WIDGET (self->name_problem), name_refused);
  if (name_refused)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");

  /* No contact can have more vouchers than the promotion: the entry's
   * refusal then names the limit. */
  if (!loy_number_entry_get_value (self->limit_entry, &limit) || limit == LOY_UNSET)
    limit = MAX_COUNT;
  loy_number_entry_set_range (self->per_contact_entry, 1, limit);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "promotion.create",
                                 self->cancellable == NULL && loy_promotion_dialog_is_valid (self));
}

static void
set_busy (LoyPromotionDialog *self,
          GCancellable       *cancellable)
{
  g_set_object (&self->cancellable, cancellable);
  gtk_spinner_set_spinning (self->spinner, cancellable != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), cancellable != NULL);
  loy_promotion_dialog_validate (self);
}

static void
promotion_created_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LoyPromotionDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCampaign) promotion = loy_store_create_campaign_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  /* Refused, not made or not known to be made: said here, the fields kept. */
  if (promotion == NULL)
    {
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  g_signal_emit (self, signals [CREATED], 0, promotion);
  gtk_window_destroy (GTK_WINDOW (self));
}

static LoyCampaign *
dup_promotion (LoyPromotionDialog *self)
{
  LoyCampaign *promotion = loy_campaign_new ();
  g_autofree char *name = dup_stripped_text (self->name_row);
  g_autofree char *description = dup_stripped_text (self->description_row);
  gint64 value;

  loy_campaign_set_campaign_type (promotion, LOY_CAMPAIGN_TYPE_DISCOUNT_CODE);
  loy_campaign_set_name (promotion, name);
  if (description[0] != '\0')
    loy_campaign_set_text (promotion, loy_campaign_get_default_language (promotion),
                           LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION, description);
  if (loy_number_entry_get_value (self->limit_entry, &value))
    loy_campaign_set_limit (promotion, value);
  if (loy_number_entry_get_value (self->per_contact_entry, &value))
    loy_campaign_set_limit_per_contact (promotion, value);
  if (loy_number_entry_get_value (self->days_entry, &value))
    loy_campaign_set_days_valid (promotion, value == LOY_UNSET ? 0 : value);

  return promotion;
}

static void
loy_promotion_dialog_create_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LoyPromotionDialog *self = LOY_PROMOTION_DIALOG (widget);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LoyCampaign) promotion = NULL;

  if (self->cancellable != NULL || !loy_promotion_dialog_is_valid (self))
    return;

  promotion = dup_promotion (self);
  loy_error_bar_hide (self->error_bar);
  set_busy (self, cancellable);
  loy_store_create_campaign_async (self->store, promotion, NULL, cancellable,
                                   promotion_created_cb, g_object_ref (self));
}

/* Enter in a field creates, as the default button would. */
static void
loy_promotion_dialog_activate (LoyPromotionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "promotion.create", NULL);
}

static void
loy_promotion_dialog_dispose (GObject *object)
{
  LoyPromotionDialog *self = LOY_PROMOTION_DIALOG (object);

  /* Closing does not take back a promotion sent: the answer is not waited for. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_PROMOTION_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_promotion_dialog_parent_class)->dispose (object);
}

static void
loy_promotion_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LoyPromotionDialog *self = LOY_PROMOTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_promotion_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LoyPromotionDialog *self = LOY_PROMOTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_promotion_dialog_class_init (LoyPromotionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_promotion_dialog_dispose;
  object_class->get_property = loy_promotion_dialog_get_property;
  object_class->set_property = loy_promotion_dialog_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LoyPromotionDialog::created:
   * @promotion: the promotion as the store keeps it
   */
  signals [CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_CAMPAIGN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-promotion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, error_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, name_problem);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, limit_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, per_contact_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyPromotionDialog, days_entry);
  gtk_widget_class_bind_template_callback (widget_class, loy_promotion_dialog_validate);
  gtk_widget_class_bind_template_callback (widget_class, loy_promotion_dialog_activate);

  gtk_widget_class_install_action (widget_class, "promotion.create", NULL,
                                   loy_promotion_dialog_create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_promotion_dialog_init (LoyPromotionDialog *self)
{
  g_type_ensure (LOY_TYPE_ERROR_BAR);
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_label (self->name_problem, _("A promotion needs a name."));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  loy_promotion_dialog_validate (self);
}

LoyPromotionDialog *
loy_promotion_dialog_new (GtkWindow *parent,
                          LoyStore  *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);

  return g_object_new (LOY_TYPE_PROMOTION_DIALOG, "transient-for", parent, "store", store, NULL);
}
