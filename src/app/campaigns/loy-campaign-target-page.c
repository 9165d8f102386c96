/* loy-campaign-target-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-target-page.h"
#include "loy-format.h"

/* The count waits for the choice to settle, so that ticking several
 * levels asks the store once; a newer count cancels the one under way. */
#define REACH_DELAY_MS 300
/* More levels or segments than a program has. */
#define MAX_CHOICES 500

struct _LoyCampaignTargetPage
{
  AdwPreferencesPage  parent_instance;

  LoyStore           *store;
  GCancellable       *load_cancellable;
  GCancellable       *reach_cancellable;
  guint               reach_source;
  gint64              reach;
  /* Chosen before the levels and segments arrived: ticked when they do,
   * and what the page holds until then. */
  GStrv               pending_levels;
  GStrv               pending_segments;
  guint               n_loading;

  /* Template widgets */
  AdwComboRow        *target_row;
  AdwPreferencesGroup *levels_group;
  AdwPreferencesGroup *segments_group;
  GtkLabel           *problem_label;
  GtkSpinner         *reach_spinner;
  GtkLabel           *reach_label;

  GPtrArray          *level_checks;   /* GtkCheckButton, "uuid" data */
  GPtrArray          *segment_checks;
};

G_DEFINE_FINAL_TYPE (LoyCampaignTargetPage, loy_campaign_target_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_REACH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

void loy_campaign_target_page_changed (LoyCampaignTargetPage *self);

static GStrv
dup_checked (GPtrArray *checks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (checks, i), "uuid"));

  return g_strv_builder_end (builder);
}

static void
set_reach (LoyCampaignTargetPage *self,
           gint64                 reach,
           const char            *text)
{
  self->reach = reach;
  gtk_label_set_label (self->reach_label, text);
  gtk_spinner_set_spinning (self->reach_spinner, reach == LOY_UNSET && text == NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REACH]);
}

static void
reach_counted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoyCampaignTargetPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 reach = loy_store_count_campaign_reach_finish (LOY_STORE (object), result, &error);
  g_autofree char *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reach < 0)
    {
      /* Translators: in place of the count of contacts reached */
      g_autofree char *text = g_strdup_printf (_("Not counted: %s"), error->message);

      set_reach (self, LOY_UNSET, text);
      return;
    }

  count = loy_format_count (reach);
  set_reach (self, reach, count);
}

static gboolean
count_reach_cb (gpointer data)
{
  LoyCampaignTargetPage *self = data;
  g_autoptr(LoyCampaign) campaign = loy_campaign_new ();

  self->reach_source = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  loy_campaign_target_page_apply (self, campaign);
  g_cancellable_cancel (self->reach_cancellable);
  g_set_object (&self->reach_cancellable, g_cancellable_new ());
  loy_store_count_campaign_reach_async (self->store, campaign, self->reach_cancellable,
                                        reach_counted_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

void
loy_campaign_target_page_changed (LoyCampaignTargetPage *self)
{
  LoyTargetType type = adw_combo_row_get_selected (self->target_row);

  gtk_widget_set_visible (GTK_WIDGET (self->levels_group), type == LOY_TARGET_TYPE_LEVEL);
  gtk_widget_set_visible (GTK_WIDGET (self->segments_group), type == LOY_TARGET_TYPE_SEGMENT);

  g_clear_handle_id (&self->reach_source, g_source_remove);
  g_cancellable_cancel (self->reach_cancellable);
  set_reach (self, LOY_UNSET, NULL);
  self->reach_source = g_timeout_add (REACH_DELAY_MS, count_reach_cb, self);

  g_signal_emit (self, signals [CHANGED], 0);
}

static void
add_choice (LoyCampaignTargetPage *self,
            AdwPreferencesGroup   *group,
            GPtrArray             *checks,
            GStrv                  pending,
            const char            *uuid,
            const char            *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (uuid), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               pending != NULL && g_strv_contains ((const char * const *) pending, uuid));
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (loy_campaign_target_page_changed), self);
  g_ptr_array_add (checks, check);
  adw_preferences_group_add (group, row);
}

static void
choices_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LoyPage) page = loy_store_query_finish (LOY_STORE (object), result, &error);
  LoyCampaignTargetPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CAMPAIGN_TARGET_PAGE (user_data);
  self->n_loading--;
  if (page == NULL)
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      gpointer item = g_ptr_array_index (page->items, i);

      if (LOY_IS_LEVEL (item))
        add_choice (self, self->levels_group, self->level_checks, self->pending_levels,
                    loy_level_get_uuid (item), loy_level_get_name (item));
      else
        add_choice (self, self->segments_group, self->segment_checks, self->pending_segments,
                    loy_segment_get_uuid (item), loy_segment_get_name (item));
    }

  loy_campaign_target_page_changed (self);
}

static void
tick_checks (GPtrArray          *checks,
             const char * const *uuids)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      gtk_check_button_set_active (check, g_strv_contains (uuids, g_object_get_data (G_OBJECT (check),
                                                                                   "uuid")));
    }
}

static void
loy_campaign_target_page_dispose (GObject *object)
{
  LoyCampaignTargetPage *self = LOY_CAMPAIGN_TARGET_PAGE (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->reach_cancellable);
  g_clear_handle_id (&self->reach_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_TARGET_PAGE);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->reach_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending_levels, g_strfreev);
  g_clear_pointer (&self->pending_segments, g_strfreev);
  g_clear_pointer (&self->level_checks, g_ptr_array_unref);
  g_clear_pointer (&self->segment_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_campaign_target_page_parent_class)->dispose (object);
}

static void
loy_campaign_target_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LoyCampaignTargetPage *self = LOY_CAMPAIGN_TARGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_REACH:
      g_value_set_int64 (value, self->reach);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_target_page_class_init (LoyCampaignTargetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_target_page_dispose;
  object_class->get_property = loy_campaign_target_page_get_property;

  properties [PROP_REACH] =
    g_param_spec_int64 ("reach", NULL, NULL,
                        G_MININT64, G_MAXINT64, LOY_UNSET,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-target-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignTargetPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignTargetPage, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignTargetPage, segments_group);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignTargetPage, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignTargetPage, reach_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignTargetPage, reach_label);
  gtk_widget_class_bind_template_callback (widget_class, loy_campaign_target_page_changed);
}

static void
loy_campaign_target_page_init (LoyCampaignTargetPage *self)
{
  self->reach = LOY_UNSET;
  self->level_checks = g_ptr_array_new ();
  self->segment_checks = g_ptr_array_new ();
  self->load_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->levels_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->segments_group), FALSE);
}

void
loy_campaign_target_page_set_store (LoyCampaignTargetPage *self,
                                    LoyStore              *store)
{
  LoyKind kinds[] = { LOY_KIND_LEVEL, LOY_KIND_SEGMENT };

  g_return_if_fail (LOY_IS_CAMPAIGN_TARGET_PAGE (self));
  g_return_if_fail (LOY_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(LoyQuery) query = loy_query_new (kinds[i]);

      self->n_loading++;
      loy_store_query_async (store, query, 0, MAX_CHOICES, self->load_cancellable,
                             choices_listed_cb, self);
    }
}

void
loy_campaign_target_page_load (LoyCampaignTargetPage *self,
                               LoyCampaign           *campaign)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_TARGET_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  g_strfreev (self->pending_levels);
  self->pending_levels = g_strdupv ((char **) loy_campaign_get_level_uuids (campaign));
  g_strfreev (self->pending_segments);
  self->pending_segments = g_strdupv ((char **) loy_campaign_get_segment_uuids (campaign));

  tick_checks (self->level_checks, loy_campaign_get_level_uuids (campaign));
  tick_checks (self->segment_checks, loy_campaign_get_segment_uuids (campaign));
  adw_combo_row_set_selected (self->target_row, loy_campaign_get_target_type (campaign));
  loy_campaign_target_page_changed (self);
}

void
loy_campaign_target_page_apply (LoyCampaignTargetPage *self,
                                LoyCampaign           *campaign)
{
  LoyTargetType type;
  g_auto(GStrv) levels = NULL;
  g_auto(GStrv) segments = NULL;
  const char * const none[] = { NULL };

  g_return_if_fail (LOY_IS_CAMPAIGN_TARGET_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  type = adw_combo_row_get_selected (self->target_row);
  levels = self->n_loading > 0 && self->pending_levels != NULL
           ? g_strdupv (self->pending_levels) : dup_checked (self->level_checks);
  segments = self->n_loading > 0 && self->pending_segments != NULL
             ? g_strdupv (self->pending_segments) : dup_checked (self->segment_checks);
  loy_campaign_set_target_type (campaign, type);
  /* Only the chosen kind: ticks left in the other list do not count. */
  loy_campaign_set_level_uuids (campaign, type == LOY_TARGET_TYPE_LEVEL
                                          ? (const char * const *) levels : none);
  loy_campaign_set_segment_uuids (campaign, type == LOY_TARGET_TYPE_SEGMENT
                                            ? (const char * const *) segments : none);
}

GtkLabel *
loy_campaign_target_page_get_problem_label (LoyCampaignTargetPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_TARGET_PAGE (self), NULL);

  return self->problem_label;
}

gint64
loy_campaign_target_page_get_reach (LoyCampaignTargetPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_TARGET_PAGE (self), LOY_UNSET);

  return self->reach;
}
