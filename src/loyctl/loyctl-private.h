/* loyctl-private.h
 *
 * Copyright 2024 The Loyalty Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>

#include "loy-core.h"
#include "sqlite/loy-sqlite-store.h"

G_BEGIN_DECLS

/* Wrong usage: reported with a hint and exit status 2. Every other
 * error is one line on stderr and exit status 1. */
#define LOYCTL_USAGE_ERROR (loyctl_usage_error_quark ())

typedef struct
{
  char     *db_path;
  char     *remote_url;
  /* The shop a remote account's writes go to (--shop). */
  char     *shop_uuid;
  gboolean  json;
  LoyStore *store;
} LoyctlContext;

/**
 * LoyctlCommand:
 * @group: the first word ("rewards"), or %NULL for a one-word command
 * @name: the command word ("list", or "demo" when @group is %NULL)
 * @parameters: the positional arguments for --help ("UUID"), or %NULL
 * @n_args: how many positional arguments the command takes
 * @summary: one translatable line (marked with N_())
 * @entries: the command's own options, or %NULL
 * @run: does the work; @args holds exactly @n_args strings
 *
 * A command of loyctl. Each area lists its commands in one array ending
 * with an all-zero entry, and loyctl.c lists the arrays.
 */
typedef struct
{
  const char          *group;
  const char          *name;
  const char          *parameters;
  guint                n_args;
  const char          *summary;
  const GOptionEntry  *entries;
  gboolean           (*run) (LoyctlContext  *context,
                             char          **args,
                             GError        **error);
} LoyctlCommand;

extern const LoyctlCommand loyctl_campaigns_commands[];
extern const LoyctlCommand loyctl_codes_commands[];
extern const LoyctlCommand loyctl_demo_commands[];
extern const LoyctlCommand loyctl_rewards_commands[];
extern const LoyctlCommand loyctl_contacts_commands[];
extern const LoyctlCommand loyctl_points_commands[];
extern const LoyctlCommand loyctl_export_commands[];
extern const LoyctlCommand loyctl_account_commands[];
extern const LoyctlCommand loyctl_report_commands[];
extern const LoyctlCommand loyctl_vouchers_commands[];

GQuark          loyctl_usage_error_quark      (void);

/* The store named by --db or --remote (the app's database by default);
 * the database must exist. Owned by @context. */
LoyStore       *loyctl_context_get_store      (LoyctlContext  *context,
                                               GError        **error);
/* The local database named by --db (or the default), created if missing. */
LoySqliteStore *loyctl_context_create_local   (LoyctlContext  *context,
                                               GError        **error);

/* Who the ledger names for a write from the command line: $USER. */
const char     *loyctl_get_operator           (void);

/* Parses a whole number from 0 to @max given to @option; a usage error
 * otherwise. */
gboolean        loyctl_parse_number           (const char     *option,
                                               const char     *text,
                                               gint64          max,
                                               gint64         *number,
                                               GError        **error);

/* Output */
typedef struct _LoyctlTable LoyctlTable;

LoyctlTable    *loyctl_table_new              (const char     *first_header,
                                               ...) G_GNUC_NULL_TERMINATED;
void            loyctl_table_add_row          (LoyctlTable    *table,
                                               const char     *first_cell,
                                               ...) G_GNUC_NULL_TERMINATED;
void            loyctl_table_print            (LoyctlTable    *table);
void            loyctl_table_free             (LoyctlTable    *table);

/* Prints @node as JSON, as it is. */
void            loyctl_print_json             (JsonNode       *node);
/* Prints {"data": @data, "meta": {}} */
void            loyctl_print_envelope         (JsonNode       *data);
/* Prints each member as "key: value", for a person to read. */
void            loyctl_print_object           (JsonObject     *object);
/* Prints one record: in the envelope with --json, else as "key: value". */
void            loyctl_print_item             (LoyctlContext  *context,
                                               JsonNode       *node);

/* Lists */
typedef void      (*LoyctlRowFunc)       (LoyctlTable *table,
                                          gpointer     item);
typedef JsonNode *(*LoyctlSerializeFunc) (gpointer     item);

/* The first @limit records of @query (G_MAXUINT for all), fetched a page
 * at a time; ->total is the store's count of every match. */
LoyPage        *loyctl_query_sync             (LoyctlContext        *context,
                                               LoyQuery             *query,
                                               guint                 limit,
                                               GError              **error);
/* Prints @items as a JSON array of @to_json in the envelope with --json,
 * else as @table with a row from @add_row for each. */
void            loyctl_print_items            (LoyctlContext        *context,
                                               GPtrArray            *items,
                                               LoyctlTable          *table,
                                               LoyctlRowFunc         add_row,
                                               LoyctlSerializeFunc   to_json);
/* Prints every record of @query, as loyctl_print_items() does. */
gboolean        loyctl_print_query            (LoyctlContext        *context,
                                               LoyQuery             *query,
                                               LoyctlTable          *table,
                                               LoyctlRowFunc         add_row,
                                               LoyctlSerializeFunc   to_json,
                                               GError              **error);

/* "2025-01-31" (the start of that day, local time) or a full ISO 8601
 * time given to @option; a usage error otherwise. */
gboolean        loyctl_parse_date             (const char     *option,
                                               const char     *text,
                                               gint64         *unix_time,
                                               GError        **error);

/* On a terminal, a line on stderr that counts up while the work goes on
 * (user data: what is done, "Importing…"); NULL elsewhere. */
LoyProgressFunc loyctl_progress_func          (void);
/* Clears that line. */
void            loyctl_end_progress           (void);

/* Writes @export to the file @path (via loy_store_export_to_file_sync(),
 * so @path is never a partial export) and says how many rows it wrote. */
gboolean        loyctl_export_csv             (LoyctlContext  *context,
                                               LoyExport      *export,
                                               const char     *path,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyctlTable, loyctl_table_free)

G_END_DECLS
