/* loy-campaign-availability.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "loy-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "loy-campaign-availability.h"

typedef struct
{
  gint64 contact_purchases;
  gint64 total_purchases;
  gint64 codes_left;
} CampaignCounts;

struct _LoyCampaignContext
{
  gatomicrefcount  ref_count;
  gint64           balance;
  char            *level_uuid;
  GHashTable      *segments;  /* UUID set */
  GHashTable      *names;     /* level or segment UUID → name */
  GHashTable      *counts;    /* campaign UUID → CampaignCounts */
};

struct _LoyAvailability
{
  gatomicrefcount  ref_count;
  LoyCampaign     *campaign;
  GPtrArray       *reasons;
  gint64           points_needed;
  gboolean         listed;
  gboolean         available;
};

G_DEFINE_BOXED_TYPE (LoyCampaignContext, loy_campaign_context,
                     loy_campaign_context_ref, loy_campaign_context_unref)
G_DEFINE_BOXED_TYPE (LoyAvailability, loy_availability,
                     loy_availability_ref, loy_availability_unref)

LoyCampaignContext *
loy_campaign_context_new (gint64      balance,
                          const char *level_uuid)
{
  LoyCampaignContext *context = g_new0 (LoyCampaignContext, 1);

  g_atomic_ref_count_init (&context->ref_count);
  context->balance = balance;
  context->level_uuid = g_strdup (level_uuid);
  context->segments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  context->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return context;
}

LoyCampaignContext *
loy_campaign_context_ref (LoyCampaignContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);

  g_atomic_ref_count_inc (&context->ref_count);
  return context;
}

void
loy_campaign_context_unref (LoyCampaignContext *context)
{
  g_return_if_fail (context != NULL);

  if (!g_atomic_ref_count_dec (&context->ref_count))
    return;

  g_free (context->level_uuid);
  g_hash_table_unref (context->segments);
  g_hash_table_unref (context->names);
  g_hash_table_unref (context->counts);
  g_free (context);
}

gint64
loy_campaign_context_get_balance (LoyCampaignContext *context)
{
  g_return_val_if_fail (context != NULL, 0);

  return context->balance;
}

const char *
loy_campaign_context_get_level_uuid (LoyCampaignContext *context)
{
  g_return_val_if_fail (context != NULL, NULL);

  return context->level_uuid;
}

void
loy_campaign_context_add_segment (LoyCampaignContext *context,
                                  const char         *segment_uuid)
{
  g_return_if_fail (context != NULL);
  g_return_if_fail (segment_uuid != NULL);

  g_hash_table_add (context->segments, g_strdup (segment_uuid));
}

gboolean
loy_campaign_context_in_segment (LoyCampaignContext *context,
                                 const char         *segment_uuid)
{
  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (segment_uuid != NULL, FALSE);

  return g_hash_table_contains (context->segments, segment_uuid);
}

void
loy_campaign_context_set_name (LoyCampaignContext *context,
                               const char         *uuid,
                               const char         *name)
{
  g_return_if_fail (context != NULL);
  g_return_if_fail (uuid != NULL);
  g_return_if_fail (name != NULL);

  g_hash_table_insert (context->names, g_strdup (uuid), g_strdup (name));
}

void
loy_campaign_context_set_counts (LoyCampaignContext *context,
                                 const char         *campaign_uuid,
                                 gint64              contact_purchases,
                                 gint64              total_purchases,
                                 gint64              codes_left)
{
  CampaignCounts *counts = g_new0 (CampaignCounts, 1);

  g_return_if_fail (context != NULL);
  g_return_if_fail (campaign_uuid != NULL);

  counts->contact_purchases = contact_purchases;
  counts->total_purchases = total_purchases;
  counts->codes_left = codes_left;
  g_hash_table_insert (context->counts, g_strdup (campaign_uuid), counts);
}

static void
reason_free (gpointer data)
{
  LoyAvailabilityReason *reason = data;

  g_free (reason->message);
  g_free (reason);
}

LoyAvailability *
loy_availability_ref (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, NULL);

  g_atomic_ref_count_inc (&availability->ref_count);
  return availability;
}

void
loy_availability_unref (LoyAvailability *availability)
{
  g_return_if_fail (availability != NULL);

  if (!g_atomic_ref_count_dec (&availability->ref_count))
    return;

  g_object_unref (availability->campaign);
  g_ptr_array_unref (availability->reasons);
  g_free (availability);
}

LoyCampaign *
loy_availability_get_campaign (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, NULL);

  return availability->campaign;
}

gboolean
loy_availability_get_listed (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, FALSE);

  return availability->listed;
}

gboolean
loy_availability_get_available (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, FALSE);

  return availability->available;
}

gboolean
loy_availability_get_can_buy (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, FALSE);

  return availability->available &&
         loy_campaign_type_is_coupon (loy_campaign_get_campaign_type (availability->campaign));
}

GPtrArray *
loy_availability_get_reasons (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, NULL);

  return availability->reasons;
}

gboolean
loy_availability_has_reason (LoyAvailability           *availability,
                             LoyAvailabilityReasonKind  kind)
{
  g_return_val_if_fail (availability != NULL, FALSE);

  for (guint i = 0; i < availability->reasons->len; i++)
    {
      LoyAvailabilityReason *reason = g_ptr_array_index (availability->reasons, i);

      if (reason->kind == kind)
        return TRUE;
    }

  return FALSE;
}

gint64
loy_availability_get_points_needed (LoyAvailability *availability)
{
  g_return_val_if_fail (availability != NULL, 0);

  return availability->points_needed;
}

static void add_reason (LoyAvailability           *availability,
                        LoyAvailabilityReasonKind  kind,
                        const char                *format,
                        ...) G_GNUC_PRINTF (3, 4);

static void
add_reason (LoyAvailability           *availability,
            LoyAvailabilityReasonKind  kind,
            const char                *format,
            ...)
{
  LoyAvailabilityReason *reason = g_new0 (LoyAvailabilityReason, 1);
  va_list args;

  va_start (args, format);
  reason->kind = kind;
  reason->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (availability->reasons, reason);
}

/* @unix_seconds as a date and time where @now is: the caller's now carries
 * the time zone the reader lives in. */
static char *
format_time_at (gint64     unix_seconds,
                GDateTime *now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));

  /* Translators: a date and time, as in "Starts on 5 Dec 2026, 09:00";
   * see g_date_time_format() for the codes */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/* Adds @before_kind or @after_kind when @now_seconds is outside the window;
 * returns whether it is inside. */
static gboolean
check_window (LoyAvailability           *availability,
              GDateTime                 *now,
              gboolean                   all_time,
              gint64                     from,
              gint64                     to,
              LoyAvailabilityReasonKind  before_kind,
              const char                *before_format,
              LoyAvailabilityReasonKind  after_kind,
              const char                *after_format)
{
  gint64 now_seconds = g_date_time_to_unix (now);

  if (all_time)
    return TRUE;

  if (now_seconds < from)
    {
      g_autofree char *date = format_time_at (from, now);

      add_reason (availability, before_kind, before_format, date);
      return FALSE;
    }

  if (now_seconds > to)
    {
      g_autofree char *date = format_time_at (to, now);

      add_reason (availability, after_kind, after_format, date);
      return FALSE;
    }

  return TRUE;
}

static char *
join_target_names (LoyCampaignContext *context,
                   const char * const *uuids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; uuids[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (context->names, uuids[i]);

      if (i > 0)
        /* Translators: between two names of levels or segments */
        g_string_append (names, _(", "));
      g_string_append (names, name != NULL ? name : uuids[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
check_target (LoyAvailability    *availability,
              LoyCampaignContext *context)
{
  LoyCampaign *campaign = availability->campaign;
  const char * const *uuids;
  g_autofree char *names = NULL;

  switch (loy_campaign_get_target_type (campaign))
    {
    case LOY_TARGET_TYPE_NONE:
      return TRUE;

    case LOY_TARGET_TYPE_LEVEL:
      uuids = loy_campaign_get_level_uuids (campaign);
      if (context->level_uuid != NULL && g_strv_contains (uuids, context->level_uuid))
        return TRUE;

      names = join_target_names (context, uuids);
      /* Translators: %s is one level or a list of them */
      add_reason (availability, LOY_AVAILABILITY_REASON_NOT_IN_TARGET, _("Only for %s"), names);
      return FALSE;

    case LOY_TARGET_TYPE_SEGMENT:
      uuids = loy_campaign_get_segment_uuids (campaign);
      for (guint i = 0; uuids[i] != NULL; i++)
        if (g_hash_table_contains (context->segments, uuids[i]))
          return TRUE;

      names = join_target_names (context, uuids);
      /* Translators: %s is one segment or a list of them */
      add_reason (availability, LOY_AVAILABILITY_REASON_NOT_IN_TARGET,
                  _("Only for members of %s"), names);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

/* Limits, codes and points: what buying a coupon takes. */
static gboolean
check_purchase (LoyAvailability    *availability,
                LoyCampaignContext *context)
{
  LoyCampaign *campaign = availability->campaign;
  const char *uuid = loy_campaign_get_uuid (campaign);
  CampaignCounts *counts = uuid != NULL ? g_hash_table_lookup (context->counts, uuid) : NULL;
  CampaignCounts no_sales = { 0, 0, LOY_UNSET };
  gint64 limit = loy_campaign_get_limit (campaign);
  gint64 limit_per_contact = loy_campaign_get_limit_per_contact (campaign);
  gint64 cost = loy_campaign_get_cost_in_points (campaign);
  gboolean ok = TRUE;

  if (counts == NULL)
    counts = &no_sales;

  if (limit != LOY_UNSET && counts->total_purchases >= limit)
    {
      add_reason (availability, LOY_AVAILABILITY_REASON_LIMIT_REACHED,
                  g_dngettext (GETTEXT_PACKAGE,
                               "Sold out: the limit of %" PRId64 " purchase is reached",
                               "Sold out: the limit of %" PRId64 " purchases is reached",
                               limit),
                  limit);
      ok = FALSE;
    }

  if (limit_per_contact != LOY_UNSET && counts->contact_purchases >= limit_per_contact)
    {
      add_reason (availability, LOY_AVAILABILITY_REASON_CONTACT_LIMIT_REACHED,
                  g_dngettext (GETTEXT_PACKAGE,
                               "Bought %" PRId64 " time already, the limit per contact",
                               "Bought %" PRId64 " times already, the limit per contact",
                               counts->contact_purchases),
                  counts->contact_purchases);
      ok = FALSE;
    }

  if (loy_campaign_get_shared_code (campaign) == NULL &&
      counts->codes_left != LOY_UNSET && counts->codes_left <= 0)
    {
      add_reason (availability, LOY_AVAILABILITY_REASON_NO_CODES_LEFT, "%s", _("No codes left"));
      ok = FALSE;
    }

  if (context->balance < cost)
    {
      availability->points_needed = cost - MAX (context->balance, 0);
      add_reason (availability, LOY_AVAILABILITY_REASON_NOT_ENOUGH_POINTS,
                  g_dngettext (GETTEXT_PACKAGE,
                               "Needs %" PRId64 " more point",
                               "Needs %" PRId64 " more points",
                               availability->points_needed),
                  availability->points_needed);
      ok = FALSE;
    }

  return ok;
}

LoyAvailability *
loy_campaign_check_availability (LoyCampaign        *campaign,
                                 LoyCampaignContext *context,
                                 GDateTime          *now)
{
  LoyAvailability *availability;
  LoyCampaignType type;
  gboolean active;
  gboolean visible = TRUE;
  gboolean in_activity;
  gboolean in_target;
  gboolean can_purchase = TRUE;
  gboolean got_from_list;

  g_return_val_if_fail (LOY_IS_CAMPAIGN (campaign), NULL);
  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  availability = g_new0 (LoyAvailability, 1);
  g_atomic_ref_count_init (&availability->ref_count);
  availability->campaign = g_object_ref (campaign);
  availability->reasons = g_ptr_array_new_with_free_func (reason_free);

  type = loy_campaign_get_campaign_type (campaign);
  got_from_list = loy_campaign_type_is_coupon (type) ||
                  type == LOY_CAMPAIGN_TYPE_CUSTOM_CAMPAIGN_CODE;

  active = loy_campaign_get_is_active (campaign);
  if (!active)
    add_reason (availability, LOY_AVAILABILITY_REASON_INACTIVE, "%s",
                _("The campaign is inactive"));

  if (loy_campaign_type_get_fields (type) & LOY_CAMPAIGN_FIELD_VISIBILITY)
    visible = check_window (availability, now,
                            loy_campaign_get_visibility_all_time (campaign),
                            loy_campaign_get_visible_from (campaign),
                            loy_campaign_get_visible_to (campaign),
                            LOY_AVAILABILITY_REASON_NOT_LISTED_YET,
                            /* Translators: %s is a date and time */
                            _("Listed from %s"),
                            LOY_AVAILABILITY_REASON_NO_LONGER_LISTED,
                            /* Translators: %s is a date and time */
                            _("Listed until %s"));

  in_activity = check_window (availability, now,
                              loy_campaign_get_activity_all_time (campaign),
                              loy_campaign_get_active_from (campaign),
                              loy_campaign_get_active_to (campaign),
                              LOY_AVAILABILITY_REASON_NOT_STARTED,
                              /* Translators: %s is a date and time */
                              _("Starts on %s"),
                              LOY_AVAILABILITY_REASON_ENDED,
                              /* Translators: %s is a date and time */
                              _("Ended on %s"));

  in_target = check_target (availability, context);

  if (loy_campaign_type_is_coupon (type))
    can_purchase = check_purchase (availability, context);

  availability->listed = type != LOY_CAMPAIGN_TYPE_PERCENTAGE_DISCOUNT_CODE && active && visible;
  availability->available = active && in_activity && in_target && can_purchase &&
                            (visible || !got_from_list);

  return availability;
}
