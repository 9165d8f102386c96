/* loy-campaigns-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-category-filter.h"
#include "loy-campaign-label-filter.h"
#include "loy-campaign-reach.h"
#include "loy-campaign-wizard.h"
#include "loy-campaigns-section.h"
#include "loy-format.h"
#include "loy-promotion-dialog.h"
#include "loy-promotion-window.h"
#include "loy-toast-target.h"

struct _LoyCampaignsSection
{
  LoySection      parent_instance;

  LoyCampaignReach *reach;

  /* Template widgets */
  LoySectionView  *view;
  LoyFilterButton *filters;
  GtkWidget       *menu_button;
  GtkWidget       *new_button;
  GtkWidget       *new_promotion_button;

  GtkDropDown     *type_dropdown;
  GtkDropDown     *status_dropdown;
  LoyCampaignCategoryFilter *category_filter;
  LoyCampaignLabelFilter    *label_filter;
};

/* The status dropdown's entries, in order; the type dropdown lists "All
 * types" and then each LoyCampaignType in order. */
enum { STATUS_ANY, STATUS_ACTIVE, STATUS_INACTIVE };

G_DEFINE_FINAL_TYPE (LoyCampaignsSection, loy_campaigns_section, LOY_TYPE_SECTION)

static char *
campaign_name (gpointer item)
{
  return g_strdup (loy_campaign_get_name (item));
}

static char *
campaign_type (gpointer item)
{
  return g_strdup (loy_campaign_type_get_label (loy_campaign_get_campaign_type (item)));
}

static char *
campaign_status (gpointer item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup (loy_campaign_status_get_label (loy_campaign_get_status (item, now)));
}

static gboolean
campaign_not_running (gpointer item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return loy_campaign_get_status (item, now) != LOY_CAMPAIGN_STATUS_ACTIVE;
}

/* Points for a coupon, money per point for cashback, a share of the
 * purchase for a percentage code. */
static char *
campaign_price (gpointer item)
{
  LoyCampaign *campaign = item;

  switch (loy_campaign_get_campaign_type (campaign))
    {
    case LOY_CAMPAIGN_TYPE_CASHBACK:
      {
        g_autofree char *money = loy_format_money (loy_campaign_get_point_value_cents (campaign));

        /* Translators: a cashback campaign's rate, "1 point = €0.05" */
        return g_strdup_printf (_("1 point = %s"), money);
      }

    case LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE:
      /* Translators: a percentage discount code's share of a purchase, "10 %" */
      return g_strdup_printf (_("%d %%"), (int) loy_campaign_get_transaction_percentage (campaign));

    case LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE:
      return g_strdup ("—");

    default:
      /* Unset where the campaigns are not bought with points (a Piggy promotion). */
      if (loy_campaign_get_cost_in_points (campaign) == LOY_UNSET)
        return g_strdup ("—");
      return loy_format_points (loy_campaign_get_cost_in_points (campaign));
    }
}

/* The price with its unit, for the summary: "1,500 points". */
static char *
campaign_price_in_words (LoyCampaign *campaign)
{
  gint64 cost = loy_campaign_get_cost_in_points (campaign);
  g_autofree char *points = NULL;

  if (!loy_campaign_type_is_coupon (loy_campaign_get_campaign_type (campaign)) || cost == LOY_UNSET)
    return campaign_price (campaign);

  points = loy_format_points (cost);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points", cost), points);
}

static char *
format_limit (gint64 limit)
{
  if (limit == LOY_UNSET)
    /* Translators: a campaign's limit of purchases */
    return g_strdup (_("Unlimited"));

  return loy_format_count (limit);
}

/* "12 / 500", or "12" without a limit; nothing for the types not sold. */
static char *
campaign_sold (gpointer item)
{
  gint64 sold = loy_campaign_get_n_sold (item);
  gint64 limit = loy_campaign_get_limit (item);
  g_autofree char *count = NULL;
  g_autofree char *of = NULL;

  if (!loy_campaign_type_is_coupon (loy_campaign_get_campaign_type (item)) || sold == LOY_UNSET)
    return g_strdup ("—");

  count = loy_format_count (sold);
  if (limit == LOY_UNSET)
    return g_steal_pointer (&count);

  of = loy_format_count (limit);
  /* Translators: purchases out of a campaign's limit, "12 / 500" */
  return g_strdup_printf (_("%s / %s"), count, of);
}

static const LoyColumnSpec campaign_columns[] = {
  { N_("Name"), campaign_name, LOY_COLUMN_EXPAND, .dim = campaign_not_running },
  { N_("Type"), campaign_type, LOY_COLUMN_SECONDARY },
  { N_("Status"), campaign_status, 0, .dim = campaign_not_running },
  { N_("Cost or Rate"), campaign_price, LOY_COLUMN_NUMERIC },
  { N_("Sold / Limit"), campaign_sold, LOY_COLUMN_NUMERIC | LOY_COLUMN_SECONDARY },
  { NULL }
};

static GtkWindow *
get_window (LoyCampaignsSection *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* @title is plain text (a store's message may hold a '<' or '&'). */
static AdwToast *
add_toast (LoyCampaignsSection *self,
           const char          *title,
           AdwToastPriority     priority)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, priority);
  loy_toast_target_show_from (GTK_WIDGET (self), toast);

  return toast;
}

/* Pushes the filters chosen down to the store, as the list's query. */
static void
loy_campaigns_section_apply_filters (LoyCampaignsSection *self)
{
  LoyPagedModel *model = loy_section_view_get_model (self->view);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_auto(GStrv) categories = loy_campaign_category_filter_dup_uuids (self->category_filter);
  g_auto(GStrv) labels = loy_campaign_label_filter_dup_labels (self->label_filter);
  g_autoptr(LoyQuery) query = NULL;
  guint types;

  if (model == NULL)
    return;

  query = loy_query_copy (loy_paged_model_get_query (model));
  types = type > 0 && type != GTK_INVALID_LIST_POSITION ? 1u << (type - 1) : 0;
  if (query->campaign_types == types &&
      query->only_active == (status == STATUS_ACTIVE) &&
      query->only_inactive == (status == STATUS_INACTIVE) &&
      (query->categories == NULL) == (categories == NULL) &&
      (categories == NULL || g_strv_equal ((const char * const *) query->categories,
                                           (const char * const *) categories)) &&
      (query->labels == NULL) == (labels == NULL) &&
      (labels == NULL || g_strv_equal ((const char * const *) query->labels,
                                       (const char * const *) labels)))
    return;

  query->campaign_types = types;
  query->only_active = status == STATUS_ACTIVE;
  query->only_inactive = status == STATUS_INACTIVE;
  g_strfreev (query->categories);
  query->categories = g_steal_pointer (&categories);
  g_strfreev (query->labels);
  query->labels = g_steal_pointer (&labels);
  loy_paged_model_set_query (model, query);
}

/* A category ticked or a label added: the filter button names it. */
static void
category_filter_changed_cb (LoyCampaignsSection *self)
{
  g_autofree char *summary = loy_campaign_category_filter_dup_summary (self->category_filter);

  loy_filter_button_set_row_summary (self->filters, GTK_WIDGET (self->category_filter), summary);
  loy_campaigns_section_apply_filters (self);
}

static void
label_filter_changed_cb (LoyCampaignsSection *self)
{
  g_autofree char *summary = loy_campaign_label_filter_dup_summary (self->label_filter);

  loy_filter_button_set_row_summary (self->filters, GTK_WIDGET (self->label_filter), summary);
  loy_campaigns_section_apply_filters (self);
}

/* The categories and labels are those of now: another window may have
 * changed them. */
static void
filters_opened_cb (LoyCampaignsSection *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);

  if (store == NULL)
    return;

  loy_campaign_category_filter_load (self->category_filter, store);
  loy_campaign_label_filter_load (self->label_filter, store);
}

static void
filters_cleared_cb (LoyCampaignsSection *self)
{
  loy_campaign_category_filter_clear (self->category_filter);
  loy_filter_button_set_row_summary (self->filters, GTK_WIDGET (self->category_filter), NULL);
  loy_campaign_label_filter_clear (self->label_filter);
  loy_filter_button_set_row_summary (self->filters, GTK_WIDGET (self->label_filter), NULL);
}

/* Activating and deactivating, undone by the opposite */

typedef struct
{
  LoyCampaignsSection *section;
  char                *uuid;
  char                *name;
  gboolean             active;
  gboolean             undoable;
} ActiveChange;

static void
active_change_free (ActiveChange *change)
{
  g_clear_weak_pointer (&change->section);
  g_free (change->uuid);
  g_free (change->name);
  g_free (change);
}

static void
active_change_closure_free (gpointer  data,
                            GClosure *closure)
{
  active_change_free (data);
}

static void set_active (LoyCampaignsSection *self,
                        const char          *uuid,
                        const char          *name,
                        gboolean             active,
                        gboolean             undoable);

static void
undo_active_cb (AdwToast     *toast,
                ActiveChange *change)
{
  if (change->section != NULL)
    set_active (change->section, change->uuid, change->name, !change->active, FALSE);
}

static void
active_set_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ActiveChange *change = user_data;
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  campaign = loy_store_update_campaign_finish (LOY_STORE (object), result, &error);
  if (change->section == NULL || campaign == NULL)
    {
      if (change->section != NULL)
        add_toast (change->section, error->message, ADW_TOAST_PRIORITY_HIGH);
      active_change_free (change);
      return;
    }

  name = g_markup_escape_text (change->name, -1);
  /* Translators: %s is a campaign's name */
  toast = adw_toast_new_format (change->active ? _("“%s” activated") : _("“%s” deactivated"), name);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (change->undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_active_cb), change,
                             active_change_closure_free, 0);
    }
  loy_toast_target_show_from (GTK_WIDGET (change->section), toast);

  if (!change->undoable)
    active_change_free (change);
}

static void
set_active (LoyCampaignsSection *self,
            const char          *uuid,
            const char          *name,
            gboolean             active,
            gboolean             undoable)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  ActiveChange *change = g_new0 (ActiveChange, 1);

  g_set_weak_pointer (&change->section, self);
  change->uuid = g_strdup (uuid);
  change->name = g_strdup (name);
  change->active = active;
  change->undoable = undoable;

  json_object_set_boolean_member (changes, "active", active);
  loy_store_update_campaign_async (loy_section_view_get_store (self->view), uuid, changes, NULL,
                                   active_set_cb, change);
}

/* A campaign's summary */

/* The reach of a campaign its store cannot count. */
#define REACH_NOT_COUNTED G_MININT64

/* The lines of the summary; @reached is LOY_UNSET while it is counted. */
static char *
describe_campaign (LoyCampaign *campaign,
                   gint64       reached)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *status = campaign_status (campaign);
  g_autofree char *price = campaign_price_in_words (campaign);
  g_autofree char *limit = format_limit (loy_campaign_get_limit (campaign));
  g_autofree char *per_contact = format_limit (loy_campaign_get_limit_per_contact (campaign));

  /* Translators: a campaign's summary, "Discount code · Active" */
  g_string_append_printf (body, _("%s · %s"),
                          loy_campaign_type_get_label (loy_campaign_get_campaign_type (campaign)),
                          status);
  g_string_append_c (body, '\n');
  /* Translators: what a campaign costs ("100 points") or pays ("1 point = €0.05") */
  g_string_append_printf (body, _("Cost or rate: %s"), price);
  if (loy_campaign_type_get_fields (loy_campaign_get_campaign_type (campaign)) &
      LOY_CAMPAIGN_FIELD_LIMITS)
    {
      g_string_append_c (body, '\n');
      /* Translators: a campaign's limits, "Limit: 500, per contact: 1" */
      g_string_append_printf (body, _("Limit: %s, per contact: %s"), limit, per_contact);
    }
  if (reached == REACH_NOT_COUNTED)
    return g_string_free (g_steal_pointer (&body), FALSE);

  g_string_append_c (body, '\n');
  if (reached == LOY_UNSET)
    g_string_append (body, _("Counting the contacts it reaches…"));
  else
    {
      g_autofree char *count = loy_format_count (reached);

      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "Reaches %s contact",
                                                 "Reaches %s contacts", reached), count);
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
reach_counted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 reached = loy_store_count_campaign_reach_finish (LOY_STORE (object), result, &error);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = ADW_MESSAGE_DIALOG (user_data);
  /* A store that counts no reach (a Piggy account) shows the summary without it. */
  if (g_error_matches (error, LOY_ERROR, LOY_ERROR_NOT_SUPPORTED))
    body = describe_campaign (g_object_get_data (G_OBJECT (dialog), "campaign"), REACH_NOT_COUNTED);
  else if (reached < 0)
    body = g_strdup (error->message);
  else
    body = describe_campaign (g_object_get_data (G_OBJECT (dialog), "campaign"), reached);
  adw_message_dialog_set_body (dialog, body);
}

static void
brand_image_loaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GtkWidget) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = loy_store_load_image_finish (LOY_STORE (object), result, &error);
  g_autoptr(GdkTexture) texture = NULL;

  if (bytes == NULL)
    {
      /* The summary reads well without it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No brand image shown: %s", error->message);
      return;
    }

  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_debug ("No brand image shown: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
}

/* The campaign's brand image, kept in the program, above the dialog's
 * buttons. */
static void
show_brand_image (LoyCampaignsSection *self,
                  AdwMessageDialog    *dialog,
                  LoyCampaign         *campaign,
                  GCancellable        *cancellable)
{
  const char *uri = loy_campaign_get_brand_image (campaign);
  GtkWidget *picture;

  if (loy_image_uri_get_uuid (uri) == NULL)
    return;

  /* Its room is kept from the start, so that the dialog does not grow. */
  picture = gtk_picture_new ();
  gtk_widget_set_size_request (picture, -1, 96);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Brand image"), -1);
  adw_message_dialog_set_extra_child (dialog, picture);
  loy_store_load_image_async (loy_section_view_get_store (self->view), uri, cancellable,
                              brand_image_loaded_cb, g_object_ref (picture));
}

static void
summary_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     LoyCampaignsSection *self)
{
  LoyCampaign *campaign = g_object_get_data (G_OBJECT (dialog), "campaign");

  if (g_str_equal (response, "toggle"))
    set_active (self, loy_campaign_get_uuid (campaign), loy_campaign_get_name (campaign),
                !loy_campaign_get_is_active (campaign), TRUE);
  else if (g_str_equal (response, "delete"))
    loy_section_delete_with_undo (LOY_SECTION (self), loy_campaign_get_uuid (campaign),
                                  loy_campaign_get_name (campaign));
  else if (g_str_equal (response, "edit"))
    loy_campaigns_section_edit_campaign (self, campaign);
}

GtkWindow *
loy_campaigns_section_open_campaign (LoyCampaignsSection *self,
                                     LoyCampaign         *campaign)
{
  g_autofree char *body = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AdwMessageDialog *dialog;

  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);
  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  /* A Piggy promotion opens to its page of vouchers. */
  if (loy_store_can (loy_section_view_get_store (self->view), LOY_STORE_CAN_MANAGE_VOUCHERS))
    {
      LoyPromotionWindow *window = loy_promotion_window_new (get_window (self),
                                                             loy_section_view_get_store (self->view),
                                                             campaign);

      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  body = describe_campaign (campaign, LOY_UNSET);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self),
                                                       loy_campaign_get_name (campaign), body));
  g_object_set_data_full (G_OBJECT (dialog), "campaign", g_object_ref (campaign), g_object_unref);
  /* A store that cannot write campaigns offers the summary alone. */
  if (loy_store_can (loy_section_view_get_store (self->view), LOY_STORE_CAN_MANAGE_CAMPAIGNS))
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "delete", _("_Delete"),
                                        "edit", _("_Edit…"),
                                        "toggle", loy_campaign_get_is_active (campaign)
                                                  ? _("D_eactivate") : _("_Activate"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (summary_response_cb), self, 0);

  /* Counted off the main thread; closing the dialog stops waiting for it. */
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_cancellable_cancel), cancellable);
  g_object_set_data_full (G_OBJECT (dialog), "cancellable", g_object_ref (cancellable),
                          g_object_unref);
  loy_store_count_campaign_reach_async (loy_section_view_get_store (self->view), campaign,
                                        cancellable, reach_counted_cb, dialog);
  show_brand_image (self, dialog, campaign, cancellable);

  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
campaign_activated_cb (LoyCampaignsSection *self,
                       GObject             *item)
{
  loy_campaigns_section_open_campaign (self, LOY_CAMPAIGN (item));
}

static void
campaign_created_cb (LoyCampaignsSection *self,
                     LoyCampaign         *campaign)
{
  g_autofree char *title = g_strdup_printf (_("Campaign “%s” created"), loy_campaign_get_name (campaign));

  add_toast (self, title, ADW_TOAST_PRIORITY_NORMAL);
}

LoyCampaignWizard *
loy_campaigns_section_new_campaign (LoyCampaignsSection *self)
{
  LoyCampaignWizard *wizard;

  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);

  wizard = loy_campaign_wizard_new (get_window (self), loy_section_view_get_store (self->view));
  g_signal_connect_object (wizard, "created", G_CALLBACK (campaign_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));

  return wizard;
}

static void
campaign_saved_cb (LoyCampaignsSection *self,
                   LoyCampaign         *campaign)
{
  g_autofree char *title = g_strdup_printf (_("Campaign “%s” saved"), loy_campaign_get_name (campaign));

  add_toast (self, title, ADW_TOAST_PRIORITY_NORMAL);
}

LoyCampaignWizard *
loy_campaigns_section_edit_campaign (LoyCampaignsSection *self,
                                     LoyCampaign         *campaign)
{
  LoyCampaignWizard *editor;

  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);
  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);

  editor = loy_campaign_wizard_open (get_window (self), loy_section_view_get_store (self->view), campaign);
  g_signal_connect_object (editor, "saved", G_CALLBACK (campaign_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

static void
promotion_created_cb (LoyCampaignsSection *self,
                      LoyCampaign         *promotion)
{
  g_autofree char *title = g_strdup_printf (_("Promotion “%s” created"), loy_campaign_get_name (promotion));

  add_toast (self, title, ADW_TOAST_PRIORITY_NORMAL);
}

LoyPromotionDialog *
loy_campaigns_section_new_promotion (LoyCampaignsSection *self)
{
  LoyPromotionDialog *dialog;

  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);

  dialog = loy_promotion_dialog_new (get_window (self), loy_section_view_get_store (self->view));
  g_signal_connect_object (dialog, "created", G_CALLBACK (promotion_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* A store that keeps promotions' vouchers (a Piggy account) creates
 * promotions, with their own few fields, rather than campaigns. */
static gboolean
creates_promotions (LoyStore *store)
{
  return store != NULL && !loy_store_can (store, LOY_STORE_CAN_MANAGE_CAMPAIGNS) &&
         loy_store_can (store, LOY_STORE_CAN_MANAGE_VOUCHERS);
}

static void
loy_campaigns_section_new_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LoyCampaignsSection *self = LOY_CAMPAIGNS_SECTION (widget);

  if (creates_promotions (loy_section_view_get_store (self->view)))
    loy_campaigns_section_new_promotion (self);
  else
    loy_campaigns_section_new_campaign (self);
}

static void
loy_campaigns_section_dispose (GObject *object)
{
  LoyCampaignsSection *self = LOY_CAMPAIGNS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGNS_SECTION);
  /* Stops the count under way. */
  if (self->reach != NULL)
    loy_campaign_reach_set_store (self->reach, NULL);
  g_clear_object (&self->reach);

  G_OBJECT_CLASS (loy_campaigns_section_parent_class)->dispose (object);
}

/* Export… belongs to a store that can export. A store that cannot write
 * campaigns (a Piggy account's promotions) lists them as its server keeps
 * them: nothing new, no search or filters. */
static void
store_changed_cb (LoyCampaignsSection *self)
{
  LoyStore *store = loy_section_view_get_store (self->view);
  gboolean can_export = store != NULL && loy_store_can (store, LOY_STORE_CAN_EXPORT);
  gboolean can_manage = store != NULL && loy_store_can (store, LOY_STORE_CAN_MANAGE_CAMPAIGNS);
  gboolean can_create_promotions = creates_promotions (store);

  gtk_widget_set_visible (self->new_button, can_manage);
  gtk_widget_set_visible (self->new_promotion_button, can_create_promotions);
  /* Ctrl+N too */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.new", can_manage || can_create_promotions);
  gtk_widget_set_visible (GTK_WIDGET (self->filters), can_manage);
  gtk_widget_set_visible (loy_section_view_get_search_entry (self->view), can_manage);
  gtk_widget_set_visible (self->menu_button, can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaigns.export", can_export);
  loy_campaign_reach_set_store (self->reach, store);
}

/* Reach is counted while the list is in sight only: a till's awards
 * change it all day. */
static void
view_mapped_cb (LoyCampaignsSection *self)
{
  loy_campaign_reach_set_active (self->reach, gtk_widget_get_mapped (GTK_WIDGET (self->view)));
}

static char *
describe_campaigns (gint64 n_campaigns)
{
  g_autofree char *count = loy_format_count (n_campaigns);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s campaign", "%s campaigns", n_campaigns),
                          count);
}

static void
loy_campaigns_section_export_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LoyCampaignsSection *self = LOY_CAMPAIGNS_SECTION (widget);
  g_autoptr(LoyExport) export = loy_export_new (LOY_EXPORT_CAMPAIGNS);

  loy_section_view_export (self->view, export, _("Export Campaigns"), _("campaigns.csv"),
                           describe_campaigns);
}

static void
loy_campaigns_section_class_init (LoyCampaignsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaigns_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaigns-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignsSection, view);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignsSection, filters);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignsSection, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignsSection, new_button);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignsSection, new_promotion_button);
  gtk_widget_class_bind_template_callback (widget_class, store_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_mapped_cb);
  gtk_widget_class_bind_template_callback (widget_class, campaign_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, loy_campaigns_section_apply_filters);
  gtk_widget_class_bind_template_callback (widget_class, filters_opened_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_cleared_cb);
  gtk_widget_class_install_action (widget_class, "campaigns.new", NULL, loy_campaigns_section_new_action);
  gtk_widget_class_install_action (widget_class, "campaigns.export", NULL,
                                   loy_campaigns_section_export_action);
}

static void
loy_campaigns_section_init (LoyCampaignsSection *self)
{
  g_autoptr(GStrvBuilder) types = NULL;
  g_auto(GStrv) type_choices = NULL;
  g_autoptr(GtkColumnViewColumn) reach_column = NULL;

  self->reach = loy_campaign_reach_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_set_view (LOY_SECTION (self), self->view);

  types = g_strv_builder_new ();
  g_strv_builder_add (types, _("All types"));
  for (LoyCampaignType type = 0; type < LOY_N_CAMPAIGN_TYPES; type++)
    g_strv_builder_add (types, loy_campaign_type_get_label (type));
  type_choices = g_strv_builder_end (types);
  self->type_dropdown = loy_filter_button_add_dropdown (self->filters, _("_Type"),
                                                        (const char * const *) type_choices);
  self->status_dropdown =
    loy_filter_button_add_dropdown (self->filters, _("_Status"),
                                    (const char *[]) { _("Active or not"), _("Active"), _("Inactive"), NULL });
  self->category_filter = LOY_CAMPAIGN_CATEGORY_FILTER (loy_campaign_category_filter_new ());
  g_signal_connect_object (self->category_filter, "changed", G_CALLBACK (category_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  loy_filter_button_add_row (self->filters, _("_Category"), GTK_WIDGET (self->category_filter));
  self->label_filter = LOY_CAMPAIGN_LABEL_FILTER (loy_campaign_label_filter_new ());
  g_signal_connect_object (self->label_filter, "changed", G_CALLBACK (label_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  loy_filter_button_add_row (self->filters, _("_Label"), GTK_WIDGET (self->label_filter));

  loy_section_view_set_columns (self->view, campaign_columns);
  loy_section_view_set_count_func (self->view, describe_campaigns);
  reach_column = loy_campaign_reach_new_column (self->reach);
  loy_section_view_append_column (self->view, reach_column);
}

GtkDropDown *
loy_campaigns_section_get_type_dropdown (LoyCampaignsSection *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);

  return self->type_dropdown;
}

GtkDropDown *
loy_campaigns_section_get_status_dropdown (LoyCampaignsSection *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);

  return self->status_dropdown;
}

LoyCampaignCategoryFilter *
loy_campaigns_section_get_category_filter (LoyCampaignsSection *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);

  return self->category_filter;
}

LoyCampaignLabelFilter *
loy_campaigns_section_get_label_filter (LoyCampaignsSection *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGNS_SECTION (self), NULL);

  return self->label_filter;
}
