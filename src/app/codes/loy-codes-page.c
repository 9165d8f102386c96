/* loy-codes-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "loy-code-step.h"
#include "loy-codes-page.h"
#include "loy-format.h"

/* Adding codes to a group as a page of its own: the code step, what it
 * says above it, and what the last import did. The create-reward wizard
 * and the code group window both use it. */

/* The most skipped lines the result lists; the count says how many more. */
#define RESULT_LINES 200

struct _LoyCodesPage
{
  AdwPreferencesPage   parent_instance;

  gboolean             warn_empty;

  /* Template widgets */
  AdwPreferencesGroup *result_group;
  GtkLabel            *added_label;
  GtkLabel            *duplicates_label;
  GtkLabel            *invalid_label;
  AdwExpanderRow      *skipped_row;
  GtkLabel            *skipped_label;
  GtkWidget           *empty_group;
  GtkLabel            *empty_label;
  LoyCodeStep         *code_step;
};

G_DEFINE_FINAL_TYPE (LoyCodesPage, loy_codes_page, ADW_TYPE_PREFERENCES_PAGE)

static void
step_count_changed_cb (LoyCodesPage *self)
{
  gboolean empty = self->warn_empty && loy_code_step_get_count (self->code_step) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
  gtk_widget_set_visible (self->empty_group, empty);
}

static void
loy_codes_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CODES_PAGE);

  G_OBJECT_CLASS (loy_codes_page_parent_class)->dispose (object);
}

static void
loy_codes_page_class_init (LoyCodesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_codes_page_dispose;

  g_type_ensure (LOY_TYPE_CODE_STEP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/codes/loy-codes-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCodesPage, name)
  BIND (result_group);
  BIND (added_label);
  BIND (duplicates_label);
  BIND (invalid_label);
  BIND (skipped_row);
  BIND (skipped_label);
  BIND (empty_group);
  BIND (empty_label);
  BIND (code_step);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, step_count_changed_cb);
}

static void
loy_codes_page_init (LoyCodesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  step_count_changed_cb (self);
}

void
loy_codes_page_set_intro (LoyCodesPage *self,
                          const char   *intro)
{
  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->code_step), intro);
}

void
loy_codes_page_set_warn_empty (LoyCodesPage *self,
                               gboolean      warn_empty)
{
  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  self->warn_empty = !!warn_empty;
  step_count_changed_cb (self);
}

LoyCodeStep *
loy_codes_page_get_step (LoyCodesPage *self)
{
  g_return_val_if_fail (LOY_IS_CODES_PAGE (self), NULL);

  return self->code_step;
}

/* The skipped lines, "Line 3: Already in this group", one a line, at most @max_lines. */
static char *
describe_skipped_lines (const LoyImportSummary *summary,
                        guint                   max_lines)
{
  GString *text = g_string_new (NULL);
  guint n_errors = summary->errors != NULL ? summary->errors->len : 0;

  for (guint i = 0; i < MIN (n_errors, max_lines); i++)
    {
      LoyImportError *line = g_ptr_array_index (summary->errors, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Line %'" PRIu64 ": %s"), line->line, line->reason);
    }
  if (n_errors > max_lines)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more skipped line",
                                                 "and %u more skipped lines", n_errors - max_lines),
                              n_errors - max_lines);
    }

  return g_string_free (text, FALSE);
}

char *
loy_codes_page_describe_summary (const LoyImportSummary *summary,
                                 guint                   max_lines)
{
  g_autofree char *added = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *invalid = NULL;
  g_autofree char *lines = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " code added",
                                        "%'" PRIu64 " codes added", summary->added),
                           summary->added);
  duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " duplicate skipped",
                                             "%'" PRIu64 " duplicates skipped", summary->duplicates),
                                summary->duplicates);
  invalid = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRIu64 " invalid line skipped",
                                          "%'" PRIu64 " invalid lines skipped", summary->invalid),
                             summary->invalid);
  lines = describe_skipped_lines (summary, max_lines);

  /* Translators: what an import did, as in "3 codes added, 1 duplicate skipped,
   * 1 invalid line skipped", then the skipped lines, one a line */
  return g_strdup_printf (lines[0] != '\0' ? _("%s, %s, %s\n%s") : _("%s, %s, %s"),
                          added, duplicates, invalid, lines);
}

void
loy_codes_page_show_result (LoyCodesPage           *self,
                            const LoyImportSummary *summary)
{
  g_autofree char *added = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *invalid = NULL;
  g_autofree char *lines = NULL;
  guint n_errors;

  g_return_if_fail (LOY_IS_CODES_PAGE (self));

  if (summary == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->result_group), FALSE);
      return;
    }

  added = loy_format_count (summary->added);
  duplicates = loy_format_count (summary->duplicates);
  invalid = loy_format_count (summary->invalid);
  gtk_label_set_label (self->added_label, added);
  gtk_label_set_label (self->duplicates_label, duplicates);
  gtk_label_set_label (self->invalid_label, invalid);

  n_errors = summary->errors != NULL ? summary->errors->len : 0;
  lines = describe_skipped_lines (summary, RESULT_LINES);
  gtk_label_set_label (self->skipped_label, lines);
  adw_expander_row_set_expanded (self->skipped_row, n_errors > 0 && n_errors <= 10);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_row), n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->result_group), TRUE);
}
