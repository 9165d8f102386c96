/* loy-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "loy-section.h"
#include "loy-toast-target.h"

typedef struct
{
  LoySectionView *view;
} LoySectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LoySection, loy_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
view_store_changed_cb (LoySection *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
}

static void
loy_section_dispose (GObject *object)
{
  LoySectionPrivate *priv = loy_section_get_instance_private (LOY_SECTION (object));
  GtkWidget *child;

  priv->view = NULL;
  /* What the subclass's template did not bind, such as a bar above the list */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (loy_section_parent_class)->dispose (object);
}

static void
loy_section_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LoySection *self = LOY_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, loy_section_get_store (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, loy_section_get_compact (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_section_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LoySection *self = LOY_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      loy_section_set_store (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      loy_section_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_section_class_init (LoySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_section_dispose;
  object_class->get_property = loy_section_get_property;
  object_class->set_property = loy_section_set_property;

  /* The window's store, for the list */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Fewer columns, for phone widths. */
  properties [PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LOY_TYPE_SECTION_VIEW);
  g_type_ensure (LOY_TYPE_FILTER_BUTTON);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
loy_section_init (LoySection *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

LoySectionView *
loy_section_get_view (LoySection *self)
{
  LoySectionPrivate *priv = loy_section_get_instance_private (self);

  g_return_val_if_fail (LOY_IS_SECTION (self), NULL);

  return priv->view;
}

void
loy_section_set_view (LoySection     *self,
                      LoySectionView *view)
{
  LoySectionPrivate *priv = loy_section_get_instance_private (self);

  g_return_if_fail (LOY_IS_SECTION (self));
  g_return_if_fail (LOY_IS_SECTION_VIEW (view));
  g_return_if_fail (priv->view == NULL);

  /* The template holds it, and so does the widget tree. */
  priv->view = view;
  g_object_bind_property (view, "listable", self, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (view, "notify::store", G_CALLBACK (view_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

LoyStore *
loy_section_get_store (LoySection *self)
{
  g_return_val_if_fail (LOY_IS_SECTION (self), NULL);

  return loy_section_view_get_store (loy_section_get_view (self));
}

void
loy_section_set_store (LoySection *self,
                       LoyStore   *store)
{
  g_return_if_fail (LOY_IS_SECTION (self));

  loy_section_view_set_store (loy_section_get_view (self), store);
}

gboolean
loy_section_get_compact (LoySection *self)
{
  g_return_val_if_fail (LOY_IS_SECTION (self), FALSE);

  return loy_section_view_get_compact (loy_section_get_view (self));
}

void
loy_section_set_compact (LoySection *self,
                         gboolean    compact)
{
  g_return_if_fail (LOY_IS_SECTION (self));

  loy_section_view_set_compact (loy_section_get_view (self), compact);
}

/* Delete with Undo */

/* A deletion waiting for its toast to go: carried out only if Undo was not
 * clicked. The application is held until the store has answered, so closing
 * the last window does not cut it short. */
typedef struct
{
  LoySection   *section;
  GApplication *application;
  LoyStore     *store;
  LoyKind       kind;
  char         *uuid;
  gboolean      undone;
} PendingDeletion;

static void
pending_deletion_free (PendingDeletion *deletion)
{
  g_clear_weak_pointer (&deletion->section);
  g_application_release (deletion->application);
  g_object_unref (deletion->application);
  g_object_unref (deletion->store);
  g_free (deletion->uuid);
  g_free (deletion);
}

/* While its toast shows, the record is out of the list. */
static void
set_record_hidden (PendingDeletion *deletion,
                   gboolean         hidden)
{
  if (deletion->section != NULL)
    loy_section_view_set_record_hidden (loy_section_get_view (deletion->section), deletion->uuid,
                                        hidden);
}

static void
undo_delete_cb (AdwToast        *toast,
                PendingDeletion *deletion)
{
  deletion->undone = TRUE;
  set_record_hidden (deletion, FALSE);
}

static void
record_deleted_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PendingDeletion *deletion = user_data;
  g_autoptr(GError) error = NULL;

  /* Refused (a campaign once bought): it comes back, with the reason. */
  if (!loy_store_delete_finish (LOY_STORE (object), result, &error))
    {
      set_record_hidden (deletion, FALSE);
      /* It answers what was just asked, so it goes before older toasts;
       * with the window gone, there is no one left to tell but the log. */
      if (deletion->section != NULL)
        {
          g_autofree char *markup = g_markup_escape_text (error->message, -1);
          AdwToast *toast = adw_toast_new (markup);

          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          loy_toast_target_show_from (GTK_WIDGET (deletion->section), toast);
        }
      else
        g_warning ("%s was not deleted: %s", deletion->uuid, error->message);
    }

  pending_deletion_free (deletion);
}

static void
delete_toast_dismissed_cb (AdwToast        *toast,
                           PendingDeletion *deletion)
{
  g_signal_handlers_disconnect_by_data (toast, deletion);

  if (deletion->undone)
    {
      pending_deletion_free (deletion);
      return;
    }

  loy_store_delete_async (deletion->store, deletion->kind, deletion->uuid, NULL,
                          record_deleted_cb, deletion);
}

void
loy_section_delete_with_undo (LoySection *self,
                              const char *uuid,
                              const char *name)
{
  GtkWindow *window;
  g_autofree char *markup = NULL;
  PendingDeletion *deletion;
  AdwToast *toast;

  g_return_if_fail (LOY_IS_SECTION (self));
  g_return_if_fail (uuid != NULL && name != NULL);

  window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_return_if_fail (GTK_IS_WINDOW (window) && gtk_window_get_application (window) != NULL);

  deletion = g_new0 (PendingDeletion, 1);
  g_set_weak_pointer (&deletion->section, self);
  deletion->application = G_APPLICATION (g_object_ref (gtk_window_get_application (window)));
  g_application_hold (deletion->application);
  deletion->store = g_object_ref (loy_section_get_store (self));
  deletion->kind = loy_section_view_get_kind (loy_section_get_view (self));
  deletion->uuid = g_strdup (uuid);

  markup = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of what was deleted: a reward, a campaign */
  toast = adw_toast_new_format (_("“%s” deleted"), markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deletion);
  g_signal_connect (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), deletion);
  loy_toast_target_show_from (GTK_WIDGET (self), toast);
  set_record_hidden (deletion, TRUE);
}
