/* loy-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include "loy-export.h"

G_DEFINE_BOXED_TYPE (LoyExport, loy_export, loy_export_copy, loy_export_free)

LoyExport *
loy_export_new (LoyExportKind kind)
{
  LoyExport *export;

  g_return_val_if_fail (kind < LOY_N_EXPORT_KINDS, NULL);

  export = g_new0 (LoyExport, 1);
  export->kind = kind;

  return export;
}

LoyExport *
loy_export_copy (const LoyExport *export)
{
  LoyExport *copy;

  g_return_val_if_fail (export != NULL, NULL);

  copy = g_memdup2 (export, sizeof *export);
  copy->uuid = g_strdup (export->uuid);
  copy->criteria = export->criteria != NULL ? json_node_copy (export->criteria) : NULL;

  return copy;
}

void
loy_export_free (LoyExport *export)
{
  if (export == NULL)
    return;

  g_free (export->uuid);
  g_clear_pointer (&export->criteria, json_node_unref);
  g_free (export);
}
