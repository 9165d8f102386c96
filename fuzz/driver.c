/* driver.c — replays a corpus through a fuzz target without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Feeds one file to the target, naming it first so that a crash names it. */
static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

/* Replays each file named, and each file of each folder named in the order
 * of their names, as libFuzzer does with a corpus. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      guint first = paths->len;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (paths, g_strdup (argv[i]));
          continue;
        }

      if (!(dir = g_dir_open (argv[i], 0, &error)))
        g_error ("%s", error->message);

      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (paths, g_build_filename (argv[i], name, NULL));
      qsort (paths->pdata + first, paths->len - first, sizeof (char *), compare_paths);
    }

  if (paths->len == 0)
    g_error ("usage: %s FILE-OR-FOLDER…", argv[0]);

  for (guint i = 0; i < paths->len; i++)
    replay_file (g_ptr_array_index (paths, i));

  g_print ("%u inputs replayed\n", paths->len);

  return 0;
}
