/* loy-sqlite-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-enums.h"
#include "loy-error.h"
#include "loy-image.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-rollups.h"
#include "loy-sqlite-schema.h"

/* The 1-based position, in its chunk's hex bitmap, of new.contact_id's nibble. */
#define ACTIVE_NIBBLE \
  "(((new.contact_id & (" G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_SIZE) " - 1)) >> 2) + 1)"

/* How a ledger entry counts in the overview's rollups, and the trigger that
 * adds it: in migration 6, and again in 7 after the ledger is built anew. */
#define ROLLUP_LEDGER_SQL \
  "CREATE VIEW rollup_ledger_effects (id, contact_id, day, entry_day, issued, redeemed, expired," \
  "  withdrawn, redemptions, reward_id) AS" \
  "  SELECT id, contact_id, date (kind_at, 'unixepoch', 'localtime')," \
  "    date (created_at, 'unixepoch', 'localtime')," \
  "    CASE WHEN kind IN ('CREDIT_RECEPTION', 'WELCOME') OR (kind = 'ADJUSTMENT' AND kind_credits > 0)" \
  "      THEN credits ELSE 0 END," \
  "    CASE WHEN kind = 'REWARD_RECEPTION' THEN -credits ELSE 0 END," \
  "    CASE WHEN kind = 'EXPIRY' THEN -credits ELSE 0 END," \
  "    CASE WHEN kind = 'ADJUSTMENT' AND kind_credits < 0 THEN -credits ELSE 0 END," \
  "    CASE WHEN kind <> 'REWARD_RECEPTION' THEN 0 WHEN reverses_id IS NULL THEN 1 ELSE -1 END," \
  "    kind_reward_id" \
  "  FROM (SELECT e.id, e.contact_id, e.credits, e.created_at, e.reverses_id," \
  "          coalesce (o.entry_type, e.entry_type) AS kind," \
  "          coalesce (o.credits, e.credits) AS kind_credits," \
  "          coalesce (o.created_at, e.created_at) AS kind_at," \
  "          coalesce (o.reward_id, e.reward_id) AS kind_reward_id" \
  "        FROM ledger_entries AS e LEFT JOIN ledger_entries AS o ON o.id = e.reverses_id);" \
  "CREATE TRIGGER ledger_entries_rollup AFTER INSERT ON ledger_entries BEGIN" \
  "  INSERT INTO rollup_days (day, issued, redeemed, expired, withdrawn, redemptions)" \
  "    SELECT day, issued, redeemed, expired, withdrawn, redemptions" \
  "    FROM rollup_ledger_effects WHERE id = new.id" \
  "    ON CONFLICT (day) DO UPDATE SET issued = issued + excluded.issued," \
  "      redeemed = redeemed + excluded.redeemed, expired = expired + excluded.expired," \
  "      withdrawn = withdrawn + excluded.withdrawn," \
  "      redemptions = redemptions + excluded.redemptions;" \
  "  INSERT INTO rollup_reward_days (day, reward_id, redemptions)" \
  "    SELECT day, reward_id, redemptions FROM rollup_ledger_effects" \
  "    WHERE id = new.id AND redemptions <> 0" \
  "    ON CONFLICT (day, reward_id) DO UPDATE SET redemptions = redemptions + excluded.redemptions;" \
  "  INSERT INTO rollup_active_days (day, chunk, contacts)" \
  "    VALUES (date (new.created_at, 'unixepoch', 'localtime')," \
  "            new.contact_id >> 12," \
  "            hex (zeroblob (1024 / 2)))" \
  "    ON CONFLICT DO NOTHING;" \
  "  UPDATE rollup_active_days SET contacts =" \
  "      substr (contacts, 1, (((new.contact_id & 4095) >> 2) + 1) - 1)" \
  "      || substr ('0123456789ABCDEF'," \
  "                 ((instr ('0123456789ABCDEF', substr (contacts, (((new.contact_id & 4095) >> 2) + 1), 1)) - 1)" \
  "                  | (1 << (new.contact_id & 3))) + 1, 1)" \
  "      || substr (contacts, (((new.contact_id & 4095) >> 2) + 1) + 1)" \
  "    WHERE day = date (new.created_at, 'unixepoch', 'localtime')" \
  "      AND chunk = new.contact_id >> 12;" \
  "END;"

/* Sets new.contact_id's bit in the bitmap of @span starting on @first_day. */
#define ACTIVE_SPAN(span, first_day) \
  "  INSERT INTO rollup_active_days (span, day, chunk, contacts)" \
  "    VALUES ('" span "', " first_day ", new.contact_id >> " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_SHIFT) "," \
  "            hex (zeroblob (" G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_NIBBLES) " / 2)))" \
  "    ON CONFLICT DO NOTHING;" \
  "  UPDATE rollup_active_days SET contacts =" \
  "      substr (contacts, 1, " ACTIVE_NIBBLE " - 1)" \
  "      || substr ('0123456789ABCDEF'," \
  "                 ((instr ('0123456789ABCDEF', substr (contacts, " ACTIVE_NIBBLE ", 1)) - 1)" \
  "                  | (1 << (new.contact_id & 3))) + 1, 1)" \
  "      || substr (contacts, " ACTIVE_NIBBLE " + 1)" \
  "    WHERE span = '" span "' AND day = " first_day \
  "      AND chunk = new.contact_id >> " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_SHIFT) ";"

/* The bytes 0 to 255 in order: SQLite 3.40 has no function that reads a
 * byte of a blob or makes one, but instr () finds a byte in this blob (at
 * its value + 1) and substr () takes one out of it. */
#define BYTE_ROW(h) \
  h "0" h "1" h "2" h "3" h "4" h "5" h "6" h "7" h "8" h "9" h "A" h "B" h "C" h "D" h "E" h "F"
#define BYTE_VALUES \
  "X'" BYTE_ROW ("0") BYTE_ROW ("1") BYTE_ROW ("2") BYTE_ROW ("3") BYTE_ROW ("4") BYTE_ROW ("5") \
  BYTE_ROW ("6") BYTE_ROW ("7") BYTE_ROW ("8") BYTE_ROW ("9") BYTE_ROW ("A") BYTE_ROW ("B") \
  BYTE_ROW ("C") BYTE_ROW ("D") BYTE_ROW ("E") BYTE_ROW ("F") "'"

/* The 1-based position of new.contact_id's byte in its chunk's bitmap, its
 * bit in that byte, and the value of the byte in the row being updated.
 * || makes text of blobs, so each new bitmap is CAST back. */
#define ACTIVE_BYTE \
  "(((new.contact_id & (" G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_SIZE) " - 1)) >> 3) + 1)"
#define ACTIVE_BIT "(1 << (new.contact_id & 7))"
#define ACTIVE_OLD_BYTE "(instr (" BYTE_VALUES ", substr (contacts, " ACTIVE_BYTE ", 1)) - 1)"
/* A chunk's bitmap with new.contact_id's bit alone, and the row's own with it set. */
#define ACTIVE_NEW_BITMAP \
  "CAST (zeroblob (" ACTIVE_BYTE " - 1) || substr (" BYTE_VALUES ", " ACTIVE_BIT " + 1, 1)" \
  "            || zeroblob (" G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_BYTES) " - " ACTIVE_BYTE ") AS BLOB)"
#define ACTIVE_SET_BIT \
  "    ON CONFLICT DO UPDATE SET contacts =" \
  "      CAST (substr (contacts, 1, " ACTIVE_BYTE " - 1)" \
  "            || substr (" BYTE_VALUES ", (" ACTIVE_OLD_BYTE " | " ACTIVE_BIT ") + 1, 1)" \
  "            || substr (contacts, " ACTIVE_BYTE " + 1) AS BLOB)" \
  "    WHERE " ACTIVE_OLD_BYTE " & " ACTIVE_BIT " = 0;"

/* Sets new.contact_id's bit in the bitmap of @span starting on @first_day,
 * writing the row only for a new bit. */
#define ACTIVE_BYTES_SPAN(span, first_day) \
  "  INSERT INTO rollup_active_days (span, day, chunk, contacts)" \
  "    VALUES ('" span "', " first_day ", new.contact_id >> " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_SHIFT) "," \
  "      " ACTIVE_NEW_BITMAP ")" \
  ACTIVE_SET_BIT

/* The day sums' part of the ledger's rollup trigger, from migration 8 on. */
#define ROLLUP_DAY_SUMS_SQL \
  "  INSERT INTO rollup_days (day, issued, redeemed, expired, withdrawn, redemptions)" \
  "    SELECT day, issued, redeemed, expired, withdrawn, redemptions" \
  "    FROM rollup_ledger_effects WHERE id = new.id" \
  "    ON CONFLICT (day) DO UPDATE SET issued = issued + excluded.issued," \
  "      redeemed = redeemed + excluded.redeemed, expired = expired + excluded.expired," \
  "      withdrawn = withdrawn + excluded.withdrawn," \
  "      redemptions = redemptions + excluded.redemptions;" \
  "  INSERT INTO rollup_reward_days (day, reward_id, redemptions)" \
  "    SELECT day, reward_id, redemptions FROM rollup_ledger_effects" \
  "    WHERE id = new.id AND redemptions <> 0" \
  "    ON CONFLICT (day, reward_id) DO UPDATE SET redemptions = redemptions + excluded.redemptions;"

/* Each migration runs in its own transaction and moves user_version to its
 * index + 1. Never edit a released migration: append a new one. */
static const char * const migrations[] = {
  /* 1: the whole program's schema */
  "CREATE TABLE shops ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE rewards ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  description TEXT,"
  "  reward_type TEXT NOT NULL CHECK (reward_type IN ('PHYSICAL', 'DIGITAL')),"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  required_credits INTEGER NOT NULL CHECK (required_credits >= 0),"
  "  media_type TEXT,"
  "  media_value TEXT,"
  "  cost_price_cents INTEGER CHECK (cost_price_cents >= 0),"        /* NULL: not entered */
  "  stock INTEGER CHECK (stock >= 0),"                               /* NULL: unlimited */
  "  pre_redeemable INTEGER NOT NULL DEFAULT 0 CHECK (pre_redeemable IN (0, 1)),"
  "  expiration_duration INTEGER CHECK (expiration_duration >= 0),"   /* seconds; NULL: never */
  "  custom_attributes TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (custom_attributes) AND json_type (custom_attributes) = 'object'),"
  /* loy_view_filter_to_json(): platforms, shops and contact condition in one
   * place, read by loy_reward_check_visibility(); '{}' shows everywhere. */
  "  view_filter TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (view_filter) AND json_type (view_filter) = 'object'),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE levels ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (name) > 0),"
  "  threshold INTEGER NOT NULL UNIQUE CHECK (threshold >= 0)"
  ") STRICT;"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  email TEXT UNIQUE COLLATE NOCASE CHECK (email IS NULL OR instr (email, '@') > 1),"
  "  first_name TEXT NOT NULL DEFAULT '',"
  "  last_name TEXT NOT NULL DEFAULT '',"
  "  level_id INTEGER REFERENCES levels (id) ON DELETE SET NULL,"
  /* The sum of the contact's ledger entries, kept by a trigger below. */
  "  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),"
  "  attributes TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (attributes) AND json_type (attributes) = 'object'),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX contacts_level ON contacts (level_id);"
  "CREATE INDEX contacts_balance ON contacts (balance);"

  /* Search as you type: prefix queries over an external-content index. */
  "CREATE VIRTUAL TABLE contacts_fts USING fts5 ("
  "  first_name, last_name, email, uuid,"
  "  content = 'contacts', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'"
  ");"
  "CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_fts (rowid, first_name, last_name, email, uuid)"
  "    VALUES (new.id, new.first_name, new.last_name, new.email, new.uuid);"
  "END;"
  "CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN"
  "  INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name, email, uuid)"
  "    VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.uuid);"
  "END;"
  "CREATE TRIGGER contacts_fts_update AFTER UPDATE OF first_name, last_name, email, uuid"
  "  ON contacts BEGIN"
  "  INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name, email, uuid)"
  "    VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.uuid);"
  "  INSERT INTO contacts_fts (rowid, first_name, last_name, email, uuid)"
  "    VALUES (new.id, new.first_name, new.last_name, new.email, new.uuid);"
  "END;"

  /* Membership is computed from the criteria (see loy-segment-criteria.h)
   * at each query, so it never goes stale. */
  "CREATE TABLE segments ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT,"
  "  criteria TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (criteria) AND json_type (criteria) = 'object'),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"

  /* A digital reward's codes; a campaign may also hand out codes. */
  "CREATE TABLE code_groups ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  reward_id INTEGER REFERENCES rewards (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  low_stock_threshold INTEGER NOT NULL DEFAULT 10 CHECK (low_stock_threshold >= 0),"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE INDEX code_groups_reward ON code_groups (reward_id);"

  "CREATE TABLE codes ("
  "  id INTEGER PRIMARY KEY,"
  "  group_id INTEGER NOT NULL REFERENCES code_groups (id) ON DELETE CASCADE,"
  "  code TEXT NOT NULL CHECK (length (code) > 0),"
  "  contact_id INTEGER REFERENCES contacts (id),"
  "  issued_at INTEGER,"
  "  UNIQUE (group_id, code),"
  "  CHECK ((contact_id IS NULL) = (issued_at IS NULL))"
  ") STRICT;"
  "CREATE INDEX codes_available ON codes (group_id) WHERE contact_id IS NULL;"
  /* Recent issues, for a group's rate and its codes newest first. */
  "CREATE INDEX codes_issued ON codes (group_id, issued_at) WHERE issued_at IS NOT NULL;"

  "CREATE TABLE ledger_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id),"
  "  entry_type TEXT NOT NULL CHECK (entry_type IN ('CREDIT_RECEPTION', 'REWARD_RECEPTION',"
  "    'ADJUSTMENT', 'EXPIRY', 'REVERSAL', 'WELCOME')),"
  "  credits INTEGER NOT NULL CHECK (credits BETWEEN -" G_STRINGIFY (LOY_SQLITE_MAX_CREDITS)
  "    AND " G_STRINGIFY (LOY_SQLITE_MAX_CREDITS) "),"
  "  reason TEXT,"
  "  operator TEXT,"
  "  shop_id INTEGER REFERENCES shops (id),"
  "  reward_id INTEGER REFERENCES rewards (id),"
  "  code_id INTEGER REFERENCES codes (id),"
  "  reverses_id INTEGER REFERENCES ledger_entries (id),"
  "  purchase_amount_cents INTEGER CHECK (purchase_amount_cents >= 0)," /* credit receptions */
  /* Whether a redemption took a unit of stock, which its reversal puts
   * back: the reward's stock may have been limited or unlimited since. */
  "  stock_taken INTEGER NOT NULL DEFAULT 0 CHECK (stock_taken IN (0, 1)),"
  "  created_at INTEGER NOT NULL,"
  "  CHECK (stock_taken = 0 OR entry_type = 'REWARD_RECEPTION'),"
  "  CHECK (entry_type <> 'REWARD_RECEPTION' OR (reward_id IS NOT NULL AND credits <= 0)),"
  "  CHECK ((entry_type = 'REVERSAL') = (reverses_id IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX ledger_entries_contact ON ledger_entries (contact_id, created_at);"
  "CREATE INDEX ledger_entries_reward ON ledger_entries (reward_id) WHERE reward_id IS NOT NULL;"
  /* An entry is reversed at most once. Partial, so that the entries that
   * reverse nothing (nearly all) cost no write to it. */
  "CREATE UNIQUE INDEX ledger_entries_reverses ON ledger_entries (reverses_id)"
  "  WHERE reverses_id IS NOT NULL;"
  "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN"
  "  SELECT RAISE (ABORT, 'ledger entries are append-only: add a reversal instead');"
  "END;"
  "CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN"
  "  SELECT RAISE (ABORT, 'ledger entries are append-only: add a reversal instead');"
  "END;"
  /* In the same transaction as the entry; the balance CHECK refuses overdrafts. */
  "CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries BEGIN"
  "  UPDATE contacts SET balance = balance + new.credits WHERE id = new.contact_id;"
  "END;"

  /* The program's rules, one row; without it the defaults of LoyProgram apply. */
  "CREATE TABLE program ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  points_per_unit INTEGER NOT NULL CHECK (points_per_unit >= 0),"
  "  rounding TEXT NOT NULL CHECK (rounding IN ('DOWN', 'NEAREST', 'UP')),"
  "  welcome_points INTEGER NOT NULL CHECK (welcome_points >= 0),"
  "  actions TEXT NOT NULL CHECK (json_valid (actions) AND json_type (actions) = 'object'),"
  "  expiry_months INTEGER NOT NULL CHECK (expiry_months >= 0),"
  "  level_basis TEXT NOT NULL CHECK (level_basis IN ('BALANCE', 'EARNED_IN_PERIOD')),"
  "  level_period_months INTEGER NOT NULL CHECK (level_period_months > 0)"
  ") STRICT;"

  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT,"
  "  campaign_type TEXT NOT NULL CHECK (campaign_type IN ('DISCOUNT_CODE',"
  "    'PERCENTAGE_DISCOUNT_CODE', 'FREE_DELIVERY', 'GIFT_CARD', 'VALUE_CODE',"
  "    'CUSTOM_REWARD', 'CASHBACK')),"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  point_value_cents INTEGER CHECK (point_value_cents > 0),"
  "  target_type TEXT NOT NULL DEFAULT 'NONE' CHECK (target_type IN ('NONE', 'LEVEL', 'SEGMENT')),"
  "  target_level_id INTEGER REFERENCES levels (id) ON DELETE SET NULL,"
  "  target_segment_id INTEGER REFERENCES segments (id) ON DELETE SET NULL,"
  "  code_group_id INTEGER REFERENCES code_groups (id) ON DELETE SET NULL,"
  "  active_from INTEGER NOT NULL DEFAULT 0,"   /* unix seconds; 0 and 0: always */
  "  active_to INTEGER NOT NULL DEFAULT 0,"
  "  labels TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (labels) AND json_type (labels) = 'array'),"
  "  created_at INTEGER NOT NULL,"
  "  CHECK ((campaign_type = 'CASHBACK') = (point_value_cents IS NOT NULL)),"
  "  CHECK (active_to = 0 OR active_to >= active_from),"
  "  CHECK (target_level_id IS NULL OR target_type = 'LEVEL'),"
  "  CHECK (target_segment_id IS NULL OR target_type = 'SEGMENT')"
  ") STRICT;",

  /* 2: a code whose redemption was reversed is revoked: it stays with its
   * contact (who has seen it) and never goes back to the pool. */
  "ALTER TABLE codes ADD COLUMN revoked_at INTEGER"
  "  CHECK (revoked_at IS NULL OR issued_at IS NOT NULL);",

  /* 3: the contacts list's sort orders read from an index, so a page deep
   * in the list skips index entries, not sorted rows (the id breaks ties,
   * and every index ends with it). By email: its UNIQUE index. */
  "CREATE INDEX contacts_created_at ON contacts (created_at);"
  "CREATE INDEX contacts_first_name ON contacts (first_name COLLATE NOCASE);"
  "CREATE INDEX contacts_last_name ON contacts (last_name COLLATE NOCASE);",

  /* 4: search any part of a name, email or phone number ("walski" finds
   * Kowalski, the last digits of a phone number find its contact): a
   * trigram index of this view. A phone number (the "phone" attribute) is
   * indexed by its digits alone, however it was written. The triggers read
   * the view, before a row changes and after, so the index is given the
   * very text it holds. Words under 3 characters use contacts_fts. */
  "CREATE VIEW contacts_search_text (id, name, email, phone) AS"
  "  SELECT id, first_name || ' ' || last_name, email,"
  "    replace (replace (replace (replace (replace (replace (attributes ->> '$.phone',"
  "      ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')"
  "  FROM contacts;"
  "CREATE VIRTUAL TABLE contacts_trigram USING fts5 ("
  "  name, email, phone,"
  "  content = 'contacts_search_text', content_rowid = 'id', tokenize = 'trigram'"
  ");"
  "CREATE TRIGGER contacts_trigram_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (rowid, name, email, phone)"
  "    SELECT id, name, email, phone FROM contacts_search_text WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER contacts_trigram_delete BEFORE DELETE ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (contacts_trigram, rowid, name, email, phone)"
  "    SELECT 'delete', id, name, email, phone FROM contacts_search_text WHERE id = old.id;"
  "END;"
  "CREATE TRIGGER contacts_trigram_update_old"
  "  BEFORE UPDATE OF first_name, last_name, email, attributes ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (contacts_trigram, rowid, name, email, phone)"
  "    SELECT 'delete', id, name, email, phone FROM contacts_search_text WHERE id = old.id;"
  "END;"
  "CREATE TRIGGER contacts_trigram_update_new"
  "  AFTER UPDATE OF first_name, last_name, email, attributes ON contacts BEGIN"
  "  INSERT INTO contacts_trigram (rowid, name, email, phone)"
  "    SELECT id, name, email, phone FROM contacts_search_text WHERE id = new.id;"
  "END;"
  "INSERT INTO contacts_trigram (contacts_trigram) VALUES ('rebuild');",

  /* 5: reward images kept in the program, so that the one file carries
   * them (a reward's media value "loy-image:UUID"), scaled down already. */
  "CREATE TABLE images ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),"
  "  width INTEGER NOT NULL CHECK (width BETWEEN 1 AND " G_STRINGIFY (LOY_IMAGE_MAX_SIDE) "),"
  "  height INTEGER NOT NULL CHECK (height BETWEEN 1 AND " G_STRINGIFY (LOY_IMAGE_MAX_SIDE) "),"
  "  data BLOB NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ") STRICT;",

  /* 6: the overview's rollups, per local day, kept by triggers in the
   * transaction of every ledger entry and enrollment, filled for what is
   * there by _loy_sqlite_fill_rollups() (loy-sqlite-rollups.c) after the
   * last migration that changes them. A reversal
   * counts on the day of the entry it reverses, against that entry's kind
   * (issued, redeemed, expired, withdrawn): the pair adds up to what is
   * left of it, and a reversed redemption is no redemption. */
  "CREATE TABLE rollup_days ("
  "  day TEXT PRIMARY KEY,"                     /* YYYY-MM-DD, local time */
  "  issued INTEGER NOT NULL DEFAULT 0,"
  "  redeemed INTEGER NOT NULL DEFAULT 0,"
  "  expired INTEGER NOT NULL DEFAULT 0,"
  "  withdrawn INTEGER NOT NULL DEFAULT 0,"     /* negative adjustments */
  "  enrollments INTEGER NOT NULL DEFAULT 0,"
  "  redemptions INTEGER NOT NULL DEFAULT 0"
  ") STRICT, WITHOUT ROWID;"
  /* The cost is the reward's cost price times these, read with them, so a
   * cost price entered later counts for the redemptions before it. */
  "CREATE TABLE rollup_reward_days ("
  "  day TEXT NOT NULL,"
  "  reward_id INTEGER NOT NULL,"
  "  redemptions INTEGER NOT NULL,"
  "  PRIMARY KEY (day, reward_id)"
  ") STRICT, WITHOUT ROWID;"
  /* Who had an entry on a day, as a bitmap per 4096 contacts (by rowid)
   * written in hex: bit b of the chunk is nibble b / 4, value 1 << (b % 4).
   * Counting a period's active contacts ORs the period's bitmaps. */
  "CREATE TABLE rollup_active_days ("
  "  day TEXT NOT NULL,"
  "  chunk INTEGER NOT NULL,"
  "  contacts TEXT NOT NULL CHECK (length (contacts) = 1024),"
  "  PRIMARY KEY (day, chunk)"
  ") STRICT, WITHOUT ROWID;"

  ROLLUP_LEDGER_SQL

  "CREATE TRIGGER contacts_rollup AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO rollup_days (day, enrollments)"
  "    VALUES (date (new.created_at, 'unixepoch', 'localtime'), 1)"
  "    ON CONFLICT (day) DO UPDATE SET enrollments = enrollments + 1;"
  "END;",
  /* 7: campaigns with every field of CAMPAIGNS.md. Types are spelt as
   * their --json names; texts per language, labels, categories and
   * targets are rows of their own. The ledger learns two entry types that
   * name a campaign: a purchase (and the code) and a cashback exchange
   * (and the order), so it is built again with the new CHECKs. */
  "ALTER TABLE campaigns RENAME TO campaigns_v5;"
  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  campaign_type TEXT NOT NULL CHECK (campaign_type IN ('discount_code', 'value_code',"
  "    'free_delivery_code', 'gift_code', 'event_code', 'percentage_discount_code',"
  "    'custom_campaign_code', 'cashback')),"
  /* The name in the default language, also in campaign_texts. */
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),"
  "  default_language TEXT NOT NULL CHECK (length (default_language) > 0),"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  more_information_link TEXT,"
  "  push_text TEXT,"
  "  cost_in_points INTEGER NOT NULL DEFAULT 0 CHECK (cost_in_points >= 0),"
  "  point_value_cents INTEGER CHECK (point_value_cents > 0),"
  "  reward_value_cents INTEGER CHECK (reward_value_cents >= 0),"
  "  tax_rate INTEGER CHECK (tax_rate BETWEEN 0 AND 99),"
  "  tax_value_cents INTEGER CHECK (tax_value_cents >= 0),"
  "  featured INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),"
  "  public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),"
  "  transaction_percentage INTEGER NOT NULL DEFAULT 0"
  "    CHECK (transaction_percentage BETWEEN 0 AND 100),"
  "  days_inactive INTEGER NOT NULL DEFAULT 0 CHECK (days_inactive >= 0),"
  "  days_valid INTEGER NOT NULL DEFAULT 0 CHECK (days_valid >= 0),"
  "  connect_type TEXT CHECK (connect_type IN ('none', 'qr_code', 'geolocation')),"
  "  brand_image TEXT,"
  "  target_type TEXT NOT NULL DEFAULT 'NONE' CHECK (target_type IN ('NONE', 'LEVEL', 'SEGMENT')),"
  /* Unix seconds, both ends inclusive; 0 is not set. With all_time the
   * dates are kept, unused. */
  "  activity_all_time INTEGER NOT NULL DEFAULT 1 CHECK (activity_all_time IN (0, 1)),"
  "  active_from INTEGER NOT NULL DEFAULT 0,"
  "  active_to INTEGER NOT NULL DEFAULT 0,"
  "  visibility_all_time INTEGER NOT NULL DEFAULT 1 CHECK (visibility_all_time IN (0, 1)),"
  "  visible_from INTEGER NOT NULL DEFAULT 0,"
  "  visible_to INTEGER NOT NULL DEFAULT 0,"
  "  purchase_limit INTEGER CHECK (purchase_limit >= 0),"         /* NULL: unlimited */
  "  limit_per_contact INTEGER CHECK (limit_per_contact >= 0),"   /* NULL: unlimited */
  "  code_group_id INTEGER UNIQUE REFERENCES code_groups (id),"
  "  shared_code TEXT CHECK (length (trim (shared_code)) > 0),"
  "  created_at INTEGER NOT NULL,"
  "  CHECK (point_value_cents IS NULL OR campaign_type = 'cashback'),"
  "  CHECK (activity_all_time OR active_from <= active_to),"
  "  CHECK (visibility_all_time OR visible_from <= visible_to),"
  "  CHECK (limit_per_contact <= purchase_limit),"
  "  CHECK (code_group_id IS NULL OR shared_code IS NULL)"
  ") STRICT;"
  "CREATE TABLE campaign_texts ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  language TEXT NOT NULL CHECK (length (language) > 0),"
  "  name TEXT,"
  "  short_description TEXT,"
  "  conditions TEXT,"
  "  usage_instructions TEXT,"
  "  brand_name TEXT,"
  "  brand_description TEXT,"
  "  PRIMARY KEY (campaign_id, language)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TABLE campaign_labels ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL CHECK (length (key) > 0),"
  "  value TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (campaign_id, key, value)"
  ") STRICT;"
  "CREATE INDEX campaign_labels_key ON campaign_labels (key, value);"
  "CREATE TABLE campaign_categories ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  /* The name in the default language; the others in translations. */
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),"
  "  translations TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (translations) AND json_type (translations) = 'object'),"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ") STRICT;"
  "CREATE TABLE campaign_category_links ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  category_id INTEGER NOT NULL REFERENCES campaign_categories (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (campaign_id, category_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX campaign_category_links_category ON campaign_category_links (category_id);"
  /* A level or segment in use by a campaign cannot be deleted. */
  "CREATE TABLE campaign_levels ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  level_id INTEGER NOT NULL REFERENCES levels (id),"
  "  PRIMARY KEY (campaign_id, level_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX campaign_levels_level ON campaign_levels (level_id);"
  "CREATE TABLE campaign_segments ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  segment_id INTEGER NOT NULL REFERENCES segments (id),"
  "  PRIMARY KEY (campaign_id, segment_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX campaign_segments_segment ON campaign_segments (segment_id);"

  "INSERT INTO campaigns (id, uuid, campaign_type, name, default_language, is_active,"
  "  point_value_cents, target_type, activity_all_time, active_from, active_to, code_group_id,"
  "  created_at)"
  "  SELECT id, uuid, CASE campaign_type WHEN 'FREE_DELIVERY' THEN 'free_delivery_code'"
  "    WHEN 'GIFT_CARD' THEN 'gift_code' WHEN 'CUSTOM_REWARD' THEN 'custom_campaign_code'"
  "    ELSE lower (campaign_type) END,"
  "   CASE WHEN EXISTS (SELECT 1 FROM campaigns_v5 AS o WHERE o.id < c.id AND o.name = c.name"
  "     COLLATE NOCASE) THEN name || ' (' || id || ')' ELSE name END,"
  "   'en', is_active, point_value_cents,"
  "   CASE WHEN target_level_id IS NULL AND target_segment_id IS NULL THEN 'NONE'"
  "     ELSE target_type END,"
  "   active_from = 0 AND active_to = 0, active_from, active_to, code_group_id, created_at"
  "  FROM campaigns_v5 AS c;"
  "INSERT INTO campaign_texts (campaign_id, language, name, short_description)"
  "  SELECT c.id, 'en', c.name, o.description FROM campaigns AS c JOIN campaigns_v5 AS o"
  "  ON o.id = c.id;"
  "INSERT OR IGNORE INTO campaign_labels (campaign_id, key, value)"
  "  SELECT c.id, j.value, '' FROM campaigns_v5 AS c, json_each (c.labels) AS j"
  "  WHERE j.type = 'text' AND length (j.value) > 0;"
  "INSERT INTO campaign_levels SELECT id, target_level_id FROM campaigns_v5"
  "  WHERE target_level_id IS NOT NULL;"
  "INSERT INTO campaign_segments SELECT id, target_segment_id FROM campaigns_v5"
  "  WHERE target_segment_id IS NOT NULL;"
  "DROP TABLE campaigns_v5;"

  /* The ledger again: its entries are copied with their ids, so what
   * refers to them (their reversals) still does. */
  "CREATE TABLE ledger_entries_v6 ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id),"
  "  entry_type TEXT NOT NULL CHECK (entry_type IN ('CREDIT_RECEPTION', 'REWARD_RECEPTION',"
  "    'ADJUSTMENT', 'EXPIRY', 'REVERSAL', 'WELCOME', 'CAMPAIGN_PURCHASE', 'CASHBACK')),"
  "  credits INTEGER NOT NULL CHECK (credits BETWEEN -" G_STRINGIFY (LOY_SQLITE_MAX_CREDITS)
  "    AND " G_STRINGIFY (LOY_SQLITE_MAX_CREDITS) "),"
  "  reason TEXT,"
  "  operator TEXT,"
  "  shop_id INTEGER REFERENCES shops (id),"
  "  reward_id INTEGER REFERENCES rewards (id),"
  "  code_id INTEGER REFERENCES codes (id),"
  "  reverses_id INTEGER REFERENCES ledger_entries_v6 (id),"
  "  purchase_amount_cents INTEGER CHECK (purchase_amount_cents >= 0),"
  "  stock_taken INTEGER NOT NULL DEFAULT 0 CHECK (stock_taken IN (0, 1)),"
  "  created_at INTEGER NOT NULL,"
  "  campaign_id INTEGER REFERENCES campaigns (id),"
  "  order_reference TEXT,"
  "  CHECK (stock_taken = 0 OR entry_type = 'REWARD_RECEPTION'),"
  "  CHECK (entry_type <> 'REWARD_RECEPTION' OR (reward_id IS NOT NULL AND credits <= 0)),"
  "  CHECK ((entry_type = 'REVERSAL') = (reverses_id IS NOT NULL)),"
  "  CHECK ((entry_type IN ('CAMPAIGN_PURCHASE', 'CASHBACK')) = (campaign_id IS NOT NULL)),"
  "  CHECK (campaign_id IS NULL OR credits <= 0),"
  "  CHECK (order_reference IS NULL OR entry_type = 'CASHBACK')"
  ") STRICT;"
  "INSERT INTO ledger_entries_v6 (id, uuid, contact_id, entry_type, credits, reason, operator,"
  "  shop_id, reward_id, code_id, reverses_id, purchase_amount_cents, stock_taken, created_at)"
  "  SELECT id, uuid, contact_id, entry_type, credits, reason, operator, shop_id, reward_id,"
  "  code_id, reverses_id, purchase_amount_cents, stock_taken, created_at"
  "  FROM ledger_entries ORDER BY id;"
  /* No trigger fires for the rows a DROP TABLE removes; the rollups' view
   * of the ledger goes first and comes back with its trigger. */
  "DROP VIEW rollup_ledger_effects;"
  "DROP TABLE ledger_entries;"
  "ALTER TABLE ledger_entries_v6 RENAME TO ledger_entries;"
  "CREATE INDEX ledger_entries_contact ON ledger_entries (contact_id, created_at);"
  "CREATE INDEX ledger_entries_reward ON ledger_entries (reward_id) WHERE reward_id IS NOT NULL;"
  "CREATE INDEX ledger_entries_campaign ON ledger_entries (campaign_id)"
  "  WHERE campaign_id IS NOT NULL;"
  "CREATE UNIQUE INDEX ledger_entries_reverses ON ledger_entries (reverses_id)"
  "  WHERE reverses_id IS NOT NULL;"
  "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN"
  "  SELECT RAISE (ABORT, 'ledger entries are append-only: add a reversal instead');"
  "END;"
  "CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN"
  "  SELECT RAISE (ABORT, 'ledger entries are append-only: add a reversal instead');"
  "END;"
  "CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries BEGIN"
  "  UPDATE contacts SET balance = balance + new.credits WHERE id = new.contact_id;"
  "END;"
  ROLLUP_LEDGER_SQL

  /* What contacts bought: the code (one of the campaign's group, or the
   * shared one), the entry that paid for it and, when cancelled, the one
   * that paid it back. A code is held by one live purchase at most. */
  "CREATE TABLE campaign_purchases ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id),"
  "  code_id INTEGER REFERENCES codes (id),"
  "  code TEXT NOT NULL,"
  "  cost_in_points INTEGER NOT NULL CHECK (cost_in_points >= 0),"
  "  entry_id INTEGER NOT NULL REFERENCES ledger_entries (id),"
  "  active_from INTEGER NOT NULL,"
  "  active_to INTEGER,"                                         /* NULL: valid forever */
  "  used_at INTEGER,"
  "  cancelled_at INTEGER,"
  "  cancel_entry_id INTEGER REFERENCES ledger_entries (id),"
  "  delivery_status TEXT CHECK (delivery_status IN ('ordered', 'shipped', 'delivered',"
  "    'cancelled')),"
  "  created_at INTEGER NOT NULL,"
  "  CHECK ((cancelled_at IS NULL) = (cancel_entry_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX campaign_purchases_campaign ON campaign_purchases (campaign_id, contact_id)"
  "  WHERE cancelled_at IS NULL;"
  "CREATE INDEX campaign_purchases_contact ON campaign_purchases (contact_id, created_at);"
  "CREATE UNIQUE INDEX campaign_purchases_code ON campaign_purchases (code_id)"
  "  WHERE code_id IS NOT NULL AND cancelled_at IS NULL;",

  /* 8: who was active, per day, week (from Monday) and month, so that a
   * period ORs a few dozen bitmaps rather than one per day; bitmaps of
   * 2048 contacts, short enough to stay on their b-tree page; contacts
   * per level; points spent on campaigns counted as redeemed. */
  "DROP TRIGGER ledger_entries_rollup;"
  "DROP VIEW rollup_ledger_effects;"
  /* Points spent on campaigns (purchases, cashback) are redeemed points too. */
  "CREATE VIEW rollup_ledger_effects (id, contact_id, day, entry_day, issued, redeemed, expired,"
  "  withdrawn, redemptions, reward_id) AS"
  "  SELECT id, contact_id, date (kind_at, 'unixepoch', 'localtime'),"
  "    date (created_at, 'unixepoch', 'localtime'),"
  "    CASE WHEN kind IN ('CREDIT_RECEPTION', 'WELCOME') OR (kind = 'ADJUSTMENT' AND kind_credits > 0)"
  "      THEN credits ELSE 0 END,"
  "    CASE WHEN kind IN ('REWARD_RECEPTION', 'CAMPAIGN_PURCHASE', 'CASHBACK') THEN -credits ELSE 0 END,"
  "    CASE WHEN kind = 'EXPIRY' THEN -credits ELSE 0 END,"
  "    CASE WHEN kind = 'ADJUSTMENT' AND kind_credits < 0 THEN -credits ELSE 0 END,"
  "    CASE WHEN kind <> 'REWARD_RECEPTION' THEN 0 WHEN reverses_id IS NULL THEN 1 ELSE -1 END,"
  "    kind_reward_id"
  "  FROM (SELECT e.id, e.contact_id, e.credits, e.created_at, e.reverses_id,"
  "          coalesce (o.entry_type, e.entry_type) AS kind,"
  "          coalesce (o.credits, e.credits) AS kind_credits,"
  "          coalesce (o.created_at, e.created_at) AS kind_at,"
  "          coalesce (o.reward_id, e.reward_id) AS kind_reward_id"
  "        FROM ledger_entries AS e LEFT JOIN ledger_entries AS o ON o.id = e.reverses_id);"
  "DROP TABLE rollup_active_days;"
  "CREATE TABLE rollup_active_days ("
  "  span TEXT NOT NULL CHECK (span IN ('day', 'week', 'month')),"
  "  day TEXT NOT NULL,"                        /* the span's first day */
  "  chunk INTEGER NOT NULL,"
  "  contacts TEXT NOT NULL CHECK (length (contacts) = " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_NIBBLES) "),"
  "  PRIMARY KEY (span, day, chunk)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TRIGGER ledger_entries_rollup AFTER INSERT ON ledger_entries BEGIN"
  ROLLUP_DAY_SUMS_SQL
  ACTIVE_SPAN ("day", LOY_SQLITE_DAY_OF ("new.created_at"))
  ACTIVE_SPAN ("week", LOY_SQLITE_WEEK_OF ("new.created_at"))
  ACTIVE_SPAN ("month", LOY_SQLITE_MONTH_OF ("new.created_at"))
  "END;"

  /* Contacts per level (0: none), as levels move. A level's deletion sets
   * its contacts' level to NULL by foreign key: a row whose level is gone
   * counts as none when read. */
  "CREATE TABLE rollup_levels ("
  "  level_id INTEGER PRIMARY KEY,"
  "  contacts INTEGER NOT NULL"
  ") STRICT;"
  "CREATE TRIGGER contacts_level_rollup_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO rollup_levels (level_id, contacts) VALUES (coalesce (new.level_id, 0), 1)"
  "    ON CONFLICT DO UPDATE SET contacts = contacts + 1;"
  "END;"
  "CREATE TRIGGER contacts_level_rollup_update AFTER UPDATE OF level_id ON contacts"
  "  WHEN old.level_id IS NOT new.level_id BEGIN"
  "  UPDATE rollup_levels SET contacts = contacts - 1 WHERE level_id = coalesce (old.level_id, 0);"
  "  INSERT INTO rollup_levels (level_id, contacts) VALUES (coalesce (new.level_id, 0), 1)"
  "    ON CONFLICT DO UPDATE SET contacts = contacts + 1;"
  "END;"
  "CREATE TRIGGER contacts_level_rollup_delete AFTER DELETE ON contacts BEGIN"
  "  UPDATE rollup_levels SET contacts = contacts - 1 WHERE level_id = coalesce (old.level_id, 0);"
  "END;",

  /* 9: a percentage discount code's value and the purchase (a credit
   * reception) it was issued against: one code per purchase while it is
   * not cancelled, and its generated code unique among them. */
  "ALTER TABLE campaign_purchases ADD COLUMN value_cents INTEGER CHECK (value_cents > 0);"
  "ALTER TABLE campaign_purchases ADD COLUMN source_entry_id INTEGER"
  "  REFERENCES ledger_entries (id) CHECK ((source_entry_id IS NULL) = (value_cents IS NULL));"
  "CREATE UNIQUE INDEX campaign_purchases_source ON campaign_purchases (source_entry_id)"
  "  WHERE source_entry_id IS NOT NULL AND cancelled_at IS NULL;"
  "CREATE UNIQUE INDEX campaign_purchases_voucher_code ON campaign_purchases (code)"
  "  WHERE source_entry_id IS NOT NULL;",

  /* 10: the active contacts' bitmaps as bytes (LoySqliteActiveLayout), half
   * the size of hex and no text to walk, converted by
   * _loy_sqlite_convert_active_hex(); the trigger computes the entry's local
   * day once for its three spans, and rewrites a bitmap only for a contact's
   * first entry in the span. The day sums are as in 8. */
  "DROP TRIGGER ledger_entries_rollup;"
  "ALTER TABLE rollup_active_days RENAME TO rollup_active_days_v8;"
  "CREATE TABLE rollup_active_days ("
  "  span TEXT NOT NULL CHECK (span IN ('day', 'week', 'month')),"
  "  day TEXT NOT NULL,"                        /* the span's first day */
  "  chunk INTEGER NOT NULL,"
  "  contacts BLOB NOT NULL CHECK (length (contacts) = " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_BYTES) "),"
  "  PRIMARY KEY (span, day, chunk)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TRIGGER ledger_entries_rollup AFTER INSERT ON ledger_entries BEGIN"
  ROLLUP_DAY_SUMS_SQL
  "  INSERT INTO rollup_active_days (span, day, chunk, contacts)"
  "    SELECT span.column1, CASE span.column1 WHEN 'day' THEN entry.day"
  "        WHEN 'week' THEN " LOY_SQLITE_WEEK_OF_DAY ("entry.day")
  "        ELSE " LOY_SQLITE_MONTH_OF_DAY ("entry.day") " END,"
  "      new.contact_id >> " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_SHIFT) ","
  "      " ACTIVE_NEW_BITMAP
  /* LIMIT keeps the subquery from being flattened into a copy of the day per span. */
  "    FROM (SELECT " LOY_SQLITE_DAY_OF ("new.created_at") " AS day LIMIT 1) AS entry,"
  "      (VALUES ('day'), ('week'), ('month')) AS span"
  "    WHERE true"
  ACTIVE_SET_BIT
  "END;",

  /* 11: when each contact last had an entry other than an expiry, for the
   * segments' last-activity condition: a column read in the scan of the
   * contacts rather than a search of the ledger per contact. The balance
   * trigger keeps it, in the row write it makes anyway. */
  "ALTER TABLE contacts ADD COLUMN last_active_at INTEGER;"
  LOY_SQLITE_FILL_LAST_ACTIVE_SQL ";"
  "DROP TRIGGER ledger_entries_balance;"
  "CREATE TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries BEGIN"
  "  UPDATE contacts SET balance = balance + new.credits,"
  "    last_active_at = CASE WHEN new.entry_type = 'EXPIRY' THEN last_active_at"
  "      ELSE max (coalesce (last_active_at, new.created_at), new.created_at) END"
  "    WHERE id = new.contact_id;"
  "END;",

  /* 12: the rollups' trigger without temporary tables. SQLite fills one
   * for an IN list of three or more values (a CHECK's too) and for a
   * subquery it does not flatten, each time the statement runs: five per
   * entry here, most of what the trigger cost. The same sums and bitmaps:
   * the view tells redeemed points by =, the spans' CHECK by =, and each
   * span's upsert reads its own first day. */
  "DROP TRIGGER ledger_entries_rollup;"
  "DROP VIEW rollup_ledger_effects;"
  "CREATE VIEW rollup_ledger_effects (id, contact_id, day, entry_day, issued, redeemed, expired,"
  "  withdrawn, redemptions, reward_id) AS"
  "  SELECT id, contact_id, date (kind_at, 'unixepoch', 'localtime'),"
  "    date (created_at, 'unixepoch', 'localtime'),"
  "    CASE WHEN kind IN ('CREDIT_RECEPTION', 'WELCOME') OR (kind = 'ADJUSTMENT' AND kind_credits > 0)"
  "      THEN credits ELSE 0 END,"
  "    CASE WHEN kind = 'REWARD_RECEPTION' OR kind = 'CAMPAIGN_PURCHASE' OR kind = 'CASHBACK'"
  "      THEN -credits ELSE 0 END,"
  "    CASE WHEN kind = 'EXPIRY' THEN -credits ELSE 0 END,"
  "    CASE WHEN kind = 'ADJUSTMENT' AND kind_credits < 0 THEN -credits ELSE 0 END,"
  "    CASE WHEN kind <> 'REWARD_RECEPTION' THEN 0 WHEN reverses_id IS NULL THEN 1 ELSE -1 END,"
  "    kind_reward_id"
  "  FROM (SELECT e.id, e.contact_id, e.credits, e.created_at, e.reverses_id,"
  "          coalesce (o.entry_type, e.entry_type) AS kind,"
  "          coalesce (o.credits, e.credits) AS kind_credits,"
  "          coalesce (o.created_at, e.created_at) AS kind_at,"
  "          coalesce (o.reward_id, e.reward_id) AS kind_reward_id"
  "        FROM ledger_entries AS e LEFT JOIN ledger_entries AS o ON o.id = e.reverses_id);"
  "ALTER TABLE rollup_active_days RENAME TO rollup_active_days_v11;"
  "CREATE TABLE rollup_active_days ("
  "  span TEXT NOT NULL CHECK (span = 'day' OR span = 'week' OR span = 'month'),"
  "  day TEXT NOT NULL,"                        /* the span's first day */
  "  chunk INTEGER NOT NULL,"
  "  contacts BLOB NOT NULL CHECK (length (contacts) = " G_STRINGIFY (LOY_SQLITE_ACTIVE_CHUNK_BYTES) "),"
  "  PRIMARY KEY (span, day, chunk)"
  ") STRICT, WITHOUT ROWID;"
  "INSERT INTO rollup_active_days (span, day, chunk, contacts)"
  "  SELECT span, day, chunk, contacts FROM rollup_active_days_v11 ORDER BY span, day, chunk;"
  "DROP TABLE rollup_active_days_v11;"
  "CREATE TRIGGER ledger_entries_rollup AFTER INSERT ON ledger_entries BEGIN"
  ROLLUP_DAY_SUMS_SQL
  ACTIVE_BYTES_SPAN ("day", LOY_SQLITE_DAY_OF ("new.created_at"))
  ACTIVE_BYTES_SPAN ("week", LOY_SQLITE_WEEK_OF ("new.created_at"))
  ACTIVE_BYTES_SPAN ("month", LOY_SQLITE_MONTH_OF ("new.created_at"))
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LOY_SQLITE_SCHEMA_VERSION);

static gint64
get_user_version (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _loy_sqlite_prepare (db, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
apply_migration (sqlite3            *db,
                 guint               version,
                 LoySqliteStepFunc   step,
                 gpointer            step_data,
                 GError            **error)
{
  g_autofree char *set_version = NULL;
  gint64 current;

  if (!_loy_sqlite_begin (db, error))
    return FALSE;

  /* Another process may have migrated while we waited for the lock. */
  current = get_user_version (db, error);
  if (current < 0)
    goto failed;
  if (current >= version)
    return _loy_sqlite_commit (db, error);

  set_version = g_strdup_printf ("PRAGMA user_version = %u", version);
  /* Migration 8's table holds hex, which 10 converts. */
  if (!_loy_sqlite_exec (db, migrations[version - 1], error) ||
      (version == LOY_SQLITE_ROLLUPS_VERSION &&
       !_loy_sqlite_fill_rollups (db, LOY_SQLITE_ACTIVE_AS_HEX, step, step_data, error)) ||
      (version == LOY_SQLITE_ACTIVE_BYTES_VERSION &&
       (!_loy_sqlite_convert_active_hex (db, error) ||
        !_loy_sqlite_exec (db, "DROP TABLE rollup_active_days_v8", error))) ||
      !_loy_sqlite_exec (db, set_version, error))
    goto failed;

  return _loy_sqlite_commit (db, error);

failed:
  _loy_sqlite_rollback (db);
  return FALSE;
}

static gboolean
migrate (sqlite3            *db,
         LoySqliteStepFunc   step,
         gpointer            step_data,
         GError            **error)
{
  gint64 version = get_user_version (db, error);

  if (version < 0)
    return FALSE;

  if (version > LOY_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_DATABASE,
                   _("The database was created by a newer version of Loyalty Desk "
                     "(schema %" PRId64 ", this version knows %d)"),
                   version, LOY_SQLITE_SCHEMA_VERSION);
      return FALSE;
    }

  for (guint next = version + 1; next <= LOY_SQLITE_SCHEMA_VERSION; next++)
    {
      if (!apply_migration (db, next, step, step_data, error))
        {
          g_prefix_error (error, _("Could not upgrade the database: "));
          return FALSE;
        }
    }

  return TRUE;
}

sqlite3 *
_loy_sqlite_open (const char         *path,
                  LoySqliteStepFunc   step,
                  gpointer            step_data,
                  GCancellable       *cancellable,
                  GError            **error)
{
  sqlite3 *db = _loy_sqlite_db_open (path, error);
  gulong interrupt_id;
  gboolean migrated;

  if (db == NULL)
    return NULL;

  /* A cancelled migration rolls back its transaction: the file stays as
   * it was, at the version of the last migration that finished. */
  interrupt_id = _loy_sqlite_interrupt_on_cancel (db, cancellable);
  migrated = migrate (db, step, step_data, error);
  _loy_sqlite_interrupt_done (cancellable, interrupt_id, error);

  if (!migrated)
    {
      /* SQLite finds out only here that the file is not a database, and
       * its "file is not a database" does not say which file. */
      if (!g_cancellable_is_cancelled (cancellable))
        g_prefix_error (error, _("Could not open the database “%s”: "), path);
      _loy_sqlite_close (db);
      return NULL;
    }

  return db;
}

gboolean
_loy_sqlite_needs_upgrade (const char *path)
{
  sqlite3 *db = NULL;
  gint64 version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        version = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_close (db);

  /* Version 0 is a new file: its migrations take no time. */
  return version > 0 && version < LOY_SQLITE_SCHEMA_VERSION;
}
