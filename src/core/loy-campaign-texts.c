/* loy-campaign-texts.c — a campaign's texts in each language, and its name in the default one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "loy-campaign.h"
#include "loy-campaign-private.h"
#include "loy-domain-private.h"

static const char * const languages[] = { "en", "nl", "pl", NULL };
/* In the order of languages[]. */
static const char * const language_labels[] = { N_("English"), N_("Dutch"), N_("Polish") };

void
_loy_campaign_translation_free (gpointer data)
{
  Translation *translation = data;

  for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    g_free (translation->texts[i]);
  g_free (translation);
}

const char * const *
loy_campaign_get_languages (void)
{
  return languages;
}

const char *
loy_campaign_language_get_label (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], language))
      return _(language_labels[i]);

  return language;
}

const char *
loy_campaign_get_default_language (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->default_language;
}

void
loy_campaign_set_default_language (LoyCampaign *self,
                                   const char  *language)
{
  g_autofree char *old_name = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (language != NULL && language[0] != '\0');

  old_name = g_strdup (loy_campaign_get_name (self));
  if (!_loy_set_str (&self->default_language, language))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  _loy_campaign_notify (self, PROP_DEFAULT_LANGUAGE);
  if (g_strcmp0 (old_name, loy_campaign_get_name (self)) != 0)
    _loy_campaign_notify (self, PROP_NAME);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
loy_campaign_get_text (LoyCampaign     *self,
                       const char      *language,
                       LoyCampaignText  text)
{
  Translation *translation;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (text < LOY_N_CAMPAIGN_TEXTS, NULL);

  translation = g_hash_table_lookup (self->translations, language);

  return translation != NULL ? translation->texts[text] : NULL;
}

static gboolean
translation_is_empty (Translation *translation)
{
  for (guint i = 0; i < LOY_N_CAMPAIGN_TEXTS; i++)
    if (translation->texts[i] != NULL)
      return FALSE;

  return TRUE;
}

void
loy_campaign_set_text (LoyCampaign     *self,
                       const char      *language,
                       LoyCampaignText  text,
                       const char      *value)
{
  Translation *translation;

  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (language != NULL && language[0] != '\0');
  g_return_if_fail (text < LOY_N_CAMPAIGN_TEXTS);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  translation = g_hash_table_lookup (self->translations, language);
  if (translation == NULL)
    {
      if (value == NULL)
        return;

      translation = g_new0 (Translation, 1);
      g_hash_table_insert (self->translations, g_strdup (language), translation);
    }

  if (!_loy_set_str (&translation->texts[text], value))
    return;

  if (translation_is_empty (translation))
    g_hash_table_remove (self->translations, language);

  if (text == LOY_CAMPAIGN_TEXT_NAME && g_str_equal (language, self->default_language))
    _loy_campaign_notify (self, PROP_NAME);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
loy_campaign_dup_languages (LoyCampaign *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->translations, &n_keys);
  g_qsort_with_data (keys, n_keys, sizeof (char *), compare_strings, NULL);

  return g_strdupv ((char **) keys);
}

const char *
loy_campaign_get_name (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return loy_campaign_get_text (self, self->default_language, LOY_CAMPAIGN_TEXT_NAME);
}

void
loy_campaign_set_name (LoyCampaign *self,
                       const char  *name)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  loy_campaign_set_text (self, self->default_language, LOY_CAMPAIGN_TEXT_NAME, name);
}
