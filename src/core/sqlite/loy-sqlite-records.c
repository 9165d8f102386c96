/* loy-sqlite-records.c — reading a row into a record of the domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "loy-code.h"
#include "loy-code-group.h"
#include "loy-contact.h"
#include "loy-contact-attribute.h"
#include "loy-error.h"
#include "loy-ledger-entry.h"
#include "loy-level.h"
#include "loy-reward.h"
#include "loy-segment.h"
#include "loy-shop.h"
#include "loy-sqlite-criteria.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-records.h"
#include "loy-sqlite-schema.h"

static gint64
column_int64_or_unset (sqlite3_stmt *stmt,
                       int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return LOY_UNSET;

  return sqlite3_column_int64 (stmt, column);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Most rows' JSON columns hold no member, and a JsonParser made for "{}"
 * costs more than reading the rest of the row. */
static gboolean
holds_empty_object (sqlite3_stmt *stmt,
                    int           column)
{
  return g_strcmp0 (column_text (stmt, column), "{}") == 0;
}

/* Copies each member of the JSON object in @column to @set_member. */
static void
column_foreach_json_member (sqlite3_stmt *stmt,
                            int           column,
                            GObject      *object,
                            void        (*set_member) (GObject    *object,
                                                       const char *key,
                                                       JsonNode   *value))
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonNode *root;

  if (holds_empty_object (stmt, column))
    return;

  /* The table's CHECK guarantees a valid JSON object. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, column_text (stmt, column), -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    g_return_if_reached ();

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &value))
    set_member (object, key, value);
}

static void
reward_set_custom_attribute (GObject    *object,
                             const char *key,
                             JsonNode   *value)
{
  loy_reward_set_custom_attribute (LOY_REWARD (object), key, value);
}

static void
contact_set_attribute (GObject    *object,
                       const char *key,
                       JsonNode   *value)
{
  loy_contact_set_attribute (LOY_CONTACT (object), key, value);
}

static void
set_view_filter_from_column (LoyReward    *reward,
                             sqlite3_stmt *stmt,
                             int           column)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(LoyViewFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  /* Filters nothing, like a reward's unset filter. */
  if (holds_empty_object (stmt, column))
    return;

  /* Written by loy_view_filter_to_json(); the CHECK keeps it an object. */
  if ((node = json_from_string (column_text (stmt, column), &error)) == NULL ||
      (filter = loy_view_filter_from_json (node, &error)) == NULL)
    {
      g_critical ("Reward %s has an unreadable view filter: %s",
                  column_text (stmt, 1), error->message);
      return;
    }

  loy_reward_set_view_filter (reward, filter);
}

GObject *
_loy_sqlite_read_reward (sqlite3_stmt *stmt)
{
  LoyReward *reward = loy_reward_new ();
  int reward_type = LOY_REWARD_TYPE_PHYSICAL;

  loy_enum_from_nick (LOY_TYPE_REWARD_TYPE, column_text (stmt, 4), &reward_type);

  loy_reward_set_id (reward, sqlite3_column_int64 (stmt, 0));
  loy_reward_set_uuid (reward, column_text (stmt, 1));
  loy_reward_set_title (reward, column_text (stmt, 2));
  loy_reward_set_description (reward, column_text (stmt, 3));
  loy_reward_set_reward_type (reward, reward_type);
  loy_reward_set_is_active (reward, sqlite3_column_int (stmt, 5));
  loy_reward_set_required_credits (reward, sqlite3_column_int64 (stmt, 6));
  loy_reward_set_media (reward, column_text (stmt, 7), column_text (stmt, 8));
  loy_reward_set_cost_price_cents (reward, column_int64_or_unset (stmt, 9));
  loy_reward_set_stock (reward, column_int64_or_unset (stmt, 10));
  loy_reward_set_pre_redeemable (reward, sqlite3_column_int (stmt, 11));
  loy_reward_set_expiration_duration (reward, column_int64_or_unset (stmt, 12));
  column_foreach_json_member (stmt, 13, G_OBJECT (reward), reward_set_custom_attribute);
  set_view_filter_from_column (reward, stmt, 14);
  loy_reward_set_code_group_uuid (reward, column_text (stmt, 15));
  loy_reward_set_codes_available (reward,
                                  column_text (stmt, 15) != NULL &&
                                  sqlite3_column_count (stmt) > 16
                                    ? sqlite3_column_int64 (stmt, 16)
                                    : LOY_UNSET);

  return G_OBJECT (reward);
}

GObject *
_loy_sqlite_read_code_group (sqlite3_stmt *stmt)
{
  LoyCodeGroup *group = loy_code_group_new ();

  loy_code_group_set_uuid (group, column_text (stmt, 0));
  loy_code_group_set_name (group, column_text (stmt, 1));
  loy_code_group_set_reward_uuid (group, column_text (stmt, 2));
  loy_code_group_set_low_stock_threshold (group, sqlite3_column_int64 (stmt, 3));
  loy_code_group_set_counts (group,
                             sqlite3_column_int64 (stmt, 4),
                             sqlite3_column_int64 (stmt, 5));
  loy_code_group_set_issued_last_30_days (group, sqlite3_column_int64 (stmt, 6));
  loy_code_group_set_reward_title (group, column_text (stmt, 7));
  loy_code_group_set_campaign_name (group, column_text (stmt, 8));

  return G_OBJECT (group);
}

GObject *
_loy_sqlite_read_code (sqlite3_stmt *stmt)
{
  LoyCode *code = loy_code_new ();
  g_autofree char *uuid = g_strconcat (column_text (stmt, 1), "/", column_text (stmt, 0), NULL);
  g_autofree char *contact_name = NULL;

  loy_code_set_uuid (code, uuid);
  loy_code_set_code (code, column_text (stmt, 0));
  loy_code_set_group_uuid (code, column_text (stmt, 1));
  if (column_text (stmt, 2) != NULL)
    {
      g_autoptr(LoyContact) contact = loy_contact_new ();

      loy_contact_set_email (contact, column_text (stmt, 5));
      loy_contact_set_first_name (contact, column_text (stmt, 3));
      loy_contact_set_last_name (contact, column_text (stmt, 4));
      loy_code_set_issued (code, column_text (stmt, 2), loy_contact_get_display_name (contact),
                           sqlite3_column_int64 (stmt, 6));
      loy_code_set_revoked_at (code, sqlite3_column_int64 (stmt, 7));
    }

  return G_OBJECT (code);
}

GObject *
_loy_sqlite_read_contact (sqlite3_stmt *stmt)
{
  LoyContact *contact = loy_contact_new ();

  loy_contact_set_uuid (contact, column_text (stmt, 0));
  loy_contact_set_email (contact, column_text (stmt, 1));
  loy_contact_set_first_name (contact, column_text (stmt, 2));
  loy_contact_set_last_name (contact, column_text (stmt, 3));
  loy_contact_set_balance (contact, sqlite3_column_int64 (stmt, 4));
  loy_contact_set_level (contact, column_text (stmt, 5), column_text (stmt, 6));
  loy_contact_set_created_at (contact, sqlite3_column_int64 (stmt, 7));
  column_foreach_json_member (stmt, 8, G_OBJECT (contact), contact_set_attribute);

  return G_OBJECT (contact);
}

GObject *
_loy_sqlite_read_ledger_entry (sqlite3_stmt *stmt)
{
  LoyLedgerEntry *entry = loy_ledger_entry_new ();
  int entry_type = LOY_LEDGER_ENTRY_TYPE_ADJUSTMENT;

  loy_enum_from_nick (LOY_TYPE_LEDGER_ENTRY_TYPE, column_text (stmt, 2), &entry_type);

  loy_ledger_entry_set_uuid (entry, column_text (stmt, 0));
  loy_ledger_entry_set_contact_uuid (entry, column_text (stmt, 1));
  loy_ledger_entry_set_entry_type (entry, entry_type);
  loy_ledger_entry_set_credits (entry, sqlite3_column_int64 (stmt, 3));
  loy_ledger_entry_set_reason (entry, column_text (stmt, 4));
  loy_ledger_entry_set_operator (entry, column_text (stmt, 5));
  loy_ledger_entry_set_reward (entry, column_text (stmt, 6), column_text (stmt, 7));
  loy_ledger_entry_set_code (entry, column_text (stmt, 8));
  loy_ledger_entry_set_purchase_amount_cents (entry, column_int64_or_unset (stmt, 9));
  loy_ledger_entry_set_reverses_uuid (entry, column_text (stmt, 10));
  loy_ledger_entry_set_reversed (entry, sqlite3_column_int (stmt, 11));
  loy_ledger_entry_set_created_at (entry, sqlite3_column_int64 (stmt, 12));

  return G_OBJECT (entry);
}

GObject *
_loy_sqlite_read_level (sqlite3_stmt *stmt)
{
  LoyLevel *level = loy_level_new ();

  loy_level_set_uuid (level, column_text (stmt, 0));
  loy_level_set_name (level, column_text (stmt, 1));
  loy_level_set_threshold (level, sqlite3_column_int64 (stmt, 2));
  loy_level_set_n_contacts (level, sqlite3_column_int64 (stmt, 3));

  return G_OBJECT (level);
}

GObject *
_loy_sqlite_read_segment (sqlite3_stmt *stmt)
{
  LoySegment *segment = loy_segment_new ();
  g_autoptr(JsonNode) criteria = NULL;

  loy_segment_set_uuid (segment, column_text (stmt, 0));
  loy_segment_set_name (segment, column_text (stmt, 1));
  loy_segment_set_description (segment, column_text (stmt, 2));
  /* The table's CHECK guarantees a JSON object; saving, valid criteria. */
  criteria = json_from_string (column_text (stmt, 3), NULL);
  loy_segment_set_criteria (segment, criteria);

  return G_OBJECT (segment);
}

gboolean
_loy_sqlite_complete_segment (sqlite3  *db,
                              GObject  *item,
                              GError  **error)
{
  return _loy_sqlite_segment_count_members (db, LOY_SEGMENT (item), error);
}

GObject *
_loy_sqlite_read_shop (sqlite3_stmt *stmt)
{
  return G_OBJECT (loy_shop_new (column_text (stmt, 0), column_text (stmt, 1)));
}

GObject *
_loy_sqlite_read_contact_attribute (sqlite3_stmt *stmt)
{
  int value_type = LOY_ATTRIBUTE_TYPE_TEXT;

  loy_enum_from_nick (LOY_TYPE_ATTRIBUTE_TYPE, column_text (stmt, 1), &value_type);

  return G_OBJECT (loy_contact_attribute_new (column_text (stmt, 0), value_type,
                                              sqlite3_column_int64 (stmt, 2)));
}
