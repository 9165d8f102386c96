/* loy-figure-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "loy-figure-card.h"

struct _LoyFigureCard
{
  GtkWidget  parent_instance;

  GtkWidget *value;
  GtkWidget *caption;
  GtkWidget *note;
};

G_DEFINE_FINAL_TYPE (LoyFigureCard, loy_figure_card, GTK_TYPE_WIDGET)

static void
loy_figure_card_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (loy_figure_card_parent_class)->dispose (object);
}

static void
loy_figure_card_class_init (LoyFigureCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = loy_figure_card_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figurecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
add_label (LoyFigureCard *self,
           const char    *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Narrow enough for three to a line at the clamp's width. */
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return label;
}

static void
loy_figure_card_init (LoyFigureCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "figure-card");

  self->caption = add_label (self, "dim-label");
  self->value = add_label (self, "title-2");
  gtk_widget_add_css_class (self->value, "numeric");
  self->note = add_label (self, "caption");
  gtk_widget_add_css_class (self->note, "dim-label");
}

GtkWidget *
loy_figure_card_new (const char *caption)
{
  LoyFigureCard *self = g_object_new (LOY_TYPE_FIGURE_CARD, NULL);

  gtk_label_set_text (GTK_LABEL (self->caption), caption);
  loy_figure_card_set (self, "–", NULL);

  return GTK_WIDGET (self);
}

void
loy_figure_card_set (LoyFigureCard *self,
                     const char    *value,
                     const char    *note)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LOY_IS_FIGURE_CARD (self));

  gtk_label_set_text (GTK_LABEL (self->value), value);
  gtk_label_set_text (GTK_LABEL (self->note), note != NULL ? note : "");
  gtk_widget_set_visible (self->note, note != NULL);

  description = g_strjoin (" ", gtk_label_get_text (GTK_LABEL (self->caption)), value,
                           note != NULL ? note : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_strstrip (description), -1);
}

const char *
loy_figure_card_get_value (LoyFigureCard *self)
{
  g_return_val_if_fail (LOY_IS_FIGURE_CARD (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->value));
}

const char *
loy_figure_card_get_note (LoyFigureCard *self)
{
  g_return_val_if_fail (LOY_IS_FIGURE_CARD (self), NULL);

  return gtk_widget_get_visible (self->note) ? gtk_label_get_text (GTK_LABEL (self->note)) : NULL;
}

char *
loy_figure_card_format_change (gint64 value,
                               gint64 previous)
{
  double percent;

  if (value == previous)
    return g_strdup (_("No change on the period before"));

  if (previous == 0)
    return g_strdup (_("Up from none in the period before"));

  percent = round (100.0 * (double) (value - previous) / (double) previous);
  if (percent == 0)
    return g_strdup (_("About as much as the period before"));

  /* Translators: the change of a figure, "+12% on the period before" */
  return g_strdup_printf (_("%+.0f%% on the period before"), percent);
}
