/* loy-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "loy-campaign.h"
#include "loy-campaign-category.h"
#include "loy-campaign-purchase.h"
#include "loy-cashback.h"
#include "loy-code-group.h"
#include "loy-contact.h"
#include "loy-enums.h"
#include "loy-export.h"
#include "loy-ledger-entry.h"
#include "loy-level.h"
#include "loy-overview.h"
#include "loy-program.h"
#include "loy-query.h"
#include "loy-reward.h"
#include "loy-segment.h"
#include "loy-voucher.h"

G_BEGIN_DECLS

#define LOY_TYPE_STORE (loy_store_get_type ())

G_DECLARE_INTERFACE (LoyStore, loy_store, LOY, STORE, GObject)

/**
 * LoyProgressFunc:
 * @done: units of work done (lines read, codes written)
 * @total: units in all, or 0 while not known
 *
 * Called on the main context of the thread that started the operation, a
 * few times per second at most.
 */
typedef void (*LoyProgressFunc) (guint64  done,
                                 guint64  total,
                                 gpointer user_data);

/**
 * LoyAward:
 * @points: a fixed number of points, or 0
 * @amount_cents: a purchase amount to convert by the earning rule, or 0
 * @action: an action of the program ("referral", "review", …), or %NULL
 * @reason: free text for the ledger, or %NULL
 * @operator_name: who awards, or %NULL
 *
 * What a credit reception is for: exactly one of @points, @amount_cents
 * and @action is set.
 */
typedef struct
{
  gint64      points;
  gint64      amount_cents;
  const char *action;
  const char *reason;
  const char *operator_name;
} LoyAward;

/**
 * LoyImportSummary:
 * @added: codes added to the group
 * @duplicates: lines skipped as already present (in the file or the group)
 * @invalid: lines skipped as not a valid code
 * @errors: (element-type LoyImportError): each skipped line, in file order
 */
typedef struct
{
  guint64    added;
  guint64    duplicates;
  guint64    invalid;
  GPtrArray *errors;
} LoyImportSummary;

typedef struct
{
  guint64  line;
  char    *reason;
} LoyImportError;

LoyImportSummary *loy_import_summary_new       (void);
void              loy_import_summary_add_error (LoyImportSummary *summary,
                                                guint64           line,
                                                const char       *reason);
void              loy_import_summary_free      (LoyImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoyImportSummary, loy_import_summary_free)

/**
 * LoyStoreInterface:
 * @get_capabilities: what this backend can do (see #LoyStoreCapabilities)
 * @get_description: a short human-readable name of where the data lives
 *   (a file path, a URL), for the UI
 * @query_async: one page of records matching a query, with the total count
 * @lookup_async: one record by kind and UUID; %LOY_ERROR_NOT_FOUND when absent
 * @create_reward_async: store a new reward (a digital one gets its code group, named after
 *   it), returning it as stored
 * @update_reward_async: apply @changes (seed 002 field names plus "view_filter"; unknown
 *   keys are custom attributes) and return the reward as stored. A backend that
 *   cannot change a field fails with %LOY_ERROR_NOT_SUPPORTED rather than dropping it
 * @delete_async: remove a reward, level or segment; %LOY_ERROR_CONFLICT when
 *   history (ledger entries, issued codes) refers to it
 * @import_codes_async: add the codes of a code file (see loy-code-file.h) to a group
 *   in one transaction: cancelled or failed, the group is exactly as before
 * @generate_codes_async: add @count new codes made from @pattern (see
 *   loy-code-generator.h), unique in the group, in one transaction
 * @update_code_group_async: change a code group's "name" or "low_stock_threshold"
 * @save_image_async: keep the image of a file in the program (see loy-image.h: at most
 *   5 MB, scaled down to LOY_IMAGE_MAX_SIDE), returning the "loy-image:" URI a reward's
 *   media value takes; %LOY_ERROR_INVALID_INPUT for a file that is no image
 * @load_image_async: the PNG or JPEG bytes of a "loy-image:" URI
 * @enroll_contact_async: add a contact (email required, valid and unique) with the
 *   program's welcome points
 * @update_contact_async: apply @changes (loy-json.h's names: "first_name", "last_name";
 *   any other key is an attribute) and return the contact as stored
 * @award_points_async: write a credit reception by the program's earning rule
 * @preview_award_async: what award_points_async() would write, computed by the
 *   program's rules without writing anything: an entry without a UUID
 * @index_contacts_async: fill or refresh the local index that searching contacts reads,
 *   where the data lives elsewhere; cancelled, it keeps what it read and searches read
 *   that until it is asked again, when it goes on. Returns the contacts indexed
 * @redeem_reward_async: in one transaction: check visibility, balance, stock or
 *   codes left; deduct the points; claim one code for a digital reward; write the
 *   reward reception (with its code). Each failure has its own #LoyError and changes nothing
 * @adjust_points_async: a support adjustment: signed @credits and a reason that is
 *   not empty; never takes a balance below zero
 * @reverse_entry_async: write the counter-entry of a ledger entry (a refund, an
 *   undone adjustment), with why (%NULL or empty for no reason given) in its own
 *   reason after what it reverses; an entry is reversed at most once
 * @expire_points_async: write expiry entries for points older than the program's expiry
 *   period as of @until (unix seconds), oldest points spent first; returns how many
 *   entries it wrote, so running it twice writes nothing the second time
 * @get_program_async: the program's rules
 * @update_program_async: replace the program's rules (levels are computed again)
 * @save_level_async: create (no UUID yet) or update a level
 * @save_segment_async: create (no UUID yet) or update a segment with its criteria
 * @get_overview_async: the program's figures for the local days [@from, @to) and the
 *   period of the same length before, its series, levels, top rewards and the code
 *   groups running out soonest (a #LoyOverview), read from rollups, not the ledger
 * @export_async: write a list as CSV (RFC 4180, a header row, CRLF, formula-looking
 *   cells guarded) to a stream as it is read, never holding the list; progress
 *   counts rows. The stream is neither flushed nor closed, and after a failure or
 *   cancellation it holds the rows written so far: the caller throws them away
 *   (a file written with g_file_replace() and closed after a cancellation is)
 * @create_campaign_async: store a new campaign after loy_campaign_check() and a unique
 *   name; a coupon campaign without a shared code gets a code group of its own holding
 *   @new_codes. Returns the campaign as stored
 * @update_campaign_async: apply @changes (members of loy_campaign_to_json(); the others
 *   keep their values), checked as a whole, and return the campaign as stored
 * @list_campaign_categories_async: every category (#LoyCampaignCategory), by sort order
 * @save_campaign_category_async: create (no UUID yet) or update a category
 * @delete_campaign_category_async: remove a category from the list and its campaigns
 * @list_campaign_labels_async: every label campaigns have (#LoyCampaignLabel, its
 *   value "" for a key alone), each once, by key then value
 * @check_campaigns_async: loy_campaign_check_availability() of every campaign for a
 *   contact now (#LoyAvailability, in campaign order)
 * @buy_campaign_async: in one transaction: the evaluator, the limits, a code claimed
 *   (or the shared one), the points with a ledger entry naming the campaign and code,
 *   and the purchase (#LoyCampaignPurchase)
 * @issue_percentage_code_async: in one transaction: a percentage discount code of
 *   the campaign for the contact, worth loy_campaign_compute_percentage_value() of
 *   the purchase entry @entry_uuid (one of the contact's credit receptions for a
 *   purchase, not reversed, with no code issued against it yet), with a ledger
 *   entry of no points naming the campaign and code (#LoyCampaignPurchase)
 * @list_campaign_purchases_async: the purchases of a campaign, of a contact or both
 *   (a %NULL UUID for either), newest first
 * @update_campaign_purchase_async: apply @changes to a purchase: "used" (TRUE),
 *   "cancelled" (TRUE: the points back by a counter-entry and an unused code back to
 *   the pool) or "delivery_status" (a gift's: ordered, shipped, delivered, cancelled)
 * @cashback_quote_async: the #LoyCashbackQuote for a contact and an order total, with
 *   @requested_points or (LOY_UNSET) as many as useful
 * @cashback_exchange_async: the quote computed again in one transaction, refused with
 *   %LOY_ERROR_CONFLICT when it no longer is @quote ("The cashback rate changed…"), and
 *   the points taken with a ledger entry of the order reference (#LoyLedgerEntry)
 * @count_campaign_reach_async: how many contacts the target of a (perhaps unsaved)
 *   campaign reaches, by the evaluator
 * @list_vouchers_async: rows [@offset, @offset + @limit) of a promotion's vouchers
 *   (#LoyVoucher), as a #LoyPage with their total
 * @create_voucher_async: a new voucher of a promotion with @code (%NULL: one made up),
 *   given to a contact (%NULL: to anyone), returned as stored
 * @create_voucher_batch_async: ask for @quantity new vouchers of a promotion, which the
 *   server makes later; returns how many were asked for
 * @find_voucher_async: the voucher of a code; %LOY_ERROR_NOT_FOUND when none has it
 * @redeem_voucher_async: use a voucher (for @contact_uuid, or %NULL for its own
 *   contact) at the desk's shop, returning it as it now is; %LOY_ERROR_CONFLICT when
 *   it cannot be redeemed (used up, expired, locked)
 *
 * The one interface behind which both backends live. Every operation is
 * asynchronous and cancellable, and every write happens whole or not at all.
 * A backend leaves the operations it lacks %NULL: they then fail with
 * %LOY_ERROR_NOT_SUPPORTED, and its capabilities say so beforehand. Each
 * operation ends with a #GTask whose source object is the store, returning
 * a pointer — a boolean for @delete_async, an integer for
 * @expire_points_async — that the `loy_store_*_finish` functions propagate.
 * The store emits ::changed after a write, and ::refused when a finish
 * function propagates %LOY_ERROR_UNAUTHORIZED (a remote account's key
 * refused), whichever operation met it.
 */
struct _LoyStoreInterface
{
  GTypeInterface parent_iface;

  LoyStoreCapabilities (*get_capabilities) (LoyStore *self);
  char                *(*get_description)  (LoyStore *self);

  void (*query_async) (LoyStore            *self,
                       const LoyQuery      *query,
                       guint                offset,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data);

  void (*lookup_async) (LoyStore            *self,
                        LoyKind              kind,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  void (*create_reward_async) (LoyStore            *self,
                               LoyReward           *reward,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*update_reward_async) (LoyStore            *self,
                               const char          *uuid,
                               JsonObject          *changes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*delete_async) (LoyStore            *self,
                        LoyKind              kind,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  void (*import_codes_async) (LoyStore            *self,
                              const char          *group_uuid,
                              GInputStream        *input,
                              LoyProgressFunc      progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

  void (*generate_codes_async) (LoyStore            *self,
                                const char          *group_uuid,
                                const char          *pattern,
                                guint                count,
                                LoyProgressFunc      progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*update_code_group_async) (LoyStore            *self,
                                   const char          *uuid,
                                   JsonObject          *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);

  void (*save_image_async) (LoyStore            *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);

  void (*load_image_async) (LoyStore            *self,
                            const char          *uri,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);

  void (*enroll_contact_async) (LoyStore            *self,
                                LoyContact          *contact,
                                const char          *operator_name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*award_points_async) (LoyStore            *self,
                              const char          *contact_uuid,
                              const LoyAward      *award,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

  void (*update_contact_async) (LoyStore            *self,
                                const char          *uuid,
                                JsonObject          *changes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*preview_award_async) (LoyStore            *self,
                               const char          *contact_uuid,
                               const LoyAward      *award,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*index_contacts_async) (LoyStore            *self,
                                LoyProgressFunc      progress,
                                gpointer             progress_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*redeem_reward_async) (LoyStore            *self,
                               const char          *contact_uuid,
                               const char          *reward_uuid,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*adjust_points_async) (LoyStore            *self,
                               const char          *contact_uuid,
                               gint64               credits,
                               const char          *reason,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*reverse_entry_async) (LoyStore            *self,
                               const char          *entry_uuid,
                               const char          *reason,
                               const char          *operator_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*expire_points_async) (LoyStore            *self,
                               gint64               until,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*get_program_async) (LoyStore            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);

  void (*update_program_async) (LoyStore            *self,
                                LoyProgram          *program,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*save_level_async) (LoyStore            *self,
                            LoyLevel            *level,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);

  void (*save_segment_async) (LoyStore            *self,
                              LoySegment          *segment,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

  void (*export_async) (LoyStore            *self,
                        const LoyExport     *export,
                        GOutputStream       *output,
                        LoyProgressFunc      progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  void (*get_overview_async) (LoyStore            *self,
                              const GDate         *from,
                              const GDate         *to,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

  /* Campaigns (loy-store-campaigns.c) */
  void (*create_campaign_async) (LoyStore            *self,
                                 LoyCampaign         *campaign,
                                 const char * const  *new_codes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
  void (*update_campaign_async) (LoyStore            *self,
                                 const char          *uuid,
                                 JsonObject          *changes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
  void (*list_campaign_categories_async) (LoyStore            *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
  void (*save_campaign_category_async) (LoyStore             *self,
                                        LoyCampaignCategory  *category,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
  void (*delete_campaign_category_async) (LoyStore            *self,
                                          const char          *uuid,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
  void (*list_campaign_labels_async) (LoyStore            *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
  void (*check_campaigns_async) (LoyStore            *self,
                                 const char          *contact_uuid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
  void (*buy_campaign_async) (LoyStore            *self,
                              const char          *contact_uuid,
                              const char          *campaign_uuid,
                              const char          *operator_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  void (*issue_percentage_code_async) (LoyStore            *self,
                                       const char          *contact_uuid,
                                       const char          *campaign_uuid,
                                       const char          *entry_uuid,
                                       const char          *operator_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
  void (*list_campaign_purchases_async) (LoyStore            *self,
                                         const char          *campaign_uuid,
                                         const char          *contact_uuid,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  void (*update_campaign_purchase_async) (LoyStore            *self,
                                          const char          *uuid,
                                          JsonObject          *changes,
                                          const char          *operator_name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
  void (*cashback_quote_async) (LoyStore            *self,
                                const char          *contact_uuid,
                                gint64               order_total_cents,
                                gint64               requested_points,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
  void (*cashback_exchange_async) (LoyStore               *self,
                                   const char             *contact_uuid,
                                   const LoyCashbackQuote *quote,
                                   const char             *order_reference,
                                   const char             *operator_name,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data);
  void (*list_vouchers_async) (LoyStore            *self,
                               const char          *promotion_uuid,
                               guint                offset,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

  void (*create_voucher_async) (LoyStore            *self,
                                const char          *promotion_uuid,
                                const char          *code,
                                const char          *contact_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*create_voucher_batch_async) (LoyStore            *self,
                                      const char          *promotion_uuid,
                                      guint                quantity,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);

  void (*find_voucher_async) (LoyStore            *self,
                              const char          *code,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

  void (*redeem_voucher_async) (LoyStore            *self,
                                const char          *code,
                                const char          *contact_uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

  void (*count_campaign_reach_async) (LoyStore            *self,
                                      LoyCampaign         *campaign,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
};

LoyStoreCapabilities loy_store_get_capabilities (LoyStore *self);
gboolean loy_store_can (LoyStore             *self,
                        LoyStoreCapabilities  capabilities);
char *loy_store_get_description (LoyStore *self);

void loy_store_query_async (LoyStore            *self,
                            const LoyQuery      *query,
                            guint                offset,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);
LoyPage *loy_store_query_finish (LoyStore      *self,
                                 GAsyncResult  *result,
                                 GError       **error);

void loy_store_lookup_async (LoyStore            *self,
                             LoyKind              kind,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
GObject *loy_store_lookup_finish (LoyStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error);

void loy_store_create_reward_async (LoyStore            *self,
                                    LoyReward           *reward,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
LoyReward *loy_store_create_reward_finish (LoyStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

void loy_store_update_reward_async (LoyStore            *self,
                                    const char          *uuid,
                                    JsonObject          *changes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
LoyReward *loy_store_update_reward_finish (LoyStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

void loy_store_delete_async (LoyStore            *self,
                             LoyKind              kind,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
gboolean loy_store_delete_finish (LoyStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error);

void loy_store_import_codes_async (LoyStore            *self,
                                   const char          *group_uuid,
                                   GInputStream        *input,
                                   LoyProgressFunc      progress,
                                   gpointer             progress_data,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
LoyImportSummary *loy_store_import_codes_finish (LoyStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

void loy_store_generate_codes_async (LoyStore            *self,
                                     const char          *group_uuid,
                                     const char          *pattern,
                                     guint                count,
                                     LoyProgressFunc      progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
LoyImportSummary *loy_store_generate_codes_finish (LoyStore      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

void loy_store_update_code_group_async (LoyStore            *self,
                                        const char          *uuid,
                                        JsonObject          *changes,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
LoyCodeGroup *loy_store_update_code_group_finish (LoyStore      *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

void loy_store_save_image_async (LoyStore            *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
char *loy_store_save_image_finish (LoyStore      *self,
                                   GAsyncResult  *result,
                                   GError       **error);

void loy_store_load_image_async (LoyStore            *self,
                                 const char          *uri,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
GBytes *loy_store_load_image_finish (LoyStore      *self,
                                     GAsyncResult  *result,
                                     GError       **error);

void loy_store_enroll_contact_async (LoyStore            *self,
                                     LoyContact          *contact,
                                     const char          *operator_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
LoyContact *loy_store_enroll_contact_finish (LoyStore      *self,
                                             GAsyncResult  *result,
                                             GError       **error);

void loy_store_award_points_async (LoyStore            *self,
                                   const char          *contact_uuid,
                                   const LoyAward      *award,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
LoyLedgerEntry *loy_store_award_points_finish (LoyStore      *self,
                                               GAsyncResult  *result,
                                               GError       **error);

void loy_store_update_contact_async (LoyStore            *self,
                                     const char          *uuid,
                                     JsonObject          *changes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
LoyContact *loy_store_update_contact_finish (LoyStore      *self,
                                             GAsyncResult  *result,
                                             GError       **error);

void loy_store_preview_award_async (LoyStore            *self,
                                    const char          *contact_uuid,
                                    const LoyAward      *award,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
void loy_store_index_contacts_async (LoyStore            *self,
                                     LoyProgressFunc      progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gint64 loy_store_index_contacts_finish (LoyStore      *self,
                                        GAsyncResult  *result,
                                        GError       **error);

LoyLedgerEntry *loy_store_preview_award_finish (LoyStore      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void loy_store_redeem_reward_async (LoyStore            *self,
                                    const char          *contact_uuid,
                                    const char          *reward_uuid,
                                    const char          *operator_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
LoyLedgerEntry *loy_store_redeem_reward_finish (LoyStore      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void loy_store_adjust_points_async (LoyStore            *self,
                                    const char          *contact_uuid,
                                    gint64               credits,
                                    const char          *reason,
                                    const char          *operator_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
LoyLedgerEntry *loy_store_adjust_points_finish (LoyStore      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void loy_store_reverse_entry_async (LoyStore            *self,
                                    const char          *entry_uuid,
                                    const char          *reason,
                                    const char          *operator_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
LoyLedgerEntry *loy_store_reverse_entry_finish (LoyStore      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void loy_store_expire_points_async (LoyStore            *self,
                                    gint64               until,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gint64 loy_store_expire_points_finish (LoyStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error);

void loy_store_get_program_async (LoyStore            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
LoyProgram *loy_store_get_program_finish (LoyStore      *self,
                                          GAsyncResult  *result,
                                          GError       **error);

void loy_store_update_program_async (LoyStore            *self,
                                     LoyProgram          *program,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
LoyProgram *loy_store_update_program_finish (LoyStore      *self,
                                             GAsyncResult  *result,
                                             GError       **error);

void loy_store_save_level_async (LoyStore            *self,
                                 LoyLevel            *level,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
LoyLevel *loy_store_save_level_finish (LoyStore      *self,
                                       GAsyncResult  *result,
                                       GError       **error);

void loy_store_save_segment_async (LoyStore            *self,
                                   LoySegment          *segment,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
LoySegment *loy_store_save_segment_finish (LoyStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

void loy_store_export_async (LoyStore            *self,
                             const LoyExport     *export,
                             GOutputStream       *output,
                             LoyProgressFunc      progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
/* The number of rows written (the header not counted), or -1 with @error set. */
gint64 loy_store_export_finish (LoyStore      *self,
                                GAsyncResult  *result,
                                GError       **error);

void loy_store_get_overview_async (LoyStore            *self,
                                   const GDate         *from,
                                   const GDate         *to,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
LoyOverview *loy_store_get_overview_finish (LoyStore      *self,
                                            GAsyncResult  *result,
                                            GError       **error);

/* loy_store_export_async() into @file: written beside it under a hidden
 * name and moved over it when complete, so @file is never a partial
 * export; a failed or cancelled export leaves @file as it was. */
void   loy_store_export_to_file_async  (LoyStore            *self,
                                        const LoyExport     *export,
                                        GFile               *file,
                                        LoyProgressFunc      progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gint64 loy_store_export_to_file_finish (LoyStore            *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Synchronous wrappers for loyctl and tests: they iterate the calling
 * thread's default main context until the async call completes (which also
 * dispatches an in-process test server on that context). Never call them
 * from the UI thread. */

LoyPage *loy_store_query_sync (LoyStore        *self,
                               const LoyQuery  *query,
                               guint            offset,
                               guint            limit,
                               GCancellable    *cancellable,
                               GError         **error);

GObject *loy_store_lookup_sync (LoyStore      *self,
                                LoyKind        kind,
                                const char    *uuid,
                                GCancellable  *cancellable,
                                GError       **error);

LoyReward *loy_store_create_reward_sync (LoyStore      *self,
                                         LoyReward     *reward,
                                         GCancellable  *cancellable,
                                         GError       **error);

LoyReward *loy_store_update_reward_sync (LoyStore      *self,
                                         const char    *uuid,
                                         JsonObject    *changes,
                                         GCancellable  *cancellable,
                                         GError       **error);

gboolean loy_store_delete_sync (LoyStore      *self,
                                LoyKind        kind,
                                const char    *uuid,
                                GCancellable  *cancellable,
                                GError       **error);

LoyImportSummary *loy_store_import_codes_sync (LoyStore         *self,
                                               const char       *group_uuid,
                                               GInputStream     *input,
                                               LoyProgressFunc   progress,
                                               gpointer          progress_data,
                                               GCancellable     *cancellable,
                                               GError          **error);

LoyImportSummary *loy_store_generate_codes_sync (LoyStore         *self,
                                                 const char       *group_uuid,
                                                 const char       *pattern,
                                                 guint             count,
                                                 LoyProgressFunc   progress,
                                                 gpointer          progress_data,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

LoyCodeGroup *loy_store_update_code_group_sync (LoyStore      *self,
                                                const char    *uuid,
                                                JsonObject    *changes,
                                                GCancellable  *cancellable,
                                                GError       **error);

char *loy_store_save_image_sync (LoyStore      *self,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error);

GBytes *loy_store_load_image_sync (LoyStore      *self,
                                   const char    *uri,
                                   GCancellable  *cancellable,
                                   GError       **error);

LoyContact *loy_store_enroll_contact_sync (LoyStore      *self,
                                           LoyContact    *contact,
                                           const char    *operator_name,
                                           GCancellable  *cancellable,
                                           GError       **error);

LoyLedgerEntry *loy_store_award_points_sync (LoyStore        *self,
                                             const char      *contact_uuid,
                                             const LoyAward  *award,
                                             GCancellable    *cancellable,
                                             GError         **error);

LoyContact *loy_store_update_contact_sync (LoyStore      *self,
                                           const char    *uuid,
                                           JsonObject    *changes,
                                           GCancellable  *cancellable,
                                           GError       **error);

gint64 loy_store_index_contacts_sync (LoyStore         *self,
                                      LoyProgressFunc   progress,
                                      gpointer          progress_data,
                                      GCancellable     *cancellable,
                                      GError          **error);

LoyLedgerEntry *loy_store_preview_award_sync (LoyStore        *self,
                                              const char      *contact_uuid,
                                              const LoyAward  *award,
                                              GCancellable    *cancellable,
                                              GError         **error);

LoyLedgerEntry *loy_store_redeem_reward_sync (LoyStore      *self,
                                              const char    *contact_uuid,
                                              const char    *reward_uuid,
                                              const char    *operator_name,
                                              GCancellable  *cancellable,
                                              GError       **error);

LoyLedgerEntry *loy_store_adjust_points_sync (LoyStore      *self,
                                              const char    *contact_uuid,
                                              gint64         credits,
                                              const char    *reason,
                                              const char    *operator_name,
                                              GCancellable  *cancellable,
                                              GError       **error);

LoyLedgerEntry *loy_store_reverse_entry_sync (LoyStore      *self,
                                              const char    *entry_uuid,
                                              const char    *reason,
                                              const char    *operator_name,
                                              GCancellable  *cancellable,
                                              GError       **error);

gint64 loy_store_expire_points_sync (LoyStore      *self,
                                     gint64         until,
                                     GCancellable  *cancellable,
                                     GError       **error);

LoyProgram *loy_store_get_program_sync (LoyStore      *self,
                                        GCancellable  *cancellable,
                                        GError       **error);

LoyProgram *loy_store_update_program_sync (LoyStore      *self,
                                           LoyProgram    *program,
                                           GCancellable  *cancellable,
                                           GError       **error);

LoyLevel *loy_store_save_level_sync (LoyStore      *self,
                                     LoyLevel      *level,
                                     GCancellable  *cancellable,
                                     GError       **error);

LoySegment *loy_store_save_segment_sync (LoyStore      *self,
                                         LoySegment    *segment,
                                         GCancellable  *cancellable,
                                         GError       **error);

LoyOverview *loy_store_get_overview_sync (LoyStore      *self,
                                          const GDate   *from,
                                          const GDate   *to,
                                          GCancellable  *cancellable,
                                          GError       **error);

gint64 loy_store_export_sync (LoyStore         *self,
                              const LoyExport  *export,
                              GOutputStream    *output,
                              LoyProgressFunc   progress,
                              gpointer          progress_data,
                              GCancellable     *cancellable,
                              GError          **error);

gint64 loy_store_export_to_file_sync (LoyStore         *self,
                                      const LoyExport  *export,
                                      GFile            *file,
                                      LoyProgressFunc   progress,
                                      gpointer          progress_data,
                                      GCancellable     *cancellable,
                                      GError          **error);

/* Campaigns (loy-store-campaigns.c) */
void         loy_store_create_campaign_async  (LoyStore            *self,
                                               LoyCampaign         *campaign,
                                               const char * const  *new_codes,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LoyCampaign *loy_store_create_campaign_finish (LoyStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
LoyCampaign *loy_store_create_campaign_sync   (LoyStore            *self,
                                               LoyCampaign         *campaign,
                                               const char * const  *new_codes,
                                               GCancellable        *cancellable,
                                               GError             **error);
void         loy_store_update_campaign_async  (LoyStore            *self,
                                               const char          *uuid,
                                               JsonObject          *changes,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LoyCampaign *loy_store_update_campaign_finish (LoyStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
LoyCampaign *loy_store_update_campaign_sync   (LoyStore            *self,
                                               const char          *uuid,
                                               JsonObject          *changes,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* (element-type LoyCampaignCategory) */
void       loy_store_list_campaign_categories_async  (LoyStore            *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray *loy_store_list_campaign_categories_finish (LoyStore            *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
GPtrArray *loy_store_list_campaign_categories_sync   (LoyStore            *self,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                 loy_store_save_campaign_category_async  (LoyStore             *self,
                                                              LoyCampaignCategory  *category,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
LoyCampaignCategory *loy_store_save_campaign_category_finish (LoyStore             *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
LoyCampaignCategory *loy_store_save_campaign_category_sync   (LoyStore             *self,
                                                              LoyCampaignCategory  *category,
                                                              GCancellable         *cancellable,
                                                              GError              **error);
void     loy_store_delete_campaign_category_async  (LoyStore            *self,
                                                    const char          *uuid,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean loy_store_delete_campaign_category_finish (LoyStore            *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
gboolean loy_store_delete_campaign_category_sync   (LoyStore            *self,
                                                    const char          *uuid,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
/* (element-type LoyCampaignLabel) */
void       loy_store_list_campaign_labels_async  (LoyStore            *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray *loy_store_list_campaign_labels_finish (LoyStore            *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
GPtrArray *loy_store_list_campaign_labels_sync   (LoyStore            *self,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* (element-type LoyAvailability) */
void       loy_store_check_campaigns_async  (LoyStore            *self,
                                             const char          *contact_uuid,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray *loy_store_check_campaigns_finish (LoyStore            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
GPtrArray *loy_store_check_campaigns_sync   (LoyStore            *self,
                                             const char          *contact_uuid,
                                             GCancellable        *cancellable,
                                             GError             **error);
void                 loy_store_buy_campaign_async  (LoyStore            *self,
                                                    const char          *contact_uuid,
                                                    const char          *campaign_uuid,
                                                    const char          *operator_name,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
LoyCampaignPurchase *loy_store_buy_campaign_finish (LoyStore            *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
LoyCampaignPurchase *loy_store_buy_campaign_sync   (LoyStore            *self,
                                                    const char          *contact_uuid,
                                                    const char          *campaign_uuid,
                                                    const char          *operator_name,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void                 loy_store_issue_percentage_code_async  (LoyStore            *self,
                                                             const char          *contact_uuid,
                                                             const char          *campaign_uuid,
                                                             const char          *entry_uuid,
                                                             const char          *operator_name,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
LoyCampaignPurchase *loy_store_issue_percentage_code_finish (LoyStore            *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
LoyCampaignPurchase *loy_store_issue_percentage_code_sync   (LoyStore            *self,
                                                             const char          *contact_uuid,
                                                             const char          *campaign_uuid,
                                                             const char          *entry_uuid,
                                                             const char          *operator_name,
                                                             GCancellable        *cancellable,
                                                             GError             **error);
/* (element-type LoyCampaignPurchase) */
void       loy_store_list_campaign_purchases_async  (LoyStore            *self,
                                                     const char          *campaign_uuid,
                                                     const char          *contact_uuid,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray *loy_store_list_campaign_purchases_finish (LoyStore            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
GPtrArray *loy_store_list_campaign_purchases_sync   (LoyStore            *self,
                                                     const char          *campaign_uuid,
                                                     const char          *contact_uuid,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void                 loy_store_update_campaign_purchase_async  (LoyStore            *self,
                                                                const char          *uuid,
                                                                JsonObject          *changes,
                                                                const char          *operator_name,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
LoyCampaignPurchase *loy_store_update_campaign_purchase_finish (LoyStore            *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);
LoyCampaignPurchase *loy_store_update_campaign_purchase_sync   (LoyStore            *self,
                                                                const char          *uuid,
                                                                JsonObject          *changes,
                                                                const char          *operator_name,
                                                                GCancellable        *cancellable,
                                                                GError             **error);
void              loy_store_cashback_quote_async  (LoyStore            *self,
                                                   const char          *contact_uuid,
                                                   gint64               order_total_cents,
                                                   gint64               requested_points,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LoyCashbackQuote *loy_store_cashback_quote_finish (LoyStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
LoyCashbackQuote *loy_store_cashback_quote_sync   (LoyStore            *self,
                                                   const char          *contact_uuid,
                                                   gint64               order_total_cents,
                                                   gint64               requested_points,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void            loy_store_cashback_exchange_async  (LoyStore               *self,
                                                    const char             *contact_uuid,
                                                    const LoyCashbackQuote *quote,
                                                    const char             *order_reference,
                                                    const char             *operator_name,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
LoyLedgerEntry *loy_store_cashback_exchange_finish (LoyStore               *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
LoyLedgerEntry *loy_store_cashback_exchange_sync   (LoyStore               *self,
                                                    const char             *contact_uuid,
                                                    const LoyCashbackQuote *quote,
                                                    const char             *order_reference,
                                                    const char             *operator_name,
                                                    GCancellable           *cancellable,
                                                    GError                **error);
void   loy_store_count_campaign_reach_async  (LoyStore            *self,
                                              LoyCampaign         *campaign,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* The number of contacts, or -1 with @error set. */
gint64 loy_store_count_campaign_reach_finish (LoyStore            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gint64 loy_store_count_campaign_reach_sync   (LoyStore            *self,
                                              LoyCampaign         *campaign,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* A promotion's vouchers (loy-store-vouchers.c) */
void        loy_store_list_vouchers_async         (LoyStore            *self,
                                                   const char          *promotion_uuid,
                                                   guint                offset,
                                                   guint                limit,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LoyPage    *loy_store_list_vouchers_finish        (LoyStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
LoyPage    *loy_store_list_vouchers_sync          (LoyStore            *self,
                                                   const char          *promotion_uuid,
                                                   guint                offset,
                                                   guint                limit,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void        loy_store_create_voucher_async        (LoyStore            *self,
                                                   const char          *promotion_uuid,
                                                   const char          *code,
                                                   const char          *contact_uuid,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LoyVoucher *loy_store_create_voucher_finish       (LoyStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
LoyVoucher *loy_store_create_voucher_sync         (LoyStore            *self,
                                                   const char          *promotion_uuid,
                                                   const char          *code,
                                                   const char          *contact_uuid,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void        loy_store_create_voucher_batch_async  (LoyStore            *self,
                                                   const char          *promotion_uuid,
                                                   guint                quantity,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* How many vouchers were asked for, or -1 with @error set. */
gint64      loy_store_create_voucher_batch_finish (LoyStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
gint64      loy_store_create_voucher_batch_sync   (LoyStore            *self,
                                                   const char          *promotion_uuid,
                                                   guint                quantity,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void        loy_store_find_voucher_async          (LoyStore            *self,
                                                   const char          *code,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LoyVoucher *loy_store_find_voucher_finish         (LoyStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
LoyVoucher *loy_store_find_voucher_sync           (LoyStore            *self,
                                                   const char          *code,
                                                   GCancellable        *cancellable,
                                                   GError             **error);
void        loy_store_redeem_voucher_async        (LoyStore            *self,
                                                   const char          *code,
                                                   const char          *contact_uuid,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LoyVoucher *loy_store_redeem_voucher_finish       (LoyStore            *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
LoyVoucher *loy_store_redeem_voucher_sync         (LoyStore            *self,
                                                   const char          *code,
                                                   const char          *contact_uuid,
                                                   GCancellable        *cancellable,
                                                   GError             **error);

G_END_DECLS
