/* loy-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define LOY_TYPE_EXPORT (loy_export_get_type ())

/* The lists a store can write out as CSV (see loy_store_export_async()),
 * named by their nicks: "rewards", …, "segment-members". */
typedef enum
{
  LOY_EXPORT_REWARDS,
  LOY_EXPORT_CAMPAIGNS,
  LOY_EXPORT_CONTACTS,         /* with balance, level and attributes */
  LOY_EXPORT_LEDGER,
  LOY_EXPORT_CODES,
  LOY_EXPORT_SEGMENT_MEMBERS,  /* the columns of LOY_EXPORT_CONTACTS */
} LoyExportKind;

#define LOY_N_EXPORT_KINDS (LOY_EXPORT_SEGMENT_MEMBERS + 1)

/**
 * LoyExport:
 * @kind: which list
 * @uuid: codes: the code group (required); ledger: one contact's entries,
 *   or %NULL for everyone's; segment members: the segment, or %NULL with
 *   @criteria
 * @criteria: segment members: the criteria of a segment being edited
 * @from: ledger: entries made at or after (unix seconds); 0 for no bound
 * @to: ledger: entries made before (unix seconds); 0 for no bound
 *
 * What to export.
 */
typedef struct
{
  LoyExportKind  kind;
  char          *uuid;
  JsonNode      *criteria;
  gint64         from;
  gint64         to;
} LoyExport;

GType       loy_export_get_type          (void) G_GNUC_CONST;
LoyExport  *loy_export_new               (LoyExportKind     kind);
LoyExport  *loy_export_copy              (const LoyExport  *export);
void        loy_export_free              (LoyExport        *export);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyExport, loy_export_free)

G_END_DECLS
