/* loy-segment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-domain-private.h"
#include "loy-segment.h"

struct _LoySegment
{
  GObject   parent_instance;

  char     *uuid;
  char     *name;
  char     *description;
  gint64    n_contacts;
  JsonNode *criteria;
};

G_DEFINE_FINAL_TYPE (LoySegment, loy_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_N_CONTACTS,
  PROP_CRITERIA,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static JsonNode *
new_empty_criteria (void)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());
  return node;
}

static void
loy_segment_finalize (GObject *object)
{
  LoySegment *self = (LoySegment *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->criteria, json_node_unref);

  G_OBJECT_CLASS (loy_segment_parent_class)->finalize (object);
}

static void
loy_segment_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LoySegment *self = LOY_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_N_CONTACTS:
      g_value_set_int64 (value, self->n_contacts);
      break;

    case PROP_CRITERIA:
      g_value_set_boxed (value, self->criteria);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_segment_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LoySegment *self = LOY_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      loy_segment_set_uuid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      loy_segment_set_name (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      loy_segment_set_description (self, g_value_get_string (value));
      break;

    case PROP_N_CONTACTS:
      loy_segment_set_n_contacts (self, g_value_get_int64 (value));
      break;

    case PROP_CRITERIA:
      loy_segment_set_criteria (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_segment_class_init (LoySegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_segment_finalize;
  object_class->get_property = loy_segment_get_property;
  object_class->set_property = loy_segment_set_property;

  properties [PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_CONTACTS] =
    g_param_spec_int64 ("n-contacts", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Never NULL; setting NULL stores an empty object. */
  properties [PROP_CRITERIA] =
    g_param_spec_boxed ("criteria", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_segment_init (LoySegment *self)
{
  self->criteria = new_empty_criteria ();
}

LoySegment *
loy_segment_new (void)
{
  return g_object_new (LOY_TYPE_SEGMENT, NULL);
}

const char *
loy_segment_get_uuid (LoySegment *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT (self), NULL);

  return self->uuid;
}

void
loy_segment_set_uuid (LoySegment *self,
                      const char *uuid)
{
  g_return_if_fail (LOY_IS_SEGMENT (self));

  if (_loy_set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UUID]);
}

const char *
loy_segment_get_name (LoySegment *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT (self), NULL);

  return self->name;
}

void
loy_segment_set_name (LoySegment *self,
                      const char *name)
{
  g_return_if_fail (LOY_IS_SEGMENT (self));

  if (_loy_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
loy_segment_get_description (LoySegment *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT (self), NULL);

  return self->description;
}

void
loy_segment_set_description (LoySegment *self,
                             const char *description)
{
  g_return_if_fail (LOY_IS_SEGMENT (self));

  if (_loy_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

gint64
loy_segment_get_n_contacts (LoySegment *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT (self), 0);

  return self->n_contacts;
}

void
loy_segment_set_n_contacts (LoySegment *self,
                            gint64      n_contacts)
{
  g_return_if_fail (LOY_IS_SEGMENT (self));

  if (self->n_contacts == n_contacts)
    return;

  self->n_contacts = n_contacts;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CONTACTS]);
}

JsonNode *
loy_segment_get_criteria (LoySegment *self)
{
  g_return_val_if_fail (LOY_IS_SEGMENT (self), NULL);

  return self->criteria;
}

/* Stores a json_node_copy() of @criteria; NULL stores an empty object. */
void
loy_segment_set_criteria (LoySegment *self,
                          JsonNode   *criteria)
{
  g_autoptr(JsonNode) empty = NULL;

  g_return_if_fail (LOY_IS_SEGMENT (self));

  if (criteria == NULL)
    criteria = empty = new_empty_criteria ();

  if (json_node_equal (self->criteria, criteria))
    return;

  json_node_unref (self->criteria);
  self->criteria = json_node_copy (criteria);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CRITERIA]);
}
