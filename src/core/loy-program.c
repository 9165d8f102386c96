/* loy-program.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "loy-enums.h"
#include "loy-program.h"

struct _LoyProgram
{
  GObject        parent_instance;

  gint64         points_per_unit;
  LoyRounding    rounding;
  gint64         welcome_points;
  GHashTable    *actions;
  guint          expiry_months;
  LoyLevelBasis  level_basis;
  guint          level_period_months;
  char          *name;
  char          *credit_name;
  char          *unit_label;
  gboolean       rules_known;
};

G_DEFINE_FINAL_TYPE (LoyProgram, loy_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POINTS_PER_UNIT,
  PROP_ROUNDING,
  PROP_WELCOME_POINTS,
  PROP_EXPIRY_MONTHS,
  PROP_LEVEL_BASIS,
  PROP_LEVEL_PERIOD_MONTHS,
  PROP_NAME,
  PROP_CREDIT_NAME,
  PROP_UNIT_LABEL,
  PROP_RULES_KNOWN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
insert_action (LoyProgram *self,
               const char *action,
               gint64      points)
{
  g_hash_table_insert (self->actions, g_strdup (action), g_memdup2 (&points, sizeof points));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
loy_program_finalize (GObject *object)
{
  LoyProgram *self = (LoyProgram *)object;

  g_clear_pointer (&self->actions, g_hash_table_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->credit_name, g_free);
  g_clear_pointer (&self->unit_label, g_free);

  G_OBJECT_CLASS (loy_program_parent_class)->finalize (object);
}

static void set_text (LoyProgram *self,
                      guint       prop_id,
                      const char *text);

static void
loy_program_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LoyProgram *self = LOY_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_POINTS_PER_UNIT:
      g_value_set_int64 (value, self->points_per_unit);
      break;

    case PROP_ROUNDING:
      g_value_set_enum (value, self->rounding);
      break;

    case PROP_WELCOME_POINTS:
      g_value_set_int64 (value, self->welcome_points);
      break;

    case PROP_EXPIRY_MONTHS:
      g_value_set_uint (value, self->expiry_months);
      break;

    case PROP_LEVEL_BASIS:
      g_value_set_enum (value, self->level_basis);
      break;

    case PROP_LEVEL_PERIOD_MONTHS:
      g_value_set_uint (value, self->level_period_months);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREDIT_NAME:
      g_value_set_string (value, self->credit_name);
      break;

    case PROP_UNIT_LABEL:
      g_value_set_string (value, self->unit_label);
      break;

    case PROP_RULES_KNOWN:
      g_value_set_boolean (value, self->rules_known);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_program_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LoyProgram *self = LOY_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_POINTS_PER_UNIT:
      loy_program_set_points_per_unit (self, g_value_get_int64 (value));
      break;

    case PROP_ROUNDING:
      loy_program_set_rounding (self, g_value_get_enum (value));
      break;

    case PROP_WELCOME_POINTS:
      loy_program_set_welcome_points (self, g_value_get_int64 (value));
      break;

    case PROP_EXPIRY_MONTHS:
      loy_program_set_expiry_months (self, g_value_get_uint (value));
      break;

    case PROP_LEVEL_BASIS:
      loy_program_set_level_basis (self, g_value_get_enum (value));
      break;

    case PROP_LEVEL_PERIOD_MONTHS:
      loy_program_set_level_period_months (self, g_value_get_uint (value));
      break;

    case PROP_NAME:
    case PROP_CREDIT_NAME:
    case PROP_UNIT_LABEL:
      set_text (self, prop_id, g_value_get_string (value));
      break;

    case PROP_RULES_KNOWN:
      loy_program_set_rules_known (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
loy_program_class_init (LoyProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_program_finalize;
  object_class->get_property = loy_program_get_property;
  object_class->set_property = loy_program_set_property;

  properties [PROP_POINTS_PER_UNIT] =
    g_param_spec_int64 ("points-per-unit", NULL, NULL,
                        0, G_MAXINT64, 1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROUNDING] =
    g_param_spec_enum ("rounding", NULL, NULL,
                       LOY_TYPE_ROUNDING, LOY_ROUNDING_DOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WELCOME_POINTS] =
    g_param_spec_int64 ("welcome-points", NULL, NULL,
                        0, G_MAXINT64, 50,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_EXPIRY_MONTHS] =
    g_param_spec_uint ("expiry-months", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL_BASIS] =
    g_param_spec_enum ("level-basis", NULL, NULL,
                       LOY_TYPE_LEVEL_BASIS, LOY_LEVEL_BASIS_BALANCE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL_PERIOD_MONTHS] =
    g_param_spec_uint ("level-period-months", NULL, NULL,
                       1, G_MAXUINT, 12,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What a remote account's loyalty program says of itself; NULL locally. */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What the points are called ("Sand dollars"). */
  properties [PROP_CREDIT_NAME] =
    g_param_spec_string ("credit-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What points are earned on ("Purchase amount"). */
  properties [PROP_UNIT_LABEL] =
    g_param_spec_string ("unit-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the earning, expiry and level rules are the program's own:
   * a remote account's loyalty program does not say what they are, so its
   * are only the defaults and must not be shown as its rules. */
  properties [PROP_RULES_KNOWN] =
    g_param_spec_boolean ("rules-known", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
loy_program_init (LoyProgram *self)
{
  self->points_per_unit = 1;
  self->rounding = LOY_ROUNDING_DOWN;
  self->welcome_points = 50;
  self->level_basis = LOY_LEVEL_BASIS_BALANCE;
  self->level_period_months = 12;
  self->rules_known = TRUE;

  self->actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  insert_action (self, "referral", 100);
  insert_action (self, "review", 25);
  insert_action (self, "social_share", 10);
}

LoyProgram *
loy_program_new (void)
{
  return g_object_new (LOY_TYPE_PROGRAM, NULL);
}

gint64
loy_program_get_points_per_unit (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), 0);

  return self->points_per_unit;
}

void
loy_program_set_points_per_unit (LoyProgram *self,
                                 gint64      points)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));
  g_return_if_fail (points >= 0);

  if (self->points_per_unit == points)
    return;

  self->points_per_unit = points;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POINTS_PER_UNIT]);
}

LoyRounding
loy_program_get_rounding (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), LOY_ROUNDING_DOWN);

  return self->rounding;
}

void
loy_program_set_rounding (LoyProgram  *self,
                          LoyRounding  rounding)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));
  g_return_if_fail (rounding <= LOY_ROUNDING_UP);

  if (self->rounding == rounding)
    return;

  self->rounding = rounding;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROUNDING]);
}

gint64
loy_program_get_welcome_points (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), 0);

  return self->welcome_points;
}

void
loy_program_set_welcome_points (LoyProgram *self,
                                gint64      points)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));
  g_return_if_fail (points >= 0);

  if (self->welcome_points == points)
    return;

  self->welcome_points = points;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WELCOME_POINTS]);
}

gint64
loy_program_get_action_points (LoyProgram *self,
                               const char *action)
{
  const gint64 *points;

  g_return_val_if_fail (LOY_IS_PROGRAM (self), LOY_UNSET);
  g_return_val_if_fail (action != NULL, LOY_UNSET);

  points = g_hash_table_lookup (self->actions, action);

  return points != NULL ? *points : LOY_UNSET;
}

/* LOY_UNSET @points removes @action. */
void
loy_program_set_action_points (LoyProgram *self,
                               const char *action,
                               gint64      points)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));
  g_return_if_fail (action != NULL);
  g_return_if_fail (points >= LOY_UNSET);

  if (points == LOY_UNSET)
    g_hash_table_remove (self->actions, action);
  else
    insert_action (self, action, points);
}

GStrv
loy_program_dup_actions (LoyProgram *self)
{
  g_autofree char **keys = NULL;
  GStrv actions;
  guint n_keys;

  g_return_val_if_fail (LOY_IS_PROGRAM (self), NULL);

  keys = (char **) g_hash_table_get_keys_as_array (self->actions, &n_keys);
  actions = g_strdupv (keys);
  qsort (actions, n_keys, sizeof (char *), compare_strings);

  return actions;
}

guint
loy_program_get_expiry_months (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), 0);

  return self->expiry_months;
}

void
loy_program_set_expiry_months (LoyProgram *self,
                               guint       months)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));

  if (self->expiry_months == months)
    return;

  self->expiry_months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPIRY_MONTHS]);
}

LoyLevelBasis
loy_program_get_level_basis (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), LOY_LEVEL_BASIS_BALANCE);

  return self->level_basis;
}

void
loy_program_set_level_basis (LoyProgram    *self,
                             LoyLevelBasis  basis)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));
  g_return_if_fail (basis <= LOY_LEVEL_BASIS_EARNED_IN_PERIOD);

  if (self->level_basis == basis)
    return;

  self->level_basis = basis;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL_BASIS]);
}

guint
loy_program_get_level_period_months (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), 12);

  return self->level_period_months;
}

void
loy_program_set_level_period_months (LoyProgram *self,
                                     guint       months)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));
  g_return_if_fail (months > 0);

  if (self->level_period_months == months)
    return;

  self->level_period_months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEVEL_PERIOD_MONTHS]);
}

/* amount_cents × points_per_unit / 100, rounded per the rule, in integers
 * alone: with amount = 100 a + r and points_per_unit = 100 p + q, the
 * product over 100 is a × (100 p + q) + r × p + (r × q) / 100, and only the
 * last term has a fraction. A result beyond G_MAXINT64 saturates. */
gint64
loy_program_points_for_amount (LoyProgram *self,
                               gint64      amount_cents)
{
  guint64 a, r, p, q, whole, rest, points;
  guint64 fraction;

  g_return_val_if_fail (LOY_IS_PROGRAM (self), 0);

  if (amount_cents <= 0)
    return 0;

  a = amount_cents / 100;
  r = amount_cents % 100;
  p = self->points_per_unit / 100;
  q = self->points_per_unit % 100;

  fraction = (r * q) % 100;
  rest = r * p + (r * q) / 100;

  switch (self->rounding)
    {
    case LOY_ROUNDING_DOWN:
      break;

    case LOY_ROUNDING_NEAREST:
      rest += fraction >= 50;
      break;

    case LOY_ROUNDING_UP:
      rest += fraction > 0;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!g_uint64_checked_mul (&whole, a, (guint64) self->points_per_unit) ||
      !g_uint64_checked_add (&points, whole, rest) ||
      points > G_MAXINT64)
    return G_MAXINT64;

  return points;
}

static char **
text_field (LoyProgram *self,
            guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:
      return &self->name;
    case PROP_CREDIT_NAME:
      return &self->credit_name;
    case PROP_UNIT_LABEL:
      return &self->unit_label;
    default:
      g_assert_not_reached ();
    }
}

static void
set_text (LoyProgram *self,
          guint       prop_id,
          const char *text)
{
  char **field = text_field (self, prop_id);

  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

const char *
loy_program_get_name (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), NULL);

  return self->name;
}

void
loy_program_set_name (LoyProgram *self,
                      const char *name)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));

  set_text (self, PROP_NAME, name);
}

const char *
loy_program_get_credit_name (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), NULL);

  return self->credit_name;
}

void
loy_program_set_credit_name (LoyProgram *self,
                             const char *credit_name)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));

  set_text (self, PROP_CREDIT_NAME, credit_name);
}

const char *
loy_program_get_unit_label (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), NULL);

  return self->unit_label;
}

void
loy_program_set_unit_label (LoyProgram *self,
                            const char *unit_label)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));

  set_text (self, PROP_UNIT_LABEL, unit_label);
}

gboolean
loy_program_get_rules_known (LoyProgram *self)
{
  g_return_val_if_fail (LOY_IS_PROGRAM (self), FALSE);

  return self->rules_known;
}

void
loy_program_set_rules_known (LoyProgram *self,
                             gboolean    rules_known)
{
  g_return_if_fail (LOY_IS_PROGRAM (self));

  rules_known = !!rules_known;
  if (self->rules_known == rules_known)
    return;

  self->rules_known = rules_known;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RULES_KNOWN]);
}
