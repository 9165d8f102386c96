/* test-ui-narrow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "loy-i18n.h"
#include "loy-section-view.h"
#include "loy-ui-test.h"
#include "loy-window.h"

/* Every section of the real application, in the language the test runs in
 * (meson runs it in English, Dutch and Polish), shrinks to a phone's width
 * in one step: no header or label is wider than the 360 px a phone gives.
 * Each section is saved as tests/screenshots/narrow-LANG-SECTION.png. */

static LoyWindow *window;
static char *database;
static const char *language;
/* Whether the test's locale exists: without it gettext answers in English. */
static gboolean translated;

/* (A window's frame counts in its default size, not in its width.) */
static gboolean
window_wider_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) > GPOINTER_TO_INT (data);
}

static gboolean
window_narrower_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (window)) < GPOINTER_TO_INT (data);
}

/* How wide the window is once it has had a moment to take a size it was
 * given: a window held wider by a child stays wider. */
static int
settled_width (void)
{
  for (guint frame = 0; frame < 5; frame++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return gtk_widget_get_width (GTK_WIDGET (window));
}


static void
test_section (gconstpointer data)
{
  const char *section = data;
  g_autofree char *name = g_strdup_printf ("narrow-%s-%s", language, section);
  LoySectionView *view = NULL;
  int width;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  loy_ui_test_wait_for (window_wider_than, GINT_TO_POINTER (800), "the window at desktop width");
  if (!translated)
    {
      g_test_skip ("No locale for the language the test runs in");
      return;
    }

  /* The overview is a page of its own, not a list. */
  if (g_str_equal (section, "overview"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section);
  else
    {
      GtkWidget *squeezer;

      view = loy_ui_test_show_section (window, section);
      loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the section's rows");
      /* At desktop width a button with an icon and a label shows both. */
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      if ((squeezer = loy_ui_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_SQUEEZER, NULL)))
        g_assert_true (ADW_IS_BUTTON_CONTENT (adw_squeezer_get_visible_child (ADW_SQUEEZER (squeezer))));
    }
  g_assert_false (loy_window_get_folded (window));

  /* One step, as a window manager's snap or a phone's screen gives it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  loy_ui_test_wait_for (window_narrower_than, GINT_TO_POINTER (800), "the window to shrink");
  /* Folded, the window shows the sidebar until a section is chosen there. */
  adw_leaflet_navigate (ADW_LEAFLET (loy_ui_test_find_descendant (GTK_WIDGET (window),
                                                                  ADW_TYPE_LEAFLET, NULL)),
                        ADW_NAVIGATION_DIRECTION_FORWARD);
  width = settled_width ();
  /* Saved first: a window held too wide shows what holds it. */
  loy_ui_test_save_screenshot (GTK_WIDGET (window), name);
  g_assert_cmpint (width, <=, 360);
  g_assert_true (loy_window_get_folded (window));
  if (view != NULL)
    g_assert_true (loy_section_view_get_compact (view));
}

int
main (int   argc,
      char *argv[])
{
  static const char *sections[] = {
    "overview", "rewards", "campaigns", "code-groups", "contacts", "levels-segments", NULL
  };

  /* The language comes first: "en", or one whose translation the build
   * made, in that language's locale. */
  g_assert_cmpint (argc, >=, 2);
  language = argv[1];
  argv[1] = argv[0];
  argc--, argv++;
  if (!g_str_equal (language, "en"))
    {
      g_autofree char *locale = g_strdup_printf ("%s_%c%c.UTF-8", language,
                                                 g_ascii_toupper (language[0]),
                                                 g_ascii_toupper (language[1]));

      g_setenv ("LC_ALL", locale, TRUE);
      g_setenv ("LANGUAGE", language, TRUE);
    }

  /* The application's own binding of its translations, in that locale. */
  loy_i18n_init ();
  translated = g_str_equal (language, "en") ||
               g_str_has_prefix (setlocale (LC_MESSAGES, NULL), language);

  if (!loy_ui_test_init (&argc, &argv, "ui-narrow"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui-narrow/%s/%s", language, sections[i]);

      g_test_add_data_func (path, sections[i], test_section);
    }

  {
    int ret = g_test_run ();

    loy_ui_test_stop_app (database);
    g_free (database);
    return ret;
  }
}
