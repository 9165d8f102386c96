/* loy-campaign-basic-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-basic-page.h"

/* The rows show one language; every language's texts live in @texts, one
 * array of LOY_N_CAMPAIGN_TEXTS strings (NULL: empty) per language, so
 * that switching never loses what was typed. */

struct _LoyCampaignBasicPage
{
  AdwPreferencesPage  parent_instance;

  GPtrArray          *texts;
  char               *default_language;
  guint               language;
  /* Set while the rows are filled from @texts. */
  gboolean            showing;

  /* Template widgets */
  AdwPreferencesGroup *basic_group;
  AdwComboRow        *language_row;
  GtkStringList      *language_list;
  AdwEntryRow        *name_row;
  GtkLabel           *name_problem;
  AdwEntryRow        *short_description_row;
  AdwEntryRow        *conditions_row;
  AdwEntryRow        *usage_instructions_row;
  AdwEntryRow        *brand_name_row;
  AdwEntryRow        *brand_description_row;
};

G_DEFINE_FINAL_TYPE (LoyCampaignBasicPage, loy_campaign_basic_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
free_texts (gpointer data)
{
  char **texts = data;

  for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    g_free (texts[i]);
  g_free (texts);
}

/* The row of each LoyCampaignText. */
static AdwEntryRow *
text_row (LoyCampaignBasicPage *self,
          LoyCampaignText       text)
{
  AdwEntryRow *rows[] = {
    [LOY_CAMPAIGN_TEXT_NAME] = self->name_row,
    [LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION] = self->short_description_row,
    [LOY_CAMPAIGN_TEXT_CONDITIONS] = self->conditions_row,
    [LOY_CAMPAIGN_TEXT_USAGE_INSTRUCTIONS] = self->usage_instructions_row,
    [LOY_CAMPAIGN_TEXT_BRAND_NAME] = self->brand_name_row,
    [LOY_CAMPAIGN_TEXT_BRAND_DESCRIPTION] = self->brand_description_row,
  };

  return rows[text];
}

static guint
language_index (const char *language)
{
  const char * const *languages = loy_campaign_get_languages ();

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], language))
      return i;

  return G_MAXUINT;
}

static gboolean
language_filled (LoyCampaignBasicPage *self,
                 guint                 language)
{
  char **texts = g_ptr_array_index (self->texts, language);

  for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    if (texts[i] != NULL)
      return TRUE;

  return FALSE;
}

/* The switcher's items name the default; its subtitle lists the
 * languages that hold something. */
static void
update_languages (LoyCampaignBasicPage *self)
{
  const char * const *languages = loy_campaign_get_languages ();
  g_autoptr(GPtrArray) filled = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *filled_line = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; languages[i] != NULL; i++)
    if (language_filled (self, i))
      g_ptr_array_add (filled, g_strdup (loy_campaign_language_get_label (languages[i])));
  g_ptr_array_add (filled, NULL);

  if (filled->len > 1)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) filled->pdata);

      /* Translators: the languages a campaign's texts are written in */
      filled_line = g_strdup_printf (_("Filled in: %s"), list);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), filled_line ?: _("Nothing typed yet"));

  description = g_strdup_printf (_("The name in %s, the default language, is required and must differ from "
                                   "every other campaign’s; the other languages are optional."),
                                 loy_campaign_language_get_label (self->default_language));
  adw_preferences_group_set_description (self->basic_group, description);
}

static void
fill_language_list (LoyCampaignBasicPage *self)
{
  const char * const *languages = loy_campaign_get_languages ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->language_list));

  g_object_freeze_notify (G_OBJECT (self->language_row));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *label = loy_campaign_language_get_label (languages[i]);
      g_autofree char *item = g_str_equal (languages[i], self->default_language)
                              /* Translators: a language in the switcher, the campaign's default */
                              ? g_strdup_printf (_("%s (default)"), label)
                              : g_strdup (label);
      const char *additions[] = { item, NULL };

      gtk_string_list_splice (self->language_list, i, i < n_items ? 1 : 0, additions);
    }
  g_object_thaw_notify (G_OBJECT (self->language_row));
}

/* The rows show the texts of the language chosen. */
static void
show_language (LoyCampaignBasicPage *self)
{
  char **texts = g_ptr_array_index (self->texts, self->language);
  gboolean is_default = self->language == language_index (self->default_language);

  self->showing = TRUE;
  for (LoyCampaignText i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    gtk_editable_set_text (GTK_EDITABLE (text_row (self, i)), texts[i] ?: "");
  self->showing = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 is_default ? _("Name") : _("Name (optional)"));
  update_languages (self);
}

static void
language_selected_cb (LoyCampaignBasicPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == self->language || selected >= self->texts->len)
    return;

  self->language = selected;
  show_language (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
text_changed_cb (LoyCampaignBasicPage *self,
                 GtkEditable          *editable)
{
  char **texts = g_ptr_array_index (self->texts, self->language);

  if (self->showing)
    return;

  for (LoyCampaignText i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    if (GTK_EDITABLE (text_row (self, i)) == editable)
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

        g_clear_pointer (&texts[i], g_free);
        if (text[0] != '\0')
          texts[i] = g_steal_pointer (&text);
      }

  update_languages (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
loy_campaign_basic_page_dispose (GObject *object)
{
  LoyCampaignBasicPage *self = LOY_CAMPAIGN_BASIC_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LOY_TYPE_CAMPAIGN_BASIC_PAGE);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->default_language, g_free);

  G_OBJECT_CLASS (loy_campaign_basic_page_parent_class)->dispose (object);
}

static void
loy_campaign_basic_page_class_init (LoyCampaignBasicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = loy_campaign_basic_page_dispose;

  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/loyaltydesk/LoyaltyDesk/"
                                               "campaigns/loy-campaign-basic-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, LoyCampaignBasicPage, name)
  BIND (basic_group);
  BIND (language_row);
  BIND (language_list);
  BIND (name_row);
  BIND (name_problem);
  BIND (short_description_row);
  BIND (conditions_row);
  BIND (usage_instructions_row);
  BIND (brand_name_row);
  BIND (brand_description_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
}

static void
loy_campaign_basic_page_init (LoyCampaignBasicPage *self)
{
  const char * const *languages = loy_campaign_get_languages ();

  self->texts = g_ptr_array_new_with_free_func (free_texts);
  for (guint i = 0; languages[i] != NULL; i++)
    g_ptr_array_add (self->texts, g_new0 (char *, LOY_N_CAMPAIGN_TEXTS));
  self->default_language = g_strdup (languages[0]);

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_language_list (self);
  show_language (self);
}

void
loy_campaign_basic_page_load (LoyCampaignBasicPage *self,
                              LoyCampaign          *campaign)
{
  const char * const *languages = loy_campaign_get_languages ();

  g_return_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  g_free (self->default_language);
  self->default_language = g_strdup (loy_campaign_get_default_language (campaign));
  for (guint i = 0; languages[i] != NULL; i++)
    {
      char **texts = g_ptr_array_index (self->texts, i);

      for (LoyCampaignText text = 0; text < LOY_N_CAMPAIGN_TEXTS; text++)
        {
          g_free (texts[text]);
          texts[text] = g_strdup (loy_campaign_get_text (campaign, languages[i], text));
        }
    }

  fill_language_list (self);
  /* A default outside the switcher's languages shows the first. */
  self->language = MIN (language_index (self->default_language), self->texts->len - 1);
  adw_combo_row_set_selected (self->language_row, self->language);
  show_language (self);
  g_signal_emit (self, signals [CHANGED], 0);
}

void
loy_campaign_basic_page_apply (LoyCampaignBasicPage *self,
                               LoyCampaign          *campaign)
{
  const char * const *languages = loy_campaign_get_languages ();

  g_return_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self));
  g_return_if_fail (LOY_IS_CAMPAIGN (campaign));

  for (guint i = 0; languages[i] != NULL; i++)
    {
      char **texts = g_ptr_array_index (self->texts, i);

      for (LoyCampaignText text = 0; text < LOY_N_CAMPAIGN_TEXTS; text++)
        loy_campaign_set_text (campaign, languages[i], text, texts[text]);
    }
}

const char *
loy_campaign_basic_page_get_language (LoyCampaignBasicPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self), NULL);

  return loy_campaign_get_languages ()[self->language];
}

void
loy_campaign_basic_page_set_language (LoyCampaignBasicPage *self,
                                      const char           *language)
{
  guint index;

  g_return_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self));

  index = language_index (language);
  g_return_if_fail (index != G_MAXUINT);

  adw_combo_row_set_selected (self->language_row, index);
}

void
loy_campaign_basic_page_show_default_language (LoyCampaignBasicPage *self)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self));

  if (language_index (self->default_language) != G_MAXUINT)
    loy_campaign_basic_page_set_language (self, self->default_language);
}

gboolean
loy_campaign_basic_page_has_input (LoyCampaignBasicPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self), FALSE);

  for (guint i = 0; i < self->texts->len; i++)
    if (language_filled (self, i))
      return TRUE;

  return FALSE;
}

gboolean
loy_campaign_basic_page_has_name (LoyCampaignBasicPage *self)
{
  guint index;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self), FALSE);

  index = language_index (self->default_language);

  return index != G_MAXUINT &&
         ((char **) g_ptr_array_index (self->texts, index))[LOY_CAMPAIGN_TEXT_NAME] != NULL;
}

GtkLabel *
loy_campaign_basic_page_get_name_problem_label (LoyCampaignBasicPage *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_BASIC_PAGE (self), NULL);

  return self->name_problem;
}
