/* loy-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "campaigns/loy-campaigns-section.h"
#include "codes/loy-code-groups-section.h"
#include "contacts/loy-contacts-section.h"
#include "overview/loy-overview-view.h"
#include "loy-section.h"
#include "loy-section-view.h"
#include "loy-toast-target.h"
#include "loy-window.h"
#include "program/loy-levels-section.h"
#include "program/loy-segments-section.h"
#include "rewards/loy-rewards-section.h"

struct _LoyWindow
{
  AdwApplicationWindow  parent_instance;

  LoyStore             *store;
  GListModel           *pages;
  gboolean              store_was_shown;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwStatusPage        *busy_page;
  GtkSpinner           *busy_spinner;
  GtkProgressBar       *busy_progress;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *content_title;
  LoyToastTarget       *toast_target;
  GtkStack             *stack;
  LoyOverviewView      *overview;
  GtkWidget            *levels;
  GtkWidget            *segments;
  AdwViewStack         *levels_segments_stack;
  GtkRevealer          *key_refused_bar;
  GtkWidget            *code_groups_note;
};

G_DEFINE_FINAL_TYPE (LoyWindow, loy_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkWidget *
create_sidebar_row_cb (gpointer item,
                       gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_bind_property (page, "visible", row, "visible", G_BINDING_SYNC_CREATE);

  return row;
}

/* Each section is given the window's store here, not by a binding in
 * loy-window.ui: with GTK 4.8 such a binding to the window loses its weak
 * reference once the store has changed twice, and closing the window then
 * warns. A section hides itself when the store cannot list its records; its
 * page (and so its sidebar row) follows, and the page of levels and
 * segments goes when both of its tabs have. */
static void
loy_window_update_sections (LoyWindow *self)
{
  GtkWidget *levels_segments_page = gtk_widget_get_parent (GTK_WIDGET (self->levels_segments_stack));
  guint n_pages = g_list_model_get_n_items (self->pages);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STORE]);
  loy_section_set_store (LOY_SECTION (self->levels), self->store);
  loy_section_set_store (LOY_SECTION (self->segments), self->store);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->pages, i);
      GtkStackPage *page = GTK_STACK_PAGE (item);
      GtkWidget *child = gtk_stack_page_get_child (page);

      if (LOY_IS_SECTION (child))
        loy_section_set_store (LOY_SECTION (child), self->store);

      if (child == levels_segments_page)
        gtk_stack_page_set_visible (page, gtk_widget_get_visible (self->levels) ||
                                          gtk_widget_get_visible (self->segments));
      else
        gtk_stack_page_set_visible (page, gtk_widget_get_visible (child));
    }

  /* Not offered, and not silently gone either */
  gtk_widget_set_visible (self->code_groups_note,
                          self->store != NULL && !loy_store_can (self->store, LOY_STORE_CAN_LIST_CODES));
  loy_overview_view_set_store (self->overview, self->store);
}

/* A refused key met anywhere, not only as the account opens: the way to
 * Preferences stays on show until another store (a new key) replaces it. */
static void
key_refused_cb (LoyWindow *self)
{
  gtk_revealer_set_reveal_child (self->key_refused_bar, TRUE);
}

static void
loy_window_update_state (LoyWindow *self)
{
  LoyApplication *app = LOY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const GError *error = loy_application_get_error (app);
  LoyStore *store = loy_application_get_store (app);
  const char *page;

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      page = "error";
    }
  else if (store != NULL)
    page = "ready";
  else if (loy_application_get_awaiting_start (app))
    page = "start";
  else
    {
      const char *message = loy_application_get_busy_message (app);
      double fraction = loy_application_get_busy_fraction (app);

      adw_status_page_set_title (self->busy_page, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->busy_progress), fraction >= 0);
      gtk_progress_bar_set_fraction (self->busy_progress, MAX (fraction, 0));
      page = "busy";
    }

  gtk_spinner_set_spinning (self->busy_spinner, g_str_equal (page, "busy"));
  gtk_stack_set_visible_child_name (self->main_stack, page);

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_func (self->store, key_refused_cb, self);
      if (store != NULL)
        g_signal_connect_object (store, "refused", G_CALLBACK (key_refused_cb), self, G_CONNECT_SWAPPED);
      gtk_revealer_set_reveal_child (self->key_refused_bar, FALSE);
    }

  if (g_set_object (&self->store, store))
    {
      loy_window_update_sections (self);

      if (store != NULL)
        {
          if (self->store_was_shown)
            {
              g_autofree char *description = loy_store_get_description (store);
              g_autofree char *title = g_strdup_printf (_("Showing %s"), description);

              loy_toast_target_add_toast (self->toast_target, adw_toast_new (title));
            }
          self->store_was_shown = TRUE;
        }
    }
}

static void
visible_section_changed_cb (LoyWindow  *self,
                            GParamSpec *pspec,
                            GtkStack   *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  GtkStackPage *page;
  guint n_pages;

  if (child == NULL)
    return;

  page = gtk_stack_get_page (stack, child);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  n_pages = g_list_model_get_n_items (self->pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->pages, i);

      if (item == G_OBJECT (page))
        gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
}

static void
sidebar_row_activated_cb (LoyWindow     *self,
                          GtkListBoxRow *row,
                          GtkListBox    *sidebar)
{
  g_autoptr(GObject) page = g_list_model_get_item (self->pages, gtk_list_box_row_get_index (row));

  loy_window_set_section (self, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
loy_window_back_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LoyWindow *self = LOY_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
loy_window_search_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LoyWindow *self = LOY_WINDOW (widget);
  LoySectionView *view = loy_section_view_find (loy_window_get_visible_view (self));

  if (view == NULL)
    return;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (loy_section_view_get_search_entry (view));
}

/* LOYALTY_DESK_EXIT_AFTER_FIRST_FRAME=1, for bench/bench-startup.c: once the
 * first frame is painted, print when (CLOCK_MONOTONIC, µs, comparable with
 * the parent process's clock) and the peak memory so far, then quit. */
static void
first_frame_painted_cb (LoyWindow     *self,
                        GdkFrameClock *frame_clock)
{
  g_autofree char *status = NULL;
  const char *peak = NULL;

  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_painted_cb, self);
  g_print ("first-frame-us: %" PRId64 "\n", g_get_monotonic_time ());
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (peak = strstr (status, "VmHWM:")) != NULL)
    g_print ("%.*s\n", (int) strcspn (peak, "\n"), peak);

  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
window_realized_cb (LoyWindow *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, G_CONNECT_SWAPPED);
}

/* A toast with Undo carries out its action when it goes away without
 * Undo, so closing settles every toast now rather than losing them. */
static gboolean
loy_window_close_request (GtkWindow *window)
{
  loy_toast_target_dismiss_all (LOY_WINDOW (window)->toast_target);

  return GTK_WINDOW_CLASS (loy_window_parent_class)->close_request (window);
}

static void
loy_window_dispose (GObject *object)
{
  LoyWindow *self = LOY_WINDOW (object);

  g_signal_handlers_disconnect_by_func (self->stack, visible_section_changed_cb, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, key_refused_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LOY_TYPE_WINDOW);

  g_clear_object (&self->pages);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (loy_window_parent_class)->dispose (object);
}

static void
loy_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LoyWindow *self = LOY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, loy_window_get_section (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LoyWindow *self = LOY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      loy_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_window_class_init (LoyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = loy_window_dispose;
  object_class->get_property = loy_window_get_property;
  object_class->set_property = loy_window_set_property;

  window_class->close_request = loy_window_close_request;

  properties [PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The store the sections show, %NULL while none is open */
  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LOY_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The sections, as loy-window.ui lists them */
  g_type_ensure (LOY_TYPE_TOAST_TARGET);
  g_type_ensure (LOY_TYPE_OVERVIEW_VIEW);
  g_type_ensure (LOY_TYPE_REWARDS_SECTION);
  g_type_ensure (LOY_TYPE_CAMPAIGNS_SECTION);
  g_type_ensure (LOY_TYPE_SECTION_VIEW);
  g_type_ensure (LOY_TYPE_CODE_GROUPS_SECTION);
  g_type_ensure (LOY_TYPE_CONTACTS_SECTION);
  g_type_ensure (LOY_TYPE_LEVELS_SECTION);
  g_type_ensure (LOY_TYPE_SEGMENTS_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/loy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, busy_page);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, busy_progress);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, toast_target);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, key_refused_bar);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, code_groups_note);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, levels);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, segments);
  gtk_widget_class_bind_template_child (widget_class, LoyWindow, levels_segments_stack);
  gtk_widget_class_bind_template_callback (widget_class, visible_section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  gtk_widget_class_install_action (widget_class, "win.search", NULL, loy_window_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, loy_window_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
}

static void
loy_window_init (LoyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  gtk_list_box_bind_model (self->sidebar, self->pages, create_sidebar_row_cb, NULL, NULL);
  visible_section_changed_cb (self, NULL, self->stack);

  if (g_getenv ("LOYALTY_DESK_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (window_realized_cb), NULL);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

LoyWindow *
loy_window_new (LoyApplication *application)
{
  LoyWindow *self;
  GSettings *settings;
  g_autofree char *section = NULL;

  g_return_val_if_fail (LOY_IS_APPLICATION (application), NULL);

  self = g_object_new (LOY_TYPE_WINDOW, "application", application, NULL);
  settings = loy_application_get_settings (application);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  section = g_settings_get_string (settings, "last-section");
  loy_window_set_section (self, section);

  g_signal_connect_object (application, "notify::store",
                           G_CALLBACK (loy_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::error",
                           G_CALLBACK (loy_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::busy-message",
                           G_CALLBACK (loy_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::busy-fraction",
                           G_CALLBACK (loy_window_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::awaiting-start",
                           G_CALLBACK (loy_window_update_state), self, G_CONNECT_SWAPPED);
  loy_window_update_state (self);

  return self;
}

const char *
loy_window_get_section (LoyWindow *self)
{
  g_return_val_if_fail (LOY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
loy_window_set_section (LoyWindow  *self,
                        const char *section)
{
  LoyApplication *app;
  GtkWidget *child;

  g_return_if_fail (LOY_IS_WINDOW (self));

  child = section != NULL ? gtk_stack_get_child_by_name (self->stack, section) : NULL;
  if (child == NULL || !gtk_stack_page_get_visible (gtk_stack_get_page (self->stack, child)))
    child = GTK_WIDGET (self->overview);

  gtk_stack_set_visible_child (self->stack, child);

  app = LOY_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    g_settings_set_string (loy_application_get_settings (app), "last-section",
                           loy_window_get_section (self));
}

GtkWidget *
loy_window_get_visible_view (LoyWindow *self)
{
  GtkWidget *child;

  g_return_val_if_fail (LOY_IS_WINDOW (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  if (child == gtk_widget_get_parent (GTK_WIDGET (self->levels_segments_stack)))
    return adw_view_stack_get_visible_child (self->levels_segments_stack);

  return child;
}

gboolean
loy_window_get_folded (LoyWindow *self)
{
  g_return_val_if_fail (LOY_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}
