/* loy-sqlite-records.h — reading a row into a record of the domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include <gio/gio.h>

G_BEGIN_DECLS

/* Without the count of available codes, which reads every one of them:
 * codes_available stays LOY_UNSET. */
#define REWARD_COLUMNS_UNCOUNTED \
  "t.id, t.uuid, t.title, t.description, t.reward_type, t.is_active, t.required_credits," \
  " t.media_type, t.media_value, t.cost_price_cents, t.stock, t.pre_redeemable," \
  " t.expiration_duration, t.custom_attributes, t.view_filter, g.uuid"
#define REWARD_COLUMNS REWARD_COLUMNS_UNCOUNTED "," \
  " (SELECT count(*) FROM codes AS c WHERE c.group_id = g.id AND c.contact_id IS NULL)"

#define CONTACT_COLUMNS \
  "t.uuid, t.email, t.first_name, t.last_name, t.balance, l.uuid, l.name, t.created_at," \
  " t.attributes"

#define CODE_GROUP_COLUMNS \
  "t.uuid, t.name, r.uuid, t.low_stock_threshold," \
  " (SELECT count(*) FROM codes AS c WHERE c.group_id = t.id)," \
  " (SELECT count(*) FROM codes AS c WHERE c.group_id = t.id AND c.contact_id IS NULL)," \
  " (SELECT count(*) FROM codes AS c WHERE c.group_id = t.id" \
  "  AND c.issued_at >= unixepoch () - 30 * 24 * 60 * 60)," \
  " r.title," \
  " (SELECT cp.name FROM campaigns AS cp WHERE cp.code_group_id = t.id)"
#define CODE_GROUP_FROM "code_groups AS t LEFT JOIN rewards AS r ON r.id = t.reward_id"

/* A digital reward's codes come from its (first) code group. */
#define REWARD_FROM \
  "rewards AS t LEFT JOIN code_groups AS g" \
  " ON g.id = (SELECT min (id) FROM code_groups WHERE reward_id = t.id)"

/* Each reads the current row of a statement that selected the columns its
 * kind's query lists (loy-sqlite-query.c), as a new record. */
GObject  *_loy_sqlite_read_reward            (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_code_group        (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_code              (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_contact           (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_ledger_entry      (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_level             (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_segment           (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_shop              (sqlite3_stmt  *stmt);
GObject  *_loy_sqlite_read_contact_attribute (sqlite3_stmt  *stmt);
/* Fills in what one SELECT cannot: a segment's member count. */
gboolean  _loy_sqlite_complete_segment       (sqlite3       *db,
                                              GObject       *item,
                                              GError       **error);

G_END_DECLS
