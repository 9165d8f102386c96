/* loy-code-generator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "loy-code-file.h"
#include "loy-code-generator.h"
#include "loy-error.h"

/* Random codes from a pattern such as "SPRING-####-XXXX": each '#' becomes
 * one of LOY_CODE_DIGITS and each 'X' one of LOY_CODE_LETTERS, drawn from
 * the kernel's cryptographically secure source, so a code cannot be guessed
 * from the ones before it. Every other character stays as it is. Whether a
 * code is new to its group is for the store to check. */

#define POOL_SIZE 256   /* getrandom() fills up to 256 bytes in one go */

struct _LoyCodeGenerator
{
  GObject  parent_instance;

  char    *pattern;
  GString *code;
  guint64  capacity;
  guchar   pool[POOL_SIZE];
  gsize    pool_used;
};

G_DEFINE_FINAL_TYPE (LoyCodeGenerator, loy_code_generator, G_TYPE_OBJECT)

static void
loy_code_generator_finalize (GObject *object)
{
  LoyCodeGenerator *self = (LoyCodeGenerator *)object;

  g_clear_pointer (&self->pattern, g_free);
  g_string_free (self->code, TRUE);
  explicit_bzero (self->pool, sizeof self->pool);

  G_OBJECT_CLASS (loy_code_generator_parent_class)->finalize (object);
}

static void
loy_code_generator_class_init (LoyCodeGeneratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = loy_code_generator_finalize;
}

static void
loy_code_generator_init (LoyCodeGenerator *self)
{
  self->code = g_string_sized_new (64);
  self->pool_used = POOL_SIZE;
}

/* How many codes @pattern can make, or G_MAXUINT64 when more than that.
 * 0 when it has no placeholder. */
static guint64
count_capacity (const char *pattern)
{
  guint64 capacity = 1;
  gboolean has_placeholder = FALSE;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      guint64 choices;

      if (*p == '#')
        choices = strlen (LOY_CODE_DIGITS);
      else if (*p == 'X')
        choices = strlen (LOY_CODE_LETTERS);
      else
        continue;

      has_placeholder = TRUE;
      if (capacity > G_MAXUINT64 / choices)
        return G_MAXUINT64;
      capacity *= choices;
    }

  return has_placeholder ? capacity : 0;
}

/**
 * loy_code_generator_new:
 * @pattern: a pattern: '#' for a digit, 'X' for a letter, anything else as is
 * @error: return location for a #GError
 *
 * Checks @pattern: a valid code (see loy_code_check()) with at least one
 * placeholder.
 *
 * Returns: (transfer full) (nullable): a generator, or %NULL with
 *   %LOY_ERROR_INVALID_INPUT
 */
LoyCodeGenerator *
loy_code_generator_new (const char  *pattern,
                        GError     **error)
{
  LoyCodeGenerator *self;
  const char *reason;
  guint64 capacity;

  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((reason = loy_code_check (pattern, strlen (pattern))) != NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The pattern is not a valid code: %s"), reason);
      return NULL;
    }

  if ((capacity = count_capacity (pattern)) == 0)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The pattern “%s” needs at least one “#” (a digit) or “X” (a letter)"),
                   pattern);
      return NULL;
    }

  self = g_object_new (LOY_TYPE_CODE_GENERATOR, NULL);
  self->pattern = g_strdup (pattern);
  self->capacity = capacity;

  return self;
}

const char *
loy_code_generator_get_pattern (LoyCodeGenerator *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GENERATOR (self), NULL);

  return self->pattern;
}

/**
 * loy_code_generator_get_capacity:
 * @self: a #LoyCodeGenerator
 *
 * Returns: how many different codes the pattern can make (G_MAXUINT64 for
 *   that many or more)
 */
guint64
loy_code_generator_get_capacity (LoyCodeGenerator *self)
{
  g_return_val_if_fail (LOY_IS_CODE_GENERATOR (self), 0);

  return self->capacity;
}

/**
 * loy_code_generator_check_count:
 * @self: a #LoyCodeGenerator
 * @count: how many new codes are wanted
 * @taken: how many codes the pattern could make are in use already
 * @error: return location for a #GError
 *
 * Checks that @count new codes fit in the pattern beside @taken.
 *
 * Returns: %TRUE when they fit, or %FALSE with %LOY_ERROR_INVALID_INPUT
 */
gboolean
loy_code_generator_check_count (LoyCodeGenerator  *self,
                                guint64            count,
                                guint64            taken,
                                GError           **error)
{
  guint64 room;

  g_return_val_if_fail (LOY_IS_CODE_GENERATOR (self), FALSE);

  room = self->capacity > taken ? self->capacity - taken : 0;
  if (count <= room)
    return TRUE;

  if (taken == 0)
    g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The pattern “%s” has room for only %" PRIu64 " code",
                              "The pattern “%s” has room for only %" PRIu64 " codes",
                              room),
                 self->pattern, room);
  else
    g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The pattern “%s” has room for only %" PRIu64 " more code in this group",
                              "The pattern “%s” has room for only %" PRIu64 " more codes in this group",
                              room),
                 self->pattern, room);

  return FALSE;
}

static gboolean
random_byte (LoyCodeGenerator  *self,
             guchar            *byte,
             GError           **error)
{
  if (self->pool_used == POOL_SIZE)
    {
      ssize_t n_read;

      do
        n_read = getrandom (self->pool, POOL_SIZE, 0);
      while (n_read < 0 && errno == EINTR);

      if (n_read != POOL_SIZE)
        {
          int saved_errno = errno;

          g_set_error (error, LOY_ERROR, LOY_ERROR_FAILED,
                       _("Could not get random numbers: %s"),
                       n_read < 0 ? g_strerror (saved_errno) : _("too few bytes"));
          return FALSE;
        }

      self->pool_used = 0;
    }

  *byte = self->pool[self->pool_used++];
  return TRUE;
}

/* A uniformly random character of @alphabet: bytes past the largest
 * multiple of its length are drawn again, so no character is favoured. */
static gboolean
random_char (LoyCodeGenerator  *self,
             const char        *alphabet,
             guint              n_chars,
             char              *out,
             GError           **error)
{
  guint limit = 256 - 256 % n_chars;
  guchar byte;

  do
    {
      if (!random_byte (self, &byte, error))
        return FALSE;
    }
  while (byte >= limit);

  *out = alphabet[byte % n_chars];
  return TRUE;
}

/**
 * loy_code_generator_next:
 * @self: a #LoyCodeGenerator
 * @error: return location for a #GError
 *
 * Makes a random code of the pattern. It may repeat an earlier one: the
 * store draws again when a code is taken.
 *
 * Returns: (nullable): the code, owned by @self and valid until the next
 *   call, or %NULL when the system has no random numbers to give
 */
const char *
loy_code_generator_next (LoyCodeGenerator  *self,
                         GError           **error)
{
  g_return_val_if_fail (LOY_IS_CODE_GENERATOR (self), NULL);

  g_string_assign (self->code, self->pattern);

  for (gsize i = 0; i < self->code->len; i++)
    {
      char *c = &self->code->str[i];
      gboolean drawn = TRUE;

      if (*c == '#')
        drawn = random_char (self, LOY_CODE_DIGITS, strlen (LOY_CODE_DIGITS), c, error);
      else if (*c == 'X')
        drawn = random_char (self, LOY_CODE_LETTERS, strlen (LOY_CODE_LETTERS), c, error);

      if (!drawn)
        return NULL;
    }

  return self->code->str;
}
