/* loy-campaign-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-campaign-category.h"

struct _LoyCampaignCategory
{
  GObject     parent_instance;

  char       *uuid;
  char       *name;
  GHashTable *translations;  /* language → name */
  gint64      sort_order;
  gboolean    is_active;
};

G_DEFINE_FINAL_TYPE (LoyCampaignCategory, loy_campaign_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_IS_ACTIVE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_campaign_category_finalize (GObject *object)
{
  LoyCampaignCategory *self = (LoyCampaignCategory *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->translations, g_hash_table_unref);

  G_OBJECT_CLASS (loy_campaign_category_parent_class)->finalize (object);
}

static void
loy_campaign_category_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LoyCampaignCategory *self = LOY_CAMPAIGN_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_category_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LoyCampaignCategory *self = LOY_CAMPAIGN_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_NAME:
      loy_campaign_category_set_name (self, g_value_get_string (value));
      break;

    case PROP_IS_ACTIVE:
      loy_campaign_category_set_is_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_campaign_category_class_init (LoyCampaignCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_campaign_category_finalize;
  object_class->get_property = loy_campaign_category_get_property;
  object_class->set_property = loy_campaign_category_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_IS_ACTIVE] =
    g_param_spec_boolean ("is-active", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_campaign_category_init (LoyCampaignCategory *self)
{
  self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->is_active = TRUE;
}

LoyCampaignCategory *
loy_campaign_category_new (const char *uuid,
                           const char *name)
{
  return g_object_new (LOY_TYPE_CAMPAIGN_CATEGORY, "uuid", uuid, "name", name, NULL);
}

const char *
loy_campaign_category_get_uuid (LoyCampaignCategory *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self), NULL);

  return self->uuid;
}

const char *
loy_campaign_category_get_name (LoyCampaignCategory *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self), NULL);

  return self->name;
}

void
loy_campaign_category_set_name (LoyCampaignCategory *self,
                                const char          *name)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
loy_campaign_category_get_translation (LoyCampaignCategory *self,
                                       const char          *language)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_hash_table_lookup (self->translations, language);
}

void
loy_campaign_category_set_translation (LoyCampaignCategory *self,
                                       const char          *language,
                                       const char          *name)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self));
  g_return_if_fail (language != NULL);

  if (name == NULL || *name == '\0')
    g_hash_table_remove (self->translations, language);
  else
    g_hash_table_insert (self->translations, g_strdup (language), g_strdup (name));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

char **
loy_campaign_category_dup_languages (LoyCampaignCategory *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys;
  char **languages;

  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->translations, &n_keys);
  languages = g_new0 (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    languages[i] = g_strdup (keys[i]);
  g_qsort_with_data (languages, n_keys, sizeof (char *), compare_strings, NULL);

  return languages;
}

gboolean
loy_campaign_category_get_is_active (LoyCampaignCategory *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self), FALSE);

  return self->is_active;
}

void
loy_campaign_category_set_is_active (LoyCampaignCategory *self,
                                     gboolean             is_active)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self));

  is_active = !!is_active;
  if (self->is_active == is_active)
    return;

  self->is_active = is_active;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IS_ACTIVE]);
}

gint64
loy_campaign_category_get_sort_order (LoyCampaignCategory *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self), 0);

  return self->sort_order;
}

void
loy_campaign_category_set_sort_order (LoyCampaignCategory *self,
                                      gint64               sort_order)
{
  g_return_if_fail (LOY_IS_CAMPAIGN_CATEGORY (self));

  self->sort_order = sort_order;
}
