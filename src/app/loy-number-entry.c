/* loy-number-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-core.h"
#include "loy-number-entry.h"

struct _LoyNumberEntry
{
  GtkWidget  parent_instance;

  gboolean   money;
  gboolean   optional;
  gint64     minimum;
  gint64     maximum;

  gint64     value;
  char      *problem;
  gboolean   edited;
  gboolean   setting;

  /* Template widgets */
  GtkEntry  *entry;
  GtkLabel  *problem_label;
};

static void editable_iface_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LoyNumberEntry, loy_number_entry, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, editable_iface_init))

enum {
  PROP_0,
  PROP_MONEY,
  PROP_OPTIONAL,
  PROP_MINIMUM,
  PROP_MAXIMUM,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkEditable *
loy_number_entry_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (LOY_NUMBER_ENTRY (editable)->entry);
}

static void
editable_iface_init (GtkEditableInterface *iface)
{
  iface->get_delegate = loy_number_entry_get_delegate;
}

static void
loy_number_entry_check (LoyNumberEntry *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *old_problem = g_steal_pointer (&self->problem);
  g_autoptr(GError) error = NULL;
  gboolean shown;

  if (self->optional && text[0] == '\0')
    self->value = LOY_UNSET;
  else if (self->money
           ? !loy_number_parse_money (text, NULL, self->minimum, self->maximum, &self->value, &error)
           : !loy_number_parse_whole (text, NULL, self->minimum, self->maximum, &self->value, &error))
    self->problem = g_strdup (error->message);

  shown = self->problem != NULL && self->edited;
  gtk_label_set_label (self->problem_label, shown ? self->problem : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), shown);
  if (shown)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown ? self->problem : NULL,
                                  -1);

  if (g_strcmp0 (old_problem, self->problem) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROBLEM]);
}

static void
text_changed_cb (LoyNumberEntry *self)
{
  if (!self->setting)
    self->edited = TRUE;
  loy_number_entry_check (self);
}

static gboolean
loy_number_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LOY_NUMBER_ENTRY (widget)->entry));
}

static gboolean
loy_number_entry_mnemonic_activate (GtkWidget *widget,
                                    gboolean   group_cycling)
{
  return gtk_widget_grab_focus (widget);
}

static void
loy_number_entry_dispose (GObject *object)
{
  LoyNumberEntry *self = LOY_NUMBER_ENTRY (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_NUMBER_ENTRY);

  G_OBJECT_CLASS (loy_number_entry_parent_class)->dispose (object);
}

static void
loy_number_entry_finalize (GObject *object)
{
  LoyNumberEntry *self = LOY_NUMBER_ENTRY (object);

  g_free (self->problem);

  G_OBJECT_CLASS (loy_number_entry_parent_class)->finalize (object);
}

static void
loy_number_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LoyNumberEntry *self = LOY_NUMBER_ENTRY (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_MONEY:
      g_value_set_boolean (value, self->money);
      break;

    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;

    case PROP_MINIMUM:
      g_value_set_int64 (value, self->minimum);
      break;

    case PROP_MAXIMUM:
      g_value_set_int64 (value, self->maximum);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_number_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LoyNumberEntry *self = LOY_NUMBER_ENTRY (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_MONEY:
      self->money = g_value_get_boolean (value);
      break;

    case PROP_OPTIONAL:
      self->optional = g_value_get_boolean (value);
      break;

    case PROP_MINIMUM:
      loy_number_entry_set_range (self, g_value_get_int64 (value), MAX (self->maximum, g_value_get_int64 (value)));
      return;

    case PROP_MAXIMUM:
      loy_number_entry_set_range (self, MIN (self->minimum, g_value_get_int64 (value)), g_value_get_int64 (value));
      return;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
  loy_number_entry_check (self);
}

static void
loy_number_entry_class_init (LoyNumberEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_number_entry_dispose;
  object_class->finalize = loy_number_entry_finalize;
  object_class->get_property = loy_number_entry_get_property;
  object_class->set_property = loy_number_entry_set_property;

  widget_class->grab_focus = loy_number_entry_grab_focus;
  widget_class->mnemonic_activate = loy_number_entry_mnemonic_activate;

  properties [PROP_MONEY] =
    g_param_spec_boolean ("money", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MINIMUM] =
    g_param_spec_int64 ("minimum", NULL, NULL,
                        G_MININT64 / 100, G_MAXINT64 / 100, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MAXIMUM] =
    g_param_spec_int64 ("maximum", NULL, NULL,
                        G_MININT64 / 100, G_MAXINT64 / 100, G_MAXINT32,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/loy-number-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyNumberEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, LoyNumberEntry, problem_label);
}

static void
loy_number_entry_init (LoyNumberEntry *self)
{
  self->maximum = G_MAXINT32;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the delegate's, so that whoever listens to ::changed finds the
   * text checked. */
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  loy_number_entry_check (self);
}

GtkWidget *
loy_number_entry_new (void)
{
  return g_object_new (LOY_TYPE_NUMBER_ENTRY, NULL);
}

void
loy_number_entry_set_value (LoyNumberEntry *self,
                            gint64          value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LOY_IS_NUMBER_ENTRY (self));

  if (!(self->optional && value == LOY_UNSET))
    text = self->money ? loy_number_format_money (NULL, value) : loy_number_format_whole (NULL, value);

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ?: "");
  self->setting = FALSE;
  self->edited = FALSE;
  loy_number_entry_check (self);
}

gboolean
loy_number_entry_get_value (LoyNumberEntry *self,
                            gint64         *value)
{
  g_return_val_if_fail (LOY_IS_NUMBER_ENTRY (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (self->problem != NULL)
    return FALSE;

  *value = self->value;
  return TRUE;
}

const char *
loy_number_entry_get_problem (LoyNumberEntry *self)
{
  g_return_val_if_fail (LOY_IS_NUMBER_ENTRY (self), NULL);

  return self->problem;
}

gboolean
loy_number_entry_get_edited (LoyNumberEntry *self)
{
  g_return_val_if_fail (LOY_IS_NUMBER_ENTRY (self), FALSE);

  return self->edited;
}

void
loy_number_entry_set_range (LoyNumberEntry *self,
                            gint64          minimum,
                            gint64          maximum)
{
  g_return_if_fail (LOY_IS_NUMBER_ENTRY (self));
  g_return_if_fail (minimum <= maximum);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->minimum != minimum)
    {
      self->minimum = minimum;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MINIMUM]);
    }
  if (self->maximum != maximum)
    {
      self->maximum = maximum;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAXIMUM]);
    }
  loy_number_entry_check (self);
  g_object_thaw_notify (G_OBJECT (self));
}
