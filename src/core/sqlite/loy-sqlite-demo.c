/* loy-sqlite-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-sqlite"

#include "config.h"

#include <stdarg.h>
#include <glib/gi18n-lib.h>

#include "loy-error.h"
#include "loy-ledger-rules.h"
#include "loy-segment-criteria.h"
#include "loy-sqlite-db.h"
#include "loy-sqlite-demo.h"
#include "loy-sqlite-demo-campaigns.h"
#include "loy-sqlite-program.h"
#include "loy-sqlite-rollups.h"
#include "loy-sqlite-schema.h"

#define DAY ((gint64) 86400)
/* A year of history, ending at the start of the day the demo is made. */
#define HISTORY_DAYS 365
/* The demo program's points expire after this; a monthly run expires them. */
#define EXPIRY_MONTHS 6
#define EXPIRY_RUN_DAYS 30
/* At most this many purchases per contact. */
#define MAX_PURCHASES 24
#define SEED_MEDIA "https://images.unsplash.com/photo-1565945887714-d5139f4eb0ce"

typedef struct
{
  const char    *uuid;
  const char    *title;
  const char    *description;
  LoyRewardType  reward_type;
  gint64         required_credits;
  gint64         cost_price_cents;
  gboolean       pre_redeemable;
  gint64         expiration_duration;
  const char    *custom_attributes;
  const char    *media_value;
} DemoReward;

/* The example list of seed document 002, as the API returns it. */
static const DemoReward seed_rewards[] = {
  { "6bfe1e50-b13a-49ab-85c9-98cd8b734da2", "Jellyfish Net", "Help save the jellyfish",
    LOY_REWARD_TYPE_DIGITAL, 25, LOY_UNSET, FALSE, LOY_UNSET,
    "{\"custom_attribute_one\":\"ABC\",\"custom_attribute_two\":\"123\"}", SEED_MEDIA },
  { "bcd51b4b-88be-4a5d-b658-0e59dc1dabbc", "Krabby Patty",
    "Choice between Kelp Shake, Coral Bits or Barnacle Chips",
    LOY_REWARD_TYPE_PHYSICAL, 50, LOY_UNSET, FALSE, LOY_UNSET,
    "{\"custom_attribute_one\":\"DEF\",\"custom_attribute_two\":\"456\"}", SEED_MEDIA },
  { "539483d0-fab4-40db-add5-2ec65ef12901", "Kelp Shake Deluxe",
    "Choice between Kelp Fries, Coral Shake or Seaweed Salad",
    LOY_REWARD_TYPE_PHYSICAL, 75, LOY_UNSET, TRUE, 6307200,
    "{\"custom_attribute_one\":\"GHI\",\"custom_attribute_two\":\"789\"}", SEED_MEDIA },
  { "31909cd8-a078-49a9-a7e1-aa95aa9e8c4d", "Krusty Krab Hat",
    "Size: Small Fry/Regular/Krabby/Super-Sized",
    LOY_REWARD_TYPE_PHYSICAL, 150, LOY_UNSET, FALSE, LOY_UNSET,
    "{\"custom_attribute_one\":\"JKL\",\"custom_attribute_two\":\"012\"}", SEED_MEDIA },
};

/* Further rewards, cycled through for as many as asked. */
static const DemoReward reward_templates[] = {
  { NULL, "Free Coffee", "Any size, any roast", LOY_REWARD_TYPE_PHYSICAL, 40, 45 },
  { NULL, "€5 Webshop Credit", "Five euros off your next online order",
    LOY_REWARD_TYPE_DIGITAL, 100, 500 },
  { NULL, "Reusable Cup", "Keeps drinks hot for hours", LOY_REWARD_TYPE_PHYSICAL, 120, 350 },
  { NULL, "10% Discount Code", "Ten percent off one webshop order",
    LOY_REWARD_TYPE_DIGITAL, 80, LOY_UNSET },
  { NULL, "Tote Bag", "Sturdy cotton bag with the shop's logo", LOY_REWARD_TYPE_PHYSICAL, 200, 400 },
  { NULL, "Free Delivery", "No delivery costs on your next order",
    LOY_REWARD_TYPE_DIGITAL, 60, 495 },
  { NULL, "Barnacle Chips", "A bag of salted barnacle chips", LOY_REWARD_TYPE_PHYSICAL, 30, 80 },
  { NULL, "Cinema Ticket", "One ticket for any film, any day", LOY_REWARD_TYPE_DIGITAL, 300, 1100 },
  { NULL, "Plush Jellyfish", "Soft toy, 25 cm", LOY_REWARD_TYPE_PHYSICAL, 250, 600 },
  { NULL, "€10 Gift Card", "Spend it in any of our shops", LOY_REWARD_TYPE_DIGITAL, 400, 1000 },
  { NULL, "Anchor Mug", "Ceramic mug, dishwasher safe", LOY_REWARD_TYPE_PHYSICAL, 150, 300 },
  { NULL, "Music Streaming Month", "One month of ad-free music",
    LOY_REWARD_TYPE_DIGITAL, 500, 999 },
  { NULL, "Beach Towel", "Large striped cotton towel", LOY_REWARD_TYPE_PHYSICAL, 600, 1200 },
  { NULL, "Coral Bits Combo", "Coral Bits with a drink of your choice",
    LOY_REWARD_TYPE_PHYSICAL, 90, 210 },
};

static const char * const first_names[] = {
  "Emma", "Liam", "Sophie", "Noah", "Julia", "Daan", "Mila", "Sem", "Zoë", "Lucas",
  "Anna", "Finn", "Sara", "Levi", "Eva", "Milan", "Olivia", "Jesse", "Lotte", "Thomas",
  "Fatima", "Mohamed", "Aisha", "Youssef", "Priya", "Arjun", "Mei", "Hiroshi", "Yuki", "Chen",
  "José", "María", "Lucía", "Mateo", "Søren", "Ingrid", "Łukasz", "Agnieszka", "Chloé", "Théo",
  "Amara", "Kwame", "Ngozi", "Oleksandr", "Dagny", "Björn", "Siobhán", "Ciarán",
};

static const char * const last_names[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
  "Mulder", "de Boer", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer",
  "Müller", "Schmidt", "Dubois", "Lefèvre", "García", "Fernández", "Rossi", "Bianchi",
  "Kowalski", "Nowak", "Novák", "Andersen", "Nielsen", "Lindqvist", "O'Brien", "Murphy",
  "Smith", "Johnson", "Okafor", "Mensah", "Haddad", "El Amrani", "Yılmaz", "Kaya",
  "Patel", "Sharma", "Tanaka", "Suzuki", "Wang", "Nguyen", "Kim", "Silva",
};

static const char * const email_domains[] = {
  "example.com", "example.org", "example.net", "mail.example", "post.example",
};

typedef struct
{
  guint64 state;
} DemoRandom;

/* splitmix64: tiny, fast, and the same sequence everywhere. */
static guint64
demo_random_next (DemoRandom *random)
{
  guint64 z = (random->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return z ^ (z >> 31);
}

/* A number in [0, n). */
static gint64
demo_random_below (DemoRandom *random,
                   gint64      n)
{
  return demo_random_next (random) % (guint64) n;
}

/* A version 4 UUID from the demo's random sequence. */
static void
demo_random_uuid (DemoRandom *random,
                  char        uuid[37])
{
  guint64 high = demo_random_next (random);
  guint64 low = demo_random_next (random);

  g_snprintf (uuid, 37, "%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (high >> 32), (guint) (high >> 16) & 0xffff, (guint) high & 0xfff,
              (guint) (0x8000 | ((low >> 48) & 0x3fff)), low & G_GUINT64_CONSTANT (0xffffffffffff));
}

/* A version 7 UUID: @sequence stands in for the millisecond timestamp, so
 * entries made in order sort in order and their index grows at the end. */
static void
demo_sequential_uuid (DemoRandom *random,
                      gint64      start,
                      gint64      sequence,
                      char        uuid[37])
{
  guint64 ms = (guint64) start * 1000 + sequence;
  guint64 low = demo_random_next (random);

  g_snprintf (uuid, 37, "%08x-%04x-7%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (ms >> 16), (guint) ms & 0xffff, (guint) (low >> 52),
              (guint) (0x8000 | ((low >> 36) & 0x3fff)), low & G_GUINT64_CONSTANT (0xffffffffffff));
}

/* A redeemable code such as "K7QF-2MZP-9XHD", without look-alike characters. */
static void
demo_random_code (DemoRandom *random,
                  char        code[15])
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  guint64 bits = demo_random_next (random);
  guint length = 0;

  for (guint i = 0; i < 12; i++, bits >>= 5)
    {
      if (i > 0 && i % 4 == 0)
        code[length++] = '-';
      code[length++] = alphabet[bits & 31];
    }
  code[length] = '\0';
}

/* Binds the arguments to @stmt's positional parameters by @types, one letter
 * each: 't' text, 'i' gint64, 'n' gint64 stored as NULL when LOY_UNSET, and
 * runs it. */
static gboolean
run_statement (sqlite3_stmt  *stmt,
            GError       **error,
            const char    *types,
            ...)
{
  va_list args;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      switch (types[i])
        {
        case 't':
          sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_STATIC);
          break;

        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;

        case 'n':
          {
            gint64 value = va_arg (args, gint64);

            if (value == LOY_UNSET)
              sqlite3_bind_null (stmt, i + 1);
            else
              sqlite3_bind_int64 (stmt, i + 1, value);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  return _loy_sqlite_step_done (stmt, error);
}

/* A reward contacts redeem: physical with unlimited stock, or digital
 * with codes of its group (code ids first_code_id …, n_issued of them out,
 * at most a quarter). */
typedef struct
{
  gint64 reward_id;
  gint64 required_credits;
  gint64 first_code_id;   /* 0: physical */
  gint64 n_codes;
  gint64 n_issued;
} DemoRedeemable;

/* An entry of the contact being made, written once the contact is. */
typedef struct
{
  const char *entry_type;
  gint64      credits;
  const char *reason;
  gint64      shop_id;
  gint64      reward_id;
  gint64      code_id;
  gint64      created_at;
} DemoEntry;

/* The contact being made: its points as they come and go. */
typedef struct
{
  GArray *entries;          /* DemoEntry, in time order */
  gint64  earned_at[MAX_PURCHASES + 1];
  gint64  earned[MAX_PURCHASES + 1];
  guint   n_earned;
  gint64  spent;            /* redeemed and expired */
  gint64  balance;
  gint64  next_run;         /* the next expiry run */
} DemoTimeline;

typedef struct
{
  sqlite3        *db;
  DemoRandom      random;
  GCancellable   *cancellable;
  const LoyDemoOptions *options;

  gint64          start;          /* the history: [start, end) */
  gint64          end;
  gint64          shop_ids[3];
  gint64          level_ids[3];
  gint64          segment_ids[3];
  GArray         *redeemables;    /* DemoRedeemable */
  gint64          n_ledger_entries;

  sqlite3_stmt   *insert_ledger;
} Demo;

static const gint64 level_thresholds[] = { 0, 500, 2000 };

static gint64
level_for_balance (Demo   *demo,
                   gint64  balance)
{
  guint level = 0;

  while (level + 1 < G_N_ELEMENTS (level_thresholds) && balance >= level_thresholds[level + 1])
    level++;

  return demo->level_ids[level];
}

static gboolean
add_ledger_entry (Demo             *demo,
                  gint64            contact_id,
                  const DemoEntry  *entry,
                  GError          **error)
{
  char uuid[37];

  demo_sequential_uuid (&demo->random, demo->start, demo->n_ledger_entries++, uuid);

  return run_statement (demo->insert_ledger, error, "tititnnni",
                        uuid, contact_id, entry->entry_type, entry->credits, entry->reason,
                        entry->shop_id, entry->reward_id, entry->code_id, entry->created_at);
}

/* The one condition of demo segment @index. */
static JsonObject *
new_demo_segment_condition (guint       index,
                            const char *gold_uuid)
{
  const char * const gold[] = { gold_uuid, NULL };

  switch (index)
    {
    case 0:
      return loy_segment_condition_new_balance (1000, LOY_UNSET);
    case 1:
      return loy_segment_condition_new_level (gold);
    case 2:
      return loy_segment_condition_new_last_activity (30);
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
add_shops_levels_segments (Demo    *demo,
                           GError **error)
{
  static const char * const shop_names[] = {
    "Krusty Krab Bikini Bottom", "Krusty Krab Rock Bottom", "Webshop",
  };
  static const char * const level_names[] = { "Bronze", "Silver", "Gold" };
  static const struct { const char *name, *description; } segments[] = {
    { "Big spenders", "Contacts holding 1,000 points or more" },
    { "Gold members", "Everyone at the Gold level" },
    { "Recently active", "Earned or spent points in the last 30 days" },
  };
  char level_uuids[G_N_ELEMENTS (level_names)][37];
  g_autoptr(sqlite3_stmt) insert_shop = NULL;
  g_autoptr(sqlite3_stmt) insert_level = NULL;
  g_autoptr(sqlite3_stmt) insert_segment = NULL;
  char uuid[37];

  if (!(insert_shop = _loy_sqlite_prepare (demo->db,
                                           "INSERT INTO shops (uuid, name, created_at)"
                                           " VALUES (?1, ?2, ?3)", error)) ||
      !(insert_level = _loy_sqlite_prepare (demo->db,
                                            "INSERT INTO levels (uuid, name, threshold)"
                                            " VALUES (?1, ?2, ?3)", error)) ||
      !(insert_segment = _loy_sqlite_prepare (demo->db,
                                              "INSERT INTO segments (uuid, name, description,"
                                              " criteria, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                              error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (shop_names); i++)
    {
      demo_random_uuid (&demo->random, uuid);
      if (!run_statement (insert_shop, error, "tti", uuid, shop_names[i], demo->start))
        return FALSE;
      demo->shop_ids[i] = sqlite3_last_insert_rowid (demo->db);
    }

  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    {
      demo_random_uuid (&demo->random, level_uuids[i]);
      if (!run_statement (insert_level, error, "tti", level_uuids[i], level_names[i],
                          level_thresholds[i]))
        return FALSE;
      demo->level_ids[i] = sqlite3_last_insert_rowid (demo->db);
    }

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      g_autoptr(JsonNode) criteria = loy_segment_criteria_new ();
      g_autofree char *criteria_json = NULL;

      loy_segment_criteria_add_group (criteria, new_demo_segment_condition (i, level_uuids[2]));
      criteria_json = json_to_string (criteria, FALSE);

      demo_random_uuid (&demo->random, uuid);
      if (!run_statement (insert_segment, error, "tttti", uuid, segments[i].name,
                          segments[i].description, criteria_json, demo->start))
        return FALSE;
      demo->segment_ids[i] = sqlite3_last_insert_rowid (demo->db);
    }

  return TRUE;
}

static gboolean
add_rewards (Demo    *demo,
             GError **error)
{
  g_autoptr(sqlite3_stmt) insert_reward = NULL;
  g_autoptr(sqlite3_stmt) insert_group = NULL;
  g_autoptr(sqlite3_stmt) insert_code = NULL;
  guint n_rewards = G_N_ELEMENTS (seed_rewards) + demo->options->n_rewards;

  if (!(insert_reward = _loy_sqlite_prepare (demo->db,
                                             "INSERT INTO rewards (uuid, title, description,"
                                             " reward_type, is_active, required_credits, media_type,"
                                             " media_value, cost_price_cents, stock, pre_redeemable,"
                                             " expiration_duration, custom_attributes, created_at)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                             " ?12, ?13, ?14)", error)) ||
      !(insert_group = _loy_sqlite_prepare (demo->db,
                                            "INSERT INTO code_groups (uuid, reward_id, name,"
                                            " low_stock_threshold, created_at)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5)", error)) ||
      !(insert_code = _loy_sqlite_prepare (demo->db,
                                           "INSERT INTO codes (group_id, code) VALUES (?1, ?2)",
                                           error)))
    return FALSE;

  for (guint i = 0; i < n_rewards; i++)
    {
      gboolean is_seed = i < G_N_ELEMENTS (seed_rewards);
      guint cycle = is_seed ? 0 : (i - G_N_ELEMENTS (seed_rewards)) / G_N_ELEMENTS (reward_templates);
      const DemoReward *reward = is_seed
        ? &seed_rewards[i]
        : &reward_templates[(i - G_N_ELEMENTS (seed_rewards)) % G_N_ELEMENTS (reward_templates)];
      g_autofree char *title = cycle == 0 ? g_strdup (reward->title)
                                          : g_strdup_printf ("%s (%u)", reward->title, cycle + 1);
      gboolean is_active = is_seed || demo_random_below (&demo->random, 5) != 0;
      gboolean limited = !is_seed && reward->reward_type == LOY_REWARD_TYPE_PHYSICAL &&
                         demo_random_below (&demo->random, 3) == 0;
      gint64 created_at = demo->start - (n_rewards - i) * DAY;
      char uuid[37];
      gint64 reward_id;

      if (reward->uuid != NULL)
        g_strlcpy (uuid, reward->uuid, sizeof uuid);
      else
        demo_random_uuid (&demo->random, uuid);

      if (!run_statement (insert_reward, error, "ttttiittnninti",
                              uuid, title, reward->description,
                              loy_enum_to_nick (LOY_TYPE_REWARD_TYPE, reward->reward_type),
                              (gint64) is_active, reward->required_credits,
                              reward->media_value != NULL ? "image" : NULL, reward->media_value,
                              reward->cost_price_cents,
                              limited ? demo_random_below (&demo->random, 150) : LOY_UNSET,
                              (gint64) reward->pre_redeemable, reward->expiration_duration,
                              reward->custom_attributes != NULL ? reward->custom_attributes : "{}",
                              created_at))
        return FALSE;
      reward_id = sqlite3_last_insert_rowid (demo->db);

      if (reward->reward_type == LOY_REWARD_TYPE_PHYSICAL && is_active && !limited)
        {
          DemoRedeemable redeemable = { reward_id, reward->required_credits };

          g_array_append_val (demo->redeemables, redeemable);
        }

      if (reward->reward_type == LOY_REWARD_TYPE_DIGITAL)
        {
          DemoRedeemable group = { reward_id, reward->required_credits, 0, demo->options->n_codes };
          gint64 group_id;

          demo_random_uuid (&demo->random, uuid);
          if (!run_statement (insert_group, error, "titii", uuid, reward_id, title,
                              (gint64) MAX (demo->options->n_codes / 4, 1), created_at))
            return FALSE;
          group_id = sqlite3_last_insert_rowid (demo->db);

          for (guint c = 0; c < demo->options->n_codes; c++)
            {
              char code[15];

              demo_random_code (&demo->random, code);
              if (!run_statement (insert_code, error, "it", group_id, code))
                return FALSE;
              if (c == 0)
                group.first_code_id = sqlite3_last_insert_rowid (demo->db);
            }

          if (is_active && group.n_codes > 0)
            g_array_append_val (demo->redeemables, group);
        }
    }

  return TRUE;
}

/* "José" → "jose", "O'Brien" → "obrien": the part of an email address. */
static char *
email_slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  char *slug = g_malloc (strlen (ascii) + 1);
  char *out = slug;

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      *out++ = g_ascii_tolower (*p);
  *out = '\0';

  return slug;
}

static void
timeline_add (DemoTimeline *timeline,
              const char   *entry_type,
              gint64        credits,
              const char   *reason,
              gint64        shop_id,
              gint64        reward_id,
              gint64        code_id,
              gint64        created_at)
{
  DemoEntry entry = { entry_type, credits, reason, shop_id, reward_id, code_id, created_at };

  g_array_append_val (timeline->entries, entry);
  timeline->balance += credits;
  if (credits > 0)
    {
      timeline->earned_at[timeline->n_earned] = created_at;
      timeline->earned[timeline->n_earned++] = credits;
    }
  else
    {
      timeline->spent -= credits;
    }
}

/* The monthly expiry runs before @until, as loy_store_expire_points_async()
 * would have written them: points earned before the cutoff and not spent. */
static void
timeline_expire_until (Demo         *demo,
                       DemoTimeline *timeline,
                       gint64        until)
{
  for (; timeline->next_run < until; timeline->next_run += EXPIRY_RUN_DAYS * DAY)
    {
      gint64 cutoff = loy_add_months (timeline->next_run, -EXPIRY_MONTHS);
      gint64 earned = 0, expirable;

      for (guint i = 0; i < timeline->n_earned && timeline->earned_at[i] <= cutoff; i++)
        earned += timeline->earned[i];

      expirable = loy_points_expirable (earned, timeline->spent);
      if (expirable > 0)
        timeline_add (timeline, "EXPIRY", -expirable, "Points expired", LOY_UNSET, LOY_UNSET,
                      LOY_UNSET, timeline->next_run);
    }
}

/* Sometimes, after a purchase, a reward the contact can afford. */
static void
timeline_maybe_redeem (Demo         *demo,
                       DemoTimeline *timeline,
                       gint64        at)
{
  DemoRedeemable *redeemable = NULL;
  gint64 code_id = LOY_UNSET;

  if (demo->redeemables->len == 0 || demo_random_below (&demo->random, 2) != 0)
    return;

  /* A few looks for one within reach. */
  for (guint attempt = 0; attempt < 3 && redeemable == NULL; attempt++)
    {
      redeemable = &g_array_index (demo->redeemables, DemoRedeemable,
                                   demo_random_below (&demo->random, demo->redeemables->len));
      if (timeline->balance < redeemable->required_credits)
        redeemable = NULL;
    }
  if (redeemable == NULL)
    return;

  if (redeemable->first_code_id != 0)
    {
      if (redeemable->n_issued >= redeemable->n_codes / 4)
        return;
      code_id = redeemable->first_code_id + redeemable->n_issued++;
    }

  timeline_add (timeline, "REWARD_RECEPTION", -redeemable->required_credits, "Reward redeemed",
                LOY_UNSET, redeemable->reward_id, code_id, at);
}

/* A contact's year: joining, purchases every few days or weeks (often, for
 * a big spender), redemptions and expiry, up to the end of the history. */
static void
make_timeline (Demo         *demo,
               DemoTimeline *timeline,
               gint64        created_at,
               gboolean      big_spender)
{
  gint64 at = created_at;

  g_array_set_size (timeline->entries, 0);
  timeline->n_earned = 0;
  timeline->spent = 0;
  timeline->balance = 0;
  timeline->next_run = demo->start + EXPIRY_RUN_DAYS * DAY;

  timeline_add (timeline, "WELCOME", 50, "Welcome to the program", LOY_UNSET, LOY_UNSET,
                LOY_UNSET, created_at);

  for (guint p = 0; p < MAX_PURCHASES; p++)
    {
      gint64 shop_id = demo->shop_ids[demo_random_below (&demo->random,
                                                         G_N_ELEMENTS (demo->shop_ids))];
      gint64 credits = big_spender ? 200 + demo_random_below (&demo->random, 700)
                                   : 5 + demo_random_below (&demo->random, 120);

      at += (big_spender ? 2 + demo_random_below (&demo->random, 12)
                         : 4 + demo_random_below (&demo->random, 50)) * DAY +
            demo_random_below (&demo->random, DAY / 2);
      if (at >= demo->end)
        break;

      timeline_expire_until (demo, timeline, at);
      timeline_add (timeline, "CREDIT_RECEPTION", credits, "Purchase", shop_id, LOY_UNSET,
                    LOY_UNSET, at);
      timeline_maybe_redeem (demo, timeline, at + 60);
    }

  timeline_expire_until (demo, timeline, demo->end);
}

static gboolean
add_contacts (Demo    *demo,
              GError **error)
{
  g_autoptr(sqlite3_stmt) insert_contact = NULL;
  g_autoptr(sqlite3_stmt) issue_code = NULL;
  g_auto(GStrv) first_slugs = g_new0 (char *, G_N_ELEMENTS (first_names) + 1);
  g_auto(GStrv) last_slugs = g_new0 (char *, G_N_ELEMENTS (last_names) + 1);
  g_autofree guint *email_uses = g_new0 (guint, G_N_ELEMENTS (first_names) *
                                                G_N_ELEMENTS (last_names) *
                                                G_N_ELEMENTS (email_domains));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (DemoEntry));
  DemoTimeline timeline = { .entries = entries };

  insert_contact = _loy_sqlite_prepare (demo->db,
                                        "INSERT INTO contacts (uuid, email, first_name, last_name,"
                                        " level_id, balance, attributes, created_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  issue_code = _loy_sqlite_prepare (demo->db,
                                    "UPDATE codes SET contact_id = ?1, issued_at = ?2 WHERE id = ?3",
                                    error);
  if (insert_contact == NULL || issue_code == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (first_names); i++)
    first_slugs[i] = email_slug (first_names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (last_names); i++)
    last_slugs[i] = email_slug (last_names[i]);

  for (guint i = 0; i < demo->options->n_contacts; i++)
    {
      guint first = demo_random_below (&demo->random, G_N_ELEMENTS (first_names));
      guint last = demo_random_below (&demo->random, G_N_ELEMENTS (last_names));
      guint domain = demo_random_below (&demo->random, G_N_ELEMENTS (email_domains));
      guint *uses = &email_uses[(first * G_N_ELEMENTS (last_names) + last) *
                                G_N_ELEMENTS (email_domains) + domain];
      gint64 created_at = demo->start + demo_random_below (&demo->random, HISTORY_DAYS * DAY);
      gboolean big_spender = demo_random_below (&demo->random, 8) == 0;
      char email[128];
      char attributes[48];
      char uuid[37];
      gint64 contact_id;

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (demo->cancellable, error))
        return FALSE;

      /* Addresses stay unique: the second Emma de Jong at a domain is emma.dejong2. */
      if ((*uses)++ == 0)
        g_snprintf (email, sizeof email, "%s.%s@%s",
                    first_slugs[first], last_slugs[last], email_domains[domain]);
      else
        g_snprintf (email, sizeof email, "%s.%s%u@%s",
                    first_slugs[first], last_slugs[last], *uses, email_domains[domain]);

      /* Big spenders are known better. */
      if (big_spender || demo_random_below (&demo->random, 3) == 0)
        g_snprintf (attributes, sizeof attributes, "{\"date_of_birth\":\"%04d-%02d-%02d\"}",
                    (int) (1950 + demo_random_below (&demo->random, 55)),
                    (int) (1 + demo_random_below (&demo->random, 12)),
                    (int) (1 + demo_random_below (&demo->random, 28)));
      else
        g_strlcpy (attributes, "{}", sizeof attributes);

      make_timeline (demo, &timeline, created_at, big_spender);

      demo_random_uuid (&demo->random, uuid);
      if (!run_statement (insert_contact, error, "ttttiiti",
                          uuid, email, first_names[first], last_names[last],
                          level_for_balance (demo, timeline.balance), timeline.balance,
                          attributes, created_at))
        return FALSE;
      contact_id = sqlite3_last_insert_rowid (demo->db);

      for (guint e = 0; e < entries->len; e++)
        {
          const DemoEntry *entry = &g_array_index (entries, DemoEntry, e);

          if (!add_ledger_entry (demo, contact_id, entry, error) ||
              (entry->code_id != LOY_UNSET &&
               !run_statement (issue_code, error, "iii", contact_id, entry->created_at,
                               entry->code_id)))
            return FALSE;
        }
    }

  return TRUE;
}

/* The program's default rules, with points that expire. */
static gboolean
write_program (Demo    *demo,
               GError **error)
{
  g_autoptr(LoyProgram) program = loy_program_new ();

  loy_program_set_expiry_months (program, EXPIRY_MONTHS);

  return _loy_sqlite_write_program (demo->db, program, error);
}

/* Row by row, these triggers would cost more than the demo data itself: the
 * demo sets balances itself, indexes all contacts and fills the rollups in
 * one pass instead.
 * Dropped and re-created inside the demo's transaction. */
static const char * const bulk_suspended_triggers[] = {
  "ledger_entries_balance",
  "contacts_fts_insert",
  "contacts_trigram_insert",
  "ledger_entries_rollup",
  "contacts_rollup",
  "contacts_level_rollup_insert",
  "contacts_level_rollup_update",
};

/* Drops the triggers, returning the SQL that re-creates them. */
static GStrv
suspend_triggers (sqlite3  *db,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) select_sql = NULL;
  g_autoptr(GStrvBuilder) definitions = g_strv_builder_new ();

  select_sql = _loy_sqlite_prepare (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
                                        " AND name = ?1", error);
  if (select_sql == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bulk_suspended_triggers); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", bulk_suspended_triggers[i]);

      sqlite3_bind_text (select_sql, 1, bulk_suspended_triggers[i], -1, SQLITE_STATIC);
      if (sqlite3_step (select_sql) != SQLITE_ROW)
        {
          _loy_sqlite_set_error (error, db);
          return NULL;
        }
      g_strv_builder_add (definitions, (const char *) sqlite3_column_text (select_sql, 0));
      sqlite3_reset (select_sql);

      if (!_loy_sqlite_exec (db, drop, error))
        return NULL;
    }

  return g_strv_builder_end (definitions);
}

static gboolean
restore_triggers (sqlite3             *db,
                  const char * const  *definitions,
                  GError             **error)
{
  for (guint i = 0; definitions[i] != NULL; i++)
    if (!_loy_sqlite_exec (db, definitions[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
populate (Demo    *demo,
          GError **error)
{
  g_autoptr(sqlite3_stmt) insert_ledger = NULL;
  g_auto(GStrv) triggers = NULL;
  gint64 has_records;
  g_autoptr(sqlite3_stmt) check = NULL;

  check = _loy_sqlite_prepare (demo->db,
                               "SELECT EXISTS (SELECT 1 FROM rewards) OR EXISTS (SELECT 1 FROM contacts)",
                               error);
  if (check == NULL || sqlite3_step (check) != SQLITE_ROW)
    {
      if (check != NULL)
        _loy_sqlite_set_error (error, demo->db);
      return FALSE;
    }
  has_records = sqlite3_column_int64 (check, 0);
  if (has_records)
    {
      g_set_error (error, LOY_ERROR, LOY_ERROR_CONFLICT,
                   _("The database already holds data; demo data only goes into an empty one"));
      return FALSE;
    }

  insert_ledger = _loy_sqlite_prepare (demo->db,
                                       "INSERT INTO ledger_entries (uuid, contact_id, entry_type,"
                                       " credits, reason, shop_id, reward_id, code_id, created_at)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (insert_ledger == NULL)
    return FALSE;
  demo->insert_ledger = insert_ledger;

  return (triggers = suspend_triggers (demo->db, error)) != NULL &&
         add_shops_levels_segments (demo, error) &&
         add_rewards (demo, error) &&
         write_program (demo, error) &&
         add_contacts (demo, error) &&
         _loy_sqlite_demo_add_campaigns (demo->db, demo->options->seed, demo->end,
                                         demo->level_ids[2], demo->segment_ids[0], error) &&
         _loy_sqlite_exec (demo->db,
                           "INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');"
                           "INSERT INTO contacts_trigram (contacts_trigram) VALUES ('rebuild')",
                           error) &&
         _loy_sqlite_fill_rollups (demo->db, LOY_SQLITE_ACTIVE_AS_BYTES, NULL, NULL, error) &&
         _loy_sqlite_exec (demo->db, LOY_SQLITE_FILL_LAST_ACTIVE_SQL, error) &&
         restore_triggers (demo->db, (const char * const *) triggers, error);
}

gboolean
_loy_sqlite_populate_demo (sqlite3               *db,
                           const LoyDemoOptions  *options,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(GArray) redeemables = g_array_new (FALSE, FALSE, sizeof (DemoRedeemable));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 end = options->end != 0 ? options->end : g_date_time_to_unix (today);
  Demo demo = {
    .db = db,
    .random = { options->seed },
    .cancellable = cancellable,
    .options = options,
    .start = end - HISTORY_DAYS * DAY,
    .end = end,
    .redeemables = redeemables,
  };

  gboolean populated;

  /* A bigger page cache and in-memory statement journals for the bulk
   * insert; the connection's defaults come back afterwards. */
  if (!_loy_sqlite_exec (db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY", error))
    return FALSE;

  populated = _loy_sqlite_begin (db, error) && populate (&demo, error);
  if (populated)
    populated = _loy_sqlite_commit (db, error);
  else
    _loy_sqlite_rollback (db);

  sqlite3_exec (db, "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);

  return populated;
}
