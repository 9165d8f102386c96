/* loy-campaign-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "loy-campaign-summary.h"
#include "loy-format.h"

static void
add_summary_row (GtkListBox *list,
                 const char *title,
                 const char        *value)
{
  GtkWidget *row = adw_action_row_new ();
  /* Rows read markup; a name may hold '&' or '<'. */
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *value_markup = g_markup_escape_text (value, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value_markup);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static void
add_days_row (GtkListBox *list,
              const char        *title,
              gint64             days,
              const char        *none)
{
  g_autofree char *text = NULL;

  if (days > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), (guint) days);
  add_summary_row (list, title, text ?: none);
}

static void
add_limit_row (GtkListBox *list,
               const char *title,
               gint64      limit)
{
  g_autofree char *text = limit != LOY_UNSET ? g_strdup_printf ("%" G_GINT64_FORMAT, limit) : NULL;

  add_summary_row (list, title, text ?: _("Unlimited"));
}

/* The languages the texts are written in, the default first. */
static void
add_languages_row (GtkListBox  *list,
                   LoyCampaign *campaign)
{
  const char *default_language = loy_campaign_get_default_language (campaign);
  g_auto(GStrv) languages = loy_campaign_dup_languages (campaign);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *line = NULL;

  g_ptr_array_add (labels, (gpointer) loy_campaign_language_get_label (default_language));
  for (guint i = 0; languages[i] != NULL; i++)
    if (!g_str_equal (languages[i], default_language))
      g_ptr_array_add (labels, (gpointer) loy_campaign_language_get_label (languages[i]));
  g_ptr_array_add (labels, NULL);
  line = g_strjoinv (", ", (char **) labels->pdata);
  add_summary_row (list, _("Languages"), line);
}

static void
add_target_rows (GtkListBox *list,
                 LoyCampaign       *campaign,
                 gint64             reach)
{
  g_autofree char *target = NULL;
  g_autofree char *count = NULL;
  guint n;

  switch (loy_campaign_get_target_type (campaign))
    {
    case LOY_TARGET_TYPE_LEVEL:
      n = g_strv_length ((char **) loy_campaign_get_level_uuids (campaign));
      target = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Contacts at %u level",
                                             "Contacts at any of %u levels", n), n);
      break;

    case LOY_TARGET_TYPE_SEGMENT:
      n = g_strv_length ((char **) loy_campaign_get_segment_uuids (campaign));
      target = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Members of %u segment",
                                             "Members of any of %u segments", n), n);
      break;

    default:
      target = g_strdup (_("Everyone"));
    }

  add_summary_row (list, _("Target"), target);
  if (reach != LOY_UNSET)
    count = loy_format_count (reach);
  add_summary_row (list, _("Contacts reached"), count ?: _("Not counted yet"));
}

void
loy_campaign_summary_fill (GtkListBox  *list,
                           LoyCampaign *campaign,
                           const char  *connect_type,
                           const char  *coupons,
                           const char  *brand_image,
                           gint64       reach,
                           const char  *schedule)
{
  LoyCampaignType type = loy_campaign_get_campaign_type (campaign);
  LoyCampaignFields fields = loy_campaign_type_get_fields (type);
  const char *language = loy_campaign_get_default_language (campaign);
  const char *short_description = loy_campaign_get_text (campaign, language,
                                                         LOY_CAMPAIGN_TEXT_SHORT_DESCRIPTION);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  add_summary_row (list, _("Type"), loy_campaign_type_get_label (type));
  add_summary_row (list, _("Name"), loy_campaign_get_name (campaign));
  add_summary_row (list, _("Short description"), short_description ?: _("None"));
  add_languages_row (list, campaign);
  add_summary_row (list, _("Brand image"), brand_image ?: _("None"));
  add_summary_row (list, _("Status"), loy_campaign_get_is_active (campaign) ? _("Active") : _("Inactive"));

  if (fields & LOY_CAMPAIGN_FIELD_COST_IN_POINTS)
    {
      g_autofree char *cost = loy_format_points (loy_campaign_get_cost_in_points (campaign));

      add_summary_row (list, _("Cost in points"), cost);
    }
  if (fields & LOY_CAMPAIGN_FIELD_POINT_VALUE)
    {
      g_autofree char *value = loy_format_money (loy_campaign_get_point_value_cents (campaign));

      add_summary_row (list, _("Point value"), value);
    }
  if (fields & LOY_CAMPAIGN_FIELD_TRANSACTION_PERCENTAGE)
    {
      g_autofree char *percentage = g_strdup_printf (_("%d %%"),
                                                     (int) loy_campaign_get_transaction_percentage (campaign));

      add_summary_row (list, _("Percentage of the purchase"), percentage);
    }
  if (fields & LOY_CAMPAIGN_FIELD_LIMITS)
    {
      add_limit_row (list, _("Total limit"), loy_campaign_get_limit (campaign));
      add_limit_row (list, _("Limit per contact"), loy_campaign_get_limit_per_contact (campaign));
    }
  if (fields & LOY_CAMPAIGN_FIELD_COUPONS)
    add_summary_row (list, _("Coupons"), coupons);
  if (fields & LOY_CAMPAIGN_FIELD_CONNECT_TYPE)
    add_summary_row (list, _("Connect type"),
                     connect_type);
  if (fields & LOY_CAMPAIGN_FIELD_DAYS)
    {
      add_days_row (list, _("Days before use"), loy_campaign_get_days_inactive (campaign), _("None"));
      add_days_row (list, _("Days valid"), loy_campaign_get_days_valid (campaign), _("Forever"));
    }

  add_target_rows (list, campaign, reach);
  add_summary_row (list, _("Activity & visibility"),
                   schedule);
  add_summary_row (list, _("More information link"),
                   loy_campaign_get_more_information_link (campaign) ?: _("None"));
  add_summary_row (list, _("Push notification text"), loy_campaign_get_push_text (campaign) ?: _("None"));
  add_summary_row (list, _("Featured"), loy_campaign_get_featured (campaign) ? _("Yes") : _("No"));
  add_summary_row (list, _("Public"), loy_campaign_get_public (campaign) ? _("Yes") : _("No"));
}
