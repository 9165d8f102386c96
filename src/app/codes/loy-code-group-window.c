/* loy-code-group-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-code-group-window.h"
#include "loy-code-write.h"
#include "loy-codes-page.h"
#include "loy-column-spec.h"
#include "loy-error-bar.h"
#include "loy-export-task.h"
#include "loy-format.h"
#include "loy-number-entry.h"
#include "loy-qr.h"
#include "loy-task-bar.h"
#include "loy-toast-target.h"

/* One code group: its counts and forecast, the low-stock threshold, its
 * codes (searchable, each shown as a QR image when selected), adding codes
 * and exporting them to CSV. */

#define THRESHOLD_DELAY_MS 600
/* Below this width the QR image goes under the list rather than beside it,
 * and the view switcher moves from the header bar to the bottom. */
#define NARROW_WIDTH 600
#define SUMMARY_LINES 5

struct _LoyCodeGroupWindow
{
  AdwWindow             parent_instance;

  LoyStore             *store;
  LoyCodeGroup         *group;
  LoyPagedModel        *codes;
  GCancellable         *cancellable;
  char                 *summary;
  guint                 threshold_id;

  /* Template widgets */
  LoyToastTarget       *toast_target;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  LoyErrorBar          *error_bar;
  AdwViewStack         *view_stack;
  GtkLabel             *name_label;
  GtkLabel             *reward_label;
  GtkLabel             *total_label;
  GtkLabel             *available_label;
  GtkLabel             *issued_label;
  GtkLabel             *low_stock_label;
  GtkLabel             *forecast_label;
  LoyNumberEntry       *threshold_entry;
  GtkSearchEntry       *search_entry;
  GtkBox               *codes_box;
  GtkColumnView        *column_view;
  GtkSingleSelection   *selection;
  GtkBox               *qr_box;
  GtkPicture           *qr_picture;
  GtkLabel             *qr_label;
  LoyCodesPage         *codes_page;
  LoyTaskBar           *task_bar;
};

G_DEFINE_FINAL_TYPE (LoyCodeGroupWindow, loy_code_group_window, ADW_TYPE_WINDOW)

/* The codes table */

static char *
code_text (gpointer code)
{
  return g_strdup (loy_code_get_code (code));
}

static char *
code_status (gpointer code)
{
  switch (loy_code_get_status (code))
    {
    case LOY_CODE_STATUS_AVAILABLE:
      return g_strdup (_("Available"));
    case LOY_CODE_STATUS_ISSUED:
      return g_strdup (_("Issued"));
    case LOY_CODE_STATUS_REVOKED:
      /* Translators: a code whose redemption was reversed; it no longer works */
      return g_strdup (_("Revoked"));
    default:
      g_assert_not_reached ();
    }
}

static char *
code_contact (gpointer code)
{
  return g_strdup (loy_code_get_contact_name (code) ?: loy_code_get_contact_uuid (code));
}

static char *
code_issued_at (gpointer code)
{
  g_autoptr(GDateTime) at = NULL;

  if (loy_code_get_issued_at (code) <= 0)
    return NULL;

  at = g_date_time_new_from_unix_local (loy_code_get_issued_at (code));

  return loy_format_date (at);
}

static const LoyColumnSpec code_columns[] = {
  { N_("Code"), code_text, LOY_COLUMN_EXPAND },
  { N_("Status"), code_status, 0 },
  { N_("Contact"), code_contact, LOY_COLUMN_EXPAND | LOY_COLUMN_SECONDARY },
  { N_("Issued"), code_issued_at, LOY_COLUMN_SECONDARY },
  { NULL }
};

enum {
  PROP_0,
  PROP_BUSY,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_group (LoyCodeGroupWindow *self)
{
  g_autofree char *total = loy_format_count (loy_code_group_get_total (self->group));
  g_autofree char *available = loy_format_count (loy_code_group_get_available (self->group));
  g_autofree char *issued = loy_format_count (loy_code_group_get_issued (self->group));
  const char *reward_title = loy_code_group_get_reward_title (self->group);
  const char *campaign_name = loy_code_group_get_campaign_name (self->group);
  g_autofree char *serves = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) empty_at = loy_code_group_forecast_empty_at (self->group, now);
  g_autofree char *forecast = NULL;
  gint64 threshold = loy_code_group_get_low_stock_threshold (self->group);
  gboolean low_on_stock;

  /* The switcher title hides the name while the switcher fits: say it in the page too. */
  gtk_window_set_title (GTK_WINDOW (self), loy_code_group_get_name (self->group));
  adw_view_switcher_title_set_title (self->switcher_title, loy_code_group_get_name (self->group));
  gtk_label_set_label (self->name_label, loy_code_group_get_name (self->group));
  if (reward_title != NULL)
    serves = g_strdup_printf (_("Codes of the reward “%s”"), reward_title);
  else if (campaign_name != NULL)
    serves = g_strdup_printf (_("Codes of the campaign “%s”"), campaign_name);
  gtk_label_set_label (self->reward_label, serves);
  gtk_widget_set_visible (GTK_WIDGET (self->reward_label), serves != NULL);
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->available_label, available);
  gtk_label_set_label (self->issued_label, issued);

  if (loy_code_group_get_available (self->group) == 0 && reward_title != NULL)
    forecast = g_strdup (_("No codes left: contacts cannot claim this reward until you add codes."));
  else if (loy_code_group_get_available (self->group) == 0 && campaign_name != NULL)
    forecast = g_strdup (_("No codes left: contacts cannot get this campaign until you add codes."));
  else if (loy_code_group_get_available (self->group) == 0)
    forecast = g_strdup (_("No codes left."));
  else if (empty_at == NULL)
    forecast = g_strdup (_("No codes redeemed in the last 30 days"));
  else
    {
      g_autofree char *day = loy_format_date (empty_at);

      forecast = g_strdup_printf (_("At the last 30 days’ rate, codes run out around %s"), day);
    }
  gtk_label_set_label (self->forecast_label, forecast);

  /* With none left the forecast says so: "running low" beside it says less. */
  low_on_stock = loy_code_group_is_low_on_stock (self->group) && loy_code_group_get_available (self->group) > 0;
  if (low_on_stock)
    {
      g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Running low: fewer than %'" PRId64
                                                               " code left. Add codes soon.",
                                                               "Running low: fewer than %'" PRId64
                                                               " codes left. Add codes soon.",
                                                               threshold),
                                                  threshold);

      gtk_label_set_label (self->low_stock_label, warning);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->low_stock_label), low_on_stock);

  g_signal_handlers_block_matched (self->threshold_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  loy_number_entry_set_value (self->threshold_entry, threshold);
  g_signal_handlers_unblock_matched (self->threshold_entry, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
set_group (LoyCodeGroupWindow *self,
           LoyCodeGroup       *group)
{
  g_set_object (&self->group, group);
  show_group (self);
}

static void
group_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoyCodeGroupWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) group = loy_store_lookup_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (group == NULL)
    {
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  set_group (self, LOY_CODE_GROUP (group));
}

/* After a write: counts again, the list again, and the sections behind. */
static void
reload (LoyCodeGroupWindow *self)
{
  loy_store_lookup_async (self->store, LOY_KIND_CODE_GROUP, loy_code_group_get_uuid (self->group),
                          self->cancellable, group_loaded_cb, g_object_ref (self));
  loy_paged_model_reload (self->codes);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
set_busy (LoyCodeGroupWindow *self,
          gboolean            busy)
{
  LoyCodeStep *step = loy_codes_page_get_step (self->codes_page);

  if (!busy)
    loy_task_bar_finish (self->task_bar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.add-codes",
                                 !busy && loy_code_step_get_count (step) > 0 &&
                                 loy_code_step_get_problem (step) == NULL &&
                                 !loy_code_step_get_busy (step) &&
                                 loy_store_can (self->store, LOY_STORE_CAN_MANAGE_CODES));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.export", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->codes_page), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static const char * const step_properties[] = { "notify::count", "notify::problem", "notify::busy" };

static void
codes_page_changed_cb (LoyCodeGroupWindow *self)
{
  set_busy (self, loy_task_bar_get_running (self->task_bar));
}

static void
threshold_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LoyCodeGroupWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyCodeGroup) group = loy_store_update_code_group_finish (LOY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (group == NULL)
    {
      loy_error_bar_show (self->error_bar, error->message);
      return;
    }

  loy_error_bar_hide (self->error_bar);
  set_group (self, group);
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
save_threshold_cb (gpointer data)
{
  LoyCodeGroupWindow *self = data;
  g_autoptr(JsonObject) changes = json_object_new ();
  gint64 threshold;

  self->threshold_id = 0;
  if (!loy_number_entry_get_value (self->threshold_entry, &threshold))
    return G_SOURCE_REMOVE;

  json_object_set_int_member (changes, "low_stock_threshold", threshold);
  loy_store_update_code_group_async (self->store, loy_code_group_get_uuid (self->group), changes,
                                     self->cancellable, threshold_saved_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
threshold_changed_cb (LoyCodeGroupWindow *self)
{
  g_clear_handle_id (&self->threshold_id, g_source_remove);
  /* A refused threshold says why beside it and is not saved. */
  if (loy_number_entry_get_problem (self->threshold_entry) == NULL)
    self->threshold_id = g_timeout_add (THRESHOLD_DELAY_MS, save_threshold_cb, self);
}

static void
search_changed_cb (LoyCodeGroupWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  loy_paged_model_set_search (self->codes, text[0] != '\0' ? text : NULL);
}

static void
selection_changed_cb (LoyCodeGroupWindow *self)
{
  LoyCode *code = gtk_single_selection_get_selected_item (self->selection);
  const char *text = code != NULL ? loy_code_get_code (code) : NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (text != NULL)
    texture = loy_qr_texture_new (text, 6, NULL);

  gtk_picture_set_paintable (self->qr_picture, GDK_PAINTABLE (texture));
  gtk_label_set_label (self->qr_label, text != NULL ? text : _("Select a code to show it as a QR code"));
  /* A code reads best in monospace; the hint is prose. */
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->qr_label), "monospace");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->qr_label), "monospace");
}

static void
default_width_changed_cb (LoyCodeGroupWindow *self)
{
  int width, height;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < NARROW_WIDTH;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->codes_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (GTK_WIDGET (self->qr_box), narrow ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  /* The code itself needs the room more than the contact and the day. */
  loy_column_spec_set_compact (code_columns, self->column_view, narrow);
  /* Decided by width here rather than bound to the title's title-visible, which
   * changes during allocation and leaves the bar allocated at height -1. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

/* Adding codes */

static void
codes_added_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoyCodeGroupWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyImportSummary) summary = loy_code_write_finish (result, &error);

  set_busy (self, FALSE);
  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Each source is one transaction: the one cut short leaves nothing. */
        loy_error_bar_show (self->error_bar, _("Cancelled: the codes being added at that moment were not kept."));
      else
        loy_error_bar_show (self->error_bar, error->message);
      reload (self);
      return;
    }

  g_free (self->summary);
  self->summary = loy_codes_page_describe_summary (summary, SUMMARY_LINES);
  loy_codes_page_show_result (self->codes_page, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);

  loy_code_step_clear (loy_codes_page_get_step (self->codes_page));
  reload (self);
}

static void
loy_code_group_window_add_codes_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LoyCodeGroupWindow *self = LOY_CODE_GROUP_WINDOW (widget);
  g_autoptr(GCancellable) cancellable = loy_task_bar_start (self->task_bar, _("Adding codes…"));

  loy_error_bar_hide (self->error_bar);
  loy_codes_page_show_result (self->codes_page, NULL);
  set_busy (self, TRUE);
  loy_code_step_write_async (loy_codes_page_get_step (self->codes_page), self->store,
                             loy_code_group_get_uuid (self->group), loy_task_bar_progress, self->task_bar,
                             cancellable, codes_added_cb, g_object_ref (self));
}

/* Exporting */

static char *
describe_codes (gint64 n_codes)
{
  g_autofree char *count = loy_format_count (n_codes);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s code", "%s codes", n_codes), count);
}

static void
loy_code_group_window_export_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LoyCodeGroupWindow *self = LOY_CODE_GROUP_WINDOW (widget);
  g_autofree char *name = g_strdup_printf ("%s.csv", loy_code_group_get_name (self->group));
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CODES);

  export->uuid = g_strdup (loy_code_group_get_uuid (self->group));
  loy_error_bar_hide (self->error_bar);
  loy_export_task_start (self->task_bar, self->store, export, _("Export Codes"), name,
                         describe_codes);
}

/* While codes are added or exported, the other is off. */
static void
task_bar_shown_cb (LoyCodeGroupWindow *self)
{
  set_busy (self, loy_task_bar_get_running (self->task_bar));
}

static void
loy_code_group_window_dispose (GObject *object)
{
  LoyCodeGroupWindow *self = LOY_CODE_GROUP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->threshold_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CODE_GROUP_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->codes);
  g_clear_object (&self->group);
  g_clear_object (&self->store);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (loy_code_group_window_parent_class)->dispose (object);
}

static void
loy_code_group_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LoyCodeGroupWindow *self = LOY_CODE_GROUP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, loy_code_group_window_get_busy (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_code_group_window_class_init (LoyCodeGroupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_code_group_window_dispose;
  object_class->get_property = loy_code_group_window_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LOY_TYPE_ERROR_BAR);
  g_type_ensure (LOY_TYPE_CODES_PAGE);
  g_type_ensure (LOY_TYPE_TASK_BAR);
  g_type_ensure (LOY_TYPE_TOAST_TARGET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/codes/loy-code-group-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, toast_target);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, reward_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, total_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, available_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, issued_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, low_stock_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, forecast_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, threshold_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, codes_box);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, qr_box);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, qr_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, codes_page);
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupWindow, task_bar);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_width_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, task_bar_shown_cb);

  gtk_widget_class_install_action (widget_class, "group.add-codes", NULL,
                                   loy_code_group_window_add_codes_action);
  gtk_widget_class_install_action (widget_class, "group.export", NULL,
                                   loy_code_group_window_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
loy_code_group_window_init (LoyCodeGroupWindow *self)
{
  self->cancellable = g_cancellable_new ();
  g_type_ensure (LOY_TYPE_NUMBER_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Add Codes is on while the step holds codes it can add. */
  for (guint i = 0; i < G_N_ELEMENTS (step_properties); i++)
    g_signal_connect_object (loy_codes_page_get_step (self->codes_page), step_properties[i],
                             G_CALLBACK (codes_page_changed_cb), self, G_CONNECT_SWAPPED);
  loy_column_spec_append_columns (code_columns, self->column_view, NULL);
  selection_changed_cb (self);
  default_width_changed_cb (self);
}

LoyCodeGroupWindow *
loy_code_group_window_new (GtkWindow    *parent,
                           LoyStore     *store,
                           LoyCodeGroup *group)
{
  LoyCodeGroupWindow *self;
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CODE);

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LOY_IS_STORE (store), NULL);
  g_return_val_if_fail (LOY_IS_CODE_GROUP (group), NULL);

  self = g_object_new (LOY_TYPE_CODE_GROUP_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->store = g_object_ref (store);

  query->parent_uuid = g_strdup (loy_code_group_get_uuid (group));
  self->codes = loy_paged_model_new (store, query);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->codes));

  /* Adding codes needs a store that can. */
  adw_view_stack_page_set_visible (adw_view_stack_get_page (self->view_stack,
                                                            adw_view_stack_get_child_by_name (self->view_stack, "add")),
                                   loy_store_can (store, LOY_STORE_CAN_MANAGE_CODES));
  set_group (self, group);
  set_busy (self, FALSE);

  return self;
}

LoyCodeGroup *
loy_code_group_window_get_group (LoyCodeGroupWindow *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP_WINDOW (self), NULL);

  return self->group;
}

void
loy_code_group_window_show_add_codes (LoyCodeGroupWindow *self)
{
  g_return_if_fail (LOY_IS_CODE_GROUP_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "add");
}

LoyCodeGroupWindow *
loy_code_group_window_open_for_step (LoyCodeStep  *step,
                                     LoyStore     *store,
                                     LoyCodeGroup *group)
{
  LoyCodeGroupWindow *self;

  g_return_val_if_fail (LOY_IS_CODE_STEP (step), NULL);

  self = loy_code_group_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (step))), store, group);
  g_signal_connect_object (self, "changed", G_CALLBACK (loy_code_step_reload), step, G_CONNECT_SWAPPED);
  loy_code_group_window_show_add_codes (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

gboolean
loy_code_group_window_get_busy (LoyCodeGroupWindow *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP_WINDOW (self), FALSE);

  return loy_task_bar_get_running (self->task_bar);
}

const char *
loy_code_group_window_get_summary (LoyCodeGroupWindow *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GROUP_WINDOW (self), NULL);

  return self->summary;
}
