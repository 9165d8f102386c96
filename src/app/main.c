/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-application.h"
#include "loy-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LoyApplication) app = NULL;

  loy_i18n_init ();

  app = loy_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
