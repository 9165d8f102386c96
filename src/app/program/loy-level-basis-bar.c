/* loy-level-basis-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-level-basis-bar.h"

/* A line above the levels saying how contacts reach them (by their balance,
 * or by the points earned in a period), with a way to the program's
 * preferences; on a store whose levels are managed elsewhere (a Piggy
 * account's tiers), why they cannot be edited here. The rules can change there, so the line reads them again
 * whenever its window becomes active. */

struct _LoyLevelBasisBar
{
  GtkWidget     parent_instance;

  LoyStore     *store;
  GCancellable *cancellable;
  GtkRoot      *root;

  /* Template widgets */
  GtkWidget    *clamp;
  GtkLabel     *label;
  GtkWidget    *change_button;
};

G_DEFINE_FINAL_TYPE (LoyLevelBasisBar, loy_level_basis_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
program_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyLevelBasisBar) self = user_data;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint months;

  program = loy_store_get_program_finish (LOY_STORE (object), result, &error);
  if (program == NULL)
    {
      /* A store without program rules has nothing to say here. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  months = loy_program_get_level_period_months (program);
  if (loy_program_get_level_basis (program) == LOY_LEVEL_BASIS_BALANCE)
    text = g_strdup (_("Levels are reached by the current balance."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Levels are reached by the points earned in the last month.",
                                         "Levels are reached by the points earned in the last %u months.",
                                         months),
                            months);

  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (self->change_button,
                          loy_store_can (self->store, LOY_STORE_CAN_EDIT_PROGRAM));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
loy_level_basis_bar_load (LoyLevelBasisBar *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  /* Rules kept elsewhere are not ours to describe: the line says where they are. */
  if (!loy_store_can (self->store, LOY_STORE_CAN_EDIT_PROGRAM))
    {
      gtk_label_set_text (self->label,
                          _("These are the account’s tiers. Piggy’s tiers are managed in the "
                            "Piggy dashboard, so they cannot be created or edited here."));
      gtk_widget_set_visible (self->change_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  loy_store_get_program_async (self->store, self->cancellable,
                               program_loaded_cb, g_object_ref (self));
}

static void
root_active_changed_cb (LoyLevelBasisBar *self,
                        GParamSpec       *pspec,
                        GtkWindow        *window)
{
  if (gtk_window_is_active (window))
    loy_level_basis_bar_load (self);
}

static void
loy_level_basis_bar_root (GtkWidget *widget)
{
  LoyLevelBasisBar *self = LOY_LEVEL_BASIS_BAR (widget);

  GTK_WIDGET_CLASS (loy_level_basis_bar_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (self->root))
    g_signal_connect_object (self->root, "notify::is-active",
                             G_CALLBACK (root_active_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
loy_level_basis_bar_unroot (GtkWidget *widget)
{
  LoyLevelBasisBar *self = LOY_LEVEL_BASIS_BAR (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_func (self->root, root_active_changed_cb, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (loy_level_basis_bar_parent_class)->unroot (widget);
}

static void
loy_level_basis_bar_dispose (GObject *object)
{
  LoyLevelBasisBar *self = LOY_LEVEL_BASIS_BAR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_LEVEL_BASIS_BAR);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_level_basis_bar_parent_class)->dispose (object);
}

static void
loy_level_basis_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoyLevelBasisBar *self = LOY_LEVEL_BASIS_BAR (object);

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
loy_level_basis_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoyLevelBasisBar *self = LOY_LEVEL_BASIS_BAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      loy_level_basis_bar_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_level_basis_bar_class_init (LoyLevelBasisBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_level_basis_bar_dispose;
  object_class->get_property = loy_level_basis_bar_get_property;
  object_class->set_property = loy_level_basis_bar_set_property;
  widget_class->root = loy_level_basis_bar_root;
  widget_class->unroot = loy_level_basis_bar_unroot;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-level-basis-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyLevelBasisBar, clamp);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelBasisBar, label);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelBasisBar, change_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

}

static void
loy_level_basis_bar_init (LoyLevelBasisBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
loy_level_basis_bar_set_store (LoyLevelBasisBar *self,
                               LoyStore         *store)
{
  g_return_if_fail (LOY_IS_LEVEL_BASIS_BAR (self));
  g_return_if_fail (!store || LOY_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  loy_level_basis_bar_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

const char *
loy_level_basis_bar_get_text (LoyLevelBasisBar *self)
{
  g_return_val_if_fail (LOY_IS_LEVEL_BASIS_BAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;

  return gtk_label_get_text (self->label);
}
