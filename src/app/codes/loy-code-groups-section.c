/* loy-code-groups-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-code-groups-section.h"
#include "loy-format.h"

struct _LoyCodeGroupsSection
{
  GtkWidget       parent_instance;

  /* Template widgets */
  LoySectionView *view;
};

G_DEFINE_FINAL_TYPE (LoyCodeGroupsSection, loy_code_groups_section, LOY_TYPE_SECTION)

static char *
code_group_name (gpointer item)
{
  return g_strdup (loy_code_group_get_name (item));
}

static char *
code_group_reward (gpointer item)
{
  return g_strdup (loy_code_group_get_reward_title (item));
}

static char *
code_group_total (gpointer item)
{
  return loy_format_count (loy_code_group_get_total (item));
}

static char *
code_group_available (gpointer item)
{
  return loy_format_count (loy_code_group_get_available (item));
}

static const char *
code_group_low_stock_icon (gpointer item)
{
  return loy_code_group_is_low_on_stock (item) ? "dialog-warning-symbolic" : NULL;
}

static char *
code_group_issued (gpointer item)
{
  return loy_format_count (loy_code_group_get_issued (item));
}

/* When the codes run out at the last 30 days' rate. */
static char *
code_group_runs_out (gpointer item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) empty_at = loy_code_group_forecast_empty_at (item, now);

  if (loy_code_group_get_available (item) == 0)
    return g_strdup (_("No codes left"));

  /* No redemptions lately: no date to foresee. */
  if (empty_at == NULL)
    return g_strdup ("—");

  return loy_format_date (empty_at);
}

static const LoyColumnSpec code_group_columns[] = {
  { N_("Name"), code_group_name, LOY_COLUMN_EXPAND },
  { N_("Reward"), code_group_reward, LOY_COLUMN_EXPAND | LOY_COLUMN_SECONDARY },
  { N_("Total"), code_group_total, LOY_COLUMN_NUMERIC | LOY_COLUMN_SECONDARY },
  { N_("Available"), code_group_available, LOY_COLUMN_NUMERIC,
    code_group_low_stock_icon, N_("Running low on codes") },
  { N_("Issued"), code_group_issued, LOY_COLUMN_NUMERIC | LOY_COLUMN_SECONDARY },
  { N_("Runs Out"), code_group_runs_out, LOY_COLUMN_SECONDARY },
  { NULL }
};

static void
item_activated_cb (LoyCodeGroupsSection *self,
                   GObject              *item)
{
  loy_code_groups_section_open_group (self, LOY_CODE_GROUP (item));
}

static void
loy_code_groups_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CODE_GROUPS_SECTION);

  G_OBJECT_CLASS (loy_code_groups_section_parent_class)->dispose (object);
}

static void
loy_code_groups_section_class_init (LoyCodeGroupsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_code_groups_section_dispose;



  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "codes/loy-code-groups-section.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyCodeGroupsSection, view);
  gtk_widget_class_bind_template_callback (widget_class, item_activated_cb);
}

static void
loy_code_groups_section_init (LoyCodeGroupsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  loy_section_set_view (LOY_SECTION (self), self->view);

  loy_section_view_set_columns (self->view, code_group_columns);
}

LoyCodeGroupWindow *
loy_code_groups_section_open_group (LoyCodeGroupsSection *self,
                                    LoyCodeGroup         *group)
{
  LoyCodeGroupWindow *window;

  g_return_val_if_fail (LOY_IS_CODE_GROUPS_SECTION (self), NULL);
  g_return_val_if_fail (LOY_IS_CODE_GROUP (group), NULL);

  window = loy_code_group_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      loy_section_view_get_store (self->view), group);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}
