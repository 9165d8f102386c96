/* loy-reward-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "codes/loy-code-group-window.h"
#include "codes/loy-code-step.h"
#include "loy-confirm-dialog.h"
#include "loy-discard-dialog.h"
#include "loy-error-bar.h"
#include "loy-reward-advanced-page.h"
#include "loy-reward-details-page.h"
#include "loy-reward-editor.h"
#include "loy-reward-image-page.h"
#include "loy-view-filter-editor.h"

/* Editing a stored reward with the wizard's pages, as tabs. Save sends only
 * the fields that changed; a refusal keeps the edits on screen. Deleting is
 * left to whoever offers its Undo, after a question when codes go with it. */

/* Below this width the five tabs do not fit beside Cancel, the menu and
 * Save: the header shows the title and the switcher moves to the bottom. */
#define NARROW_WIDTH 800

struct _LoyRewardEditor
{
  AdwWindow              parent_instance;

  LoyStore              *store;
  LoyReward             *reward;
  GCancellable          *cancellable;
  gboolean               busy;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwViewSwitcherTitle  *switcher_title;
  AdwViewSwitcherBar    *switcher_bar;
  LoyErrorBar           *error_bar;
  AdwViewStack          *view_stack;
  LoyRewardDetailsPage  *details_page;
  LoyRewardImagePage    *image_page;
  LoyViewFilterEditor   *filter_page;
  LoyRewardAdvancedPage *advanced_page;
  GtkWidget             *codes_page;
  LoyCodeStep           *code_step;
};

G_DEFINE_FINAL_TYPE (LoyRewardEditor, loy_reward_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static LoyRewardPage *
get_page (LoyRewardEditor *self,
          guint            i)
{
  LoyRewardPage *pages[] = {
    LOY_REWARD_PAGE (self->details_page), LOY_REWARD_PAGE (self->image_page),
    LOY_REWARD_PAGE (self->filter_page), LOY_REWARD_PAGE (self->advanced_page),
  };

  return i < G_N_ELEMENTS (pages) ? pages[i] : NULL;
}

static void
loy_reward_editor_update (LoyRewardEditor *self)
{
  const char *problem = NULL;

  for (guint i = 0; get_page (self, i) != NULL && problem == NULL; i++)
    problem = loy_reward_page_get_problem (get_page (self, i));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !self->busy && problem == NULL &&
                                 !loy_reward_image_page_get_busy (self->image_page) &&
                                 loy_store_can (self->store, LOY_STORE_CAN_UPDATE_REWARDS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.deactivate",
                                 !self->busy && loy_reward_get_is_active (self->reward) &&
                                 loy_store_can (self->store, LOY_STORE_CAN_UPDATE_REWARDS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.activate",
                                 !self->busy && !loy_reward_get_is_active (self->reward) &&
                                 loy_store_can (self->store, LOY_STORE_CAN_UPDATE_REWARDS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 !self->busy && loy_store_can (self->store, LOY_STORE_CAN_DELETE_REWARDS));
}

static void
set_busy (LoyRewardEditor *self,
          gboolean         busy)
{
  self->busy = busy;
  loy_reward_editor_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
show_reward (LoyRewardEditor *self)
{
  gboolean digital = loy_reward_get_reward_type (self->reward) == LOY_REWARD_TYPE_DIGITAL &&
                     loy_reward_get_code_group_uuid (self->reward) != NULL;
  AdwViewStackPage *codes = adw_view_stack_get_page (self->view_stack, self->codes_page);

  adw_view_switcher_title_set_title (self->switcher_title, loy_reward_get_title (self->reward));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        loy_reward_get_is_active (self->reward) ? NULL : _("Inactive"));
  adw_view_stack_page_set_visible (codes, digital);
  if (digital)
    loy_code_step_set_code_group (self->code_step, loy_reward_get_code_group_uuid (self->reward));
  loy_reward_editor_update (self);
}

/* The code step's Add Codes… on the reward's group. */
static void
add_codes_cb (LoyRewardEditor *self,
              LoyCodeGroup    *group)
{
  loy_code_group_window_open_for_step (self->code_step, self->store, group);
}

static void
load_reward (LoyRewardEditor *self)
{
  for (guint i = 0; get_page (self, i) != NULL; i++)
    loy_reward_page_load (get_page (self, i), self->reward);
  show_reward (self);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  text_a = json_to_string (a, FALSE);
  text_b = json_to_string (b, FALSE);

  return g_str_equal (text_a, text_b);
}

static void
set_nullable_int (JsonObject *changes,
                  const char *key,
                  gint64      value)
{
  if (value == LOY_UNSET)
    json_object_set_null_member (changes, key);
  else
    json_object_set_int_member (changes, key, value);
}

JsonObject *
loy_reward_editor_get_changes (LoyRewardEditor *self)
{
  g_autoptr(LoyReward) edited = loy_reward_new ();
  LoyReward *stored;
  JsonObject *changes = json_object_new ();
  g_autoptr(JsonNode) stored_filter = NULL;
  g_autoptr(JsonNode) edited_filter = NULL;
  JsonObject *stored_attributes;
  JsonObject *edited_attributes;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_return_val_if_fail (LOY_IS_REWARD_EDITOR (self), NULL);

  stored = self->reward;
  for (guint i = 0; get_page (self, i) != NULL; i++)
    loy_reward_page_apply (get_page (self, i), edited);

  if (g_strcmp0 (loy_reward_get_title (stored), loy_reward_get_title (edited)) != 0)
    json_object_set_string_member (changes, "title", loy_reward_get_title (edited));
  if (g_strcmp0 (loy_reward_get_description (stored), loy_reward_get_description (edited)) != 0)
    {
      if (loy_reward_get_description (edited) != NULL)
        json_object_set_string_member (changes, "description", loy_reward_get_description (edited));
      else
        json_object_set_null_member (changes, "description");
    }
  if (loy_reward_get_required_credits (stored) != loy_reward_get_required_credits (edited))
    json_object_set_int_member (changes, "required_credits", loy_reward_get_required_credits (edited));
  if (g_strcmp0 (loy_reward_get_media_value (stored), loy_reward_get_media_value (edited)) != 0)
    {
      if (loy_reward_get_media_value (edited) != NULL)
        {
          JsonObject *media = json_object_new ();

          json_object_set_string_member (media, "type", "image");
          json_object_set_string_member (media, "value", loy_reward_get_media_value (edited));
          json_object_set_object_member (changes, "media", media);
        }
      else
        json_object_set_null_member (changes, "media");
    }
  if (loy_reward_get_cost_price_cents (stored) != loy_reward_get_cost_price_cents (edited))
    {
      if (loy_reward_get_cost_price_cents (edited) == LOY_UNSET)
        json_object_set_null_member (changes, "cost_price");
      else
        json_object_set_double_member (changes, "cost_price",
                                       loy_reward_get_cost_price_cents (edited) / 100.0);
    }
  if (loy_reward_get_stock (stored) != loy_reward_get_stock (edited))
    set_nullable_int (changes, "stock", loy_reward_get_stock (edited));
  if (loy_reward_get_pre_redeemable (stored) != loy_reward_get_pre_redeemable (edited))
    json_object_set_boolean_member (changes, "pre_redeemable", loy_reward_get_pre_redeemable (edited));
  if (loy_reward_get_expiration_duration (stored) != loy_reward_get_expiration_duration (edited))
    set_nullable_int (changes, "expiration_duration", loy_reward_get_expiration_duration (edited));

  if (loy_reward_get_view_filter (stored) != NULL)
    stored_filter = loy_view_filter_to_json (loy_reward_get_view_filter (stored));
  if (loy_reward_get_view_filter (edited) != NULL)
    edited_filter = loy_view_filter_to_json (loy_reward_get_view_filter (edited));
  if (!nodes_equal (stored_filter, edited_filter))
    {
      if (edited_filter != NULL)
        json_object_set_member (changes, "view_filter", g_steal_pointer (&edited_filter));
      else
        json_object_set_null_member (changes, "view_filter");
    }

  stored_attributes = loy_reward_get_custom_attributes (stored);
  edited_attributes = loy_reward_get_custom_attributes (edited);
  json_object_iter_init (&iter, edited_attributes);
  while (json_object_iter_next (&iter, &key, &node))
    if (!nodes_equal (json_object_get_member (stored_attributes, key), node))
      json_object_set_member (changes, key, json_node_copy (node));
  json_object_iter_init (&iter, stored_attributes);
  while (json_object_iter_next (&iter, &key, &node))
    if (!json_object_has_member (edited_attributes, key))
      json_object_set_null_member (changes, key);

  return changes;
}

static void
reward_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyRewardEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyReward) reward = loy_store_update_reward_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (reward == NULL)
    {
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  g_set_object (&self->reward, reward);
  g_signal_emit (self, signals [CHANGED], 0, reward);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
loy_reward_editor_save_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  LoyRewardEditor *self = LOY_REWARD_EDITOR (widget);
  g_autoptr(JsonObject) changes = loy_reward_editor_get_changes (self);

  if (json_object_get_size (changes) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  loy_error_bar_hide (self->error_bar);
  set_busy (self, TRUE);
  loy_store_update_reward_async (self->store, loy_reward_get_uuid (self->reward), changes,
                                 self->cancellable, reward_saved_cb, g_object_ref (self));
}

static void set_active (LoyRewardEditor *self,
                        gboolean         active);

static void
undo_clicked_cb (LoyRewardEditor *self)
{
  set_active (self, !loy_reward_get_is_active (self->reward));
}

static void
active_changed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoyRewardEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyReward) reward = loy_store_update_reward_finish (LOY_STORE (object), result, &error);
  AdwToast *toast;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (reward == NULL)
    {
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  /* Only the flag: edits on the pages stay as they are. */
  loy_reward_set_is_active (self->reward, loy_reward_get_is_active (reward));
  show_reward (self);
  g_signal_emit (self, signals [CHANGED], 0, self->reward);

  toast = adw_toast_new (loy_reward_get_is_active (reward) ? _("Reward activated")
                                                           : _("Reward deactivated"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_active (LoyRewardEditor *self,
            gboolean         active)
{
  g_autoptr(JsonObject) changes = json_object_new ();

  json_object_set_boolean_member (changes, "is_active", active);
  loy_error_bar_hide (self->error_bar);
  set_busy (self, TRUE);
  loy_store_update_reward_async (self->store, loy_reward_get_uuid (self->reward), changes,
                                 self->cancellable, active_changed_cb, g_object_ref (self));
}

static void
loy_reward_editor_active_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  set_active (LOY_REWARD_EDITOR (widget), g_str_equal (action_name, "editor.activate"));
}

static void
request_delete (LoyRewardEditor *self)
{
  g_signal_emit (self, signals [DELETE_REQUESTED], 0, self->reward);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
destroy_editor_cb (gpointer user_data)
{
  g_autoptr(LoyRewardEditor) self = user_data;

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (LoyRewardEditor  *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  if (!g_str_equal (response, "delete"))
    return;

  /* The dialog, transient for the editor, is still answering: the editor
   * goes once it is done. */
  g_signal_emit (self, signals [DELETE_REQUESTED], 0, self->reward);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_once (destroy_editor_cb, g_object_ref (self));
}

/* A digital reward takes its code group and every unused code with it:
 * a cost an Undo toast that goes in seconds does not show. */
static void
ask_delete_with_codes (LoyRewardEditor *self,
                       LoyCodeGroup    *group)
{
  gint64 available = loy_code_group_get_available (group);
  g_autofree char *count = g_strdup_printf ("%'" PRId64, available);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the title of a reward */
  heading = g_strdup_printf (_("Delete “%s”?"), loy_reward_get_title (self->reward));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the first %s is the name of a code
                                        * group, the second a number of codes */
                                       "The reward goes, and its code group “%s” with %s unused code.",
                                       "The reward goes, and its code group “%s” with %s unused codes.",
                                       (gulong) available),
                          loy_code_group_get_name (group), count);

  dialog = loy_confirm_dialog_new (GTK_WINDOW (self), heading, body,
                                   "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
code_group_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LoyRewardEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (group == NULL)
    loy_error_bar_show (self->error_bar, error->message);
  else
    ask_delete_with_codes (self, LOY_CODE_GROUP (group));
}

/* A physical reward goes without a question: the main window offers Undo
 * until the toast goes. */
static void
loy_reward_editor_delete_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LoyRewardEditor *self = LOY_REWARD_EDITOR (widget);
  const char *group_uuid = loy_reward_get_code_group_uuid (self->reward);

  if (group_uuid == NULL)
    {
      request_delete (self);
      return;
    }

  loy_error_bar_hide (self->error_bar);
  set_busy (self, TRUE);
  loy_store_lookup_async (self->store, LOY_KIND_CODE_GROUP, group_uuid, self->cancellable,
                          code_group_found_cb, g_object_ref (self));
}

static gboolean
loy_reward_editor_close_request (GtkWindow *window)
{
  LoyRewardEditor *self = LOY_REWARD_EDITOR (window);
  g_autoptr(JsonObject) changes = loy_reward_editor_get_changes (self);

  if (json_object_get_size (changes) == 0)
    return GTK_WINDOW_CLASS (loy_reward_editor_parent_class)->close_request (window);

  gtk_window_present (GTK_WINDOW (loy_discard_dialog_new (window, _("Discard Changes?"),
                                                          _("The changes to this reward are not saved."))));

  return TRUE;
}

/* Decided by width rather than bound to the title's title-visible, which
 * changes during allocation and leaves the bar allocated at height -1. */
static void
default_width_changed_cb (LoyRewardEditor *self)
{
  int width, height;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

static void
loy_reward_editor_dispose (GObject *object)
{
  LoyRewardEditor *self = LOY_REWARD_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_REWARD_EDITOR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->reward);

  G_OBJECT_CLASS (loy_reward_editor_parent_class)->dispose (object);
}

static void
loy_reward_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoyRewardEditor *self = LOY_REWARD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_reward_editor_class_init (LoyRewardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = loy_reward_editor_dispose;
  object_class->get_property = loy_reward_editor_get_property;

  window_class->close_request = loy_reward_editor_close_request;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_REWARD);
  signals [DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LOY_TYPE_REWARD);

  g_type_ensure (LOY_TYPE_ERROR_BAR);
  g_type_ensure (LOY_TYPE_REWARD_DETAILS_PAGE);
  g_type_ensure (LOY_TYPE_REWARD_IMAGE_PAGE);
  g_type_ensure (LOY_TYPE_VIEW_FILTER_EDITOR);
  g_type_ensure (LOY_TYPE_REWARD_ADVANCED_PAGE);
  g_type_ensure (LOY_TYPE_CODE_STEP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/rewards/loy-reward-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, error_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, details_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, image_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, filter_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, advanced_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, codes_page);
  gtk_widget_class_bind_template_child (widget_class, LoyRewardEditor, code_step);
  gtk_widget_class_bind_template_callback (widget_class, add_codes_cb);
  gtk_widget_class_bind_template_callback (widget_class, loy_reward_editor_update);
  gtk_widget_class_bind_template_callback (widget_class, default_width_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, loy_reward_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.deactivate", NULL, loy_reward_editor_active_action);
  gtk_widget_class_install_action (widget_class, "editor.activate", NULL, loy_reward_editor_active_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, loy_reward_editor_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_reward_editor_init (LoyRewardEditor *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  default_width_changed_cb (self);
}

LoyRewardEditor *
loy_reward_editor_new (GtkWindow *parent,
                       LoyStore  *store,
                       LoyReward *reward)
{
  LoyRewardEditor *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_REWARD (reward), NULL);

  self = g_object_new (LOY_TYPE_REWARD_EDITOR,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->store = g_object_ref (store);
  self->reward = g_object_ref (reward);
  loy_view_filter_editor_set_store (self->filter_page, store);
  loy_reward_image_page_set_store (self->image_page, store);
  loy_code_step_set_store (self->code_step, store);
  load_reward (self);

  return self;
}

gboolean
loy_reward_editor_get_busy (LoyRewardEditor *self)
{
  g_return_val_if_fail (LOY_IS_REWARD_EDITOR (self), FALSE);

  return self->busy;
}
