/* loy-campaign-private.c — the property specs of LoyCampaign and the
 * setters that notify them, shared by the files that implement it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-campaign-private.h"

GParamSpec *_loy_campaign_properties [N_PROPS];

void
_loy_campaign_notify (LoyCampaign *self,
                      guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), _loy_campaign_properties [prop_id]);
}

void
_loy_campaign_set_int64 (LoyCampaign *self,
                         gint64      *field,
                         gint64       value,
                         guint        prop_id)
{
  if (*field == value)
    return;

  *field = value;
  _loy_campaign_notify (self, prop_id);
}

void
_loy_campaign_set_boolean (LoyCampaign *self,
                           gboolean    *field,
                           gboolean     value,
                           guint        prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  _loy_campaign_notify (self, prop_id);
}

void
_loy_campaign_set_strv (LoyCampaign         *self,
                        char              ***field,
                        const char * const  *value,
                        guint                prop_id)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (g_strv_equal ((const char * const *) *field, value))
    return;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  _loy_campaign_notify (self, prop_id);
}
