/* loy-sqlite-demo-campaigns.c — the demo's campaigns: every type, around
 * today, with labels, categories, targets, codes and purchases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include "loy-campaign.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-demo-campaigns.h"

#define DAY ((gint64) 86400)

typedef struct
{
  const char      *name;
  const char      *name_nl;
  LoyCampaignType  campaign_type;
  gboolean         is_active;
  gint64           cost_in_points;
  gint64           point_value_cents;
  gint64           percentage;
  const char      *target_type;      /* LEVEL: Gold; SEGMENT: the first segment */
  gint64           active_from_day;  /* days from today; both 0: all time */
  gint64           active_to_day;
  gint64           visible_from_day;
  gint64           visible_to_day;
  gint64           limit;
  gint64           limit_per_contact;
  const char      *labels;           /* "key=value;key" */
  guint            categories;       /* a mask of demo_categories */
  const char      *shared_code;
  guint            n_codes;
  guint            n_purchases;      /* by contacts of its target level, if any */
} DemoCampaign;

static const char * const demo_categories[] = { "Webshop", "In store", "Seasonal" };

static const DemoCampaign demo_campaigns[] = {
  { "Welcome discount", "Welkomstkorting", LOY_CAMPAIGN_TYPE_DISCOUNT_CODE, TRUE, 100, LOY_UNSET,
    0, "NONE", 0, 0, 0, 0, 500, 1, "audience=new;channel=email", 1 << 0, NULL, 60, 6 },
  { "Five euro off", "Vijf euro korting", LOY_CAMPAIGN_TYPE_VALUE_CODE, TRUE, 250, LOY_UNSET,
    0, "SEGMENT", -10, 20, -15, 25, 100, 2, "event=anniversary", 1 << 0 | 1 << 1, NULL, 40, 0 },
  { "Free delivery weekend", "Gratis bezorgweekend", LOY_CAMPAIGN_TYPE_FREE_DELIVERY_CODE, TRUE,
    50, LOY_UNSET, 0, "NONE", 3, 5, 0, 5, LOY_UNSET, 1, "channel=webshop", 1 << 0, "FREESHIP",
    0, 0 },
  { "Holiday gift box", "Kerstpakket", LOY_CAMPAIGN_TYPE_GIFT_CODE, TRUE, 1500, LOY_UNSET, 0,
    "LEVEL", -5, 30, -5, 30, 50, 1, "event=christmas;tier=gold", 1 << 2, NULL, 20, 2 },
  { "Spring tasting evening", "Proefavond in het voorjaar", LOY_CAMPAIGN_TYPE_EVENT_CODE, FALSE,
    300, LOY_UNSET, 0, "NONE", 60, 61, 30, 61, 80, 2, "event=tasting", 1 << 1, NULL, 30, 0 },
  { "Last summer's sale", "Zomeruitverkoop", LOY_CAMPAIGN_TYPE_DISCOUNT_CODE, TRUE, 80,
    LOY_UNSET, 0, "NONE", -120, -60, -120, -60, LOY_UNSET, LOY_UNSET, "event=summer", 1 << 2,
    "SUMMER15", 0, 0 },
  { "Ten percent back", "Tien procent terug", LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE, TRUE,
    0, LOY_UNSET, 10, "NONE", 0, 0, 0, 0, LOY_UNSET, LOY_UNSET, "channel=store", 1 << 1, NULL,
    0, 0 },
  { "Birthday treat", "Verjaardagstraktatie", LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE, TRUE, 0,
    LOY_UNSET, 0, "NONE", 0, 0, 0, 0, LOY_UNSET, LOY_UNSET, "event=birthday", 0, NULL, 0, 0 },
  { "Points for cash", "Punten voor geld", LOY_CAMPAIGN_TYPE_CASHBACK, TRUE, 0, 5, 0, "NONE",
    0, 0, 0, 0, LOY_UNSET, LOY_UNSET, "payment=cashback", 1 << 1, NULL, 0, 0 },
  { "Gold cashback boost", "Gouden cashbackbonus", LOY_CAMPAIGN_TYPE_CASHBACK, TRUE, 0, 8, 0,
    "LEVEL", -7, 7, 0, 0, LOY_UNSET, LOY_UNSET, "payment=cashback;tier=gold", 1 << 1, NULL, 0, 0 },
};

typedef struct
{
  sqlite3 *db;
  GRand   *random;   /* seeded: the same campaigns for a seed */
  gint64   end;
} DemoCampaigns;

static void
random_uuid (DemoCampaigns *demo,
             char           uuid[37])
{
  guint32 r[4];

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    r[i] = g_rand_int (demo->random);
  g_snprintf (uuid, 37, "%08x-%04x-4%03x-%04x-%04x%08x", r[0], r[1] >> 16, r[1] & 0xfff,
              0x8000 | (r[2] >> 18), r[2] & 0xffff, r[3]);
}

static sqlite3_stmt *
prepare (DemoCampaigns  *demo,
         const char     *sql,
         GError        **error)
{
  return _loy_sqlite_prepare (demo->db, sql, error);
}

/* Runs @stmt once more, its bindings as they are now. */
static gboolean
run (sqlite3_stmt  *stmt,
     GError       **error)
{
  gboolean done = _loy_sqlite_step_done (stmt, error);

  sqlite3_reset (stmt);
  return done;
}

/* The first day of @days from today, or the last second of it. */
static gint64
day_start (DemoCampaigns *demo,
           gint64         days)
{
  return demo->end + days * DAY;
}

static gint64
day_end (DemoCampaigns *demo,
         gint64         days)
{
  return demo->end + (days + 1) * DAY - 1;
}

static gboolean
add_texts_labels_links (DemoCampaigns       *demo,
                        const DemoCampaign  *campaign,
                        gint64               campaign_id,
                        const gint64        *category_ids,
                        gint64               target_id,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) text = NULL;
  g_autoptr(sqlite3_stmt) label = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autoptr(sqlite3_stmt) target = NULL;
  g_auto(GStrv) labels = g_strsplit (campaign->labels, ";", -1);
  gboolean for_segment = g_str_equal (campaign->target_type, "SEGMENT");

  if (!(text = prepare (demo, "INSERT INTO campaign_texts (campaign_id, language, name)"
                              " VALUES (:campaign, :language, :name)", error)) ||
      !(label = prepare (demo, "INSERT INTO campaign_labels (campaign_id, key, value)"
                               " VALUES (:campaign, :key, :value)", error)) ||
      !(link = prepare (demo, "INSERT INTO campaign_category_links (campaign_id, category_id)"
                              " VALUES (:campaign, :category)", error)) ||
      !(target = prepare (demo, for_segment
                                ? "INSERT INTO campaign_segments VALUES (:campaign, :target)"
                                : "INSERT INTO campaign_levels VALUES (:campaign, :target)", error)))
    return FALSE;

  _loy_sqlite_bind_int64 (text, ":campaign", campaign_id);
  _loy_sqlite_bind_text (text, ":language", "en");
  _loy_sqlite_bind_text (text, ":name", campaign->name);
  if (!run (text, error))
    return FALSE;
  _loy_sqlite_bind_text (text, ":language", "nl");
  _loy_sqlite_bind_text (text, ":name", campaign->name_nl);
  if (!run (text, error))
    return FALSE;

  _loy_sqlite_bind_int64 (label, ":campaign", campaign_id);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_auto(GStrv) key_value = g_strsplit (labels[i], "=", 2);

      _loy_sqlite_bind_text (label, ":key", key_value[0]);
      _loy_sqlite_bind_text (label, ":value", key_value[1] != NULL ? key_value[1] : "");
      if (!run (label, error))
        return FALSE;
    }

  _loy_sqlite_bind_int64 (link, ":campaign", campaign_id);
  for (guint k = 0; k < G_N_ELEMENTS (demo_categories); k++)
    {
      _loy_sqlite_bind_int64 (link, ":category", category_ids[k]);
      if ((campaign->categories & (1u << k)) && !run (link, error))
        return FALSE;
    }

  if (g_str_equal (campaign->target_type, "NONE"))
    return TRUE;

  _loy_sqlite_bind_int64 (target, ":campaign", campaign_id);
  _loy_sqlite_bind_int64 (target, ":target", target_id);
  return run (target, error);
}

/* A coupon campaign's code group of codes like "C1-0007-3F2A". */
static gint64
add_code_group (DemoCampaigns       *demo,
                const DemoCampaign  *campaign,
                guint                index,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) group = NULL;
  g_autoptr(sqlite3_stmt) code = NULL;
  char uuid[37];
  gint64 group_id;

  if (!(group = prepare (demo, "INSERT INTO code_groups (uuid, name, created_at)"
                               " VALUES (:uuid, :name, :now)", error)) ||
      !(code = prepare (demo, "INSERT INTO codes (group_id, code) VALUES (:group, :code)", error)))
    return 0;

  random_uuid (demo, uuid);
  _loy_sqlite_bind_text (group, ":uuid", uuid);
  _loy_sqlite_bind_text (group, ":name", campaign->name);
  _loy_sqlite_bind_int64 (group, ":now", day_start (demo, -30));
  if (!run (group, error))
    return 0;

  group_id = sqlite3_last_insert_rowid (demo->db);
  _loy_sqlite_bind_int64 (code, ":group", group_id);
  for (guint c = 0; c < campaign->n_codes; c++)
    {
      g_autofree char *text = g_strdup_printf ("C%u-%04u-%04X", index + 1, c + 1,
                                               g_rand_int_range (demo->random, 0, 0x10000));

      _loy_sqlite_bind_text (code, ":code", text);
      if (!run (code, error))
        return 0;
    }

  return group_id;
}

/* Contacts to whom the cost is a real share of their points buy codes: the
 * code, the entry naming campaign and code, the purchase, the balance and
 * level after it (the demo keeps balances itself). */
static gboolean
add_purchases (DemoCampaigns       *demo,
               const DemoCampaign  *campaign,
               gint64               campaign_id,
               gint64               group_id,
               gint64               level_id,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) buyers = NULL;
  g_autoptr(sqlite3_stmt) claim = NULL;
  g_autoptr(sqlite3_stmt) entry = NULL;
  g_autoptr(sqlite3_stmt) purchase = NULL;
  g_autoptr(sqlite3_stmt) pay = NULL;
  gint64 bought_at = day_start (demo, -3);
  int rc;

  if (!(buyers = prepare (demo, "SELECT id FROM contacts WHERE balance BETWEEN :cost AND 10 * :cost"
                                " AND created_at < :at AND (:level IS NULL OR level_id = :level)"
                                " ORDER BY id LIMIT :n", error)) ||
      !(claim = prepare (demo, "UPDATE codes SET contact_id = :contact, issued_at = :at"
                               " WHERE id = (SELECT min (id) FROM codes WHERE group_id = :group"
                               "  AND contact_id IS NULL) RETURNING id, code", error)) ||
      !(entry = prepare (demo, "INSERT INTO ledger_entries (uuid, contact_id, entry_type, credits,"
                               " reason, code_id, campaign_id, created_at) VALUES (:uuid, :contact,"
                               " 'CAMPAIGN_PURCHASE', -:cost, :reason, :code_id, :campaign, :at)",
                         error)) ||
      !(purchase = prepare (demo, "INSERT INTO campaign_purchases (uuid, campaign_id, contact_id,"
                                  " code_id, code, cost_in_points, entry_id, active_from,"
                                  " delivery_status, created_at) VALUES (:uuid, :campaign, :contact,"
                                  " :code_id, :code, :cost, :entry, :at, :delivery, :at)", error)) ||
      !(pay = prepare (demo, "UPDATE contacts SET balance = balance - :cost,"
                             " level_id = (SELECT id FROM levels WHERE threshold <= balance - :cost"
                             "  ORDER BY threshold DESC LIMIT 1) WHERE id = :contact", error)))
    return FALSE;

  _loy_sqlite_bind_int64 (buyers, ":cost", campaign->cost_in_points);
  _loy_sqlite_bind_int64 (buyers, ":at", bought_at);
  _loy_sqlite_bind_int64 (buyers, ":n", campaign->n_purchases);
  _loy_sqlite_bind_int64_or_null (buyers, ":level", level_id);
  while ((rc = sqlite3_step (buyers)) == SQLITE_ROW)
    {
      gint64 contact_id = sqlite3_column_int64 (buyers, 0);
      g_autofree char *code = NULL;
      g_autofree char *reason = NULL;
      char uuid[37];
      gint64 code_id;

      _loy_sqlite_bind_int64 (claim, ":contact", contact_id);
      _loy_sqlite_bind_int64 (claim, ":at", bought_at);
      _loy_sqlite_bind_int64 (claim, ":group", group_id);
      if (sqlite3_step (claim) != SQLITE_ROW)
        break;
      code_id = sqlite3_column_int64 (claim, 0);
      code = g_strdup ((const char *) sqlite3_column_text (claim, 1));
      if (!run (claim, error))
        return FALSE;

      reason = g_strdup_printf ("%s, code %s", campaign->name, code);
      random_uuid (demo, uuid);
      _loy_sqlite_bind_text (entry, ":uuid", uuid);
      _loy_sqlite_bind_int64 (entry, ":contact", contact_id);
      _loy_sqlite_bind_int64 (entry, ":cost", campaign->cost_in_points);
      _loy_sqlite_bind_text (entry, ":reason", reason);
      _loy_sqlite_bind_int64 (entry, ":code_id", code_id);
      _loy_sqlite_bind_int64 (entry, ":campaign", campaign_id);
      _loy_sqlite_bind_int64 (entry, ":at", bought_at);
      if (!run (entry, error))
        return FALSE;

      random_uuid (demo, uuid);
      _loy_sqlite_bind_text (purchase, ":uuid", uuid);
      _loy_sqlite_bind_int64 (purchase, ":campaign", campaign_id);
      _loy_sqlite_bind_int64 (purchase, ":contact", contact_id);
      _loy_sqlite_bind_int64 (purchase, ":code_id", code_id);
      _loy_sqlite_bind_text (purchase, ":code", code);
      _loy_sqlite_bind_int64 (purchase, ":cost", campaign->cost_in_points);
      _loy_sqlite_bind_int64 (purchase, ":entry", sqlite3_last_insert_rowid (demo->db));
      _loy_sqlite_bind_int64 (purchase, ":at", bought_at);
      _loy_sqlite_bind_text (purchase, ":delivery",
                             campaign->campaign_type == LOY_CAMPAIGN_TYPE_GIFT_CODE ? "ordered" : NULL);
      _loy_sqlite_bind_int64 (pay, ":cost", campaign->cost_in_points);
      _loy_sqlite_bind_int64 (pay, ":contact", contact_id);
      if (!run (purchase, error) || !run (pay, error))
        return FALSE;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _loy_sqlite_set_error (error, demo->db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_categories (DemoCampaigns  *demo,
                gint64         *category_ids,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) insert = prepare (demo, "INSERT INTO campaign_categories (uuid, name,"
                                                  " sort_order, created_at)"
                                                  " VALUES (:uuid, :name, :sort, :now)", error);

  if (insert == NULL)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (demo_categories); k++)
    {
      char uuid[37];

      random_uuid (demo, uuid);
      _loy_sqlite_bind_text (insert, ":uuid", uuid);
      _loy_sqlite_bind_text (insert, ":name", demo_categories[k]);
      _loy_sqlite_bind_int64 (insert, ":sort", k);
      _loy_sqlite_bind_int64 (insert, ":now", day_start (demo, -365));
      if (!run (insert, error))
        return FALSE;
      category_ids[k] = sqlite3_last_insert_rowid (demo->db);
    }

  return TRUE;
}

static gboolean
add_campaigns (DemoCampaigns  *demo,
               gint64          gold_level_id,
               gint64          segment_id,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  gint64 category_ids[G_N_ELEMENTS (demo_categories)];

  if (!add_categories (demo, category_ids, error) ||
      !(insert = prepare (demo, "INSERT INTO campaigns (uuid, campaign_type, name, default_language,"
                                " is_active, cost_in_points, point_value_cents, transaction_percentage,"
                                " target_type, activity_all_time, active_from, active_to,"
                                " visibility_all_time, visible_from, visible_to, purchase_limit,"
                                " limit_per_contact, code_group_id, shared_code, connect_type,"
                                " created_at) VALUES (:uuid, :type, :name, 'en', :active, :cost,"
                                " :point_value, :percentage, :target, :activity_all_time, :from,"
                                " :to, :visibility_all_time, :visible_from, :visible_to, :limit,"
                                " :limit_per_contact, :group, :shared_code, :connect_type,"
                                " :created_at)", error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_campaigns); i++)
    {
      const DemoCampaign *campaign = &demo_campaigns[i];
      gboolean activity_all_time = campaign->active_from_day == 0 && campaign->active_to_day == 0;
      gboolean visibility_all_time = campaign->visible_from_day == 0 && campaign->visible_to_day == 0;
      gint64 group_id = 0;
      gint64 campaign_id;
      char uuid[37];

      if (campaign->n_codes > 0 && !(group_id = add_code_group (demo, campaign, i, error)))
        return FALSE;

      random_uuid (demo, uuid);
      _loy_sqlite_bind_text (insert, ":uuid", uuid);
      _loy_sqlite_bind_text (insert, ":type", loy_enum_to_nick (LOY_TYPE_CAMPAIGN_TYPE,
                                                                campaign->campaign_type));
      _loy_sqlite_bind_text (insert, ":name", campaign->name);
      _loy_sqlite_bind_int64 (insert, ":active", campaign->is_active);
      _loy_sqlite_bind_int64 (insert, ":cost", campaign->cost_in_points);
      _loy_sqlite_bind_int64_or_null (insert, ":point_value", campaign->point_value_cents);
      _loy_sqlite_bind_int64 (insert, ":percentage", campaign->percentage);
      _loy_sqlite_bind_text (insert, ":target", campaign->target_type);
      _loy_sqlite_bind_int64 (insert, ":activity_all_time", activity_all_time);
      _loy_sqlite_bind_int64 (insert, ":from", activity_all_time ? 0 : day_start (demo, campaign->active_from_day));
      _loy_sqlite_bind_int64 (insert, ":to", activity_all_time ? 0 : day_end (demo, campaign->active_to_day));
      _loy_sqlite_bind_int64 (insert, ":visibility_all_time", visibility_all_time);
      _loy_sqlite_bind_int64 (insert, ":visible_from",
                              visibility_all_time ? 0 : day_start (demo, campaign->visible_from_day));
      _loy_sqlite_bind_int64 (insert, ":visible_to",
                              visibility_all_time ? 0 : day_end (demo, campaign->visible_to_day));
      _loy_sqlite_bind_int64_or_null (insert, ":limit", campaign->limit);
      _loy_sqlite_bind_int64_or_null (insert, ":limit_per_contact", campaign->limit_per_contact);
      _loy_sqlite_bind_int64_or_null (insert, ":group", group_id != 0 ? group_id : LOY_UNSET);
      _loy_sqlite_bind_text (insert, ":shared_code", campaign->shared_code);
      _loy_sqlite_bind_text (insert, ":connect_type",
                             campaign->campaign_type == LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE
                             ? "qr_code" : NULL);
      _loy_sqlite_bind_int64 (insert, ":created_at",
                              day_start (demo, -30 * (gint64) (G_N_ELEMENTS (demo_campaigns) - i)));
      if (!run (insert, error))
        return FALSE;

      campaign_id = sqlite3_last_insert_rowid (demo->db);
      if (!add_texts_labels_links (demo, campaign, campaign_id, category_ids,
                                   g_str_equal (campaign->target_type, "SEGMENT") ? segment_id
                                                                                  : gold_level_id,
                                   error) ||
          (campaign->n_purchases > 0 &&
           !add_purchases (demo, campaign, campaign_id, group_id,
                           g_str_equal (campaign->target_type, "LEVEL") ? gold_level_id : LOY_UNSET,
                           error)))
        return FALSE;
    }

  return TRUE;
}

gboolean
_loy_sqlite_demo_add_campaigns (sqlite3  *db,
                                guint64   seed,
                                gint64    end,
                                gint64    gold_level_id,
                                gint64    segment_id,
                                GError  **error)
{
  DemoCampaigns demo = { db, g_rand_new_with_seed ((guint32) (seed ^ (seed >> 32))), end };
  gboolean added = add_campaigns (&demo, gold_level_id, segment_id, error);

  g_rand_free (demo.random);
  return added;
}
