/* loy-operator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-operator.h"

/* The application's settings, read here on their own so the widgets that
 * ask for the operator need not reach the application. */

char *
loy_operator_dup_name (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *name = NULL;

  name = g_settings_get_string (settings, "operator-name");
  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);

  return g_strdup (g_get_real_name ());
}

void
loy_operator_remember_name (const char *name)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  g_return_if_fail (name != NULL);

  g_settings_set_string (settings, "operator-name", name);
}
