/* test-ui-contacts-fixture.c — the window the contacts tests drive, the contact
 * they work on, and the steps more than one of them takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "loy-section-view.h"
#include "test-ui-contacts-fixture.h"

LoyWindow *window;
char *database;
char *contact_uuid;
char *contact_email;
LoyContactWindow *contact_window;

gboolean
model_settled (gpointer data)
{
  LoyPagedModel *model = data;

  return loy_paged_model_get_loaded (model) && !loy_paged_model_get_loading (model);
}

/* @data: a contact window, or %NULL for the one the steps work on */
gboolean
contact_window_idle (gpointer data)
{
  LoyContactWindow *contact = data != NULL ? data : contact_window;

  return !loy_contact_window_get_busy (contact) &&
         model_settled (loy_contact_window_get_ledger (contact)) &&
         model_settled (loy_contact_window_get_rewards (contact));
}

LoyContact *
store_contact (void)
{
  g_autoptr(GError) error = NULL;
  GObject *contact;

  contact = loy_store_lookup_sync (loy_ui_test_get_store (), LOY_KIND_CONTACT, contact_uuid, NULL,
                                   &error);
  g_assert_no_error (error);

  return LOY_CONTACT (contact);
}

gint64
store_balance (void)
{
  g_autoptr(LoyContact) contact = store_contact ();

  return loy_contact_get_balance (contact);
}

/* (transfer full): the contact's newest ledger entry, as the store has it. */
LoyLedgerEntry *
store_newest_entry (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_LEDGER_ENTRY);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;

  query->parent_uuid = g_strdup (contact_uuid);
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

/* The richest contact of the demo: enough points to adjust and redeem. */
static void
choose_contact (void)
{
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(GError) error = NULL;
  LoyContact *contact;

  query->sort = g_strdup ("-balance");
  page = loy_store_query_sync (loy_ui_test_get_store (), query, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 1);

  contact = g_ptr_array_index (page->items, 0);
  g_assert_cmpint (loy_contact_get_balance (contact), >=, 100);
  contact_uuid = g_strdup (loy_contact_get_uuid (contact));
  contact_email = g_strdup (loy_contact_get_email (contact));
}

void
start_app_with_contact (void)
{
  window = loy_ui_test_start_app (database);
  choose_contact ();
}

int
run_tests_and_stop (void)
{
  int ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);
  g_free (contact_uuid);
  g_free (contact_email);

  return ret;
}

/* @contact's tab @name: history, rewards or details */
void
show_contact_page_of (LoyContactWindow *contact,
                      const char       *name)
{
  GtkWidget *stack = loy_ui_test_find_descendant (GTK_WIDGET (contact), ADW_TYPE_VIEW_STACK, NULL);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
}

void
show_contact_page (const char *name)
{
  show_contact_page_of (contact_window, name);
}

LoyContactsSection *
find_contacts_section (void)
{
  LoySectionView *view = loy_ui_test_show_section (window, "contacts");

  return LOY_CONTACTS_SECTION (gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_CONTACTS_SECTION));
}

/* (A window's frame counts in its default size, not in its width.) */
gboolean
narrower_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) < 361;
}

gboolean
wider_than (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 800;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The action row titled @title among @root's descendants. */
GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return loy_ui_test_find_matching (root, is_row_titled, title);
}
