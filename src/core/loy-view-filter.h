/* loy-view-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "loy-enums.h"

G_BEGIN_DECLS

#define LOY_TYPE_VIEW_FILTER (loy_view_filter_get_type ())

typedef enum
{
  LOY_CONDITION_NONE,          /* no contact condition: not in the JSON */
  LOY_CONDITION_EQUALS,        /*< nick=EQUALS >*/ /* attribute == value */
  LOY_CONDITION_NOT_EQUALS,    /*< nick=NOT_EQUALS >*/
  LOY_CONDITION_IS_SET,        /*< nick=IS_SET >*/ /* attribute present and not empty */
  LOY_CONDITION_DATE_WINDOW,   /*< nick=DATE_WINDOW >*/ /* today within [date − days_before, date + days_after],
                                  the date's month and day taken every year */
} LoyConditionType;

/**
 * LoyViewFilter:
 * @platforms: where the reward shows; 0 (unset) means both apps
 * @shop_uuids: (nullable): the shops it shows in; %NULL or empty means all
 * @condition: the contact condition's type
 * @attribute: the contact attribute the condition reads (e.g. "date_of_birth")
 * @value: the value compared with for EQUALS / NOT_EQUALS
 * @days_before: DATE_WINDOW: days before the date the window opens
 * @days_after: DATE_WINDOW: days after the date the window closes
 *
 * A reward's view filters (seed 000): who sees it, where, and on which app.
 */
typedef struct
{
  LoyPlatform       platforms;
  GStrv             shop_uuids;
  LoyConditionType  condition;
  char             *attribute;
  char             *value;
  guint             days_before;
  guint             days_after;
} LoyViewFilter;

GType          loy_view_filter_get_type  (void) G_GNUC_CONST;
LoyViewFilter *loy_view_filter_new       (void);
LoyViewFilter *loy_view_filter_copy      (const LoyViewFilter *filter);
void           loy_view_filter_free      (LoyViewFilter       *filter);
gboolean       loy_view_filter_is_empty  (const LoyViewFilter *filter);
/* The stored and API form: {"platforms": [...], "shops": [...], "contact": {...}} */
JsonNode      *loy_view_filter_to_json   (const LoyViewFilter *filter);
LoyViewFilter *loy_view_filter_from_json (JsonNode            *node,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyViewFilter, loy_view_filter_free)

G_END_DECLS
