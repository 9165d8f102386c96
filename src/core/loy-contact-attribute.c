/* loy-contact-attribute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-contact-attribute.h"

struct _LoyContactAttribute
{
  GObject           parent_instance;

  char             *name;
  LoyAttributeType  value_type;
  gint64            n_contacts;
};

G_DEFINE_FINAL_TYPE (LoyContactAttribute, loy_contact_attribute, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE_TYPE,
  PROP_N_CONTACTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
loy_contact_attribute_finalize (GObject *object)
{
  LoyContactAttribute *self = (LoyContactAttribute *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (loy_contact_attribute_parent_class)->finalize (object);
}

static void
loy_contact_attribute_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LoyContactAttribute *self = LOY_CONTACT_ATTRIBUTE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VALUE_TYPE:
      g_value_set_enum (value, self->value_type);
      break;

    case PROP_N_CONTACTS:
      g_value_set_int64 (value, self->n_contacts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_attribute_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LoyContactAttribute *self = LOY_CONTACT_ATTRIBUTE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_VALUE_TYPE:
      self->value_type = g_value_get_enum (value);
      break;

    case PROP_N_CONTACTS:
      self->n_contacts = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_contact_attribute_class_init (LoyContactAttributeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_contact_attribute_finalize;
  object_class->get_property = loy_contact_attribute_get_property;
  object_class->set_property = loy_contact_attribute_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_VALUE_TYPE] =
    g_param_spec_enum ("value-type", NULL, NULL,
                       LOY_TYPE_ATTRIBUTE_TYPE, LOY_ATTRIBUTE_TYPE_TEXT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_CONTACTS] =
    g_param_spec_int64 ("n-contacts", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_contact_attribute_init (LoyContactAttribute *self)
{
}

LoyContactAttribute *
loy_contact_attribute_new (const char       *name,
                           LoyAttributeType  value_type,
                           gint64            n_contacts)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (LOY_TYPE_CONTACT_ATTRIBUTE,
                       "name", name,
                       "value-type", value_type,
                       "n-contacts", n_contacts,
                       NULL);
}

const char *
loy_contact_attribute_get_name (LoyContactAttribute *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_ATTRIBUTE (self), NULL);

  return self->name;
}

LoyAttributeType
loy_contact_attribute_get_value_type (LoyContactAttribute *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_ATTRIBUTE (self), LOY_ATTRIBUTE_TYPE_TEXT);

  return self->value_type;
}

gint64
loy_contact_attribute_get_n_contacts (LoyContactAttribute *self)
{
  g_return_val_if_fail (LOY_IS_CONTACT_ATTRIBUTE (self), 0);

  return self->n_contacts;
}

/**
 * loy_contact_attribute_dup_label:
 * @name: an attribute's name as stored, such as "date_of_birth"
 *
 * The name as a person would write it, for the places that show it in a
 * sentence or as a row's title: "date_of_birth", "date-of-birth" and
 * "dateOfBirth" all read "Date of birth".
 *
 * Returns: (transfer full): the label
 */
char *
loy_contact_attribute_dup_label (const char *name)
{
  g_autoptr(GString) label = NULL;
  gunichar previous = 0;

  g_return_val_if_fail (name != NULL, NULL);

  label = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '_' || c == '-')
        c = ' ';
      else if (g_unichar_isupper (c) && g_unichar_islower (previous))
        {
          g_string_append_c (label, ' ');
          c = g_unichar_tolower (c);
        }

      if (label->len == 0)
        c = g_unichar_totitle (c);
      g_string_append_unichar (label, c);
      previous = c;
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}
