/* loy-json-private.h — typed members of the API's JSON, for the core's
 * readers and writers (loy-json.c, loy-campaign-json.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writers: NULL, LOY_UNSET and a time of 0 are written as null. */
void     _loy_json_set_string_or_null (JsonObject  *object,
                                       const char  *member,
                                       const char  *value);
void     _loy_json_set_int_or_null    (JsonObject  *object,
                                       const char  *member,
                                       gint64       value);
/* Cents as a number of currency units. */
void     _loy_json_set_money          (JsonObject  *object,
                                       const char  *member,
                                       gint64       cents);
void     _loy_json_set_time_or_null   (JsonObject  *object,
                                       const char  *member,
                                       gint64       unix_seconds);

/* Readers: each leaves *value alone when @member is absent, reads null as
 * NULL, LOY_UNSET or 0 (a time), and fails with %LOY_ERROR_INVALID_INPUT
 * naming the member when it has the wrong type. */
gboolean _loy_json_wrong_type         (const char  *member,
                                       const char  *expected,
                                       GError     **error);
gboolean _loy_json_node_holds         (JsonNode    *node,
                                       GType        value_type);
gboolean _loy_json_read_string        (JsonObject  *object,
                                       const char  *member,
                                       char       **value,
                                       GError     **error);
gboolean _loy_json_read_boolean       (JsonObject  *object,
                                       const char  *member,
                                       gboolean    *value,
                                       GError     **error);
gboolean _loy_json_read_int           (JsonObject  *object,
                                       const char  *member,
                                       gint64      *value,
                                       GError     **error);
/* A number of currency units with at most two decimals, into cents. */
gboolean _loy_json_read_money         (JsonObject  *object,
                                       const char  *member,
                                       gint64      *cents,
                                       GError     **error);
gboolean _loy_json_read_time          (JsonObject  *object,
                                       const char  *member,
                                       gint64      *unix_seconds,
                                       GError     **error);
/* The number or text of a JSON value; a whole double ("25.0") is a whole
 * number, and text must be UTF-8. FALSE for anything else. */
/* The type of the value @node holds, G_TYPE_INVALID when it holds none. */
GType    _loy_json_node_get_value_type (JsonNode   *node);
gboolean _loy_json_node_get_int64     (JsonNode    *node,
                                       gint64      *value);
gboolean _loy_json_node_get_string    (JsonNode    *node,
                                       const char **value);

G_END_DECLS
