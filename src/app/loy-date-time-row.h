/* loy-date-time-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LOY_TYPE_DATE_TIME_ROW (loy_date_time_row_get_type ())

G_DECLARE_FINAL_TYPE (LoyDateTimeRow, loy_date_time_row, LOY, DATE_TIME_ROW, AdwActionRow)

/* A row that picks a day and an hour:minute in local time: a button
 * showing them opens a calendar and two spin buttons. The time is Unix
 * seconds (so UTC), 0 until a day is chosen. An end of a window ("end")
 * starts at 23:59 and takes the whole minute (its 59th second), so that
 * both ends can be included. Notifies "time". */
gint64    loy_date_time_row_get_time (LoyDateTimeRow *self);
/* 0 empties the row. */
void      loy_date_time_row_set_time (LoyDateTimeRow *self,
                                      gint64          time);

G_END_DECLS
