/* loy-toast-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-toast-target.h"

/* A section tells the user what happened without knowing the window it
 * sits in: it finds the toast target above it with
 * gtk_widget_get_ancestor(). */

struct _LoyToastTarget
{
  GtkWidget        parent_instance;

  AdwToastOverlay *overlay;
  /* The toasts on show or waiting their turn */
  GPtrArray       *toasts;
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyToastTarget, loy_toast_target, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
toast_dismissed_cb (LoyToastTarget *self,
                    AdwToast       *toast)
{
  g_ptr_array_remove (self->toasts, toast);
}

static void
loy_toast_target_dispose (GObject *object)
{
  LoyToastTarget *self = LOY_TOAST_TARGET (object);

  /* The overlay dismisses what it still holds only as it goes, after this. */
  for (guint i = 0; self->toasts != NULL && i < self->toasts->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->toasts, i),
                                          toast_dismissed_cb, self);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_pointer ((GtkWidget **) &self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (loy_toast_target_parent_class)->dispose (object);
}

static void
loy_toast_target_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoyToastTarget *self = LOY_TOAST_TARGET (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, loy_toast_target_get_child (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_toast_target_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LoyToastTarget *self = LOY_TOAST_TARGET (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      loy_toast_target_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A <child> in a .ui is the child, as for AdwToastOverlay. */
static void
loy_toast_target_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  if (GTK_IS_WIDGET (child))
    loy_toast_target_set_child (LOY_TOAST_TARGET (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = loy_toast_target_add_child;
}

static void
loy_toast_target_class_init (LoyToastTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_toast_target_dispose;
  object_class->get_property = loy_toast_target_get_property;
  object_class->set_property = loy_toast_target_set_property;

  properties [PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loy_toast_target_init (LoyToastTarget *self)
{
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->overlay), GTK_WIDGET (self));
}

GtkWidget *
loy_toast_target_get_child (LoyToastTarget *self)
{
  g_return_val_if_fail (LOY_IS_TOAST_TARGET (self), NULL);

  return adw_toast_overlay_get_child (self->overlay);
}

void
loy_toast_target_set_child (LoyToastTarget *self,
                            GtkWidget      *child)
{
  g_return_if_fail (LOY_IS_TOAST_TARGET (self));
  g_return_if_fail (!child || GTK_IS_WIDGET (child));

  if (adw_toast_overlay_get_child (self->overlay) == child)
    return;

  adw_toast_overlay_set_child (self->overlay, child);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHILD]);
}

void
loy_toast_target_add_toast (LoyToastTarget *self,
                            AdwToast       *toast)
{
  g_return_if_fail (LOY_IS_TOAST_TARGET (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->overlay, toast);
}

void
loy_toast_target_dismiss_all (LoyToastTarget *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_return_if_fail (LOY_IS_TOAST_TARGET (self));

  toasts = g_steal_pointer (&self->toasts);
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
}

gboolean
loy_toast_target_show_from (GtkWidget *widget,
                            AdwToast  *toast)
{
  GtkWidget *target;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  target = gtk_widget_get_ancestor (widget, LOY_TYPE_TOAST_TARGET);
  if (target == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  loy_toast_target_add_toast (LOY_TOAST_TARGET (target), toast);

  return TRUE;
}
