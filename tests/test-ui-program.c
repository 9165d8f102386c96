/* test-ui-program.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "loy-application.h"
#include "loy-format.h"
#include "loy-preferences-window.h"
#include "loy-section-view.h"
#include "loy-segment-criteria.h"
#include "loy-ui-test.h"
#include "loy-window.h"
#include "program/loy-criterion-row.h"
#include "program/loy-level-basis-bar.h"
#include "program/loy-level-editor.h"
#include "program/loy-program-page.h"
#include "program/loy-levels-section.h"
#include "program/loy-segments-section.h"
#include "program/loy-segment-builder.h"

/* Levels, segments and the program's rules, driven through the real window
 * on a temporary demo database: every write is checked in the store, and
 * each editor is saved as a screenshot under tests/screenshots/. */

static LoyWindow *window;
static char *database;

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The store's answer to @query, waited for on the main loop. */
static LoyPage *
query_store (const LoyQuery *query,
             guint           limit)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LoyPage *page;

  loy_store_query_async (loy_ui_test_get_store (), query, 0, limit, NULL, store_result_cb, &result);
  loy_ui_test_wait_for (result_arrived, &result, "the store's answer");
  page = loy_store_query_finish (loy_ui_test_get_store (), result, &error);
  g_assert_no_error (error);

  return page;
}

/* The first record of @kind whose name matches @search. */
static gpointer
find_record (LoyKind     kind,
             const char *search)
{
  g_autoptr(LoyQuery) query = loy_query_new (kind);
  g_autoptr(LoyPage) page = NULL;

  query->search = g_strdup (search);
  page = query_store (query, 10);
  g_assert_cmpuint (page->items->len, >=, 1);

  return g_object_ref (g_ptr_array_index (page->items, 0));
}

/* The suffix widget of the row titled @title, as a user finds it. */
static GtkWidget *
find_row_widget (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static LoySectionView *
show_tab (const char *tab)
{
  GtkWidget *stack;
  GtkWidget *view;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "levels-segments");
  stack = loy_ui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), tab);

  view = GTK_WIDGET (loy_section_view_find (loy_window_get_visible_view (window)));
  g_assert_true (LOY_IS_SECTION_VIEW (view));
  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the section's records");

  return LOY_SECTION_VIEW (view);
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

static gboolean
basis_shown (gpointer data)
{
  return loy_level_basis_bar_get_text (data) != NULL;
}

static void
test_level_editor (void)
{
  LoySectionView *view = show_tab ("levels");
  GtkWidget *bar = loy_ui_test_find_descendant (GTK_WIDGET (window), LOY_TYPE_LEVEL_BASIS_BAR,
                                                NULL);
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_LEVELS_SECTION);
  guint n_levels = g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view)));
  g_autoptr(LoyLevel) level = NULL;
  GtkWidget *name_row;
  GtkWidget *threshold_entry;
  GtkWidget *save_button;
  GtkWidget *error_label;
  GtkWindow *editor;
  GtkWindow *dialog;

  g_assert_nonnull (bar);
  loy_ui_test_wait_for (basis_shown, bar, "the level basis");
  g_assert_cmpstr (loy_level_basis_bar_get_text (LOY_LEVEL_BASIS_BAR (bar)), ==,
                   "Levels are reached by the current balance.");

  /* Change… opens Preferences on the program's rules. */
  gtk_widget_activate (template_child (bar, LOY_TYPE_LEVEL_BASIS_BAR, "change_button"));
  dialog = loy_ui_test_wait_for_toplevel (LOY_TYPE_PREFERENCES_WINDOW, GTK_WINDOW (window),
                                          "the program's preferences");
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (dialog)), ==,
                   "program");
  gtk_window_destroy (dialog);

  g_assert_nonnull (section);
  g_assert_true (gtk_widget_get_visible (template_child (section, LOY_TYPE_LEVELS_SECTION, "new_button")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  editor = loy_ui_test_wait_for_toplevel (LOY_TYPE_LEVEL_EDITOR, GTK_WINDOW (window),
                                          "the new level's editor");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  /* Without a name Save is off, and the editor says why. */
  save_button = template_child (editor, LOY_TYPE_LEVEL_EDITOR, "save_button");
  error_label = template_child (editor, LOY_TYPE_LEVEL_EDITOR, "error_label");
  g_assert_false (gtk_widget_is_sensitive (save_button));
  g_assert_true (gtk_widget_is_drawable (error_label));
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, "Enter a name for the level");
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "levels-editor-no-name");

  name_row = loy_ui_test_find_descendant (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Platinum");
  threshold_entry = template_child (editor, LOY_TYPE_LEVEL_EDITOR, "threshold_entry");
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* A threshold that is not one is refused beside it, and Save is off. */
  gtk_editable_set_text (GTK_EDITABLE (threshold_entry), "abc");
  g_assert_cmpstr (loy_ui_test_shown_problem (threshold_entry), ==, "“abc” is not a number such as 1250");
  g_assert_false (gtk_widget_is_sensitive (save_button));
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "levels-editor-threshold-refused");
  gtk_editable_set_text (GTK_EDITABLE (threshold_entry), "-5");
  g_assert_cmpstr (loy_ui_test_shown_problem (threshold_entry), ==, "Enter a number that is not negative");
  g_assert_false (gtk_widget_is_sensitive (save_button));

  gtk_editable_set_text (GTK_EDITABLE (threshold_entry), "5,000");
  g_assert_null (loy_ui_test_shown_problem (threshold_entry));
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_assert_false (gtk_widget_is_drawable (error_label));
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "levels-editor");

  loy_ui_test_press_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the editor to save and close");

  level = find_record (LOY_KIND_LEVEL, "Platinum");
  g_assert_cmpstr (loy_level_get_name (level), ==, "Platinum");
  g_assert_cmpint (loy_level_get_threshold (level), ==, 5000);

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the levels to reload");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loy_section_view_get_model (view))),
                    ==, n_levels + 1);
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "levels-list");

  /* Deleting asks first, naming how many contacts lose the level. */
  editor = loy_levels_section_open_editor (LOY_LEVELS_SECTION (section), G_OBJECT (level));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  dialog = loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, editor,
                                          "the question before deleting");
  loy_ui_test_save_screenshot (GTK_WIDGET (dialog), "levels-delete");
  loy_ui_test_respond (dialog, "cancel");
  gtk_window_destroy (editor);
  g_assert_null (editor);
}

static gboolean
level_editor_idle (gpointer data)
{
  return gtk_widget_get_visible (template_child (data, LOY_TYPE_LEVEL_EDITOR, "error_group"));
}

static gint64
listed_members (LoySectionView *segments,
                const char     *name)
{
  GListModel *model = G_LIST_MODEL (loy_section_view_get_model (segments));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LoySegment) segment = g_list_model_get_item (model, i);

      if (g_str_equal (loy_segment_get_name (segment), name))
        return loy_segment_get_n_contacts (segment);
    }

  g_assert_not_reached ();
}

typedef struct
{
  LoySectionView *segments;
  gint64          n_members;
} MembersWait;

static gboolean
members_listed (gpointer data)
{
  MembersWait *wait = data;

  return loy_ui_test_section_loaded (wait->segments) &&
         listed_members (wait->segments, "Gold members") == wait->n_members;
}

/* A level that segments and campaigns use is not deleted: the editor names
 * them. A level's new threshold shows in the segments' member counts. */
static void
test_level_in_use (void)
{
  LoySectionView *segments = show_tab ("segments");
  LoySectionView *levels = show_tab ("levels");
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (levels), LOY_TYPE_LEVELS_SECTION);
  g_autoptr(LoyLevel) gold = find_record (LOY_KIND_LEVEL, "Gold");
  g_autoptr(LoyLevel) still_there = NULL;
  g_autoptr(LoySegment) stored = NULL;
  gint64 threshold = loy_level_get_threshold (gold);
  MembersWait wait = { segments, 0 };
  GtkWindow *editor;

  g_assert_cmpint (listed_members (segments, "Gold members"), >, 0);

  editor = loy_levels_section_open_editor (LOY_LEVELS_SECTION (section), G_OBJECT (gold));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  loy_ui_test_respond (loy_ui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, editor,
                                                     "the question before deleting"),
                       "delete");
  loy_ui_test_wait_for (level_editor_idle, editor, "the deletion to be refused");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (template_child (editor, LOY_TYPE_LEVEL_EDITOR,
                                                                  "error_label"))), ==,
                   "The level “Gold” is used by the segment “Gold members” and the campaigns "
                   "“Gold cashback boost”, “Holiday gift box”. Take the level out of them before "
                   "deleting it.");
  loy_ui_test_save_screenshot (GTK_WIDGET (editor), "levels-delete-in-use");
  still_there = find_record (LOY_KIND_LEVEL, "Gold");
  g_assert_cmpstr (loy_level_get_uuid (still_there), ==, loy_level_get_uuid (gold));

  /* Out of reach, Gold has no one left: the segments list says so at once. */
  gtk_editable_set_text (GTK_EDITABLE (template_child (editor, LOY_TYPE_LEVEL_EDITOR,
                                                       "threshold_entry")), "90000000");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &editor, "the editor to save and close");
  stored = find_record (LOY_KIND_SEGMENT, "Gold members");
  g_assert_cmpint (loy_segment_get_n_contacts (stored), ==, 0);
  loy_ui_test_wait_for (members_listed, &wait, "the segments' counts to follow the level");

  loy_level_set_threshold (gold, threshold);
  g_clear_object (&still_there);
  still_there = loy_store_save_level_sync (loy_ui_test_get_store (), gold, NULL, NULL);
  g_assert_nonnull (still_there);
}

static gboolean
builder_counted (gpointer data)
{
  return loy_segment_builder_get_count (data) >= 0;
}

static void
test_segment_builder (void)
{
  LoySectionView *view = show_tab ("segments");
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (view), LOY_TYPE_SEGMENTS_SECTION);
  g_autoptr(LoyLevel) silver = find_record (LOY_KIND_LEVEL, "Silver");
  g_autoptr(LoyLevel) gold = find_record (LOY_KIND_LEVEL, "Gold");
  const char *silver_uuids[] = { loy_level_get_uuid (silver), NULL };
  const char *gold_uuids[] = { loy_level_get_uuid (gold), NULL };
  g_autoptr(LoyQuery) query = loy_query_new (LOY_KIND_CONTACT);
  g_autoptr(LoyPage) page = NULL;
  g_autoptr(LoySegment) segment = NULL;
  LoySegmentBuilder *builder;
  GtkWidget *name_row;
  LoyCriteriaGroup *group;
  gint64 count;
  g_autofree char *export_dir = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *toast_title = NULL;
  g_autofree char *exported = NULL;
  g_auto(GStrv) lines = NULL;

  builder = LOY_SEGMENT_BUILDER (loy_segments_section_open_editor (LOY_SEGMENTS_SECTION (section),
                                                                   NULL));
  g_object_add_weak_pointer (G_OBJECT (builder), (gpointer *) &builder);

  name_row = loy_ui_test_find_descendant (GTK_WIDGET (builder), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Silver and Gold savers");

  /* balance ≥ 100 AND (level Silver OR level Gold) */
  loy_segment_builder_add_group (builder, loy_segment_condition_new_balance (100, LOY_UNSET));
  group = loy_segment_builder_add_group (builder, loy_segment_condition_new_level (silver_uuids));
  loy_criteria_group_add_condition (group, loy_segment_condition_new_level (gold_uuids));

  loy_ui_test_wait_for (builder_counted, builder, "the live count");
  count = loy_segment_builder_get_count (builder);
  query->criteria = loy_segment_builder_build_criteria (builder);
  g_assert_cmpuint (loy_segment_criteria_get_n_groups (query->criteria), ==, 2);
  page = query_store (query, 0);
  g_assert_cmpint (count, ==, page->total);
  g_assert_cmpint (count, >, 0);
  loy_ui_test_save_screenshot (GTK_WIDGET (builder), "segment-builder");

  /* Export… writes the members of the criteria as they stand, unsaved. */
  export_dir = g_dir_make_tmp ("loy-export-XXXXXX", NULL);
  export_path = g_build_filename (export_dir, "members.csv", NULL);
  gtk_widget_activate_action (GTK_WIDGET (builder), "builder.export", NULL);
  loy_ui_test_choose_save_file (GTK_WINDOW (builder), export_path);
  count_text = loy_format_count (count);
  toast_title = g_strdup_printf ("%s members exported to %s", count_text, export_path);
  loy_ui_test_wait_for_toast (GTK_WIDGET (builder), toast_title);
  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  lines = g_strsplit (exported, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "uuid,email,"));
  g_assert_cmpuint (g_strv_length (lines), ==, count + 2);
  g_unlink (export_path);
  g_rmdir (export_dir);

  loy_ui_test_press_shortcut (GTK_WIDGET (builder), GDK_KEY_s, GDK_CONTROL_MASK);
  loy_ui_test_wait_for (loy_ui_test_pointer_cleared, &builder, "the builder to save and close");

  segment = find_record (LOY_KIND_SEGMENT, "Silver and Gold savers");
  g_assert_cmpstr (loy_segment_get_name (segment), ==, "Silver and Gold savers");
  g_assert_cmpuint (loy_segment_criteria_get_n_groups (loy_segment_get_criteria (segment)), ==, 2);
  g_assert_cmpuint (json_array_get_length (
                      loy_segment_criteria_get_group (loy_segment_get_criteria (segment), 1)),
                    ==, 2);

  loy_ui_test_wait_for (loy_ui_test_section_loaded, view, "the segments to reload");
  loy_ui_test_save_screenshot (GTK_WIDGET (window), "segment-list");

  /* The saved segment opens with its groups and counts the same members. */
  builder = LOY_SEGMENT_BUILDER (loy_segments_section_open_editor (LOY_SEGMENTS_SECTION (section),
                                                                   G_OBJECT (segment)));
  g_object_add_weak_pointer (G_OBJECT (builder), (gpointer *) &builder);
  loy_ui_test_wait_for (builder_counted, builder, "the saved segment's count");
  g_assert_cmpint (loy_segment_builder_get_count (builder), ==, count);
  gtk_window_destroy (GTK_WINDOW (builder));
  g_assert_null (builder);
}

/* The criterion row of @group's first condition, checked to be marked
 * with @problem. */
static void
assert_condition_problem (LoyCriteriaGroup *group,
                          const char       *problem)
{
  GtkWidget *row = loy_ui_test_find_descendant (GTK_WIDGET (group), LOY_TYPE_CRITERION_ROW, NULL);
  GtkWidget *label = template_child (row, LOY_TYPE_CRITERION_ROW, "problem_label");

  g_assert_cmpstr (loy_criterion_row_get_problem (LOY_CRITERION_ROW (row)), ==, problem);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, problem);
}

static gboolean
builder_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 360;
}

/* Incomplete conditions keep Save off and say, each in its row, what they
 * need; the builder fits a phone, both balance bounds and all. */
static void
test_segment_incomplete (void)
{
  GtkWindow *builder;
  GtkWidget *save_button;
  LoyCriteriaGroup *balance;
  LoyCriteriaGroup *level;
  GtkWidget *balance_row;
  GtkWidget *min_entry;
  int minimum;

  show_tab ("segments");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  builder = loy_ui_test_wait_for_toplevel (LOY_TYPE_SEGMENT_BUILDER, GTK_WINDOW (window),
                                           "the new segment's builder");
  save_button = template_child (builder, LOY_TYPE_SEGMENT_BUILDER, "save_button");
  gtk_editable_set_text (GTK_EDITABLE (loy_ui_test_find_descendant (GTK_WIDGET (builder),
                                                                    ADW_TYPE_ENTRY_ROW, NULL)),
                         "Incomplete");
  balance = loy_segment_builder_add_group (LOY_SEGMENT_BUILDER (builder),
                                           loy_segment_condition_new_balance (500, 100));
  level = loy_segment_builder_add_group (LOY_SEGMENT_BUILDER (builder),
                                         loy_segment_condition_new_level (NULL));

  assert_condition_problem (balance, "The minimum balance (500) is above the maximum (100)");
  assert_condition_problem (level, "A level condition needs at least one level");
  g_assert_false (gtk_widget_is_sensitive (save_button));

  /* A bound that is not a whole number is refused beside its field, not cut. */
  balance_row = loy_ui_test_find_descendant (GTK_WIDGET (balance), LOY_TYPE_CRITERION_ROW, NULL);
  min_entry = template_child (balance_row, LOY_TYPE_CRITERION_ROW, "balance_min_entry");
  gtk_editable_set_text (GTK_EDITABLE (min_entry), "12,5");
  g_assert_cmpstr (loy_ui_test_shown_problem (min_entry), ==, "Enter a whole number");
  g_assert_cmpstr (loy_criterion_row_get_problem (LOY_CRITERION_ROW (balance_row)), ==, "Enter a whole number");
  g_assert_false (gtk_widget_get_visible (template_child (balance_row, LOY_TYPE_CRITERION_ROW, "problem_label")));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  loy_ui_test_save_screenshot (GTK_WIDGET (builder), "segment-builder-refused");
  gtk_editable_set_text (GTK_EDITABLE (min_entry), "50");
  g_assert_null (loy_criterion_row_get_problem (LOY_CRITERION_ROW (balance_row)));
  gtk_editable_set_text (GTK_EDITABLE (min_entry), "500");
  assert_condition_problem (balance, "The minimum balance (500) is above the maximum (100)");

  gtk_widget_measure (GTK_WIDGET (builder), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_set_default_size (builder, 360, 760);
  loy_ui_test_wait_for (builder_narrow, builder, "the builder to shrink");
  loy_ui_test_save_screenshot (GTK_WIDGET (builder), "segment-builder-incomplete");

  gtk_window_destroy (builder);
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* An attribute condition offers the contacts' attributes; a click on one
 * fills in the condition, which the merchant could also have typed. */
static void
test_segment_attribute (void)
{
  g_autoptr(JsonObject) condition = NULL;
  GtkWindow *builder;
  LoyCriteriaGroup *group;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *list_box;
  GtkWidget *first;

  show_tab ("segments");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  loy_ui_test_press_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  builder = loy_ui_test_wait_for_toplevel (LOY_TYPE_SEGMENT_BUILDER, GTK_WINDOW (window),
                                           "the new segment's builder");
  group = loy_segment_builder_add_group (LOY_SEGMENT_BUILDER (builder),
                                         loy_segment_condition_new_attribute ("", LOY_ATTRIBUTE_OP_IS_SET,
                                                                              NULL));
  row = loy_ui_test_find_descendant (GTK_WIDGET (group), LOY_TYPE_CRITERION_ROW, NULL);
  g_assert_nonnull (loy_criterion_row_get_problem (LOY_CRITERION_ROW (row)));

  button = template_child (row, LOY_TYPE_CRITERION_ROW, "attribute_button");
  loy_ui_test_wait_for (widget_visible, button, "the contact attributes to load");
  list_box = loy_ui_test_find_descendant (button, GTK_TYPE_LIST_BOX, NULL);
  first = gtk_widget_get_first_child (list_box);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "date_of_birth");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), "Date · "));

  g_signal_emit_by_name (first, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (row, LOY_TYPE_CRITERION_ROW,
                                                                        "attribute_entry"))),
                   ==, "date_of_birth");
  g_assert_null (loy_criterion_row_get_problem (LOY_CRITERION_ROW (row)));
  condition = loy_criterion_row_build_condition (LOY_CRITERION_ROW (row));
  g_assert_cmpstr (json_object_get_string_member (condition, "attribute"), ==, "date_of_birth");

  gtk_window_set_default_size (builder, 360, 760);
  loy_ui_test_wait_for (builder_narrow, builder, "the builder to shrink");
  loy_ui_test_save_screenshot (GTK_WIDGET (builder), "segment-builder-attribute");

  gtk_window_destroy (builder);
}

static gboolean
page_idle (gpointer data)
{
  return !loy_program_page_get_busy (data);
}

static void
test_program_preferences (void)
{
  LoyPreferencesWindow *preferences = loy_preferences_window_new (LOY_DATA_SOURCE (loy_ui_test_get_app ()),
                                                                  GTK_WINDOW (window));
  GtkWidget *page = loy_ui_test_find_descendant (GTK_WIDGET (preferences), LOY_TYPE_PROGRAM_PAGE,
                                                 NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *welcome;
  GtkWidget *expiry;

  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "program");
  gtk_window_present (GTK_WINDOW (preferences));
  loy_ui_test_wait_for (page_idle, page, "the program's rules");

  welcome = find_row_widget (page, "_Welcome points");
  expiry = find_row_widget (page, "Expire _after (months)");
  gtk_editable_set_text (GTK_EDITABLE (welcome), "75");
  gtk_switch_set_active (GTK_SWITCH (find_row_widget (page, "Points _expire")), TRUE);

  /* Months that are not a whole number, or too many, are refused beside
   * the field, and Save stays off until they are fixed. */
  gtk_editable_set_text (GTK_EDITABLE (expiry), "1,5");
  g_assert_cmpstr (loy_ui_test_shown_problem (expiry), ==, "Enter a whole number");
  g_assert_false (gtk_widget_is_sensitive (loy_ui_test_find_descendant (page, GTK_TYPE_BUTTON, "program.save")));
  gtk_editable_set_text (GTK_EDITABLE (expiry), "999");
  g_assert_cmpstr (loy_ui_test_shown_problem (expiry), ==, "Enter at most 120");
  g_assert_false (gtk_widget_is_sensitive (loy_ui_test_find_descendant (page, GTK_TYPE_BUTTON, "program.save")));
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "program-preferences-refused");
  gtk_editable_set_text (GTK_EDITABLE (expiry), "6");
  g_assert_null (loy_ui_test_shown_problem (expiry));
  g_assert_true (gtk_widget_is_sensitive (loy_ui_test_find_descendant (page, GTK_TYPE_BUTTON, "program.save")));
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "program-preferences");

  gtk_widget_activate_action (page, "program.save", NULL);
  g_assert_true (loy_program_page_get_busy (LOY_PROGRAM_PAGE (page)));
  loy_ui_test_wait_for (page_idle, page, "the rules to save");

  loy_store_get_program_async (loy_ui_test_get_store (), NULL, store_result_cb, &result);
  loy_ui_test_wait_for (result_arrived, &result, "the store's program");
  program = loy_store_get_program_finish (loy_ui_test_get_store (), result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loy_program_get_welcome_points (program), ==, 75);
  g_assert_cmpuint (loy_program_get_expiry_months (program), ==, 6);
  loy_ui_test_save_screenshot (GTK_WIDGET (preferences), "program-saved");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!loy_ui_test_init (&argc, &argv, "ui-program"))
    return g_test_run ();

  database = loy_ui_test_create_demo_database ();
  window = loy_ui_test_start_app (database);

  g_test_add_func ("/ui-program/level-in-use", test_level_in_use);
  g_test_add_func ("/ui-program/level-editor", test_level_editor);
  g_test_add_func ("/ui-program/segment-builder", test_segment_builder);
  g_test_add_func ("/ui-program/segment-incomplete", test_segment_incomplete);
  g_test_add_func ("/ui-program/segment-attribute", test_segment_attribute);
  g_test_add_func ("/ui-program/program-preferences", test_program_preferences);

  ret = g_test_run ();

  loy_ui_test_stop_app (database);
  g_free (database);

  return ret;
}
