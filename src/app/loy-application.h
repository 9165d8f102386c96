/* loy-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "loy-core.h"

G_BEGIN_DECLS

#define LOY_TYPE_APPLICATION (loy_application_get_type ())

G_DECLARE_FINAL_TYPE (LoyApplication, loy_application, LOY, APPLICATION, AdwApplication)

LoyApplication *loy_application_new               (const char        *application_id,
                                                   GApplicationFlags  flags);
GSettings      *loy_application_get_settings      (LoyApplication    *self);
/* The open store, or %NULL while it opens or after it failed to. */
LoyStore       *loy_application_get_store         (LoyApplication    *self);
/* Why the store could not be opened, or %NULL. */
const GError   *loy_application_get_error         (LoyApplication    *self);
/* What the application is doing while the store opens, or %NULL when idle. */
const char     *loy_application_get_busy_message  (LoyApplication    *self);
/* How much of it is done, 0 to 1, or -1 when that is not known. */
double          loy_application_get_busy_fraction (LoyApplication    *self);
/* Whether a new database waits for the choice between an empty program and
 * demo data: the action app.start-program ("empty" or "demo") answers. */
gboolean        loy_application_get_awaiting_start (LoyApplication   *self);
/* A database file that overrides the data source of the settings (the
 * --database option); %NULL goes back to the settings. Reopens the store if
 * it was already open. */
const char     *loy_application_get_database_path (LoyApplication    *self);
void            loy_application_set_database_path (LoyApplication    *self,
                                                   const char        *path);
/* Opens the store the settings (or the --database override) point at,
 * dropping the current one. */
void            loy_application_reload_store      (LoyApplication    *self);
char           *loy_application_dup_local_path    (LoyApplication    *self);

G_END_DECLS
