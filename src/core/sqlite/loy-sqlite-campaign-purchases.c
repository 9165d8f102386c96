/* loy-sqlite-campaign-purchases.c — buying a campaign's coupon, issuing a
 * percentage discount code, the purchases' lives (used, cancelled, delivered)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "loy-campaign-rules.h"
#include "loy-code-generator.h"
#include "loy-error.h"
#include "loy-sqlite-campaign-rows.h"
#include "loy-sqlite-campaigns.h"
#include "loy-sqlite-codes.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-ledger.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-query.h"
#include "loy-sqlite-worker.h"

#define DAY_SECONDS (24 * 60 * 60)

static LoyCampaignPurchase *
lookup_purchase (sqlite3     *db,
                 const char  *uuid,
                 GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT " CAMPAIGN_PURCHASE_COLUMNS
                                         " FROM " CAMPAIGN_PURCHASE_FROM " WHERE p.uuid = :uuid",
                                     error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return LOY_CAMPAIGN_PURCHASE (_loy_sqlite_read_campaign_purchase (stmt));

  if (rc == SQLITE_DONE)
    g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                 _("There is no campaign purchase with UUID “%s”"), uuid);
  else
    _loy_sqlite_set_error (error, db);

  return NULL;
}

/* Buy */

typedef struct
{
  char *contact_uuid;
  char *campaign_uuid;
  char *operator_name;
} BuyInput;

static void
buy_input_free (BuyInput *input)
{
  g_free (input->contact_uuid);
  g_free (input->campaign_uuid);
  g_free (input->operator_name);
  g_free (input);
}

/* The evaluator's "no" as one error: every reason, and the code of the
 * one a till can act on first. */
static void
set_unavailable_error (GError          **error,
                       LoyAvailability  *availability,
                       const char       *format)
{
  LoyCampaign *campaign = loy_availability_get_campaign (availability);
  GPtrArray *reasons = loy_availability_get_reasons (availability);
  g_autoptr(GString) why = g_string_new (NULL);
  int code = LOY_ERROR_NOT_VISIBLE;

  for (guint i = 0; i < reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (reasons, i);

      if (i > 0)
        /* Translators: between two reasons a campaign cannot be bought */
        g_string_append (why, _("; "));
      g_string_append (why, reason->message);
      if (reason->kind == LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS && reasons->len == 1)
        code = LOY_ERROR_INSUFFICIENT_BALANCE;
      else if (reason->kind == LOY_AVAILABILITY_REASON_NO_CODES_LEFT && reasons->len == 1)
        code = LOY_ERROR_OUT_OF_CODES;
      else if (reason->kind == LOY_AVAILABILITY_REASON_LIMIT_REACHED ||
               reason->kind == LOY_AVAILABILITY_REASON_CONTACT_LIMIT_REACHED)
        code = LOY_ERROR_OUT_OF_STOCK;
    }

  if (why->len == 0)
    g_string_append (why, _("it is not bought with points"));

  g_set_error (error, LOY_ERROR, code, format, loy_campaign_get_name (campaign), why->str);
}

static gboolean
insert_purchase (sqlite3      *db,
                 const char   *uuid,
                 LoyCampaign  *campaign,
                 gint64        campaign_id,
                 gint64        contact_id,
                 gint64        code_id,
                 const char   *code,
                 gint64        entry_id,
                 gint64        value_cents,
                 gint64        source_entry_id,
                 GError      **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  gint64 now = _loy_sqlite_now_seconds ();
  gint64 active_from = now + loy_campaign_get_days_inactive (campaign) * DAY_SECONDS;
  gint64 days_valid = loy_campaign_get_days_valid (campaign);
  gboolean gift = loy_campaign_get_campaign_type (campaign) == LOY_CAMPAIGN_TYPE_GIFT_CODE;

  stmt = _loy_sqlite_prepare_cached (db,
                                     "INSERT INTO campaign_purchases (uuid, campaign_id, contact_id,"
                                     " code_id, code, cost_in_points, entry_id, active_from,"
                                     " active_to, delivery_status, created_at, value_cents,"
                                     " source_entry_id)"
                                     " VALUES (:uuid, :campaign, :contact, :code_id, :code, :cost,"
                                     " :entry, :from, :to, :delivery, :now, :value, :source)",
                                     error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  _loy_sqlite_bind_int64 (stmt, ":campaign", campaign_id);
  _loy_sqlite_bind_int64 (stmt, ":contact", contact_id);
  _loy_sqlite_bind_int64_or_null (stmt, ":code_id", code_id != 0 ? code_id : LOY_UNSET);
  _loy_sqlite_bind_text (stmt, ":code", code);
  /* Unset for the types not bought with points (a percentage code). */
  _loy_sqlite_bind_int64 (stmt, ":cost", MAX (loy_campaign_get_cost_in_points (campaign), 0));
  _loy_sqlite_bind_int64 (stmt, ":entry", entry_id);
  _loy_sqlite_bind_int64 (stmt, ":from", active_from);
  _loy_sqlite_bind_int64_or_null (stmt, ":to", days_valid > 0 ? active_from + days_valid * DAY_SECONDS
                                                               : LOY_UNSET);
  _loy_sqlite_bind_text (stmt, ":delivery", gift ? "ordered" : NULL);
  _loy_sqlite_bind_int64 (stmt, ":now", now);
  _loy_sqlite_bind_int64_or_null (stmt, ":value", value_cents);
  _loy_sqlite_bind_int64_or_null (stmt, ":source", source_entry_id != 0 ? source_entry_id : LOY_UNSET);

  return _loy_sqlite_step_done (stmt, error);
}

/* Evaluate, claim a code, pay, record: one transaction, so that two tills
 * can neither exceed a limit nor share a code. */
static gpointer
buy_campaign_work (sqlite3       *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  BuyInput *input = data;
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LoyCampaignContext) context = NULL;
  g_autoptr(LoyAvailability) availability = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *code = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
  gint64 campaign_id;
  gint64 entry_id;
  gint64 balance;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (!_loy_sqlite_find_contact (db, input->contact_uuid, &entry.contact_id, &balance, error) ||
      !(campaign = _loy_sqlite_lookup_campaign (db, input->campaign_uuid, &campaign_id, error)))
    goto failed;

  g_ptr_array_add (campaigns, g_object_ref (campaign));
  if (!(context = _loy_sqlite_campaign_context_new (db, entry.contact_id, campaigns, error)))
    goto failed;

  availability = loy_campaign_check_availability (campaign, context, now);
  if (!loy_availability_get_can_buy (availability))
    {
      /* Translators: "“Welcome discount” cannot be bought: Needs 40 more points" */
      set_unavailable_error (error, availability, _("“%s” cannot be bought: %s"));
      goto failed;
    }

  if (loy_campaign_get_shared_code (campaign) != NULL)
    code = g_strdup (loy_campaign_get_shared_code (campaign));
  else
    {
      gint64 group_id = 0;

      if (!_loy_sqlite_select_int64 (db, "SELECT code_group_id FROM campaigns WHERE id = :id",
                                     campaign_id, &group_id, error) ||
          !_loy_sqlite_claim_code (db, group_id, entry.contact_id, &entry.code_id, &code, error))
        goto failed;
      if (entry.code_id == 0)
        {
          g_set_error_literal (error, LOY_ERROR, LOY_ERROR_OUT_OF_CODES, _("No codes left"));
          goto failed;
        }
    }

  if (!(program = _loy_sqlite_read_program (db, error)))
    goto failed;

  /* Translators: a ledger entry's reason, "Welcome discount, code WELCOME-7F3K" */
  reason = g_strdup_printf (_("%s, code %s"), loy_campaign_get_name (campaign), code);
  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_CAMPAIGN_PURCHASE;
  entry.credits = -loy_campaign_get_cost_in_points (campaign);
  entry.reason = reason;
  entry.operator_name = input->operator_name;
  entry.campaign_id = campaign_id;

  if (!(entry_id = _loy_sqlite_write_entry (db, program, &entry, error)) ||
      !insert_purchase (db, uuid, campaign, campaign_id, entry.contact_id, entry.code_id, code,
                        entry_id, LOY_UNSET, 0, error) ||
      !_loy_sqlite_commit (db, error))
    goto failed;

  return lookup_purchase (db, uuid, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Percentage discount codes */

typedef struct
{
  char *contact_uuid;
  char *campaign_uuid;
  char *entry_uuid;
  char *operator_name;
} IssueInput;

static void
issue_input_free (IssueInput *input)
{
  g_free (input->contact_uuid);
  g_free (input->campaign_uuid);
  g_free (input->entry_uuid);
  g_free (input->operator_name);
  g_free (input);
}

/* The rowid and amount of the contact's purchase entry @uuid: one of
 * their credit receptions for a purchase, not reversed, with no code
 * issued against it that is not cancelled. */
static gboolean
find_source_entry (sqlite3     *db,
                   const char  *uuid,
                   gint64       contact_id,
                   gint64      *entry_id,
                   gint64      *purchase_cents,
                   GError     **error)
{
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT e.id, e.contact_id, e.purchase_amount_cents,"
                                         " EXISTS (SELECT 1 FROM ledger_entries AS r"
                                         "  WHERE r.reverses_id = e.id),"
                                         " (SELECT p.code FROM campaign_purchases AS p"
                                         "  WHERE p.source_entry_id = e.id AND p.cancelled_at IS NULL)"
                                         " FROM ledger_entries AS e WHERE e.uuid = :uuid", error);
  if (stmt == NULL)
    return FALSE;

  _loy_sqlite_bind_text (stmt, ":uuid", uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_NOT_FOUND,
                   _("There is no ledger entry with UUID “%s”"), uuid);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  if (sqlite3_column_int64 (stmt, 1) != contact_id)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The ledger entry “%s” is another contact’s"), uuid);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("The ledger entry “%s” is not a purchase: a percentage discount code "
                     "is issued against points received for a purchase"), uuid);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 3))
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("The purchase of the ledger entry “%s” was reversed"), uuid);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("This purchase has a percentage discount code already: %s"),
                   (const char *) sqlite3_column_text (stmt, 4));
      return FALSE;
    }

  *entry_id = sqlite3_column_int64 (stmt, 0);
  *purchase_cents = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* A new random code no percentage code has; drawn again on the rare
 * repeat (the codes are in a unique index all the same). */
static char *
generate_voucher_code (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(LoyCodeGenerator) generator = loy_code_generator_new ("XXXX-XXXX-XXXX", error);
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;

  if (generator == NULL ||
      !(stmt = _loy_sqlite_prepare_cached (db, "SELECT EXISTS (SELECT 1 FROM campaign_purchases"
                                               " WHERE code = :code AND source_entry_id IS NOT NULL)",
                                           error)))
    return NULL;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      const char *code = loy_code_generator_next (generator, error);
      gboolean taken;

      if (code == NULL)
        return NULL;

      sqlite3_reset (stmt);
      _loy_sqlite_bind_text (stmt, ":code", code);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _loy_sqlite_set_error (error, db);
          return NULL;
        }
      taken = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (!taken)
        return g_strdup (code);
    }

  g_set_error_literal (error, LOY_ERROR, LOY_ERROR_OUT_OF_CODES,
                       _("No new percentage discount code could be made"));
  return NULL;
}

/* Evaluate, value the purchase, make a code, record it with a ledger
 * entry of no points: one transaction, so that two tills never issue two
 * codes for one purchase. */
static gpointer
issue_percentage_code_work (sqlite3       *db,
                            gpointer       data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  IssueInput *input = data;
  g_autoptr(LoyCampaign) campaign = NULL;
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LoyCampaignContext) context = NULL;
  g_autoptr(LoyAvailability) availability = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *code = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
  gint64 source_id;
  gint64 purchase_cents;
  gint64 value_cents;
  gint64 campaign_id;
  gint64 entry_id;
  gint64 balance;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (!_loy_sqlite_find_contact (db, input->contact_uuid, &entry.contact_id, &balance, error) ||
      !(campaign = _loy_sqlite_lookup_campaign (db, input->campaign_uuid, &campaign_id, error)))
    goto failed;

  if (loy_campaign_get_campaign_type (campaign) != LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                   _("“%s” is not a percentage discount campaign"),
                   loy_campaign_get_name (campaign));
      goto failed;
    }

  g_ptr_array_add (campaigns, g_object_ref (campaign));
  if (!(context = _loy_sqlite_campaign_context_new (db, entry.contact_id, campaigns, error)))
    goto failed;

  availability = loy_campaign_check_availability (campaign, context, now);
  if (!loy_availability_get_available (availability))
    {
      /* Translators: "“Ten back” cannot be issued: Ended on 24 Dec 2026, 23:59" */
      set_unavailable_error (error, availability, _("“%s” cannot be issued: %s"));
      goto failed;
    }

  if (!find_source_entry (db, input->entry_uuid, entry.contact_id, &source_id, &purchase_cents,
                          error) ||
      !loy_campaign_compute_percentage_value (campaign, purchase_cents, &value_cents, error) ||
      !(code = generate_voucher_code (db, error)) ||
      !(program = _loy_sqlite_read_program (db, error)))
    goto failed;

  /* Translators: a ledger entry's reason, "Welcome discount, code WELCOME-7F3K" */
  reason = g_strdup_printf (_("%s, code %s"), loy_campaign_get_name (campaign), code);
  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_CAMPAIGN_PURCHASE;
  entry.credits = 0;
  entry.reason = reason;
  entry.operator_name = input->operator_name;
  entry.campaign_id = campaign_id;

  if (!(entry_id = _loy_sqlite_write_entry (db, program, &entry, error)) ||
      !insert_purchase (db, uuid, campaign, campaign_id, entry.contact_id, 0, code, entry_id,
                        value_cents, source_id, error) ||
      !_loy_sqlite_commit (db, error))
    goto failed;

  return lookup_purchase (db, uuid, error);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* Purchases */

typedef struct
{
  char *campaign_uuid;
  char *contact_uuid;
} ListInput;

static void
list_input_free (ListInput *input)
{
  g_free (input->campaign_uuid);
  g_free (input->contact_uuid);
  g_free (input);
}

static gpointer
list_purchases_work (sqlite3       *db,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ListInput *input = data;
  g_autoptr(LoySqliteCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) purchases = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _loy_sqlite_prepare_cached (db, "SELECT " CAMPAIGN_PURCHASE_COLUMNS
                                         " FROM " CAMPAIGN_PURCHASE_FROM
                                         " WHERE (:campaign IS NULL OR c.uuid = :campaign)"
                                         " AND (:contact IS NULL OR k.uuid = :contact)"
                                         " ORDER BY p.created_at DESC, p.id DESC", error);
  if (stmt == NULL)
    return NULL;

  _loy_sqlite_bind_text (stmt, ":campaign", input->campaign_uuid);
  _loy_sqlite_bind_text (stmt, ":contact", input->contact_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (purchases, _loy_sqlite_read_campaign_purchase (stmt));

  if (rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, db);
      return NULL;
    }

  return g_steal_pointer (&purchases);
}

typedef struct
{
  char       *uuid;
  JsonObject *changes;
  char       *operator_name;
} ChangeInput;

static void
change_input_free (ChangeInput *input)
{
  g_free (input->uuid);
  json_object_unref (input->changes);
  g_free (input->operator_name);
  g_free (input);
}

static gboolean
mark_used (sqlite3              *db,
           LoyCampaignPurchase  *purchase,
           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (loy_campaign_purchase_get_cancelled_at (purchase) != 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("A cancelled purchase cannot be marked used"));
      return FALSE;
    }
  if (loy_campaign_purchase_get_used_at (purchase) != 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("This coupon has been used already"));
      return FALSE;
    }

  stmt = _loy_sqlite_prepare (db, "UPDATE campaign_purchases SET used_at = :now WHERE uuid = :uuid",
                              error);
  if (stmt == NULL)
    return FALSE;
  _loy_sqlite_bind_int64 (stmt, ":now", _loy_sqlite_now_seconds ());
  _loy_sqlite_bind_text (stmt, ":uuid", loy_campaign_purchase_get_uuid (purchase));

  return _loy_sqlite_step_done (stmt, error);
}

/* The points back by a counter-entry, and an unused code back to the pool
 * (a used one stays with the contact, who has used it). */
static gboolean
cancel_purchase (sqlite3              *db,
                 LoyCampaignPurchase  *purchase,
                 const char           *operator_name,
                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(LoyProgram) program = NULL;
  g_autofree char *reason = NULL;
  LoySqliteNewEntry entry = LOY_SQLITE_NEW_ENTRY_INIT;
  gboolean unused = loy_campaign_purchase_get_used_at (purchase) == 0;
  gint64 entry_id;

  if (loy_campaign_purchase_get_cancelled_at (purchase) != 0)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                           _("This purchase has been cancelled already"));
      return FALSE;
    }

  stmt = _loy_sqlite_prepare (db, "SELECT p.contact_id, p.entry_id, p.code_id"
                                  " FROM campaign_purchases AS p WHERE p.uuid = :uuid", error);
  if (stmt == NULL)
    return FALSE;
  _loy_sqlite_bind_text (stmt, ":uuid", loy_campaign_purchase_get_uuid (purchase));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _loy_sqlite_set_error (error, db);
      return FALSE;
    }

  if (!(program = _loy_sqlite_read_program (db, error)))
    return FALSE;

  /* Translators: a ledger entry's reason, "Cancels: Welcome discount, code WELCOME-7F3K" */
  reason = g_strdup_printf (_("Cancels: %s, code %s"),
                            loy_campaign_purchase_get_campaign_name (purchase),
                            loy_campaign_purchase_get_code (purchase));
  entry.contact_id = sqlite3_column_int64 (stmt, 0);
  entry.reverses_id = sqlite3_column_int64 (stmt, 1);
  entry.entry_type = LOY_LEDGER_ENTRY_TYPE_REVERSAL;
  entry.credits = loy_campaign_purchase_get_cost_in_points (purchase);
  entry.reason = reason;
  entry.operator_name = operator_name;
  if (!(entry_id = _loy_sqlite_write_entry (db, program, &entry, error)))
    return FALSE;

  if (unused && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_autoptr(sqlite3_stmt) release = NULL;

      release = _loy_sqlite_prepare (db, "UPDATE codes SET contact_id = NULL, issued_at = NULL"
                                         " WHERE id = :id", error);
      if (release == NULL)
        return FALSE;
      _loy_sqlite_bind_int64 (release, ":id", sqlite3_column_int64 (stmt, 2));
      if (!_loy_sqlite_step_done (release, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _loy_sqlite_prepare (db, "UPDATE campaign_purchases SET cancelled_at = :now,"
                                  " cancel_entry_id = :entry,"
                                  " delivery_status = iif (delivery_status IS NULL, NULL, 'cancelled')"
                                  " WHERE uuid = :uuid", error);
  if (stmt == NULL)
    return FALSE;
  _loy_sqlite_bind_int64 (stmt, ":now", _loy_sqlite_now_seconds ());
  _loy_sqlite_bind_int64 (stmt, ":entry", entry_id);
  _loy_sqlite_bind_text (stmt, ":uuid", loy_campaign_purchase_get_uuid (purchase));

  return _loy_sqlite_step_done (stmt, error);
}

static gboolean
set_delivery (sqlite3              *db,
              LoyCampaignPurchase  *purchase,
              JsonNode             *value,
              GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int status = LOY_DELIVERY_STATUS_NONE;

  if (loy_campaign_purchase_get_campaign_type (purchase) != LOY_CAMPAIGN_TYPE_GIFT_CODE)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("Only gifts have a delivery status"));
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
      !loy_enum_from_nick (LOY_TYPE_DELIVERY_STATUS, json_node_get_string (value), &status) ||
      status == LOY_DELIVERY_STATUS_NONE)
    {
      g_set_error_literal (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                           _("A delivery status is “ordered”, “shipped”, “delivered” or “cancelled”"));
      return FALSE;
    }

  stmt = _loy_sqlite_prepare (db, "UPDATE campaign_purchases SET delivery_status = :status"
                                  " WHERE uuid = :uuid", error);
  if (stmt == NULL)
    return FALSE;
  _loy_sqlite_bind_text (stmt, ":status", loy_enum_to_nick (LOY_TYPE_DELIVERY_STATUS, status));
  _loy_sqlite_bind_text (stmt, ":uuid", loy_campaign_purchase_get_uuid (purchase));

  return _loy_sqlite_step_done (stmt, error);
}

static gboolean
is_true (JsonNode *value)
{
  return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (value);
}

static gpointer
update_purchase_work (sqlite3       *db,
                      gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  ChangeInput *input = data;
  g_autoptr(LoyCampaignPurchase) purchase = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!_loy_sqlite_begin (db, error))
    return NULL;

  if (!(purchase = lookup_purchase (db, input->uuid, error)))
    goto failed;

  json_object_iter_init (&iter, input->changes);
  while (json_object_iter_next (&iter, &member, &value))
    {
      gboolean done;

      if (g_str_equal (member, "used") && is_true (value))
        done = mark_used (db, purchase, error);
      else if (g_str_equal (member, "cancelled") && is_true (value))
        done = cancel_purchase (db, purchase, input->operator_name, error);
      else if (g_str_equal (member, "delivery_status"))
        done = set_delivery (db, purchase, value, error);
      else
        {
          g_set_error (error, LOY_ERROR, LOY_ERROR_INVALID_INPUT,
                       _("“%s” cannot be changed: a purchase can be marked used, cancelled "
                         "or given a delivery status"), member);
          done = FALSE;
        }

      if (!done)
        goto failed;
    }

  g_clear_object (&purchase);
  if ((purchase = lookup_purchase (db, input->uuid, error)) && _loy_sqlite_commit (db, error))
    return g_steal_pointer (&purchase);

failed:
  _loy_sqlite_rollback (db);
  return NULL;
}

/* The LoyStore operations */

static void
loy_sqlite_store_buy_campaign_async (LoyStore            *store,
                                     const char          *contact_uuid,
                                     const char          *campaign_uuid,
                                     const char          *operator_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  BuyInput *input = g_new0 (BuyInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->campaign_uuid = g_strdup (campaign_uuid);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), buy_campaign_work, input,
                                     (GDestroyNotify) buy_input_free, g_object_unref,
                                     loy_sqlite_store_buy_campaign_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_issue_percentage_code_async (LoyStore            *store,
                                              const char          *contact_uuid,
                                              const char          *campaign_uuid,
                                              const char          *entry_uuid,
                                              const char          *operator_name,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  IssueInput *input = g_new0 (IssueInput, 1);

  input->contact_uuid = g_strdup (contact_uuid);
  input->campaign_uuid = g_strdup (campaign_uuid);
  input->entry_uuid = g_strdup (entry_uuid);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), issue_percentage_code_work, input,
                                     (GDestroyNotify) issue_input_free, g_object_unref,
                                     loy_sqlite_store_issue_percentage_code_async,
                                     cancellable, callback, user_data);
}

static void
loy_sqlite_store_list_campaign_purchases_async (LoyStore            *store,
                                                const char          *campaign_uuid,
                                                const char          *contact_uuid,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  ListInput *input = g_new0 (ListInput, 1);

  input->campaign_uuid = g_strdup (campaign_uuid);
  input->contact_uuid = g_strdup (contact_uuid);

  _loy_sqlite_store_run_async (LOY_SQLITE_STORE (store), list_purchases_work, input,
                               (GDestroyNotify) list_input_free, (GDestroyNotify) g_ptr_array_unref,
                               loy_sqlite_store_list_campaign_purchases_async,
                               cancellable, callback, user_data);
}

static void
loy_sqlite_store_update_campaign_purchase_async (LoyStore            *store,
                                                 const char          *uuid,
                                                 JsonObject          *changes,
                                                 const char          *operator_name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  ChangeInput *input = g_new0 (ChangeInput, 1);

  input->uuid = g_strdup (uuid);
  input->changes = json_object_ref (changes);
  input->operator_name = g_strdup (operator_name);

  _loy_sqlite_store_run_write_async (LOY_SQLITE_STORE (store), update_purchase_work, input,
                                     (GDestroyNotify) change_input_free, g_object_unref,
                                     loy_sqlite_store_update_campaign_purchase_async,
                                     cancellable, callback, user_data);
}

void
_loy_sqlite_store_campaign_purchases_iface_init (LoyStoreInterface *iface)
{
  iface->buy_campaign_async = loy_sqlite_store_buy_campaign_async;
  iface->issue_percentage_code_async = loy_sqlite_store_issue_percentage_code_async;
  iface->list_campaign_purchases_async = loy_sqlite_store_list_campaign_purchases_async;
  iface->update_campaign_purchase_async = loy_sqlite_store_update_campaign_purchase_async;
}
