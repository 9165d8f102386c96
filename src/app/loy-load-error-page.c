/* loy-load-error-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "loy-load-error-page.h"

struct _LoyLoadErrorPage
{
  GtkWidget      parent_instance;

  LoyPagedModel *model;
  char          *title;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkWidget     *preferences_button;
};

G_DEFINE_FINAL_TYPE (LoyLoadErrorPage, loy_load_error_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
model_error_changed_cb (LoyLoadErrorPage *self)
{
  const GError *error = self->model != NULL ? loy_paged_model_get_error (self->model) : NULL;

  adw_status_page_set_description (self->status_page, error != NULL ? error->message : NULL);
  gtk_widget_set_visible (self->preferences_button,
                          g_error_matches (error, LOY_ERROR, LOY_ERROR_UNAUTHORIZED));
}

static void
retry_clicked_cb (LoyLoadErrorPage *self)
{
  if (self->model != NULL)
    loy_paged_model_retry (self->model);
}

static void
loy_load_error_page_dispose (GObject *object)
{
  LoyLoadErrorPage *self = LOY_LOAD_ERROR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_LOAD_ERROR_PAGE);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (loy_load_error_page_parent_class)->dispose (object);
}

static void
loy_load_error_page_finalize (GObject *object)
{
  LoyLoadErrorPage *self = LOY_LOAD_ERROR_PAGE (object);

  g_free (self->title);

  G_OBJECT_CLASS (loy_load_error_page_parent_class)->finalize (object);
}

static void
loy_load_error_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LoyLoadErrorPage *self = LOY_LOAD_ERROR_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_load_error_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LoyLoadErrorPage *self = LOY_LOAD_ERROR_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      loy_load_error_page_set_model (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      if (g_strcmp0 (self->title, g_value_get_string (value)) != 0)
        {
          g_free (self->title);
          self->title = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_load_error_page_class_init (LoyLoadErrorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_load_error_page_dispose;
  object_class->finalize = loy_load_error_page_finalize;
  object_class->get_property = loy_load_error_page_get_property;
  object_class->set_property = loy_load_error_page_set_property;

  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         LOY_TYPE_PAGED_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "loy-load-error-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyLoadErrorPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, LoyLoadErrorPage, preferences_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
loy_load_error_page_init (LoyLoadErrorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyPagedModel *
loy_load_error_page_get_model (LoyLoadErrorPage *self)
{
  g_return_val_if_fail (LOY_IS_LOAD_ERROR_PAGE (self), NULL);

  return self->model;
}

void
loy_load_error_page_set_model (LoyLoadErrorPage *self,
                               LoyPagedModel    *model)
{
  g_return_if_fail (LOY_IS_LOAD_ERROR_PAGE (self));
  g_return_if_fail (!model || LOY_IS_PAGED_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_error_changed_cb, self);
  g_set_object (&self->model, model);

  if (model != NULL)
    g_signal_connect_object (model, "notify::error", G_CALLBACK (model_error_changed_cb), self,
                             G_CONNECT_SWAPPED);
  model_error_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}
