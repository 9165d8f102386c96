/* loy-date-time-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-date-time-row.h"

struct _LoyDateTimeRow
{
  AdwActionRow     parent_instance;

  gint64           time;
  gboolean         end;
  /* Set while the calendar and spins are filled from @time. */
  gboolean         showing;

  /* Template widgets */
  GtkMenuButton   *date_button;
  GtkCalendar     *calendar;
  GtkSpinButton   *hour_spin;
  GtkSpinButton   *minute_spin;
};

G_DEFINE_FINAL_TYPE (LoyDateTimeRow, loy_date_time_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TIME,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_button (LoyDateTimeRow *self)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *label = NULL;

  if (self->time == 0)
    {
      gtk_menu_button_set_label (self->date_button, _("Choose…"));
      return;
    }

  local = g_date_time_new_from_unix_local (self->time);
  /* Translators: a campaign's start or end in local time, see g_date_time_format() */
  label = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
  gtk_menu_button_set_label (self->date_button, label);
}

/* The time of the calendar's day at the spins' hour and minute. */
static void
read_time (LoyDateTimeRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) local = g_date_time_new_local (g_date_time_get_year (day),
                                                      g_date_time_get_month (day),
                                                      g_date_time_get_day_of_month (day),
                                                      gtk_spin_button_get_value_as_int (self->hour_spin),
                                                      gtk_spin_button_get_value_as_int (self->minute_spin),
                                                      self->end ? 59 : 0);

  self->time = g_date_time_to_unix (local);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME]);
}

static void
day_selected_cb (LoyDateTimeRow *self)
{
  if (!self->showing)
    read_time (self);
}

static void
time_changed_cb (LoyDateTimeRow *self)
{
  /* The time of a day not chosen yet waits for the day. */
  if (!self->showing && self->time != 0)
    read_time (self);
}

static gboolean
two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* The calendar and spins show the time, or today at the start (or end)
 * of the day for an empty row. */
static void
show_time (LoyDateTimeRow *self)
{
  g_autoptr(GDateTime) local = self->time != 0 ? g_date_time_new_from_unix_local (self->time)
                                               : g_date_time_new_now_local ();

  self->showing = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, self->time != 0 ? g_date_time_get_hour (local)
                                              : self->end ? 23 : 0);
  gtk_spin_button_set_value (self->minute_spin, self->time != 0 ? g_date_time_get_minute (local)
                                                : self->end ? 59 : 0);
  self->showing = FALSE;
}

static void
popover_shown_cb (LoyDateTimeRow *self)
{
  show_time (self);
  /* Opening an empty row picks today, which the calendar shows selected
   * already, so that a click on it is not needed to choose it. */
  if (self->time == 0)
    read_time (self);
}

static void
loy_date_time_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LoyDateTimeRow *self = LOY_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    case PROP_END:
      g_value_set_boolean (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_date_time_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LoyDateTimeRow *self = LOY_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      loy_date_time_row_set_time (self, g_value_get_int64 (value));
      break;

    case PROP_END:
      self->end = g_value_get_boolean (value);
      show_time (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_date_time_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_DATE_TIME_ROW);

  G_OBJECT_CLASS (loy_date_time_row_parent_class)->dispose (object);
}

static void
loy_date_time_row_class_init (LoyDateTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_date_time_row_dispose;
  object_class->get_property = loy_date_time_row_get_property;
  object_class->set_property = loy_date_time_row_set_property;

  properties [PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_END] =
    g_param_spec_boolean ("end", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/loy-date-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyDateTimeRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, LoyDateTimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, LoyDateTimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, LoyDateTimeRow, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
}

static void
loy_date_time_row_init (LoyDateTimeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_button (self);
  show_time (self);
}

gint64
loy_date_time_row_get_time (LoyDateTimeRow *self)
{
  g_return_val_if_fail (LOY_IS_DATE_TIME_ROW (self), 0);

  return self->time;
}

void
loy_date_time_row_set_time (LoyDateTimeRow *self,
                            gint64          time)
{
  g_return_if_fail (LOY_IS_DATE_TIME_ROW (self));

  if (self->time == time)
    return;

  self->time = time;
  show_time (self);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME]);
}
