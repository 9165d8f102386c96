/* loy-level-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-confirm-dialog.h"
#include "loy-level-editor.h"
#include "loy-number-entry.h"

/* A dialog for one level: its name and threshold, how many contacts are at
 * it, and deleting it. Store errors (a name or threshold already taken)
 * stay in the dialog, next to the fields. */

struct _LoyLevelEditor
{
  AdwWindow      parent_instance;

  LoyStore      *store;
  LoyLevel      *level;
  GCancellable  *cancellable;
  gboolean       busy;

  /* Template widgets */
  GtkWidget     *save_button;
  GtkSpinner    *spinner;
  AdwEntryRow   *name_row;
  GtkWidget     *threshold_row;
  LoyNumberEntry *threshold_entry;
  GtkWidget     *members_row;
  GtkLabel      *members_label;
  GtkWidget     *error_group;
  GtkLabel      *error_label;
  GtkWidget     *delete_group;
};

G_DEFINE_FINAL_TYPE (LoyLevelEditor, loy_level_editor, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
loy_level_editor_can_edit (LoyLevelEditor *self)
{
  return loy_store_can (self->store, LOY_STORE_CAN_EDIT_PROGRAM);
}

static char *
loy_level_editor_dup_name (LoyLevelEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

/* Fields and actions follow the store's capabilities and any write under way. */
static void
loy_level_editor_update_actions (LoyLevelEditor *self)
{
  g_autofree char *name = loy_level_editor_dup_name (self);
  gboolean editable = loy_level_editor_can_edit (self) && !self->busy;

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_entry), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 editable && name[0] != '\0' &&
                                 loy_number_entry_get_problem (self->threshold_entry) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 editable && loy_level_get_uuid (self->level) != NULL);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
loy_level_editor_show_error (LoyLevelEditor *self,
                             const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_group, message != NULL);
}

static void
loy_level_editor_set_busy (LoyLevelEditor *self,
                           gboolean        busy)
{
  self->busy = busy;
  loy_level_editor_update_actions (self);
}

/* Ends a store write: closes the dialog, or shows why the write failed. */
static void
loy_level_editor_finish_write (LoyLevelEditor *self,
                               const GError   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  loy_level_editor_set_busy (self, FALSE);

  if (error != NULL)
    {
      loy_level_editor_show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals [CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Save stays off without a name; say so, where the store's errors go. */
static void
field_changed_cb (LoyLevelEditor *self)
{
  g_autofree char *name = loy_level_editor_dup_name (self);

  loy_level_editor_show_error (self, name[0] == '\0' ? _("Enter a name for the level") : NULL);
  loy_level_editor_update_actions (self);
}

static void
name_activated_cb (LoyLevelEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
level_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyLevelEditor) self = user_data;
  g_autoptr(LoyLevel) level = NULL;
  g_autoptr(GError) error = NULL;

  level = loy_store_save_level_finish (LOY_STORE (object), result, &error);
  if (level != NULL)
    g_set_object (&self->level, level);

  loy_level_editor_finish_write (self, error);
}

static void
loy_level_editor_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LoyLevelEditor *self = LOY_LEVEL_EDITOR (widget);
  g_autoptr(LoyLevel) level = loy_level_new ();
  g_autofree char *name = loy_level_editor_dup_name (self);
  gint64 threshold;

  if (!loy_number_entry_get_value (self->threshold_entry, &threshold))
    return;

  loy_level_set_uuid (level, loy_level_get_uuid (self->level));
  loy_level_set_name (level, name);
  loy_level_set_threshold (level, threshold);

  loy_level_editor_show_error (self, NULL);
  loy_level_editor_set_busy (self, TRUE);
  loy_store_save_level_async (self->store, level, self->cancellable,
                              level_saved_cb, g_object_ref (self));
}

static void
level_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyLevelEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  loy_store_delete_finish (LOY_STORE (object), result, &error);
  loy_level_editor_finish_write (self, error);
}

static void
delete_response_cb (LoyLevelEditor   *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "delete"))
    return;

  loy_level_editor_show_error (self, NULL);
  loy_level_editor_set_busy (self, TRUE);
  loy_store_delete_async (self->store, LOY_KIND_LEVEL, loy_level_get_uuid (self->level),
                          self->cancellable, level_deleted_cb, g_object_ref (self));
}

static void
loy_level_editor_delete_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LoyLevelEditor *self = LOY_LEVEL_EDITOR (widget);
  gint64 n_contacts = loy_level_get_n_contacts (self->level);
  g_autofree char *count = g_strdup_printf ("%'" PRId64, n_contacts);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  heading = g_strdup_printf (_("Delete “%s”?"), loy_level_get_name (self->level));
  if (n_contacts > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s contact will lose this level.",
                                         "%s contacts will lose this level.",
                                         (gulong) n_contacts),
                            count);
  else
    body = g_strdup (_("No contact is at this level."));

  dialog = loy_confirm_dialog_new (GTK_WINDOW (self), heading, body,
                                   "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loy_level_editor_dispose (GObject *object)
{
  LoyLevelEditor *self = LOY_LEVEL_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_LEVEL_EDITOR);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->level);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_level_editor_parent_class)->dispose (object);
}

static void
loy_level_editor_class_init (LoyLevelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_level_editor_dispose;

  /**
   * LoyLevelEditor::changed:
   *
   * The store saved or deleted the level.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "program/loy-level-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, threshold_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, members_row);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, members_label);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, error_group);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, LoyLevelEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   loy_level_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL,
                                   loy_level_editor_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
loy_level_editor_init (LoyLevelEditor *self)
{
  self->cancellable = g_cancellable_new ();

  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LoyLevelEditor *
loy_level_editor_new (LoyStore *store,
                      LoyLevel *level)
{
  LoyLevelEditor *self;
  gboolean exists;
  gboolean can_edit;

  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (!level || LOY_IS_LEVEL (level), NULL);

  self = g_object_new (LOY_TYPE_LEVEL_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->level = level != NULL ? g_object_ref (level) : loy_level_new ();
  exists = loy_level_get_uuid (self->level) != NULL;
  can_edit = loy_level_editor_can_edit (self);

  gtk_window_set_title (GTK_WINDOW (self),
                        !exists ? _("New Level") : can_edit ? _("Edit Level") : _("Level"));
  if (exists)
    {
      g_autofree char *members = g_strdup_printf ("%'" PRId64,
                                                  loy_level_get_n_contacts (self->level));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), loy_level_get_name (self->level));
      gtk_label_set_text (self->members_label, members);
    }

  loy_number_entry_set_value (self->threshold_entry, loy_level_get_threshold (self->level));
  /* What a tier does not say is not shown as a number. */
  gtk_widget_set_visible (self->threshold_row,
                          can_edit || loy_level_get_threshold (self->level) != LOY_UNSET);
  gtk_widget_set_visible (self->members_row, exists && loy_level_get_n_contacts (self->level) != LOY_UNSET);
  gtk_widget_set_visible (self->delete_group, exists && can_edit);
  gtk_widget_set_visible (self->save_button, can_edit);
  field_changed_cb (self);

  return self;
}

LoyLevel *
loy_level_editor_get_level (LoyLevelEditor *self)
{
  g_return_val_if_fail (LOY_IS_LEVEL_EDITOR (self), NULL);

  return self->level;
}
