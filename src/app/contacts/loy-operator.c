/* loy-operator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-application.h"
#include "loy-operator.h"

static GSettings *
get_settings (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return LOY_IS_APPLICATION (app) ? loy_application_get_settings (LOY_APPLICATION (app)) : NULL;
}

char *
loy_operator_dup_name (GtkWidget *widget)
{
  GSettings *settings;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  settings = get_settings (widget);
  if (settings != NULL)
    name = g_settings_get_string (settings, "operator-name");
  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);

  return g_strdup (g_get_real_name ());
}

void
loy_operator_remember_name (GtkWidget  *widget,
                            const char *name)
{
  GSettings *settings;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  settings = get_settings (widget);
  if (settings != NULL)
    g_settings_set_string (settings, "operator-name", name);
}
