/* loy-campaign-audience.c — who a campaign is for: its labels, categories and target
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

G_DEFINE_BOXED_TYPE (LoyCampaignLabel, loy_campaign_label,
                     loy_campaign_label_copy, loy_campaign_label_free)

LoyCampaignLabel *
loy_campaign_label_new (const char *key,
                        const char *value)
{
  LoyCampaignLabel *label = g_new0 (LoyCampaignLabel, 1);

  g_return_val_if_fail (key != NULL, NULL);

  label->key = g_strdup (key);
  label->value = g_strdup (value != NULL ? value : "");

  return label;
}

LoyCampaignLabel *
loy_campaign_label_copy (const LoyCampaignLabel *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return loy_campaign_label_new (label->key, label->value);
}

void
loy_campaign_label_free (LoyCampaignLabel *label)
{
  if (label == NULL)
    return;

  g_free (label->key);
  g_free (label->value);
  g_free (label);
}

GPtrArray *
loy_campaign_get_labels (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return self->labels;
}

static gboolean
labels_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      LoyCampaignLabel *label_a = g_ptr_array_index (a, i);
      LoyCampaignLabel *label_b = g_ptr_array_index (b, i);

      if (!g_str_equal (label_a->key, label_b->key) || !g_str_equal (label_a->value, label_b->value))
        return FALSE;
    }

  return TRUE;
}

void
loy_campaign_set_labels (LoyCampaign *self,
                         GPtrArray   *labels)
{
  g_autoptr(GPtrArray) empty = NULL;

  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  if (labels == NULL)
    labels = empty = g_ptr_array_new ();

  if (labels_equal (self->labels, labels))
    return;

  g_ptr_array_set_size (self->labels, 0);
  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (self->labels, loy_campaign_label_copy (g_ptr_array_index (labels, i)));
  _loy_campaign_notify (self, PROP_LABELS);
}

void
loy_campaign_add_label (LoyCampaign *self,
                        const char  *key,
                        const char  *value)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (key != NULL);

  g_ptr_array_add (self->labels, loy_campaign_label_new (key, value));
  _loy_campaign_notify (self, PROP_LABELS);
}

gboolean
loy_campaign_has_label (LoyCampaign *self,
                        const char  *key,
                        const char  *value)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->labels->len; i++)
    {
      LoyCampaignLabel *label = g_ptr_array_index (self->labels, i);

      if (g_str_equal (label->key, key) && (value == NULL || g_str_equal (label->value, value)))
        return TRUE;
    }

  return FALSE;
}

const char * const *
loy_campaign_get_category_uuids (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return (const char * const *) self->category_uuids;
}

void
loy_campaign_set_category_uuids (LoyCampaign        *self,
                                 const char * const *uuids)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_strv (self, &self->category_uuids, uuids, PROP_CATEGORY_UUIDS);
}

LoyTargetType
loy_campaign_get_target_type (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), LOY_TARGET_TYPE_NONE);

  return self->target_type;
}

void
loy_campaign_set_target_type (LoyCampaign   *self,
                              LoyTargetType  target_type)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));
  g_return_if_fail (target_type <= LOY_TARGET_TYPE_SEGMENT);

  if (self->target_type == target_type)
    return;

  self->target_type = target_type;
  _loy_campaign_notify (self, PROP_TARGET_TYPE);
}

const char * const *
loy_campaign_get_level_uuids (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return (const char * const *) self->level_uuids;
}

void
loy_campaign_set_level_uuids (LoyCampaign        *self,
                              const char * const *uuids)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_strv (self, &self->level_uuids, uuids, PROP_LEVEL_UUIDS);
}

const char * const *
loy_campaign_get_segment_uuids (LoyCampaign *self)
{
  g_return_val_if_fail (LOY_IS_CAMPAIGN (self), NULL);

  return (const char * const *) self->segment_uuids;
}

void
loy_campaign_set_segment_uuids (LoyCampaign        *self,
                                const char * const *uuids)
{
  g_return_if_fail (LOY_IS_CAMPAIGN (self));

  _loy_campaign_set_strv (self, &self->segment_uuids, uuids, PROP_SEGMENT_UUIDS);
}
