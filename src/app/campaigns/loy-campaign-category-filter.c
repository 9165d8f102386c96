/* loy-campaign-category-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-category-filter.h"

/* The Category row of the campaign list's filters: a check for each
 * category of the managed list, listed by the store each time the filters
 * open. A campaign in any category ticked is listed. */

struct _LoyCampaignCategoryFilter
{
  GtkWidget     parent_instance;

  GCancellable *cancellable;
  /* Of the categories ticked, in the list's order; %NULL-terminated */
  GPtrArray    *uuids;
  GPtrArray    *names;

  /* Template widgets */
  GtkWidget     *content;
  GtkLabel     *status_label;
  GtkBox       *checks_box;
};

G_DEFINE_FINAL_TYPE (LoyCampaignCategoryFilter, loy_campaign_category_filter, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
show_status (LoyCampaignCategoryFilter *self,
             const char                *status)
{
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

/* The ticks, read again in the list's order. */
static void
read_ticks (LoyCampaignCategoryFilter *self)
{
  g_ptr_array_set_size (self->uuids, 0);
  g_ptr_array_set_size (self->names, 0);
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->checks_box));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      g_ptr_array_add (self->uuids, g_strdup (g_object_get_data (G_OBJECT (check), "uuid")));
      g_ptr_array_add (self->names, g_strdup (gtk_check_button_get_label (GTK_CHECK_BUTTON (check))));
    }
}

static void
check_toggled_cb (LoyCampaignCategoryFilter *self)
{
  read_ticks (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static gboolean
is_ticked (LoyCampaignCategoryFilter *self,
           const char                *uuid)
{
  for (guint i = 0; i < self->uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->uuids, i), uuid))
      return TRUE;

  return FALSE;
}

static void
categories_listed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = loy_store_list_campaign_categories_finish (LOY_STORE (object),
                                                                               result, &error);
  LoyCampaignCategoryFilter *self;
  GtkWidget *child;
  guint n_ticked;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LOY_CAMPAIGN_CATEGORY_FILTER (user_data);
  if (categories == NULL)
    {
      show_status (self, error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_box))) != NULL)
    gtk_box_remove (self->checks_box, child);

  for (guint i = 0; i < categories->len; i++)
    {
      LoyCampaignCategory *category = g_ptr_array_index (categories, i);
      const char *uuid = loy_campaign_category_get_uuid (category);
      GtkWidget *check = gtk_check_button_new_with_label (loy_campaign_category_get_name (category));

      g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (uuid), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_ticked (self, uuid));
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->checks_box, check);
    }
  show_status (self, categories->len == 0 ? _("No categories yet: campaigns get them in their editor.")
                                          : NULL);

  /* A category deleted meanwhile no longer filters. */
  n_ticked = self->uuids->len;
  read_ticks (self);
  if (self->uuids->len != n_ticked)
    g_signal_emit (self, signals [CHANGED], 0);
}

static void
loy_campaign_category_filter_dispose (GObject *object)
{
  LoyCampaignCategoryFilter *self = LOY_CAMPAIGN_CATEGORY_FILTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_CAMPAIGN_CATEGORY_FILTER);
  g_clear_pointer (&self->uuids, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (loy_campaign_category_filter_parent_class)->dispose (object);
}

static void
loy_campaign_category_filter_class_init (LoyCampaignCategoryFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_category_filter_dispose;

  /* A category ticked or unticked */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-category-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignCategoryFilter, content);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignCategoryFilter, status_label);
  gtk_widget_class_bind_template_child (widget_class, LoyCampaignCategoryFilter, checks_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
loy_campaign_category_filter_init (LoyCampaignCategoryFilter *self)
{
  self->uuids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->names = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
loy_campaign_category_filter_new (void)
{
  return g_object_new (LOY_TYPE_CAMPAIGN_CATEGORY_FILTER, NULL);
}

void
loy_campaign_category_filter_load (LoyCampaignCategoryFilter *self,
                                   LoyStore                  *store)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_CATEGORY_FILTER (self));
  g_return_if_fail (LOY_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  loy_store_list_campaign_categories_async (store, self->cancellable, categories_listed_cb, self);
}

GStrv
loy_campaign_category_filter_dup_uuids (LoyCampaignCategoryFilter *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY_FILTER (self), NULL);

  return self->uuids->len > 0 ? g_strdupv ((char **) self->uuids->pdata) : NULL;
}

char *
loy_campaign_category_filter_dup_summary (LoyCampaignCategoryFilter *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY_FILTER (self), NULL);

  /* Translators: between the categories a list is filtered on, "Webshop, In store" */
  return self->names->len > 0 ? g_strjoinv (_(", "), (char **) self->names->pdata) : NULL;
}

void
loy_campaign_category_filter_clear (LoyCampaignCategoryFilter *self)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_CATEGORY_FILTER (self));

  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->checks_box));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      g_signal_handlers_block_by_func (check, check_toggled_cb, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      g_signal_handlers_unblock_by_func (check, check_toggled_cb, self);
    }
  read_ticks (self);
}
