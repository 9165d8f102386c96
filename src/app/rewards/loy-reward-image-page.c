/* loy-reward-image-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-reward-image-page.h"

/* The image contacts see in the app: a PNG, JPEG or WebP file (that this
 * system reads) of at most 5 MB, copied into the program (scaled down) as
 * soon as it is chosen and kept as media {"type": "image", "value":
 * "loy-image:UUID"}. A web address
 * that came from the server is shown as it is; a "file:" URI from before
 * images were kept in the program is read from its file. */

struct _LoyRewardImagePage
{
  AdwPreferencesPage    parent_instance;

  char                 *uri;
  char                 *name;
  LoyStore             *store;
  GFile                *chosen_file;  /* being copied into the program */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkStack             *preview_stack;
  GtkPicture           *picture;
  AdwPreferencesGroup *image_group;
  AdwActionRow         *file_row;
  GtkButton            *remove_button;
  GtkLabel             *message_label;
  GtkLabel             *remote_label;
};

static void reward_page_iface_init (LoyRewardPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyRewardImagePage, loy_reward_image_page,
                               ADW_TYPE_PREFERENCES_PAGE,
                               G_IMPLEMENT_INTERFACE (LOY_TYPE_REWARD_PAGE, reward_page_iface_init))

enum {
  PROP_0,
  PROP_PROBLEM,
  PROP_URI,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const image_types[] = { "image/png", "image/jpeg", "image/webp", NULL };

static void
show_message (LoyRewardImagePage *self,
              const char         *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_busy (LoyRewardImagePage *self,
          GCancellable       *cancellable)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (g_set_object (&self->cancellable, cancellable))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/* Shows @uri, named @name (NULL: named after @uri), with its @texture. */
static void
show_uri (LoyRewardImagePage *self,
          const char         *uri,
          const char         *name,
          GdkTexture         *texture)
{
  char *new_name;

  if (g_strcmp0 (self->uri, uri) != 0)
    {
      g_free (self->uri);
      self->uri = g_strdup (uri);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_URI]);
    }

  /* @name may be self->name itself. */
  if (name != NULL)
    new_name = g_strdup (name);
  else if (uri == NULL)
    new_name = NULL;
  else if (loy_image_uri_get_uuid (uri) != NULL)
    new_name = g_strdup (_("Kept in the program"));
  else if (g_str_has_prefix (uri, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      new_name = g_file_get_basename (file);
    }
  else
    new_name = g_strdup (uri);
  g_free (self->name);
  self->name = new_name;

  adw_action_row_set_subtitle (self->file_row, self->name != NULL ? self->name : _("No image"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), uri != NULL);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack,
                                    texture != NULL ? "picture" : uri != NULL ? "no-preview" : "empty");
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyRewardImagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *uri = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (bytes == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Shown without a preview when this system cannot decode it (WebP). */
  texture = gdk_texture_new_from_bytes (bytes, NULL);
  uri = g_file_get_uri (G_FILE (object));
  show_uri (self, uri, NULL, texture);
  show_message (self, NULL);
}

static void
stored_image_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(LoyRewardImagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = loy_store_load_image_finish (LOY_STORE (object), result, &error);
  g_autoptr(GdkTexture) texture = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (bytes == NULL || !(texture = gdk_texture_new_from_bytes (bytes, &error)))
    {
      show_message (self, error->message);
      return;
    }

  show_uri (self, self->uri, self->name, texture);
}

/* Shows the image @uri keeps in the program, named @name. */
static void
show_stored_image (LoyRewardImagePage *self,
                   const char         *uri,
                   const char         *name)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  show_uri (self, uri, name, NULL);
  set_busy (self, cancellable);
  loy_store_load_image_async (self->store, uri, cancellable, stored_image_loaded_cb,
                              g_object_ref (self));
}

static void
image_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyRewardImagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = loy_store_save_image_finish (LOY_STORE (object), result, &error);
  g_autofree char *name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (uri == NULL)
    {
      show_message (self, error->message);
      return;
    }

  name = g_file_get_basename (self->chosen_file);
  show_message (self, NULL);
  show_stored_image (self, uri, name);
}

static void
image_info_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LoyRewardImagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, &error);
  g_autofree char *mime_type = NULL;
  const char *content_type;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (info == NULL)
    {
      set_busy (self, NULL);
      show_message (self, error->message);
      return;
    }

  content_type = g_file_info_get_content_type (info);
  mime_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;

  if (mime_type == NULL || !g_strv_contains (image_types, mime_type))
    {
      set_busy (self, NULL);
      show_message (self, _("This file is not a PNG, JPEG or WebP image. Choose another file."));
      return;
    }

  if (g_file_info_get_size (info) > LOY_REWARD_IMAGE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *message = g_strdup_printf (_("This image is %s; an image can be at most 5 MB."),
                                                  size);

      set_busy (self, NULL);
      show_message (self, message);
      return;
    }

  g_set_object (&self->chosen_file, G_FILE (object));
  loy_store_save_image_async (self->store, G_FILE (object), self->cancellable, image_saved_cb,
                              g_object_ref (self));
}

static void
chooser_response_cb (LoyRewardImagePage   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      loy_reward_image_page_set_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
loy_reward_image_page_choose_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LoyRewardImagePage *self = LOY_REWARD_IMAGE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images (PNG, JPEG, WebP)"));
  for (guint i = 0; image_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, image_types[i]);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose an Image"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
loy_reward_image_page_remove_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LoyRewardImagePage *self = LOY_REWARD_IMAGE_PAGE (widget);

  set_busy (self, NULL);
  show_message (self, NULL);
  show_uri (self, NULL, NULL, NULL);
}

static void
loy_reward_image_page_load (LoyRewardPage *page,
                            LoyReward     *reward)
{
  loy_reward_image_page_show_uri (LOY_REWARD_IMAGE_PAGE (page), loy_reward_get_media_value (reward));
}

void
loy_reward_image_page_show_uri (LoyRewardImagePage *self,
                                const char         *value)
{
  g_return_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self));

  set_busy (self, NULL);
  show_message (self, NULL);

  if (loy_image_uri_get_uuid (value) != NULL && self->store != NULL)
    show_stored_image (self, value, NULL);
  else if (value != NULL && g_str_has_prefix (value, "file:"))
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GFile) file = g_file_new_for_uri (value);

      show_uri (self, value, NULL, NULL);
      set_busy (self, cancellable);
      g_file_load_bytes_async (file, cancellable, image_loaded_cb, g_object_ref (self));
    }
  else
    show_uri (self, value, NULL, NULL);
}

static void
loy_reward_image_page_apply (LoyRewardPage *page,
                             LoyReward     *reward)
{
  LoyRewardImagePage *self = LOY_REWARD_IMAGE_PAGE (page);

  if (self->uri != NULL)
    loy_reward_set_media (reward, "image", self->uri);
  else
    loy_reward_set_media (reward, NULL, NULL);
}

static void
reward_page_iface_init (LoyRewardPageInterface *iface)
{
  iface->load = loy_reward_image_page_load;
  iface->apply = loy_reward_image_page_apply;
}

static void
loy_reward_image_page_dispose (GObject *object)
{
  LoyRewardImagePage *self = LOY_REWARD_IMAGE_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->chosen_file);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARD_IMAGE_PAGE);

  G_OBJECT_CLASS (loy_reward_image_page_parent_class)->dispose (object);
}

static void
loy_reward_image_page_finalize (GObject *object)
{
  LoyRewardImagePage *self = LOY_REWARD_IMAGE_PAGE (object);

  g_free (self->uri);
  g_free (self->name);

  G_OBJECT_CLASS (loy_reward_image_page_parent_class)->finalize (object);
}

static void
loy_reward_image_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LoyRewardImagePage *self = LOY_REWARD_IMAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      /* An image is optional, and a refused file is never kept. */
      g_value_set_string (value, NULL);
      break;

    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, loy_reward_image_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_reward_image_page_class_init (LoyRewardImagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_reward_image_page_dispose;
  object_class->finalize = loy_reward_image_page_finalize;
  object_class->get_property = loy_reward_image_page_get_property;

  g_object_class_override_property (object_class, PROP_PROBLEM, "problem");

  properties [PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_property (object_class, PROP_URI, properties [PROP_URI]);
  g_object_class_install_property (object_class, PROP_BUSY, properties [PROP_BUSY]);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-reward-image-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, picture);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, file_row);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, image_group);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardImagePage, remote_label);

  gtk_widget_class_install_action (widget_class, "image.choose", NULL,
                                   loy_reward_image_page_choose_action);
  gtk_widget_class_install_action (widget_class, "image.remove", NULL,
                                   loy_reward_image_page_remove_action);
}

static void
loy_reward_image_page_init (LoyRewardImagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_uri (self, NULL, NULL, NULL);
}

void
loy_reward_image_page_set_store (LoyRewardImagePage *self,
                                 LoyStore           *store)
{
  gboolean can_save;

  g_return_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self));
  g_return_if_fail (LOY_IS_STORE (store));

  g_set_object (&self->store, store);
  can_save = loy_store_can (store, LOY_STORE_CAN_SAVE_IMAGES);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.choose", can_save);
  gtk_widget_set_visible (GTK_WIDGET (self->remote_label), !can_save);
}

void
loy_reward_image_page_set_file (LoyRewardImagePage *self,
                                GFile              *file)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_return_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  show_message (self, NULL);
  set_busy (self, cancellable);
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, cancellable,
                           image_info_cb, g_object_ref (self));
}

void
loy_reward_image_page_set_texts (LoyRewardImagePage *self,
                                 const char         *title,
                                 const char         *description)
{
  g_return_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self));

  adw_preferences_group_set_title (self->image_group, title);
  adw_preferences_group_set_description (self->image_group, description);
}

const char *
loy_reward_image_page_get_name (LoyRewardImagePage *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self), NULL);

  return self->name;
}

const char *
loy_reward_image_page_get_uri (LoyRewardImagePage *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self), NULL);

  return self->uri;
}

gboolean
loy_reward_image_page_get_busy (LoyRewardImagePage *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_IMAGE_PAGE (self), FALSE);

  return self->cancellable != NULL;
}
